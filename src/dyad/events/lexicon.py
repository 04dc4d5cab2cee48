"""The event lexicon: PLOVER frames for verbs and nouns, and the cue word lists.

All of it is data under ``src/dyad/data/events/`` (YAML); this module only
loads it into frozen dataclasses the extractor can match quickly. The verb frames
come in two layers: ``cameo_verbs.yaml``, compiled from the CAMEO verb dictionary
by ``scripts/build_event_lexicon.py``, and the curated ``verbs.yaml`` over it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "events"
CAMEO_VERBS = "cameo_verbs.yaml"
SPEECH = "speech.yaml"
LEXICON_FILES = (
    "verbs.yaml",
    CAMEO_VERBS,
    "nouns.yaml",
    "cues.yaml",
    "named_events.yaml",
    SPEECH,
)

# libyaml's parser, when PyYAML has it, reads the compiled CAMEO layer several times faster.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _WordLoader(_SafeLoader):
    """YAML 1.1 reads on/off/yes/no as booleans; in word lists they are words."""


_WordLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)


def _load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_WordLoader)  # noqa: S506


@dataclass(frozen=True)
class Frame:
    """One reading of a trigger word: the PLOVER code and where its arguments are."""

    type: str
    mode: str | None = None
    target: tuple[str, ...] = ()
    prep: frozenset[str] = frozenset()
    particle: frozenset[str] = frozenset()
    object: frozenset[str] = frozenset()
    object_actor: bool | None = None
    complement: bool | None = None
    object_person: bool = False
    source_kind: frozenset[str] = frozenset()
    modifier: frozenset[str] = frozenset()
    of: str = "source"  # what "N of X" names for a noun: its source or its target
    absorb: bool = False
    holder: bool = False
    plural: bool = False
    mutual: bool = False  # "India and Pakistan exchanged fire": each side acts on the other
    subject: frozenset[str] = frozenset()  # the subject's lemma is one of these ("a bomb exploded")
    clause: frozenset[str] = frozenset()  # the verb of its complement ("vowed to *crush* …")
    # the object of a preposition of the verb (or of its particle): "withdrew from the *treaty*"
    prep_object: frozenset[str] = frozenset()
    described: bool = False  # an agent noun, an event only when it describes an actor
    also: bool = False  # the next frames are tried too: one verb, two events
    context: tuple[str, ...] = ()  # PLOVER's contexts for the CAMEO code the frame came from
    compiled: bool = False  # from the CAMEO layer, not the curated one

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Frame:
        sets = (
            "prep",
            "particle",
            "object",
            "source_kind",
            "modifier",
            "subject",
            "clause",
            "prep_object",
        )
        values: dict[str, Any] = {k: frozenset(data[k]) if k in sets else data[k] for k in data}
        for name in ("target", "context"):
            if name in values:
                values[name] = tuple(values[name])
        return cls(**values)


@dataclass(frozen=True)
class NamedEvent:
    """A well-known event referred to by its date ("the October 7 attacks")."""

    date: str  # the day, as a TIMEX3 value (YYYY-MM-DD)
    nouns: frozenset[str]
    aliases: tuple[str, ...]
    type: str
    source: str | None
    target: str | None
    alias_pattern: re.Pattern[str] | None = None  # the aliases as whole words


@dataclass(frozen=True)
class NamedActor:
    """A participant of a named event that the article may not name itself."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class Cues:
    support_verbs: frozenset[str]
    inverse_support_verbs: frozenset[str]
    light_verbs: frozenset[str]
    partitive_nouns: frozenset[str]
    promise_words: frozenset[str]
    planning_words: frozenset[str]
    deciding_words: frozenset[str]
    threat_words: frozenset[str]
    directive_words: frozenset[str]
    inviting_words: frozenset[str]
    invited_types: frozenset[str]
    asking_for_words: frozenset[str]
    wanting_words: frozenset[str]
    request_modes: dict[str, str]  # type of the act asked for -> REQUEST mode
    intent_nouns: frozenset[str]
    aim_nouns: frozenset[str]
    proposing_words: frozenset[str]
    accident_words: frozenset[str]
    voiced_types: frozenset[str]
    aimed_modes: frozenset[str]
    future_auxiliaries: frozenset[str]
    backshifted_auxiliaries: frozenset[str]
    future_statement_verbs: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    conditional_marks: frozenset[str]
    negating_words: frozenset[str]
    refusing_words: frozenset[str]
    negating_determiners: frozenset[str]
    claim_cues: frozenset[str]
    report_cues: frozenset[str]
    group_nouns: frozenset[str]
    location_preps: frozenset[str]
    collective_types: frozenset[str]
    one_sided_types: frozenset[str]
    territorial_types: frozenset[str]
    speech_act_types: frozenset[str]
    collective_kinds: frozenset[str]
    personal_violence_modes: frozenset[str]
    answerable_types: frozenset[str]
    from_source_types: frozenset[str]
    unnamed_groups: dict[str, str]  # noun lemma -> sector
    acting_only_groups: frozenset[str]
    named_before_groups: frozenset[str]
    hedges: frozenset[str]
    promised_types: frozenset[str]
    threat_modes: dict[str, str]  # threatened action "TYPE" or "TYPE:mode" -> THREATEN mode
    state_agents: frozenset[str]
    state_passive_types: frozenset[str]
    party_nouns: frozenset[str]
    unresolved_subjects: frozenset[str]
    conceded_types: frozenset[str]  # a future act of these types is CONCEDE


