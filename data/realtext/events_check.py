#!/usr/bin/env python3
"""Events on the annotated real articles, every set in one process, and why events are missed.

`score.py` runs `pipeline.py extract` once per set through the shared scorer; this loads the
pipeline once, extracts every present text of each set in-process exactly as `extract` does
(the text file read by `timeline.ingest.read_file`, the gold's `published`, the relevance
verdict), and scores events with the shared scorer's own `score` function, so the figures
are `score.py`'s. Per set and summed over the sets events are tuned on (READ: dev,
heldout … heldout5, heldout7): events P/R/F1 and tp/fp/fn,
relevant articles that give no event at all, near-miss articles that give one.

    .venv/bin/python data/realtext/events_check.py [--set dev --set heldout5 ...] [--json]
        [--why] [--leave-set-out]

`--why` (the sets events are tuned on, READ: never heldout6 nor heldout14 … heldout17): for each missed gold event, the
clause holding its quote and the stage of `nlp/events.py` that dropped it, read from the
detector's trace (`EventDetector.trace`), then the reasons counted over all sets asked for.

`--leave-set-out` scores each set with an events classifier trained (models/train.py's
pipeline, written nowhere) without the training rows marked `"shape": "<set>"`: the view
of a learned change on text whose shapes it was not written from.

Sets and their default text folders as in `score.py`; heldout6 (spent for the entity
fields), heldout14 … heldout17 (the current test sets) only in aggregate (no `--why`), to measure an events change out of
sample, never to tune on.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from score import DEFAULT_TEXTS, SETS, SPENT, load_gold, load_scorer, pipeline_env, split_present

from nlp.events import ADDED, LEAD, MERGED, REPLACED, TRACE

UNREAD = ("heldout6", "heldout14", "heldout15", "heldout16", "heldout17")  # for the events work scored in aggregate only: never --why
# (heldout6 is spent for the entity fields, an out-of-sample check for events)
READ = tuple(name for name in SPENT if name not in UNREAD)  # the sets events are tuned on
DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
QUOTE_WORDS = 4  # a quote not found whole is looked for by its first words


def build(tagger: bool = True):
    """The pipeline of `pipeline.py extract`, with CAMeL's data found as `score.py` finds it
    (and the tagger then required) and the event detector tracing."""
    os.environ.update(pipeline_env())
    from nlp.language import build_nlp

    nlp = build_nlp(use_tagger=tagger)
    nlp.get_pipe("event_detector").trace = True
    return nlp


def extract(nlp, path: Path, published: str | None) -> list[tuple[dict, object]]:
    """(extraction, doc) of each record of the file, as `pipeline.py extract --published`."""
    from nlp.extract import analyse, doc_to_dict, parse_date, relevance
    from timeline.ingest import read_file

    found = []
    for record in read_file(path):
        doc = analyse(nlp, record.text, parse_date(published or record.published))
        found.append((doc_to_dict(doc, relevance(record.text, record.title)), doc))
    return found


def run_set(nlp, name: str, texts: Path) -> dict:
    """Gold rows present, their extractions and docs, and the ids missing."""
    present, missing = split_present(load_gold(SETS[name]), texts)
    preds, docs = {}, {}
    for row in present:
        (pred, doc), *_ = extract(nlp, texts / row["file"], row.get("published"))
        preds[row["id"]], docs[row["id"]] = pred, doc
    return {"gold": present, "preds": preds, "docs": docs, "missing": missing}


def figures(scorer, run: dict) -> dict:
    """Events P/R/F1 and tp/fp/fn by the shared scorer, and the article counts."""
    gold, preds = run["gold"], run["preds"]
    events = scorer.score(gold, preds)["events"].scores()
    relevant = [g for g in gold if g.get("relevant", True)]
    return {**events, "articles": len(gold), "missing": len(run["missing"]),
            "relevant": len(relevant),
            "relevant_no_event": sorted(g["id"] for g in relevant if not preds[g["id"]]["events"]),
            "near_miss_with_event": sorted(g["id"] for g in gold if not g.get("relevant", True)
                                           and preds[g["id"]]["events"])}


def summed(scorer, per_set: dict) -> dict:
    """The counts of the sets in `per_set` added up, with P/R/F1 from the sums by the
    shared scorer's own formula (its `Counts`)."""
    counts = scorer.Counts()
    counts.tp, counts.fp, counts.fn = (sum(f[k] for f in per_set.values()) for k in ("tp", "fp", "fn"))
    return {**counts.scores(),
            "articles": sum(f["articles"] for f in per_set.values()),
            "relevant": sum(f["relevant"] for f in per_set.values()),
            "relevant_no_event": sum(len(f["relevant_no_event"]) for f in per_set.values()),
            "near_miss_with_event": sum(len(f["near_miss_with_event"]) for f in per_set.values())}


