"""The command line of the pipeline: a thin shell over `nlp/`, `timeline/` and `crawlers/`.

Each command parses its options, calls one library function and prints what it returns;
library errors (core.errors) become "Error: ..." with exit status 1. Run
`python pipeline.py COMMAND --help` for each command's options and an example.
"""

from __future__ import annotations

import json
import logging
import sys
from functools import wraps
from pathlib import Path

import click

from core.errors import ArticleReadError, PipelineError
from core.paths import SAMPLES as SAMPLES_DIR
from core.paths import default_db
from core.vocabulary import EVENT_TYPES

DEFAULT_DB = default_db()
ALERTS = DEFAULT_DB.parent / "alerts.toml"
INGEST_PARTIAL_FAILURE = 3  # exit status of `ingest` when some records failed, others stored
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
log = logging.getLogger("pipeline")


def db_option(func, help="SQLite database file (created if needed)."):
    return click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
                        default=DEFAULT_DB, show_default=True, help=help)(func)


def read_db_option(func):
    return db_option(func, help="SQLite database file, opened read-only.")


def tagger_option(func):
    return click.option("--tagger/--no-tagger", default=True, show_default=True,
                        help="Use CAMeL Tools morphological tagging when its data is found.")(func)


def _iso_date(ctx, param, value):
    from timeline.store import normalise_published
    try:
        return normalise_published(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from error


def published_option(func):
    return click.option("--published", metavar="YYYY-MM-DD", callback=_iso_date,
                        help="Publication date, for files that do not give one.")(func)


def library_errors(func):
    """Turn the library's named errors into click's "Error: ..." and exit 1."""
    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except PipelineError as error:
            raise click.ClickException(str(error)) from error
    return wrapper


def open_database(db_path: Path):
    from timeline.db import open_db
    return open_db(db_path)


def read_database(db_path: Path):
    """The database opened read-only, never created or migrated (timeline, stats, search,
    serve); an older one gets a message that `process` upgrades it."""
    from timeline.db import open_db_readonly
    return open_db_readonly(db_path)


def build(tagger: bool = True):
    from nlp.language import build_nlp
    return build_nlp(use_tagger=tagger)


@click.group(context_settings=CONTEXT)
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Arabic news monitoring of anti-trafficking work in Kuwait and the Gulf.

    Articles go in (crawl, ingest), the NLP extracts agencies, laws, dates, people,
    places and events (process), and the timeline comes out (timeline, stats).
    """
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@published_option
@click.option("--source", help="Outlet name or id, for files that do not give one.")
@click.option("--url", help="URL of the article (only with a single file).")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the files.")
@click.option("--from-redis", "redis_url", metavar="URL",
              help="Drain the articles crawled with `crawl --redis URL` (no PATHS then).")
@db_option
@library_errors
def ingest(paths, published, source, url, encoding, redis_url, db_path):
    """Add local articles (.txt, .html, .json, .jsonl, or folders of them).

    Re-ingesting the same article adds nothing (same URL or same content). A bad file,
    or a bad line of a .jsonl / element of a JSON array, is named (file:line) and the
    rest is stored. Exit status: 0 all stored, 3 some failed, 1 none could be stored.

    \b
    Example:
      python pipeline.py ingest data/samples/
      python pipeline.py ingest story.txt --published 2025-07-31 --source kuna
      python pipeline.py ingest --from-redis redis://127.0.0.1:6379/0
    """
    from timeline.ops import ingest_paths

    if redis_url or not paths:
        return _ingest_from_redis(redis_url, paths, db_path)
    if url and len(paths) > 1:
        raise click.UsageError("--url names one article: give a single file with it")
    from timeline.store import recorded_run

    db = open_database(db_path)
    with recorded_run(db, "ingest") as record:
        summary = ingest_paths(db, list(paths), published=published, source=source, url=url,
                               encoding=encoding)
        record.update(ok=summary.added, failed=summary.failed, skipped=summary.duplicates,
                      details={"errors": summary.errors})
    for error in summary.errors:
        click.echo(f"Error: {error}", err=True)
    click.echo(f"{summary.added} added, {summary.duplicates} already there, "
               f"{summary.failed} failed ({db_path})")
    if summary.failed:  # 1: nothing could be stored; 3: stored some, some failed
        sys.exit(1 if not (summary.added or summary.duplicates) else INGEST_PARTIAL_FAILURE)


def _ingest_from_redis(redis_url, paths, db_path) -> None:
    """`ingest --from-redis URL`: the one writer of a distributed crawl."""
    from timeline.redis_ingest import drain_items
    from timeline.store import recorded_run

    if not redis_url or paths:
        raise click.UsageError("give article PATHS, or --from-redis URL without PATHS")
    db = open_database(db_path)
    with recorded_run(db, "ingest-redis") as record:
        summary = drain_items(db, redis_url)
        record.update(ok=summary.added, failed=summary.failed, skipped=summary.duplicates,
                      details={"errors": summary.errors[:50]})
    for error in summary.errors:
        click.echo(f"Error: {error}", err=True)
    click.echo(f"{summary.added} added, {summary.duplicates} already there, "
               f"{summary.failed} failed, from {redis_url} ({db_path})")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@published_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object a file (EXTRACTION.md).")
@tagger_option
@library_errors
def extract(files, published, as_json, tagger):
    """Print the extraction of each file, in input order.

    \b
    Example:
      python pipeline.py extract data/samples/000_05a1e2f8ada96856.txt --published 2025-07-31 --json
    """
    from nlp.extract import extract_article, parse_date
    from nlp.stamp import tokenizer_mode
    from timeline.export import describe_extraction
    from timeline.ingest import read_file

    nlp, failed = build(tagger), 0
    mode = {"tagger": tokenizer_mode(nlp)}  # "camel" or "light": what this run used
    for path in files:
        try:
            records = read_file(path)
            results = [extract_article(nlp, r.text, parse_date(published or r.published), r.title)
                       for r in records]
        except Exception as error:  # one bad file never stops the others
            failed += 1
            if not isinstance(error, (ArticleReadError, ValueError)):
                log.exception("%s failed", path)
            click.echo(f"Error: {error}", err=True)
            if as_json:
                click.echo(json.dumps({"file": str(path), **mode, "error": str(error)},
                                      ensure_ascii=False))
            continue
        for record, result in zip(records, results):  # a .jsonl file may hold several
            extra = {"url": record.url} if len(records) > 1 else {}
            if as_json:
                click.echo(json.dumps({"file": str(path), **extra, **mode, **result},
                                      ensure_ascii=False))
            else:
                click.echo(describe_extraction(str(path), record.text, result))
    if failed == len(files):
        sys.exit(1)


@cli.command()
@click.option("--reprocess", is_flag=True, help="Redo every article (after a model change).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes for the NLP (the database is written by one).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Run the NLP on a Dask cluster: a scheduler address (tcp://HOST:8786), "
                   "or \"local\" for a local cluster of --workers processes.")
@tagger_option
@db_option
@library_errors
def process(reprocess, workers, dask_address, tagger, db_path):
    """Run the NLP over every article not yet processed.

    \b
    Example:
      python pipeline.py process
      python pipeline.py process --reprocess --workers 2
      python pipeline.py process --dask local --workers 2
    """
    from timeline.process import process_articles
    from timeline.store import recorded_run

    db = open_database(db_path)
    nlp = build(tagger) if workers == 1 and not dask_address else None
    with recorded_run(db, "process") as record:
        summary = process_articles(db, nlp, reprocess=reprocess, workers=workers,
                                   use_tagger=tagger, dask=dask_address)
        record.update(ok=summary.processed, failed=summary.failed,
                      details={"events_new": summary.events_new, "errors": summary.errors,
                               "tagger": summary.tagger})
    for error in summary.errors:
        click.echo(f"Error: {error}", err=True)
    click.echo(f"{summary.processed} processed ({summary.relevant} relevant), "
               f"{summary.events_new} new events, {summary.events_merged} merged into known "
               f"events, {summary.failed} failed")


@cli.command()
@click.option("--country", help="ISO code, e.g. KW.")
@click.option("--type", "event_type", type=click.Choice(EVENT_TYPES), help="Event type.")
@click.option("--agency", help="Agency id (kw-moi) or part of its name.")
@click.option("--since", metavar="DATE", help="From this date or year on.")
@click.option("--until", metavar="DATE", help="Up to this date or year.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "html", "svg"]),
              default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of the terminal.")
@read_db_option
@library_errors
def timeline(country, event_type, agency, since, until, fmt, output, db_path):
    """Print the timeline of events, oldest first.

    \b
    Example:
      python pipeline.py timeline --country KW --since 2013
      python pipeline.py timeline --format html -o timeline.html
    """
    from timeline.ops import render_timeline

    text = render_timeline(read_database(db_path), fmt, country=country, event_type=event_type,
                           agency=agency, since=since, until=until)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}")
    else:
        click.echo(text)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@read_db_option
@library_errors
def stats(as_json, db_path):
    """Counts of articles, processed articles, entities and events by type.

    \b
    Example:
      python pipeline.py stats --json
    """
    from timeline.query import stats as count

    result = count(read_database(db_path))
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(f"articles   {result['articles']} ({result['processed']} processed, "
               f"{result['relevant']} relevant)")
    click.echo(f"mentions   {result['mentions']}")
    for label, n in result["entities"].items():
        click.echo(f"entities   {label:<14} {n}")
    for event_type, n in result["events"].items():
        click.echo(f"events     {event_type:<14} {n}")


@cli.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True)
@read_db_option
@library_errors
def search(query, limit, db_path):
    """Full-text search of the articles, whatever the hamza, alef, ya or diacritics.

    The best matches by relevance (bm25) come first, ranked among the 1,000 most
    recently stored articles that match: a phrase found in most of a large archive
    answers at once, from its newest articles (use more words to reach older ones).

    \b
    Example:
      python pipeline.py search "الاتجار بالاشخاص"
    """
    from timeline.store import search_articles

    for row in search_articles(read_database(db_path), query, limit):
        click.echo(f"{row['id']:>5}  {row['published'] or '—':<10}  {row['title'] or ''}  {row['url']}")


@cli.command()
@click.option("--sources", "sources_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Sources TOML (default crawlers/sources.toml).")
@click.option("--source", "source_ids", multiple=True, help="Only this source id (repeatable).")
@click.option("--query", help="Back-fill through the sites' own search, e.g. \"الاتجار بالأشخاص\".")
@click.option("--max-pages", type=int, help="Stop after this many pages.")
@click.option("--since", metavar="YYYY-MM-DD", help="Skip articles published before this date.")
@click.option("--refresh", is_flag=True, help="Fetch known URLs again.")
@click.option("--set", "settings", multiple=True, metavar="KEY=VALUE",
              help="Any Scrapy setting, e.g. --set DOWNLOAD_DELAY=2 (repeatable).")
@click.option("--state-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where interrupted crawls keep their state (default .crawl-state).")
@click.option("--redis", "redis_url", metavar="URL",
              help="Share the frontier with other crawlers in Redis (redis://HOST:PORT/N); "
                   "articles go to Redis for `ingest --from-redis`, not to --db.")
@db_option
@library_errors
def crawl(sources_file, source_ids, query, max_pages, since, refresh, settings, state_dir,
          redis_url, db_path):
    """Crawl the configured news sources into the articles table.

    \b
    Example:
      python pipeline.py crawl --source kuna --max-pages 200
      python pipeline.py crawl --query "الاتجار بالأشخاص" --since 2024-01-01
      python pipeline.py crawl --redis redis://127.0.0.1:6379/0
    """
    from timeline.ops import crawl_in_subprocess

    summary = crawl_in_subprocess(db_path, sources_file=sources_file, source_ids=source_ids,
                                  query=query, max_pages=max_pages, since=since, refresh=refresh,
                                  settings=settings, state_dir=state_dir, redis_url=redis_url)
    click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    if summary.get("ok") is False:
        sys.exit(1)


@cli.group()
def sources() -> None:
    """The configured news outlets (crawlers/sources.toml).

    \b
    Example:
      python pipeline.py sources check --source kuna
    """


@sources.command("check")
@click.option("--sources", "sources_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Sources TOML (default crawlers/sources.toml).")
@click.option("--source", "source_ids", multiple=True, help="Only this source id (repeatable).")
@click.option("--articles", default=3, show_default=True, help="Articles to read per outlet.")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds per request.")
@library_errors
def sources_check(sources_file, source_ids, articles, timeout):
    """Fetch each outlet's robots.txt, homepage, feeds, sitemaps and a few articles, and
    print what answered, the article links found, how many match `article_url`, and the
    titles and dates read.

    \b
    Example:
      python pipeline.py sources check
      python pipeline.py sources check --source kuna --articles 5
    """
    from crawlers.check import check_sources, render_report
    from crawlers.sources import DEFAULT_SOURCES, find_sources, load_sources

    path = sources_file or DEFAULT_SOURCES
    chosen = find_sources(load_sources(path), list(source_ids), path)
    click.echo(render_report(check_sources(chosen, articles=articles, timeout=timeout)))


@cli.command()
@click.option("--crawl/--no-crawl", default=True, show_default=True,
              help="Crawl the configured sources first (skipped when there is no network).")
@click.option("--sources", "sources_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--samples/--no-samples", default=True, show_default=True,
              help="Ingest the bundled sample articles (data/samples) too.")
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Rotated run log, one line a stage [default: run.log beside the database].")
@click.option("--alerts", "alerts_file", type=click.Path(dir_okay=False, path_type=Path),
              default=ALERTS, show_default=True,
              help="TOML of e-mail/webhook delivery (see data/alerts.example.toml); none if absent.")
@tagger_option
@db_option
@library_errors
def run(crawl, sources_file, samples, log_file, alerts_file, tagger, db_path):
    """The scheduled job: crawl, ingest the samples, process, write what is new.

    Two runs never overlap (a lock beside the database). Every run writes the new events
    since the last run as new-events.json and new-events.atom beside the database, and
    delivers them by e-mail or webhook when --alerts configures it.

    \b
    Exit codes:
      0   success
      1   failure: the run stopped (bad database or configuration, unexpected error)
      3   partial failure: the run finished but some articles or sources failed
      75  another run holds the lock (its pid, host and start are printed); nothing done

    \b
    Example:
      python pipeline.py run
      python pipeline.py run --no-crawl --db /tmp/timeline.db --log-file /tmp/run.log
    """
    from timeline.delivery import load_channels
    from timeline.job import ExitCode, JobOptions, JobState, open_run_log, run_job
    from timeline.lock import LockHeld

    options = JobOptions(db_path, crawl=crawl, sources_file=sources_file,
                         samples=SAMPLES_DIR if samples else None, use_tagger=tagger,
                         channels=load_channels(alerts_file))
    state = JobState()
    with open_run_log(log_file or db_path.parent / "run.log"):
        try:
            for line in run_job(options, state):
                click.echo(line)
        except LockHeld as error:
            click.echo(f"Error: {error}", err=True)
            sys.exit(ExitCode.LOCKED)
        except PipelineError:
            raise  # "Error: ..." and exit 1, like every command
        except Exception as error:  # noqa: BLE001 - the traceback is in the run log
            click.echo(f"Error: the run failed: {type(error).__name__}: {error} (see the log)", err=True)
            sys.exit(ExitCode.FAILED)
    sys.exit(state.exit_code)


@cli.command()
@click.option("--only", type=click.Choice(["agencies", "events", "relevance"]), multiple=True,
              help="Rebuild only these models.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Training data folder (default data/training).")
@click.option("--models-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Models folder with baseline.json (default models).")
@click.option("--tokenizer", type=click.Choice(["camel", "light"]), default=None,
              help="Train the token models in this mode only (default: every mode available).")
@click.option("--check", is_flag=True,
              help="Train nothing: list the models trained on other data than the data files "
                   "hold now, and exit 1 if there is one.")
@library_errors
def train(only, data_dir, models_dir, tokenizer, check):
    """Rebuild every model in models/ from data/training/, reproducibly, and print scores.
    Writes nothing and exits 1 when a score is below its floor in baseline.json.

    \b
    Example:
      python pipeline.py train
      python pipeline.py train --check   # is every model in step with its data?
    """
    from models.train import MODELS, TRAINING, train_all

    if check:
        from nlp.stamp import stale_models

        stale = stale_models(models_dir or MODELS, data_dir or TRAINING)
        for line in stale:
            click.echo(f"stale: {line}")
        click.echo("run `python pipeline.py train` to rebuild them" if stale
                   else "every model was trained on the data files as they are")
        sys.exit(1 if stale else 0)

    for line in train_all(only or None, data_dir or TRAINING, models_dir or MODELS, tokenizer):
        click.echo(line)


@cli.command()
@click.option("--port", default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (0.0.0.0 for the whole network).")
@read_db_option
@library_errors
def serve(port, host, db_path):
    """Browse the database with Datasette, read-only, with labels and canned queries.

    Canned queries: timeline, event_sources, events_by_agency, laws_cited,
    events_per_year, search_articles (data/datasette/metadata.yml).

    \b
    Example:
      python pipeline.py serve --port 8001
      open http://127.0.0.1:8001/timeline/timeline?state=KW&type=training
    """
    import tempfile

    from timeline.serve import datasette_args, run_datasette

    read_database(db_path).conn.close()  # a clear error for a missing or older database
    with tempfile.TemporaryDirectory() as folder:
        sys.exit(run_datasette(datasette_args(db_path, host, port, Path(folder) / "metadata.json")))


@cli.command(context_settings={"ignore_unknown_options": True, "help_option_names": []})
@click.argument("options", nargs=-1, type=click.UNPROCESSED)
@click.pass_context
def bench(ctx, options):
    """Print the speed figures of issue 12 (benchmarks/run.py; its options follow).

    \b
    Example:
      python pipeline.py bench --smoke
      python pipeline.py bench --corpus 2000 --sizes 1000,10000,100000
    """
    from benchmarks.run import main  # the installed package too (pyproject)

    if {"-h", "--help"} & set(options):
        click.echo(ctx.get_help() + "\n")  # then the benchmark's own --help
    main(list(options))


if __name__ == "__main__":
    cli()
