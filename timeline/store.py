"""Stage "store": write articles, and an article's extraction, into the timeline database.

`store_article` is the one way articles enter the database (local ingest and the
crawler both call it): the URL is unique and the content is hashed, so the same article
stored twice, under another URL or from another file, is kept once.
`store_extraction` replaces one article's mentions and event sources in a single
transaction, so processing an article again changes nothing.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlite_utils

from nlp.normalise import content_hash, normalise_text

# C0 controls but tab, newline and carriage return; DEL; C1 controls; non-characters.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def without_control_characters(text: str | None) -> str | None:
    """`text` with NUL and the other control characters each replaced by one space, so
    that every offset into the original (a .txt file, a mention's span) still holds."""
    return _CONTROL.sub(" ", text) if text else text
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
    return datetime.now(UTC).replace(microsecond=0).isoformat()




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
    reason: str = ""  # why nothing was added: "same url", "same content", "unchanged"
    updated: bool = False  # refresh: the stored article changed and got a new version


def store_article(db: sqlite_utils.Database, *, url: str, text: str, title: str | None = None,
                  published: str | None = None, source: str | None = None,
                  fetched_at: str | None = None, author: str | None = None,
                  country: str | None = None, published_at: str | None = None,
                  refresh: bool = False) -> StoreResult:
    """Add one article unless its URL or its content is already stored.

    With `refresh`, an article already stored under `url` whose content changed becomes
    a new version (`update_article`); an unchanged one is left as it is.
    NUL and other control characters never reach the database (see
    `without_control_characters`). Raises ValueError when `published` is not an ISO date."""
    published = normalise_published(published)
    text, title, author = (without_control_characters(value) for value in (text, title, author))
    digest = content_hash(text)
    row = next(db.query("SELECT id, content_hash FROM articles WHERE url = ?", [url]), None)
    if row and refresh and row["content_hash"] != digest:
        update_article(db, row["id"], text=text, title=title, published=published,
                       fetched_at=fetched_at, author=author, published_at=published_at)
        return StoreResult(row["id"], False, "updated", updated=True)
    if row:
        return StoreResult(row["id"], False, "unchanged" if refresh else "same url")
    try:
        return _insert_article(db, url, text, digest, title, published, source, fetched_at,
                               author, country, published_at)
    except sqlite3.IntegrityError:  # the schema's UNIQUE url / content_hash: stored already
        for column, reason in (("url", "same url"), ("content_hash", "same content")):
            row = next(db.query(f"SELECT id FROM articles WHERE {column} = ?",
                                [url if column == "url" else digest]), None)
            if row:
                return StoreResult(row["id"], False, reason)
        raise


def update_article(db: sqlite_utils.Database, article_id: int, *, text: str,
                   title: str | None, published: str | None, fetched_at: str | None,
                   author: str | None, published_at: str | None) -> None:
    """Store a changed article as its next version: the text it had goes to
    `article_versions`, its extraction is forgotten so that `process` redoes it."""
    old = db["articles"].get(article_id)
    with db.atomic():
        db["article_versions"].insert({
            "article_id": article_id, "version": old["version"] or 1, "title": old["title"],
            "text": old["text"], "content_hash": old["content_hash"],
            "published": old["published"], "published_at": old["published_at"],
            "fetched_at": old["fetched_at"], "replaced_at": now_iso()})
        db["articles"].update(article_id, {
            "text": text, "title": title or old["title"], "content_hash": content_hash(text),
            "published": published or old["published"],
            "published_at": published_at or old["published_at"],
            "author": author or old["author"], "fetched_at": fetched_at or now_iso(),
            "version": (old["version"] or 1) + 1, "processed_at": None, "relevant": None,
            "relevance_score": None})
        db.execute("UPDATE articles_search SET title = ?, text = ? WHERE rowid = ?",
                   [search_form(title or old["title"] or ""), search_form(text), article_id])
        forget_extraction(db, article_id)


def forget_extraction(db: sqlite_utils.Database, article_id: int) -> None:
    """Remove what processing wrote for one article: its mentions, its event sources,
    and the events that had no other source."""
    events = [row["event_id"] for row in db.query(
        "SELECT DISTINCT event_id FROM event_sources WHERE article_id = ?", [article_id])]
    db.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
    db.execute("DELETE FROM event_sources WHERE article_id = ?", [article_id])
    for event_id in events:
        if not db.execute("SELECT 1 FROM event_sources WHERE event_id = ?", [event_id]).fetchone():
            db.execute("DELETE FROM event_entities WHERE event_id = ?", [event_id])
            db.execute("DELETE FROM events WHERE id = ?", [event_id])


def _insert_article(db, url, text, digest, title, published, source, fetched_at, author,
                    country, published_at=None) -> StoreResult:
    record = {"url": url, "source": source, "title": title, "published": published,
              "text": text, "content_hash": digest, "fetched_at": fetched_at or now_iso(),
              "author": author, "country": country, "published_at": published_at}
    with db.atomic():  # plain SQL: sqlite-utils' insert re-reads the schema every time
        article_id = db.execute(
            f"INSERT INTO articles ({', '.join(record)}) VALUES ({', '.join('?' * len(record))})",
            list(record.values())).lastrowid
        db.execute("INSERT INTO articles_search(rowid, title, text) VALUES (?, ?, ?)",
                   [article_id, search_form(title or ""), search_form(text)])
    return StoreResult(article_id, True)


def known_urls(db: sqlite_utils.Database) -> set[str]:
    """Every article URL already stored (the crawler skips these)."""
    return {row["url"] for row in db.query("SELECT url FROM articles")}


def match_expression(query: str | None) -> str:
    """The FTS5 MATCH expression of a user's query: its search forms, each quoted
    (`""`, which matches nothing, when it has no word). Datasette's `search_articles`
    query calls it too, as the SQL function `search_match`."""
    words = search_form(query or "").split()
    return " ".join('"' + w.replace('"', '') + '"' for w in words) or '""'


# `search` ranks at most this many matches: the most recently stored ones
SEARCH_CANDIDATES = 1000


def search_articles(db: sqlite_utils.Database, query: str, limit: int = 20,
                    candidates: int = SEARCH_CANDIDATES) -> list[dict]:
    """Full-text search whatever the hamza, alef, ya, ta marbuta or diacritics: the
    `limit` best matches by relevance (FTS5's bm25), ranked among the `candidates` most
    recently stored matching articles.

    A query with fewer matches than `candidates` is ranked over all of them. A query
    that matches more (a common phrase in a large archive) gets the best of the newest
    `candidates`: FTS5 hands out matches newest first (`ORDER BY rowid DESC`) without
    reading the rest, so the cost is bounded however many articles match, where
    ranking every match grows with the archive (a third of a second at 100,000).
    """
    if not search_form(query).split():
        return []
    # the candidates and their scores first, then their articles: joining every match
    # to its (long) article row reads the whole table for a common word
    return list(db.query(
        "SELECT a.id, a.url, a.title, a.published FROM (SELECT rowid, bm25(articles_search) "
        "AS score FROM articles_search WHERE articles_search MATCH ? ORDER BY rowid DESC "
        "LIMIT ?) s JOIN articles a ON a.id = s.rowid ORDER BY s.score, s.rowid DESC LIMIT ?",
        [match_expression(query), int(candidates), int(limit)]))


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
