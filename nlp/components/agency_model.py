"""Component `agency_tagger`: AGENCY names that no gazetteer lists, from a trained CRF.

A linear-chain CRF (sklearn-crfsuite, trained by `models/train.py` on
`data/training/agencies_ner.jsonl`) labels tokens B/I/O. Its features are the token's
norm, affixes, whether it is an organisation head noun, the POS where CAMeL tagging set one
(no lemma), the same for the neighbours, and the gazetteer's own B/I/O (so model and
gazetteer combine). Spans that overlap a gazetteer match are left to the gazetteer. A new agency
gets a stable id from its normalised name, transliterated (`ar2safebw`).
"""

from __future__ import annotations

import logging
import pickle
import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from core.errors import ModelMissingError
from core.paths import MODELS
from nlp.components.agencies import HEAD_NOUNS
from nlp.normalise import normalise_text, strip_article
from nlp.tokenizer import is_word

log = logging.getLogger(__name__)
MODEL_PATH = MODELS / "agency_crf.pkl"
MIN_TOKENS = 2


def token_features(doc: Doc, i: int, gazetteer_tags: list[str]) -> dict:
    """CRF features of token `i` of `doc`."""
    feats = {"bias": 1.0}
    for offset in (-2, -1, 0, 1, 2):
        j = i + offset
        if not 0 <= j < len(doc):
            feats[f"{offset}:edge"] = True
            continue
        token = doc[j]
        norm = token.norm_
        bare = strip_article(norm)
        feats.update({
            f"{offset}:norm": norm, f"{offset}:al": norm.startswith("ال"),
            f"{offset}:head": bare in HEAD_NOUNS, f"{offset}:gaz": gazetteer_tags[j],
            f"{offset}:punct": not norm.isalnum(),
            f"{offset}:suf2": norm[-2:], f"{offset}:clitic": len(norm) == 1 and norm.isalpha(),
        })
        if abs(offset) <= 1:
            feats[f"{offset}:pre3"] = bare[:3]
            feats[f"{offset}:suf3"] = norm[-3:]
            if token.tag_:
                feats[f"{offset}:pos"] = token.tag_
    return feats


def doc_features(doc: Doc) -> list[dict]:
    tags = ["O"] * len(doc)
    for span in doc.spans.get("agencies", []):
        tags[span.start] = "B"
        for k in range(span.start + 1, span.end):
            tags[k] = "I"
    return [token_features(doc, i, tags) for i in range(len(doc))]


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH):
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError) as error:
        raise ModelMissingError(path) from error


_SLUG = re.compile(r"[^a-z0-9]+")


def new_agency_id(name: str, country: str | None) -> str:
    """A stable id for an agency no gazetteer lists, from its normalised name."""
    from camel_tools.utils.charmap import CharMapper

    words = normalise_text(name).split()
    text = CharMapper.builtin_mapper("ar2safebw")(" ".join(words)).lower()
    slug = _SLUG.sub("-", text).strip("-")[:60]
    return f"{(country or 'xx').lower()}-new-{slug}"


class AgencyTagger:
    def __init__(self, nlp: Language, name: str = "agency_tagger"):
        try:
            self.model = load_model()
        except ModelMissingError as error:
            log.warning("agency_tagger is off: %s", error)
            self.model = None

    def __call__(self, doc: Doc) -> Doc:
        if self.model is None or not len(doc):
            doc.spans["agencies_model"] = []
            return doc
        labels = self.model.predict_single(doc_features(doc))
        known = doc.spans.get("agencies", [])
        spans = []
        for start, end in bio_spans(labels):
            span = _trim(doc[start:_continued(doc, end)])
            if span is None or any(span.start < s.end and s.start < span.end for s in known):
                continue
            spans.append(self._labelled(doc, span))
        doc.spans["agencies_model"] = spans
        return doc

    def _labelled(self, doc: Doc, span: Span) -> Span:
        span = Span(doc, span.start, span.end, label="AGENCY")
        span._.country = doc._.country
        span._.canonical = new_agency_id(span.text, doc._.country)
        span._.source = "model"
        return span


# the fixed second half of anti-trafficking bodies' names, which the model may cut off
CONTINUATIONS = (("وتهريب", "المهاجرين"), ("و", "تهريب", "المهاجرين"), ("وتهريب", "البشر"))


def _continued(doc: Doc, end: int) -> int:
    """`end`, moved past "وتهريب المهاجرين" when the name goes on with it."""
    for words in CONTINUATIONS:
        if tuple(t.norm_ for t in doc[end:end + len(words)]) == words:
            return end + len(words)
    return end


def bio_spans(labels: list[str]) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, label in enumerate(labels + ["O"]):
        if label == "B" or label == "O":
            if start is not None:
                spans.append((start, i))
                start = None
            if label == "B":
                start = i
        elif label == "I" and start is None:
            start = i
    return spans


# tokens a name never runs on into: time words, and what opens a title or a date
STOP_NORMS = {"خلال", "منذ", "حتي", "بعد", "قبل", "امس", "اليوم", "عام", "سنه", "اللواء", "العميد",
              "العقيد", "الدكتور", "الشيخ", "السفير", "المستشار", "رئيس", "مدير", "وزير"}


def _trim(span: Span) -> Span | None:
    """Cut at a digit or a stop word, drop edge punctuation; keep spans of two words or
    more that open on a head noun."""
    tokens = []
    for token in span:
        if token.i > span.start and (token.norm_.isdigit() or token.norm_ in STOP_NORMS):
            break
        tokens.append(token)
    while tokens and not is_word(tokens[-1]):
        tokens.pop()
    while tokens and not is_word(tokens[0]):
        tokens.pop(0)
    if len([t for t in tokens if t.norm_.isalpha()]) < MIN_TOKENS:
        return None
    if strip_article(tokens[0].norm_) not in HEAD_NOUNS:
        return None
    return span.doc[tokens[0].i:tokens[-1].i + 1]




@Language.factory("agency_tagger")
def make_agency_tagger(nlp: Language, name: str) -> AgencyTagger:
    return AgencyTagger(nlp, name)
