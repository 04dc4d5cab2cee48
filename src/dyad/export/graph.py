"""The actor network as GraphML and GEXF files, for Gephi, Cytoscape or networkx."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from dyad.export.target import written_atomically
from dyad.query.filters import NO_FILTERS, Filters
from dyad.query.network import network
from dyad.store import Store


def write_graphml(store: Store, out: Path, filters: Filters = NO_FILTERS, **options) -> nx.DiGraph:
    graph = network(store, filters=filters, **options)
    with written_atomically(Path(out), store) as partial:
        nx.write_graphml(graph, partial)
    return graph


def write_gexf(store: Store, out: Path, filters: Filters = NO_FILTERS, **options) -> nx.DiGraph:
    graph = network(store, filters=filters, **options)
    with written_atomically(Path(out), store) as partial:
        nx.write_gexf(graph, partial)
    return graph
