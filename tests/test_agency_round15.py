"""The agency tagger's fifteenth-round edges (issue 9): where a name the CRF finds stops
(a verb, an adverbial accusative, a dash, an unclosed bracket, a person's "السيد"), a
definite head described by its task, and praise of a body read as no name. The CRF that
learned from sentences in the shapes of real articles finds more bodies by their form;
these keep its run-ons out. Sentences written for the tests."""
import pytest
from conftest import agency_pairs as agencies

from nlp.components.agency_model import _described, _praised, _trim


def _trimmed(nlp, text: str, first: int, last: int):
    """What `_trim` keeps of the words first..last (token indexes) of `text`."""
    doc = nlp(text)
    span = _trim(doc[first:last])
    return span.text if span is not None else None


@pytest.mark.parametrize("text,expected", [
    # an adverbial accusative opens the next clause
    ("وأكدت هيئة عامة لحقوق الإنسان إيماناً بأهمية المبادئ أن العمل مستمر",
     "هيئة عامة لحقوق الإنسان"),
    # a dash ends the name
    ("وطالب القطاع العائلي - البالغ عدده ألف عامل - بحقوقه", "القطاع العائلي"),
    # a person's title ends the name
    ("وقال المكتب الإقليمي السيد طارق المنسق إن البرنامج بدأ", "المكتب الإقليمي"),
])
def test_a_name_stops_where_no_name_goes_on(any_nlp, text, expected):
    doc = any_nlp(text)
    start = next(t.i for t in doc if t.text in ("هيئة", "القطاع", "المكتب"))
    assert _trimmed(any_nlp, text, start, len(doc)) == expected


def test_a_verb_ends_the_name_when_the_tagger_reads_it(nlp):
    doc = nlp("وقال إن مدير إدارة المكتب اعترف لرجال المباحث بالتهمة")
    if not any(t.tag_ for t in doc):
        pytest.skip("no CAMeL tags here")
    start = next(t.i for t in doc if t.text == "إدارة")
    assert _trim(doc[start:len(doc)]).text == "إدارة المكتب"


def test_an_unclosed_bracket_ends_the_name(any_nlp):
    doc = any_nlp("وشارك معهد (جنيف لحقوق الإنسان في الورشة")
    start = next(t.i for t in doc if t.text == "معهد")
    end = next(t.i for t in doc if t.text == "الإنسان") + 1
    assert _trim(doc[start:end]) is None  # "معهد" alone is no name
    closed = any_nlp("وشارك معهد (جنيف) لحقوق الإنسان في الورشة")
    start = next(t.i for t in closed if t.text == "معهد")
    end = next(t.i for t in closed if t.text == "الإنسان") + 1
    assert _trim(closed[start:end]).text == "معهد (جنيف) لحقوق الإنسان"


@pytest.mark.parametrize("text,head,kept", [
    ("وشكلت الحكومة اللجنة لحصر ظاهرة الاتجار بالأشخاص", "اللجنة", False),
    # the verb's object after a definite head
    ("ستبدأ الهيئة تنفيذ حملة توعوية لمكافحة الاتجار بالبشر", "الهيئة", False),
    # a bare head where it acts
    ("أعلنت شرطة في سلطنة عمان ضبط متسللين", "شرطة", False),
    ("وأعلن مكتب الأمم المتحدة في الكويت البرنامج", "مكتب", True),
    ("وشكلت الحكومة لجنة لحصر ظاهرة الاتجار بالأشخاص", "لجنة", True),
    ("وعقدت اللجنة الوطنية لمكافحة الاتجار بالأشخاص اجتماعها", "اللجنة", True),
])
def test_a_definite_head_followed_by_an_indefinite_word_is_no_name(any_nlp, text, head, kept):
    doc = any_nlp(text)
    start = next(t.i for t in doc if t.text == head)
    end = len(doc) - (1 if text.endswith(("اجتماعها", "البرنامج", "متسللين")) else 0)
    assert (_trim(doc[start:end]) is not None) == kept


@pytest.mark.parametrize("text,expected", [
    ("التزام المجلس الراسخ والعازم بحماية العمال", True),
    ("التزام المجلس الفاعل بحماية العمال", True),
    ("المجلس الأعلى للقضاء", False),
    ("اللجنة الدائمة لمكافحة الاتجار", False),
])
def test_a_word_that_judges_after_the_head_makes_praise_not_a_name(any_nlp, text, expected):
    doc = any_nlp(text)
    start = next(t.i for t in doc if t.text in ("المجلس", "اللجنة"))
    assert _praised(doc[start:len(doc)]) == expected
    assert not _described(doc[start:len(doc)])  # praise is no indefinite description


def test_praise_of_a_council_gives_no_body(any_nlp):
    text = "وجدد الوزير التزام المجلس الراسخ والعازم بمكافحة الاتجار بالأشخاص في الكويت."
    assert not [name for name, _ in agencies(any_nlp, text) if name.startswith("المجلس")]


@pytest.mark.parametrize("text,head,expected", [
    # a dash between two adjectives of a joint body is part of the name
    ("واجتمعت اللجنة الكويتية - الفلبينية المشتركة في الكويت", "اللجنة",
     "اللجنة الكويتية - الفلبينية المشتركة"),
    # an accusative right after the head, or inside marks, is the body's proper name
    ("وشاركت جمعية معاً لحقوق الإنسان في الورشة", "جمعية", "جمعية معاً لحقوق الإنسان"),
    ("وشاركت جمعية «معاً» لحماية العمال في الورشة", "جمعية", "جمعية «معاً» لحماية العمال"),
    # "غير" with a definite adjective qualifies a definite head
    ("وأكدت الجمعية غير الحكومية لحقوق الإنسان أن", "الجمعية", "الجمعية غير الحكومية لحقوق الإنسان"),
])
def test_what_the_stops_leave_whole(any_nlp, text, head, expected):
    doc = any_nlp(text)
    start = next(t.i for t in doc if t.text == head)
    end = next(t.i for t in doc if t.text in ("في", "أن") and t.i > start + 2)
    assert _trim(doc[start:end]).text == expected


def test_an_indefinite_judging_word_may_be_a_proper_name(any_nlp):
    doc = any_nlp("وشارك مركز جاد للاستشارات في الورشة")
    start = next(t.i for t in doc if t.text == "مركز")
    assert not _praised(doc[start:start + 3])
    doc = any_nlp("التزام المجلس الجاد بحماية العمال")
    start = next(t.i for t in doc if t.text == "المجلس")
    assert _praised(doc[start:start + 2])
