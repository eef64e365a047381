"""Tests for nlp/laws.py: citation shapes of the six Gulf states that no real-text set has
shown, read whole, in sentences written for these tests (seventh round): Kuwaiti decree-laws
("مرسوم بقانون", accusative and "بالقانون"), Omani sultani decrees ("السامي", accusative),
Emirati federal decree-laws, Saudi laws issued by royal decree and Shura decisions numbered
"N/NN" with their date, Qatari and Bahraini laws with "م" after the year, executive
regulations, amendments, decisions named by an issuer who is no minister, dual heads with a
list of numbers, titles with a scope ("في القطاع الأهلي") and the Geneva Conventions."""

from __future__ import annotations

import pytest
from test_laws import only_law

from nlp.laws import find_laws, law_key, written_year


@pytest.mark.parametrize("text,mention_text,kind,number,year,country", [
    # Kuwait: a decree-law, definite, accusative and with "بالقانون"
    ("وصدر المرسوم بقانون رقم 19 لسنة 2000 في شأن دعم العمالة الوطنية أمس",
     "المرسوم بقانون رقم 19 لسنة 2000 في شأن دعم العمالة الوطنية", "decree_law", "19", 2000,
     None),
    ("أصدر سمو الأمير مرسوما بقانون رقم 114 لسنة 2014 في شأن التأمين الصحي على الأجانب",
     "مرسوما بقانون رقم 114 لسنة 2014 في شأن التأمين الصحي", "decree_law", "114", 2014, None),
    ("وجاء المرسوم بالقانون رقم 11 لسنة 2020 ليعدل المهل", "المرسوم بالقانون رقم 11 لسنة 2020",
     "decree_law", "11", 2020, None),
    # Oman: "السامي" after the head, Arabic-Indic digits, an accusative head
    ("وصدر المرسوم السلطاني السامي رقم ١٢٦ / ٢٠٠٨ بإصدار القانون",
     "المرسوم السلطاني السامي رقم ١٢٦ / ٢٠٠٨", "sultani_decree", "126", 2008, "OM"),
    ("وأصدر جلالة السلطان مرسوما سلطانيا رقم 25/2023 أمس", "مرسوما سلطانيا رقم 25/2023",
     "sultani_decree", "25", 2023, "OM"),
    ("أصدر سمو الأمير مرسوما أميريا رقم 5 لسنة 2020 بتشكيل المجلس",
     "مرسوما أميريا رقم 5 لسنة 2020", "amiri_decree", "5", 2020, None),
    # UAE: a federal decree-law amending a federal law
    ("أصدر رئيس الدولة المرسوم بقانون اتحادي رقم (24) لسنة 2023 بتعديل بعض الأحكام",
     "المرسوم بقانون اتحادي رقم (24) لسنة 2023", "federal_law", "24", 2023, "AE"),
    # Qatar and Bahrain: "م" after the year, then the subject
    ("بموجب القانون رقم (15) لسنة 2011م بشأن مكافحة الاتجار بالبشر، تعاقب المحكمة",
     "القانون رقم (15) لسنة 2011م بشأن مكافحة الاتجار بالبشر", "law", "15", 2011, None),
    ("وصدر المرسوم بقانون رقم (1) لسنة 2008م بشأن مكافحة الاتجار بالأشخاص.",
     "المرسوم بقانون رقم (1) لسنة 2008م بشأن مكافحة الاتجار بالأشخاص", "decree_law", "1", 2008,
     None),
    # decisions named by an issuer who is not a minister
    ("وأصدر قرار النائب العام رقم 5 لسنة 2019 بإنشاء نيابة متخصصة",
     "قرار النائب العام رقم 5 لسنة 2019", "decision", "5", 2019, None),
    ("وجاء قرار وزير الدولة للشؤون الخارجية رقم (5) لسنة 2016 ليحدد",
     "قرار وزير الدولة للشؤون الخارجية رقم (5) لسنة 2016", "ministerial_decision", "5", 2016,
     None),
])
def test_gulf_citations_read_whole(text, mention_text, kind, number, year, country):
    mention = only_law(text, mention_text)
    assert (mention.kind, mention.number, mention.year, mention.country) == \
        (kind, number, year, country)


