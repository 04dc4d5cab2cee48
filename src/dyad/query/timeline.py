"""Dyad timelines: the events between two actors, oldest first, with their evidence."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, Row, func, select, tuple_, union_all

from dyad.query.actors import ActorRef, actor_refs, resolve_actor, with_affiliates
from dyad.query.connect import Database, connect
from dyad.query.counts import involving, involving_apart
from dyad.query.events import EventItem, event_items
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


# The largest LIMIT either database takes (a signed 64-bit integer).
LARGEST_LIMIT = 2**63 - 1


class BadCursor(ValueError):
    """An ``after`` cursor that no timeline page gave out."""


def page_cursor(sort_date: str | None, event_id: int) -> str:
    """Where a page ends, in timeline order: ``DATE~ID``, or ``~ID`` for an undated event."""
    return f"{sort_date or ''}~{event_id}"


def _parse_cursor(cursor: str) -> tuple[str | None, int]:
    """The (sort date or None, event id) a cursor names."""
    date, separator, number = cursor.rpartition("~")
    if not separator or not number.isdigit():
        raise BadCursor(f"{cursor!r} is not a timeline cursor (DATE~ID)")
    return date or None, int(number)


def _page_keys(
    conn: Connection,
    sides: list[ColumnElement[bool]],
    filters: Filters,
    after: str | None,
    wanted: int | None,
) -> list[Row]:
    """(id, sort_date) of the first ``wanted`` events (all with None) of the timeline
    past ``after``, in timeline order (``dated_first``).

    Keyset paging: each page costs the same however deep it is. The dated events and
    the undated ones are read apart, and each side of the dyad apart, each in the order
    of the pair index (source, target, date), so a page reads about its own rows from
    the index; one query over both sides and a "dated first" order sorts every event
    of the dyad for each page.
    """
    events = schema.events
    date, event_id = _parse_cursor(after) if after else (None, 0)
    keys: list[Row] = []
    if not (after and date is None):  # past an undated event only undated ones follow
        dated: list[ColumnElement[bool]] = [events.c.sort_date.is_not(None)]
        if date is not None:
            dated.append(tuple_(events.c.sort_date, events.c.id) > tuple_(date, event_id))
        keys = _merged(conn, sides, filters, dated, (events.c.sort_date, events.c.id), wanted)
    if wanted is None or len(keys) < wanted:
        # Past a dated event every undated one follows; past an undated one, those after it.
        undated = [events.c.sort_date.is_(None), events.c.id > (0 if date else event_id)]
        more = None if wanted is None else wanted - len(keys)
        keys += _merged(conn, sides, filters, undated, (events.c.id,), more)
    return keys


def _merged(conn, sides, filters: Filters, conditions, order, wanted: int | None) -> list[Row]:
    """The first ``wanted`` (id, sort_date) in ``order`` of each side, merged."""
    events = schema.events
    parts = [
        filters.events(select(events.c.id, events.c.sort_date).where(side, *conditions))
        .order_by(*order)
        .limit(wanted)
        .subquery()
        for side in sides
    ]
    if len(parts) == 1:
        return list(conn.execute(select(parts[0])))
    merged = union_all(*(select(part) for part in parts)).subquery()
    return list(
        conn.execute(select(merged).order_by(*(merged.c[c.name] for c in order)).limit(wanted))
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
        named_a = resolve_actor(conn, first, include_affiliates=False)
        named_b = resolve_actor(conn, second, include_affiliates=False)
        side_a, side_b = named_a, named_b
        if include_affiliates:
            side_a, side_b = with_affiliates(conn, named_a), with_affiliates(conn, named_b)
        where = involving(side_a, side_b)
        total = conn.execute(
            filters.events(select(func.count()).select_from(events).where(where))
        ).scalar_one()
        # The page's ids first, then only their rows: sorting whole rows of a busy dyad
        # would read every one of them. One row past the page tells whether another
        # page follows.
        wanted = None if limit is None else min(offset + limit + 1, LARGEST_LIMIT)
        keys = _page_keys(conn, involving_apart(side_a, side_b), filters, after, wanted)[offset:]
        more = limit is not None and len(keys) > limit
        keys = keys[:limit]
        found = {
            row.id: row
            for row in conn.execute(select(events).where(events.c.id.in_([k.id for k in keys])))
        }
        rows = [found[key.id] for key in keys]
        refs = actor_refs(conn, side_a | side_b)
        return TimelinePage(
            first=_side_of(refs, named_a, side_a),
            second=_side_of(refs, named_b, side_b),
            total=total,
            offset=offset,
            events=event_items(conn, rows, reports=reports),
            next=page_cursor(keys[-1].sort_date, keys[-1].id) if more else None,
        )


def _side(conn: Connection, name: str, ids: set[str]) -> list[ActorRef]:
    """The actors one side of a dyad stands for: the named actor first, then its affiliates."""
    named = resolve_actor(conn, name, include_affiliates=False)
    return _side_of(actor_refs(conn, ids), named, ids)


def _side_of(refs: dict[str, ActorRef], named: set[str], ids: set[str]) -> list[ActorRef]:
    found = [refs[i] for i in ids if i in refs]
    return sorted(found, key=lambda ref: (ref.id not in named, ref.name, ref.id))
