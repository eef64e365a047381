"""Stage "merge": one timeline row per real-world event, however many reports.

An extracted event is compared only with the stored events of its block — same type and
same year (an index lookup), so the cost grows with the number of events, not with its
square. Within the block it is the same event when the dates agree within their
precision (`nlp.dates.dates_agree`: a day-precise date within three days), the countries agree, and the
agencies or the laws overlap, or the titles share most of their words, or — for an
accession, which a state makes once a year at most — one report names no agency. Undated events need both
similar titles and no conflicting agencies. A match adds a source to the
stored event; otherwise a new event row is made.
"""

from __future__ import annotations

import re

import sqlite_utils

from nlp.dates import dates_agree
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
    """The id of the stored event that `event` reports again, or None."""
    rows = db.query(
        "SELECT id, date, country, title FROM events WHERE type = ? AND year IS ?",
        [event["type"], event["year"]])
    for row in rows:
        if not dates_agree(row["date"], event["date"]):
            continue
        if row["country"] and event.get("country") and row["country"] != event["country"]:
            continue
        linked = list(db.query(
            "SELECT en.key, en.label FROM event_entities ee JOIN entities en "
            "ON en.id = ee.entity_id WHERE ee.event_id = ?", [row["id"]]))
        stored = {r["key"] for r in linked if r["label"] == "AGENCY"}
        stored_laws = {r["key"] for r in linked if r["label"] == "LAW"}
        laws = {law.get("key") for law in event.get("laws", []) if law.get("key")}
        shared = bool(agencies & stored) or laws_agree(laws, stored_laws)
        similar = titles_agree(row["title"], event["title"])
        if event["date"] is None:  # undated: demand both, there is no date to agree on
            if similar and (shared or not (agencies and stored)):
                return row["id"]
        elif shared or similar or (event["type"] in ONCE_A_YEAR and not (agencies and stored)):
            return row["id"]
    return None