def test_a_decree_law_keys_alike_in_every_case():
    """The accusative, the definite and the "بالقانون" heads name one decree-law."""
    keys = {law_key(only_law(text, mention)) for text, mention in [
        ("أصدر مرسوما بقانون رقم 11 لسنة 2020 اليوم", "مرسوما بقانون رقم 11 لسنة 2020"),
        ("نشر المرسوم بقانون رقم 11 لسنة 2020 اليوم", "المرسوم بقانون رقم 11 لسنة 2020"),
        ("نشر المرسوم بالقانون رقم 11 لسنة 2020 اليوم", "المرسوم بالقانون رقم 11 لسنة 2020")]}
    assert keys == {"decree_law:11:2020"}


def test_a_body_in_the_issuer_stays_an_agency():
    """"قرار رئيس الهيئة العامة للقوى العاملة رقم 8": the mention starts at "رقم", so the
    authority remains an AGENCY mention of its own."""
    mention = only_law("وصدر قرار رئيس الهيئة العامة للقوى العاملة رقم 8 لسنة 2022 بشأن الأجور",
                       "رقم 8 لسنة 2022 بشأن الأجور")
    assert (mention.kind, mention.number, mention.year) == ("decision", "8", 2022)


@pytest.mark.parametrize("text,mention_text,number,year", [
    ("وصدر قرار مجلس الشورى رقم (95/62) وتاريخ 1/1/1432هـ بالموافقة على النظام",
     "رقم (95/62) وتاريخ 1/1/1432هـ", "95/62", 2010),
    ("وافق مجلس الشورى بقراره رقم 45/28 على مشروع النظام", "قراره رقم 45/28", "45/28", None),
])
def test_a_shura_decision_number_and_session_is_no_year(text, mention_text, number, year):
    """A Saudi decision numbered "N/NN" (number and session) is no "97/99" law: the session
    is not a two-digit year (it read 1962 and 2028 before); the date after it gives the year."""
    mention = only_law(text, mention_text)
    assert (mention.number, mention.year) == (number, year)
    assert written_year(mention.text, mention.year) == year


def test_an_omani_two_digit_year_is_still_a_year():
    mention = only_law("وعدل القانون رقم 97/99 بشأن الجوازات", "القانون رقم 97/99 بشأن الجوازات")
    assert (mention.number, mention.year) == ("97", 1999)


@pytest.mark.parametrize("text,expected", [
    # a dual head before a list of numbers: one convention a number
    ("صادقت الدولة على اتفاقيتي منظمة العمل الدولية رقم 29 و105 بشأن العمل الجبري.",
     [("convention", "29", None), ("convention", "105", None)]),
    ("وصادقت على الاتفاقيتين رقم 138 و182.", [("convention", "138", None),
                                              ("convention", "182", None)]),
    # the year closing the list belongs to every number
    ("وصدر القراران رقمي 5 و6 لسنة 2020 بشأن العمالة المنزلية.",
     [("decision", "5", 2020), ("decision", "6", 2020)]),
    # a counted noun after the second number: no list
    ("وصدر القانون رقم 5 و6 مواد منه معدلة.", [("law", "5", None)]),
    # a year after the year: no second number
    ("وطبق القانون رقم 91 لسنة 2013 و2014 بتوسع", [("law", "91", 2013)]),
])
def test_lists_of_numbers(text, expected):
    assert [(m.kind, m.number, m.year) for m in find_laws(text)] == expected


