"""Hard-wrapped texts (nlp/wrapping.py): a line break that only wraps a running sentence is
read as a space for sentences, paragraphs and names, and every offset still indexes the text."""

import datetime as dt
import textwrap

import pytest

from nlp.extract import analyse
from nlp.wrapping import soft_breaks, wrap_width

PUBLISHED = dt.date(2025, 7, 31)
HEADLINE = "القبض على شبكة للاتجار بالعمالة المنزلية"
BODY = ("أعلنت وزارة الداخلية الكويتية أمس أن الإدارة العامة للمباحث الجنائية ألقت القبض على "
        "شبكة تضم خمسة أشخاص متهمين بالاتجار بالعمالة المنزلية وبيع تأشيرات الإقامة مقابل "
        "مبالغ مالية كبيرة. وأوضحت الوزارة في بيان صحفي أن المتهمين أحيلوا إلى النيابة العامة "
        "لاستكمال التحقيقات وفق أحكام القانون رقم 91 لسنة 2013 في شأن مكافحة الاتجار بالأشخاص.")
CLOSING = ("ودعت الوزارة أصحاب العمل إلى الإبلاغ عن أي مخالفة تتعلق بتشغيل العمالة المنزلية "
           "عبر الخط الساخن المخصص لذلك.")
WIDTH = 62


def wrapped(paragraph: str, width: int = WIDTH) -> str:
    return textwrap.fill(paragraph, width)


def article(wrap: bool) -> str:
    body = [wrapped(BODY), wrapped(CLOSING)] if wrap else [BODY, CLOSING]
    return HEADLINE + "\n" + "\n\n".join(body)


def breaks(text: str) -> list[int]:
    return [i for i, char in enumerate(text) if char == "\n"]


def sentences(doc) -> list[str]:
    return [s.text.strip().replace("\n", " ") for s in doc.sents if s.text.strip()]


# --- the detection, a pure text function ---

def test_a_wrapped_paragraph_has_soft_breaks_only_inside_sentences():
    text = article(wrap=True)
    soft = soft_breaks(text)
    assert wrap_width(text.split("\n")) is not None
    first_line_end = len(HEADLINE)
    blank = text.index("\n\n")
    assert first_line_end not in soft  # the headline stays its own line
    assert blank not in soft and blank + 1 not in soft  # a real paragraph break
    inside = [i for i in breaks(text) if i not in (first_line_end, blank, blank + 1)]
    assert inside and set(inside) == soft


@pytest.mark.parametrize("text", [
    "الكويت - كونا\n• ضبط 12 متهما\n• ترحيل 30 عاملا\n• إغلاق 4 مكاتب",  # a dateline, bullets
    "أبرز ما جاء في التقرير\nارتفاع عدد البلاغات\nزيادة الحملات التفتيشية\nتدريب المحققين",
    "ضبط شبكة للاتجار بالبشر\nأعلنت وزارة الداخلية أمس ضبط شبكة تستغل العمالة الوافدة.",
    article(wrap=False),
    HEADLINE + "\n\n" + BODY,
])
def test_lines_that_are_not_wrapping_stay_boundaries(text):
    assert soft_breaks(text) == frozenset()


def test_a_phrase_that_runs_on_is_soft_without_a_width():
    text = "ألقت الإدارة العامة للمباحث الجنائية القبض\nعلى شبكة للاتجار بالأشخاص أمس"
    assert soft_breaks(text) == {text.index("\n")}


def test_a_body_name_broken_after_its_head_noun_is_soft_without_a_width():
    text = "في إطار جهود إدارة\nالبحث والمتابعة لضبط المخالفين\nأعلنت الوزارة النتائج"
    assert soft_breaks(text) == {text.index("\n")}  # "المخالفين" / "أعلنت": a boundary


def test_a_body_name_broken_after_its_head_noun_is_one_name(any_nlp):
    text = "الداخلية القطرية تضبط المخالفين\nفي إطار جهود إدارة\nالبحث والمتابعة واصلت الوزارة حملاتها."
    doc = analyse(any_nlp, text)
    names = [s.text.replace("\n", " ") for s in doc.spans["mentions"] if s.label_ == "AGENCY"]
    assert "إدارة البحث والمتابعة" in names


def test_a_line_ending_a_sentence_stays_a_boundary_in_a_wrapped_text():
    first, second = BODY.split(". ")
    text = wrapped(first + ".") + "\n" + wrapped(second)
    end = text.index("كبيرة.") + len("كبيرة.")
    assert text[end] == "\n"
    assert soft_breaks(text) == set(breaks(text)) - {end}


