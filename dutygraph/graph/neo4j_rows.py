"""What each document contributes to the Neo4j store, as rows, and the statements writing them.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc/a", label="Document", id="doc/a", name="计划")
>>> g.add_node("doc/a/task/A1-1", label="Task", id="doc/a/task/A1-1", name="做事", document="doc/a")
>>> _ = g.add_edge("doc/a/task/A1-1", "doc/a", key="IN_DOCUMENT", type="IN_DOCUMENT", document="doc/a")
>>> (part,) = split_graph(g)
>>> part.edges
{('IN_DOCUMENT', 'Task', 'Document'): [{'source': 'doc/a/task/A1-1', 'target': 'doc/a', 'document': 'doc/a'}]}
>>> from dutygraph.graph.neo4j_cypher import OWN_EDGES, OWN_NODES
>>> own_nodes, own_edges = write_statements(part)  # no shared node: those steps are left out
>>> own_nodes.query == OWN_NODES.query, own_nodes.params["batch"]["Task"], own_nodes.expect["Task"]
(True, [{'id': 'doc/a/task/A1-1', 'name': '做事', 'document': 'doc/a'}], 1)
>>> own_edges.query == OWN_EDGES.query, own_edges.expect["IN_DOCUMENT_Task_Document"]
(True, 1)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from typing import Iterator, NamedTuple

from .neo4j_cypher import EDGE_KEYS, WRITE_STEPS, EdgeKey, _label, _type, edge_name, is_shared, \
    owner_key
from .schema import EDGE_PROPERTIES, NODE_LABELS, NODE_PROPERTIES, SHARED_LABELS

DEFAULT_BATCH_SIZE = 10_000


class Statement(NamedTuple):
    """One Cypher statement and its parameters; ``expect``: the count each result column must have, if any."""

    query: str
    params: dict
    expect: dict[str, int] | None = None


@dataclass
class Contribution:
    """The rows one document contributes, without None values.

    ``nodes``: label -> id -> properties. ``edges``: (type, source label, target
    label) -> rows, each ``{"source": id, "target": id, **properties}``. Rows of
    shared nodes and of relationships between them carry ``documents`` (this
    document); relationships between shared nodes are unique per (type, source,
    target), as MERGE needs.
    """

    document: str
    nodes: dict[str, dict[str, dict]] = field(default_factory=dict)
    edges: dict[EdgeKey, list[dict]] = field(default_factory=dict)

    @property
    def relationships(self) -> int:
        return sum(len(rows) for rows in self.edges.values())


def split_graph(graph) -> list[Contribution]:
    """A graph (from ``build``) as one contribution per Document node, in id order.

    Rows hold the schema properties of :mod:`dutygraph.graph.rows` that are not
    None. A shared node or relationship goes to each document in its
    ``documents`` list (narrowed to that document); its other properties,
    aliases included, are the graph's. Raises ValueError where a document's
    contribution would not be closed (a relationship to a node the document
    does not name), which reloading could not undo.
    """
    parts: dict[str, Contribution] = {}
    owner: dict[str, str] = {}  # document-owned node id -> its document
    shared_of: dict[str, set[str]] = {}  # shared node id -> its documents
    labels: dict[str, str] = {}
    merged: set[tuple] = set()
    for node_id, data in graph.nodes(data=True):
        labels[node_id] = _label(data["label"])
        if data["label"] == "Document":
            parts[node_id] = Contribution(node_id)
    for node_id, data in graph.nodes(data=True):
        label = labels[node_id]
        allowed = NODE_PROPERTIES[label]
        props = {k: v for k, v in data.items() if v is not None and k in allowed}
        if label in SHARED_LABELS:
            docs = props.get("documents") or []
            shared_of[node_id] = set(docs)
            for doc in docs:
                _part(parts, doc, node_id).nodes.setdefault(label, {})[node_id] = {**props, "documents": [doc]}
        else:
            doc = owner[node_id] = props.get(owner_key(label))
            _part(parts, doc, node_id).nodes.setdefault(label, {})[node_id] = props
    types = set()
    for s, t, data in graph.edges(data=True):
        type_ = data["type"]
        if type_ not in types:
            types.add(_type(type_))
        key = (type_, labels[s], labels[t])
        props = {k: v for k, v in data.items() if v is not None and k in EDGE_PROPERTIES}
        if is_shared(key):
            if "document" in props:
                raise ValueError(f"{key[0]} {s} -> {t}: a relationship between shared nodes cannot belong "
                                 "to one document (it has 'document')")
            docs = props.get("documents") or []
            if (key, s, t) in merged:
                raise ValueError(f"{key[0]} {s} -> {t} twice: relationships between shared nodes are merged by "
                                 "type and ends")
            merged.add((key, s, t))
        else:
            docs = _owners(owner.get(s), owner.get(t), props.get("document"))
            if len(docs) != 1:
                raise ValueError(f"{key[0]} {s} -> {t} joins documents {sorted(docs)}")
        for doc in docs:
            for n in (s, t):
                if owner.get(n, doc) != doc or (n in shared_of and doc not in shared_of[n]):
                    raise ValueError(f"{key[0]} {s} -> {t} of {doc}: {n} is not a node of {doc}")
            row = {"source": s, "target": t, **props}
            if "documents" in props:
                row["documents"] = [doc]
            _part(parts, doc, s).edges.setdefault(key, []).append(row)
    ends = itemgetter("source", "target")
    for part in parts.values():
        for rows in part.edges.values():
            rows.sort(key=ends)
    return [parts[d] for d in sorted(parts)]


def _owners(*docs: str | None) -> set[str]:
    return {d for d in docs if d is not None}


def _part(parts: dict[str, Contribution], doc: str | None, what: str) -> Contribution:
    if doc not in parts:
        raise ValueError(f"{what} belongs to {doc!r}, which is not a Document node of the graph")
    return parts[doc]


def contributions(source) -> Iterator[Contribution]:
    """One contribution per document of ``source``: a graph, a Document, or an iterable of graphs, Documents
    and contributions (passed on as they are).

    Documents are built one by one (ids as :func:`~dutygraph.graph.build.build`
    gives them for the whole list: :func:`~dutygraph.graph.build.document_keys`),
    so a shared node carries exactly what each document says of it.
    """
    import networkx as nx

    if isinstance(source, nx.Graph):
        yield from split_graph(source)
        return
    from ..model import Document
    from .build import GraphBuilder, document_keys

    items = [source] if isinstance(source, (Document, Contribution)) else list(source)
    keys = iter(document_keys([item for item in items if isinstance(item, Document)]))
    builder = GraphBuilder()
    for item in items:
        if isinstance(item, nx.Graph):
            yield from split_graph(item)
            continue
        if isinstance(item, Contribution):
            yield item
            continue
        builder.graph = nx.MultiDiGraph()  # one document's graph; the builder keeps the document keys
        builder.add(item, next(keys))
        yield from split_graph(builder.graph)


def write_statements(part: Contribution, batch_size: int = DEFAULT_BATCH_SIZE) -> list[Statement]:
    """The statements writing ``part``, step by step (:data:`~dutygraph.graph.neo4j_cypher.WRITE_STEPS`).

    Each list of rows is cut into batches of at most ``batch_size``; statement k
    of a step carries batch k of every list of that step, and expects each
    column to count the rows it was given.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    nodes = {label: [props for _, props in sorted(part.nodes.get(label, {}).items())] for label in NODE_LABELS}
    edges = {edge_name(key): part.edges.get(key, []) for key in EDGE_KEYS}
    if set(part.edges) - set(EDGE_KEYS):
        raise ValueError(f"not in the schema: {sorted(set(part.edges) - set(EDGE_KEYS))}")
    lists = {**nodes, **edges}
    out = []
    for step in WRITE_STEPS:
        keys = list(dict.fromkeys(key for key in step.columns.values() if key is not None))
        longest = max(len(lists[key]) for key in keys)  # 0: the step is left out
        for start in range(0, longest, batch_size):
            batch = {key: lists[key][start:start + batch_size] for key in keys}
            expect = {column: len(batch[key]) for column, key in step.columns.items() if key is not None}
            out.append(Statement(step.query, {"batch": batch}, expect))
    return out


def statements(source, batch_size: int = DEFAULT_BATCH_SIZE) -> list[Statement]:
    """Every write statement loading ``source`` into an empty store (no removal), document by document."""
    return [s for part in contributions(source) for s in write_statements(part, batch_size)]
