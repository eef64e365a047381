"""Component `event_detector`: the article's events for the timeline.

Stages, in order:
1. each sentence is cut into clauses ("كما", "؛", "فيما", "بينما", "إضافة إلى");
2. each clause gets candidate types from the trigger cues of
   `data/patterns/event_triggers.json`, and a probability per type from the trained
   sentence classifier (`nlp.classifiers`, when its model file is there);
3. clauses that state a plan, a call or a negation are left out;
4. a clause becomes an event when it can be placed in time (a date or year in the
   clause, resolved against the publication date) — or when it is the article's own
   news (the first event clause of the lead), which is always an event, dated by the
   publication date (null when unknown);
5. each event gets its arguments from its clause: agencies (canonical ids), laws,
   country, place, a short title, the evidence sentence with offsets, a confidence;
6. a law cited with its year is a legislation event of that year (a 2013 law named in
   a 2025 speech is a 2013 legislation event), unless its clause already made it the
   instrument of an accession ("انضمت ... بموجب القانون رقم 5 لسنة 2006");
7. the same type at dates that agree (`nlp.dates.dates_agree`) twice in one article is
   one event; two arrests in March and November 2024 are two.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from core.paths import PATTERNS as PATTERN_DIR
from nlp.classifiers import EventClassifier, load_event_classifier
from nlp.dates import dates_agree
from nlp.tokenizer import is_word

PATTERNS = PATTERN_DIR / "event_triggers.json"
CLAUSE_BREAKS = {"كما", "؛", "فيما", "بينما", "وتلاها", "وتلا", "ثم",
                 # participles that open a clause of their own after a statement
                 "مشيرا", "مشيره", "مؤكدا", "مؤكده", "موضحا", "موضحه", "لافتا", "لافته",
                 "منوها", "منوهه", "مضيفا", "مضيفه", "معربا", "معربه", "مبينا", "مبينه"}
LEAD_SENTENCES = 3
TITLE_TOKENS = 9
# a type cue matches whole words: proclitics may open it, a pronoun suffix close it
WHOLE_WORDS = r"(?<!\S)(?:[وف]?[بلك]?)(?:{})(?:ه|ها|هم|هما|هن|ت|ا|وا)?(?!\S)"
EXTRA_REACH = 8  # tokens between a further date and its cue
DANGLING = {"و", "ف", "ب", "ل", "ك", "في", "من", "الي", "علي", "عن", "مع", "بين", "ان", "الذي",
            "التي", "«", "(", "\""}
TREATY_KINDS = {"convention", "protocol", "treaty", "charter"}


@dataclass(frozen=True)
class Cues:
    types: dict[str, list[re.Pattern]]
    strong: dict[str, list[re.Pattern]]
    planned: list[re.Pattern]
    negation: list[re.Pattern]
    intent: list[re.Pattern]


@lru_cache(maxsize=2)
def load_cues(path: Path = PATTERNS) -> Cues:
    data = json.loads(path.read_text(encoding="utf-8"))
    compile_all = lambda items: [re.compile(p) for p in items if not p.startswith("_")]
    whole = lambda items: [re.compile(WHOLE_WORDS.format(p)) for p in items if not p.startswith("_")]
    return Cues(
        {t: whole(p) for t, p in data["types"].items()},
        {t: whole(p) for t, p in data["strong"].items() if not t.startswith("_")},
        compile_all(data["planned"]), compile_all(data["negation"]),
        compile_all(data.get("intent", [])))


def clause_norm(span: Span) -> str:
    """The clause's normalised words, clitics apart, one space between."""
    return " ".join(t.norm_ for t in span if is_word(t))


def split_clauses(sent: Span, cues: "Cues | None" = None) -> list[Span]:
    """The sentence cut at clause-opening words; with `cues`, each clause is cut again at
    "، و…" where both halves hold a trigger cue (two events in one sentence)."""
    doc, clauses, start = sent.doc, [], sent.start
    for token in sent:
        if token.i > start and (token.text in CLAUSE_BREAKS or token.norm_ in CLAUSE_BREAKS):
            clauses.append(doc[start:token.i])
            start = token.i
    clauses.append(doc[start:sent.end])
    clauses = [c for c in clauses if any(is_word(t) for t in c)]
    if cues is None:
        return clauses
    return [part for clause in clauses for part in _split_coordinated(clause, cues)]


def _split_coordinated(clause: Span, cues: "Cues") -> list[Span]:
    doc, parts, start = clause.doc, [], clause.start
    for token in clause[1:-1]:
        nxt = doc[token.i + 1]
        if token.i <= start or token.text not in {"،", ","} or not nxt.norm_.startswith(("و", "ف")):
            continue
        left, right = doc[start:token.i], doc[token.i + 1:clause.end]
        if cue_types(cues, clause_norm(left)) and cue_types(cues, clause_norm(right)):
            parts.append(left)
            start = token.i + 1
    return parts + [doc[start:clause.end]]


