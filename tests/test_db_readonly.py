"""timeline, stats, search and serve open the database read-only and never migrate it."""

import hashlib
import sqlite3

import pytest
import sqlite_utils
from conftest import run_cli

from core.errors import DatabaseFileError
from timeline.db import DatabaseMissing, DatabaseTooOld, migrations, open_db, open_db_readonly

READERS = [("timeline",), ("stats",), ("search", "الأشخاص")]


def older_database(path):
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="m006_alerts")
    old.execute("PRAGMA user_version = 5")
    old.conn.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_readonly_connection_refuses_writes(db, db_path):
    db.conn.close()
    reader = open_db_readonly(db_path)
    assert reader.execute("SELECT count(*) FROM events").fetchone() == (0,)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.execute("DELETE FROM events")


def test_readonly_errors(tmp_path):
    with pytest.raises(DatabaseMissing, match="no database at"):
        open_db_readonly(tmp_path / "absent.db")
    assert not (tmp_path / "absent.db").exists()
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 200)
    with pytest.raises(DatabaseFileError):
        open_db_readonly(bad)
    digest = older_database(tmp_path / "old.db")
    with pytest.raises(DatabaseTooOld, match="process` upgrades it"):
        open_db_readonly(tmp_path / "old.db")
    assert hashlib.sha256((tmp_path / "old.db").read_bytes()).hexdigest() == digest


@pytest.mark.parametrize("command", READERS)
def test_read_commands_never_migrate(db_path, command):
    digest = older_database(db_path)
    result = run_cli(*command, "--db", str(db_path))
    assert result.exit_code == 1
    assert "schema version 5" in result.output and "`python pipeline.py process` upgrades it" \
        in result.output
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest
    assert "announced" not in sqlite_utils.Database(db_path).table_names()
    run_cli("process", "--db", str(db_path))  # the upgrade the message names
    assert run_cli(*command, "--db", str(db_path)).exit_code == 0


@pytest.mark.parametrize("command", READERS)
def test_read_commands_do_not_create_a_database(tmp_path, command):
    path = tmp_path / "nothing.db"
    result = run_cli(*command, "--db", str(path))
    assert result.exit_code == 1 and "no database at" in result.output
    assert not path.exists()


def test_readers_see_what_writers_wrote(db_path):
    db = open_db(db_path)
    db["articles"].insert({"url": "u", "text": "t", "content_hash": "h"})
    assert open_db_readonly(db_path).execute("SELECT count(*) FROM articles").fetchone() == (1,)
