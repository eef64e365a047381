"""Crawl stage 0: load and validate the sources file (the outlets to crawl are data).

Called by `crawlers.run.crawl` before any request is made. `load_sources(path)` reads
a TOML file of `[[source]]` tables (see crawlers/README.md for every key) and returns
`Source` records; any mistake raises `core.errors.DataFileError` naming the file, the
line and the key, so a typo never starts a crawl.
"""

from __future__ import annotations

import codecs
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cssselect import GenericTranslator, SelectorError

from core.errors import DataFileError
from core.paths import SOURCES
from core.vocabulary import country_codes

DEFAULT_SOURCES = SOURCES

REQUIRED_KEYS = ("id", "name", "country", "homepage")
LIST_KEYS = ("feeds", "sitemaps", "start_urls", "checked_against")
OPTIONAL_KEYS = LIST_KEYS + ("article_url", "search_url", "encoding", "selectors", "verified")
SELECTOR_KEYS = ("title", "date", "body", "author", "next")

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_TOML_LINE = re.compile(r"line (\d+)")


@dataclass(frozen=True)
class Selectors:
    """Per-source CSS selectors; stage 1 of the article cascade. Any may be None."""

    title: str | None = None
    date: str | None = None
    body: str | None = None
    author: str | None = None
    next: str | None = None  # the "next page" link on listing pages


@dataclass(frozen=True)
class Source:
    """One outlet, as written in the sources file."""

    id: str
    name: str
    country: str
    homepage: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    article_url: re.Pattern | None = None
    search_url: str | None = None
    encoding: str | None = None
    selectors: Selectors = field(default_factory=Selectors)
    verified: bool = False
    # Real article addresses of the outlet the `article_url` pattern was checked against
    # (from stored copies of its pages; tests/test_crawl_sources.py keeps them matching).
    checked_against: tuple[str, ...] = ()

    def is_article_link(self, url: str) -> bool:
        """True if a link found on a listing page should be fetched as an article."""
        return bool(self.article_url.search(url)) if self.article_url else True


class _EntryError(Exception):
    def __init__(self, key: str, reason: str):
        super().__init__(reason)
        self.key = key


def load_sources(path: str | Path | None = None) -> list[Source]:
    """Read and validate a sources file.

    Args:
        path: the TOML file; crawlers/sources.toml when None.
    Returns:
        The sources in file order.
    Raises:
        DataFileError: the file is missing, is not TOML, or an entry is invalid;
            the message names the file, the line, the source id and the key.
    """
    path = Path(path) if path else DEFAULT_SOURCES
    text = _read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = _TOML_LINE.search(str(error))
        raise DataFileError(path, int(line.group(1)) if line else None,
                            f"not valid TOML ({error})") from error
    return _parse_document(path, text, data)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(path, None, "sources file not found; pass an existing "
                            "file with --sources") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(path, None, f"cannot read the sources file ({error})") from error


def _parse_document(path: Path, text: str, data: dict[str, Any]) -> list[Source]:
    extra = sorted(set(data) - {"source"})
    if extra:
        raise DataFileError(path, None, f"unknown top-level key {extra[0]!r}; "
                            "every outlet is a [[source]] table")
    entries = data.get("source")
    if not isinstance(entries, list) or not entries:
        raise DataFileError(path, None, "no [[source]] table; add at least one outlet")
    sources, seen = [], set()
    for number, entry in enumerate(entries, start=1):
        source = _parse_entry_or_raise(path, text, number, entry)
        if source.id in seen:
            raise DataFileError(path, _line_of(text, source.id, "id"),
                                f'source "{source.id}": key "id" is used twice')
        seen.add(source.id)
        sources.append(source)
    return sources


def _parse_entry_or_raise(path: Path, text: str, number: int, entry: dict) -> Source:
    label = f'source "{entry["id"]}"' if isinstance(entry.get("id"), str) else \
        f"[[source]] number {number}"
    try:
        return _parse_entry(entry)
    except _EntryError as error:
        line = _line_of(text, entry.get("id"), error.key)
        raise DataFileError(path, line, f'{label}: key "{error.key}" {error}') from None