def cue_hits(cues: Cues, norm: str) -> list[tuple[int, str]]:
    """(position, type) of every trigger cue in `norm`."""
    return sorted((m.start(), event_type) for event_type, patterns in cues.types.items()
                  for p in patterns for m in p.finditer(norm))


def cue_types(cues: Cues, norm: str) -> list[tuple[int, str, bool]]:
    """(position, type, strong) of every type whose cue occurs in `norm`, earliest first."""
    first: dict[str, int] = {}
    for position, event_type in cue_hits(cues, norm):
        first.setdefault(event_type, position)
    return sorted((position, event_type,
                   any(p.search(norm) for p in cues.strong.get(event_type, [])))
                  for event_type, position in first.items())


class EventDetector:
    def __init__(self, nlp: Language, name: str = "event_detector"):
        self.cues = load_cues()
        self.classifier: EventClassifier | None = load_event_classifier()

    def __call__(self, doc: Doc) -> Doc:
        events: list[dict] = []
        own_news_done = False
        for index, sent in enumerate(doc.sents):
            for clause in split_clauses(sent, self.cues):
                for event in self._clause_events(doc, sent, clause, index, own_news_done):
                    own_news_done = event.pop("_own", False) or own_news_done
                    _add(events, event)
        for event in self._cited_laws(doc, events):
            _add(events, event)
        doc._.events = [{k: v for k, v in e.items() if not k.startswith("_")} for e in events]
        return doc

    def _cited_laws(self, doc: Doc, events: list[dict]) -> list[dict]:
        found = []
        accessions = {(e["evidence"]["start"], e["year"]) for e in events
                      if e["type"] == "accession"}
        for span in doc.spans["mentions"]:
            law = span._.canonical if span.label_ == "LAW" else None
            if not law or not law.get("year") or law.get("kind") in TREATY_KINDS:
                continue
            if (span.sent.start_char, law["year"]) in accessions:
                continue
            event = _event(doc, span.sent, span, "legislation", str(law["year"]), 0.5, 0)
            event["title"] = span.text
            event["country"] = law.get("country") or event["country"]
            found.append(event)
        return found

    def _clause_events(self, doc, sent, clause, index, own_news_done) -> list[dict]:
        """The clause's main event, and one more for each further dated cue in it
        ("حكمت ... في أكتوبر 2024، قبل أن تخفف ... في فبراير 2025")."""
        norm = clause_norm(clause)
        if any(p.search(norm) for p in self.cues.planned + self.cues.negation):
            return []
        dates = _clause_dates(doc, clause)
        main = self._clause_event(doc, sent, clause, norm, dates, index, own_news_done)
        if main is None:
            return []
        found = [main]
        hits = [(_token_at(clause, pos), event_type) for pos, event_type in cue_hits(self.cues, norm)]
        for date in dates:
            year = int(date._.value[:4]) if date._.value else None
            if year is None or year == main["year"] or date._.canonical.get("relative"):
                continue
            near = [(abs(i - date.start), t) for i, t in hits if abs(i - date.start) <= EXTRA_REACH]
            if not near:
                continue
            event_type = min(near)[1]
            if _inside_law(doc, date) and event_type not in ("legislation", "accession"):
                continue
            found.append(_event(doc, sent, clause, event_type, date._.value, main["confidence"],
                                0) | {"title": main["title"], "_own": False})
        return found

    def _clause_event(self, doc, sent, clause, norm, dates, index, own_news_done) -> dict | None:
        choice = self._choose_type(norm, clause, dates)
        if choice is None:
            return None
        event_type, confidence, strong, cue_at = choice
        if any(m.start() < cue_at for p in self.cues.intent for m in p.finditer(norm)):
            return None
        if event_type not in ("legislation", "accession"):  # a law's year dates the law
            # (or the accession it enacted), not an arrest or a ruling that cites it
            dates = [d for d in dates if not _inside_law(doc, d)]
        date = _nearest_date(dates, _token_at(clause, cue_at))
        if (date is None or date[0] is None) and event_type in ("legislation", "accession"):
            date = _law_year(doc, clause) or date  # "بموجب المرسوم السلطاني رقم 37/2005"
        own = not own_news_done and index < LEAD_SENTENCES and (
            date is None or date[1]) and (strong or confidence >= 0.5)
        if date is None or date[0] is None:
            if not own:
                return None
            published = doc._.published
            value = date[0] if date else (published.isoformat() if published else None)
        else:
            value = date[0]
        return _event(doc, sent, clause, event_type, value, confidence, cue_at) | {
            "_own": own, "_fallback": date is None}

    def _choose_type(self, norm: str, clause: Span, dates: list[Span]):
        """(type, confidence, strong cue, cue position) or None.

        Among several cued types: a strong cue, then the cue nearest a dated
        expression, then the classifier's favourite."""
        cues = cue_types(self.cues, norm)
        probs = self.classifier.probabilities(norm) if self.classifier else {}
        if cues:
            dated = [d for d in dates if d._.value]
            distance = lambda c: min((abs(_token_at(clause, c[0]) - d.start) for d in dated),
                                     default=0)
            position, event_type, strong = max(
                cues, key=lambda c: (c[2], -distance(c), probs.get(c[1], 0.0), -c[0]))
            confidence = probs.get(event_type, 0.5)
            if probs and probs.get("none", 0.0) > 0.85 and not strong:
                return None
            return event_type, round(confidence, 3), strong, position
        if probs:
            event_type = max(probs, key=probs.get)
            if event_type != "none" and probs[event_type] >= 0.7:
                return event_type, round(probs[event_type], 3), False, 0
        return None


