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

from nlp.components.matching import PhraseTable
from nlp.gazetteer import load_places

DEFAULT_COUNTRY = "KW"
# "منطقة", "ضاحية", "مدينة": words before a place's name that are not part of it
AREA_WORDS = {"منطقه", "ضاحيه", "مدينه"}


class PlaceRuler:
    def __init__(self, nlp: Language, name: str = "place_ruler"):
        self.table = PhraseTable(nlp.vocab, nlp.tokenizer)
        for place in load_places():
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


@Language.factory("place_ruler", assigns=["doc.spans", "doc._.country"])
def make_place_ruler(nlp: Language, name: str) -> PlaceRuler:
    return PlaceRuler(nlp, name)
