"""Laws, years, places and persons in the shapes of the sixth held-out set's misses (issue 9,
ninth round), written as sentences of our own. Places and persons run in both tokenizer
modes (`any_nlp`) unless the rule needs the tagger's proper nouns."""

import pytest

from nlp.dates import find_dates
from nlp.extract import analyse
from nlp.laws import find_laws


def _labelled(nlp, text, label):
    doc = analyse(nlp, text)
    return [s.text for s in doc.spans["mentions"] if s.label_ == label]


# --- laws -----------------------------------------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("بدأت الوزارة تطبيق قانون الإقامة الجديد على المخالفين", "قانون الإقامة الجديد"),
    ("قانون المرور الجديدة في الدولة", "قانون المرور الجديدة"),
    ("ناقش المجلس نظام العمل الجديد أمس", "نظام العمل الجديد"),
])
def test_new_after_a_named_law_is_part_of_its_name(text, name):
    assert [m.text for m in find_laws(text)] == [name]


def test_new_before_a_number_still_reads_the_citation():
    [law] = find_laws("صدر قانون العمل الجديد رقم 6 لسنة 2010 أمس")
    assert (law.number, law.year) == ("6", 2010)


def test_an_indefinite_new_law_is_no_name():
    assert [m.text for m in find_laws("أقرت الحكومة قانون الإقامة وقانونا جديدا للعمل")] \
        == ["قانون الإقامة"]


# --- years ----------------------------------------------------------------------------

@pytest.mark.parametrize("stamp,date,value", [
    ("08-06-16, 03:23 PM", "08-06-16", "2016-06-08"),
    ("12/25/19 10:30 ص", "12/25/19", "2019-12-25"),  # the month first: the second number is above 12
    ("3.4.21، 9:05", "3.4.21", "2021-04-03"),
])
def test_a_forum_post_stamp_is_a_date(stamp, date, value):
    text = f"عضو جديد\n{stamp}\nضبط متسللين على الحدود"
    assert [(d.text, d.value) for d in find_dates(text)] == [(date, value)]


def test_a_short_date_without_a_clock_is_no_stamp():
    assert find_dates("القضية رقم 08-06-16 أمام المحكمة") == []


def test_a_year_ending_a_paragraph_is_not_counted_by_the_next_one():
    text = "اقرأ أيضا: دليل التمويل الشخصي 2025\n\nإحصائيات عن المخالفات"
    assert [d.value for d in find_dates(text)] == ["2025"]


def test_a_number_wrapped_before_its_noun_still_counts_it():
    assert find_dates("وبلغ عدد المضبوطين 2000\nمخالفات في الشهر") == []


# --- places ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("ضبطت الدوريات المخالفين في العاصمة المقدسة والطائف", ["العاصمة المقدسة", "الطائف"]),
    # "وجدة": the tagger's verb reading cannot end in ة, so و is split off the place
    ("وتركزت المخالفات في الطائف وجدة ومكة", ["الطائف", "جدة", "مكة"]),
    ("يصل العمال من نيبال والفيليبين وسيريلانكا", ["نيبال", "الفيليبين", "سيريلانكا"]),
    # Oman's governorates counted one by one, those with common-word names among them
    ("وضبط 54 في مسندم، و14 في الداخلية، و7 في الظاهرة، وواحد في الوسطى.",
     ["مسندم", "الداخلية", "الظاهرة", "الوسطى"]),
])
def test_places_of_the_sixth_set_shapes(any_nlp, text, expected):
    assert _labelled(any_nlp, text, "LOCATION") == expected


def test_a_common_word_region_alone_stays_a_word(any_nlp):
    assert _labelled(any_nlp, "وتنتشر الظاهرة في المدن الكبرى", "LOCATION") == []


def test_an_area_in_a_hospital_name_is_no_place(any_nlp):
    assert _labelled(any_nlp, "نقلت العاملة إلى مستشفى العدان وهي بحالة مستقرة", "LOCATION") == []
    assert _labelled(any_nlp, "نقلت العاملة إلى المستشفى في العدان", "LOCATION") == ["العدان"]


# --- persons --------------------------------------------------------------------------

@pytest.mark.parametrize("text,name", [
    # a name between commas after its title
    ("وقدمت الأخصائية النفسية، أمل الدار، محاضرة للطالبات.", "أمل الدار"),
    # a role read over the bodies that qualify it, up to the name
    (("والتقت مسؤولة ملف قطر بمكتب مكافحة الاتجار بالبشر في وزارة الخارجية الأميركية "
      "سارة سكوت، مدير الإدارة أمس."), "سارة سكوت"),
    # stacked titles, a given name the list lacks before "بن"
    ("وقال المتحدث المقدم دكتور عاطي بن سعيد الغامدي إن الحملة مستمرة.",
     "عاطي بن سعيد الغامدي"),
])
def test_names_of_the_sixth_set_shapes(any_nlp, text, name):
    assert _labelled(any_nlp, text, "PERSON") == [name]


@pytest.mark.parametrize("text", [
    "وتم تدوين عمر أكبر من العمر الحقيقي في الجواز.",  # a comparative: "an older age"
    "وقال رئيس اللجنة الوطنية لمكافحة الاتجار بالبشر أن تدشين الدار خطوة مهمة.",  # "أن" ends the role
])
def test_no_name_in_prose(any_nlp, text):
    assert _labelled(any_nlp, text, "PERSON") == []


def test_a_quoted_name_after_a_verb_of_reporting(nlp):
    text = 'وقالت "كيمبرلي موتلي"، المحامية الدولية، إن القضية مستمرة.'
    assert _labelled(nlp, text, "PERSON") == ["كيمبرلي موتلي"]


@pytest.mark.parametrize("text,expected", [
    # a list name after "لل" is read by its tokens' norms ("لمدينة" is "المدينة"): alone, no place
    ("وقدم المهندس رؤية شاملة للمدينة الجديدة في مؤتمر عقد أمس", []),
    # the region's own full name is no other region: "الشرقية" of a chamber stays a word
    ("وأقامت غرفة الشرقية لقاء في المنطقة الشرقية أمس", ["المنطقة الشرقية"]),
])
def test_a_common_word_name_needs_another_place(any_nlp, text, expected):
    assert _labelled(any_nlp, text, "LOCATION") == expected


@pytest.mark.parametrize("text,word", [
    ("وانتشرت هذه الظاهرة في محافظة ظفار خلال السنوات الماضية.", "الظاهرة"),
    ("وتضررت الطبقة الوسطى في محافظة مسقط من ارتفاع الأسعار.", "الوسطى"),
])
def test_an_omani_region_named_by_a_common_word_is_no_place_outside_a_count(any_nlp, text, word):
    """"الظاهرة" (the phenomenon) and "الوسطى" (middle) beside another Omani region are no
    governorates: only a count or a list names them ("و7 في الظاهرة")."""
    places = [e.text for e in analyse(any_nlp, text).ents if e.label_ == "LOCATION"]
    assert word not in places

