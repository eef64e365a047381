"""Crawl entry point: `crawl(...)` runs the spider for each source and returns a summary.

Run as `python -m crawlers.run ...` (argparse; prints the summary as JSON) in a subprocess:
`pipeline.py crawl` and `run` start it through `timeline.ops.crawl_in_subprocess`, and the
tests do the same, because Scrapy's Twisted reactor can start only once per process (a
second `crawl()` in the same process raises `CrawlerError`).

One Scrapy crawler per source, all in one process: each has its own stats and its own
JOBDIR (`<state_dir>/<source id>`), so an interrupted crawl resumes where it stopped.
A crawl that finishes clears its state folder; one stopped early (Ctrl-C, --max-pages)
keeps it and the next run picks up its queue.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import threading
import time
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from core.errors import PipelineError
from core.vocabulary import is_iso_day
from crawlers import settings as default_settings
from crawlers.failures import NETWORK_KINDS
from crawlers.sources import DEFAULT_SOURCES, find_sources, load_sources
from crawlers.spiders.news import NewsSpider

logger = logging.getLogger(__name__)

DEFAULT_STATE_DIR = Path(".crawl-state")
_COUNTERS = ("pages_seen", "articles_stored", "articles_updated", "unchanged", "duplicates",
             "skipped_known", "skipped_old", "non_articles", "robots_disallowed", "errors")
_ran_in_this_process = False


class CrawlerError(PipelineError):
    """A crawl cannot start (bad argument, or a second crawl in one process)."""

    code = "E101"


def crawl(db_path, *, sources_file=None, source_ids=None, query=None, max_pages=None,
          since=None, refresh=False, settings_overrides=None, state_dir=None,
          redis_url=None) -> dict:
    """Crawl the sources into the timeline database and return the run's summary.

    Args:
        db_path: the SQLite database (created and migrated if needed).
        sources_file: the sources TOML (crawlers/sources.toml when None).
        source_ids: ids of the sources to crawl (all when None or empty).
        query: search words ("الاتجار بالأشخاص"): crawl only the sources' site
            search, for a topic back-fill; sources without `search_url` are skipped.
        max_pages: stop each source after this many downloaded pages (state is kept,
            so the next run resumes).
        since: "YYYY-MM-DD"; articles published earlier are not fetched or stored.
        refresh: fetch articles again even if their URL is already stored.
        settings_overrides: Scrapy settings to set last (tests lower the delays here).
        state_dir: folder of per-source JOBDIRs (default ".crawl-state"; "" disables).
        redis_url: share the frontier through Redis and hand articles to its list
            instead of `db_path` (crawlers/redis_frontier.py); no JOBDIR then.
    Returns:
        The summary dict (counts, errors by kind, network_unreachable, per_source).
    Raises:
        DataFileError: the sources file or a source id is wrong.
        CrawlerError: a bad `since`, or crawl() was already run in this process.
    """
    global _ran_in_this_process
    if _ran_in_this_process:
        raise CrawlerError("crawl() already ran in this process and Scrapy's reactor cannot "
                           "restart; run `python -m crawlers.run ...` in a subprocess instead.")
    _check_since(since)
    path = Path(sources_file) if sources_file else DEFAULT_SOURCES
    sources = find_sources(load_sources(path), list(source_ids or []), path)
    for source in sources:
        if not source.verified:
            logger.warning("source %s is not verified (verified = false in %s)", source.id, path)
    settings = _settings(db_path, path, max_pages, since, refresh, settings_overrides)
    if redis_url:
        known, state_dir = _redis_frontier(settings, redis_url), ""
    else:
        known = None  # the storage's pipeline gives the spider the stored URLs
    state = Path(state_dir) if state_dir is not None else DEFAULT_STATE_DIR
    _ran_in_this_process = True
    started = time.monotonic()
    runs = _run_crawlers(settings, sources, state if str(state_dir) != "" else None,
                         query=query, since=since, refresh=refresh, known=known)
    summary = summarise(runs, time.monotonic() - started)
    summary.update(query=query, since=since, refresh=bool(refresh),
                   unverified_sources=[s.id for s in sources if not s.verified])
    logger.info("crawl summary: %s", json.dumps(summary, ensure_ascii=False))
    return summary


def _check_since(since) -> None:
    if since is not None and not is_iso_day(str(since)):
        raise CrawlerError(f"since must be a date written YYYY-MM-DD, got {since!r}")


def _redis_frontier(settings, redis_url):
    from crawlers.redis_frontier import FrontierError, configure
    try:
        return configure(settings, redis_url)
    except FrontierError as error:
        raise CrawlerError(str(error)) from error


def _settings(db_path, sources_file, max_pages, since, refresh, overrides) -> Settings:
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.set("NEWS_DB", str(db_path), priority="cmdline")
    settings.set("NEWS_SOURCES_FILE", str(sources_file), priority="cmdline")
    settings.set("NEWS_SINCE", since, priority="cmdline")
    settings.set("NEWS_REFRESH", bool(refresh), priority="cmdline")
    if max_pages:
        settings.set("CLOSESPIDER_PAGECOUNT", int(max_pages), priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def _run_crawlers(settings, sources, state_dir, **spider_args) -> list[dict]:
    process = CrawlerProcess(settings)
    runs = []
    for source in sources:
        crawler = process.create_crawler(NewsSpider)
        jobdir = state_dir / source.id if state_dir else None
        resumed = bool(jobdir and (jobdir / "requests.queue").exists())
        if jobdir:
            crawler.settings.set("JOBDIR", str(jobdir), priority="cmdline")
        process.crawl(crawler, source=source, query=spider_args["query"],
                      since=spider_args["since"], refresh=spider_args["refresh"],
                      known_urls=spider_args["known"])
        runs.append({"source": source.id, "crawler": crawler, "jobdir": jobdir,
                     "resumed": resumed})
    process.start(install_signal_handlers=threading.current_thread() is threading.main_thread())
    for run in runs:
        run["stats"] = run.pop("crawler").stats.get_stats()
        _settle_state(run)
    return runs


def _settle_state(run: dict) -> None:
    """Clear a finished crawl's JOBDIR; keep an interrupted one for the next run."""
    jobdir = run["jobdir"]
    run["finish_reason"] = run["stats"].get("finish_reason", "unknown")
    run["state_kept"] = False
    if jobdir is None or not jobdir.exists():
        return
    if run["finish_reason"] == "finished":
        shutil.rmtree(jobdir, ignore_errors=True)
    else:
        run["state_kept"] = True


