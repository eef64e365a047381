"""Event cues, lead and dating on the kinds of reporting read in heldout10 (issue 9, twelfth
round), each with sentences of our own: a country's tier in a trafficking ranking told with a
digit ("ضمن الفئة 2"), or its move onto or off a list of the worst states, is a report,
strong; a meeting noun with its object and no "مع" ("أثناء لقائه في مقر الهيئة وفداً من
...", "خلال استقبالها سفير ...") is a meeting, strong, as receiving a delegation is; a page's
dateline (a date and a place) pushes no sentence out of the lead; the year a report is for
("التقرير الوطني للعام 2024") is not when it came out, where the article is dated; a
workshop or course named definite ("فعاليات ورشة العمل") is a strong training cue, as the
indefinite one is."""
import pytest
from conftest import BACKGROUND, event_cues, strong_cue_types
from conftest import event_dates as events


@pytest.mark.parametrize("text", [
    "وبناء على ذلك ظلت الدولة ضمن الفئة 2 في التقرير.",
    "وأبقت الخارجية الأمريكية البلاد في المستوى 2 للسنة الثالثة.",
    "وانتقلت الكويت في التقرير إلى الفئة 3 بعد تراجع جهودها.",
])
def test_a_tier_told_with_a_digit_is_a_strong_report_cue(any_nlp, text):
    assert "report" in strong_cue_types(any_nlp, text)
    assert "report" in dict(event_cues(any_nlp, text))


@pytest.mark.parametrize("text,expected", [
    ("وكانت واشنطن قد أزالت البحرين من قائمة أسوأ الدول في مكافحة الاتجار بالبشر عام 2019.",
     ("report", "2019")),
    ("وأدرجت الإدارة الأمريكية الدولة ضمن أسوأ البلدان في مكافحة الاتجار بالأشخاص سنة 2016.",
     ("report", "2016")),
])
def test_a_move_on_or_off_the_worst_states_list_is_a_dated_report(any_nlp, text, expected):
    assert "report" in strong_cue_types(any_nlp, text)
    assert expected in events(any_nlp, BACKGROUND + text)


@pytest.mark.parametrize("text", [
    "وتعمل الوزارة على استقطاب أفضل الكفاءات في مجال التحقيق.",
    "وتتولى الفئة المختصة في الإدارة متابعة البلاغات.",
    # a digit after a category with no ranking word near it; "best states" is praise
    "وأوضح أن العمالة المنزلية من الفئة 1 تخضع لقانون العمل، وأن الضحايا يحالون إلى مركز الإيواء.",
    "وأصبحت هيئة مكافحة الاتجار بالبشر ضمن قائمة أفضل الدول في المنطقة.",
])
def test_best_people_or_a_category_is_no_ranking(any_nlp, text):
    assert "report" not in strong_cue_types(any_nlp, text)


@pytest.mark.parametrize("text", [
    "وقال الرئيس أثناء لقائه في مقر الجمعية وفدا من منظمة العمل الدولية إن التعاون قائم.",
    "وأكدت الوزيرة خلال استقبالها أمس سفير إندونيسيا حرص الدولة على حماية العمالة.",
    "وأوضح المدير لدى لقاءه بمكتبه المقررة الخاصة أن الإدارة تتابع الشكاوى.",
])
def test_a_meeting_noun_with_its_object_is_a_strong_meeting_cue(any_nlp, text):
    assert "meeting" in strong_cue_types(any_nlp, text)
    assert "meeting" in dict(event_cues(any_nlp, text))


def test_a_meeting_noun_without_an_envoy_is_no_strong_meeting_cue(any_nlp):
    text = "وأشار خلال لقائه بالصحفيين إلى أن الملف مفتوح."
    assert "meeting" not in strong_cue_types(any_nlp, text)


@pytest.mark.parametrize("dateline", [
    "الخميس 6 مارس 2025 دبي الإمارات",
    "الرياض - الأحد 9 مارس 2025",
])
def test_a_dateline_pushes_no_sentence_out_of_the_lead(any_nlp, dateline):
    text = (f"{dateline}\n"
            "تعاون بين الجمعية ومراكز حماية الضحايا لمكافحة الاتجار بالبشر\n"
            "أكد المدير العام للجمعية استعدادها للتعاون مع مراكز حماية الضحايا في الدولة.\n"
            "وقال المدير أثناء لقائه في مقر الجمعية وفدا من منظمة الهجرة إن العمل مشترك.\n")
    assert ("meeting", "2025-03-12") in events(any_nlp, text)


@pytest.mark.parametrize("sentence", [
    "أصدرت اللجنة الوطنية التقرير الوطني لمكافحة الاتجار بالبشر للعام 2024 الذي يرصد جهود الدولة.",
    "ونشرت الهيئة تقريرها السنوي عن عام 2024 حول جهود مكافحة الاتجار بالأشخاص.",
    "وأطلقت الوزارة تقرير مكافحة الاتجار بالبشر لعام 2023 في حفل بمقرها.",
])
def test_the_year_a_report_is_for_is_not_when_it_came_out(any_nlp, sentence):
    found = events(any_nlp, sentence)
    assert ("report", "2025-03-12") in found
    assert not any(t == "report" and d in ("2024", "2023") for t, d in found)


def test_without_a_publication_date_the_reports_name_year_stays(any_nlp):
    text = "ونشرت الهيئة تقريرها السنوي عن عام 2024 حول جهود مكافحة الاتجار بالأشخاص."
    assert ("report", "2024") in events(any_nlp, text, published=None)


@pytest.mark.parametrize("text", [
    "وانطلقت صباح اليوم فعاليات ورشة العمل الإقليمية حول حماية الضحايا.",
    "واختتمت أمس أعمال حلقة العمل التي نظمتها الوزارة للمحققين.",
    "وشارك الضباط في الدورة التدريبية عن التعرف على الضحايا.",
])
def test_a_definite_workshop_or_course_is_a_strong_training_cue(any_nlp, text):
    assert "training" in strong_cue_types(any_nlp, text)


def test_the_events_of_a_definite_workshop_are_training_not_a_meeting(any_nlp):
    text = "انطلقت مساء أمس فعاليات ورشة العمل الخليجية عن حماية ضحايا الاتجار بالبشر."
    found = events(any_nlp, text)
    assert ("training", "2025-03-11") in found
    assert not any(t == "meeting" for t, _ in found)
