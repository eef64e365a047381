"""Evaluation: score extractions against gold annotations, with the project's own code.

Used by the quality gate (`tests/test_quality.py`) and the model ablations
(`tests/test_model_value.py`), so that the team's own test articles are scored on a bare
clone, without the users' scorer in `../shared`. It implements the matching rules of
`shared/gold/README.md` ("How it is scored"); `tests/test_evaluate.py` checks each rule
and that it gives the users' scorer's numbers on the test articles and the seeds.

The rules, per field, over a set of articles (micro-averaged):
  - agencies: a predicted AGENCY matches a gold agency by canonical id, or when its text
    matches one of the gold names after normalisation and after peeling the clitics off
    its first word (و/ف, then ب/ك/ل or لل, then ال); two names also match when they
    share three quarters of their words;
  - laws: (number, year) where the gold gives a number, else the name as for agencies;
  - persons: the first names agree and one name's words hold the other's (or share three
    quarters of them);
  - locations: normalised names with state words dropped ("دولة الكويت" = "الكويت") and
    a country's long form taken as its short one;
  - years: exact; events: (type, year) pairs.
Gold items marked `optional` count neither as a miss when not found nor as a false alarm
when found. A wrong prediction is counted once per article however often it recurs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from nlp.normalise import normalise_text

FIELDS = ("agencies", "laws", "years", "persons", "locations", "events")
WORD_SHARE = 0.75  # two names with this share of common words are one name
STATE_WORDS = frozenset({"دوله", "مملكه", "المملكه", "سلطنه", "جمهوريه", "العاصمه", "اماره"})
SHORT_FORMS = {"العربيه السعوديه": "السعوديه", "الامارات العربيه المتحده": "الامارات",
               "مصر العربيه": "مصر", "الولايات المتحده الامريكيه": "الولايات المتحده"}
_PUNCT = re.compile(r"[^\w\s]+|[-_]")


@dataclass
class Tally:
    """True positives, false positives and misses of one field, with their names."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return round(2 * p * r / (p + r), 3) if p + r else 0.0


# ------------------------------------------------------------------ names

def words(text: str | None) -> list[str]:
    """The normalised words of a name, punctuation dropped."""
    return _PUNCT.sub(" ", normalise_text(text or "")).split()


def _peel(word: str) -> set[str]:
    """The readings of a name's first word with its attached clitics taken off."""
    readings = {word}
    if word[0] in "وف" and len(word) > 3:
        readings.add(word[1:])
    for w in list(readings):  # noqa: PERF101 - a copy: the loop adds to readings
        if w.startswith("لل") and len(w) > 3:
            readings.update({"ال" + w[2:], "ال" + w[1:]})
        elif w[0] in "بكل" and len(w) > 3:
            readings.add(w[1:])
    readings.update(w[2:] for w in list(readings) if w.startswith("ال") and len(w) > 3)
    return readings


def readings(text: str | None) -> list[tuple[str, ...]]:
    """Every reading of a name as a tuple of words (one per form of its first word)."""
    ws = words(text)
    return [(first, *ws[1:]) for first in _peel(ws[0])] if ws else []


def _share(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb)


def same_name(text: str, names: list[str]) -> bool:
    """A predicted name equals a gold name under some reading, or nearly so."""
    return any(p == g or _share(p, g) >= WORD_SHARE
               for name in names for g in readings(name) for p in readings(text))


def same_person(text: str, names: list[str]) -> bool:
    """Same first name, and one name inside the other (or nearly the same words)."""
    for name in names:
        for p in readings(text):
            for g in readings(name):
                if p[0] == g[0] and (set(p) <= set(g) or set(g) <= set(p)
                                     or _share(p, g) >= WORD_SHARE):
                    return True
    return False


def place_keys(text: str) -> set[str]:
    """The comparable forms of a place name: no state words, a country's short form."""
    keys = set()
    for reading in readings(text):
        joined = " ".join(reading)
        for long, short in SHORT_FORMS.items():
            joined = joined.replace(long, short)
        core = " ".join(w for w in joined.split() if w not in STATE_WORDS) or joined
        keys.add(core)
        if core.startswith("ال") and len(core) > 3:
            keys.add(core[2:])
    return keys


def agency_matches(text: str, canonical, gold: dict) -> bool:
    return bool(canonical and canonical == gold.get("id")) or same_name(text, gold["names"])


def law_matches(text: str, canonical, gold: dict) -> bool:
    if gold.get("number") and isinstance(canonical, dict) and \
            str(canonical.get("number")) == str(gold["number"]) and \
            canonical.get("year") == gold.get("year"):
        return True
    return same_name(text, gold["names"])


def person_matches(text: str, canonical, gold: dict) -> bool:
    return same_person(text, gold["names"])


