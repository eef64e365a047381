"""Rebuild every trained model from `data/training/`, reproducibly (`pipeline.py train`).

1. agencies  — CRF over tokens (sklearn-crfsuite) for agency names no gazetteer lists;
               scored on held-out groups of sentences (templates / hand-written batches).
2. events    — clause -> event type or "none" (TF-IDF + logistic regression);
               5-fold cross-validation grouped by template, per-type precision/recall.
3. relevance — article -> about trafficking / smuggling or not; 5-fold accuracy.
Models are pickled into `models/`, the scores written to `models/scores.json`, and each
score is checked against the floors pinned in `models/baseline.json`.
"""

from __future__ import annotations

import json
import pickle
import random
from pathlib import Path
from typing import Iterator

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, precision_recall_fscore_support
from sklearn.model_selection import (
    StratifiedGroupKFold,
    StratifiedKFold,
    cross_val_predict,
)
from sklearn.pipeline import FeatureUnion, Pipeline

from core.errors import DataFileError
from core.paths import MODELS, TRAINING

SEED = 13


def read_jsonl(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(path, None, f"cannot be read as JSON lines: {error}") from error


def text_pipeline(c: float = 4.0) -> Pipeline:
    """TF-IDF over words (1-2) and characters (2-5) of normalised text, then logistic
    regression with balanced class weights."""
    features = FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2,
                                  sublinear_tf=True, max_features=60000)),
    ])
    return Pipeline([("features", features),
                     ("model", LogisticRegression(C=c, max_iter=3000, class_weight="balanced"))])


def _strip(model):
    """Drop what only records the training run (timings, the set of pruned terms,
    which pickles in hash order), so rebuilt models differ only where the data does."""
    if hasattr(model, "training_log_"):
        model.training_log_ = None
    if isinstance(model, Pipeline):
        for _, transformer in model.named_steps["features"].transformer_list:
            for attribute in ("stop_words_", "_stop_words_id"):  # a set; an object id
                if hasattr(transformer, attribute):
                    delattr(transformer, attribute)
    return model


def _save(model, name: str) -> Path:
    model = _strip(model)
    path = MODELS / name
    with open(path, "wb") as handle:
        pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def train_events(nlp) -> dict:
    from nlp.events import clause_norm

    rows = read_jsonl(TRAINING / "events.jsonl")
    texts = [clause_norm(nlp.make_doc(r["text"])[:]) for r in rows]
    labels = np.array([r["label"] for r in rows])
    groups = np.array([r.get("group") or f"row{i}" for i, r in enumerate(rows)])
    cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    predicted = cross_val_predict(text_pipeline(), texts, labels, cv=cv, groups=groups)
    classes = sorted(set(labels))
    p, r, f, n = precision_recall_fscore_support(labels, predicted, labels=classes, zero_division=0)
    per_type = {c: {"precision": round(float(pi), 3), "recall": round(float(ri), 3),
                    "f1": round(float(fi), 3), "n": int(ni)} for c, pi, ri, fi, ni in zip(classes, p, r, f, n)}
    model = text_pipeline().fit(texts, labels)
    _save(model, "events.pkl")
    macro = float(np.mean([v["f1"] for k, v in per_type.items() if k != "none"]))
    return {"sentences": len(rows), "macro_f1": round(macro, 3), "per_type": per_type}


def train_relevance() -> dict:
    from nlp.normalise import normalise_text

    rows = read_jsonl(TRAINING / "relevance.jsonl")
    texts = [normalise_text(f"{r.get('title') or ''}\n{r['text']}") for r in rows]
    labels = np.array([bool(r["relevant"]) for r in rows])
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    predicted = cross_val_predict(text_pipeline(c=8.0), texts, labels, cv=cv)
    p, r, f, _ = precision_recall_fscore_support(labels, predicted, average="binary", pos_label=True)
    _save(text_pipeline(c=8.0).fit(texts, labels), "relevance.pkl")
    return {"documents": len(rows), "accuracy": round(float(accuracy_score(labels, predicted)), 3),
            "precision": round(float(p), 3), "recall": round(float(r), 3), "f1": round(float(f), 3)}


