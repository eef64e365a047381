"""Component data the spaCy way: read in `initialize()`, saved and loaded with the pipeline.

A component that needs data files (a gazetteer, a trained model, cue patterns) names
them in its config as paths (`None`: the file bundled with the project). `initialize()`
(called by `nlp.initialize()`, as `build_nlp` does) reads them; `to_disk` copies them
into the component's directory of a saved pipeline and `from_disk` reads them from
there, so `nlp.to_disk(path)` then `spacy.load(path)` gives the same extraction.
"""

from __future__ import annotations

import shutil
from pathlib import Path


class DataFiles:
    """Mixin: `files` maps each data file's name in a saved pipeline to its path (as
    configured, or the bundled default); `load(paths)` reads them into the component."""

    files: dict[str, Path]

    def load(self, paths: dict[str, Path]) -> None:  # pragma: no cover - each component's
        raise NotImplementedError

    def initialize(self, get_examples=None, *, nlp=None) -> None:
        self.load(self.files)

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, source in self.files.items():
            if Path(source).is_file():  # a model not trained yet stays off once loaded
                shutil.copyfile(source, path / name)

    def from_disk(self, path, *, exclude=()):
        self.load({name: Path(path) / name for name in self.files})
        return self


def data_path(configured: str | None, bundled: Path) -> Path:
    """The configured path of a data file, or the bundled one."""
    return Path(configured) if configured else bundled
