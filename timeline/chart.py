"""Stage "export": the timeline as an SVG bar chart, events per year stacked by type.

Called by `timeline.ops.render_timeline` for `pipeline.py timeline --format svg`, and by
`timeline.html` for the chart at the top of the page. Hand-built SVG, no library: one
bar a year from the first to the last dated year (years without events stay as gaps),
one segment a type in a fixed colour, the count above each bar and a legend of the
types present. Rows without a year are left out. The Arabic and English names
and the colour of the 11 event types come from `core.vocabulary`.
"""

from __future__ import annotations

import math
from collections import Counter
from html import escape

from core.vocabulary import EVENT_TYPE_NAMES

# type -> (Arabic name, English name, colour); the order is the stacking order.
EVENT_TYPES = EVENT_TYPE_NAMES
OTHER_COLOUR = "#b0b0b0"
FONT = "'Noto Sans Arabic', 'Noto Naskh Arabic', 'Segoe UI', Tahoma, 'DejaVu Sans', sans-serif"

PLOT_HEIGHT, LEFT, RIGHT, TOP = 220, 48, 20, 44
LEGEND_ITEM, LEGEND_ROW = 200, 22
MIN_WIDTH, MAX_PLOT_WIDTH = 480, 900


def type_names(event_type: str) -> tuple[str, str]:
    """(Arabic, English) names of an event type; an unknown type keeps its own name."""
    ar, en, _ = EVENT_TYPES.get(event_type, (event_type, event_type, OTHER_COLOUR))
    return ar, en


def type_colour(event_type: str) -> str:
    return EVENT_TYPES.get(event_type, ("", "", OTHER_COLOUR))[2]


def count_by_year(rows: list[dict]) -> dict[int, Counter]:
    """{year: Counter(type -> events)} over the rows that have a year."""
    counts: dict[int, Counter] = {}
    for row in rows:
        if row.get("year") is not None:
            counts.setdefault(int(row["year"]), Counter())[row.get("type") or "?"] += 1
    return counts


def nice_scale(largest: int) -> tuple[int, int]:
    """(top of the axis, tick step): a 1-2-5 step giving at most five ticks."""
    step, factors = 1, (2, 2.5, 2)  # 1, 2, 5, 10, 20, 50, ...
    while math.ceil(largest / step) > 5:
        step = int(step * factors[0])
        factors = factors[1:] + factors[:1]
    return max(1, math.ceil(largest / step) * step), step


def _text(x: float, y: float, content: str, css_class: str, **attrs) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{escape(str(v))}"' for k, v in attrs.items())
    return f'<text class="{css_class}" x="{x:.1f}" y="{y:.1f}"{extra}>{escape(content)}</text>'


def _ordered_types(counts: dict[int, Counter]) -> list[str]:
    present = set().union(*counts.values()) if counts else set()
    return [t for t in EVENT_TYPES if t in present] + sorted(present - set(EVENT_TYPES))


def _empty_svg() -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" role="img" '
            f'width="{MIN_WIDTH}" height="70" viewBox="0 0 {MIN_WIDTH} 70" '
            f'font-family="{escape(FONT)}"><title>لا توجد أحداث مؤرخة · No dated events</title>'
            + _text(MIN_WIDTH / 2, 40, "لا توجد أحداث مؤرخة · No dated events", "empty",
                    text_anchor="middle", font_size=15, fill="#555") + "</svg>")


