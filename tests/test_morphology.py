"""CAMeL Tools tagging, and the light fallback when its data is missing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nlp.morphology import camel_data_dir, load_tagger

ROOT = Path(__file__).resolve().parent.parent
needs_data = pytest.mark.skipif(camel_data_dir() is None,
                                reason="CAMeL morphology data not found (set CAMELTOOLS_DATA)")


@needs_data
@pytest.mark.parametrize("word,prefix,restore,lemma,pos", [
    ("بوزارة", 1, False, "وزاره", "noun"),
    ("للهجرة", 1, True, "هجره", "noun"),
    ("والنيابة", 1, False, "نيابه", "noun"),
    ("وزارة", 0, False, "وزاره", "noun"),
    ("وبادرت", 1, False, "بادر", "verb"),
    # a foreign name the database reads as بـ + لين + كن ("with your soft"): kept whole
    ("بلينكن", 0, False, "بلينكن", "noun_prop"),
    ("بكتابه", 1, False, "كتاب", "noun"),  # a preposition and a possessive stay split
    ("بحقوقهن", 1, False, "حق", "noun"),
])
def test_camel_analysis(word, prefix, restore, lemma, pos):
    analysis = load_tagger().analyse(word)
    assert (analysis.prefix_length, analysis.restore_article, analysis.lemma, analysis.pos) == \
        (prefix, restore, lemma, pos)


@needs_data
def test_each_form_is_tagged_once():
    tagger = load_tagger()
    first = tagger.analyse("بالأشخاص")
    assert tagger.analyse("بالأشخاص") is first


@needs_data
def test_mentions_carry_lemma_and_pos(nlp):
    from nlp.extract import extract_article

    result = extract_article(nlp, "وقعت وزارة الداخلية مذكرة تفاهم.")
    agency = next(e for e in result["entities"] if e["label"] == "AGENCY")
    assert agency["lemma"].split()[0] == "وزاره" and agency["pos"].startswith("noun")


def test_without_data_the_pipeline_says_so_once_and_still_extracts(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "CAMELTOOLS_DATA"}
    env["HOME"] = str(tmp_path)
    story = tmp_path / "story.txt"
    story.write_text("وقعت وزارة الداخلية في سنة 2024 مذكرة تفاهم مع المنظمة الدولية للهجرة.",
                     encoding="utf-8")
    done = subprocess.run([sys.executable, "pipeline.py", "extract", str(story), str(story), "--json"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("morphological tagging is off") == 1
    assert "CAMELTOOLS_DATA" in done.stderr
    assert '"canonical": "kw-moi"' in done.stdout and '"canonical": "iom"' in done.stdout


def test_a_run_that_requires_the_tagger_stops_instead_of_falling_back(tmp_path):
    """GULF_TIP_REQUIRE_TAGGER (set by data/realtext/score.py) turns the light-mode fallback
    into a clear error, so a scoring run never comes out in the wrong mode unnoticed."""
    env = {k: v for k, v in os.environ.items() if k != "CAMELTOOLS_DATA"}
    env.update(HOME=str(tmp_path), GULF_TIP_REQUIRE_TAGGER="1")
    story = tmp_path / "story.txt"
    story.write_text("وقعت وزارة الداخلية مذكرة تفاهم.", encoding="utf-8")
    done = subprocess.run([sys.executable, "pipeline.py", "extract", str(story), "--json"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode != 0
    assert "morphological tagging is off" in done.stderr and "Traceback" not in done.stderr
    assert '"canonical"' not in done.stdout


SHARED_DB = Path("data", "morphology_db", "calima-msa-r13", "morphology.db")


def _data_folder_without_db(tmp_path: Path) -> tuple[Path, Path]:
    """A CAMeL data folder with the shared catalogue but, so far, no MSA database: the
    state of a copy of ../shared/camel_data that is still being written."""
    folder = tmp_path / "camel_data"
    (folder / SHARED_DB).parent.mkdir(parents=True)
    (folder / "catalogue.json").symlink_to(camel_data_dir() / "catalogue.json")
    return folder, folder / SHARED_DB


@needs_data
def test_a_data_folder_that_will_not_load_names_the_cause(tmp_path):
    """The error of a failed load says which folder, which exception, raised where, and
    that it was tried more than once: not "data not found"."""
    folder, _ = _data_folder_without_db(tmp_path)
    env = {**os.environ, "CAMELTOOLS_DATA": str(folder), "HOME": str(tmp_path),
           "GULF_TIP_REQUIRE_TAGGER": "1"}
    story = tmp_path / "story.txt"
    story.write_text("وقعت وزارة الداخلية مذكرة تفاهم.", encoding="utf-8")
    done = subprocess.run([sys.executable, "pipeline.py", "extract", str(story), "--json"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    final = done.stderr.splitlines()[-1]
    assert f"data in {folder} could not be loaded (attempts: 3)" in final
    assert "FileNotFoundError" in final and "(at camel_tools/morphology/database.py:" in final
    assert "not found" not in final
    assert done.stderr.count("trying again") == 2


FINISH_THE_COPY = """
import logging, sys
from pathlib import Path
db, source = Path(sys.argv[1]), Path(sys.argv[2])
class FinishTheCopy(logging.Handler):  # the database arrives once the first load failed
    def emit(self, record):
        if "trying again" in record.getMessage() and not db.exists():
            db.symlink_to(source)
logging.basicConfig(format="%(levelname)s %(message)s")
logging.getLogger("nlp.morphology").addHandler(FinishTheCopy())
from nlp import morphology
morphology.RETRY_WAIT = 0.1
tagger = morphology.load_tagger()
print(tagger.analyse("للهجرة").lemma if tagger else "light mode")
"""


@needs_data
def test_a_data_folder_still_being_written_is_loaded_on_a_later_attempt(tmp_path):
    folder, db = _data_folder_without_db(tmp_path)
    env = {**os.environ, "CAMELTOOLS_DATA": str(folder), "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", FINISH_THE_COPY, str(db),
                           str(camel_data_dir() / SHARED_DB)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "هجره"
    assert done.stderr.count("trying again") == 1 and "FileNotFoundError" in done.stderr


def test_an_error_cause_names_type_text_place_and_origin():
    from nlp.morphology import error_cause

    def parse():
        try:
            {}["catalogue"]
        except KeyError as error:
            raise ValueError("bad line 3") from error

    with pytest.raises(ValueError) as raised:
        parse()
    cause = error_cause(raised.value)
    assert cause.startswith("ValueError: bad line 3 (at ")
    assert "tests/test_morphology.py:" in cause and cause.endswith("raised from KeyError: 'catalogue'")
    assert error_cause(MemoryError()) == "MemoryError"


def test_a_missing_data_folder_is_named(monkeypatch, tmp_path):
    from nlp.morphology import _why_no_data

    monkeypatch.delenv("CAMELTOOLS_DATA", raising=False)
    assert _why_no_data() == "CAMELTOOLS_DATA is not set"
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "nowhere"))
    assert _why_no_data().endswith("nowhere is not a folder")
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    assert _why_no_data().endswith("holds no catalogue.json")


def test_the_errors_reach_a_parent_process_whole():
    """A worker of `process --workers N` that cannot load the tagger (with the tagger
    required) sends its error to the parent pickled: it must arrive with its message."""
    import pickle

    from core.errors import MorphologyDataMissing, MorphologyLoadFailed

    for error in (MorphologyDataMissing("CAMELTOOLS_DATA is not set"),
                  MorphologyLoadFailed(Path("/data"), "MemoryError", 3)):
        assert str(pickle.loads(pickle.dumps(error))) == str(error)
