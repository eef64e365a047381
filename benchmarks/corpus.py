"""Benchmark corpus: distinct seed-like articles recombined from the project's own texts.

Each article opens on the first paragraph of a bundled article (data/samples, the team's
tests/articles) and goes on with paragraphs of other bundled articles and sentences of
the team's training set (data/training/events.jsonl) until it has about 450 words, as
the seeds do. A seeded random generator makes the corpus the same on every run; every
article is distinct (checked by content).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_WORDS = 450


def _paragraphs() -> tuple[list[str], list[str]]:
    """(opening paragraphs, other paragraphs) of the bundled articles."""
    leads, rest = [], []
    paths = sorted((ROOT / "data" / "samples").glob("*.txt")) + \
        sorted((ROOT / "tests" / "articles").glob("*.txt"))
    for path in paths:
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
        if paragraphs:
            leads.append(paragraphs[0])
            rest += paragraphs[1:]
    return leads, rest


def _sentences() -> list[str]:
    path = ROOT / "data" / "training" / "events_handwritten.jsonl"  # the team's own sentences
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def build_corpus(size: int, seed: int = 12) -> list[dict]:
    """`size` distinct articles as dicts: url, title, text, published (ISO)."""
    rng = random.Random(seed)
    leads, paragraphs = _paragraphs()
    sentences = _sentences()
    articles, seen = [], set()
    while len(articles) < size:
        parts = [rng.choice(leads)]
        words = len(parts[0].split())
        while words < TARGET_WORDS:
            part = rng.choice(paragraphs) if rng.random() < 0.6 else \
                " ".join(rng.sample(sentences, 3))
            parts.append(part)
            words += len(part.split())
        text = "\n".join(parts)
        if text in seen:
            continue
        seen.add(text)
        published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(11 * 365))
        articles.append({"url": f"urn:bench:{len(articles)}", "title": " ".join(parts[0].split()[:12]),
                         "text": text, "published": published.isoformat()})
    return articles


def word_count(articles: list[dict]) -> int:
    return sum(len(a["text"].split()) for a in articles)