@pytest.mark.parametrize("text,mention_text,key", [
    # a scope that is part of the law's title
    ("ومن التعديلات المقترحة على قانون العمل في القطاع الأهلي، وإعادة النظر في نظام الكفيل",
     "قانون العمل في القطاع الأهلي", "law:العمل"),
    # the Saudi labour law's old name
    ("ويطبق نظام العمل والعمال على العاملين في القطاع الخاص", "نظام العمل والعمال",
     "law:العمل والعمال"),
    # plural heads named in the data file
    ("وأكد التزام الدولة باتفاقيات جنيف الأربع والبروتوكولات الملحقة بها",
     "اتفاقيات جنيف الأربع", "convention:geneva-1949"),
    ("وأقرت المملكة لائحة عمال الخدمة المنزلية ومن في حكمهم قبل سنوات",
     "لائحة عمال الخدمة المنزلية ومن في حكمهم", "regulation:sa-domestic-workers"),
    # "ذوي" joins a construct chain
    ("وصادقت البحرين على اتفاقية حقوق الأشخاص ذوي الإعاقة.",
     "اتفاقية حقوق الأشخاص ذوي الإعاقة", "convention:crpd"),
    ("وصادقت على اتفاقية حماية العمال ذوي الأجور المتدنية.",
     "اتفاقية حماية العمال ذوي الأجور المتدنية", "convention:حمايه العمال ذوي الاجور المتدنيه"),
    # a decision with "الإداري" before its number
    ("وأصدرت الهيئة القرار الإداري رقم 552/2023 بشأن حظر العمل وقت الظهيرة.",
     "القرار الإداري رقم 552/2023 بشأن حظر العمل", "decision:552:2023"),
])
def test_unnumbered_names_read_whole(text, mention_text, key):
    assert law_key(only_law(text, mention_text)) == key


@pytest.mark.parametrize("text", [
    "ويخضع العامل لنظام العمل المرن في الشركة",  # a system, not a law
    "وعاد نظام العمل والدوام إلى طبيعته",
])
def test_a_system_of_work_is_no_law(text):
    assert find_laws(text) == []


@pytest.mark.parametrize("text,mentions", [
    # a Saudi law issued by royal decree: both mentions, one key
    ("ونص نظام العمل الصادر بالمرسوم الملكي رقم (م/51) وتاريخ 23/8/1426هـ على ذلك",
     ["نظام العمل", "المرسوم الملكي رقم (م/51) وتاريخ 23/8/1426هـ"]),
    # an amendment: the amending and the amended law
    (("وصدر قانون رقم 10 لسنة 2018 بتعديل بعض أحكام القانون رقم 1 لسنة 2008 بشأن مكافحة "
     "الاتجار بالأشخاص."),
     ["قانون رقم 10 لسنة 2018", "القانون رقم 1 لسنة 2008 بشأن مكافحة الاتجار بالأشخاص"]),
    # executive regulations of a federal decree-law, cited in a cabinet decision
    (("ونص قرار مجلس الوزراء رقم (1) لسنة 2019 بشأن اللائحة التنفيذية للمرسوم بقانون اتحادي "
     "رقم (10) لسنة 2017."),
     ["قرار مجلس الوزراء رقم (1) لسنة 2019 بشأن اللائحة التنفيذية",
      "اللائحة التنفيذية للمرسوم بقانون اتحادي رقم (10) لسنة 2017"]),
    # a protocol with its long qualifier, then the convention it supplements
    (("وصادقت الكويت على بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال، "
     "المكمل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية."),
     ["بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال",
      "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية"]),
])
def test_citations_in_pairs(text, mentions):
    found = find_laws(text)
    assert [m.text for m in found] == mentions
    assert all(text[m.start:m.end] == m.text for m in found)


def test_a_saudi_law_and_its_royal_decree_share_a_key():
    law, decree = find_laws("ونص نظام العمل الصادر بالمرسوم الملكي رقم (م/51) وتاريخ "
                            "23/8/1426هـ على ذلك")
    assert law_key(law) == law_key(decree) == "decree:م/51:2005:SA"
