"""Outlets the crawler has never seen: three fixture sites (tests/sites/outlets/), each
given to it only through a sources.toml entry, crawled by `python -m crawlers.run` in a
subprocess, and scored against the site's truth file (tests/outlet_scoring.py)."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest_sites import SITES, start_site
from outlet_scoring import load_truth, route, score
from protego import Protego
from test_crawl import BOILERPLATE, articles, run_crawl

OUTLETS = SITES / "outlets"
ENTRIES = {
    "newspaper": ['name = "الفجر الجديد"', 'homepage = "{base}/Default.aspx"',
                  "article_url = 'NewsDetails\\.aspx\\?NewsID=\\d+'"],
    "agency": ['name = "وكالة أنباء الساحل"', 'homepage = "{base}/ar/"', 'feeds = ["{base}/rss.xml"]',
               "article_url = '/ar/news/\\d{{4}}/\\d{{2}}/\\d{{2}}/\\d+'"],
    "blog": ['name = "مرصد الهجرة والعمل"', 'homepage = "{base}/"',
             'sitemaps = ["{base}/wp-sitemap.xml"]'],
}
# Words of the outlets' chrome, comments and lists that must never reach a body.
CHROME = BOILERPLATE + ("الأكثر قراءة", "تعليقات الزوار", "أبو سالم", "مواطن غيور", "استفتاء",
                        "عاجل", "آخر تحديث", "ناصر", "أم خالد", "أضف تعليقاً", "مقالات ذات صلة",
                        "الأرصاد", "فريق المرصد", "العدد 9921", "وكالة أنباء الساحل ©")


def entry(outlet: str, base: str) -> str:
    lines = ["[[source]]", f'id = "{outlet}"', 'country = "KW"', "verified = true"]
    return "\n".join(lines + [line.format(base=base) for line in ENTRIES[outlet]]) + "\n"


@pytest.fixture(scope="module", params=sorted(ENTRIES))
def crawled(request, tmp_path_factory):
    site = start_site(OUTLETS / request.param)
    try:
        workdir = tmp_path_factory.mktemp(request.param)
        summary, db, _ = run_crawl(workdir, entry(request.param, site.base))
        yield {"outlet": request.param, "site": site, "summary": summary,
               "rows": articles(db), "requests": list(site.requests)}
    finally:
        site.stop()


def test_outlet_recall_titles_dates_and_bodies(crawled):
    figures = score(crawled["rows"], load_truth(crawled["outlet"]))
    assert figures["recall"] >= 0.95, figures
    assert figures["titles_right"] >= 0.95 and figures["dates_right"] >= 0.95, figures
    assert figures["body_f1_mean"] >= 0.90 and figures["body_f1_min"] >= 0.80, figures


def test_outlet_stores_no_junk_and_no_duplicate(crawled):
    figures = score(crawled["rows"], load_truth(crawled["outlet"]))
    assert figures["junk_rows"] == [] and figures["duplicate_rows"] == [], figures


def test_outlet_bodies_hold_no_boilerplate_or_comment(crawled):
    truth = load_truth(crawled["outlet"])
    for row in crawled["rows"]:
        story = truth[route(row["url"])]["text"]  # "شارك فيها" may be the story's own words
        for phrase in CHROME:
            found = re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", row["text"])
            assert len(found) <= len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", story)), \
                (row["url"], phrase)


def test_outlet_robots_txt_is_obeyed(crawled):
    site = crawled["site"]
    robots = Protego.parse((site.root / "robots.txt").read_text(encoding="utf-8"))
    forbidden = [path for path in crawled["requests"]
                 if not robots.can_fetch(site.base + path, "GulfTraffickingMonitor")]
    assert forbidden == []
    assert crawled["requests"].count("/robots.txt") == 1


def test_refresh_stores_a_changed_article_as_a_new_version(tmp_path, nlp_light):
    from timeline.db import open_db
    from timeline.process import process_articles

    root = tmp_path / "site"
    shutil.copytree(OUTLETS / "blog", root)
    site = start_site(root)
    try:
        sources = entry("blog", site.base)
        first, db, _ = run_crawl(tmp_path / "one", sources)
        assert first["articles_stored"] == 8
        page = root / "2025/08/03/shelter-capacity/index.html"
        added = "وأضافت الهيئة أن المبنى الجديد سيستقبل أول العائلات مطلع الشهر المقبل."
        html = page.read_text(encoding="utf-8")
        assert '<div class="sharedaddy' in html
        page.write_text(html.replace('<div class="sharedaddy', f'<p>{added}</p>\n<div class="sharedaddy', 1),
                        encoding="utf-8")
        again, _, _ = run_crawl(tmp_path / "two", sources, "--refresh", db=db)
    finally:
        site.stop()
    assert again["articles_updated"] == 1 and again["unchanged"] == 7
    assert again["articles_stored"] == 0
    rows = {route(row["url"]): row for row in articles(db)}
    changed = rows["/2025/08/03/shelter-capacity"]
    assert changed["version"] == 2 and changed["text"].endswith(added)
    database = open_db(db)
    (old,) = database["article_versions"].rows
    assert old["article_id"] == changed["id"] and added not in old["text"]
    assert process_articles(database, nlp_light).processed == 8
    assert process_articles(database, nlp_light).processed == 0


def test_since_stops_paging_older_section_listings(tmp_path):
    site = start_site(OUTLETS / "agency")
    try:
        summary, db, _ = run_crawl(tmp_path, entry("agency", site.base), "--since", "2025-08-05")
        requests = list(site.requests)
    finally:
        site.stop()
    assert sorted(row["published"] for row in articles(db)) == ["2025-08-05", "2025-08-05",
                                                                  "2025-08-06"]
    assert summary["skipped_old"] >= 1
    assert "/ar/section/local?page=2" in requests  # page 1 still shows 2025-08-06
    assert "/ar/section/local?page=3" not in requests  # page 2 is all older than --since
