#!/usr/bin/env python3
"""The event detector's confidence bars, set from the annotated real articles and checked
by leaving sets out.

`nlp/events.py` turns a clause into an event only when the classifier is sure enough for
its case (a weak cue, no cue, no cue but a date, the lead's own news, a speaker's words, the
article's fallback lead event): the bars in `BARS` below. They were set by hand, one read
set at a time. This runs the pipeline once over the sets events are tuned on
(`events_check.READ`), keeps each article's clauses and their classifier probabilities,
then re-runs only the detector's decisions for other bars, scoring events with the shared
scorer exactly as `events_check.py` does:

    .venv/bin/python data/realtext/tune_events.py [--set heldout5 ...] [--passes 2]
        [--folds 4] [--model models/events.pkl] [--json]

- the served bars' figures, summed over the sets;
- a coordinate search (each bar over its grid in turn, `--passes` times; a change is kept
  only when it adds to the summed F1 with precision at or above the served bars' floor
  `PRECISION_FLOOR`), and the bars it ends with;
- `--folds N`: the honest view of that search. The sets are dealt into N folds; for each,
  the search runs on the other folds and its bars are scored on the fold left out. The
  sum over the left-out folds against the served bars on the same sets says whether new
  bars would carry to articles they were not set on. Change `nlp/events.py` only when
  it does.

`--model` scores another events classifier (e.g. one `pipeline.py train` wrote elsewhere)
with the same search, so that a retrained model is judged with bars set for it.
Texts are read from the default folders of `score.py` (outside the repository).
"""
from __future__ import annotations

import argparse
import json
import sys
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from events_check import READ, build, run_set, text_folders
from score import load_scorer

from nlp import events

# bar -> the values searched (the served value is always among the candidates)
BARS = {
    "MIN_WEAK": (0.03, 0.05, 0.07, 0.1, 0.15),
    "WEAK_NONE": (0.75, 0.8, 0.85, 0.9, 0.95),
    "UNCUED": (0.5, 0.6, 0.7, 0.8),
    "UNCUED_DATED": (0.25, 0.3, 0.35, 0.45),
    "UNCUED_MARGIN": (1.0, 1.5, 2.0, 3.0),
    "OWN_FIRST": (0.15, 0.2, 0.25, 0.3, 0.4),
    "OWN_MORE": (0.3, 0.4, 0.5, 0.6),
    "LEAD_EVENT": (0.2, 0.25, 0.3, 0.4, 0.5),
    "LEAD_EVENT_MARGIN": (0.5, 0.75, 1.0, 1.5),
    "STATEMENT_NONE": (0.6, 0.7, 0.8, 0.9),
}
PRECISION_FLOOR = 0.8  # the floor for events precision: no search result below it


def served() -> dict:
    """The bars as `nlp/events.py` has them now."""
    return {name: getattr(events, name) for name in BARS}


@contextmanager
def bars_set(detector, bars: dict):
    """`nlp/events.py`'s module bars (and the detector's lead bar) set to `bars` for a while."""
    before = served()
    lead = detector.lead_event
    try:
        for name, value in bars.items():
            setattr(events, name, value)
        detector.lead_event = bars["LEAD_EVENT"]
        yield
    finally:
        for name, value in before.items():
            setattr(events, name, value)
        detector.lead_event = lead


def cached(nlp, sets: list[str], folders: dict) -> dict:
    """Each set's gold, predictions and, per article, its doc with its clauses and their
    probabilities (computed once: the bars change decisions, not probabilities)."""
    detector = nlp.get_pipe("event_detector")
    runs = {}
    for name in sets:
        run = run_set(nlp, name, Path(folders[name]))
        run["clauses"] = {}
        for key, doc in run["docs"].items():
            clauses = detector._clauses(doc)
            probs = detector._probabilities([c[3] for c in clauses])
            run["clauses"][key] = [(*c, p) for c, p in zip(clauses, probs)]
        runs[name] = run
    return runs


