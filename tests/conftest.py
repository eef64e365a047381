"""Shared fixtures: a real SQLite file, one pipeline for the session, the sample folder.

CAMeL Tools' morphology data is taken from ../shared/camel_data when CAMELTOOLS_DATA is
not set and that folder exists (it is never copied into the repository).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_CAMEL = ROOT.parent / "shared" / "camel_data"
if not os.environ.get("CAMELTOOLS_DATA") and (SHARED_CAMEL / "catalogue.json").is_file():
    os.environ["CAMELTOOLS_DATA"] = str(SHARED_CAMEL)
sys.path.insert(0, str(ROOT))

# a skip whose reason is not on the allow-list fails the run (tests/skip_policy.py)
from skip_policy import pytest_runtest_logreport, pytest_sessionfinish, pytest_terminal_summary  # noqa: F401

SAMPLES = ROOT / "data" / "samples"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "timeline.db"


@pytest.fixture
def db(db_path: Path):
    from timeline.db import open_db
    return open_db(db_path)


@pytest.fixture(scope="session")
def nlp():
    """The full pipeline, with CAMeL tagging when its data is there."""
    from nlp.language import build_nlp
    return build_nlp()


@pytest.fixture(scope="session")
def nlp_light():
    """The pipeline without CAMeL tagging (the light clitic splitter)."""
    from nlp.language import build_nlp
    return build_nlp(use_tagger=False)


@pytest.fixture(params=["camel", "light"])
def any_nlp(request, nlp, nlp_light):
    """Each event-shape test runs with CAMeL tagging and without it."""
    return nlp if request.param == "camel" else nlp_light


def tracing(nlp):
    """For a fixture: `nlp` with its event detector tracing, restored afterwards
    (`yield from tracing(nlp)`)."""
    detector = nlp.get_pipe("event_detector")
    detector.trace = True
    try:
        yield nlp
    finally:
        detector.trace = False


# The event-shape tests (tests/test_events_*shapes.py, tests/test_events_past.py): a fixed
# publication date, and three lines of undated background that push a sentence out of the lead.
PUBLISHED = dt.date(2025, 3, 12)
BACKGROUND = ("وقال المسؤول إن الدولة تواصل جهودها في هذا الملف منذ سنوات طويلة.\n"
              "وأضاف أن التعاون بين الجهات المعنية يشهد تطورا ملحوظا في كل المجالات.\n"
              "وأشار إلى أن العمل مستمر مع الشركاء الدوليين والإقليميين في المنطقة.\n")


class _FixedReading:
    def __init__(self, probs: dict[str, float]):
        self.probs = probs

    def probabilities_many(self, norms):
        return [dict(self.probs) for _ in norms]


@contextmanager
def classifier_reading(nlp, probs: dict[str, float]):
    """For a while, `nlp`'s event classifier reads every clause as `probs` (a stub in its
    place, the served one put back after): a test of a rule, not of the model."""
    detector = nlp.get_pipe("event_detector")
    served, detector.classifier = detector.classifier, _FixedReading(probs)
    try:
        yield
    finally:
        detector.classifier = served


def event_dates(nlp, text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str]]:
    """(type, date) of each event the pipeline finds in `text`, in its order."""
    from nlp.extract import analyse
    return [(e["type"], e["date"]) for e in analyse(nlp, text, published)._.events]


def event_cues(nlp, text: str) -> list[tuple[str, bool]]:
    """(type, strong) of each event type whose trigger cue occurs in `text` read as one clause,
    as the event detector reads it (`nlp.events.cue_types`), earliest first."""
    from nlp.events import clause_norm, cue_types, load_cues
    return [(t, strong) for _, t, strong in cue_types(load_cues(), clause_norm(nlp(text)[:]))]


def strong_cue_types(nlp, text: str) -> list[str]:
    """The event types whose strong cue pattern occurs in `text` read as one clause."""
    from nlp.events import clause_norm, load_cues
    norm = clause_norm(nlp(text)[:])
    return [t for t, patterns in load_cues().strong.items() if any(p.search(norm) for p in patterns)]


def agency_pairs(nlp, text: str) -> list[tuple[str, str]]:
    """(text, canonical id) of each agency mention the pipeline finds in `text`."""
    from nlp.extract import analyse
    doc = analyse(nlp, text)
    return [(s.text, s._.canonical) for s in doc.spans["mentions"] if s.label_ == "AGENCY"]


def run_cli(*args: str, input: str | None = None):
    """Invoke `pipeline.py` in-process with click's runner."""
    from click.testing import CliRunner

    from pipeline import cli
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


# Test modules whose verdicts must hold with CAMeL tagging and without it (a machine with
# only the clone): CI runs them a second time without the CAMeL data, `-m both_modes`
# (.ci/run). They are the extraction, from text to the timeline; the rest of the suite
# (crawl, storage, commands, serving) does not depend on the tagger.
BOTH_MODES = {
    "test_events.py", "test_quality.py", "test_agencies.py", "test_laws.py", "test_dates.py",
    "test_places.py", "test_tokenizer.py", "test_normalise.py", "test_morphology.py",
    "test_cli_extract.py", "test_cli_timeline.py", "test_process.py", "test_merge.py",
    "test_name_lexicons.py", "test_events_dateline.py", "test_wrapping.py",
}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.name in BOTH_MODES:
            item.add_marker(pytest.mark.both_modes)
