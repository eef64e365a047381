"""Tests for crawlers/fingerprint.py: one identity rule for the crawl.

Unit tests of the fingerprinter, then real crawls (`python -m crawlers.run` in a
subprocess) of a small site served on 127.0.0.1 whose homepage links one article under
several spellings (tracking parameters, another parameter order, a fragment) and a
second address carrying the same text."""

from __future__ import annotations

import shutil

import pytest
from conftest_sites import start_site
from scrapy import Request
from scrapy.utils.test import get_crawler
from test_crawl import articles, run_crawl

from crawlers import settings as crawl_settings
from crawlers.fingerprint import CanonicalFingerprinter, request_identity

ARTICLE = "/news/7.html?a=1&b=2"
SPELLINGS = ("/news/7.html?b=2&a=1", "/news/7.html?a=1&b=2&utm_source=x&fbclid=abc",
             "/news/7.html?utm_medium=social&b=2&a=1#comments", ARTICLE)
PARAGRAPHS = (
    ("أعلنت الجهات المختصة في الكويت إحالة مكتب لاستقدام العمالة إلى النيابة العامة بعد "
     "ثبوت تورطه في نقل عاملات إلى أصحاب عمل دون عقود ومن دون علم إدارة العمالة المنزلية."),
    ("وقال مسؤول في الإدارة إن التحقيقات بدأت ببلاغ من إحدى العاملات التي لجأت إلى مركز "
     "الإيواء، وإن الفرق الميدانية تتابع مكاتب أخرى يشتبه في أنها تمارس النشاط نفسه."),
    ("وأكد المسؤول أن القانون يعاقب على هذه الأفعال بالحبس والغرامة، داعيا العمال إلى "
     "الاتصال بالخط الساخن عند تعرضهم لأي استغلال أو حجز لوثائقهم الشخصية."),
)


def page(title: str) -> str:
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return (f'<html lang="ar"><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><article><h1>{title}</h1><time datetime="2025-08-03">3 أغسطس 2025</time>'
            f"{body}</article></body></html>")


@pytest.fixture(scope="module")
def identity_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("identity_site")
    (root / "news").mkdir()
    links = "".join(f'<li><a href="{path}">خبر {n}</a></li>' for n, path in enumerate(
        SPELLINGS + ("/news/8.html",)))
    (root / "index.html").write_text(f'<html><body><ul>{links}</ul></body></html>',
                                     encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nDisallow:\n", encoding="utf-8")
    (root / "news" / "7.html").write_text(page("إحالة مكتب استقدام إلى النيابة العامة"),
                                          encoding="utf-8")
    # the same story under another address (syndicated): its text is the same
    (root / "news" / "8.html").write_text(page("إحالة مكتب استقدام إلى النيابة"),
                                          encoding="utf-8")
    site = start_site(root)
    yield site
    site.stop()


def entry(site) -> str:
    return ('[[source]]\nid = "identity"\nname = "موقع الهوية"\ncountry = "KW"\n'
            f'homepage = "{site.base}/"\narticle_url = \'/news/\\d+\'\nverified = true\n')


def fingerprint(url: str, **kwargs) -> bytes:
    return CanonicalFingerprinter().fingerprint(Request(url, **kwargs))


def test_spellings_of_one_url_have_one_fingerprint():
    prints = {fingerprint("https://example.com" + path) for path in SPELLINGS}
    prints.add(fingerprint("HTTPS://Example.com:443/news/7.html?a=1&b=2&gclid=z"))
    assert len(prints) == 1


def test_different_resources_have_different_fingerprints():
    one = fingerprint("https://example.com/news/7.html?a=1&b=2")
    assert one != fingerprint("https://example.com/news/7.html?a=1&b=3")
    assert one != fingerprint("https://example.com/news/8.html?a=1&b=2")
    assert one != fingerprint("https://example.com/news/7.html?a=1&b=2", method="POST")


def test_known_url_check_and_fingerprint_share_the_canonical_form():
    request = Request("https://example.com/news/7.html?utm_source=x&b=2&a=1#top")
    assert request_identity(request) == "https://example.com/news/7.html?a=1&b=2"
    assert fingerprint(request_identity(request)) == CanonicalFingerprinter().fingerprint(request)


def test_the_crawl_settings_use_the_fingerprinter():
    crawler = get_crawler(settings_dict={
        "REQUEST_FINGERPRINTER_CLASS": crawl_settings.REQUEST_FINGERPRINTER_CLASS})
    assert isinstance(crawler.request_fingerprinter, CanonicalFingerprinter)


def test_crawl_fetches_each_spelling_once_and_a_recrawl_stores_nothing_twice(
        tmp_path, identity_site):
    summary, db, _ = run_crawl(tmp_path / "first", entry(identity_site))
    fetched = [path for path in identity_site.requests if path.startswith("/news/7.html")]
    assert fetched == [ARTICLE]  # four spellings, one request, in canonical form
    rows = articles(db)
    (row,) = rows  # 8.html carries the same text: whichever came first is the one stored
    assert row["url"] in {identity_site.base + ARTICLE, identity_site.base + "/news/8.html"}
    assert summary["articles_stored"] == 1 and summary["duplicates"] == 1

    again = tmp_path / "again.db"
    shutil.copy(db, again)
    before = len(identity_site.requests)
    summary, _, _ = run_crawl(tmp_path / "second", entry(identity_site), db=again)
    # every link to the stored article is skipped before the scheduler (and counted)
    links = {identity_site.base + ARTICLE: len(SPELLINGS), identity_site.base + "/news/8.html": 1}
    assert summary["articles_stored"] == 0 and summary["skipped_known"] == links[row["url"]]
    assert summary["duplicates"] == 1  # the other address, fetched again, same text
    assert len(articles(again)) == 1
    assert not [path for path in identity_site.requests[before:]
                if identity_site.base + path == row["url"]]  # the stored one is not fetched
