"""The graph as node-link JSON (networkx's format), written and read back.

>>> import networkx as nx, io
>>> g = nx.MultiDiGraph(); g.add_node("unit/a", label="Unit", id="unit/a")
>>> g.add_edge("unit/a", "unit/a", key="MEMBER_OF", type="MEMBER_OF")
'MEMBER_OF'
>>> buf = io.StringIO(); write_node_link(g, buf); buf.seek(0)
0
>>> h = read_node_link(buf); sorted(h.nodes), list(h.edges(keys=True))
(['unit/a'], [('unit/a', 'unit/a', 'MEMBER_OF')])
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO


def to_node_link(graph) -> dict:
    """A JSON-ready dict: ``nodes`` (each with ``id`` and ``label``) and ``edges`` (``source``, ``target``, ``key``)."""
    import networkx as nx

    data = nx.node_link_data(graph, edges="edges")
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["edges"] = sorted(data["edges"], key=lambda e: (e["source"], e["target"], e["key"]))
    return data


def write_node_link(graph, stream: TextIO) -> None:
    json.dump(to_node_link(graph), stream, ensure_ascii=False, indent=1, sort_keys=True)
    stream.write("\n")


def read_node_link(stream: TextIO):
    import networkx as nx

    return nx.node_link_graph(json.load(stream), directed=True, multigraph=True, edges="edges")


def counts(graph) -> dict[str, dict[str, int]]:
    """Nodes per label and edges per type."""
    labels = Counter(d["label"] for _, d in graph.nodes(data=True))
    types = Counter(d["type"] for _, _, d in graph.edges(data=True))
    return {"nodes": dict(sorted(labels.items())), "edges": dict(sorted(types.items()))}
