"""Component `agency_ruler`: AGENCY spans from the gazetteer, with canonical ids.

Stages, in order:
1. full names and acronyms of `data/gazetteers/agencies.jsonl`, matched on normalised
   tokens (clitics are separate tokens, so "بوزارة" and "للمنظمة" match);
2. a name shared by several states ("وزارة الداخلية") goes to the state named by a
   following adjective ("السعودية") or closing its chain of titles, else the nearest state
   named in its sentence, else the article's state (`nlp.agency_context`: its places,
   unambiguous agencies and news agency; this also becomes `doc._.country`), or that
   state's body of its family when the state lacks the name (`nlp.agency_chains`); a
   portfolio in a title ("المساعد لشؤون ...") is no body (`nlp.agency_titles`);
3. short forms ("الداخلية", "المنظمة الدولية", "خفر السواحل") count only after their
   agency, or the ministry it belongs to, was named in full, or with a state adjective
   or "التابع/التابعة ل + the body it belongs to" after them, or with the body they
   belong to named later in their sentence; a bare "النيابة", a one-word short form
   acting on its own ("الداخلية تضبط", "وأوضحت الجوازات"; not in a list of short names)
   or joined by "و" to a body named in full, or a short form quoted alone
   ("«القوى العاملة»"), is its context's body;
4. a bare head noun ("الوزارة", "اللجنة", "المجلس") is resolved to the one agency with
   that head named before it, and left out when there are several.
Agencies no gazetteer lists are found by the `agency_tagger` component (a trained CRF).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from core.vocabulary import list_entries
from nlp import gazetteer  # its GAZETTEER_DIR read when a component is made
from nlp.agency_chains import (
    agencies_by_id,
    chained_parent,
    department_of,
    family_state,
    foreign_state_body,
    headed,
    own_state_body,
    owner_state,
    regional_end,
    runs_on,
    split_units,
    state_qualified,
)
from nlp.agency_context import (
    BODY_ENDS,
    MISSION_HEADS,
    article_state,
    context_state,
    host_body,
    local_body,
    missions,
    name_key,
    new_agency_id,
    official_owner,
    placed_state,
    seated_mission,
    sentence_state,
)
from nlp.agency_references import ancestor_ids, owner_span, under_owner
from nlp.agency_titles import TITLE_WORDS, portfolio, title_state
from nlp.components.data_files import DataFiles, data_path
from nlp.components.matching import PhraseTable
from nlp.gazetteer import Agency, country_adjectives, load_agencies
from nlp.normalise import normalise_text, strip_article
from nlp.tokenizer import QUOTE_PAIRS as QUOTES
from nlp.tokenizer import next_token

# Head nouns of organisation names, normalised and without the article.
HEAD_NOUNS = frozenset(normalise_text(w) for w in (
    "وزارة", "إدارة", "لجنة", "هيئة", "مكتب", "منظمة", "جمعية", "مركز", "معهد", "أكاديمية",
    "نيابة", "محكمة", "دائرة", "مجلس", "ديوان", "مفوضية", "وكالة", "جهاز", "قطاع", "شرطة",
    "بعثة", "أمانة", "اتحاد", "مؤسسة", "صندوق", "جامعة", "سفارة",
    # a customs post ("جمرك الحديثة"); a section ("قسم") only with a unit's function
    # (nlp/agency_units.py): "قسم الطوارئ", "قسم القانون الدولي" are no bodies
    "جمرك"))


# heads of bodies named with the body they sit in: "لجنة ... في وزارة ..." is one name
HOSTED_HEADS = frozenset({normalise_text("لجنة")})
REMIT_ENDS = "agency_remit_ends"  # data/gazetteers/agency_remit_ends.txt
DATELINE_MARKS = {"(", ")", "/", "«", "»", "-", "\"", "ـ"}
BARE_NOT_AFTER = {"ب"}  # "بالنيابة": acting for someone
BARE_NOT_BEFORE = {"عن"}  # "النيابة عن": on behalf of
REPRESENTED = frozenset(normalise_text(w) for w in ("ممثلة", "ممثلا", "ممثل"))
LIST_MARKS = {"و", "،", ","}  # "الصحة والداخلية": a list of short names
OPENING_MARKS = {":", "-", "«", "\"", "(", "–", "ـ"}  # a short form opening a clause
# particles after which a short form is the subject of the clause they open: "إن الداخلية ضبطت"
CLAUSE_PARTICLES = frozenset(normalise_text(w) for w in ("إن", "أن", "بأن", "لأن"))
QUOTE_PAIRS = {**QUOTES, "'": "'"}  # «القوى العاملة»: a name quoted alone (also in '')
# brackets some outlets quote names with ("مشجعاً (القوى العاملة) على ..."); only for a
# short form standing alone in them, not for the model's quoted names
BRACKET_PAIRS = {"(": ")"}
# "الاتجار بالبشر" is also written "الاتجار في البشر": each name is matched in both forms
# and "لمكافحة" also "بمكافحة" ("اللجنة الوطنية بمكافحة الاتجار بالبشر"); a region's
# office "بمنطقة X" also "في منطقة X" ("المديرية العامة للجوازات في المنطقة الشرقية")
LINK_FORMS = (("بالبشر", "في البشر"), ("بالأشخاص", "في الأشخاص"), ("بالاشخاص", "في الاشخاص"),
              ("لمكافحة", "بمكافحة"))
REGION_FORMS = ((" بمنطقة ", " في منطقة "), (" بالمنطقة ", " في المنطقة "))
# ... but a gathering's name with its region ("المنتدى الحكومي ... بمنطقة الشرق الأوسط") takes no
# "في منطقة" form: "الدورة السادسة للمنتدى ... في منطقة الشرق الأوسط" tells of the forum held,
# not of a body (the users' seeds leave it out)
GATHERING_HEADS = frozenset(("المنتدى", "منتدى", "المؤتمر", "مؤتمر", "الملتقى", "ملتقى"))


class AgencyRuler(DataFiles):
    def __init__(self, nlp: Language, name: str = "agency_ruler", agencies: str | None = None):
        self.vocab, self.make_doc = nlp.vocab, nlp.tokenizer
        self.files = {"agencies.jsonl": data_path(agencies, gazetteer.GAZETTEER_DIR / "agencies.jsonl")}

    def load(self, paths: dict) -> None:
        self.full = PhraseTable(self.vocab, self.make_doc, glued=True)
        self.short = PhraseTable(self.vocab, self.make_doc)
        self.acronyms: set[str] = set()
        for agency in load_agencies(paths["agencies.jsonl"]):
            self.full.add_all((n, agency) for n in name_forms(agency.names) + agency.acronyms)
            self.short.add_all((n, agency) for n in agency.short)
            if agency.kind == "media":  # "بنا", "العمانية": ordinary words too
                self.acronyms |= {normalise_text(a) for a in agency.acronyms}
        self.adjectives = country_adjectives()
        self.verbs = {normalise_text(e) for e, _ in list_entries("reporting_verbs")}

    def __call__(self, doc: Doc) -> Doc:
        found = split_units(doc, [(headed(doc, span, HEAD_NOUNS), agencies)
                                  for span, agencies in self.full.find(doc)
                                  if not self._loose_acronym(doc, span)
                                  and not runs_on(doc, span, agencies) and not portfolio(doc, span)])
        owners = [official_owner(span.text, a) for span, a in found if len(a) > 1]
        doc.user_data[BODY_ENDS] = frozenset(span.end for span, _ in found)
        doc._.country = article_state(doc, [a[0] for _, a in found if len(a) == 1],
                                      [o for o in owners if o is not None])
        matches = self._resolve_all(doc, found)
        kept = []
        for span, agency in matches:
            if agency.kind == "regional_org" and span.start and doc[span.start - 1].norm_ == "دول":
                _add_member_states(doc, span, agency)  # "دول مجلس التعاون": the states
            else:
                kept.append((span, agency))
        spans: list[Span] = []
        for span, agency in kept:
            end = regional_end(doc, span) if agency.kind == "international_org" else span.end
            spans.append(_labelled(doc, span.start, end, agency, "gazetteer"))
        spans = _chained(doc, spans, {span.start: agencies for span, agencies in found})
        spans += self._short_forms(doc, spans)
        spans += self._anaphora(doc, spans)
        doc.spans["agencies"] = sorted(spans, key=lambda s: s.start)
        return doc

    def _loose_acronym(self, doc: Doc, span: Span) -> bool:
        """A news agency's acronym counts only in a dateline: "(كونا)", "/ بنا /", "«واس»",
        or closing a dateline's line ("الرياض 15 يناير 2025 م واس", "الرياض واس") after no
        definite word but a place, which it would qualify as an adjective ("جريدة الرؤية
        العمانية")."""
        norms = [t.norm_ for t in span]  # "وإج" is split "و" + "إج" and still matches "واج"
        if " ".join(norms) not in self.acronyms and "".join(norms) not in self.acronyms:
            return False
        before = doc[span.start - 1].text.strip() if span.start else ""
        after = doc[span.end].text if span.end < len(doc) else ""
        line_end = "\n" in after and not (span.start and doc[span.start - 1].norm_.startswith("ال")
                                          and not _place_ends(doc, span.start))
        return not (before in DATELINE_MARKS or after.strip() in DATELINE_MARKS or line_end)

    def _resolve_all(self, doc: Doc, found: list) -> list[tuple[Span, Agency]]:
        """Each match with its body: first by what its own sentence says (`_resolve`),
        then a shared name left undecided by the state its other mentions were given in
        their sentences or by the body one of them is "represented by" (`_represented_by`;
        one body per name in an article), its paragraph's, the article's
        (`voted_state`), the state whose official name it is, else the article's state; a
        mission named with a seat in none of its host states, the mission there
        (`seated_mission`)."""
        placed = {span.start: placed_state(doc, span, {a.country for a in agencies})
                  for span, agencies in found if len(agencies) > 1}  # "... في دولة قطر"
        by_name: dict[tuple, set] = {}  # a shared name placed in a state once: all its mentions
        for span, _ in found:
            by_name.setdefault(name_key(span.text), set()).update({placed.get(span.start)} - {None})
        first = [self._resolve(doc, span, agencies, found, placed.get(span.start),
                               by_name[name_key(span.text)]) for span, agencies in found]
        decided: dict[tuple, set] = {}
        for (span, agencies), (_, agency) in zip(found, first):
            if agency is not None and len(agencies) > 1:
                decided.setdefault(name_key(span.text), set()).add(agency.country)
        at = {resolved.start: agency for resolved, agency in first if agency is not None}
        for (span, agencies), (_, agency) in zip(found, first):
            state = _represented_by(doc, span, at, {a.country for a in agencies}) \
                if agency is None else None
            if state is not None:
                decided.setdefault(name_key(span.text), set()).add(state)
        matches = []
        for (span, agencies), (resolved, agency) in zip(found, first):
            if agency is None:
                by_country = _by_state(doc, agencies)
                same = decided.get(name_key(span.text), set()) & set(by_country)
                agency = None if same else own_state_body(doc, span, agencies, found)
                state = same.pop() if len(same) == 1 else context_state(doc, span, set(by_country))
                agency = agency or by_country.get(state) or official_owner(span.text, agencies) \
                    or by_country.get(doc._.country) or agencies[0]
            resolved, agency = seated_mission(doc, resolved, agency) or (resolved, agency)
            matches.append((resolved, agency))
        return matches

    def _resolve(self, doc: Doc, span: Span, agencies: list[Agency], found: list,
                 placed: str | None, elsewhere: set[str]) -> tuple[Span, Agency | None]:
        """The match and its body when the name or its sentence decides it: one body
        (a Gulf unit's name in an article naming nothing of its state: a new body of the
        article's state, `own_state_body`), a "ل + state" or a state adjective after it,
        the adjective closing a chain of titles (`title_state`), the one-state department
        it belongs to ("... الاتحادية في وزارة الداخلية") or a body of its family named
        in its sentence (`family_state`) — unless a mention of the name is placed in a state
        ("... في دولة قطر", `elsewhere`: that state) and its own sentence names no other —, the
        state its sentence names; else None. `placed` is the state this match is placed in."""
        qualified = state_qualified(doc, span, agencies)  # "... للولايات المتحدة الأمريكية"
        after = doc[span.end] if span.end < len(doc) else None
        adjective_state = self.adjectives.get(after.norm_) if after is not None else None
        qualified = qualified or foreign_state_body(doc, span, agencies, adjective_state)
        if qualified is not None:  # or "وزارة العمل الإثيوبية": no Gulf body
            return doc[span.start:qualified[0]], qualified[1]
        if len(agencies) == 1:  # a unit of a state the article never names: its own state's
            alien = agencies[0].parent and own_state_body(doc, span, agencies, found, True)
            return span, alien or agencies[0]
        if missions(agencies):  # one state's embassies in several states: the host's
            return span, host_body(doc, agencies)
        by_country = _by_state(doc, agencies)
        if adjective_state is not None and adjective_state in by_country:
            return doc[span.start:span.end + 1], by_country[adjective_state]
        state = placed or title_state(doc, span, set(by_country)) or owner_state(doc, span, found)
        if state is None:
            sentence = sentence_state(doc, span, set(by_country))
            other = next(iter(elsewhere)) if len(elsewhere) == 1 else None
            other = other if sentence in (None, other) else None  # its own sentence names another
            state = other or family_state(span, found, agencies) or sentence
        return span, by_country.get(state)

    def _short_forms(self, doc: Doc, named: list[Span]) -> list[Span]:
        """Short forms after their body (or the body it belongs to) was named in full, or
        with the body it belongs to named later in its sentence ("الدورة 80 للجمعية العامة
        المنعقدة بمقر الأمم المتحدة"), else with a state adjective after them or as a bare prosecution (`_short_alone`)."""
        found = []
        for span, agencies in self.short.find(doc):
            if any(s.start < span.end and span.start < s.end for s in named):
                continue
            earlier = {s._.canonical for s in named if s.end <= span.start}
            later = {s._.canonical for s in named if s.start >= span.end and s.sent == span.sent}
            chosen = [a for a in agencies if a.id in earlier or a.parent in earlier | later]
            owner = owner_span(doc, span, named)  # "مفوضية حقوق الإنسان التابعة للأمم المتحدة"
            chosen = chosen or ([under_owner(span, owner)] if owner is not None else [])
            chosen = [a for a in chosen if a is not None]
            if not chosen and self._standing(doc, span):  # "وكرمت الخارجية" after its body
                chosen = _named_with(span, named)
            chosen = chosen or _tail_of(span, named, agencies)
            end, agency = (span.end, chosen[0]) if len(chosen) == 1 \
                else self._short_alone(doc, span, agencies, _conjoined(doc, span, named))
            if agency is not None:
                found.append(_labelled(doc, span.start, end, agency, "short"))
        return found

    def _short_alone(self, doc: Doc, span: Span, agencies: list[Agency],
                     conjoined: bool = False) -> tuple[int, Agency | None]:
        """(end, body) of a short form no full name introduced: ending on a state adjective
        or with one after it, and no title before it, that state's one body ("الخارجية
        الأميركية", "القوى العاملة الكويتية", not "وزير الداخلية القطري"); a bare "النيابة" (not "بالنيابة", "النيابة عن" nor a
        longer name) the prosecution of its context's state (and a shelter's short form,
        "دار الإيواء", that state's shelter; `_bare_kind`), of its emirate where the state
        has several (`local_body`), and so a one-word short form acting on its own
        (`_standing`), a short form quoted alone ("«القوى العاملة»", `_quoted`) or one
        conjoined to a body named in full (`conjoined`: "النيابة العامة، والداخلية"); else
        no body."""
        after = doc[span.end].norm_ if span.end < len(doc) else ""
        before = doc[span.start - 1].norm_ if span.start else ""
        own = self.adjectives.get(span[-1].norm_)  # "الخارجية الأميركية": its state in it
        same = [a for a in agencies if a.country == own and before not in TITLE_WORDS
                and a.parent is None]  # not a mission ("السفارة الأمريكية"): where is it?
        if own is not None and len(same) == 1:
            return span.end, same[0]
        state = self.adjectives.get(after)
        if state is not None:
            same = [a for a in agencies if a.country == state and before not in TITLE_WORDS]
            return (span.end + 1, same[0]) if len(same) == 1 else (span.end, None)
        quoted = _quoted(doc, span)
        bare = _bare_kind(span, agencies) or self._standing(doc, span) \
            or quoted or conjoined
        if not bare or before in BARE_NOT_AFTER or after in BARE_NOT_BEFORE \
                or after.startswith("ال"):  # "النيابة الكلية": a longer name
            return span.end, None
        states = {a.country for a in agencies}
        # a quoted short form of one state's body: that body where the article is that state's
        # (its places, else the default), never in an article of another state
        state = context_state(doc, span, states) or (
            next(iter(states)) if quoted and states == {doc._.country} else None)
        return span.end, local_body(doc, [a for a in agencies if a.country == state])

    def _standing(self, doc: Doc, span: Span) -> bool:
        """A one-word short form that acts on its own: it opens its sentence or line, or a
        verb or a particle opening a clause (`CLAUSE_PARTICLES`) comes right before it
        ("الداخلية تضبط ...", "وأوضحت الجوازات", "إن الداخلية ضبطت"), and it is
        no item of a list ("الشؤون والصحة والداخلية") nor of a title ("وزير الداخلية")."""
        if len(span) != 1:
            return False
        before = doc[span.start - 1] if span.start else None
        after = doc[span.end].norm_ if span.end < len(doc) else ""
        if after in LIST_MARKS:
            return False
        return before is None or before.i < span.sent.start or "\n" in before.text \
            or before.norm_ in OPENING_MARKS or before.tag_ == "verb" \
            or before.norm_ in CLAUSE_PARTICLES \
            or before.norm_ in self.verbs or (before.norm_[:1] in "وف"  # "وأكدت" unsplit
                                              and before.norm_[1:] in self.verbs)

    def _anaphora(self, doc: Doc, named: list[Span]) -> list[Span]:
        found = []
        taken = {i for s in named for i in range(s.start, s.end)}
        for token in doc:
            head = strip_article(token.norm_)
            if token.i in taken or not token.norm_.startswith("ال") or head not in HEAD_NOUNS:
                continue
            nxt = next_token(token)
            if nxt is not None and nxt.norm_.startswith("ال") and nxt.norm_.isalpha():
                continue  # "اللجنة الوطنية": a longer name, not a bare back-reference
            earlier = {s._.canonical: s for s in named if s.end <= token.i
                       and _head(s) == head and s._.source != "anaphora"}
            if len(earlier) == 1:
                span = next(iter(earlier.values()))
                found.append(_copy(doc, token.i, token.i + 1, span, "anaphora"))
        return found


def _tail_of(span: Span, named: list[Span], agencies: list[Agency]) -> list[Agency]:
    """The one body named in full before a short form that ends its name, when none of the
    short form's own bodies was named: «شؤون الإقامة» after "الإدارة العامة لمباحث شؤون
    الإقامة" is that department, not the residency affairs department."""
    key, own = name_key(span.text), {a.id for a in agencies}
    tails = {s._.canonical for s in named if s.end <= span.start and s._.canonical not in own
             and len(name_key(s.text)) > len(key) and name_key(s.text)[-len(key):] == key}
    body = agencies_by_id().get(next(iter(tails))) if len(tails) == 1 else None
    if body is None or own & ancestor_ids(body):
        return []  # "القوى العاملة" after "قطاع حماية القوى العاملة" is the authority itself
    return [body]


def _by_state(doc: Doc, agencies: list[Agency]) -> dict[str, Agency]:
    """Each state's body of a name; of one state's several, the one of the place the
    article names (`local_body`: "النيابة العامة" in an article on Dubai), else the last."""
    states: dict[str, list[Agency]] = {}
    for agency in agencies:
        states.setdefault(agency.country, []).append(agency)
    return {state: local_body(doc, same) or same[-1] for state, same in states.items()}


def _represented_by(doc: Doc, span: Span, at: dict[int, Agency], allowed: set[str]) -> str | None:
    """The state of the body a name is "represented by" right after it ("وزارة العمل،
    ممثلة باللجنة الوطنية ... في دولة قطر": Qatar's ministry), when `allowed`; `at` holds
    the bodies already decided, by where their names start."""
    i = span.end + (span.end < len(doc) and doc[span.end].text.strip() in {"،", ","})
    if i + 2 > len(doc) or doc[i].norm_ not in REPRESENTED or doc[i + 1].norm_ not in {"ب", "في"}:
        return None
    body = at.get(i + 2)
    return body.country if body is not None and body.country in allowed else None


def _bare_kind(span: Span, agencies: list[Agency]) -> bool:
    """A short form that alone names the body of its context's state: a prosecution's
    ("النيابة"), or a shelter's of a head and its word ("دار الإيواء", "مركز الإيواء"; not
    the verbal noun "إيواء" of "مراكز لإيواء الضحايا")."""
    kinds = {a.kind for a in agencies}
    return kinds == {"prosecution"} or (kinds == {"shelter"} and len(span) > 1)


def _conjoined(doc: Doc, span: Span, named: list[Span]) -> bool:
    """A one-word short form joined by "و" (after a comma or not) to a body named in full
    right before it ("إلى النيابة العامة، والداخلية"): an item of a list of bodies, not
    of a list of short names ("الصحة والداخلية") nor an adjective ("الشؤون الداخلية")."""
    at = span.start - 1
    if len(span) != 1 or at < 1 or doc[at].norm_ != "و":
        return False
    at -= doc[at - 1].text.strip() in {"،", ","}
    return any(s.end == at and s._.source == "gazetteer" for s in named)


def _place_ends(doc: Doc, at: int) -> bool:
    """A place's name ends right before token `at` ("الرياض" before "واس")."""
    return any(p.end == at for p in doc.spans.get("places", []))


def _quoted(doc: Doc, span: Span) -> bool:
    """The span stands alone between quotation marks or brackets ("«القوى العاملة»
    و«الداخلية»", '"شؤون الإقامة"', "(القوى العاملة)"): the writer marks it as a name, not
    words of the sentence."""
    if not span.start or span.end >= len(doc):
        return False
    opening = doc[span.start - 1].text.strip()
    return {**QUOTE_PAIRS, **BRACKET_PAIRS}.get(opening) == doc[span.end].text.strip()


def _named_with(span: Span, named: list[Span]) -> list[Agency]:
    """The one body named before `span` whose name holds its word ("الخارجية" after
    "وزارة الخارجية الأميركية"), as a list; else []."""
    word = span[0].norm_
    ids = {s._.canonical for s in named if s.end <= span.start
           and any(t.norm_ == word for t in s) and s._.canonical in agencies_by_id()}
    return [agencies_by_id()[ids.pop()]] if len(ids) == 1 else []


def _chained(doc: Doc, spans: list[Span], options: dict[int, list[Agency]]) -> list[Span]:
    """A department named with the body it belongs to after it ("ب"/"في"): the
    gazetteer's department of that body, else the one of its state, else a new body of
    that state under its own name; the body stays a mention of its own. A committee the
    gazetteer lacks is named with the body it sits in, one mention (`hosted`)."""
    kept, parents = [], set()
    for span in spans:
        own = agencies_by_id().get(span._.canonical)
        parent = chained_parent(doc, span, spans) if own is not None and own.parent else None
        if parent is None:
            kept.append(span)
            continue
        body = agencies_by_id()[parent._.canonical]
        agency = department_of(span.text, body, options.get(span.start, []))
        if agency is not None:
            kept.append(_labelled(doc, span.start, span.end, agency, "gazetteer"))
            continue
        end = parent.end if hosted(span) else span.end
        kept.append(_agency_span(doc, span.start, end, "gazetteer",
                                 new_agency_id(doc[span.start:end].text, body.country),
                                 body.country, own.kind))
        parents |= {parent.start} if hosted(span) else set()
    return [s for s in kept if s.start not in parents]


def hosted(span: Span) -> bool:
    """A committee ("اللجنة الدائمة لمتابعة خطة التنمية في وزارة الخارجية"): its name
    holds the body it sits in, unlike a unit of that body ("قطاع حماية العمالة"), and
    unlike a committee whose remit already ends on the crime it fights ("لجنة ... ومكافحة
    الاتجار بالبشر في الديوان ...", `remit_ends`)."""
    return strip_article(span[0].norm_) in HOSTED_HEADS and span[-1].norm_ not in remit_ends()


@lru_cache(maxsize=1)
def remit_ends() -> frozenset[str]:
    """The words of `data/gazetteers/agency_remit_ends.txt`, normalised."""
    return frozenset(normalise_text(entry) for entry, _ in list_entries(REMIT_ENDS))


def name_forms(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names, each also with "في" for "ب" before "البشر"/"الأشخاص" and a region (not in a
    gathering's name, `REGION_FORMS`, `GATHERING_HEADS`), and "ب"
    for "ل" before "مكافحة" (`LINK_FORMS`), and with a state's adjective in its other spellings
    ("السفارة الفليبينية" for "السفارة الفلبينية", `_spellings`), and without "محافظة"
    before a governorate's name ("مديرية شرطة العاصمة")."""
    forms = list(names)
    for name in names:
        gathering = GATHERING_HEADS.intersection(name.split()[:1])
        links = LINK_FORMS if gathering else LINK_FORMS + REGION_FORMS
        forms += [name.replace(old, new) for old, new in links if old in name]
    forms += [f"{name[:name.rindex(' ')]} {other}" for name in names if " " in name
              for other in _spellings().get(name.rsplit(" ", 1)[1], ())]
    forms += [other for name in names for other in _mission_forms(name)]
    forms += [name.replace(" محافظة ", " ") for name in names if " محافظة " in name]
    return tuple(dict.fromkeys(forms))


def _mission_forms(name: str) -> list[str]:
    """An embassy's or consulate's name with the state it represents in the state's other
    names ("سفارة بريطانيا لدى الكويت" for "سفارة المملكة المتحدة لدى الكويت")."""
    head, _, rest = name.partition(" ")
    if normalise_text(head) not in MISSION_HEADS:  # "سفارة ...", "قنصلية ..."
        return []
    for state, others in _state_names():
        if rest == state or rest.startswith(state + " "):
            return [f"{head} {other}{rest[len(state):]}" for other in others if other != state]
    return []


@lru_cache(maxsize=1)
def _state_names() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each name of a state, longest first, with all the state's names."""
    names = [(name, tuple(place.names)) for place in gazetteer.load_places()
             if place.kind == "country" and place.country for name in place.names]
    return tuple(sorted(names, key=lambda item: -len(item[0])))


@lru_cache(maxsize=1)
def _spellings() -> dict[str, tuple[str, ...]]:
    """A state adjective (as written in the gazetteers) -> the state's other adjectives of the
    same form: with or without "ال", ending in "ة" or not ("الفلبينية": "الفليبينية",
    "الفيليبينية")."""
    def form(word: str) -> tuple[bool, bool]:
        return word.startswith("ال"), word.endswith("ة")
    spellings = {}
    for place in gazetteer.load_places():
        if place.kind == "country" and place.country:
            for adjective in place.adjectives:
                spellings[adjective] = tuple(a for a in place.adjectives if a != adjective
                                             and form(a) == form(adjective)
                                             and not a.endswith(("ين", "ون")))
    return spellings


def _add_member_states(doc: Doc, span: Span, agency: Agency) -> None:
    states = Span(doc, span.start - 1, span.end, label="LOCATION")
    states._.canonical, states._.kind = f"{agency.id}-states", "group"
    doc.spans["places"] = list(doc.spans["places"]) + [states]


def _head(span: Span) -> str:
    return strip_article(span[0].norm_)


def _labelled(doc: Doc, start: int, end: int, agency: Agency, source: str) -> Span:
    return _agency_span(doc, start, end, source, agency.id, agency.country, agency.kind)


def _copy(doc: Doc, start: int, end: int, like: Span, source: str) -> Span:
    return _agency_span(doc, start, end, source, like._.canonical, like._.country, like._.kind)


def _agency_span(doc: Doc, start: int, end: int, source: str, canonical: str,
                 country: str | None, kind: str | None) -> Span:
    span = Span(doc, start, end, label="AGENCY")
    span._.canonical, span._.country, span._.kind, span._.source = canonical, country, kind, source
    return span


@Language.factory("agency_ruler", assigns=["doc.spans"], requires=["doc._.country"],
                  default_config={"agencies": None})
def make_agency_ruler(nlp: Language, name: str, agencies: str | None) -> AgencyRuler:
    """`agencies`: the gazetteer (JSON lines) read by `initialize()`; None, the bundled one."""
    return AgencyRuler(nlp, name, agencies)
