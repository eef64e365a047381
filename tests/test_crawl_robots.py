"""robots.txt that cannot be fetched closes its site for the run
(`crawlers.middlewares.RobotsTxtUnreachableMiddleware`), end to end against a real server on
127.0.0.1 whose every answer stalls past the crawl's download timeout: Scrapy's own
middleware would then allow every page; ours requests nothing but robots.txt, and the
site's requests fail with robots.txt's error (a timeout), counted by kind."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest_sites import SITES, start_site, write_modern_source

ROOT = Path(__file__).resolve().parents[1]


def test_a_site_whose_robots_txt_times_out_is_not_crawled(tmp_path):
    site = start_site(SITES / "modern", stall=3.0)
    sources = write_modern_source(tmp_path / "sources.toml", site)
    command = [sys.executable, "-m", "crawlers.run", "--db", str(tmp_path / "t.db"),
               "--sources", str(sources), "--state-dir", "", "--json",
               "--set", "DOWNLOAD_TIMEOUT=1", "--set", "RETRY_TIMES=0",
               "--set", "DOWNLOAD_DELAY=0"]
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    finally:
        site.stop()
    summary = json.loads(done.stdout.splitlines()[-1])
    assert site.requests and set(site.requests) == {"/robots.txt"}
    assert summary["articles_stored"] == 0
    assert summary["errors_by_kind"].get("timeout", 0) >= 1
    assert "robots.txt of 127.0.0.1" in done.stderr
