"""Stage "extract": one article's text -> the JSON of `shared/spec/EXTRACTION.md`.

`extract_article` runs the pipeline on the text and turns the doc into plain data:
entities (label, text, offsets, canonical form or value), the set of years, the relevance
verdict (`relevant`, `relevance`) and events. The verdict is made here, once, for both
`pipeline.py extract` and `process`: an article that is not about trafficking or migrant
smuggling keeps its entities and has no events.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Span

from models.classifiers import load_relevance_classifier
from nlp.dates import find_years
from nlp.laws import written_year

RELEVANCE_THRESHOLD = 0.5


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date (YYYY-MM-DD, or its first 10 characters) or None."""
    if not value:
        return None
    return dt.date.fromisoformat(str(value)[:10])


def analyse(nlp: Language, text: str, published: dt.date | None = None) -> Doc:
    """Run the pipeline on `text`, with relative dates resolved against `published`."""
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
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
    years = set(find_years(doc.text, doc._.published, include_relative=False))
    years |= {written_year(span.text, span._.canonical.get("year"))
              for span in doc.spans["mentions"] if span.label_ == "LAW"} - {None}
    return sorted(years)


def relevance(text: str, title: str | None = None) -> tuple[bool, float]:
    """(relevant, score): is the article about trafficking in persons or migrant
    smuggling? Every article counts as relevant when the classifier is missing."""
    classifier = load_relevance_classifier()
    score = classifier.score(title, text) if classifier else 1.0
    return score >= RELEVANCE_THRESHOLD, round(score, 4)


def doc_to_dict(doc: Doc, verdict: tuple[bool, float] = (True, 1.0)) -> dict:
    published, (relevant, score) = doc._.published, verdict
    return {
        "published": published.isoformat() if published else None,
        "relevant": relevant,
        "relevance": score,
        "entities": [mention_to_dict(span) for span in doc.spans["mentions"]],
        "years": article_years(doc),
        "events": (doc._.events or []) if relevant else [],
    }


def extract_article(nlp: Language, text: str, published: dt.date | None = None,
                    title: str | None = None) -> dict:
    """The extraction of one article as a JSON-ready dict, with the relevance verdict."""
    return doc_to_dict(analyse(nlp, text, published), relevance(text, title))
