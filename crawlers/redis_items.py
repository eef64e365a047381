"""The end of a distributed crawl's item pipelines: hand new articles to the writer via Redis.

Enabled by `crawlers.redis_frontier.configure` in place of `StorePipeline`: crawlers started
with `--redis` never write SQLite. Each new article is pushed as JSON to `<prefix>:items`
for `python pipeline.py ingest --from-redis` (timeline/redis_ingest.py), and its canonical
URL and content hash are added to the shared seen sets, all in one Lua step, so two
crawlers that meet one story (under one URL or two) hand it over once.
"""

from __future__ import annotations

import json
import logging

import redis
from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from crawlers.redis_frontier import redis_client, redis_keys
from nlp.normalise import content_hash

logger = logging.getLogger(__name__)

# KEYS: seen, hashes, items; ARGV: url, hash, json, refresh. 1 pushed, 0 same URL,
# -1 same content.
_PUSH_ITEM = """
if ARGV[4] ~= '1' then
  if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 0 end
  if redis.call('SISMEMBER', KEYS[2], ARGV[2]) == 1 then return -1 end
end
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('SADD', KEYS[2], ARGV[2])
redis.call('RPUSH', KEYS[3], ARGV[3])
return 1
"""


def item_json(item) -> str:
    return json.dumps(ItemAdapter(item).asdict(), ensure_ascii=False)


class RedisItemPipeline:
    """Hand new articles to the writer through the Redis list (never SQLite)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.keys = redis_keys(crawler.settings)
        self.refresh = crawler.settings.getbool("NEWS_REFRESH")
        self.push = redis_client(crawler.settings).register_script(_PUSH_ITEM)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        stats = self.crawler.stats
        try:
            outcome = self.push(keys=[self.keys.seen, self.keys.hashes, self.keys.items],
                                args=[item.url, content_hash(item.text), item_json(item),
                                      "1" if self.refresh else "0"])
        except redis.RedisError as error:
            stats.inc_value("news/errors")
            stats.inc_value("news/errors/store_failed")
            logger.error("could not queue %s for the writer: %s", item.url, error)
            raise DropItem(f"Redis failed: {item.url}", log_level="INFO") from error
        if outcome == 1:
            stats.inc_value("news/articles_stored")
            return item
        reason = "same_url" if outcome == 0 else "same_content"
        stats.inc_value("news/duplicates")
        stats.inc_value(f"news/duplicates/{reason}")
        raise DropItem(f"another crawler has it ({reason}): {item.url}", log_level="INFO")
