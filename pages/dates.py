"""Page stage "article", date part: publication dates written in Arabic in a page.

Called by `article.examine_page` for pages that carry no structured date (old sites
print "الخميس 31 يوليو 2025" under the headline and nothing else), and by the crawler's
feed, sitemap and listing readers (`crawlers/discovery.py`). Understands the month names
of `data/patterns/calendar.json` (through `core.vocabulary`, the table `nlp/dates.py`
reads too): Egyptian/Gulf (يوليو), Levantine (تموز), Maghrebi (جويلية), written with or
without hamza; "تموز (يوليو)", Arabic-Indic digits (٣١ يوليو ٢٠٢٥), and numeric
day-first dates (31/7/2025, 31-07-2025) as well as ISO ones (2025-07-31), and Hijri
dates of a dateline ("10 صفر 1447 هـ"), converted by the Umm al-Qura calendar (hijridate).
`parse_timestamp` keeps a structured date's time and zone ("2025-08-06T00:40:00+03:00").

Pure functions; every date comes back as ISO "YYYY-MM-DD".
"""

from __future__ import annotations

import re
from datetime import date

from core.vocabulary import fold_letters, month_names, to_ascii_digits

# Month names (data/patterns/calendar.json, the one table) -> month number, matched on
# text whose hamza, alef maqsura and ta marbuta spellings are folded (fold_letters).
MONTHS = {fold_letters(name): number for name, number in month_names("gregorian").items()}
_MONTH_ALT = "|".join(sorted((re.escape(name) for name in MONTHS), key=len, reverse=True))
# "31 يوليو 2025", "31 تموز (يوليو) 2025", "31 يوليو، 2025"
_WRITTEN = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})\s*(?:من\s+)?(?P<month>{_MONTH_ALT})"
    rf"(?:\s*[(\[](?:{_MONTH_ALT})[)\]])?\s*[،,]?\s*(?P<year>\d{{4}})(?!\d)")
# "يوليو 31، 2025" (month first, as some agencies write it)
_MONTH_FIRST = re.compile(
    rf"(?<![\u0600-\u06FF])(?P<month>{_MONTH_ALT})\s+(?P<day>\d{{1,2}})\s*[،,]\s*"
    rf"(?P<year>\d{{4}})(?!\d)")
_NUMERIC_DMY = re.compile(r"(?<![\d/.-])(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-]"
                          r"(?P<year>\d{4})(?![\d/.-])")
_NUMERIC_YMD = re.compile(r"(?<![\d/.-])(?P<year>\d{4})[/.-](?P<month>\d{1,2})[/.-]"
                          r"(?P<day>\d{1,2})(?![\d/.-])")
_PATTERNS = (_WRITTEN, _MONTH_FIRST, _NUMERIC_YMD, _NUMERIC_DMY)
HIJRI_MONTHS = {fold_letters(name): number for name, number in month_names("hijri").items()}
_HIJRI_ALT = "|".join(sorted((re.escape(name) for name in HIJRI_MONTHS), key=len, reverse=True))
# "10 صفر 1447 هـ", "١٠ صفر ١٤٤٧هـ"
_HIJRI = re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})\s*(?P<month>{_HIJRI_ALT})\s*[،,]?\s*"
                    rf"(?P<year>1[3-5]\d\d)(?!\d)\s*(?:هـ|ه\b)?")
MIN_YEAR, MAX_YEAR = 1990, 2100  # keeps Hijri years (14xx) and noise out


def _month_number(value: str) -> int | None:
    return int(value) if value.isdigit() else MONTHS.get(value)


def _iso(day: str, month: str, year: str) -> str | None:
    number = _month_number(month)
    if number is None or not MIN_YEAR <= int(year) <= MAX_YEAR:
        return None
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def _hijri_iso(day: str, month: str, year: str) -> str | None:
    from hijridate import Hijri

    try:
        return Hijri(int(year), HIJRI_MONTHS[month], int(day)).to_gregorian().isoformat()
    except (ValueError, OverflowError):  # outside the Umm al-Qura table, or no such day
        return None


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every Gregorian date written in `text`, as (offset, "YYYY-MM-DD"), in text order.

    Args:
        text: any text (page text, a byline, a date cell).
    Returns:
        The dates found, sorted by where they start; impossible dates are skipped.
    """
    text = fold_letters(to_ascii_digits(text))
    found: dict[int, str] = {}
    taken: list[range] = []
    for pattern in (*_PATTERNS, _HIJRI):
        for match in pattern.finditer(text):
            if any(match.start() in span for span in taken):
                continue
            convert = _hijri_iso if pattern is _HIJRI else _iso
            iso = convert(match["day"], match["month"], match["year"])
            if iso:
                found[match.start()] = iso
                taken.append(range(match.start(), match.end()))
    return sorted(found.items())


def first_date(text: str, after: int = 0) -> str | None:
    """The first date in `text` at or after offset `after`, else the first one at all."""
    dates = find_dates(text)
    later = [iso for offset, iso in dates if offset >= after]
    if later:
        return later[0]
    return dates[0][1] if dates else None


def parse_date(value: str | None) -> str | None:
    """A date from structured data or a meta tag ("2025-07-31T09:15:00+03:00",
    "Thu, 31 Jul 2025 09:15:00 +0300", "31 يوليو 2025") as "YYYY-MM-DD"."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", to_ascii_digits(value))
    if match:
        return _iso(match[3], match[2], match[1])
    rfc = _parse_rfc822(value)
    if rfc:
        return rfc
    return first_date(value)


_TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?"
                        r"(Z|[+-]\d{2}:?\d{2})?$")


def parse_timestamp(value: str | None) -> str | None:
    """A structured date's moment as written, its zone kept: "2025-08-06T00:40:00+03:00";
    None when the value has no time of day (or is not ISO 8601)."""
    if not value or not isinstance(value, str):
        return None
    match = _TIMESTAMP.match(to_ascii_digits(value.strip()))
    if not match or parse_date(match[1]) is None:
        return None
    time = match[2] if match[2].count(":") == 2 else match[2] + ":00"
    zone = match[3] or ""
    if zone and zone != "Z" and ":" not in zone:
        zone = zone[:3] + ":" + zone[3:]
    return f"{match[1]}T{time}{'+00:00' if zone == 'Z' else zone}"


def _parse_rfc822(value: str) -> str | None:
    from email.utils import parsedate_tz

    parsed = parsedate_tz(value)
    if not parsed:
        return None
    year, month, day = parsed[:3]
    return _iso(str(day), str(month), str(year))
