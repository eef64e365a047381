"""The article's reference date: its publication date, else the date of its dateline.

Called by the `date_ruler` component (`nlp.components.grammar`) before it resolves the
relative dates, so that an article with no known publication date is still dated by the
date its top writes: a dateline ("الكويت - 5 مايو 2019 (كونا) --", "المنامة في 12 مارس
2023 /بنا/") or a date line before the body ("الاثنين 3 يونيو 2024", "14 رمضان 1445 هـ").
Only a full date (day, month and year, Gregorian or Hijri) counts, and only in the dateline
position: on one of the first lines, after at most a place or a byline, either alone, or
set off by a separator ("-", "/", "|", ":") before or after it, or after a page's label in
Latin script ("date 2025-09-20"). A date further in a sentence dates that sentence, not the
article. Pure functions over the text.
"""

from __future__ import annotations

import datetime as dt
import re

from nlp.dates import find_dates

HEAD_LINES = 4  # non-empty lines (a headline, a subtitle, a date line, the dateline) searched
HEAD_CHARS = 600  # and never further into the text than this
PREFIX_WORDS = 6  # words before a dateline's date on its line: "كتب فلان - الكويت في"
SEPARATOR = re.compile(r"[-–—/|:]")
ARABIC_LETTER = re.compile(r"[\u0620-\u064a]")
SET_OFF_AFTER = re.compile(r"\s*(?:$|[-–—/|(])")  # "(كونا) --", "/بنا/", the end of the line


def reference_date(text: str, published: dt.date | None) -> dt.date | None:
    """`published` when known, else the dateline's date, else None."""
    return published or dateline_date(text)


def dateline_date(text: str) -> dt.date | None:
    """The date the article's top writes in dateline position (see the module docstring)."""
    head = _head(text)
    for mention in find_dates(head):
        if mention.relative or mention.precision != "day" or not mention.value:
            continue
        line_start = head.rfind("\n", 0, mention.start) + 1
        line_end = head.find("\n", mention.end)
        before = head[line_start:mention.start]
        after = head[mention.end:len(head) if line_end < 0 else line_end]
        if _dateline_position(before, after):
            return dt.date.fromisoformat(mention.value)
    return None


def _head(text: str) -> str:
    """The text up to the end of its HEAD_LINES-th non-empty line, at most HEAD_CHARS long."""
    seen, end = 0, 0
    for line in text[:HEAD_CHARS].split("\n"):
        end += len(line) + 1
        seen += bool(line.strip())
        if seen == HEAD_LINES:
            break
    return text[:min(end, HEAD_CHARS)]


def _dateline_position(before: str, after: str) -> bool:
    if len(re.findall(r"\w+", before)) > PREFIX_WORDS:
        return False
    return not ARABIC_LETTER.search(before) or SEPARATOR.search(before) is not None or \
        SET_OFF_AFTER.match(after) is not None
