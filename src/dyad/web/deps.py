"""What every request handler gets: a read connection, the store, the filters it was given."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Query, Request
from sqlalchemy import Connection

from dyad.limits import MAX_INTEGER
from dyad.plover import event_types, quad_classes
from dyad.query import Filters
from dyad.store import Store
from dyad.timex import period
from dyad.web.cache import AnswerCache


def connection(request: Request) -> Iterator[Connection]:
    with request.app.state.store.engine.connect() as conn:
        yield conn


def store(request: Request) -> Store:
    return request.app.state.store


def cache(request: Request) -> AnswerCache:
    return request.app.state.cache


STATUSES = ("actual", "intended", "hypothetical", "claimed", "negated")


class BadInput(ValueError):
    """A request parameter that cannot be read; the message says what to type instead."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _chosen(name: str, values: list[str] | None, allowed, what: str) -> tuple[str, ...]:
    chosen = tuple(v for v in values or () if v)
    for value in chosen:
        if value not in allowed:
            raise BadInput(name, f"unknown {what} {value!r}; one of: {', '.join(allowed)}")
    return chosen


def filters(
    since: Annotated[
        str | None,
        Query(description="Only events on or after this date (2023, 2023-10 or 2023-10-07)."),
    ] = None,
    until: Annotated[
        str | None,
        Query(
            description="Only events on or before this date (a year or month includes all of it)."
        ),
    ] = None,
    status: Annotated[
        list[str] | None,
        Query(description="Only events with this status (actual, intended, claimed, …)."),
    ] = None,
    source: Annotated[
        list[str] | None, Query(description="Only events reported by this news source.")
    ] = None,
    type: Annotated[
        list[str] | None, Query(description="Only events of this PLOVER type (PROTEST, …).")
    ] = None,
    quad: Annotated[
        list[str] | None,
        Query(description="Only events of this quad class (verbal_cooperation, …)."),
    ] = None,
    country: Annotated[
        list[str] | None,
        Query(description="Only events in this country or with an actor of it (ISO3: PSE)."),
    ] = None,
) -> Filters:
    for name, value in (("since", since), ("until", until)):
        if value and period(value) is None:
            raise BadInput(
                name,
                f"not a date: {value!r}; type a year, month or day: 2023, 2023-10 or 2023-10-07",
            )
    countries = tuple(c.strip().upper() for c in country or () if c.strip())
    for code in countries:
        if len(code) != 3 or not code.isalpha():
            raise BadInput("country", f"not a country code: {code!r}; type three letters: PSE")
    return Filters(
        since or None,
        until or None,
        tuple(s for s in source or () if s),
        # Like a source, a status no event has simply matches nothing.
        tuple(s for s in status or () if s),
        _chosen("type", type, event_types(), "event type"),
        _chosen("quad", quad, quad_classes(), "quad class"),
        countries,
    )


Conn = Annotated[Connection, Depends(connection)]
EventId = Annotated[int, Path(ge=1, le=MAX_INTEGER, description="An event's number.")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_INTEGER, description="Skip this many items (for paging).")
]
StoreDep = Annotated[Store, Depends(store)]
FiltersDep = Annotated[Filters, Depends(filters)]
CacheDep = Annotated[AnswerCache, Depends(cache)]
