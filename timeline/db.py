"""Stage "store" of the flow: open the timeline database and keep its schema current.

The schema is a list of named migrations (sqlite-utils `Migrations`); opening any
database applies the ones it lacks, so an older file is migrated in place. The number
of applied migrations is the schema version, also written to `PRAGMA user_version`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from core.errors import DatabaseFileError

migrations = Migrations("timeline")


@migrations()
def m001_core_tables(db: sqlite_utils.Database) -> None:
    db["articles"].create({
        "id": int, "url": str, "source": str, "title": str, "published": str,
        "text": str, "content_hash": str, "fetched_at": str, "relevant": int,
        "relevance_score": float, "processed_at": str, "author": str, "country": str,
    }, pk="id", not_null={"url", "text", "content_hash"})
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["content_hash"])
    db["entities"].create({
        "id": int, "label": str, "key": str, "name_ar": str, "name_en": str,
        "country": str, "kind": str, "parent": str,
    }, pk="id")
    db["entities"].create_index(["label", "key"], unique=True)
    db["mentions"].create({
        "id": int, "article_id": int, "entity_id": int, "label": str, "text": str,
        "start": int, "end": int, "value": str, "lemma": str, "pos": str,
    }, pk="id", foreign_keys=[("article_id", "articles"), ("entity_id", "entities")])
    db["mentions"].create_index(["article_id"])
    db["mentions"].create_index(["entity_id"])
    db["events"].create({
        "id": int, "type": str, "date": str, "year": int, "country": str,
        "title": str, "confidence": float, "location": str,
    }, pk="id")
    db["events"].create_index(["type", "year"])
    db["event_sources"].create({
        "event_id": int, "article_id": int, "evidence": str, "start": int, "end": int,
    }, pk=("event_id", "article_id", "start"),
        foreign_keys=[("event_id", "events"), ("article_id", "articles")])
    db["event_sources"].create_index(["article_id"])
    db["event_entities"].create({"event_id": int, "entity_id": int, "role": str},
                                pk=("event_id", "entity_id", "role"),
                                foreign_keys=[("event_id", "events"), ("entity_id", "entities")])


@migrations()
def m002_search(db: sqlite_utils.Database) -> None:
    # Full-text search over normalised title and text (see timeline.store.search_articles); the
    # table's rowid is the article id.
    db.execute("CREATE VIRTUAL TABLE articles_search USING fts5(title, text, tokenize='unicode61')")


@migrations()
def m003_timeline_view(db: sqlite_utils.Database) -> None:
    db.create_view("timeline", """
SELECT e.date, e.year, e.type, e.country, e.title,
  (SELECT group_concat(x.name, ' · ') FROM (SELECT DISTINCT en.key AS name
     FROM event_entities ee JOIN entities en ON en.id = ee.entity_id
     WHERE ee.event_id = e.id AND en.label = 'AGENCY' ORDER BY en.key) x) AS agencies,
  (SELECT group_concat(x.name, ' · ') FROM (SELECT DISTINCT en.name_ar AS name
     FROM event_entities ee JOIN entities en ON en.id = ee.entity_id
     WHERE ee.event_id = e.id AND en.label = 'LAW' ORDER BY en.key) x) AS laws,
  (SELECT count(DISTINCT s.article_id) FROM event_sources s WHERE s.event_id = e.id) AS n_sources,
  (SELECT a.url FROM event_sources s JOIN articles a ON a.id = s.article_id
     WHERE s.event_id = e.id ORDER BY a.published, a.id LIMIT 1) AS first_url,
  e.id AS event_id, e.confidence, e.location
FROM events e
ORDER BY e.year IS NULL, e.year, e.date, e.id
""")


@migrations()
def m004_run_log(db: sqlite_utils.Database) -> None:
    db["runs"].create({
        "id": int, "command": str, "started_at": str, "finished_at": str,
        "ok": int, "failed": int, "skipped": int, "details": str,
    }, pk="id")


@migrations()
def m005_unique_content(db: sqlite_utils.Database) -> None:
    """One identity rule for articles: a URL and a text (its content hash) are each stored
    once. Rows that share a hash from before this rule are merged into the oldest."""
    duplicates = list(db.query(
        "SELECT a.id, k.keep FROM articles a JOIN (SELECT content_hash, min(id) AS keep "
        "FROM articles GROUP BY content_hash HAVING count(*) > 1) k "
        "ON a.content_hash = k.content_hash AND a.id != k.keep"))
    for row in duplicates:
        for table in ("mentions", "event_sources"):
            db.execute(f"UPDATE OR IGNORE {table} SET article_id = ? WHERE article_id = ?",
                       [row["keep"], row["id"]])
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", [row["id"]])
        db.execute("DELETE FROM articles_search WHERE rowid = ?", [row["id"]])
        db.execute("DELETE FROM articles WHERE id = ?", [row["id"]])
    db.execute("DROP INDEX IF EXISTS idx_articles_content_hash")
    db["articles"].create_index(["content_hash"], unique=True)


SCHEMA_VERSION = len(migrations._migrations)


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) the timeline database at `path` and migrate it.

    Raises DatabaseFileError naming the file if it is not an SQLite database.
    """
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = sqlite_utils.Database(path)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA journal_mode = WAL")
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.DatabaseError as error:
        raise DatabaseFileError(path, error) from error
    return db


def schema_version(db: sqlite_utils.Database) -> int:
    """The schema version recorded in the database."""
    return db.execute("PRAGMA user_version").fetchone()[0]
