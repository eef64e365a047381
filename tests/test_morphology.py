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
