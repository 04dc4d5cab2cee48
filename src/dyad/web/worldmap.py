"""The events-by-country map: the bundled country outlines shaded by event counts.

Drawn by a template as SVG, each country with events a link that filters the
view to it; the outlines are data (``dyad/data/geo``), never fetched.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from markupsafe import Markup

SHADES = 5
PATH = re.compile(r"[MLZ0-9.,\-]+")


@dataclass
class Country:
    code: str
    path: str
    events: int
    shade: int  # 0: no events; 1 … SHADES, by the logarithm of the count


@dataclass
class WorldMap:
    width: int
    height: int
    countries: list[Country] = field(default_factory=list)
    # Countries with events but no outline (small islands, codes Natural Earth lacks).
    unmapped: dict[str, int] = field(default_factory=dict)

    @property
    def busiest(self) -> list[tuple[str, int]]:
        counted = [(c.code, c.events) for c in self.countries if c.events]
        return sorted([*counted, *self.unmapped.items()], key=lambda item: (-item[1], item[0]))


@cache
def _outlines() -> dict:
    path = resources.files("dyad").joinpath("data/geo/countries-110m.json")
    outlines = json.loads(path.read_text(encoding="utf-8"))
    # Paths are numbers and drawing commands only, so they go into the page unescaped.
    for code, drawing in outlines["countries"].items():
        if not PATH.fullmatch(drawing):
            raise ValueError(f"the outline of {code} is not an SVG path of numbers")
        outlines["countries"][code] = Markup(drawing)
    return outlines


def world_map(counts: Mapping[str, int]) -> WorldMap:
    outlines = _outlines()
    most = max(counts.values(), default=0)
    top = math.log1p(most) or 1.0
    drawn = WorldMap(outlines["width"], outlines["height"])
    for code, path in outlines["countries"].items():
        events = counts.get(code, 0)
        shade = max(1, math.ceil(SHADES * math.log1p(events) / top)) if events else 0
        drawn.countries.append(Country(code, path, events, shade))
    drawn.unmapped = {c: n for c, n in counts.items() if n and c not in outlines["countries"]}
    return drawn