def _add(events: list[dict], event: dict) -> None:
    """Add `event` unless the article already has it: same type, dates that agree. A
    report of it dated by its own words replaces one dated only by the publication date
    (the headline's "توقعان مذكرة تفاهم" and the body's "أبرمت ... أمس")."""
    for index, known in enumerate(events):
        if known["type"] == event["type"] and dates_agree(known["date"], event["date"]):
            if known.get("_fallback") and not event.get("_fallback"):
                events[index] = event
            return
    events.append(event)


def _token_at(clause: Span, norm_offset: int) -> int:
    """The doc index of the clause token at `norm_offset` of its `clause_norm` text."""
    position = 0
    for token in clause:
        if not is_word(token):
            continue
        if position >= norm_offset:
            return token.i
        position += len(token.norm_) + 1
    return clause.end - 1


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _law_year(doc: Doc, clause: Span) -> tuple[str, bool] | None:
    """The year of the first law cited in the clause, as a date."""
    for span in doc.spans["mentions"]:
        if span.label_ == "LAW" and _inside(span, clause) and span._.canonical.get("year"):
            return str(span._.canonical["year"]), False
    return None


def _inside_law(doc: Doc, date: Span) -> bool:
    return any(s.label_ == "LAW" and _inside(date, s) for s in doc.spans["mentions"])


def _clause_dates(doc: Doc, clause: Span) -> list[Span]:
    return [s for s in doc.spans.get("dates", []) if _inside(s, clause)]


def _nearest_date(dates: list[Span], token_index: int) -> tuple[str | None, bool] | None:
    """(ISO value or None, is relative) of the clause's date nearest the cue — a resolved
    one before an unresolved one — or None when the clause has no date."""
    if not dates:
        return None
    best = min(dates, key=lambda d: (d._.value is None, abs(d.start - token_index)))
    return best._.value, bool(best._.canonical and best._.canonical.get("relative"))


def _event(doc, sent, clause, event_type, value, confidence, cue_at) -> dict:
    mentions = [s for s in doc.spans["mentions"] if _inside(s, clause)]
    agencies = list(dict.fromkeys(s._.canonical for s in mentions  # the outlet reports,
                                  if s.label_ == "AGENCY" and s._.kind != "media"))  # not acts
    laws = [dict(s._.canonical) for s in mentions if s.label_ == "LAW"]
    places = [s for s in mentions if s.label_ == "LOCATION"]
    countries = [s._.country for s in places if s._.kind == "country" and s._.country]
    countries += [s._.country for s in mentions if s.label_ == "AGENCY" and s._.country]
    cities = [s.text for s in places if s._.kind == "city"]
    return {
        "type": event_type, "date": value, "year": int(value[:4]) if value else None,
        "country": countries[0] if countries else doc._.country,
        "agencies": agencies, "laws": laws, "location": cities[0] if cities else None,
        "title": _title(clause, cue_at),
        "evidence": _evidence(sent),
        "confidence": confidence,
    }


def _evidence(sent: Span) -> dict:
    """The sentence without its edge white space, with offsets that match that text."""
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip())
    stripped = text.strip()
    return {"text": stripped, "start": start, "end": start + len(stripped)}


def _title(clause: Span, cue_at: int) -> str:
    """A short phrase of the clause, from its trigger cue on."""
    start = clause.doc[_token_at(clause, cue_at)]
    end = start.i
    for token in clause.doc[start.i:clause.end]:
        if token.text in {"،", ",", ".", ":", "؛", "\n"} or end - start.i >= TITLE_TOKENS:
            break
        end = token.i + 1
    while end - 1 > start.i and clause.doc[end - 1].norm_ in DANGLING:
        end -= 1  # no title ends on "و" or "في"
    return clause.doc[start.i:max(end, start.i + 1)].text.strip()


@Language.factory("event_detector")
def make_event_detector(nlp: Language, name: str) -> EventDetector:
    return EventDetector(nlp, name)
