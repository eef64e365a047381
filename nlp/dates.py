"""Stage 3 of the NLP flow (extract, DATE): find date expressions and the years an article refers to.

Called by the date component and by `nlp/laws.py` (Hijri years, dates inside citations).
Pure functions: text in, `DateMention`s with offsets in the ORIGINAL text out. The regexes run
on `nlp.normalise.normalise_with_offsets` text, so tatweel, diacritics, hamza forms and
Arabic-Indic digits need no handling here. The grammars (`_grammar`), longest match winning:
  1. day + month name (+ year): "الخميس 31 يوليو 2025", "6 و7 فبراير الجاري" (value = first day);
     a page's date with slashes: "الجمعة 29/أغسطس/2025";
  2. numeric dates: "31/7/2025", "2025-07-31", "21 / 7 / 1430هـ" (Hijri when the year is
     1300-1500), a day range "18و19/11/1427هـ" (value = first day); the month first where
     only its place holds a number above 12 ("5/29/2023");
  3. month + year, or a named month made relative: "يوليو 2025", "ديسمبر من العام 2023",
     "شهر مارس الماضي";
  4. Hijri dates with a month name: "15 محرم 1447 هـ", "رمضان من عام 1445هـ";
  5. Hijri years: "لسنة 1430هـ";
  6. year ranges: "2025 - 2028", "من 2020 إلى 2023" (value = first end, `years` = both ends);
  7. a year after a cue: "سنة 2013", "لعام 2024", "العام الجاري 2019", "في 2024", "مطلع 2024",
     "2013م", "تقرير 2022", "رؤية 2030", "من مواليد 1951", and after a document's title
     ("تقرير الاتجار بالبشر 2022 –", when no word of it makes the number a count);
     a date of an embedded post, month first ("August 3, 2024", "Mar 18th, 2025",
     "18th, March 2024",
     "سبتمبر 5, 2025");
  8. relative words: "أمس", "اليوم الخميس", "الشهر الجاري", "العام الماضي", "الخميس الماضي";
  9. a number and a year: a citation ("رقم 552/2023", "(67/2015)", "رقم 2025/78"), a month
     ("3/2025"), a season written short ("2024/25"); a dotted date ("2025.03.16");
  10. a bare year with no cue at all ("منتدى الدوحة 2024", "الربع الثالث 2024", "حصاد
     2024:", "كأس العالم 2022"), only in BARE_YEARS and only when nothing makes it a count.

Rules callers depend on:
  * A 4-digit number after a cue (7), inside a date (1-5) or a range (6) is a year in
    1900-2100, or 1300-1500 with a Hijri marker; after a weak cue ("في", "حتى") it is
    dropped when a counted noun follows ("حتى 2000 عامل"). With no cue (10) it is a year
    only in 1950-2040 and only when no counted noun or "من" follows ("2000 دينار", "1960
    من الفلبين", "2024 و2025 حالة"), no count cue comes before ("نحو 2000", "رقم 2010",
    "عدد الضحايا 2019"), no other number stands beside it ("11 رجلا و1960 امرأة") and it
    is not in Latin-script text; a sound plural after it ("2010 متهمين") counts it too.
    The words are `count_nouns`, `count_cues_before` and `count_cues_in_phrase` in
    calendar.json.
  * A Hijri year alone becomes the Gregorian year holding the middle (so most days) of it:
    1430 AH (29 Dec 2008 - 17 Dec 2009) -> 2009, 1445 AH -> 2024 (`hijri_year_to_gregorian`),
    as its value; it gives no `years` (it spans two, so the article refers to neither; the
    users' convention). A full Hijri date converts exactly (hijridate, Umm al-Qura).
  * Relative mentions have `relative=True`; without `published` their value is None and they
    give no years. A week ("الأسبوع الماضي") resolves to the month of published -/+ 7 days,
    precision "month". A day or month without a year ("31 يوليو", "شهر مارس") is relative too.

Calendar words (months, weekdays, relative phrases, counted nouns) live in
`data/patterns/calendar.json` (read through `core.vocabulary`, which the page-date code
`pages/dates.py` shares), loaded and compiled once, lazily.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from hijridate import Hijri

from core.vocabulary import calendar_words, month_names
from nlp.normalise import TATWEEL, NormText, normalise_text, normalise_with_offsets

GREGORIAN_YEARS = range(1900, 2101)
BARE_YEARS = range(1950, 2041)  # a number with no cue is a year only in this span (rule 9)
HIJRI_YEARS = range(1300, 1501)

# Fixed fragments, on normalised text (ه for ة, ي for ى, ا for أ/إ/آ, ASCII digits).
_CLITIC = r"(?<!\w)(?:[وف]?(?:لل|[بلك])?)"  # matched before a mention, kept out of it
_YEAR = r"(?P<year>\d{4})(?!\d|[.,٫٬]\d)"
_HIJRI_MARK = r"(?:\s*(?:ه|هجري|هجريه|للهجره)(?!\w))"
_GREG_MARK = r"(?:م(?!\w)|\s*ميلادي(?:ه)?(?!\w))"
_NOT_IN_NUMBER = r"(?<![\d.,/٫٬-])"
_STRONG_CUE = r"(?:ال)?(?:سنه|عام|عامي|سنتي|اعوام|سنوات)"
_MORE_YEARS = r"(?:\s*،?\s*و\s*\d{4})*(?!\d|[.,/٫٬-]\d)"  # "2013 و2014"
_POINT_CUE = r"(?:في|منذ|خلال|حتي|بحلول|قبل|بعد)"
_SPAN_CUE = r"(?:مطلع|نهايه|اواخر|اوائل|منتصف|بدايه|اواسط)"
# nouns a year can follow directly: "تقرير 2022", "رؤيه 2030", "خطه 2025"
_DOC_CUE = r"(?:ال)?(?:تقرير|رؤيه|خطه|استراتيجيه|موازنه|ميزانيه|نسخه|موسم|دوره|اصدار)"
_BIRTH_CUE = r"مواليد"  # "من مواليد 1951": a birth year ("عدد المواليد 2000" is a count)
# a word after which a bracketed number is a year ("رؤيه (2030)", "العام (2019)", "في (2021)")
_YEAR_CUE_WORD = re.compile(rf"[وف]?(?:لل|[بلك])?(?:{_STRONG_CUE}|{_DOC_CUE}|{_POINT_CUE}|{_SPAN_CUE}|{_BIRTH_CUE})")
# a title between the document noun and its year: "تقرير الاتجار بالبشر 2022 –"
_TITLE_WORD = r"[^\S\n]+[^\s\d،,.؛:()\[\]«»\"“”!?؟/–-]+"
_AFTER_TITLE_YEAR = r"(?=\s*(?:[،,.؛:)»\"”!?؟–-]|\n|$)|\s+ال)"
_MAX_TITLE_WORDS = 12
_OF_YEAR = r"(?:من\s+(?:ال)?(?:عام|سنه)\s+)?"  # "ديسمبر من العام 2023", "رمضان من عام 1445هـ"
_ORDINAL = r"(?i:st|nd|rd|th)?"  # "Mar 18th, 2025", "3rd of May 2024"
# the next word on the line or, over one line break, on the next (a wrapped line); never
# over a blank line: "... الراجحي 2025" ending a paragraph is not counted by the next one
_NEXT_WORD = re.compile(r"[^\S\n]*(?:\n[^\S\n]*)?(\S+)")
_PREV_WORD = re.compile(r"(\S+)\s*$")
_SPACES = re.compile(r"\s+")
_LATIN_WORD = re.compile(r"[A-Za-z]")
_MORE_NUMBER = re.compile(r"\s*،?\s*و\s*\d+(?!\d)")
_STEM = re.compile(r"^[وف]?(?:لل|[بكل]?ال)")

Resolved = tuple  # (value, precision, relative, years)


@dataclass(frozen=True)
class DateMention:
    """One date expression; `start`/`end` index the original text."""

    start: int
    end: int
    text: str
    value: str | None
    precision: str
    relative: bool
    years: tuple[int, ...]


# --- calendars ---------------------------------------------------------------

def hijri_year_to_gregorian(year: int) -> int:
    """The Gregorian year holding the middle of Hijri `year` (see the module docstring)."""
    try:
        start = Hijri(year, 1, 1).to_gregorian()
        end = Hijri(year + 1, 1, 1).to_gregorian() if year < 1500 else start + dt.timedelta(354)
        return (start + (end - start) / 2).year
    except (OverflowError, ValueError):  # outside the Umm al-Qura table: mean-year arithmetic
        return math.floor(622.5411 + (year - 1) * 0.970224 + 0.4851)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a Hijri date, or None when it is invalid or out of range."""
    try:
        return dt.date.fromordinal(Hijri(year, month, day).to_gregorian().toordinal())
    except (OverflowError, ValueError):
        return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:  # "31/2/2025" is no date
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + offset
    return index // 12, index % 12 + 1


