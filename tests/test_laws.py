"""Tests for nlp/laws.py: the LAW grammar, canonical forms and keys."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest

from core.errors import DataFileError
from nlp import laws
from nlp.laws import KINDS, find_laws, law_key, link_named_laws

PALERMO = "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children (Palermo Protocol)"


def only_law(text, mention_text):
    """The one law mention in `text`, checking that it is `mention_text` at its offsets."""
    found = find_laws(text)
    assert [m.text for m in found] == [mention_text]
    mention = found[0]
    assert text[mention.start:mention.end] == mention_text
    return mention


CITATIONS = [
    # text, mention, kind, number, year, country, key
    ("صدر القانون رقم 91 لسنة 2013 لمكافحة", "القانون رقم 91 لسنة 2013", "law", "91", 2013, None, "law:91:2013"),
    ("سنت تشريعات مثل القانون (رقم 91 لسنة 2013) الذي", "القانون (رقم 91 لسنة 2013)", "law", "91", 2013, None, "law:91:2013"),
    ("قانون رقم (1) لسنة 2008 بتعديل", "قانون رقم (1) لسنة 2008", "law", "1", 2008, None, "law:1:2008"),
    ("انضمت إليها بموجب القانون رقم 5 لسنة 2006.", "القانون رقم 5 لسنة 2006", "law", "5", 2006, None, "law:5:2006"),
    ("والقانون رقم 91 لعام 2013", "القانون رقم 91 لعام 2013", "law", "91", 2013, None, "law:91:2013"),
    ("القانون رقم 91/2013", "القانون رقم 91/2013", "law", "91", 2013, None, "law:91:2013"),
    ("القانون رقم ٩١ لسنة ٢٠١٣", "القانون رقم ٩١ لسنة ٢٠١٣", "law", "91", 2013, None, "law:91:2013"),
    ("القـــانون رقم 91 لسنة 2013", "القـــانون رقم 91 لسنة 2013", "law", "91", 2013, None, "law:91:2013"),
    ("القَانُونُ رَقْمُ 91 لِسَنَةِ 2013", "القَانُونُ رَقْمُ 91 لِسَنَةِ 2013", "law", "91", 2013, None, "law:91:2013"),
    ("أَقَرَّتِ الكُوَيْتُ القانون رقم 91 لسنة 2013", "القانون رقم 91 لسنة 2013", "law", "91", 2013, None, "law:91:2013"),
    ("طبقا للقانون رقم 91 لسنة 2013", "قانون رقم 91 لسنة 2013", "law", "91", 2013, None, "law:91:2013"),
    ("وبالقانون رقم 91 لسنة 2013", "القانون رقم 91 لسنة 2013", "law", "91", 2013, None, "law:91:2013"),
    ("القانون الكويتي رقم 91 لسنة 2013", "القانون الكويتي رقم 91 لسنة 2013", "law", "91", 2013, "KW", "law:91:2013:KW"),
    ("القانون رقم 12 لسنة 1430هـ", "القانون رقم 12 لسنة 1430هـ", "law", "12", 2009, None, "law:12:2009"),
    ("القانون رقم 16 لسنة 1960", "القانون رقم 16 لسنة 1960", "law", "16", 1960, None, "law:16:1960"),
    ("المرسوم بقانون رقم 10 لسنة 2019", "المرسوم بقانون رقم 10 لسنة 2019", "decree_law", "10", 2019, None, "decree_law:10:2019"),
    ("مرسوم أميري رقم 12 لسنة 2020", "مرسوم أميري رقم 12 لسنة 2020", "amiri_decree", "12", 2020, None, "decree:12:2020"),
    ("المرسوم رقم 45 لسنة 2021", "المرسوم رقم 45 لسنة 2021", "decree", "45", 2021, None, "decree:45:2021"),
    ("مرسوم بقانون اتحادي رقم (51) لسنة 2006", "مرسوم بقانون اتحادي رقم (51) لسنة 2006", "federal_law", "51", 2006, "AE", "law:51:2006:AE"),
    ("القانون الاتحادي رقم 51 لسنة 2006", "القانون الاتحادي رقم 51 لسنة 2006", "federal_law", "51", 2006, "AE", "law:51:2006:AE"),
    ("المرسوم السلطاني رقم 126/2008", "المرسوم السلطاني رقم 126/2008", "sultani_decree", "126", 2008, "OM", "decree:126:2008:OM"),
    ("مرسوم سلطاني رقم 126 لسنة 2008", "مرسوم سلطاني رقم 126 لسنة 2008", "sultani_decree", "126", 2008, "OM", "decree:126:2008:OM"),
    ("المرسوم الملكي رقم م/40 وتاريخ 21/7/1430هـ", "المرسوم الملكي رقم م/40 وتاريخ 21/7/1430هـ", "royal_decree", "م/40", 2009, "SA", "decree:م/40:2009:SA"),
    ("قرار مجلس الوزراء رقم 261 لسنة 2018", "قرار مجلس الوزراء رقم 261 لسنة 2018", "cabinet_decision", "261", 2018, None, "cabinet_decision:261:2018"),
    ("القرار الوزاري رقم 12 لسنة 2020", "القرار الوزاري رقم 12 لسنة 2020", "ministerial_decision", "12", 2020, None, "ministerial_decision:12:2020"),
    ("قرار وزير الداخلية رقم 7 لسنة 2019", "قرار وزير الداخلية رقم 7 لسنة 2019", "ministerial_decision", "7", 2019, None, "ministerial_decision:7:2019"),
    ("قرار وزير الشؤون الاجتماعية والعمل رقم 3 لسنة 2017", "قرار وزير الشؤون الاجتماعية والعمل رقم 3 لسنة 2017", "ministerial_decision", "3", 2017, None, "ministerial_decision:3:2017"),
    ("الاتفاقية رقم 29", "الاتفاقية رقم 29", "convention", "29", None, None, "convention:29:-"),
    ("(انظر القانون رقم 5 لسنة 2006)", "القانون رقم 5 لسنة 2006", "law", "5", 2006, None, "law:5:2006"),
    ("القانون رقم (5) لسنة (2006) و", "القانون رقم (5) لسنة (2006)", "law", "5", 2006, None, "law:5:2006"),
    # a number in quotes
    ('وفق القرار الوزاري رقم "12" لسنة 2019، و', 'القرار الوزاري رقم "12" لسنة 2019', "ministerial_decision", "12", 2019, None, "ministerial_decision:12:2019"),
    ("القانون رقم «68» لسنة 2015 في", "القانون رقم «68» لسنة 2015", "law", "68", 2015, None, "law:68:2015"),
    ("القانون رقم 91 لسنة 2013م بشأن", "القانون رقم 91 لسنة 2013م", "law", "91", 2013, None, "law:91:2013"),
    ("النظام الصادر بالمرسوم الملكي رقم (م/40) بتاريخ 21/7/1430 هـ", "المرسوم الملكي رقم (م/40) بتاريخ 21/7/1430 هـ",
     "royal_decree", "م/40", 2009, "SA", "decree:م/40:2009:SA"),
]


@pytest.mark.parametrize("text,mention_text,kind,number,year,country,key", CITATIONS)
def test_laws_numbered_citations(text, mention_text, kind, number, year, country, key):
    mention = only_law(text, mention_text)
    assert (mention.kind, mention.number, mention.year, mention.country) == (kind, number, year, country)
    assert law_key(mention) == key


@pytest.mark.parametrize("text,mention_text", [
    ("مثل القانون (رقم 91 لسنة 2013) في شأن مكافحة الاتجار بالأشخاص وتهريب المهاجرين الذي يوفر إطارا",
     "القانون (رقم 91 لسنة 2013) في شأن مكافحة الاتجار بالأشخاص وتهريب المهاجرين"),
    ("صدر القانون رقم 68 لسنة 2015 بشأن العمالة المنزلية، ويهدف إلى",
     "القانون رقم 68 لسنة 2015 بشأن العمالة المنزلية"),
    ("القانون رقم 91 لسنة 2013 بشأن مكافحة الاتجار بالأشخاص ويهدف إلى",
     "القانون رقم 91 لسنة 2013 بشأن مكافحة الاتجار بالأشخاص"),
])
def test_laws_subject_phrase(text, mention_text):
    only_law(text, mention_text)


def test_laws_subject_stops_before_next_instrument():
    text = "القانون رقم 5 لسنة 2006 بشأن الموافقة على اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية"
    assert [law_key(m) for m in find_laws(text)] == ["law:5:2006", "convention:untoc"]


NAMED = [
    # text, mention, kind, number, year, country, key
    ("في تنفيذ بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال والتي",
     "بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال", "protocol", None, None, None, "protocol:palermo"),
    ("وبروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص خصوصا النساء والأطفال، والتي",
     "بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص خصوصا النساء والأطفال", "protocol", None, None, None, "protocol:palermo"),
    ("في تنفيذ بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وتطوير",
     "بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص", "protocol", None, None, None, "protocol:palermo"),
    ("صادقت على بروتوكول باليرمو.", "بروتوكول باليرمو", "protocol", None, None, None, "protocol:palermo"),
    ("وبروتوكول مكافحة تهريب المهاجرين عن طريق البر والبحر والجو",
     "بروتوكول مكافحة تهريب المهاجرين عن طريق البر والبحر والجو", "protocol", None, None, None, "protocol:smuggling-migrants"),
    ("اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية",
     "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية", "convention", None, None, None, "convention:untoc"),
    ("لتنفيذ اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر اللجنة الوطنية",
     "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة", "convention", None, None, None, "convention:untoc"),
    ("وفق اتفاقية باليرمو", "اتفاقية باليرمو", "convention", None, None, None, "convention:untoc"),
    ("بالاتفاقية العربية لمكافحة الجريمة المنظمة عبر الحدود الوطنية",
     "الاتفاقية العربية لمكافحة الجريمة المنظمة عبر الحدود الوطنية", "convention", None, None, None, "convention:arab-toc"),
    ("انضمت إلى اتفاقية العمل الجبري", "اتفاقية العمل الجبري", "convention", "29", 1930, None, "convention:ilo-c29"),
    ("انضمت إلى اتفاقية إلغاء العمل الجبري", "اتفاقية إلغاء العمل الجبري", "convention", "105", 1957, None, "convention:ilo-c105"),
    ("طبق قانون العمالة المنزلية على", "قانون العمالة المنزلية", "law", "68", 2015, "KW", "law:68:2015"),
    ("نظام مكافحة جرائم الاتجار بالأشخاص السعودي", "نظام مكافحة جرائم الاتجار بالأشخاص السعودي",
     "law", None, 2009, "SA", "law:sa-anti-trafficking"),
    ("الميثاق العربي لحقوق الإنسان", "الميثاق العربي لحقوق الإنسان", "charter", None, None, None, "charter:arab-human-rights"),
    ("إقرارها قانون مكافحة الاتجار بالأشخاص وتهريب المهاجرين.", "قانون مكافحة الاتجار بالأشخاص وتهريب المهاجرين",
     "law", None, None, None, "law:مكافحه الاتجار بالاشخاص وتهريب المهاجرين"),
    ("«القانون الوطني لمكافحة الاتجار بالأشخاص»", "القانون الوطني لمكافحة الاتجار بالأشخاص",
     "law", None, None, None, "law:مكافحه الاتجار بالاشخاص"),
    ("أقرت قانون مكافحة الاتجار بالبشر الذي", "قانون مكافحة الاتجار بالبشر", "law", None, None, None, "law:مكافحه الاتجار بالبشر"),
    ("وفق قانون مكافحة الاتـــجار بالأشخاص", "قانون مكافحة الاتـــجار بالأشخاص", "law", None, None, None, "law:مكافحه الاتجار بالاشخاص"),
]


@pytest.mark.parametrize("text,mention_text,kind,number,year,country,key", NAMED)
def test_laws_named_instruments(text, mention_text, kind, number, year, country, key):
    mention = only_law(text, mention_text)
    assert (mention.kind, mention.number, mention.year, mention.country) == (kind, number, year, country)
    assert law_key(mention) == key


@pytest.mark.parametrize("text,name", [
    ("بروتوكول باليرمو", PALERMO),
    ("قانون العمالة المنزلية", "Domestic Workers Law (Kuwait, Law No. 68 of 2015)"),
    ("القانون رقم 68 لسنة 2015", "Domestic Workers Law (Kuwait, Law No. 68 of 2015)"),
    ("القانون رقم 91 لسنة 2013", None),
])
def test_laws_english_name(text, name):
    assert [m.name for m in find_laws(text)] == [name]


@pytest.mark.parametrize("text", [
    "القانون",
    "الاتفاقية",
    "انضمام الكويت في سنة 2006 إلى هذه الاتفاقية والبروتوكولين المقترنين بها",
    "الموظفين المكلفين بإنفاذ القانون.",
    "باعتبارها دولة مؤسسات وقانون.",
    "«القانون الجنائي الدولي بشأن الاتجار بالأشخاص»",
    "ويشير النظام القانوني الكويتي إلى",
    "القانون 91",
    "المادة 12 من القانون",
    "قانون 2013",
    "وضع الأطر القانونية والتشريعية",
])
def test_laws_not_laws(text):
    assert find_laws(text) == []


@pytest.mark.parametrize("variants", [
    ["القانون رقم 91 لسنة 2013", "القانون (رقم ٩١ لسنة ٢٠١٣)", "القـانون رقم 91/2013", "بالقانون رقم 91 لعام 2013"],
    ["بروتوكول باليرمو", "بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال"],
    ["قانون العمالة المنزلية", "القانون رقم 68 لسنة 2015"],
    ["المرسوم السلطاني رقم 126/2008", "مرسوم سلطاني رقم 126 لسنة 2008"],
    ["مرسوم بقانون اتحادي رقم (51) لسنة 2006", "القانون الاتحادي رقم 51 لسنة 2006"],
    ["قانون مكافحة الاتجار بالأشخاص", "القانون الوطني لمكافحة الاتجار بالأشخاص"],
])
def test_law_key_same_law_one_key(variants):
    keys = {law_key(m) for text in variants for m in find_laws(text)}
    assert len(keys) == 1


def test_laws_sorted_non_overlapping():
    text = ("انضمت الكويت إلى اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية وبروتوكول باليرمو "
            "بموجب القانون رقم 5 لسنة 2006، ثم أقرت القانون رقم 91 لسنة 2013 والمرسوم السلطاني رقم 126/2008.")
    found = find_laws(text)
    assert [law_key(m) for m in found] == ["convention:untoc", "protocol:palermo", "law:5:2006",
                                           "law:91:2013", "decree:126:2008:OM"]
    for before, after in pairwise(found):
        assert before.end <= after.start


@pytest.mark.parametrize("text,expected", [
    (("إقرارها قانون مكافحة الاتجار بالأشخاص وتهريب المهاجرين. ومنها القانون (رقم 91 لسنة 2013) "
      "في شأن مكافحة الاتجار بالأشخاص وتهريب المهاجرين الذي"), ["law:91:2013", "law:91:2013"]),
    ("قانون مكافحة الاتجار بالأشخاص والقانون رقم 91 لسنة 2013 في شأن العمل",
     ["law:مكافحه الاتجار بالاشخاص", "law:91:2013"]),
])
def test_link_named_laws(text, expected):
    assert [law_key(m) for m in link_named_laws(find_laws(text))] == expected


def test_instruments_file_is_valid():
    lines = [json.loads(line) for line in laws.INSTRUMENTS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len({entry["key"] for entry in lines}) == len(lines)
    assert len({entry["en"] for entry in lines}) == len(lines)
    assert all(entry["kind"] in KINDS and entry["names"] for entry in lines)


@pytest.mark.parametrize("line,reason", [
    ('{"key": "x", "kind": "edict", "en": "X", "names": ["قانون س"]}', "unknown kind"),
    ('{"key": "x", "kind": "law", "en": "X"}', "missing field 'names'"),
    ("not json", "not JSON"),
])
def test_instruments_file_errors_name_file_and_line(tmp_path, monkeypatch, line, reason):
    bad = tmp_path / "legal_instruments.jsonl"
    bad.write_text('{"key": "a", "kind": "law", "en": "A", "names": ["قانون أ"]}\n' + line + "\n", encoding="utf-8")
    monkeypatch.setattr(laws, "INSTRUMENTS_FILE", bad)
    laws._instruments.cache_clear()
    laws._instrument_pattern.cache_clear()
    try:
        with pytest.raises(DataFileError, match=reason) as error:
            find_laws("نص")
        assert f"{bad}:2" in str(error.value)
    finally:
        laws._instruments.cache_clear()
        laws._instrument_pattern.cache_clear()


@pytest.mark.parametrize("text,number,year,country", [
    ("وفق قانون مكافحة الاتجار بالبشر الكويتي رقم 91 لسنة 2013 تعاقب المحكمة", "91", 2013, "KW"),
    ("بموجب قانون الاتجار القطري رقم 15 لسنة 2011", "15", 2011, "QA"),
])
def test_a_state_adjective_after_the_name_does_not_split_the_citation(text, number, year, country):
    [law] = find_laws(text)
    assert (law.number, law.year, law.country) == (number, year, country)
    assert law.text.startswith("قانون") and law.text.endswith(str(year))


@pytest.mark.parametrize("text,key", [
    (("وافق المجلس على مشروع قانون بالموافقة على البروتوكول العربي لمنع وقمع ومعاقبة الاتجار "
      "بالأشخاص وبخاصة النساء والأطفال"), "protocol:arab-trafficking"),
    ("صادقت الدولة على الاتفاقية العربية لمكافحة الجريمة المنظمة عبر الوطنية", "convention:arab-toc"),
    ("وفق نظام مكافحة جرائم الاتجار بالأشخاص", "law:sa-anti-trafficking"),
])
def test_unnumbered_regional_instruments_are_whole_mentions(text, key):
    [law] = find_laws(text)
    assert law_key(law) == key and law.text.endswith(text.split()[-1])


def test_a_proclitic_never_stays_on_the_name():
    [law] = find_laws("دعت إلى الانضمام لاتفاقية مناهضة التعذيب")
    assert law.text == "اتفاقية مناهضة التعذيب"


def test_a_named_instruments_data_year_is_not_a_written_year():
    from nlp.laws import written_year
    [named] = find_laws("وفق نظام مكافحة جرائم الاتجار بالأشخاص")
    [cited] = find_laws("المرسوم السلطاني رقم 126/2008")
    assert named.year == 2009 and written_year(named.text, named.year) is None
    assert written_year(cited.text, cited.year) == 2008


# A royal decree is Saudi when its number is "م/…" or its date is Hijri, either one
# alone (found unguarded by mutation testing); a plain one stays without a country.
@pytest.mark.parametrize("text,country,key", [
    ("صدر المرسوم الملكي رقم م/40 لسنة 2009 بشأن النظام", "SA", "decree:م/40:2009:SA"),
    ("صدر المرسوم الملكي رقم 12 لسنة 1430هـ", "SA", "decree:12:2009:SA"),
    ("صدر المرسوم الملكي رقم 12 لسنة 2010", None, "decree:12:2010"),
])
def test_royal_decree_country(text, country, key):
    [mention] = find_laws(text)
    assert (mention.country, law_key(mention)) == (country, key)


# --- the name grammar for unnumbered instruments (sentences written for these tests) ---

GRAMMAR_NAMED = [
    # text, mention, kind, country
    ("ناقشت اللجنة تعديلات قانون الإقامة خلال اجتماعها", "قانون الإقامة", "law", None),
    ("تطبق الوزارة قانون العمل في القطاع الأهلي على الشركات", "قانون العمل في القطاع الأهلي",
     "law", None),
    ("تطبق الوزارة قانون العمل في القطاع الحكومي على الموظفين", "قانون العمل", "law", None),
    ("أشار إلى قانون دخول وإقامة الأجانب، وقال إن", "قانون دخول وإقامة الأجانب", "law", None),
    ("يعاقب نظام مكافحة التحرش كل من يرتكب", "نظام مكافحة التحرش", "law", None),
    ("يخضع العامل إلى نظام العمل فقط", "نظام العمل", "law", None),
    ("انضمت الدولة إلى الاتفاقية الدولية للحقوق الاقتصادية والاجتماعية والثقافية التي",
     "الاتفاقية الدولية للحقوق الاقتصادية والاجتماعية والثقافية", "convention", None),
    ("وصادقت على الاتفاقية الخاصة بالرق منذ عقود", "الاتفاقية الخاصة بالرق", "convention", None),
    # a protocol named after its convention keeps its own subject (tests/test_laws_instruments.py)
    ("وقعت على البروتوكول الاختياري لاتفاقية حقوق الطفل بشأن بيع الأطفال",
     "البروتوكول الاختياري لاتفاقية حقوق الطفل بشأن بيع الأطفال", "protocol", None),
    ("ويستند إلى ميثاق الأمم المتحدة.", "ميثاق الأمم المتحدة", "charter", None),
    ("صادقت على اتفاقية مجلس التعاون لدول الخليج العربية لمكافحة الإرهاب، وقال",
     "اتفاقية مجلس التعاون لدول الخليج العربية لمكافحة الإرهاب", "convention", None),
    ("وفق النظام الموحد لمكافحة الاتجار بالأشخاص لدول مجلس التعاون.",
     "النظام الموحد لمكافحة الاتجار بالأشخاص لدول مجلس التعاون", "law", None),
    ("تعمل وفق قانون مكافحة الاتجار بالأشخاص في دولة الكويت منذ صدوره",
     "قانون مكافحة الاتجار بالأشخاص في دولة الكويت", "law", "KW"),
    ("وأقر قانون العمل السعودي مواد جديدة", "قانون العمل السعودي", "law", "SA"),
]


@pytest.mark.parametrize("text,mention_text,kind,country", GRAMMAR_NAMED)
def test_unnumbered_instruments_by_the_name_grammar(text, mention_text, kind, country):
    mention = only_law(text, mention_text)
    assert (mention.kind, mention.number, mention.country) == (kind, None, country)


@pytest.mark.parametrize("text", [
    "دعا إلى تطبيق القانون لحماية المجتمع",
    "تعمل الجهات على إنفاذ القانون وسيادة القانون",
    "يجرم القانون السعودي هذه الأفعال",
    "تتعارض القوانين المحلية مع هذا النظام",
    "وفق قانونها الداخلي",
    "يكفل القانون الدولي لحقوق الإنسان الحماية",
    "ألغت الدولة نظام الكفالة الحديث",
    "أطلقت الوزارة نظام العمل المرن والإصلاحات",
    "وقعت الدولتان اتفاقية التعاون الأمني بين البلدين",
    "نص قانون جديد على عقوبات",
    "نظام حماية الأجور الإلكتروني",
    "وقع الصحفيون ميثاق الشرف الإعلامي",
])
def test_generic_mentions_are_not_instruments(text):
    assert find_laws(text) == []


@pytest.mark.parametrize("text,mention_text", [
    ("يعمل بأحكام قانون مكافحة الاتجار بالبشر المرفق.", "قانون مكافحة الاتجار بالبشر"),
    ("يلغى قانون مكافحة الاتجار بالبشر المشار إليه", "قانون مكافحة الاتجار بالبشر"),
    ("صدر قانون مكافحة الاتجار بالأشخاص لتشديد العقوبات", "قانون مكافحة الاتجار بالأشخاص"),
    ("نص قانون الإقامة\nالفصل الأول", "قانون الإقامة"),
    # "الجديد" is part of the name (the new law, as the real-text gold names it), then it ends
    ("طبق قانون الإقامة الجديد على الوافدين", "قانون الإقامة الجديد"),
    ("قال إن قانون العمل يحمي العمال", "قانون العمل"),
])
def test_a_name_ends_at_a_qualifier_a_clause_or_a_line_break(text, mention_text):
    only_law(text, mention_text)


def test_a_protocol_and_the_convention_it_supplements_are_two_mentions():
    text = ("بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص وبخاصة النساء والأطفال "
            "المكمل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية")
    assert [law_key(m) for m in find_laws(text)] == ["protocol:palermo", "convention:untoc"]


@pytest.mark.parametrize("text,year,country", [
    ("النظام القانوني السعودي لمكافحة الاتجار بالأشخاص لعام 2009، والمبادئ", 2009, "SA"),
    ("وفق قانون الإقامة لسنة 2024 الجديد", 2024, None),
])
def test_a_year_after_a_named_law_is_its_year(text, year, country):
    [law] = find_laws(text)
    assert (law.number, law.year, law.country) == (None, year, country)
    assert law.text.endswith(str(year))
    assert law_key(law).count(":") == 1  # keyed on its subject, not on the year alone


@pytest.mark.parametrize("text,named,number,year,country", [
    ("وعلى قانون الجزاء الصادر بالمرسوم السلطاني رقم 7 / 2018،", "قانون الجزاء", "7", 2018, "OM"),
    ("وعلى قانون الإجراءات الجزائية الصادر بالمرسوم السلطاني رقم ٩٧ / ٩٩،",
     "قانون الإجراءات الجزائية", "97", 1999, "OM"),
    (("عرف نظام مكافحة جرائم الاتجار بالأشخاص الصادر بالمرسوم الملكي رقم م / 40 "
     "وتاريخ 21 / 7 / 1430 هـ"),
     "نظام مكافحة جرائم الاتجار بالأشخاص", "م/40", 2009, "SA"),
])
def test_a_named_law_takes_the_number_of_the_decree_that_issued_it(text, named, number, year,
                                                                   country):
    law, decree = find_laws(text)
    assert law.text == named
    assert (law.number, law.year, law.country) == (number, year, country)
    assert (decree.number, decree.year) == (number, year)
    if law.name is None:  # not a data-file instrument: one key with its decree
        assert law_key(law) == law_key(decree)


def test_glued_words_in_a_known_name_are_repaired():
    [law] = find_laws("انضمت إلى اتفاقية الأممالمتحدة لمكافحة الجريمة المنظمة")
    assert law_key(law) == "convention:untoc"


@pytest.mark.parametrize("text,expected", [
    ("وفق لقانون العمل", "قانون العمل"),
    ("عملا بقانون الإقامة", "قانون الإقامة"),
    ("وبنظام مكافحة التسول", "نظام مكافحة التسول"),
    ("ووفق الاتفاقية العربية لمكافحة الفساد", "الاتفاقية العربية لمكافحة الفساد"),
])
def test_a_proclitic_stays_off_a_grammar_name(text, expected):
    only_law(text, expected)


def test_variants_of_one_unnumbered_law_share_a_key():
    texts = ["قانون الإقامة", "بقانون الإقامة الكويتي", "قانون الإقامة لسنة 2024"]
    assert len({law_key(m) for text in texts for m in find_laws(text)}) == 1


@pytest.mark.parametrize("content,reason", [
    ("{not json", "not JSON"),
    ('{"head_adjectives": "عربي"}', "'head_adjectives' must be a list of words"),
])
def test_name_words_file_errors_name_the_file(tmp_path, content, reason):
    bad = tmp_path / "law_names.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=reason) as error:
        laws.load_name_words(bad)
    assert str(bad) in str(error.value)


def test_name_words_file_is_valid():
    data = laws.load_name_words()
    assert set(laws.NAME_LISTS) <= set(data) and data["state_phrases"]["دولة الكويت"] == "KW"


# --- GCC model-law documents, regulations, declarations, brackets (issue 9) ---------------

@pytest.mark.parametrize("text,mention_text", [
    ("واعتمد المجلس الأعلى وثيقة الدوحة للنظام الموحد لحماية العمالة المنزلية بدول المجلس في دورته",
     "وثيقة الدوحة للنظام الموحد لحماية العمالة المنزلية بدول المجلس"),
    ("أحالت اللجنة وثيقة مسقط للقانون (النظام) الموحد لمكافحة غسل الأموال إلى الوزراء",
     "وثيقة مسقط للقانون (النظام) الموحد لمكافحة غسل الأموال"),
    ("وتطبق الدول القانون (النظام) الاسترشادي الموحد لمكافحة جرائم الاتجار بالبشر الذي أقره المجلس",
     "القانون (النظام) الاسترشادي الموحد لمكافحة جرائم الاتجار بالبشر"),
    ("وناقشوا النظام الاسترشادي الموحد للعمالة المنزلية لدول المجلس، ثم",
     "النظام الاسترشادي الموحد للعمالة المنزلية لدول المجلس"),
])
def test_a_gcc_model_law_is_one_whole_law(text, mention_text):
    assert only_law(text, mention_text).kind == "law"  # from its head, no proclitic left on


@pytest.mark.parametrize("text", [
    "ضبط وافدا يحمل وثيقة سفر مزورة",
    "وقدمت الكويت وثيقة الكويت لحقوق الطفل في المؤتمر",  # no law or system named
    "وسلم وثيقة التخرج للطلبة",
])
def test_a_document_is_no_law_without_a_law_or_system(text):
    assert find_laws(text) == []


def test_the_abu_dhabi_document_is_a_known_gcc_instrument():
    [mention] = find_laws("وأقرت دول المجلس وثيقة أبوظبي لمكافحة الاتجار بالأشخاص منذ سنوات")
    assert law_key(mention) == "law:gcc-abu-dhabi-document"
    assert laws.written_year(mention.text, mention.year) is None


@pytest.mark.parametrize("text,mention_text,number,year,key", [
    ("ونشرت اللائحة التنفيذية للمرسوم بقانون رقم 10 لسنة 2019 في الجريدة الرسمية",
     "اللائحة التنفيذية للمرسوم بقانون رقم 10 لسنة 2019", "10", 2019, "regulation:10:2019"),
])
def test_executive_regulations_are_an_instrument_of_their_own(text, mention_text, number, year,
                                                               key):
    mention = only_law(text, mention_text)
    assert (mention.kind, mention.number, mention.year) == ("regulation", number, year)
    assert law_key(mention) == key


@pytest.mark.parametrize("text,regulation,law,key", [
    ("وأصدر الوزير اللائحة التنفيذية لقانون الإقامة في نهاية الأسبوع",
     "اللائحة التنفيذية لقانون الإقامة", "قانون الإقامة", "law:الاقامه"),
    ("وفق اللائحة التنفيذية لنظام مكافحة التسول", "اللائحة التنفيذية لنظام مكافحة التسول",
     "نظام مكافحة التسول", "law:مكافحه التسول"),
])
def test_the_regulations_of_a_law_named_without_a_number_name_both(text, regulation, law, key):
    """Only the law's name says which law the regulations are of: the phrase gives the
    regulations and, inside them, the law."""
    outer, inner = find_laws(text)
    assert (outer.text, outer.kind) == (regulation, "regulation")
    assert (inner.text, inner.kind, law_key(inner)) == (law, "law", key)
    assert outer.start <= inner.start and inner.end == outer.end


def test_regulations_and_their_law_have_two_keys():
    [regulation] = find_laws("صدرت اللائحة التنفيذية للقانون رقم 68 لسنة 2015 أمس")
    [law] = find_laws("صدر القانون رقم 68 لسنة 2015 أمس")
    assert law_key(regulation) != law_key(law) and regulation.name is None


def test_executive_regulations_without_a_law_are_no_mention():
    assert find_laws("وأصدرت الوزارة اللائحة التنفيذية للقانون الشهر الماضي") == []


@pytest.mark.parametrize("text,mention_text,key", [
    ("ويعد الإعلان العالمي لحقوق الإنسان من أهم الوثائق", "الإعلان العالمي لحقوق الإنسان",
     "declaration:udhr"),
    ("وأقر القادة إعلان حقوق الطفل لدول المجلس في القمة", "إعلان حقوق الطفل لدول المجلس",
     "declaration:حقوق الطفل لدول المجلس"),
    ("وتبنت المنظمة إعلان المبادئ الأساسية للعمل اللائق، وهو",
     "إعلان المبادئ الأساسية للعمل اللائق", "declaration:المبادئ للعمل اللائق"),
])
def test_a_declaration_of_rights_or_principles_is_a_law(text, mention_text, key):
    mention = only_law(text, mention_text)
    assert (mention.kind, law_key(mention)) == ("declaration", key)


@pytest.mark.parametrize("text", [
    "ووقعت الوزارة إعلان نوايا مع المنظمة الدولية للهجرة",
    "ونشرت الشركة إعلان الوظائف الشاغرة",
    "بعد إعلان النتائج",
])
def test_a_declaration_of_intent_or_an_announcement_is_no_law(text):
    assert find_laws(text) == []


@pytest.mark.parametrize("text,mention_text,country", [
    ("وعدلت الحكومة قانون جوازات السفر القطري ليتماشى مع", "قانون جوازات السفر القطري", "QA"),
    ("بموجب قانون رعاية الأحداث وتعديلاته", "قانون رعاية الأحداث", None),
])
def test_a_law_named_by_a_construct_noun(text, mention_text, country):
    mention = only_law(text, mention_text)
    assert (mention.kind, mention.country) == ("law", country)


@pytest.mark.parametrize("text", [
    "وصدر قانون أمس الأول",
    "قانون يحمي العمال",
    "وطالبوا بسن قانون جديد العام المقبل",
])
def test_a_bare_word_after_law_is_no_name(text):
    assert find_laws(text) == []


@pytest.mark.parametrize("text,year", [
    ("القانون رقم 12 لسنة 1430هـ", None),  # a Hijri year alone spans two years
    ("المرسوم الملكي رقم م/40 وتاريخ 21 / 7 / 1430هـ", 2009),
    ("القانون رقم 91 لسنة 2013", 2013),
    ("المرسوم السلطاني رقم ٩٧ / ٩٩", 1999),
])
def test_written_year_of_a_citation(text, year):
    [mention] = find_laws(text)
    assert laws.written_year(mention.text, mention.year) == year
