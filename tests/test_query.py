"""Reading the timeline back (`timeline/query.py`) and the `timeline --country` filter.

The events are written straight into a real SQLite file, so each filter is checked on
rows whose countries are known: the wrong country must stay out, the right one in.
"""

import json

import pytest
from conftest import run_cli

from timeline.query import timeline_rows

EVENTS = [
    {"type": "agreement", "date": "2024-05-02", "year": 2024, "country": "KW", "title": "مذكرة"},
    {"type": "training", "date": "2024", "year": 2024, "country": "KW", "title": "دورة"},
    {"type": "agreement", "date": "2024-06-01", "year": 2024, "country": "SA", "title": "مذكرة"},
    {"type": "report", "date": "2023", "year": 2023, "country": None, "title": "تقرير"},
    {"type": "meeting", "date": "2022", "year": 2022, "country": "QA", "title": "اجتماع"},
]


@pytest.fixture
def filled(db):
    db["events"].insert_all(EVENTS)
    return db


@pytest.mark.parametrize("country,expected", [
    ("KW", [("agreement", "KW"), ("training", "KW")]),
    ("kw", [("agreement", "KW"), ("training", "KW")]),  # the code is taken in either case
    ("SA", [("agreement", "SA")]),
    ("OM", []),
])
def test_country_filter_keeps_that_country_and_only_it(filled, country, expected):
    rows = timeline_rows(filled, country=country)
    assert sorted((r["type"], r["country"]) for r in rows) == expected


def test_no_country_filter_keeps_every_event(filled):
    assert len(timeline_rows(filled)) == len(EVENTS)


@pytest.mark.parametrize("country,titles", [("kw", {"مذكرة", "دورة"}), ("QA", {"اجتماع"})])
def test_timeline_command_country_option(filled, db_path, country, titles):
    out = run_cli("timeline", "--format", "json", "--country", country, "--db", str(db_path)).output
    rows = json.loads(out)
    assert {r["title"] for r in rows} == titles
    assert {r["country"] for r in rows} == {country.upper()}


def test_filters_combine(filled):
    rows = timeline_rows(filled, country="KW", event_type="agreement")
    assert [(r["type"], r["country"], r["date"]) for r in rows] == [("agreement", "KW", "2024-05-02")]


# --- the other filters (found unguarded by mutation testing)

def test_type_filter(filled):
    assert {r["title"] for r in timeline_rows(filled, event_type="agreement")} == {"مذكرة"}
    assert len(timeline_rows(filled, event_type="agreement")) == 2


@pytest.mark.parametrize("since,until,years", [
    ("2023", None, [2023, 2024, 2024, 2024]),
    (None, "2023", [2022, 2023]),
    ("2024-05", "2024-05", [2024]),  # the year-precise 2024 starts before May: out
    ("2023", "2023", [2023]),
])
def test_since_and_until(filled, since, until, years):
    rows = timeline_rows(filled, since=since, until=until)
    assert sorted(r["year"] for r in rows) == years


def test_agency_filter_by_key_or_name(filled):
    event_id = next(filled.query("SELECT id FROM events WHERE country = 'SA'"))["id"]
    entity = filled["entities"].insert({"label": "AGENCY", "key": "sa-moi", "name_ar": "وزارة الداخلية",
                                        "name_en": "Ministry of Interior (Saudi Arabia)"}).last_pk
    filled["event_entities"].insert({"event_id": event_id, "entity_id": entity, "role": "agency"})
    for agency in ("sa-moi", "الداخلية", "Interior"):
        assert [r["event_id"] for r in timeline_rows(filled, agency=agency)] == [event_id]
    assert timeline_rows(filled, agency="kw-moi") == []


def test_event_ids_filter(filled):
    ids = [r["id"] for r in filled.query("SELECT id FROM events ORDER BY id")][:2]
    assert sorted(r["event_id"] for r in timeline_rows(filled, event_ids=ids)) == ids
    assert timeline_rows(filled, event_ids=[]) == []


def _plan(db, sql: str, params: list) -> str:
    return " | ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_agency_filter_reads_the_links_through_the_index(filled, monkeypatch):
    """The agency's events come from the (entity_id, event_id) index: the plan of the
    timeline query by agency scans neither the events nor their links (issue 12)."""
    moi = filled["entities"].insert({"label": "AGENCY", "key": "kw-moi", "name_ar": "الداخلية"}).last_pk
    other = filled["entities"].insert({"label": "AGENCY", "key": "qa-moi", "name_ar": "قطر"}).last_pk
    ids = [r["id"] for r in filled.query("SELECT id FROM events ORDER BY id")]
    filled["event_entities"].insert_all(
        [{"event_id": i, "entity_id": moi if i % 2 else other, "role": "agency"} for i in ids])
    plans = []
    query = filled.query
    monkeypatch.setattr(filled, "query", lambda sql, params=(): (
        plans.append(_plan(filled, sql, params)), query(sql, params))[1])
    every = [r["event_id"] for r in timeline_rows(filled, agency="kw-moi")]
    assert sorted(every) == [i for i in ids if i % 2]
    assert [r["event_id"] for r in timeline_rows(filled, agency="kw-moi", limit=2)] == every[:2]
    for plan in plans:
        assert "USING COVERING INDEX idx_event_entities_entity_id_event_id" in plan, plan
        assert "SCAN e" not in plan and "SCAN events" not in plan and "SCAN event_entities" not in plan, plan
