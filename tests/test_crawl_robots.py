"""robots.txt in the crawl (`crawlers.middlewares.RobotsTxtUnreachableMiddleware`), end to end
against a real server on 127.0.0.1 whose every answer stalls (`start_site(stall=...)`):
  * a robots.txt that cannot be fetched closes its site for the run: Scrapy's own middleware
    would then allow every page; ours requests nothing but robots.txt, and the site's
    requests fail with robots.txt's error (a timeout), counted by kind;
  * every request that waits while robots.txt downloads (a resumed crawl's queue from its
    JOBDIR, several start URLs) is checked against it once it arrives: Scrapy 2.19 handed the
    parser to the first two waiters only and let the others through unchecked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest_sites import SITES, start_site, write_modern_source

ROOT = Path(__file__).resolve().parents[1]


def _crawl(tmp_path: Path, sources: Path, *settings: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "crawlers.run", "--db", str(tmp_path / "t.db"),
               "--sources", str(sources), "--state-dir", "", "--json"]
    for setting in settings:
        command += ["--set", setting]
    return subprocess.run(command, check=False, cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_a_site_whose_robots_txt_times_out_is_not_crawled(tmp_path):
    site = start_site(SITES / "modern", stall=3.0)
    sources = write_modern_source(tmp_path / "sources.toml", site)
    try:
        done = _crawl(tmp_path, sources, "DOWNLOAD_TIMEOUT=1", "RETRY_TIMES=0",
                      "DOWNLOAD_DELAY=0")
    finally:
        site.stop()
    summary = json.loads(done.stdout.splitlines()[-1])
    assert site.requests and set(site.requests) == {"/robots.txt"}
    assert summary["articles_stored"] == 0
    assert summary["errors_by_kind"].get("timeout", 0) >= 1
    assert "robots.txt of 127.0.0.1" in done.stderr


def test_every_request_waiting_for_robots_txt_is_checked_against_it(tmp_path):
    site = start_site(SITES / "modern", stall=1.0)  # robots.txt takes a second to arrive
    private = tuple(f"/private/news/{number}-draft.html" for number in range(1090, 1096))
    sources = write_modern_source(tmp_path / "sources.toml", site, ("/search", *private))
    try:
        done = _crawl(tmp_path, sources, "DOWNLOAD_DELAY=0", "AUTOTHROTTLE_START_DELAY=0",
                      "CONCURRENT_REQUESTS_PER_DOMAIN=8")
    finally:
        site.stop()
    summary = json.loads(done.stdout.splitlines()[-1])
    assert sorted(site.requests) == ["/robots.txt", "/search"]  # no /private/ page asked for
    assert summary["robots_disallowed"] == len(private)
    assert summary["errors"] == 0
