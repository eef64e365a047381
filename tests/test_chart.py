"""Tests of timeline.chart: the SVG of events per year by type, from a real database file."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from timeline.chart import EVENT_TYPES, nice_scale, render_svg
from timeline.query import timeline_rows
from timeline.store import store_article

SVG = "{http://www.w3.org/2000/svg}"


def fill_db(db, events: list[tuple[int | None, str]], title: str = "حدث"):
    """One event a (year, type), each with one source article; returns the timeline rows."""
    for n, (year, event_type) in enumerate(events, start=1):
        event_id = db["events"].insert({"type": event_type, "year": year, "country": "KW",
                                        "date": None if year is None else str(year),
                                        "title": f"{title} {n}"}).last_pk
        article = store_article(db, url=f"https://www.kuna.net.kw/a/{n}", text=f"خبر رقم {n}")
        db["event_sources"].insert({"event_id": event_id, "article_id": article.article_id,
                                    "evidence": "جملة", "start": 0, "end": 4})
    return timeline_rows(db)


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # well-formed XML, or this raises
    assert root.tag == SVG + "svg"
    return root


def bars(root) -> list[dict]:
    return [r.attrib for r in root.iter(SVG + "rect") if r.get("class") == "bar"]


SPECS = {
    "one year": [(2013, "legislation")],
    "two types in a year": [(2025, "training"), (2025, "training"), (2025, "awareness")],
    "several years": [(2006, "accession"), (2013, "legislation"), (2018, "agreement"),
                      (2025, "training"), (2025, "strategy"), (2025, "training"),
                      (None, "meeting")],
    "every type": [(2000 + i, t) for i, t in enumerate(EVENT_TYPES)],
    "many years": [(1990 + i % 36, t) for i, t in enumerate(list(EVENT_TYPES) * 8)],
}


@pytest.mark.parametrize("name", list(SPECS))
def test_chart_bars_match_the_counts(db, name):
    events = SPECS[name]
    root = parse(render_svg(fill_db(db, events)))
    expected = Counter((y, t) for y, t in events if y is not None)
    shown = {(int(b["data-year"]), b["data-type"]): int(b["data-count"]) for b in bars(root)}
    assert shown == dict(expected)
    assert len(bars(root)) == len(expected)


@pytest.mark.parametrize("name", list(SPECS))
def test_chart_totals_and_legend(db, name):
    events = [(y, t) for y, t in SPECS[name] if y is not None]
    root = parse(render_svg(fill_db(db, SPECS[name])))
    totals = {int(t.get("data-year")): int(t.text) for t in root.iter(SVG + "text")
              if t.get("class") == "total"}
    assert totals == dict(Counter(y for y, _ in events))
    legend = {g.get("data-type"): int(g.get("data-count")) for g in root.iter(SVG + "g")
              if g.get("class") == "legend-item"}
    assert legend == dict(Counter(t for _, t in events))
    order = [g.get("data-type") for g in root.iter(SVG + "g") if g.get("class") == "legend-item"]
    assert order == [t for t in EVENT_TYPES if t in legend]


@pytest.mark.parametrize("event_type", list(EVENT_TYPES))
def test_chart_legend_names_each_type(db, event_type):
    ar, en, colour = EVENT_TYPES[event_type]
    root = parse(render_svg(fill_db(db, [(2020, event_type)])))
    item, = [g for g in root.iter(SVG + "g") if g.get("class") == "legend-item"]
    assert ar in item.find(SVG + "text").text and en in item.find(SVG + "text").text
    assert bars(root)[0]["fill"] == colour == item.find(SVG + "rect").get("fill")


def test_chart_colours_are_fixed_and_distinct():
    colours = [colour for _, _, colour in EVENT_TYPES.values()]
    assert len(EVENT_TYPES) == 11 and len(set(colours)) == 11


@pytest.mark.parametrize("name", ["several years", "many years"])
def test_chart_years_run_left_to_right_without_gaps_in_the_axis(db, name):
    years = sorted({y for y, _ in SPECS[name] if y is not None})
    root = parse(render_svg(fill_db(db, SPECS[name])))
    labels = [(float(t.get("x")), int(t.text)) for t in root.iter(SVG + "text")
              if t.get("class") == "year"]
    assert labels == sorted(labels) and labels[0][1] == years[0]
    assert {y for _, y in labels} <= set(range(years[0], years[-1] + 1))
    spacing = {round(b - a, 1) for (a, _), (b, _) in itertools.pairwise(labels)}
    assert len(spacing) <= 1  # evenly spaced, one slot a year (or every k-th year)
    assert float(root.get("width")) <= 1000


@pytest.mark.parametrize("events", [[], [(None, "meeting"), (None, "training")]])
def test_chart_without_dated_events(db, events):
    root = parse(render_svg(fill_db(db, events)))
    assert not bars(root)
    assert any("No dated events" in (t.text or "") for t in root.iter(SVG + "text"))


@pytest.mark.parametrize("event_type", ['<script>alert("x")</script>', "a&b"])
def test_chart_escapes_unknown_type_names(db, event_type):
    svg = render_svg(fill_db(db, [(2024, event_type)]))
    root = parse(svg)
    assert "<script" not in svg
    assert bars(root)[0]["data-type"] == event_type


@pytest.mark.parametrize("largest,expected", [(0, (1, 1)), (1, (1, 1)), (5, (5, 1)), (6, (6, 2)),
                                              (11, (15, 5)), (120, (150, 50))])
def test_chart_nice_scale(largest, expected):
    assert nice_scale(largest) == expected


@pytest.mark.parametrize("events", [
    [(2013, "legislation"), (2013, "legislation"), (2014, "report")]])
def test_chart_bar_heights_are_proportional(db, events):
    root = parse(render_svg(fill_db(db, events)))
    heights = {b["data-year"]: float(b["height"]) for b in bars(root)}
    assert heights["2013"] == pytest.approx(2 * heights["2014"])
