"""Every error a user can meet, with a code and a message that says how to fix it.

The library raises these; `pipeline.py` turns them into "Error: ..." and exit 1.
Shared by `nlp/`, `timeline/` and `crawlers/`.
"""

from __future__ import annotations

from pathlib import Path


class PipelineError(Exception):
    """Base class: `code` is a stable identifier, str(error) the message."""

    code = "E000"

    def __str__(self) -> str:
        return f"[{self.code}] {self.args[0]}"


class DatabaseFileError(PipelineError):
    code = "E001"

    def __init__(self, path: Path, cause: Exception):
        super().__init__(f"{path} is not a usable SQLite database ({cause}). "
                         "Move it aside or pass another file with --db.")


class ArticleReadError(PipelineError):
    """An input article could not be read; the run goes on with the others."""

    code = "E002"

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class DataFileError(PipelineError):
    """A data file (gazetteer, sources, training data) is malformed."""

    code = "E003"

    def __init__(self, path: Path | str, line: int | None, reason: str):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")


class ModelMissingError(PipelineError):
    code = "E004"

    def __init__(self, path: Path | str):
        super().__init__(f"model file {path} is missing or unreadable. "
                         "Rebuild the models with `python pipeline.py train`.")


class ModelMismatchError(PipelineError):
    """A model file was built with another tokenizer mode, feature code or library versions."""

    code = "E005"

    def __init__(self, path: Path | str, problems: list[str]):
        self.problems = list(problems)
        super().__init__(f"model file {path} does not fit this installation ("
                         + "; ".join(problems) + "). Rebuild the models with "
                         "`python pipeline.py train`.")


class TrainingBelowFloor(PipelineError):
    """`train` scored a model below a floor of models/baseline.json: nothing was written."""

    code = "E006"

    def __init__(self, failures: list[str]):
        self.failures = list(failures)
        super().__init__("training refused, the old models and scores are left as they were: "
                         + "; ".join(failures) + ". Fix the training data or the model "
                         "(or, after a deliberate change, the floors in models/baseline.json).")


class MorphologyDataMissing(PipelineError):
    """CAMeL Tools' morphology database is not installed."""

    code = "W001"

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(
            "CAMeL Tools morphology data not found, so morphological tagging is off "
            f"({reason}). Set CAMELTOOLS_DATA to a folder holding it (for example "
            "../shared/camel_data) or run `camel_data -i light` on a machine with internet.")

    def __reduce__(self):  # raised in a worker process, it reaches the parent whole
        return type(self), (self.reason,)


class MorphologyLoadFailed(PipelineError):
    """CAMeL Tools' morphology data is there but would not load (tried `attempts` times)."""

    code = "W002"

    def __init__(self, folder: Path, cause: str, attempts: int):
        self.reason, self._made_of = cause, (folder, cause, attempts)
        super().__init__(
            f"CAMeL Tools morphology data in {folder} could not be loaded (attempts: "
            f"{attempts}), so morphological tagging is off: {cause}. Check that folder "
            "(`sha256sum -c SHA256SUMS` in it) and the free memory, then run again.")

    def __reduce__(self):
        return type(self), self._made_of
