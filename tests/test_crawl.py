"""End-to-end crawl tests: `python -m crawlers.run` in a subprocess against the fixture
sites (tests/sites/) served on 127.0.0.1, asserting what lands in a real SQLite file."""

from __future__ import annotations

import json
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest_sites import modern_site, old_site  # noqa: F401 - pytest fixtures

from crawlers import run as crawl_run

ROOT = Path(__file__).resolve().parents[1]
FAST = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_START_DELAY": 0, "AUTOTHROTTLE_MAX_DELAY": 0.5,
        "RETRY_BACKOFF_BASE": 0.05, "CONCURRENT_REQUESTS_PER_DOMAIN": 8, "DNS_TIMEOUT": 3}
KUNA_TITLE = "الكويت تستضيف ورشة إقليمية عن مكافحة الاتجار بالبشر"
EXPECTED = {  # title -> (published, number of paragraphs)
    "ضبط شبكة للاتجار بالعمالة المنزلية في حولي": ("2025-07-31", 4),
    "الكويت تنضم إلى مبادرة خليجية لحماية ضحايا الاتجار بالبشر": ("2025-07-30", 3),
    "الجنايات تقضي بسجن متهمين في قضية إقامات وهمية": ("2025-07-29", 3),
    "القوى العاملة تطلق خطاً ساخناً لبلاغات العمال": ("2025-07-28", 3),
    "تقرير: ارتفاع قضايا العمل القسري في المنطقة": ("2025-07-27", 4),
    KUNA_TITLE: ("2025-07-26", 3),  # on both sites: stored once
    "القبض على مكتب استقدام وهمي في الفروانية": ("2025-07-31", 3),
    "الشؤون تغلق دار إيواء مخالفة للشروط": ("2025-07-30", 3),
    "مطالبات نيابية بتشديد عقوبات تجارة الإقامات": ("2025-07-28", 3),
    "دراسة: عاملات المنازل أكثر الفئات عرضة للاستغلال": ("2025-07-27", 3),
}
OLD_TITLES = {"القبض على مكتب استقدام وهمي في الفروانية", "الشؤون تغلق دار إيواء مخالفة للشروط",
              "مطالبات نيابية بتشديد عقوبات تجارة الإقامات",
              "دراسة: عاملات المنازل أكثر الفئات عرضة للاستغلال", KUNA_TITLE}
BOILERPLATE = ("اقرأ أيضا", "اقرأ أيضاً", "شارك", "واتساب", "جميع الحقوق", "التعليقات",
               "تعليقات القراء", "أبو فهد", "خالد:", "إعلان", "أخبار ذات صلة", "أرسل لصديق",
               "مساحة إعلانية", "robots.txt", "نسخة AMP")


def modern_entry(site, **keys) -> str:
    lines = ['[[source]]', 'id = "khaleej-today"', 'name = "الخليج اليوم"', 'country = "KW"',
             f'homepage = "{site.base}/"', "verified = true"]
    return "\n".join(lines + [f"{key} = {value}" for key, value in keys.items()]) + "\n\n"


def old_entry(site, **keys) -> str:
    lines = ['[[source]]', 'id = "sawt-alkhaleej"', 'name = "صوت الخليج"', 'country = "KW"',
             f'homepage = "{site.base}/"', "article_url = '(show|archive)\\.asp\\?id=\\d+'",
             "verified = true"]
    return "\n".join(lines + [f"{key} = {value}" for key, value in keys.items()]) + "\n\n"


def full_sources(modern, old) -> str:
    return modern_entry(
        modern, feeds=f'["{modern.base}/feed.xml"]', sitemaps=f'["{modern.base}/sitemap.xml"]',
        start_urls=f'["{modern.base}/section/local.html"]', article_url="'/news/\\d+'",
        search_url=f'"{modern.base}/search?q={{query}}"') \
        + old_entry(old, start_urls=f'["{old.base}/index.htm"]')


def run_crawl(workdir: Path, sources: str, *args: str, db: Path | None = None,
              expect_exit: int = 0):
    """Run `python -m crawlers.run --json` on `sources`; return (summary, db, stderr)."""
    workdir.mkdir(parents=True, exist_ok=True)
    sources_file = workdir / "sources.toml"
    sources_file.write_text(sources, encoding="utf-8")
    db = db or workdir / "timeline.db"
    command = [sys.executable, "-m", "crawlers.run", "--db", str(db), "--sources",
               str(sources_file), "--state-dir", str(workdir / "state"), "--json", *args]
    for key, value in FAST.items():
        command += ["--set", f"{key}={json.dumps(value)}"]
    done = subprocess.run(command, check=False, cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == expect_exit, done.stderr[-4000:]
    if expect_exit:
        return None, db, done.stderr
    (line,) = done.stdout.splitlines()  # --json: the summary on one line
    summary = json.loads(line)
    return summary, db, done.stderr


def articles(db: Path) -> list[dict]:
    with sqlite3.connect(db) as connection:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute("SELECT * FROM articles ORDER BY id")]


