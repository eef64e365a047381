"""Crawl item pipelines: Validate -> Store, the last step of a crawl.

Enabled in crawlers/settings.py (ITEM_PIPELINES). Each does one thing; an item that
must not be stored is dropped with `DropItem` (logged at INFO and counted in the
crawl's stats under news/dropped/<reason>), never failing the crawl.
  * `ValidatePipeline`: a title and a body are required; a malformed date is cleared;
    articles published before the run's `since` date are dropped;
  * `timeline.crawl_store.StorePipeline` (plugged in by name, so that no crawler module
    imports the storage): writes through `timeline.store.store_article`, where the
    schema's UNIQUE(url) and UNIQUE(content_hash) decide what is new: an article already
    stored, in this run or an earlier one, under its URL or with the same text, is
    counted as a duplicate; with `--refresh` a changed article is stored as a new version
    (`articles_updated`), an unchanged one skipped.
    A Redis crawl replaces it with `crawlers.redis_items.RedisItemPipeline`.
"""

from __future__ import annotations

import logging

from scrapy.exceptions import DropItem

from core.vocabulary import is_iso_day
from crawlers.items import ArticleItem

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
