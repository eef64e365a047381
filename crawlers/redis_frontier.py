"""Crawl on several machines: one shared frontier in Redis (scrapy-redis), items to a list.

Switched on by `python pipeline.py crawl --redis redis://HOST:PORT/N` (or
`python -m crawlers.run --redis URL`); without it nothing here is loaded and a crawl
runs exactly as on one machine. `configure(settings, url)` sets the run up:

  * scheduler: scrapy-redis' scheduler with one request queue and one duplicate filter
    per source in Redis, kept when a crawler stops (SCHEDULER_PERSIST), so that any number
    of crawler processes share the frontier and a stopped crawl resumes anywhere. Requests
    are told apart by the crawl's one identity rule (`crawlers/fingerprint.py`, the
    canonical URL), in the shared filter (`FrontierDupeFilter`) as on one machine;
  * seen URLs: the canonical URLs (and content hashes) of every article handed to the
    writer live in Redis sets; the spider's `known_urls` is a view of that set, so the
    existing middlewares skip them whichever process asks;
  * seeding: only the first process of a crawl sends the discovery requests (feeds,
    sitemaps, listings); the others, and a process restarted after a stop, work through
    the shared queue (`FrontierSeedMiddleware`);
  * politeness: `redis_politeness.DomainSlotMiddleware` takes a per-domain slot in Redis before every
    download: at most CONCURRENT_REQUESTS_PER_DOMAIN downloads at once and one start per
    DOWNLOAD_DELAY per domain, counted over all processes;
  * items: `redis_items.RedisItemPipeline` pushes each new article as JSON to a Redis list instead of
    writing SQLite; `python pipeline.py ingest --from-redis URL` (timeline/redis_ingest.py)
    is the one writer that drains it;
  * end of a crawl: `FrontierCoordinator` keeps an idle process open while the queue has
    requests or another process is still busy; the last process to finish clears the
    source's queue, filter and seed mark, as a finished single-machine crawl clears its
    JOBDIR (the seen-URL set stays: stored articles are never fetched again).

A process stopped with Ctrl-C or SIGTERM finishes the requests in hand. One killed outright
(SIGKILL, a crash) leaves them in its in-flight hash (`ReliableQueue`: a request is taken
from the queue and filed there in one step, and forgotten once the engine has handled it);
when its heartbeat has expired, another process (or the restarted one) puts them back,
except those whose article was already handed to the writer.
"""

from __future__ import annotations

import logging
import time
import uuid

import redis
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from crawlers.fingerprint import CanonicalFingerprinter

logger = logging.getLogger(__name__)
DEFAULT_PREFIX = "news"
WORKER_TTL = 30  # seconds a crawler process counts as alive after its last heartbeat


class FrontierError(RuntimeError):
    """Redis cannot be reached or the URL is not a redis:// URL."""


# ------------------------------------------------------------------ keys and client

class Keys:
    """The Redis key names of one deployment (prefix) and, per source, of its frontier."""

    def __init__(self, prefix: str = DEFAULT_PREFIX):
        self.prefix = prefix
        self.items = f"{prefix}:items"  # JSON articles for the writer
        self.failed_items = f"{prefix}:items:failed"  # what the writer could not store
        self.seen = f"{prefix}:seen"  # canonical URLs of articles handed to the writer
        self.hashes = f"{prefix}:hashes"  # their content hashes
        self.writer_lock = f"{prefix}:writer"

    def source(self, source_id: str, part: str) -> str:
        return f"{self.prefix}:{source_id}:{part}"

    def domain(self, host: str) -> str:
        return f"{self.prefix}:domain:{host}"


def connect(url: str) -> redis.Redis:
    """A client for `url`, checked with PING; FrontierError says what is wrong."""
    if not str(url).startswith(("redis://", "rediss://", "unix://")):
        raise FrontierError(f"--redis wants a URL like redis://127.0.0.1:6379/0, got {url!r}")
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5)
        client.ping()
    except (redis.RedisError, ValueError) as error:
        raise FrontierError(f"cannot reach Redis at {url}: {error}") from error
    return client


def redis_client(settings) -> redis.Redis:
    return redis.Redis.from_url(settings.get("REDIS_URL"))


def redis_keys(settings) -> Keys:
    return Keys(settings.get("NEWS_REDIS_PREFIX") or DEFAULT_PREFIX)


class RedisUrlSet:
    """`url in known_urls` answered by the shared seen-URL set (what the middlewares ask)."""

    def __init__(self, client: redis.Redis, key: str):
        self.client, self.key = client, key

    def __contains__(self, url) -> bool:
        return bool(self.client.sismember(self.key, url))

    def __len__(self) -> int:
        return int(self.client.scard(self.key))


