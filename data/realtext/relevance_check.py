#!/usr/bin/env python3
"""The relevance verdict on the annotated real articles: every score beside its gold label.

Beside `score.py` (which scores what is extracted): the relevance classifier decides
whether an article gives events at all, so this prints, for each real-text set whose texts
are present, every article's score with its gold `relevant`, sorted, and then per set the
errors at the cut (relevant articles below it, near-misses at or above it) and the margins
(lowest relevant score at or above the cut, highest near-miss score below it). The verdict is
`extract`'s: the score against the cut, and the gate on weak indicators alone (`nlp.extract.
weak_alone`, data/patterns/relevance_gate.json) that turns a middling score away; a gated
row is marked "gated". The
articles the product must keep relevant (the seeds, the team's test articles, the samples)
are listed with their lowest score.

    .venv/bin/python data/realtext/relevance_check.py [--model models/relevance.pkl]
        [--cut 0.55] [--set dev --set heldout3 ...] [--quiet] [--leave-set-out]

Sets and their default text folders: dev, heldout … heldout13 (all spent, the default). The
current held-out sets (heldout14 … heldout17) only with `--set heldout14 --quiet`, to measure, never while
tuning.

`--leave-set-out` is the view for new articles: for each set it trains a relevance model
(models/train.py's, not written anywhere) on the training rows minus those written in the
shapes of that set (rows marked `"shape": "<set>"` in data/training/relevance_*.jsonl) and
scores the set with it; the summaries are of those scores.
"""
import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from score import DEFAULT_TEXTS as TEXTS
from score import SETS, SPENT, load_gold

from nlp.classifiers import RELEVANCE_MODEL, RelevanceClassifier
from nlp.extract import RELEVANCE_THRESHOLD, weak_alone
from nlp.stamp import TEXT_ONLY, load_stamped

KEPT = {"seeds": (ROOT.parent / "shared" / "seeds", "*.txt"),
        "team articles": (ROOT / "tests" / "articles", "*.txt"),
        "samples": (ROOT / "data" / "samples", "*.txt")}


def real_rows(sets: list[str]) -> list[dict]:
    """(set, id, relevant, text, topic) of every gold row of `sets` whose text is present."""
    rows = []
    for name in sets:
        for row in load_gold(SETS[name]):
            path = TEXTS[name] / row["file"]
            if path.is_file():
                rows.append({"set": name, "id": row["id"], "relevant": bool(row["relevant"]),
                             "topic": row.get("topic", ""), "text": path.read_text("utf-8")})
    return rows


def kept_rows() -> list[dict]:
    """The articles that must stay relevant, as rows like `real_rows`."""
    rows = []
    for name, (folder, pattern) in KEPT.items():
        for path in sorted(folder.glob(pattern)):
            rows.append({"set": name, "id": path.stem, "relevant": True, "topic": "",
                         "text": path.read_text("utf-8")})
    return rows


def on_topic(row: dict, cut: float) -> bool:
    """`nlp.extract.verdict` of the row at `cut`, with the gate on weak indicators alone
    (`weak_alone`, which does not depend on the cut) read once and marked as `gated`."""
    return row["score"] >= cut and not row.get("gated")


def summary(rows: list[dict], cut: float) -> dict:
    """Errors at `cut` (the verdict of `on_topic`) and the margins of the rows' scores."""
    relevant = [r["score"] for r in rows if r["relevant"]]
    near = [r["score"] for r in rows if not r["relevant"]]
    return {"articles": len(rows), "relevant": len(relevant), "near_misses": len(near),
            "relevant_below_cut": sum(not on_topic(r, cut) for r in rows if r["relevant"]),
            "near_misses_at_or_above_cut": sum(on_topic(r, cut) for r in rows if not r["relevant"]),
            "gated": sum(bool(r.get("gated")) and r["score"] >= cut for r in rows),
            "lowest_relevant": round(min(relevant), 3) if relevant else None,
            "lowest_relevant_above_cut": round(min((s for s in relevant if s >= cut), default=1), 3),
            "highest_near_miss": round(max(near), 3) if near else None,
            "highest_near_miss_below_cut": round(max((s for s in near if s < cut), default=0), 3)}


def leave_set_out_scores(rows: list[dict]) -> None:
    """Give each row the score of a model trained without the rows of its set's shape."""
    from models.train import labelled_rows, relevance_model
    from nlp.normalise import normalise_text

    training = labelled_rows(ROOT / "data" / "training", "relevance")
    for name in sorted({r["set"] for r in rows}):
        kept = [t for t in training if t.get("shape") != name]
        model = relevance_model().fit(
            [normalise_text(f"{t.get('title') or ''}\n{t['text']}") for t in kept],
            [bool(t["relevant"]) for t in kept])
        scored = [r for r in rows if r["set"] == name]
        classifier = RelevanceClassifier(model)
        for row, score in zip(scored, classifier.scores([(None, r["text"]) for r in scored])):
            row["score"] = score


def best_cuts(rows: list[dict]) -> list[tuple[float, int]]:
    """(cut, errors) of every cut from 0.30 to 0.80 by 0.05."""
    return [(c / 100, sum(on_topic(r, c / 100) != r["relevant"] for r in rows))
            for c in range(30, 81, 5)]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=RELEVANCE_MODEL)
    parser.add_argument("--cut", type=float, default=RELEVANCE_THRESHOLD)
    parser.add_argument("--set", action="append", choices=sorted(set(TEXTS) & set(SETS)))
    parser.add_argument("--quiet", action="store_true", help="the summaries only")
    parser.add_argument("--json", action="store_true", help="the summaries as one JSON line")
    parser.add_argument("--leave-set-out", action="store_true",
                        help="score each set with a model trained without the rows of its shape")
    args = parser.parse_args(argv)
    classifier = RelevanceClassifier(load_stamped(args.model, TEXT_ONLY))
    sets = args.set or list(SPENT)
    rows, kept = real_rows(sets), kept_rows()
    for row, score in zip(rows + kept, classifier.scores([(None, r["text"]) for r in rows + kept])):
        row["score"] = score
    if args.leave_set_out:
        leave_set_out_scores(rows)
    for row in rows + kept:
        row["gated"] = weak_alone(row["text"], None, row["score"])
    result = {name: summary([r for r in rows if r["set"] == name], args.cut)
              for name in sets if any(r["set"] == name for r in rows)}
    result["all real"] = summary(rows, args.cut)
    result["kept"] = {name: round(min(r["score"] for r in kept if r["set"] == name), 3)
                      for name in KEPT if any(r["set"] == name for r in kept)}
    result["kept gated"] = [f"{r['set']}/{r['id']}" for r in kept if r["gated"]]
    if args.json:
        print(json.dumps(result))
        return
    if not args.quiet:
        for row in sorted(rows, key=lambda r: r["score"]):
            wrong = "WRONG" if on_topic(row, args.cut) != row["relevant"] else ""
            wrong += " gated" if row["gated"] else ""
            label = "relevant" if row["relevant"] else "near-miss"
            print(f"{row['score']:.3f}  {label:<9} {wrong:<5} {row['set']:<8} {row['id']:<8} "
                  f"{row['topic'][:70]}")
    view = "leave-set-out models" if args.leave_set_out else f"model {args.model}"
    print(f"cut {args.cut}, {view}")
    for name, figures in result.items():
        print(f"{name}: {json.dumps(figures)}")
    print("errors by cut (all real):", ", ".join(f"{c:.2f}: {e}" for c, e in best_cuts(rows)))


if __name__ == "__main__":
    main()
