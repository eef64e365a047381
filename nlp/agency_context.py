"""Agencies in their context: which state a name shared by several states belongs to, and
which gazetteer body a name the gazetteer lists under another form is.

Used by the `agency_ruler` (names shared by several states) and the `agency_tagger`
(names no gazetteer form matched). Pure functions over a `Doc` and gazetteer entries.

The state of a mention is, in order: a state adjective right after it ("وزارة الداخلية
السعودية"), a state or city named right after it with "في"/"ب" ("... في دولة قطر"), the
one-state department it is named with or a body of its family in its
sentence (`nlp.agency_chains`), the nearest state named in its sentence (a place or, before
it, a state adjective: "وزير العمل القطري"; before it, then after it), the state its other mentions got so (one body per name in an article), its
paragraph's, then the article's among the states that have the body (`voted_state`: its
places, its unambiguous agencies, its news agency — "بنا" says Bahrain — and the bodies
whose official name a shared name is; currencies, "المملكة" and state adjectives of
`agency_state_words.txt` only to break a tie), then the state whose official name it is
("اللجنة الوطنية لمكافحة الاتجار بالأشخاص" is Bahrain's). A place name several states
share ("محافظة العاصمة") decides nothing, nor, for the article, a state called a sister
("سلطنة عمان الشقيقة"), nor a place a movement comes from ("قادمة من العراق"). Kuwait is
assumed only when nothing at all decides. Of one state's bodies of a name, the one of
the place the article names is chosen (`local_body`: "النيابة" in Dubai).

A name the model found that no gazetteer form matches is compared with the gazetteer's
names by head noun and content words (`similar_agency`): articles, clitics, "و", state
adjectives and qualifiers ("الوطنية", "الدائمة", "العامة", "شؤون") aside, and "البشر" as
"الأشخاص", a name whose words all belong to one body of its state is that body ("اللجنة
الوطنية للاتجار بالأشخاص" in a Bahraini article is Bahrain's national committee), and a
name with the same words as one international body is that body ("منظمة الهجرة الدولية").

A shared name named as the issuer of a report or a ranking ("التصنيف الذي تصدره وزارة
الخارجية في تقريرها السنوي") is the foreign body of the same name the article names
elsewhere, itself or through a department of it ("مكتب ... التابع للخارجية الأميركية"):
the state its sentence names is then the state the report is about (`report_issuer`).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import cache, lru_cache
from types import SimpleNamespace

from spacy.tokens import Doc, Span

from core.vocabulary import list_entries
from nlp.gazetteer import (
    Agency,
    country_adjectives,
    load_agencies,
    load_places,
    load_word_list,
    place_states,
)
from nlp.normalise import normalise_text, strip_article

FALLBACK_STATE = "KW"
OUTLET_WEIGHT = 2  # a dateline's news agency counts as two mentions of its state
GENERIC_WORDS = {"و", "ل", "لل", "ب", "في", "علي", "من"}
QUALIFIERS = "agency_qualifiers"  # data/gazetteers/agency_qualifiers.txt
STATE_WORDS = "agency_state_words"  # data/gazetteers/agency_state_words.txt
VOTES = "agency_state_votes"  # doc.user_data key of the article's votes
BODY_ENDS = "agency_body_ends"  # doc.user_data key: where the gazetteer's names end
PLACE_LINKS = {"في", "ب"}  # "... في دولة قطر", "... بالمملكة العربية السعودية"
SEAT_LINKS = {"في", "لدي"}  # "سفارة ... في مانيلا", "... لدى الكويت"
# the heads of a mission's name (`seated_mission`, and the name forms of nlp/components/agencies.py)
MISSION_HEADS = frozenset(normalise_text(w) for w in ("سفارة", "قنصلية", "بعثة", "ملحقية"))
# words that make the body named next to them a report's issuer ("تقرير وزارة الخارجية")
REPORT_WORDS = frozenset(normalise_text(w) for w in (
    "تقرير", "تقريرها", "تقريره", "التقرير", "تصنيف", "التصنيف", "تصنيفها", "تصدره", "يصدره",
    "تصدرها", "يصدرها"))
# words of a ranking in the report's sentence: only then may a mission named
# elsewhere ("السفارة الأمريكية") stand for the ministry that issues it
RANKING_WORDS = frozenset(normalise_text(w) for w in (
    "تصنيف", "التصنيف", "تصنيفها", "الفئة", "الفئه", "المستوى", "الشريحة", "المرتبة"))
REPORT_REACH = 3  # tokens before or after the name that may hold such a word
SISTER_WORDS = {"الشقيقه", "الشقيق"}  # "سلطنة عمان الشقيقة": another state than the writer's
MOVEMENT_WORDS = {"من"}  # "شاحنة قادمة من العراق": where a movement comes from
HAMZA_SEATS = str.maketrans("ؤئ", "ءء")  # "شؤون" and "شئون", "مسؤول" and "مسئول" meet


@lru_cache(maxsize=1)
def _qualifiers() -> tuple[frozenset[str], dict[str, str]]:
    """The soft words of the qualifier list, and its synonyms (word -> the word it is)."""
    soft, synonyms = set(), {}
    for entry, comment in list_entries(QUALIFIERS):
        if comment.startswith("synonym"):  # "open" words stay soft
            synonyms[name_key(entry)[0]] = name_key(comment.split()[1])[0]
        else:
            soft.add(name_key(entry)[0])
    return frozenset(soft), synonyms


def article_state(doc: Doc, agencies: list[Agency],
                  owners: list[Agency] = ()) -> str:
    """The state the article is about: most named by its places and its agencies. The
    votes are kept on the doc for `voted_state`, with the weaker hints of
    `agency_state_words.txt` and the states' adjectives apart; `owners` are the bodies
    whose official name a shared name is (`official_owner`), one vote each."""
    votes: Counter = Counter()
    for place in _places(doc, None, article=True):
        if place._.kind in ("country", "city"):
            votes[place._.country] += 1
    for agency in list(agencies) + list(owners):
        if agency.country:
            votes[agency.country] += OUTLET_WEIGHT if agency.kind == "media" else 1
    doc.user_data[VOTES] = (votes, _hint_votes(doc))
    return votes.most_common(1)[0][0] if votes else FALLBACK_STATE


def _hint_votes(doc: Doc) -> Counter:
    """Votes of currencies, a state's short names and adjectives (`article_state`)."""
    words, adjectives, votes = _state_words(), country_adjectives(), Counter()
    for token in doc:
        for state in words.get(token.norm_, ()) or (adjectives.get(token.norm_),):
            if state:
                votes[state] += 1
    return votes


