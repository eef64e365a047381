"""Tests for crawlers/discovery.py (feeds, sitemaps, listing pages) and the small
pure parts of crawlers/middlewares.py and crawlers/failures.py."""

import gzip
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, TextResponse
from scrapy.settings import Settings
from twisted.internet import error
from twisted.python.failure import Failure

from crawlers import settings as crawl_settings
from crawlers.discovery import listing_links, next_page, parse_feed, parse_sitemap, ungzip
from crawlers.failures import classify_failure
from crawlers.middlewares import BackoffRetryMiddleware, CharsetRepairMiddleware
from crawlers.sources import Source

SITES = Path(__file__).parent / "sites"
BASE = "http://127.0.0.1:8000"


def site_file(name: str) -> bytes:
    return (SITES / "modern" / name).read_bytes().replace(b"{{BASE}}", BASE.encode())


def test_discovery_rss_feed():
    links = parse_feed(site_file("feed.xml"), BASE + "/feed.xml")
    assert [link.url.split("/")[-1] for link in links] == [
        "1001-domestic-workers-ring.html?utm_source=rss&utm_medium=feed",
        "1002-gulf-victims-initiative.html", "1006-server-error.html",
        "1007-kuna-workshop.html", "1010-shelter-video.html"]
    assert links[0].published == "2025-07-31"
    assert links[0].title == "ضبط شبكة للاتجار بالعمالة المنزلية في حولي"


def test_discovery_atom_feed_takes_the_alternate_link():
    links = parse_feed(site_file("atom.xml"), BASE + "/atom.xml")
    assert [link.url for link in links] == [
        BASE + "/news/1001-domestic-workers-ring.html",
        BASE + "/news/1002-gulf-victims-initiative.html",
        BASE + "/news/1007-kuna-workshop.html"]
    assert [link.published for link in links] == ["2025-07-31", "2025-07-30", "2025-07-26"]


@pytest.mark.parametrize("body", [
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "url": "/news/1", '
    b'"date_published": "2025-07-31T10:00:00+03:00"}]}'),
])
def test_discovery_json_feed(body):
    (link,) = parse_feed(body, BASE + "/feed.json")
    assert link.url == BASE + "/news/1" and link.published == "2025-07-31"


@pytest.mark.parametrize("body", [b"", b"<html><body>not a feed</body></html>", b"{broken"])
def test_discovery_bad_feeds_give_nothing(body):
    assert parse_feed(body, BASE) == []


def test_discovery_sitemap_index_and_news_sitemap():
    index = parse_sitemap(site_file("sitemap.xml"), BASE + "/sitemap.xml")
    assert index.is_index
    assert [link.url for link in index.links] == [BASE + "/sitemap-news.xml",
                                                  BASE + "/sitemap-pages.xml"]
    news = parse_sitemap(site_file("sitemap-news.xml"), BASE + "/sitemap-news.xml")
    assert not news.is_index
    assert [(link.url.split("/")[-1], link.published) for link in news.links] == [
        ("1001-domestic-workers-ring.html", "2025-07-31"),
        ("1003-fake-residencies-verdict.html", "2025-07-29"),
        ("1005-forced-labour-report.html", "2025-07-27")]
    assert news.links[1].title == "الجنايات تقضي بسجن متهمين في قضية إقامات وهمية"


def test_discovery_gzipped_sitemap():
    sitemap = parse_sitemap(gzip.compress(site_file("sitemap-pages.xml")), BASE + "/s.xml.gz")
    assert len(sitemap.links) == 4 and sitemap.links[0].published == "2025-07-30"


def test_discovery_gzip_cut_short_keeps_what_it_gave_and_junk_gives_nothing():
    whole = gzip.compress(site_file("sitemap-pages.xml"))
    cut = ungzip(whole[: len(whole) - 12])  # the CRC and size trailer lost in transit
    assert cut and site_file("sitemap-pages.xml").startswith(cut)
    assert ungzip(b"\x1f\x8b" + b"not gzip at all") == b""
    assert ungzip(b"<urlset/>") == b"<urlset/>"


def test_discovery_gzip_bomb_over_the_sitemap_limit_gives_nothing(monkeypatch):
    monkeypatch.setattr("crawlers.discovery.MAX_SITEMAP_BYTES", 1000)
    assert ungzip(gzip.compress(b"<url>" * 1000)) == b""


def test_discovery_listing_links_keep_same_site_article_links():
    hrefs = ["/news/1-a.html", "news/2-b.html?utm_source=x", "#top", "javascript:void(0)",
             "https://twitter.com/share", "/section/local.html", "/media/photo.jpg",
             "/news/1-a.html", "mailto:desk@example.com"]
    found = listing_links(hrefs, BASE + "/section/", lambda url: "/news/" in url)
    assert found == [BASE + "/news/1-a.html", BASE + "/section/news/2-b.html?utm_source=x"]


