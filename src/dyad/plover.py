"""The PLOVER event ontology as dyad uses it (types, quad classes, symmetry)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def _ontology() -> dict:
    return yaml.safe_load(resources.files("dyad").joinpath("data/plover.yaml").read_text("utf-8"))


def event_types() -> list[str]:
    return list(_ontology()["types"])


def quad_classes() -> list[str]:
    return list(_ontology()["quads"])


def quad_class(event_type: str) -> str | None:
    entry = _ontology()["types"].get(event_type)
    return entry["quad"] if entry else None


def is_symmetric(event_type: str) -> bool:
    entry = _ontology()["types"].get(event_type)
    return bool(entry and entry.get("symmetric"))