def normalised_with_offsets(text: str) -> tuple[str, list[int]]:
    """The text in the scorer's spelling-insensitive form (no diacritics, one alef, ya and
    ha, punctuation as space, one space between words), and for each of its characters the
    offset in `text` it comes from."""
    out, where = [], []
    for i, ch in enumerate(text):
        if DIACRITICS.match(ch):
            continue
        ch = ch.translate(LETTERS)
        if not (ch.isalnum() or ch == "_"):
            ch = " "
        if ch == " " and (not out or out[-1] == " "):
            continue
        out.append(ch)
        where.append(i)
    if out and out[-1] == " ":  # as the scorer's split/join, no space at the end
        out.pop(), where.pop()
    return "".join(out), where


def quote_span(text: str, quote: str) -> tuple[int, int] | None:
    """Where the gold quote stands in the text (char offsets), matched spelling-insensitively;
    a quote not found whole by its first QUOTE_WORDS words."""
    body, where = normalised_with_offsets(text)
    wanted, _ = normalised_with_offsets(quote)
    wanted = wanted.strip()
    for probe in (wanted, " ".join(wanted.split()[:QUOTE_WORDS])):
        at = body.find(probe) if probe else -1
        if at >= 0:
            end = at + len(probe) - 1 if probe == wanted else at + len(wanted) - 1
            return where[at], where[min(end, len(where) - 1)] + 1
    return None


def why_missed(gold_event: dict, pred: dict, doc) -> tuple[str, str, dict]:
    """(reason, clause text, the clause's classifier probabilities) for a missed gold event:
    the article's relevance verdict, else the traced fate of the clauses that hold its quote."""
    if not pred["relevant"]:
        return f"article below the relevance cut ({pred['relevance']:.2f})", "", {}
    span = quote_span(doc.text, gold_event.get("quote") or "")
    if span is None:
        return "quote not found in the text", "", {}
    start, end = span
    records = [r for r in doc.user_data.get(TRACE, []) if r["start"] < end and start < r["end"]]
    if not records:
        return "no clause traced at the quote", "", {}
    clause = lambda r: (doc.text[r["start"]:r["end"]].strip().replace("\n", " "), r["probs"])
    made = [r for r in records if r["reason"] in (ADDED, REPLACED, LEAD)]  # an event came of it
    same = [r for r in made if r["type"] == gold_event["type"]]
    if same:
        return f"found at another year ({same[0]['year']})", *clause(same[0])
    merged = [r for r in records if r["type"] == gold_event["type"] and r["reason"] == MERGED]
    if merged:
        return MERGED, *clause(merged[0])
    other = made + [r for r in records if r["reason"] == MERGED]
    kept = {(r["start"], r["end"]) for r in other}  # a clause the lead event took is no drop
    dropped = [r for r in records if r not in other and (r["start"], r["end"]) not in kept]
    if dropped:
        best = max(dropped, key=lambda r: min(end, r["end"]) - max(start, r["start"]))
        typed = f" [{best['type']}]" if best["type"] else ""
        return best["reason"] + typed, *clause(best)
    return f"another type ({other[0]['type']})", *clause(other[0])


def misses(run: dict) -> list[dict]:
    """Every required gold event the extraction lacks, with why."""
    found = []
    for g in run["gold"]:
        pred, doc = run["preds"][g["id"]], run["docs"][g["id"]]
        predicted = {(e.get("type"), e.get("year")) for e in pred["events"]}
        for event in g.get("events", []):
            if event.get("optional") or (event["type"], event.get("year")) in predicted:
                continue
            reason, clause, probs = why_missed(event, pred, doc)
            found.append({"id": g["id"], "type": event["type"], "year": event.get("year"),
                          "quote": event.get("quote", ""), "reason": reason, "clause": clause,
                          "probs": probs})
    return found


def reason_class(reason: str) -> str:
    """A reason without its particulars (the type, a score, a year), for counting."""
    return re.sub(r" \[.*\]$| \(.*\)$", "", reason)


