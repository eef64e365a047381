"""Build the extraction pipeline: `spacy.blank("ar")` with our tokenizer and components.

Order (each component reads what the ones before it left on the doc):
  tokenizer          CAMeL word tokenisation, clitic splitting, norms, lemma/POS tags
  sentence_splitter  sentence boundaries
  date_ruler         DATE spans (grammar), resolved against doc._.published
  law_ruler          LAW spans (citation grammar + named instruments)
  place_ruler        LOCATION spans (gazetteer); the doc's main country
  agency_ruler       AGENCY spans (gazetteer, short forms, back-references)
  agency_tagger      AGENCY spans for bodies no gazetteer lists (trained CRF)
  person_ruler       PERSON spans (first names, titles, name particles)
  mention_resolver   overlaps settled -> doc.spans["mentions"]
  event_detector     events of the timeline -> doc._.events

`build_nlp` has no global state: each process builds its own pipeline. The pipeline is
spaCy's own kind: the tokenizer and every component are made from its config (the
tokenizer through the registry, as TOKENIZER), components read their data files in
`initialize()`, and `nlp.to_disk(path)` saves it whole, so that `spacy.load(path)` (with
this module imported, for the factories) gives the same extraction.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

import nlp.components  # registers the extensions
import nlp.components.agencies  # registers the factories
import nlp.components.agency_model
import nlp.components.grammar
import nlp.components.people
import nlp.components.places
import nlp.components.resolve
import nlp.components.sentences
import nlp.events  # noqa: F401  (registers the event detector)
from nlp.gazetteer import load_agencies, load_places, load_word_list
from nlp.morphology import load_tagger
from nlp.tokenizer import ArabicTokenizer

PIPES = ("sentence_splitter", "date_ruler", "law_ruler", "place_ruler", "agency_ruler",
         "agency_tagger", "person_ruler", "mention_resolver", "event_detector")


def gazetteer_lexicon() -> frozenset[str]:
    """Normalised words of every gazetteer name and every given name: the clitic
    splitter keeps them whole."""
    from nlp.normalise import normalise_text
    words = set()
    for entry in load_agencies() + load_places():
        for name in entry.names:
            words.update(normalise_text(name).split())
    # "لمجلس" in "الأمانة العامة لمجلس التعاون" is ل + a known word: not a word itself
    attached = {w for w in words if w[:1] in "وفبلك" and (w[1:] in words or "ا" + w[1:] in words)}
    # given names stay whole: "فيصل" is not ف + يصل, "سارة" not س + ارة
    names = {w for w in load_word_list("first_names") if " " not in w}
    return frozenset(words - attached) | names


TOKENIZER = "timeline.arabic_tokenizer.v1"


@spacy.registry.tokenizers(TOKENIZER)
def create_arabic_tokenizer(use_tagger: bool = True):
    """The tokenizer of the config: CAMeL's tagger when `use_tagger` and its data is found."""
    def make(nlp: Language) -> ArabicTokenizer:
        return ArabicTokenizer(nlp.vocab, gazetteer_lexicon(), load_tagger() if use_tagger else None)
    return make


# the trained models inside the pipeline, and the component option that turns each off
MODEL_SWITCHES = {"agency_crf": ("agency_tagger", "use_model"),
                  "events": ("event_detector", "use_classifier")}


def build_nlp(use_tagger: bool = True, pipes: tuple[str, ...] = PIPES,
              without: tuple[str, ...] = ()) -> Language:
    """A ready pipeline; CAMeL tagging is used when its data is found and `use_tagger`.

    `pipes` (a subset of PIPES, in order) leaves out components, as training does;
    `without` names trained models to leave out (keys of MODEL_SWITCHES), so the rules
    alone can be scored against rules + model (tests/test_model_value.py).
    """
    unknown = set(without) - set(MODEL_SWITCHES)
    if unknown:
        raise ValueError(f"no such model in the pipeline: {sorted(unknown)}")
    configs = {MODEL_SWITCHES[m][0]: {MODEL_SWITCHES[m][1]: False} for m in without}
    nlp = spacy.blank("ar", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER,
                                                          "use_tagger": use_tagger}}})
    for name in pipes:
        nlp.add_pipe(name, config=configs.get(name, {}))
    nlp.initialize()  # the components read their data files
    return nlp