@lru_cache(maxsize=1)
def _state_words() -> dict[str, tuple[str, ...]]:
    return {normalise_text(entry): tuple(comment.split()) for entry, comment
            in list_entries(STATE_WORDS)}


def voted_state(doc: Doc, allowed: set[str]) -> str | None:
    """The state of `allowed` the article's votes name most (`article_state`): its places
    and agencies first, its hints (currencies, adjectives) to break a tie or when those
    name none of `allowed`; None when nothing decides."""
    strong, hints = doc.user_data.get(VOTES, (Counter(), Counter()))
    candidates = set(allowed)
    for votes in (strong, hints):
        ranked = {s: votes[s] for s in candidates if votes[s] > 0}
        if ranked:
            best = max(ranked.values())
            candidates = {s for s, n in ranked.items() if n == best}
            if len(candidates) == 1:
                return candidates.pop()
    return None


def official_owner(text: str, agencies: list[Agency]) -> Agency | None:
    """The one body of `agencies` whose official (first) name `text` is: "اللجنة الوطنية
    لمكافحة الاتجار بالأشخاص" is Bahrain's name, other states' committee only by habit."""
    key = name_key(text)
    owners = [a for a in agencies if a.names and name_key(a.names[0]) == key]
    return owners[0] if len(owners) == 1 else None


def sentence_state(doc: Doc, span: Span, allowed: set[str] | None = None) -> str | None:
    """The nearest state named in the span's sentence before it, else the one state
    named after it (several states after it, as in a list, decide nothing). A place a
    movement comes from ("شاحنة قادمة من العراق", "وفد من قطر") is not the
    state of a body (`MOVEMENT_WORDS`), nor a place that says where another body is
    ("... وهيئة حقوق الإنسان بالمملكة العربية السعودية", `_placed_other`)."""
    places = [p for p in _places(doc, allowed) if p.sent == span.sent
              and not _placed_other(doc, p, span)]
    return _nearest_state(places + _adjective_marks(doc, span, allowed), span)