def agency_examples(nlp, rows: list[dict]) -> tuple[list, list]:
    """CRF features and B/I/O labels of annotated sentences."""
    from nlp.components.agency_model import doc_features

    gazetteer = [(name, nlp.get_pipe(name)) for name in ("sentence_splitter", "place_ruler", "agency_ruler")]
    features, labels = [], []
    for row in rows:
        doc = nlp.make_doc(row["text"])
        for _, pipe in gazetteer:
            doc = pipe(doc)
        tags = ["O"] * len(doc)
        for start, end, _label in row["spans"]:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            tags[span.start] = "B"
            for k in range(span.start + 1, span.end):
                tags[k] = "I"
        features.append(doc_features(doc))
        labels.append(tags)
    return features, labels


def span_scores(gold: list[list[str]], predicted: list[list[str]]) -> dict:
    """Exact-match precision/recall/F1 of B/I spans."""
    from nlp.components.agency_model import bio_spans

    tp = fp = fn = 0
    for g, p in zip(gold, predicted):
        gs, ps = set(bio_spans(list(g))), set(bio_spans(list(p)))
        tp, fp, fn = tp + len(gs & ps), fp + len(ps - gs), fn + len(gs - ps)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "gold_spans": tp + fn}


def train_agencies(nlp) -> dict:
    import sklearn_crfsuite

    rows = read_jsonl(TRAINING / "agencies_ner.jsonl")
    groups = sorted({r.get("group") or str(i) for i, r in enumerate(rows)})
    random.Random(SEED).shuffle(groups)
    held = set(groups[: max(1, len(groups) // 5)])
    train_rows = [r for r in rows if (r.get("group") or "") not in held]
    test_rows = [r for r in rows if (r.get("group") or "") in held]
    make = lambda: sklearn_crfsuite.CRF(algorithm="lbfgs", c1=0.05, c2=0.05, max_iterations=150,
                                        all_possible_transitions=True)
    x_train, y_train = agency_examples(nlp, train_rows)
    x_test, y_test = agency_examples(nlp, test_rows)
    held_out = span_scores(y_test, make().fit(x_train, y_train).predict(x_test))
    x_all, y_all = agency_examples(nlp, rows)
    _save(make().fit(x_all, y_all), "agency_crf.pkl")
    return {"sentences": len(rows), "held_out_sentences": len(test_rows),
            "held_out_groups": len(held), **{f"held_out_{k}": v for k, v in held_out.items()}}


def check_floors(scores: dict) -> list[str]:
    """Scores that fell below the floors of models/baseline.json."""
    floors = json.loads((MODELS / "baseline.json").read_text(encoding="utf-8"))
    below = []
    for model, fields in floors.items():
        for key, floor in fields.items():
            value = scores.get(model, {}).get(key)
            if value is not None and value < floor:
                below.append(f"{model}.{key} = {value} < floor {floor}")
    return below


def train_all(only: tuple[str, ...] | None = None) -> Iterator[str]:
    """Train the models named in `only` (all by default); yields report lines."""
    from nlp.language import build_nlp

    nlp = build_nlp(use_tagger=False)
    scores_path = MODELS / "scores.json"
    scores = json.loads(scores_path.read_text()) if scores_path.is_file() else {}
    jobs = {"agencies": lambda: train_agencies(nlp), "events": lambda: train_events(nlp),
            "relevance": train_relevance}
    for name, job in jobs.items():
        if only and name not in only:
            continue
        scores[name] = job()
        summary = {k: v for k, v in scores[name].items() if k != "per_type"}
        yield f"{name}: {json.dumps(summary, ensure_ascii=False)}"
    scores_path.write_text(json.dumps(scores, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for line in check_floors(scores):
        yield f"BELOW FLOOR: {line}"
