"""The N-Triples of the documents' own triples, rendered line by line from per-predicate templates.

What :func:`~dutygraph.graph.stream.split` stages for pyoxigraph: for each document of a
graph (in a bulk load, one document at a time), the triples
:func:`~dutygraph.graph.rdf.graph_ntriples` gives that document (without the token
index, RDF shape 3), for the embedded store's default graph (RDF shape 4). The
shared graph is not rendered here: it is rendered once, from the merged shared
rows, at the end of a load. So the triples describing shared nodes (units,
places, projects, change events) and gazetteer facts are never built for a
document; only the ``dcterms:isReferencedBy`` triples naming it are.

Each triple is one f-string of the subject (IRI kept per document), the predicate
(rendered once per property, with its separators) and the object; a document's
triples are joined by `` .\\n``, where ``graph_ntriples`` builds a tuple per triple
and formats it. ``tests/graph/test_ntriples.py`` checks the two give the same triples.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc/a", label="Document", id="doc/a", name="计划", issued="2018-03-31")
>>> g.add_node("unit/u", label="Unit", id="unit/u", name="U", documents=["doc/a"])
>>> g.add_node("doc/a/task/A1-1", label="Task", id="doc/a/task/A1-1", name="T", document="doc/a")
>>> _ = g.add_edge("unit/u", "doc/a/task/A1-1", key="LEADS", type="LEADS", document="doc/a", line_first=3)
>>> bodies = document_ntriples(g)
>>> len(bodies), bodies[0].count(b"\\n")
(1, 14)
>>> b'<https://w3id.org/dutygraph/id/unit/u> <http://purl.org/dc/terms/isReferencedBy>' in bodies[0]
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

from . import vocab as v
from .rdf import _CLASSES, _EDGES, _ESCAPE, _I, _NODE_SKIP, _QUALIFIER_SKIP, _ROLES, literal_text
from .schema import DOCUMENT_LABELS

_PLAIN = re.compile(r"[A-Za-z0-9/\-._~]*")  # what quote(…, safe=vocab._SAFE) leaves as it is
_TYPE = f" <{v.RDF_TYPE}> "


@lru_cache(maxsize=1 << 16)
def _quoted_iri(node_id: str) -> str:
    return f"<{v.ID}{quote(node_id, safe=v._SAFE)}>"


def node_iri(node_id: str) -> str:
    """``<`` :func:`~dutygraph.graph.vocab.iri` ``>``: ids of plain characters as they are, others percent-encoded
    (remembered: units and places recur in every document).

    >>> node_iri("doc/a/task/A1-1"), node_iri("unit/株洲市")
    ('<https://w3id.org/dutygraph/id/doc/a/task/A1-1>', '<https://w3id.org/dutygraph/id/unit/%E6%A0%AA%E6%B4%B2%E5%B8%82>')
    """
    if _PLAIN.fullmatch(node_id):
        return f"<{v.ID}{node_id}>"
    return _quoted_iri(node_id)


def _templates(skip: frozenset) -> dict[str, tuple[str, str]]:
    """Property -> (`` <predicate> ``, kind) for every property not in ``skip``."""
    return {key: (f" <{pred}> ", kind) for key, (pred, kind) in v.PROPERTIES.items() if key not in skip}


_NODE_PROPERTIES = _templates(_NODE_SKIP)
_QUALIFIER_PROPERTIES = {type_: _templates(skip) for type_, skip in _QUALIFIER_SKIP.items()}
_REFERENCED_BY = f" <{v.PROPERTIES['documents'][0]}> "
_CLASS_LINES = {label: [_TYPE + c for c in classes] for label, classes in _CLASSES.items()}


def _literal(value, kind: str) -> str:
    """An object in N-Triples form, as :meth:`~dutygraph.graph.rdf._Terms.literal` renders it."""
    text = literal_text(value, kind)
    return node_iri(value) if text is None else text  # "document": a node id


def _properties(lines: list, subject: str, data: dict, templates: dict, default_basis=None) -> None:
    """One line per property value of ``data`` (lists: one per item); with ``default_basis`` (a relationship's
    qualification node), ``inferred`` only when not False and ``basis`` only when not that default."""
    append = lines.append
    for key, value in data.items():
        template = templates.get(key)
        if template is None or value is None:
            continue
        p, kind = template
        if kind == "string" and value.__class__ is str:
            if default_basis is not None and key == "basis" and value == default_basis:
                continue
            if '"' in value or "\\" in value or "\n" in value or "\r" in value:
                value = value.translate(_ESCAPE)
            append(f'{subject}{p}"{value}"')
        elif default_basis is not None and key == "inferred" and value is False:
            continue
        elif isinstance(value, (list, tuple)):
            for item in value:
                append(f"{subject}{p}{_literal(item, kind)}")
        else:
            append(f"{subject}{p}{_literal(value, kind)}")


_NO_DEFAULT = object()  # a default basis no value equals: every basis written, inferred only when not False


def document_ntriples(graph) -> list[bytes]:
    """The N-Triples of each document's own triples in ``graph`` (documents in graph order), for the embedded
    store's default graph (RDF shape 4): the triples :func:`~dutygraph.graph.rdf.graph_ntriples`
    (``tokens=False``) gives that document; nothing of the shared graph."""
    out: dict[str, list[str]] = {}
    tails: dict[str, str] = {}
    iris: dict[str, str] = {}

    def iri(node_id: str) -> str:
        found = iris.get(node_id)
        if found is None:
            found = iris[node_id] = node_iri(node_id)
        return found

    def lines_of(doc: str) -> list:
        lines = out.get(doc)
        if lines is None:
            lines = out[doc] = []
            tails[doc] = " .\n"
        return lines

    labels: dict[str, str] = {}
    nodes = graph.nodes
    for node_id, data in graph._node.items():
        label = labels[node_id] = data["label"]
        s = iri(node_id)
        if label in DOCUMENT_LABELS:
            lines = lines_of(node_id if label == "Document" else data["document"])
            for c in _CLASS_LINES[label]:
                lines.append(s + c)
            _properties(lines, s, data, _NODE_PROPERTIES)
        else:  # described in the shared graph: only the references of the documents naming it
            for doc in data.get("documents") or ():
                lines = lines_of(doc)
                lines.append(f"{s}{_REFERENCED_BY}{iri(doc)}")
    statement, subject_, predicate_, object_ = _I["statement"], _I["subject"], _I["predicate"], _I["object"]
    for source, targets in graph._adj.items():
        for target, keyed in targets.items():
            for data in keyed.values():
                type_ = data["type"]
                doc = data.get("document")
                if not doc:
                    if labels[source] in DOCUMENT_LABELS or labels[target] in DOCUMENT_LABELS:
                        # of a document's own node but without `document`: IN_DOCUMENT in graphs built before it
                        end = source if labels[source] in DOCUMENT_LABELS else target
                        doc = end if labels[end] == "Document" else nodes[end]["document"]
                    else:  # a gazetteer fact between shared nodes: described in the shared graph, referenced here
                        if type_ not in v.UNQUALIFIED:
                            q = f"<{v.edge_iri(type_, source, target)}>"
                            for named in data.get("documents") or ():
                                lines = lines_of(named)
                                lines.append(f"{q}{_REFERENCED_BY}{iri(named)}")
                        continue
                lines = lines_of(doc)
                form, p = _EDGES[type_]
                s, o = iri(source), iri(target)
                if type_ in v.UNQUALIFIED:
                    if type_ != "IN_DOCUMENT":  # IN_DOCUMENT is the node's own prov:wasDerivedFrom (`document`)
                        lines.append(f"{s} {p} {o}")
                    continue
                q = f"<{v.edge_iri(type_, source, target)}>"
                if form == "association":  # Unit -> Task: the task is the activity, the unit its agent
                    lines += [f"{o} {p} {s}", f"{o} {_I['qa']} {q}", f"{q} {_I['agent']} {s}",
                              f"{q} {_I['role']} {_ROLES[type_]}"]
                elif form == "dependency":
                    lines += [f"{s} {_I['qd']} {q}", f"{q} {_I['program']} {o}"]
                else:
                    lines += [f"{s} {p} {o}", f"{q}{_TYPE}{statement}", f"{q} {subject_} {s}",
                              f"{q} {predicate_} {p}", f"{q} {object_} {o}"]
                _properties(lines, q, data, _QUALIFIER_PROPERTIES[type_], v.DEFAULT_BASIS.get(type_, _NO_DEFAULT))
                for named in data.get("documents") or ():  # a document's own relationship names none
                    lines_ = lines_of(named)
                    lines_.append(f"{q}{_REFERENCED_BY}{iri(named)}")
    return [(tails[doc].join(lines) + tails[doc]).encode("utf-8") for doc, lines in out.items() if lines]