def placed_state(doc: Doc, span: Span, allowed: set[str]) -> str | None:
    """The state of `allowed` of a state named right after the name with "في" or "ب", or a
    city with "ب": where the body is ("اللجنة الوطنية لمكافحة الاتجار بالبشر في دولة قطر",
    "وزارة الصحة بالرياض"); None otherwise."""
    if span.end + 1 >= len(doc) or doc[span.end].norm_ not in PLACE_LINKS:
        return None
    city = doc[span.end].norm_ == "ب"  # "وزارة الصحة بالرياض"; "في الرياض" may be where it acts
    place = next((p for p in _places(doc, allowed) if p.start == span.end + 1
                  and (p._.kind == "country" or city and p._.kind == "city")), None)
    return place._.country if place is not None else None


def _placed_other(doc: Doc, place: Span, span: Span) -> bool:
    """`place` follows "في"/"ب" right after another agency name than `span` (the names
    the `agency_ruler` found, `BODY_ENDS`): it says where that body is."""
    link = place.start - 1
    return link != span.end and link >= 0 and doc[link].norm_ in PLACE_LINKS \
        and link in doc.user_data.get(BODY_ENDS, ())


def _adjective_marks(doc: Doc, span: Span, allowed: set[str] | None) -> list:
    """The state adjectives of the span's sentence before it ("وزير العمل القطري"), as
    one-token marks of their state read like places (start, end, `_.country`); one after
    it qualifies another noun ("وزارة الداخلية والشرطة العمانية"), one inside a body's
    name that body."""
    adjectives, marks = country_adjectives(), []
    named = {i for s in doc.spans.get("agencies", []) for i in range(s.start, s.end)}
    for token in doc[span.sent.start:span.start]:
        state = adjectives.get(token.norm_)
        if state and token.norm_.startswith("ال") and (allowed is None or state in allowed) \
                and token.i not in named:  # "وزارة الخارجية الأميركية": that body's state
            marks.append(SimpleNamespace(start=token.i, end=token.i + 1,
                                         _=SimpleNamespace(country=state)))
    return marks


def _moved(doc: Doc, place: Span) -> bool:
    return place.start > 0 and doc[place.start - 1].norm_ in MOVEMENT_WORDS


def paragraph_state(doc: Doc, span: Span, allowed: set[str] | None = None) -> str | None:
    """The same in the span's paragraph (the text between line breaks), a place that
    says where another body is aside."""
    start, end = span.start, span.end
    while start > 0 and "\n" not in doc[start - 1].norm_:
        start -= 1
    while end < len(doc) and "\n" not in doc[end].norm_:
        end += 1
    return _nearest_state([p for p in _places(doc, allowed) if start <= p.start and p.end <= end
                           and not _placed_other(doc, p, span)], span)


def _places(doc: Doc, allowed: set[str] | None, article: bool = False) -> list[Span]:
    """The places that name a state: not a name several states' places share ("محافظة
    العاصمة"), nor, for the article's state, a state called a sister ("الشقيقة")."""
    shared = _shared_place_names()
    return [p for p in doc.spans.get("places", []) if p._.country
            and (allowed is None or p._.country in allowed)
            and name_key(p.text) not in shared and not (article and _sister(doc, p))
            and not family_name(doc, p)]


def family_name(doc: Doc, place: Span) -> bool:
    """A one-word place right after a given name is a family name ("الدكتور علي
    الشويخ": a person, not Kuwait's Shuwaikh): after a given name of `first_names.txt`,
    or after one marked `#ambiguous` ("علي") with a person's title before it. So is
    every mention of a word the article gives once after a given name, even an ambiguous
    one with no title, and once right after a reporting verb ("رئيس النيابة علي الشويخ
    ... وقال الشويخ"): a place does not speak. A state is never taken so: "أمير الكويت ...
    وأكدت الكويت" is a ruler's title and a state that speaks through its government."""
    if _after_given_name(doc, place, titled=True):
        return True
    if len(place) != 1 or place._.kind == "country":
        return False
    same = [p for p in doc.spans.get("places", []) if len(p) == 1 and p[0].norm_ == place[0].norm_]
    return any(_after_given_name(doc, p, titled=False) for p in same) \
        and any(_after_reporting_verb(doc, p) for p in same)


def _after_given_name(doc: Doc, place: Span, titled: bool) -> bool:
    """A one-word place with the article right after a given name; after an
    `#ambiguous` one ("علي") only with a person's title before it when `titled`."""
    if len(place) != 1 or not place[0].norm_.startswith("ال") or place.start < 1:
        return False
    given = doc[place.start - 1].norm_
    if given in load_word_list("first_names", "ambiguous"):
        title = doc[place.start - 2].norm_ if place.start > 1 else ""
        return title in load_word_list("person_titles") or not titled
    return given in load_word_list("first_names")


