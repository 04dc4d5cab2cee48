"""The REST API: what the CLI can query, as JSON, documented by OpenAPI (/api/docs)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path as FilePath
from typing import Annotated, Literal
from urllib.parse import quote

import networkx as nx
from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import FileResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

from dyad import query
from dyad.export import (
    EVENT_COLUMNS,
    event_rows,
    write_gexf,
    write_graphml,
    write_jsonl,
    write_parquet,
)
from dyad.limits import MAX_INTEGER
from dyad.plover import quad_classes
from dyad.query import ActorRef, Filters
from dyad.web.deps import CacheDep, Conn, EventId, FiltersDep, Offset, StoreDep

router = APIRouter(prefix="/api")
# Reports shown with each event of a timeline; the event's own page lists them all.
TIMELINE_REPORTS = 5

Limit = Annotated[int, Query(ge=1, le=500, description="At most this many items.")]
Affiliates = Annotated[
    bool, Query(description="Count those acting for an actor (its ministers, spokesmen) as it.")
]


@dataclass
class NetworkEdge:
    source: str
    target: str
    weight: int
    quads: dict[str, int]
    # The sum of the PLOVER manual's scores of the edge's events (-10 … +10 each).
    intensity: float


@dataclass
class Network:
    """The network as the web page draws it: nodes and edges in lists, heaviest edge first."""

    since: str | None
    until: str | None
    quad: str | None
    nodes: list[ActorRef]
    edges: list[NetworkEdge]
    truncated: bool

    @classmethod
    def of(cls, graph: nx.DiGraph, filters: Filters, quad: str | None, limit: int) -> Network:
        """The ``limit`` heaviest edges of ``graph`` (ties by actor ids) and their actors."""
        heaviest = sorted(graph.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))
        edges = [
            NetworkEdge(
                a,
                b,
                data["weight"],
                {q: data[q] for q in quad_classes() if data[q]},
                data["intensity"],
            )
            for a, b, data in heaviest[:limit]
        ]
        actors = graph.nodes
        used = sorted({actor for edge in edges for actor in (edge.source, edge.target)})
        return cls(
            since=filters.since,
            until=filters.until,
            quad=quad,
            nodes=[
                ActorRef(a, actors[a]["label"], actors[a]["kind"], actors[a].get("country"))
                for a in used
            ],
            edges=edges,
            truncated=graph.number_of_edges() > limit,
        )


@router.get("/search", tags=["search"])
def search(
    conn: Conn,
    filters: FiltersDep,
    q: Annotated[str, Query(min_length=1, description='Words, "a phrase", -not, a or b.')],
    kind: Literal["all", "articles", "quotes"] = "all",
    limit: Limit = 20,
) -> list[query.SearchHit]:
    """Full-text search over articles and quotes, best matches first."""
    return query.search(conn, q, kind=kind, filters=filters, limit=limit)


EXPORT_TYPES = {
    "jsonl": "application/x-ndjson",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
}
# What a download of search results holds, per kind: the search page's items.
SEARCH_COLUMNS = {
    "articles": ("article_id", "headline", "source", "published", "url", "snippet"),
    "quotes": ("article_id", "quote_id", "speaker", "headline", "source", "published", "snippet"),
}


@router.get(
    "/search/{kind}.{format}",
    tags=["search"],
    response_class=Response,
    responses={200: {"content": {EXPORT_TYPES["csv"]: {}, EXPORT_TYPES["json"]: {}}}},
)
def search_download(
    conn: Conn,
    filters: FiltersDep,
    kind: Literal["articles", "quotes"],
    format: Literal["csv", "json"],
    q: Annotated[str, Query(min_length=1, description='Words, "a phrase", -not, a or b.')],
):
    """Every article or quote a search finds (up to 10,000), best first, as the search
    page pages through them, as CSV or JSON."""
    hits = query.search(conn, q, kind=kind, filters=filters, limit=query.COUNT_LIMIT)
    columns = SEARCH_COLUMNS[kind]
    rows = (
        {
            c: v.isoformat() if isinstance(v, date) else v
            for c, v in asdict(hit).items()
            if c in columns
        }
        for hit in hits
    )
    return StreamingResponse(
        _csv_lines(rows, columns) if format == "csv" else _json_array(rows),
        media_type=EXPORT_TYPES[format],
        headers={"Content-Disposition": attachment(f"search-{kind}.{format}")},
    )


@router.get("/actors", tags=["actors"])
def find_actors(
    conn: Conn,
    q: Annotated[str, Query(min_length=1, description="Id, name or alias.")],
    limit: Limit = 20,
) -> list[ActorRef]:
    """Actors whose id is the text, one of whose aliases starts with it, or whose name has it."""
    return query.find_actors(conn, q, limit=limit)


@router.get("/actors/{actor}", tags=["actors"])
def actor(
    conn: Conn,
    cache: CacheDep,
    filters: FiltersDep,
    actor: str,
    top: Annotated[int, Query(ge=1, le=200, description="Counterparts to list.")] = 15,
    limit: Annotated[int, Query(ge=0, le=200, description="Latest events and quotes.")] = 10,
) -> query.ActorOverview:
    """An actor with those acting for it: its counterparts, event types per month, latest
    events and quotes (what its page shows)."""
    return cache.get(
        conn,
        ("actor", actor, filters, top, limit),
        lambda: query.actor_overview(conn, actor, filters=filters, top=top, limit=limit),
    )


@router.get("/actors/{actor}/profile", tags=["actors"])
def actor_profile(
    conn: Conn,
    filters: FiltersDep,
    actor: str,
    include_affiliates: Affiliates = True,
    top: Annotated[int, Query(ge=1, le=200, description="Counterparts to list.")] = 15,
    quotes: Annotated[int, Query(ge=0, le=200, description="Latest quotes to list.")] = 10,
) -> query.ActorProfile:
    """An actor's profile as `dyad profile` prints it: counterparts with directions,
    event types per month, latest quotes."""
    return query.actor_profile(
        conn, actor, include_affiliates=include_affiliates, filters=filters, top=top, quotes=quotes
    )


@router.get("/actors/{actor}/events", tags=["actors"])
def actor_events(
    conn: Conn, filters: FiltersDep, actor: str, limit: Limit = 20
) -> list[query.EventItem]:
    """Its most recent events, as source or target, newest first."""
    return query.actor_events(conn, actor, filters=filters, limit=limit)


@router.get("/actors/{actor}/quotes", tags=["actors"])
def actor_quotes(
    conn: Conn,
    filters: FiltersDep,
    actor: str,
    include_affiliates: Affiliates = True,
    limit: Limit = 50,
) -> list[query.QuoteHit]:
    """What it (or someone speaking for it) said, newest first (`dyad quotes`)."""
    return query.quotes_by(
        conn, actor, include_affiliates=include_affiliates, filters=filters, limit=limit
    )


@router.get("/dyads/{first}/{second}/timeline", tags=["dyads"])
def dyad_timeline(
    conn: Conn,
    filters: FiltersDep,
    first: str,
    second: str,
    limit: Limit = 100,
    offset: Offset = 0,
    after: Annotated[
        str | None,
        Query(description="The `next` of the previous page: the page after it, as fast."),
    ] = None,
) -> query.TimelinePage:
    """Events between two actors (ids, names or aliases), oldest first, each with its
    evidence (`dyad timeline`), a page at a time: follow `next` from page to page."""
    try:
        return query.timeline(
            conn,
            first,
            second,
            filters=filters,
            limit=limit,
            offset=offset,
            after=after,
            reports=TIMELINE_REPORTS,
        )
    except query.BadCursor as error:
        raise HTTPException(422, str(error)) from None


@router.get("/dyads/{first}/{second}/counts", tags=["dyads"])
def dyad_counts(
    conn: Conn,
    filters: FiltersDep,
    first: str,
    second: str,
    by_type: Annotated[bool, Query(description="Count event types, not quad classes.")] = False,
) -> dict[str, dict[str, int]]:
    """Events between two actors counted by month and PLOVER quad class (`dyad summary`)."""
    counted = query.event_counts(conn, first, second, by_type=by_type, filters=filters)
    return {month: dict(kinds) for month, kinds in counted.items()}


@router.get("/counts", tags=["events"])
def counts(
    conn: Conn,
    filters: FiltersDep,
    actor: Annotated[str | None, Query(description="Only this actor's events.")] = None,
    by_type: Annotated[bool, Query(description="Count event types, not quad classes.")] = False,
) -> dict[str, dict[str, int]]:
    """Events counted by month and PLOVER quad class: all of them or one actor's."""
    counted = query.event_counts(conn, actor, by_type=by_type, filters=filters)
    return {month: dict(kinds) for month, kinds in counted.items()}


