#!/usr/bin/env python3
"""How often agencies get the right body's id on a real-text set (issue 9, agency side).

Beside `score.py` (which scores names): of the agency mentions whose text matches a gold
body that the gazetteer lists, the share given that body's id (a wrong state's id counts
wrong), and the share of all agency mentions given a made-up id (`xx-new-...`), and of those the ones
for a body the gazetteer knows (the issue's "made-up id for a known body"; a made-up id for
a body the gold marks new is the expected output). Runs the pipeline in-process on the re-collected texts.

    .venv/bin/python data/realtext/agency_ids.py --texts /work/realtext/texts [--show]
    .venv/bin/python data/realtext/agency_ids.py --set heldout4 --texts /work/realtext/heldout4_texts

`--set` takes the sets of score.py: dev, heldout … heldout13 (all spent) and heldout14 … heldout17 (the
current held-out sets, for testing only: never run it with --show, never read its texts).
"""
import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from events_check import build, run_set
from score import DEFAULT_SCORER, SETS, load_scorer


def measure(gold, outputs, known: set[str], names_match) -> dict:
    """Counts of right, wrong and made-up ids, with the wrong and made-up mentions."""
    right, wrong, made, made_known, total = [], [], [], [], 0
    for row in gold:
        for entity in outputs[row["id"]].get("entities", []):
            if entity.get("label") != "AGENCY":
                continue
            total += 1
            canonical = entity.get("canonical")
            bodies = [g for g in row["agencies"]
                      if not g.get("new") and names_match(entity["text"], g["names"])]
            # of several gold bodies the text matches, the one that lists it as written
            # ("مركز إيواء العمالة الوافدة للرجال" is the men's centre, not the shelter)
            body = next((g for g in bodies if entity["text"] in g["names"]),
                        bodies[0] if bodies else None)
            if canonical and canonical not in known:
                made.append((row["id"], entity["text"], canonical))
                if body is not None:
                    made_known.append((row["id"], entity["text"], canonical, body["id"]))
            if body is not None:
                (right if canonical == body["id"] else wrong).append(
                    (row["id"], entity["text"], canonical, body["id"]))
    return {"total": total, "right": right, "wrong": wrong, "made": made,
            "made_known": made_known}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", required=True, help="folder holding the re-collected <id>.txt files")
    ap.add_argument("--set", choices=sorted(SETS), default="dev")
    ap.add_argument("--scorer", default=str(DEFAULT_SCORER))
    ap.add_argument("--show", action="store_true", help="list the wrong and made-up ids")
    a = ap.parse_args(argv)
    run = run_set(build(True), a.set, Path(a.texts))  # as `pipeline.py extract`, the tagger required
    scorer = load_scorer(Path(a.scorer))
    lines = (ROOT / "data" / "gazetteers" / "agencies.jsonl").read_text(encoding="utf-8")
    known = {json.loads(line)["id"] for line in lines.splitlines() if line.strip()}
    counts = measure(run["gold"], run["preds"], known, scorer.names_match)
    matched = len(counts["right"]) + len(counts["wrong"])
    print(f"agency mentions {counts['total']}; matched to a gazetteer body {matched}: right id "
          f"{len(counts['right'])} ({len(counts['right']) / max(matched, 1):.1%}); made-up ids "
          f"{len(counts['made'])} ({len(counts['made']) / max(counts['total'], 1):.1%}), of them "
          f"for a body the gazetteer knows {len(counts['made_known'])} "
          f"({len(counts['made_known']) / max(counts['total'], 1):.1%})")
    if a.show:
        for item in counts["wrong"]:
            print("  WRONG", *item)
        for item in counts["made"]:
            print("  MADE", *item)
    return 0


if __name__ == "__main__":
    sys.exit(main())
