"""Politeness at run time, end to end: a crawl with the DEFAULT settings
(`crawlers/settings.py`, nothing overridden) against the fixture site, read from the
server's own request log.

The server holds each answer open for a while (half sent, a pause, the rest), so that a
crawler without a per-domain limit would have many requests in flight, and a crawler
without a download delay would send them back to back. The log must show neither: the
requests to the one domain are spaced by at least the jittered download delay, and never
more than CONCURRENT_REQUESTS_PER_DOMAIN are in flight at once.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest_sites import SITES, start_site, write_modern_source

from crawlers import settings as defaults

ROOT = Path(__file__).resolve().parents[1]
STALL = 2.5  # seconds each answer stays open
PAGES = 6


@pytest.fixture(scope="module")
def polite_crawl(tmp_path_factory):
    site = start_site(SITES / "modern", stall=STALL)
    workdir = tmp_path_factory.mktemp("polite")
    sources = write_modern_source(workdir / "sources.toml", site)
    command = [sys.executable, "-m", "crawlers.run", "--db", str(workdir / "t.db"),
               "--sources", str(sources), "--state-dir", "", "--max-pages", str(PAGES),
               "--json"]  # no --set: the default settings
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    site.stop()
    assert done.returncode == 0, done.stderr[-3000:]
    return {"site": site, "summary": json.loads(done.stdout)}


def test_the_crawl_fetched_pages(polite_crawl):
    assert polite_crawl["summary"]["pages_seen"] >= 3
    assert len(polite_crawl["site"].timings) >= PAGES // 2


def test_requests_to_one_domain_are_spaced_by_the_download_delay(polite_crawl):
    starts = sorted(start for start, _, _ in polite_crawl["site"].timings)
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    least = defaults.DOWNLOAD_DELAY * (1 - defaults.DOWNLOAD_DELAY_JITTER)
    assert gaps and min(gaps) >= least * 0.9, gaps  # 10% for the clocks of two processes


def test_never_more_than_the_per_domain_limit_in_flight(polite_crawl):
    site = polite_crawl["site"]
    assert 1 <= site.max_in_flight <= defaults.CONCURRENT_REQUESTS_PER_DOMAIN
    # the same from the log itself: the most intervals that overlap at any arrival
    spans = site.timings
    overlap = max(sum(1 for s, e, _ in spans if s <= start < e) for start, _, _ in spans)
    assert overlap <= defaults.CONCURRENT_REQUESTS_PER_DOMAIN