@dataclass(frozen=True)
class SpeechCues:
    """The word lists of the statement rules (``speech.yaml``, read by ``speech.py``)."""

    alleging_verbs: frozenset[str] = frozenset()
    stating_verbs: frozenset[str] = frozenset()
    wrongdoing_verbs: frozenset[str] = frozenset()
    hostile_types: frozenset[str] = frozenset()
    requesting_verbs: frozenset[str] = frozenset()
    obligation_auxiliaries: frozenset[str] = frozenset()
    obligation_verbs: frozenset[str] = frozenset()
    discourse_verbs: frozenset[str] = frozenset()
    refused_types: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    voicing_verbs: frozenset[str] = frozenset()
    concern_nouns: frozenset[str] = frozenset()
    concern_adjectives: frozenset[str] = frozenset()
    critical_adjectives: frozenset[str] = frozenset()
    praise_nouns: frozenset[str] = frozenset()
    about_prepositions: frozenset[str] = frozenset()
    addressed_prepositions: frozenset[str] = frozenset()
    denying_verbs: frozenset[str] = frozenset()
    denied_nouns: frozenset[str] = frozenset()
    mandating_verbs: frozenset[str] = frozenset()
    warning_verbs: frozenset[str] = frozenset()
    judgement_valence: float = 1.5  # how strong a word must be to judge (VADER's scale)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Frame, ...]]
    nouns: dict[str, tuple[Frame, ...]]
    cues: Cues
    named_events: tuple[NamedEvent, ...] = field(default_factory=tuple)
    named_actors: dict[str, NamedActor] = field(default_factory=dict)
    speech: SpeechCues = field(default_factory=SpeechCues)
    _nouns_of_types: dict[frozenset[str], frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def nouns_of_types(self, types: frozenset[str]) -> frozenset[str]:
        """The nouns with a frame of one of ``types``, found once per lexicon (not once
        per article)."""
        if types not in self._nouns_of_types:
            self._nouns_of_types[types] = frozenset(
                lemma
                for lemma, frames in self.nouns.items()
                if any(f.type in types for f in frames)
            )
        return self._nouns_of_types[types]


def _frames(path: Path, *, compiled: bool = False) -> dict[str, tuple[Frame, ...]]:
    raw = _load(path) or {}
    # The compiled layer shares frames between verbs through YAML aliases: one Frame each.
    built: dict[int, Frame] = {}

    def frame(data: dict[str, Any]) -> Frame:
        if id(data) not in built:
            built[id(data)] = Frame.from_dict({**data, "compiled": compiled})
        return built[id(data)]

    return {lemma: tuple(frame(f) for f in frames) for lemma, frames in raw.items()}


def _verb_frames(directory: Path) -> dict[str, tuple[Frame, ...]]:
    """The curated frames of a verb, then the CAMEO ones: the first whose conditions
    hold codes the event, so the curated layer wins where it has a say."""
    verbs = _frames(directory / "verbs.yaml")
    if not (directory / CAMEO_VERBS).exists():  # a lexicon saved before the CAMEO layer
        return verbs
    for lemma, frames in _frames(directory / CAMEO_VERBS, compiled=True).items():
        verbs[lemma] = verbs.get(lemma, ()) + frames
    return verbs


def load_lexicon(directory: Path = DATA_DIR) -> Lexicon:
    cues_raw = _load(directory / "cues.yaml")
    # Each list of cue words is a word set, or a word -> meaning table.
    cue_lists: dict[str, Any] = {
        name: {str(k): str(v) for k, v in words.items()}
        if isinstance(words, dict)
        else frozenset(str(w) for w in words)
        for name, words in cues_raw.items()
    }
    cues = Cues(**cue_lists)
    named_raw = _load(directory / "named_events.yaml") or {}
    named = tuple(
        NamedEvent(
            date=str(item["date"]),
            nouns=frozenset(item["nouns"]),
            aliases=tuple(item.get("aliases") or ()),
            type=item["type"],
            source=item.get("source"),
            target=item.get("target"),
            alias_pattern=_whole_words(item.get("aliases") or ()),
        )
        for item in named_raw.get("events") or ()
    )
    named_actors = {
        actor_id: NamedActor(id=actor_id, **fields)
        for actor_id, fields in (named_raw.get("actors") or {}).items()
    }
    return Lexicon(
        verbs=_verb_frames(directory),
        nouns=_frames(directory / "nouns.yaml"),
        cues=cues,
        named_events=named,
        named_actors=named_actors,
        speech=_speech_cues(directory / SPEECH),
    )


def _speech_cues(path: Path) -> SpeechCues:
    """The statement rules' words (none in a lexicon saved before they existed)."""
    raw = (_load(path) if path.exists() else None) or {}
    cues: dict[str, Any] = {
        name: frozenset(map(str, value)) if isinstance(value, list) else float(value)
        for name, value in raw.items()
    }
    return SpeechCues(**cues)


def _whole_words(aliases: Any) -> re.Pattern[str] | None:
    """ "Uri" must not match "Uribe", nor "7/7" "27/7"."""
    if not aliases:
        return None
    words = "|".join(re.escape(str(alias)) for alias in aliases)
    return re.compile(rf"(?<![\w/])(?:{words})(?![\w/])")


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
