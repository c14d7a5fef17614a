"""Exports of the graph: GraphML and GEXF (Gephi), node-link JSON, and every RDF serialisation.

GraphML and GEXF hold no lists: list properties (aliases, documents, amounts, …)
are joined with ``;``. Edge ids are made unique (``e0``, ``e1``, …; a networkx
edge is keyed by its type, which would repeat). Gephi and igraph show a node's
``label`` attribute, so in both a node's ``label`` is its name (株洲市财政局, A1-1, …),
and its id is the file's node id only (no ``id`` attribute beside it, which igraph
would refuse). In GraphML the schema label (Unit, Task, …) is the node's ``type``
and an edge's type is its ``type``. GEXF reserves ``type`` for directed/undirected,
so there the schema label is ``node_label``, and an edge's label is its type, also
kept as ``rel_type``.

JSON-LD (like Turtle) holds the merged graph as its default graph, which is
what ``rdflib.Graph().parse(format="json-ld")`` and most JSON-LD tools read; the
per-document named graphs are in TriG and N-Quads.

>>> import io, networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("unit/a", label="Unit", id="unit/a", name="A", aliases=["甲", "乙"])
>>> g.add_node("unit/b", label="Unit", id="unit/b", name="B")
>>> _ = g.add_edge("unit/a", "unit/b", key="MEMBER_OF", type="MEMBER_OF", documents=["doc/x"])
>>> buf = io.BytesIO(); export(g, "graphml", buf)
>>> h = nx.read_graphml(io.BytesIO(buf.getvalue()))
>>> h.nodes["unit/a"]["label"], h.nodes["unit/a"]["type"], h.nodes["unit/a"]["aliases"]
('A', 'Unit', '甲;乙')
>>> [d["type"] for _, _, d in h.edges(data=True)]
['MEMBER_OF']
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

from .node_link import write_node_link
from .rdf import FORMATS as RDF_FORMATS
from .rdf import SUFFIXES as RDF_SUFFIXES
from .rdf import serialize

LIST_SEPARATOR = ";"
FORMATS = ("graphml", "gexf", "json", *RDF_FORMATS)
SUFFIXES = {"graphml": ".graphml", "gexf": ".gexf", "json": ".json", **RDF_SUFFIXES}


def _flat(value):
    if isinstance(value, (list, tuple, set)):
        return LIST_SEPARATOR.join(str(x) for x in value)
    return value


def flatten(graph, gephi: bool = False):
    """A copy of ``graph`` with list properties joined, unique edge keys and the name as ``label``.

    The schema label becomes ``type`` (GraphML) or, with ``gephi`` (GEXF), ``node_label``.
    """
    import networkx as nx

    out = nx.MultiDiGraph()
    for n, data in graph.nodes(data=True):
        attrs = {k: _flat(x) for k, x in data.items() if x is not None}
        attrs["node_label" if gephi else "type"] = attrs.pop("label")
        attrs["label"] = attrs.get("name") or n
        attrs.pop("id", None)   # it is the node's own id (igraph reads that into its `id` attribute)
        out.add_node(n, **attrs)
    for i, (u, w, data) in enumerate(sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["type"]))):
        attrs = {k: _flat(x) for k, x in data.items() if x is not None}
        if gephi:
            attrs["rel_type"] = attrs.pop("type")
            attrs["label"] = attrs["rel_type"]
        out.add_edge(u, w, key=f"e{i}", **attrs)
    return out


def export(graph, fmt: str, output: str | Path | IO[bytes]) -> None:
    """Write ``graph`` to ``output`` (a path or a binary stream) in ``fmt``, one of :data:`FORMATS`."""
    import networkx as nx

    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt in RDF_FORMATS:
        if isinstance(output, (str, Path)):
            output = str(output)
        serialize(graph, fmt, output)
        return
    stream = open(output, "wb") if isinstance(output, (str, Path)) else output
    try:
        if fmt == "graphml":
            nx.write_graphml(flatten(graph), stream, encoding="utf-8", prettyprint=True)
        elif fmt == "gexf":
            nx.write_gexf(flatten(graph, gephi=True), stream, encoding="utf-8", prettyprint=True)
        else:
            text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
            write_node_link(graph, text)
            text.flush()
            text.detach()
    finally:
        if stream is not output:
            stream.close()


def format_of(path: str | Path) -> str | None:
    """The export format a file name's suffix implies (``.ttl`` -> turtle), or None."""
    suffix = Path(path).suffix.lower()
    return next((f for f, s in SUFFIXES.items() if s == suffix), None)
