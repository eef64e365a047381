import sqlite3

import pytest
import sqlite_utils

from core.errors import DatabaseFileError
from timeline.db import SCHEMA_VERSION, migrations, open_db, schema_version

TABLES = {
    "articles": {"id", "url", "source", "title", "published", "text", "content_hash",
                 "fetched_at", "relevant", "processed_at"},
    "entities": {"id", "label", "name_ar", "name_en"},
    "mentions": {"id", "article_id", "entity_id", "label", "text", "start", "end", "value"},
    "events": {"id", "type", "date", "year", "country", "title", "confidence"},
    "event_sources": {"event_id", "article_id", "evidence", "start", "end"},
    "event_entities": {"event_id", "entity_id", "role"},
}


@pytest.mark.parametrize("table,columns", TABLES.items())
def test_schema_has_the_columns(db, table, columns):
    assert columns <= set(db[table].columns_dict)


def test_timeline_view_columns(db):
    columns = {c.name for c in db["timeline"].columns}
    assert {"date", "year", "type", "country", "title", "agencies", "laws",
            "n_sources", "first_url"} <= columns


def test_url_is_unique(db):
    db["articles"].insert({"url": "u", "text": "t", "content_hash": "h1"})
    with pytest.raises(sqlite3.IntegrityError):
        db["articles"].insert({"url": "u", "text": "t2", "content_hash": "h2"})


def test_schema_version_recorded(db):
    assert schema_version(db) == SCHEMA_VERSION == len(migrations.applied(db))


def test_opening_twice_changes_nothing(db_path):
    open_db(db_path)
    db = open_db(db_path)
    assert len(migrations.applied(db)) == SCHEMA_VERSION


def test_older_database_is_migrated(db_path):
    old = sqlite_utils.Database(db_path)
    migrations.apply(old, stop_before="m003_timeline_view")
    assert "timeline" not in old.view_names()
    old.conn.close()
    db = open_db(db_path)
    assert "timeline" in db.view_names()
    assert schema_version(db) == SCHEMA_VERSION


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, b"\x00\xff" * 3000])
def test_corrupt_database_names_the_file(tmp_path, content):
    path = tmp_path / "broken.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseFileError) as info:
        open_db(path)
    assert "broken.db" in str(info.value) and "--db" in str(info.value)


def test_content_hash_is_unique(db):
    db["articles"].insert({"url": "u1", "text": "t", "content_hash": "h"})
    with pytest.raises(sqlite3.IntegrityError):
        db["articles"].insert({"url": "u2", "text": "t", "content_hash": "h"})


def test_duplicates_stored_before_the_rule_are_merged_into_the_oldest(db_path):
    old = sqlite_utils.Database(db_path)
    migrations.apply(old, stop_before="m009_unique_content")
    for url in ("a", "b", "c"):
        old["articles"].insert({"url": url, "text": "same", "content_hash": "h"})
        old.execute("INSERT INTO articles_search(rowid, title, text) VALUES (last_insert_rowid(), '', 'same')")
    old["articles"].insert({"url": "d", "text": "other", "content_hash": "h2"})
    old["events"].insert({"id": 1, "type": "meeting"})
    old["event_sources"].insert_all([{"event_id": 1, "article_id": 2, "start": 0},
                                     {"event_id": 1, "article_id": 3, "start": 5},
                                     {"event_id": 1, "article_id": 1, "start": 5}])
    old["entities"].insert({"id": 1, "label": "AGENCY", "key": "kw-moi"})
    old["mentions"].insert({"article_id": 3, "entity_id": 1, "label": "AGENCY"})
    old.conn.close()
    db = open_db(db_path)
    assert [r["url"] for r in db.query("SELECT url FROM articles ORDER BY id")] == ["a", "d"]
    assert {(r["article_id"], r["start"]) for r in db["event_sources"].rows} == {(1, 0), (1, 5)}
    assert [r["article_id"] for r in db["mentions"].rows] == [1]
    assert db.execute("SELECT count(*) FROM articles_search").fetchone()[0] == 1
