"""Event rules for the classes of miss read on the third spent held-out set (issue 9), the
set that shows best what unseen articles bring: an official receiving a delegation or a
state hosting a UN rapporteur is a meeting; a cabinet approving an instrument or its
amendments in a session it held is legislation, and the session that frames the decision
is no meeting of its own; a gathering's word inside an agency's name ("منظمة المؤتمر
الإسلامي") or naming where an instrument was adopted is no meeting; what a programme's
themes cover is its topic; a list of a state's record ("تتمثل في إصدار ... وتشكيل لجنة") is
background; a virtual seminar and the closing of a training programme are training. Every
sentence here is written for this test."""
import pytest
from conftest import BACKGROUND
from conftest import event_dates as events


def test_receiving_a_delegation_is_a_meeting(any_nlp):
    text = "استقبل رئيس النيابة العامة في مكتبه أمس وفدا من البرلمان الأوروبي.\n"
    assert ("meeting", "2025-03-11") in events(any_nlp, text)


def test_hosting_a_un_rapporteur_is_a_dated_meeting(any_nlp):
    text = BACKGROUND + ("واستضافت سلطنة عمان في مايو 2023 المبعوث الأممي المعني بحقوق المهاجرين "
                         "لعدة أيام.")
    assert ("meeting", "2023-05") in events(any_nlp, text)


def test_amendments_approved_far_from_the_verb_are_legislation(any_nlp):
    text = BACKGROUND + ("واعتمدت الحكومة خلال اجتماع استثنائي عقدته في مارس 2019 بحضور الوزراء "
                         "كافة تعديلات على القانون رقم 4 لسنة 2010.")
    assert ("legislation", "2019-03") in events(any_nlp, text)


def test_the_session_that_frames_an_approval_is_no_meeting(any_nlp):
    text = BACKGROUND + ("ووافق المجلس الأعلى في الجلسة التي انعقدت برئاسة نائب رئيسه يوم 3 فبراير "
                         "2020 على مرسوم تنظيم مكاتب الاستقدام.")
    found = events(any_nlp, text)
    assert ("legislation", "2020-02-03") in found
    assert not [e for e in found if e[0] == "meeting"]


@pytest.mark.parametrize("sentence", [
    "وموّلت منظمة المؤتمر الإسلامي في عام 2005 دراسة عن عمالة الأطفال.",
    "وصادقت الدولة على الاتفاقية الخاصة بالعمال المنزليين المعتمدة في مؤتمر العمل الدولي عام 2011.",
])
def test_a_gathering_that_names_a_body_or_an_instruments_origin_is_no_meeting(any_nlp, sentence):
    assert not [e for e in events(any_nlp, BACKGROUND + sentence) if e[0] == "meeting"]


def test_what_a_programmes_themes_cover_is_its_topic(any_nlp):
    text = ("اختتم معهد الدراسات القضائية أمس برنامجه التدريبي الثالث لوكلاء النيابة.\n"
            "ويتناول البرنامج في محاوره أساليب القبض على الجناة وإحالتهم إلى المحاكم.\n")
    found = events(any_nlp, text)
    assert ("training", "2025-03-11") in found
    assert not [e for e in found if e[0] == "enforcement"]


def test_a_list_of_the_states_record_is_background(any_nlp):
    text = ("نظمت اللجنة الوطنية أمس ورشة عمل لمفتشي العمل عن مؤشرات العمل القسري.\n"
            "وترتكز جهود البلاد على منظومة تتمثل في سن تشريع خاص وتشكيل لجنة عليا واستحداث وحدة "
            "للتحقيق.\n")
    found = events(any_nlp, text)
    assert ("training", "2025-03-11") in found
    assert not [e for e in found if e[0] in ("institution", "legislation")]


def test_a_virtual_seminar_is_training(any_nlp):
    text = ("حضر قضاة ومحققون أمس ندوة افتراضية نظمتها منظمة العمل الدولية حول جمع الأدلة "
            "الرقمية.\n")
    assert ("training", "2025-03-11") in events(any_nlp, text)


def test_the_close_of_a_training_programme_is_the_news(any_nlp):
    text = ("وقال مدير المعهد إن التأهيل المستمر للكوادر أولوية في خطط الجهاز.\n"
            "جاء حديثه خلال ختام البرنامج التدريبي الذي استمر أسبوعا في قاعة المعهد.\n")
    assert ("training", "2025-03-12") in events(any_nlp, text)


def test_a_headline_restating_the_dated_lead_is_one_event(any_nlp):
    text = ("وزيرة الشؤون تفتتح معرض اليوم العالمي لمكافحة الاتجار بالأشخاص\n"
            "افتتحت وزيرة الشؤون الاجتماعية معرض اليوم العالمي لمكافحة الاتجار بالأشخاص لعام 2024 "
            "في مركز المعارض.\n")
    assert events(any_nlp, text) == [("awareness", "2024")]


def test_offices_closed_in_a_past_month_are_enforcement(any_nlp):
    text = BACKGROUND + ("وأغلقت الهيئة في يناير 2025 اثني عشر مكتبا لاستقدام العمالة المنزلية "
                         "تورطت في بيع العاملات.")
    assert ("enforcement", "2025-01") in events(any_nlp, text)


def test_a_report_issued_is_a_strong_cue(any_nlp):
    text = ("قال رئيس اللجنة إن العمل مستمر.\n"
            "أصدرت اللجنة الوطنية أمس تقريرها الأول عن جهود الدولة في مكافحة الاتجار بالبشر.\n")
    assert ("report", "2025-03-11") in events(any_nlp, text)


def test_an_approval_told_as_a_noun_is_legislation_not_its_meeting(any_nlp):
    text = "رحبت الجمعية بموافقة الحكومة في اجتماعها أمس على اعتماد وثيقة العمل الخليجية لحماية العمال.\n"
    assert events(any_nlp, text) == [("legislation", "2025-03-11")]