def assert_clean_article(row: dict) -> None:
    published, paragraphs = EXPECTED[row["title"]]
    assert row["published"] == published, row["title"]
    assert len(row["text"].split("\n")) == paragraphs, row["title"]
    for phrase in BOILERPLATE:
        assert not re.search(rf"(?<!\w){phrase}(?!\w)", row["text"]), (row["title"], phrase)
    assert row["country"] == "KW"


@pytest.fixture(scope="module")
def first_crawl(tmp_path_factory, modern_site, old_site):
    workdir = tmp_path_factory.mktemp("first")
    before = (len(modern_site.requests), len(old_site.requests))
    summary, db, stderr = run_crawl(workdir, full_sources(modern_site, old_site))
    requests = modern_site.requests[before[0]:] + old_site.requests[before[1]:]
    return {"summary": summary, "db": db, "stderr": stderr, "requests": requests,
            "workdir": workdir}


def test_crawl_stores_each_article_once_with_clean_fields(first_crawl):
    rows = articles(first_crawl["db"])
    assert sorted(row["title"] for row in rows) == sorted(EXPECTED)
    assert len({row["content_hash"] for row in rows}) == len(rows)
    for row in rows:
        assert_clean_article(row)
        assert not any(mark in row["url"] for mark in ("utm_", "fbclid", "print", "amp", "#"))
        assert "/private/" not in row["url"]
    authors = {row["title"]: row["author"] for row in rows}
    assert authors["ضبط شبكة للاتجار بالعمالة المنزلية في حولي"] == "سارة العتيبي"
    sources = {row["title"]: row["source"] for row in rows}
    assert sources["القبض على مكتب استقدام وهمي في الفروانية"] == "sawt-alkhaleej"
    assert sources["تقرير: ارتفاع قضايا العمل القسري في المنطقة"] == "khaleej-today"


def test_crawl_summary_counts_every_outcome(first_crawl):
    summary = first_crawl["summary"]
    assert summary["articles_stored"] == len(EXPECTED)
    assert summary["duplicates"] >= 1  # the KUNA story on both sites
    assert summary["errors_by_kind"] == {"http_500": 1}
    assert summary["robots_disallowed"] == 1
    assert summary["non_articles_by_reason"].keys() >= {"video", "listing", "too_short"}
    assert summary["network_unreachable"] is False
    assert summary["pages_seen"] >= 20
    for source in summary["per_source"].values():
        assert source["finish_reason"] == "finished" and not source["state_kept"]
    assert not (first_crawl["workdir"] / "state" / "khaleej-today").exists()


def test_crawl_is_polite_and_requests_canonical_urls(first_crawl, modern_site):
    requests = first_crawl["requests"]
    assert not [path for path in requests if path.startswith("/private/")]
    assert not [path for path in requests
                if any(mark in path for mark in ("utm_", "fbclid", "print=", "/amp/"))]
    assert requests.count("/robots.txt") == 2  # one per site
    assert any("GulfTraffickingMonitor" in agent and "contact" in agent
               for agent in modern_site.user_agents)
    assert "/section/local.html?page=2" in requests  # pagination followed
    assert "/archive.asp?id=2003" in requests  # the redirect, followed


def test_crawl_second_run_stores_nothing_new(first_crawl, tmp_path, modern_site, old_site):
    db = tmp_path / "again.db"
    shutil.copy(first_crawl["db"], db)
    stored_paths = {"/" + row["url"].split("/", 3)[3] for row in articles(db)}
    before = (len(modern_site.requests), len(old_site.requests))
    summary, _, _ = run_crawl(tmp_path / "run", full_sources(modern_site, old_site), db=db)
    assert summary["articles_stored"] == 0
    assert summary["skipped_known"] >= len(EXPECTED) - 1
    assert len(articles(db)) == len(EXPECTED)
    requests = modern_site.requests[before[0]:] + old_site.requests[before[1]:]
    assert not stored_paths & set(requests)  # known articles are not fetched again


