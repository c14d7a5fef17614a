"""The responsibility graph as RDF: one named graph per document, a shared graph, and serialisations.

Each document's named graph (:func:`~dutygraph.graph.vocab.graph_iri`) holds
what that document alone contributes: its own nodes and relationships, and one
``dcterms:isReferencedBy <document>`` triple for each unit, place, project and
gazetteer fact (MEMBER_OF, GOVERNS, place LOCATED_IN place) it names. Those
shared resources are described once, in the shared graph
(:data:`~dutygraph.graph.vocab.SHARED_GRAPH`), and reference-counted as in the
property-graph stores: replacing a document's graph replaces its references,
and a shared resource that no document references any more is deleted
(:func:`replace_update`). No triple is in two graphs, so the union of the
graphs (the default graph of queries) is the merged graph, with no duplicates
to DISTINCT away, and it is what :func:`triples` and the Turtle export give.

Relationships become a direct triple plus a qualification node (IRI from
:func:`~dutygraph.graph.vocab.edge_iri`) carrying what the relationship says beyond
its ends: ``dg:lineFirst``/``dg:lineLast``, ``dg:printed``, ``dg:basis`` and
``dg:inferred`` (only when true): roles as PROV qualified associations (the task
``prov:wasAssociatedWith`` the unit), ``DEPENDS_ON`` as a qualified dependency
(``dg:dependsOn`` follows from it by the ontology's chain axiom), the rest as
``rdf:Statement`` reifications. What the ends give is not repeated
(:data:`~dutygraph.graph.vocab.IMPLIED`: the document, the task's lines), and
``IN_DOCUMENT`` and ``PART_OF`` are their direct triple alone
(:data:`~dutygraph.graph.vocab.UNQUALIFIED`; ``IN_DOCUMENT`` is the node's own
``prov:wasDerivedFrom``). Counting the qualification nodes and the direct triples
of those two gives the relationship counts (:data:`EDGE_COUNTS`).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc/a", label="Document", id="doc/a", name="计划", issued="2018-03-31")
>>> g.add_node("unit/u", label="Unit", id="unit/u", name="U", documents=["doc/a"])
>>> g.add_node("doc/a/task/A1-1", label="Task", id="doc/a/task/A1-1", name="T", document="doc/a")
>>> _ = g.add_edge("unit/u", "doc/a/task/A1-1", key="LEADS", type="LEADS", document="doc/a", line_first=3)
>>> _ = g.add_edge("doc/a/task/A1-1", "doc/a", key="IN_DOCUMENT", type="IN_DOCUMENT", document="doc/a")
>>> len(quads(g)), len(triples(g))
(17, 17)
>>> sorted({q.graph_name.value.rsplit("/", 1)[-1] for q in quads(g)})
['a', 'shared']
>>> "dg:lineFirst 3" in serialize(g, "turtle").decode()
True
>>> sparql_counts(to_oxigraph_dataset(g))
{'nodes': {'Document': 1, 'Task': 1, 'Unit': 1}, 'edges': {'IN_DOCUMENT': 1, 'LEADS': 1}}
"""

from __future__ import annotations

import io
import re
from typing import IO, Iterable

from . import vocab as v
from .schema import DOCUMENT_LABELS, EDGE_PROPERTIES, EDGE_TYPES, NODE_LABELS, NODE_PROPERTIES, SHARED_LABELS
from .text_index import token_triples

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Export format name -> (pyoxigraph RdfFormat attribute, True if the format holds named graphs).
FORMATS = {
    "turtle": ("TURTLE", False),
    "nt": ("N_TRIPLES", False),
    "rdfxml": ("RDF_XML", False),
    "trig": ("TRIG", True),
    "nquads": ("N_QUADS", True),
    "jsonld": ("JSON_LD", False),   # the default graph: what JSON-LD readers read
}
SUFFIXES = {"turtle": ".ttl", "nt": ".nt", "rdfxml": ".rdf", "trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld"}


_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


_XSD_SUFFIX = {k: f"^^<{v.XSD}{k}>" for k in ("integer", "double", "boolean", "date")}


