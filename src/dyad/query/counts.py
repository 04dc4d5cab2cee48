"""Event counts by month and PLOVER quad class, for one actor, a dyad or everything."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    Select,
    Table,
    and_,
    cast,
    func,
    or_,
    select,
    union_all,
)

from dyad.plover import quad_class
from dyad.query.actors import resolve_actor
from dyad.query.connect import Database, connect
from dyad.query.filters import NO_FILTERS, Filters
from dyad.store import schema

UNDATED = "undated"


def involving(
    ids: set[str], others: set[str] | None = None, events: Table = schema.events
) -> ColumnElement[bool]:
    """Events with one of ``ids`` on either side (and one of ``others`` on the other);
    ``events`` may be a pair counts table, which has the same two columns."""
    if others is None:
        return or_(events.c.source_id.in_(ids), events.c.target_id.in_(ids))
    return or_(
        and_(events.c.source_id.in_(ids), events.c.target_id.in_(others)),
        and_(events.c.source_id.in_(others), events.c.target_id.in_(ids)),
    )


def involving_apart(
    ids: set[str], others: set[str] | None = None, events: Table = schema.events
) -> list[ColumnElement[bool]]:
    """``involving`` as conditions that do not overlap, one per side, each read from
    its own (source, …) or (target, …) index: PostgreSQL answers an OR of the two by
    visiting the table page of every row."""
    source, target = events.c.source_id, events.c.target_id
    if others is None:
        other_source = or_(source.is_(None), source.not_in(ids))
        return [source.in_(ids), and_(target.in_(ids), other_source)]
    # First to second, then second to first less what the first holds (an actor on
    # both sides, as in an actor's events with itself).
    parts = [(ids, others), (others - ids, ids), (others & ids, ids - others)]
    return [and_(source.in_(s), target.in_(t)) for s, t in parts if s and t]


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
        # All events, or those between the two: from the dyads' monthly counts if they can.
        table = schema.dyad_months if filters.by_month else schema.events
        if filters.by_month:
            query = filters.cells(_cells_by_month(table), table)
        else:
            query = filters.events(_by_month_and_type())
        sides = [query]
        if actor and counterpart:
            ids = resolve_actor(conn, actor, include_affiliates)
            others = resolve_actor(conn, counterpart, include_affiliates)
            # A side at a time: PostgreSQL answers an OR of the two sides by scanning
            # every monthly count (a third of a second at 1M events).
            sides = [query.where(side) for side in involving_apart(ids, others, table)]
        rows = [(r.month, r.type, r.n) for side in sides for r in conn.execute(side)]
    return _by_month(rows, by_type)


def actor_counts(
    conn: Connection, ids: set[str], *, filters: Filters = NO_FILTERS, by_type: bool = False
) -> dict[str, Counter]:
    """``event_counts`` of the events with one of ``ids`` (actors already resolved) on
    either side.

    As the actor, plus as the counterpart, minus both at once: each part reads
    one index (actor, date, type) alone, where ``source OR target`` reads rows.
    """
    if filters.by_month:
        return _by_month(_actor_cells(conn, ids, filters), by_type)
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


def pair_counts(filters: Filters, by_type: bool = False) -> Table:
    """The table to count events per actor pair (and place) from: the totals, the
    counts over all time or by month when the filters allow (their rows carry
    ``events``), else the events. The totals have no type: not ``by_type``."""
    if filters.unfiltered and not by_type:
        return schema.pair_totals
    if filters.all_time:
        return schema.dyad_pairs
    return schema.dyad_months if filters.by_month else schema.events


def with_others(
    ids: set[str], filters: Filters, chosen: list[str] | None = None
) -> Iterator[tuple[str, Select]]:
    """Queries counting the events between one of ``ids`` and actors outside them, one
    per side ("sent": ``ids`` are the source, "received": the target): rows of (other,
    n), or with ``chosen`` (other, type, n) for those others only. From the dyads'
    counts when the filters allow, else from the events' pair indexes."""
    table = pair_counts(filters, by_type=chosen is not None)
    counted = table is not schema.events
    n = (func.sum(table.c.events) if counted else func.count()).label("n")
    sides = (
        (table.c.source_id, table.c.target_id, "sent"),
        (table.c.target_id, table.c.source_id, "received"),
    )
    for mine, theirs, side in sides:
        query: Select
        if chosen is None:
            query = select(theirs.label("other"), n).where(
                mine.in_(ids), theirs.is_not(None), theirs != "", theirs.not_in(ids)
            )
            query = query.group_by(theirs)
        else:
            query = select(theirs.label("other"), table.c.type, n).where(
                mine.in_(ids), theirs.in_(chosen)
            )
            query = query.group_by(theirs, table.c.type)
        yield side, filters.cells(query, table) if counted else filters.events(query)


def top_others(conn: Connection, ids: set[str], filters: Filters, top: int) -> dict[str, int]:
    """The ``top`` actors outside ``ids`` with most events with them (either side), most
    first, ties by id: summed and ranked by the database, so that only the first few of
    a busy actor's thousands of counterparts reach Python."""
    if top <= 0:
        return {}
    both = union_all(*(query for _side, query in with_others(ids, filters))).subquery()
    # Cast: PostgreSQL sums a bigint sum to a numeric.
    n = cast(func.sum(both.c.n), BigInteger).label("n")
    rows = conn.execute(select(both.c.other, n).group_by(both.c.other).order_by(n.desc()))
    best: list[tuple[str, int]] = []
    for other, count in rows:
        if len(best) >= top and count < best[-1][1]:
            break  # past the last one tied with the top-th
        best.append((other, count))
    rows.close()
    # Ties by id here, not by the database's collation: the same order on every backend.
    return dict(sorted(best, key=lambda row: (-row[1], row[0]))[:top])


def _actor_cells(conn: Connection, ids: set[str], filters: Filters) -> list[tuple]:
    """``actor_counts`` from the monthly counts: each actor's own, less the events
    between two of ``ids``, which both of them count."""
    actors, dyads = schema.actor_months, schema.dyad_months
    own = filters.cells(_cells_by_month(actors).where(actors.c.actor_id.in_(ids)), actors)
    rows = [(r.month, r.type, r.n) for r in conn.execute(own)]
    if len(ids) > 1:
        shared = filters.cells(
            _cells_by_month(dyads).where(
                dyads.c.source_id.in_(ids),
                dyads.c.target_id.in_(ids),
                dyads.c.source_id != dyads.c.target_id,
            ),
            dyads,
        )
        rows += [(r.month, r.type, -r.n) for r in conn.execute(shared)]
    return rows


def _cells_by_month(table: Table) -> Select:
    """Events per month and type from a monthly counts table (month None: undated)."""
    month = func.nullif(table.c.month, "").label("month")
    return select(month, table.c.type, func.sum(table.c.events).label("n")).group_by(
        table.c.month, table.c.type
    )


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
