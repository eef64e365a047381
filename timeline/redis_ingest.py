"""Stage "ingest" from the shared crawl: drain the Redis list of crawled articles into SQLite.

Crawlers started with `--redis URL` (crawlers/redis_frontier.py) never write the database;
they push each new article as JSON to the list `<prefix>:items`. This module is the one
writer: `python pipeline.py ingest --from-redis URL` takes the list in batches, stores each
batch in one transaction through `timeline.store.store_article` (which dedups by URL and
content hash), and only then removes the batch from the list. A writer stopped at any
point loses nothing and, run again, stores nothing twice. A Redis lock makes sure there is
one writer at a time. An item that cannot be stored (bad JSON, no text, a malformed date)
is logged, counted and moved to `<prefix>:items:failed`, never dropped silently.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

import sqlite_utils

from core.errors import PipelineError
from crawlers.redis_frontier import DEFAULT_PREFIX, FrontierError, Keys, connect
from timeline.store import known_urls, store_article

log = logging.getLogger(__name__)
BATCH_SIZE = 200


class RedisIngestError(PipelineError):
    """Redis cannot be reached, or another writer is draining the list."""

    code = "E131"


@dataclass
class DrainSummary:
    added: int = 0
    duplicates: int = 0
    failed: int = 0
    batches: int = 0
    errors: list[str] = field(default_factory=list)


def drain_items(db: sqlite_utils.Database, url: str, *, prefix: str = DEFAULT_PREFIX,
                batch_size: int = BATCH_SIZE) -> DrainSummary:
    """Store every article waiting in Redis; see the module docstring."""
    try:
        client = connect(url)
    except FrontierError as error:
        raise RedisIngestError(str(error)) from error
    keys = Keys(prefix)
    lock = client.lock(keys.writer_lock, timeout=600, blocking_timeout=0)
    if not lock.acquire(blocking=False):
        raise RedisIngestError(f"another writer is draining {keys.items} (lock {keys.writer_lock})")
    try:
        remember_stored(client, keys, db)
        summary = DrainSummary()
        while batch := client.lrange(keys.items, 0, batch_size - 1):
            failed = _store_batch(db, batch, summary)
            with client.pipeline(transaction=True) as pipe:
                if failed:
                    pipe.rpush(keys.failed_items, *failed)
                pipe.ltrim(keys.items, len(batch), -1)
                pipe.execute()
            summary.batches += 1
            lock.reacquire()
        return summary
    finally:
        lock.release()


def _store_batch(db, batch: list[bytes], summary: DrainSummary) -> list[bytes]:
    """Store one batch in one transaction; return the raw items that failed."""
    failed = []
    with db.atomic():
        for raw in batch:
            try:
                item = _parse(raw)
                result = store_article(
                    db, url=item["url"], text=item["text"], title=item.get("title"),
                    published=item.get("published"), source=item.get("source"),
                    fetched_at=item.get("fetched_at"), author=item.get("author"),
                    country=item.get("country"))
            except (ValueError, KeyError, TypeError) as error:
                failed.append(raw)
                summary.failed += 1
                summary.errors.append(f"item {raw[:80]!r}: {error}")
                log.warning("cannot store a crawled item: %s", error)
                continue
            summary.added += result.created
            summary.duplicates += not result.created
    return failed


def _parse(raw: bytes) -> dict:
    item = json.loads(raw)  # JSONDecodeError is a ValueError
    if not isinstance(item, dict) or not str(item.get("url") or "").strip() \
            or not str(item.get("text") or "").strip():
        raise ValueError("an item needs a url and a text")
    return item


def remember_stored(client, keys: Keys, db, chunk: int = 5000) -> None:
    """Add the database's article URLs to the shared seen-URL set, so crawlers skip
    articles stored before the crawl went distributed (or through `ingest` of files)."""
    urls = sorted(known_urls(db))
    for start in range(0, len(urls), chunk):
        client.sadd(keys.seen, *urls[start:start + chunk])
