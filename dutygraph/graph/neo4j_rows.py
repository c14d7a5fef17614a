"""What each document contributes to the Neo4j store, as rows, and the statements writing them.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc/a", label="Document", id="doc/a", name="计划")
>>> g.add_node("doc/a/task/A1-1", label="Task", id="doc/a/task/A1-1", name="做事", document="doc/a")
>>> _ = g.add_edge("doc/a/task/A1-1", "doc/a", key="IN_DOCUMENT", type="IN_DOCUMENT", document="doc/a")
>>> (part,) = split_graph(g)
>>> part.edges
{('IN_DOCUMENT', 'Task', 'Document'): [('doc/a/task/A1-1', 'doc/a', ['doc/a', None, None, None, None, None, None, None])]}
>>> from dutygraph.graph.neo4j_cypher import DOCUMENT
>>> (statement,) = write_statements(part)  # one batch: one statement
>>> batch = statement.params["batch"]
>>> statement.query == DOCUMENT.query, batch["Task"], statement.expect["Task"], batch["Unit"]
(True, [{'id': 'doc/a/task/A1-1', 'name': '做事', 'document': 'doc/a'}], 1, [])
>>> # a relationship is its values; its ends, positions in the lists of ids the statement looks up once
>>> batch["IN_DOCUMENT_Task_Document"], batch["IN_DOCUMENT_Task_Document_source"], batch["Task_refs"]
([['doc/a', None, None, None, None, None, None, None]], [0], ['doc/a/task/A1-1'])
>>> statement.expect["IN_DOCUMENT_Task_Document"], statement.expect["Task_refs"]
(1, 1)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from typing import Iterator, NamedTuple

from .neo4j_cypher import DOCUMENT, EDGE_KEYS, EDGE_VALUES, EdgeKey, _label, _type, edge_name, owner_key, \
    ref_key
from .schema import NODE_LABELS, NODE_PROPERTIES, SHARED_LABELS

DEFAULT_BATCH_SIZE = 10_000
_EDGE_OF = {edge_name(key): key for key in EDGE_KEYS}


class Statement(NamedTuple):
    """One Cypher statement and its parameters; ``expect``: the count each result column must have, if any."""

    query: str
    params: dict
    expect: dict[str, int] | None = None


Edge = tuple[str, str, list]  # (source id, target id, values in EDGE_VALUES order, None where absent)
_DOCUMENT, _DOCUMENTS = EDGE_VALUES.index("document"), EDGE_VALUES.index("documents")


@dataclass
class Contribution:
    """The rows one document contributes.

    ``nodes``: label -> id -> properties (none of them None). ``edges``: (type,
    source label, target label) -> ``(source id, target id, values)``, in
    (source, target) order, the values in
    :data:`~dutygraph.graph.neo4j_cypher.EDGE_VALUES` order, None where a
    property is absent (:func:`edge_properties` makes them a dict).
    Shared nodes and relationships between them carry ``documents`` (this
    document); relationships between shared nodes are unique per (type, source,
    target), as MERGE needs.
    """

    document: str
    nodes: dict[str, dict[str, dict]] = field(default_factory=dict)
    edges: dict[EdgeKey, list[Edge]] = field(default_factory=dict)

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
    return list(iter_split(graph))


def iter_split(graph) -> Iterator[Contribution]:
    """:func:`split_graph` one document at a time: a document's relationships are gathered (and checked) when
    it is reached, so that a load starts at once rather than after the whole graph is split.

    Nodes are checked first, and the relationships between shared nodes; the
    relationships of a document are those leaving its own nodes and those
    reaching them from shared nodes.
    """
    parts: dict[str, Contribution] = {}
    owner: dict[str, str] = {}  # document-owned node id -> its document
    own: dict[str, list[str]] = {}  # document -> its own nodes
    shared_of: dict[str, set[str]] = {}  # shared node id -> its documents
    labels: dict[str, str] = {}
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
            own.setdefault(doc, []).append(node_id)
    checked: set[EdgeKey] = set()

    def key_of(s: str, t: str, data: dict) -> EdgeKey:
        key = (data["type"], labels[s], labels[t])
        if key not in checked:
            _type(key[0])
            checked.add(key)
        return key

    # networkx's own dicts (successors and predecessors of a directed graph): its views cost a µs a step
    succ, pred = graph._succ, graph._pred
    merged: set[tuple] = set()
    for s, s_docs in shared_of.items():  # relationships between shared nodes
        for t, by_key in succ[s].items():
            t_docs = shared_of.get(t)
            if t_docs is None:
                continue
            for data in by_key.values():
                key = key_of(s, t, data)
                values = list(map(data.get, EDGE_VALUES))
                for doc in _merged_documents(key, s, t, values, merged):
                    if doc not in s_docs or doc not in t_docs:
                        n = s if doc not in s_docs else t
                        raise ValueError(f"{key[0]} {s} -> {t} of {doc}: {n} is not a node of {doc}")
                    mine = values.copy()
                    mine[_DOCUMENTS] = [doc]
                    _part(parts, doc, s).edges.setdefault(key, []).append((s, t, mine))

    ends = itemgetter(0, 1)
    for current in sorted(parts):
        part = parts[current]
        edges = part.edges

        def add(s: str, t: str, data: dict) -> None:
            key = key_of(s, t, data)
            values = list(map(data.get, EDGE_VALUES))  # (a relationship of one document has no ``documents``)
            values[_DOCUMENTS] = None
            s_owner, t_owner, named = owner.get(s), owner.get(t), values[_DOCUMENT]
            doc = s_owner or t_owner or named
            if s_owner not in (None, doc) or t_owner not in (None, doc) or named not in (None, doc):
                raise ValueError(f"{key[0]} {s} -> {t} joins documents {sorted({s_owner, t_owner, named} - {None})}")
            for n in (s, t):
                if n in shared_of and doc not in shared_of[n]:
                    raise ValueError(f"{key[0]} {s} -> {t} of {doc}: {n} is not a node of {doc}")
            rows = edges.get(key)
            if rows is None:
                rows = edges[key] = []
            rows.append((s, t, values))

        for n in own.get(current, ()):
            for t, by_key in succ[n].items():
                for data in by_key.values():
                    add(n, t, data)
            for s, by_key in pred[n].items():
                if s in shared_of:
                    for data in by_key.values():
                        add(s, n, data)
        for rows in edges.values():
            rows.sort(key=ends)
        yield part


def _merged_documents(key: EdgeKey, s: str, t: str, values: list, merged: set) -> list[str]:
    """The documents of a relationship between shared nodes (MERGEd, so at most one per type and ends)."""
    if values[_DOCUMENT] is not None:
        raise ValueError(f"{key[0]} {s} -> {t}: a relationship between shared nodes cannot belong "
                         "to one document (it has 'document')")
    if (key, s, t) in merged:
        raise ValueError(f"{key[0]} {s} -> {t} twice: relationships between shared nodes are merged by "
                         "type and ends")
    merged.add((key, s, t))
    return values[_DOCUMENTS] or []


def edge_properties(values: list) -> dict:
    """The properties of a relationship row (its values that are not None, by name).

    >>> edge_properties(["doc/a", 3, 4, None, None, None, None, None])
    {'document': 'doc/a', 'line_first': 3, 'line_last': 4}
    """
    return {k: v for k, v in zip(EDGE_VALUES, values) if v is not None}


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
        yield from iter_split(source)
        return
    from ..model import Document
    from .build import GraphBuilder, document_keys

    items = [source] if isinstance(source, (Document, Contribution)) else list(source)
    keys = iter(document_keys([item for item in items if isinstance(item, Document)]))
    builder = GraphBuilder()
    for item in items:
        if isinstance(item, nx.Graph):
            yield from iter_split(item)
            continue
        if isinstance(item, Contribution):
            yield item
            continue
        builder.graph = nx.MultiDiGraph()  # one document's graph; the builder keeps the document keys
        builder.add(item, next(keys))
        yield from split_graph(builder.graph)


class Batch(dict):
    """The rows of one statement (``$batch``): a dict whose repr is a summary.

    The driver formats every parameter of a query for its debug log whether or
    not that log is on; for a batch that costs as much as packing it.
    """

    def __repr__(self) -> str:
        return f"<batch of {sum(len(v) for v in self.values()):,} values in {len(self)} lists>"


def write_statements(part: Contribution, batch_size: int = DEFAULT_BATCH_SIZE) -> list[Statement]:
    """The statements writing ``part``: :data:`~dutygraph.graph.neo4j_cypher.DOCUMENT`, once per batch.

    Each list of rows is cut into batches of at most ``batch_size``; the node
    batches come first, then the relationship batches (the last node batch
    with the first relationship batch: every shared node is locked before a
    relationship touches it), and each column is expected to count the rows it
    was given. A relationship row is the list of its values in
    :data:`~dutygraph.graph.neo4j_cypher.EDGE_VALUES` order; its ends are
    positions in the lists of ids ``<label>_refs`` (``<name>_source`` and
    ``<name>_target``). A part with no rows needs no statement.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if set(part.edges) - set(EDGE_KEYS):
        raise ValueError(f"not in the schema: {sorted(set(part.edges) - set(EDGE_KEYS))}")
    nodes = {label: [props for _, props in sorted(part.nodes.get(label, {}).items())] for label in NODE_LABELS}
    edges = {edge_name(key): part.edges.get(key, []) for key in EDGE_KEYS}
    node_batches = -(-max(len(rows) for rows in nodes.values()) // batch_size)
    edge_batches = -(-max(len(rows) for rows in edges.values()) // batch_size)
    if not node_batches and not edge_batches:
        return []
    out = []
    for k in range(max(node_batches, 1) + max(edge_batches, 1) - 1):
        batch = Batch()
        start = k * batch_size
        for label in DOCUMENT.nodes:
            batch[label] = nodes[label][start:start + batch_size]
        start = (k - max(node_batches, 1) + 1) * batch_size  # negative: no relationship yet
        refs: dict[str, dict[str, int]] = {label: {} for label in DOCUMENT.refs}
        for name in DOCUMENT.edges:
            rows = edges[name][start:start + batch_size] if start >= 0 else []
            _, source, target = _EDGE_OF[name]
            sources, targets = refs[source], refs[target]
            batch[name] = [values for _, _, values in rows]
            batch[f"{name}_source"] = [sources.setdefault(s, len(sources)) for s, _, _ in rows]
            batch[f"{name}_target"] = [targets.setdefault(t, len(targets)) for _, t, _ in rows]
        for label, ids in refs.items():
            batch[ref_key(label)] = list(ids)
        expect = {column: len(batch[key]) for column, key in DOCUMENT.columns.items() if key is not None}
        out.append(Statement(DOCUMENT.query, {"batch": batch}, expect))
    return out


def statements(source, batch_size: int = DEFAULT_BATCH_SIZE) -> list[Statement]:
    """Every write statement loading ``source`` into an empty store (no removal), document by document."""
    return [s for part in contributions(source) for s in write_statements(part, batch_size)]
