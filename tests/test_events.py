import datetime as dt
import json

import pytest

from nlp.extract import analyse, extract_article

PUBLISHED = dt.date(2025, 7, 31)


def detected(nlp, text, published=PUBLISHED) -> list[dict]:
    """The event detector's events (before the article-level relevance verdict)."""
    return analyse(nlp, text, published)._.events


def events(nlp, text, published=PUBLISHED):
    return [(e["type"], e["date"]) for e in detected(nlp, text, published)]


@pytest.mark.parametrize("text,expected", [
    ("وقعت وزارة الداخلية في سنة 2024 مذكرة تفاهم مع المنظمة الدولية للهجرة.", ("agreement", "2024")),
    ("وانضمت الكويت عام 2006 إلى بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص.", ("accession", "2006")),
    ("وفي عام 2018 تم إنشاء لجنة وطنية لمكافحة الاتجار بالأشخاص.", ("institution", "2018")),
    ("وأقر مجلس الأمة في سنة 2013 قانون مكافحة الاتجار بالأشخاص.", ("legislation", "2013")),
])
def test_dated_events_in_background_sentences(nlp, text, expected):
    lead = "قال مسؤول إن الكويت تواصل جهودها.\nوأضاف أن العمل مستمر.\nوأشار إلى التعاون.\n"
    assert expected in events(nlp, lead + text)


@pytest.mark.parametrize("text", [
    "وتعتزم الوزارة عقد ورشة عمل في العام المقبل لمكافحة الاتجار بالأشخاص.",
    "وكشف عن التخطيط لعقد دورة تدريبية في عام 2026.",
    "ودعا إلى تبني استراتيجية خليجية شاملة لمكافحة الاتجار بالبشر في 2026.",
    "ولم توقع الدولة على البروتوكول حتى عام 2020.",
])
def test_plans_calls_and_negations_are_not_events(nlp, text):
    lead = "قال مسؤول إن الكويت تواصل جهودها.\nوأضاف أن العمل مستمر.\nوأشار إلى التعاون.\n"
    assert events(nlp, lead + text) == []


def test_own_news_is_an_event_dated_by_publication(nlp):
    text = "نظمت وزارة الخارجية اليوم ورشة عمل تدريبية حول مكافحة الاتجار بالأشخاص."
    assert events(nlp, text) == [("training", "2025-07-31")]


def test_own_news_without_publication_date_has_no_date(nlp):
    text = "افتتحت اليوم في الكويت فعاليات المنتدى الحكومي لمكافحة الاتجار بالأشخاص."
    assert events(nlp, text, None) == [("meeting", None)]


def test_event_arguments(nlp):
    text = ("قال مسؤول إن العمل مستمر.\nوأضاف أن الجهود كبيرة.\nوأشار إلى التعاون.\n"
            "ووقعت وزارة الداخلية في سنة 2024 مذكرة تفاهم مع المنظمة الدولية للهجرة في الكويت.")
    [event] = [e for e in detected(nlp, text) if e["year"] == 2024]
    assert event["agencies"] == ["kw-moi", "iom"]
    assert event["country"] == "KW"
    assert "مذكرة تفاهم" in event["title"]
    assert text[event["evidence"]["start"]:event["evidence"]["end"]].strip() == event["evidence"]["text"]


def test_same_event_twice_in_one_article_is_one(nlp):
    text = ("وقعت الكويت في 2024 مذكرة تفاهم مع المنظمة.\n"
            "وأشار إلى توقيع مذكرة التفاهم في 2024 بين الجانبين.")
    assert events(nlp, text).count(("agreement", "2024")) == 1


@pytest.mark.parametrize("text,expected,absent", [
    ("وأشار إلى أن القانون رقم 91 لسنة 2013 يجرم كل أشكال الاتجار.", ("legislation", "2013"), None),
    ("وذكرت أن الكويت انضمت إلى البروتوكول بموجب القانون رقم 5 لسنة 2006.", ("accession", "2006"),
     ("legislation", "2006")),
])
def test_a_law_cited_with_its_year_is_a_legislation_event(nlp, text, expected, absent):
    lead = "قال مسؤول إن الكويت تواصل جهودها.\nوأضاف أن العمل مستمر.\nوأشار إلى التعاون.\n"
    found = events(nlp, lead + text)
    assert expected in found and absent not in found


