"""Sub-units named by a sub-unit head and a function the gazetteer knows (issue 9).

Used by the `agency_tagger` beside its CRF, which never proposes them: "شعبة البحث
والتحري", "قسم البحث والتحري", "شعبة التحريات". A sub-unit head ("شعبة", "قسم", "وحدة") without
the article, followed by definite words (and "و" + definite words), is a body when those
words open the function of a unit the gazetteer lists ("إدارة البحث والتحري", "إدارة
التحريات الجمركية", "نيابة الاتجار بالبشر"); a ward or a section of anything else ("قسم
الطوارئ", "قسم القانون الدولي") is not. The trafficking remit's link is part of the
function ("قسم الاتجار في البشر", `trafficking_link_end`).

A police station is named by "مركز شرطة" and the place it serves ("مركز شرطة صلالة",
"مركز شرطة أبي عريش"): the name ends with the place the place ruler finds right after
the head, else with one proper word (two after a kunya-like first word: "أبي", "أم"),
never with a particle or a clause word ("أقرب مركز شرطة أو ..." names no station)
(`station_end`, `police_stations`). Pure functions over a `Doc` and gazetteer entries.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from nlp.agency_context import _qualifiers, name_key
from nlp.gazetteer import load_agencies
from nlp.normalise import normalise_text

SUB_UNIT_HEADS = frozenset(normalise_text(w) for w in ("شعبة", "قسم", "وحدة"))
# the trafficking noun and the link and object that complete it: "الاتجار في البشر"
TRAFFICKING_NOUNS = frozenset(normalise_text(w) for w in ("الاتجار", "الإتجار", "والاتجار"))
TRAFFICKING_LINKS = frozenset({"في", "ب"})
TRAFFICKING_OBJECTS = frozenset(normalise_text(w) for w in (
    "البشر", "الأشخاص", "النساء", "الأطفال"))
# ranks that open the name of a unit's head after the unit ("... الرائد أحمد")
RANKS = frozenset(normalise_text(w) for w in (
    "اللواء", "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "الملازم"))
STATION_HEAD = (normalise_text("مركز"), normalise_text("شرطة"))
# first words of two-word place names ("أبي عريش", "أم صلال", "رأس تنورة", "بني جمرة")
KUNYA_WORDS = frozenset(normalise_text(w) for w in (
    "أبو", "أبي", "أبا", "أم", "بني", "بنى", "رأس", "عين", "بن"))
# words that never open or end a station's place: particles and clause openers
STATION_STOPS = frozenset(normalise_text(w) for w in (
    "أو", "في", "من", "إلى", "على", "عن", "مع", "أن", "إن", "الذي", "التي", "خلال", "بعد",
    "قبل", "حيث", "ثم", "لا", "لم", "قد", "كل", "أي", "أقرب", "بالتعاون"))
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


def trafficking_link_end(doc: Doc, end: int) -> int:
    """After a name ending on the trafficking noun, the end of its link and object
    ("الاتجار" + "في البشر", "ب" + "الأشخاص" or "بالأشخاص" as one token); else `end`."""
    if not 0 < end < len(doc) or doc[end - 1].norm_ not in TRAFFICKING_NOUNS:
        return end
    norm = doc[end].norm_
    if norm.startswith("ب") and norm[1:] in TRAFFICKING_OBJECTS:
        return end + 1
    if end + 1 < len(doc) and norm in TRAFFICKING_LINKS and doc[end + 1].norm_ in TRAFFICKING_OBJECTS:
        return end + 2
    return end


def _complement_end(doc: Doc, start: int) -> int:
    """The end of the definite words (and "و" + definite words) from `start`, with the
    trafficking noun's link and object ("الاتجار في البشر"), before a rank."""
    end = start
    while end < len(doc):
        norm = doc[end].norm_
        linked = trafficking_link_end(doc, end)
        if linked > end:  # the object completes the remit: "... بالأشخاص" + "البلاغ"
            end = linked
            break
        if norm in RANKS:  # "قسم الاتجار في البشر الرائد ...": the head's holder
            break
        elif norm.isalpha() and norm.startswith(("ال", "وال")):
            end += 1
        elif norm == "و" and end + 1 < len(doc) and doc[end + 1].norm_.startswith("ال") \
                and doc[end + 1].norm_.isalpha():
            end += 2
        else:
            break
    return end


def _free_spans(doc: Doc, taken: list[Span], end_at) -> list[Span]:
    """The spans `doc[i:end_at(i)]` from every token where `end_at` gives an end (not None),
    that overlap none of `taken`."""
    busy = {i for s in taken for i in range(s.start, s.end)}
    return [doc[i:end] for i in range(len(doc))
            if i not in busy and (end := end_at(i)) is not None and not busy & set(range(i, end))]


def _sub_unit_end(doc: Doc, start: int) -> int | None:
    """The end of the sub-unit named from `start` (module docstring), or None."""
    if doc[start].norm_ not in SUB_UNIT_HEADS:
        return None
    end = _complement_end(doc, start + 1)
    known = end > start + 1 and _function(name_key(doc[start:end].text)[1:]) in unit_functions()
    return end if known else None


def sub_units(doc: Doc, taken: list[Span]) -> list[Span]:
    """Spans of sub-units (module docstring) that overlap none of `taken`."""
    return _free_spans(doc, taken, lambda i: _sub_unit_end(doc, i))


def _station_word(token) -> bool:
    norm = token.norm_
    return norm.isalpha() and norm not in STATION_STOPS and not norm.startswith("و") \
        and len(norm) > 1


def is_station(span: Span) -> bool:
    """The span is a police station's name: "مركز شرطة" and its place."""
    return len(span) > 2 and (span[0].norm_, span[1].norm_) == STATION_HEAD


def station_end(doc: Doc, start: int) -> int | None:
    """The end of the station named from `start` ("مركز" "شرطة" + its place), or None
    when no place follows the head (module docstring)."""
    first = start + 2
    if first >= len(doc) or (doc[start].norm_, doc[start + 1].norm_) != STATION_HEAD:
        return None
    for place in doc.spans.get("places", []):
        if place.start == first:
            return place.end
    if not _station_word(doc[first]):
        return None
    if doc[first].norm_ in KUNYA_WORDS and first + 1 < len(doc) and _station_word(doc[first + 1]):
        return first + 2
    return first + 1


def police_stations(doc: Doc, taken: list[Span]) -> list[Span]:
    """Spans of police stations (module docstring) that overlap none of `taken`."""
    return _free_spans(doc, taken, lambda i: station_end(doc, i))