def literal_text(value, kind: str) -> str | None:
    """A property value of ``kind`` (``schema`` kinds) as an N-Triples literal; None for a node id (kind
    ``document``), which the caller renders as an IRI.

    >>> literal_text('计划 "甲"', "string"), literal_text(3, "int"), literal_text("2018年", "date")
    ('"计划 \\\\"甲\\\\""', '"3"^^<http://www.w3.org/2001/XMLSchema#integer>', '"2018年"')
    """
    if kind == "string":
        value = str(value)
        if '"' in value or "\\" in value or "\n" in value or "\r" in value:  # rare: translate is slow
            value = value.translate(_ESCAPE)
        return '"' + value + '"'
    if kind == "int":
        return f'"{int(value)}"{_XSD_SUFFIX["integer"]}'
    if kind == "double":
        return f'"{float(value)!r}"{_XSD_SUFFIX["double"]}'.replace('"inf"', '"INF"').replace('"-inf"', '"-INF"')
    if kind == "bool":
        return f'"{"true" if value else "false"}"{_XSD_SUFFIX["boolean"]}'
    if kind == "date":
        return f'"{value}"{_XSD_SUFFIX["date"]}' if _DATE.fullmatch(value) else literal_text(value, "string")
    return None


class _Terms:
    """Terms rendered as N-Triples text, IRIs cached: plain strings are the fastest way into every RDF library."""

    def __init__(self):
        self._nodes: dict[str, str] = {}
        self.type = f"<{v.RDF_TYPE}>"
        self.p = {key: f"<{pred}>" for key, (pred, _) in v.PROPERTIES.items()}
        self.kind = {key: kind for key, (_, kind) in v.PROPERTIES.items()}
        self.pk = {key: (self.p[key], kind) for key, kind in self.kind.items()}

    def node(self, node_id: str) -> str:
        node = self._nodes.get(node_id)
        if node is None:
            node = self._nodes[node_id] = f"<{v.iri(node_id)}>"
        return node

    def literal(self, value, kind: str) -> str:
        text = literal_text(value, kind)
        return self.node(value) if text is None else text  # "document": a node id


_NODE_SKIP = frozenset(("label", "documents"))
_EDGE_SKIP = frozenset(("type", "documents"))


def _property_triples(t: _Terms, subject: str, data: dict, out: list, skip: frozenset) -> None:
    properties = t.pk
    for key, value in data.items():
        if value is None or key in skip:
            continue
        pk = properties.get(key)
        if pk is None:
            continue
        p, kind = pk
        if isinstance(value, (list, tuple)):
            out.extend((subject, p, t.literal(item, kind)) for item in value)
        else:
            out.append((subject, p, t.literal(value, kind)))


_COLLECTIVE = f"<{v.COLLECTIVE}>"
_TOKEN = f"<{v.TEXT_TOKEN}>"
_CLASSES = {label: [f"<{c}>" for c in (v.CLASSES[label], *v.EXTRA_CLASSES.get(label, ()))] for label in v.CLASSES}


def node_triples(t: _Terms, node_id: str, data: dict, out: list, tokens: bool = True) -> str:
    """Append the triples describing one node (with its ``dg:textToken`` triples unless ``tokens`` is false);
    return its IRI (N-Triples form)."""
    s = t.node(node_id)
    out.extend((s, t.type, c) for c in _CLASSES[data["label"]])
    if data["label"] == "Unit" and data.get("kind") == "collective":
        out.append((s, t.type, _COLLECTIVE))
    _property_triples(t, s, data, out, _NODE_SKIP)
    if tokens:
        token_triples(s, data, _TOKEN, t.literal, out)
    return s


_I = {name: f"<{iri}>" for name, iri in (
    ("qa", v.QUALIFIED_ASSOCIATION), ("association", v.ASSOCIATION), ("agent", v.AGENT), ("role", v.HAD_ROLE),
    ("qd", v.QUALIFIED_DEPENDENCY), ("dependency", v.DEPENDENCY), ("program", v.DEPENDENCY_PROGRAM),
    ("statement", v.STATEMENT), ("subject", v.RDF + "subject"), ("predicate", v.RDF + "predicate"),
    ("object", v.RDF + "object"))}
_EDGES = {type_: (form, f"<{pred}>") for type_, (form, pred) in v.EDGES.items()}
_ROLES = {type_: f"<{iri}>" for type_, iri in v.ROLES.items()}


_QUALIFIER_SKIP = {type_: _EDGE_SKIP | implied for type_, implied in v.IMPLIED.items()}


