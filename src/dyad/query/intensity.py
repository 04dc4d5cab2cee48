"""Net cooperation–conflict intensity by month, for one actor, a dyad or everything.

Each event weighs its PLOVER manual score (-10 most conflictual … +10 most
cooperative: its mode's, else its type's; ``dyad.plover.intensity``). The store
keeps type and mode, not the score, so one GROUP BY counts events per month,
type, mode and status, and the scores are applied to those few rows here.
Actual events are summed apart from intended, claimed and hypothetical ones;
negated events did not happen and weigh nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

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
    actor's, or one dyad's, as filtered."""
    events = schema.events
    month = func.substr(events.c.sort_date, 1, 7).label("month")
    query = select(
        month, events.c.type, events.c.mode, events.c.status, func.count().label("n")
    ).group_by(month, events.c.type, events.c.mode, events.c.status)
    with connect(db) as conn:
        if actor:
            ids = resolve_actor(conn, actor, include_affiliates)
            others = resolve_actor(conn, counterpart, include_affiliates) if counterpart else None
            query = query.where(involving(ids, others))
        rows = conn.execute(filters.events(query)).all()
    months: dict[str, MonthIntensity] = {}
    for row in sorted(rows, key=lambda r: (r.month is None, r.month or "")):
        score = intensity(row.type, row.mode)
        if score is None or row.status not in ("actual", *UNCONFIRMED):
            continue
        here = months.setdefault(row.month or UNDATED, MonthIntensity())
        if row.status == "actual":
            here.actual += score * row.n
            here.actual_events += row.n
        else:
            here.unconfirmed += score * row.n
            here.unconfirmed_events += row.n
    return months


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
