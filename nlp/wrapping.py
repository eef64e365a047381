"""Stage 1b of the NLP flow: which line breaks of a text are hard wrapping, not boundaries.

Plain-text copies, e-mail digests, PDFs and some feeds break lines every 60-120 characters
in the middle of sentences. `soft_breaks(text)` gives the offsets of the "\\n" characters
that only wrap a running sentence; the tokenizer gives those breaks the norm " ", so the
sentence splitter, the paragraph logic and the name matchers read them as spaces. The text
itself is never changed, so every offset into it stays exact.

A break is soft when the line before it does not end a sentence (. ! ? ؟ : ؛ » " …), the
next line opens with a word, and either
  - the text is wrapped at a width (several lines end without a sentence mark just below
    one length) and the line before is full: the next line's first word would not have
    fitted on it, or it ends with a comma; or
  - the phrase visibly runs on: the line ends with a word that cannot end a sentence
    ("في", "على", "و"; a body's head noun without the article before a definite word,
    "إدارة" / "البحث ...") or the next line opens with one that cannot open one ("على", "إلى").
A blank line, a line ending a sentence, a short headline or dateline line, a bullet and a
list of short lines stay boundaries. Pure text functions only.
"""

from __future__ import annotations

import re
from itertools import pairwise

from nlp.normalise import normalise_text

FINAL = set(".!?؟:؛»\"”…")
BULLETS = {"•", "●", "▪", "-", "*"}  # list marks (the sentence splitter starts a sentence at one)
LINE_MARKS = BULLETS | {"–", "—"}  # a line opening with one is no run-on of the line before
MIN_LINES, MAX_WIDTH, MIN_WIDTH = 3, 130, 40  # a wrapped text: lines at a width in this range
BAND = 0.75  # a wrapped line is at least this share of the width
# words (normalised) that cannot end a sentence, and that cannot open one after a break
NO_END = {"و", "في", "من", "الي", "علي", "عن", "مع", "بين", "ان", "الذي", "التي", "الذين",
          "بن", "بنت", "رقم", "لدي", "ضد", "حتي", "منذ", "خلال", "عبر", "نحو", "او", "ثم", "قد",
          "لم", "لن", "كما", "حول", "عند", "لقد"}
NO_START = {"علي", "الي", "عن", "ضد", "لدي"}
# a body's head noun without the article, before a definite word on the next line, is the
# first word of its name ("إدارة" / "البحث والمتابعة"): a noun in construct ends no sentence
CONSTRUCT_HEADS = frozenset(normalise_text(w) for w in (
    "وزارة", "إدارة", "لجنة", "هيئة", "مكتب", "مركز", "نيابة", "محكمة", "شرطة", "جامعة",
    "جريدة", "صحيفة", "وكالة", "مجلس", "دائرة", "جمعية", "مؤسسة", "شعبة", "قسم", "قطاع"))
_LINE = re.compile(r"[^\n]*\n?")


def soft_breaks(text: str) -> frozenset[int]:
    """Offsets of the "\\n" characters of `text` that wrap a running sentence."""
    lines = _lines(text)
    width = wrap_width([line for _, line in lines])
    soft = set()
    for (start, line), (_, following) in pairwise(lines):
        if _soft(line.rstrip(), following.strip(), width):
            soft.add(start + len(line))
    return frozenset(soft)


def wrap_width(lines: list[str]) -> int | None:
    """The width a text is wrapped at, or None: the length most lines ending without a
    sentence mark come just below (at least MIN_LINES of them)."""
    lengths = [len(s.rstrip()) for s in lines if s.strip()]
    open_lengths = sorted(len(s.rstrip()) for s in lines if s.strip() and not _ends(s.rstrip()))
    closed = [len(s.rstrip()) for s in lines if s.strip() and _ends(s.rstrip())]
    best, best_count = None, 0
    for width in open_lengths:
        if not MIN_WIDTH <= width <= MAX_WIDTH:
            continue
        count = sum(BAND * width <= n <= width for n in open_lengths)
        longer = sum(n > width * 1.1 for n in lengths)  # wrapped lines are never much longer
        if count >= MIN_LINES and count > best_count and 2 * longer < count:
            best, best_count = width, count
    if best is None or sum(BAND * best <= n <= best for n in closed) > best_count:
        return None  # most lines at that length end sentences: paragraphs, not wrapping
    return best


def _lines(text: str) -> list[tuple[int, str]]:
    """(start, line without its "\\n") for every line of `text`."""
    out, start = [], 0
    for match in _LINE.finditer(text):
        if not match.group():
            break
        out.append((start, match.group().removesuffix("\n")))
        start = match.end()
    return out


def _soft(line: str, following: str, width: int | None) -> bool:
    if not line.strip() or not following or _ends(line) or not _opens_with_word(following):
        return False
    last, first = _norm_word(line.split()[-1]), _norm_word(following.split()[0])
    if last in NO_END or first in NO_START:
        return True
    if last in CONSTRUCT_HEADS and first.startswith("ال"):
        return True
    if width is None or len(line) > width * 1.1:
        return False
    return line.endswith(("،", ",")) or len(line) + 1 + len(following.split()[0]) > width


def _ends(line: str) -> bool:
    return line[-1:] in FINAL


def _opens_with_word(line: str) -> bool:
    return line[0] not in LINE_MARKS and (line[0].isalnum() or line[0] in "«(\"")


def _norm_word(word: str) -> str:
    return normalise_text(word).strip("،,()«»\"")
