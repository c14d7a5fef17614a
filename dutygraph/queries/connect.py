"""Open the backend a command asks for: the embedded store (default), Neo4j or a SPARQL endpoint.

Heavy libraries are imported here, when a backend is opened, never at CLI start-up.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import QueryError, StoreError
from .backends import Backend, CypherBackend, SparqlBackend, embedded_backend

BACKENDS = ("embedded", "neo4j", "sparql")


@contextmanager
def open_backend(kind: str = "embedded", store: str | Path = ".dutygraph", sparql_endpoint: str | None = None,
                 neo4j_uri: str | None = None, neo4j_database: str | None = None,
                 timeout: float | None = 30.0) -> Iterator[Backend]:
    """A :class:`Backend` for ``kind``; closed when the block ends. An empty store is an error."""
    if kind == "embedded":
        from ..graph.embedded import EmbeddedStore

        s = EmbeddedStore(store)
        try:
            if not s.documents():
                raise StoreError(f"{store}: the store is empty (run `dutygraph load FILE...` first)")
            yield embedded_backend(s, timeout)
        finally:
            s.close()
    elif kind == "neo4j":
        from ..graph.neo4j import Neo4jStore

        s = Neo4jStore(uri=neo4j_uri, database=neo4j_database)
        try:
            if not s.documents():
                raise StoreError("Neo4j holds no dutygraph document (run `dutygraph load FILE... --neo4j` first)")
            yield CypherBackend(lambda q, p: s.run_read(q, p, timeout=timeout), "neo4j")
        finally:
            s.close()
    elif kind == "sparql":
        if not sparql_endpoint:
            raise QueryError("--backend sparql needs --sparql-endpoint URL")
        from ..graph.sparql_remote import RemoteSparqlStore

        s = RemoteSparqlStore(sparql_endpoint, timeout=timeout or 60)
        yield SparqlBackend(lambda q, p: s.sparql(q, p), "sparql")
    else:
        raise QueryError(f"unknown backend {kind!r}: use {', '.join(BACKENDS)}")


def embedded_sparql(store, name: str = "pyoxigraph", timeout: float | None = None) -> SparqlBackend:
    """The catalogue's SPARQL texts on an :class:`~dutygraph.graph.embedded.EmbeddedStore`'s pyoxigraph half, its
    topic search given its candidates by the token index of the ladybug half (which alone holds it)."""
    return SparqlBackend(lambda q, p: store.sparql(q, p), name,
                         token_index=lambda q, p: store.cypher(q, p, timeout=timeout))


def rdflib_runner(dataset):
    """``run(query, bindings)`` over an rdflib Dataset: read-only, values bound with ``initBindings``."""
    import rdflib

    from ..graph import vocab
    from ..graph.query_guard import check_sparql

    def to_term(value):
        if isinstance(value, rdflib.term.Identifier):
            return value
        return rdflib.URIRef(value.sparql()[1:-1]) if isinstance(value, vocab.IRI) else rdflib.Literal(value)

    def to_python(term):
        if term is None:
            return None
        if isinstance(term, rdflib.Literal):
            value = term.toPython()
            return value if isinstance(value, (str, int, float, bool)) else str(term)
        return str(term)

    def run(query: str, bindings: dict | None = None) -> list[dict]:
        check_sparql(query)
        result = dataset.query(query, initNs=vocab.PREFIXES,
                               initBindings={k: to_term(v) for k, v in (bindings or {}).items()})
        names = [str(v) for v in result.vars]
        return [{n: to_python(row[i]) for i, n in enumerate(names)} for row in result]

    return run