def counts(scorer, detector, runs: dict, bars: dict) -> dict:
    """tp/fp/fn per set with `bars`."""
    found = {}
    with bars_set(detector, bars):
        for name, run in runs.items():
            preds = {}
            for key, pred in run["preds"].items():
                doc = detector._detect(run["docs"][key], run["clauses"][key])
                preds[key] = {**pred, "events": doc._.events if pred["relevant"] else []}
            c = scorer.score(run["gold"], preds)["events"]
            found[name] = (c.tp, c.fp, c.fn)
    return found


def summary(per_set: dict, names=None) -> dict:
    """P/R/F1 of the summed counts of `names` (all sets by default)."""
    tp, fp, fn = (sum(per_set[n][i] for n in (names or per_set)) for i in range(3))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(f, 3)}


def search(score_of, start: dict, passes: int = 2) -> dict:
    """Coordinate search from `start`: each bar over its grid in turn, keeping a value that
    raises F1 with precision at or above PRECISION_FLOOR (or the start's, when lower); ties
    keep the current value."""
    best, best_fig = dict(start), score_of(start)
    floor = min(PRECISION_FLOOR, best_fig["precision"])
    for _ in range(passes):
        changed = False
        for name, grid in BARS.items():
            for value in grid:
                if value == best[name]:
                    continue
                trial = best | {name: value}
                fig = score_of(trial)
                if fig["f1"] > best_fig["f1"] and fig["precision"] >= floor:
                    best, best_fig, changed = trial, fig, True
        if not changed:
            break
    return best


def folds_of(sets: list[str], n: int) -> list[list[str]]:
    """The sets dealt into `n` folds in turn (the order of READ mixes old and new sets)."""
    return [sets[i::n] for i in range(n)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=list(READ))
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--folds", type=int, default=0, help="leave-folds-out check of the search")
    parser.add_argument("--model", type=Path, help="another events classifier to score")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sets = args.set or list(READ)
    nlp = build()
    detector = nlp.get_pipe("event_detector")
    if args.model:
        from nlp.classifiers import EventClassifier
        from nlp.stamp import load_stamped
        detector.classifier = EventClassifier(load_stamped(args.model, detector.mode))
    runs, scorer = cached(nlp, sets, text_folders(argparse.Namespace(texts=[]))), load_scorer()
    memo: dict = {}

    def per_set(bars: dict) -> dict:
        key = tuple(sorted(bars.items()))
        if key not in memo:
            memo[key] = counts(scorer, detector, runs, bars)
        return memo[key]

    start = served()
    result = {"served": summary(per_set(start))}
    best = search(lambda b: summary(per_set(b)), start, args.passes)
    result["searched"] = {"bars": {k: v for k, v in best.items() if v != start[k]},
                          **summary(per_set(best))}
    if args.folds:
        left_out_new, left_out_served = {}, {}
        for fold in folds_of(sets, args.folds):
            rest = [s for s in sets if s not in fold]
            bars = search(lambda b, rest=rest: summary(per_set(b), rest), start, args.passes)
            left_out_new |= {n: per_set(bars)[n] for n in fold}
            left_out_served |= {n: per_set(start)[n] for n in fold}
            result.setdefault("folds", []).append(
                {"left_out": fold, "bars": {k: v for k, v in bars.items() if v != start[k]},
                 "new": summary(per_set(bars), fold), "served": summary(per_set(start), fold)})
        result["left_out"] = {"new": summary(left_out_new), "served": summary(left_out_served)}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    for name in ("served", "searched"):
        print(name, json.dumps(result[name], ensure_ascii=False))
    for fold in result.get("folds", []):
        print("fold", json.dumps(fold, ensure_ascii=False))
    if "left_out" in result:
        print("left out, new bars ", json.dumps(result["left_out"]["new"]))
        print("left out, served   ", json.dumps(result["left_out"]["served"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
