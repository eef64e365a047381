"""data/realtext/relevance_check.py: errors and margins at the cut, and the scan of cuts,
on made-up scores (the real texts live outside the repository); and the leave-set-out view
leaves out exactly the training rows written in the shapes of the set it scores."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "realtext"))
import relevance_check

ROWS = [{"relevant": True, "score": s, "set": "a"} for s in (0.9, 0.6, 0.4)] + \
       [{"relevant": False, "score": s, "set": "a"} for s in (0.1, 0.5, 0.7)]


def test_errors_and_margins_at_the_cut():
    figures = relevance_check.summary(ROWS, 0.55)
    assert figures["relevant_below_cut"] == 1 and figures["near_misses_at_or_above_cut"] == 1
    assert figures["lowest_relevant"] == 0.4 and figures["lowest_relevant_above_cut"] == 0.6
    assert figures["highest_near_miss"] == 0.7 and figures["highest_near_miss_below_cut"] == 0.5


def test_the_scan_of_cuts_counts_both_kinds_of_error():
    cuts = dict(relevance_check.best_cuts(ROWS))
    assert cuts[0.3] == 2 and cuts[0.45] == 3 and cuts[0.55] == 2 and cuts[0.65] == 3 and cuts[0.8] == 2


def test_leave_set_out_trains_without_the_rows_of_the_sets_shape(monkeypatch):
    seen = []

    class Recorder:
        def fit(self, texts, labels):
            seen.append(len(texts))
            return self

    training = [{"text": "أ", "relevant": True, "shape": "a"}, {"text": "ب", "relevant": False},
                {"text": "ج", "relevant": True, "shape": "b"}]
    monkeypatch.setattr("models.train.labelled_rows", lambda *_: training)
    monkeypatch.setattr("models.train.relevance_model", Recorder)
    monkeypatch.setattr(relevance_check, "RelevanceClassifier",
                        lambda model: type("C", (), {"scores": lambda self, items: [0.5] * len(items)})())
    rows = [{"set": "a", "text": "x"}, {"set": "b", "text": "y"}]
    relevance_check.leave_set_out_scores(rows)
    assert seen == [2, 2] and [r["score"] for r in rows] == pytest.approx([0.5, 0.5])


def test_a_gated_row_is_turned_away_whatever_its_score():
    rows = [{"relevant": False, "score": 0.65, "set": "a", "gated": True},
            {"relevant": True, "score": 0.65, "set": "a", "gated": True}]
    figures = relevance_check.summary(rows, 0.55)
    assert figures["near_misses_at_or_above_cut"] == 0 and figures["relevant_below_cut"] == 1
    assert figures["gated"] == 2
    assert dict(relevance_check.best_cuts(rows))[0.55] == 1
