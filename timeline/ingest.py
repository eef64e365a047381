"""Stage "ingest": local files -> article records (the crawler is the other way in).

Reads `.txt`, `.html`/`.htm`, `.json` and `.jsonl` files, and folders of them (a folder
may hold `metadata.jsonl`, one {"file", "url", "title", "published", "source"} a line,
for files that carry no metadata themselves). Every problem with one file — unreadable,
not UTF-8, empty, HTML without text, bad JSON — raises `ArticleReadError` naming the
file, so the caller can log it, count it and go on with the others.

A file of several records loses none of its good ones to a bad one: `read_records`
returns the good records and one `ArticleReadError` per bad line of a `.jsonl` file or
bad element of a JSON array, named `file:line`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from core.errors import ArticleReadError

SUFFIXES = {".txt", ".html", ".htm", ".json", ".jsonl"}
MAX_TITLE = 150


@dataclass(frozen=True)
class ArticleRecord:
    url: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None
    origin: str = ""  # the file it came from, for messages


@dataclass(frozen=True)
class FileRecords:
    """What one file gave: its good records and a named error per bad record."""

    records: list[ArticleRecord]
    problems: list[ArticleReadError] = field(default_factory=list)


def list_inputs(paths: list[Path]) -> list[Path]:
    """The article files named, folders expanded (sorted), in the order given."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES
                            and p.name != "metadata.jsonl")
        else:
            files.append(path)
    return files


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """The file's text; a clear error if it is missing, not text, or empty."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ArticleReadError(path, f"cannot be read ({error.strerror or error})") from error
    try:
        text = data.decode("utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise ArticleReadError(path, f"is not {encoding} text ({error}); if it is in another "
                               "encoding, pass --encoding (e.g. --encoding windows-1256)") from error
    if not text.strip():
        raise ArticleReadError(path, "is empty")
    return text


def title_of(text: str) -> str | None:
    """The first line, when it looks like a headline (short, not a full sentence)."""
    first = text.strip().split("\n", 1)[0].strip()
    if first and len(first) <= MAX_TITLE and not first.endswith((".", ":", "،")):
        return first
    return None


def read_file(path: Path, encoding: str = "utf-8", metadata: dict | None = None) -> list[ArticleRecord]:
    """The article(s) of one file, with `metadata` filling what the file lacks.

    Bad records are skipped; when no record is good, the first problem is raised."""
    found = read_records(path, encoding, metadata)
    if found.problems and not found.records:
        raise found.problems[0]
    return found.records


def read_records(path: Path, encoding: str = "utf-8", metadata: dict | None = None) -> FileRecords:
    """The good article records of one file and a named error for each bad one.

    Raises ArticleReadError when the file as a whole cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleReadError(path, f"unknown kind of file {suffix or '(no suffix)'}; "
                               f"expected one of {', '.join(sorted(SUFFIXES))}")
    if suffix in (".html", ".htm"):
        found = FileRecords([_from_html(path)])
    else:
        found = _from_text_file(path, read_text(path, encoding), suffix)
    meta = {k: v for k, v in (metadata or {}).items() if v}
    records = [replace(r, origin=r.origin or str(path), **{k: v for k, v in meta.items()
                                               if k in ("url", "title", "published", "source")
                                               and (k == "url" or not getattr(r, k))})
               for r in found.records]
    return FileRecords(records, found.problems)


def _from_text_file(path: Path, text: str, suffix: str) -> FileRecords:
    if suffix == ".txt":
        # the text as written, so that offsets index the file
        return FileRecords([ArticleRecord(url=f"file://{path.resolve()}", text=text,
                                          title=title_of(text))])
    rows, problems = _json_lines(path, text) if suffix == ".jsonl" else _json_array(path, text)
    if not rows and not problems:
        raise ArticleReadError(path, "holds no records")
    records = []
    for number, line, row in rows:
        where = f"{path}:{line}" if line else str(path)
        try:
            records.append(_record(path, number, row, where))
        except ArticleReadError as error:
            problems.append(ArticleReadError(where, error.reason))
    problems.sort(key=lambda error: _line_number(error.path))
    return FileRecords(records, problems)


