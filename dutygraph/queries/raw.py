"""Raw Cypher and SPARQL from a user, read-only unless asked, with a time limit.

What ``dutygraph cypher`` and ``dutygraph sparql`` run. Parameters always travel
as query parameters (Cypher ``$name``, SPARQL pre-bound ``?name``), never pasted
into the text. Read-only is an allow-list on every backend: a query may read the
graph and nothing else (no file, no URL, no procedure outside a short list, no
SHOW/TERMINATE or other command, no second statement):

- embedded Cypher (ladybug): :mod:`dutygraph.graph.ladybug_guard` checks the
  statement and every operator and table function of its plan, and the store is
  opened read-only;
- Neo4j: :mod:`dutygraph.graph.neo4j_guard` checks the query type and every
  operator of the ``EXPLAIN`` plan (procedures, database); the query then runs in
  a read transaction (``execute_read``), with a server-side timeout;
- SPARQL (pyoxigraph, a remote endpoint, rdflib): :mod:`dutygraph.graph.query_guard`
  parses the query and lets only SELECT, ASK, CONSTRUCT and DESCRIBE through,
  without SERVICE, FROM or FROM NAMED.

``write=True`` lifts the Cypher guards on Neo4j only (for a researcher's own annotations).
The embedded store refuses every write that is not ``dutygraph load`` (its Cypher and RDF
halves change together, in one commit: ``docs/store.md``), and SPARQL stays read-only.
"""

from __future__ import annotations

import threading
import weakref
from pathlib import Path

from ..errors import QueryError

DEFAULT_TIMEOUT = 30.0


def parse_params(pairs: list[str] | None) -> dict:
    """``["k=v", "n:=3"]`` as parameters: ``k=v`` a string, ``k:=JSON`` a JSON value (number, list, …).

    >>> parse_params(["unit=市环保局", "limit:=5", "ids:=[\\"a\\", \\"b\\"]"])
    {'unit': '市环保局', 'limit': 5, 'ids': ['a', 'b']}
    >>> parse_params(["novalue"])
    Traceback (most recent call last):
    ...
    dutygraph.errors.QueryError: parameter 'novalue': write NAME=TEXT or NAME:=JSON
    """
    import json

    out = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.rstrip(":"):
            raise QueryError(f"parameter {pair!r}: write NAME=TEXT or NAME:=JSON")
        if name.endswith(":"):
            try:
                out[name[:-1]] = json.loads(value)
            except json.JSONDecodeError as exc:
                raise QueryError(f"parameter {name[:-1]!r}: not JSON: {exc.msg}") from exc
        else:
            out[name] = value
    return out


# The user-defined functions of each Neo4j store's server, asked once per store object.
_USER_FUNCTIONS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def neo4j_check_read(store, query: str, params: dict | None = None) -> None:
    """Raise QueryError unless Neo4j's plan of ``query`` only reads the graph (see :mod:`dutygraph.graph.neo4j_guard`).

    The query is planned (``EXPLAIN``), not run; so is nothing else.
    """
    import neo4j.exceptions as ne

    from ..graph.neo4j_guard import EXPLAIN, check_functions, check_plan, error_message, user_functions

    try:
        with store.driver.session(database=store.settings.database) as session:
            summary = session.run(EXPLAIN + query, params or {}).consume()
            check_plan(summary.query_type or "", summary.plan, store.settings.database)
            if store not in _USER_FUNCTIONS:
                _USER_FUNCTIONS[store] = user_functions(session)
    except ne.ClientError as exc:
        if exc.code in ("Neo.ClientError.Database.DatabaseNotFound", "Neo.ClientError.Security.Unauthorized"):
            raise store._error(exc, "a query") from exc
        raise QueryError(error_message(exc.code, exc.message)) from None
    except (ne.Neo4jError, ne.DriverError, OSError) as exc:
        raise store._error(exc, "planning the query") from exc
    check_functions(query, _USER_FUNCTIONS[store])


