"""Stage "store": write articles, and an article's extraction, into the timeline database.

`store_article` is the one way articles enter the database (local ingest and the
crawler both call it): the URL is unique and the content is hashed, so the same article
stored twice, under another URL or from another file, is kept once.
`store_extraction` replaces one article's mentions and event sources in a single
transaction, so processing an article again changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlite_utils

from nlp.normalise import normalise_text

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_PROCLITICS = re.compile(r"^(?:[وف])?(?:[بلك])?(?:ال)?")


def search_form(text: str) -> str:
    """What the full-text index holds of `text`: normalised words without proclitics or
    article ("بالأشخاص" -> "اشخاص"), so every spelling and attached form meets."""
    words = []
    for word in _WORD.findall(normalise_text(text)):
        stem = _PROCLITICS.sub("", word)
        words.append(stem if len(stem) >= 3 else word)
    return " ".join(words)


def now_iso() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def content_hash(text: str) -> str:
    """Hash of the article's normalised words: spelling and spacing differences vanish."""
    words = _SPACE.sub(" ", normalise_text(text)).strip()
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalise_published(value: str | None) -> str | None:
    """A publication date as ISO "YYYY-MM-DD" (or "YYYY-MM", "YYYY"); a datetime keeps
    its date. Raises ValueError for anything else, naming the value."""
    if value is None or not str(value).strip():
        return None
    found = _ISO_DATE.match(str(value).strip())
    if not found:
        raise ValueError(f"publication date {value!r} is not an ISO date (YYYY-MM-DD)")
    text = found.group(0)
    datetime.strptime(text, {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}[len(text)])  # a real date
    return text


@dataclass(frozen=True)
class StoreResult:
    article_id: int
    created: bool
    reason: str = ""  # why nothing was added: "same url" or "same content"


def store_article(db: sqlite_utils.Database, *, url: str, text: str, title: str | None = None,
                  published: str | None = None, source: str | None = None,
                  fetched_at: str | None = None, author: str | None = None,
                  country: str | None = None) -> StoreResult:
    """Add one article unless its URL or its content is already stored.

    Raises ValueError when `published` is not an ISO date."""
    published = normalise_published(published)
    digest = content_hash(text)
    try:
        return _insert_article(db, url, text, digest, title, published, source, fetched_at,
                               author, country)
    except sqlite3.IntegrityError:  # the schema's UNIQUE url / content_hash: stored already
        for column, reason in (("url", "same url"), ("content_hash", "same content")):
            row = next(db.query(f"SELECT id FROM articles WHERE {column} = ?",
                                [url if column == "url" else digest]), None)
            if row:
                return StoreResult(row["id"], False, reason)
        raise


def _insert_article(db, url, text, digest, title, published, source, fetched_at, author,
                    country) -> StoreResult:
    with db.atomic():
        table = db["articles"].insert({
            "url": url, "source": source, "title": title, "published": published,
            "text": text, "content_hash": digest, "fetched_at": fetched_at or now_iso(),
            "author": author, "country": country,
        })
        article_id = table.last_pk
        db.execute("INSERT INTO articles_search(rowid, title, text) VALUES (?, ?, ?)",
                   [article_id, search_form(title or ""), search_form(text)])
    return StoreResult(article_id, True)


def known_urls(db: sqlite_utils.Database) -> set[str]:
    """Every article URL already stored (the crawler skips these)."""
    return {row["url"] for row in db.query("SELECT url FROM articles")}


def search_articles(db: sqlite_utils.Database, query: str, limit: int = 20) -> list[dict]:
    """Full-text search whatever the hamza, alef, ya, ta marbuta or diacritics."""
    words = search_form(query).split()
    if not words:
        return []
    match = " ".join('"' + w.replace('"', '') + '"' for w in words)
    return list(db.query(
        "SELECT a.id, a.url, a.title, a.published FROM articles_search s "
        "JOIN articles a ON a.id = s.rowid WHERE articles_search MATCH ? "
        "ORDER BY rank LIMIT ?", [match, limit]))


@contextmanager
def recorded_run(db: sqlite_utils.Database, command: str):
    """Log one run of a command in the `runs` table, for the monitoring jobs: yields a
    dict the caller fills with ok/failed/skipped counts and details; written even when
    the run fails."""
    record = {"ok": 0, "failed": 0, "skipped": 0, "details": {}}
    started = now_iso()
    try:
        yield record
    except Exception as error:
        record["details"]["error"] = str(error)
        raise
    finally:
        db["runs"].insert({"command": command, "started_at": started, "finished_at": now_iso(),
                           "ok": record["ok"], "failed": record["failed"],
                           "skipped": record["skipped"],
                           "details": json.dumps(record["details"], ensure_ascii=False)})