def _nearest_year(month: int, day: int, published: dt.date) -> int:
    """The year that puts (month, day) nearest `published`."""
    def distance(year: int) -> int:
        return abs((dt.date(year, month, min(day, 28)) - published).days)
    return min((published.year - 1, published.year, published.year + 1), key=distance)


def _year_of_month(month: int, day: int | None, qualifier: str | None, published: dt.date) -> int:
    """Year of a month (and day) written without one: الماضي is the last one strictly before
    `published`, المقبل the next one after, الجاري the current year; no qualifier: the nearest."""
    offset = _calendar()["qualifiers"][qualifier] if qualifier else None
    if offset is None:
        return _nearest_year(month, day or 15, published)
    when, now = ((month, day), (published.month, published.day)) if day else (month, published.month)
    if offset < 0:
        return published.year if when < now else published.year - 1
    if offset > 0:
        return published.year if when > now else published.year + 1
    return published.year


# --- data --------------------------------------------------------------------

@lru_cache(maxsize=1)
def _calendar() -> dict:
    """calendar.json with every word normalised and lookup tables built."""
    raw = calendar_words()

    def lookup(calendar: str) -> dict[str, int]:
        return {normalise_text(name): month for name, month in month_names(calendar).items()}

    return {
        "greg": lookup("gregorian"),
        "latin": {name.lower(): month for name, month in month_names("latin").items()},
        "not_in_titles": {normalise_text(w) for w in raw["not_between_title_and_year"]},
        "hijri": lookup("hijri"),
        "weekdays": {normalise_text(w): i for i, w in enumerate(raw["weekdays"])},
        "qualifiers": {normalise_text(k): v for k, v in raw["month_qualifiers"].items()},
        "relative": {normalise_text(r["phrase"]): (r["unit"], r["offset"]) for r in raw["relative"]},
        "general_nouns": {_STEM.sub("", normalise_text(w)) for w in raw["general_nouns"]},
        "not_today_after": {normalise_text(w) for w in raw["not_today_after"]},
        "not_today_before": {normalise_text(w) for w in raw["not_today_before"]},
        "counts": {normalise_text(w) for w in raw["count_nouns"]},
        "count_cues": {normalise_text(w) for w in raw["count_cues_before"]},
        "count_of": {normalise_text(w) for w in raw["count_cues_in_phrase"]},
        "adverbs": {normalise_text(w) for w in raw["adverbs_after_year"]},
    }


