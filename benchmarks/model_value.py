"""What each trained model adds: F1 of the field it serves, with it and with the rules alone.

Run from the repository root (CAMeL mode when CAMELTOOLS_DATA is set):

    .venv/bin/python benchmarks/model_value.py [--set NAME=GOLD:TEXTS ...]

The sets default to the team's test articles (tests/articles/), the four near misses of
tests/nearmiss/ and, when their texts are
there, the real-text development sets (data/realtext/gold.jsonl with /work/realtext/texts,
data/realtext/heldout/gold.jsonl with /work/realtext/heldout_texts). For each set it prints
F1 (tp/fp/fn) of agencies with / without the agency CRF, of events with / without the
event classifier, of events with / without the relevance gate, and the relevance
classifier's wrong verdicts against the gold `relevant` (the README table "What each model
adds"; tests/test_model_value.py asserts the same on the test articles).
Each set is extracted with the relevance door open and gated afterwards, so one extraction
gives both.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import nlp.extract as extract_module
from nlp.classifiers import load_relevance_classifier
from nlp.evaluate import extract_set, read_gold, score_set
from nlp.extract import verdict
from nlp.language import build_nlp

SETS = {"test articles": (ROOT / "tests/articles/gold.jsonl", ROOT / "tests/articles"),
        "test near misses": (ROOT / "tests/nearmiss/gold.jsonl", ROOT / "tests/nearmiss"),
        "real-text dev": (ROOT / "data/realtext/gold.jsonl", Path("/work/realtext/texts")),
        "real-text dev 2 (spent held-out)": (ROOT / "data/realtext/heldout/gold.jsonl",
                                             Path("/work/realtext/heldout_texts"))}


def figure(tally) -> str:
    return f"{tally.f1:.3f} ({tally.tp}/{tally.fp}/{tally.fn})"


def gated(predictions: dict, turned_away: set) -> dict:
    return {i: {**p, "events": []} if i in turned_away else p for i, p in predictions.items()}


def model_value(pipelines: dict, gold_path: Path, texts: Path) -> dict[str, tuple[str, str]]:
    """{model: (with, without)} on one set; `pipelines` = full, no CRF, no event classifier."""
    gold = [d for d in read_gold(gold_path) if (texts / d["file"]).exists()]
    classifier = load_relevance_classifier()
    read = {d["id"]: (texts / d["file"]).read_text("utf-8") for d in gold}
    turned_away = {i for i, text in read.items() if not verdict(classifier.score(None, text), text)}
    labelled = [d for d in gold if "relevant" in d]  # else every article is on the topic
    wrong = sum((d["id"] not in turned_away) != d["relevant"] for d in labelled)
    found = {name: extract_set(nlp, gold, texts) for name, nlp in pipelines.items()}
    score = {name: score_set(gold, gated(p, turned_away)) for name, p in found.items()}
    open_door = score_set(gold, found["full"])
    return {"agency CRF (agencies)": (figure(score["full"]["agencies"]),
                                      figure(score["no_crf"]["agencies"])),
            "event classifier (events)": (figure(score["full"]["events"]),
                                          figure(score["no_events"]["events"])),
            "relevance gate (events)": (figure(score["full"]["events"]),
                                        figure(open_door["events"])),
            "relevance verdicts": (f"{wrong} wrong of {len(labelled)} labelled", f"{len(turned_away)} turned away")}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", default=[], metavar="NAME=GOLD:TEXTS")
    args = parser.parse_args(argv)
    sets = dict(SETS) if not args.set else {
        name: tuple(map(Path, paths.split(":"))) for name, paths in (s.split("=", 1) for s in args.set)}
    extract_module.relevances = lambda items: [(True, 1.0)] * len(items)  # the door open
    pipelines = {"full": build_nlp(), "no_crf": build_nlp(without=("agency_crf",)),
                 "no_events": build_nlp(without=("events",))}
    for name, (gold_path, texts) in sets.items():
        if not texts.is_dir():
            print(f"{name}: no texts at {texts}, skipped")
            continue
        for model, (with_it, without) in model_value(pipelines, gold_path, texts).items():
            print(f"{name} | {model} | {with_it} | {without}", flush=True)


if __name__ == "__main__":
    main()
