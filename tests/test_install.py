"""The project installs as a package (not only in-tree): a wheel built from the checkout,
installed non-editable into a fresh virtual environment, runs the console script's `run`
on the bundled samples from a folder outside the checkout.

The fresh environment borrows the dependencies of the test's own environment through a
`.pth` line (installing spaCy and friends again would take minutes), so what is tested is
the project's own packaging: its modules, data files, models and console script.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("install")
    source, wheels = work / "source", work / "wheels"
    # a clean copy, so that no stale build/ folder of the checkout leaks into the wheel
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv*", "build", "*.egg-info", "__pycache__", "*.db", "*.db-*", ".crawl-state"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(source),
                            "-w", str(wheels)], capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    target = next((env_dir / "lib").glob("python3*/site-packages"))
    (target / "borrowed_deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    wheel = next(wheels.glob("gulf_tip_monitor-*.whl"))
    done = subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q",
                           "--no-deps", str(wheel)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return env_dir


def test_console_script_runs_the_job_on_the_bundled_samples(installed, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GULF_TIP_DB")}
    done = subprocess.run([str(installed / "bin" / "gulf-tip-monitor"), "run", "--no-crawl"],
                          cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "timeline.db").is_file()  # outside a checkout: ./timeline.db
    assert "2013" in done.stdout and "legislation" in done.stdout


def test_installed_code_is_the_installed_copy(installed, tmp_path):
    code = "import core.paths, nlp; print(core.paths.DATA); print(core.paths.CHECKOUT)"
    done = subprocess.run([str(installed / "bin" / "python"), "-c", code], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    data, checkout = done.stdout.split()
    assert str(installed) in data and checkout == "None"
    assert Path(data, "gazetteers", "agencies.jsonl").is_file()


def test_installed_bench_command_reaches_the_benchmark(installed, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([str(installed / "bin" / "gulf-tip-monitor"), "bench", "--help"],
                          cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "Example:" in done.stdout  # the command's help, then the benchmark's own options
    assert "--smoke" in done.stdout and "speed benchmark" in done.stdout  # benchmarks/run.py
