"""The jobs behind the commands: ingest files, render the timeline, crawl (the scheduled
`run` is `timeline.job`).

Each function takes plain arguments and returns data (summaries, text, lines) for
`pipeline.py` to print; none of them prints or exits.
"""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlparse

import sqlite_utils

from core.errors import ArticleReadError
from core.paths import CHECKOUT
from timeline.export import to_csv, to_json, to_table
from timeline.ingest import folder_metadata, list_inputs, read_records
from timeline.query import timeline_rows
from timeline.store import store_article

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    added: int = 0
    duplicates: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def ingest_paths(db: sqlite_utils.Database, paths: list[Path], *, published: str | None = None,
                 source: str | None = None, url: str | None = None,
                 encoding: str = "utf-8") -> IngestSummary:
    """Store every article of `paths`; bad files and bad records are counted and
    reported (file, and line for a record), never fatal to the others."""
    summary = IngestSummary()
    for path in list_inputs(paths):
        try:
            if not path.exists():
                raise ArticleReadError(path, "does not exist")
            meta = folder_metadata(path.parent).get(path.name, {})
            found = read_records(path, encoding, meta)
            if url and len(found.records) + len(found.problems) > 1:
                raise ArticleReadError(path, f"holds {len(found.records) + len(found.problems)} "
                                       "articles; --url names one")
        except ArticleReadError as error:
            _count_failure(summary, error)
            continue
        for problem in found.problems:
            _count_failure(summary, problem)
        for record in found.records:
            _store_record(db, record, summary, published=published, source=source, url=url)
    return summary


def _store_record(db, record, summary: IngestSummary, **defaults) -> None:
    record = replace(record, published=record.published or defaults["published"],
                     source=record.source or defaults["source"], url=defaults["url"] or record.url)
    try:
        result = store_article(db, url=record.url, text=record.text, title=record.title,
                               published=record.published, source=record.source,
                               author=record.author)
    except ValueError as error:
        _count_failure(summary, ArticleReadError(record.origin or record.url, str(error)))
        return
    summary.added += result.created
    summary.duplicates += not result.created


def _count_failure(summary: IngestSummary, error: ArticleReadError) -> None:
    summary.failed += 1
    summary.errors.append(str(error))
    log.warning("%s", error)


def render_timeline(db: sqlite_utils.Database, fmt: str, **filters) -> str:
    """The filtered timeline as table, csv, json, html or svg text."""
    rows = timeline_rows(db, **filters)
    if fmt == "csv":
        return to_csv(rows)
    if fmt == "json":
        return to_json(rows)
    if fmt == "html":
        from timeline.html import render_html
        return render_html(db, rows)
    if fmt == "svg":
        from timeline.chart import render_svg
        return render_svg(rows)
    return to_table(rows)


def network_available(hosts: list[str], timeout: float = 3.0) -> bool:
    """Whether any of `hosts` answers on port 443 (a cheap check before a crawl)."""
    for host in hosts[:5]:
        try:
            socket.create_connection((host, 443), timeout=timeout).close()
            return True
        except OSError:
            continue
    return False


def crawl_in_subprocess(db_path: Path, *, sources_file: Path | None = None,
                        source_ids: tuple[str, ...] = (), query: str | None = None,
                        max_pages: int | None = None, since: str | None = None,
                        refresh: bool = False, settings: tuple[str, ...] = (),
                        state_dir: Path | None = None, redis_url: str | None = None) -> dict:
    """Run `python -m crawlers.run` (Scrapy's reactor runs once a process) and return
    its summary."""
    args = [sys.executable, "-m", "crawlers.run", "--db", str(db_path), "--json"]
    args += ["--sources", str(sources_file)] if sources_file else []
    for source_id in source_ids:
        args += ["--source", source_id]
    for flag, value in (("--query", query), ("--max-pages", max_pages), ("--since", since)):
        if value is not None:
            args += [flag, str(value)]
    args += ["--refresh"] if refresh else []
    args += ["--state-dir", str(state_dir)] if state_dir else []
    args += ["--redis", redis_url] if redis_url else []
    for setting in settings:  # any Scrapy setting, KEY=VALUE
        args += ["--set", setting]
    done = subprocess.run(args, capture_output=True, text=True, cwd=CHECKOUT, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        return {"ok": False, "error": (done.stderr or done.stdout)[-2000:]}
    return json.loads(lines[-1])


def source_hosts(sources_file: Path | None) -> list[str]:
    from crawlers.sources import load_sources
    return [urlparse(s.homepage).hostname for s in load_sources(sources_file) if s.homepage]
