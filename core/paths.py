"""Where the project's data files, models and default database live: the one place that
knows, for a source checkout and an installed copy alike.

Data files ship inside the `data`, `models` and `crawlers` packages
(found with `importlib.util.find_spec`, so nothing is imported); the default database is `data/timeline.db` in a source
checkout and `./timeline.db` elsewhere, unless `GULF_TIP_DB` names another file.
"""

from __future__ import annotations

import os
from importlib.util import find_spec
from pathlib import Path


def _package_dir(package: str) -> Path:
    """The folder of a top-level package, found without importing it."""
    return Path(find_spec(package).submodule_search_locations[0])


DATA = _package_dir("data")
MODELS = _package_dir("models")
CRAWLERS = _package_dir("crawlers")

GAZETTEERS = DATA / "gazetteers"
PATTERNS = DATA / "patterns"
TRAINING = DATA / "training"
SAMPLES = DATA / "samples"
DATASETTE_METADATA = DATA / "datasette" / "metadata.yml"
SOURCES = CRAWLERS / "sources.toml"

#: The folder of a source checkout (the one holding pyproject.toml), or None when installed.
CHECKOUT = DATA.parent if (DATA.parent / "pyproject.toml").is_file() else None


def default_db() -> Path:
    """`GULF_TIP_DB`, else data/timeline.db in a checkout, else ./timeline.db."""
    if os.environ.get("GULF_TIP_DB"):
        return Path(os.environ["GULF_TIP_DB"])
    return DATA / "timeline.db" if CHECKOUT else Path.cwd() / "timeline.db"
