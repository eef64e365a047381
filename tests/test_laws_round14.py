"""Tests for the law grammar (nlp/laws.py), fourteenth round: a law named by its subject with
the state it holds in after it ("قانون الإقامة بالكويت") is that law, as "بدولة الكويت" already
was; "بالبشر", "بالقطاع الأهلي" stay in a name. Sentences written for these tests."""

from __future__ import annotations

import pytest
from test_laws import only_law


@pytest.mark.parametrize("text,mention_text", [
    ("وتصدرت الجالية قائمة المخالفين لقانون الإقامة بالكويت، بينما جاءت", "قانون الإقامة"),
    ("ضبطت الدوريات مخالفين لنظام الإقامة بالسعودية أمس", "نظام الإقامة"),
])
def test_a_state_after_a_subject_is_no_part_of_the_name(text, mention_text):
    only_law(text, mention_text)


@pytest.mark.parametrize("text,mention_text", [
    ("ويعاقب قانون مكافحة الاتجار بالبشر كل من استغل عاملا", "قانون مكافحة الاتجار بالبشر"),
    ("وطبق قانون العمل بالقطاع الأهلي على الشركة", "قانون العمل بالقطاع الأهلي"),
])
def test_other_b_phrases_stay_in_the_name(text, mention_text):
    only_law(text, mention_text)


@pytest.mark.parametrize("text,mention_text,country", [
    ("وضبط مخالفون لقانون العمل بالمملكة العربية السعودية.", "قانون العمل", "SA"),
    ("وتصدرت الجالية قائمة المخالفين لقانون الإقامة بالكويت أمس.", "قانون الإقامة", "KW"),
    ("وضبط مخالفون لقانون الإقامة بمملكة البحرين في حملة.", "قانون الإقامة", "BH"),
])
def test_a_state_after_b_ends_the_name_and_gives_its_country(text, mention_text, country):
    assert only_law(text, mention_text).country == country


def test_a_non_state_after_b_gives_no_country():
    assert only_law("وطبق قانون العمل بالقطاع الأهلي على الشركة",
                    "قانون العمل بالقطاع الأهلي").country is None


def test_the_state_after_b_stays_a_location(any_nlp):
    from test_places import locations
    text = "وضبط مخالفون لقانون العمل بالمملكة العربية السعودية."
    assert locations(any_nlp, text) == ["المملكة العربية السعودية"]
