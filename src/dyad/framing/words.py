"""The words that name an event of each PLOVER type, and those who carry it out
(``data/framing/event_words.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

DEFAULT_WORDS = resources.files("dyad") / "data" / "framing" / "event_words.yaml"


DOERS = "doers"


@dataclass(frozen=True)
class EventWords:
    by_type: dict[str, frozenset[str]]
    # PLOVER type -> nouns for those who carry such an event out ("protester").
    doers: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> EventWords:
        source = Path(path) if path else DEFAULT_WORDS
        data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict) -> EventWords:
        def lemmas(by_type: dict) -> dict[str, frozenset[str]]:
            return {str(k): frozenset(str(w).lower() for w in v or []) for k, v in by_type.items()}

        kinds = {k: v for k, v in data.items() if k != DOERS}
        return cls(lemmas(kinds), lemmas(data.get(DOERS) or {}))

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {kind: sorted(words) for kind, words in self.by_type.items()}
        data[DOERS] = {kind: sorted(words) for kind, words in self.doers.items()}
        return data

    def done_by(self, noun: str) -> set[str]:
        """The types of event that those named ``noun`` carry out."""
        return {kind for kind, nouns in self.doers.items() if noun in nouns}

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every word that names an event of some type."""
        return frozenset().union(*self.by_type.values())

    def name(self, event_types: set[str], lemmas: set[str]) -> bool:
        """Whether one of ``lemmas`` names an event of one of ``event_types``."""
        return any(lemmas & self.by_type.get(kind, frozenset()) for kind in event_types)
