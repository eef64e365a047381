"""`benchmarks/run.py --smoke` (through `pipeline.py bench`) runs and prints every figure.

Speed is not asserted here (benchmarks print figures, tests check behaviour): this keeps
the benchmark from rotting, on a few dozen articles.
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NUMBER = r"[\d,.]+"


def test_smoke_run_prints_every_figure():
    run = subprocess.run([sys.executable, str(ROOT / "pipeline.py"), "bench", "--smoke"],
                         capture_output=True, text=True, timeout=900, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    out = run.stdout
    for pattern in (
            rf"bare spaCy tokenizer .*: {NUMBER} s = {NUMBER} articles/s, {NUMBER} words/s",
            (rf"processing, 1 worker\(s\): 16 articles \(0 failed\) .* articles/s, {NUMBER} words/s; "
            rf"{NUMBER} times the bare tokenizer; peak memory {NUMBER} MiB"),
            r"processing, 2 worker\(s\): 16 articles \(0 failed\)",
            rf"2 workers / 1 worker: {NUMBER} times faster",
            rf"cost per article at 30: {NUMBER} ms",
            rf"cost per article at 60: {NUMBER} ms",
            rf"cost per article at 60 / at 30: {NUMBER}",
            r"on 100 articles and 3,000 events",
            rf"by state and year range .*: {NUMBER} ms \(CPU {NUMBER} ms; {NUMBER} rows\)",
            rf"by agency .*: {NUMBER} ms",
            rf"full-text search .*: {NUMBER} ms \(CPU {NUMBER} ms; {NUMBER} rows\)"):
        assert re.search(pattern, out), f"missing {pattern!r} in:\n{out}"
    assert "Traceback" not in run.stderr and "ERROR" not in run.stderr
