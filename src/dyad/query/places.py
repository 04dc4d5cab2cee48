"""Where events happened: counts by country, for maps."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Connection, Row, func, select, union_all

from dyad.query.actors import resolve_actor
from dyad.query.connect import Database, connect
from dyad.query.counts import involving_apart, pair_counts
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
    with connect(db) as conn:
        groups = pair_groups(conn, filters=filters, actor=actor, counterpart=counterpart)
        return countries_of(conn, groups)


def pair_groups(
    db: Database,
    *,
    filters: Filters = NO_FILTERS,
    actor: str | None = None,
    counterpart: str | None = None,
) -> list[Row]:
    """The events that pass ``filters`` counted by (source, target, place): rows of
    (source_id, target_id, place, events), a missing side or place None or ''. With
    ``actor`` (and ``counterpart``), only their events."""
    with connect(db) as conn:
        # The pair counts hold the same groups, summed.
        table = pair_counts(filters)
        if not actor and table is schema.dyad_months and _few_dated(conn, filters):
            # A short window of the whole store: its events are read from the date
            # index, where the monthly counts would be read whole (no month index).
            table = schema.events
        if table is not schema.events:
            pair = (table.c.source_id, table.c.target_id, table.c.place)
            query = filters.cells(select(*pair, func.sum(table.c.events)).group_by(*pair), table)
        else:
            pair = (table.c.source_id, table.c.target_id, table.c.location_country)
            query = filters.events(select(*pair, func.count()).group_by(*pair))
        if not actor:
            return list(conn.execute(query))
        ids = resolve_actor(conn, actor)
        others = resolve_actor(conn, counterpart) if counterpart else None
        # A group (source, target, place) lies on one side: the sides' groups add up.
        sides = involving_apart(ids, others, table)
        return list(conn.execute(union_all(*(query.where(side) for side in sides))))


def countries_of(db: Database, groups: list[Row]) -> Counter:
    """``events_by_country`` of ``pair_groups``: the actors' countries looked up once
    each, no join per event."""
    actors = schema.actors
    wanted = sorted({i for row in groups for i in row[:2] if i})
    country: dict[str, str] = {}
    with connect(db) as conn:
        for start in range(0, len(wanted), 1000):
            chunk = wanted[start : start + 1000]
            country.update(
                conn.execute(
                    select(actors.c.id, actors.c.country).where(
                        actors.c.id.in_(chunk), actors.c.country.is_not(None)
                    )
                ).all()
            )
    counts: Counter = Counter()
    for source, target, place, n in groups:
        for code in {place} if place else {country.get(source), country.get(target)} - {None}:
            counts[code] += n
    return counts


# A window of the store holding up to this share of its events is counted from them.
FEW_EVENTS_SHARE = 0.1


def _few_dated(conn: Connection, filters: Filters) -> bool:
    """Whether the dates of ``filters`` hold a small share of the store's events (the
    count is read from the date index alone; the newest id stands for the total)."""
    events = schema.events
    if not (filters.first_day or filters.last_day):
        return False
    # By the dates alone: the date index answers, with no row read.
    dated = Filters(filters.since, filters.until).events(
        select(func.count()).select_from(events).where(events.c.sort_date.is_not(None))
    )
    newest = conn.execute(select(func.max(events.c.id))).scalar() or 0
    return conn.execute(dated).scalar_one() <= newest * FEW_EVENTS_SHARE
