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
from spacy.tokens import Doc

from nlp import gazetteer  # its GAZETTEER_DIR read when a component is made
from nlp.components.data_files import DataFiles, data_path
from nlp.components.matching import PhraseTable
from nlp.gazetteer import load_places

DEFAULT_COUNTRY = "KW"
# "منطقة", "ضاحية", "مدينة": words before a place's name that are not part of it
AREA_WORDS = {"منطقه", "ضاحيه", "مدينه"}


class PlaceRuler(DataFiles):
    def __init__(self, nlp: Language, name: str = "place_ruler", places: str | None = None):
        self.vocab, self.make_doc = nlp.vocab, nlp.tokenizer
        self.files = {"places.jsonl": data_path(places, gazetteer.GAZETTEER_DIR / "places.jsonl")}

    def load(self, paths: dict) -> None:
        self.table = PhraseTable(self.vocab, self.make_doc)
        for place in load_places(paths["places.jsonl"]):
            self.table.add_all((n, place) for n in place.names)

    def __call__(self, doc: Doc) -> Doc:
        spans, countries = [], Counter()
        for span, places in self.table.find(doc):
            place = places[0]
            start = span.start + (place.kind == "city" and doc[span.start].norm_ in AREA_WORDS
                                  and span.end - span.start > 1)
            span = doc[start:span.end]  # "منطقة حولي" -> the place "حولي"
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


@Language.factory("place_ruler", assigns=["doc.spans", "doc._.country"],
                  default_config={"places": None})
def make_place_ruler(nlp: Language, name: str, places: str | None) -> PlaceRuler:
    """`places`: the gazetteer (JSON lines) read by `initialize()`; None, the bundled one."""
    return PlaceRuler(nlp, name, places)
