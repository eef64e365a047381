"""Event recall on the shapes read across the spent real-text sets (issue 9, eleventh round),
each with a sentence of our own: a campaign named with its owner's pronoun ("حملتها
التوعوية") or in the construct state ("حملة التوعية") is an awareness cue, strong as the
bare noun; a body receiving a number of cases of trafficking victims is victim support;
taking part ("مشاركته") in a named regional dialogue is a meeting, strong; an interview
("في حوار مع") is no strong one; a regulator suspending an office's work or a licence, or
companies stopped "for good" ("إيقافها نهائيا"), is enforcement; a state toughening the
penalties ("شددت العقوبات") is legislation, a call to toughen them is no event; a
decision issued ("أصدرت ... قراراً في شأن") past a long body's name is legislation, and
one issued "lately" ("أخيراً", "مؤخراً") is the article's news outside the lead. Every
sentence here is written for this test."""
import pytest
from conftest import BACKGROUND, event_cues, strong_cue_types
from conftest import event_dates as events


def test_a_campaign_with_its_owners_pronoun_is_a_strong_awareness_cue(any_nlp):
    text = "وأطلقت الجمعية حملتها التوعوية الثانية للعمال الجدد."
    assert "awareness" in dict(event_cues(any_nlp, text))
    assert "awareness" in strong_cue_types(any_nlp, text)


def test_receiving_cases_of_trafficking_victims_is_victim_support(any_nlp):
    text = ("أعلن مركز الحماية عن استقبال 6 حالات جديدة خلال الشهرين الماضيين من ضحايا "
            "الاتجار بالبشر بالتنسيق مع الشرطة.")
    assert "victim_support" in dict(event_cues(any_nlp, text))


def test_taking_part_in_a_regional_dialogue_is_a_strong_meeting_cue(any_nlp):
    text = ("وقال مدير الإدارة على هامش مشاركته في الحوار الإقليمي الثالث الذي تنظمه المنظمة "
            "الدولية للهجرة في عمان إن التعاون مستمر.")
    assert "meeting" in dict(event_cues(any_nlp, text))
    assert "meeting" in strong_cue_types(any_nlp, text)


def test_an_interview_is_no_strong_meeting_cue(any_nlp):
    text = "وقال السفير في حوار مع الصحيفة إن بلاده تتابع الملف عن كثب."
    assert "meeting" not in strong_cue_types(any_nlp, text)


def test_a_campaign_of_awareness_in_the_construct_state_is_a_strong_awareness_cue(any_nlp):
    text = ("افتتح وزير الداخلية أمس فعاليات حملة التوعية بجرائم الاتجار بالبشر التي تنظمها "
            "اللجنة الوطنية في المطار.")
    assert "awareness" in strong_cue_types(any_nlp, text)


def test_a_regulator_suspending_an_office_is_enforcement_news(any_nlp):
    text = ("اتخذت الهيئة إجراءات عاجلة بحق أحد مكاتب الاستقدام بعد مخالفات تندرج تحت شبهة "
            "الاتجار بالأشخاص.\nوجمدت الهيئة نشاط المكتب إلى حين انتهاء التحقيق.")
    assert "enforcement" in strong_cue_types(any_nlp, "وجمدت الهيئة نشاط المكتب إلى حين انتهاء التحقيق.")
    assert ("enforcement", "2025-03-12") in events(any_nlp, text)


def test_closed_for_good_is_a_strong_enforcement_cue(any_nlp):
    text = "وأظهر التفتيش أن الشركات لا تعمل في عناوينها، لذلك تم إيقافها نهائيا."
    assert "enforcement" in strong_cue_types(any_nlp, text)


def test_a_state_toughening_penalties_is_legislation(any_nlp):
    text = "غلظت دولة قطر العقوبات على مرتكبي جرائم العمل القسري."
    assert "legislation" in strong_cue_types(any_nlp, text)


def test_a_call_to_toughen_penalties_is_no_event(any_nlp):
    text = "وشدد الوزير على ضرورة تشديد العقوبات على مرتكبي جرائم الاتجار بالبشر."
    assert ("legislation", "2025-03-12") not in events(any_nlp, text)