def test_crawl_never_seen_sources_homepage_or_feed_only(tmp_path, modern_site, old_site):
    # Only a homepage and an article pattern (old site), only a feed (modern site).
    sources = old_entry(old_site) + modern_entry(modern_site, feeds=f'["{modern_site.base}/atom.xml"]')
    summary, db, _ = run_crawl(tmp_path, sources)
    rows = articles(db)
    titles = {row["title"] for row in rows}
    assert titles == OLD_TITLES | {"ضبط شبكة للاتجار بالعمالة المنزلية في حولي",
                                   "الكويت تنضم إلى مبادرة خليجية لحماية ضحايا الاتجار بالبشر"}
    for row in rows:
        assert_clean_article(row)
    assert summary["per_source"]["sawt-alkhaleej"]["charset_repaired"] >= 1


def test_crawl_query_backfills_through_site_search(tmp_path, modern_site):
    sources = modern_entry(modern_site, feeds=f'["{modern_site.base}/feed.xml"]',
                           article_url="'/news/\\d+'",
                           search_url=f'"{modern_site.base}/search?q={{query}}"')
    summary, db, _ = run_crawl(tmp_path, sources, "--query", "الاتجار بالأشخاص")
    rows = {row["title"]: row for row in articles(db)}
    assert set(rows) == {"ندوة عن حقوق العمالة المنزلية في الكويت",
                         "ضبط شبكة للاتجار بالعمالة المنزلية في حولي",
                         "الجنايات تقضي بسجن متهمين في قضية إقامات وهمية"}
    assert rows["ندوة عن حقوق العمالة المنزلية في الكويت"]["published"] == "2023-11-14"
    assert summary["query"] == "الاتجار بالأشخاص"


def test_crawl_since_skips_older_articles(tmp_path, old_site):
    # The source's own encoding is used here (the other runs detect it).
    sources = old_entry(old_site, encoding='"windows-1256"')
    summary, db, _ = run_crawl(tmp_path, sources, "--since", "2025-07-30")
    assert {row["published"] for row in articles(db)} == {"2025-07-30", "2025-07-31"}
    assert summary["skipped_old"] == 3


def test_crawl_network_unreachable_is_reported_not_raised(tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sources = ('[[source]]\nid = "offline"\nname = "x"\ncountry = "KW"\n'
               f'homepage = "http://127.0.0.1:{port}/"\n\n'
               '[[source]]\nid = "no-dns"\nname = "y"\ncountry = "KW"\n'
               'homepage = "http://news.example.invalid/"\n')
    summary, db, stderr = run_crawl(tmp_path, sources)
    assert summary["network_unreachable"] is True
    assert "network unreachable" in summary["message"]
    assert summary["errors_by_kind"].get("connection_refused") == 1
    assert set(summary["errors_by_kind"]) <= {"connection_refused", "dns", "timeout"}
    assert articles(db) == []
    assert "connection_refused" in stderr


def test_crawl_interrupted_crawl_resumes(tmp_path, modern_site, old_site):
    sources = full_sources(modern_site, old_site)
    first, db, _ = run_crawl(tmp_path, sources, "--max-pages", "4")
    assert first["articles_stored"] < len(EXPECTED)
    assert all(s["state_kept"] for s in first["per_source"].values())
    assert (tmp_path / "state" / "khaleej-today" / "requests.queue").exists()
    second, _, _ = run_crawl(tmp_path, sources)
    assert all(s["resumed"] for s in second["per_source"].values())
    assert sorted(row["title"] for row in articles(db)) == sorted(EXPECTED)
    assert not (tmp_path / "state" / "khaleej-today").exists()


def test_crawl_interrupted_crawl_resumes_within_robots_txt(tmp_path, modern_site, old_site):
    sources = full_sources(modern_site, old_site)
    run_crawl(tmp_path, sources, "--max-pages", "4")
    run_crawl(tmp_path, sources)
    with sqlite3.connect(tmp_path / "timeline.db") as connection:
        urls = [url for (url,) in connection.execute("SELECT url FROM articles")]
    assert urls and not [url for url in urls if "/private/" in url]


@pytest.mark.parametrize("args, message", [
    (["--source", "nope"], 'no source with id "nope"'),
    (["--since", "31/7/2025"], "since must be a date written YYYY-MM-DD"),
])
def test_crawl_command_line_errors(tmp_path, args, message):
    sources = '[[source]]\nid = "a"\nname = "a"\ncountry = "KW"\nhomepage = "http://127.0.0.1:9/"\n'
    _, _, stderr = run_crawl(tmp_path, sources, *args, expect_exit=1)
    assert "Error: " in stderr and message in stderr


def test_crawl_twice_in_one_process_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(crawl_run, "_ran_in_this_process", True)
    with pytest.raises(crawl_run.CrawlerError, match="python -m crawlers.run"):
        crawl_run.crawl(tmp_path / "x.db")