def _from_html(path: Path) -> ArticleRecord:
    """A saved page through the page cascade the crawler uses too (`pages/`, which also
    finds its charset: windows-1256 pages need no --encoding)."""
    from pages.article import extract_article

    try:
        page = path.read_bytes()
    except OSError as error:
        raise ArticleReadError(path, f"cannot be read ({error.strerror or error})") from error
    if not page.strip():
        raise ArticleReadError(path, "is empty")
    article = extract_article(page, f"file://{path.resolve()}")
    if article is None or not article.text.strip():
        raise ArticleReadError(path, "holds no article text (an HTML page that is not an article)")
    return ArticleRecord(url=article.url, text=article.text, title=article.title,
                         published=article.published, author=article.author)


def _line_number(where: str) -> int:
    return int(where.rsplit(":", 1)[1]) if re.search(r":\d+$", where) else 0


def _json_lines(path: Path, text: str) -> tuple[list, list[ArticleReadError]]:
    """(record number, line, value) of each parsable line; a named error for the others."""
    rows, problems = [], []
    for line, content in enumerate(text.splitlines(), 1):
        if not content.strip():
            continue
        try:
            rows.append((len(rows) + len(problems) + 1, line, json.loads(content)))
        except json.JSONDecodeError as error:
            problems.append(ArticleReadError(f"{path}:{line}", f"is not valid JSON ({error.msg}, "
                                             f"column {error.colno})"))
    return rows, problems


_NEXT_OBJECT = re.compile(r"\n\s*\{")


def _json_array(path: Path, text: str) -> tuple[list, list[ArticleReadError]]:
    """The elements of a JSON document (an array or one object), each with its line.

    A well-formed document is read whole. In a broken array each element is read on its
    own: an element that is not JSON is named by its line and reading resumes at the
    next line that opens an object."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if not text.lstrip().startswith("["):
            raise ArticleReadError(path, f"is not valid JSON ({error})") from error
        return _scan_array(path, text)
    items = data if isinstance(data, list) else [data]
    lines = _element_lines(text, len(items)) if isinstance(data, list) else [None]
    return [(number, line, item) for number, (line, item) in enumerate(zip(lines, items), 1)], []


def _element_lines(text: str, count: int) -> list[int]:
    lines = [line for line, _ in _array_elements(text)]
    return lines if len(lines) == count else [None] * count


def _scan_array(path: Path, text: str) -> tuple[list, list[ArticleReadError]]:
    rows, problems = [], []
    for number, (line, item) in enumerate(_array_elements(text), 1):
        if isinstance(item, json.JSONDecodeError):
            problems.append(ArticleReadError(f"{path}:{line}", f"record {number} is not valid "
                                             f"JSON ({item.msg})"))
        else:
            rows.append((number, line, item))
    return rows, problems


def _array_elements(text: str):
    """(line, value or JSONDecodeError) for each top-level element of a JSON array."""
    decoder, position = json.JSONDecoder(), text.index("[") + 1
    while True:
        position = _skip(text, position, " \t\r\n,")
        if position >= len(text) or text[position] == "]":
            return
        line = text.count("\n", 0, position) + 1
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            value = error
            resume = _NEXT_OBJECT.search(text, position + 1)
            position = resume.end() - 1 if resume else len(text)
        yield line, value


def _skip(text: str, position: int, characters: str) -> int:
    while position < len(text) and text[position] in characters:
        position += 1
    return position


def _record(path: Path, number: int, row, where: str) -> ArticleRecord:
    text = row.get("text") if isinstance(row, dict) else None
    if not isinstance(text, str) or not text.strip():
        raise ArticleReadError(path, f"record {number} has no 'text' (a string)")
    return ArticleRecord(
        url=row.get("url") or f"file://{path.resolve()}#{number}", text=text.strip(),
        title=row.get("title"), published=row.get("published"),
        source=row.get("source"), author=row.get("author"), origin=where)


def folder_metadata(folder: Path) -> dict[str, dict]:
    """file name -> metadata, from the folder's `metadata.jsonl` (empty if none)."""
    path = folder / "metadata.jsonl"
    if not path.is_file():
        return {}
    try:
        rows = [json.loads(line) for line in read_text(path).splitlines() if line.strip()]
    except json.JSONDecodeError as error:
        raise ArticleReadError(path, f"is not valid JSON lines ({error})") from error
    return {row["file"]: row for row in rows if "file" in row}
