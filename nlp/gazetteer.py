"""Load and validate the gazetteers in `data/gazetteers/` (agencies, places, name lists).

Called once when the pipeline is built (`nlp.language.build_nlp`); the entries are plain
frozen records passed to the components, so adding an agency or a place is a new line in
a data file, never a code change. A malformed line raises `DataFileError` naming the file
and the line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.errors import DataFileError
from core.paths import DATA
from core.vocabulary import country_codes, list_entries
from nlp.normalise import normalise_text

DATA_DIR = DATA
GAZETTEER_DIR = DATA_DIR / "gazetteers"

AGENCY_KINDS = {
    "ministry", "department", "committee", "court", "prosecution", "police", "shelter",
    "regional_org", "international_org", "ngo", "institute", "media", "council",
    "authority", "parliament", "government",
}
PLACE_KINDS = {"country", "city", "region", "group"}


@dataclass(frozen=True)
class Agency:
    id: str
    en: str
    country: str | None
    kind: str
    parent: str | None
    names: tuple[str, ...]
    acronyms: tuple[str, ...] = ()
    short: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    id: str
    en: str
    kind: str
    country: str | None
    names: tuple[str, ...]
    adjectives: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()  # "مسقط رأس" (a birthplace), not Muscat
    list_names: tuple[str, ...] = ()  # places only among other countries ("بنين")
    alone_names: tuple[str, ...] = ()  # the place when the text names it no other way ("السلطنة")


def _read_jsonl(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict]]:
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(path, None, f"cannot be read: {error}") from error
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise DataFileError(path, number, f"not JSON: {error}") from error
        missing = [key for key in required if key not in row]
        if missing:
            raise DataFileError(path, number, f"missing key(s) {', '.join(missing)}")
        if not row["names"] or not all(isinstance(n, str) and n.strip() for n in row["names"]):
            raise DataFileError(path, number, "'names' must be a non-empty list of strings")
        rows.append((number, row))
    return rows


@lru_cache(maxsize=4)
def load_agencies(path: Path | None = None) -> tuple[Agency, ...]:
    """Every agency of the gazetteer, validated (ids unique, parents known)."""
    path = path or GAZETTEER_DIR / "agencies.jsonl"
    agencies, seen = [], set()
    rows = _read_jsonl(path, ("id", "en", "kind", "names"))
    for number, row in rows:
        if row["id"] in seen:
            raise DataFileError(path, number, f"duplicate id {row['id']!r}")
        if row["kind"] not in AGENCY_KINDS:
            raise DataFileError(path, number, f"unknown kind {row['kind']!r}")
        if row.get("country") and row["country"] not in country_codes():
            raise DataFileError(path, number, f"unknown country code {row['country']!r}")
        seen.add(row["id"])
        agencies.append(Agency(row["id"], row["en"], row.get("country"), row["kind"],
                               row.get("parent"), tuple(row["names"]),
                               tuple(row.get("acronyms") or ()), tuple(row.get("short") or ())))
    for number, row in rows:
        if row.get("parent") and row["parent"] not in seen:
            raise DataFileError(path, number, f"parent {row['parent']!r} is not an id of the file")
    return tuple(agencies)


@lru_cache(maxsize=4)
def load_places(path: Path | None = None) -> tuple[Place, ...]:
    """Every country, city, region and group of countries of the gazetteer."""
    path = path or GAZETTEER_DIR / "places.jsonl"
    places = []
    for number, row in _read_jsonl(path, ("id", "kind", "names")):
        if row["kind"] not in PLACE_KINDS:
            raise DataFileError(path, number, f"unknown kind {row['kind']!r}")
        places.append(Place(row["id"], row.get("en", row["id"]), row["kind"], row.get("country"),
                            tuple(row["names"]), tuple(row.get("adjectives") or ()),
                            tuple(row.get("not_before") or ()),
                            tuple(row.get("list_names") or ()),
                            tuple(row.get("alone_names") or ())))
    return tuple(places)


@lru_cache(maxsize=16)
def load_word_list(name: str, tag: str | None = None,
                   directory: Path = GAZETTEER_DIR) -> frozenset[str]:
    """The normalised entries of `data/gazetteers/NAME.txt` (or NAME.txt in `directory`);
    with `tag`, only those whose comment holds it (`load_word_list("first_names",
    "ambiguous")`)."""
    return frozenset(normalise_text(entry) for entry, comment in list_entries(name, directory)
                     if tag is None or tag in comment)


@lru_cache(maxsize=4)
def place_states(kind: str | None = None) -> dict[str, str]:
    """Normalised name of a place (of `kind` only, when given: "country") -> the ISO code of
    its state (built once per kind, like `load_places`; callers read it, never change it)."""
    return {normalise_text(name): place.country for place in load_places()
            if place.country and (kind is None or place.kind == kind) for name in place.names}


@lru_cache(maxsize=1)
def country_adjectives() -> dict[str, str]:
    """Normalised nisba adjective (with and without ال) -> ISO country code (built once,
    like `load_places`; callers read it, never change it)."""
    table = {}
    for place in load_places():
        if place.kind == "country" and place.country:
            for adjective in place.adjectives:
                norm = normalise_text(adjective)
                table[norm] = place.country
    return table
