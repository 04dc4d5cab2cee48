"""The actor network: who acted on whom in a time window, edges weighted by event class."""

from __future__ import annotations

import networkx as nx
from sqlalchemy import func, select

from dyad.plover import is_symmetric, quad_class, quad_classes
from dyad.query.actors import resolve_actor
from dyad.query.counts import involving
from dyad.query.filters import NO_FILTERS, Filters
from dyad.store import Store, schema

COOPERATION = ("verbal_cooperation", "material_cooperation")
CONFLICT = ("verbal_conflict", "material_conflict")


def network(
    store: Store,
    *,
    filters: Filters = NO_FILTERS,
    actor: str | None = None,
    min_weight: int = 1,
) -> nx.DiGraph:
    """A directed graph of actors (name, kind, country, sector) and their events.

    Each edge source → target carries ``weight`` (all events) and one count per
    PLOVER quad class, plus ``balance``: (cooperation − conflict) / weight. A
    symmetric event (a meeting) goes on the edge between its two actors in id
    order, so A meeting B and B meeting A add up. With ``actor``, only edges
    touching that actor (and those acting for it).
    """
    events, actors = schema.events, schema.actors
    query = (
        select(events.c.source_id, events.c.target_id, events.c.type, func.count().label("n"))
        .where(events.c.source_id.is_not(None), events.c.target_id.is_not(None))
        .where(events.c.source_id != events.c.target_id)
        .group_by(events.c.source_id, events.c.target_id, events.c.type)
    )
    graph = nx.DiGraph()
    with store.engine.connect() as conn:
        if actor:
            query = query.where(involving(resolve_actor(conn, actor)))
        for row in conn.execute(filters.events(query)):
            source, target = row.source_id, row.target_id
            if is_symmetric(row.type) and target < source:
                source, target = target, source
            if not graph.has_edge(source, target):
                graph.add_edge(source, target, weight=0, **dict.fromkeys(quad_classes(), 0))
            edge = graph.edges[source, target]
            edge["weight"] += row.n
            edge[quad_class(row.type) or row.type] = edge.get(quad_class(row.type), 0) + row.n
        weak = [(a, b) for a, b, w in graph.edges(data="weight") if w < min_weight]
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
    return graph


def _present(**attributes: str | None) -> dict[str, str]:
    # GraphML and GEXF have no null: an unknown attribute is left out.
    return {k: v for k, v in attributes.items() if v is not None}
