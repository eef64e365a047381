"""Rebuild every trained model from `data/training/`, reproducibly (`pipeline.py train`).

1. agencies  — CRF over tokens (sklearn-crfsuite) for agency names no gazetteer lists;
               scored on held-out groups of sentences (templates / hand-written batches).
2. events    — clause -> event type or "none" (TF-IDF + logistic regression);
               5-fold cross-validation grouped by template / batch, per-type scores.
3. relevance — article -> about trafficking / smuggling or not (TF-IDF and topic indicators,
               `nlp/relevance_terms.py`); 5-fold accuracy grouped
               by subtheme (composed documents) / document (hand-written ones).

The token models (agencies, events) are trained in each tokenizer mode that serves:
"camel" (CAMeL tagging splits the clitics, the default wherever CAMELTOOLS_DATA is set)
and "light" (the rule-based splitter, `--no-tagger` or no CAMeL data); relevance reads
normalised text only. Each model is pickled with its stamp (`nlp/stamp.py`).
Every score is reported on all rows and apart for hand-written, real-text and templated
rows. Nothing is written unless every score is at or above its floor in
`models/baseline.json` (a missing score is an error): then the models and `scores.json`
are written to temporary files and renamed into place.
"""

from __future__ import annotations

import json
import os
import pickle
import random
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion, Pipeline

from core.errors import DataFileError, TrainingBelowFloor
from core.paths import MODELS, TRAINING
from models.training_data import EVENT_LABELS, read_jsonl
from nlp.morphology import camel_data_dir
from nlp.stamp import TEXT_ONLY, inputs_digest, model_file, stamped, tokenizer_mode

SEED = 13
SOURCES = ("handwritten", "real", "templated")


def source_of(path: Path) -> str:
    """"templated", "real" (events_handwritten_real*.jsonl) or "handwritten"."""
    if "templated" in path.name:
        return "templated"
    return "real" if "_real" in path.name else "handwritten"


def labelled_rows(data_dir: Path, stem: str) -> list[dict]:
    """Rows of every `<stem>_handwritten*.jsonl` and `<stem>_templated.jsonl`, each with
    its `source` and a `group` (a row without one is its own group)."""
    paths = sorted(data_dir.glob(f"{stem}_handwritten*.jsonl")) + [data_dir / f"{stem}_templated.jsonl"]
    rows = []
    for path in paths:
        if not path.is_file():
            raise DataFileError(path, None, "training file is missing")
        for number, row in enumerate(read_jsonl(path), 1):
            group = row.get("group") or f"{path.stem}:{number}"
            rows.append({**row, "source": source_of(path), "group": f"{path.stem}/{group}"})
    return rows


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


def _pickled(model, mode: str, inputs: str) -> bytes:
    return pickle.dumps(stamped(_strip(model), mode, inputs), protocol=pickle.HIGHEST_PROTOCOL)


def grouped_predictions(model: Callable[[], Pipeline], texts, labels, groups) -> np.ndarray:
    cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    return cross_val_predict(model(), texts, labels, cv=cv, groups=groups)


def macro_f1(labels, predicted, classes) -> float:
    _, _, f1, _ = precision_recall_fscore_support(labels, predicted, labels=classes, zero_division=0)
    return round(float(np.mean(f1)), 3)


def by_source(rows: list[dict], score: Callable[[np.ndarray], dict]) -> dict:
    """`score(mask)` for each source present among `rows`."""
    sources = np.array([r["source"] for r in rows])
    return {s: {"rows": int((sources == s).sum()), **score(sources == s)}
            for s in SOURCES if (sources == s).any()}


def event_texts(nlp, rows: list[dict]) -> list[str]:
    """What the events classifier reads of each row: its clause norm under `nlp`'s tokens."""
    from nlp.events import clause_norm

    return [clause_norm(nlp.make_doc(r["text"])[:]) for r in rows]


def train_events(nlp, data_dir: Path) -> tuple[dict, object]:
    rows = labelled_rows(data_dir, "events")
    unknown = sorted({r["label"] for r in rows} - set(EVENT_LABELS))
    if unknown:
        raise DataFileError(data_dir, None, f"unknown event labels {unknown}")
    texts = event_texts(nlp, rows)
    labels = np.array([r["label"] for r in rows])
    predicted = grouped_predictions(text_pipeline, texts, labels, [r["group"] for r in rows])
    classes = sorted(set(labels))
    p, r, f, n = precision_recall_fscore_support(labels, predicted, labels=classes, zero_division=0)
    per_type = {c: {"precision": round(float(pi), 3), "recall": round(float(ri), 3),
                    "f1": round(float(fi), 3), "n": int(ni)} for c, pi, ri, fi, ni in zip(classes, p, r, f, n)}
    types = [c for c in classes if c != "none"]
    sources = by_source(rows, lambda m: {"macro_f1": macro_f1(labels[m], predicted[m], types),
                                         "accuracy": round(float(accuracy_score(labels[m], predicted[m])), 3)})
    scores = {"sentences": len(rows), "macro_f1": macro_f1(labels, predicted, types),
              "by_source": sources, "per_type": per_type}
    return scores, text_pipeline().fit(texts, labels)


