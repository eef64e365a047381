"""Stage 1 of the NLP flow: Arabic normalisation with CAMeL Tools, keeping offsets.

Every later stage matches on normalised text (no diacritics or tatweel, one alef,
ya for alef maqsura, ha for ta marbuta, ASCII digits) but reports character offsets in
the original text. `normalise_text` gives the normalised form of a string;
`normalise_with_offsets` also gives, for each normalised character, the index of the
original character it came from, so a match in the normalised text maps back exactly.

All functions are pure and cached per character, so they are safe in any process.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

from core.vocabulary import to_ascii_digits

TATWEEL = "\u0640"
SHADDA = "\u0651"  # a doubled letter: "كرّم", "قسّم" are verbs where a name or a body reads so
# Punctuation that Gulf sites write in several ways, folded to one form.
_PUNCT = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
                        "\u200f": "", "\u200e": "", "\u200b": "", "\u200c": "", "\u200d": ""})


@lru_cache(maxsize=4096)
def normalise_char(char: str) -> str:
    """The normalised form of one character: "" for a diacritic or tatweel,
    possibly two characters for a ligature ("ﻻ" -> "لا")."""
    text = normalize_unicode(char).translate(_PUNCT)
    text = dediac_ar(text).replace(TATWEEL, "")
    text = normalize_alef_ar(text)
    text = normalize_alef_maksura_ar(text)
    text = normalize_teh_marbuta_ar(text)
    return to_ascii_digits(text)


class _CharTable(dict):
    """`str.translate` table: code point -> normalised form, filled on first sight."""

    def __missing__(self, code: int) -> str:
        self[code] = normalise_char(chr(code))
        return self[code]


_TABLE = _CharTable()


def normalise_text(text: str) -> str:
    """Normalised form of `text` (see the module docstring)."""
    return text.translate(_TABLE)


@dataclass(frozen=True)
class NormText:
    """Normalised text and, for each of its characters, the original index."""

    text: str
    offsets: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text back to the original."""
        if start >= len(self.offsets):
            return self.original_length, self.original_length
        orig_start = self.offsets[start]
        orig_end = self.offsets[end - 1] + 1 if end > start else orig_start
        return orig_start, orig_end


def normalise_with_offsets(text: str) -> NormText:
    """Normalise `text`, recording where each normalised character came from."""
    chars = [_TABLE[ord(char)] for char in text]
    if all(len(norm) == 1 for norm in chars):  # the common case: one for one
        return NormText("".join(chars), tuple(range(len(text))), len(text))
    offsets = [index for index, norm in enumerate(chars) for _ in norm]
    return NormText("".join(chars), tuple(offsets), len(text))


# demonstratives, normalised: a word after one points back to what was named before ("هذه
# الدائرة", "هذا الاجتماع")
DEMONSTRATIVES = frozenset(normalise_text(w) for w in (
    "هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان", "هذين", "هاتين"))


def strip_article(word: str) -> str:
    """A normalised word without its definite article ("الكويت" -> "كويت")."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """The identity of an article's text (UNIQUE in the database): a hash of its
    normalised words, so that spelling and spacing differences vanish."""
    words = _SPACE.sub(" ", normalise_text(text)).strip()
    return hashlib.sha256(words.encode("utf-8")).hexdigest()