@router.get("/network", tags=["network"])
def network(
    conn: Conn,
    cache: CacheDep,
    filters: FiltersDep,
    quad: Annotated[str | None, Query(description="Only events of this PLOVER quad class.")] = None,
    actor: Annotated[str | None, Query(description="Only edges touching this actor.")] = None,
    limit: Annotated[int, Query(ge=1, le=2000, description="At most this many edges.")] = 150,
) -> Network:
    """The actor network of a time window (the one `dyad network` and the GraphML and GEXF
    exports hold): its heaviest directed edges, weighted by event count."""
    if quad and quad not in quad_classes():
        raise HTTPException(422, f"unknown quad class {quad!r}; one of {quad_classes()}")

    def heaviest() -> Network:
        # One edge more than shown tells whether the window has more.
        graph = query.network(conn, filters=filters, quad=quad, actor=actor, limit=limit + 1)
        return Network.of(graph, filters, quad, limit)

    return cache.get(conn, ("network", filters, quad, actor, limit), heaviest)


@router.get("/events/{event_id}", tags=["events"])
def event(conn: Conn, event_id: EventId) -> query.EventItem:
    """One merged event with every sentence and article that reports it."""
    found = query.event(conn, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return found


@router.get("/events/{event_id}/framing", tags=["events"])
def event_framing(conn: Conn, event_id: int) -> query.EventFraming:
    """How each side tells one event: the statements that speak about it, grouped as
    the event's source, its target, third parties and the reporter, each with its
    speaker, article and character spans (`dyad framing`)."""
    found = query.event_framing(conn, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return found


@router.get("/dyads/{first}/{second}/framing", tags=["dyads"])
def dyad_framing(
    conn: Conn,
    filters: FiltersDep,
    first: str,
    second: str,
    limit: Limit = 20,
    offset: Offset = 0,
) -> query.FramingPage:
    """The events between two actors that statements speak about, oldest first, each
    with every side's statements (`dyad framing A B`), a page at a time."""
    return query.dyad_framing(conn, first, second, filters=filters, limit=limit, offset=offset)


@router.get("/articles/{article_id}", tags=["articles"])
def article(conn: Conn, article_id: str) -> query.ArticleView:
    """An article's text with its actors, quotes, times and events as spans over it."""
    found = query.article(conn, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    return found


@router.get(
    "/export/{name}.{format}",
    tags=["export"],
    response_class=Response,
    responses={200: {"content": {kind: {} for kind in EXPORT_TYPES.values()}}},
)
def export(
    store: StoreDep,
    conn: Conn,
    filters: FiltersDep,
    name: Annotated[str, Path(description="A name for the downloaded file.")],
    format: Literal["jsonl", "json", "csv", "parquet", "graphml", "gexf"],
    actor: Annotated[
        str | None,
        Query(description="Only this actor's events (csv, json), or edges touching it (network)."),
    ] = None,
    counterpart: Annotated[
        str | None,
        Query(description="With actor, csv and json: only the dyad's events (its timeline)."),
    ] = None,
    min_weight: Annotated[
        int, Query(ge=1, le=MAX_INTEGER, description="Network only: fewer events, no edge.")
    ] = 1,
):
    """What `dyad export` writes: analyses (jsonl), one row per event (csv, json, parquet) or
    the actor network (graphml, gexf, for Gephi)."""
    media_type = EXPORT_TYPES[format]
    headers = {"Content-Disposition": attachment(f"{name}.{format}")}
    if format in ("csv", "json"):
        # An unknown name is a 404 now, not a download cut off after its headers.
        for given in filter(None, (actor, counterpart)):
            query.resolve_actor(conn, given)
        rows = event_rows(store, filters, actor, counterpart)
        return StreamingResponse(
            _csv_lines(rows) if format == "csv" else _json_array(rows),
            media_type=media_type,
            headers=headers,
        )
    folder = tempfile.mkdtemp(prefix="dyad-export-")
    out = FilePath(folder) / f"export.{format}"
    try:
        if format == "jsonl":
            write_jsonl(store, out, filters)
        elif format == "parquet":
            write_parquet(store, out, filters)
        else:
            write = write_graphml if format == "graphml" else write_gexf
            write(store, out, filters, actor=actor, min_weight=min_weight)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        out,
        media_type=media_type,
        headers=headers,
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


def attachment(filename: str) -> str:
    """A Content-Disposition for a download of any name (RFC 6266): a plain ASCII
    ``filename``, and for a name that is not one, its exact form percent-encoded (RFC 8187)."""
    fallback = "".join(c if " " <= c <= "~" and c not in '"\\' else "_" for c in filename)
    if fallback == filename:
        return f'attachment; filename="{filename}"'
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def _json_array(rows: Iterator[dict]) -> Iterator[str]:
    """The rows as one JSON array, written as they are read."""
    yield "["
    for count, row in enumerate(rows):
        yield ("," if count else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]\n"


def _csv_lines(rows: Iterator[dict], columns: Iterable[str] = EVENT_COLUMNS) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns))
    writer.writeheader()
    for count, row in enumerate(rows, 1):
        writer.writerow(row)
        if count % 1000 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
