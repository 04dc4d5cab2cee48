"""Event counts by month and PLOVER quad class, for one actor, a dyad or everything."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import ColumnElement, Connection, Select, and_, func, or_, select

from dyad.plover import quad_class
from dyad.query.actors import resolve_actor
from dyad.query.filters import NO_FILTERS, Filters
from dyad.store import Store, schema

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
    store: Store,
    actor: str | None = None,
    counterpart: str | None = None,
    *,
    include_affiliates: bool = True,
    by_type: bool = False,
    filters: Filters = NO_FILTERS,
) -> dict[str, Counter]:
    """Counts per month (``YYYY-MM``; ``undated`` last) of each quad class, or each
    event type with ``by_type``: all events, one actor's, or one dyad's."""
    events = schema.events
    month = func.substr(events.c.sort_date, 1, 7).label("month")
    query = select(month, events.c.type, func.count().label("n")).group_by(month, events.c.type)
    with store.engine.connect() as conn:
        if actor and not counterpart:
            rows = _actor_rows(conn, query, resolve_actor(conn, actor, include_affiliates), filters)
        else:
            if actor:
                ids = resolve_actor(conn, actor, include_affiliates)
                others = resolve_actor(conn, counterpart, include_affiliates)
                query = query.where(involving(ids, others))
            rows = [(r.month, r.type, r.n) for r in conn.execute(filters.events(query))]
    counts: dict[str, Counter] = {}
    for month_, kind, n in sorted(rows, key=lambda r: (r[0] is None, r[0] or "")):
        key = kind if by_type else quad_class(kind) or kind
        counts.setdefault(month_ or UNDATED, Counter())[key] += n
    return {month_: +counter for month_, counter in counts.items() if +counter}


def _actor_rows(conn: Connection, query: Select, ids: set[str], filters: Filters) -> list:
    """(month, type, n) of events on either side of ``ids``.

    As the actor, plus as the counterpart, minus both at once: each part reads
    one index (actor, date, type) alone, where ``source OR target`` reads rows.
    """
    events = schema.events
    parts = (
        (1, events.c.source_id.in_(ids)),
        (1, events.c.target_id.in_(ids)),
        (-1, and_(events.c.source_id.in_(ids), events.c.target_id.in_(ids))),
    )
    rows = []
    for sign, condition in parts:
        for row in conn.execute(filters.events(query.where(condition))):
            rows.append((row.month, row.type, sign * row.n))
    return rows


def summary(
    store: Store,
    first: str,
    second: str,
    *,
    include_affiliates: bool = True,
    since: str | None = None,
    until: str | None = None,
    statuses: tuple[str, ...] = (),
    sources: tuple[str, ...] = (),
) -> dict[str, Counter]:
    """Event counts between two actors by month and PLOVER quad class."""
    return event_counts(
        store,
        first,
        second,
        include_affiliates=include_affiliates,
        filters=Filters(since, until, tuple(sources), tuple(statuses)),
    )
