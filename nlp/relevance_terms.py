"""Topic indicators for the relevance classifier: article text -> one feature per group.

Part of the relevance model that `models/train.py` builds and `nlp/classifiers.py` serves
(article -> about trafficking / migrant smuggling or not). The TF-IDF weights of a long real
article, cut from a page with its bylines and links, are spread over many words, so an
article that names its topic once ("المتاجرة بالإقامات", "مركز الإيواء") scored like one that
never does. `TopicTerms` counts the matches of each group of `data/patterns/relevance_terms.json`
in the normalised text (capped at 3, scaled to 0..1), which does not shrink with length; the
logistic regression learns how much each group weighs, near misses with a term included.
The groups are kept in the fitted model, so a pickled model reads what it was trained with.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

from core.errors import DataFileError
from core.paths import PATTERNS

TERMS_FILE = PATTERNS / "relevance_terms.json"
CAP = 3


def load_terms(path: Path = TERMS_FILE) -> dict[str, list[str]]:
    """{group: [regular expression, ...]} of the terms file, each expression checked."""
    try:
        groups = json.loads(path.read_text(encoding="utf-8"))["groups"]
        for expressions in groups.values():
            for expression in expressions:
                re.compile(expression)
    except (OSError, ValueError, KeyError, TypeError, re.error) as error:
        raise DataFileError(path, None, f"unreadable relevance terms: {error}") from error
    return groups


class TopicTerms(BaseEstimator, TransformerMixin):
    """Normalised texts -> a sparse matrix with one column per group of `terms`: the number
    of matches of the group's expressions, capped at `CAP`, divided by `CAP`."""

    def __init__(self, terms: dict[str, list[str]] | None = None):
        self.terms = terms

    def fit(self, texts, labels=None):
        groups = self.terms if self.terms is not None else load_terms()
        self.patterns_ = [re.compile("|".join(f"(?:{e})" for e in expressions))
                          for expressions in groups.values()]
        return self

    def transform(self, texts):
        counts = [[min(len(p.findall(text)), CAP) / CAP for p in self.patterns_] for text in texts]
        return sp.csr_matrix(np.array(counts, dtype=float).reshape(len(counts), len(self.patterns_)))

    def get_feature_names_out(self, input_features=None):
        groups = self.terms if self.terms is not None else load_terms()
        return np.array([f"term:{name}" for name in groups], dtype=object)
