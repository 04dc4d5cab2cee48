"""What every request handler gets: a read connection, the store, the filters it was given."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Query, Request
from sqlalchemy import Connection

from dyad.limits import MAX_INTEGER
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
) -> Filters:
    for value in (since, until):
        if value and period(value) is None:
            raise HTTPException(422, f"not a date: {value!r} (use 2023, 2023-10 or 2023-10-07)")
    return Filters(
        since or None,
        until or None,
        tuple(s for s in source or () if s),
        tuple(s for s in status or () if s),
    )


Conn = Annotated[Connection, Depends(connection)]
EventId = Annotated[int, Path(ge=1, le=MAX_INTEGER, description="An event's number.")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_INTEGER, description="Skip this many items (for paging).")
]
StoreDep = Annotated[Store, Depends(store)]
FiltersDep = Annotated[Filters, Depends(filters)]
CacheDep = Annotated[AnswerCache, Depends(cache)]
