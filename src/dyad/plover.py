"""The PLOVER event ontology as dyad uses it (types, quad classes, symmetry, intensity)."""

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


def intensity(event_type: str, mode: str | None = None) -> float | None:
    """The manual's conflict-cooperation score of a type and mode (-10 … +10): the
    mode's own score where the manual gives one, else the type's."""
    scores = _ontology()["intensity"].get(event_type)
    if scores is None:
        return None
    if mode:
        mode = _ontology()["mode_aliases"].get(event_type, {}).get(mode, mode)
        if mode in scores:
            return float(scores[mode])
    return float(scores[""])


def mode_scores() -> dict[str, dict[str, float]]:
    """Each scored type's scores by mode, the modes' other names included ('': the
    type's own score): ``intensity`` as a table, for a query to apply in the database."""
    ontology = _ontology()
    table = {}
    for kind, scores in ontology["intensity"].items():
        table[kind] = {mode: float(score) for mode, score in scores.items()}
        for alias, mode in ontology["mode_aliases"].get(kind, {}).items():
            if mode in scores:
                table[kind][alias] = float(scores[mode])
    return table


def scored_modes(event_type: str) -> list[str]:
    """The modes of a type the manual gives a score of their own."""
    return [mode for mode in _ontology()["intensity"].get(event_type, {}) if mode]


def contexts_of(mode: str | None, contexts: tuple[str, ...]) -> list[str] | None:
    """An event's PLOVER contexts: its trigger's, and the context a cyber or
    misinformation mode brings with it."""
    found = list(contexts)
    if mode is not None and mode in _ontology()["mode_contexts"] and mode not in found:
        found.append(mode)
    return found or None
