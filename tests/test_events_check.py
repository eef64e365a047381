"""data/realtext/events_check.py: quotes found spelling-insensitively, figures and sums by
the shared scorer's rules, near misses and relevant articles without events counted, the
reason of a miss read from the detector's trace, --why refused on the unread sets, and the
leave-set-out view trained without exactly the rows of the set's shape. Made-up articles
(the real texts live outside the repository)."""
import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "realtext"))
import events_check
from conftest import tracing

from nlp.extract import analyse, doc_to_dict

PUBLISHED = dt.date(2025, 3, 12)
PLANNED = "ستطلق الوزارة حملة توعوية لمكافحة الاتجار بالبشر الشهر المقبل."
MET = "عقدت اللجنة الوطنية لمكافحة الاتجار بالأشخاص اجتماعها الدوري أمس برئاسة وزير العدل."


def test_a_quote_is_found_whatever_its_diacritics_alef_and_ta_marbuta():
    text = "قال المصدر: وأعلنت اللّجنة الوطنيّة إطلاق الحملة، اليوم."
    start, end = events_check.quote_span(text, "اعلنت اللجنه الوطنية اطلاق")
    assert text[start:end] == "أعلنت اللّجنة الوطنيّة إطلاق"


@pytest.mark.parametrize("text", [
    "قال المصدر: وأعلنت اللّجنة الوطنيّة إطلاق الحملة، اليوم.",
    "ضبـــط تشكيل «عصابي» - يتاجر بالإقامات (10٬000 دينار) – أمس!",
    "مصطفى إلى المستشفى؟ نعم...  رقم 91/2013\nسطر ثانٍ",
])
def test_the_quote_search_spells_as_the_shared_scorer_does(text):
    assert events_check.normalised_with_offsets(text)[0] == events_check.load_scorer().norm(text)


def test_a_quote_not_found_whole_is_found_by_its_first_words():
    text = "وأعلنت اللجنة الوطنية إطلاق الحملة في الكويت."
    start, _ = events_check.quote_span(text, "أعلنت اللجنة الوطنية إطلاق حملتها الكبرى")
    assert text[start:].startswith("أعلنت")
    assert events_check.quote_span(text, "ضبطت الشرطة عصابة") is None


def test_figures_count_near_misses_with_events_and_relevant_articles_without():
    gold = [{"id": "a", "relevant": True, "events": [{"type": "meeting", "year": 2025}]},
            {"id": "b", "relevant": True, "events": [{"type": "report", "year": None}]},
            {"id": "c", "relevant": False, "events": []}]
    preds = {"a": {"events": [{"type": "meeting", "year": 2025}]}, "b": {"events": []},
             "c": {"events": [{"type": "enforcement", "year": None}]}}
    figures = events_check.figures(events_check.load_scorer(), {"gold": gold, "preds": preds,
                                                                "missing": ["d"]})
    assert (figures["tp"], figures["fp"], figures["fn"]) == (1, 1, 1)
    assert figures["relevant_no_event"] == ["b"] and figures["near_miss_with_event"] == ["c"]
    assert figures["missing"] == 1 and figures["relevant"] == 2


def test_the_read_sets_are_summed_from_their_counts():
    one = {"tp": 3, "fp": 1, "fn": 0, "articles": 5, "relevant": 4, "relevant_no_event": ["x"],
           "near_miss_with_event": []}
    two = {"tp": 1, "fp": 0, "fn": 4, "articles": 6, "relevant": 5, "relevant_no_event": [],
           "near_miss_with_event": ["y"]}
    total = events_check.summed(events_check.load_scorer(), {"dev": one, "heldout": two})
    assert (total["tp"], total["fp"], total["fn"]) == (4, 1, 4)
    assert total["precision"] == 0.8 and total["recall"] == 0.5 and total["f1"] == 0.615
    assert total["relevant_no_event"] == 1 and total["near_miss_with_event"] == 1


