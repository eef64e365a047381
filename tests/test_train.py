"""`pipeline.py train` (models/train.py): the floors gate, the stamps, the scores apart
per source. Training runs on small copies of the data in tmp folders (never the real
models/ or data/training/), in the light tokenizer mode to stay quick."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from models.train import floor_failures, labelled_rows, source_of
from nlp.stamp import inputs_digest, load_stamped, stale_models

TRAINING = ROOT / "data" / "training"
MODELS = ROOT / "models"


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _spoiled_events(folder: Path, per_file: int = 100) -> None:
    """A subset of the event rows with the labels shuffled among them."""
    rng = random.Random(5)
    for name in ("events_handwritten.jsonl", "events_templated.jsonl"):
        rows = rng.sample(_jsonl(TRAINING / name), per_file)
        labels = [r["label"] for r in rows]
        rng.shuffle(labels)
        _write(folder / name, [{**r, "label": label} for r, label in zip(rows, labels)])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_spoiled_training_data_is_refused_and_nothing_is_written(tmp_path):
    data, models = tmp_path / "data", tmp_path / "models"
    data.mkdir(), models.mkdir()
    _spoiled_events(data)
    for name in ("baseline.json", "scores.json", "events.pkl", "events_light.pkl"):
        (models / name).write_bytes((MODELS / name).read_bytes())
    before = _snapshot(models)
    result = run_cli("train", "--only", "events", "--tokenizer", "light",
                     "--data-dir", str(data), "--models-dir", str(models))
    assert result.exit_code == 1
    assert "events_light.macro_f1 = " in result.output and "is below its floor 0.9" in result.output
    assert "events_light.by_source.handwritten.macro_f1" in result.output
    assert _snapshot(models) == before  # no model, no scores, no temporary file left


def test_a_missing_score_is_an_error_not_a_pass():
    floors = {"events": {"macro_f1": 0.9, "by_source": {"real": {"macro_f1": 0.5}}},
              "relevance": {"accuracy": 0.9}}
    scores = {"events": {"macro_f1": 0.95, "by_source": {"handwritten": {"macro_f1": 0.9}}}}
    assert floor_failures(scores, floors) == [
        "events.by_source.real.macro_f1: no score (floor 0.5)",
        "relevance.accuracy: no score (floor 0.9)"]
    assert floor_failures({"relevance": {"accuracy": 0.89}}, {"relevance": {"accuracy": 0.9}}) == [
        "relevance.accuracy = 0.89 is below its floor 0.9"]
    assert floor_failures({"relevance": {"accuracy": 0.9}}, {"relevance": {"accuracy": 0.9}}) == []


def _train_small_relevance(tmp_path: Path) -> tuple[Path, Path]:
    """(data, models) folders in `tmp_path` after `train --only relevance` on 90 + 90 rows
    of the committed relevance data, with a floor it meets."""
    data, models = tmp_path / "data", tmp_path / "models"
    data.mkdir(), models.mkdir()
    rng = random.Random(3)
    for name in ("relevance_handwritten.jsonl", "relevance_templated.jsonl"):
        _write(data / name, rng.sample(_jsonl(TRAINING / name), 90))
    (models / "baseline.json").write_text('{"relevance": {"accuracy": 0.6}}', encoding="utf-8")
    result = run_cli("train", "--only", "relevance", "--data-dir", str(data), "--models-dir", str(models))
    assert result.exit_code == 0, result.output
    return data, models


def test_training_above_the_floors_writes_stamped_models_and_scores_per_source(tmp_path):
    _, models = _train_small_relevance(tmp_path)
    scores = json.loads((models / "scores.json").read_text(encoding="utf-8"))["relevance"]
    assert scores["documents"] == 180 and scores["tokenizer"] == "text"
    assert {k: v["rows"] for k, v in scores["by_source"].items()} == {"handwritten": 90, "templated": 90}
    model = load_stamped(models / "relevance.pkl", "camel")  # text-only: fits any tokenizer
    assert model.predict(["ضبط شبكة للاتجار بالبشر"]).shape == (1,)
    assert sorted(p.name for p in models.iterdir()) == ["baseline.json", "relevance.pkl", "scores.json"]


def test_every_handwritten_events_file_is_read_with_its_source(tmp_path):
    row = {"text": "نص", "label": "none", "planned": False, "style": "kuna", "group": "h01"}
    _write(tmp_path / "events_handwritten.jsonl", [row])
    _write(tmp_path / "events_handwritten_real.jsonl", [{**row, "group": "r01"}, {**row, "group": ""}])
    _write(tmp_path / "events_templated.jsonl", [{**row, "group": "t001"}])
    rows = labelled_rows(tmp_path, "events")
    assert [(r["source"], r["group"]) for r in rows] == [
        ("handwritten", "events_handwritten/h01"), ("real", "events_handwritten_real/r01"),
        ("real", "events_handwritten_real/events_handwritten_real:2"),
        ("templated", "events_templated/t001")]
    assert source_of(Path("relevance_templated.jsonl")) == "templated"


def test_agency_rows_are_scored_apart_by_where_they_come_from(tmp_path):
    """An agency row's group says its source: hNNN hand-written, rNNNN written in the shape
    of a real article, any other a template; the held-out scores are given per source."""
    data, models = tmp_path / "data", tmp_path / "models"
    data.mkdir(), models.mkdir()
    rows = _jsonl(TRAINING / "agencies_ner.jsonl")
    rng = random.Random(4)
    picked = [r for prefix in "hrt" for r in rng.sample([r for r in rows if r["group"][:1] == prefix], 60)]
    _write(data / "agencies_ner.jsonl", picked)
    (models / "baseline.json").write_text('{"agencies_light": {"held_out_f1": 0.3}}', encoding="utf-8")
    result = run_cli("train", "--only", "agencies", "--tokenizer", "light",
                     "--data-dir", str(data), "--models-dir", str(models))
    assert result.exit_code == 0, result.output
    scores = json.loads((models / "scores.json").read_text(encoding="utf-8"))["agencies_light"]
    assert scores["sentences"] == 180
    assert set(scores["held_out_by_source"]) == {"handwritten", "real", "templated"}


def test_the_committed_scores_report_each_source_and_meet_the_floors():
    scores = json.loads((MODELS / "scores.json").read_text(encoding="utf-8"))
    floors = json.loads((MODELS / "baseline.json").read_text(encoding="utf-8"))
    assert floor_failures(scores, floors) == []
    assert {"handwritten", "templated"} <= set(scores["events"]["by_source"])
    assert scores["events"]["tokenizer"] == "camel" and scores["events_light"]["tokenizer"] == "light"
    assert {"handwritten", "real", "templated"} <= set(scores["agencies"]["held_out_by_source"])


@pytest.mark.parametrize("stem", ["events", "relevance"])
def test_a_missing_training_file_is_a_clear_error(tmp_path, stem):
    from core.errors import DataFileError
    with pytest.raises(DataFileError, match=f"{stem}_templated.jsonl: training file is missing"):
        labelled_rows(tmp_path, stem)


def test_the_committed_models_were_trained_on_the_committed_data():
    """A gazetteer or training file changed without `make train` leaves a model that no
    `train` run reproduces (the light agency CRF drifted that way for two rounds)."""
    assert stale_models() == []
    result = run_cli("train", "--check")
    assert result.exit_code == 0 and "every model was trained on the data files" in result.output


def test_only_the_files_models_are_served_from_are_checked(tmp_path):
    """`stale_models` reads the files `model_file` names, not whatever matches the model's
    name: a copy kept beside the models ("relevance_backup.pkl") is not a model."""
    data, models = _train_small_relevance(tmp_path)
    (models / "relevance_backup.pkl").write_bytes(b"not a pickle")
    assert stale_models(models, data) == []


def test_a_changed_training_file_makes_its_model_stale(tmp_path):
    data, models = _train_small_relevance(tmp_path)
    assert stale_models(models, data) == []
    before = inputs_digest("relevance", data)
    rows = _jsonl(data / "relevance_handwritten.jsonl")
    _write(data / "relevance_handwritten.jsonl", rows[:-1])
    assert inputs_digest("relevance", data) != before
    result = run_cli("train", "--check", "--data-dir", str(data), "--models-dir", str(models))
    assert result.exit_code == 1
    assert f"stale: relevance.pkl: trained on inputs {before}, the data files give " in result.output
    changed = inputs_digest("relevance", data)
    (data / "relevance_handwritten_extra.jsonl").write_text("", encoding="utf-8")
    assert inputs_digest("relevance", data) != changed  # a new, even empty, file counts too
