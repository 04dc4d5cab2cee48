"""Whose telling a statement is: the event's source side, its target side, a third
party's, or the article author's.

A speaker stands for itself and for whom it acts: its affiliation, that one's
affiliation, and, for a government or military official, its state (the actors
stage names states by their ISO 3166 code). Plain data in and out, no spaCy: the
store's readers place statements with the same rule as the extractor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from dyad.model import Actor

SOURCE, TARGET, THIRD, AUTHOR = "source", "target", "third", "author"
SIDES = (SOURCE, TARGET, THIRD, AUTHOR)

AUTHOR_KIND = "author"
STATE_SECTORS = frozenset({"GOV", "MIL"})
STATE_KINDS = frozenset({"state", "government"})
# Deep enough for a spokesman of a ministry of a government; stops affiliation loops.
MAX_AFFILIATION_DEPTH = 4

ActorLookup = Callable[[str], Actor | None]


def acts_for(actor_id: str | None, lookup: ActorLookup) -> set[str]:
    """``actor_id`` and every actor it speaks for."""
    group: set[str] = set()
    current = actor_id
    for _ in range(MAX_AFFILIATION_DEPTH):
        if not current or current in group:
            break
        group.add(current)
        actor = lookup(current)
        if actor is None:
            break
        if actor.sector in STATE_SECTORS and actor.country and actor.kind not in STATE_KINDS:
            group.add(actor.country)
        current = actor.affiliation
    return group


def participants(actor_ids: Iterable[str | None], lookup: ActorLookup) -> set[str]:
    """Everyone who takes part through one of ``actor_ids`` (a minister for its state)."""
    found: set[str] = set()
    for actor_id in actor_ids:
        found |= acts_for(actor_id, lookup)
    return found


def side_of(
    speaker: str | None, source: str | None, target: str | None, lookup: ActorLookup
) -> str:
    """The side ``speaker`` tells an event between ``source`` and ``target`` from."""
    actor = lookup(speaker) if speaker else None
    if actor is not None and actor.kind == AUTHOR_KIND:
        return AUTHOR
    group = acts_for(speaker, lookup)
    on_source = bool(group & acts_for(source, lookup))
    on_target = bool(group & acts_for(target, lookup))
    if on_source and on_target:
        # Both sides' groups contain the speaker's (two ministries of one state):
        # the side the speaker names itself wins.
        return TARGET if speaker == target else SOURCE
    if on_source:
        return SOURCE
    if on_target:
        return TARGET
    return THIRD