def _after_reporting_verb(doc: Doc, place: Span) -> bool:
    """The place comes right after a reporting verb, its "و" split off or not ("وقال")."""
    if place.start < 1:
        return False
    verb, verbs = doc[place.start - 1].norm_, load_word_list("reporting_verbs")
    return verb in verbs or (verb[:1] in "وف" and verb[1:] in verbs)


def _sister(doc: Doc, place: Span) -> bool:
    return place.end < len(doc) and doc[place.end].norm_ in SISTER_WORDS


@lru_cache(maxsize=1)
def _shared_place_names() -> frozenset[tuple[str, ...]]:
    states: dict[tuple[str, ...], set] = {}
    for place in load_places():
        for name in place.names:
            states.setdefault(name_key(name), set()).add(place.country)
    return frozenset(k for k, v in states.items() if len(v) > 1)


def _nearest_state(places: list[Span], span: Span) -> str | None:
    """The state of the nearest place before the span, else of the one state named after
    it; a place a movement comes from (`_moved`) is not chosen, but counts in a list."""
    doc = span.doc
    before = [p for p in places if p.end <= span.start and not _moved(doc, p)]
    if before:
        return max(before, key=lambda p: p.end)._.country
    after = {p._.country for p in places if p.start >= span.end}
    free = {p._.country for p in places if p.start >= span.end and not _moved(doc, p)}
    return free.pop() if len(after) == 1 and free else None


def context_state(doc: Doc, span: Span, allowed: set[str] | None = None) -> str | None:
    """The state of a mention from its sentence, then its paragraph, then the article
    (with `allowed`, the article's votes among those states, `voted_state`)."""
    state = sentence_state(doc, span, allowed) or paragraph_state(doc, span, allowed)
    if state:
        return state
    if allowed is None:
        return doc._.country
    return voted_state(doc, allowed)


def local_body(doc: Doc, same: list[Agency]) -> Agency | None:
    """Of one state's bodies of a name, the one whose name holds a place the article
    names ("النيابة" in an article on Dubai is "النيابة العامة في دبي"), else the one whose
    name holds no place (the state's own); None when unsure."""
    if len(same) < 2:
        return same[0] if same else None
    named = {normalise_text(p.text) for p in doc.spans.get("places", [])}
    local = [a for a in same if _place_words(a) & named]
    if len(local) == 1:
        return local[0]
    general = [a for a in same if not _place_words(a)]
    return general[0] if len(general) == 1 else None


def missions(agencies: list[Agency]) -> bool:
    """One state's bodies sharing a name, at least one of them named with a place of another
    state: its missions abroad ("السفارة الفلبينية" in Kuwait and in Bahrain)."""
    return len(agencies) > 1 and len({a.country for a in agencies}) == 1 \
        and any(_hosts(a) for a in agencies)


def host_body(doc: Doc, same: list[Agency]) -> Agency:
    """Of one sending state's missions of a name (`missions`), the one in the article's
    state, else the one in the one state the article's places name (the sending state
    aside), else the one in Kuwait, else the first listed."""
    named = {place_states().get(normalise_text(p.text)) for p in doc.spans.get("places", [])}
    for states in ({doc._.country}, named - {same[0].country, None}, {FALLBACK_STATE}):
        host = [a for a in same if _hosts(a) & states]
        if len(host) == 1:
            return host[0]
    return same[0]


def seated_mission(doc: Doc, span: Span, agency: Agency) -> tuple[Span, Agency] | None:
    """A mission (`_hosts`) named with "في/لدى + a place" right after it that is in none of
    its host states: the sending state's mission in that place's state, else a new body of
    the sending state named with its seat ("سفارة الولايات المتحدة الأمريكية في مانيلا" is
    no embassy in Kuwait); None when the seat is the mission's own or none is named."""
    hosts = _hosts(agency)
    if not hosts or not _mission_name(agency) or span.end + 1 >= len(doc) \
            or doc[span.end].norm_ not in SEAT_LINKS:
        return None
    place = next((p for p in doc.spans.get("places", []) if p.start == span.end + 1
                  and p._.kind in ("country", "city") and p._.country), None)
    if place is None or place._.country in hosts:
        return None
    same = [a for a in load_agencies() if a.country == agency.country
            and a.parent == agency.parent and a.kind == agency.kind and place._.country in _hosts(a)]
    if len(same) == 1:
        return span, same[0]
    named = doc[span.start:place.end]
    return named, Agency(new_agency_id(named.text, agency.country), named.text, agency.country,
                         agency.kind, agency.parent, (named.text,))