@pytest.mark.parametrize("text,absent", [
    (("قال مسؤول إن العمل مستمر.\nوأضاف أن الجهود كبيرة.\nوأشار إلى التعاون.\n"
      "وضبطت وزارة الداخلية عصابة للاتجار بالأشخاص في عام 2024."), "meeting"),  # "زار" in "وزارة"
    (("قال مسؤول إن العمل مستمر.\nوأضاف أن الجهود كبيرة.\nوأشار إلى التعاون.\n"
      "وقال رئيس التحرير إن الصحيفة نشرت في عام 2024 سلسلة تقارير."), "victim_support"),
])
def test_cues_match_whole_words(nlp, text, absent):
    assert absent not in [t for t, _ in events(nlp, text)]


def test_two_arrests_in_one_year_stay_two(nlp):
    text = ("قال مسؤول إن العمل مستمر.\nوأضاف أن الجهود كبيرة.\nوأشار إلى التعاون.\n"
            "وضبطت الإدارة العامة للمباحث الجنائية عصابة في مارس 2024.\n"
            "كما ضبطت الإدارة عصابة أخرى في نوفمبر 2024.")
    assert {("enforcement", "2024-03"), ("enforcement", "2024-11")} <= set(events(nlp, text))


def test_own_news_after_a_dated_background_sentence(nlp):
    text = ("أكد المسؤول أن الكويت انضمت عام 2006 إلى بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص.\n"
            "ونظمت وزارة الداخلية اليوم ورشة عمل حول مكافحة الاتجار بالأشخاص.")
    found = events(nlp, text)
    assert ("accession", "2006") in found and ("training", "2025-07-31") in found


def test_evidence_offsets_index_the_text(nlp):
    text = "\n\n  نظمت وزارة الخارجية اليوم ورشة عمل تدريبية.  \n"
    [event] = detected(nlp, text)
    evidence = event["evidence"]
    assert text[evidence["start"]:evidence["end"]] == evidence["text"] == evidence["text"].strip()


def test_news_agency_is_not_an_actor(nlp):
    text = "الكويت (كونا) -- نظمت وزارة الخارجية اليوم ورشة عمل تدريبية."
    [event] = detected(nlp, text)
    assert event["agencies"] == ["kw-mofa"]


def test_talks_between_officials_are_a_meeting(nlp):
    text = ("بحث وزير الداخلية مع المدير العام للمنظمة الدولية للهجرة اليوم الخميس سبل تعزيز "
            "التعاون في مكافحة الاتجار بالأشخاص.\n"
            "وتناول اللقاء تنفيذ مذكرة التفاهم الموقعة بين الجانبين في يونيو 2023.")
    found = events(nlp, text)
    assert ("meeting", "2025-07-31") in found and ("agreement", "2023-06") in found


LEAD = "قال مسؤول إن الكويت تواصل جهودها.\nوأضاف أن العمل مستمر.\nوأشار إلى التعاون.\n"


def test_every_current_thing_in_the_lead_is_an_event(nlp):
    text = ("أحالت الإدارة العامة للمباحث اليوم خمسة متهمين بالاتجار بالأشخاص إلى النيابة العامة. "
            "ونظمت اللجنة الوطنية أمس ورشة عمل لضباط الشرطة حول التعرف على الضحايا.")
    found = events(nlp, text, published=None)  # not only the first: both, undated
    assert ("enforcement", None) in found and ("training", None) in found


