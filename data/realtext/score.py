#!/usr/bin/env python3
"""Score the pipeline on the real-text development set (data/realtext/).

The article texts are not in the repository: re-collect them by hand with the search tool
(see README.md) into a folder outside the repository, one file `<id>.txt` per gold row.
This script reports which texts are missing from that folder, then scores the gold rows
whose texts are present with the shared scorer (../shared/tools/score_extraction.py).

    .venv/bin/python data/realtext/score.py --texts /work/realtext/texts [--show]

The held-out sets are scored the same way: heldout/ … heldout5/ (all spent, development sets
now; heldout5 was measured unread in the seventh round, then spent in the eighth):

    .venv/bin/python data/realtext/score.py --set heldout --texts /work/realtext/heldout_texts
    .venv/bin/python data/realtext/score.py --set heldout2 --texts /work/realtext/heldout2_texts
    .venv/bin/python data/realtext/score.py --set heldout3 --texts /work/realtext/heldout3_texts
    .venv/bin/python data/realtext/score.py --set heldout4 --texts /work/realtext/heldout4_texts
    .venv/bin/python data/realtext/score.py --set heldout5 --texts /work/realtext/heldout5_texts
    .venv/bin/python data/realtext/score.py --set heldout6 --texts /work/realtext/heldout6_texts
    .venv/bin/python data/realtext/score.py --set heldout7 --texts /work/realtext/heldout7_texts

heldout6/ was the eighth round's honest measure; it is spent in the ninth (its entity misses are
read; the events work judges itself on it in aggregate only, as an out-of-sample check).
heldout7/ was the ninth round's honest measure; it is spent in the tenth (read by all fields).
heldout8/ was the tenth round's honest measure; it is spent in the eleventh (read by all fields).
heldout9/ was the eleventh round's honest measure; it is spent in the twelfth (read by all fields).
heldout10/ was measured unread in the twelfth round (before and after its first cycle), then spent
in the same round's second cycle (read by all fields).
heldout11/ was the twelfth round's honest measure; it is spent in the thirteenth (read by all fields).
heldout13/ is a development set annotated in the thirteenth round to be read in the same round
(in SPENT from the start: a source of new shapes of reporting, never a test).
heldout12/ was the thirteenth round's honest measure; it is spent in the fourteenth (read by all
fields).
heldout14/ and heldout15/ are the current test sets (annotated in the fourteenth round by two
helpers at once, before any pipeline run on their texts; not in SPENT): score them only to
measure, never tune on them, never run them with --show and never read their texts:

    .venv/bin/python data/realtext/score.py --set heldout14 --texts /work/realtext/heldout14_texts

heldout16/ and heldout17/ (annotated and reviewed blind in the fifteenth round, before any run)
are test sets on the same terms; the fifteenth round judged its method change on them.
"""
import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote

HERE = Path(__file__).resolve().parent
DEFAULT_SCORER = HERE.parents[1] / ".." / "shared" / "tools" / "score_extraction.py"
# CAMeL's data where the team keeps it, used when CAMELTOOLS_DATA is not set (as by the tests)
SHARED_CAMEL = HERE.parents[1] / ".." / "shared" / "camel_data"
SETS = {"dev": HERE / "gold.jsonl", "heldout": HERE / "heldout" / "gold.jsonl",
        "heldout2": HERE / "heldout2" / "gold.jsonl", "heldout3": HERE / "heldout3" / "gold.jsonl",
        "heldout4": HERE / "heldout4" / "gold.jsonl", "heldout5": HERE / "heldout5" / "gold.jsonl",
        "heldout6": HERE / "heldout6" / "gold.jsonl", "heldout7": HERE / "heldout7" / "gold.jsonl",
        "heldout8": HERE / "heldout8" / "gold.jsonl", "heldout9": HERE / "heldout9" / "gold.jsonl",
        "heldout10": HERE / "heldout10" / "gold.jsonl", "heldout11": HERE / "heldout11" / "gold.jsonl",
        "heldout12": HERE / "heldout12" / "gold.jsonl", "heldout13": HERE / "heldout13" / "gold.jsonl",
        "heldout14": HERE / "heldout14" / "gold.jsonl", "heldout15": HERE / "heldout15" / "gold.jsonl",
        "heldout16": HERE / "heldout16" / "gold.jsonl", "heldout17": HERE / "heldout17" / "gold.jsonl"}
