"""Each trained model earns its place: the team's test articles scored with the model and
with the rules alone (`build_nlp(without=...)`), on the field the model serves.

  agency CRF (models/agency_crf.pkl)        -> agencies F1
  event classifier (models/events.pkl)      -> events F1
  relevance classifier (models/relevance.pkl) -> events F1 of the timeline, on the test
      articles plus the near-miss articles of tests/nearmiss/ (without the gate, their
      events would reach the timeline)

Also: an agency only the CRF finds, and a missing model file is said, loudly and with
its name, never passed over in silence. Figures: README, "What each model adds".
"""

import datetime as dt
import logging
from pathlib import Path

import pytest

import nlp.extract as extract_module
from core.errors import ModelMissingError
from nlp.classifiers import load_event_classifier, load_relevance_classifier
from nlp.components import agency_model
from nlp.evaluate import Tally, evaluate, extract_set, read_gold, score_set
from nlp.extract import analyse, verdict
from nlp.language import build_nlp

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "articles"
NEARMISS = ROOT / "tests" / "nearmiss"


@pytest.fixture(scope="module")
def with_models(nlp):
    return evaluate(nlp, ARTICLES / "gold.jsonl", ARTICLES)


@pytest.mark.parametrize("model,field", [("agency_crf", "agencies"), ("events", "events")])
def test_each_pipeline_model_adds_to_its_field(with_models, model, field):
    rules_alone = evaluate(build_nlp(without=(model,)), ARTICLES / "gold.jsonl", ARTICLES)
    assert with_models[field].f1 > rules_alone[field].f1, (with_models[field], rules_alone[field])
    if field == "agencies":
        assert with_models[field].tp > rules_alone[field].tp  # it finds what the rules miss
    else:  # on the test articles the trigger cues now find every event the classifier
        # does (a worker moved to a shelter has a cue of its own): it keeps false ones off
        assert with_models[field].tp >= rules_alone[field].tp
        assert with_models[field].fp < rules_alone[field].fp


def test_the_event_classifier_finds_an_event_no_cue_names(nlp):
    """Care given to victims in words no trigger cue lists: only the classifier sees it."""
    text = "أمنت الدار السكن والعلاج والمشورة القانونية لعشرين عاملة من ضحايا الاستغلال في عام 2024."
    found = lambda pipeline: [(e["type"], e["date"]) for e in
                              analyse(pipeline, text, dt.date(2025, 3, 12))._.events]
    assert found(nlp) == [("victim_support", "2024")]
    assert found(build_nlp(without=("events",))) == []


def test_the_relevance_classifier_keeps_near_misses_off_the_timeline(nlp, monkeypatch):
    classifier = load_relevance_classifier()
    assert classifier is not None
    # extract with the door open (every article relevant), then gate here: one extraction
    # scored both ways
    monkeypatch.setattr(extract_module, "relevances", lambda items: [(True, 1.0)] * len(items))
    gated, open_door = Tally(), Tally()
    for folder in (ARTICLES, NEARMISS):
        gold = read_gold(folder / "gold.jsonl")
        found = extract_set(nlp, gold, folder)
        read = {d["id"]: (folder / d["file"]).read_text("utf-8") for d in gold}
        turned_away = {i for i, text in read.items()
                       if not verdict(classifier.score(None, text), text)}
        kept = {i: {**p, "events": []} if i in turned_away else p for i, p in found.items()}
        for total, predictions in ((gated, kept), (open_door, found)):
            tally = score_set(gold, predictions)["events"]
            total.tp, total.fp, total.fn = (total.tp + tally.tp, total.fp + tally.fp,
                                            total.fn + tally.fn)
    assert gated.f1 > open_door.f1, (gated, open_door)
    assert gated.fp < open_door.fp and gated.tp == open_door.tp  # no real event lost


TEXT = "أعلنت هيئة حماية العمالة الوافدة في الكويت اليوم إطلاق خط ساخن لتلقي بلاغات العمال."
NEW_BODY = "هيئة حماية العمالة الوافدة"


def _agencies(nlp) -> list[tuple[str, str]]:
    doc = analyse(nlp, TEXT, dt.date(2025, 1, 1))
    return [(s.text, s._.source) for s in doc.spans["mentions"] if s.label_ == "AGENCY"]


def test_an_agency_only_the_crf_finds(nlp):
    assert (NEW_BODY, "model") in _agencies(nlp)
    assert not any(text == NEW_BODY for text, _ in _agencies(build_nlp(without=("agency_crf",))))


def test_a_missing_agency_model_is_said_with_its_name(tmp_path, caplog, monkeypatch):
    missing = tmp_path / "agency_crf.pkl"
    with pytest.raises(ModelMissingError, match="agency_crf.pkl.*pipeline.py train"):
        agency_model.load_model(path=missing)

    def load_missing(mode, path=None):
        raise ModelMissingError(missing)
    monkeypatch.setattr(agency_model, "load_model", load_missing)
    with caplog.at_level(logging.WARNING):  # the model is read in initialize()
        tagger = agency_model.AgencyTagger(build_nlp(without=("agency_crf",)))
        tagger.initialize()
    assert tagger.model is None
    assert any(r.levelno == logging.WARNING and str(missing) in r.getMessage()
               and "agency_tagger is off" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("loader,name", [(load_event_classifier, "events.pkl"),
                                         (load_relevance_classifier, "relevance.pkl")])
def test_a_missing_classifier_is_said_with_its_name(tmp_path, caplog, loader, name):
    missing = tmp_path / name
    with caplog.at_level(logging.WARNING):
        assert loader(path=missing) is None
    assert any(r.levelno == logging.WARNING and str(missing) in r.getMessage()
               for r in caplog.records)


def test_build_nlp_refuses_an_unknown_model():
    with pytest.raises(ValueError, match="no such model"):
        build_nlp(without=("crf",))
