"""Agency names that run on past their gazetteer or model form (issue 9, agency side).

Used by the `agency_ruler` (gazetteer names) and the `agency_tagger` (model names), after
the names are found and before they get their ids. Pure functions over a `Doc`, its
agency spans and gazetteer entries:

- a department named with the body it belongs to after it ("ب"/"في"; the body a gazetteer
  body under no other: a ministry, a police force) is the gazetteer's department of that
  body ("الإدارة العامة للتحريات والمباحث الجنائية بشرطة دبي", "إدارة حقوق الإنسان بوزارة
  الداخلية الإماراتية"), else the one of the body's state, and the body stays a mention of
  its own; a department the gazetteer lacks is a new body of that state under its own
  name ("المباحث الجنائية" of "... بشرطة الشارقة") (`chained_parent`, `department_of`);
- a generic name followed by "ل" and a state is that state's body ("وزارة الخارجية
  للولايات المتحدة الأمريكية" is `us-dos`, `state_qualified`);
- a name whose last word is open (a word marked `open` in `agency_qualifiers.txt`,
  "وزارة الشؤون") is a name of its own only when no definite word follows ("وزارة الشؤون
  الإسلامية" is another body, `runs_on`);
- an international body's name, or a name the gazetteer lacks, runs on over "ل/في/ب + a
  group of states or a region" that names its regional office or its reach ("مكتب الأمم
  المتحدة ... لدول مجلس التعاون", "... للمنتدى الحكومي ... بمنطقة الشرق الأوسط",
  `regional_end`);
- a shared name named as the issuer of a report or ranking is the foreign body of that name
  the article names elsewhere ("التصنيف الذي تصدره وزارة الخارجية" after "مكتب ... التابع
  للخارجية الأميركية" is `us-dos`, not Kuwait's ministry its sentence's "الكويت" suggests;
  `reissued`, once the model's names are known);
- a definite unit name after an indefinite unit head ("ادارة" + "التحريات والبحث الجنائي")
  is one name with the head (`headed`);
- a name cut inside its last word where the text ends ("نيابة الاتجار بالأشخ", a page
  cut at an excerpt's end) is the gazetteer name it opens (`cut_agency`).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Span

from core.vocabulary import list_entries
from nlp.agency_context import (
    QUALIFIERS,
    VOTES,
    context_state,
    generic_name,
    local_body,
    name_key,
    names_by_key,
    new_agency_id,
    official_owner,
    paragraph_state,
    report_issuer,
    sentence_state,
)
from nlp.gazetteer import Agency, load_agencies, load_places
from nlp.normalise import normalise_text, strip_article

LINKS = {"ب", "في"}  # "إدارة ... بوزارة ...", "إدارة ... في شرطة ..."
# verbal nouns of a remit that make "ل + it" part of a longer NGO name ("مؤسسة المستقبل للتنمية ...")
REMIT_NOUNS = frozenset(normalise_text(w) for w in (
    "تنمية", "رعاية", "حماية", "مكافحة", "خدمات", "مراقبة", "دعم", "حقوق", "التنمية", "تأهيل"))
STATE_LINKS = {"ل", "لل"}  # "وزارة الخارجية للولايات المتحدة"
REGION_LINKS = {"ل", "في", "لدي", "ب"}  # "... لدول مجلس التعاون", "... بمنطقة الشرق الأوسط"
MIN_CUT = 2  # letters left of a word cut at the text's end
# the states the gazetteer lists bare generic names for (others' only with their adjective)
GULF_STATES = frozenset({"KW", "SA", "AE", "QA", "BH", "OM"})
# indefinite heads a unit's definite name may follow ("إدارة التحريات والبحث الجنائي")
INDEFINITE_UNIT_HEADS = frozenset(normalise_text(w) for w in ("إدارة", "شعبة", "قسم", "مديرية"))


@lru_cache(maxsize=1)
def agencies_by_id() -> dict[str, Agency]:
    return {a.id: a for a in load_agencies()}


@lru_cache(maxsize=1)
def open_words() -> frozenset[str]:
    return frozenset(name_key(entry)[0] for entry, comment in list_entries(QUALIFIERS)
                     if "open" in comment.split())


def headed(doc: Doc, span: Span, heads: frozenset[str]) -> Span:
    """A definite unit name with a unit head before it ("ادارة" + "التحريات والبحث
    الجنائي"), the head included: one name of the same body; not before a name opening
    on a head noun of `heads` ("إدارة المؤسسة ...": the running of that body)."""
    first = span[0].norm_
    if span.start and doc[span.start - 1].norm_ in INDEFINITE_UNIT_HEADS and first.startswith("ال") \
            and strip_article(first) not in heads:
        return doc[span.start - 1:span.end]
    return span


def runs_on(doc: Doc, span: Span, agencies: list[Agency] = ()) -> bool:
    """The name ends on an open word and a definite word follows ("وزارة الشؤون
    الاجتماعية"), or a two-word name of a non-governmental body goes on with "ل" and its
    remit ("مؤسسة المستقبل للتنمية المجتمعية" is another foundation): the name is longer
    than the match."""
    if span.end + 1 < len(doc) and doc[span.end].norm_ in STATE_LINKS and agencies \
            and len(name_key(span.text)) == 2 and all(a.kind == "ngo" for a in agencies) \
            and strip_article(doc[span.end + 1].norm_) in REMIT_NOUNS:
        return True  # not "ووجهت جمعية المحامين للحكومة انتقادات": "ل" to whom
    last = name_key(span[-1].text)
    if not last or last[0] not in open_words() or span.end >= len(doc):
        return False
    return doc[span.end].norm_.startswith(("ال", "وال"))


def chained_parent(doc: Doc, span: Span, spans: list[Span]) -> Span | None:
    """The span of the body `span` belongs to, named right after it with "ب"/"في":
    a gazetteer body that belongs to no other (a ministry, a police force), by its name
    (not a bare back-reference such as "بالوزارة")."""
    if span.end + 1 >= len(doc) or doc[span.end].norm_ not in LINKS:
        return None
    for other in spans:
        agency = agencies_by_id().get(other._.canonical)
        if other.start == span.end + 1 and agency is not None and agency.parent is None \
                and agency.kind not in ("media", "international_org", "regional_org") \
                and other._.source != "anaphora":  # "... بالوزارة": no name of the body
            return other
    return None


def split_units(doc: Doc, found: list[tuple[Span, list[Agency]]]) -> list[tuple[Span, list]]:
    """`found` with a unit's gazetteer name that holds its body's shared name ("إدارة حقوق
    الإنسان بوزارة الخارجية", Kuwait's) cut into the unit and the body, two matches: the
    body's state then decides the unit's (`department_of`), as for any unit named with
    its body."""
    kept = []
    for span, agencies in found:
        cut = _unit_cut(doc, span, agencies)
        if cut is None:
            kept.append((span, agencies))
            continue
        unit, body = doc[span.start:cut], doc[cut + 1:span.end]
        kept.append((unit, list(names_by_key()[name_key(unit.text)])))
        kept.append((body, list(names_by_key()[name_key(body.text)])))
    return kept


def _unit_cut(doc: Doc, span: Span, agencies: list[Agency]) -> int | None:
    """The link token ("ب"/"في") before a shared name of the body the one unit of
    `agencies` belongs to, when the words before it are a gazetteer name too; else None."""
    parent = agencies_by_id().get(agencies[0].parent) if len(agencies) == 1 else None
    if parent is None:
        return None
    parent_keys = {name_key(n) for n in parent.names}
    for token in span[1:-1]:
        rest = name_key(doc[token.i + 1:span.end].text)
        if token.norm_ in LINKS and rest in parent_keys and len(names_by_key().get(rest, ())) > 1 \
                and name_key(doc[span.start:token.i].text) in names_by_key():
            return token.i
    return None


def owner_state(doc: Doc, span: Span, found: list[tuple[Span, list[Agency]]]) -> str | None:
    """The state of the one-state department named right before "ب"/"في" + `span`
    ("الإدارة العامة لمكافحة المخدرات الاتحادية في وزارة الداخلية": the UAE's), or None."""
    if span.start < 2 or doc[span.start - 1].norm_ not in LINKS:
        return None
    for other, agencies in found:
        states = {a.country for a in agencies}
        if other.end == span.start - 1 and len(states) == 1 and agencies[0].parent:
            return states.pop()
    return None


def family_state(span: Span, found: list[tuple[Span, list[Agency]]],
                 options: list[Agency]) -> str | None:
    """The state of the one of `options` whose department, or the body it belongs to, is
    named in the span's sentence: "النيابة العامة" beside Bahrain's "نيابة الاتجار
    بالأشخاص" is Bahrain's. A name the department shares with other states' stands for
    the one its own context gives (`_family_member`)."""
    ids = {a.id: a for a in options}
    states = set()
    for other, agencies in found:
        if other.sent != span.sent or other.start == span.start:
            continue
        body = _family_member(other, agencies, ids)
        if body is None:
            continue
        states |= {ids[body.parent].country} if body.parent in ids else set()
        states |= {a.country for a in options if a.parent == body.id}
    return states.pop() if len(states) == 1 else None


def _family_member(other: Span, agencies: list[Agency], ids: dict) -> Agency | None:
    """The body of `agencies` named by `other`: the one, else, when they are departments of
    `ids`, the one of the state its context names, else the one whose official name it is."""
    if len(agencies) == 1:
        return agencies[0]
    if not all(a.parent in ids for a in agencies):
        return None
    by_country = {a.country: a for a in agencies}
    state = context_state(other.doc, other, set(by_country))
    return by_country.get(state) or official_owner(other.text, agencies)


def own_state_body(doc: Doc, span: Span, options: list[Agency],
                   found: list[tuple[Span, list[Agency]]],
                   article_only: bool = False) -> Agency | None:
    """A shared name whose context names a state none of `options` belongs to (its
    sentence, its paragraph, else the article when its places and bodies name none of
    theirs; with `article_only`, the article alone): that state's body whose name opens
    with it ("محكمة الاستئناف" in an Emirati article is "محكمة الاستئناف في أبوظبي"),
    among several the one whose parent, or a sibling, the article names ("محكمة جنايات
    أبوظبي"), else the one of the place it names (`local_body`); a unit (a department, a
    directorate) with a name that says nothing of its state (`generic_name`) and no body
    of that state opens with, a new body of the article's state
    ("الإدارة العامة للعمليات" of a police force in an Emirati article that names nothing
    Omani); None when unsure. Only for the Gulf states, whose bare generic names the
    gazetteer lists (`GULF_STATES`)."""
    states = {a.country for a in options}
    if not states <= GULF_STATES:  # an international body, a foreign state's
        return None
    article = _strong_article_state(doc, options, found)
    state = article if article_only else \
        sentence_state(doc, span) or paragraph_state(doc, span) or article
    if state not in GULF_STATES or state in states:
        return None
    key = name_key(span.text)
    bodies = [a for a in load_agencies() if a.country == state
              and any(name_key(n)[:len(key)] == key for n in a.names)]
    if not bodies and state == article and all(a.parent for a in options) \
            and generic_name(span.text):
        return Agency(new_agency_id(span.text, state), span.text, state, options[0].kind,
                      None, (span.text,))
    if len(bodies) < 2:
        return bodies[0] if bodies else None
    named = {agencies[0].id for _, agencies in found if len(agencies) == 1}
    kin = named | {agencies_by_id()[i].parent for i in named}
    related = [a for a in bodies if a.parent is not None and a.parent in kin]
    return related[0] if len(related) == 1 else local_body(doc, bodies)


def _strong_article_state(doc: Doc, options: list[Agency],
                          found: list[tuple[Span, list[Agency]]]) -> str | None:
    """The article's state when its places and bodies name it and none of the states of
    `options` (the votes of `options`' own mentions aside)."""
    strong = Counter(doc.user_data.get(VOTES, ({},))[0])
    for _, agencies in found:
        if len(agencies) == 1 and agencies[0] in options:
            strong[agencies[0].country] -= 1
    if any(strong[a.country] > 0 for a in options):
        return None
    return doc._.country if strong[doc._.country] > 0 else None


def department_of(text: str, parent: Agency, options: list[Agency] = ()) -> Agency | None:
    """The gazetteer department named `text` of the body `parent`: a body of `parent`
    whose name is `text` or opens with it, else the one of `options` (the bodies the
    name matched) of `parent`'s state."""
    key = name_key(text)
    for agency in load_agencies() if len(key) > 1 else ():
        if agency.parent == parent.id and any(name_key(n)[:len(key)] == key for n in agency.names):
            return agency
    same_state = [a for a in options if a.country == parent.country]
    return same_state[0] if len(same_state) == 1 else None


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, tuple[str, ...]]:
    return {p.country: p.adjectives for p in load_places() if p.kind == "country" and p.country}


def state_qualified(doc: Doc, span: Span, options: list[Agency]) -> tuple[int, Agency] | None:
    """(end, body) of a name followed by "ل" and a state: that state's body of the same
    name, one of `options` or the name with the state's adjective; None otherwise."""
    if span.end + 1 >= len(doc) or doc[span.end].norm_ not in STATE_LINKS:
        return None
    place = next((p for p in doc.spans.get("places", []) if p.start == span.end + 1
                  and p._.kind == "country" and p._.country), None)
    if place is None:
        return None
    state = place._.country
    found = [a for a in options if a.country == state]
    for adjective in _adjectives().get(state, ()):
        found += [a for a in names_by_key().get(name_key(f"{span.text} {adjective}"), ())
                  if a.country == state]
    found = list(dict.fromkeys(found))
    return (place.end, found[0]) if len(found) == 1 else None


def foreign_state_body(doc: Doc, span: Span, options: list[Agency],
                       state: str | None) -> tuple[int, Agency] | None:
    """(end, body) of a two-word name only Gulf states share ("وزارة العمل") followed by
    the adjective of `state`, a state outside the Gulf ("وزارة العمل الإثيوبية"): that
    state's body named so with any of its adjectives ("الفلبينية" for "الفيلبينية"),
    else a new body of that state named with the adjective; None otherwise (the name is
    longer, a Gulf state's, or no definite adjective of a state follows it)."""
    if state is None or state in GULF_STATES or len(name_key(span.text)) != 2 \
            or not options or not {a.country for a in options} <= GULF_STATES \
            or not doc[span.end].norm_.startswith("ال"):  # "جنايات دبي مغربية": a person's
        return None
    named = doc[span.start:span.end + 1]
    found = {a.id: a for adjective in _adjectives().get(state, ())
             for a in names_by_key().get(name_key(f"{span.text} {adjective}"), ())
             if a.country == state}
    if len(found) == 1:
        return named.end, next(iter(found.values()))
    return named.end, Agency(new_agency_id(named.text, state), named.text, state,
                             options[0].kind, None, (named.text,))


def regional_end(doc: Doc, span: Span) -> int:
    """Where a name ends that runs on over "ل/في/ب + a group of states or a region"."""
    if span.end + 1 >= len(doc) or doc[span.end].norm_ not in REGION_LINKS:
        return span.end
    for place in doc.spans.get("places", []):
        if place.start == span.end + 1 and place._.kind in ("group", "region"):
            return place.end
    return span.end


def cut_agency(doc: Doc, span: Span) -> Agency | None:
    """The gazetteer body whose name `span` opens when the text ends inside its last word
    ("نيابة الاتجار بالأشخ"): all words but the last the same, the last a beginning."""
    at_end = span.end >= len(doc) or "\n" in doc[span.end].text
    key = name_key(span.text)
    if not at_end or len(key) < 3 or len(key[-1]) < MIN_CUT:
        return None
    found = {a.id: a for k, agencies in names_by_key().items() for a in agencies
             if len(k) == len(key) and k[:-1] == key[:-1] and k[-1].startswith(key[-1])}
    if len(found) > 1:
        state = context_state(doc, span, {a.country for a in found.values()})
        found = {i: a for i, a in found.items() if a.country == state}
    return next(iter(found.values())) if len(found) == 1 else None


def reissued(doc: Doc, spans: list[Span], others: list[Span]) -> list[Span]:
    """`spans` (the gazetteer's), a shared name named as a report's issuer given to the
    foreign body of that name that the article names among `spans` and `others` (the
    model's names, `report_issuer`)."""
    by_id = agencies_by_id()
    named = [by_id[s._.canonical] for s in list(spans) + list(others) if s._.canonical in by_id]
    for span in spans:
        options = names_by_key().get(name_key(span.text), ())
        if len(options) < 2 or span._.source != "gazetteer":
            continue
        body = report_issuer(doc, span, list(options), named)
        if body is not None:
            span._.canonical, span._.country, span._.kind = body.id, body.country, body.kind
    return list(spans)
