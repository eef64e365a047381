"""Event cues and dating on the kinds of reporting read in heldout11 (issue 9, thirteenth
round), each with sentences of our own: an official's visit to a body's seat ("زار ... مقر
الدار") and receiving an embassy's or a consulate's official are meetings, strong; a shelter
or an official taking in a victim ("احتضنت الدار طفلة") is victim support, strong;
"المستقبل" is a plan only as "in/for/towards the future", not in a programme's name ("سفراء
المستقبل"); a telling frame ("جاء ذلك خلال ندوة ...") shares the day the sentence before it
was said on, not a year that sentence tells of."""
import pytest
from conftest import BACKGROUND, event_cues, strong_cue_types
from conftest import event_dates as events


@pytest.mark.parametrize("text", [
    "زار وكيل الوزارة أمس مقر دار الحماية للاطلاع على الخدمات المقدمة لضحايا الاتجار.",
    "وزارت رئيسة اللجنة مركز إيواء الضحايا والتقت النزيلات.",
    "استقبل نائب المدير العام رئيس القسم السياسي بسفارة اليابان لدى الكويت لبحث حماية العمالة.",
    "واستقبلت الوكيلة القنصل العام لجمهورية الهند في دبي وبحثا قضايا العمالة المنزلية.",
])
def test_visits_and_embassy_officials_received_are_strong_meeting_cues(any_nlp, text):
    assert "meeting" in strong_cue_types(any_nlp, text)


def test_a_visit_far_from_the_lead_is_a_meeting_event(nlp):
    text = BACKGROUND + ("وزار رئيس اللجنة الوطنية لمكافحة الاتجار بالبشر أمس مقر دار الإيواء "
                         "واطلع على الخدمات التي تقدمها لضحايا الاتجار.")
    assert ("meeting", "2025-03-11") in events(nlp, text)


@pytest.mark.parametrize("text", [
    "واحتضنت دار الرعاية طفلة تعرضت للاستغلال على يد عصابة اتجار بالبشر.",
    "وقد تم احتضان الضحية من قبل المركز بعد إنقاذها من شبكة الاتجار.",
])
def test_taking_in_a_victim_is_a_strong_victim_support_cue(any_nlp, text):
    assert "victim_support" in strong_cue_types(any_nlp, text)


@pytest.mark.parametrize("text,planned", [
    ("وزار وفد سفراء المستقبل من وزارة الخارجية مقر المركز أمس.", False),
    ("وتسعى الوزارة في المستقبل إلى عقد مؤتمر عن الاتجار بالبشر.", True),
    ("وأكد أن الهيئة تخطط للمستقبل بعقد ملتقى عن الاتجار بالبشر.", True),
])
def test_the_future_is_a_plan_only_when_it_is_the_time_of_the_act(nlp, text, planned):
    found = events(nlp, BACKGROUND + text)
    assert (found == []) is planned


def test_a_telling_frame_shares_the_day_said_not_a_year_told_of(nlp):
    text = BACKGROUND + ("وقد أودعت الضحية في دار الإيواء عام 2015 بعد إنقاذها، حسب ما قالته "
                         "المسؤولة في الوزارة.\n"
                         "جاء هذا أثناء ندوة مكافحة الاتجار بالبشر التي تنظمها اللجنة الوطنية.")
    found = events(nlp, text)
    assert ("meeting", "2015") not in found
    assert ("victim_support", "2015") in found


def test_a_telling_frame_still_shares_the_day_of_the_sentence_before(nlp):
    text = BACKGROUND + ("وأكدت الوزيرة أمس أن الدولة ماضية في مكافحة الاتجار بالبشر.\n"
                         "جاء ذلك خلال ندوة نظمتها اللجنة الوطنية لمكافحة الاتجار بالبشر.")
    assert ("meeting", "2025-03-11") in events(nlp, text)


def test_the_new_cues_are_read_by_the_weak_list_too(any_nlp):
    text = "زار الوزير مقر مركز الإيواء أمس."
    assert ("meeting", True) in event_cues(any_nlp, text)


@pytest.mark.parametrize("text", [
    # an embassy taking in workers is no meeting; a health centre visited is no event's seat
    "زار وزير الصحة مركز الجهراء الصحي أمس.",
    "وزار رئيس الوزراء الدوحة، ودار الحديث عن التعاون الاقتصادي.",
    # a theatre hosting a play, a story that caught attention
    "احتضن مسرح الدسمة مساء أمس عرضا مسرحيا عن معاناة ضحايا الاتجار بالبشر.",
    "استوقفت قصة العاملة رواد مواقع التواصل الاجتماعي أمس.",
])
def test_no_strong_cue_in_ordinary_uses_of_these_verbs(any_nlp, text):
    found = strong_cue_types(any_nlp, text)
    assert "meeting" not in found and "victim_support" not in found and "enforcement" not in found


def test_an_embassy_taking_in_workers_is_support_not_a_meeting(nlp):
    text = "استقبلت السفارة الإندونيسية في الكويت أمس 30 عاملة منزلية هربن من منازل كفلائهن."
    assert "meeting" not in [t for t, _ in events(nlp, text)]


def test_a_body_sent_to_a_forensic_centre_is_no_victim_support(any_nlp):
    assert "victim_support" not in strong_cue_types(
        any_nlp, "وأحيلت جثة العاملة إلى مركز الطب الشرعي لمعرفة أسباب الوفاة.")


def test_plans_for_the_future_are_a_plan(nlp):
    assert events(nlp, BACKGROUND + "وتحدث الوزير عن خطط المستقبل لإنشاء مركز إيواء جديد للضحايا.") == []


def test_police_stopping_suspects_is_enforcement(any_nlp):
    assert "enforcement" in strong_cue_types(
        any_nlp, "استوقفت دورية أمنية سيارة تقل خمسة متسللين قرب الحدود.")


def test_a_call_then_an_act_of_its_own_after_a_comma(nlp):
    text = ("وطالب النائب بتشديد العقوبات، وأحالت النيابة العامة أمس 5 متهمين بالاتجار بالبشر "
            "إلى محكمة الجنايات.")
    assert ("enforcement", "2025-03-11") in events(nlp, text)
