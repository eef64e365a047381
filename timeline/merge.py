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
from functools import lru_cache

import sqlite_utils

from nlp.dates import DAY_TOLERANCE, dates_agree
from nlp.normalise import normalise_text, strip_article

TITLE_OVERLAP = 0.5
# types a state does once a year at most: a report naming no agency joins the known one
ONCE_A_YEAR = {"accession"}


_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=65536)  # a stored title is compared with every report of its block
def title_words(title: str | None) -> frozenset[str]:
    """The title's normalised words of three letters or more, without the article."""
    return frozenset(strip_article(w) for w in _WORDS.findall(normalise_text(title or ""))
                     if len(w) > 2)


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
    dates that can agree with the event's (`_date_filter`), oldest event first, each
    with what the rules need of its links, asked of SQLite in the same query (whether
    it names an agency, one of `agencies`, and its laws' keys)."""
    laws = {law.get("key") for law in event.get("laws", []) if law.get("key")}
    for row in _candidates(db, event, agencies, bool(laws)):
        event_id, date, country, title, has_agency, shares_agency, law_keys = row
        if not dates_agree(date, event["date"]) or (
                country and event.get("country") and country != event["country"]):
            continue
        shared = bool(shares_agency) or bool(
            laws and law_keys and laws_agree(laws, set(law_keys.split(_SEPARATOR))))
        named_by_both = bool(agencies and has_agency)
        if event["date"] is None:  # undated: demand both, there is no date to agree on
            if (shared or not named_by_both) and titles_agree(title, event["title"]):
                return event_id
        elif shared or titles_agree(title, event["title"]) or (
                event["type"] in ONCE_A_YEAR and not named_by_both):
            return event_id
    return None


_SEPARATOR = "\x1f"
_LINKED = ("EXISTS (SELECT 1 FROM event_entities ee JOIN entities en ON en.id = ee.entity_id "
           "WHERE ee.event_id = e.id AND en.label = '{label}'{keys})")


def _candidates(db, event: dict, agencies: set[str], with_laws: bool):
    """(id, date, country, title, names an agency, names one of `agencies`, its law
    keys joined by _SEPARATOR or None) of the stored events of the event's block."""
    where, params = _date_filter(event["date"])
    keys = sorted(agencies)
    laws = ("(SELECT group_concat(en.key, char(31)) FROM event_entities ee JOIN entities en "
            "ON en.id = ee.entity_id WHERE ee.event_id = e.id AND en.label = 'LAW')"
            if with_laws else "NULL")
    named = _LINKED.format(label="AGENCY", keys="")
    shares = _LINKED.format(label="AGENCY", keys=f" AND en.key IN ({', '.join('?' * len(keys))})")
    return db.execute(
        f"SELECT e.id, e.date, e.country, e.title, {named}, {shares}, {laws} FROM events e WHERE e.type = ? AND e.year IS ? AND ({where}) ORDER BY e.id",
        [*keys, event["type"], event["year"], *params]).fetchall()


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