def _source_summary(run: dict) -> dict:
    stats = run["stats"]
    summary = {name: int(stats.get(f"news/{name}", 0)) for name in _COUNTERS}
    summary["errors_by_kind"] = _by_prefix(stats, "news/errors/")
    crashed = int(stats.get("spider_exceptions/count", 0))
    if crashed:  # a callback raised: Scrapy logged it; count it with the errors
        summary["errors_by_kind"]["callback_error"] = crashed
        summary["errors"] += crashed
    summary["non_articles_by_reason"] = _by_prefix(stats, "news/non_articles/")
    summary["charset_repaired"] = int(stats.get("news/charset_repaired", 0))
    network = sum(summary["errors_by_kind"].get(kind, 0) for kind in NETWORK_KINDS)
    answered = int(stats.get("downloader/response_count", 0)) \
        - int(stats.get("robotstxt/response_count", 0))
    summary["network_unreachable"] = network > 0 and answered <= 0
    summary.update(finish_reason=run["finish_reason"], resumed=run["resumed"],
                   state_kept=run["state_kept"],
                   state_dir=str(run["jobdir"]) if run["jobdir"] else None)
    return summary


def _by_prefix(stats: dict, prefix: str) -> dict[str, int]:
    return {key[len(prefix):]: int(value) for key, value in sorted(stats.items())
            if key.startswith(prefix) and "/" not in key[len(prefix):]}


