"""Stage "browse": the Datasette command line behind `pipeline.py serve`.

The database is served read-only: Datasette opens it with SQLite's `mode=ro` (not
`immutable`, which would ignore what a running `run` has in the WAL), accepts SELECT only
in its SQL box, and the plugin sets `PRAGMA query_only` on every connection; with `data/datasette/metadata.yml` filed under
the database's own name (Datasette names a database after its file, so the labels and
canned queries apply to `--db /elsewhere/x.db` too) and the plugin folder
`data/datasette/plugins` (SQL functions for the Arabic search and state names).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import yaml

from core.paths import DATA

DATASETTE = DATA / "datasette"
METADATA, PLUGINS = DATASETTE / "metadata.yml", DATASETTE / "plugins"


def metadata_for(db_path: Path) -> dict:
    """metadata.yml with its database section under `db_path`'s Datasette name."""
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    databases = metadata.get("databases", {})
    if databases:
        metadata["databases"] = {db_path.stem: next(iter(databases.values()))}
    return metadata


def datasette_args(db_path: Path, host: str, port: int, metadata_file: Path) -> list[str]:
    """The datasette command line; writes the metadata for this database to `metadata_file`."""
    metadata_file.write_text(json.dumps(metadata_for(db_path), ensure_ascii=False), encoding="utf-8")
    return [sys.executable, "-m", "datasette", "serve", str(db_path), "--host", host,
            "--port", str(port), "--metadata", str(metadata_file), "--plugins-dir", str(PLUGINS),
            "--setting", "sql_time_limit_ms", "3000"]


def run_datasette(args: list[str]) -> int:
    """Run Datasette until it exits; a SIGTERM or SIGINT sent to us stops it too.

    (A service manager or a user's `kill` stops `serve`, not the server it started: without
    this the server would outlive it and keep the port.)
    """
    child = subprocess.Popen(args)

    def stop(signum, frame):
        child.terminate()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        return child.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if child.poll() is None:
            child.kill()