def _alternation(words) -> str:
    """Regex alternation of words, longest first, any run of spaces allowed inside."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered) + ")"


def _phrase(text: str) -> str:
    return _SPACES.sub(" ", text.strip())


# --- resolvers: (match, normalised text, published) -> Resolved | None --------

def _day_value(date: dt.date | None, relative: bool = False) -> Resolved | None:
    return (date.isoformat(), "day", relative, (date.year,)) if date else None


def _month_value(year: int, month: int, relative: bool = False) -> Resolved:
    return (f"{year:04d}-{month:02d}", "month", relative, (year,))


def _resolve_day_month(m: re.Match, text: str, published) -> Resolved | None:
    month, day = _calendar()["greg"][_phrase(m["mon"])], int(m["day"])
    if m["year"]:
        return _day_value(_safe_date(int(m["year"]), month, day)) if int(m["year"]) in GREGORIAN_YEARS else None
    if not 1 <= day <= 31:
        return None
    if published is None:
        return (None, "day", True, ())
    return _day_value(_safe_date(_year_of_month(month, day, m["q"], published), month, day), relative=True)


def _resolve_numeric(m: re.Match, text: str, published) -> Resolved | None:
    year, month, day = (int(m["y"]), int(m["mo"]), int(m["d"])) if m["y"] else \
        (int(m["y2"]), int(m["mo2"]), int(m["d2"]))
    if year in HIJRI_YEARS:
        return _day_value(hijri_to_gregorian(year, month, day))
    if m["hm"] or year not in GREGORIAN_YEARS:
        return None
    if m["y"] and month > 12 >= day:  # "5/29/2023": an English page's month first
        day, month = month, day
    return _day_value(_safe_date(year, month, day))


def _resolve_post_stamp(m: re.Match, text: str, published) -> Resolved | None:
    """A forum post's date and time ("08-06-16, 03:23 PM"): day, month and a two-digit year,
    the day first unless only the month's place holds a number above 12."""
    first, second, year = int(m["a"]), int(m["b"]), 2000 + int(m["yy"])
    day, month = (second, first) if second > 12 >= first else (first, second)
    return _day_value(_safe_date(year, month, day)) if year in GREGORIAN_YEARS else None