def place_matches(text: str, canonical, gold: dict) -> bool:
    keys = place_keys(text)
    return any(keys & place_keys(name) for name in gold["names"])


MATCHERS: dict[str, tuple[str, Callable]] = {
    "agencies": ("AGENCY", agency_matches), "laws": ("LAW", law_matches),
    "persons": ("PERSON", person_matches), "locations": ("LOCATION", place_matches),
}


# ------------------------------------------------------------------ counting

def _gold_entries(items: list) -> tuple[list[dict], list[dict]]:
    """(required, optional) gold entries; a bare string is a required name."""
    entries = [{"names": [i]} if isinstance(i, str) else i for i in items]
    return [e for e in entries if not e.get("optional")], [e for e in entries if e.get("optional")]


def tally_names(tally: Tally, doc_id: str, predicted: list[tuple[str, object]],
                gold: list, matches: Callable) -> None:
    """Count one article's mentions of one label against its gold entries."""
    required, optional = _gold_entries(gold)
    found = set()
    wrong = {}
    for text, canonical in predicted:
        hits = {i for i, entry in enumerate(required) if matches(text, canonical, entry)}
        found |= hits
        if not hits and not any(matches(text, canonical, entry) for entry in optional):
            wrong.setdefault(" ".join(words(text)), text)
    tally.fp += len(wrong)
    tally.false_alarms += [f"{doc_id}: {text}" for text in wrong.values()]
    for i, entry in enumerate(required):
        if i in found:
            tally.tp += 1
        else:
            tally.fn += 1
            tally.misses.append(f"{doc_id}: {entry['names'][0]}")


def tally_keys(tally: Tally, doc_id: str, predicted: set, required: set, optional=frozenset()) -> None:
    """Count one article's exact keys (years, (type, year) events)."""
    hits, extra, missed = predicted & required, predicted - required - optional, required - predicted
    tally.tp += len(hits)
    tally.fp += len(extra)
    tally.fn += len(missed)
    tally.false_alarms += [f"{doc_id}: {k}" for k in sorted(extra, key=str)]
    tally.misses += [f"{doc_id}: {k}" for k in sorted(missed, key=str)]


def score_article(tallies: dict[str, Tally], gold: dict, predicted: dict) -> None:
    """Add one article's extraction (the `extract --json` object) to the tallies."""
    doc_id, entities = gold["id"], predicted.get("entities", [])
    for name, (label, matches) in MATCHERS.items():
        mentions = [(e.get("text", ""), e.get("canonical")) for e in entities if e.get("label") == label]
        tally_names(tallies[name], doc_id, mentions, gold.get(name, []), matches)
    tally_keys(tallies["years"], doc_id, set(predicted.get("years", [])), set(gold.get("years", [])))
    events = gold.get("events", [])
    key = lambda e: (e.get("type"), e.get("year"))
    tally_keys(tallies["events"], doc_id, {key(e) for e in predicted.get("events", [])},
               {key(e) for e in events if not e.get("optional")},
               {key(e) for e in events if e.get("optional")})


def score_set(gold: list[dict], predictions: dict[str, dict]) -> dict[str, Tally]:
    """Tallies per field over a set of articles; `predictions` is keyed by gold id."""
    tallies = {name: Tally() for name in FIELDS}
    for doc in gold:
        score_article(tallies, doc, predictions[doc["id"]])
    return tallies


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip()]


def extract_set(nlp, gold: list[dict], texts: Path,
                relevant: Callable[[str], bool] | None = None) -> dict[str, dict]:
    """The pipeline's extraction of every gold article in `texts`, keyed by gold id.

    `relevant` (text -> bool), when given, is the timeline's relevance gate: an article
    it turns away keeps its entities and loses its events, as `nlp.extract` does with
    the relevance classifier's verdict.
    """
    from nlp.extract import extract_article, parse_date
    predictions = {}
    for doc in gold:
        published = parse_date(doc.get("published"))
        text = (Path(texts) / doc["file"]).read_text(encoding="utf-8")
        predicted = extract_article(nlp, text, published)
        if relevant is not None and not relevant(text):
            predicted["events"] = []
        predictions[doc["id"]] = predicted
    return predictions


def evaluate(nlp, gold_path: Path, texts: Path,
             relevant: Callable[[str], bool] | None = None) -> dict[str, Tally]:
    """Run the pipeline `nlp` over every gold article in `texts` and score it."""
    gold = read_gold(gold_path)
    return score_set(gold, extract_set(nlp, gold, texts, relevant))


def f1_scores(tallies: dict[str, Tally]) -> dict[str, float]:
    return {name: tally.f1 for name, tally in tallies.items()}
