"""Stage "extract": one article's text -> the JSON of `shared/spec/EXTRACTION.md`.

`extract_article` runs the pipeline on the text and turns the doc into plain data:
entities (label, text, offsets, canonical form or value), the set of years, and events;
`extract_articles` does the same for many texts through `nlp.pipe`, so that the
components that batch (the event classifier) see many articles at once.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date (YYYY-MM-DD, or its first 10 characters) or None."""
    if not value:
        return None
    return dt.date.fromisoformat(str(value)[:10])


def analyse(nlp: Language, text: str, published: dt.date | None = None) -> Doc:
    """Run the pipeline on `text`, with relative dates resolved against `published`."""
    return nlp(_new_doc(nlp, text, published))


def analyse_many(nlp: Language, items: Iterable[tuple[str, dt.date | None]],
                 batch_size: int = 32) -> Iterator[Doc]:
    """`analyse` of many (text, published) pairs, in order, through `nlp.pipe`."""
    docs = (_new_doc(nlp, text, published) for text, published in items)
    return nlp.pipe(docs, batch_size=batch_size)


def _new_doc(nlp: Language, text: str, published: dt.date | None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    return doc


def mention_to_dict(span: Span) -> dict:
    entity = {"label": span.label_, "text": span.text,
              "start": span.start_char, "end": span.end_char}
    if span.label_ == "DATE":
        entity["value"] = span._.value
    elif span.label_ == "LAW":
        entity["canonical"] = {k: v for k, v in span._.canonical.items() if k != "key"}
        entity["key"] = span._.canonical["key"]
    elif span._.canonical is not None:
        entity["canonical"] = span._.canonical
    lemmas = [t.lemma_ for t in span if t.lemma_]
    if lemmas and any(t.tag_ for t in span):
        entity["lemma"] = " ".join(lemmas)
        entity["pos"] = " ".join(t.tag_ or "-" for t in span)
    return entity


def article_years(doc: Doc) -> list[int]:
    """The calendar years the text writes: dates and year expressions (not relative ones:
    "هذا العام" is left out, as the users annotate), and the years of cited laws
    ("المرسوم السلطاني رقم 126/2008", "م/40 وتاريخ 21/7/1430هـ")."""
    years = {year for span in doc.spans["dates"] if not span._.canonical["relative"]
             for year in span._.canonical["years"]}
    years |= {span._.canonical["year"] for span in doc.spans["mentions"]
              if span.label_ == "LAW" and span._.canonical.get("year")}
    return sorted(years)


def doc_to_dict(doc: Doc) -> dict:
    published = doc._.published
    return {
        "published": published.isoformat() if published else None,
        "entities": [mention_to_dict(span) for span in doc.spans["mentions"]],
        "years": article_years(doc),
        "events": doc._.events or [],
    }


def extract_article(nlp: Language, text: str, published: dt.date | None = None) -> dict:
    """The extraction of one article as a JSON-ready dict."""
    return doc_to_dict(analyse(nlp, text, published))


def extract_articles(nlp: Language, items: Iterable[tuple[str, dt.date | None]],
                     batch_size: int = 32) -> Iterator[dict]:
    """`extract_article` of many (text, published) pairs, in order."""
    return (doc_to_dict(doc) for doc in analyse_many(nlp, items, batch_size))
