"""nlp/stamp.py: every model carries what it was built with, and a model built for
another tokenizer mode, feature version or library version is refused on load."""

from __future__ import annotations

import pickle

import pytest
from conftest import ROOT

from core.errors import ModelMismatchError
from nlp.classifiers import load_event_classifier, load_relevance_classifier
from nlp.components.agency_model import load_model
from nlp.stamp import (
    FEATURE_VERSION,
    inputs_digest,
    library_versions,
    load_stamped,
    make_stamp,
    stamped,
)

MODELS = ROOT / "models"


def _pickle(tmp_path, envelope, name="model.pkl"):
    path = tmp_path / name
    path.write_bytes(pickle.dumps(envelope))
    return path


def test_a_fitting_stamp_loads_the_model(tmp_path):
    assert load_stamped(_pickle(tmp_path, stamped({"weights": 1}, "camel")), "camel") == {"weights": 1}


def test_another_tokenizer_mode_is_refused_with_the_fix(tmp_path):
    path = _pickle(tmp_path, stamped({"weights": 1}, "camel"))
    with pytest.raises(ModelMismatchError) as error:
        load_stamped(path, "light")
    message = str(error.value)
    assert "trained with tokenizer 'camel', running 'light'" in message
    assert "python pipeline.py train" in message and str(path) in message


def test_other_library_and_feature_versions_are_refused(tmp_path):
    stamp = make_stamp("camel")
    stamp["libraries"] = {**stamp["libraries"], "scikit-learn": "0.1"}
    stamp["feature_version"] = FEATURE_VERSION - 1
    with pytest.raises(ModelMismatchError) as error:
        load_stamped(_pickle(tmp_path, {"stamp": stamp, "model": 1}), "camel")
    assert error.value.problems == [
        f"feature version {FEATURE_VERSION - 1} != {FEATURE_VERSION}",
        f"scikit-learn 0.1 at training, {library_versions()['scikit-learn']} now"]


def test_an_unstamped_pickle_is_refused(tmp_path):
    with pytest.raises(ModelMismatchError, match="no stamp"):
        load_stamped(_pickle(tmp_path, {"weights": 1}), "camel")


def test_text_only_models_fit_every_tokenizer(tmp_path):
    path = _pickle(tmp_path, stamped(7, "text"))
    assert load_stamped(path, "camel") == load_stamped(path, "light") == 7


def test_the_loaders_refuse_a_model_of_the_other_mode():
    with pytest.raises(ModelMismatchError, match="tokenizer 'camel', running 'light'"):
        load_event_classifier("light", MODELS / "events.pkl")
    with pytest.raises(ModelMismatchError, match="tokenizer 'light', running 'camel'"):
        load_model("camel", MODELS / "agency_crf_light.pkl")


def test_the_committed_models_fit_this_installation():
    assert load_event_classifier("camel") is not None and load_event_classifier("light") is not None
    assert load_relevance_classifier() is not None
    assert load_model("camel") is not None and load_model("light") is not None
    for name, mode, inputs in [("events.pkl", "camel", "events"), ("events_light.pkl", "light", "events"),
                               ("agency_crf.pkl", "camel", "agency_crf"),
                               ("agency_crf_light.pkl", "light", "agency_crf"),
                               ("relevance.pkl", "text", "relevance")]:
        with open(MODELS / name, "rb") as handle:
            assert pickle.load(handle)["stamp"] == make_stamp(mode, inputs_digest(inputs)), name
