"""Event rules for the classes of miss read on the spent held-out set (issue 9): a negation
that follows the cue negates nothing; a count "since YEAR" is no event of that year; a
shelter reopened, several centres set up, services given to victims, cases recorded, a
document adopted; a report dated by the year of its name; what a report says is its
content, not the article's news; a centre "for sheltering" names a body; infiltrator
round-ups are near misses. Every sentence here is written for this test."""
import pytest
from conftest import BACKGROUND
from conftest import event_dates as events

from nlp.extract import relevance


def test_a_negation_after_the_cue_negates_nothing(any_nlp):
    text = ("وفي اليوم العالمي لمكافحة الاتجار بالأشخاص الذي حمل شعار عدم ترك أي ضحية "
            "خلف الركب، نظمت الهيئة حملة توعوية في المجمعات التجارية.")
    assert ("awareness", "2025-03-12") in events(any_nlp, text)
    assert events(any_nlp, BACKGROUND + "ولم تنظم الهيئة حملة توعوية في عام 2023.") == []


def test_a_count_since_a_year_is_no_event_of_that_year(any_nlp):
    assert events(any_nlp, BACKGROUND + "وتلقى الخط الساخن للمركز 900 مكالمة منذ 2010.") == []
    text = BACKGROUND + "وأحالت النيابة العامة خمس قضايا اتجار إلى المحاكم منذ بداية عام 2024."
    assert ("enforcement", "2024") in events(any_nlp, text)


@pytest.mark.parametrize("sentence,expected", [
    ("ونقلت النساء إلى دار الإيواء التي أعيد افتتاحها في مارس 2022.", ("institution", "2022-03")),
    ("ومن إنجازات الدولة إنشاء عدد من مراكز رعاية وإيواء الضحايا منذ عام 2009.",
     ("institution", "2009")),
    ("وخلال عام 2023 تم تقديم خدمات الدعم لنحو ثلاثين ضحية من جنسيات مختلفة.",
     ("victim_support", "2023")),
    ("ورصدت وزارة الداخلية 40 واقعة اتجار بالأشخاص خلال عام 2023.", ("enforcement", "2023")),
    ("وأقرت دول المجلس وثيقة موحدة لمكافحة الاتجار بالأشخاص في عام 2006.", ("legislation", "2006")),
])
def test_dated_events_in_the_shapes_of_the_held_out_set(any_nlp, sentence, expected):
    assert expected in events(any_nlp, BACKGROUND + sentence)


def test_a_report_is_dated_by_the_year_of_its_name(any_nlp):
    text = ("تقرير الاتجار بالأشخاص 2023 – البحرين\n"
            "حافظت البحرين على تصنيفها في الفئة الأولى للعام السادس على التوالي.\n")
    found = events(any_nlp, text, None)
    assert ("report", "2023") in found and ("report", None) not in found


def test_what_a_report_says_is_not_the_articles_news(any_nlp):
    text = ("أصدرت اللجنة الوطنية تقريرها السنوي عن جهود مكافحة الاتجار بالبشر.\n"
            "وأثنى التقرير على جهود الحكومة في تعديل قانون العمل وتشديد العقوبات.\n")
    found = events(any_nlp, text, None)
    assert ("report", None) in found
    assert not [e for e in found if e[0] == "legislation"]


def test_a_centre_for_sheltering_names_a_body_not_an_act_of_sheltering(any_nlp):
    text = BACKGROUND + "وزار الوفد في عام 2019 مركزا لإيواء ضحايا الاتجار بالبشر في العاصمة."
    assert not [e for e in events(any_nlp, text) if e[0] == "victim_support"]


def test_infiltrator_round_ups_are_near_misses():
    text = ("ضبطت دوريات الشرطة خلال الأسبوع الماضي 41 متسللا دخلوا البلاد بطريقة غير مشروعة "
            "عبر الحدود، وتم ترحيل 50 آخرين بعد استكمال الإجراءات بالتنسيق مع سفاراتهم. "
            "ودعت الشرطة إلى الإبلاغ عن المتسللين وعدم تشغيلهم.")
    assert relevance(text, "ضبط 41 متسللا وترحيل 50 خلال أسبوع")[0] is False


def test_a_launch_announced_further_down_is_the_articles_news(any_nlp):
    text = BACKGROUND + "وأعلن الوزير إطلاق الخطة الوطنية لمكافحة الاتجار بالبشر للفترة 2025-2027."
    assert ("strategy", "2025-03-12") in events(any_nlp, text)
    planned = BACKGROUND + "وأعلن الوزير أن الوزارة ستطلق الخطة الوطنية لمكافحة الاتجار بالبشر."
    assert not [e for e in events(any_nlp, planned) if e[0] == "strategy"]