def configure(settings, url: str, prefix: str = DEFAULT_PREFIX) -> RedisUrlSet:
    """Turn a crawl's settings into a Redis-frontier crawl; return the seen-URL view."""
    client = connect(url)
    settings.set("REDIS_URL", url, priority="cmdline")
    settings.set("NEWS_REDIS_PREFIX", prefix, priority="cmdline")
    settings.set("SCHEDULER", "crawlers.redis_frontier.FrontierScheduler", priority="cmdline")
    settings.set("SCHEDULER_PERSIST", True, priority="cmdline")
    settings.set("NEWS_SHARED_FRONTIER", True, priority="cmdline")
    # A process takes from the shared queue only what it can download at once, so the
    # other processes get their share (a crawler is one source, mostly one domain).
    settings.set("CONCURRENT_REQUESTS", min(settings.getint("CONCURRENT_REQUESTS"),
                                            settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")),
                 priority="cmdline")
    settings.set("DUPEFILTER_CLASS", "crawlers.redis_frontier.FrontierDupeFilter",
                 priority="cmdline")
    _add(settings, "DOWNLOADER_MIDDLEWARES",
         {"crawlers.redis_politeness.DomainSlotMiddleware": 950})
    _add(settings, "SPIDER_MIDDLEWARES", {"crawlers.redis_frontier.FrontierSeedMiddleware": 50})
    _add(settings, "ITEM_PIPELINES", {"timeline.crawl_store.StorePipeline": None,
                                      "crawlers.redis_items.RedisItemPipeline": 300})
    _add(settings, "EXTENSIONS", {"crawlers.redis_frontier.FrontierCoordinator": 500})
    return RedisUrlSet(client, Keys(prefix).seen)


def _add(settings, name: str, entries: dict) -> None:
    merged = dict(settings.getdict(name))
    merged.update(entries)
    settings.set(name, merged, priority="cmdline")


# ------------------------------------------------------------------ scheduler

# KEYS: queue, in-flight hash; ARGV: ticket. Takes the best request and files it as in
# flight, in one step, so that a process killed now does not lose it.
_TAKE_REQUEST = """
local top = redis.call('ZRANGE', KEYS[1], 0, 0)
if #top == 0 then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
redis.call('HSET', KEYS[2], ARGV[1], top[1])
return top[1]
"""

# KEYS: a dead process's in-flight hash, this process's. Moves every entry; returns them.
_ADOPT = """
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do redis.call('HSET', KEYS[2], entries[i], entries[i + 1]) end
redis.call('DEL', KEYS[1])
return entries
"""


class ReliableQueue(PriorityQueue):
    """scrapy-redis' priority queue; a taken request stays in this process's in-flight
    hash until it has been handled, so a killed process's requests can be put back."""

    def __init__(self, server, spider, key, serializer=None, inflight=None):
        super().__init__(server, spider, key, serializer)
        self.inflight = inflight
        self.taken: dict[str, object] = {}  # ticket -> request, until handled
        self.take = server.register_script(_TAKE_REQUEST)

    def pop(self, timeout=0):
        ticket = uuid.uuid4().hex
        data = self.take(keys=[self.key, self.inflight], args=[ticket])
        if not data:
            return None
        request = self._decode_request(data)
        request.meta["frontier_ticket"] = ticket
        self.taken[ticket] = request
        return request

    def settle(self, in_progress) -> None:
        """Forget the requests that are no longer in the engine's hands."""
        done = [ticket for ticket, request in self.taken.items() if request not in in_progress]
        if done:
            self.server.hdel(self.inflight, *done)
            for ticket in done:
                del self.taken[ticket]


class FrontierDupeFilter(RFPDupeFilter):
    """scrapy-redis' shared duplicate filter hashing the crawl's one request identity
    (`crawlers.fingerprint`), not w3lib's bare canonical URL."""

    _fingerprinter = CanonicalFingerprinter()

    def request_fingerprint(self, request) -> str:
        return self._fingerprinter.fingerprint(request).hex()


class FrontierScheduler(Scheduler):
    """scrapy-redis' scheduler with the queue and duplicate filter of the spider's source."""

    def open(self, spider):
        keys = redis_keys(spider.settings)
        self.spider = spider
        self.keys = keys
        self.queue = ReliableQueue(
            self.server, spider, keys.source(spider.source.id, "requests"), self.serializer,
            inflight=keys.source(spider.source.id, f"inflight:{worker_id(spider.crawler)}"))
        self.df = FrontierDupeFilter(
            self.server, key=keys.source(spider.source.id, "dupefilter"),
            debug=spider.settings.getbool("DUPEFILTER_DEBUG"))
        self.adopt = self.server.register_script(_ADOPT)
        self.recover()
        if len(self.queue):
            spider.crawler.stats.set_value("news/frontier_resumed", len(self.queue))
            logger.info("%s: resuming the shared frontier (%d requests waiting)",
                        spider.source.id, len(self.queue))

    @classmethod
    def from_crawler(cls, crawler):
        scheduler = super().from_crawler(crawler)
        scheduler.crawler_stats, scheduler.stats = crawler.stats, None  # counted below
        return scheduler

    def enqueue_request(self, request):
        added = super().enqueue_request(request)
        if added:
            self.crawler_stats.inc_value("scheduler/enqueued/redis")
        return added

    def next_request(self):
        request = super().next_request()
        if request is not None:
            self.crawler_stats.inc_value("scheduler/dequeued/redis")
        return request

    def close(self, reason):
        # Closing waits for the requests in hand (Ctrl-C, SIGTERM, --max-pages): none is left.
        self.server.delete(self.queue.inflight)

    def recover(self) -> int:
        """Put back the in-flight requests of processes that died (no heartbeat)."""
        source = self.spider.source.id
        recovered = 0
        for key in self.server.scan_iter(self.keys.source(source, "inflight:*")):
            worker = key.decode().rsplit(":", 1)[1]
            if self.server.exists(self.keys.source(source, f"workers:{worker}")):
                continue
            # Adopted into this process's own in-flight hash in one step: no other process
            # takes them too, and if this one dies now they are still recoverable.
            for ticket, data in _pairs(self.adopt(keys=[key, self.queue.inflight])):
                request = self.queue._decode_request(data)
                url = request.meta.get("canonical_url")
                if not (url and self.server.sismember(self.keys.seen, url)):
                    self.queue.push(request)  # unless its article was already handed over
                    recovered += 1
                self.server.hdel(self.queue.inflight, ticket)
        if recovered:
            self.crawler_stats.inc_value("news/frontier_recovered", recovered)
            logger.info("%s: %d requests of a stopped crawler put back in the queue",
                        source, recovered)
        return recovered


def _pairs(flat: list) -> list[tuple]:
    return list(zip(flat[0::2], flat[1::2]))


def worker_id(crawler) -> str:
    """This crawler's name in Redis (heartbeat and in-flight keys)."""
    if not getattr(crawler, "frontier_worker", None):
        crawler.frontier_worker = uuid.uuid4().hex[:12]
    return crawler.frontier_worker


# ------------------------------------------------------------------ coordination

class FrontierCoordinator:
    """Heartbeat of this process per source; wait for the others; clean up at the end."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.client = redis_client(crawler.settings)
        self.keys = redis_keys(crawler.settings)
        self.ttl = crawler.settings.getint("NEWS_REDIS_WORKER_TTL", WORKER_TTL)
        self.worker = worker_id(crawler)
        self.state = "busy"
        self.task = None

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler)
        crawler.signals.connect(extension.opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.idle, signal=signals.spider_idle)
        crawler.signals.connect(extension.busy, signal=signals.request_reached_downloader)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def _worker_key(self, worker: str | None = None) -> str:
        return self.keys.source(self.crawler.spider.source.id, f"workers:{worker or self.worker}")

    def _beat(self) -> None:
        self.client.set(self._worker_key(), self.state, ex=self.ttl)
        scheduler = self._scheduler()
        if isinstance(scheduler, FrontierScheduler):  # the engine's requests in hand
            scheduler.queue.settle(self.crawler.engine._slot.inprogress)

    def _scheduler(self):
        slot = getattr(self.crawler.engine, "_slot", None)
        return slot.scheduler if slot is not None else None

    def opened(self, spider) -> None:
        self._beat()
        from twisted.internet import task
        self.task = task.LoopingCall(self._beat)
        self.task.start(min(self.ttl / 3, 1.0), now=False)

    def busy(self, request, spider) -> None:
        if self.state != "busy":
            self.state = "busy"
            self._beat()

    def others_busy(self) -> bool:
        pattern = self._worker_key("*")
        mine = self._worker_key().encode()
        return any(key != mine and self.client.get(key) == b"busy"
                   for key in self.client.scan_iter(pattern))

    def idle(self, spider) -> None:
        self.state = "idle"
        self._beat()
        scheduler = self._scheduler()
        if isinstance(scheduler, FrontierScheduler) and scheduler.recover():
            raise DontCloseSpider("requests of a stopped crawler were put back")
        if self.client.zcard(self.keys.source(spider.source.id, "requests")):
            raise DontCloseSpider("requests are waiting in the shared queue")
        if self.others_busy():
            raise DontCloseSpider("another crawler process is still working on this source")

    def closed(self, spider, reason) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        self.client.delete(self._worker_key())
        if reason != "finished" or any(True for _ in self.client.scan_iter(self._worker_key("*"))):
            return
        source = spider.source.id  # the last one out: the crawl is over, as a JOBDIR cleared
        self.client.delete(*(self.keys.source(source, part)
                             for part in ("requests", "dupefilter", "seeded")))
        logger.info("frontier of %s finished and cleared", source)


class FrontierSeedMiddleware:
    """Only the first process of a crawl sends the discovery requests."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.client = redis_client(crawler.settings)
        self.keys = redis_keys(crawler.settings)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_start(self, start):
        spider = self.crawler.spider
        key = self.keys.source(spider.source.id, "seeded")
        if self.client.set(key, time.time(), nx=True):
            async for item_or_request in start:
                yield item_or_request
            return
        self.crawler.stats.set_value("news/frontier_joined", 1)
        logger.info("%s: joining the shared frontier (already seeded)", spider.source.id)