def events_model(nlp, rows: list[dict]) -> Pipeline:
    """The events classifier fitted on `rows` (as `train_events` fits it, without its
    cross-validation): `data/realtext/events_check.py --leave-set-out` trains one per set
    without the rows written in that set's shapes."""
    return text_pipeline().fit(event_texts(nlp, rows), np.array([r["label"] for r in rows]))


def relevance_model():
    """A fresh, unfitted relevance classifier (the cross-validation folds each take one):
    the text pipeline with the topic indicators of `nlp/relevance_terms.py` beside the
    TF-IDF features (the terms file is read here, so the model keeps what it saw)."""
    from nlp.relevance_terms import TopicTerms, load_terms

    model = text_pipeline(c=8.0)
    model.named_steps["features"].transformer_list.append(("terms", TopicTerms(load_terms())))
    return model


def train_relevance(data_dir: Path) -> tuple[dict, object]:
    from nlp.normalise import normalise_text

    rows = labelled_rows(data_dir, "relevance")
    texts = [normalise_text(f"{r.get('title') or ''}\n{r['text']}") for r in rows]
    labels = np.array([bool(r["relevant"]) for r in rows])
    predicted = grouped_predictions(relevance_model, texts, labels, [r["group"] for r in rows])
    p, r, f, _ = precision_recall_fscore_support(labels, predicted, average="binary", pos_label=True,
                                                 zero_division=0)
    sources = by_source(rows, lambda m: {"accuracy": round(float(accuracy_score(labels[m], predicted[m])), 3)})
    scores = {"documents": len(rows), "accuracy": round(float(accuracy_score(labels, predicted)), 3),
              "precision": round(float(p), 3), "recall": round(float(r), 3), "f1": round(float(f), 3),
              "by_source": sources}
    return scores, relevance_model().fit(texts, labels)


def agency_examples(nlp, rows: list[dict]) -> tuple[list, list, int]:
    """CRF features and B/I/O labels of annotated sentences, and how many spans had to be
    widened to whole tokens. Under CAMeL tokens (the serving default, against which the
    data is checked) a span that does not start and end on token boundaries is an error;
    the light splitter leaves some clitics on unknown words ("ومخفر"), so there such a
    span is widened to the tokens it touches and counted."""
    from nlp.components.agency_model import doc_features, listing_ruler, listing_tags

    listing = listing_ruler(nlp)
    strict = tokenizer_mode(nlp) == "camel"
    gazetteer = [nlp.get_pipe(name) for name in ("sentence_splitter", "place_ruler", "agency_ruler")]
    features, labels, widened = [], [], 0
    for row in rows:
        doc = nlp.make_doc(row["text"])
        for pipe in gazetteer:
            doc = pipe(doc)
        tags = ["O"] * len(doc)
        for start, end, _label in row["spans"]:
            span = doc.char_span(start, end)
            if span is None and strict:
                raise DataFileError(row["file"], None, f"span {row['text'][start:end]!r} ({start}-{end}) of "
                                    f"{row['text']!r} does not align to the pipeline's tokens")
            if span is None:
                span, widened = doc.char_span(start, end, alignment_mode="expand"), widened + 1
            tags[span.start:span.end] = ["B"] + ["I"] * (len(span) - 1)
        features.append(doc_features(doc, listing_tags(listing, doc)))
        labels.append(tags)
    return features, labels, widened


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


def crf():
    import sklearn_crfsuite

    return sklearn_crfsuite.CRF(algorithm="lbfgs", c1=0.05, c2=0.05, max_iterations=150,
                                all_possible_transitions=True)


# an agency row's group says where it comes from: hNNN a hand-written paragraph, rNNNN one
# written in the shape of a real article (src/agencies_handwritten_real.txt), else a template
AGENCY_SOURCES = {"h": "handwritten", "r": "real"}


