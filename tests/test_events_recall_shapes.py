"""Event recall on the shapes read across the six spent real-text sets (issue 9, eighth
round), each with a sentence of our own and a near miss beside it: a decision's year dates
the body or plan it set up, whether the decision comes after the founding ("بناء على قرار
... لسنة 2017") or before its content ("قرار ... لسنة 2018، القاضي باعتماد الاستراتيجية");
"تم" before a weak cue the classifier backs tells current news; a clause dated by its own
words needs less of the classifier without a cue word than an undated one; "حلقة عمل" is a
workshop; "التقى ... وفدا" is a reception. Every sentence here is written for this test."""
import pytest
from conftest import BACKGROUND, event_cues
from conftest import event_dates as events


def test_a_body_set_up_on_the_basis_of_a_decision_takes_its_year(any_nlp):
    text = ("وحرصت الدولة على إنشاء الهيئة الوطنية لحماية العمالة من الاستغلال، بناء على قرار "
            "مجلس الوزراء رقم 44 لسنة 2016، لتتولى متابعة الشكاوى.")
    assert ("institution", "2016") in events(any_nlp, BACKGROUND + text)


def test_a_plan_adopted_by_a_decision_named_before_it_takes_its_year(any_nlp):
    text = ("وتأتي هذه الجهود تنفيذا لقرار مجلس الوزراء رقم 310 لسنة 2019، القاضي باعتماد "
            "الاستراتيجية الوطنية لحماية العمال المهاجرين.")
    assert ("strategy", "2019") in events(any_nlp, BACKGROUND + text)


def test_a_decision_far_from_a_plan_dates_nothing_of_it(any_nlp):
    text = ("وتحدث الوزير عن تنفيذ الاستراتيجية الوطنية لحماية العمال، وعن أهمية العمل "
            "المشترك بين الجهات، مذكرا بأحكام القرار الوزاري رقم 12 لسنة 2015 بشأن ساعات العمل.")
    assert ("strategy", "2015") not in events(any_nlp, BACKGROUND + text)


def test_done_passive_before_a_weak_cue_the_classifier_backs_is_current_news(any_nlp):
    text = BACKGROUND + "وبعد ذلك تم إيواء العاملات الهاربات وتقديم الرعاية الصحية لهن."
    assert ("victim_support", None) in events(any_nlp, text, None)


def test_a_weak_cue_outside_the_lead_without_done_passive_stays_out(any_nlp):
    text = BACKGROUND + "وتحدث الخبير عن أهمية إيواء الضحايا في أماكن آمنة."
    assert events(any_nlp, text, None) == []


def test_a_clause_dated_by_its_own_words_needs_no_cue_word(nlp):
    """"استضاف ... يوم الأحد 9 مارس 2025 ممثلة المنظمة" names no cue of the patterns; the
    classifier reads a meeting, and the clause's own date places it (CAMeL mode)."""
    text = ("استضاف رئيس النيابة العامة يوم الأحد 9 مارس 2025 ممثلة منظمة العمل "
            "الدولية في المنطقة لبحث حماية العمال المنزليين.")
    assert event_cues(nlp, text) == []  # no cue word: the model decides
    assert ("meeting", "2025-03-09") in events(nlp, text)


def test_an_undated_clause_without_a_cue_still_needs_a_confident_classifier(any_nlp):
    text = BACKGROUND + "وتحدث رئيس النيابة مع ممثلة المنظمة في شؤون عامة."
    assert events(any_nlp, text, None) == []




@pytest.mark.parametrize("heading", ["نفذت الدائرة حلقة عمل", "عقدت الدائرة حلقات عمل"])
def test_a_workshop_named_halqat_amal_is_training(any_nlp, heading):
    text = f"{heading} لموظفي الجهات المعنية حول التعرف على ضحايا الاستغلال، اليوم."
    assert ("training", True) in event_cues(any_nlp, text)
    assert ("training", "2025-03-12") in events(any_nlp, text)


def test_meeting_a_delegation_is_a_reception(any_nlp):
    text = ("التقت وزيرة التنمية الاجتماعية، اليوم، وفدا من منظمة العمل الدولية وبحثت معه "
            "أوضاع العمال المهاجرين.")
    assert ("meeting", True) in event_cues(any_nlp, text)
    assert ("meeting", "2025-03-12") in events(any_nlp, text)
    assert event_cues(any_nlp, "التقت الوزيرة بالعمال في موقع العمل.") == []  # no guest, no meeting