def neo4j_cypher(store, query: str, params: dict | None = None, *, write: bool = False,
                 timeout: float | None = DEFAULT_TIMEOUT) -> list[dict]:
    """Run ``query`` on Neo4j: refused unless its plan only reads the graph, or ``write``."""
    import neo4j
    import neo4j.exceptions as ne

    if not write:
        neo4j_check_read(store, query, params)
        return store.run_read(query, params, timeout=timeout)

    from ..graph.neo4j_guard import error_message

    @neo4j.unit_of_work(timeout=timeout)
    def work(tx):
        return [record.data() for record in tx.run(query, params or {})]

    try:
        with store.driver.session(database=store.settings.database) as session:
            return session.execute_write(work)
    except ne.ClientError as exc:
        if "TransactionTimedOut" in (exc.code or "") or "Terminated" in (exc.code or ""):
            raise QueryError(f"cypher: timed out after {timeout}s") from None
        raise QueryError(error_message(exc.code, exc.message, shift=0)) from None
    except (ne.Neo4jError, ne.DriverError, OSError) as exc:
        raise store._error(exc, "a query") from exc


def cypher(query: str, params: dict | None = None, *, backend: str = "embedded", store: str | Path = ".dutygraph",
           neo4j_uri: str | None = None, neo4j_database: str | None = None, write: bool = False,
           timeout: float | None = DEFAULT_TIMEOUT) -> list[dict]:
    """Rows of a user's Cypher query on the embedded store (ladybug) or Neo4j."""
    if backend == "embedded":
        from ..graph.embedded import EmbeddedStore

        with EmbeddedStore(store) as s:
            return s.cypher(query, params, timeout=timeout, write=write)
    if backend == "neo4j":
        from ..graph.neo4j import Neo4jStore

        with Neo4jStore(uri=neo4j_uri, database=neo4j_database) as s:
            return neo4j_cypher(s, query, params, write=write, timeout=timeout)
    raise QueryError(f"cypher runs on the embedded store or Neo4j, not on {backend!r}")


def sparql(query: str, bindings: dict | None = None, *, backend: str = "embedded", store: str | Path = ".dutygraph",
           endpoint: str | None = None, timeout: float | None = DEFAULT_TIMEOUT) -> list[dict] | bool:
    """Rows (or the boolean of an ASK) of a user's read-only SPARQL query, embedded or on an endpoint.

    pyoxigraph cannot cancel a query: on the embedded store it runs in a daemon thread
    and a QueryError is raised when the time limit passes (the abandoned query goes on
    in the background until the process ends, as it does right away for the CLI).
    """
    from ..graph.query_guard import check_sparql

    check_sparql(query)
    if backend == "embedded":
        from ..graph.embedded import EmbeddedStore

        from ..graph.sparql_remote import with_bindings

        # pyoxigraph substitutes only projected variables: bind in the text (escaped) instead
        text = with_bindings(query, bindings)
        with EmbeddedStore(store) as s:
            return _within(timeout, lambda: s.sparql(text))
    if backend == "sparql":
        if not endpoint:
            raise QueryError("--backend sparql needs --sparql-endpoint URL")
        from ..graph.sparql_remote import RemoteSparqlStore

        return RemoteSparqlStore(endpoint, timeout=timeout or 60).sparql(query, bindings)
    raise QueryError(f"sparql runs on the embedded store or a SPARQL endpoint, not on {backend!r}")


def _within(timeout: float | None, run):
    """``run()``'s result, or QueryError if it has not returned after ``timeout`` seconds (None: no limit)."""
    if not timeout:
        return run()
    out: dict = {}

    def target():
        try:
            out["value"] = run()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            out["error"] = exc

    worker = threading.Thread(target=target, name="dutygraph-sparql", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryError(f"sparql: no answer within the time limit of {timeout:g}s (--timeout)")
    if "error" in out:
        raise out["error"]
    return out["value"]
