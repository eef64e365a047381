"""Components `date_ruler` and `law_ruler`: DATE and LAW spans from the text grammars.

The grammars (`nlp.dates`, `nlp.laws`) are pure functions over the text; these
components only place their character spans on the doc's tokens. A DATE span carries
its ISO value, resolved against the article's reference date (`doc._.reference`: the
publication date, else the dateline's, `nlp.dateline`); a LAW span its canonical form.
Both read the normalised text the tokenizer left on the doc (`doc._.normalised`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.dateline import reference_date
from nlp.dates import find_dates
from nlp.laws import find_laws, law_key, link_named_laws


@Language.component("date_ruler", assigns=["doc.spans"])
def date_ruler(doc: Doc) -> Doc:
    spans = []
    doc._.reference = reference_date(doc.text, doc._.published)
    for found in find_dates(doc.text, doc._.reference, doc._.normalised):
        span = doc.char_span(found.start, found.end, label="DATE", alignment_mode="expand")
        if span is not None:
            span._.value = found.value
            span._.canonical = {"precision": found.precision, "relative": found.relative,
                                "years": list(found.years)}
            spans.append(span)
    doc.spans["dates"] = spans
    return doc


@Language.component("law_ruler", assigns=["doc.spans"])
def law_ruler(doc: Doc) -> Doc:
    spans = []
    for found in link_named_laws(find_laws(doc.text, doc._.normalised), doc.text):
        span = doc.char_span(found.start, found.end, label="LAW", alignment_mode="expand")
        if span is not None:
            span._.canonical = {"kind": found.kind, "number": found.number, "year": found.year,
                                "country": found.country, "key": law_key(found)}
            if found.name:
                span._.canonical["name"] = found.name
            span._.text_start = found.start if found.start > span.start_char else None
            spans.append(span)
    doc.spans["laws"] = spans
    _drop_law_dates(doc, spans)
    return doc


def _drop_law_dates(doc: Doc, laws: list[Span]) -> None:
    """A DATE on the very tokens of a LAW ("و114 /2024" in "القانونان 91 /2013 و114 /2024") is
    that law's number and year, not a date of its own: spaCy keeps one set of extension
    values per character range, so the LAW's canonical form would replace the DATE's. The law
    still gives the article its year (`nlp.extract.article_years`)."""
    ranges = {(span.start_char, span.end_char) for span in laws}
    doc.spans["dates"] = [span for span in doc.spans["dates"]
                          if (span.start_char, span.end_char) not in ranges]


def law_text(span: Span) -> tuple[int, str]:
    """A LAW span's start and text, without the "ل" of "للقانون" that the tokenizer keeps on
    the stem token ("لقانون"): the citation is "قانون رقم 91 ...", never "لقانون رقم 91 ..."."""
    start = span._.text_start or span.start_char
    return start, span.doc.text[start:span.end_char]