def _resolve_month_year(m: re.Match, text: str, published) -> Resolved | None:
    year = int(m["year"])
    return _month_value(year, _calendar()["greg"][_phrase(m["mon"])]) if year in GREGORIAN_YEARS else None


def _resolve_named_month(m: re.Match, text: str, published) -> Resolved | None:
    if not (m["shahr"] or m["q"]):  # a bare month name may be a verb ("مارس") or a word ("اب")
        return None
    if published is None:
        return (None, "month", True, ())
    month = _calendar()["greg"][_phrase(m["mon"])]
    return _month_value(_year_of_month(month, None, m["q"], published), month, relative=True)


def _resolve_hijri_date(m: re.Match, text: str, published) -> Resolved | None:
    year, month = int(m["year"]), _calendar()["hijri"][_phrase(m["mon"])]
    if year not in HIJRI_YEARS:
        return None
    if m["day"]:
        return _day_value(hijri_to_gregorian(year, month, int(m["day"])))
    middle = hijri_to_gregorian(year, month, 15)
    return _month_value(middle.year, middle.month) if middle else None


def _resolve_hijri_year(m: re.Match, text: str, published) -> Resolved | None:
    """A Hijri year alone spans two Gregorian years: its value is the one holding most of
    it, but it gives the article no year (it is ambiguous; the users' convention)."""
    year = int(m["year"])
    gregorian = hijri_year_to_gregorian(year) if year in HIJRI_YEARS else None
    return (str(gregorian), "year", False, ()) if gregorian else None


def _resolve_range(m: re.Match, text: str, published) -> Resolved | None:
    first, last, sep = int(m["y1"]), int(m["y2"]), m["sep"]
    plausible = first in GREGORIAN_YEARS and 0 < last - first <= 50
    if not plausible or (sep == "/" and last != first + 1) or (sep == "و" and m["lead"] != "بين"):
        return None  # "2024/2025" is a season, "2020 و2023" a list unless after بين
    return (str(first), "year", False, (first, last))


def _resolve_short_range(m: re.Match, text: str, published) -> Resolved | None:
    """A season or fiscal year written short: "2024/25", "2024-25" (both years)."""
    first = int(m["y1"])
    if first not in GREGORIAN_YEARS or int(m["y2"]) != (first + 1) % 100:
        return None
    return (str(first), "year", False, (first, first + 1))


def _resolve_number_year(m: re.Match, text: str, published) -> Resolved | None:
    """A number and a year: a citation ("رقم 552/2023", "(67/2015)", "رقم 2025/78") gives
    its year; a month and year ("3/2025") its month."""
    year = int(m["year"] or m["year2"])
    if year not in GREGORIAN_YEARS:
        return None
    if m["year"] and not m["cite"] and 1 <= int(m["n"]) <= 12:
        return _month_value(year, int(m["n"]))
    return (str(year), "year", False, (year,))


def _counted_noun_follows(text: str, end: int) -> bool:
    """True when the word after `end` makes the number a count ("2000 عامل", "66%")."""
    if text[end:end + 1] == "%":
        return True
    found = _NEXT_WORD.match(text, end)
    if not found:
        return False
    cal, word = _calendar(), found.group(1).strip("،,.:؛()\"«»")
    # "2000 عاملا" counts; "2035 وأهدافها" ends in a pronoun, not in tanween
    tanween = word.endswith("ا") and len(word) > 3 and not word.startswith("ال") \
        and not (word.endswith("ها") and len(word) > 4)
    return word in cal["counts"] or (tanween and word not in cal["adverbs"])


def _resolve_cued_year(m: re.Match, text: str, published) -> Resolved | None:
    years = [int(y) for y in re.findall(r"\d{4}", m["m"])]
    if any(y not in GREGORIAN_YEARS for y in years):
        return None
    if m.groupdict().get("weak") and _counted_noun_follows(text, m.end("m")):
        return None
    return (str(years[0]), "year", False, tuple(years))


def _resolve_titled_year(m: re.Match, text: str, published) -> Resolved | None:
    """A year after a document's title ("تقرير الاتجار بالأشخاص 2024،"), unless a word of
    the title makes the number a count ("تقرير ... بلغ عدد الضحايا 2019،")."""
    if any(word in _calendar()["not_in_titles"] for word in m["title"].split()):
        return None
    return _resolve_cued_year(m, text, published)


def _words_before(text: str, start: int, count: int) -> list[str]:
    """Up to `count` words before `start`, nearest first, stopping at a sentence's end."""
    head = re.split(r"[.\n؛:()«»]", text[max(0, start - 80):start])[-1]
    return [w.strip("،,\"“”'") for w in reversed(head.split())][:count]


