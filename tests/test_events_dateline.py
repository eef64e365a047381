"""An article without a publication date is dated by its dateline (issue 9): "أمس" and the
undated own news resolve against the date its top writes (`nlp.dateline`); a date deep in
the body is no dateline; a known publication date wins. Every sentence is written for this
test."""
import datetime as dt

import pytest

from nlp.dateline import dateline_date
from nlp.extract import analyse

BODY_ARREST = ("أعلنت وزارة الداخلية أن رجال الأمن ألقوا القبض أمس على ثلاثة متهمين "
               "بالاتجار بالأشخاص في منطقة الجليب.\n")


def events(nlp, text, published=None):
    return [(e["type"], e["date"]) for e in analyse(nlp, text, published)._.events]


def test_a_kuna_dateline_dates_yesterdays_arrest(nlp):
    text = "الكويت - 5 مايو 2019 (كونا) -- " + BODY_ARREST
    assert ("enforcement", "2019-05-04") in events(nlp, text)


def test_a_date_line_before_the_body_dates_the_lead(nlp):
    text = ("ضبط شبكة للاتجار بالعمالة المنزلية\nالاثنين 3 يونيو 2024\n"
            "ضبطت الإدارة العامة للمباحث الجنائية شبكة تتاجر بالعمالة المنزلية وأحالت أفرادها "
            "إلى النيابة العامة.\n")
    assert ("enforcement", "2024-06-03") in events(nlp, text)


def test_a_hijri_dateline_converts(nlp):
    text = "المنامة في 14 رمضان 1445 هـ /بنا/ " + BODY_ARREST
    assert dateline_date(text) == dt.date(2024, 3, 24)
    assert ("enforcement", "2024-03-23") in events(nlp, text)


def test_a_date_deep_in_the_body_is_no_dateline(nlp):
    text = (BODY_ARREST + "وأوضحت الوزارة أن المتهمين استقدموا العمال بتأشيرات وهمية.\n"
            "وكانت الوزارة قد ضبطت في 10 فبراير 2023 شبكة مماثلة في منطقة أخرى.\n")
    assert dateline_date(text) is None
    assert ("enforcement", None) in events(nlp, text)
    assert not any(date and date.startswith("2023-02-0") for _, date in events(nlp, text))


def test_a_date_in_the_first_sentence_is_no_dateline():
    text = ("أعلنت الهيئة العامة للقوى العاملة أنها أغلقت في الأول من الشهر عددا من المكاتب "
            "المخالفة بعد حملة بدأت في 5 مايو 2019 واستمرت أسبوعا.\n" + BODY_ARREST)
    assert dateline_date(text) is None


def test_a_publication_date_wins_over_the_dateline(nlp):
    text = "الكويت - 5 مايو 2019 (كونا) -- " + BODY_ARREST
    assert ("enforcement", "2020-01-09") in events(nlp, text, dt.date(2020, 1, 10))
    assert not any(date == "2019-05-04" for _, date in events(nlp, text, dt.date(2020, 1, 10)))


@pytest.mark.parametrize("text,expected", [
    ("الكويت / 15 نوفمبر 2021، اختتمت المنظمة ورشة العمل.", dt.date(2021, 11, 15)),
    ("كتب محرر الشؤون المحلية - الكويت في الأحد 30 يوليو 2023 - أكد المسؤول أن العمل مستمر.",
     dt.date(2023, 7, 30)),
    ("عنوان الخبر\n١٢ مارس ٢٠٢٣\nنص الخبر يبدأ هنا.", dt.date(2023, 3, 12)),
    ("date 2025-09-20 أعلنت الوزارة ضبط الشبكة.", dt.date(2025, 9, 20)),  # a page's label
    ("أعلنت الوزارة في 20 سبتمبر 2025 ضبط الشبكة.", None),  # the lead's own date
    ("الكويت - مايو 2019 (كونا) -- نص الخبر.", None),  # a month is no dateline
    ("الكويت - أمس (كونا) -- نص الخبر.", None),
])
def test_dateline_shapes(text, expected):
    assert dateline_date(text) == expected