# --- the pipeline ---

def test_a_wrapped_sentence_is_one_event_with_its_object(nlp):
    text = "ألقت الإدارة العامة للمباحث الجنائية القبض\nعلى شبكة للاتجار بالأشخاص أمس"
    doc = analyse(nlp, text, PUBLISHED)
    assert len(list(doc.sents)) == 1
    [event] = doc._.events
    assert event["type"] == "enforcement"
    assert event["date"] == "2025-07-30"
    assert "على شبكة" in event["title"] and "\n" not in event["title"]
    assert text[event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["text"]


def test_a_wrapped_article_reads_as_the_same_article_unwrapped(nlp):
    flat, wrap = article(wrap=False), article(wrap=True)
    doc_flat, doc_wrap = analyse(nlp, flat, PUBLISHED), analyse(nlp, wrap, PUBLISHED)
    assert sentences(doc_wrap) == sentences(doc_flat)
    assert sentences(doc_wrap)[0] == HEADLINE

    def summary(doc):
        return [(e["type"], e["date"]) for e in doc._.events]
    assert summary(doc_wrap) == summary(doc_flat)
    assert doc_wrap._.events
    for wrap_event, flat_event in zip(doc_wrap._.events, doc_flat._.events):
        # the same title; the break is a token of its own, so it may count one word less
        assert flat_event["title"].startswith(wrap_event["title"])
        assert len(wrap_event["title"].split()) >= len(flat_event["title"].split()) - 1


def test_offsets_still_index_the_wrapped_text(nlp):
    text = article(wrap=True)
    doc = analyse(nlp, text, PUBLISHED)
    assert doc.text == text
    for span in doc.spans["mentions"]:
        assert text[span.start_char:span.end_char] == span.text
    normalised = doc._.normalised
    assert len(normalised.text) == len(normalised.offsets)
    for event in doc._.events:
        evidence = event["evidence"]
        assert text[evidence["start"]:evidence["end"]] == evidence["text"]


def test_a_name_wrapped_over_two_lines_is_found(nlp):
    text = ("ذكرت مصادر أمنية مطلعة في تصريح خاص أمس أن رجال الإدارة العامة\n"
            "للمباحث الجنائية ضبطوا ثلاثة متهمين بتهريب المهاجرين عبر الحدود\n"
            "البرية مع دولة مجاورة بعد متابعة دقيقة استمرت عدة أسابيع متتالية\n"
            "وفق ما أعلنته الوزارة في بيانها الرسمي الصادر مساء أمس عن إدارة\n"
            "العلاقات والإعلام الأمني.")
    assert soft_breaks(text) == set(breaks(text))
    doc = analyse(nlp, text, PUBLISHED)
    agencies = [m for m in doc.spans["mentions"] if m.label_ == "AGENCY"]
    assert any(m.text == "الإدارة العامة\nللمباحث الجنائية" for m in agencies)
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("last_line,name", [
    (("وتناولت في الجلسة الأولى ممثلة وزارة الداخلية في المملكة الرائد مريم\n"
     "الشروقي أوضاع العمالة الوافدة في دول المنطقة."), "مريم\nالشروقي"),  # inside the name
    (("وتناولت في الجلسة الأولى ممثلة وزارة الداخلية في مملكة البحرين الرائد\n"
     "مريم الشروقي أوضاع العمالة الوافدة في دول المنطقة."), "مريم الشروقي"),  # after the title
])
def test_a_person_wrapped_over_two_lines_is_found(nlp, last_line, name):
    text = ("أقام المركز الإقليمي للتدريب في مجال مكافحة الاتجار بالأشخاص أمس ورشة\n"
            "عمل بعنوان التعرف على حالات الاتجار بالأشخاص والاستجابة لها بحضور عدد\n"
            "من المختصين في الجهات الحكومية ومؤسسات المجتمع المدني والسفارات المعنية\n"
            + last_line)
    assert soft_breaks(text) == set(breaks(text))
    doc = analyse(nlp, text, PUBLISHED)
    assert [m.text for m in doc.spans["mentions"] if m.label_ == "PERSON"] == [name]


def test_an_unwrapped_article_keeps_its_sentences(nlp):
    text = (f"{HEADLINE}\nالكويت - كونا\n{BODY}\n{CLOSING}")
    doc = analyse(nlp, text, PUBLISHED)
    first, second = BODY.split(". ")
    assert sentences(doc) == [HEADLINE, "الكويت - كونا", first + ".", second, CLOSING]
