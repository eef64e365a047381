"""Component `place_ruler`: LOCATION spans from the places gazetteer.

Countries, cities, regions and groups of countries ("دول مجلس التعاون") are matched on
normalised tokens; each span carries the place id and its country code, and the doc's
main country (the one named most often, Kuwait when none is) is kept for the components
that need a default (agencies with a name shared by several states); cities count for
their country.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from nlp import gazetteer  # its GAZETTEER_DIR read when a component is made
from nlp.components.data_files import DataFiles, data_path
from nlp.components.matching import PhraseTable
from nlp.gazetteer import Place, load_places
from nlp.normalise import normalise_text

DEFAULT_COUNTRY = "KW"
# "منطقة", "ضاحية", "مدينة": words before a place's name that are not part of it
AREA_WORDS = {"منطقه", "ضاحيه", "مدينه"}
# head words of a division: left out when the rest names the same place ("محافظة ظفار" ->
# "ظفار"), kept when the rest is another place ("منطقة جازان", the region; "جازان", the town)
HEAD_WORDS = AREA_WORDS | {"محافظه", "ولايه", "اماره", "بلديه"}
# a city after one of these names a document or a process, not a place ("وثيقة أبوظبي",
# "إعلان الدوحة", "عملية الخرطوم")
DOCUMENT_WORDS = {"وثيقه", "اعلان", "عمليه", "ميثاق", "مسار"}
TANWEEN_FATH = "\u064b"
# words that start like a definite noun but are not one (normalised: "إلى", "الذي", "الآن")
NOT_NOUNS = {"الي", "الا", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "الان"}


class PlaceRuler(DataFiles):
    def __init__(self, nlp: Language, name: str = "place_ruler", places: str | None = None):
        self.vocab, self.make_doc = nlp.vocab, nlp.tokenizer
        self.files = {"places.jsonl": data_path(places, gazetteer.GAZETTEER_DIR / "places.jsonl")}

    def load(self, paths: dict) -> None:
        self.table = PhraseTable(self.vocab, self.make_doc)
        self.own_names: dict[str, set[str]] = {}  # place id -> its names, normalised
        self.adjective_names: set[str] = set()  # "السعودية": a country and its adjective
        for place in load_places(paths["places.jsonl"]):
            self.table.add_all((n, place) for n in place.names)
            norms = {normalise_text(n) for n in place.names}
            self.own_names[place.id] = norms
            self.adjective_names |= norms & {normalise_text(a) for a in place.adjectives}

    def __call__(self, doc: Doc) -> Doc:
        spans, countries = [], Counter()
        for span, places in self.table.find(doc):
            place = places[0]
            if not self._is_place(doc, span, place):
                continue
            span = doc[self._name_start(doc, span, place):span.end]
            span.label_ = "LOCATION"
            span._.canonical = place.id
            span._.country = place.country
            span._.kind = place.kind
            spans.append(span)
            if place.country and place.kind in ("country", "city"):
                countries[place.country] += 1  # a dateline "الرياض" says Saudi Arabia
        doc.spans["places"] = spans
        doc._.country = countries.most_common(1)[0][0] if countries else DEFAULT_COUNTRY
        return doc

    def _name_start(self, doc: Doc, span: Span, place: Place) -> int:
        """Where the place's name starts: after "منطقة" in a town's name ("منطقة حولي" ->
        "حولي"), after any head word of a state's division when the rest is a name of the
        same place ("محافظة ظفار" -> "ظفار"; "منطقة الشرق الأوسط" stays whole)."""
        head, rest = doc[span.start].norm_, [t.norm_ for t in span[1:] if not t.is_space]
        if head in HEAD_WORDS and rest and (
                (place.kind == "city" and head in AREA_WORDS)
                or (place.country and " ".join(rest) in self.own_names[place.id])):
            return span.start + 1
        return span.start

    def _is_place(self, doc: Doc, span: Span, place: Place) -> bool:
        """False for a name that is not a place here: an accusative adjective ("مواطناً
        أفريقياً"), a country's adjective after a definite noun ("الأراضي السعودية"), a city
        in the name of a document ("وثيقة أبوظبي")."""
        if any(TANWEEN_FATH in t.text for t in span):
            return False
        before = previous_word(doc, span.start)
        if before is None:
            return True
        if span.text and normalise_text(span.text) in self.adjective_names \
                and before.norm_.startswith("ال") and before.norm_.isalpha() \
                and before.norm_ not in NOT_NOUNS and before.tag_ not in ("verb", "prep"):
            return False
        word = before.norm_
        document = word in DOCUMENT_WORDS or (word[:1] in "وبلفك" and word[1:] in DOCUMENT_WORDS)
        return not (place.kind in ("city", "region") and document)


def previous_word(doc: Doc, index: int) -> Token | None:
    """The token before `index`, over spaces; None at the start."""
    index -= 1
    while index >= 0 and doc[index].is_space:
        index -= 1
    return doc[index] if index >= 0 else None


@Language.factory("place_ruler", assigns=["doc.spans", "doc._.country"],
                  default_config={"places": None})
def make_place_ruler(nlp: Language, name: str, places: str | None) -> PlaceRuler:
    """`places`: the gazetteer (JSON lines) read by `initialize()`; None, the bundled one."""
    return PlaceRuler(nlp, name, places)