def _mission_name(agency: Agency) -> bool:
    """The body's first name opens on an embassy's or a consulate's word."""
    return bool(agency.names) and strip_article(normalise_text(agency.names[0].split()[0])) in MISSION_HEADS


def _hosts(agency: Agency) -> frozenset[str]:
    """The states other than its own that an agency's names place it in ("السفارة
    الأمريكية في الدوحة": QA)."""
    return _place_states(agency) - {agency.country}


def _place_states(agency: Agency) -> frozenset[str]:
    """The states of the places an agency's names hold ("... لدى دولة الكويت": KW)."""
    states = place_states()
    return frozenset(states[p] for p in _place_words(agency) if p in states)


def generic_name(text: str) -> bool:
    """The name says nothing of its state: no state adjective, no word of
    `agency_state_words.txt` ("الاتحادية") and no place ("إدارة مباحث الجهراء")."""
    padded = f" {normalise_text(text)} "
    words = padded.split()
    if any(w in country_adjectives() or w in _state_words() for w in words):
        return False
    return not any(f" {p} " in padded for p in _all_place_names())


@cache
def _place_words(agency: Agency) -> frozenset[str]:
    names = [f" {normalise_text(n)} " for n in agency.names]
    return frozenset(p for p in _all_place_names() if any(f" {p} " in n for n in names))


@lru_cache(maxsize=1)
def _all_place_names() -> frozenset[str]:
    return frozenset(normalise_text(n) for place in load_places() for n in place.names)


def name_key(text: str) -> tuple[str, ...]:
    """A name's words without articles, clitic prepositions and "و", hamza seats folded:
    "لجنة وطنية لمكافحة الاتجار" and "اللجنة الوطنية لمكافحة الاتجار" share a key."""
    words = []
    for word in normalise_text(text).translate(HAMZA_SEATS).split():
        word = word[2:] if word.startswith("لل") and len(word) > 4 else word
        word = word[1:] if word[:1] in ("ل", "ب") and len(word) > 4 and not word.startswith("ال") else word
        word = word[1:] if word.startswith("وال") and len(word) > 5 else word
        word = strip_article(word)
        if word and word not in GENERIC_WORDS:
            words.append(word)
    return tuple(words)


@lru_cache(maxsize=1)
def names_by_key() -> dict[tuple[str, ...], tuple[Agency, ...]]:
    table: dict[tuple[str, ...], list[Agency]] = {}
    for agency in load_agencies():
        for name in agency.names:
            table.setdefault(name_key(name), []).append(agency)
    return {k: tuple(dict.fromkeys(v)) for k, v in table.items()}


def known_agency(doc: Doc, span: Span, state: str | None = None) -> Agency | None:
    """The gazetteer body a name found by the model stands for, in its state's context
    (or in `state`)."""
    agencies = names_by_key().get(name_key(span.text))
    if not agencies:
        return None
    if len(agencies) == 1:
        return agencies[0]
    by_country = {a.country: a for a in agencies}
    return by_country.get(state or context_state(doc, span, set(by_country)))


def report_issuer(doc: Doc, span: Span, options: list[Agency],
                  named: list[Agency]) -> Agency | None:
    """The one body of `named` (or a body they belong to) of a state none of `options`
    has, with the same name as `span` but for its state adjective, when `span` is named
    next to a report or ranking word (module docstring); through a mission in the article's
    state ("القنصلية المصرية") only when its sentence speaks of a ranking;
    None otherwise."""
    if not _next_to_report(doc, span):
        return None
    head, rest, named_state = name_core(span.text)
    if not head or named_state:
        return None
    states, found = {a.country for a in options}, {}
    ranking = any(t.norm_ in RANKING_WORDS for t in span.sent)
    for agency in named:
        if _hosts(agency) and not ranking:
            continue  # a consulate in the article's state says nothing of whose report it is
        for body in _lineage(agency):
            if body.country not in states and any(name_core(n)[:2] == (head, rest)
                                                  for n in body.names):
                found[body.id] = body
    return next(iter(found.values())) if len(found) == 1 else None


def _next_to_report(doc: Doc, span: Span) -> bool:
    near = list(doc[max(span.start - REPORT_REACH, span.sent.start):span.start]) \
        + list(doc[span.end:min(span.end + REPORT_REACH, span.sent.end)])
    return any(token.norm_ in REPORT_WORDS for token in near)


