"""Agencies in their context: which state a name shared by several states belongs to, and
which gazetteer body a name the gazetteer lists under another form is.

Used by the `agency_ruler` (names shared by several states) and the `agency_tagger`
(names no gazetteer form matched). Pure functions over a `Doc` and gazetteer entries.

The state of a mention is, in order: a state adjective right after it ("وزارة الداخلية
السعودية"), the nearest state named in its sentence (before it, then after it), then
the article's state — the state its places, its unambiguous agencies and its news
agency name most ("بنا" says Bahrain). Kuwait is assumed only for an article that names
no state at all.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Span

from nlp.gazetteer import Agency, load_agencies
from nlp.normalise import normalise_text, strip_article

FALLBACK_STATE = "KW"
OUTLET_WEIGHT = 2  # a dateline's news agency counts as two mentions of its state
GENERIC_WORDS = {"و", "ل", "لل", "ب", "في", "علي", "من"}


def article_state(doc: Doc, agencies: list[Agency]) -> str:
    """The state the article is about: most named by its places and its agencies."""
    votes: Counter = Counter()
    for place in doc.spans.get("places", []):
        if place._.country and place._.kind in ("country", "city"):
            votes[place._.country] += 1
    for agency in agencies:
        if agency.country:
            votes[agency.country] += OUTLET_WEIGHT if agency.kind == "media" else 1
    return votes.most_common(1)[0][0] if votes else FALLBACK_STATE


def sentence_state(doc: Doc, span: Span, allowed: set[str] | None = None) -> str | None:
    """The nearest state named in the span's sentence, before it first, then after it."""
    places = [p for p in doc.spans.get("places", []) if p._.country
              and p.sent == span.sent and (allowed is None or p._.country in allowed)]
    before = [p for p in places if p.end <= span.start]
    after = [p for p in places if p.start >= span.end]
    if before:
        return max(before, key=lambda p: p.end)._.country
    if after:
        return min(after, key=lambda p: p.start)._.country
    return None


def context_state(doc: Doc, span: Span, allowed: set[str] | None = None) -> str | None:
    """The state of a mention from its sentence, then from the article."""
    state = sentence_state(doc, span, allowed)
    if state:
        return state
    article = doc._.country
    return article if allowed is None or article in allowed else None


def name_key(text: str) -> tuple[str, ...]:
    """A name's words without articles, clitic prepositions and "و": "لجنة وطنية لمكافحة
    الاتجار" and "اللجنة الوطنية لمكافحة الاتجار" share a key."""
    words = []
    for word in normalise_text(text).split():
        word = word[2:] if word.startswith("لل") and len(word) > 4 else word
        word = word[1:] if word[:1] in ("ل", "ب") and len(word) > 4 and not word.startswith("ال") else word
        word = strip_article(word)
        if word and word not in GENERIC_WORDS:
            words.append(word)
    return tuple(words)


@lru_cache(maxsize=1)
def _by_key() -> dict[tuple[str, ...], tuple[Agency, ...]]:
    table: dict[tuple[str, ...], list[Agency]] = {}
    for agency in load_agencies():
        for name in agency.names:
            table.setdefault(name_key(name), []).append(agency)
    return {k: tuple(dict.fromkeys(v)) for k, v in table.items()}


def known_agency(doc: Doc, span: Span) -> Agency | None:
    """The gazetteer body a name found by the model stands for, in its state's context."""
    agencies = _by_key().get(name_key(span.text))
    if not agencies:
        return None
    if len(agencies) == 1:
        return agencies[0]
    by_country = {a.country: a for a in agencies}
    return by_country.get(context_state(doc, span, set(by_country)))
