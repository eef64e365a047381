"""The extraction reference: what the pipeline says today of the bundled texts.

`tests/test_extraction_stability.py` compares the pipeline's output, byte for byte, with
the reference files of `tests/reference/` (one JSON line a text, keys sorted), with CAMeL
tagging on ("tagged") and off ("light"). A speed-up must leave them unchanged; a change
of the extraction itself (new rules, a retrained model) regenerates them, and the diff
of the reference files shows in review what the change did:

    .venv/bin/python tests/extraction_reference.py            # both modes
    .venv/bin/python tests/extraction_reference.py --mode light

The texts: the seeds of `data/samples/` and the team's articles of `tests/articles/`,
each with its publication date from the gold files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "reference"
SHARED_CAMEL = ROOT.parent / "shared" / "camel_data"
MODES = ("tagged", "light")
GOLD = ((ROOT / "data" / "samples", ROOT.parent / "shared" / "gold" / "seeds.jsonl",
         ROOT / "data" / "samples" / "metadata.jsonl"),
        (ROOT / "tests" / "articles", ROOT / "tests" / "articles" / "gold.jsonl", None))


def _dates(*paths: Path | None) -> dict[str, str | None]:
    dates: dict[str, str | None] = {}
    for path in paths:
        if path is None or not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                dates.setdefault(record["file"], record.get("published"))
    return dates


def reference_texts() -> list[tuple[str, str, dt.date | None]]:
    """(name, text, published) of every bundled text, in a fixed order."""
    texts = []
    for folder, gold, metadata in GOLD:
        dates = _dates(gold, metadata)
        for path in sorted(folder.glob("*.txt")):
            published = dates.get(path.name)
            texts.append((f"{folder.name}/{path.name}", path.read_text(encoding="utf-8"),
                          dt.date.fromisoformat(published) if published else None))
    return texts


def reference_path(mode: str) -> Path:
    return REFERENCE / f"extraction_{mode}.jsonl"


def extraction_lines(nlp, batched: bool = False) -> list[str]:
    """One compact JSON line per text: its name and its extraction, keys sorted; with
    `batched`, the texts go through `nlp.pipe` together (`extract_articles`)."""
    from nlp.extract import extract_article, extract_articles
    texts = reference_texts()
    if batched:
        results = extract_articles(nlp, [(text, published) for _, text, published in texts])
    else:
        results = (extract_article(nlp, text, published) for _, text, published in texts)
    return [json.dumps({"file": name, **result}, ensure_ascii=False, sort_keys=True,
                       separators=(",", ":"))
            for (name, _, _), result in zip(texts, results)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=MODES, action="append",
                        help="tagged (CAMeL tagging on) or light; both by default")
    args = parser.parse_args()
    if not os.environ.get("CAMELTOOLS_DATA") and (SHARED_CAMEL / "catalogue.json").is_file():
        os.environ["CAMELTOOLS_DATA"] = str(SHARED_CAMEL)
    sys.path.insert(0, str(ROOT))
    from nlp.language import build_nlp
    from nlp.morphology import camel_data_dir

    for mode in args.mode or MODES:
        if mode == "tagged" and camel_data_dir() is None:
            sys.exit("tagged reference needs CAMELTOOLS_DATA (CAMeL's morphology data)")
        lines = extraction_lines(build_nlp(use_tagger=mode == "tagged"))
        REFERENCE.mkdir(exist_ok=True)
        reference_path(mode).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{reference_path(mode).relative_to(ROOT)}: {len(lines)} texts")


if __name__ == "__main__":
    main()
