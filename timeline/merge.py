"""Stage "merge": one timeline row per real-world event, however many reports.

An extracted event is compared only with the stored events of its block — same type,
same year and a date that can agree (an index lookup on type, year and date), so the cost
grows with the number of events, not with its square. Within the block it is the same event when the dates agree within their
precision (`nlp.dates.dates_agree`: a day-precise date within three days), the countries agree, and the
agencies or the laws overlap, or the titles share most of their words, or — for an
accession, which a state makes once a year at most — one report names no agency. Undated events need both
similar titles and no conflicting agencies. A match adds a source to the
stored event; otherwise a new event row is made.
"""

from __future__ import annotations

import datetime as dt
import re

import sqlite_utils

from nlp.dates import DAY_TOLERANCE, dates_agree
from nlp.normalise import normalise_text, strip_article

TITLE_OVERLAP = 0.5
# types a state does once a year at most: a report naming no agency joins the known one
ONCE_A_YEAR = {"accession"}


_WORDS = re.compile(r"\w+")


def title_words(title: str | None) -> set[str]:
    """The title's normalised words of three letters or more, without the article."""
    return {strip_article(w) for w in _WORDS.findall(normalise_text(title or "")) if len(w) > 2}


def titles_agree(a: str | None, b: str | None) -> bool:
    wa, wb = title_words(a), title_words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= TITLE_OVERLAP


def law_family_key(key: str) -> str:
    """A numbered law's key without its state ("law:91:2013:KW" -> "law:91:2013"): one
    citation names the state ("القانون الكويتي رقم 91 لسنة 2013"), another does not."""
    parts = key.split(":")
    return ":".join(parts[:3]) if len(parts) == 4 and parts[1] != "-" else key


def laws_agree(a: set[str], b: set[str]) -> bool:
    return bool({law_family_key(k) for k in a} & {law_family_key(k) for k in b})


def find_match(db: sqlite_utils.Database, event: dict, agencies: set[str]) -> int | None:
    """The id of the stored event that `event` reports again, or None.

    The candidates are read through the index on (type, year, date): only the stored
    dates that can agree with the event's (`_date_filter`), oldest event first."""
    where, params = _date_filter(event["date"])
    rows = list(db.query(
        "SELECT id, date, country, title FROM events WHERE type = ? AND year IS ? AND "
        f"({where}) ORDER BY id", [event["type"], event["year"], *params]))
    rows = [row for row in rows if dates_agree(row["date"], event["date"]) and not (
        row["country"] and event.get("country") and row["country"] != event["country"])]
    linked = _linked_keys(db, [row["id"] for row in rows])
    laws = {law.get("key") for law in event.get("laws", []) if law.get("key")}
    for row in rows:
        stored = linked.get((row["id"], "AGENCY"), set())
        stored_laws = linked.get((row["id"], "LAW"), set())
        shared = bool(agencies & stored) or laws_agree(laws, stored_laws)
        similar = titles_agree(row["title"], event["title"])
        if event["date"] is None:  # undated: demand both, there is no date to agree on
            if similar and (shared or not (agencies and stored)):
                return row["id"]
        elif shared or similar or (event["type"] in ONCE_A_YEAR and not (agencies and stored)):
            return row["id"]
    return None


def _date_filter(date: str | None) -> tuple[str, list]:
    """SQL over `date` that keeps every stored date that can agree with `date` (a
    superset, at the precisions of `nlp.dates.dates_agree`, which then decides)."""
    if not date:
        return "date IS NULL OR date = ''", []
    if len(date) >= 10:  # a day: the year, the month, or days within the tolerance
        day = dt.date.fromisoformat(date[:10])
        low, high = day - dt.timedelta(days=DAY_TOLERANCE), day + dt.timedelta(days=DAY_TOLERANCE)
        return ("date IN (?, ?) OR (date >= ? AND date < ?)",
                [date[:4], date[:7], low.isoformat(), high.isoformat() + "~"])
    if len(date) == 7:  # a month: the year, or dates within the month
        return "date = ? OR (date >= ? AND date < ?)", [date[:4], date, date + "~"]
    return "date IS NOT NULL", []  # a year: every dated event of the year


def _linked_keys(db: sqlite_utils.Database, event_ids: list[int]) -> dict[tuple, set[str]]:
    """(event id, label) -> keys of the entities linked to those events, in one query."""
    linked: dict[tuple, set[str]] = {}
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start:start + 500]
        for row in db.query(
                "SELECT ee.event_id, en.key, en.label FROM event_entities ee JOIN entities en "
                f"ON en.id = ee.entity_id WHERE ee.event_id IN ({', '.join('?' * len(chunk))})",
                chunk):
            linked.setdefault((row["event_id"], row["label"]), set()).add(row["key"])
    return linked