def _words_after(text: str, end: int, count: int) -> list[str]:
    tail = re.split(r"[.\n؛:()«»]", text[end:end + 80])[0]
    return [w.strip("،,\"“”'") for w in tail.split()][:count]


def _beside_number(words: list[str]) -> bool:
    """A number other than a year among `words`: the year-like one is in a list of counts
    ("11 رجلا و1960 امراه", "633 ذكرا و2044 انثي")."""
    for word in words:
        digits = re.sub(r"^[وفبل]", "", word)
        if digits[:1].isdigit() and not (digits.isdigit() and len(digits) == 4
                                         and int(digits) in BARE_YEARS):
            return True
    return False


def _plural_follows(text: str, end: int) -> bool:
    """A sound plural right after the number counts it: "2010 متهمين", "2019 مخالفات"."""
    found = _NEXT_WORD.match(text, end)
    word = found.group(1).strip("،,.:؛()\"«»") if found else ""
    return len(word) > 4 and word.endswith(("ين", "ات")) and not word.startswith("ال")


def _past_count_bracket(text: str, start: int, end: int) -> int:
    """`end` past the closing bracket of a bracketed number with no year cue before it, so
    that the noun after the bracket counts it ("و(1966) امراه", "ضبط (2015) مخالفا"); a year
    after its cue keeps its end ("رؤيه (2030) عمال", "العام (2019)")."""
    if text[start - 1:start] != "(" or text[end:end + 1] != ")":
        return end
    before = _words_before(text, start - 1, 1)
    return end if before and _YEAR_CUE_WORD.fullmatch(before[0]) else end + 1


def _resolve_bare_year(m: re.Match, text: str, published) -> Resolved | None:
    """A four-digit number with no cue ("منتدى الدوحه 2024", "حصاد 2024:", "الربع الثالث
    2024") is a year when it lies in BARE_YEARS and nothing makes it a count: no counted noun
    or "من" after it ("2000 دينار", "1960 من الفلبين"), no count cue before it ("نحو 2000",
    "اكثر من 2000", "رقم 2010"), no other number beside it."""
    year, cal = int(m["m"]), _calendar()
    end = m.end("m")
    end = _past_count_bracket(text, m.start("m"), end)
    while (more := _MORE_NUMBER.match(text, end)):  # "2024 و2025 حاله": the noun counts both
        end = more.end()
    if year not in BARE_YEARS or _counted_noun_follows(text, end) or _plural_follows(text, end):
        return None
    before, after = _words_before(text, m.start("m"), 3), _words_after(text, m.end("m"), 3)
    if after[:1] in (["من"], ["منهم"], ["منها"]) or _beside_number(before + after):
        return None
    stems = [w[1:] if w[:1] in "وف" and len(w) > 3 else w for w in before]
    if stems[:1] and (stems[0] in cal["count_cues"] or _LATIN_WORD.match(stems[0])):
        return None  # "نحو 2000", "رقم 2010", "Mayo 2023" (foreign text)
    if stems[:1] and stems[0] in ("من", "عن", "علي") and stems[1:2] and \
            stems[1] in cal["count_cues"] | {"يزيد", "تزيد", "يربو"}:
        return None  # "اكثر من 2000"
    if any(word in cal["count_of"] for word in stems):
        return None  # "عدد الضحايا 2019", "بلغ اجمالي المبالغ 2000"
    return (str(year), "year", False, (year,))


def _resolve_latin(m: re.Match, text: str, published) -> Resolved | None:
    """A date in English ("August 3, 2024", "3 Aug 2024"), as embedded posts print them."""
    month = _calendar()["latin"][(m["lmon"] or m["lmon2"]).lower()]
    year, day = int(m["year"] or m["year2"]), int(m["day"] or m["day2"])
    return _day_value(_safe_date(year, month, day)) if year in GREGORIAN_YEARS else None


def _resolve_month_first(m: re.Match, text: str, published) -> Resolved | None:
    """Month, day, year, as embedded posts and some agencies write it ("سبتمبر 5, 2025")."""
    year, month = int(m["year"]), _calendar()["greg"][_phrase(m["mon"])]
    return _day_value(_safe_date(year, month, int(m["day"]))) if year in GREGORIAN_YEARS else None


def _is_noun_phrase_day(m: re.Match, text: str) -> bool:
    """"اليوم العالمي", "اليوم نفسه", "ذلك اليوم": اليوم as a noun, not as today."""
    cal, after, before = _calendar(), _NEXT_WORD.match(text, m.end("m")), _PREV_WORD.search(text, 0, m.start())
    next_word = after.group(1) if after else ""
    return (next_word.startswith("ال") or next_word in cal["not_today_after"]
            or (before is not None and before.group(1) in cal["not_today_before"]))