def edge_triples(t: _Terms, source: str, target: str, data: dict, out: list) -> str | None:
    """Append the direct triple and the qualification node of one relationship; return the node's IRI (None for
    the :data:`~dutygraph.graph.vocab.UNQUALIFIED` types: the direct triple alone). The node leaves out what
    the ends give (:data:`~dutygraph.graph.vocab.IMPLIED`), ``inferred`` unless it is true, and ``basis`` when
    it is the type's default (:data:`~dutygraph.graph.vocab.DEFAULT_BASIS`: an assignment's ``printed``)."""
    type_ = data["type"]
    form, p = _EDGES[type_]
    s, o = t.node(source), t.node(target)
    if type_ in v.UNQUALIFIED:
        if type_ != "IN_DOCUMENT":  # IN_DOCUMENT is the node's own prov:wasDerivedFrom (its `document`)
            out.append((s, p, o))
        return None
    q = f"<{v.edge_iri(type_, source, target)}>"
    if form == "association":  # Unit -> Task: the task is the activity, the unit its agent
        out += [(o, p, s), (o, _I["qa"], q), (q, _I["agent"], s), (q, _I["role"], _ROLES[type_])]
    elif form == "dependency":
        out += [(s, _I["qd"], q), (q, _I["program"], o)]  # dg:dependsOn: the ontology's chain axiom
    else:
        out += [(s, p, o), (q, t.type, _I["statement"]), (q, _I["subject"], s), (q, _I["predicate"], p),
                (q, _I["object"], o)]
    if data.get("inferred") is False or (data.get("basis") is not None
                                          and data.get("basis") == v.DEFAULT_BASIS.get(type_)):
        data = {k: x for k, x in data.items() if not (k == "inferred" and x is False or k == "basis"
                                                      and x == v.DEFAULT_BASIS.get(type_))}
    _property_triples(t, q, data, out, _QUALIFIER_SKIP[type_])
    return q


SHARED = ""  # the key of the shared graph in graph_ntriples


def _lines(items: list) -> bytes:
    return "".join(f"{s} {p} {o} .\n" for s, p, o in items).encode("utf-8")


def graph_ntriples(graph, tokens: bool = True) -> dict[str, bytearray]:
    """Document id (or :data:`SHARED`) -> its named graph as N-Triples (UTF-8), documents in graph order; without
    the token index of topic search (``dg:textToken``) if ``tokens`` is false (the embedded store's SPARQL
    half: ladybug beside it holds the index)."""
    t = _Terms()
    out: dict[str, bytearray] = {}
    shared = bytearray()
    referenced_by = t.p["documents"]

    def write(key: str, items: list) -> None:
        buf = out.get(key)
        if buf is None:
            buf = out[key] = bytearray()
        buf += _lines(items)

    def references(subject: str, documents) -> None:
        for doc in documents or ():
            write(doc, [(subject, referenced_by, t.node(doc))])

    labels = {}
    for node_id, data in graph.nodes(data=True):
        items: list = []
        label = labels[node_id] = data["label"]
        subject = node_triples(t, node_id, data, items, tokens)
        if label in DOCUMENT_LABELS:
            write(node_id if label == "Document" else data["document"], items)
        else:
            shared += _lines(items)
            references(subject, data.get("documents"))
    for u, w, data in graph.edges(data=True):
        items = []
        q = edge_triples(t, u, w, data, items)
        if data.get("document"):
            write(data["document"], items)
        elif labels[u] in DOCUMENT_LABELS or labels[w] in DOCUMENT_LABELS:
            # of a document's own node but without `document`: IN_DOCUMENT in graphs built before it had one
            end = u if labels[u] in DOCUMENT_LABELS else w
            write(end if labels[end] == "Document" else graph.nodes[end]["document"], items)
        else:  # a gazetteer fact between shared nodes
            shared += _lines(items)
        if q is not None:
            references(q, data.get("documents"))
    if shared:
        out[SHARED] = shared
    return out


def rows_ntriples(nodes: dict[str, list[dict]], edges: dict[tuple[str, str, str], list[dict]],
                  tokens: bool = True) -> bytes:
    """N-Triples of node rows per label and relationship rows (``source``, ``target``, properties) per
    (type, from, to), as :func:`graph_ntriples` renders the same nodes and relationships of a graph."""
    t = _Terms()
    out: list = []
    for label, rows in nodes.items():
        for r in rows:
            node_triples(t, r["id"], {**r, "label": label}, out, tokens)
    for (type_, _, _), rows in edges.items():
        for r in rows:
            data = {k: x for k, x in r.items() if k not in ("source", "target")}
            data["type"] = type_
            edge_triples(t, r["source"], r["target"], data, out)
    return _lines(out)