@pytest.mark.parametrize("name", ["heldout6", "heldout14", "heldout15", "heldout16", "heldout17"])
def test_why_is_refused_on_the_unread_sets(name, capsys, monkeypatch):
    monkeypatch.setattr(events_check, "build", lambda *_: pytest.fail("the pipeline was built"))
    with pytest.raises(SystemExit):
        events_check.main(["--set", name, "--why"])
    assert "never heldout6 or heldout14 or heldout15 or heldout16 or heldout17" in capsys.readouterr().err


@pytest.fixture
def traced(nlp):
    yield from tracing(nlp)


def _miss(nlp, text, gold_event, relevant=(True, 0.9)):
    doc = analyse(nlp, text, PUBLISHED)
    return events_check.why_missed(gold_event, doc_to_dict(doc, relevant), doc)


def test_a_miss_is_put_down_to_the_stage_that_dropped_its_clause(traced):
    reason, clause, probs = _miss(traced, MET + "\n" + PLANNED,
                                  {"type": "awareness", "year": 2025, "quote": "ستطلق الوزارة حملة"})
    assert reason == "planned [awareness]" and clause.startswith("ستطلق") and probs


def test_a_miss_found_at_another_year_or_of_another_type_says_so(traced):
    quote = "عقدت اللجنة الوطنية"
    assert _miss(traced, MET, {"type": "meeting", "year": 2019, "quote": quote})[0] == \
        "found at another year (2025)"
    assert _miss(traced, MET, {"type": "training", "year": 2025, "quote": quote})[0] == \
        "another type (meeting)"


def test_a_lead_event_at_another_year_or_of_another_type_is_no_drop(traced):
    """The lead event's clause was first traced as dropped (no cue); the event it made
    counts, as any event does."""
    deported = "أبعدت الإدارة العامة للمباحث ثلاثين وافدة قدمن إلى البلاد بتأشيرات عمل وهمية."
    quote = "أبعدت الإدارة العامة للمباحث"
    assert _miss(traced, deported, {"type": "enforcement", "year": 2024, "quote": quote})[0] == \
        "found at another year (2025)"
    assert _miss(traced, deported, {"type": "victim_support", "year": 2025, "quote": quote})[0] == \
        "another type (enforcement)"


def test_a_miss_in_an_article_below_the_cut_says_so(traced):
    reason, _, _ = _miss(traced, MET, {"type": "meeting", "year": 2025, "quote": "عقدت"}, (False, 0.3))
    assert reason == "article below the relevance cut (0.30)"


def test_reasons_are_counted_without_their_particulars():
    assert events_check.reason_class("planned [awareness]") == "planned"
    assert events_check.reason_class("article below the relevance cut (0.30)") == \
        "article below the relevance cut"


def test_leave_set_out_trains_without_the_rows_of_the_sets_shape(monkeypatch, tmp_path):
    seen = []
    rows = [{"text": "أ", "label": "none", "shape": "heldout"}, {"text": "ب", "label": "meeting"},
            {"text": "ج", "label": "report", "shape": "dev"}]
    monkeypatch.setattr("models.train.labelled_rows", lambda *_: rows)
    monkeypatch.setattr("models.train.events_model", lambda nlp, kept: seen.append(kept) or object())
    monkeypatch.setattr("nlp.classifiers.EventClassifier", lambda model: model)
    events_check.leave_set_out_classifier(None, "heldout", tmp_path)
    assert [r["text"] for r in seen[0]] == ["ب", "ج"]


def test_events_model_fits_the_rows_it_is_given(nlp):
    from models.train import events_model

    rows = [{"text": "عقدت اللجنة اجتماعها", "label": "meeting"},
            {"text": "ضبطت الشرطة عصابة", "label": "enforcement"},
            {"text": "قال المسؤول إن الجهود مستمرة", "label": "none"}]
    model = events_model(nlp, rows)
    assert sorted(model.classes_) == ["enforcement", "meeting", "none"]
