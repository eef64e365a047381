from conftest import SAMPLES, run_cli


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