TRAINING = ROOT / "data" / "training"


def leave_set_out_classifier(nlp, name: str, training: Path = TRAINING):
    """An events classifier trained without the rows written in `name`'s shapes."""
    from models.train import events_model, labelled_rows
    from nlp.classifiers import EventClassifier

    rows = [r for r in labelled_rows(training, "events") if r.get("shape") != name]
    return EventClassifier(events_model(nlp, rows))


def check(nlp, sets: list[str], texts: dict, why: bool = False, leave_set_out: bool = False,
          training: Path = TRAINING) -> dict:
    """Figures per set and summed over the READ ones; with `why`, the misses and reasons."""
    scorer, detector = load_scorer(), nlp.get_pipe("event_detector")
    served, result, missed = detector.classifier, {"sets": {}}, []
    for name in sets:
        if leave_set_out:
            detector.classifier = leave_set_out_classifier(nlp, name, training)
        try:
            run = run_set(nlp, name, Path(texts[name]))
        finally:
            detector.classifier = served
        result["sets"][name] = figures(scorer, run)
        if why:
            missed += [{"set": name, **m} for m in misses(run)]
    read = {n: f for n, f in result["sets"].items() if n in READ}
    if read:
        result["read"] = summed(scorer, read)
    if why:
        result["misses"] = missed
        result["reasons"] = dict(Counter(reason_class(m["reason"]) for m in missed).most_common())
    return result


def report(result: dict) -> str:
    """The result as lines of text."""
    lines = [(f"{'set':<10} {'P':>6} {'R':>6} {'F1':>6}  {'tp':>4} {'fp':>4} {'fn':>4}  "
              "articles  relevant-no-event  near-miss-with-event")]
    rows = list(result["sets"].items()) + ([("read (sum)", result["read"])] if "read" in result else [])
    for name, f in rows:
        no_event, near = f["relevant_no_event"], f["near_miss_with_event"]
        count = lambda x: x if isinstance(x, int) else len(x)
        lines.append(f"{name:<10} {f['precision']:>6} {f['recall']:>6} {f['f1']:>6}  {f['tp']:>4} "
                     f"{f['fp']:>4} {f['fn']:>4}  {f['articles']:>8}  "
                     f"{count(no_event):>3} of {f['relevant']:<3}         {count(near):>3}")
    for name, f in result["sets"].items():
        if f["missing"]:
            lines.append(f"{name}: {f['missing']} texts missing")
    for m in result.get("misses", []):
        probs = " ".join(f"{k}={v}" for k, v in sorted(m["probs"].items(), key=lambda kv: -kv[1])[:3])
        lines.append(f"MISS {m['set']:<9} {m['id']:<8} {m['type']:<12} {m['year']!s:<5} "
                     f"{m['reason']} {{{probs}}}  | {m['clause'][:100]}")
    if "reasons" in result:
        lines.append("reasons: " + ", ".join(f"{k}: {v}" for k, v in result["reasons"].items()))
    return "\n".join(lines)


def set_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every real-text checker takes: which sets, their folders, JSON, light mode."""
    parser.add_argument("--set", action="append", choices=sorted(SETS))
    parser.add_argument("--texts", action="append", default=[], metavar="SET=FOLDER",
                        help="a set's text folder other than the default")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-tagger", action="store_true", help="light mode")


def text_folders(args: argparse.Namespace) -> dict:
    """Each set's text folder: the default, or the one `--texts SET=FOLDER` names."""
    return dict(DEFAULT_TEXTS) | dict(t.split("=", 1) for t in args.texts)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    set_arguments(parser)
    parser.add_argument("--why", action="store_true", help="why each gold event is missed")
    parser.add_argument("--leave-set-out", action="store_true",
                        help="score each set with an events model trained without its shape")
    parser.add_argument("--training", type=Path, default=TRAINING,
                        help="the training rows --leave-set-out reads (another tree's, to compare)")
    args = parser.parse_args(argv)
    sets = args.set or list(READ)
    if args.why and set(sets) & set(UNREAD):
        parser.error("--why reads the texts: the sets events are tuned on only, never "
                     + " or ".join(UNREAD))
    result = check(build(not args.no_tagger), sets, text_folders(args), args.why, args.leave_set_out, args.training)
    print(json.dumps(result, ensure_ascii=False) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
