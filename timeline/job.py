"""Stage "schedule": the monitoring job behind `pipeline.py run`, safe under cron or systemd.

One run, under the lock of `timeline.lock` (a second run at the same time exits with
`ExitCode.LOCKED` and names the holder): repair what a killed run left (its `runs` row
says "killed"; its half-done article was rolled back by SQLite; files are only ever
replaced whole), crawl, ingest the samples, process, write what is new
(`timeline.alerts`), deliver it (`timeline.delivery`). Each stage writes one line with
its counts and time to the run log (rotated; `open_run_log`). The exit code tells
success, partial failure and failure apart (`ExitCode`).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import IntEnum
from logging.handlers import RotatingFileHandler
from pathlib import Path

from tqdm import tqdm

from timeline.alerts import announce, digest, last_success, new_events, write_digest, write_feed
from timeline.delivery import Channels, deliver_pending, queue
from timeline.export import to_table
from timeline.lock import lock_path, run_lock
from timeline.query import timeline_rows
from timeline.store import now_iso

log = logging.getLogger("gulf_tip.run")
LOG_BYTES, LOG_BACKUPS = 1_000_000, 5


class ExitCode(IntEnum):
    OK = 0  # every stage did all it had to
    FAILED = 1  # the run stopped (bad database, bad configuration, an unexpected error)
    PARTIAL = 3  # the run finished, but some articles or sources failed (see the log)
    LOCKED = 75  # another run holds the lock; nothing was done (EX_TEMPFAIL: try later)


@dataclass
class JobOptions:
    db_path: Path
    crawl: bool = True
    sources_file: Path | None = None
    samples: Path | None = None
    use_tagger: bool = True
    channels: Channels = field(default_factory=Channels)


@dataclass
class JobState:
    failures: list[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    exit_code: ExitCode = ExitCode.OK


@contextmanager
def open_run_log(path: Path, max_bytes: int = LOG_BYTES, backups: int = LOG_BACKUPS):
    """Send the stage lines (and every warning of the library) to the rotated log `path`
    for the block."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.setFormatter(logging.Formatter(f"%(asctime)s [{os.getpid()}] %(levelname)s %(message)s"))
    root = logging.getLogger()
    log.setLevel(logging.INFO)
    log.propagate = False
    log.addHandler(handler)
    root.addHandler(handler)  # warnings and errors of the library (root level: WARNING)
    try:
        yield handler
    finally:
        log.removeHandler(handler)
        root.removeHandler(handler)
        handler.close()


@contextmanager
def stage(name: str, state: JobState):
    """Time a stage; the block fills `counts` and the stage's line goes to the log."""
    counts: dict = {}
    started = time.monotonic()
    yield counts
    state.counts[name] = counts
    figures = ", ".join(f"{k} {v}" for k, v in counts.items())
    log.info("%s: %s (%.1f s)", name, figures or "done", time.monotonic() - started)


def run_job(options: JobOptions, state: JobState) -> Iterator[str]:
    """The job, step by step; yields lines of report; `state.exit_code` says how it went.
    Raises LockHeld when another run holds the lock."""
    with run_lock(lock_path(options.db_path)) as stale:
        if stale:
            line = (f"recovered the lock of a run that ended without releasing it: pid "
                    f"{stale.get('pid')} on {stale.get('host')}, started {stale.get('started')}")
            log.warning("%s", line)
            yield line
        yield from _locked_run(options, state)


def _locked_run(options: JobOptions, state: JobState) -> Iterator[str]:
    from timeline.db import open_db

    log.info("run: start (pid %s, database %s)", os.getpid(), options.db_path)
    db = open_db(options.db_path)
    yield from _repair_killed_runs(db)
    run_id = db["runs"].insert({"command": "run", "started_at": now_iso(), "ok": 0, "failed": 0,
                                "skipped": 0, "details": json.dumps({"status": "running",
                                                                     "pid": os.getpid()})}).last_pk
    try:
        yield from _stages(db, options, state)
    except Exception as error:
        state.exit_code = ExitCode.FAILED
        log.exception("run failed")
        _finish(db, run_id, state, "failed", str(error))
        raise
    if state.failures:
        state.exit_code = ExitCode.PARTIAL
    _finish(db, run_id, state, "partial" if state.failures else "ok")
    log.info("run: %s (exit %d)", state.exit_code.name.lower(), state.exit_code)


def _repair_killed_runs(db) -> Iterator[str]:
    killed = list(db.query("SELECT id, started_at FROM runs WHERE command = 'run' "
                           "AND finished_at IS NULL"))
    for row in killed:
        db.execute("UPDATE runs SET finished_at = ?, details = json_set(coalesce(details, '{}'), "
                   "'$.status', 'killed') WHERE id = ?", [now_iso(), row["id"]])
        line = (f"run {row['id']} (started {row['started_at']}) was killed: its finished "
                "articles are kept, the rest is done now")
        log.warning("%s", line)
        yield line


