"""The project's fixed vocabulary, defined once and read by every layer: the event types
(`data/patterns/event_types.json`), the calendar words and month names
(`data/patterns/calendar.json`, read by `nlp/dates.py` and `pages/dates.py`), the
one-entry-a-line lists of `data/gazetteers/` (ISO country codes among them), Arabic-Indic
digits and ISO dates.

Pure functions and constants; the data file is read once at import.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from core.errors import DataFileError
from core.paths import GAZETTEERS, PATTERNS

_TYPES = json.loads((PATTERNS / "event_types.json").read_text(encoding="utf-8"))["types"]

#: The 11 event types of the spec, in timeline order.
EVENT_TYPES: tuple[str, ...] = tuple(row["type"] for row in _TYPES)
#: type -> (Arabic name, English name, colour)
EVENT_TYPE_NAMES: dict[str, tuple[str, str, str]] = {
    row["type"]: (row["ar"], row["en"], row["colour"]) for row in _TYPES}

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII (same length, so offsets hold)."""
    return text.translate(_DIGITS)


_LETTER_VARIANTS = str.maketrans("أإآٱىة", "اااايه")


def fold_letters(text: str) -> str:
    """Alef forms to ا, ى to ي, ة to ه: the spellings that writers swap freely (same
    length, so offsets hold)."""
    return text.translate(_LETTER_VARIANTS)


@lru_cache(maxsize=1)
def calendar_words() -> dict:
    """`data/patterns/calendar.json` as written (months, weekdays, relative phrases ...)."""
    path = PATTERNS / "calendar.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataFileError(path, None, f"cannot be read: {error}") from error


def month_names(calendar: str) -> dict[str, int]:
    """Month name -> month number for `calendar` "gregorian" or "hijri", every spelling
    of calendar.json as written there (the project's one table of month names)."""
    table = calendar_words()[f"{calendar}_months"]
    return {name: int(number) for number, names in table.items() for name in names}


def is_iso_day(value: object) -> bool:
    """True for a real calendar day written YYYY-MM-DD ("2025-02-30" is not one)."""
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=16)
def list_entries(name: str, directory: Path = GAZETTEERS) -> tuple[tuple[str, str], ...]:
    """(entry, comment) of each line of `data/gazetteers/NAME.txt` (or NAME.txt in
    `directory`) that has an entry; text after '#' is the comment ("علي #ambiguous")."""
    path = directory / f"{name}.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(path, None, f"cannot be read: {error}") from error
    pairs = (line.split("#", 1) + [""] for line in lines)
    return tuple((entry.strip(), comment.strip()) for entry, comment, *_ in pairs if entry.strip())


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes of `data/gazetteers/iso3166.txt`."""
    return frozenset(entry for entry, _ in list_entries("iso3166"))