def _is_adjective_year(m: re.Match, text: str) -> bool:
    """"الأمين العام الحالي": العام right after one of the general_nouns means "general"."""
    before = _PREV_WORD.search(text, 0, m.start())
    if m.start() < m.start("m") or before is None:  # "والعام الماضي" starts a new phrase
        return False
    return _STEM.sub("", before.group(1)) in _calendar()["general_nouns"]


def _resolve_relative(m: re.Match, text: str, published) -> Resolved | None:
    phrase = _phrase(m["rel"])
    unit, offset = _calendar()["relative"][phrase]
    if phrase == "اليوم" and not m.groupdict().get("wd") and _is_noun_phrase_day(m, text):
        return None
    if phrase.startswith(("العام", "السنه")) and _is_adjective_year(m, text):
        return None
    precision = "day" if unit == "day" else "year" if unit == "year" else "month"
    if published is None:
        return (None, precision, True, ())
    if unit == "day":
        return _day_value(published + dt.timedelta(days=offset), relative=True)
    if unit == "week":
        shifted = published + dt.timedelta(days=7 * offset)
        return _month_value(shifted.year, shifted.month, relative=True)
    if unit == "month":
        return _month_value(*_shift_month(published.year, published.month, offset), relative=True)
    return (str(published.year + offset), "year", True, (published.year + offset,))


def _resolve_weekday(m: re.Match, text: str, published) -> Resolved | None:
    if published is None:
        return (None, "day", True, ())
    weekday, step = _calendar()["weekdays"][m["wd"]], 1 if _calendar()["qualifiers"][m["q"]] >= 0 else -1
    days = (step * (weekday - published.weekday())) % 7 or 7  # strictly before / after
    return _day_value(published + dt.timedelta(days=step * days), relative=True)


# --- grammar -----------------------------------------------------------------

