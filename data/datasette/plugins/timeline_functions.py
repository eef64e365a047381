"""Datasette plugin of `pipeline.py serve`: read-only connections, and the SQL functions
the canned queries call.

Every connection to the timeline gets `PRAGMA query_only` (Datasette already opens it
with `mode=ro` and accepts SELECT only; this makes SQLite itself refuse any write).

- `search_match(query)`: the FTS5 expression of a query, normalised exactly as
  `pipeline.py search` normalises it (hamza, alef, ya, ta marbuta, diacritics, attached
  clitics: timeline.store.match_expression);
- `state_en(code)`, `state_ar(code)`: a state's English and Arabic names from the places
  gazetteer ("KW" -> "Kuwait", "الكويت");
- `type_ar(type)`: an event type's Arabic name (as on the HTML timeline and chart).
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from datasette import hookimpl

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:  # the project, when it is not installed in the environment
    sys.path.insert(0, str(ROOT))

from nlp.gazetteer import load_places
from timeline.chart import EVENT_TYPES
from timeline.store import match_expression


@lru_cache(maxsize=1)
def _states() -> dict[str, tuple[str, str]]:
    return {p.id: (p.en, p.names[0]) for p in load_places() if p.kind == "country"}


def state_name(code: str | None, index: int) -> str | None:
    found = _states().get((code or "").upper())
    return found[index] if found else None


def type_ar(event_type: str | None) -> str | None:
    return EVENT_TYPES.get(event_type or "", (None,))[0]


@hookimpl
def prepare_connection(conn, database):
    if database == "_internal":
        return  # Datasette's own in-memory catalogue, which it writes
    conn.execute("PRAGMA query_only = 1")  # whatever the SQL, SQLite refuses to write
    conn.create_function("search_match", 1, match_expression, deterministic=True)
    conn.create_function("state_en", 1, lambda code: state_name(code, 0), deterministic=True)
    conn.create_function("state_ar", 1, lambda code: state_name(code, 1), deterministic=True)
    conn.create_function("type_ar", 1, type_ar, deterministic=True)
