"""Sub-units named by a sub-unit head and a function the gazetteer knows (issue 9).

Used by the `agency_tagger` beside its CRF, which never proposes them: "شعبة البحث
والتحري", "قسم البحث والتحري", "شعبة التحريات". A sub-unit head ("شعبة", "قسم") without
the article, followed by definite words (and "و" + definite words), is a body when those
words open the function of a unit the gazetteer lists ("إدارة البحث والتحري", "إدارة
التحريات الجمركية", "نيابة الاتجار بالبشر"); a ward or a section of anything else ("قسم
الطوارئ", "قسم القانون الدولي") is not. Pure functions over a `Doc` and gazetteer entries.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from nlp.agency_context import _qualifiers, name_key
from nlp.gazetteer import load_agencies
from nlp.normalise import normalise_text

SUB_UNIT_HEADS = frozenset(normalise_text(w) for w in ("شعبة", "قسم"))
# heads of units whose function words name what a sub-unit does
FUNCTION_UNIT_HEADS = frozenset(normalise_text(w) for w in (
    "إدارة", "شعبة", "قسم", "نيابة", "مكتب", "وحدة", "دائرة", "مديرية"))


def _function(words: tuple[str, ...]) -> tuple[str, ...]:
    soft, _ = _qualifiers()
    return tuple(w for w in words if w not in soft)


@lru_cache(maxsize=1)
def unit_functions() -> frozenset[tuple[str, ...]]:
    """The function words of every gazetteer unit name and each of their openings:
    "إدارة البحث والتحري الجمركي" gives (بحث), (بحث, تحري), (بحث, تحري, جمركي)."""
    found = set()
    for agency in load_agencies():
        for name in agency.names:
            key = name_key(name)
            if key and key[0] in FUNCTION_UNIT_HEADS:
                words = _function(key[1:])
                found |= {words[:n] for n in range(1, len(words) + 1)}
    return frozenset(found)


def _complement_end(doc: Doc, start: int) -> int:
    """The end of the definite words (and "و" + definite words) from `start`."""
    end = start
    while end < len(doc):
        norm = doc[end].norm_
        if norm.isalpha() and norm.startswith(("ال", "وال")):
            end += 1
        elif norm == "و" and end + 1 < len(doc) and doc[end + 1].norm_.startswith("ال") \
                and doc[end + 1].norm_.isalpha():
            end += 2
        else:
            break
    return end


def sub_units(doc: Doc, taken: list[Span]) -> list[Span]:
    """Spans of sub-units (module docstring) that overlap none of `taken`."""
    busy = {i for s in taken for i in range(s.start, s.end)}
    spans = []
    for token in doc:
        if token.norm_ not in SUB_UNIT_HEADS or token.i in busy:
            continue
        end = _complement_end(doc, token.i + 1)
        span = doc[token.i:end]
        if end > token.i + 1 and not busy & set(range(token.i, end)) \
                and _function(name_key(span.text)[1:]) in unit_functions():
            spans.append(span)
    return spans
