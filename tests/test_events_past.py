"""Past events told in later paragraphs (issue 9): a body set up in an earlier year, told in
a relative clause or the passive, or by the decision that set it up; a cabinet's or a
minister's decision of an earlier year; and what stays off the timeline (a plan, a
negation, a call, a body merely working under a decision). Every sentence here is written
for this test; each comes after three lines of undated background, out of the lead."""
import pytest
from conftest import BACKGROUND, PUBLISHED, event_dates

from nlp.extract import analyse


def events(nlp, sentence):
    return sorted(event_dates(nlp, BACKGROUND + sentence + "\n"))


@pytest.mark.parametrize("sentence,year", [
    ("وتتولى اللجنة الوطنية لمكافحة الاتجار بالأشخاص التي تأسست عام 2008 متابعة الملف.", "2008"),
    ("وكانت اللجنة الوطنية التي شُكّلت في عام 2010 قد رفعت تقريرها إلى المجلس.", "2010"),
    ("ويتولى فريق العمل الذي تشكل مطلع العام 2018 تنسيق الجهود بين الجهات.", "2018"),
    ("وقد تابعت الإدارة منذ إنشائها في عام 2014 أكثر من مئة قضية.", "2014"),
    ("ويقدم المركز الذي افتتح سنة 2016 خدماته للضحايا من الجنسين.", "2016"),
])
def test_a_body_set_up_in_an_earlier_year_is_an_institution_of_that_year(any_nlp, sentence, year):
    assert ("institution", year) in events(any_nlp, sentence)


@pytest.mark.parametrize("sentence", [
    "وأُسست اللجنة بموجب القرار الوزاري رقم 12 لسنة 2019 لتنسيق الجهود الوطنية.",
    "وكان قرار مجلس الوزراء رقم 35 لسنة 2019 بتشكيل اللجنة الوطنية قد حدد مهامها.",
])
def test_the_decision_that_set_a_body_up_dates_it(any_nlp, sentence):
    assert events(any_nlp, sentence) == [("institution", "2019"), ("legislation", "2019")]


@pytest.mark.parametrize("sentence,expected", [
    ("ووافق مجلس الوزراء في عام 2020 على مشروع قانون مكافحة الاتجار بالأشخاص.", "legislation"),
    ("ووافق مجلس الوزراء في عام 2020 على إنشاء دار لإيواء ضحايا الاتجار بالأشخاص.", "institution"),
    ("وصدر قرار وزير الداخلية في 2020 بإنشاء إدارة مختصة بمكافحة الاتجار بالأشخاص.", "institution"),
])
def test_a_cabinet_or_minister_decision_takes_the_type_of_its_object(any_nlp, sentence, expected):
    assert (expected, "2020") in events(any_nlp, sentence)


@pytest.mark.parametrize("sentence", [
    "وتطمح الدولة إلى إنشاء مركز لإيواء الضحايا بحلول عام 2030.",
    "ولم تُنشأ اللجنة المقترحة في عام 2020 بسبب الظروف.",
    "وأكد أن اللجنة التي ستشكل في عام 2026 ستتولى الملف.",
    "وقالت الهيئة إن المركز الذي أنشئ وفق رؤية 2030 يقدم خدماته.",
    "وأوضح المركز أن هذه الجرائم التي تشكل خطرا على المجتمع تراجعت في عام 2022.",
    "وتعمل الإدارة بشكل مستمر منذ عام 2015 على متابعة البلاغات.",
])
def test_plans_negations_and_look_alikes_found_nothing(any_nlp, sentence):
    assert not [e for e in events(any_nlp, sentence) if e[0] == "institution"]


def test_a_body_working_under_a_decision_is_not_set_up_by_it(any_nlp):
    sentence = ("وتعمل الإدارة وفق القرار الوزاري رقم 12 لسنة 2019 في متابعة القضايا "
                "وافتتاح مراكز جديدة.")
    assert events(any_nlp, sentence) == [("legislation", "2019")]


def test_the_title_is_the_body_and_the_clause_that_tells_its_founding(any_nlp):
    sentence = "وتتابع اللجنة الدائمة التي أنشئت عام 2014 شكاوى العمال في المحافظات."
    doc = analyse(any_nlp, BACKGROUND + sentence + "\n", PUBLISHED)
    titles = [e["title"] for e in doc._.events if e["type"] == "institution"]
    assert titles == ["اللجنة الدائمة التي أنشئت عام 2014"]
