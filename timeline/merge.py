"""Stage "merge": one timeline row per real-world event, however many reports.

An extracted event is compared only with the stored events of its block — same type and
same year (an index lookup), so the cost grows with the number of events, not with its
square. Within the block it is the same event when the dates agree within their
precision (a day-precise date within `DAY_TOLERANCE` days), the countries agree, and the
agencies overlap, or the titles share most of their words, or — for a dated event — one
report names no agency at all (nothing tells the two apart). Undated events need both
similar titles and no conflicting agencies. A match adds a source to the
stored event; otherwise a new event row is made.
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from nlp.normalise import normalise_text, strip_article

DAY_TOLERANCE = 3
TITLE_OVERLAP = 0.5


def _date(value: str | None) -> tuple[dt.date | None, str]:
    if not value:
        return None, "none"
    if len(value) >= 10:
        return dt.date.fromisoformat(value[:10]), "day"
    if len(value) == 7:
        return dt.date.fromisoformat(value + "-01"), "month"
    return dt.date(int(value[:4]), 1, 1), "year"


def dates_agree(a: str | None, b: str | None) -> bool:
    """Two dates name the same time at the coarser of their precisions."""
    (da, pa), (db, pb) = _date(a), _date(b)
    if da is None or db is None:
        return da is None and db is None
    if "year" in (pa, pb):
        return da.year == db.year
    if "month" in (pa, pb):
        return (da.year, da.month) == (db.year, db.month)
    return abs((da - db).days) <= DAY_TOLERANCE


def title_words(title: str | None) -> set[str]:
    return {strip_article(w) for w in normalise_text(title or "").split() if len(w) > 2}


def titles_agree(a: str | None, b: str | None) -> bool:
    wa, wb = title_words(a), title_words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= TITLE_OVERLAP


def find_match(db: sqlite_utils.Database, event: dict, agencies: set[str]) -> int | None:
    """The id of the stored event that `event` reports again, or None."""
    rows = db.query(
        "SELECT id, date, country, title FROM events WHERE type = ? AND year IS ?",
        [event["type"], event["year"]])
    for row in rows:
        if not dates_agree(row["date"], event["date"]):
            continue
        if row["country"] and event.get("country") and row["country"] != event["country"]:
            continue
        stored = {r["key"] for r in db.query(
            "SELECT en.key FROM event_entities ee JOIN entities en ON en.id = ee.entity_id "
            "WHERE ee.event_id = ? AND en.label = 'AGENCY'", [row["id"]])}
        shared = bool(agencies and stored and agencies & stored)
        similar = titles_agree(row["title"], event["title"])
        if event["date"] is None:  # undated: demand both, there is no date to agree on
            if similar and (shared or not (agencies and stored)):
                return row["id"]
        elif shared or similar or not (agencies and stored):
            return row["id"]
    return None
