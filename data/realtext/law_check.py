#!/usr/bin/env python3
"""Check the law grammar (nlp/laws.py) alone against every gold law of the spent real-text sets.

Fast: no spaCy pipeline, only `find_laws` + `link_named_laws` over each text, matched against
the gold laws by the shared scorer's own rule (`law_match` of
../shared/tools/score_extraction.py: number and year, or the name). Lists every missed gold
law with the sentence(s) that hold it and every false law with its sentence, then the
counts per set. The full pipeline can still drop a law that an agency span overlaps (longer
wins), so `score.py` stays the measure; this is the grammar's own view.

    .venv/bin/python data/realtext/law_check.py [--set dev --set heldout3] [--quiet]

Only the spent sets are known here (texts in /work/realtext/...).
"""
import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))
from score import DEFAULT_TEXTS, SETS, SPENT, load_gold, load_scorer

from nlp.laws import find_laws, link_named_laws

SENTENCE = re.compile(r"[^.!؟?\n]+[.!؟?]?")


def sentence_at(text, start, end):
    """The sentence (between stops or line breaks) that holds text[start:end], shortened."""
    left = max(text.rfind(c, 0, start) for c in ".!؟?\n") + 1
    right = min((i for i in (text.find(c, end) for c in ".!؟?\n") if i >= 0), default=len(text))
    return " ".join(text[left:right].split())[:300]


def gold_sentences(scorer, text, gold):
    """Sentences whose normalised form holds the gold law's number or the first three words
    of one of its names."""
    keys = [str(gold["number"])] if gold.get("number") else []
    keys += [" ".join(scorer.norm(n).split()[1:4]) for n in gold["names"]]
    found = []
    for match in SENTENCE.finditer(text):
        normal = scorer.norm(match[0])
        if any(k and k in normal for k in keys):
            found.append(" ".join(match[0].split())[:300])
    return found[:2]


def check(scorer, set_name, quiet=False):
    folder = DEFAULT_TEXTS[set_name]
    tp = fp = fn = 0
    rows = load_gold(SETS[set_name])
    for row in rows:
        text = (folder / row["file"]).read_text(encoding="utf-8")
        mentions = link_named_laws(find_laws(text), text)
        preds = [(m.text, {"kind": m.kind, "number": m.number, "year": m.year})
                 for m in mentions]
        req, opt = scorer.gold_items(row.get("laws", []))
        for g in req:
            if any(scorer.law_match(t, c, g) for t, c in preds):
                tp += 1
                continue
            fn += 1
            if not quiet:
                print(f"MISS  {row['id']}: {g['names'][0]} {g.get('number') or ''}"
                      f" {g.get('year') or ''}")
                for sentence in gold_sentences(scorer, text, g):
                    print(f"        | {sentence}")
        seen = set()
        for m, (t, c) in zip(mentions, preds):
            if any(scorer.law_match(t, c, g) for g in req + opt) or scorer.norm(t) in seen:
                continue
            seen.add(scorer.norm(t))
            fp += 1
            if not quiet:
                print(f"FALSE {row['id']}: {t}  [{m.kind} {m.number} {m.year}]")
                print(f"        | {sentence_at(text, m.start, m.end)}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{set_name:<9} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   tp {tp} fp {fp} fn {fn}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", choices=SPENT)
    ap.add_argument("--quiet", action="store_true", help="only the counts")
    a = ap.parse_args(argv)
    scorer = load_scorer()
    lines = [check(scorer, name, a.quiet) for name in a.set or SPENT]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
