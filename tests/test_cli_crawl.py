"""`pipeline.py crawl` against the fixture news site on 127.0.0.1, then `process`."""

import json

from conftest import run_cli
from conftest_sites import modern_site  # noqa: F401 - pytest fixture
from test_crawl import FAST, modern_entry


def test_crawl_command_stores_articles_that_process_into_events(tmp_path, modern_site):
    sources = tmp_path / "sources.toml"
    sources.write_text(modern_entry(modern_site, feeds=f'["{modern_site.base}/feed.xml"]'),
                       encoding="utf-8")
    db = tmp_path / "timeline.db"
    settings = [arg for key, value in FAST.items() for arg in ("--set", f"{key}={json.dumps(value)}")]
    result = run_cli("crawl", "--sources", str(sources), "--db", str(db),
                     "--state-dir", str(tmp_path / "state"), *settings)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["articles_stored"] >= 3 and summary["errors_by_kind"].get("dns", 0) == 0
    again = json.loads(run_cli("crawl", "--sources", str(sources), "--db", str(db),
                               "--state-dir", str(tmp_path / "state"), *settings).output)
    assert again["articles_stored"] == 0
    processed = run_cli("process", "--db", str(db))
    assert f"{summary['articles_stored']} processed" in processed.output


def test_crawl_command_with_a_bad_sources_file(tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text("[[source]]\nid = 'x'\n", encoding="utf-8")
    result = run_cli("crawl", "--sources", str(sources), "--db", str(tmp_path / "t.db"))
    assert result.exit_code == 1 and "sources.toml" in result.output
