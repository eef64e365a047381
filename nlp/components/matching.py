"""Phrase matching on normalised tokens, shared by the gazetteer components.

`PhraseTable` compiles names into a spaCy `PhraseMatcher` over token norms (so spelling
variants and attached clitics match) and maps each match back to the entries that carry
that name; with `glued=True` also the forms with one space lost before a definite word.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

import numpy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

T = TypeVar("T")
INNER_QUOTES = {"«", "»", '"', "“", "”"}  # marks a name may quote one of its words with


def _norm_doc(vocab, norms: list[str]) -> Doc:
    """A pattern doc whose tokens' NORM are `norms`."""
    doc = Doc(vocab, words=norms)
    for token, norm in zip(doc, norms):
        token.norm_ = norm
    return doc


def glued_forms(norms: list[str]) -> list[list[str]]:
    """The name with one space lost before a word with the article, as scraped pages often
    write it ("مكتب الأممالمتحدة المعني ...")."""
    return [norms[:i - 1] + [norms[i - 1] + norms[i]] + norms[i + 1:]
            for i in range(1, len(norms)) if norms[i].startswith("ال") and norms[i - 1].isalpha()]


class PhraseTable(Generic[T]):
    """Names -> entries, matched on `NORM`; longest non-overlapping matches win."""

    def __init__(self, vocab, make_doc: Callable[[str], Doc], glued: bool = False):
        self.matcher = PhraseMatcher(vocab, attr="NORM")
        self.entries: dict[str, list[T]] = defaultdict(list)
        self._make_doc = make_doc
        self._glued = glued

    def add(self, name: str, entry: T) -> None:
        """Add `name`; a name opening on a lam-word ("لجنة منع الجريمة") is also added
        with the article, the form it takes after "لل" ("للجنة منع الجريمة")."""
        pattern = self._make_doc(name)
        norms = [t.norm_ for t in pattern if not t.is_space]
        if not norms:
            return
        forms = [norms]
        if norms[0].startswith("ل") and not norms[0].startswith("ال"):
            forms.append(["ال" + norms[0]] + norms[1:])
        if self._glued:
            forms += glued_forms(norms)
        for words in forms:
            key = " ".join(words)
            if entry not in self.entries[key]:
                self.entries[key].append(entry)
            self.matcher.add(key, [_norm_doc(pattern.vocab, words)])

    def add_all(self, pairs: Iterable[tuple[str, T]]) -> None:
        for name, entry in pairs:
            self.add(name, entry)

    def find(self, doc: Doc) -> list[tuple[Span, list[T]]]:
        """Matches of `doc` as (span, entries), longest first where they overlap.

        Runs of spaces, tabs or no-break spaces inside a name are skipped, and so are quote
        marks around one of its words ("مركز «أمان» لإيواء النساء"): the matcher sees the
        doc's other tokens only, and the matches are mapped back."""
        spaces = {int(i) for i in numpy.flatnonzero(doc.to_array("IS_SPACE"))
                  if "\n" not in doc[int(i)].norm_}
        quotes = {t.i for t in doc if t.text in INNER_QUOTES}
        spaces |= quotes
        kept = [i for i in range(len(doc)) if i not in spaces]
        if len(kept) == len(doc):
            compact, index = doc, list(range(len(doc)))
        else:
            compact, index = _norm_doc(doc.vocab, [doc[i].norm_ for i in kept]), kept
        spans = [Span(doc, index[start], index[end - 1] + 1, label=doc.vocab.strings[match_id])
                 for match_id, start, end in self.matcher(compact)]
        spans = [s for s in spans if _balanced(doc, [i for i in range(s.start, s.end) if i in quotes])]
        return [(span, self.entries[span.label_]) for span in filter_spans(spans)]


def _balanced(doc: Doc, inside: list[int]) -> bool:
    """The quote marks inside a match close what they open ("مركز «أمان» لإيواء"), not a
    name's end cut inside a quotation ('صحيفة "عمان')."""
    marks = [doc[i].text for i in inside]
    return len(marks) % 2 == 0 and marks.count("«") == marks.count("»") \
        and marks.count("“") == marks.count("”")
