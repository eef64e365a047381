"""Tests for nlp/laws.py: where the name of an unnumbered law starts and ends on real shapes
(classes of misses on the second held-out set, in sentences written for these tests)."""

from __future__ import annotations

import pytest
from test_laws import only_law

from nlp.laws import find_laws, law_key


@pytest.mark.parametrize("text,mention_text", [
    # another instrument, plural or singular, after "و" or a preposition
    ("منحت مهلة لمن يخالف قانون الإقامة واللوائح التنفيذية المرتبطة به", "قانون الإقامة"),
    ("ويطبق قانون العمل والقرارات الوزارية المنفذة له", "قانون العمل"),
    ("تجري الملاحقة بموجب قانون مكافحة الاتجار لا بالقوانين الجنائية", "قانون مكافحة الاتجار"),
    # a relative pronoun after "و"
    ("ويعاقب من يخالف قانون الإقامة والذين لم يغادروا البلاد", "قانون الإقامة"),
    # a conjunct whose complement is a pronoun ("بهن", "عليهم") opens a clause of its own
    ("تؤوي العاملات المخالفات لقانون الإقامة والمتاجرة بهن في السوق", "قانون الإقامة"),
    ("المخالفين لقانون العمل والتستر عليهم", "قانون العمل"),
    # a time after the name
    ("وصدر قانون جديد لمكافحة الاتجار بالبشر العام الماضي", "قانون جديد لمكافحة الاتجار بالبشر"),
])
def test_a_name_ends_where_another_instrument_or_clause_begins(text, mention_text):
    only_law(text, mention_text)


@pytest.mark.parametrize("text,mention_text", [
    # "و" joining two bare construct nouns before their genitive
    ("رصدت الحملة مخالفات لقانون تنظيم دخول وخروج الأجانب في البلاد",
     "قانون تنظيم دخول وخروج الأجانب"),
    # "و", a verbal noun of the name and a possessive pronoun: the name's last word
    ("وتعرف المشاركون بقانون تنظيم دخول الوافدين وإقامتهم، وبالعقوبات",
     "قانون تنظيم دخول الوافدين وإقامتهم"),
    # a noun that starts like an imperfect verb ("تقنية")
    ("ويعاقب قانون مكافحة جرائم تقنية المعلومات على ذلك", "قانون مكافحة جرائم تقنية المعلومات"),
    # up to three bare construct nouns after an indefinite "قانون"
    ("تطبيقا لأحكام قانون هيئة تنظيم سوق العمل على الشركات", "قانون هيئة تنظيم سوق العمل"),
])
def test_a_name_reads_through_coordinated_and_chained_nouns(text, mention_text):
    assert only_law(text, mention_text).kind == "law"


@pytest.mark.parametrize("text", [
    "وأكد أن قانون يمنع بيع الأطفال لم يصدر بعد",
    "وقال إن قانون وحده لا يكفي الضحايا",
    "وضعت الوزارة نظاما لحماية العمالة",
])
def test_no_name_without_a_noun_phrase(text):
    assert find_laws(text) == []


@pytest.mark.parametrize("text,mention_text,kind", [
    ("وجاء ذلك بعد صدور المرسوم بقانون في شأن إقامة الأجانب نهاية العام",
     "المرسوم بقانون في شأن إقامة الأجانب", "decree_law"),
    ("وأصدر الأمير مرسوما بقانون بشأن العمالة المنزلية",
     "مرسوما بقانون بشأن العمالة المنزلية", "decree_law"),
    ("صدر مرسوم بقانون بشأن تنظيم العمالة المنزلية.", "مرسوم بقانون بشأن تنظيم العمالة المنزلية",
     "decree_law"),
    ("لتصدر المملكة عام 1430هـ نظاماً خاصاً بمكافحة جرائم الاتجار بالأشخاص، والذي يحتوي",
     "نظاماً خاصاً بمكافحة جرائم الاتجار بالأشخاص", "law"),
    ("وتقدم خمسة نواب يقترحون قانونا لمكافحة الاتجار بالبشر في البلاد",
     "قانونا لمكافحة الاتجار بالبشر", "law"),
])
def test_decree_laws_and_accusative_heads_named_by_their_subject(text, mention_text, kind):
    assert only_law(text, mention_text).kind == kind


@pytest.mark.parametrize("text", [
    "قدم النواب اقتراحا بقانون يقضي بمنع الاتجار بالأشخاص",
    "صدر المرسوم بقانون أمس",
])
def test_a_bill_or_a_bare_decree_law_is_no_name(text):
    assert find_laws(text) == []


def test_a_decision_cited_by_number_without_its_issuer():
    mention = only_law("وأصدرت الوزارة القرار رقم 2302 لسنة 2023 وبدأ العمل به",
                       "القرار رقم 2302 لسنة 2023")
    assert (mention.kind, mention.number, mention.year) == ("decision", "2302", 2023)
    assert law_key(mention) == "decision:2302:2023"


@pytest.mark.parametrize("text", ["اتخذ القرار رقم واحد في الاجتماع", "وجاء القرار 5 أمس"])
def test_a_decision_without_number_and_year_is_no_citation(text):
    assert find_laws(text) == []