@pytest.mark.parametrize("text,expected", [
    ("قضت محكمة الجنايات اليوم بالسجن عشر سنوات على متهمين في قضية اتجار بالأشخاص.", "enforcement"),
    ("أيدت محكمة الاستئناف اليوم الحكم الصادر بإدانة صاحب مكتب عمالة بالاتجار بالبشر.", "enforcement"),
    ("باشرت النيابة العامة التحقيق أمس مع شبكة تستغل العاملات في الاتجار بالأشخاص.", "enforcement"),
    ("حافظت المملكة على تصنيفها في المستوى الأول في تقرير الاتجار بالبشر الصادر اليوم.", "report"),
    ("شارك وفد الكويت أمس في أعمال الدورة الخامسة للمنتدى الإقليمي لمكافحة الاتجار بالأشخاص.", "meeting"),
    ("قرر وزير العدل اليوم تعديل مسمى اللجنة الوطنية لتصبح اللجنة الدائمة لمكافحة الاتجار.", "institution"),
])
def test_cue_families_of_real_reporting(nlp, text, expected):
    assert expected in {t for t, _ in events(nlp, text, published=None)}


def test_a_plan_year_or_a_vision_year_dates_no_event(nlp):
    text = "واستعرضت اللجنة الخطة الوطنية 2025 - 2028 في إطار رؤية 2035 لمكافحة الاتجار بالأشخاص."
    assert all(date is None or not date.startswith(("2028", "2035")) for _, date in
               events(nlp, LEAD + text)) and ("strategy", "2025") not in events(nlp, LEAD + text)


def test_a_date_after_publication_is_a_plan(nlp):
    text = "وأقرت اللجنة تنظيم ورشة عمل حول الاتجار بالأشخاص في يناير 2026 لضباط الشرطة."
    assert events(nlp, LEAD + text) == []


def test_a_date_earlier_in_the_sentence_governs_the_next_clause(nlp):
    text = ("وفي عام 2019 عقدت اللجنة اجتماعا موسعا حول الاتجار بالأشخاص، "
            "كما أطلقت حملة توعوية للعمالة المنزلية.")
    found = events(nlp, LEAD + text)
    assert ("meeting", "2019") in found and ("awareness", "2019") in found


def test_a_world_day_of_human_rights_is_no_timeline_event(nlp):
    text = ("احتفلت الجمعية الكويتية لحقوق الإنسان اليوم باليوم العالمي لحقوق الإنسان بحضور "
            "عدد من السفراء، واستعرضت تقارير عن حرية التعبير والحق في التعليم.")
    result = extract_article(nlp, text, PUBLISHED)
    assert result["relevant"] is False and result["events"] == []


def test_titles_are_whole_phrases_saying_who_did_what(nlp):
    text = ("وكانت اللجنة الوطنية قد عقدت في عام 2019 اجتماعها الأول برئاسة وكيل وزارة العدل "
            "الذي أكد أهمية التنسيق بين الجهات المعنية في مجال مكافحة الاتجار بالأشخاص.\n"
            "ويذكر أن الكويت أصدرت في عام 2013 القانون رقم 91 لسنة 2013 في شأن مكافحة الاتجار بالأشخاص وتهريب المهاجرين.")
    titles = {e["type"]: e["title"] for e in detected(nlp, LEAD + text)}
    assert titles["meeting"].startswith("اللجنة الوطنية") and "الذي" not in titles["meeting"]
    assert titles["legislation"].endswith("2013") or "لسنة 2013" in titles["legislation"]
    for title in titles.values():
        assert title.split()[-1] not in {"في", "من", "إلى", "على", "عن", "رقم", "لسنة", "و"}


@pytest.mark.parametrize("text", [
    "بدأت أمس في الدوحة أعمال الندوة العلمية حول الاتجار بالبشر ومكافحته.",
    "وناقشت اللجنة الوطنية، التي عقدت اجتماعها في مقر وزارة الخارجية، عددا من القضايا.",
])
def test_a_held_meeting_or_seminar_is_own_news_without_the_classifiers_backing(nlp, text):
    assert ("meeting", None) in events(nlp, text, published=None)


def test_a_decision_reported_as_done_later_in_the_article_is_own_news(nlp):
    text = LEAD + "وبموجب قرار صادر عن وزير العدل، تم تعديل مسمى اللجنة لتصبح اللجنة الدائمة لمكافحة الاتجار."
    assert ("institution", None) in events(nlp, text, published=None)


# Calls, plans and negations of an event the same clause would otherwise report
# (issue 15): each shape beside its plain form, which is an event.
SIGNED = "ووقعت الوزارة في عام 2023 مذكرة تفاهم مع المنظمة الدولية للهجرة."
TRAINED = "ونظمت الوزارة في عام 2023 دورة تدريبية لضباط الشرطة حول مكافحة الاتجار بالأشخاص."


