"""The trained classifiers of the flow: clause -> event type, article -> relevant.

Used by `nlp/events.py` (event types) and `timeline/process.py` (relevance).

Both are scikit-learn pipelines (TF-IDF over normalised words and character n-grams, then
logistic regression) built by `models/train.py` from `data/training/` and pickled in
`models/`. A missing model file leaves the rules alone at work, with one warning; a
model built for another tokenizer mode or other library versions is refused
(`nlp/stamp.py`: ModelMismatchError, "rebuild with `python pipeline.py train`").
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from core.errors import ModelMissingError
from nlp.normalise import normalise_text
from nlp.stamp import TEXT_ONLY, load_stamped, model_file

log = logging.getLogger(__name__)
RELEVANCE_MODEL = model_file("relevance", TEXT_ONLY)


class EventClassifier:
    """Probability of each event type (and "none") for a clause's normalised text."""

    def __init__(self, pipeline):
        self.pipeline = pipeline
        self.classes = list(pipeline.classes_)

    def probabilities(self, norm_text: str) -> dict[str, float]:
        return self.probabilities_many([norm_text])[0]

    def probabilities_many(self, norm_texts: list[str]) -> list[dict[str, float]]:
        """`probabilities` of many clauses in one call (scikit-learn's checks run once)."""
        rows = self.pipeline.predict_proba(norm_texts)
        return [dict(zip(self.classes, (float(p) for p in row))) for row in rows]


class RelevanceClassifier:
    """Probability that an article is about trafficking in persons or migrant smuggling."""

    def __init__(self, pipeline):
        self.pipeline = pipeline

    def score(self, title: str | None, text: str) -> float:
        return self.scores([(title, text)])[0]

    def scores(self, articles: list[tuple[str | None, str]]) -> list[float]:
        """`score` of many (title, text) articles in one call."""
        docs = [normalise_text(f"{title or ''}\n{text}") for title, text in articles]
        column = list(self.pipeline.classes_).index(True)
        return [float(row[column]) for row in self.pipeline.predict_proba(docs)]


@lru_cache(maxsize=4)
def load_event_classifier(mode: str = "camel", path: Path | None = None) -> EventClassifier | None:
    """The event classifier trained with tokenizer `mode` (see nlp/stamp.py)."""
    try:
        return EventClassifier(load_stamped(path or model_file("events", mode), mode))
    except ModelMissingError as error:
        log.warning("event classifier is off, trigger cues only: %s", error)
        return None


@lru_cache(maxsize=2)
def load_relevance_classifier(path: Path = RELEVANCE_MODEL) -> RelevanceClassifier | None:
    try:
        return RelevanceClassifier(load_stamped(path, TEXT_ONLY))
    except ModelMissingError as error:
        log.warning("relevance classifier is off, every article counts as relevant: %s", error)
        return None
