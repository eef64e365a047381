"""Politeness of a distributed crawl: per-domain slots shared by every crawler process.

Enabled by `crawlers.redis_frontier.configure` (crawls started with `--redis`). Scrapy's
own per-domain limits (CONCURRENT_REQUESTS_PER_DOMAIN, DOWNLOAD_DELAY, AutoThrottle) hold
inside one process; `DomainSlotMiddleware` makes them hold over all processes: before each
download it takes a slot of the domain in Redis, in one Lua step (a sorted set of leases
caps the downloads in flight at CONCURRENT_REQUESTS_PER_DOMAIN; a "next start" time spaces
the starts by DOWNLOAD_DELAY), and it gives the slot back when the answer or the error
comes. A lease lapses by itself (4 x DOWNLOAD_TIMEOUT) if its process dies.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from urllib.parse import urlsplit

import redis

from crawlers.redis_frontier import Keys, redis_client, redis_keys

# KEYS[1] domain key; ARGV: now, limit, delay, token, lease. Returns 0 when the slot is
# taken, else the seconds to wait before asking again.
_TAKE_SLOT = """
local busy = KEYS[1] .. ':busy'
local nextkey = KEYS[1] .. ':next'
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', busy, '-inf', now)
if redis.call('ZCARD', busy) >= tonumber(ARGV[2]) then return '0.05' end
local start = tonumber(redis.call('GET', nextkey) or '0')
if start > now then return tostring(start - now) end
redis.call('SET', nextkey, tostring(now + tonumber(ARGV[3])), 'EX', 3600)
redis.call('ZADD', busy, now + tonumber(ARGV[5]), ARGV[4])
redis.call('EXPIRE', busy, 3600)
return '0'
"""


class DomainLimiter:
    """Per-domain slots shared by every process: a concurrency cap and a start spacing."""

    def __init__(self, client: redis.Redis, keys: Keys, limit: int, delay: float,
                 lease: float = 120.0):
        self.client, self.keys = client, keys
        self.limit, self.delay, self.lease = max(limit, 1), max(delay, 0.0), lease
        self.script = client.register_script(_TAKE_SLOT)

    def try_take(self, host: str, token: str) -> float:
        """0 when `token` now holds a slot of `host`; else seconds to wait."""
        wait = self.script(keys=[self.keys.domain(host)],
                           args=[time.time(), self.limit, self.delay, token, self.lease])
        return float(wait)

    def release(self, host: str, token: str) -> None:
        self.client.zrem(self.keys.domain(host) + ":busy", token)


class DomainSlotMiddleware:
    """Take the domain's shared slot before a download, give it back after."""

    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.limiter = DomainLimiter(redis_client(settings), redis_keys(settings),
                                     settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN", 2),
                                     settings.getfloat("DOWNLOAD_DELAY", 0.0),
                                     lease=settings.getfloat("DOWNLOAD_TIMEOUT", 30) * 4)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_request(self, request):
        host = urlsplit(request.url).netloc
        token = uuid.uuid4().hex
        waited = 0.0
        while (wait := self.limiter.try_take(host, token)) > 0:
            waited += wait
            await asyncio.sleep(min(wait, 1.0))
        if waited:
            self.crawler.stats.inc_value("news/frontier_domain_waits")
        request.meta["domain_slot"] = (host, token)

    def process_response(self, request, response):
        self._release(request)
        return response

    def process_exception(self, request, exception):
        self._release(request)

    def _release(self, request) -> None:
        slot = request.meta.pop("domain_slot", None)
        if slot:
            self.limiter.release(*slot)


