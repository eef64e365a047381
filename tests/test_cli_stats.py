import json

from conftest import SAMPLES, run_cli


def test_stats_counts(db_path):
    run_cli("ingest", str(SAMPLES), "--db", str(db_path))
    before = json.loads(run_cli("stats", "--json", "--db", str(db_path)).output)
    assert (before["articles"], before["processed"], before["events"]) == (5, 0, {})
    run_cli("process", "--db", str(db_path))
    after = json.loads(run_cli("stats", "--json", "--db", str(db_path)).output)
    assert after["processed"] == 5 and after["events"]["agreement"] >= 2
    assert after["entities"]["AGENCY"] > 5
    assert "articles   5" in run_cli("stats", "--db", str(db_path)).output


def test_commands_leave_a_run_record(db_path):
    from timeline.db import open_db

    run_cli("ingest", str(SAMPLES), "--db", str(db_path))
    run_cli("process", "--db", str(db_path))
    runs = [(r["command"], r["ok"]) for r in open_db(db_path).query("SELECT * FROM runs")]
    assert runs == [("ingest", 5), ("process", 5)]
