"""robots.txt in the crawl (`crawlers.middlewares.RobotsTxtUnreachableMiddleware`), end to end
against a real server on 127.0.0.1 whose every answer stalls (`start_site(stall=...)`):
  * a robots.txt that cannot be fetched closes its site for the run: Scrapy's own middleware
    would then allow every page; ours requests nothing but robots.txt, and the site's
    requests fail with robots.txt's error (a timeout), counted by kind;
  * every request that waits while robots.txt downloads (a resumed crawl's queue from its
    JOBDIR, several start URLs) is checked against it once it arrives: Scrapy 2.19 handed the
    parser to the first two waiters only and let the others through unchecked."""

from __future__ import annotations

from conftest_sites import SITES, start_site, write_modern_source
from test_crawl import run_crawl


def _crawl_stalling_site(tmp_path, stall: float, *settings: str,
                         start_paths: tuple[str, ...] = ("/section/local.html",)):
    """Crawl the modern site, every answer of which takes `stall` seconds, with `settings`
    ("KEY=VALUE"); return the site (its requests) and the crawl's (summary, db, stderr)."""
    site = start_site(SITES / "modern", stall=stall)
    try:
        sources = write_modern_source(tmp_path / "modern.toml", site, start_paths)
        args = [arg for setting in settings for arg in ("--set", setting)]
        return site, run_crawl(tmp_path / "crawl", sources.read_text("utf-8"), *args)
    finally:
        site.stop()


def test_a_site_whose_robots_txt_times_out_is_not_crawled(tmp_path):
    site, (summary, _, stderr) = _crawl_stalling_site(
        tmp_path, 3.0, "DOWNLOAD_TIMEOUT=1", "RETRY_TIMES=0", "DOWNLOAD_DELAY=0")
    assert site.requests and set(site.requests) == {"/robots.txt"}
    assert summary["articles_stored"] == 0
    assert summary["errors_by_kind"].get("timeout", 0) >= 1
    assert "robots.txt of 127.0.0.1" in stderr


def test_every_request_waiting_for_robots_txt_is_checked_against_it(tmp_path):
    private = tuple(f"/private/news/{number}-draft.html" for number in range(1090, 1096))
    site, (summary, _, _) = _crawl_stalling_site(  # robots.txt takes a second to arrive
        tmp_path, 1.0, "DOWNLOAD_DELAY=0", "AUTOTHROTTLE_START_DELAY=0",
        "CONCURRENT_REQUESTS_PER_DOMAIN=8", start_paths=("/search", *private))
    assert sorted(site.requests) == ["/robots.txt", "/search"]  # no /private/ page asked for
    assert summary["robots_disallowed"] == len(private)
    assert summary["errors"] == 0
