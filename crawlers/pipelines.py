"""Crawl item pipelines: Validate -> Dedup -> Store, the last step of a crawl.

Enabled in crawlers/settings.py (ITEM_PIPELINES). Each does one thing; an item that
must not be stored is dropped with `DropItem` (logged at INFO and counted in the
crawl's stats under news/dropped/<reason>), never failing the crawl.
  * `ValidatePipeline`: a title and a body are required; a malformed date is cleared;
    articles published before the run's `since` date are dropped;
  * `DedupPipeline`: drops an article already stored (its final URL, after redirects,
    may differ from the link followed) or already seen in this run (same canonical
    URL or same content hash);
  * `StorePipeline`: writes through `timeline.store.store_article`, which dedups
    again by URL and content hash against the database; with `--refresh` a changed
    article is stored as a new version (`articles_updated`), an unchanged one skipped.
"""

from __future__ import annotations

import logging

from scrapy.exceptions import DropItem

from core.vocabulary import is_iso_day
from crawlers.items import ArticleItem
from nlp.normalise import content_hash

logger = logging.getLogger(__name__)


def drop_item(crawler, reason: str, message: str) -> DropItem:
    """A `DropItem` for `reason`, counted under news/dropped/<reason> (logged at INFO)."""
    crawler.stats.inc_value(f"news/dropped/{reason}")
    return DropItem(message, log_level="INFO")


class ValidatePipeline:
    """Drop items without a title or body, or published before `NEWS_SINCE`."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.since = crawler.settings.get("NEWS_SINCE")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if not (item.title or "").strip() or not (item.text or "").strip():
            raise drop_item(self.crawler, "incomplete", f"no title or body: {item.url}")
        if item.published and not is_iso_day(item.published):
            item.published = None
        if self.since and item.published and item.published < self.since:
            self.crawler.stats.inc_value("news/skipped_old")
            raise drop_item(self.crawler, "too_old",
                        f"published {item.published}, before {self.since}: {item.url}")
        return item


class DedupPipeline:
    """Drop articles already stored, or already seen in this run."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.refresh = crawler.settings.getbool("NEWS_REFRESH")
        self.urls: set[str] = set()
        self.hashes: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        known = getattr(self.crawler.spider, "known_urls", ())
        if not self.refresh and item.url in known:
            self.crawler.stats.inc_value("news/skipped_known")
            raise drop_item(self.crawler, "known", f"already stored: {item.url}")
        digest = content_hash(item.text)
        if item.url in self.urls or digest in self.hashes:
            self.crawler.stats.inc_value("news/duplicates")
            raise drop_item(self.crawler, "duplicate", f"already seen in this run: {item.url}")
        self.urls.add(item.url)
        self.hashes.add(digest)
        return item
