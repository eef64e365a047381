"""Event cues and dating on the shapes read in heldout9 (issue 9, twelfth round), each with
a sentence of our own: "بشكل" (in a manner) is no "شكل" (formed); a state enacting a law to
combat a crime ("أصدر ... قانوناً لمكافحة", "أقرت النظام الخاص بمكافحة") is legislation,
strong; a body "التي اعتمدها مجلس الوزراء" was founded then; "مركز إيواء", "دار إيواء" name a
shelter, no act of sheltering; a meeting with an envoy is a strong meeting cue; a treaty's
name year ("بروتوكول عام 2014") dates no further act of the clause citing it; a body's
annual report is a strong report cue; a photo's caption ("... أرشيفية") is no lead sentence;
a delegation's visit is a strong meeting cue; a founding told in a relative clause ("إلى
الدار التي أنشئت في مارس 2016") dates the noun, not the act before it, which is news of its
own, nor is it the date of an occasion ("بمناسبة زيارة ...")."""
import pytest
from conftest import BACKGROUND, event_cues, strong_cue_types
from conftest import event_dates as events


@pytest.mark.parametrize("text", [
    "وتعمل الوزارة بشكل دائم مع اللجنة الوطنية على متابعة الملف.",
    "وأكد أن الدولة تتعامل بشكل جاد مع هيئة حقوق الإنسان.",
])
def test_in_a_manner_is_no_founding_cue(any_nlp, text):
    assert "institution" not in dict(event_cues(any_nlp, text))


def test_formed_by_a_minister_is_still_a_founding_cue(any_nlp):
    text = "وشكل وزير العدل لجنة لمتابعة قضايا العمالة."
    assert "institution" in dict(event_cues(any_nlp, text))


@pytest.mark.parametrize("text,expected", [
    # an indefinite law after the verb and its long subject and date
    (("وتوجت الدولة جهودها بإصدار الأمير الوالد في شهر مارس 2008 قانوناً جديداً لمكافحة "
      "الاتجار بالأشخاص."), ("legislation", "2008-03")),
    # a definite one right after the verb ("النظام": a law in Saudi usage)
    ("وكانت الحكومة قد أقرت النظام الخاص بمكافحة جرائم الاتجار بالبشر في عام 2010.",
     ("legislation", "2010")),
])
def test_a_state_enacting_a_law_to_combat_a_crime_is_legislation(any_nlp, text, expected):
    assert "legislation" in strong_cue_types(any_nlp, text)
    assert expected in events(any_nlp, BACKGROUND + text)


def test_a_statement_on_applying_a_law_is_no_strong_enactment(any_nlp):
    text = "وأصدرت النيابة العامة بيانا حول تطبيق القانون لمكافحة الاتجار بالأشخاص."
    assert "legislation" not in strong_cue_types(any_nlp, text)


def test_a_body_the_cabinet_approved_is_founded_at_that_date(any_nlp):
    text = ("وشدد المدير على أهمية تفعيل اللجنة الوطنية لمكافحة الاتجار بالأشخاص التي "
            "اعتمدها مجلس الوزراء في العاشر من مارس 2019.")
    assert "institution" in strong_cue_types(any_nlp, text)
    assert ("institution", "2019-03") in events(any_nlp, BACKGROUND + text)


@pytest.mark.parametrize("text,kind", [
    # the clause describes the plan or the decision between the body and it, not the body
    (("وأشاد رئيس الهيئة العامة للقوى العاملة بالاستراتيجية الوطنية التي اعتمدها مجلس الوزراء "
      "في 2023."), "strategy"),
    (("وثمن مدير المكتب الإقليمي الخطة الوطنية لمكافحة الاتجار بالأشخاص التي اعتمدها مجلس "
      "الوزراء في 2022."), "strategy"),
    ("ونوه رئيس الفريق بالقرار الذي اعتمده مجلس الوزراء في 2021 لحماية العمالة.", "legislation"),
])
def test_a_plan_the_cabinet_approved_founds_no_body(any_nlp, text, kind):
    assert "institution" not in strong_cue_types(any_nlp, text)
    found = [t for t, _ in events(any_nlp, BACKGROUND + text)]
    assert "institution" not in found and kind in found


def test_a_law_inside_a_bodys_name_keeps_its_founding(any_nlp):
    text = ("وعقدت اللجنة الدائمة لمراجعة قانون مكافحة الاتجار بالبشر التي شكلها مجلس الوزراء "
            "في مارس 2023 اجتماعها.")
    assert ("institution", "2023-03") in events(any_nlp, BACKGROUND + text)


@pytest.mark.parametrize("text", [
    "وتطوع عدد من الطلاب في مركز إيواء العمالة بالعاصمة.",
    "وأشاد السفير بإنشاء الدولة دار إيواء للعمالة المنزلية.",
])
def test_a_shelters_name_is_no_act_of_sheltering(any_nlp, text):
    assert "victim_support" not in dict(event_cues(any_nlp, text))


def test_providing_shelter_is_still_victim_support(any_nlp):
    text = "ووفرت الجمعية إيواء عاجلا لعشر عاملات هاربات."
    assert "victim_support" in dict(event_cues(any_nlp, text))


