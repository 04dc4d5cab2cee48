"""The cooperation–conflict chart: per month, cooperation stacked up, conflict down.

Built here as plain numbers and drawn by a template as SVG, so the page needs no
script and no chart library.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from dyad.plover import quad_class

# Drawing order away from the axis: verbal first, material further out.
UP = ("verbal_cooperation", "material_cooperation")
DOWN = ("verbal_conflict", "material_conflict")
MAX_MONTHS = 240
WIDTH, HEIGHT, MARGIN = 720, 220, 28
# A few months stay thin bars rather than filling the width.
MAX_STEP = 48
# Room one month label needs, in drawing units.
LABEL_GAP = 100


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
    half = (HEIGHT - 2 * MARGIN) / 2
    axis = MARGIN + half
    step = min(MAX_STEP, (WIDTH - 2 * MARGIN) / len(months))
    left = (WIDTH - step * len(months)) / 2
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
    # Labels stay apart even when a phone draws the chart at half size with big type.
    every = max(1, len(months) // 8, math.ceil(LABEL_GAP / step))
    chart.labels = [
        (left + i * step + step / 2, month) for i, month in enumerate(months) if i % every == 0
    ]
    return chart
