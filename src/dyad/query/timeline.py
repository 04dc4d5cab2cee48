"""Dyad timelines: the events between two actors, oldest first, with their evidence."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select

from dyad.query.actors import ActorRef, actor_refs, resolve_actor
from dyad.query.connect import Database, connect
from dyad.query.counts import involving
from dyad.query.events import EventItem, dated_first, event_items
from dyad.query.filters import NO_FILTERS, Filters
from dyad.store import schema


@dataclass
class TimelinePage:
    """One page of a dyad's timeline: the actors each side stands for, the page's
    events, how many events the whole timeline has, and ``next``: the cursor that
    asks for the page after this one (None on the last page)."""

    first: list[ActorRef]
    second: list[ActorRef]
    total: int
    offset: int
    events: list[EventItem]
    next: str | None = None


class BadCursor(ValueError):
    """An ``after`` cursor that no timeline page gave out."""


def page_cursor(sort_date: str | None, event_id: int) -> str:
    """Where a page ends, in timeline order: ``DATE~ID``, or ``~ID`` for an undated event."""
    return f"{sort_date or ''}~{event_id}"


def _after(cursor: str, events=schema.events) -> ColumnElement[bool]:
    """Events past ``cursor`` in timeline order (``dated_first``), as one indexable condition.

    Keyset paging: each page costs the same however deep it is, where an offset
    makes the database walk and drop every event before it.
    """
    date, separator, number = cursor.rpartition("~")
    if not separator or not number.isdigit():
        raise BadCursor(f"{cursor!r} is not a timeline cursor (DATE~ID)")
    event_id = int(number)
    if not date:  # undated events come last, by id
        return and_(events.c.sort_date.is_(None), events.c.id > event_id)
    return or_(
        events.c.sort_date > date,
        and_(events.c.sort_date == date, events.c.id > event_id),
        events.c.sort_date.is_(None),
    )


def timeline(
    db: Database,
    first: str,
    second: str,
    *,
    include_affiliates: bool = True,
    filters: Filters = NO_FILTERS,
    limit: int | None = None,
    offset: int = 0,
    after: str | None = None,
    reports: int | None = None,
) -> TimelinePage:
    """Merged events between two actors (and those acting for them), oldest first.

    ``limit`` pages the events (a busy dyad has thousands): pass the ``next`` of
    one page as ``after`` to get the following page, as quickly as the first.
    ``offset`` skips events instead (deep offsets are slow). Only the page's events
    have their evidence read, the first ``reports`` of each (all of them with
    None; ``EventItem.reports`` counts them all either way). Raises ``BadCursor``
    for an ``after`` no page gave out.
    """
    events = schema.events
    with connect(db) as conn:
        side_a = resolve_actor(conn, first, include_affiliates)
        side_b = resolve_actor(conn, second, include_affiliates)
        where = involving(side_a, side_b)
        total = conn.execute(
            filters.events(select(func.count()).select_from(events).where(where))
        ).scalar_one()
        page = filters.events(select(events.c.id, events.c.sort_date).where(where))
        if after:
            page = page.where(_after(after, events))
        # The page's ids first, sorted from the pair index alone, then only their rows:
        # sorting whole rows of a busy dyad would read every one of them. One row past
        # the page tells whether another page follows.
        keys = conn.execute(
            page.order_by(*dated_first(events))
            .limit(None if limit is None else limit + 1)
            .offset(offset or None)
        ).all()
        more = limit is not None and len(keys) > limit
        keys = keys[:limit]
        found = {
            row.id: row
            for row in conn.execute(select(events).where(events.c.id.in_([k.id for k in keys])))
        }
        rows = [found[key.id] for key in keys]
        return TimelinePage(
            first=_side(conn, first, side_a),
            second=_side(conn, second, side_b),
            total=total,
            offset=offset,
            events=event_items(conn, rows, reports=reports),
            next=page_cursor(keys[-1].sort_date, keys[-1].id) if more else None,
        )


def _side(conn: Connection, name: str, ids: set[str]) -> list[ActorRef]:
    """The actors one side of a dyad stands for: the named actor first, then its affiliates."""
    named = resolve_actor(conn, name, include_affiliates=False)
    refs = actor_refs(conn, ids)
    found = [refs[i] for i in ids if i in refs]
    return sorted(found, key=lambda ref: (ref.id not in named, ref.name, ref.id))