# heldout14 … heldout17 are the current test sets: not spent, never tuned on, never --show
# the environment switch of nlp/morphology.py that makes a failed tagger load an error
REQUIRE_TAGGER = "GULF_TIP_REQUIRE_TAGGER"
SPENT = ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
         "heldout9", "heldout10", "heldout11", "heldout12", "heldout13")
# where the texts were re-collected on the team's machine (outside the repository)
DEFAULT_TEXTS = {"dev": Path("/work/realtext/texts"),
                 **{name: Path(f"/work/realtext/{name}_texts") for name in SETS if name != "dev"}}


def load_scorer(path: Path = DEFAULT_SCORER):
    """The shared scorer (../shared/tools/score_extraction.py) as a module."""
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_gold(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def matches_source(stored_url, result_url):
    """True when a search result's URL is the article a sources.jsonl line names: the
    stored URL is percent-decoded and may be cut after the article's id or slug, so the
    result's decoded URL must start with it (ignoring a trailing slash)."""
    stored = unquote(stored_url).rstrip("/")
    result = unquote(result_url)
    return bool(stored) and (result == stored or result.startswith(stored))


def split_present(gold, texts):
    """(rows whose text file is in `texts`, ids of rows whose file is missing)."""
    present, missing = [], []
    for row in gold:
        (present if (Path(texts) / row["file"]).is_file() else missing).append(row)
    return present, [r["id"] for r in missing]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", required=True, help="folder holding the re-collected <id>.txt files")
    ap.add_argument("--set", choices=sorted(SETS), default="dev",
                    help="which gold set: dev, heldout … heldout13 (all spent: tuned on), "
                         "heldout14 … heldout17 (the current test sets: never --show)")
    ap.add_argument("--gold", help="a gold file (overrides --set)")
    ap.add_argument("--scorer", default=str(DEFAULT_SCORER))
    ap.add_argument("--pipeline", default=f"{sys.executable} pipeline.py")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    gold = load_gold(a.gold or SETS[a.set])
    present, missing = split_present(gold, a.texts)
    print(f"real-text set: {len(gold)} articles, {len(present)} texts present, {len(missing)} missing")
    if missing:
        print("missing: " + " ".join(missing))
    if not present:
        return 2
    if not Path(a.scorer).is_file():
        print(f"scorer not found: {a.scorer}")
        return 2
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        for row in present:
            tmp.write(json.dumps(row, ensure_ascii=False) + "\n")
    cmd = [sys.executable, a.scorer, "--gold", tmp.name, "--texts", a.texts, "--pipeline", a.pipeline]
    cmd += ["--show"] if a.show else []
    cmd += ["--json"] if a.json else []
    return subprocess.run(cmd, check=False, env=pipeline_env()).returncode


def pipeline_env() -> dict:
    """The pipeline's environment: CAMeL's data from CAMELTOOLS_DATA, else from SHARED_CAMEL,
    and then the tagger required (REQUIRE_TAGGER), so that a tagger that fails to load stops
    the run instead of falling back to light mode with a warning the scorer would not show;
    with no data at all the run is in light mode, and says so."""
    env = dict(os.environ)
    if not env.get("CAMELTOOLS_DATA") and (SHARED_CAMEL / "catalogue.json").is_file():
        env["CAMELTOOLS_DATA"] = str(SHARED_CAMEL.resolve())
    if env.get("CAMELTOOLS_DATA"):
        env[REQUIRE_TAGGER] = "1"
    else:
        print(f"light mode: CAMELTOOLS_DATA is not set and {SHARED_CAMEL} holds no data, so "
              "the pipeline runs without CAMeL tagging")
    return env


if __name__ == "__main__":
    sys.exit(main())
