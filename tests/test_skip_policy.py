"""The skip policy (tests/skip_policy.py): an unexpected skip fails the run, an allowed
one (with its condition true) does not; every reason is printed."""

import os
import subprocess
import sys
from pathlib import Path

import skip_policy

TESTS = Path(__file__).resolve().parent


def run_pytest(tmp_path: Path, reason: str) -> subprocess.CompletedProcess:
    (tmp_path / "test_one.py").write_text(
        f"import pytest\n\ndef test_one():\n    pytest.skip({reason!r})\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), str(TESTS.parent)])}
    return subprocess.run([sys.executable, "-m", "pytest", "-rs", "-p", "skip_policy",
                           "-p", "no:cacheprovider", str(tmp_path)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, check=False)


def test_an_unexpected_skip_fails_the_run_and_says_why(tmp_path):
    result = run_pytest(tmp_path, "the database server is down")
    assert result.returncode == 1, result.stdout
    assert "unexpected skips" in result.stdout
    assert "the database server is down" in result.stdout


def test_an_allowed_skip_passes(tmp_path, monkeypatch):
    reason = "CAMeL morphology data not found (set CAMELTOOLS_DATA)"
    result = run_pytest(tmp_path, reason)
    expected = 0 if skip_policy._camel_data_missing() else 1
    assert result.returncode == expected, result.stdout
    assert reason in result.stdout  # -rs prints it either way


def test_allowed_reasons_hold_only_under_their_condition(monkeypatch):
    monkeypatch.setattr(skip_policy, "ALLOWED", [
        (pattern, (lambda: True) if "shared" in pattern.pattern else (lambda: False))
        for pattern, _ in skip_policy.ALLOWED])
    assert skip_policy.is_allowed("../shared not found: the users' scorer is not at x")
    assert not skip_policy.is_allowed("chromium not found: run `make browser`")
    assert not skip_policy.is_allowed("anything else")