def _bars(counts, years, types, x0, slot, top, y_of) -> list[str]:
    parts, bar = [], slot * 0.7
    label_every = max(1, math.ceil(36 / slot))
    for i, year in enumerate(years):
        x = x0 + i * slot + (slot - bar) / 2
        base, total = TOP + PLOT_HEIGHT, sum(counts.get(year, Counter()).values())
        for event_type in types:
            n = counts.get(year, Counter())[event_type]
            if not n:
                continue
            height = PLOT_HEIGHT * n / top
            ar, en = type_names(event_type)
            parts.append(
                f'<rect class="bar" data-year="{year}" data-type="{escape(event_type)}" '
                f'data-count="{n}" x="{x:.1f}" y="{base - height:.1f}" width="{bar:.1f}" '
                f'height="{height:.1f}" fill="{type_colour(event_type)}">'
                f'<title>{year} · {escape(ar)} · {escape(en)}: {n}</title></rect>')
            base -= height
        if total:
            parts.append(_text(x + bar / 2, y_of(total) - 5, str(total), "total",
                               data_year=year, text_anchor="middle", font_size=12))
        if i % label_every == 0:
            parts.append(_text(x + bar / 2, TOP + PLOT_HEIGHT + 18, str(year), "year",
                               text_anchor="middle", font_size=12))
    return parts


def _axis(width: float, top: int, step: int, y_of) -> list[str]:
    parts = []
    for value in range(0, top + 1, step):
        y = y_of(value)
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{width - RIGHT}" y1="{y:.1f}" '
                     f'y2="{y:.1f}" stroke="{"#333" if value == 0 else "#ddd"}"/>')
        parts.append(_text(LEFT - 8, y + 4, str(value), "tick", text_anchor="end", font_size=11))
    parts.append(_text(14, TOP + PLOT_HEIGHT / 2, "الأحداث · Events", "axis-label",
                       text_anchor="middle", font_size=12,
                       transform=f"rotate(-90 14 {TOP + PLOT_HEIGHT / 2:.1f})"))
    parts.append(_text(LEFT + (width - LEFT - RIGHT) / 2, TOP + PLOT_HEIGHT + 40,
                       "السنة · Year", "axis-label", text_anchor="middle", font_size=12))
    return parts


def _legend(counts, types, width: float, y0: float) -> list[str]:
    totals = Counter()
    for per_type in counts.values():
        totals.update(per_type)
    per_row = max(1, int((width - LEFT) // LEGEND_ITEM))
    parts = []
    for i, event_type in enumerate(types):
        x = LEFT + (i % per_row) * LEGEND_ITEM
        y = y0 + (i // per_row) * LEGEND_ROW
        ar, en = type_names(event_type)
        label = f"{en} ({totals[event_type]})" + (f" · {ar}" if ar != en else "")
        parts.append(f'<g class="legend-item" data-type="{escape(event_type)}" '
                     f'data-count="{totals[event_type]}">'
                     f'<rect x="{x}" y="{y - 11}" width="13" height="13" '
                     f'fill="{type_colour(event_type)}"/>'
                     + _text(x + 19, y, label, "legend", font_size=12) + "</g>")
    return parts


def render_svg(rows: list[dict]) -> str:
    """A standalone SVG of events per year stacked by type (rows from `timeline_rows`)."""
    counts = count_by_year(rows)
    if not counts:
        return _empty_svg()
    years = list(range(min(counts), max(counts) + 1))
    types = _ordered_types(counts)
    slot = max(12.0, min(56.0, MAX_PLOT_WIDTH / len(years)))
    width = max(MIN_WIDTH, LEFT + len(years) * slot + RIGHT)
    x0 = LEFT + (width - LEFT - RIGHT - len(years) * slot) / 2  # few years: centred
    top, step = nice_scale(max(sum(c.values()) for c in counts.values()))
    per_row = max(1, int((width - LEFT) // LEGEND_ITEM))
    height = TOP + PLOT_HEIGHT + 70 + math.ceil(len(types) / per_row) * LEGEND_ROW
    y_of = lambda value: TOP + PLOT_HEIGHT - PLOT_HEIGHT * value / top
    title = "الأحداث حسب السنة والنوع · Events per year by type"
    return "".join([
        (f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" role="img" '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'font-family="{escape(FONT)}" fill="#222"><title>{escape(title)}</title>'),
        _text(width / 2, 24, title, "chart-title", text_anchor="middle", font_size=15,
              font_weight="bold"),
        *_axis(width, top, step, y_of),
        *_bars(counts, years, types, x0, slot, top, y_of),
        *_legend(counts, types, width, TOP + PLOT_HEIGHT + 68),
        "</svg>"])
