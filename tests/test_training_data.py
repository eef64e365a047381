"""models/training_data.py: the templated training rows come from the data files of
data/training/templates/ and the gazetteer, reproducibly; the annotated agency spans sit
on the pipeline's own token boundaries."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from core.errors import DataFileError
from models.training_data import (
    GAZETTEER,
    TEMPLATES,
    Slots,
    count,
    generate,
    read_json,
    read_jsonl,
    render,
)

TRAINING = ROOT / "data" / "training"


def test_regenerating_reproduces_the_committed_files_byte_for_byte(tmp_path):
    written = generate(tmp_path)
    assert sorted(written) == ["events", "relevance"]
    for path in written.values():
        assert path.read_bytes() == (TRAINING / path.name).read_bytes(), path.name


def test_regenerating_the_agency_sentences_reproduces_the_committed_file(tmp_path):
    """make_agencies_ner.py (its own slot language, data in templates/agencies_*)."""
    out = tmp_path / "agencies_ner.jsonl"
    subprocess.run([sys.executable, "-B", str(TRAINING / "src" / "make_agencies_ner.py"), str(out)],
                   check=True, capture_output=True, cwd=ROOT)
    assert out.read_bytes() == (TRAINING / "agencies_ner.jsonl").read_bytes()


def test_every_agency_slot_with_an_id_names_that_gazetteer_body():
    slots = read_json(TEMPLATES / "slots.json")
    gazetteer = read_jsonl(GAZETTEER)
    Slots(slots, gazetteer)  # the committed lists pass
    slots["countries"]["KW"]["agencies"]["moi"][0]["name"] = "وزارة لا وجود لها"
    with pytest.raises(DataFileError, match="is not a name of gazetteer id 'kw-moi'"):
        Slots(slots, gazetteer)


def test_templates_agree_with_the_gender_of_the_agency_and_fail_on_an_unknown_slot():
    template = "[[أطلقت|أطلق:academy]] {academy} حملة"
    assert render(template, {"academy": "معهد التدريب"}, {"academy": "m"}) == "أطلق معهد التدريب حملة"
    assert render(template, {"academy": "أكاديمية الشرطة"}, {"academy": "f"}) == "أطلقت أكاديمية الشرطة حملة"
    assert render("ورشة لـ{x}", {"x": "المنظمة"}, {}) == "ورشة للمنظمة"
    with pytest.raises(DataFileError, match="unknown slot"):
        render("{missing}", {}, {})


@pytest.mark.parametrize("n,expected", [(5, "5 عمال"), (12, "12 عاملا"), (200, "200 عامل"), (110, "110 عمال"), (111, "111 عاملا")])
def test_counted_nouns_agree_with_the_number(n, expected):
    assert count(n, ["عاملا", "عامل", "عمال"]) == expected


def test_every_agency_span_aligns_to_the_pipelines_tokens(nlp):
    """Under CAMeL tokens (the serving default) no span of agencies_ner.jsonl starts or
    ends inside a token (train refuses such a span)."""
    from nlp.stamp import tokenizer_mode
    if tokenizer_mode(nlp) != "camel":
        pytest.skip("CAMeL data is not installed: the data is checked against CAMeL tokens")
    misaligned = [(row["text"][start:end], row["group"])
                  for row in read_jsonl(TRAINING / "agencies_ner.jsonl")
                  for start, end, _ in row["spans"] if nlp.make_doc(row["text"]).char_span(start, end) is None]
    assert misaligned == []


def test_templated_rows_keep_groups_so_folds_never_split_a_template():
    events = read_jsonl(TRAINING / "events_templated.jsonl")
    templates = read_jsonl(TEMPLATES / "events.jsonl")
    config = json.loads((TEMPLATES / "generate.json").read_text(encoding="utf-8"))
    per_group = {}
    for row in events:
        per_group[row["group"]] = per_group.get(row["group"], 0) + 1
    assert set(per_group) == {t["group"] for t in templates}
    assert max(per_group.values()) == config["events"]["per_template"]  # a template without
    assert min(per_group.values()) >= 1  # slots gives one row
    assert all(r["group"].startswith("s-") for r in read_jsonl(TRAINING / "relevance_templated.jsonl"))


def _agency_generator(monkeypatch, catalogue: str):
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        "make_agencies_ner", TRAINING / "src" / "make_agencies_ner.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "CATALOGUE", catalogue)
    return module


@pytest.mark.parametrize("line,accepted", [
    ("min|kw|وزارة الداخلية|kw-moi", True),
    ("comm|kw|لجنة لم يسمع بها أحد", True),            # a body the gazetteer does not list
    ("min|kw|وزارة الداخلية", False),                   # a gazetteer body without its id
    ("intl|int|المنظمة الدولية للهجرة", False),
    ("min|kw|وزارة الشؤون الاجتماعية|sa-moi", False),   # the id of another body
])
def test_the_agency_catalogue_names_gazetteer_bodies_by_their_ids(monkeypatch, line, accepted):
    module = _agency_generator(monkeypatch, line)
    if accepted:
        assert [e["name"] for e in module.parse_catalogue()] == [line.split("|")[2]]
    else:
        with pytest.raises(SystemExit):
            module.parse_catalogue()
