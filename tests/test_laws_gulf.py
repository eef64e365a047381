"""Tests for nlp/laws.py: Gulf citation shapes that the four spent real-text sets did not
hold (Omani, Qatari, Emirati, Saudi, Bahraini and Kuwaiti forms), in sentences written for
these tests: bracketed "N/YYYY", long minister titles, royal and amiri orders, a decision
named by its issuer's pronoun, unnumbered decisions named by issuer and subject, dual
heads, instruments named by their year, and a name cut by the end of an excerpt."""

from __future__ import annotations

import pytest
from test_laws import only_law

from nlp.laws import KINDS, find_laws, law_key


@pytest.mark.parametrize("text,mention_text,kind,number,year,country", [
    # number and year together in one bracket
    ("ونشرت الجريدة الرسمية المرسوم السلطاني رقم (٤٢/٢٠٢٤) أمس",
     "المرسوم السلطاني رقم (٤٢/٢٠٢٤)", "sultani_decree", "42", 2024, "OM"),
    ("بموجب القانون رقم ( 12 / 2019 ) تم تنظيم القطاع", "القانون رقم ( 12 / 2019 )",
     "law", "12", 2019, None),
    # a minister with a long portfolio
    ("وصدر قرار وزير الموارد البشرية والتنمية الاجتماعية والشؤون الإسلامية رقم 77 لسنة 2021",
     "قرار وزير الموارد البشرية والتنمية الاجتماعية والشؤون الإسلامية رقم 77 لسنة 2021",
     "ministerial_decision", "77", 2021, None),
    # the prime minister's decision
    ("وصدر قرار سمو رئيس مجلس الوزراء رقم 40 لسنة 2022 بتعديل المهلة",
     "قرار سمو رئيس مجلس الوزراء رقم 40 لسنة 2022", "cabinet_decision", "40", 2022, None),
    # Saudi royal orders ("أ/" numbers, Hijri dates), accusative too
    ("وجاء ذلك تنفيذا لما نص عليه الأمر الملكي رقم أ/35 وتاريخ 3/4/1440هـ",
     "الأمر الملكي رقم أ/35 وتاريخ 3/4/1440هـ", "royal_order", "أ/35", 2018, "SA"),
    ("وأصدر العاهل أمرا ملكيا رقم 14 لسنة 2022 بتشكيل المجلس",
     "أمرا ملكيا رقم 14 لسنة 2022", "royal_order", "14", 2022, None),
    ("واستند إلى القرار الأميري رقم 30 لسنة 2016", "القرار الأميري رقم 30 لسنة 2016",
     "amiri_decision", "30", 2016, None),
    # "الوطني" or "الجديد" between the head and its number
    ("وطبقت النيابة القانون الوطني رقم 12 لسنة 2019 على الشبكة", "القانون الوطني رقم 12 لسنة 2019",
     "law", "12", 2019, None),
    ("ويبدأ العمل بالقانون الجديد رقم 3 لسنة 2025 الشهر المقبل", "القانون الجديد رقم 3 لسنة 2025",
     "law", "3", 2025, None),
    # the issuer is the sentence's subject: "قراره", "بقرارها"
    ("وأصدر مجلس الوزراء قراره رقم 9 لسنة 2025 بتعديل الرسوم", "قراره رقم 9 لسنة 2025",
     "decision", "9", 2025, None),
])
def test_numbered_citations_in_gulf_shapes(text, mention_text, kind, number, year, country):
    law = only_law(text, mention_text)
    assert (law.kind, law.number, law.year, law.country) == (kind, number, year, country)
    assert kind in KINDS


def test_a_subject_ends_where_a_bare_noun_follows_its_definite_word():
    law = only_law("ويمنع المرسوم بقانون اتحادي رقم 9 لسنة 2022 بشأن عمال الخدمة المساعدة "
                   "احتجاز وثائق العمال", "المرسوم بقانون اتحادي رقم 9 لسنة 2022 بشأن عمال "
                   "الخدمة المساعدة")
    assert law_key(law) == "law:9:2022:AE"


@pytest.mark.parametrize("text,mention_text,kind,key", [
    ("وجاء قرار وزير الداخلية بشأن تنظيم مكاتب الخدم ليلزم الشركات بكفالة مالية",
     "قرار وزير الداخلية بشأن تنظيم مكاتب الخدم", "ministerial_decision",
     "ministerial_decision:تنظيم مكاتب الخدم"),
    ("ورحب النواب بالقرار الوزاري في شأن حماية أجور العمال",
     "القرار الوزاري في شأن حماية أجور العمال", "ministerial_decision",
     "ministerial_decision:حمايه اجور العمال"),
    ("وصدر قرار مجلس الوزراء بشأن العمالة المنزلية أمس", "قرار مجلس الوزراء بشأن العمالة المنزلية",
     "cabinet_decision", "cabinet_decision:العماله المنزليه"),
])
def test_unnumbered_decisions_named_by_issuer_and_subject(text, mention_text, kind, key):
    law = only_law(text, mention_text)
    assert law.kind == kind and law.number is None and law_key(law) == key


@pytest.mark.parametrize("text", [
    "وأصدر المحافظ قرارا بشأن إنشاء مركز للإيواء",  # no issuer in the citation
    "ووافق على قرار مجلس الوزراء في اجتماعه الأسبوعي",  # no subject
    "وأعلنت الوزارة قرارها بشأن المهلة",
    "وأصدر الوزير قرار وزاري بشأن تعديل مواعيد العمل",  # indefinite: news of an act
    # a decision that sets up a body: the body is the mention
    "وأصدر الوزير قرار وزير العدل بشأن تشكيل اللجنة الوطنية لمكافحة الاتجار",
    "ونص قرار مجلس الوزراء في شأن إنشاء مركز لإيواء الضحايا على ذلك",
])
def test_no_decision_without_issuer_and_subject(text):
    assert find_laws(text) == []


