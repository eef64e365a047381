"""One definition of each piece of vocabulary (`core.vocabulary`), and every data file
that names an event type uses only the defined ones."""

from __future__ import annotations

import ast
import itertools
import json
import re
from pathlib import Path

import pytest

from core.paths import PATTERNS, TRAINING
from core.vocabulary import (
    EVENT_TYPE_NAMES,
    EVENT_TYPES,
    country_codes,
    fold_letters,
    is_iso_day,
    month_names,
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
    named = set(cues["types"]) | {k for section in ("strong", "confirm")
                                  for k in cues.get(section, {}) if not k.startswith("_")}
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


def test_fold_letters_keeps_length_and_folds_the_swapped_spellings():
    assert fold_letters("إبريل أكتوبر جمادى يونية") == "ابريل اكتوبر جمادي يونيه"
    assert len(fold_letters("آذار")) == len("آذار")


def test_month_table_has_every_month_and_the_maghrebi_and_hijri_names():
    gregorian, hijri = month_names("gregorian"), month_names("hijri")
    assert set(gregorian.values()) == set(hijri.values()) == set(range(1, 13))
    assert gregorian["جويلية"] == gregorian["تموز"] == gregorian["يوليو"] == 7
    assert gregorian["جانفي"] == 1 and hijri["ذو الحجة"] == 12


def test_both_date_readers_share_the_one_month_table():
    from nlp.dates import _calendar
    from nlp.normalise import normalise_text
    from pages.dates import HIJRI_MONTHS, MONTHS

    for calendar, page_table, nlp_key in (("gregorian", MONTHS, "greg"),
                                          ("hijri", HIJRI_MONTHS, "hijri")):
        table = month_names(calendar)
        assert page_table == {fold_letters(name): n for name, n in table.items()}
        assert _calendar()[nlp_key] == {normalise_text(name): n for name, n in table.items()}


def _table_literals(path: Path):
    """String constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and id(node) not in docstrings]


def _words_and_pairs(text: str) -> set[str]:
    words = re.findall(r"[\u0621-\u064A]+", fold_letters(text))
    return set(words) | {" ".join(pair) for pair in itertools.pairwise(words)}


# Month names that are also ordinary words (zero, a verb, father, water ...) prove nothing.
COMMON_WORDS = {"صفر", "رجب", "ماي", "مارس", "اب", "شعبان", "رمضان", "محرم", "المحرم"}


def test_no_module_outside_core_defines_month_names():
    names = {fold_letters(name) for calendar in ("gregorian", "hijri")
             for name in month_names(calendar)} - COMMON_WORDS
    modules = [path for package in ("nlp", "pages", "crawlers", "timeline", "models")
               for path in (ROOT / package).rglob("*.py")] + [ROOT / "pipeline.py"]
    found = {(str(path.relative_to(ROOT)), literal) for path in modules
             for literal in _table_literals(path) if _words_and_pairs(literal) & names}
    assert not found, found


def test_the_month_scan_sees_a_table_written_in_a_module(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('"""Dates such as 31 يوليو 2025."""\nMONTHS = {"تشرين الأول": 10}\n',
                      encoding="utf-8")
    assert _table_literals(module) == ["تشرين الأول"]
    assert "تشرين الاول" in _words_and_pairs(_table_literals(module)[0])
