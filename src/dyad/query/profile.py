"""An actor's profile: who it deals with, what it does over time, what it says."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from dyad.plover import is_symmetric, quad_class
from dyad.query.actors import UnknownActor, resolve_actor
from dyad.query.connect import Database, connect
from dyad.query.counts import actor_counts, top_others, with_others
from dyad.query.filters import NO_FILTERS, Filters
from dyad.query.quotes import QuoteHit, recent_hits
from dyad.store import schema


@dataclass
class Counterpart:
    id: str
    name: str
    events: int
    quads: dict[str, int] = field(default_factory=dict)
    # Directed events: done by the profiled actor to this one, and the other way.
    sent: int = 0
    received: int = 0


@dataclass
class ActorProfile:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None
    affiliation: str | None
    ids: list[str]
    aliases: list[str]
    events: int
    quotes: int
    counterparts: list[Counterpart]
    # Plain dicts (not Counters), so dataclasses.asdict gives JSON-ready values.
    types_by_month: dict[str, dict[str, int]]
    recent_quotes: list[QuoteHit]


def actor_profile(
    db: Database,
    name: str,
    *,
    include_affiliates: bool = True,
    filters: Filters = NO_FILTERS,
    top: int = 15,
    quotes: int = 10,
) -> ActorProfile:
    """Counterparts (by number of events), event types per month and latest quotes."""
    actors = schema.actors
    with connect(db) as conn:
        own = resolve_actor(conn, name, include_affiliates=False)
        ids = resolve_actor(conn, name, include_affiliates)
        main = conn.execute(select(actors).where(actors.c.id.in_(own))).first()
        if main is None:  # resolved a moment ago, deleted since
            raise UnknownActor(f"no actor in the store is called {name!r}")
        aliases = conn.execute(
            select(schema.actor_aliases.c.alias)
            .where(schema.actor_aliases.c.actor_id.in_(own))
            .order_by(schema.actor_aliases.c.count.desc())
            .limit(8)
        ).scalars()
        # First who the main counterparts are, then only theirs by type and direction.
        totals = top_others(conn, ids, filters, top)
        chosen = list(totals)
        counterparts = [Counterpart(other, other, totals[other]) for other in chosen]
        by_id = {entry.id: entry for entry in counterparts}
        for direction, query in with_others(ids, filters, chosen):
            for row in conn.execute(query):
                entry = by_id[row.other]
                quad = quad_class(row.type) or row.type
                entry.quads[quad] = entry.quads.get(quad, 0) + row.n
                if not is_symmetric(row.type):
                    setattr(entry, direction, getattr(entry, direction) + row.n)
        names = dict(
            conn.execute(
                select(actors.c.id, actors.c.name).where(
                    actors.c.id.in_([c.id for c in counterparts])
                )
            ).all()
        )
        for entry in counterparts:
            entry.name = names.get(entry.id, entry.id)
        quote_count, recent = recent_hits(conn, ids, filters=filters, limit=quotes)
        by_month = actor_counts(conn, ids, filters=filters, by_type=True)
    return ActorProfile(
        id=main.id,
        name=main.name,
        kind=main.kind,
        country=main.country,
        sector=main.sector,
        role=main.role,
        affiliation=main.affiliation,
        ids=sorted(ids),
        aliases=list(aliases),
        events=sum(sum(c.values()) for c in by_month.values()),
        quotes=quote_count,
        counterparts=counterparts,
        types_by_month={month: dict(counts) for month, counts in by_month.items()},
        recent_quotes=recent,
    )