def _lineage(agency: Agency) -> list[Agency]:
    """The body and the bodies it belongs to, nearest first."""
    by_id = _by_id()
    chain = [agency]
    while chain[-1].parent in by_id and len(chain) < 8:
        chain.append(by_id[chain[-1].parent])
    return chain


@lru_cache(maxsize=1)
def _by_id() -> dict[str, Agency]:
    return {a.id: a for a in load_agencies()}


def name_core(text: str) -> tuple[str, frozenset[str], str | None]:
    """A name's head noun, its other content words (no qualifiers, synonyms folded) and
    the state its adjective names ("النيابة الكويتية" -> ("نيابه", {}, "KW"))."""
    adjectives, (soft, synonyms) = country_adjectives(), _qualifiers()
    key = name_key(text)
    states = {adjectives[w] for w in key if w in adjectives}
    words = [synonyms.get(w, w) for w in key if w not in adjectives]
    if not words:
        return "", frozenset(), None
    rest = frozenset(w for w in words[1:] if w not in soft)
    return words[0], rest, states.pop() if len(states) == 1 else None


def _covered(words: frozenset[str], by: frozenset[str]) -> bool:
    """Every word of `words` is in `by`, "و" attached or not ("ومكافحه" is "مكافحه")."""
    loose = by | {w[1:] for w in by if w.startswith("و")} | {"و" + w for w in by}
    return words <= loose


@lru_cache(maxsize=1)
def _cores() -> tuple[tuple[str, frozenset[str], tuple[str, ...], Agency], ...]:
    cores = []
    for agency in load_agencies():
        for name in agency.names:
            head, rest, _ = name_core(name)
            if head:
                cores.append((head, rest, name_key(name), agency))
    return tuple(cores)


def similar_agency(doc: Doc, span: Span, state: str | None = None) -> Agency | None:
    """The gazetteer body a name written in another form stands for (module docstring):
    the body of the name's state whose name holds all the name's content words and fewer
    others than it shares (a place it names not counted: "دائرة القضاء" in an Emirati
    article is "دائرة القضاء في أبوظبي"), or opens with its words (the fewest others of all), or the one
    body anywhere with exactly its words; None when unsure."""
    head, rest, named_state = name_core(span.text)
    if not head:
        return None
    key = name_key(span.text)
    state = named_state or state or context_state(doc, span)
    same_head = [(r, k, a) for h, r, k, a in _cores() if h == head]
    if state and (rest or named_state):
        fits = [(len(r - rest), a) for r, k, a in same_head if a.country == state
                and _covered(rest, r) and (len(r - rest - _place_keys()) < max(len(rest), 1)
                                           or _cut(key, k))]
        best = _unique_best(fits)
        if best is not None or fits:
            return best
    if rest:
        return _unique_best([(0, a) for r, _, a in same_head
                             if _covered(rest, r) and _covered(r, rest)])
    return None


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    """One-word place names as name keys ("ابوظبي"): a body's name may drop its place
    ("دائرة القضاء" of "دائرة القضاء في أبوظبي"); such words are not counted as others."""
    keys = (name_key(n) for n in _all_place_names())
    return frozenset(k[0] for k in keys if len(k) == 1)


def _cut(key: tuple[str, ...], of: tuple[str, ...]) -> bool:
    """`key` is the first three words or more of the name `of` (a name cut short)."""
    return len(key) >= 3 and of[:len(key)] == key


def _unique_best(fits: list[tuple[int, Agency]]) -> Agency | None:
    if not fits:
        return None
    fewest = min(extra for extra, _ in fits)
    best = {a.id: a for extra, a in fits if extra == fewest}
    return next(iter(best.values())) if len(best) == 1 else None


_SLUG = re.compile(r"[^a-z0-9]+")


def new_agency_id(name: str, country: str | None) -> str:
    """A short stable id for an agency no gazetteer lists: its state, its first three
    words transliterated (five letters each at most) and a hash of its whole name, so
    that spellings with or without articles and clitics meet ("sa-new-ljnh-mkafh-jraqm-3f9a")."""
    from camel_tools.utils.charmap import CharMapper

    key = name_key(name)
    text = CharMapper.builtin_mapper("ar2safebw")(" ".join(w[:5] for w in key[:3])).lower()
    slug = _SLUG.sub("-", text).strip("-")
    digest = hashlib.sha1(" ".join(key).encode("utf-8")).hexdigest()[:4]
    return f"{(country or 'xx').lower()}-new-{slug}-{digest}"
