"""Dyad timelines: the events between two actors, oldest first, with their evidence."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from dyad.query.actors import ActorRef, actor_refs, resolve_actor
from dyad.query.connect import Database, connect
from dyad.query.counts import involving
from dyad.query.events import EventItem, dated_first, event_items
from dyad.query.filters import NO_FILTERS, Filters
from dyad.store import schema


@dataclass
class TimelinePage:
    """One page of a dyad's timeline: the actors each side stands for, the page's
    events and how many events the whole timeline has."""

    first: list[ActorRef]
    second: list[ActorRef]
    total: int
    offset: int
    events: list[EventItem]


def timeline(
    db: Database,
    first: str,
    second: str,
    *,
    include_affiliates: bool = True,
    filters: Filters = NO_FILTERS,
    limit: int | None = None,
    offset: int = 0,
    reports: int | None = None,
) -> TimelinePage:
    """Merged events between two actors (and those acting for them), oldest first.

    ``limit`` and ``offset`` page the events (a busy dyad has thousands); only the
    page's events have their evidence read, the first ``reports`` of each (all of
    them with None; ``EventItem.reports`` counts them all either way).
    """
    events = schema.events
    with connect(db) as conn:
        side_a = resolve_actor(conn, first, include_affiliates)
        side_b = resolve_actor(conn, second, include_affiliates)
        where = involving(side_a, side_b)
        total = conn.execute(
            filters.events(select(func.count()).select_from(events).where(where))
        ).scalar_one()
        rows = conn.execute(
            filters.events(select(events).where(where))
            .order_by(*dated_first(events))
            .limit(limit)
            .offset(offset or None)
        ).all()
        return TimelinePage(
            first=_side(conn, first, side_a),
            second=_side(conn, second, side_b),
            total=total,
            offset=offset,
            events=event_items(conn, rows, reports=reports),
        )


def _side(conn: Connection, name: str, ids: set[str]) -> list[ActorRef]:
    """The actors one side of a dyad stands for: the named actor first, then its affiliates."""
    named = resolve_actor(conn, name, include_affiliates=False)
    refs = actor_refs(conn, ids)
    found = [refs[i] for i in ids if i in refs]
    return sorted(found, key=lambda ref: (ref.id not in named, ref.name, ref.id))
