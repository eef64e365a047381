"""Benchmark of the distributed paths: prints figures, asserts nothing.

On the bundled sample articles repeated (--repeat, 10 by default), into fresh SQLite files:
  - `process` with the multiprocessing pool, 1 and 2 processes (start-up included);
  - `process --dask` on a LocalCluster of 1 and 2 worker processes: start-up included
    (cluster + pipeline loads), and steady state (workers already up with their pipeline);
  - the writer's side: store_article straight into SQLite, and `ingest --from-redis`
    draining the same articles from a Redis list (needs `redis-server` on the PATH).

    python benchmarks/bench_dask.py [--repeat N]

The figures feed docs/scaling.md (per-article stage costs).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_nlp import sample_texts


def fresh_db(folder: Path, texts: list[str], name: str):
    from timeline.db import open_db
    from timeline.store import store_article

    db = open_db(folder / f"{name}.db")
    for i, text in enumerate(texts):
        store_article(db, url=f"urn:bench:{i}", text=text + f"\n{i}")
    return db


def report(label: str, count: int, elapsed: float) -> None:
    print(f"{label}: {count} articles in {elapsed:.2f} s = {count / elapsed:.2f} articles/s "
          f"({1000 * elapsed / max(count, 1):.0f} ms/article)")


def bench_pool(texts: list[str], folder: Path) -> None:
    from timeline.process import process_articles

    for workers in (1, 2):
        db = fresh_db(folder, texts, f"pool{workers}")
        start = time.perf_counter()
        summary = process_articles(db, None, workers=workers)
        report(f"multiprocessing, {workers} process(es), start-up included", summary.processed,
               time.perf_counter() - start)


def bench_dask(texts: list[str], folder: Path) -> None:
    import logging

    from distributed import Client, LocalCluster

    from timeline.distributed import PipelinePlugin
    from timeline.process import process_articles

    logging.getLogger("distributed").setLevel(logging.ERROR)
    for workers in (1, 2):
        db = fresh_db(folder, texts, f"dask{workers}")
        start = time.perf_counter()
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            client.register_plugin(PipelinePlugin(True))  # the pipelines are loaded here
            ready = time.perf_counter()
            summary = process_articles(db, None, dask=cluster.scheduler_address)
            done = time.perf_counter()
        report(f"dask, {workers} worker(s), start-up included", summary.processed, done - start)
        report(f"dask, {workers} worker(s), steady state (start-up {ready - start:.1f} s)",
               summary.processed, done - ready)


def bench_writer(texts: list[str], folder: Path) -> None:
    from timeline.db import open_db
    from timeline.redis_ingest import drain_items

    start = time.perf_counter()
    fresh_db(folder, texts, "direct")
    report("writer: store_article into SQLite", len(texts), time.perf_counter() - start)
    binary = shutil.which("redis-server")
    if not binary:
        print("writer from Redis: skipped (no redis-server)")
        return
    import redis

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([binary, "--port", str(port), "--save", "", "--appendonly", "no"],
                              stdout=subprocess.DEVNULL)
    try:
        url = f"redis://127.0.0.1:{port}/0"
        client = redis.Redis.from_url(url)
        for _ in range(50):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.1)
        client.rpush("news:items", *(json.dumps({"url": f"urn:bench:{i}", "text": t + f"\n{i}"},
                                                ensure_ascii=False) for i, t in enumerate(texts)))
        db = open_db(folder / "from_redis.db")
        start = time.perf_counter()
        summary = drain_items(db, url)
        report("writer: ingest --from-redis (batches of 200)", summary.added,
               time.perf_counter() - start)
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10, help="copies of the samples (default 10)")
    args = parser.parse_args()
    texts = sample_texts() * args.repeat
    print(f"{len(texts)} articles, {sum(len(t) for t in texts):,} characters; "
          f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_writer(texts, folder)
        bench_pool(texts, folder)
        bench_dask(texts, folder)


if __name__ == "__main__":
    main()