def _parse_entry(entry: dict[str, Any]) -> Source:
    for key in entry:
        if key not in REQUIRED_KEYS + OPTIONAL_KEYS:
            raise _EntryError(key, "is not a known key (known: "
                              + ", ".join(REQUIRED_KEYS + OPTIONAL_KEYS) + ")")
    for key in REQUIRED_KEYS:
        if key not in entry:
            raise _EntryError(key, "is required")
    return Source(
        id=_slug(entry["id"]), name=_text(entry, "name"),
        country=_country(entry["country"]), homepage=_url("homepage", entry["homepage"]),
        feeds=_url_list(entry, "feeds"), sitemaps=_url_list(entry, "sitemaps"),
        start_urls=_url_list(entry, "start_urls"), article_url=_regex(entry),
        search_url=_search_url(entry), encoding=_encoding(entry),
        selectors=_selectors(entry.get("selectors", {})), verified=_flag(entry),
        checked_against=_url_list(entry, "checked_against"),
    )


def _text(entry: dict, key: str) -> str:
    value = entry[key]
    if not isinstance(value, str) or not value.strip():
        raise _EntryError(key, "must be a non-empty string")
    return value.strip()


def _slug(value: Any) -> str:
    if not isinstance(value, str) or not _SLUG.match(value):
        raise _EntryError("id", f"must be a slug of a-z, 0-9, '-' or '_', got {value!r}")
    return value


def _country(value: Any) -> str:
    if not isinstance(value, str) or value.upper() not in country_codes():
        raise _EntryError("country", f'must be an ISO 3166 alpha-2 code such as "KW", got {value!r}')
    return value.upper()


def _url(key: str, value: Any) -> str:
    if not isinstance(value, str) or not re.match(r"^https?://[^/\s]+", value):
        raise _EntryError(key, f"must be an absolute http(s) URL, got {value!r}")
    return value


def _url_list(entry: dict, key: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise _EntryError(key, "must be a list of URLs")
    return tuple(_url(key, item) for item in value)


def _regex(entry: dict) -> re.Pattern | None:
    value = entry.get("article_url")
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise _EntryError("article_url", "must be a non-empty regular expression string")
    try:
        return re.compile(value)
    except re.error as error:
        raise _EntryError("article_url", f"is not a valid regular expression ({error})") from None


def _search_url(entry: dict) -> str | None:
    value = entry.get("search_url")
    if value is None:
        return None
    _url("search_url", value)
    if "{query}" not in value:
        raise _EntryError("search_url", "must contain {query} where the search words go")
    return value


def _encoding(entry: dict) -> str | None:
    value = entry.get("encoding")
    if value is None:
        return None
    try:
        return codecs.lookup(str(value)).name
    except LookupError:
        raise _EntryError("encoding", f"names no known encoding: {value!r} "
                          '(for example "windows-1256")') from None


def _selectors(value: Any) -> Selectors:
    if not isinstance(value, dict):
        raise _EntryError("selectors", "must be a table: [source.selectors]")
    for key, selector in value.items():
        if key not in SELECTOR_KEYS:
            raise _EntryError(f"selectors.{key}", "is not a known selector (known: "
                              + ", ".join(SELECTOR_KEYS) + ")")
        if not isinstance(selector, str) or not selector.strip():
            raise _EntryError(f"selectors.{key}", "must be a CSS selector string")
        try:
            GenericTranslator().css_to_xpath(selector)
        except SelectorError as error:
            raise _EntryError(f"selectors.{key}", f"is not valid CSS ({error})") from None
    return Selectors(**value)


def _flag(entry: dict) -> bool:
    value = entry.get("verified", False)
    if not isinstance(value, bool):
        raise _EntryError("verified", "must be true or false")
    return value


def _line_of(text: str, source_id: Any, key: str) -> int | None:
    """The line of `key` inside the entry whose id is `source_id` (best effort)."""
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines)
                  if isinstance(source_id, str)
                  and re.match(rf'\s*id\s*=\s*["\']{re.escape(source_id)}["\']', line)), None)
    if start is None:
        return None
    entry_start = max((n for n in range(start + 1) if lines[n].strip() == "[[source]]"),
                      default=0)
    name = key.split(".")[-1]
    for number in range(entry_start, len(lines)):
        if number > start and lines[number].strip() == "[[source]]":
            break
        if re.match(rf"\s*{re.escape(name)}\s*=", lines[number]):
            return number + 1
    return start + 1


def find_sources(sources: list[Source], ids: list[str] | None, path: Path | str) -> list[Source]:
    """The sources named by `ids` (all when None), raising on an unknown id."""
    if not ids:
        return list(sources)
    by_id = {source.id: source for source in sources}
    unknown = [source_id for source_id in ids if source_id not in by_id]
    if unknown:
        raise DataFileError(path, None, f'no source with id "{unknown[0]}" '
                            f"(known: {', '.join(sorted(by_id))})")
    return [by_id[source_id] for source_id in ids]
