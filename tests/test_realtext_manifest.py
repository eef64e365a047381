"""The real-text development set (data/realtext/) is consistent and holds no article text:
every gold row has a source line (URL, the search query that finds it), event types are the
spec's names, near-misses have no events, and no committed field is longer than a short
quotation except names. Also checks score.py's split of present and missing texts."""
import json
import sys
from pathlib import Path

import pytest

from pipeline import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1] / "data" / "realtext"
sys.path.insert(0, str(ROOT))
import score  # noqa: E402

MAX_FIELD = 150
MAX_QUOTE_WORDS = 14


def rows(name):
    with open(ROOT / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


GOLD = rows("gold.jsonl")
SOURCES = {s["id"]: s for s in rows("sources.jsonl")}


def test_set_size():
    assert len(GOLD) >= 60
    assert len(SOURCES) >= len(GOLD)
    assert len(SOURCES) == len(rows("sources.jsonl")), "duplicate source ids"
    assert len({g["id"] for g in GOLD}) == len(GOLD)
    assert {g["relevant"] for g in GOLD} == {True, False}


@pytest.mark.parametrize("row", GOLD, ids=lambda r: r["id"])
def test_gold_row_has_source(row):
    src = SOURCES.get(row["id"])
    assert src, "no source line"
    assert src["url"].startswith("http") and src["query"].strip() and src["annotated"] is True
    assert row["file"] == row["id"] + ".txt"


def test_annotated_sources_have_gold():
    gold_ids = {g["id"] for g in GOLD}
    assert {i for i, s in SOURCES.items() if s["annotated"]} == gold_ids
    assert not any(i in gold_ids for i, s in SOURCES.items() if not s["annotated"])


@pytest.mark.parametrize("row", GOLD, ids=lambda r: r["id"])
def test_events_follow_the_spec(row):
    if not row["relevant"]:
        assert row["events"] == []
    for e in row["events"]:
        assert e["type"] in EVENT_TYPES
        assert e["year"] is None or isinstance(e["year"], int)
        assert e["date"] is None or str(e["date"]).startswith(str(e["year"]))
        assert len(e["quote"].split()) <= MAX_QUOTE_WORDS
    for y in row["years"]:
        assert isinstance(y, int) and 1900 < y < 2100


def _strings(obj, path=""):
    if isinstance(obj, str):
        yield path, obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v, path)


@pytest.mark.parametrize("name", ["gold.jsonl", "sources.jsonl"])
def test_no_article_text_committed(name):
    for row in rows(name):
        for path, text in _strings(row):
            if path.endswith(".names") or path in (".persons", ".url") or path.endswith("locations"):
                continue
            assert len(text) <= MAX_FIELD, f"{row['id']}{path} is {len(text)} chars"
    assert not list(ROOT.glob("*.txt")) and not (ROOT / "texts").exists()


def test_score_reports_missing_texts(tmp_path):
    present_row = GOLD[0]
    (tmp_path / present_row["file"]).write_text("نص", encoding="utf-8")
    present, missing = score.split_present(GOLD, tmp_path)
    assert [r["id"] for r in present] == [present_row["id"]]
    assert len(missing) == len(GOLD) - 1 and present_row["id"] not in missing


def test_source_urls_match_search_results():
    long_url = ("https://alwatannews.net/bahrain/article/979676/"
                "%D8%A5%D8%AF%D8%A7%D9%86%D8%A9-18-%D9%85%D8%AA%D9%87%D9%85%D8%A7")
    assert score.matches_source(SOURCES["rt-012"]["url"], long_url)
    assert score.matches_source("https://kuwaitnews.com/118730/", "https://kuwaitnews.com/118730/")
    assert not score.matches_source("https://kuwaitnews.com/118730/", "https://kuwaitnews.com/117470/")
    assert not score.matches_source("", "https://kuwaitnews.com/117470/")
