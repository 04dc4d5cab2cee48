"""The cue lexicon: word lists the quotes stage depends on, read from YAML."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

import yaml

DEFAULT_CUES = resources.files("dyad") / "data" / "quotes" / "cues.yaml"
IMPRESSION_CUE, SPEECH_NOUN_CUE, SPEECH_VERB_CUE = 1, 2, 4


@dataclass(frozen=True)
class CueLexicon:
    speech_verbs: frozenset[str]
    cognition_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    attribution_verbs: frozenset[str]
    impression_verbs: frozenset[str]
    non_report_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    source_prepositions: tuple[tuple[str, ...], ...]
    document_nouns: frozenset[str]
    # spaCy's hash of a lemma -> the cue lists its lower case is in (``cue_kinds``), filled
    # as lemmas are met: each article's few hundred lemmas were read back as strings otherwise.
    lemma_kinds: dict[int, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def cue_kinds(self, lemma: str) -> int:
        """Which of the lists a lemma (lower case) can cue through, as ``*_CUE`` bits: an
        impression verb, a speech noun, a speech verb or the first word of one ('point
        out')."""
        kinds = IMPRESSION_CUE if lemma in self.impression_verbs else 0
        if lemma in self.speech_nouns:
            kinds |= SPEECH_NOUN_CUE
        if lemma in self.speech_verbs or lemma in self.speech_verb_heads:
            kinds |= SPEECH_VERB_CUE
        return kinds

    @cached_property
    def speech_verb_heads(self) -> frozenset[str]:
        """The first words of the speech verbs written with a particle ('point out')."""
        return frozenset(verb.split()[0] for verb in self.speech_verbs if " " in verb)

    @classmethod
    def load(cls, path: str | Path | None = None) -> CueLexicon:
        source = Path(path) if path else DEFAULT_CUES
        data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict) -> CueLexicon:
        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in data.get(key) or [])

        return cls(
            speech_verbs=words("speech_verbs"),
            cognition_verbs=words("cognition_verbs"),
            stance_verbs=words("stance_verbs"),
            attribution_verbs=words("attribution_verbs"),
            impression_verbs=words("impression_verbs"),
            non_report_verbs=words("non_report_verbs"),
            speech_nouns=words("speech_nouns"),
            source_prepositions=tuple(
                tuple(str(p).lower().split()) for p in data.get("source_prepositions") or []
            ),
            document_nouns=words("document_nouns"),
        )

    def to_dict(self) -> dict:
        return {
            "speech_verbs": sorted(self.speech_verbs),
            "cognition_verbs": sorted(self.cognition_verbs),
            "stance_verbs": sorted(self.stance_verbs),
            "attribution_verbs": sorted(self.attribution_verbs),
            "impression_verbs": sorted(self.impression_verbs),
            "non_report_verbs": sorted(self.non_report_verbs),
            "speech_nouns": sorted(self.speech_nouns),
            "source_prepositions": [" ".join(p) for p in self.source_prepositions],
            "document_nouns": sorted(self.document_nouns),
        }
