#!/usr/bin/env python3
"""Every field of every real-text set, in one process: `score.py`'s figures in seconds.

`score.py` runs `pipeline.py extract` once per set (and per publication date) through the
shared scorer, loading the pipeline each time. This loads it once, extracts every present
text as `extract` does (`events_check.run_set`), and scores all six fields with the shared
scorer's own `score`, so each figure is `score.py`'s. Per set, then summed over the spent
sets asked for (by default the spent sets; the current test set only when named with --set):

    .venv/bin/python data/realtext/fields_check.py [--set dev --set heldout5 ...] [--json]
        [--show] [--no-tagger]

`--show` lists the misses and false alarms, as the shared scorer's `--show` does, and is
refused on a set that is not spent (score.py's SPENT): the current test set is scored, never
read.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from events_check import build, run_set, set_arguments, text_folders
from score import SETS, SPENT, load_scorer

FIELDS = ("agencies", "laws", "years", "persons", "locations", "events")


def score_set(scorer, run: dict) -> dict:
    """The shared scorer's Counts of each field for one set's run."""
    return scorer.score(run["gold"], run["preds"])


def summed(scorer, per_set: dict) -> dict:
    """Each field's Counts (tp, fp, fn) of the sets in `per_set` added up."""
    total = {field: scorer.Counts() for field in FIELDS}
    for fields in per_set.values():
        for field, counts in fields.items():
            into = total[field]
            into.tp, into.fp, into.fn = into.tp + counts.tp, into.fp + counts.fp, into.fn + counts.fn
    return total


def check(nlp, sets: list[str], texts: dict) -> dict:
    """{set: {field: Counts}} for the sets asked for, plus "spent (sum)" over the spent ones."""
    scorer, result = load_scorer(), {}
    for name in sets:
        result[name] = score_set(scorer, run_set(nlp, name, Path(texts[name])))
    spent = {n: f for n, f in result.items() if n in SPENT}
    if len(spent) > 1:
        result["spent (sum)"] = summed(scorer, spent)
    return result


def report(result: dict, show: bool = False) -> str:
    """F1 of each field per set, one line a set; with `show`, the misses and false alarms."""
    lines = [f"{'set':<12}" + "".join(f"{f:>10}" for f in FIELDS)]
    for name, fields in result.items():
        lines.append(f"{name:<12}" + "".join(f"{fields[f].scores()['f1']:>10}" for f in FIELDS))
    for name, fields in result.items():
        if not show or name not in SETS:
            continue
        for field in FIELDS:
            lines += [f"MISS  {name:<9} {field:<9} {m}" for m in fields[field].misses]
            lines += [f"FALSE {name:<9} {field:<9} {m}" for m in fields[field].false_alarms]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    set_arguments(parser)
    parser.add_argument("--show", action="store_true", help="misses and false alarms (spent sets)")
    args = parser.parse_args(argv)
    sets = args.set or list(SPENT)  # the current test set only when named
    if args.show and not set(sets) <= set(SPENT):
        parser.error("--show reads the misses: spent sets only, never "
                     + " or ".join(sorted(set(sets) - set(SPENT))))
    result = check(build(not args.no_tagger), sets, text_folders(args))
    if args.json:
        print(json.dumps({n: {f: c.scores() for f, c in fields.items()} for n, fields in result.items()},
                         ensure_ascii=False))
    else:
        print(report(result, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
