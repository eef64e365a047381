"""The trained classifiers of the flow: clause -> event type, article -> relevant.

Used by `nlp/events.py` (event types) and `timeline/process.py` (relevance).

Both are scikit-learn pipelines (TF-IDF over normalised words and character n-grams, then
logistic regression) built by `models/train.py` from `data/training/` and pickled in
`models/`. A missing model file leaves the rules alone at work, with one warning.
"""

from __future__ import annotations

import logging
import pickle
from functools import lru_cache
from pathlib import Path

from core.errors import ModelMissingError
from core.paths import MODELS
from nlp.normalise import normalise_text

log = logging.getLogger(__name__)
EVENTS_MODEL = MODELS / "events.pkl"
RELEVANCE_MODEL = MODELS / "relevance.pkl"


def _load(path: Path):
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as error:
        raise ModelMissingError(path) from error


class EventClassifier:
    """Probability of each event type (and "none") for a clause's normalised text."""

    def __init__(self, pipeline):
        self.pipeline = pipeline
        self.classes = list(pipeline.classes_)

    def probabilities(self, norm_text: str) -> dict[str, float]:
        row = self.pipeline.predict_proba([norm_text])[0]
        return dict(zip(self.classes, (float(p) for p in row)))


class RelevanceClassifier:
    """Probability that an article is about trafficking in persons or migrant smuggling."""

    def __init__(self, pipeline):
        self.pipeline = pipeline

    def score(self, title: str | None, text: str) -> float:
        doc = normalise_text(f"{title or ''}\n{text}")
        proba = self.pipeline.predict_proba([doc])[0]
        return float(proba[list(self.pipeline.classes_).index(True)])


@lru_cache(maxsize=2)
def load_event_classifier(path: Path = EVENTS_MODEL) -> EventClassifier | None:
    try:
        return EventClassifier(_load(path))
    except ModelMissingError as error:
        log.warning("event classifier is off, trigger cues only: %s", error)
        return None


@lru_cache(maxsize=2)
def load_relevance_classifier(path: Path = RELEVANCE_MODEL) -> RelevanceClassifier | None:
    try:
        return RelevanceClassifier(_load(path))
    except ModelMissingError as error:
        log.warning("relevance classifier is off, every article counts as relevant: %s", error)
        return None
