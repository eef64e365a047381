"""The jobs behind the commands: ingest files, render the timeline, crawl, run it all.

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
from typing import Callable, Iterator
from urllib.parse import urlparse

import sqlite_utils

from core.errors import ArticleReadError
from core.paths import CHECKOUT
from timeline.export import to_csv, to_json, to_table
from timeline.ingest import folder_metadata, list_inputs, read_file
from timeline.query import timeline_rows
from timeline.store import recorded_run, store_article

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
    """Store every article of `paths`; bad files are counted and reported, not fatal."""
    summary = IngestSummary()
    for path in list_inputs(paths):
        try:
            if not path.exists():
                raise ArticleReadError(path, "does not exist")
            meta = folder_metadata(path.parent).get(path.name, {})
            records = read_file(path, encoding, meta)
            if url and len(records) > 1:
                raise ArticleReadError(path, f"holds {len(records)} articles; --url names one")
            for record in records:
                record = replace(record, published=record.published or published,
                                 source=record.source or source, url=url or record.url)
                try:
                    result = store_article(db, url=record.url, text=record.text,
                                           title=record.title, published=record.published,
                                           source=record.source, author=record.author)
                except ValueError as error:
                    raise ArticleReadError(path, str(error)) from error
                summary.added += result.created
                summary.duplicates += not result.created
        except ArticleReadError as error:
            summary.failed += 1
            summary.errors.append(str(error))
            log.warning("%s", error)
    return summary


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
                        state_dir: Path | None = None) -> dict:
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
    for setting in settings:  # any Scrapy setting, KEY=VALUE
        args += ["--set", setting]
    done = subprocess.run(args, capture_output=True, text=True, cwd=CHECKOUT)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        return {"ok": False, "error": (done.stderr or done.stdout)[-2000:]}
    return json.loads(lines[-1])


def source_hosts(sources_file: Path | None) -> list[str]:
    from crawlers.sources import load_sources
    return [urlparse(s.homepage).hostname for s in load_sources(sources_file) if s.homepage]


def run_job(db_path: Path, *, crawl: bool, sources_file: Path | None, samples: Path | None,
            nlp_factory: Callable) -> Iterator[str]:
    """The scheduled job, step by step; yields a line of report per step."""
    from timeline.db import open_db
    from timeline.process import process_articles

    db = open_db(db_path)
    if crawl:
        if network_available(source_hosts(sources_file)):
            summary = crawl_in_subprocess(db_path, sources_file=sources_file)
            yield f"crawl: {json.dumps(summary, ensure_ascii=False)}"
        else:
            yield "crawl: no network (no source answered), skipped; processing what is stored"
    if samples is not None:
        summary = ingest_paths(db, [samples])
        yield f"samples: {summary.added} added, {summary.duplicates} already there"
    with recorded_run(db, "run") as record:
        result = process_articles(db, nlp_factory())
        record.update(ok=result.processed, failed=result.failed,
                      details={"events_new": result.events_new, "errors": result.errors})
    yield (f"process: {result.processed} articles ({result.relevant} relevant), "
           f"{result.events_new} new events, {result.events_merged} merged, {result.failed} failed")
    for error in result.errors:
        yield f"  error: {error}"
    rows = timeline_rows(db, event_ids=result.new_event_ids) if result.new_event_ids else []
    yield f"new on the timeline ({len(rows)}):" if rows else "nothing new on the timeline"
    if rows:
        yield to_table(rows)
    yield f"timeline ({db_path}):"
    yield to_table(timeline_rows(db))
