"""Stage "alert": what is new on the timeline since the last successful run.

An event is new until a run has announced it. Events are keyed by what identifies them
across a `process --reprocess` (type, date, country, first source), not by their row id,
so a rebuilt database announces nothing twice. Every run writes, each file replaced
atomically (a killed run leaves the previous file whole):

- a JSON digest of this run's new events (type, date, state, agencies, laws, title,
  first source), empty when nothing is new;
- an Atom feed of the last `FEED_SIZE` announced events, newest first, for feed readers.

`announce` marks the events announced in the same transaction that queues their
delivery (`timeline.delivery`), so a run killed before that moment announces them again
next time, and one killed after it delivers them next time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import sqlite_utils

from timeline.query import event_details, timeline_rows

FEED_SIZE = 50
ATOM = "http://www.w3.org/2005/Atom"
FEED_TITLE = "Gulf anti-trafficking timeline: new events"


def event_key(row: dict) -> str:
    """What identifies an event across rebuilds of the database."""
    return "|".join(str(row.get(k) or "") for k in ("type", "date", "year", "country", "first_url"))


def new_events(db: sqlite_utils.Database) -> list[dict]:
    """The digest entries of the timeline events no run has announced yet, oldest first."""
    announced = {r["key"] for r in db.query("SELECT key FROM announced")}
    return [digest_entry(db, row) for row in timeline_rows(db) if event_key(row) not in announced]


def digest_entry(db: sqlite_utils.Database, row: dict) -> dict:
    details = event_details(db, row["event_id"])
    first = details["sources"][0] if details["sources"] else {}
    return {
        "key": event_key(row), "event_id": row["event_id"], "type": row["type"],
        "date": row["date"], "year": row["year"], "state": row["country"], "title": row["title"],
        "agencies": [{"id": a["key"], "ar": a["name_ar"], "en": a["name_en"]}
                     for a in details["agencies"]],
        "laws": [{"id": law["key"], "ar": law["name_ar"]} for law in details["laws"]],
        "first_source": {"url": first.get("url"), "title": first.get("title"),
                         "source": first.get("source"), "published": first.get("published")},
    }


def announce(db: sqlite_utils.Database, entries: list[dict], when: str) -> None:
    """Mark `entries` announced at `when` (call inside the transaction that queues them)."""
    db["announced"].insert_all(
        ({"key": e["key"], "event_id": e["event_id"], "announced_at": when,
          "entry": json.dumps(e, ensure_ascii=False)} for e in entries),
        pk="key", replace=True)


def digest(entries: list[dict], generated: str, since: str | None) -> dict:
    return {"generated": generated, "since_last_successful_run": since,
            "new_events": len(entries), "events": entries}


def atom_feed(db: sqlite_utils.Database, updated: str) -> str:
    """The Atom document of the last FEED_SIZE announced events, newest first."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "title", FEED_TITLE)
    _text(feed, "id", "urn:gulf-tip-monitor:new-events")
    _text(feed, "updated", updated)
    ET.SubElement(_text(feed, "author", None), f"{{{ATOM}}}name").text = "gulf-tip-monitor"
    rows = db.query("SELECT entry, announced_at FROM announced "
                    "ORDER BY announced_at DESC, event_id DESC LIMIT ?", [FEED_SIZE])
    for row in rows:
        _feed_entry(feed, json.loads(row["entry"]), row["announced_at"])
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _feed_entry(feed: ET.Element, entry: dict, announced_at: str) -> None:
    item = ET.SubElement(feed, f"{{{ATOM}}}entry")
    digest_id = hashlib.sha1(entry["key"].encode("utf-8")).hexdigest()
    _text(item, "id", f"urn:gulf-tip-monitor:event:{digest_id}")
    _text(item, "title", f"{entry['date'] or entry['year'] or '—'} · {entry['type']} · "
                         f"{entry['state'] or '—'}: {entry['title']}")
    _text(item, "updated", announced_at)
    url = entry["first_source"].get("url")
    if url:
        ET.SubElement(item, f"{{{ATOM}}}link", href=url)
    agencies = ", ".join(a["en"] or a["ar"] or a["id"] for a in entry["agencies"])
    laws = ", ".join(law["ar"] or law["id"] for law in entry["laws"])
    _text(item, "summary", f"{entry['title']}. Agencies: {agencies or '—'}. Laws: {laws or '—'}.")


def _text(parent: ET.Element, tag: str, text: str | None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename: readers, and a run
    killed mid-way, see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def alert_files(db_path: Path) -> tuple[Path, Path]:
    """(digest, feed) paths beside the database."""
    return db_path.parent / "new-events.json", db_path.parent / "new-events.atom"


def last_success(db: sqlite_utils.Database) -> str | None:
    row = next(db.query("SELECT max(started_at) AS at FROM runs WHERE command = 'run' AND "
                        "json_extract(details, '$.status') IN ('ok', 'partial')"), None)
    return row["at"] if row else None


def write_digest(db_path: Path, payload: dict) -> Path:
    """This run's digest beside the database, replaced whole."""
    path = alert_files(db_path)[0]
    write_atomically(path, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return path


def write_feed(db: sqlite_utils.Database, db_path: Path, updated: str) -> Path:
    """The feed of the last announced events beside the database (after `announce`)."""
    path = alert_files(db_path)[1]
    write_atomically(path, atom_feed(db, updated))
    return path
