"""Where events happened: counts by country, for maps."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from dyad.query.actors import resolve_actor
from dyad.query.connect import Database, connect
from dyad.query.counts import involving
from dyad.query.filters import NO_FILTERS, Filters
from dyad.store import schema


def events_by_country(
    db: Database,
    *,
    filters: Filters = NO_FILTERS,
    actor: str | None = None,
    counterpart: str | None = None,
) -> Counter:
    """Events per country (ISO3): the country of the event's place, or where the text
    names no place, the countries of its actors (an event between two countries
    counts for both). With ``actor`` (and ``counterpart``), only their events."""
    events, actors = schema.events, schema.actors
    source = actors.alias("source_actor")
    target = actors.alias("target_actor")
    counts: Counter = Counter()
    with connect(db) as conn:
        scope = []
        if actor:
            ids = resolve_actor(conn, actor)
            others = resolve_actor(conn, counterpart) if counterpart else None
            scope.append(involving(ids, others))
        placed = filters.events(
            select(events.c.location_country, func.count())
            .where(events.c.location_country.is_not(None), *scope)
            .group_by(events.c.location_country)
        )
        counts.update(dict(conn.execute(placed).all()))
        # Unplaced events: counted per pair of actor countries, then split in Python.
        unplaced = filters.events(
            select(source.c.country, target.c.country, func.count())
            .select_from(events)
            .outerjoin(source, source.c.id == events.c.source_id)
            .outerjoin(target, target.c.id == events.c.target_id)
            .where(events.c.location_country.is_(None), *scope)
            .group_by(source.c.country, target.c.country)
        )
        for first, second, n in conn.execute(unplaced):
            for country in {first, second} - {None}:
                counts[country] += n
    return counts
