"""Event counts by month and PLOVER quad class, for one actor, a dyad or everything."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, Select, and_, func, or_, select, true

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
        table = counted(filters)
        month = table.month.label("month")
        where = true()
        if actor:
            ids = resolve_actor(conn, actor, include_affiliates)
            others = resolve_actor(conn, counterpart, include_affiliates)
            where = or_(
                and_(table.source.in_(ids), table.target.in_(others)),
                and_(table.source.in_(others), table.target.in_(ids)),
            )
        query = table.select(month, table.type, where=where).group_by(month, table.type)
        rows = [(r.month, r.type, r.n) for r in conn.execute(query)]
    return _by_month(rows, by_type)


@dataclass(frozen=True)
class Counted:
    """Where to count events from: ``events`` itself, or ``event_month_counts`` (a row
    per pair, month, type and status, kept on write) when the filters allow — a busy
    actor's tens of thousands of events are a few thousand rows there."""

    source: ColumnElement
    target: ColumnElement
    type: ColumnElement
    month: ColumnElement
    count: ColumnElement
    restrict: Callable[[Select], Select | None]

    def select(self, *columns: ColumnElement, where: ColumnElement[bool]) -> Select:
        query = self.restrict(select(*columns, self.count.label("n")).where(where))
        assert query is not None
        return query


def counted(filters: Filters) -> Counted:
    counts, events = schema.event_month_counts, schema.events
    if filters.month_counts(select(counts.c.events)) is not None:
        return Counted(
            counts.c.source_id,
            counts.c.target_id,
            counts.c.type,
            func.nullif(counts.c.month, schema.UNDATED_MONTH),
            func.sum(counts.c.events),
            filters.month_counts,
        )
    return Counted(
        events.c.source_id,
        events.c.target_id,
        events.c.type,
        func.substr(events.c.sort_date, 1, 7),
        func.count(),
        filters.events,
    )


def actor_counts(
    conn: Connection, ids: set[str], *, filters: Filters = NO_FILTERS, by_type: bool = False
) -> dict[str, Counter]:
    """``event_counts`` of the events with one of ``ids`` (actors already resolved) on
    either side.

    As the actor, plus as the counterpart, minus both at once: each part reads
    one index (actor, month or date, type) alone, where ``source OR target`` reads rows.
    """
    table = counted(filters)
    month = table.month.label("month")
    parts = (
        (1, table.source.in_(ids)),
        (1, table.target.in_(ids)),
        (-1, and_(table.source.in_(ids), table.target.in_(ids))),
    )
    rows = []
    for sign, condition in parts:
        query = table.select(month, table.type, where=condition).group_by(month, table.type)
        for row in conn.execute(query):
            rows.append((row.month, row.type, sign * row.n))
    return _by_month(rows, by_type)


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
