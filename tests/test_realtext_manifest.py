"""The real-text sets (data/realtext/) are consistent and hold no article text: the development
set (gold.jsonl, sources.jsonl) and the held-out sets (heldout/ … heldout13/, all spent now;
heldout9 was measured unread in the eleventh round, then spent in the twelfth; heldout10 was
measured unread and then spent in the twelfth; heldout11 in the thirteenth; heldout12 in the
fourteenth; heldout13/ is a development set annotated in the thirteenth round and read in it;
heldout14/ and heldout15/ are test sets annotated in the fourteenth round, heldout16/ and
heldout17/ in the fifteenth, each before any pipeline run on its texts).
Every gold row has a source line (URL, the search query that finds it), event types are the
spec's names, near-misses have no events, and no committed field is longer than a short
quotation except names. Each held-out set shares no article and no query with the sets made
before it. Also checks score.py's choice of set and its split of present and missing texts."""
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

from pipeline import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1] / "data" / "realtext"
sys.path.insert(0, str(ROOT))
import score

MAX_FIELD = 150
MAX_QUOTE_WORDS = 14
# set name -> (folder under data/realtext, id prefix, least number of annotated articles)
SETS = {"dev": (ROOT, "rt-", 60), "heldout": (ROOT / "heldout", "ho-", 40),
        "heldout2": (ROOT / "heldout2", "h2-", 40), "heldout3": (ROOT / "heldout3", "h3-", 40),
        "heldout4": (ROOT / "heldout4", "h4-", 40), "heldout5": (ROOT / "heldout5", "h5-", 40),
        "heldout6": (ROOT / "heldout6", "h6-", 40), "heldout7": (ROOT / "heldout7", "h7-", 40),
        "heldout8": (ROOT / "heldout8", "h8-", 39), "heldout9": (ROOT / "heldout9", "h9-", 40),
        "heldout10": (ROOT / "heldout10", "h10-", 40), "heldout11": (ROOT / "heldout11", "h11-", 40),
        "heldout12": (ROOT / "heldout12", "h12-", 40), "heldout13": (ROOT / "heldout13", "h13-", 40),
        "heldout14": (ROOT / "heldout14", "h14-", 40), "heldout15": (ROOT / "heldout15", "h15-", 40),
        "heldout16": (ROOT / "heldout16", "h16-", 40), "heldout17": (ROOT / "heldout17", "h17-", 39)}
# each held-out set -> the sets made before it, with which it may share no article or query
EARLIER = {"heldout": ["dev"], "heldout2": ["dev", "heldout"],
           "heldout3": ["dev", "heldout", "heldout2"],
           "heldout4": ["dev", "heldout", "heldout2", "heldout3"],
           "heldout5": ["dev", "heldout", "heldout2", "heldout3", "heldout4"],
           "heldout6": ["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"],
           "heldout7": ["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
                        "heldout6"],
           "heldout8": ["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
                        "heldout6", "heldout7"],
           "heldout9": ["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
                        "heldout6", "heldout7", "heldout8"],
           "heldout10": ["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
                         "heldout6", "heldout7", "heldout8", "heldout9"],
           "heldout11": ["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
                         "heldout6", "heldout7", "heldout8", "heldout9", "heldout10"],
           "heldout12": ["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
                         "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11"],
           "heldout13": ["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
                         "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11",
                         "heldout12"],
           "heldout14": ["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
                         "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11",
                         "heldout12", "heldout13"],
           "heldout15": ["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
                         "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11",
                         "heldout12", "heldout13", "heldout14"],
           "heldout16": ["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
                         "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11",
                         "heldout12", "heldout13", "heldout14", "heldout15"],
           "heldout17": ["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
                         "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11",
                         "heldout12", "heldout13", "heldout14", "heldout15", "heldout16"]}


