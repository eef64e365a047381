"""Event rules for shapes of real reporting (issue 9): a lead behind bylines and dateline
lines, chaired / attended / numbered meetings, campaigns launched, shelters opened, draft
laws approved, memos signed through a long title chain, reports issued; and what is not an
event (a press conference, what an instrument stipulates, a speaker's general words).
Every sentence here is written for this test."""
import pytest
from conftest import BACKGROUND, PUBLISHED
from conftest import event_dates as events

from nlp.extract import analyse


def test_bylines_and_dateline_lines_do_not_push_the_lead_out(any_nlp):
    text = ("عاجل\nكتب محرر الشؤون المحلية\nالمنامة\n"
            "تعليق\n"
            "أصدرت المحكمة الكبرى الجنائية حكما بالسجن خمس سنوات على متهمين في قضية اتجار بالأشخاص.\n")
    assert ("enforcement", "2025-03-12") in events(any_nlp, text)


@pytest.mark.parametrize("text", [
    "ترأس وزير الداخلية، اليوم، اجتماع فريق العمل المعني بمتابعة ملف مكافحة الاتجار بالأشخاص.",
    "شاركت وكيلة وزارة العمل وأمينة سر اللجنة الوطنية لمكافحة الاتجار بالبشر في اجتماع خليجي حول التعاون الإقليمي.",
    "وافقت اللجنة الوطنية لمكافحة الاتجار بالبشر في اجتماعها الحادي عشر على عدد من التوصيات.",
])
def test_chaired_attended_and_numbered_meetings(any_nlp, text):
    assert ("meeting", "2025-03-12") in events(any_nlp, text)


def test_the_year_of_a_numbered_meeting_yields_to_yesterday(any_nlp):
    text = "عقدت اللجنة الدائمة لمكافحة الاتجار بالأشخاص أمس اجتماعها الثاني لعام 2024 برئاسة رئيسها."
    assert events(any_nlp, text) == [("meeting", "2025-03-11")]
    assert events(any_nlp, text, None) == [("meeting", None)]


def test_an_undated_headline_joins_the_meeting_numbered_in_its_year(any_nlp):
    text = ("الوزير يترأس اجتماع اللجنة الوطنية لمكافحة الاتجار بالبشر\n"
            "ترأس وزير العمل رئيس اللجنة الوطنية لمكافحة الاتجار بالبشر الاجتماع الرابع للعام 2023، "
            "واستعرض الأعضاء عددا من المشروعات.\n")
    assert events(any_nlp, text, None) == [("meeting", "2023")]


@pytest.mark.parametrize("text,expected", [
    (("وقع وكيل وزارة العدل ونائب رئيس اللجنة الوطنية لمنع الاتجار بالأشخاص وتهريب المهاجرين "
      "السيد خالد الفلاني مذكرة تفاهم مع مكتب الأمم المتحدة المعني بالمخدرات والجريمة."), "agreement"),
    ("وأكدت الهيئة أن المجلس وافق مؤخرا على مذكرة التعاون الفني التي وقعتها الهيئة مع المكتب.",
     "agreement"),
    ("تدشن اللجنة الوطنية لمكافحة الاتجار بالبشر اليوم الحملة الوطنية للتوعية بحقوق الضحايا.",
     "awareness"),
    ("افتتح وزير الشؤون الاجتماعية اليوم مركز إيواء العمالة الوافدة في منطقة الجهراء.",
     "institution"),
    ("وافق مجلس الوزراء أمس على مشروع قانون بالموافقة على البروتوكول العربي لمكافحة الاتجار بالبشر.",
     "legislation"),
])
def test_current_news_in_the_shapes_of_real_reports(any_nlp, text, expected):
    assert expected in [t for t, _ in events(any_nlp, text)]


@pytest.mark.parametrize("text,expected,not_expected", [
    ("ومررت الدولة قانونا لمكافحة الاتجار بالبشر في عام 2003.", ("legislation", "2003"), None),
    ("وكان التقرير الذي صدر عام 2008 قد ضم في لائحته أربعين بلدا.", ("report", "2008"),
     ("legislation", "2008")),
    ("وأصدرت اللجنة في عام 2019 نظام الإحالة الوطني لضحايا الاتجار بالأشخاص.", None,
     ("legislation", "2019")),
    ("وتم إنشاء المركز عام 2014 وتبلغ سعته خمسمئة نزيل.", ("institution", "2014"), None),
])
def test_dated_past_events(any_nlp, text, expected, not_expected):
    found = events(any_nlp, BACKGROUND + text)
    assert expected is None or expected in found
    assert not_expected not in found


