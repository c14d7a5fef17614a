"""A remote SPARQL store: upload by the Graph Store Protocol, query by the SPARQL protocol (stdlib HTTP).

The same named graphs as the embedded store (:mod:`dutygraph.graph.rdf`): each
document's graph, and the shared descriptions, are sent with an HTTP ``PUT``
(SPARQL 1.1 Graph Store Protocol, N-Triples) under staging names; one SPARQL
UPDATE (:func:`~dutygraph.graph.rdf.replace_update`) then replaces the
documents' graphs by the staged ones and updates the shared graph. The update
is one request, so a failed upload leaves the store as it was (the staged
graphs are deleted). Queries see the union of the graphs as default graph
(Oxigraph's ``union-default-graph`` parameter), so the same SPARQL text answers
the same here and on the embedded store.

Endpoints default to Oxigraph's (``URL/query``, ``URL/update``, ``URL/store``);
give them one by one for other servers (Fuseki: ``/ds/sparql``, ``/ds/update``,
``/ds/data``, with ``union_param=None`` and a union default graph configured).

>>> s = RemoteSparqlStore("http://127.0.0.1:7878")
>>> s.query_url, s.update_url, s.store_url
('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update', 'http://127.0.0.1:7878/store')
>>> print(with_bindings("SELECT ?n WHERE { ?u rdfs:label ?n }", {"u": v.IRI("https://w3id.org/dutygraph/id/unit/a")}))
SELECT ?n WHERE { VALUES (?u) { (<https://w3id.org/dutygraph/id/unit/a>) } ?u rdfs:label ?n }
>>> print(with_bindings("SELECT ?u WHERE { ?u rdfs:label ?n FILTER(?n != ?x) }", {"x": '<x> } ; DROP ALL #'}))
SELECT ?u WHERE { VALUES (?x) { ("<x> } ; DROP ALL #") } ?u rdfs:label ?n FILTER(?n != ?x) }
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request

from ..errors import QueryError, StoreError
from . import vocab as v
from .query_guard import SPARQL_NOISE, check_sparql
from .rdf import (EDGE_COUNTS, NODE_COUNTS, counts_from_rows, documents_query, graph_name, graph_ntriples,
                  replace_update)
from .rows import document_ids

_PY = {v.XSD + "integer": int, v.XSD + "double": float, v.XSD + "decimal": float,
       v.XSD + "boolean": lambda s: s == "true"}


def _prologue() -> str:
    return "".join(f"PREFIX {k}: <{iri}>\n" for k, iri in v.PREFIXES.items())


def _sparql_term(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, v.IRI):
        try:
            return value.sparql()
        except ValueError as exc:
            raise QueryError(str(exc)) from exc
    # A JSON string is a valid SPARQL string literal: quotes, backslashes and controls escaped.
    return json.dumps(str(value), ensure_ascii=False)


def with_bindings(query: str, bindings: dict | None) -> str:
    """``query`` with its variables pre-bound by a VALUES block opening its WHERE group.

    There, unlike a trailing VALUES clause, the values are in scope for the group's
    FILTERs. Strings always become literals (a :class:`~dutygraph.graph.vocab.IRI` an
    IRI), escaped, so a value cannot change the query.
    """
    if not bindings:
        return query
    names = " ".join(f"?{k.lstrip('?$')}" for k in bindings)
    values = " ".join(_sparql_term(x) for x in bindings.values())
    at = _where_brace(query)
    return f"{query[:at + 1]} VALUES ({names}) {{ ({values}) }}{query[at + 1:]}"


def _where_brace(query: str) -> int:
    """The offset of the ``{`` that opens the query's WHERE group (strings, IRIs and comments skipped)."""
    blanked = SPARQL_NOISE.sub(lambda m: " " * len(m.group(0)), query)
    where = re.search(r"\bWHERE\b", blanked, re.I)
    if where is None and re.search(r"\bCONSTRUCT\b", blanked, re.I):
        raise QueryError("sparql: to bind values in a CONSTRUCT query, write its WHERE")
    at = blanked.find("{", where.end() if where else 0)
    if at < 0:
        raise QueryError("sparql: the query has no WHERE group to bind values in")
    return at


def _value(cell: dict | None):
    if cell is None:
        return None
    if cell["type"] == "bnode":
        return f"_:{cell['value']}"
    convert = _PY.get(cell.get("datatype", ""))
    try:
        return convert(cell["value"]) if convert else cell["value"]
    except ValueError:
        return cell["value"]


def _triple_rows(ntriples: bytes) -> list[dict]:
    """CONSTRUCT/DESCRIBE answers (N-Triples) as subject/predicate/object dicts, as the embedded store gives them."""
    import pyoxigraph as ox

    from .oxigraph_store import python_value

    try:
        return [{"subject": python_value(t.subject), "predicate": python_value(t.predicate),
                 "object": python_value(t.object)} for t in ox.parse(ntriples, ox.RdfFormat.N_TRIPLES)]
    except SyntaxError as exc:
        raise StoreError(f"sparql: the endpoint's N-Triples answer cannot be read: {exc}") from None


class RemoteSparqlStore:
    """A SPARQL server reached over HTTP (Oxigraph's endpoint layout by default)."""

    def __init__(self, endpoint: str, update: str | None = None, store: str | None = None, timeout: float = 60,
                 union_param: str | None = "union-default-graph"):
        base = endpoint.rstrip("/")
        if base.endswith("/query"):  # the query endpoint itself
            self.query_url, base = base, base[: -len("/query")]
        else:
            self.query_url = base + "/query"
        self.update_url = update or base + "/update"
        self.store_url = store or base + "/store"
        self.timeout = timeout
        self.union_param = union_param

    # -- HTTP ----------------------------------------------------------------------------
    def _request(self, method: str, url: str, body: bytes | None, headers: dict) -> bytes:
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:300]
            raise StoreError(f"{method} {url}: HTTP {exc.code}: {detail}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"{method} {url}: {exc}") from exc

    def _graph_url(self, graph: str) -> str:
        return f"{self.store_url}?{urllib.parse.urlencode({'graph': graph})}"

    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """Graph Store Protocol: replace named graph ``graph`` by the N-Triples ``ntriples``."""
        self._request("PUT", self._graph_url(graph), ntriples, {"Content-Type": "application/n-triples"})

    def delete_graph(self, graph: str) -> None:
        try:
            self._request("DELETE", self._graph_url(graph), None, {})
        except StoreError as exc:
            if "HTTP 404" not in str(exc):
                raise

    def update(self, text: str) -> None:
        self._request("POST", self.update_url, text.encode("utf-8"),
                      {"Content-Type": "application/sparql-update"})

    # -- loading -------------------------------------------------------------------------
    def load(self, graph) -> None:
        """Upload the documents of ``graph``, replacing their graphs; nothing changes if it fails."""
        docs = document_ids(graph)
        staged = []
        try:
            for key, body in graph_ntriples(graph).items():
                staged.append(graph_name(key, staging=True))
                self.put_graph(staged[-1], bytes(body))
            self.update(replace_update(docs))
        except BaseException:
            for g in staged:
                try:
                    self.delete_graph(g)
                except StoreError:
                    pass
            raise

    # -- queries -------------------------------------------------------------------------
    def sparql(self, query: str, bindings: dict | None = None):
        """Rows of a read-only SPARQL query (dicts; a bool for ASK) on the server's default graph."""
        check_sparql(query)
        text = _prologue() + with_bindings(query, bindings)
        form = check_sparql(text)  # what is sent, bound values and prefixes included
        triples = form in ("CONSTRUCT", "DESCRIBE")
        try:
            url = f"{self.query_url}?{self.union_param}" if self.union_param else self.query_url
            raw = self._request("POST", url, text.encode("utf-8"),
                                {"Content-Type": "application/sparql-query",
                                 "Accept": "application/n-triples" if triples else "application/sparql-results+json"})
        except StoreError as exc:
            if "HTTP 400" in str(exc):
                raise QueryError(f"sparql: {' '.join(str(exc).split())[:300]}") from None
            raise
        if triples:
            return _triple_rows(raw)
        data = json.loads(raw)
        if "boolean" in data:
            return bool(data["boolean"])
        names = data["head"]["vars"]
        return [{n: _value(row.get(n)) for n in names} for row in data["results"]["bindings"]]

    def counts(self) -> dict[str, dict[str, int]]:
        nodes = [(r["label"], r["count"]) for r in self.sparql(NODE_COUNTS)]
        edges = [(r["type"], r["count"]) for r in self.sparql(EDGE_COUNTS)]
        return counts_from_rows(nodes, edges)

    def documents(self) -> list[dict]:
        return self.sparql(documents_query())
