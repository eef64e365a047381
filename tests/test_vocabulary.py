"""One definition of each piece of vocabulary (`core.vocabulary`), and every data file
that names an event type uses only the defined ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.paths import PATTERNS, TRAINING
from core.vocabulary import (
    EVENT_TYPE_NAMES,
    EVENT_TYPES,
    country_codes,
    is_iso_day,
    to_ascii_digits,
)

ROOT = Path(__file__).resolve().parent.parent
SPEC_TYPES = {"legislation", "accession", "institution", "agreement", "strategy", "training",
              "meeting", "awareness", "enforcement", "victim_support", "report"}


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_the_event_types_are_the_spec_s_eleven_in_order():
    assert set(EVENT_TYPES) == SPEC_TYPES and len(EVENT_TYPES) == 11
    assert EVENT_TYPES[0] == "legislation" and EVENT_TYPES[-1] == "report"
    assert all(len(EVENT_TYPE_NAMES[t]) == 3 for t in EVENT_TYPES)


def test_cue_file_uses_only_defined_types():
    cues = json.loads((PATTERNS / "event_triggers.json").read_text(encoding="utf-8"))
    named = set(cues["types"]) | {k for k in cues["strong"] if not k.startswith("_")}
    assert named <= set(EVENT_TYPES), named - set(EVENT_TYPES)


@pytest.mark.parametrize("path", sorted(TRAINING.glob("events*.jsonl")), ids=lambda p: p.name)
def test_training_files_use_only_defined_types(path):
    labels = {row["label"] for row in jsonl(path)}
    assert labels <= set(EVENT_TYPES) | {"none"}, labels - set(EVENT_TYPES)


@pytest.mark.parametrize("path", [ROOT / "tests" / "articles" / "gold.jsonl"], ids=["tests"])
def test_gold_files_use_only_defined_types(path):
    types = {e["type"] for doc in jsonl(path) for e in doc.get("events", [])}
    assert types <= set(EVENT_TYPES), types - set(EVENT_TYPES)


def test_digits_keep_their_length():
    assert to_ascii_digits("٣١ يوليو ۲۰۲۵") == "31 يوليو 2025"


@pytest.mark.parametrize("value,ok", [("2025-07-31", True), ("2025-02-30", False),
                                      ("2025-7-31", False), ("31/07/2025", False), (None, False)])
def test_iso_day(value, ok):
    assert is_iso_day(value) is ok


def test_country_codes_are_iso():
    assert {"KW", "SA", "AE", "QA", "BH", "OM"} <= country_codes() and "XX" not in country_codes()


def test_the_command_line_offers_exactly_the_defined_types():
    from click.testing import CliRunner

    from pipeline import cli
    help_text = CliRunner().invoke(cli, ["timeline", "--help"]).output
    assert all(t in help_text for t in EVENT_TYPES)