def test_a_short_scope_before_the_number_is_part_of_the_citation():
    mention = only_law("وفقا لأحكام قانون العمل في القطاع الأهلي رقم 6 لسنة 2010 وتعديلاته",
                       "قانون العمل في القطاع الأهلي رقم 6 لسنة 2010")
    assert (mention.number, mention.year) == ("6", 2010)
    only_law("قال إن قانون العمل في القطاع الأهلي يحمي العمال",
             "قانون العمل في القطاع الأهلي")  # the scope is part of the law's title


@pytest.mark.parametrize("text,first", [
    (("عدل القانون رقم 51 لسنة 2006 في شأن مكافحة جرائم الاتجار بالبشر بموجب القانون رقم 1 "
      "لسنة 2015"), "القانون رقم 51 لسنة 2006 في شأن مكافحة جرائم الاتجار بالبشر"),
    ("أصدرت القانون رقم 51 لسنة 2006 في شأن الاتجار بالبشر الهدف منه تجريم الاستغلال",
     "القانون رقم 51 لسنة 2006 في شأن الاتجار بالبشر"),
    ("وفقا للقانون رقم 10 لسنة 2017 بشأن عمال الخدمة المساعدة ولائحته التنفيذية",
     "قانون رقم 10 لسنة 2017 بشأن عمال الخدمة المساعدة"),
])
def test_a_subject_ends_before_a_preposition_a_clause_or_the_regulations(text, first):
    assert find_laws(text)[0].text == first


def test_a_law_after_lil_keeps_no_proclitic_in_the_output(any_nlp):
    """"للقانون": the tokenizer keeps "لقانون" as one token; the printed mention, its offsets
    and the title of its legislation event still start at "قانون"."""
    from nlp.extract import extract_article

    text = ("وضبطت الشرطة عمالا مخالفين للقانون رقم 91 لسنة 2013 في شأن مكافحة الاتجار "
            "بالأشخاص، وأحالتهم إلى النيابة.")
    result = extract_article(any_nlp, text)
    [law] = [e for e in result["entities"] if e["label"] == "LAW"]
    assert law["text"].startswith("قانون رقم 91 لسنة 2013")
    assert text[law["start"]:law["end"]] == law["text"]
    titles = [e["title"] for e in result["events"] if e["type"] == "legislation"]
    assert titles and all(not t.startswith("ل") for t in titles)


@pytest.mark.parametrize("text,first", [
    ("وقال إن القانون رقم 91 الخاص بمكافحة الاتجار بالأشخاص حقق نتائج",
     "القانون رقم 91 الخاص بمكافحة الاتجار بالأشخاص"),
    ("صدر قانون رقم (6) لسنة 2010 في شأن العمل في القطاع الأهلي.",
     "قانون رقم (6) لسنة 2010 في شأن العمل في القطاع الأهلي"),
    ("صدر القانون رقم 5 لسنة 2010 بشأن العمالة المنزلية في البلاد",
     "القانون رقم 5 لسنة 2010 بشأن العمالة المنزلية في البلاد"),
    ("وصدر القانون رقم 7 لسنة 2019 بشأن حماية العمال طبقت الوزارة أحكامه",
     "القانون رقم 7 لسنة 2019 بشأن حماية العمال"),
])
def test_a_subject_after_its_lead_reads_noun_phrases_only(text, first):
    assert find_laws(text)[0].text == first


@pytest.mark.parametrize("text,mention_text", [
    ("وطبق قانون مكافحة غسل الأموال وتمويل الإرهاب على المتهمين",
     "قانون مكافحة غسل الأموال وتمويل الإرهاب"),
    ("تطبيقا لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الحدود الوطنية.",
     "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الحدود الوطنية"),
])
def test_long_names_of_common_instruments_are_whole(text, mention_text):
    only_law(text, mention_text)


def test_an_accusative_head_keys_on_its_subject_like_the_nominative():
    accusative = only_law("أصدر الأمير قانونا بشأن مكافحة الاتجار بالبشر",
                          "قانونا بشأن مكافحة الاتجار بالبشر")
    nominative = only_law("وطبق قانون مكافحة الاتجار بالبشر", "قانون مكافحة الاتجار بالبشر")
    assert law_key(accusative) == law_key(nominative) == "law:مكافحه الاتجار بالبشر"


@pytest.mark.parametrize("text,mention_text", [
    # a bare noun right after the definite word that closed the construct chain
    ("وحرمان الشركات المخالفة أحكام قانون العمل تأشيرات استقدام جديدة", "قانون العمل"),
    ("تطبق أحكام قانون الإقامة عقوبات مشددة على المخالفين", "قانون الإقامة"),
])
def test_a_name_ends_with_the_definite_word_that_closes_its_chain(text, mention_text):
    only_law(text, mention_text)


@pytest.mark.parametrize("text", [
    "وقعت الكويت مسودة اتفاقية لتشغيل العمالة المنزلية مع دولة آسيوية",
    "وتبحث الوزارتان اتفاقية لتنظيم استقدام العمال بين البلدين",
])
def test_an_agreement_described_by_its_purpose_is_no_named_convention(text):
    assert find_laws(text) == []
