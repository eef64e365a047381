from conftest import run_cli


def test_run_without_crawl_processes_the_samples(db_path):
    result = run_cli("run", "--no-crawl", "--db", str(db_path))
    assert result.exit_code == 0
    assert "samples: 5 added" in result.output and "5 articles" in result.output
    assert "accession" in result.output
    again = run_cli("run", "--no-crawl", "--db", str(db_path))
    assert "samples: 0 added, 5 already there" in again.output
    assert "nothing new on the timeline" in again.output
