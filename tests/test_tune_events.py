"""data/realtext/tune_events.py: the detector's bars set for a while and restored, each
article's events decided again from its cached clauses under other bars, the coordinate
search keeping only a gain above the precision floor, and the sets dealt into folds.
Made-up articles (the real texts live outside the repository)."""
import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "realtext"))
import tune_events

from nlp import events
from nlp.extract import analyse, doc_to_dict

PUBLISHED = dt.date(2025, 3, 12)
# no cue word: an event only when the classifier is sure enough (the UNCUED bars)
UNCUED = "أبعدت الإدارة العامة للمباحث ثلاثين وافدة قدمن إلى البلاد بتأشيرات عمل وهمية."
MET = "عقدت اللجنة الوطنية لمكافحة الاتجار بالأشخاص اجتماعها الدوري أمس برئاسة وزير العدل."


def test_bars_are_set_for_a_while_and_restored(nlp):
    detector = nlp.get_pipe("event_detector")
    before, lead = tune_events.served(), detector.lead_event
    with tune_events.bars_set(detector, before | {"UNCUED": 0.99, "LEAD_EVENT": 0.9}):
        assert events.UNCUED == 0.99 and detector.lead_event == 0.9
    assert tune_events.served() == before and detector.lead_event == lead


def test_every_bar_searched_is_one_the_detector_reads():
    assert set(tune_events.served()) == set(tune_events.BARS)
    assert all(isinstance(events.__dict__[name], float) for name in tune_events.BARS)


def _run(nlp, articles):
    """A set as `events_check.run_set` gives it, from made-up (id, text, gold events)."""
    detector = nlp.get_pipe("event_detector")
    run = {"gold": [], "preds": {}, "docs": {}, "clauses": {}}
    for key, text, gold in articles:
        doc = analyse(nlp, text, PUBLISHED)
        run["gold"].append({"id": key, "relevant": True, "events": gold})
        run["preds"][key], run["docs"][key] = doc_to_dict(doc, (True, 0.9)), doc
        clauses = detector._clauses(doc)
        probs = detector._probabilities([c[3] for c in clauses])
        run["clauses"][key] = [(*c, p) for c, p in zip(clauses, probs)]
    return run


def test_events_are_decided_again_under_other_bars(nlp):
    detector = nlp.get_pipe("event_detector")
    run = _run(nlp, [("a", MET, [{"type": "meeting", "year": 2025}]),
                     ("b", UNCUED, [{"type": "enforcement", "year": 2025}])])
    scorer, served = tune_events.load_scorer(), tune_events.served()
    assert tune_events.counts(scorer, detector, {"x": run}, served)["x"] == (2, 0, 0)
    # no clause without a cue passes a bar of 1.0, and no fallback lead event either
    strict = served | {"UNCUED": 1.0, "UNCUED_DATED": 1.0, "OWN_FIRST": 1.0, "LEAD_EVENT": 1.0}
    assert tune_events.counts(scorer, detector, {"x": run}, strict)["x"] == (1, 0, 1)
    assert tune_events.served() == served  # the run left the bars as they were


def test_the_search_keeps_a_gain_above_the_precision_floor_only():
    start = tune_events.served()

    def score_of(bars):  # a made-up landscape: UNCUED 0.6 gains, OWN_FIRST 0.15 gains more
        f1 = 0.8 + 0.05 * (bars["UNCUED"] == 0.6) + 0.1 * (bars["OWN_FIRST"] == 0.15)
        return {"f1": f1, "precision": 0.7 if bars["OWN_FIRST"] == 0.15 else 0.9}

    best = tune_events.search(score_of, start, passes=2)
    assert best["UNCUED"] == 0.6  # kept
    assert best["OWN_FIRST"] == start["OWN_FIRST"]  # its precision is under the floor
    assert {k for k in best if best[k] != start[k]} == {"UNCUED"}


def test_a_start_below_the_floor_may_still_gain_without_losing_precision():
    start = tune_events.served()
    score_of = lambda bars: {"f1": 0.5 + 0.1 * (bars["MIN_WEAK"] == 0.1), "precision": 0.6}
    assert tune_events.search(score_of, start)["MIN_WEAK"] == 0.1


def test_summary_adds_the_counts_of_the_sets_asked_for():
    per_set = {"a": (3, 1, 0), "b": (1, 0, 3)}
    assert tune_events.summary(per_set) == {"tp": 4, "fp": 1, "fn": 3, "precision": 0.8,
                                            "recall": 0.571, "f1": 0.667}
    assert tune_events.summary(per_set, ["b"])["recall"] == 0.25


@pytest.mark.parametrize("n", [2, 3])
def test_folds_deal_every_set_once(n):
    sets = ["dev", "heldout", "heldout2", "heldout3", "heldout4"]
    folds = tune_events.folds_of(sets, n)
    assert len(folds) == n and sorted(s for f in folds for s in f) == sorted(sets)
