"""Test helper: score a crawl of a fixture outlet against its truth file.

Used by tests/test_crawl_outlets.py and benchmarks/score_outlets.py. The truth files
(tests/sites/outlets/truth/<outlet>.json) list the articles each outlet holds: path,
title, publication date and body. Scores: recall (truth articles stored), titles and
dates right (share of the stored truth articles), body token F1 (mean and lowest),
junk rows (stored rows that are not truth articles), duplicate rows.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

TRUTH = Path(__file__).parent / "sites" / "outlets" / "truth"
_TOKEN = re.compile(r"\w+")


def load_truth(outlet: str) -> dict[str, dict]:
    rows = json.loads((TRUTH / f"{outlet}.json").read_text(encoding="utf-8"))
    return {route(row["path"]): row for row in rows}


def route(url: str) -> str:
    """An article's address without scheme and host: "/ar/news/...", "/x.aspx?id=1"."""
    parts = urlsplit(url)
    path = unquote(parts.path).rstrip("/") or "/"
    return path + (f"?{parts.query}" if parts.query else "")


def token_f1(found: str, expected: str) -> float:
    got, want = Counter(_TOKEN.findall(found)), Counter(_TOKEN.findall(expected))
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def score(rows: list[dict], truth: dict[str, dict]) -> dict:
    """The figures of one outlet's crawl (rows: the `articles` table as dicts)."""
    stored = {}
    for row in rows:
        stored.setdefault(route(row["url"]), []).append(row)
    matched = {key: stored[key][0] for key in truth if key in stored}
    f1s = [token_f1(row["text"], truth[key]["text"]) for key, row in matched.items()]
    n = max(len(matched), 1)
    return {
        "articles": len(truth), "stored_rows": len(rows),
        "recall": round(len(matched) / len(truth), 3),
        "titles_right": round(sum(row["title"] == truth[k]["title"] for k, row in matched.items()) / n, 3),
        "dates_right": round(sum(row["published"] == truth[k]["published"] for k, row in matched.items()) / n, 3),
        "body_f1_mean": round(sum(f1s) / n, 3), "body_f1_min": round(min(f1s, default=0.0), 3),
        "junk_rows": sorted(key for key in stored if key not in truth),
        "duplicate_rows": sorted(key for key, found in stored.items() if len(found) > 1),
        "wrong": {k: {"title": row["title"], "published": row["published"]}
                  for k, row in matched.items()
                  if row["title"] != truth[k]["title"] or row["published"] != truth[k]["published"]},
        "missing": sorted(key for key in truth if key not in stored),
    }