@pytest.mark.parametrize("text", [
    "وأوضح الوزير بعد اجتماعه مع سفير الفلبين لبحث أوضاع العمالة أن التعاون مستمر.",
    "وقال المدير في لقاء مع وفد من المنظمة الدولية للهجرة إن الإدارة تتابع البلاغات.",
    "وأضاف الوكيل عقب اجتماع مع القائم بأعمال السفارة الإثيوبية أن الملف مفتوح.",
])
def test_a_meeting_with_an_envoy_or_a_delegation_is_a_strong_meeting_cue(any_nlp, text):
    assert "meeting" in strong_cue_types(any_nlp, text)


def test_a_meeting_with_an_envoy_is_further_news_of_the_lead(any_nlp):
    text = ("أعلنت الوزارة أمس إنشاء إدارة جديدة لمكافحة الاتجار بالأشخاص.\n"
            "وقال الوزير بعد اجتماعه مع سفير الفلبين لبحث أوضاع العمالة إن التعاون مستمر.")
    assert ("meeting", "2025-03-12") in events(any_nlp, text)


def test_a_treaty_named_by_its_year_dates_no_further_accession(any_nlp):
    text = "وانضمت الدولة في عام 2021 إلى بروتوكول عام 2014 الملحق باتفاقية العمل الجبري."
    found = events(any_nlp, text)
    assert ("accession", "2021") in found
    assert ("accession", "2014") not in found


ANNUAL = ("كشف التقرير السنوي، للهيئة الوطنية لمكافحة جرائم الاتجار بالبشر، أن عدد الضحايا "
          "الذين تلقوا المساعدة بلغ 40 ضحية.")


def test_a_bodys_annual_report_is_a_strong_report_cue(any_nlp):
    assert "report" in strong_cue_types(any_nlp, ANNUAL)


def test_a_photos_caption_does_not_push_the_news_out_of_the_lead(any_nlp):
    text = ("الهيئة تساعد عشرات الضحايا منذ تأسيسها قبل عشر سنوات\n"
            "عدد الحالات الجديدة ارتفع في العام الماضي مقارنة بما سبقه\n"
            "موظفو الهيئة يستقبلون البلاغات على مدار الساعة في مقرها الرئيس. أرشيفية\n"
            + ANNUAL)
    assert ("report", "2025-03-12") in events(any_nlp, text)
    uncaptioned = text.replace(". أرشيفية", ".")  # a fourth sentence: outside the lead
    assert ("report", "2025-03-12") not in events(any_nlp, uncaptioned)


VISIT = ("وقال المدير في تصريح بمناسبة زيارة وفد من المنظمة الدولية للهجرة إلى دار الرعاية التي "
         "أنشئت في مارس 2016 إن الدار تستقبل الحالات على مدار الساعة.")


def test_a_delegations_visit_is_a_strong_meeting_cue(any_nlp):
    assert "meeting" in strong_cue_types(any_nlp, VISIT)


@pytest.mark.parametrize("text,news,founded", [
    # a visit to a place whose relative clause tells when it was founded
    (VISIT, ("meeting", "2025-03-12"), ("institution", "2016-03")),
    # a report made by a body whose relative clause tells when it was formed
    (("أصدرت الحكومة أول تقرير وطني أعدته «اللجنة الوطنية لمكافحة الاتجار بالأشخاص» التي "
      "تشكلت بقرار وزاري مطلع عام 2019."), ("report", "2025-03-12"), ("institution", "2019")),
])
def test_a_founding_told_of_a_noun_dates_the_noun_not_the_act_before_it(any_nlp, text, news, founded):
    found = events(any_nlp, text)
    assert news in found
    assert founded in found


def test_the_act_before_a_founded_noun_is_news_when_the_founding_is_the_clauses_event(any_nlp):
    # a strong founding cue later in the clause makes the founding its event, dated by the
    # relative clause; the report before the body is an event of its own
    text = ("أصدرت دولة قطر أول تقرير رسمي وضعته «لجنة مكافحة الاتجار بالأشخاص» التي تشكلت "
            "بمرسوم أميري مطلع العام 2010 بعد تزايد الشكاوى، ما دفع الدولة إلى سن قانون نص "
            "على تشكيل لجنة دائمة للمتابعة.")
    found = events(any_nlp, text)
    assert ("institution", "2010") in found
    assert ("report", "2025-03-12") in found


def test_a_founding_told_after_an_occasion_marker_is_not_the_occasions_date(any_nlp):
    # with no publication date, "بمناسبة زيارة ..." once took the founding's date for the visit
    found = events(any_nlp, VISIT, None)
    assert ("meeting", None) in found
    assert ("institution", "2016-03") in found


def test_a_world_day_that_falls_on_a_date_is_still_the_occasion(any_nlp):
    text = ("نظمت الجمعية أمس ندوة توعوية تزامنا مع اليوم العالمي لمكافحة الاتجار بالأشخاص "
            "الذي يصادف 30 يوليو 2023.")
    assert ("awareness", "2023-07-30") in events(any_nlp, text, None)
