"""The speed benchmark of issue 12: prints figures, asserts nothing.

In one run, on the machine it runs on:
  1. spaCy's bare Arabic tokenizer over the corpus (a fresh `spacy.blank("ar")` for each
     of three passes, the median): the yardstick that makes figures compare across machines;
  2. the processing stage (normalise, tag, extract, classify, write to SQLite:
     `timeline.process.process_articles`) over the same corpus, with 1 and 2 worker
     processes: articles/s, words/s, the ratio to the tokenizer, peak memory;
  3. the cost per article at growing sizes (default 1,000, 10,000 and 100,000):
     ingest (`store_article`) and writing with event merging (`_write_article`) measured
     at each size, on real extractions of corpus articles re-dated per article; the NLP
     cost per article, which does not depend on the size, is measured once on the corpus
     and added (full NLP over 100,000 articles would take hours);
  4. timeline queries (by state and year range, by agency, full-text search) on the
     largest database, topped up with synthetic rows (bulk inserts) to 100,000 articles
     and at least 500,000 events.

    python benchmarks/run.py                 # the full run (an hour or more on 2 cores)
    python benchmarks/run.py --smoke         # a few dozen articles: CI runs this
    python pipeline.py bench [--smoke]       # the same
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
SHARED_CAMEL = ROOT.parent / "shared" / "camel_data"
if not os.environ.get("CAMELTOOLS_DATA") and (SHARED_CAMEL / "catalogue.json").is_file():
    os.environ["CAMELTOOLS_DATA"] = str(SHARED_CAMEL)

from benchmarks.corpus import build_corpus, word_count

FULL = {"corpus": 2000, "sizes": (1_000, 10_000, 100_000), "articles": 100_000,
        "events": 500_000, "sample": 200}
SMOKE = {"corpus": 16, "sizes": (30, 60), "articles": 100, "events": 3_000, "sample": 8}


def peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def in_child(function, *args):
    """`function(*args)` in a fresh child process (its own peak memory), its result back."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=lambda: queue.put(function(*args)))
    child.start()
    result = queue.get()
    child.join()
    return result


# --- 1. the yardstick -----------------------------------------------------------

