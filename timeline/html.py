"""Stage "export": the timeline as one self-contained HTML page in Arabic, right to left.

Called by `timeline.ops.render_timeline` for `pipeline.py timeline --format html`. The
rows come from `timeline.query.timeline_rows` (already in timeline order), each event's
agencies, laws and sources from `timeline.query.event_details`, and the chart at the top
from `timeline.chart.render_svg`. The page needs nothing but itself: inline CSS, no
script, no web fonts, so it opens from disk and prints. Every value is escaped.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlparse

import sqlite_utils

from timeline.chart import render_svg, type_colour, type_names
from timeline.query import event_details

UNDATED = "غير مؤرخ"
COUNTRIES = {"KW": "الكويت", "SA": "السعودية", "AE": "الإمارات", "QA": "قطر",
             "BH": "البحرين", "OM": "عُمان"}
TITLE = "الخط الزمني لمكافحة الاتجار بالأشخاص وتهريب المهاجرين"
INTRO = ("أحداث مستخرجة آلياً من الأخبار العربية عن الكويت ودول الخليج، مرتبة حسب السنة؛ "
         "لكل حدث جهاته وقوانينه ومصادره ونص الدليل من أول مصدر.")

CSS = """
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #e3e3e6; --paper: #fafaf7; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.25rem 3rem; background: var(--paper);
  color: var(--ink); direction: rtl; text-align: right; font-size: 17px; line-height: 1.75;
  font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", "Geeza Pro",
    "Arabic Typesetting", "Traditional Arabic", Tahoma, "DejaVu Sans", Arial, sans-serif; }