def rows(folder, name):
    with open(folder / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gold(set_name):
    return rows(SETS[set_name][0], "gold.jsonl")


def sources(set_name):
    return {s["id"]: s for s in rows(SETS[set_name][0], "sources.jsonl")}


GOLD_ROWS = [(name, row) for name in SETS for row in gold(name)]


@pytest.mark.parametrize("set_name", sorted(SETS))
def test_set_size(set_name):
    folder, prefix, least = SETS[set_name]
    rows_, srcs = gold(set_name), sources(set_name)
    assert len(rows_) >= least
    assert len(srcs) >= len(rows_)
    assert len(srcs) == len(rows(folder, "sources.jsonl")), "duplicate source ids"
    assert len({g["id"] for g in rows_}) == len(rows_)
    assert all(g["id"].startswith(prefix) for g in rows_)
    assert {g["relevant"] for g in rows_} == {True, False}


@pytest.mark.parametrize("set_name,row", GOLD_ROWS, ids=lambda v: v if isinstance(v, str) else v["id"])
def test_gold_row_has_source(set_name, row):
    src = sources(set_name).get(row["id"])
    assert src, "no source line"
    assert src["url"].startswith("http") and src["query"].strip() and src["annotated"] is True
    assert row["file"] == row["id"] + ".txt"


@pytest.mark.parametrize("set_name", sorted(SETS))
def test_annotated_sources_have_gold(set_name):
    gold_ids = {g["id"] for g in gold(set_name)}
    srcs = sources(set_name)
    assert {i for i, s in srcs.items() if s["annotated"]} == gold_ids
    assert not any(i in gold_ids for i, s in srcs.items() if not s["annotated"])


@pytest.mark.parametrize("set_name,row", GOLD_ROWS, ids=lambda v: v if isinstance(v, str) else v["id"])
def test_events_follow_the_spec(set_name, row):
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


@pytest.mark.parametrize("set_name", sorted(SETS))
@pytest.mark.parametrize("name", ["gold.jsonl", "sources.jsonl"])
def test_no_article_text_committed(set_name, name):
    folder = SETS[set_name][0]
    for row in rows(folder, name):
        for path, text in _strings(row):
            if path.endswith((".names", "locations")) or path in (".persons", ".url"):
                continue
            assert len(text) <= MAX_FIELD, f"{row['id']}{path} is {len(text)} chars"
    assert not list(folder.glob("*.txt")) and not (folder / "texts").exists()


def _urls(set_name):
    return {unquote(s["url"]).rstrip("/") for s in sources(set_name).values()}


@pytest.mark.parametrize("held,earlier", [(h, e) for h, es in EARLIER.items() for e in es])
def test_heldout_shares_no_article_or_query_with_earlier_sets(held, earlier):
    old_urls = _urls(earlier)
    for u in _urls(held):
        assert not any(u.startswith(d) or d.startswith(u) for d in old_urls), u
    old_queries = {s["query"] for s in sources(earlier).values()}
    assert not old_queries & {s["query"] for s in sources(held).values()}


@pytest.mark.parametrize("set_name", sorted(SETS))
def test_score_chooses_the_set(set_name):
    assert score.SETS[set_name] == SETS[set_name][0] / "gold.jsonl"
    assert [r["id"] for r in score.load_gold(score.SETS[set_name])] == [r["id"] for r in gold(set_name)]


def test_score_reports_missing_texts(tmp_path):
    rows_ = gold("heldout")
    present_row = rows_[0]
    (tmp_path / present_row["file"]).write_text("نص", encoding="utf-8")
    present, missing = score.split_present(rows_, tmp_path)
    assert [r["id"] for r in present] == [present_row["id"]]
    assert len(missing) == len(rows_) - 1 and present_row["id"] not in missing


def test_source_urls_match_search_results():
    long_url = ("https://alwatannews.net/bahrain/article/979676/"
                "%D8%A5%D8%AF%D8%A7%D9%86%D8%A9-18-%D9%85%D8%AA%D9%87%D9%85%D8%A7")
    assert score.matches_source(sources("dev")["rt-012"]["url"], long_url)
    assert score.matches_source("https://kuwaitnews.com/118730/", "https://kuwaitnews.com/118730/")
    assert not score.matches_source("https://kuwaitnews.com/118730/", "https://kuwaitnews.com/117470/")
    assert not score.matches_source("", "https://kuwaitnews.com/117470/")


def test_agency_ids_counts_right_wrong_and_made_up_ids():
    import agency_ids

    gold_rows = [{"id": "a", "agencies": [
        {"id": "bh-ppo", "names": ["النيابة العامة"]},
        {"id": "xx-new", "names": ["جمعية ما"], "new": True}]}]
    outputs = {"a": {"entities": [
        {"label": "AGENCY", "text": "النيابة العامة", "canonical": "bh-ppo"},
        {"label": "AGENCY", "text": "النيابة العامة", "canonical": "kw-ppo"},
        {"label": "AGENCY", "text": "جمعية ما", "canonical": "bh-new-jmeyh-1a2b"},
        {"label": "AGENCY", "text": "النيابة العامة", "canonical": "bh-new-alnyabh-3c4d"},
        {"label": "PERSON", "text": "النيابة العامة", "canonical": None}]}}
    counts = agency_ids.measure(gold_rows, outputs, {"bh-ppo", "kw-ppo"},
                                lambda text, names: text in names)
    assert counts["total"] == 4
    assert [r[2] for r in counts["right"]] == ["bh-ppo"]
    assert [r[2:] for r in counts["wrong"]] == [("kw-ppo", "bh-ppo"),
                                                 ("bh-new-alnyabh-3c4d", "bh-ppo")]
    assert [r[2] for r in counts["made"]] == ["bh-new-jmeyh-1a2b", "bh-new-alnyabh-3c4d"]
    # only the made-up id given to a body the gazetteer knows is the "made-up id"
    assert [r[2:] for r in counts["made_known"]] == [("bh-new-alnyabh-3c4d", "bh-ppo")]


def test_score_runs_the_pipeline_with_the_tagger_required():
    from nlp import morphology
    assert score.REQUIRE_TAGGER == morphology.REQUIRE_TAGGER


@pytest.mark.parametrize("given,shared,required", [
    (True, False, True), (False, True, True), (False, False, False)],
    ids=["CAMELTOOLS_DATA", "shared-data", "no-data"])
def test_score_requires_the_tagger_or_says_it_runs_in_light_mode(tmp_path, monkeypatch, capfd,
                                                                 given, shared, required):
    """A scoring run takes CAMeL's data from CAMELTOOLS_DATA or ../shared/camel_data and then
    requires the tagger; only with no data at all is it in light mode, and it says so."""
    first = gold("heldout")[0]
    (tmp_path / first["file"]).write_text("نص", encoding="utf-8")
    scorer = tmp_path / "scorer.py"  # stands in for the shared scorer: says what it was given
    scorer.write_text("import os\nprint('required:', os.environ.get('GULF_TIP_REQUIRE_TAGGER'),"
                      " 'data:', os.environ.get('CAMELTOOLS_DATA'))\n", encoding="utf-8")
    shared_camel = tmp_path / "shared_camel"
    shared_camel.mkdir()
    if shared:
        (shared_camel / "catalogue.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(score, "SHARED_CAMEL", shared_camel)
    if given:
        monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    else:
        monkeypatch.delenv("CAMELTOOLS_DATA", raising=False)
    assert score.main(["--set", "heldout", "--texts", str(tmp_path), "--scorer", str(scorer)]) == 0
    printed = capfd.readouterr().out
    assert ("light mode: CAMELTOOLS_DATA is not set" in printed) is not required
    assert ("required: 1" if required else "required: None") in printed
    if shared and not given:
        assert f"data: {shared_camel}" in printed


def test_agency_ids_requires_the_tagger_as_score_does(tmp_path):
    """CAMeL's data that cannot be loaded stops agency_ids.py with the tagger's error,
    instead of a light-mode run that would measure another pipeline."""
    first = gold("heldout")[0]
    (tmp_path / first["file"]).write_text("وزارة الداخلية", encoding="utf-8")
    broken = tmp_path / "camel"
    broken.mkdir()
    env = {**os.environ, "CAMELTOOLS_DATA": str(broken), "HOME": str(tmp_path)}
    env.pop("GULF_TIP_REQUIRE_TAGGER", None)
    result = subprocess.run([sys.executable, str(ROOT / "agency_ids.py"), "--set", "heldout",
                             "--texts", str(tmp_path)], env=env, capture_output=True, text=True,
                            check=False, timeout=300)
    assert result.returncode != 0
    assert "agency mentions" not in result.stdout
    assert str(broken) in result.stderr
