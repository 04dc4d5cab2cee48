"""The actor network: who acted on whom in a time window, edges weighted by event class.

One definition for every reader: the exports (GraphML, GEXF), ``dyad network``
and the web's network page draw the same directed edges.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    String,
    and_,
    case,
    column,
    func,
    select,
    true,
    values,
)

from dyad.plover import event_types, intensity, is_symmetric, quad_class, quad_classes
from dyad.query.actors import resolve_actor
from dyad.query.connect import Database, connect
from dyad.query.counts import involving
from dyad.query.filters import NO_FILTERS, Filters
from dyad.store import schema

COOPERATION = ("verbal_cooperation", "material_cooperation")
CONFLICT = ("verbal_conflict", "material_conflict")


def network(
    db: Database,
    *,
    filters: Filters = NO_FILTERS,
    actor: str | None = None,
    quad: str | None = None,
    min_weight: int = 1,
    limit: int | None = None,
) -> nx.DiGraph:
    """A directed graph of actors (name, kind, country, sector) and their events.

    Each edge source → target carries ``weight`` (all events) and one count per
    PLOVER quad class, plus ``balance``: (cooperation − conflict) / weight, and
    ``intensity``: the sum of the PLOVER manual's scores of its events (negated
    ones weigh nothing, as in ``dyad.query.intensity``). A
    symmetric event (a meeting) goes on the edge between its two actors in id
    order, so A meeting B and B meeting A add up. With ``actor``, only edges
    touching that actor (and those acting for it); with ``quad``, only events of
    that quad class.

    With ``limit``, only the heaviest edges, heaviest first: the database ranks
    them, so the light edges of a big window (hundreds of thousands) never reach
    Python. Ask for one more than you show to learn whether there are more.
    """
    events, actors = schema.events, schema.actors
    source, target = events.c.source_id, events.c.target_id
    kept = [source.is_not(None), target.is_not(None), source != target]
    if quad:
        kept.append(events.c.type.in_([t for t in event_types() if quad_class(t) == quad]))
    # Mode and status only weigh the intensity: a few more rows per edge.
    detail = (source, target, events.c.type, events.c.mode, events.c.status)
    query = select(*detail, func.count().label("n")).group_by(*detail)
    edges = list(kept)  # what makes an edge, before any actor's condition
    graph: nx.DiGraph[str] = nx.DiGraph()
    with connect(db) as conn:
        rows: Iterable[Row]
        if actor:
            kept.append(involving(resolve_actor(conn, actor)))
        if limit is None:
            rows = conn.execute(filters.events(query.where(*kept)))
        else:
            heaviest = _heaviest(conn, kept, filters, min_weight, limit)
            for first, second in heaviest:
                _add_edge(graph, first, second)
            # The pairs are the actor's already: its condition would only steer the
            # database off the pair index.
            rows = _pair_rows(conn, filters, edges, detail, _both_ways(heaviest))
        for row in rows:
            first, second = _edge(row.source_id, row.target_id, row.type)
            if limit is not None and not graph.has_edge(first, second):
                continue
            edge = _add_edge(graph, first, second)
            edge["weight"] += row.n
            kind = quad_class(row.type) or row.type
            edge[kind] = edge.get(kind, 0) + row.n
            if row.status != "negated":
                edge["intensity"] += (intensity(row.type, row.mode) or 0.0) * row.n
        weak = [(a, b) for a, b, data in graph.edges(data=True) if data["weight"] < min_weight]
        graph.remove_edges_from(weak)
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
        nodes = list(graph)
        for start in range(0, len(nodes), 1000):
            chunk = nodes[start : start + 1000]
            for row in conn.execute(select(actors).where(actors.c.id.in_(chunk))):
                graph.nodes[row.id].update(
                    _present(
                        label=row.name,
                        kind=row.kind,
                        country=row.country,
                        sector=row.sector,
                        affiliation=row.affiliation,
                    )
                )
    for _a, _b, edge in graph.edges(data=True):
        cooperation = sum(edge[q] for q in COOPERATION)
        conflict = sum(edge[q] for q in CONFLICT)
        edge["balance"] = round((cooperation - conflict) / edge["weight"], 4)
        edge["intensity"] = round(edge["intensity"], 4)
    return graph


def _edge(source: str, target: str, event_type: str) -> tuple[str, str]:
    """The edge an event goes on: a symmetric one's actors in id order."""
    if is_symmetric(event_type) and target < source:
        return target, source
    return source, target


