"""What the event extractor reads from the other stages, indexed by token.

The actors, times and quotes stages leave their results on ``Doc._`` as
character spans; the extractor works on the dependency parse, so this module
maps every token to the mention, place and quote it sits in, once per doc.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

from dyad.clause_time import time_attachments, time_for
from dyad.codes import country_name
from dyad.extensions import published_day
from dyad.model import Actor, Place, Quote, TimeExpr

AUTHOR_KIND = "author"
STATE_KINDS = ("state", "government")


@dataclass
class DocContext:
    doc: Doc
    actors: dict[str, Actor]
    token_actor: list[str | None]
    token_place: list[Place | None]
    token_quote: list[Quote | None]
    times: list[TimeExpr]
    published: date | None
    # Nouns of people acting for a group (the lexicon's cue list), set by the extractor.
    group_nouns: frozenset[str] = frozenset()
    unnamed_groups: dict[str, str] = field(default_factory=dict)
    acting_only_groups: frozenset[str] = frozenset()  # unnamed groups that are only sources
    named_before_groups: frozenset[str] = frozenset()  # "the two countries": no new group
    operation_nouns: frozenset[str] = frozenset()  # nouns of a use of force ("operation")
    partner_nouns: frozenset[str] = frozenset()  # nouns of agreements and talks
    state_agents: frozenset[str] = frozenset()  # "police", "court": act for a state
    _time_for: dict[int, TimeExpr | None] = field(default_factory=dict)
    _time_attachments: dict[int, list[TimeExpr]] | None = None
    _home: str | None = None
    _pos: numpy.ndarray | None = None

    @classmethod
    def of(cls, doc: Doc) -> DocContext:
        n = len(doc)
        token_actor: list[str | None] = [None] * n
        # Longer mentions first, so a mention nested in another keeps its own words.
        mentions = sorted(doc._.mentions or [], key=lambda m: m.start - m.end)
        for mention in mentions:
            for i in _token_range(doc, mention.start, mention.end):
                token_actor[i] = mention.actor
        token_place: list[Place | None] = [None] * n
        for place in doc._.places or []:
            for i in _token_range(doc, place.start, place.end):
                token_place[i] = place
        token_quote: list[Quote | None] = [None] * n
        for quote in doc._.quotes or []:
            for start, end in quote.spans:
                for i in _token_range(doc, start, end):
                    # Direct words win over an indirect report that contains them.
                    earlier = token_quote[i]
                    if earlier is None or earlier.kind == "indirect":
                        token_quote[i] = quote
        return cls(
            doc=doc,
            actors=dict(doc._.actors or {}),
            token_actor=token_actor,
            token_place=token_place,
            token_quote=token_quote,
            times=list(doc._.times or []),
            published=published_day(doc),
        )

    def words_of(self, parts_of_speech: Iterable[str]) -> list[Token]:
        """The words of these parts of speech, in order, found in the token array (a
        rule that walked every token made a Token object per word)."""
        if self._pos is None:
            self._pos = self.doc.to_array("POS")
        wanted = numpy.zeros(len(self._pos), dtype=bool)
        for pos in parts_of_speech:  # a few values: cheaper than numpy.isin, which sorts
            wanted |= self._pos == POS_IDS[pos]
        return [self.doc[i] for i in numpy.flatnonzero(wanted).tolist()]

    def time_for(self, token: Token) -> TimeExpr | None:
        """The time governing ``token``'s clause (the times stage's answer, kept per token)."""
        if token.i not in self._time_for:
            if self.times and self._time_attachments is None:
                # The words the times hang from, found once per doc, not once per token.
                self._time_attachments = time_attachments(self.doc)
            found = time_for(self.doc, token, self._time_attachments) if self.times else None
            self._time_for[token.i] = found
        return self._time_for[token.i]

    def actor(self, actor_id: str | None) -> Actor | None:
        return self.actors.get(actor_id) if actor_id else None

    def is_author(self, actor_id: str | None) -> bool:
        actor = self.actor(actor_id)
        return actor is not None and actor.kind == AUTHOR_KIND

    def state_of(self, country: str | None, *, add: bool = False) -> str | None:
        """The actor id of the state a place belongs to.

        With ``add``, a state the article names only as a place ("aid to Gaza") is
        added to ``doc._.actors`` under its ISO 3166 code, the id the knowledge base
        gives states, so an event can name it as a participant.
        """
        if not country:
            return None
        if country in self.actors:
            return country
        # The state itself or its government, not one of its agencies (a federal police).
        candidates = [
            actor
            for actor in self.actors.values()
            if actor.kind in STATE_KINDS
            and actor.country == country
            and not actor.affiliation
            and (actor.kind == "state" or actor.sector in (None, "GOV"))
        ]
        if candidates:
            return min(candidates, key=lambda actor: actor.kind != "state").id
        if not add:
            return None
        name = country_name(country) or country
        self.add_actor(Actor(id=country, name=name, kind="state", country=country, sector="GOV"))
        return country

    def home_state(self) -> str | None:
        """The state unnamed officials act for: the state the article names most
        (each mention of an actor or place of a country counts for it once)."""
        if self._home is None:
            counts: dict[str, int] = {}
            previous: tuple[str | None, Place | None] = (None, None)
            for actor_id, place in zip(self.token_actor, self.token_place, strict=True):
                actor = self.actor(actor_id)
                country = actor.country if actor is not None else None
                country = country or (place.country if place is not None else None)
                # A mention spans several tokens: count it at its first one.
                if country and (actor_id, place) != previous:
                    counts[country] = counts.get(country, 0) + 1
                previous = (actor_id, place)
            self._home = max(counts, key=counts.__getitem__) if counts else ""
        return self.state_of(self._home, add=True) if self._home else None

    def add_actor(self, actor: Actor) -> None:
        """An actor the article implies without naming it, added to ``doc._.actors``."""
        self.actors[actor.id] = actor
        if self.doc._.actors is None:
            self.doc._.actors = {}
        self.doc._.actors[actor.id] = actor

    def place_at(self, token: Token) -> Place | None:
        return self.token_place[token.i]


def _token_range(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return range(0)
    return range(span.start, span.end)
