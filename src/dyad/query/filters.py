"""Filters every query accepts: a date range, news sources, event statuses, types,
quad classes and countries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Select, Table, exists, or_, select

from dyad.plover import event_types, quad_class
from dyad.store import schema
from dyad.timex import period


@dataclass(frozen=True)
class Filters:
    """What to keep. Dates are TIMEX-style (``2023``, ``2023-10``, ``2023-10-07``):
    ``since`` keeps from the first day they name, ``until`` to the last. ``countries``
    keeps events that took place in one of them or have an actor of one of them."""

    since: str | None = None
    until: str | None = None
    sources: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    quads: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()

    @property
    def first_day(self) -> str | None:
        return _bound(self.since, first=True)

    @property
    def last_day(self) -> str | None:
        return _bound(self.until, first=False)

    def events(self, query: Select) -> Select:
        """Restrict a query over ``events`` to events in range, status and source."""
        events = schema.events
        for condition in self._dates(events.c.sort_date):
            query = query.where(condition)
        if self.statuses:
            query = query.where(events.c.status.in_(self.statuses))
        if self.sources:
            query = query.where(_reported_in(self.sources))
        if self.types:
            query = query.where(events.c.type.in_(self.types))
        if self.quads:
            query = query.where(events.c.type.in_(self._quad_types()))
        if self.countries:
            query = query.where(_in_countries(self.countries))
        return query

    @property
    def by_month(self) -> bool:
        """Whether the monthly counts tables can answer: dates that begin and end on
        month boundaries, and no filter that needs an event's reports or actors."""
        first, last = self.first_day, self.last_day
        return (
            not self.sources
            and not self.countries
            and (first is None or first.endswith("-01"))
            and (last is None or last == date.max.isoformat() or _day_after(last).endswith("-01"))
        )

    @property
    def all_time(self) -> bool:
        """Whether the counts per pair over all time (``dyad_pairs``) can answer:
        ``by_month`` filters with no date."""
        return self.by_month and not self.first_day and not self.last_day

    @property
    def unfiltered(self) -> bool:
        """Whether the totals per pair and per actor (``pair_totals``, ``actor_totals``:
        no date, type or status) can answer: nothing is filtered out."""
        return self.all_time and not (self.statuses or self.types or self.quads)

    def cells(self, query: Select, table: Table) -> Select:
        """Restrict a query over a counts table (``by_month`` filters only; without a
        month column, ``all_time`` ones)."""
        if self.first_day or self.last_day:
            query = query.where(table.c.month != "")  # undated events have no date in range
        if self.first_day:
            query = query.where(table.c.month >= self.first_day[:7])
        if self.last_day and self.last_day != date.max.isoformat():
            query = query.where(table.c.month <= self.last_day[:7])
        if self.statuses:
            query = query.where(table.c.status.in_(self.statuses))
        if self.types:
            query = query.where(table.c.type.in_(self.types))
        if self.quads:
            query = query.where(table.c.type.in_(self._quad_types()))
        return query

    def articles(self, query: Select, articles: Table = schema.articles) -> Select:
        """Restrict a query that reads ``articles`` to articles in range and source
        (or ``search_documents``, which has the same two columns)."""
        for condition in self._dates(articles.c.published):
            query = query.where(condition)
        if self.sources:
            query = query.where(articles.c.source.in_(self.sources))
        return query

    def _quad_types(self) -> list[str]:
        return [t for t in event_types() if quad_class(t) in self.quads]

    def _dates(self, column) -> list[ColumnElement[bool]]:
        conditions = []
        if self.first_day:
            conditions.append(column >= self.first_day)
        if self.last_day and self.last_day != date.max.isoformat():
            # Full timestamps sort after their day, so compare with the day after
            # (there is none after the last day a date holds: then nothing is later).
            conditions.append(column < _day_after(self.last_day))
        return conditions


def _bound(value: str | None, first: bool) -> str | None:
    if not value:
        return None
    span = period(value)
    if span is None:
        raise ValueError(f"not a date: {value!r} (use 2023, 2023-10 or 2023-10-07)")
    return (span[0] if first else span[1]).isoformat()


def _day_after(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def _reported_in(sources: tuple[str, ...]) -> ColumnElement[bool]:
    """Events with at least one report from one of these news sources."""
    evidence, articles = schema.evidence, schema.articles
    return exists(
        select(evidence.c.event_id)
        .join(articles, articles.c.id == evidence.c.article_id)
        .where(evidence.c.event_id == schema.events.c.id, articles.c.source.in_(sources))
    )


def _in_countries(countries: tuple[str, ...]) -> ColumnElement[bool]:
    """Events placed in one of ``countries``, or with an actor of one of them."""
    events, actors = schema.events, schema.actors
    of_country = select(actors.c.id).where(actors.c.country.in_(countries))
    return or_(
        events.c.location_country.in_(countries),
        events.c.source_id.in_(of_country),
        events.c.target_id.in_(of_country),
    )


# Everything: the default of every query (Filters is frozen, so one instance serves all).
NO_FILTERS = Filters()