h1 { font-size: 1.7rem; line-height: 1.4; margin: 0 0 .4rem; }
.intro, .summary { color: var(--muted); margin: 0 0 .3rem; }
figure.chart { margin: 1.2rem 0; padding: .8rem; background: #fff; border: 1px solid var(--line);
  border-radius: 8px; overflow-x: auto; direction: ltr; text-align: center; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { direction: rtl; color: var(--muted); font-size: .9rem; }
nav.years { margin: .6rem 0 1rem; }
nav.years a { margin-left: .8rem; color: #1f4e79; }
section.year > h2 { font-size: 1.4rem; margin: 2rem 0 .8rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--ink); }
ol.events { list-style: none; margin: 0; padding: 0; }
.event { background: #fff; border: 1px solid var(--line); border-right: 6px solid var(--c, #999);
  border-radius: 6px; padding: .8rem 1rem; margin: 0 0 .9rem; break-inside: avoid; }
.event header { display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: baseline;
  font-size: .92rem; color: var(--muted); }
.event time { font-weight: bold; color: var(--ink); unicode-bidi: isolate; direction: ltr; }
.type { color: #fff; background: var(--c, #999); border-radius: 4px; padding: 0 .5rem; }
.type [lang="en"] { color: inherit; }
.event h3 { font-size: 1.15rem; margin: .3rem 0 .4rem; line-height: 1.6; }
.event dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: 0;
  font-size: .95rem; }
.event dt { color: var(--muted); }
.event dd { margin: 0; }
.event ul, .event ol.sources { margin: 0; padding-right: 1.2rem; }
[lang="en"] { font-family: "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: var(--muted);
  font-size: .9em; }
.sources a { color: #1f4e79; overflow-wrap: anywhere; }
.url { overflow-wrap: anywhere; direction: ltr; unicode-bidi: isolate; }
blockquote.evidence { margin: .6rem 0 0; padding: .4rem .8rem; border-right: 3px solid var(--line);
  background: #f6f6f3; font-size: .95rem; }
.empty { color: var(--muted); font-size: 1.1rem; }
@media print {
  body { background: #fff; max-width: none; font-size: 12pt; }
  nav.years { display: none; }
  .event, figure.chart { border-color: #999; }
  .sources a[href]::after { content: " <" attr(href) ">"; font-size: .8em; color: #555; }
}
"""


def _e(value) -> str:
    return escape("" if value is None else str(value))


def _when(row: dict) -> str:
    value = row.get("date") or (str(row["year"]) if row.get("year") is not None else "")
    if not value:
        return f"<time>{UNDATED}</time>"
    return f'<time datetime="{_e(value)}">{_e(value)}</time>'


def _both(name_ar, name_en, key) -> str:
    """An agency or law in Arabic and English, each falling back to the canonical key."""
    ar, en = name_ar or key, name_en or key
    english = f' <span lang="en" dir="ltr">{_e(en)}</span>' if en and en != ar else ""
    return f"<li><span>{_e(ar)}</span>{english}</li>"


def _source(source: dict) -> str:
    url = source.get("url") or ""
    label = _e(source.get("title") or url)
    if urlparse(url).scheme.lower() in ("http", "https"):
        link = f'<a href="{_e(url)}" rel="noopener noreferrer">{label}</a>'
    else:
        link = f'<span class="url">{label}</span>'
        if source.get("title") and url:
            link += f' (<span class="url">{_e(url)}</span>)'
    meta = " · ".join(_e(v) for v in (source.get("source"), source.get("published")) if v)
    return f"<li>{link}{f' — {meta}' if meta else ''}</li>"


def _facts(row: dict, details: dict) -> str:
    """The card's list of agencies, laws, place and sources."""
    facts = []
    if details["agencies"]:
        items = "".join(_both(a["name_ar"], a["name_en"], a["key"]) for a in details["agencies"])
        facts.append(f'<dt>الجهات</dt><dd><ul class="agencies">{items}</ul></dd>')
    if details["laws"]:
        items = "".join(_both(law["name_ar"], law["name_en"], law["key"])
                        for law in details["laws"])
        facts.append(f'<dt>القوانين</dt><dd><ul class="laws">{items}</ul></dd>')
    if row.get("location"):
        facts.append(f'<dt>المكان</dt><dd class="location">{_e(row["location"])}</dd>')
    sources = list({s["url"]: s for s in reversed(details["sources"])}.values())[::-1]
    n = row.get("n_sources") or len(sources)  # an article citing it twice is one source
    items = "".join(_source(s) for s in sources)
    facts.append(f'<dt>المصادر (<span class="n-sources">{n}</span>)</dt>'
                 f'<dd><ol class="sources">{items}</ol></dd>')
    return "<dl>" + "".join(facts) + "</dl>"


def render_event(db: sqlite_utils.Database, row: dict) -> str:
    """One event as an `<li class="event">` card."""
    details = event_details(db, row["event_id"])
    event_type = row.get("type") or ""
    ar, en = type_names(event_type)
    country = row.get("country") or ""
    country_label = f"{COUNTRIES[country]} ({country})" if country in COUNTRIES else country
    evidence = next((s["evidence"] for s in details["sources"] if s.get("evidence")), None)
    return "".join([
        (f'<li class="event" id="event-{_e(row["event_id"])}" data-type="{_e(event_type)}" '
        f'data-year="{_e(row.get("year"))}" style="--c: {type_colour(event_type)}">'),
        f'<header>{_when(row)} <span class="type">{_e(ar)}',
        f' · <span lang="en" dir="ltr">{_e(en)}</span>' if en != ar else "", "</span>",
        f' <span class="country">{_e(country_label)}</span></header>' if country else "</header>",
        f'<h3 class="title">{_e(row.get("title"))}</h3>',
        _facts(row, details),
        f'<blockquote class="evidence">{_e(evidence)}</blockquote>' if evidence else "",
        "</li>"])


def group_by_year(rows: list[dict]) -> list[tuple[int | None, list[dict]]]:
    """[(year, rows)] oldest year first, undated last; rows keep their order in a year."""
    groups: dict[int | None, list[dict]] = {}
    for row in rows:
        groups.setdefault(row.get("year"), []).append(row)
    return sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or 0))


def _anchor(year: int | None) -> tuple[str, str]:
    """(element id, heading) of a year's section."""
    return ("undated", UNDATED) if year is None else (f"y{year}", str(year))


def _section(db: sqlite_utils.Database, year: int | None, rows: list[dict]) -> str:
    anchor, heading = _anchor(year)
    cards = "".join(render_event(db, row) for row in rows)
    return (f'<section class="year" id="{anchor}" data-year="{_e(year)}">'
            f'<h2>{_e(heading)}</h2><ol class="events">{cards}</ol></section>')


def render_html(db: sqlite_utils.Database, rows: list[dict]) -> str:
    """The whole page for `rows` (from `timeline_rows`), chart first, then year by year."""
    groups = group_by_year(rows)
    links = " ".join('<a href="#{}">{}</a>'.format(*map(_e, _anchor(year))) for year, _ in groups)
    years = sorted(row["year"] for row in rows if row.get("year") is not None)
    span = f" · من سنة {years[0]} إلى سنة {years[-1]}" if years else ""
    body = ("".join(_section(db, year, group) for year, group in groups) if rows
            else '<p class="empty">لا توجد أحداث في الخط الزمني بعد.</p>')
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="ar" dir="rtl">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(TITLE)}</title>",
        f"<style>{CSS}</style></head>",
        "<body>",
        f"<header><h1>{_e(TITLE)}</h1><p class=\"intro\">{_e(INTRO)}</p>",
        (f'<p class="summary">عدد الأحداث: {len(rows)}{span}</p>'
        "</header>"),
        (f'<figure class="chart">{render_svg(rows)}'
        "<figcaption>عدد الأحداث المؤرخة في كل سنة حسب النوع</figcaption></figure>"),
        f'<nav class="years">{links}</nav>' if groups else "",
        f"<main>{body}</main>",
        "</body></html>", ""])
