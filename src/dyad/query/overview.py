"""An actor's page: who it is, whom it deals with, what it did and said lately.

``actor_profile`` answers much the same for ``dyad profile``, with each
counterpart's directions; this one is read so that an actor in a quarter of a
million events stays fast: each side of the actor's events through the index
that covers it, quad classes counted for the top counterparts only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, select

from dyad.plover import quad_class
from dyad.query.actors import ActorRef, UnknownActor, actor_refs, resolve_actor
from dyad.query.connect import Database, connect
from dyad.query.counts import actor_counts, top_others, with_others
from dyad.query.events import EventItem, actor_events
from dyad.query.filters import NO_FILTERS, Filters
from dyad.query.quotes import QuoteItem, recent_quotes
from dyad.store import schema


@dataclass
class Counterpart:
    actor: ActorRef
    events: int
    quads: dict[str, int]


@dataclass
class ActorOverview:
    """What the actor page shows: who the actor is, whom it deals with, what it did and said."""

    actor: ActorRef
    sector: str | None
    role: str | None
    affiliation: ActorRef | None
    affiliates: list[ActorRef]
    aliases: list[str]
    events: int
    quotes: int
    counterparts: list[Counterpart]
    types_by_month: dict[str, dict[str, int]]
    recent_events: list[EventItem]
    recent_quotes: list[QuoteItem]


def actor_overview(
    db: Database,
    actor: str,
    *,
    filters: Filters = NO_FILTERS,
    top: int = 15,
    limit: int = 10,
) -> ActorOverview:
    """The actor and those acting for it: ``top`` counterparts, event types per month,
    the latest ``limit`` events and quotes."""
    actors, aliases = schema.actors, schema.actor_aliases
    with connect(db) as conn:
        own = resolve_actor(conn, actor, include_affiliates=False)
        ids = resolve_actor(conn, actor)
        row = conn.execute(select(actors).where(actors.c.id.in_(sorted(own)))).first()
        if row is None:  # resolved a moment ago, deleted since
            raise UnknownActor(f"no actor in the store is called {actor!r}")
        refs = actor_refs(conn, ids | {row.affiliation})
        months = actor_counts(conn, ids, filters=filters, by_type=True)
        alias_rows = conn.execute(
            select(aliases.c.alias)
            .where(aliases.c.actor_id == row.id)
            .order_by(aliases.c.count.desc(), aliases.c.alias)
            .limit(12)
        ).scalars()
        quote_count, quotes = recent_quotes(conn, ids, filters=filters, limit=limit)
        return ActorOverview(
            actor=refs[row.id],
            sector=row.sector,
            role=row.role,
            affiliation=refs.get(row.affiliation),
            affiliates=sorted(
                (refs[i] for i in ids - own if i in refs), key=lambda r: (r.name, r.id)
            ),
            aliases=list(alias_rows),
            events=sum(sum(types.values()) for types in months.values()),
            quotes=quote_count,
            counterparts=_counterparts(conn, ids, filters, top),
            types_by_month={month: dict(types) for month, types in months.items()},
            recent_events=actor_events(conn, row.id, filters=filters, limit=limit),
            recent_quotes=quotes,
        )


def _counterparts(conn: Connection, ids: set[str], filters: Filters, top: int) -> list[Counterpart]:
    """The actors with most events with these, counted first, split by quad class after."""
    totals = top_others(conn, ids, filters, top)
    best = list(totals)
    quads: dict[str, Counter] = defaultdict(Counter)
    for _side, query in with_others(ids, filters, best):
        for other, event_type, count in conn.execute(query):
            quads[other][quad_class(event_type) or "other"] += count
    refs = actor_refs(conn, set(best))
    return [Counterpart(refs[o], totals[o], dict(quads[o])) for o in best if o in refs]
