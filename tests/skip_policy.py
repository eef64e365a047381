"""Test-run policy: a skipped test fails the run unless its reason is on the allow-list.

Hooked into pytest by tests/conftest.py; `make test` (and so CI's `.ci/run`) shows each
skip's reason (`-rs`, pyproject's addopts). A skip is allowed only when the thing it
names really is missing and its absence is legitimate:

  - CAMeL morphology data: the light mode is a supported way to run (CI also runs the
    suite without the data); allowed when CAMELTOOLS_DATA points at no data;
  - `../shared` (the users' gold for the seeds and their scorer): a bare clone has none;
    allowed when that folder is really absent;
  - chromium: allowed only for a user who is not root, who cannot install it; as root
    (CI) `make browser` installs it, so a missing chromium is a failure there.

Anything else that skips (a new `pytest.skip`, a fixture that skips on an error) fails
the run with its reason printed, so a gate cannot quietly stop running.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _camel_data_missing() -> bool:
    from nlp.morphology import camel_data_dir
    return camel_data_dir() is None


def _shared_missing() -> bool:
    return not (ROOT.parent / "shared").is_dir()


def _not_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() != 0


ALLOWED = [
    (re.compile(r"CAMeL morphology data not found"), _camel_data_missing),
    (re.compile(r"\.\./shared not found"), _shared_missing),
    (re.compile(r"chromium not found"), _not_root),
]

_skipped: list[tuple[str, str]] = []


def skip_reason(report) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def is_allowed(reason: str) -> bool:
    return any(pattern.search(reason) and condition() for pattern, condition in ALLOWED)


def pytest_runtest_logreport(report) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        _skipped.append((report.nodeid, skip_reason(report)))


def unexpected_skips() -> list[tuple[str, str]]:
    return [(node, reason) for node, reason in _skipped if not is_allowed(reason)]


def pytest_sessionfinish(session, exitstatus) -> None:
    if unexpected_skips() and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter) -> None:
    bad = unexpected_skips()
    if bad:
        terminalreporter.section("unexpected skips (tests/skip_policy.py)", red=True)
        for node, reason in bad:
            terminalreporter.line(f"{node}: {reason}")
