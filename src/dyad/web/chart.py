"""The cooperation–conflict charts: per month, counts of cooperation stacked up and
conflict down, or the net intensity of the month's events as a line.

Built here as plain numbers and drawn by a template as SVG, so the page needs no
script and no chart library.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from dyad.plover import quad_class
from dyad.query.intensity import MonthIntensity

# Drawing order away from the axis: verbal first, material further out.
UP = ("verbal_cooperation", "material_cooperation")
DOWN = ("verbal_conflict", "material_conflict")
MAX_MONTHS = 240
WIDTH, HEIGHT, MARGIN = 720, 220, 28
# A few months stay thin bars rather than filling the width.
MAX_STEP = 48
# Room one month label needs, in drawing units.
LABEL_GAP = 100
# A month's width from which each point of the intensity line has its number beside it.
VALUE_GAP = 44


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    quad: str
    title: str


@dataclass
class Chart:
    width: int
    height: int
    axis_y: float
    bars: list[Bar] = field(default_factory=list)
    labels: list[tuple[float, str]] = field(default_factory=list)
    top: int = 0
    undated: int = 0
    months: int = 0
    # The numbers drawn, month by month, for the table under the chart.
    rows: list[tuple[str, dict[str, int]]] = field(default_factory=list)


def _month_range(first: str, last: str) -> list[str]:
    """The months from ``first`` to ``last``; the latest MAX_MONTHS of them if more."""
    index = max(_index(first), _index(last) - MAX_MONTHS + 1)
    year, month = index // 12, index % 12 + 1
    months: list[str] = []
    while f"{year:04d}-{month:02d}" <= last and len(months) < MAX_MONTHS:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def by_quad(counts: Mapping[str, Mapping[str, int]]) -> dict[str, dict[str, int]]:
    """Counts per month and event type as counts per month and quad class."""
    months: dict[str, dict[str, int]] = {}
    for month, types in counts.items():
        quads = months.setdefault(month, {})
        for event_type, count in types.items():
            quad = quad_class(event_type) or event_type
            quads[quad] = quads.get(quad, 0) + count
    return months


def cooperation_conflict(counts: Mapping[str, Mapping[str, int]]) -> Chart:
    """The chart of counts per month (``YYYY-MM`` or ``undated``) and quad class."""
    by_month = {m: c for m, c in counts.items() if len(m) == 7 and m[4] == "-"}
    undated = sum(sum(c.values()) for m, c in counts.items() if m not in by_month)
    if not by_month:
        return Chart(WIDTH, HEIGHT, HEIGHT / 2, undated=undated)
    months = _month_range(min(by_month), max(by_month))
    top = max(
        max(sum(by_month.get(m, {}).get(q, 0) for q in side) for m in months) for side in (UP, DOWN)
    )
    half, axis, step, left = _frame(months)
    chart = Chart(WIDTH, HEIGHT, axis, top=top, undated=undated, months=len(months))
    for index, month in enumerate(months):
        x = left + index * step
        counts_here = by_month.get(month, {})
        if counts_here:
            chart.rows.append((month, dict(counts_here)))
        for side, sign in ((UP, -1), (DOWN, 1)):
            offset = 0.0
            for quad in side:
                count = counts_here.get(quad, 0)
                if not count:
                    continue
                size = half * count / top
                y = axis - offset - size if sign < 0 else axis + offset
                title = f"{month}: {count} {quad.replace('_', ' ')}"
                chart.bars.append(Bar(x + step * 0.1, y, step * 0.8, size, quad, title))
                offset += size
    chart.labels = _month_labels(months, step, left)
    return chart


def _frame(months: list[str]) -> tuple[float, float, float, float]:
    """Half the drawing's height, the axis's y, a month's width and the first month's x."""
    half = (HEIGHT - 2 * MARGIN) / 2
    step = min(MAX_STEP, (WIDTH - 2 * MARGIN) / len(months))
    return half, MARGIN + half, step, (WIDTH - step * len(months)) / 2


def _month_labels(months: list[str], step: float, left: float) -> list[tuple[float, str]]:
    # Labels stay apart even when a phone draws the chart at half size with big type.
    every = max(1, len(months) // 8, math.ceil(LABEL_GAP / step))
    return [(left + i * step + step / 2, month) for i, month in enumerate(months) if i % every == 0]


@dataclass
class Point:
    x: float
    y: float
    month: str
    value: float
    events: int
    # Where the point's number goes: away from the axis for the actual line, towards it
    # for the other, so that the two rarely meet; inside the plot either way.
    label_y: float = 0.0


@dataclass
class Line:
    kind: str  # "actual", or "unconfirmed": intended, claimed and hypothetical events
    path: str  # one stroke per run of months that have a value
    points: list[Point]


@dataclass
class IntensityRow:
    """A month with events, as the table under the chart shows it."""

    month: str
    net: MonthIntensity
    articles: int | None = None
    actual_per_article: float | None = None
    unconfirmed_per_article: float | None = None


@dataclass
class IntensityChart:
    width: int
    height: int
    axis_y: float
    per_article: bool
    # The events the line weighs: dated, undated, and those before the months drawn.
    events: int = 0
    lines: list[Line] = field(default_factory=list)
    labels: list[tuple[float, str]] = field(default_factory=list)
    top: float = 0.0
    undated: int = 0
    months: int = 0
    # Months with events but no stored article published in them: nothing to divide by.
    without_articles: int = 0
    # Whether there is room for each point's number beside it.
    values_shown: bool = False
    rows: list[IntensityRow] = field(default_factory=list)


def net_intensity(
    by_month: Mapping[str, MonthIntensity], articles: Mapping[str, int] | None = None
) -> IntensityChart:
    """The line of each month's net intensity (``YYYY-MM`` or ``undated``), actual events
    apart from the others; with ``articles`` (per month), divided by the month's articles."""
    dated = {m: v for m, v in by_month.items() if len(m) == 7 and m[4] == "-"}
    undated = sum(
        v.actual_events + v.unconfirmed_events for m, v in by_month.items() if m not in dated
    )
    events = sum(v.actual_events + v.unconfirmed_events for v in by_month.values())
    chart = IntensityChart(WIDTH, HEIGHT, HEIGHT / 2, articles is not None, events, undated=undated)
    if not dated:
        return chart
    months = _month_range(min(dated), max(dated))
    half, axis, step, left = _frame(months)
    chart.axis_y, chart.months, chart.values_shown = axis, len(months), step >= VALUE_GAP
    chart.labels = _month_labels(months, step, left)
    empty = MonthIntensity()
    here = [dated.get(m, empty) for m in months]
    divisors = [articles.get(m, 0) if articles is not None else 1 for m in months]
    series = {
        "actual": [(h.actual, h.actual_events) for h in here],
        "unconfirmed": [(h.unconfirmed, h.unconfirmed_events) for h in here],
    }
    values = {
        kind: [net / d if d else None for (net, _), d in zip(nets, divisors, strict=True)]
        for kind, nets in series.items()
    }
    chart.top = max((abs(v) for vs in values.values() for v in vs if v is not None), default=0)
    scale = half / (chart.top or 1)
    for kind, nets in series.items():
        if not any(n for _, n in nets):
            continue
        points, strokes, pen_up = [], [], True
        for index, (value, (_, events)) in enumerate(zip(values[kind], nets, strict=True)):
            if value is None:
                pen_up = True
                continue
            x, y = left + index * step + step / 2, axis - value * scale
            strokes.append(f"{'M' if pen_up else 'L'}{x:.1f},{y:.1f}")
            pen_up = False
            above = (value >= 0) == (kind == "actual")
            if (above and y < MARGIN) or (not above and y + 16 > HEIGHT - MARGIN + 4):
                above = not above
            label_y = y - 8 if above else y + 16
            points.append(Point(x, y, months[index], value, events, label_y))
        chart.lines.append(Line(kind, " ".join(strokes), points))
    for month, h, d in zip(months, here, divisors, strict=True):
        if not (h.actual_events or h.unconfirmed_events):
            continue
        if articles is None:
            chart.rows.append(IntensityRow(month, h))
            continue
        chart.without_articles += not d
        per = (h.actual / d, h.unconfirmed / d) if d else (None, None)
        chart.rows.append(IntensityRow(month, h, d, *per))
    return chart


def signed(value: float | None, per_article: bool = False) -> str:
    """A net intensity as the chart writes it: +6.5, -3, 0; per article two decimals."""
    if value is None:
        return "—"
    if not value:
        return "0"
    text = f"{value:+,.2f}" if per_article else f"{value:+,.1f}"
    return text if per_article else text.removesuffix(".0")