def bare_tokenizer_seconds(texts: list[str]) -> float:
    import spacy
    times = []
    for _ in range(3):
        nlp = spacy.blank("ar")  # a fresh vocab: the tokenizer's cache starts cold
        start = time.perf_counter()
        for text in texts:
            nlp.make_doc(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# --- 2. the processing stage -------------------------------------------------------

def _process(articles: list[dict], workers: int) -> dict:
    from timeline.db import open_db
    from timeline.process import process_articles, process_pipeline
    from timeline.store import store_article

    process_pipeline(True)  # built before the clock starts (workers fork with it)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "bench.db")
        for article in articles:
            store_article(db, **article)
        start = time.perf_counter()
        summary = process_articles(db, None, workers=workers)
        elapsed = time.perf_counter() - start
    return {"seconds": elapsed, "processed": summary.processed, "failed": summary.failed,
            "peak_mib": max(peak_mib(), peak_mib(resource.RUSAGE_CHILDREN))}


# --- 3. cost per article at growing sizes ----------------------------------------

def sample_extractions(articles: list[dict]) -> tuple[list, float]:
    """(relevance score, extraction) of the articles, and the NLP seconds per article."""
    from timeline.process import extract_batch, process_pipeline

    nlp = process_pipeline(True)
    start = time.perf_counter()
    results = [outcome for i in range(0, len(articles), 32)
               for outcome in extract_batch(articles[i:i + 32], nlp)]
    return results, (time.perf_counter() - start) / len(articles)


def redated(result: dict, days: int) -> dict:
    """The extraction with every event moved by `days` (at its own precision)."""
    events = []
    for event in result["events"]:
        date = event["date"]
        if date:
            day = dt.date.fromisoformat(date[:10] if len(date) >= 10 else date[:4] + "-06-15")
            moved = (day + dt.timedelta(days=days)).isoformat()
            date = moved[:len(date)] if len(date) in (4, 7) else moved
        events.append({**event, "date": date, "year": int(date[:4]) if date else None})
    return {**result, "events": events}


def _scale(size: int, articles: list[dict], extractions: list, db_path: str) -> dict:
    from timeline.db import open_db
    from timeline.process import ProcessSummary, _write_article
    from timeline.store import store_article

    db, rng = open_db(db_path), random.Random(size)
    start, start_cpu = time.perf_counter(), time.process_time()
    ids = []
    for i in range(size):
        article = articles[i % len(articles)]
        ids.append(store_article(db, url=f"{article['url']}/{i}", title=article["title"],
                                 text=f"{article['text']}\n{i}", published=article["published"]).article_id)
    ingest = time.perf_counter() - start
    summary, start = ProcessSummary(), time.perf_counter()
    for i, article_id in enumerate(ids):
        score, result = extractions[i % len(extractions)]
        with db.atomic():
            _write_article(db, {"id": article_id, "url": str(article_id)},
                           redated(result, rng.randrange(-1800, 1800)), score, summary)
    write = time.perf_counter() - start
    return {"ingest": ingest, "write": write, "cpu": time.process_time() - start_cpu,
            "events_new": summary.events_new,
            "events_merged": summary.events_merged, "peak_mib": peak_mib()}


# --- 4. timeline queries ---------------------------------------------------------

def top_up_articles(db, articles: list[dict], target: int) -> int:
    """Synthetic article rows (corpus texts, numbered) until the database holds `target`,
    inserted in bulk with their full-text rows."""
    from timeline.store import content_hash, search_form

    have = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    rows = []
    for i in range(have, target):
        article = articles[i % len(articles)]
        text = f"{article['text']}\n{i}"
        rows.append((f"urn:synthetic:{i}", article["title"], article["published"], text,
                     content_hash(text), "2026-01-01T00:00:00", "2026-01-01T00:00:00", 1, 0.9))
    with db.conn:
        first = (db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0) + 1
        db.conn.executemany(
            "INSERT INTO articles (url, title, published, text, content_hash, fetched_at, "
            "processed_at, relevant, relevance_score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.conn.executemany("INSERT INTO articles_search (rowid, title, text) VALUES (?, ?, ?)",
                            ((first + k, search_form(r[1]), search_form(r[3]))
                             for k, r in enumerate(rows)))
    return db.execute("SELECT count(*) FROM articles").fetchone()[0]


def top_up_events(db, target: int) -> int:
    """Synthetic events (with sources and agencies) until the database holds `target`."""
    rng = random.Random(5)
    have = db.execute("SELECT count(*) FROM events").fetchone()[0]
    articles = db.execute("SELECT max(id) FROM articles").fetchone()[0] or 1
    agencies = [r[0] for r in db.execute("SELECT id FROM entities WHERE label = 'AGENCY'")] or [None]
    types = ["arrest", "conviction", "legislation", "accession", "report", "campaign", "agreement",
             "training"]
    next_id = (db.execute("SELECT max(id) FROM events").fetchone()[0] or 0) + 1
    events, sources, links = [], [], []
    for event_id in range(next_id, next_id + max(0, target - have)):
        day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(26 * 365))
        date = day.isoformat()[:rng.choice((4, 7, 10, 10))]
        events.append((event_id, rng.choice(types), date, day.year,
                       rng.choice(("KW", "KW", "SA", "AE", "QA", "BH", "OM")), f"حدث {event_id}", 0.8))
        sources.append((event_id, rng.randrange(1, articles + 1), "", 0, 0))
        if agencies[0] is not None:
            links.append((event_id, rng.choice(agencies), "agency"))
    with db.conn:
        db.conn.executemany("INSERT INTO events (id, type, date, year, country, title, confidence) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)", events)
        db.conn.executemany("INSERT OR IGNORE INTO event_sources (event_id, article_id, evidence, "
                            "start, end) VALUES (?, ?, ?, ?, ?)", sources)
        db.conn.executemany("INSERT OR IGNORE INTO event_entities (event_id, entity_id, role) "
                            "VALUES (?, ?, ?)", links)
    db.execute("ANALYZE")
    return db.execute("SELECT count(*) FROM events").fetchone()[0]


def query_times(db) -> list[tuple[str, float, float, int]]:
    """(query, median wall ms and CPU ms of 5 runs, rows) of the timeline queries users run."""
    from timeline.query import timeline_rows
    from timeline.store import search_articles

    queries = [
        ("by state and year range (KW, 2019-2020), first 100 rows",
         lambda: timeline_rows(db, country="KW", since="2019", until="2020", limit=100)),
        ("by agency (kw-moi), first 100 rows", lambda: timeline_rows(db, agency="kw-moi", limit=100)),
        ("full-text search (الاتجار بالأشخاص), best 20",
         lambda: search_articles(db, "الاتجار بالأشخاص")),
        ("by state and year range (KW, 2019-2020), every row",
         lambda: timeline_rows(db, country="KW", since="2019", until="2020")),
        ("by agency (kw-moi), every row", lambda: timeline_rows(db, agency="kw-moi")),
    ]
    figures = []
    for label, query in queries:
        times, cpu, rows = [], [], 0
        for _ in range(5):
            start, start_cpu = time.perf_counter(), time.process_time()
            rows = len(query())
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        figures.append((label, statistics.median(times), statistics.median(cpu), rows))
    return figures