def graph_name(key: str, staging: bool = False) -> str:
    """The named graph of a document (or the shared graph, key :data:`SHARED`), or its staging name."""
    if key == SHARED:
        return v.STAGING_SHARED if staging else v.SHARED_GRAPH
    return v.staging_iri(key) if staging else v.graph_iri(key)


class ChunkReader(io.RawIOBase):
    """A binary stream over byte chunks, read in order (no copy of them all into one)."""

    def __init__(self, chunks):
        self._chunks = iter(chunks)
        self._current = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._current:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._current = memoryview(chunk)
        n = min(len(buffer), len(self._current))
        buffer[:n] = self._current[:n]
        self._current = self._current[n:]
        return n


def trig_chunks(graph, keyword: str = "GRAPH ", staging: bool = False):
    """Every named graph as a block ``GRAPH <g> { N-Triples }``: TriG, and the body of an ``INSERT DATA``."""
    for key, body in graph_ntriples(graph).items():
        yield f"{keyword}<{graph_name(key, staging)}> {{\n".encode()
        yield body
        yield b"}\n"


def trig(graph) -> bytes:
    """All named graphs as TriG (N-Triples inside graph blocks)."""
    return b"".join(trig_chunks(graph))


def ntriples(graph) -> bytes:
    """N-Triples of the merged graph (no triple is in two named graphs)."""
    return b"".join(graph_ntriples(graph).values())


def quads(graph) -> list:
    """Every named graph's triples as pyoxigraph ``Quad`` objects."""
    import pyoxigraph as ox

    return list(ox.parse(trig(graph), ox.RdfFormat.TRIG))


def triples(graph) -> list:
    """The merged graph as pyoxigraph ``Triple`` objects."""
    import pyoxigraph as ox

    return [q.triple for q in ox.parse(ntriples(graph), ox.RdfFormat.N_TRIPLES)]


def serialize(graph, fmt: str = "turtle", output: str | IO[bytes] | None = None) -> bytes | None:
    """Write ``graph`` as RDF: turtle, nt, rdfxml, jsonld (the merged graph) or trig, nquads (named graphs).

    Returns the bytes when ``output`` (a path or a binary stream) is None.
    """
    import pyoxigraph as ox

    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; one of {', '.join(FORMATS)}")
    name, dataset = FORMATS[fmt]
    data = quads(graph) if dataset else triples(graph)
    prefixes = None if fmt in ("nt", "nquads", "jsonld") else v.PREFIXES
    return ox.serialize(data, output, getattr(ox.RdfFormat, name), prefixes=prefixes)


