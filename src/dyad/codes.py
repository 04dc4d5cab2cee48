"""Names of the codes answers carry: countries (PSE: Palestine) and sectors (REB: rebels)."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def _names(file: str, key: str) -> dict[str, str]:
    path = resources.files("dyad").joinpath(f"data/kb/{file}")
    names: dict[str, str] = {}
    with path.open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            # CountryInfo lists some codes again for dependencies (GBR: Jersey) and holds
            # a stray header line (": Country Name In English"): the first real name wins.
            if not row["name"].startswith(":"):
                names.setdefault(row[key], row["name"])
    return names


def country_name(code: str | None) -> str | None:
    """The country an ISO3 code names; None for a code the knowledge base lacks."""
    return _names("countries.csv", "id").get(code or "")


def sector_name(code: str | None) -> str | None:
    """What a CAMEO sector code stands for; None for an unknown code."""
    return _names("sectors.csv", "code").get(code or "")


def countries() -> dict[str, str]:
    """Every ISO3 code the knowledge base knows, with its name."""
    return dict(_names("countries.csv", "id"))