@lru_cache(maxsize=1)
def _grammar() -> tuple[tuple[re.Pattern, Callable], ...]:
    """The compiled patterns (built once from calendar.json), each with its resolver."""
    cal = _calendar()
    greg, hijri = _alternation(cal["greg"]), _alternation(cal["hijri"])
    latin = "(?i:" + _alternation(cal["latin"]) + ")"
    weekday, qual = _alternation(cal["weekdays"]), _alternation(cal["qualifiers"])
    day_words = _alternation(p for p, (unit, _) in cal["relative"].items() if unit == "day")
    other_words = _alternation(p for p, (unit, _) in cal["relative"].items() if unit != "day")
    lead_wd = rf"(?:(?:يوم\s+)?(?P<wd>{weekday})\s*[،,]?\s+(?:الموافق\s+)?)?"
    alt_month = rf"(?:\s*[/(]\s*{greg}\s*\)?)?"
    rules: list[tuple[str, Callable]] = [
        ((rf"(?<!\w)[وب]?(?P<m>{lead_wd}(?P<day>\d{{1,2}})(?:\s*(?:و|-|الي|حتي)\s*\d{{1,2}})?"
         rf"\s+(?:من\s+)?(?:شهر\s+)?(?P<mon>{greg}){alt_month}"
         rf"(?:\s*[،,]?\s*{_YEAR}{_GREG_MARK}?|\s+(?P<q>{qual}))?)(?!\w)"), _resolve_day_month),
        ((rf"(?<!\w)(?P<m>{lead_wd}{_NOT_IN_NUMBER}(?P<day>\d{{1,2}})[^\S\n]*/[^\S\n]*(?P<mon>{greg})"
          rf"[^\S\n]*/[^\S\n]*{_YEAR})"), _resolve_day_month),
        ((rf"{_CLITIC}(?P<m>{lead_wd}{_NOT_IN_NUMBER}(?:(?P<d>\d{{1,2}})(?:\s*و\s*\d{{1,2}})?(?P<s>[^\S\n]?(?P<sl>/)[^\S\n]?|[.-])(?P<mo>\d{{1,2}})(?(sl)[^\S\n]?/[^\S\n]?|(?P=s))"
         rf"(?P<y>\d{{4}})|(?P<y2>\d{{4}})(?P<s2>[/.-])(?P<mo2>\d{{1,2}})(?P=s2)(?P<d2>\d{{1,2}}))"
         rf"(?![\d]|[/.-]\d)(?P<hm>{_HIJRI_MARK})?)"), _resolve_numeric),
        ((rf"{_CLITIC}(?P<m>(?:شهر\s+)?(?P<mon>{greg}){alt_month}\s*[،,]?\s*{_OF_YEAR}{_YEAR}"
         rf"{_GREG_MARK}?)"), _resolve_month_year),
        (rf"{_CLITIC}(?P<m>(?P<shahr>شهر\s+)?(?P<mon>{greg})(?:\s+(?P<q>{qual}))?)(?!\w)",
         _resolve_named_month),
        ((rf"(?<!\w)[وب]?(?P<m>{lead_wd}(?:(?P<day>\d{{1,2}})\s+(?:من\s+)?)?(?:شهر\s+)?(?P<mon>{hijri})"
         rf"\s*[،,]?\s*(?:(?:ل|لل)?(?:سنه|عام)\s+|{_OF_YEAR})?{_YEAR}{_HIJRI_MARK}?)"),
         _resolve_hijri_date),
        (rf"{_CLITIC}(?P<m>(?:(?:ال)?(?:سنه|عام)\s*)?{_NOT_IN_NUMBER}{_YEAR}{_HIJRI_MARK})",
         _resolve_hijri_year),
        ((rf"(?<!\w)[وف]?(?P<m>(?:(?P<lead>من|بين)\s+)?(?:(?:ال)?(?:عام|سنه|الفتره)\s+)?{_NOT_IN_NUMBER}"
         rf"(?P<y1>\d{{4}})\s*(?P<sep>-|/|الي|حتي|و)\s*(?:(?:ال)?(?:عام|سنه)\s+)?(?P<y2>\d{{4}}))"
         rf"(?!\d|[/.-]\d)"), _resolve_range),
        ((rf"(?<!\w)[وف]?(?P<m>(?:(?:ال)?(?:عام|سنه|الموسم|موسم)\s+)?{_NOT_IN_NUMBER}(?P<y1>\d{{4}})"
          rf"\s*[/-]\s*(?P<y2>\d{{2}}))(?![\d]|\s*[/.-]\s*\d)"), _resolve_short_range),
        ((rf"(?:(?<!\w)[وفبل]?(?P<cite>(?:ب|ال)?رقم\s*\(?\s*|\(\s*))?(?P<m>(?:{_NOT_IN_NUMBER}"
          rf"(?P<n>\d{{1,4}})\s*/\s*(?P<year>\d{{4}})|{_NOT_IN_NUMBER}(?P<year2>\d{{4}})\s*/\s*\d{{1,4}}))"
          rf"(?!\d|\s*/\s*\d)"), _resolve_number_year),
        (rf"{_CLITIC}(?P<m>{_STRONG_CUE}(?:\s+{qual}ه?)?\s*{_NOT_IN_NUMBER}\d{{4}}{_MORE_YEARS}{_GREG_MARK}?)",
         _resolve_cued_year),
        (rf"(?<!\w)[وف]?(?P<weak>{_POINT_CUE})\s+(?P<m>{_NOT_IN_NUMBER}\d{{4}}{_MORE_YEARS}{_GREG_MARK}?)",
         _resolve_cued_year),
        (rf"{_CLITIC}(?P<m>(?P<weak>{_SPAN_CUE})\s+{_NOT_IN_NUMBER}\d{{4}}{_MORE_YEARS}{_GREG_MARK}?)",
         _resolve_cued_year),
        (rf"{_CLITIC}(?P<weak>{_DOC_CUE}|{_BIRTH_CUE})\s+(?P<m>{_NOT_IN_NUMBER}\d{{4}}{_MORE_YEARS}{_GREG_MARK}?)",
         _resolve_cued_year),
        ((rf"{_CLITIC}(?P<weak>{_DOC_CUE})(?P<title>(?:{_TITLE_WORD}){{1,{_MAX_TITLE_WORDS}}}?)"
          rf"[^\S\n]+(?P<m>{_NOT_IN_NUMBER}\d{{4}}{_MORE_YEARS}{_GREG_MARK}?){_AFTER_TITLE_YEAR}"),
         _resolve_titled_year),
        ((rf"(?<![A-Za-z])(?P<m>(?P<lmon>{latin})\.?\s+(?P<day>\d{{1,2}}){_ORDINAL}\s*,?\s+{_YEAR}"
          rf"|(?P<day2>\d{{1,2}})(?:(?i:st|nd|rd|th)(?:\s*,)?)?\s+(?:of\s+)?(?P<lmon2>{latin})\.?\s*,?\s+"
          rf"(?P<year2>\d{{4}})(?!\d))"),
         _resolve_latin),
        (rf"{_CLITIC}(?P<m>(?P<mon>{greg})\s+(?P<day>\d{{1,2}})\s*[،,]\s*{_YEAR})",
         _resolve_month_first),
        (rf"(?P<m>{_NOT_IN_NUMBER}\d{{4}}(?:م|\s*ميلادي(?:ه)?)(?!\w))", _resolve_cued_year),
        ((r"(?<![\w/.-])(?P<m>(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)(?P<yy>[0-3]\d))"
          r"(?=[^\S\n]*[،,]?[^\S\n]*\d{1,2}:\d{2}(?!\d))"), _resolve_post_stamp),
        (r"(?<![\w.,/٫٬:+#$£€-])(?:لل|[وفبلك])?(?P<m>\d{4})(?![\w%]|[.,٫٬:]\d|\s*[/-]\s*\d)",
         _resolve_bare_year),
        (rf"{_CLITIC}(?P<m>(?P<rel>{day_words})(?:\s+(?P<wd>{weekday}))?)(?!\w)", _resolve_relative),
        (rf"{_CLITIC}(?P<m>(?P<rel>{other_words}))(?!\w)", _resolve_relative),
        (rf"{_CLITIC}(?P<m>(?:يوم\s+)?(?P<wd>{weekday})\s+(?P<q>{qual}))(?!\w)", _resolve_weekday),
    ]
    return tuple((re.compile(pattern), resolver) for pattern, resolver in rules)


