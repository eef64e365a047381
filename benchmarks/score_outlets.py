"""Scores the crawler on the fixture outlets it was never tuned on, and times extraction.

Run from the repository root:  .venv/bin/python benchmarks/score_outlets.py

For each outlet of tests/sites/outlets/ (newspaper, agency, blog) it serves the site on
127.0.0.1, crawls it with `python -m crawlers.run` given only its sources.toml entry
(the entries of tests/test_crawl_outlets.py, politeness delays off) and prints the
figures of tests/outlet_scoring.py: recall, titles and dates right, body token F1, junk
and duplicate rows. Then it times `pages.article.examine_page` on the outlets' article
pages (pages per second).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from conftest_sites import SITES, start_site
from outlet_scoring import load_truth, score
from test_crawl import articles, run_crawl
from test_crawl_outlets import ENTRIES, entry

from pages.article import examine_page

OUTLETS = SITES / "outlets"
PAGES = {"newspaper": "news/*.htm", "agency": "pages/*.html", "blog": "2025/*/*/*/index.html"}


def crawl_figures(outlet: str) -> dict:
    site = start_site(OUTLETS / outlet)
    try:
        started = time.monotonic()
        summary, db, _ = run_crawl(Path(tempfile.mkdtemp()), entry(outlet, site.base))
        figures = score(articles(db), load_truth(outlet))
        figures["crawl_seconds"] = round(time.monotonic() - started, 1)
        figures["pages_seen"] = summary["pages_seen"]
        figures["non_articles_by_reason"] = summary["non_articles_by_reason"]
        return figures
    finally:
        site.stop()


def extraction_rate(rounds: int = 5) -> float:
    pages = [path.read_bytes() for outlet, pattern in PAGES.items()
             for path in sorted((OUTLETS / outlet).glob(pattern))]
    started = time.perf_counter()
    for _ in range(rounds):
        for page in pages:
            examine_page(page, "http://bench.example/news/1")
    return len(pages) * rounds / (time.perf_counter() - started)


def main() -> None:
    for outlet in sorted(ENTRIES):
        figures = crawl_figures(outlet)
        keep = ("recall", "titles_right", "dates_right", "body_f1_mean", "body_f1_min",
                "junk_rows", "duplicate_rows", "pages_seen", "crawl_seconds",
                "non_articles_by_reason")
        print(outlet, json.dumps({key: figures[key] for key in keep}, ensure_ascii=False))
    print(f"extraction only: {extraction_rate():.0f} pages/s (examine_page, outlet articles)")


if __name__ == "__main__":
    main()
