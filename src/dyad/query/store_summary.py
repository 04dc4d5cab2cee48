"""What the store holds at a glance: its size and dates, its busiest actors and dyads,
its latest events, and actors with their event counts (for name suggestions)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from dyad.query.actors import ActorRef, actor_refs, find_actors
from dyad.query.connect import Database, connect
from dyad.query.events import EventItem, event_items
from dyad.query.filters import NO_FILTERS, Filters
from dyad.query.places import countries_of, pair_groups
from dyad.store import schema


@dataclass
class StoreSummary:
    articles: int
    events: int
    actors: int
    first_date: str | None
    last_date: str | None
    sources: list[tuple[str, int]]


@dataclass
class ActorCount:
    actor: ActorRef
    events: int


@dataclass
class DyadCount:
    first: ActorRef
    second: ActorRef
    events: int


def store_summary(db: Database, *, sources: int = 12) -> StoreSummary:
    """Counts of articles, events and actors, the dates events span, the ``sources``
    news sources with most articles."""
    articles, events, actors = schema.articles, schema.events, schema.actors
    with connect(db) as conn:
        # Apart, each is one seek in the date index; together SQLite scans all of it.
        first, last = conn.execute(
            select(
                select(func.min(events.c.sort_date)).scalar_subquery(),
                select(func.max(events.c.sort_date)).scalar_subquery(),
            )
        ).one()
        return StoreSummary(
            articles=_count(conn, articles),
            events=_count(conn, events),
            actors=_count(conn, actors),
            first_date=first,
            last_date=last,
            sources=news_sources(conn, limit=sources),
        )


def news_sources(db: Database, *, limit: int = 12) -> list[tuple[str, int]]:
    """The ``limit`` news sources with most articles, with their numbers of articles."""
    articles = schema.articles
    with connect(db) as conn:
        rows = conn.execute(
            select(articles.c.source, func.count().label("n"))
            .where(articles.c.source.is_not(None))
            .group_by(articles.c.source)
            .order_by(func.count().desc(), articles.c.source)
            .limit(limit)
        ).all()
    return [(row.source, row.n) for row in rows]


def _count(conn: Connection, table) -> int:
    return conn.execute(select(func.count()).select_from(table)).scalar_one()


def actor_event_totals(conn: Connection, ids: set[str], filters: Filters = NO_FILTERS) -> Counter:
    """Events each actor takes part in, as source or target: kept totals when nothing
    is filtered out, else each side of the events read by its index."""
    events = schema.events
    totals: Counter = Counter()
    if not ids:
        return totals
    if filters.unfiltered:
        kept = schema.actor_totals
        query = select(kept.c.actor_id, kept.c.events).where(kept.c.actor_id.in_(sorted(ids)))
        totals.update(dict(conn.execute(query).all()))
        return totals
    for side, other in (
        (events.c.source_id, events.c.target_id),
        (events.c.target_id, events.c.source_id),
    ):
        # An event with the actor on both sides counts once.
        query = select(side, func.count()).where(side.in_(sorted(ids)))
        if side is events.c.target_id:
            query = query.where((other != side) | other.is_(None))
        totals.update(dict(conn.execute(filters.events(query).group_by(side)).all()))
    return totals


@dataclass
class Busiest:
    """What the home page shows of its window: the busiest actors and dyads, and the
    events by country."""

    actors: list[ActorCount]
    dyads: list[DyadCount]
    countries: Counter


def busiest(db: Database, *, filters: Filters = NO_FILTERS, limit: int = 10) -> Busiest:
    """The ``limit`` actors in most events that pass ``filters`` (ties by id), the
    ``limit`` pairs of actors with most events between them either way round (ties by
    their ids), and the events by country: all three from one reading of the events,
    grouped by pair and place (``pair_groups``)."""
    actors: Counter = Counter()
    dyads: Counter = Counter()
    with connect(db) as conn:
        groups = pair_groups(conn, filters=filters)
        for source, target, _place, n in groups:
            # A side no actor fills is None in the events, '' in the counts tables.
            for side in {source, target} if source == target else (source, target):
                if side:
                    actors[side] += n
            if source and target and source != target:
                dyads[min(source, target), max(source, target)] += n
        top = sorted(actors.items(), key=lambda item: (-item[1], item[0]))[:limit]
        pairs = sorted(dyads.items(), key=lambda item: (-item[1], item[0]))[:limit]
        refs = actor_refs(conn, {a for a, _n in top} | {a for pair, _n in pairs for a in pair})
        return Busiest(
            actors=[ActorCount(refs[a], n) for a, n in top if a in refs],
            dyads=[
                DyadCount(refs[a], refs[b], n) for (a, b), n in pairs if a in refs and b in refs
            ],
            countries=countries_of(conn, groups),
        )


def latest_events(
    db: Database, *, filters: Filters = NO_FILTERS, limit: int = 10
) -> list[EventItem]:
    """The events with the latest dates, latest first."""
    events = schema.events
    with connect(db) as conn:
        rows = conn.execute(
            filters.events(select(events).where(events.c.sort_date.is_not(None)))
            .order_by(events.c.sort_date.desc(), events.c.id.desc())
            .limit(limit)
        ).all()
        return event_items(conn, rows, reports=1)


def actors_with_counts(
    db: Database, text: str, *, filters: Filters = NO_FILTERS, limit: int = 10, offset: int = 0
) -> list[ActorCount]:
    """``find_actors`` with each actor's events, so that one can tell which of several
    "Clinton"s has data."""
    with connect(db) as conn:
        found = find_actors(conn, text, limit=limit, offset=offset)
        totals = actor_event_totals(conn, {ref.id for ref in found}, filters)
    return [ActorCount(ref, totals[ref.id]) for ref in found]
