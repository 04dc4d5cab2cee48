"""Event counts by month and PLOVER quad class, for one actor, a dyad or everything."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import ColumnElement, Connection, Select, and_, func, or_, select

from dyad.plover import quad_class
from dyad.query.actors import resolve_actor
from dyad.query.connect import Database, connect
from dyad.query.filters import NO_FILTERS, Filters
from dyad.store import schema

UNDATED = "undated"


def involving(ids: set[str], others: set[str] | None = None) -> ColumnElement[bool]:
    """Events with one of ``ids`` on either side (and one of ``others`` on the other)."""
    events = schema.events
    if others is None:
        return or_(events.c.source_id.in_(ids), events.c.target_id.in_(ids))
    return or_(
        and_(events.c.source_id.in_(ids), events.c.target_id.in_(others)),
        and_(events.c.source_id.in_(others), events.c.target_id.in_(ids)),
    )


def event_counts(
    db: Database,
    actor: str | None = None,
    counterpart: str | None = None,
    *,
    include_affiliates: bool = True,
    by_type: bool = False,
    filters: Filters = NO_FILTERS,
) -> dict[str, Counter]:
    """Counts per month (``YYYY-MM``; ``undated`` last) of each quad class, or each
    event type with ``by_type``: all events, one actor's, or one dyad's."""
    with connect(db) as conn:
        if actor and not counterpart:
            ids = resolve_actor(conn, actor, include_affiliates)
            return actor_counts(conn, ids, filters=filters, by_type=by_type)
        query = _by_month_and_type()
        if actor and counterpart:
            ids = resolve_actor(conn, actor, include_affiliates)
            others = resolve_actor(conn, counterpart, include_affiliates)
            query = query.where(involving(ids, others))
        rows = [(r.month, r.type, r.n) for r in conn.execute(filters.events(query))]
    return _by_month(rows, by_type)


def actor_counts(
    conn: Connection, ids: set[str], *, filters: Filters = NO_FILTERS, by_type: bool = False
) -> dict[str, Counter]:
    """``event_counts`` of the events with one of ``ids`` (actors already resolved) on
    either side.

    As the actor, plus as the counterpart, minus both at once: each part reads
    one index (actor, date, type) alone, where ``source OR target`` reads rows.
    """
    events = schema.events
    query = _by_month_and_type()
    parts = (
        (1, events.c.source_id.in_(ids)),
        (1, events.c.target_id.in_(ids)),
        (-1, and_(events.c.source_id.in_(ids), events.c.target_id.in_(ids))),
    )
    rows = []
    for sign, condition in parts:
        for row in conn.execute(filters.events(query.where(condition))):
            rows.append((row.month, row.type, sign * row.n))
    return _by_month(rows, by_type)


def _by_month_and_type() -> Select:
    events = schema.events
    month = func.substr(events.c.sort_date, 1, 7).label("month")
    return select(month, events.c.type, func.count().label("n")).group_by(month, events.c.type)


def _by_month(rows: list[tuple[str | None, str, int]], by_type: bool) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    for month_, kind, n in sorted(rows, key=lambda r: (r[0] is None, r[0] or "")):
        key = kind if by_type else quad_class(kind) or kind
        counts.setdefault(month_ or UNDATED, Counter())[key] += n
    return {month_: +counter for month_, counter in counts.items() if +counter}


def summary(
    db: Database,
    first: str,
    second: str,
    *,
    include_affiliates: bool = True,
    filters: Filters = NO_FILTERS,
) -> dict[str, Counter]:
    """Event counts between two actors by month and PLOVER quad class."""
    return event_counts(db, first, second, include_affiliates=include_affiliates, filters=filters)
