"""Benchmark of the NLP stages: prints figures, asserts nothing.

Measures, on the bundled sample articles repeated (30 times by default):
  - CAMeL tagging speed in words per second, uncached and with the per-form cache;
  - the whole extraction pipeline in articles and tokens per second, with and without
    CAMeL tagging;
  - `process` into a fresh SQLite file (articles per second, one and two processes).

    python benchmarks/bench_nlp.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED_CAMEL = ROOT.parent / "shared" / "camel_data"
if not os.environ.get("CAMELTOOLS_DATA") and (SHARED_CAMEL / "catalogue.json").is_file():
    os.environ["CAMELTOOLS_DATA"] = str(SHARED_CAMEL)


def sample_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "samples").glob("*.txt"))]


def bench_tagging(texts: list[str]) -> None:
    from camel_tools.tokenizers.word import simple_word_tokenize

    from nlp.morphology import CamelTagger, camel_data_dir

    if camel_data_dir() is None:
        print("tagging: skipped (no CAMELTOOLS_DATA)")
        return
    words = [w for t in texts for w in simple_word_tokenize(t)]
    for label, size, sample in (("uncached", 0, words[:10_000]), ("cached", 200_000, words)):
        tagger = CamelTagger(cache_size=size)
        tagger._mle._cache = {} if size == 0 else tagger._mle._cache
        start = time.perf_counter()
        for word in sample:
            tagger.analyse(word)
        elapsed = time.perf_counter() - start
        print(f"tagging ({label}): {len(sample)} words in {elapsed:.2f} s = {len(sample) / elapsed:,.0f} words/s")


def bench_pipeline(texts: list[str], use_tagger: bool) -> None:
    from nlp.extract import extract_article
    from nlp.language import build_nlp

    start = time.perf_counter()
    nlp = build_nlp(use_tagger=use_tagger)
    load = time.perf_counter() - start
    tokens = sum(len(nlp.make_doc(t)) for t in texts[:5])
    start = time.perf_counter()
    for text in texts:
        extract_article(nlp, text)
    elapsed = time.perf_counter() - start
    label = "with CAMeL tagging" if use_tagger else "light (no tagging)"
    print(f"extract {label}: load {load:.1f} s; {len(texts)} articles in {elapsed:.2f} s = "
          f"{len(texts) / elapsed:.1f} articles/s, ~{tokens * len(texts) / 5 / elapsed:,.0f} tokens/s")


def bench_process(texts: list[str]) -> None:
    from nlp.language import build_nlp
    from timeline.db import open_db
    from timeline.process import process_articles
    from timeline.store import store_article

    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as tmp:
            db = open_db(Path(tmp) / "bench.db")
            for i, text in enumerate(texts):
                store_article(db, url=f"urn:bench:{i}", text=text + f"\n{i}")
            start = time.perf_counter()
            nlp = build_nlp() if workers == 1 else None
            summary = process_articles(db, nlp, workers=workers)
            elapsed = time.perf_counter() - start
            print(f"process into SQLite, {workers} worker(s), start-up included: "
                  f"{summary.processed} articles in {elapsed:.2f} s = "
                  f"{summary.processed / elapsed:.1f} articles/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=30, help="copies of the samples (default 30)")
    args = parser.parse_args()
    texts = sample_texts() * args.repeat
    print(f"{len(texts)} articles, {sum(len(t) for t in texts):,} characters; {os.cpu_count()} cores")
    bench_tagging(texts)
    bench_pipeline(texts, use_tagger=False)
    bench_pipeline(texts, use_tagger=True)
    bench_process(texts)


if __name__ == "__main__":
    main()
