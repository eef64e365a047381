"""Extraction quality gate: the team's own test articles and the seeds (dev set), scored
with the project's own evaluation code (`nlp/evaluate.py`) against pinned floors.

The test articles and their gold are in this repository, so their gate runs on a bare
clone. The seeds' gold lives in `../shared/gold/` (the users' files): without it those
tests skip with the reason, an allowed skip (tests/skip_policy.py). That our scorer gives
the users' scorer's numbers is checked in tests/test_evaluate.py.

The floors sit just under today's scores (README, "Quality"), in both modes (CAMeL
tagging and light): on the seeds one lost person, one lost law or one lost event fails;
on the test articles two lost events or a lost agency name or two fail. Lowering one is
a decision to make in review, not in passing.
"""

from pathlib import Path

import pytest

from nlp.evaluate import evaluate, f1_scores

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "gold" / "seeds.jsonl"
ARTICLES = ROOT / "tests" / "articles"

FLOORS = {
    # today (CAMeL / light): 1.0 everywhere but locations 0.963
    "seeds": {"agencies": 0.98, "laws": 0.95, "years": 0.97, "persons": 0.97,
              "locations": 0.95, "events": 0.97},
    # today (CAMeL / light): agencies 0.976 / 0.973, laws 1.0, years 1.0, persons 0.989 / 0.978,
    # locations 1.0, events 0.923 / 0.917 (two lost events give about 0.91 / 0.904)
    "articles": {"agencies": 0.96, "laws": 0.99, "years": 0.99, "persons": 0.97,
                 "locations": 0.99, "events": 0.9},
}


def _below(scores: dict, floors: dict) -> dict:
    return {f: (scores[f], floor) for f, floor in floors.items() if scores[f] < floor}


def test_articles_f1_floors(nlp):
    scores = f1_scores(evaluate(nlp, ARTICLES / "gold.jsonl", ARTICLES))
    assert not _below(scores, FLOORS["articles"]), f"test articles: F1 below the floor: {scores}"


def test_articles_light_mode_keeps_the_bar(nlp_light):
    scores = f1_scores(evaluate(nlp_light, ARTICLES / "gold.jsonl", ARTICLES))
    assert not _below(scores, FLOORS["articles"]), f"test articles (light): {scores}"


@pytest.fixture(scope="module")
def seeds_gold() -> Path:
    if not SEEDS.is_file():
        pytest.skip(f"../shared not found: the seeds' gold is not at {SEEDS}")
    return SEEDS


def test_seeds_f1_floors(nlp, seeds_gold):
    scores = f1_scores(evaluate(nlp, seeds_gold, ROOT / "data" / "samples"))
    assert not _below(scores, FLOORS["seeds"]), f"seeds: F1 below the floor: {scores}"


def test_seeds_light_mode_keeps_the_bar(nlp_light, seeds_gold):
    scores = f1_scores(evaluate(nlp_light, seeds_gold, ROOT / "data" / "samples"))
    assert not _below(scores, FLOORS["seeds"]), f"seeds (light): {scores}"
