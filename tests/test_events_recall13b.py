"""Events on the kinds of reporting read in heldout13 (issue 9, thirteenth round), each with
sentences of our own: an article that names its topic only by the bare word for migrants (an
International Migrants Day celebration, a community story) takes no guessed lead event, while
the same lead beside a word of trafficking or a shelter still does."""
import pytest
from conftest import (
    BACKGROUND,
    PUBLISHED,
    classifier_reading,
    event_cues,
    event_dates,
    strong_cue_types,
)

from nlp.events import load_cues, split_clauses, weak_topic_only
from nlp.extract import analyse

# every clause read as a meeting, surely enough for the lead event and below the bar of an
# uncued clause of its own
READS_A_MEETING = {"meeting": 0.45, "none": 0.2}


CELEBRATION = ("أقامت الجالية بالتعاون مع المنظمة الدولية للهجرة معرضا فنيا احتفاء باليوم الدولي "
               "للمهاجرين شارك فيه عشرات من أبناء الجاليات المقيمة.")
TOPICAL = ("أقامت الجالية بالتعاون مع المنظمة الدولية للهجرة معرضا فنيا احتفاء باليوم الدولي "
           "للمهاجرين شارك فيه عشرات من ضحايا الاتجار بالبشر المقيمين في مراكز الإيواء.")


def _types(nlp, text):
    with classifier_reading(nlp, READS_A_MEETING):
        return [e["type"] for e in analyse(nlp, text, PUBLISHED)._.events]


@pytest.mark.parametrize("text,weak", [
    (CELEBRATION, True),
    (TOPICAL, False),
    ("أبعدت الإدارة ثلاثين وافدة قدمن بتأشيرات عمل.", False),  # no topic word at all
])
def test_weak_topic_only_is_the_bare_migrants_word_alone(text, weak):
    assert weak_topic_only(load_cues(), text) is weak


def test_a_migrants_day_celebration_takes_no_lead_event(any_nlp):
    assert _types(any_nlp, CELEBRATION) == []


def test_the_same_lead_beside_a_word_of_the_topic_takes_its_lead_event(any_nlp):
    assert _types(any_nlp, TOPICAL) == ["meeting"]


AIMED = ("وقعت الهيئة أمس مذكرة تفاهم مع اللجنة الوطنية لمكافحة الاتجار بالأشخاص.\n"
         "وتهدف مذكرة التفاهم إلى تعزيز التعاون بين الجانبين في مكافحة الاتجار بالأشخاص، "
         "وتطوير الكوادر عبر تنسيق برامج التدريب المتخصصة للعاملين.")


def test_what_an_agreement_aims_at_after_a_comma_is_no_event(any_nlp):
    found = [e["type"] for e in analyse(any_nlp, AIMED, PUBLISHED)._.events]
    assert found == ["agreement"]


def test_an_aim_keeps_its_coordinated_objects_in_one_clause(any_nlp):
    sent = next(any_nlp(AIMED.split("\n")[1]).sents)
    assert len(split_clauses(sent, load_cues())) == 1


def test_the_centres_founded_verb_first_are_an_institution_cue(any_nlp):
    text = "وقد تأسست المراكز وبدأت نشاطها تحت مظلة الهيئة."
    assert ("institution", False) in event_cues(any_nlp, text)


SOURCED = ("وقال المسؤول إن الدولة تواصل جهودها في هذا الملف منذ سنوات طويلة.\n"
           "ووفقا للتقرير السنوي للجنة الوطنية لمكافحة الاتجار بالبشر فقد تأسست المراكز "
           "وبدأت نشاطها في العام 2009 تحت مظلة الهيئة.")


def test_a_report_named_as_the_source_is_no_report_event(any_nlp):
    assert event_dates(any_nlp, SOURCED) == [("institution", "2009")]


@pytest.mark.parametrize("text,support", [
    ("ومن بين الحالات 20 حالة تمت إحالتها إلى المراكز من قبل السفارات.", True),
    ("وأحيلت الضحايا إلى دار الإيواء لتلقي الرعاية.", True),
    ("وتمت إحالة المتهمين إلى النيابة العامة.", False),
    ("وأحيل الموقوفون إلى مركز الشرطة للتحقيق معهم.", False),
])
def test_a_victim_referred_to_a_shelter_is_strong_victim_support(any_nlp, text, support):
    assert ("victim_support" in strong_cue_types(any_nlp, text)) is support


@pytest.mark.parametrize("text,planned", [
    ("تبدأ الهيئة، الأسبوع الجاري، تنفيذ حملة توعوية لمكافحة الاتجار بالبشر في المطارات.", True),
    ("ستبدأ الهيئة تنفيذ حملة توعوية لمكافحة الاتجار بالبشر في المطارات.", True),
    ("بدأت الهيئة، الأسبوع الجاري، تنفيذ حملة توعوية لمكافحة الاتجار بالبشر في المطارات.", False),
])
def test_a_start_this_week_in_the_present_tense_is_a_plan(any_nlp, text, planned):
    assert (event_dates(any_nlp, text) == []) is planned


LATELY_HELD = (BACKGROUND + "وفي إطار الشراكة بين الجهات استوقفت شرطة المحافظة مؤخرا عددا من الوافدين "
               "يشتبه في تورطهم في الاتجار بالبشر.")


def test_police_who_lately_stopped_suspects_is_an_enforcement_event(any_nlp):
    assert "enforcement" in strong_cue_types(any_nlp, "استوقفت الشرطة مجموعة من الوافدين.")
    assert event_dates(any_nlp, LATELY_HELD) == [("enforcement", "2025")]  # lately: the year