def _add_edge(graph: nx.DiGraph, source: str, target: str) -> dict:
    if not graph.has_edge(source, target):
        graph.add_edge(source, target, weight=0, intensity=0.0, **dict.fromkeys(quad_classes(), 0))
    return graph.edges[source, target]


def _heaviest(
    conn: Connection,
    kept: list[ColumnElement[bool]],
    filters: Filters,
    min_weight: int,
    limit: int,
) -> list[tuple[str, str]]:
    """The ``limit`` heaviest edges, as ``_edge`` folds them, heaviest first."""
    events = schema.events
    source, target = _code_point_order(conn, events.c.source_id, events.c.target_id)
    symmetric = [t for t in event_types() if is_symmetric(t)]
    swap = and_(events.c.type.in_(symmetric), target < source)
    first = case((swap, events.c.target_id), else_=events.c.source_id).label("first")
    second = case((swap, events.c.source_id), else_=events.c.target_id).label("second")
    weight = func.count().label("weight")
    ranked = (
        filters.events(select(first, second, weight).where(*kept))
        .group_by(first, second)
        .having(weight >= min_weight)
        .order_by(weight.desc(), first, second)
        .limit(limit)
    )
    return [(row.first, row.second) for row in conn.execute(ranked)]


def _code_point_order(conn: Connection, *columns):
    """The columns compared as Python compares strings (PostgreSQL's collation may not)."""
    if conn.dialect.name == "postgresql":
        return tuple(column.collate("C") for column in columns)
    return columns


def _both_ways(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    # A folded edge holds events stored either way round (an edge and its reverse
    # may both be among the heaviest: each pair once).
    return list(dict.fromkeys(pairs + [(b, a) for a, b in pairs]))


def _pair_rows(
    conn: Connection,
    filters: Filters,
    edges: list[ColumnElement[bool]],
    detail: tuple,
    pairs: list[tuple[str, str]],
) -> list[Row]:
    """The events between these (source, target) pairs that pass ``filters`` and
    ``edges``, counted by ``detail``; each pair's read from the pair index (source,
    target, date): ``(source, target) IN (…)`` has the database read every event of
    the window instead."""
    if not pairs:
        return []
    events = schema.events
    # A common table expression: SQLite reads no column names after a VALUES alias.
    columns = (column("source", String), column("target", String))
    wanted = values(*columns, name="wanted").data(pairs).cte("wanted_pairs")
    of_pair = and_(events.c.source_id == wanted.c.source, events.c.target_id == wanted.c.target)
    n = func.count().label("n")
    if conn.dialect.name != "postgresql":
        query = filters.events(select(*detail, n).where(*edges).group_by(*detail))
        return list(conn.execute(query.join_from(wanted, events, of_pair)))
    # PostgreSQL costs the pair index and the (target, source, type) one alike and took
    # the second, then read all of each pair's events to keep the window's: 0.9 s for
    # the 216 pairs of three months at 1M events. Asked for in the pair index's order,
    # each pair's events come from that index: 17 ms.
    in_order = (events.c.source_id, events.c.target_id, events.c.sort_date)
    pair_events = (
        filters.events(select(*detail).where(of_pair, *edges)).order_by(*in_order).lateral()
    )
    grouped = [pair_events.c[c.name] for c in detail]
    query = select(*grouped, n).select_from(wanted).join(pair_events, true())
    return list(conn.execute(query.group_by(*grouped)))


def _present(**attributes: str | None) -> dict[str, str]:
    # GraphML and GEXF have no null: an unknown attribute is left out.
    return {k: v for k, v in attributes.items() if v is not None}