def train_agencies(nlp, data_dir: Path) -> tuple[dict, object]:
    path = data_dir / "agencies_ner.jsonl"
    rows = [{**r, "file": str(path), "source": AGENCY_SOURCES.get(str(r.get("group", ""))[:1], "templated")}
            for r in read_jsonl(path)]
    groups = sorted({r.get("group") or str(i) for i, r in enumerate(rows)})
    random.Random(SEED).shuffle(groups)
    held = set(groups[: max(1, len(groups) // 5)])
    test_rows = [r for r in rows if (r.get("group") or "") in held]
    x_train, y_train, _ = agency_examples(nlp, [r for r in rows if (r.get("group") or "") not in held])
    x_test, y_test, _ = agency_examples(nlp, test_rows)
    predicted = crf().fit(x_train, y_train).predict(x_test)
    held_out = span_scores(y_test, predicted)
    sources = np.array([r["source"] for r in test_rows])
    apart = {s: {"rows": int((sources == s).sum()),
                 **span_scores([y for y, k in zip(y_test, sources) if k == s],
                               [p for p, k in zip(predicted, sources) if k == s])}
             for s in SOURCES if (sources == s).any()}
    x_all, y_all, widened = agency_examples(nlp, rows)
    scores = {"sentences": len(rows), "spans_widened_to_tokens": widened,
              "held_out_sentences": len(test_rows), "held_out_groups": len(held),
              **{f"held_out_{k}": v for k, v in held_out.items()}, "held_out_by_source": apart}
    return scores, crf().fit(x_all, y_all)


def floor_failures(scores: dict, floors: dict, path: str = "") -> list[str]:
    """Every floor of `floors` (nested like `scores`) that `scores` misses or falls below."""
    failures = []
    for key, floor in floors.items():
        where = f"{path}{key}"
        value = scores.get(key) if isinstance(scores, dict) else None
        if isinstance(floor, dict):
            failures += floor_failures(value if isinstance(value, dict) else {}, floor, where + ".")
        elif not isinstance(value, (int, float)):
            failures.append(f"{where}: no score (floor {floor})")
        elif value < floor:
            failures.append(f"{where} = {value} is below its floor {floor}")
    return failures


def serving_modes(tokenizer: str | None) -> list[str]:
    """The tokenizer modes to train the token models in: both where CAMeL data is there."""
    if tokenizer:
        return [tokenizer]
    return ["camel", "light"] if camel_data_dir() else ["light"]


def training_nlp(mode: str):
    """The pipeline as it serves in `mode`, without the trained components it would load."""
    from nlp.language import PIPES, build_nlp

    nlp = build_nlp(use_tagger=mode == "camel",
                    pipes=tuple(p for p in PIPES if p not in ("agency_tagger", "event_detector")))
    if tokenizer_mode(nlp) != mode:
        raise DataFileError("CAMELTOOLS_DATA", None, f"cannot tokenize in mode {mode!r}: "
                            "CAMeL's data is not found")
    return nlp


def score_key(name: str, mode: str) -> str:
    return name if mode in ("camel", TEXT_ONLY) else f"{name}_{mode}"


def train_all(only: tuple[str, ...] | None = None, data_dir: Path = TRAINING,
              models_dir: Path = MODELS, tokenizer: str | None = None) -> Iterator[str]:
    """Train the models named in `only` (all by default), yield report lines, then write
    models and scores only if every floor holds (else TrainingBelowFloor)."""
    scores_path = models_dir / "scores.json"
    scores = json.loads(scores_path.read_text(encoding="utf-8")) if scores_path.is_file() else {}
    files: dict[Path, bytes] = {}
    if "camel" not in serving_modes(tokenizer) and tokenizer is None:
        yield "CAMeL data not found (CAMELTOOLS_DATA): the camel-mode models are left as they are"
    for name, mode, job in _jobs(only, data_dir, tokenizer):
        result, model = job()
        key = score_key(name, mode)
        scores[key] = {"tokenizer": mode, **result}
        files[model_file(FILES[name], mode, models_dir)] = _pickled(
            model, mode, inputs_digest(FILES[name], data_dir))
        summary = {k: v for k, v in result.items() if k not in ("per_type",)}
        yield f"{key}: {json.dumps(summary, ensure_ascii=False)}"
    floors = json.loads((models_dir / "baseline.json").read_text(encoding="utf-8"))
    failures = floor_failures(scores, floors)
    if failures:
        raise TrainingBelowFloor(failures)
    files[scores_path] = (json.dumps(scores, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    _write_all(files)
    yield f"all scores at or above the floors of {models_dir / 'baseline.json'}; wrote {len(files)} files"


FILES = {"agencies": "agency_crf", "events": "events", "relevance": "relevance"}


def _jobs(only, data_dir: Path, tokenizer: str | None):
    """(name, mode, job) of each model to train; a pipeline is built once per mode."""
    wanted = [n for n in FILES if not only or n in only]
    for mode in serving_modes(tokenizer) if {"agencies", "events"} & set(wanted) else []:
        nlp = training_nlp(mode)
        for name, train in (("agencies", train_agencies), ("events", train_events)):
            if name in wanted:
                yield name, mode, lambda train=train, nlp=nlp: train(nlp, data_dir)
    if "relevance" in wanted:
        yield "relevance", TEXT_ONLY, lambda: train_relevance(data_dir)


def _write_all(files: dict[Path, bytes]) -> None:
    """Each file to a temporary file beside it, then all renamed into place."""
    staged = []
    try:
        for path, content in files.items():
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            with os.fdopen(handle, "wb") as out:
                out.write(content)
            os.chmod(temporary, 0o644)
            staged.append((temporary, path))
    except OSError:
        for temporary, _ in staged:
            os.unlink(temporary)
        raise
    for temporary, path in staged:
        os.replace(temporary, path)
