"""Stage "export": timeline rows -> a table for the terminal, CSV or JSON.

The HTML page and the chart are in `timeline.html` and `timeline.chart`.
"""

from __future__ import annotations

import csv
import io
import json

COLUMNS = ("date", "year", "type", "country", "title", "agencies", "agency_names", "laws",
           "n_sources", "first_url")


def to_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def to_json(rows: list[dict]) -> str:
    return json.dumps([{k: row.get(k) for k in COLUMNS} for row in rows],
                      ensure_ascii=False, indent=2)


def cut_at_word(text: str, width: int) -> str:
    """`text` itself when it fits, else its whole words within `width` and "…"."""
    if len(text) <= width:
        return text
    head = text[:width].rsplit(" ", 1)[0] if " " in text[:width] else text[:width]
    return head.rstrip(" ،,") + "…"


def to_table(rows: list[dict], width: int = 60) -> str:
    """A plain-text table: one line an event, a long title cut at a word to `width`
    characters with "…"."""
    if not rows:
        return "(the timeline is empty)"
    lines = []
    for row in rows:
        when = row["date"] or (str(row["year"]) if row["year"] else "—")
        title = cut_at_word(row["title"] or "", width)
        agencies = row.get("agency_names") or row["agencies"] or ""
        laws = f"  {{{row['laws']}}}" if row.get("laws") else ""
        lines.append(f"{when:<10}  {row['type']:<14} {row['country'] or '--':<3} "
                     f"{title}  [{agencies}]{laws}  ({row['n_sources']} source"
                     f"{'s' if row['n_sources'] != 1 else ''})")
    return "\n".join(lines)


def describe_extraction(name: str, text: str, result: dict) -> str:
    """A readable summary of one article's extraction (`pipeline.py extract`)."""
    lines = [f"== {name} (published {result['published'] or 'unknown'})"]
    by_label: dict[str, list[str]] = {}
    for entity in result["entities"]:
        shown = entity["text"]
        canonical = entity.get("canonical") or entity.get("value")
        if isinstance(canonical, dict):
            canonical = "/".join(str(canonical[k]) for k in ("kind", "number", "year")
                                 if canonical.get(k))
        if canonical:
            shown += f" → {canonical}"
        if shown not in by_label.setdefault(entity["label"], []):
            by_label[entity["label"]].append(shown)
    for label, items in by_label.items():
        lines.append(f"{label:<9} " + " · ".join(items))
    lines.append(f"{'YEARS':<9} " + ", ".join(str(y) for y in result["years"]))
    for event in result["events"]:
        when = event["date"] or "undated"
        lines.append(f"EVENT     {when:<10} {event['type']:<14} {event['title']}"
                     f"  [{', '.join(event['agencies'])}]")
    return "\n".join(lines)
