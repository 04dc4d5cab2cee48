"""Net cooperation–conflict intensity by month, for one actor, a dyad or everything.

Each event weighs its PLOVER manual score (-10 most conflictual … +10 most
cooperative: its mode's, else its type's; ``dyad.plover.intensity``). The store
keeps type and mode, not the score: the monthly counts per actor and per dyad
(kept on write, by mode too) give the events per month, type, mode and status,
and the scores are applied to those few rows here. Filters the counts cannot
answer (a day's date, a source, a country) count the events instead.
Actual events are summed apart from intended, claimed and hypothetical ones;
negated events did not happen and weigh nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, Table, func, select

from dyad.plover import intensity
from dyad.query.actors import resolve_actor
from dyad.query.connect import Database, connect
from dyad.query.counts import UNDATED, involving
from dyad.query.filters import NO_FILTERS, Filters
from dyad.store import schema

# Said or reported to happen, not (yet) seen to: their own line beside the actual one.
UNCONFIRMED = ("intended", "claimed", "hypothetical")


@dataclass
class MonthIntensity:
    """One month's summed scores and the events that carry them."""

    actual: float = 0.0
    actual_events: int = 0
    unconfirmed: float = 0.0
    unconfirmed_events: int = 0


def monthly_intensity(
    db: Database,
    actor: str | None = None,
    counterpart: str | None = None,
    *,
    include_affiliates: bool = True,
    filters: Filters = NO_FILTERS,
) -> dict[str, MonthIntensity]:
    """Net intensity per month (``YYYY-MM``; ``undated`` last) of all events, one
    actor's, or one dyad's, as filtered: from the monthly counts when the filters
    allow, else from the events."""
    with connect(db) as conn:
        ids = resolve_actor(conn, actor, include_affiliates) if actor else None
        others = resolve_actor(conn, counterpart, include_affiliates) if counterpart else None
        if filters.by_month:
            rows = _counted_cells(conn, filters, ids, others)
        else:
            events = schema.events
            month = func.substr(events.c.sort_date, 1, 7).label("month")
            detail = (month, events.c.type, events.c.mode, events.c.status)
            query = select(*detail, func.count().label("n")).group_by(*detail)
            if ids is not None:
                query = query.where(involving(ids, others))
            rows = [tuple(row) for row in conn.execute(filters.events(query))]
    months: dict[str, MonthIntensity] = {}
    for month_, kind, mode, status, n in sorted(rows, key=lambda r: (r[0] is None, r[0] or "")):
        score = intensity(kind, mode)
        if score is None or status not in ("actual", *UNCONFIRMED):
            continue
        here = months.setdefault(month_ or UNDATED, MonthIntensity())
        if status == "actual":
            here.actual += score * n
            here.actual_events += n
        else:
            here.unconfirmed += score * n
            here.unconfirmed_events += n
    return months


Cell = tuple[str | None, str, str | None, str, int]  # month, type, mode, status, events


def _counted_cells(
    conn: Connection, filters: Filters, ids: set[str] | None, others: set[str] | None
) -> list[Cell]:
    """(month, type, mode, status, events) from the monthly counts: an actor's own
    (less the events between two of ``ids``, which both count), a dyad's, or all."""
    actors, dyads = schema.actor_months, schema.dyad_months
    if ids is not None and others is None:
        rows = _cells(conn, filters, actors, actors.c.actor_id.in_(ids))
        if len(ids) > 1:
            shared = (
                dyads.c.source_id.in_(ids),
                dyads.c.target_id.in_(ids),
                dyads.c.source_id != dyads.c.target_id,
            )
            rows += [(*cell[:4], -cell[4]) for cell in _cells(conn, filters, dyads, *shared)]
        return rows
    if ids is not None:
        return _cells(conn, filters, dyads, involving(ids, others, dyads))
    return _cells(conn, filters, dyads)


def _cells(
    conn: Connection, filters: Filters, table: Table, *where: ColumnElement[bool]
) -> list[Cell]:
    detail = (table.c.month, table.c.type, table.c.mode, table.c.status)
    query = select(
        func.nullif(table.c.month, "").label("month"),
        table.c.type,
        func.nullif(table.c.mode, "").label("mode"),
        table.c.status,
        func.sum(table.c.events).label("n"),
    ).group_by(*detail)
    return [tuple(row) for row in conn.execute(filters.cells(query.where(*where), table))]


def articles_by_month(db: Database, *, filters: Filters = NO_FILTERS) -> dict[str, int]:
    """Articles published per month (``YYYY-MM``) in the filters' dates and sources:
    the news volume a month's intensity can be divided by."""
    articles = schema.articles
    month = func.substr(articles.c.published, 1, 7).label("month")
    query = (
        select(month, func.count().label("n"))
        .where(articles.c.published.is_not(None))
        .group_by(month)
    )
    with connect(db) as conn:
        return {row.month: row.n for row in conn.execute(filters.articles(query))}