@pytest.mark.parametrize("anchors, expected", [
    ([("/list?page=2", "التالي »", "")], "/list?page=2"),
    ([("index.htm?page=2", "الصفحة التالية >>", "")], "/index.htm?page=2"),
    ([("/p/3", "3", "page-next")], "/p/3"),
    ([("/p/2", "", "next")], "/p/2"),
    ([("/p/1", "« السابق", "prev"), ("/p/1", "1", "")], None),
    ([("https://other.example/p/2", "التالي", "")], None),
])
def test_discovery_next_page(anchors, expected):
    found = next_page(anchors, BASE + "/")
    assert found == (BASE + expected if expected else None)


# ---------------------------------------------------------------- retries and failures

@pytest.mark.parametrize("attempt, retry_after, expected", [
    (1, None, 2.0), (2, None, 4.0), (3, None, 8.0), (10, None, 60.0), (1, 30.0, 30.0),
])
def test_middlewares_backoff_grows_and_is_capped(attempt, retry_after, expected):
    settings = Settings()
    settings.setmodule(crawl_settings)
    middleware = BackoffRetryMiddleware(settings)
    retry = Request("http://h/x", meta={"retry_times": attempt})
    assert middleware.delay_for(retry, retry_after) == expected


@pytest.mark.parametrize("exception, kind", [
    (error.DNSLookupError("no such host"), "dns"),
    (error.ConnectionRefusedError(), "connection_refused"),
    (error.TCPTimedOutError(), "timeout"),
    (error.ConnectionLost(), "connection_lost"),
    (ValueError("odd"), "valueerror"),
])
def test_failures_are_named_by_kind(exception, kind):
    assert classify_failure(Failure(exception))[0] == kind


def test_settings_are_polite_by_default():
    assert crawl_settings.ROBOTSTXT_OBEY is True
    assert crawl_settings.AUTOTHROTTLE_ENABLED is True
    assert crawl_settings.CONCURRENT_REQUESTS_PER_DOMAIN <= 2
    assert crawl_settings.DOWNLOAD_DELAY >= 1
    assert "contact" in crawl_settings.USER_AGENT and "Scrapy" not in crawl_settings.USER_AGENT


class _Stats(dict):
    def inc_value(self, key, count=1):
        self[key] = self.get(key, 0) + count


class _Crawler:
    """The two attributes CharsetRepairMiddleware reads from a Scrapy crawler."""

    def __init__(self, source):
        self.spider = type("Spider", (), {"source": source})()
        self.stats = _Stats()


@pytest.mark.parametrize("content_type, encoding", [
    ("text/html; charset=utf-8", None),  # wrong header
    ("text/html; charset=iso-8859-1", None),  # wrong header, Latin
    ("text/html", None),  # nothing declared
    ("text/html; charset=utf-8", "windows-1256"),  # the source says so
])
def test_middlewares_charset_repair(content_type, encoding):
    body = "<html><body><p>مكافحة الاتجار بالبشر</p></body></html>".encode("cp1256")
    source = Source(id="s", name="s", country="KW", homepage="http://h/", encoding=encoding)
    crawler = _Crawler(source)
    response = HtmlResponse("http://h/a", body=body, headers={"Content-Type": content_type})
    repaired = CharsetRepairMiddleware(crawler).process_response(Request("http://h/a"), response)
    assert isinstance(repaired, TextResponse)
    assert repaired.encoding == "cp1256"
    assert "مكافحة الاتجار بالبشر" in repaired.text
    assert crawler.stats.get("news/charset_repaired", 0) <= 1


def test_section_links_are_section_category_and_tag_listings():
    from crawlers.discovery import section_links

    hrefs = ["/ar/section/local", "/ar/tag/trafficking", "/ar/news/2025/08/06/10231",
             "Section.aspx?SecID=2", "/category/local/", "/ar/about", "https://other.example/tag/x",
             "/ar/section/local"]
    is_article = lambda url: "/news/" in url
    assert section_links(hrefs, "http://h.example/ar/", is_article) == [
        "http://h.example/ar/section/local", "http://h.example/ar/tag/trafficking",
        "http://h.example/ar/Section.aspx?SecID=2", "http://h.example/category/local/"]


def test_newest_listing_date_reads_time_elements_and_written_dates():
    from crawlers.discovery import newest_listing_date

    assert newest_listing_date(["2025-08-03T09:45:00+03:00", "junk"], "الأحد 27 يوليو 2025") \
        == "2025-08-03"
    assert newest_listing_date([], "4 صفر 1447 هـ") == "2025-07-29"
    assert newest_listing_date([], "لا تاريخ هنا") is None
