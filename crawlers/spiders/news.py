"""The one generic news spider: discovery and fetching for one source per crawl.

Started by `crawlers.run.crawl` (one crawler per source, so each source has its own
JOBDIR and stats), or by `scrapy crawl news -a source=ID` through scrapy.cfg.

Discovery, in `start()`:
  1. feeds (RSS/Atom/JSON) and sitemaps (indexes, url sets, news sitemaps);
  2. listing pages: the source's `start_urls`, or its homepage when it has no
     start_urls and either an `article_url` pattern or no feed and no sitemap;
     article links matched by `article_url` (or by a URL-shape guess), pagination
     followed up to NEWS_MAX_LISTING_PAGES; the section, category and tag listings they
     link to are followed too (NEWS_MAX_SECTION_DEPTH links deep, NEWS_MAX_SECTIONS at
     most), with their own pagination, so what fell off the feed is still found;
     with `since`, paging stops once a listing's newest date is older;
  3. with a query, only the site search (`search_url`), paginated up to
     NEWS_MAX_SEARCH_PAGES, for topic back-fills.
Every page that may be an article goes to `article.examine_page`; accepted pages
become `ArticleItem`s for the pipelines, the rest are counted by reason. Every failed
request is logged and counted by kind in `on_error`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote_plus

import lxml.html
import scrapy
from lxml import etree
from scrapy.http import TextResponse

from crawlers.discovery import (
    listing_links,
    newest_listing_date,
    next_page,
    parse_feed,
    parse_sitemap,
    section_links,
)
from crawlers.failures import classify_failure
from crawlers.items import ArticleItem
from crawlers.sources import Source, find_sources, load_sources
from pages.article import examine_page
from pages.boilerplate import prune_boilerplate
from pages.urls import canonicalise_url, looks_like_article_url

MAX_SITEMAPS_PER_INDEX = 25  # newest child sitemaps followed from one index


def _day_before(iso: str) -> str:
    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, source: Source | str, *, query: str | None = None,
                 since: str | None = None, refresh: bool = False,
                 known_urls: frozenset[str] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.source = source
        self.query = query or None
        self.since = since or None
        self.refresh = bool(refresh) and refresh not in ("0", "false", "False")
        self.known_urls = known_urls
        self._listings_seen: set[str] = set()
        self._sitemaps_seen: set[str] = set()
        self._sections = 0

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider._resolve(crawler.settings)
        return spider

    def _resolve(self, settings) -> None:
        """Accept `-a source=ID` from the scrapy command line."""
        if isinstance(self.source, str):
            path = settings.get("NEWS_SOURCES_FILE")
            self.source = find_sources(load_sources(path), [self.source], path)[0]
        if self.known_urls is None:  # the storage's pipeline fills it when it opens
            self.known_urls = frozenset()

    # ------------------------------------------------------------ discovery

    async def start(self):
        if self.query:
            for request in self._search_requests():
                yield request
            return
        for url in self.source.feeds:
            yield self._request(url, self.parse_feed, "feed")
        for url in self.source.sitemaps:
            yield self._request(url, self.parse_sitemap, "sitemap")
        for url in self._listing_urls():
            yield self._listing_request(url, "listing", 1)

    def _listing_urls(self) -> list[str]:
        source = self.source
        if source.start_urls:
            return list(source.start_urls)
        if source.article_url or not (source.feeds or source.sitemaps):
            return [source.homepage]
        return []

    def _search_requests(self):
        if not self.source.search_url:
            self.logger.warning("source %s has no search_url; nothing to search", self.source.id)
            self.crawler.stats.inc_value("news/no_search_url")
            return []
        url = self.source.search_url.replace("{query}", quote_plus(self.query))
        return [self._listing_request(url, "search", 1)]

    def _request(self, url: str, callback, kind: str, **meta) -> scrapy.Request:
        # Discovery pages are fetched on every run (dont_filter), article pages once; on a
        # shared Redis frontier the shared filter keeps several crawlers from fetching a
        # listing twice (it is cleared when the crawl ends, so the next crawl sees it again).
        again = kind != "article" and not self.settings.getbool("NEWS_SHARED_FRONTIER")
        return scrapy.Request(url, callback=callback, errback=self.on_error,
                              dont_filter=again, meta={"news_kind": kind, **meta})

    def _listing_request(self, url: str, kind: str, depth: int,
                         section_depth: int = 0) -> scrapy.Request:
        self._listings_seen.add(canonicalise_url(url))
        return self._request(url, self.parse_listing, kind, listing_depth=depth,
                             section_depth=section_depth)

    def _article_request(self, url: str, published: str | None = None,
                         title: str | None = None) -> scrapy.Request | None:
        # A feed's date may be in another zone than the article's own: one day of slack.
        if self.since and published and published < _day_before(self.since):
            self.crawler.stats.inc_value("news/skipped_old")
            return None
        return self._request(url, self.parse_article, "article",
                             hint_published=published, hint_title=title)

    def parse_feed(self, response):
        self._count_page("feed")
        links = parse_feed(response.body, response.url)
        if not links:
            self._count_error("feed_empty_or_invalid", response.url)
        for link in links:
            if (request := self._article_request(link.url, link.published, link.title)):
                yield request

    def parse_sitemap(self, response):
        self._count_page("sitemap")
        sitemap = parse_sitemap(response.body, response.url)
        if not sitemap.links:
            self._count_error("sitemap_empty_or_invalid", response.url)
        if sitemap.is_index:
            yield from self._child_sitemaps(sitemap.links)
            return
        for link in sitemap.links:
            if (request := self._article_request(link.url, link.published, link.title)):
                yield request

    def _child_sitemaps(self, links):
        newest = sorted(links, key=lambda link: link.published or "", reverse=True)
        for link in newest[:MAX_SITEMAPS_PER_INDEX]:
            if self.since and link.published and link.published < self.since:
                self.crawler.stats.inc_value("news/skipped_old_sitemaps")
                continue
            if link.url not in self._sitemaps_seen:
                self._sitemaps_seen.add(link.url)
                yield self._request(link.url, self.parse_sitemap, "sitemap")

    def parse_listing(self, response):
        kind = response.meta.get("news_kind", "listing")
        self._count_page(kind)
        if not isinstance(response, TextResponse):
            return
        hrefs = response.css("a::attr(href)").getall()
        accept = self.source.is_article_link if self.source.article_url else looks_like_article_url
        for url in listing_links(hrefs, response.url, accept):
            if url not in self._listings_seen and (request := self._article_request(url)):
                yield request
        if kind != "search":
            yield from self._section_requests(response, hrefs, accept)
        if self._older_than_since(response):
            self.crawler.stats.inc_value("news/listing_paging_stopped_old")
            return
        if (request := self._next_listing(response, kind)):
            yield request

    def _section_requests(self, response, hrefs: list[str], accept):
        """The section and tag listings this listing links to, within the limits."""
        depth = response.meta.get("section_depth", 0)
        if depth >= self.settings.getint("NEWS_MAX_SECTION_DEPTH", 1):
            return
        limit = self.settings.getint("NEWS_MAX_SECTIONS", 30)
        for url in section_links(hrefs, response.url, accept):
            if self._sections >= limit:
                return
            if canonicalise_url(url) not in self._listings_seen:
                self._sections += 1
                yield self._listing_request(url, "section", 1, section_depth=depth + 1)

    def _older_than_since(self, response) -> bool:
        """True when `since` is set and the listing's newest date is before it."""
        if not self.since:
            return False
        try:
            doc = lxml.html.document_fromstring(response.text)
        except (etree.ParserError, ValueError):
            return False
        prune_boilerplate(doc)
        newest = newest_listing_date([t.get("datetime", "") for t in doc.iter("time")],
                                     doc.text_content())
        return newest is not None and newest < self.since

    def _next_listing(self, response, kind: str) -> scrapy.Request | None:
        depth = response.meta.get("listing_depth", 1)
        limit = self.settings.getint("NEWS_MAX_SEARCH_PAGES" if kind == "search"
                                     else "NEWS_MAX_LISTING_PAGES", 5)
        if depth >= limit:
            return None
        url = self._find_next(response)
        if url is None or canonicalise_url(url) in self._listings_seen:
            return None
        return self._listing_request(url, kind, depth + 1,
                                     response.meta.get("section_depth", 0))

    def _find_next(self, response) -> str | None:
        chosen = self.source.selectors.next
        if chosen:
            href = response.css(chosen).attrib.get("href")
            return response.urljoin(href) if href else None
        anchors = [(node.attrib.get("href", ""), " ".join(node.css("::text").getall()),
                    f"{node.attrib.get('rel', '')} {node.attrib.get('class', '')}")
                   for node in response.css("link[rel=next], a")]
        return next_page(anchors, response.url)

    # ------------------------------------------------------------ articles

    def parse_article(self, response):
        self._count_page("article")
        if not isinstance(response, TextResponse):
            return self._count_non_article("not_html", response.url)
        examination = examine_page(response.text, response.url, self.source)
        if examination.article is None:
            return self._count_non_article(examination.reason, response.url)
        article = replace(examination.article, encoding=response.encoding)
        return self._item(article, response)

    def _item(self, article, response) -> ArticleItem:
        published = article.published or response.meta.get("hint_published")
        origin = dict(article.origin)
        if not article.published and published:
            origin["published"] = "feed"
        return ArticleItem(
            url=article.url, fetched_url=response.url, source=self.source.id,
            country=self.source.country, title=article.title, text=article.text,
            published=published, author=article.author, encoding=article.encoding,
            fetched_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
            origin=origin, published_at=article.published_at)

    def _count_non_article(self, reason: str, url: str) -> None:
        self.crawler.stats.inc_value("news/non_articles")
        self.crawler.stats.inc_value(f"news/non_articles/{reason}")
        self.logger.info("not an article (%s): %s", reason, url)

    # ------------------------------------------------------------ bookkeeping

    def _count_page(self, kind: str) -> None:
        self.crawler.stats.inc_value("news/pages_seen")
        self.crawler.stats.inc_value(f"news/pages_seen/{kind}")

    def _count_error(self, kind: str, url: str, detail: str = "") -> None:
        self.crawler.stats.inc_value("news/errors")
        self.crawler.stats.inc_value(f"news/errors/{kind}")
        self.logger.warning("%s: %s %s", kind, url, detail)

    def on_error(self, failure):
        """Errback of every request: log and count the failure by kind, never raise."""
        request = failure.request
        kind, detail = classify_failure(failure)
        if kind == "robots_disallowed":
            self.crawler.stats.inc_value("news/robots_disallowed")
            self.logger.info("robots.txt forbids %s", request.url)
            return
        if kind == "already_stored":  # counted as skipped_known by the middleware
            self.logger.debug("%s", detail)
            return
        if kind.startswith("http_"):
            self._count_page(request.meta.get("news_kind", "article"))
        self._count_error(kind, request.url, detail)
