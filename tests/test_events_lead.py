"""The detector's trace (what became of each clause) and the lead event: an article whose
clauses gave no event takes its lead's act the classifier reads surely enough, when that
clause was dropped only for want of confidence. Sentences of our own; both tokenizer modes."""
import datetime as dt

import pytest
from conftest import BACKGROUND, PUBLISHED, classifier_reading, tracing

from nlp.events import LEAD_EVENT, TRACE
from nlp.extract import analyse

# no cue word: the classifier alone reads it as an enforcement (0.6+ in both modes), below
# the bar of an uncued clause (0.7)
DEPORTED = "أبعدت الإدارة العامة للمباحث ثلاثين وافدة قدمن إلى البلاد بتأشيرات عمل وهمية."
PLANNED = "ستطلق الوزارة حملة توعوية لمكافحة الاتجار بالبشر الشهر المقبل."
# dropped for what they say, though the classifier reads an act in them (0.59+, 0.34+):
# an item of a statistic's breakdown, and a report's content
LISTED = "سجلت الهيئة خلال العام 495 شكوى، منها إحالة 77 شكوى إلى النيابة العامة بتهمة الاتجار بالأشخاص."
TOLD = "وأثنى التقرير على تعديل قانون مكافحة الاتجار بالبشر وإنشاء مراكز إيواء للضحايا."
# no cue or a weak one, read by the classifier as an enforcement, but what a report or a
# workshop said, or an item of a breakdown: never the lead's act
SAID = ["وأثنى التقرير على إبعاد الإدارة العامة للمباحث ثلاثين وافدة قدمن إلى البلاد بتأشيرات عمل وهمية.",
        "وناقشت الورشة إبعاد الإدارة العامة للمباحث ثلاثين وافدة قدمن إلى البلاد بتأشيرات عمل وهمية.",
        "سجلت الهيئة خلال العام 495 شكوى، منها إبعاد ثلاثين وافدة قدمن إلى البلاد بتأشيرات عمل وهمية."]
# the lead's act, told as a plan with no cue word of a plan type
UNCUED_PLAN = "ستبعد الإدارة العامة للمباحث ثلاثين وافدة قدمن إلى البلاد بتأشيرات عمل وهمية الأسبوع المقبل."
MET = "عقدت اللجنة الوطنية لمكافحة الاتجار بالأشخاص اجتماعها الدوري أمس برئاسة وزير العدل."


@pytest.fixture
def traced(any_nlp):
    """The pipeline with its event detector tracing, restored afterwards."""
    yield from tracing(any_nlp)


def _types(nlp, text, published=PUBLISHED):
    return [(e["type"], e["date"]) for e in analyse(nlp, text, published)._.events]


def _reasons(nlp, text):
    return [(r["reason"], r["type"]) for r in analyse(nlp, text, PUBLISHED).user_data[TRACE]]


def test_an_article_with_no_event_takes_its_leads_act(any_nlp):
    assert LEAD_EVENT is not None
    assert _types(any_nlp, DEPORTED) == [("enforcement", "2025-03-12")]


def test_without_the_lead_event_the_same_article_gives_none(any_nlp):
    detector = any_nlp.get_pipe("event_detector")
    detector.lead_event = None
    try:
        assert _types(any_nlp, DEPORTED) == []
    finally:
        detector.lead_event = LEAD_EVENT


def test_the_lead_event_without_a_publication_date_has_no_date(any_nlp):
    assert _types(any_nlp, DEPORTED, None) == [("enforcement", None)]


def test_a_plan_in_the_lead_gives_no_lead_event(any_nlp):
    assert _types(any_nlp, PLANNED) == []


@pytest.mark.parametrize("text", [LISTED, TOLD])
def test_a_clause_dropped_for_what_it_says_gives_no_lead_event(traced, text):
    assert _types(traced, text) == []
    assert [reason for reason, _ in _reasons(traced, text)] in (["listed"], ["told content"])


@pytest.mark.parametrize("text", SAID, ids=["report-content", "workshop-topic", "listed-item"])
def test_a_clause_without_a_cue_that_says_rather_than_does_gives_no_lead_event(traced, text):
    """Such a clause never reaches the content checks a cue leads to, so the lead event
    makes them itself (without them each of these gave an enforcement)."""
    best = max((r for r in analyse(traced, text, PUBLISHED).user_data[TRACE]),
               key=lambda r: r["probs"].get("enforcement", 0.0))
    assert best["probs"].get("enforcement", 0.0) >= LEAD_EVENT  # the classifier reads an act
    assert _types(traced, text) == []


def test_an_uncued_plan_in_the_lead_gives_no_lead_event(any_nlp):
    assert _types(any_nlp, UNCUED_PLAN) == []


def test_an_article_with_an_event_takes_no_lead_event(any_nlp):
    assert [t for t, _ in _types(any_nlp, MET + "\n" + DEPORTED)] == ["meeting"]


def test_an_act_outside_the_lead_gives_no_lead_event(any_nlp):
    assert _types(any_nlp, BACKGROUND + DEPORTED) == []


def test_the_trace_says_which_stage_dropped_a_clause(traced):
    assert _reasons(traced, PLANNED) == [("planned", "awareness")]
    assert _reasons(traced, DEPORTED) == [("no cue, classifier below the uncued bar", None),
                                          ("lead event", "enforcement")]
    assert ("event", "meeting") in _reasons(traced, MET)


def test_the_trace_is_left_on_the_doc_only_when_asked(any_nlp):
    assert TRACE not in analyse(any_nlp, MET, PUBLISHED).user_data


def test_the_trace_records_an_event_merged_into_one_known(traced):
    text = MET + "\n" + MET
    assert _reasons(traced, text) == [("event", "meeting"), ("merged by _add", "meeting")]


def test_tracing_changes_no_event(any_nlp):
    detector = any_nlp.get_pipe("event_detector")
    text = MET + "\n" + PLANNED + "\n" + DEPORTED
    plain = _types(any_nlp, text, dt.date(2025, 3, 12))
    detector.trace = True
    try:
        assert _types(any_nlp, text, dt.date(2025, 3, 12)) == plain
    finally:
        detector.trace = False


def test_a_gathering_the_cue_names_keeps_the_cues_kind_in_the_lead_event(any_nlp):
    # "الورشة" names a course (a weak training cue); the classifier reads a meeting, surely
    # enough for the lead event, and the course's own type too weakly for an own-news event
    text = "وجاءت الورشة بالتنسيق بين اللجنة الوطنية والمنظمة الدولية للهجرة في المنطقة."
    with classifier_reading(any_nlp, {"meeting": 0.45, "none": 0.1, "training": 0.08}):
        assert _types(any_nlp, text) == [("training", "2025-03-12")]
