"""Stage "store" of a crawl: the item pipeline that writes crawled articles into the
timeline database, plugged into the crawl by name (crawlers/settings.py, ITEM_PIPELINES)
so that no crawler module imports the storage.

`StorePipeline` writes through `timeline.store.store_article`, whose UNIQUE url and
content hash decide what is new; when it opens it gives the spider the URLs already
stored, so that the crawl does not fetch them again (unless `--refresh`).
"""

from __future__ import annotations

import logging
import sqlite3

from crawlers.pipelines import drop_item as _drop
from timeline.db import open_db
from timeline.store import known_urls, store_article

logger = logging.getLogger(__name__)


class StorePipeline:
    """Write articles to the timeline database (`NEWS_DB`)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.path = crawler.settings.get("NEWS_DB")
        self.refresh = crawler.settings.getbool("NEWS_REFRESH")
        self.db = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        self.db = open_db(self.path)
        spider = self.crawler.spider
        if spider is not None and not getattr(spider, "known_urls", None):
            spider.known_urls = frozenset(known_urls(self.db))

    def close_spider(self) -> None:
        if self.db is not None:
            self.db.close()

    def process_item(self, item):
        try:
            result = store_article(
                self.db, url=item.url, text=item.text, title=item.title,
                published=item.published, source=item.source, fetched_at=item.fetched_at,
                author=item.author, country=item.country, published_at=item.published_at,
                refresh=self.refresh)
        except sqlite3.Error as error:  # a locked or full database: count it, go on
            self.crawler.stats.inc_value("news/errors")
            self.crawler.stats.inc_value("news/errors/store_failed")
            logger.error("could not store %s: %s", item.url, error)
            raise _drop(self.crawler, "store_failed", f"store failed: {item.url}") from error
        if result.created:
            self.crawler.stats.inc_value("news/articles_stored")
        elif result.updated:
            self.crawler.stats.inc_value("news/articles_updated")
        elif result.reason == "unchanged":
            self.crawler.stats.inc_value("news/unchanged")
        else:
            self.crawler.stats.inc_value("news/duplicates")
            self.crawler.stats.inc_value(f"news/duplicates/{result.reason.replace(' ', '_')}")
        return item


def load_known_urls(db_path) -> frozenset[str]:
    """The article URLs already in the database (the spider skips them)."""
    db = open_db(db_path)
    try:
        return frozenset(known_urls(db))
    finally:
        db.close()
