import json
import os
import socket
import subprocess
import sys

import pytest

from timeline.lock import LockHeld, lock_path, read_holder, run_lock


def test_the_lock_says_who_holds_it_and_refuses_a_second_holder(tmp_path):
    path = lock_path(tmp_path / "timeline.db")
    with run_lock(path) as stale:
        assert stale == {}
        holder = read_holder(path)
        assert holder["pid"] == os.getpid() and holder["host"] == socket.gethostname()
        # a second process (a real one: flock is per open file) is refused, told by whom
        probe = subprocess.run([sys.executable, "-c", (
            "import sys; sys.path.insert(0, '.'); from pathlib import Path\n"
            "from timeline.lock import run_lock, LockHeld\n"
            f"try:\n  run_lock(Path({str(path)!r})).__enter__()\n"
            "except LockHeld as e:\n  print(e); sys.exit(9)")],
            capture_output=True, text=True, cwd=os.path.dirname(os.path.dirname(__file__)), check=False)
        assert probe.returncode == 9, probe.stderr
        assert f"pid {os.getpid()}" in probe.stdout and holder["started"] in probe.stdout
    assert read_holder(path) == {}  # released cleanly: the file is emptied


def test_a_lock_left_by_a_killed_run_is_recovered(tmp_path):
    path = lock_path(tmp_path / "timeline.db")
    dead = {"pid": 999999, "host": "old-host", "started": "2026-01-01T00:00:00+00:00"}
    path.write_text(json.dumps(dead), encoding="utf-8")  # written, but nobody holds the flock
    with run_lock(path) as stale:
        assert stale == dead
        assert read_holder(path)["pid"] == os.getpid()


def test_lock_held_message_names_the_holder(tmp_path):
    error = LockHeld(tmp_path / "x.lock", {"pid": 12, "host": "h", "started": "t"})
    assert "pid 12 on h, started t" in str(error)
    with pytest.raises(LockHeld):
        raise error
