"""Tests for persons, fourteenth round: classes of person misses and false alarms on the
twelfth real-text set, in sentences written for these tests.

- a name after a long role that its state's adjective closes ("وزير التنمية الاجتماعية والأمن
  البشري التايلاندي ...");
- "على" inside a name, in a text that writes a final ي as ى ("الكويتى"), is the given name;
- a described person in quotes after a title ('المتهم "رجل الأعمال"') and "أسماء الكفلاء"
  ("the sponsors' names") are no names.
"""

from __future__ import annotations

import pytest
from test_people import people


def test_a_name_after_a_long_role_closed_by_its_state(any_nlp):
    text = ("وشارك في اللقاء وزير التنمية الاجتماعية والأمن البشري التايلاندي سومتشاي "
            "كانجانارات.")
    assert people(any_nlp, text) == ["سومتشاي كانجانارات"]


def test_ali_written_with_dotless_ya_inside_a_name(any_nlp):
    text = "وكان رئيس المجلس الكويتى مرزوق على الغانم، أكد أن الأزمة كشفت الكثير."
    assert people(any_nlp, text) == ["مرزوق على الغانم"]


def test_ala_the_preposition_after_a_given_name_stays_one(any_nlp):
    text = "وأشرف محمد على التنظيم في القاعة."
    assert all("على" not in name for name in people(any_nlp, text))


@pytest.mark.parametrize("text", [
    'وأسندت النيابة إلى المتهم " رجل الأعمال السوري" تهمة تهريب المهاجرين.',
    "وتم التحقيق مع المخالفين للتعرف على أسماء الكفلاء وطريقة وصولهم للبلاد.",
])
def test_a_described_person_or_a_list_of_names_is_no_name(any_nlp, text):
    assert people(any_nlp, text) == []


def test_a_gulf_given_name_after_a_role_of_bodies(any_nlp):
    text = ("وأوضح عضو الجمعية الوطنية لحقوق الإنسان والرئيس التأسيسي للجمعية السعودية "
            "لرعاية الطفولة معتوق الشريف أن الموضوع مهم.")
    assert people(any_nlp, text) == ["معتوق الشريف"]


@pytest.mark.parametrize("text,name", [
    ("وحضر اللقاء وزير العمل والسيدة أمينة الجيدة رئيس قسم العلاقات العامة في الوزارة.",
     "أمينة الجيدة"),
    (("وحضر اللقاء وزير العمل والسيدة أمينة الجيدة نائب رئيس اللجنة الوطنية لمكافحة الاتجار "
      "بالبشر."), "أمينة الجيدة"),
    ("وحضر اللقاء وزير العمل والسيدة أمينة الجيدة أمين سر الجمعية لبحث الاتجار بالبشر.",
     "أمينة الجيدة"),
    (("وحضر اللقاء وزير العمل والدكتورة نورة الحمادة وكيل وزارة الشؤون الاجتماعية لبحث الاتجار "
      "بالبشر."), "نورة الحمادة"),
])
def test_a_titled_name_in_ta_marbuta_before_a_role_in_apposition(any_nlp, text, name):
    assert name in people(any_nlp, text)
