"""`pipeline.py serve`: Datasette on a built database, read-only, every canned query
answering, labels for every table and column, and what an analyst sees in Chromium."""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import yaml
from conftest import ROOT, SAMPLES, run_cli
from conftest_alerts import free_port

METADATA = ROOT / "data" / "datasette" / "metadata.yml"
QUERIES = {  # canned query -> parameters that must give rows on the samples
    "timeline": {"state": "kw", "type": "", "agency": "", "year_from": "2006", "year_to": "2024"},
    "event_sources": {"event_id": None},  # the first event of the timeline
    "events_by_agency": {"agency": "kw-moi"},
    "laws_cited": {},
    "events_per_year": {"state": ""},
    "search_articles": {"q": "الأشخاص"},
}


@pytest.fixture(scope="module")
def built_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "timeline.db"
    run_cli("ingest", str(SAMPLES), "--db", str(path))
    run_cli("process", "--db", str(path))
    return path


@pytest.fixture(scope="module")
def server(built_db):
    port = free_port()
    log = open(built_db.parent / "datasette.log", "w+", encoding="utf-8")  # noqa: SIM115 - never a full pipe
    process = subprocess.Popen([sys.executable, str(ROOT / "pipeline.py"), "serve", "--db",
                                str(built_db), "--port", str(port)], cwd=ROOT,
                               stdout=log, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/-/versions.json", timeout=2).read()
            break
        except OSError:
            assert process.poll() is None, (built_db.parent / "datasette.log").read_text()
            time.sleep(0.3)
    yield base, built_db.stem
    process.terminate()
    process.wait(timeout=10)
    log.close()
    with pytest.raises(OSError):  # stopping `serve` stopped the Datasette it started
        urllib.request.urlopen(f"{base}/-/versions.json", timeout=2)


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


def canned(base, name, database, **params):
    query = urllib.parse.urlencode({"_shape": "array", **params})
    return get_json(f"{base}/{database}/{name}.json?{query}")


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_canned_query_answers_with_rows(server, name):
    base, database = server
    params = dict(QUERIES[name])
    if "event_id" in params:
        params["event_id"] = canned(base, "timeline", database, **QUERIES["timeline"])[0]["event_id"]
    rows = canned(base, name, database, **params)
    assert rows, name


@pytest.mark.slow
def test_timeline_query_filters_and_names(server):
    base, database = server
    rows = canned(base, "timeline", database, state="KW", type="agreement", agency="",
                  year_from="2020", year_to="")
    assert rows and all(r["type"] == "agreement" and r["year"] >= 2020 for r in rows)
    assert rows[0]["state_en"] == "Kuwait" and rows[0]["state_ar"] == "الكويت"
    assert rows[0]["type_ar"] == "اتفاق"
    everything = canned(base, "timeline", database, state="", type="", agency="", year_from="",
                        year_to="")
    with sqlite3.connect(server_db(server)) as db:
        assert len(everything) == db.execute("SELECT count(*) FROM events").fetchone()[0]
    trained = canned(base, "timeline", database, state="", type="training", agency="kw-moi",
                     year_from="", year_to="")
    assert trained and all("Ministry of Interior" in r["agencies"] for r in trained)


def server_db(server):
    base, database = server
    return next(p for p in get_json(f"{base}/-/databases.json") if p["name"] == database)["path"]


@pytest.mark.slow
def test_search_normalises_like_the_command(server, built_db):
    base, database = server
    for spelling in ("الاشخاص", "الأشخاص", "بالأشخاص"):
        found = {r["url"] for r in canned(base, "search_articles", database, q=spelling)}
        command = run_cli("search", spelling, "--limit", "200", "--db", str(built_db)).output
        assert found and found == {line.split()[-1] for line in command.splitlines()}
    assert canned(base, "search_articles", database, q="") == []


@pytest.mark.slow
def test_writes_are_refused_and_the_file_is_untouched(server, built_db):
    base, database = server
    before = sha256(built_db)
    for sql in ("DELETE FROM events", "UPDATE events SET type = 'x'", "DROP TABLE runs",
                "INSERT INTO runs (command) VALUES ('x')"):
        url = f"{base}/{database}.json?" + urllib.parse.urlencode({"sql": sql})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url, timeout=30)
        assert refused.value.code == 400
        assert "must be a SELECT" in refused.value.read().decode("utf-8")
    assert sha256(built_db) == before


def test_served_connections_refuse_writes_in_sqlite(db, db_path):
    sys.path.insert(0, str(ROOT / "data" / "datasette" / "plugins"))
    from timeline_functions import prepare_connection

    db.conn.close()
    connection = sqlite3.connect(db_path)
    prepare_connection(connection, "timeline")
    assert connection.execute("SELECT count(*) FROM events").fetchone() == (0,)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        connection.execute("DELETE FROM events")
    assert connection.execute("SELECT search_match('بالأشخاص')").fetchone() == ('"اشخاص"',)
    assert connection.execute("SELECT state_en('bh'), state_ar('BH')").fetchone() == (
        "Bahrain", "البحرين")


@pytest.mark.slow
def test_metadata_is_served_under_the_databases_name(server):
    base, database = server
    metadata = get_json(f"{base}/-/metadata.json")
    tables = metadata["databases"][database]["tables"]
    assert tables["events"]["facets"] == ["type", "country", "year"]
    assert "events_by_agency" in metadata["databases"][database]["queries"]


def test_metadata_follows_the_database_file_name(tmp_path):
    from timeline.serve import metadata_for

    metadata = metadata_for(tmp_path / "gulf-2026.db")
    assert list(metadata["databases"]) == ["gulf-2026"]
    assert "timeline" in metadata["databases"]["gulf-2026"]["queries"]


def test_every_table_and_column_has_a_description(db):
    tables = yaml.safe_load(METADATA.read_text(encoding="utf-8"))["databases"]["timeline"]["tables"]
    shadow = {f"articles_search_{s}" for s in ("data", "idx", "content", "docsize", "config")}
    for table in [*db.tables, *db.views]:
        if table.name in shadow:
            continue
        assert tables.get(table.name, {}).get("description"), table.name
        described = tables[table.name].get("columns", {})
        for column in table.columns:
            assert described.get(column.name), f"{table.name}.{column.name}"


def test_serve_refuses_an_older_database(db, db_path):
    db.execute("PRAGMA user_version = 1")
    db.conn.close()
    result = run_cli("serve", "--db", str(db_path), "--port", str(free_port()))
    assert result.exit_code == 1 and "process` upgrades it" in result.output


@pytest.mark.slow
@pytest.mark.parametrize("name,path,text", [
    ("datasette_timeline", "timeline?state=KW&type=&agency=&year_from=&year_to=&_hide_sql=1",
     "الكويت"),
    ("datasette_search", "search_articles?q=الاتجار+بالأشخاص&_hide_sql=1", "urn:sample:"),
])
def test_analyst_pages_in_chromium(server, tmp_path, name, path, text):
    from test_html import run_chromium

    base, database = server
    url = f"{base}/{database}/{path}"
    dom = run_chromium(tmp_path, "--window-size=1600,1300", "--dump-dom", url)
    assert text in dom and "<table" in dom
    shot = tmp_path / f"{name}.png"
    run_chromium(tmp_path, "--window-size=1600,1300", f"--screenshot={shot}", url)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    if os.environ.get("UPDATE_SCREENSHOTS"):  # refresh the README's pictures
        shutil.copy(shot, ROOT / "docs" / f"{name}.png")