@pytest.mark.parametrize("plain,expected", [(SIGNED, ("agreement", "2023")),
                                            (TRAINED, ("training", "2023"))])
def test_the_plain_forms_are_events(nlp, plain, expected):
    assert events(nlp, LEAD + plain) == [expected]


@pytest.mark.parametrize("text", [
    "ودعا الوزير إلى توقيع مذكرة تفاهم مع المنظمة الدولية للهجرة في عام 2023.",  # دعا إلى
    "وطالب النواب بتوقيع مذكرة تفاهم مع المنظمة الدولية للهجرة في عام 2023.",  # طالب
    "وطالبت اللجنة بتنظيم دورة تدريبية لضباط الشرطة حول مكافحة الاتجار بالأشخاص في عام 2023.",
    "ولم يتم في عام 2023 توقيع مذكرة تفاهم مع المنظمة الدولية للهجرة.",  # لم يتم
    "ونفى الوزير توقيع مذكرة تفاهم مع المنظمة الدولية للهجرة في عام 2023.",  # نفى
    "ونفت الوزارة أن تكون نظمت في عام 2023 دورة تدريبية لضباط الشرطة حول مكافحة الاتجار بالأشخاص.",
    "ويعتزم الجهاز توقيع مذكرة تفاهم مع المنظمة الدولية للهجرة في عام 2023.",  # يعتزم
    "ولن توقع الوزارة مذكرة تفاهم مع المنظمة الدولية للهجرة في عام 2023.",  # لن
    "ومن المقرر توقيع مذكرة تفاهم مع المنظمة الدولية للهجرة في عام 2023.",  # من المقرر
])
def test_calls_plans_and_negations_stay_off_the_timeline(nlp, text):
    assert events(nlp, LEAD + text) == []


def test_a_law_and_its_issuing_decree_are_one_law_of_the_event(nlp):
    text = ("وفي عام 2008 صدر قانون مكافحة الاتجار بالبشر الصادر بالمرسوم السلطاني رقم 126 "
            "لسنة 2008 في سلطنة عمان.")
    [event] = [e for e in detected(nlp, text) if e["type"] == "legislation"]
    keys = [law["key"] for law in event["laws"]]
    assert keys and len(keys) == len(set(keys))


def test_cue_file_macros_strong_and_confirm(tmp_path):
    """The cue file's sections: a `{NAME}` macro is filled in from `macros`; a `strong`
    pattern is a cue of its type by itself; a `confirm` pattern is no cue, it only makes a
    type's cue strong."""
    from nlp.events import cue_types, load_cues
    path = tmp_path / "cues.json"
    path.write_text(json.dumps({
        "macros": {"BODY": "(الشرطه|النيابه)"},
        "types": {"enforcement": ["ضبط"], "meeting": ["اجتماع"]},
        "strong": {"_comment": "x", "enforcement": ["احالت {BODY}"]},
        "confirm": {"meeting": ["الاجتماع الثاني"]},
        "planned": ["_a comment", "ست{BODY}"], "negation": []}, ensure_ascii=False), encoding="utf-8")
    cues = load_cues(path)
    assert cue_types(cues, "احالت النيابه المتهمين") == [(0, "enforcement", True)]
    assert cue_types(cues, "ضبط متهمين") == [(0, "enforcement", False)]
    assert cue_types(cues, "الاجتماع الثاني للجنه") == []  # confirm alone is no cue
    assert cue_types(cues, "اجتماع اللجنه بعد الاجتماع الثاني") == [(0, "meeting", True)]
    assert [p.pattern for p in cues.planned] == ["ست(الشرطه|النيابه)"]


def test_an_undefined_cue_macro_is_an_error_naming_it(tmp_path):
    from core.errors import DataFileError
    from nlp.events import load_cues
    path = tmp_path / "cues.json"
    path.write_text(json.dumps({"types": {"enforcement": ["احالت {BODY}"]}, "planned": [],
                                "negation": []}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"\{BODY\} is not defined"):
        load_cues(path)
