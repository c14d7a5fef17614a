"""A graph as rows: one list of property dicts per label and per relationship type.

Every store writer starts from these rows, so all stores hold the same nodes,
edges and properties. Missing properties are None (a store may skip them).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("unit/a", label="Unit", id="unit/a", name="A")
>>> g.add_node("t", label="Task", id="t", name="T", document="doc/x")
>>> _ = g.add_edge("unit/a", "t", key="LEADS", type="LEADS", document="doc/x", line_first=3)
>>> node_rows(g)["Unit"][0]["name"], node_rows(g)["Unit"][0]["kind"]
('A', None)
>>> edge_rows(g)[("LEADS", "Unit", "Task")][0]["line_first"]
3
"""

from __future__ import annotations

from collections import defaultdict

from .schema import EDGE_PROPERTIES, NODE_PROPERTIES


def node_rows(graph) -> dict[str, list[dict]]:
    """Label -> rows holding every schema property of that label (None where absent), sorted by id."""
    out: dict[str, list[dict]] = defaultdict(list)
    for _, data in sorted(graph.nodes(data=True), key=lambda item: item[0]):
        label = data["label"]
        out[label].append({p: data.get(p) for p in NODE_PROPERTIES[label]})
    return dict(out)


def edge_rows(graph) -> dict[tuple[str, str, str], list[dict]]:
    """(type, source label, target label) -> rows with ``source``, ``target`` and every edge property."""
    out: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    labels = {n: d["label"] for n, d in graph.nodes(data=True)}
    for u, v, k, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1])):
        row = {"source": u, "target": v, **{p: data.get(p) for p in EDGE_PROPERTIES}}
        out[(data["type"], labels[u], labels[v])].append(row)
    return dict(out)


def document_ids(graph) -> list[str]:
    """The ids of the Document nodes of ``graph``."""
    return sorted(n for n, d in graph.nodes(data=True) if d["label"] == "Document")
