import json

from conftest import SAMPLES, run_cli

from nlp.morphology import camel_data_dir
from timeline.db import open_db


def test_process_then_again_does_nothing(db_path):
    run_cli("ingest", str(SAMPLES), "--db", str(db_path))
    first = run_cli("process", "--db", str(db_path))
    assert first.exit_code == 0 and "5 processed" in first.output and "0 failed" in first.output
    again = run_cli("process", "--db", str(db_path))
    assert "0 processed" in again.output and "0 new events" in again.output


def test_reprocess_redoes_all(db_path):
    run_cli("ingest", str(SAMPLES), "--db", str(db_path))
    run_cli("process", "--db", str(db_path))
    result = run_cli("process", "--reprocess", "--db", str(db_path))
    assert "5 processed" in result.output


def test_the_run_record_says_which_tagger_mode_the_articles_were_analysed_in(db_path):
    run_cli("ingest", str(SAMPLES), "--db", str(db_path))
    assert run_cli("process", "--no-tagger", "--db", str(db_path)).exit_code == 0
    assert run_cli("process", "--reprocess", "--db", str(db_path)).exit_code == 0
    assert run_cli("process", "--db", str(db_path)).exit_code == 0  # nothing left to analyse
    runs = list(open_db(db_path).query("SELECT details FROM runs WHERE command = 'process' "
                                       "ORDER BY id"))
    modes = [json.loads(run["details"])["tagger"] for run in runs]
    assert modes == ["light", "camel" if camel_data_dir() else "light", None]