# --- public API ----------------------------------------------------------------

def _longest_first(spans: list[tuple[int, int, Resolved]]) -> list[tuple[int, int, Resolved]]:
    """Non-overlapping spans, the longest winning, sorted by start."""
    chosen: list[tuple[int, int, Resolved]] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(span[1] <= other[0] or span[0] >= other[1] for other in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s[0])


def end_over_marks(text: str, end: int) -> int:
    """`end` moved past the tatweel and diacritics that trail a mention ("هـ"); used by laws.py too."""
    while end < len(text) and (text[end] == TATWEEL or unicodedata.category(text[end]) == "Mn"):
        end += 1
    return end


def find_dates(text: str, published: dt.date | None = None,
               norm: NormText | None = None) -> list[DateMention]:
    """Every date expression in `text`, sorted and non-overlapping.

    Args:
        text: the article text, as published (offsets index this string).
        published: the publication date, used to resolve relative mentions.
        norm: `normalise_with_offsets(text)` when the caller has it already.
    Returns:
        DateMention list; `value` is ISO 8601 at the text's precision, or None when
        the mention is relative and `published` is unknown.
    """
    norm = norm or normalise_with_offsets(text)
    found = [(match.start("m"), match.end("m"), resolved) for pattern, resolver in _grammar()
             for match in pattern.finditer(norm.text) if (resolved := resolver(match, norm.text, published))]
    mentions = []
    for start, end, (value, precision, relative, years) in _longest_first(found):
        orig_start, orig_end = norm.to_original(start, end)
        orig_end = end_over_marks(text, orig_end)
        mentions.append(DateMention(orig_start, orig_end, text[orig_start:orig_end],
                                    value, precision, relative, years))
    return mentions


def find_years(text: str, published: dt.date | None = None, *,
               include_relative: bool = True) -> list[int]:
    """The sorted calendar years `text` refers to (see the module docstring for the rules).

    Args:
        text: the article text.
        published: the publication date; relative mentions ("العام الماضي") count only with it.
        include_relative: False keeps only years written in the text.
    Returns:
        Sorted unique years.
    """
    return sorted({year for mention in find_dates(text, published)
                   if include_relative or not mention.relative for year in mention.years})


DAY_TOLERANCE = 3  # days between two reports of one day-precise event


def _iso_date(value: str | None) -> tuple[dt.date | None, str]:
    if not value:
        return None, "none"
    if len(value) >= 10:
        return dt.date.fromisoformat(value[:10]), "day"
    if len(value) == 7:
        return dt.date.fromisoformat(value + "-01"), "month"
    return dt.date(int(value[:4]), 1, 1), "year"


def dates_agree(a: str | None, b: str | None) -> bool:
    """Two dates name the same time at the coarser of their precisions."""
    (da, pa), (db, pb) = _iso_date(a), _iso_date(b)
    if da is None or db is None:
        return da is None and db is None
    if "year" in (pa, pb):
        return da.year == db.year
    if "month" in (pa, pb):
        return (da.year, da.month) == (db.year, db.month)
    return abs((da - db).days) <= DAY_TOLERANCE
