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

from core.errors import DatabaseFileError, PipelineError

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
def m005_article_versions(db: sqlite_utils.Database) -> None:
    # An article fetched again with `--refresh` and changed: the text it had is kept here
    # (one row per older version); `articles` holds the newest and its version number.
    # `published_at` keeps the publication moment with its zone when the page gave one.
    db["articles"].add_column("version", int, not_null_default=1)
    db["articles"].add_column("published_at", str)
    db["article_versions"].create({
        "id": int, "article_id": int, "version": int, "title": str, "text": str,
        "content_hash": str, "published": str, "published_at": str, "fetched_at": str,
        "replaced_at": str,
    }, pk="id", foreign_keys=[("article_id", "articles")])
    db["article_versions"].create_index(["article_id", "version"], unique=True)


@migrations()
def m006_alerts(db: sqlite_utils.Database) -> None:
    # timeline.alerts: events already announced (by a key that survives a reprocess);
    # timeline.delivery: the alert deliveries, pending until delivered
    db["announced"].create({"key": str, "event_id": int, "announced_at": str, "entry": str},
                           pk="key")
    db["deliveries"].create({
        "id": int, "channel": str, "created_at": str, "attempts": int, "last_error": str,
        "delivered_at": str, "payload": str,
    }, pk="id")


@migrations()
def m007_timeline_agency_names(db: sqlite_utils.Database) -> None:
    """The timeline view also gives each event's agencies by name, English beside Arabic
    ("Public Prosecution (Bahrain) · النيابة العامة"), for the table and the CSV."""
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'timeline'").fetchone()[0]
    names = """  (SELECT group_concat(x.name, ' | ') FROM (SELECT DISTINCT
       coalesce(en.name_en || ' · ' || en.name_ar, en.name_ar, en.key) AS name
     FROM event_entities ee JOIN entities en ON en.id = ee.entity_id
     WHERE ee.event_id = e.id AND en.label = 'AGENCY' ORDER BY en.key) x) AS agency_names,
  e.id AS event_id"""
    db.execute("DROP VIEW timeline")
    db.execute(sql.replace("  e.id AS event_id", names, 1))


@migrations()
def m008_query_indexes(db: sqlite_utils.Database) -> None:
    # merging looks events up by type, year and date; the timeline filters by state and
    # year and by agency (issue 12: each query under 50 ms at 500,000 events)
    db["events"].create_index(["type", "year", "date"], if_not_exists=True)
    db["events"].create_index(["country", "year", "date"], if_not_exists=True)
    db["events"].create_index(["year", "date"], if_not_exists=True)
    db["event_entities"].create_index(["entity_id"], if_not_exists=True)


@migrations()
def m009_unique_content(db: sqlite_utils.Database) -> None:
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


@migrations()
def m010_agency_event_index(db: sqlite_utils.Database) -> None:
    """The timeline by agency reads an agency's events from this covering index alone
    (issue 12); it takes over from the index on entity_id alone."""
    db["event_entities"].create_index(["entity_id", "event_id"], if_not_exists=True)
    db.execute("DROP INDEX IF EXISTS idx_event_entities_entity_id")


# the number of migrations, read through sqlite-utils' public API: all are pending on an
# empty database
SCHEMA_VERSION = len(migrations.pending(sqlite_utils.Database(memory=True)))


class DatabaseTooOld(PipelineError):
    code = "E111"

    def __init__(self, path: Path, version: int):
        super().__init__(f"{path} has schema version {version}, this version reads {SCHEMA_VERSION}; "
                         "`python pipeline.py process` upgrades it (read-only commands never do)")


class DatabaseMissing(PipelineError):
    code = "E113"

    def __init__(self, path: Path):
        super().__init__(f"no database at {path}: build it with `python pipeline.py run` "
                         "(or ingest and process), or pass another file with --db")


def open_db_readonly(path: str | Path) -> sqlite_utils.Database:
    """Open the timeline database at `path` for reading only (SQLite `mode=ro`): nothing
    is created, migrated or written. Raises DatabaseMissing, DatabaseFileError, or
    DatabaseTooOld when the schema is older than this code's (`process` upgrades it)."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseMissing(path)
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                     check_same_thread=False)
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise DatabaseFileError(path, error) from error
    if version < SCHEMA_VERSION:
        connection.close()
        raise DatabaseTooOld(path, version)
    return sqlite_utils.Database(connection)


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
        # WAL with NORMAL sync: no fsync per transaction, still safe from corruption
        db.execute("PRAGMA synchronous = NORMAL")
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.DatabaseError as error:
        raise DatabaseFileError(path, error) from error
    return db


def schema_version(db: sqlite_utils.Database) -> int:
    """The schema version recorded in the database."""
    return db.execute("PRAGMA user_version").fetchone()[0]
