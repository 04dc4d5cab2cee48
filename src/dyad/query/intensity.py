"""Net cooperation–conflict intensity by month, for one actor, a dyad or everything.

Each event weighs its PLOVER manual score (-10 most conflictual … +10 most
cooperative: its mode's, else its type's; ``dyad.plover.intensity``). The store
keeps type and mode, not the score: the database applies the manual's table
(``dyad.plover.mode_scores``) to the monthly counts per actor and per dyad (kept on
write, by mode too) and sums them by month, so that a busy actor's thousands of
count rows come back as two per month. Filters the counts cannot answer (a date
inside a month, a source, a country) sum the events instead. Actual events are
summed apart from intended, claimed and hypothetical ones; negated events did not
happen and weigh nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Connection,
    FromClause,
    Select,
    Table,
    and_,
    case,
    func,
    literal,
    select,
)

from dyad.plover import mode_scores
from dyad.query.actors import resolve_actor
from dyad.query.connect import Database, connect
from dyad.query.counts import UNDATED, involving, involving_apart
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
            rows = _counted_sums(conn, filters, ids, others)
        else:
            # Counted per month, type, mode and status first: the scores are then
            # applied to those rows, not to every event.
            events = schema.events
            month = func.substr(events.c.sort_date, 1, 7).label("month")
            detail = (month, events.c.type, events.c.mode, events.c.status)
            counted = select(*detail, func.count().label("events")).group_by(*detail)
            if ids is not None:
                counted = counted.where(involving(ids, others))
            cells = filters.events(counted).subquery()
            rows = [tuple(row) for row in conn.execute(_sums(cells, cells.c.month, cells.c.events))]
    months: dict[str, MonthIntensity] = {}
    for month_, actual, score, n in sorted(rows, key=lambda r: (r[0] is None, r[0] or "")):
        here = months.setdefault(month_ or UNDATED, MonthIntensity())
        if actual:
            here.actual += float(score)
            here.actual_events += n
        else:
            here.unconfirmed += float(score)
            here.unconfirmed_events += n
    # An actor's own months less the events between two of its ids may leave none.
    return {
        month_: sums
        for month_, sums in months.items()
        if sums.actual_events or sums.unconfirmed_events
    }


Sums = tuple[str | None, bool, float, int]  # month, actual, summed score, events


def _counted_sums(
    conn: Connection, filters: Filters, ids: set[str] | None, others: set[str] | None
) -> list[Sums]:
    """The sums from the monthly counts: an actor's own (less the events between two
    of ``ids``, which both count), a dyad's, or all."""
    actors, dyads = schema.actor_months, schema.dyad_months

    def sums(table: Table, *where: ColumnElement[bool]) -> list[Sums]:
        query = _sums(table, func.nullif(table.c.month, ""), table.c.events).where(*where)
        return [tuple(row) for row in conn.execute(filters.cells(query, table))]

    if ids is None:
        return sums(dyads)
    if others is not None:
        # A side at a time, each from its own index: PostgreSQL reads an OR of the two
        # sides by scanning every monthly count (0.43 s for the busiest dyad at 1M events).
        return [row for side in involving_apart(ids, others, dyads) for row in sums(dyads, side)]
    rows = sums(actors, actors.c.actor_id.in_(ids))
    if len(ids) > 1:
        shared = sums(
            dyads,
            dyads.c.source_id.in_(ids),
            dyads.c.target_id.in_(ids),
            dyads.c.source_id != dyads.c.target_id,
        )
        rows += [(month_, actual, -score, -n) for month_, actual, score, n in shared]
    return rows


def _sums(table: FromClause, month: ColumnElement, weight: ColumnElement) -> Select:
    """Per month and actual or not: the summed scores of the rows of ``table`` (counts
    of ``weight`` events each of a type, mode and status) and their events; negated
    ones left out."""
    scores = mode_scores()
    score = case(
        *(
            (and_(table.c.type == kind, table.c.mode == mode), literal(value))
            for kind, by_mode in scores.items()
            for mode, value in by_mode.items()
            if mode
        ),
        *((table.c.type == kind, literal(by_mode[""])) for kind, by_mode in scores.items()),
    )
    month, actual = month.label("month"), (table.c.status == "actual").label("actual")
    return (
        select(month, actual, func.sum(score * weight), func.sum(weight))
        .where(table.c.status.in_(("actual", *UNCONFIRMED)), table.c.type.in_(list(scores)))
        .group_by(month, actual)
    )


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
