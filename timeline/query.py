"""Read the timeline back: filtered rows of the `timeline` view, and counts for `stats`.

Pure queries over the database; formatting for people lives in `timeline.export`.
"""

from __future__ import annotations

import sqlite_utils


def timeline_rows(db: sqlite_utils.Database, *, country: str | None = None,
                  event_type: str | None = None, agency: str | None = None,
                  since: str | None = None, until: str | None = None,
                  event_ids: list[int] | None = None, limit: int | None = None) -> list[dict]:
    """Rows of the timeline, oldest first, with the filters given (the first `limit`).

    `since`/`until` are ISO dates or years, compared at the event's own precision.
    """
    where, params = [], []
    if country:
        where.append("country = ?"), params.append(country.upper())
    if event_type:
        where.append("type = ?"), params.append(event_type)
    if agency:  # the agency's few entity rows first, then their events through the
        # (entity_id, event_id) index: no scan of the events or their links
        ids = agency_entity_ids(db, agency)
        where.append("event_id IN (SELECT event_id FROM event_entities WHERE entity_id IN "
                     f"({', '.join('?' * len(ids)) or 'NULL'}))")
        params += ids
    if since:
        where.append("coalesce(date, CAST(year AS TEXT)) >= ?"), params.append(since[:len(since)])
        if since[:4].isdigit():  # implied by the above; lets the (country, year) index work
            where.append("year >= ?"), params.append(int(since[:4]))
    if until:
        where.append("substr(coalesce(date, CAST(year AS TEXT)), 1, ?) <= ?")
        params += [len(until), until]
        if until[:4].isdigit():
            where.append("year <= ?"), params.append(int(until[:4]))
    if event_ids is not None:
        where.append(f"event_id IN ({', '.join('?' * len(event_ids)) or 'NULL'})")
        params += event_ids
    condition = " WHERE " + " AND ".join(where) if where else ""
    sql = "SELECT * FROM timeline" + condition
    if limit is not None:  # the first rows' ids from the events table and its indexes
        sql = ("SELECT * FROM timeline WHERE event_id IN (SELECT event_id FROM (SELECT id AS "
               f"event_id, type, date, year, country FROM events){condition} ORDER BY "
               f"{'' if since or until else 'year IS NULL, '}year, date, event_id "
               f"LIMIT {int(limit)})")  # (with a year bound, no year is NULL)
    return list(db.query(sql, params))


def agency_entity_ids(db: sqlite_utils.Database, agency: str) -> list[int]:
    """The ids of the agencies whose key is `agency` or whose Arabic or English name
    contains it (a search of the AGENCY rows of `entities` only, through its index)."""
    return [row[0] for row in db.execute(
        "SELECT id FROM entities WHERE label = 'AGENCY' AND (key = ? OR name_ar LIKE ? OR "
        "name_en LIKE ?) ORDER BY id", [agency, f"%{agency}%", f"%{agency}%"])]


def event_details(db: sqlite_utils.Database, event_id: int) -> dict:
    """An event's agencies (ar, en), laws and sources, for the HTML page and JSON."""
    entities = list(db.query(
        "SELECT en.label, en.key, en.name_ar, en.name_en FROM event_entities ee "
        "JOIN entities en ON en.id = ee.entity_id WHERE ee.event_id = ? ORDER BY en.key",
        [event_id]))
    sources = list(db.query(
        "SELECT a.url, a.title, a.source, a.published, s.evidence FROM event_sources s "
        "JOIN articles a ON a.id = s.article_id WHERE s.event_id = ? ORDER BY a.published, a.id",
        [event_id]))
    return {"agencies": [e for e in entities if e["label"] == "AGENCY"],
            "laws": [e for e in entities if e["label"] == "LAW"], "sources": sources}


def stats(db: sqlite_utils.Database) -> dict:
    """Counts of articles, processed articles, entities and events by type."""
    one = lambda sql: db.execute(sql).fetchone()[0]
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "processed": one("SELECT count(*) FROM articles WHERE processed_at IS NOT NULL"),
        "relevant": one("SELECT count(*) FROM articles WHERE relevant = 1"),
        "entities": {r["label"]: r["n"] for r in db.query(
            "SELECT label, count(*) AS n FROM entities GROUP BY label ORDER BY label")},
        "mentions": one("SELECT count(*) FROM mentions"),
        "events": {r["type"]: r["n"] for r in db.query(
            "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY type")},
        "event_sources": one("SELECT count(*) FROM event_sources"),
    }
