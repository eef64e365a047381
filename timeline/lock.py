"""Stage "schedule": the lock that keeps two monitoring runs from overlapping.

`run_lock(path)` takes an exclusive `flock` on a lock file beside the database and writes
who holds it (pid, host, start time) into the file. The kernel drops the lock when its
process ends, however it ends, so the lock of a killed run (`kill -9`, a reboot) is stale
by construction: the next run takes it, says whose it was, and goes on. A second run
while the first is alive gets `LockHeld`, which names the holder.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
from contextlib import contextmanager
from pathlib import Path

from core.errors import PipelineError
from timeline.store import now_iso


class LockHeld(PipelineError):
    """Another run holds the lock; `holder` says which (pid, host, started)."""

    code = "E110"

    def __init__(self, path: Path, holder: dict):
        self.holder = holder
        super().__init__(f"another run holds the lock {path}: pid {holder.get('pid', '?')} "
                         f"on {holder.get('host', '?')}, started {holder.get('started', '?')}")


def lock_path(db_path: Path) -> Path:
    return Path(f"{db_path}.lock")


def read_holder(path: Path) -> dict:
    """What the lock file says of its holder ({} when empty or unreadable)."""
    try:
        return json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}


@contextmanager
def run_lock(path: Path):
    """Hold the lock at `path` for the block; yields the previous holder's record when
    that holder was a run that died without letting go ({} otherwise)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held open while the lock is held
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockHeld(path, read_holder(path)) from None
        stale = read_holder(path)
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                 "started": now_iso()}))
        handle.flush()
        try:
            yield stale
        finally:
            handle.seek(0)
            handle.truncate()  # an empty file: released cleanly
            handle.flush()
    finally:
        handle.close()