@pytest.mark.parametrize("text,mention_text", [
    ("وضبطت الدوريات عشرين وافدا مخالفين لقانوني الإقامة والعمل في المنطقة",
     "قانوني الإقامة والعمل"),
    ("وشدد على تطبيق قانوني العمل والتأمينات على الشركات", "قانوني العمل والتأمينات"),
])
def test_a_dual_head_names_two_laws_in_one_citation(text, mention_text):
    assert only_law(text, mention_text).kind == "law"


@pytest.mark.parametrize("text", [
    "ودخل العمال البلاد بشكل قانوني العام الماضي",
    "وناقش الخبراء الإطار القانوني الدولي لحماية المهاجرين",
    "وحصل على وضع قانوني والإقامة الدائمة",
])
def test_the_adjective_qanuni_is_no_dual_head(text):
    assert find_laws(text) == []


def test_instruments_named_by_their_year():
    protocol, convention = find_laws("وصادقت البحرين على بروتوكول 2014 الملحق باتفاقية العمل "
                                     "الجبري لعام 1930")
    # the year names no instrument alone: the protocol's mention runs over the convention it
    # supplements, which stays a mention of its own inside it
    assert (protocol.text, protocol.year, law_key(protocol)) == (
        "بروتوكول 2014 الملحق باتفاقية العمل الجبري لعام 1930", 2014, "protocol:ilo-p29")
    assert law_key(convention) == "convention:ilo-c29"
    assert protocol.start < convention.start and convention.end == protocol.end
    law = only_law("ولم تنضم الدولة إلى اتفاقية 1954 المتعلقة بوضع عديمي الجنسية",
                   "اتفاقية 1954 المتعلقة بوضع عديمي الجنسية")
    assert (law.kind, law.year) == ("convention", 1954)


def test_a_name_cut_by_the_end_of_the_excerpt_is_no_mention():
    assert find_laws("ويذكر أن قانون مكافحة جرائم ال") == []
    assert [m.text for m in find_laws("ويذكر أن قانون مكافحة جرائم الاتجار")] == \
        ["قانون مكافحة جرائم الاتجار"]


@pytest.mark.parametrize("text,key", [
    # Arabic-Indic digits, a Hijri date after "بتاريخ", a line break inside the citation
    ("صدر المرسوم الملكي رقم (م/١٥) بتاريخ ١٤٤١/٣/١٠هـ", "decree:م/15:2019:SA"),
    ("وصدر القانون رقم 13\nلسنة 2018 في شأن العمالة", "law:13:2018"),
    ("ويطبق القانون رقم 91 لسنة 2013 المشار إليه على الجميع", "law:91:2013"),
    # the year or date after "الصادر" or "في", the royal decree's "الكريم", "م" after the year
    ("وتطبق النيابة القانون رقم 17 الصادر عام 2019 على المتهمين", "law:17:2019"),
    ("ويحدد القانون رقم 8 الصادر في عام 2016 العقوبات", "law:8:2016"),
    ("وجاء في القانون رقم 4 الصادر بتاريخ 20/5/2007 أن", "law:4:2007"),
    ("صدر المرسوم الملكي رقم م/12 في 5/2/1441هـ", "decree:م/12:2019:SA"),
    ("ونص المرسوم الملكي الكريم رقم (م/٩) وتاريخ ١٠/١/١٤٣٩هـ على إنشاء الهيئة",
     "decree:م/9:2017:SA"),
    ("وأوضحت أن المرسوم السلطاني رقم (64 /2021م)، الخاص بالعمالة، يحمي العمال",
     "decree:64:2021:OM"),
])
def test_digits_dates_and_line_breaks(text, key):
    [law] = find_laws(text)
    assert law_key(law) == key


def test_a_name_with_its_number_keeps_its_subject():
    law = only_law("وصادقت الدولة على اتفاقية العمل الدولية رقم 138 بشأن الحد الأدنى لسن الاستخدام",
                   "اتفاقية العمل الدولية رقم 138 بشأن الحد الأدنى")
    assert (law.kind, law.number) == ("convention", "138")


def test_a_year_after_the_subject_of_a_numbered_citation():
    law = only_law("وصادقت الدولة على اتفاقية منظمة العمل الدولية رقم 105 بشأن إلغاء العمل الجبري "
                   "لعام 1957 منذ عقود", "اتفاقية منظمة العمل الدولية رقم 105 بشأن إلغاء العمل "
                   "الجبري لعام 1957")
    assert (law.number, law.year, law_key(law)) == ("105", 1957, "convention:ilo-c105")


@pytest.mark.parametrize("text,key", [
    # Saudi laws named without a number, from the data file
    ("وأحالت النيابة الكفيل بموجب نظام الحماية من الإيذاء", "law:sa-protection-from-abuse"),
    ("ويجرم نظام حماية الطفل تشغيل القاصرين", "law:sa-child-protection"),
])
def test_saudi_laws_of_the_data_file(text, key):
    [law] = find_laws(text)
    assert law_key(law) == key and law.country == "SA"


def test_a_line_break_inside_a_construct_chain_does_not_cut_the_name():
    law = only_law("وتعمل النيابة على تطبيق قانون مكافحة\nجرائم الاتجار بالأشخاص على الجناة",
                   "قانون مكافحة\nجرائم الاتجار بالأشخاص")
    assert law.kind == "law"
    # a line that ends on a whole name is a name of its own
    assert [m.text for m in find_laws("ندوة عن قانون العمل\nوأكد الوزير أهمية التوعية")] == \
        ["قانون العمل"]
