"""Component `sentence_splitter`: sentence boundaries for Arabic news text.

A sentence ends at a line break (not one that only wraps a running sentence: its norm is " ",
see `nlp.wrapping`), a bullet, or "." "!" "?" "؟" "؛" — except the dot of an
abbreviation such as "د." or "م." (a one-letter word) and of a decimal number ("1.1").
Quotes and closing brackets that follow the mark stay with the sentence.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from nlp.wrapping import BULLETS

ENDS = {".", "!", "?", "؟", "؛", "…"}
CLOSERS = {"»", "\"", "”", "’", ")", "]", "'"}


def split_sentences(doc: Doc) -> Doc:
    """Set `is_sent_start` on every token of `doc`."""
    starts = [False] * len(doc)
    if len(doc):
        starts[0] = True
    for i, token in enumerate(doc):
        nxt = i + 1
        if "\n" in token.norm_:  # a break that only wraps a sentence has the norm " "
            if nxt < len(doc):
                starts[nxt] = True
            continue
        if token.text in ENDS and not _abbreviation(doc, i) and not _decimal(doc, i):
            while nxt < len(doc) and doc[nxt].text in CLOSERS:
                nxt += 1
            if nxt < len(doc):
                starts[nxt] = True
        if token.text in BULLETS and (i == 0 or "\n" in doc[i - 1].norm_):
            starts[i] = True
    if len(doc):  # all at once: token by token, spaCy re-checks the doc at each one
        values = numpy.array([[1 if start else -1] for start in starts], dtype="int64")
        values = values.astype("uint64")
        doc.from_array([SENT_START], values)
    return doc


def _abbreviation(doc: Doc, index: int) -> bool:
    return (doc[index].text == "." and index > 0 and len(doc[index - 1].text) == 1
            and doc[index - 1].text.isalpha())


def _decimal(doc: Doc, index: int) -> bool:
    """The dot of a decimal number ("1.1 في المئة"), written without spaces."""
    return (doc[index].text == "." and 0 < index < len(doc) - 1 and doc[index - 1].is_digit
            and doc[index + 1].is_digit and not doc[index - 1].whitespace_
            and not doc[index].whitespace_)


@Language.component("sentence_splitter", assigns=["token.is_sent_start"])
def sentence_splitter(doc: Doc) -> Doc:
    return split_sentences(doc)