@pytest.mark.parametrize("text", [
    "وقال رئيس الجهاز في مؤتمر صحافي عقده اليوم إن فرق العمل فحصت آلاف الوثائق.",
    "وتنص المذكرة على تطوير مؤشرات موحدة لرصد حالات العمل الجبري وإحالتها إلى الجهات المختصة.",
])
def test_what_is_no_event(any_nlp, text):
    assert events(any_nlp, text) == []


def test_a_speakers_general_words_in_the_lead_are_no_news(any_nlp):
    text = ("اختتمت أمس في معهد الدراسات القضائية الدورة التدريبية حول التحقيق المالي في جرائم الاتجار، "
            "مؤكدا أن ملاحقة الأموال هي أقصر الطرق إلى تفكيك الشبكات الإجرامية.")
    assert [t for t, _ in events(any_nlp, text)] == ["training"]


def titles(nlp, text, published=PUBLISHED):
    return [e["title"] for e in analyse(nlp, text, published)._.events]


@pytest.mark.parametrize("text,title", [
    ("جاء ذلك خلال الاجتماع الخامس للجنة الوطنية لمكافحة الاتجار بالأشخاص الذي عقد اليوم.",
     "الاجتماع الخامس للجنة الوطنية لمكافحة الاتجار بالأشخاص"),
    ("وقالت الوزيرة في تصريح لها على هامش افتتاح مركز إيواء العاملات اليوم إن المركز نقلة نوعية.",
     "افتتاح مركز إيواء العاملات"),
    ("عقدت اللجنة الوطنية اليوم اجتماعها الرابع برئاسة وكيل وزارة العدل.",
     "عقدت اللجنة الوطنية اليوم اجتماعها الرابع"),
    ("«الداخلية» توقع اليوم مذكرة تفاهم مع المنظمة الدولية للهجرة.",
     "الداخلية توقع اليوم مذكرة تفاهم مع المنظمة الدولية للهجرة"),
])
def test_titles_say_who_did_what_without_the_frame(any_nlp, text, title):
    found = titles(any_nlp, text)
    assert any(t.startswith(title) and " إن " not in t for t in found), found


@pytest.mark.parametrize("text,title", [
    # the course's own name in quotes is cut off: the title does not end on "بعنوان"
    (("نظمت أكاديمية الشرطة أمس دورة تدريبية مكثفة لمدة ثلاثة أيام بعنوان «حماية ضحايا "
     "الاتجار بالبشر» لعدد من الضباط."), "دورة تدريبية مكثفة لمدة ثلاثة أيام"),
    # the body's name is left out, and with it the noun it completes ("لأعضاء")
    (("انطلقت اليوم ورشة عمل تطبيقية لأعضاء اللجنة الوطنية الدائمة المعنية بتنفيذ "
     "الاستراتيجية الوطنية لمنع الاتجار بالأشخاص وتهريب المهاجرين."), "ورشة عمل تطبيقية"),
])
def test_a_title_never_ends_on_a_word_that_waits_for_what_was_cut(any_nlp, text, title):
    found = titles(any_nlp, text)
    assert any(t.endswith(title) for t in found), found


def test_a_title_runs_past_a_comma_that_only_brackets_a_date(any_nlp):
    text = "برعاية وزير الداخلية، افتتح، اليوم، مركز إيواء العمالة الوافدة من الرجال في منطقة حولي."
    (title,) = titles(any_nlp, text)
    assert title.startswith("افتتح") and "مركز إيواء العمالة الوافدة" in title


def test_the_words_of_an_events_own_title_are_no_other_event(any_nlp):
    text = ("اختتمت اليوم ورشة العمل التي نظمتها اللجنة الوطنية تحت عنوان "
            "«التعرف على ضحايا العمل القسري وإحالتهم» بمشاركة مفتشي العمل.")
    assert [t for t, _ in events(any_nlp, text)] == ["training"]
