"""What each trained model was built with, checked whenever a model is loaded.

`models/train.py` pickles every model inside an envelope `{"stamp": ..., "model": ...}`.
The stamp records the tokenizer mode the model saw ("camel" when CAMeL tagging split the
clitics, "light" for the rule-based splitter, "text" for a model that reads normalised text
only and never sees tokens), the versions of the libraries that build its features or
unpickle it, and `FEATURE_VERSION`, the version of the project's own feature code.
`load_stamped` refuses a model whose stamp differs from what runs now
(`ModelMismatchError`, which names the fix: `python pipeline.py train`).

The stamp also holds a digest of the data the model was trained on and of the word lists
that shape its features (`INPUTS`). Loading does not check it (a user may extend a
gazetteer before retraining); `stale_models` does, for `pipeline.py train --check` and the
test that keeps the committed models in step with the committed data.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from core.errors import ModelMismatchError, ModelMissingError
from core.paths import GAZETTEERS, MODELS, PATTERNS, TRAINING

# Bump when clause_norm (nlp/events.py), doc_features (nlp/components/agency_model.py),
# normalise_text or the tokenizer's clitic splitting change what a model is fed.
FEATURE_VERSION = 3
LIBRARIES = ("spacy", "scikit-learn", "sklearn-crfsuite", "camel-tools")
TEXT_ONLY = "text"
# model name -> (its training files in the training folder, the data files that shape its
# features: the gazetteers give the tokenizer's lexicon and the CRF's gazetteer features,
# the topic terms the relevance model's indicators)
INPUTS = {
    # the CRF's "gaz" feature reads the frozen listing; the live gazetteers still give the
    # tokenizer's lexicon and the agency ruler's word lists
    "agency_crf": ("agencies_ner.jsonl", (TRAINING / "frozen" / "agencies.jsonl",
                                          GAZETTEERS / "*.jsonl", GAZETTEERS / "*.txt")),
    # the events model reads clause norms only: tokens, whose lexicon (nlp/language.py
    # gazetteer_lexicon) is made of these three files
    "events": ("events_*.jsonl", (GAZETTEERS / "agencies.jsonl", GAZETTEERS / "places.jsonl",
                                  GAZETTEERS / "first_names.txt")),
    "relevance": ("relevance_*.jsonl", (PATTERNS / "relevance_terms.json",)),
}


def model_file(name: str, mode: str, models_dir: Path = MODELS) -> Path:
    """Where model `name` trained in tokenizer `mode` lives: `events.pkl` for the serving
    default (camel) and the text-only models, `events_light.pkl` for the light tokenizer."""
    return models_dir / (f"{name}.pkl" if mode in ("camel", TEXT_ONLY) else f"{name}_{mode}.pkl")


@lru_cache(maxsize=1)
def library_versions() -> dict[str, str]:
    """Installed versions of the libraries in LIBRARIES ("missing" when not installed)."""
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "missing"
    return versions


def tokenizer_mode(nlp) -> str:
    """"camel" when the pipeline's tokenizer splits clitics with CAMeL's tagger, else "light"."""
    return "light" if getattr(nlp.tokenizer, "tagger", None) is None else "camel"


def inputs_digest(name: str, training_dir: Path = TRAINING) -> str:
    """A digest of the files model `name` is built from (`INPUTS`): their names and bytes."""
    training, shaping = INPUTS[name]
    paths = sorted(training_dir.glob(training)) + sorted(
        path for pattern in shaping for path in pattern.parent.glob(pattern.name))
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def make_stamp(mode: str, inputs: str | None = None) -> dict:
    return {"tokenizer": mode, "feature_version": FEATURE_VERSION, "libraries": library_versions(),
            "inputs": inputs}


def stamped(model, mode: str, inputs: str | None = None) -> dict:
    """The envelope that `models/train.py` pickles; `inputs` is the digest of its data."""
    return {"stamp": make_stamp(mode, inputs), "model": model}


def stale_models(models_dir: Path = MODELS, training_dir: Path = TRAINING) -> list[str]:
    """One line for each model file in `models_dir` whose stamp records other inputs than
    the data files hold now: it was trained on other data (rebuild: `pipeline.py train`)."""
    found = []
    for name in INPUTS:
        now = inputs_digest(name, training_dir)
        for path in sorted({model_file(name, mode, models_dir) for mode in ("camel", "light")}):
            if not path.is_file():  # a text-only model has no light file
                continue
            with open(path, "rb") as handle:
                stamp = pickle.load(handle).get("stamp", {})
            if stamp.get("inputs") != now:
                found.append(f"{path.name}: trained on inputs {stamp.get('inputs')}, "
                             f"the data files give {now}")
    return found


def mismatches(stamp: dict, mode: str) -> list[str]:
    """How `stamp` differs from what runs now with tokenizer `mode` (empty when it fits)."""
    found = []
    if stamp.get("tokenizer") not in (mode, TEXT_ONLY):
        found.append(f"trained with tokenizer {stamp.get('tokenizer')!r}, running {mode!r}")
    if stamp.get("feature_version") != FEATURE_VERSION:
        found.append(f"feature version {stamp.get('feature_version')} != {FEATURE_VERSION}")
    now = library_versions()
    for name, built in sorted((stamp.get("libraries") or {}).items()):
        if now.get(name) != built:
            found.append(f"{name} {built} at training, {now.get(name)} now")
    for name in sorted(set(now) - set(stamp.get("libraries") or {})):
        found.append(f"{name} version not recorded")
    return found


def load_stamped(path: Path, mode: str):
    """The model pickled at `path`, after its stamp is checked against `mode` and the
    installed libraries. Missing file: ModelMissingError; another build: ModelMismatchError."""
    try:
        with open(path, "rb") as handle:
            envelope = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as error:
        raise ModelMissingError(path) from error
    if not isinstance(envelope, dict) or "stamp" not in envelope or "model" not in envelope:
        raise ModelMismatchError(path, ["no stamp (written by an older train.py)"])
    problems = mismatches(envelope["stamp"], mode)
    if problems:
        raise ModelMismatchError(path, problems)
    return envelope["model"]
