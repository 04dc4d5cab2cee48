"""The words that name an event of each PLOVER type (``data/framing/event_words.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

import yaml

DEFAULT_WORDS = resources.files("dyad") / "data" / "framing" / "event_words.yaml"


@dataclass(frozen=True)
class EventWords:
    by_type: dict[str, frozenset[str]]

    @classmethod
    def load(cls, path: str | Path | None = None) -> EventWords:
        source = Path(path) if path else DEFAULT_WORDS
        data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict) -> EventWords:
        return cls({str(k): frozenset(str(w).lower() for w in v or []) for k, v in data.items()})

    def to_dict(self) -> dict[str, list[str]]:
        return {kind: sorted(words) for kind, words in self.by_type.items()}

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word that names an event of some type."""
        return frozenset().union(*self.by_type.values())

    def name(self, event_types: set[str], lemmas: set[str]) -> bool:
        """Whether one of ``lemmas`` names an event of one of ``event_types``."""
        return any(lemmas & self.by_type.get(kind, frozenset()) for kind in event_types)