def _finish(db, run_id: int, state: JobState, status: str, error: str | None = None) -> None:
    process = state.counts.get("process", {})
    details = {"status": status, "pid": os.getpid(), "stages": state.counts,
               "failures": state.failures[:50]} | ({"error": error} if error else {})
    db["runs"].update(run_id, {"finished_at": now_iso(), "ok": process.get("processed", 0),
                               "failed": process.get("failed", 0),
                               "details": json.dumps(details, ensure_ascii=False)})


def _stages(db, options: JobOptions, state: JobState) -> Iterator[str]:
    if options.crawl:
        yield _crawl_stage(options, state)
    if options.samples is not None:
        yield _samples_stage(db, options, state)
    yield from _process_stage(db, options, state)
    yield _alert_stage(db, options, state)
    line = _deliver_stage(db, options, state)
    if line:
        yield line


def _crawl_stage(options: JobOptions, state: JobState) -> str:
    from timeline.ops import network_available, source_hosts

    with stage("crawl", state) as counts:
        if not network_available(source_hosts(options.sources_file)):
            counts["skipped"] = "no network"
            return "crawl: no network (no source answered), skipped; processing what is stored"
        summary = crawl_with_progress(options.db_path, options.sources_file)
        counts.update({k: v for k, v in summary.items() if isinstance(v, (int, float))})
        if summary.get("ok") is False:
            state.failures.append(f"crawl: {str(summary.get('error', ''))[-300:]}")
        return f"crawl: {json.dumps(summary, ensure_ascii=False)}"


def crawl_with_progress(db_path: Path, sources_file: Path | None) -> dict:
    """The crawl subprocess, with a bar of the articles stored so far at a terminal."""
    from timeline.ops import crawl_in_subprocess

    before = _article_count(db_path)
    with ThreadPoolExecutor(1) as pool, \
            tqdm(desc="crawl", unit=" articles", disable=None, file=sys.stderr) as bar:
        future = pool.submit(crawl_in_subprocess, db_path, sources_file=sources_file)
        while not future.done():
            time.sleep(0.5)
            if not bar.disable:
                bar.n = max(_article_count(db_path) - before, 0)
                bar.refresh()
        return future.result()


def _article_count(db_path: Path) -> int:
    try:
        with sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _samples_stage(db, options: JobOptions, state: JobState) -> str:
    from timeline.ops import ingest_paths

    with stage("samples", state) as counts:
        summary = ingest_paths(db, [options.samples])
        counts.update(added=summary.added, duplicates=summary.duplicates, failed=summary.failed)
        state.failures += summary.errors
    return f"samples: {summary.added} added, {summary.duplicates} already there"


def _process_stage(db, options: JobOptions, state: JobState) -> Iterator[str]:
    from timeline.process import process_articles

    with stage("process", state) as counts:
        result = process_articles(db, None, use_tagger=options.use_tagger,
                                  progress=lambda rows, total: tqdm(
                                      rows, total=total, desc="process", unit=" articles",
                                      disable=None, file=sys.stderr))
        counts.update(processed=result.processed, relevant=result.relevant,
                      events_new=result.events_new, events_merged=result.events_merged,
                      failed=result.failed, tagger=result.tagger)
        state.failures += result.errors
    yield (f"process: {result.processed} articles ({result.relevant} relevant), "
           f"{result.events_new} new events, {result.events_merged} merged, {result.failed} failed")
    for error in result.errors:
        yield f"  error: {error}"
    rows = timeline_rows(db, event_ids=result.new_event_ids) if result.new_event_ids else []
    yield f"new on the timeline ({len(rows)}):" if rows else "nothing new on the timeline"
    if rows:
        yield to_table(rows)
    yield f"timeline ({options.db_path}):"
    yield to_table(timeline_rows(db))


def _alert_stage(db, options: JobOptions, state: JobState) -> str:
    """Digest first, then announce and queue in one transaction, then the feed: a run
    killed at any point leaves whole files and announces the rest next time."""
    with stage("alerts", state) as counts:
        entries, now = new_events(db), now_iso()
        payload = digest(entries, now, last_success(db))
        digest_path = write_digest(options.db_path, payload)
        with db.atomic():
            announce(db, entries, now)
            if entries:
                queue(db, options.channels, payload, now)
        feed_path = write_feed(db, options.db_path, now)
        counts.update(new_events=len(entries))
    return f"alerts: {len(entries)} new events -> {digest_path}, {feed_path}"


def _deliver_stage(db, options: JobOptions, state: JobState) -> str | None:
    with stage("deliver", state) as counts:
        delivered, failed = deliver_pending(db, options.channels)
        counts.update(delivered=delivered, failed=failed)
    if not (delivered or failed):
        return None
    return f"deliver: {delivered} delivered" + (f", {failed} failed (retried next run; see the log)"
                                                 if failed else "")