def to_oxigraph_dataset(graph):
    """An in-memory pyoxigraph ``Store`` holding the named graphs (query it with ``use_default_graph_as_union``)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(trig(graph), ox.RdfFormat.TRIG)
    return store


def to_rdflib(graph):
    """An ``rdflib.Dataset`` with one graph per document; its default graph is their union."""
    import rdflib

    import pyoxigraph as ox

    ds = rdflib.Dataset(default_union=True)
    iris: dict[str, object] = {}
    graphs: dict[str, object] = {}

    def term(x):
        if isinstance(x, ox.NamedNode):
            r = iris.get(x.value)
            if r is None:
                r = iris[x.value] = rdflib.URIRef(x.value)
            return r
        dt = x.datatype.value
        datatype = None if dt == v.XSD + "string" else iris.setdefault(dt, rdflib.URIRef(dt))
        return rdflib.Literal(x.value, datatype=datatype)

    def context(g):
        c = graphs.get(g.value)
        if c is None:
            c = graphs[g.value] = ds.graph(rdflib.URIRef(g.value))
        return c

    ds.addN((term(q.subject), term(q.predicate), term(q.object), context(q.graph_name))
            for q in ox.parse(trig(graph), ox.RdfFormat.TRIG))
    return ds


# -- counts by SPARQL ----------------------------------------------------------------------
def _values(pairs) -> str:
    return " ".join(f"(<{a}> \"{b}\")" for a, b in pairs)


NODE_COUNTS = f"""SELECT ?label (COUNT(DISTINCT ?node) AS ?count) WHERE {{
  VALUES (?class ?label) {{ {_values((v.CLASSES[label], label) for label in NODE_LABELS)} }}
  ?node a ?class .
}} GROUP BY ?label"""

EDGE_COUNTS = f"""SELECT ?type (COUNT(*) AS ?count) WHERE {{
  {{ VALUES (?p ?type) {{ {_values((p, t) for t, (f, p) in v.EDGES.items()
                                    if f == "statement" and t not in v.UNQUALIFIED)} }}
     ?q a <{v.STATEMENT}> ; <{v.RDF}predicate> ?p . }}
  UNION {{ VALUES (?p ?type) {{ {_values((v.EDGES[t][1], t) for t in sorted(v.UNQUALIFIED))} }} ?s ?p ?o . }}
  UNION {{ VALUES (?role ?type) {{ {_values((r, t) for t, r in v.ROLES.items())} }}
     ?t <{v.QUALIFIED_ASSOCIATION}> ?q . ?q <{v.HAD_ROLE}> ?role . }}
  UNION {{ ?t <{v.QUALIFIED_DEPENDENCY}> ?q . BIND("DEPENDS_ON" AS ?type) }}
}} GROUP BY ?type"""


def counts_from_rows(node_rows, edge_rows) -> dict[str, dict[str, int]]:
    """``{"nodes": {label: n}, "edges": {type: n}}`` from (name, count) pairs, sorted, zeros left out."""
    def clean(rows, names):
        got = {str(k): int(n) for k, n in rows if int(n)}
        return {k: got[k] for k in sorted(got) if k in names}

    return {"nodes": clean(node_rows, NODE_LABELS), "edges": clean(edge_rows, EDGE_TYPES)}


def sparql_counts(store) -> dict[str, dict[str, int]]:
    """Nodes per label and relationships per type, counted by SPARQL on a pyoxigraph store or rdflib graph."""
    def run(query, key):
        if hasattr(store, "named_graphs"):  # pyoxigraph: the default graph is the union of the named graphs
            return [(s[key].value, s["count"].value) for s in store.query(query, use_default_graph_as_union=True)]
        return [(str(r[0]), int(r[1])) for r in store.query(query)]

    return counts_from_rows(run(NODE_COUNTS, "label"), run(EDGE_COUNTS, "type"))


# -- switching documents' graphs in ----------------------------------------------------------
def insert_data(graph) -> str:
    """The body of an ``INSERT DATA`` holding every named graph of ``graph``."""
    return b"".join(trig_chunks(graph)).decode("utf-8")


def _one_valued() -> str:
    """``(<predicate> text?)`` pairs of the one-valued properties of shared nodes and relationships: those a
    second document's description may give a second value (text: compared as strings, else as values)."""
    props = {p: k for label in SHARED_LABELS for p, k in NODE_PROPERTIES[label].items()} | EDGE_PROPERTIES
    pairs = {}
    for p, kind in props.items():
        if p in ("id", "document") or kind.endswith("[]") or p not in v.PROPERTIES:
            continue
        predicate, literal = v.PROPERTIES[p]
        pairs[predicate] = literal in ("string", "date")
    return " ".join(f"(<{p}> {'true' if text else 'false'})" for p, text in sorted(pairs.items()))


_ONE_VALUED = _one_valued()


