"""The loaded documents, and a document named the ways a user names it.

``--document`` takes a document's id with or without ``doc/``, its file name (with or
without suffix) or a part of its title that only one document's title holds. An unknown
or ambiguous name is a :class:`~dutygraph.errors.QueryError`, never an empty answer.

>>> docs = [{"id": "doc/zz-2022", "title": "株洲市2022年重点民生实事工作方案", "source": "plans/zz-2022.txt"},
...         {"id": "doc/zz-2023", "title": "株洲市2023年重点民生实事工作方案", "source": "plans/zz-2023.docx"}]
>>> [match_document(q, docs) for q in ("zz-2022", "doc/zz-2023", "zz-2023.docx", "2022年重点民生")]
['doc/zz-2022', 'doc/zz-2023', 'doc/zz-2023', 'doc/zz-2022']
>>> match_document("民生实事", docs)
Traceback (most recent call last):
...
dutygraph.errors.QueryError: document 民生实事 is ambiguous: doc/zz-2022 (株洲市2022年重点民生实事工作方案), doc/zz-2023 (株洲市2023年重点民生实事工作方案); give its id
"""

from __future__ import annotations

from pathlib import PurePath

from ..errors import QueryError
from .backends import Backend


def documents(backend: Backend) -> list[dict]:
    """Every loaded document: id, title, issuer, jurisdiction (its city where known), issued, tasks, source."""
    return [{"id": r["id"], "title": r["title"], "issuer": r["issuers"], "jurisdiction": r["city"] or "",
             "issued": r["issued"], "tasks": r["tasks"], "source": r["source"]}
            for r in backend.ask("documents")]


def match_document(name: str, docs: list[dict]) -> str:
    """The id of the one document ``name`` names (see the module's doc); QueryError otherwise.

    Tried in turn: the id, the file name, the source path, the title, a part of the title, a part
    of the id; the first test that some document passes decides (one: found; several: ambiguous).
    """
    text = name.strip()
    if not text:
        raise QueryError("no document named: give its id, file name or a part of its title")
    key = text[4:] if text.startswith("doc/") else text
    for test in (lambda d: d["id"] == f"doc/{key}",
                 lambda d: d.get("source") and key in (PurePath(d["source"]).name, PurePath(d["source"]).stem),
                 lambda d: d.get("source") and text == d["source"],
                 lambda d: d.get("title") == text,
                 lambda d: d.get("title") and text in d["title"],
                 lambda d: key in d["id"][4:]):
        found = [d for d in docs if test(d)]
        if len(found) == 1:
            return found[0]["id"]
        if len(found) > 1:
            listed = ", ".join(f"{d['id']} ({d.get('title') or ''})" for d in sorted(found, key=lambda d: d["id"]))
            raise QueryError(f"document {name} is ambiguous: {listed}; give its id")
    known = ", ".join(d["id"] for d in sorted(docs, key=lambda d: d["id"])[:10])
    more = f" (and {len(docs) - 10} more)" if len(docs) > 10 else ""
    raise QueryError(f"no such document: {name}; loaded: {known}{more} (`dutygraph documents` lists them)")


def resolve_document(backend: Backend, name: str | None) -> str:
    """The id of the document ``name`` names on ``backend``; "" when no name is given.

    A document's id (with or without ``doc/``) is looked up by id first (the first test of
    :func:`match_document`, which decides when it finds one); anything else is matched against
    every document's id, title and source.
    """
    if not name:
        return ""
    text = name.strip()
    key = text[4:] if text.startswith("doc/") else text
    if key:
        found = backend.ask("document-ids", ids=[f"doc/{key}"])
        if len(found) == 1:
            return found[0]["id"]
    return match_document(name, backend.ask("document-names"))


def document_subgraph(graph, document: str):
    """What one document holds and names, as a graph: its own nodes, the shared nodes (units, places,
    projects) it names, and the relationships it gives (shared ones that it implies)."""
    import networkx as nx

    keep = {n for n, d in graph.nodes(data=True)  # a change event links units of other plans: not named here
            if d.get("label") != "ChangeEvent" and (
                n == document or d.get("document") == document or document in (d.get("documents") or ()))}
    out = nx.MultiDiGraph()
    out.graph.update(graph.graph)
    out.add_nodes_from((n, graph.nodes[n]) for n in keep)
    for u, v, k, d in graph.edges(keys=True, data=True):
        if u in keep and v in keep and d.get("document", document) == document and \
                (not d.get("documents") or document in d["documents"]):
            out.add_edge(u, v, key=k, **d)
    return out