DECISION = ("أصدرت اللجنة الوطنية الدائمة لمكافحة الاتجار بالأشخاص وتهريب المهاجرين{} قراراً "
            "في شأن قواعد حماية هوية الضحايا في وسائل الإعلام.")


def test_a_decision_issued_by_a_long_named_body_is_a_strong_legislation_cue(any_nlp):
    assert "legislation" in strong_cue_types(any_nlp, DECISION.format(""))


def test_a_decision_issued_lately_is_todays_news_outside_the_lead(any_nlp):
    assert ("legislation", "2025") in events(any_nlp, BACKGROUND + DECISION.format(" مؤخراً"))
    assert not any(kind == "legislation" for kind, _ in
                   events(any_nlp, BACKGROUND + DECISION.format("")))


@pytest.mark.parametrize("text", [
    # "مؤخرا" of a relative clause, in background told with "وكان ... قد"
    "وكان وزير العدل الذي عين مؤخرا قد شارك في مؤتمر دولي حول الهجرة.",
    # "مؤخرا" of another act, after a comma, in background told with "ويذكر أن"
    "ويذكر أن مؤتمرا عقد في الدوحة حول الاتجار بالبشر، وقد تراجعت الجرائم مؤخرا.",
    # "مؤخرا" of another act after a comma, with no background opener
    "عقدت اللجنة اجتماعا في الدوحة، وتراجعت الجرائم مؤخرا.",
])
def test_lately_of_another_act_or_of_background_is_no_news(any_nlp, text):
    assert not any(kind == "meeting" for kind, _ in events(any_nlp, BACKGROUND + text))


@pytest.mark.parametrize("text", [
    "الرياض - شددت محكمة الاستئناف العقوبة على متهم بالاتجار بالبشر إلى السجن عشر سنوات.",
    "وكانت المحكمة قد شددت العقوبة على المتهم في قضية اتجار بالبشر عام 2019.",
    "أصدرت المحكمة الدستورية في جلستها أمس قرارا بشأن الطعن على المادة.",
    "شددت «الاستئناف» أمس العقوبات على المتهمين بالاتجار بالبشر.",  # the court by its name
    "شددت الوزارة على تطبيق العقوبات بحق المخالفين.",  # "شددت ... على": stressed
])
def test_a_court_toughening_a_sentence_or_deciding_is_no_legislation(any_nlp, text):
    assert not any(kind == "legislation" for kind, _ in events(any_nlp, text))


@pytest.mark.parametrize("text,expected", [
    # a parliament toughening a punishment, in the singular after the verbal noun
    ("وافق البرلمان اليوم على تغليظ عقوبة الاتجار بالبشر.", ("legislation", "2025-03-12")),
    ("شدد مجلس النواب أمس العقوبات على جرائم الاتجار بالبشر.", ("legislation", "2025-03-11")),
    # a department ("دائرة") issuing a decision is no court
    ("أصدرت دائرة الموارد البشرية في دبي اليوم قرارا بشأن حماية العمال.", ("legislation", "2025-03-12")),
])
def test_a_legislature_or_a_department_acting_is_legislation(any_nlp, text, expected):
    assert expected in events(any_nlp, BACKGROUND + text)


@pytest.mark.parametrize("text", [
    # "كانت" inside the subject's relative clause is no background opener
    "وقالت الوزارة التي كانت ترعى المبادرة إنها أصدرت مؤخرا قرارا بشأن حماية العمال.",
])
def test_lately_of_the_cues_own_act_is_news(any_nlp, text):
    assert ("legislation", "2025") in events(any_nlp, BACKGROUND + text)


def test_lately_inside_a_long_relative_clause_is_not_the_cues(any_nlp):
    text = "أصدرت اللجنة التي شكلها مجلس الوزراء مؤخرا قرارا بشأن حماية العمال."
    assert ("legislation", "2025") not in events(any_nlp, BACKGROUND + text)
