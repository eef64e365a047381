"""The extraction of the bundled texts is exactly the committed reference.

A speed-up must not change a single byte of the output; a deliberate change of the
extraction regenerates the reference (`tests/extraction_reference.py`, see its docstring)
and the diff shows what changed.
"""

import difflib

import pytest

from tests.extraction_reference import extraction_lines, reference_path


def _compare(nlp, mode: str, batched: bool) -> None:
    path = reference_path(mode)
    expected = path.read_text(encoding="utf-8").splitlines()
    actual = extraction_lines(nlp, batched)
    if actual != expected:
        diff = "\n".join(difflib.unified_diff(expected, actual, "reference", "now", n=0,
                                              lineterm=""))
        pytest.fail(f"extraction differs from {path.name} (regenerate with "
                    f"`python tests/extraction_reference.py` if intended):\n{diff[:4000]}")


def test_tagged_output_matches_reference(nlp):
    """Through `nlp.pipe` (batches of articles), as `process` runs it."""
    from nlp.morphology import camel_data_dir
    if camel_data_dir() is None:
        pytest.skip("CAMeL data not found: the tagged reference cannot be checked")
    _compare(nlp, "tagged", batched=True)


@pytest.mark.parametrize("batched", [False, True], ids=["one-by-one", "batched"])
def test_light_output_matches_reference(nlp_light, batched):
    _compare(nlp_light, "light", batched)


def test_reference_covers_every_bundled_text():
    from tests.extraction_reference import reference_texts
    names = [name for name, _, _ in reference_texts()]
    for mode in ("tagged", "light"):
        lines = reference_path(mode).read_text(encoding="utf-8").splitlines()
        assert [line.split('"file":"')[1].split('"')[0] for line in lines] == names