def replace_update(documents: Iterable[str], data: str | None = None) -> str:
    """The SPARQL UPDATE that replaces documents' named graphs, in one transaction.

    The new graphs are ``data`` (from :func:`insert_data`) or, when it is None,
    the staged graphs (:func:`graph_name` with ``staging``). The new shared
    descriptions are added to the shared graph; where a one-valued property of a
    shared resource now has two values, the one
    :func:`~dutygraph.graph.schema.preferred` keeps stays (as in ``build`` and the
    property-graph stores); then every shared resource that no document graph
    references any more is deleted, with the direct triple of a gazetteer fact
    (``rdf:Statement``) that goes.

    >>> print(replace_update(["doc/a"]).splitlines()[0])
    DROP SILENT GRAPH <https://w3id.org/dutygraph/graph/doc/a> ;
    """
    docs = list(documents)
    ref, shared = v.PROPERTIES["documents"][0], v.SHARED_GRAPH
    unreferenced = f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?x <{ref}> ?d }} }}"
    parts = [f"DROP SILENT GRAPH <{v.graph_iri(d)}>" for d in docs]
    if data is not None:
        parts.append(f"INSERT DATA {{\n{data}\n}}")
    else:  # ADD then DROP: much faster than MOVE in Oxigraph 0.5
        for d in docs:
            parts += [f"ADD SILENT GRAPH <{v.staging_iri(d)}> TO GRAPH <{v.graph_iri(d)}>",
                      f"DROP SILENT GRAPH <{v.staging_iri(d)}>"]
        parts += [f"ADD SILENT GRAPH <{v.STAGING_SHARED}> TO GRAPH <{shared}>",
                  f"DROP SILENT GRAPH <{v.STAGING_SHARED}>"]
    parts += [
        f"DELETE {{ GRAPH <{shared}> {{ ?x ?p ?o }} }} WHERE {{\n  VALUES (?p ?text) {{ {_ONE_VALUED} }}\n"
        f"  GRAPH <{shared}> {{ ?x ?p ?o , ?other }}\n  FILTER(IF(?text, STRLEN(STR(?other)) < STRLEN(STR(?o)) || "
        "STRLEN(STR(?other)) = STRLEN(STR(?o)) && STR(?other) < STR(?o), ?other < ?o))\n}",
        f"DELETE {{ GRAPH <{shared}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{shared}> {{ ?x a <{v.STATEMENT}> ; "
        f"<{v.RDF}subject> ?s ; <{v.RDF}predicate> ?p ; <{v.RDF}object> ?o }} {unreferenced} }}",
        f"DELETE {{ GRAPH <{shared}> {{ ?x ?p ?o }} }} WHERE {{ GRAPH <{shared}> {{ ?x ?p ?o }} {unreferenced} }}",
    ]
    return " ;\n".join(parts)


# -- the embedded store's SPARQL half: every triple in the default graph -------------------------
def delete_documents(documents: Iterable[str]) -> str:
    """The SPARQL UPDATE deleting, from the default graph, every triple that ``documents`` contributed.

    The embedded store's SPARQL half keeps each document's triples in the default graph (RDF shape 4:
    bulk-loading them there costs about 40 % less than into named graphs), so a document is found by
    what its named graph would hold: every triple whose subject is the document, one of its own nodes
    (a task, key work, program or target: each ``prov:wasDerivedFrom`` it) or the qualification node
    of one of its relationships (every relationship a document owns has an own node at one end: the
    task's ``prov:qualifiedAssociation`` or ``dg:qualifiedDependency``, a statement's ``rdf:subject``
    or ``rdf:object``), and every ``dcterms:isReferencedBy`` of it. No triple of another document or of
    a shared description has such a subject (their ids differ), so nothing else goes
    (``tests/graph/test_rdf.py`` deletes each document of a corpus and compares).

    >>> print(delete_documents(["doc/a"]).splitlines()[0])
    DELETE { ?s ?p ?o } WHERE { VALUES ?d { <https://w3id.org/dutygraph/id/doc/a> }
    """
    values = " ".join(f"<{v.iri(d)}>" for d in documents)
    derived, referenced = v.PROPERTIES["document"][0], v.PROPERTIES["documents"][0]
    owned = f"<{v.QUALIFIED_ASSOCIATION}>|<{v.QUALIFIED_DEPENDENCY}>|^<{v.RDF}subject>|^<{v.RDF}object>"
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?d {{ {values} }}\n"
            f"  ?d ^<{derived}>? ?n . ?n ({owned})? ?s . ?s ?p ?o }} ;\n"
            f"DELETE {{ ?x <{referenced}> ?d }} WHERE {{ VALUES ?d {{ {values} }} ?x <{referenced}> ?d }}")


def delete_descriptions(subjects: Iterable[str]) -> str:
    """The SPARQL UPDATE deleting what the default graph says of shared resources (IRIs) but which documents
    reference them (``dcterms:isReferencedBy``, a document's own): their description, rendered again from
    the merged rows by the load."""
    values = " ".join(f"<{s}>" for s in subjects)
    referenced = v.PROPERTIES["documents"][0]
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o "
            f"FILTER(?p != <{referenced}>) }}")


def documents_query() -> str:
    """SPARQL listing the loaded documents (id and title), from the default graph."""
    return (f"SELECT ?id ?title WHERE {{ ?d a <{v.CLASSES['Document']}> ; <{v.PROPERTIES['id'][0]}> ?id . "
            f"OPTIONAL {{ ?d <{v.PROPERTIES['name'][0]}> ?title }} }} ORDER BY ?id")
