"""Stage "ingest": local files -> article records (the crawler is the other way in).

Reads `.txt`, `.html`/`.htm`, `.json` and `.jsonl` files, and folders of them (a folder
may hold `metadata.jsonl`, one {"file", "url", "title", "published", "source"} a line,
for files that carry no metadata themselves). Every problem with one file — unreadable,
not UTF-8, empty, HTML without text, bad JSON — raises `ArticleReadError` naming the
file, so the caller can log it, count it and go on with the others.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
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
    """The article(s) of one file, with `metadata` filling what the file lacks."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleReadError(path, f"unknown kind of file {suffix or '(no suffix)'}; "
                               f"expected one of {', '.join(sorted(SUFFIXES))}")
    if suffix in (".html", ".htm"):
        records = [_from_html(path)]
    else:
        records = _from_text_file(path, read_text(path, encoding), suffix)
    meta = {k: v for k, v in (metadata or {}).items() if v}
    return [replace(r, origin=str(path), **{k: v for k, v in meta.items()
                                            if k in ("url", "title", "published", "source")
                                            and (k == "url" or not getattr(r, k))}) for r in records]


def _from_text_file(path: Path, text: str, suffix: str) -> list[ArticleRecord]:
    if suffix == ".txt":
        # the text as written, so that offsets index the file
        return [ArticleRecord(url=f"file://{path.resolve()}", text=text, title=title_of(text))]
    return _from_json(path, text, suffix == ".jsonl")


def _from_html(path: Path) -> ArticleRecord:
    """A saved page through the crawler's extraction cascade (which also finds its
    charset: windows-1256 pages need no --encoding)."""
    from crawlers.article import extract_article

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


def _from_json(path: Path, text: str, lines: bool) -> list[ArticleRecord]:
    try:
        rows = [json.loads(line) for line in text.splitlines() if line.strip()] if lines \
            else json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleReadError(path, f"is not valid JSON ({error})") from error
    rows = rows if isinstance(rows, list) else [rows]
    if not rows:
        raise ArticleReadError(path, "holds no records")
    records = []
    for number, row in enumerate(rows, 1):
        text = row.get("text") if isinstance(row, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise ArticleReadError(path, f"record {number} has no 'text' (a string)")
        records.append(ArticleRecord(
            url=row.get("url") or f"file://{path.resolve()}#{number}", text=row["text"].strip(),
            title=row.get("title"), published=row.get("published"),
            source=row.get("source"), author=row.get("author")))
    return records


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
