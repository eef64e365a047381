"""Tests for pages/dates.py: the page's own date written in Arabic, with the month names
of data/patterns/calendar.json (Egyptian/Gulf, Levantine, Maghrebi, Hijri), in any of
the spellings writers swap (hamza, alef maqsura, ta marbuta). More cases, on whole
pages, are in tests/test_pages_article.py."""

import pytest

from pages.dates import find_dates, first_date, parse_date


@pytest.mark.parametrize("text, iso", [
    ("الخميس 31 جويلية 2025", "2025-07-31"),  # Maghrebi
    ("3 أوت 2025", "2025-08-03"),
    ("3 اوت 2025", "2025-08-03"),  # without hamza
    ("17 جانفي 2024", "2024-01-17"),
    ("4 يولية 2025", "2025-07-04"),  # ta marbuta for ha
    ("١٥ اكتوبر ٢٠٢٤", "2024-10-15"),
    ("2 تشرين الاول 2024", "2024-10-02"),
    ("27 تموز (يوليو) 2025", "2025-07-27"),
    ("ماي 3، 2025", "2025-05-03"),  # month first
])
def test_gregorian_month_names_in_every_spelling(text, iso):
    assert [found for _, found in find_dates(text)] == [iso]


@pytest.mark.parametrize("text, iso", [  # Umm al-Qura calendar
    ("1 المحرم 1447هـ", "2025-06-26"),
    ("5 ربيع أول 1447 هـ", "2025-08-28"),
    ("10 جمادى الاخرة 1446 هـ", "2024-12-11"),
    ("12 ذي القعده 1446 هـ", "2025-05-10"),
])
def test_hijri_datelines(text, iso):
    assert first_date(text) == iso


@pytest.mark.parametrize("text", ["حماية 2025", "بحماية 3، 2025", "الجوانب 12 2025",
                                  "31 فبراير 2025"])
def test_no_date_inside_words_or_on_impossible_days(text):
    assert find_dates(text) == []


def test_offsets_hold_in_the_original_text():
    text = "نشر في الخميس ٣١ يوليو ٢٠٢٥ بتوقيت الكويت"
    ((offset, iso),) = find_dates(text)
    assert text[offset:].startswith("٣١ يوليو") and iso == "2025-07-31"


def test_structured_values():
    assert parse_date("2025-07-31T09:15:00+03:00") == "2025-07-31"
    assert parse_date("Thu, 31 Jul 2025 09:15:00 +0300") == "2025-07-31"
    assert parse_date("31 جويلية 2025") == "2025-07-31"
    assert parse_date("") is None