# --- the run ---------------------------------------------------------------------

def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="a few dozen articles (CI)")
    parser.add_argument("--corpus", type=int, help="articles of the processing corpus")
    parser.add_argument("--sizes", type=lambda s: tuple(int(x) for x in s.split(",")),
                        help="sizes of the cost-per-article runs, e.g. 1000,10000,100000")
    args = parser.parse_args(argv)
    plan = dict(SMOKE if args.smoke else FULL)
    plan["corpus"] = args.corpus or plan["corpus"]
    plan["sizes"] = args.sizes or plan["sizes"]
    from nlp.morphology import camel_data_dir

    print(f"machine: {os.cpu_count()} cores, {os.uname().machine}, Python {sys.version.split()[0]}, "
          f"load average {os.getloadavg()[0]:.1f}; CAMeL tagging "
          f"{'on' if camel_data_dir() else 'OFF (no CAMELTOOLS_DATA)'}; {dt.datetime.now():%Y-%m-%d %H:%M}")
    articles = build_corpus(plan["corpus"])
    texts, words = [a["text"] for a in articles], word_count(articles)
    print(f"corpus: {len(articles)} distinct articles, {words:,} words")

    bare = bare_tokenizer_seconds(texts)
    print(f"bare spaCy tokenizer (median of 3 fresh passes): {bare:.3f} s = "
          f"{len(texts) / bare:,.0f} articles/s, {words / bare:,.0f} words/s")
    runs = {}
    for workers in (1, 2):
        run = runs[workers] = in_child(_process, articles, workers)
        print(f"processing, {workers} worker(s): {run['processed']} articles ({run['failed']} failed) "
              f"in {run['seconds']:.1f} s = {run['processed'] / run['seconds']:.1f} articles/s, "
              f"{words / run['seconds']:,.0f} words/s; {run['seconds'] / bare:.0f} times the bare "
              f"tokenizer; peak memory {run['peak_mib']:.0f} MiB")
    print(f"2 workers / 1 worker: {runs[1]['seconds'] / runs[2]['seconds']:.2f} times faster")

    sample = articles[:plan["sample"]]
    extractions, nlp_seconds = sample_extractions(sample)
    print(f"NLP per article (extract_batch, one process, {len(sample)} articles): "
          f"{nlp_seconds * 1000:.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        costs = {}
        for size in plan["sizes"]:
            path = str(Path(tmp) / f"scale{size}.db")
            run = in_child(_scale, size, articles, extractions, path)
            costs[size] = (run["ingest"] + run["write"]) / size + nlp_seconds
            print(f"cost per article at {size:,}: {costs[size] * 1000:.1f} ms (ingest "
                  f"{run['ingest'] / size * 1000:.2f} ms + write and merge {run['write'] / size * 1000:.2f} ms "
                  f"+ NLP {nlp_seconds * 1000:.1f} ms; ingest + write CPU "
                  f"{run['cpu'] / size * 1000:.2f} ms); {run['events_new']:,} events, "
                  f"{run['events_merged']:,} merged; peak memory {run['peak_mib']:.0f} MiB")
        first, last = plan["sizes"][0], plan["sizes"][-1]
        print(f"cost per article at {last:,} / at {first:,}: {costs[last] / costs[first]:.2f}")

        from timeline.db import open_db
        db = open_db(str(Path(tmp) / f"scale{last}.db"))
        n_articles = top_up_articles(db, articles, plan["articles"])
        events = top_up_events(db, plan["events"])
        print(f"timeline queries on {n_articles:,} articles and {events:,} events (the "
              f"{last:,}-article database, topped up with synthetic rows; median of 5):")
        for label, ms, cpu_ms, rows in query_times(db):
            print(f"  {label}: {ms:.1f} ms (CPU {cpu_ms:.1f} ms; {rows:,} rows)")


if __name__ == "__main__":
    main()
