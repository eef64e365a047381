"""The one slot language of the training templates, and reading their data files.

Stage 0 of training: `models/training_data.py` (events, relevance) and
`models/agencies_ner_data.py` (agency sentences with AGENCY spans) fill the templates of
`data/training/templates/` with it; `models/train.py` then reads the files they write.

    {slot}              the value of `slot`; which slots exist is the data set's slot file
    [[fem|masc:slot]]   the form agreeing with the grammatical gender of the agency in `slot`
                        (either form may be empty)
    ل{slot}  لـ{slot}   a proclitic written before a slot joins its value: after a lone ل or ب
                        the tatweel goes before a letter, and ل + ال fuses into لل (an
                        agency span then starts at the second ل)

A template renders to pieces `[text, is_span]`, so the offsets of the spans are counted as
the text is built, never searched for.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from core.errors import DataFileError
from core.paths import TRAINING

TEMPLATES = TRAINING / "templates"
TOKEN = re.compile(r"\{([^{}]+)\}|\[\[([^|\]]*)\|([^:\]]*):(\w+)\]\]")
LONE_TATWEEL = re.compile(r"(?:^|\s)[لب]ـ$")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")

Fill = Callable[[str], Iterable[tuple[str, bool]]]


def read_jsonl(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(path, None, f"cannot be read as JSON lines: {error}") from error


def read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(path, None, f"cannot be read as JSON: {error}") from error


def data_lines(path: Path) -> list[list[str]]:
    """The `|`-separated fields of every line of a text data file but comments and blanks."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DataFileError(path, None, f"cannot be read: {error}") from error
    return [line.split("|") for line in lines if line.strip() and not line.startswith("#")]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")


def check(ok: bool, where, problem: str) -> None:
    if not ok:
        raise DataFileError(where, None, problem)


def gazetteer_names(gazetteer: list[dict]) -> dict[str, set[str]]:
    """{gazetteer id: its names}, what an agency slot with an id is checked against."""
    return {entry["id"]: set(entry["names"]) for entry in gazetteer}


def check_gazetteer_name(names: dict[str, set[str]], body_id: str, name: str, where) -> None:
    check(name in names.get(body_id, ()), where, f"{name!r} is not a name of gazetteer id {body_id!r}")


def slots_of(template: str) -> list[str]:
    """The `{slot}` names of a template, in order."""
    return [m.group(1) for m in TOKEN.finditer(template) if m.group(1)]


def join(pieces: list[list], text: str, span: bool = False) -> None:
    """Append a slot's value, joined to a proclitic written just before it."""
    before = "".join(piece[0] for piece in pieces)
    if LONE_TATWEEL.search(before) and ARABIC_LETTER.match(text):
        last = next(piece for piece in reversed(pieces) if piece[0])
        last[0], before = last[0][:-1], before[:-1]
    if before.endswith("ل") and text.startswith("ال"):
        text = text[1:]
    pieces.append([text, span])


def render_pieces(template: str, fill: Fill, gender: Callable[[str], str]) -> list[list]:
    """Pieces `[text, is_span]` of a template; `fill(slot)` gives a slot's pieces in order,
    `gender(slot)` the gender ("f" or "m") of the agency in it."""
    pieces, pos = [], 0
    for match in TOKEN.finditer(template):
        if match.start() > pos:
            pieces.append([template[pos:match.start()], False])
        pos = match.end()
        slot, fem, masc, agency = match.groups()
        if slot is None:
            pieces.append([fem if gender(agency) == "f" else masc, False])
            continue
        for text, span in fill(slot):
            join(pieces, text, span)
    if pos < len(template):
        pieces.append([template[pos:], False])
    return pieces


def assemble(pieces: list[list]) -> tuple[str, list[list]]:
    """The text of the pieces and the `[start, end, "AGENCY"]` spans of the span pieces."""
    text, spans = "", []
    for piece, is_span in pieces:
        if is_span:
            spans.append([len(text), len(text) + len(piece), "AGENCY"])
        text += piece
    return text, spans


def render(template: str, values: dict, genders: dict) -> str:
    """A template filled from plain values (a slot's agency gender defaults to feminine)."""
    def fill(slot: str):
        if slot not in values:
            raise DataFileError(TEMPLATES, None, f"template {template!r}: unknown slot {slot!r}")
        return [(str(values[slot]), False)]
    return assemble(render_pieces(template, fill, lambda slot: genders.get(slot, "f")))[0]