def summarise(runs: list[dict], elapsed: float) -> dict:
    """Add up the per-source summaries into the run's summary."""
    per_source = {run["source"]: _source_summary(run) for run in runs}
    total = {name: sum(s[name] for s in per_source.values()) for name in _COUNTERS}
    errors: dict[str, int] = {}
    reasons: dict[str, int] = {}
    for source in per_source.values():
        for kind, count in source["errors_by_kind"].items():
            errors[kind] = errors.get(kind, 0) + count
        for reason, count in source["non_articles_by_reason"].items():
            reasons[reason] = reasons.get(reason, 0) + count
    unreachable = bool(per_source) and all(s["network_unreachable"] for s in per_source.values())
    return {"sources": list(per_source), **total, "errors_by_kind": errors,
            "non_articles_by_reason": reasons, "network_unreachable": unreachable,
            "message": _message(total, errors, unreachable, per_source),
            "elapsed_seconds": round(elapsed, 2), "per_source": per_source}


def _message(total: dict, errors: dict, unreachable: bool, per_source: dict) -> str:
    if unreachable:
        kinds = ", ".join(f"{k}: {v}" for k, v in errors.items() if k in NETWORK_KINDS)
        return f"network unreachable: no source answered ({kinds}); nothing was stored"
    kept = [name for name, s in per_source.items() if s["state_kept"]]
    text = (f"{total['articles_stored']} articles stored from {total['pages_seen']} pages; "
            f"{total['duplicates']} duplicates, {total['skipped_known']} already known, "
            f"{total['non_articles']} not articles, {total['errors']} errors")
    if kept:
        text += f"; stopped early, will resume: {', '.join(kept)}"
    return text


# ---------------------------------------------------------------- command line

def _parse_setting(text: str) -> tuple[str, object]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"--set wants KEY=VALUE, got {text!r}")
    try:
        return key, json.loads(value)
    except ValueError:
        return key, value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m crawlers.run",
        description="Crawl the news sources into the timeline database; print a JSON summary.",
        epilog='Example: python -m crawlers.run --db data/timeline.db --source kuna '
               '--query "الاتجار بالأشخاص" --since 2024-01-01')
    parser.add_argument("--db", default="data/timeline.db", help="SQLite database file")
    parser.add_argument("--sources", "--sources-file", dest="sources", default=None,
                        help="sources TOML (crawlers/sources.toml)")
    parser.add_argument("--source", action="append", dest="source_ids", metavar="ID",
                        help="crawl only this source (repeatable)")
    parser.add_argument("--query", help="search words: back-fill through site search")
    parser.add_argument("--max-pages", type=int, help="stop each source after N pages")
    parser.add_argument("--since", help="skip articles published before YYYY-MM-DD")
    parser.add_argument("--refresh", action="store_true", help="fetch known URLs again")
    parser.add_argument("--state-dir", default=None,
                        help='per-source resume state (default .crawl-state; "" disables)')
    parser.add_argument("--set", action="append", type=_parse_setting, default=[],
                        metavar="KEY=VALUE", help="override a Scrapy setting (repeatable)")
    parser.add_argument("--redis", metavar="URL", default=None,
                        help="share the frontier in Redis (redis://HOST:PORT/N); articles go "
                             "to its list for `pipeline.py ingest --from-redis`")
    parser.add_argument("--json", action="store_true",
                        help="print the summary as one line of JSON (default: indented)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        summary = crawl(args.db, sources_file=args.sources, source_ids=args.source_ids,
                        query=args.query, max_pages=args.max_pages, since=args.since,
                        refresh=args.refresh, settings_overrides=dict(args.set),
                        state_dir=args.state_dir, redis_url=args.redis)
    except PipelineError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    print(json.dumps(summary, ensure_ascii=False, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
