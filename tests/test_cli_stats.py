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
