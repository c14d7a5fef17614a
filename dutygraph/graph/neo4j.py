"""The graph in Neo4j, written idempotently in batches with the official driver.

What a document contributes is replaced as a whole, never half: one transaction
per document. In it the document's previous contribution, if any, is removed
first: its own nodes (Document, KeyWork, Program, Task, Target) are deleted
with their relationships, and its id is taken out of the ``documents`` lists of
shared nodes (Unit, Place, Project) and of the relationships between shared
nodes (MEMBER_OF, GOVERNS, LOCATED_IN between places); what is left with an
empty list is deleted. Then the new rows are written by one statement per
batch (:mod:`dutygraph.graph.neo4j_cypher`), lists of at most ``batch_size``
rows each: the document's own nodes and relationships are created, shared ones
MERGEd by id, their ``aliases`` and ``documents`` lists united and, of two
values of another property, the one :func:`~dutygraph.graph.schema.preferred`
keeps (as ``build`` does, whatever the order documents are loaded in). So
loading again changes nothing, and a unit that another loaded document names
stays. The statements can be looked at without a server
(:func:`~dutygraph.graph.neo4j_rows.statements`).

Connection settings come from arguments or from NEO4J_URI, NEO4J_USERNAME (or
NEO4J_USER), NEO4J_PASSWORD and NEO4J_DATABASE; ``neo4j://`` routing URIs
(clusters, Aura) work unchanged, and the database is always named:

>>> Neo4jSettings.from_env({"NEO4J_URI": "neo4j://db:7687", "NEO4J_USER": "ann", "NEO4J_PASSWORD": "pw"})
Neo4jSettings(uri='neo4j://db:7687', user='ann', password='***', database='neo4j')
"""

from __future__ import annotations

import gc
import os
import queue
import threading
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping

from ..errors import QueryError, StoreError
from .neo4j_cypher import PRESENT_QUERY, _label, _type, naive_edge_query, naive_node_query, removal_queries, \
    schema_statements
from .neo4j_rows import DEFAULT_BATCH_SIZE, Contribution, Statement, contributions, edge_properties, split_graph, \
    statements, write_statements
from .schema import EDGE_TYPES, NODE_LABELS

__all__ = ["DEFAULT_BATCH_SIZE", "Contribution", "LoadReport", "Neo4jSettings", "Neo4jStore", "Statement",
           "collector_paused", "contributions", "edge_properties", "prefetch", "split_graph", "statements",
           "write_statements"]

DEFAULT_URI = "neo4j://localhost:7687"
DEFAULT_DATABASE = "neo4j"
# Bolt, direct or routed (clusters, Aura), plain or with TLS.
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


# -- connection settings ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Neo4jSettings:
    """Where the server is and who we are; ``auth`` is None (no auth) when no password is given."""

    uri: str = DEFAULT_URI
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    database: str = DEFAULT_DATABASE

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, *, uri: str | None = None, user: str | None = None,
                 password: str | None = None, database: str | None = None) -> "Neo4jSettings":
        """Arguments first, then NEO4J_URI, NEO4J_USERNAME / NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE."""
        env = os.environ if environ is None else environ
        return cls(uri=uri or env.get("NEO4J_URI") or DEFAULT_URI,
                   user=user or env.get("NEO4J_USERNAME") or env.get("NEO4J_USER") or None,
                   password=password if password is not None else env.get("NEO4J_PASSWORD"),
                   database=database or env.get("NEO4J_DATABASE") or DEFAULT_DATABASE)

    @property
    def auth(self) -> tuple[str, str] | None:
        return None if self.password is None else (self.user or "neo4j", self.password)

    def __repr__(self) -> str:
        password = None if self.password is None else "***"
        return (f"Neo4jSettings(uri={self.uri!r}, user={self.user!r}, password={password!r}, "
                f"database={self.database!r})")


# -- rows made while the server writes ---------------------------------------------------------------------
def prefetch(items: Iterable, depth: int = 2) -> Iterator:
    """Iterate ``items`` made in a background thread, at most ``depth`` ahead; its errors are raised here.

    >>> list(prefetch(iter(range(5))))
    [0, 1, 2, 3, 4]
    """
    done = object()
    q: queue.Queue = queue.Queue(depth)
    stop = threading.Event()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                q.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put((item, None)):
                    return
        except BaseException as exc:  # handed to the consumer
            put((done, exc))
            return
        put((done, None))

    thread = threading.Thread(target=produce, name="dutygraph-neo4j-rows", daemon=True)
    thread.start()
    try:
        while True:
            item, exc = q.get()
            if item is done:
                if exc is not None:
                    raise exc
                return
            yield item
    finally:
        stop.set()
        thread.join()


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector off for the block (as it was after it).

    A load makes a million small dicts and lists, none of them in a cycle, and
    the collector's passes over them (and over the graph) took a third of the
    client's time; reference counting frees them all the same.

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- the store -------------------------------------------------------------------------------------------------
@dataclass
class LoadReport:
    """What a load wrote."""

    documents: list[str] = field(default_factory=list)
    nodes: int = 0
    relationships: int = 0
    transactions: int = 0
    seconds: float = 0.0


class _Mismatch(Exception):
    """A statement wrote fewer (or more) rows than it was given: an endpoint is missing."""


class Neo4jStore:
    """A Neo4j database, reached with the official driver (``neo4j`` package).

    >>> store = Neo4jStore("bolt://127.0.0.1:1", database="plans")  # connects on first use
    >>> store.settings.database
    'plans'
    """

    def __init__(self, uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None, *, settings: Neo4jSettings | None = None,
                 connection_timeout: float = 10.0, max_retry_time: float = 30.0):
        self.settings = settings or Neo4jSettings.from_env(uri=uri, user=user, password=password,
                                                           database=database)
        self._timeouts = {"connection_timeout": connection_timeout, "max_transaction_retry_time": max_retry_time}
        self._driver = None
        self._schema_done = False

    # -- lifetime --------------------------------------------------------------------------------------------
    @property
    def driver(self):
        """The driver, created and checked (server reachable, credentials accepted) on first use."""
        if self._driver is None:
            import neo4j

            scheme = self.settings.uri.partition("://")[0]
            if scheme not in URI_SCHEMES:
                raise StoreError(f"bad Neo4j URI {self.settings.uri!r}: use one of "
                                 f"{', '.join(s + '://' for s in URI_SCHEMES)}")
            try:
                driver = neo4j.GraphDatabase.driver(self.settings.uri, auth=self.settings.auth,
                                                    user_agent="dutygraph", notifications_min_severity="OFF",
                                                    **self._timeouts)
            except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
                raise StoreError(f"bad Neo4j URI {self.settings.uri!r}: {exc}") from exc
            try:
                driver.verify_connectivity()
            except self._driver_errors() as exc:
                driver.close()
                raise self._error(exc, "connecting") from exc
            self._driver = driver
        return self._driver

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _session(self):
        return self.driver.session(database=self.settings.database)

    def _error(self, exc: Exception, doing: str) -> StoreError:
        """A driver error as a StoreError saying where and what failed."""
        import neo4j.exceptions as ne

        where = f"Neo4j at {self.settings.uri}"
        if isinstance(exc, ne.AuthError):
            user = self.settings.auth[0] if self.settings.auth else None
            return StoreError(f"{where} refused the credentials of user {user!r} (set NEO4J_USERNAME and "
                              f"NEO4J_PASSWORD): {exc.message}")
        if isinstance(exc, (ne.ServiceUnavailable, ne.SessionExpired, OSError)):
            return StoreError(f"cannot reach {where}: {exc}")
        if isinstance(exc, ne.Neo4jError) and exc.code == "Neo.ClientError.Database.DatabaseNotFound":
            return StoreError(f"{where} has no database {self.settings.database!r} (set NEO4J_DATABASE)")
        message = f"{exc.code}: {exc.message}" if isinstance(exc, ne.Neo4jError) else str(exc)
        return StoreError(f"{where}, database {self.settings.database!r}: {doing} failed: {message}")

    def _driver_errors(self):
        import neo4j.exceptions as ne

        return (ne.Neo4jError, ne.DriverError, OSError)

    # -- schema and reads ------------------------------------------------------------------------------------
    def ensure_schema(self) -> None:
        """Create the constraints and indexes (once per store object) and wait until they are online."""
        if self._schema_done:
            return
        try:
            with self._session() as session:
                for query in schema_statements():
                    session.run(query).consume()
                session.run("CALL db.awaitIndexes(300)").consume()
        except self._driver_errors() as exc:
            raise self._error(exc, "creating the constraints") from exc
        self._schema_done = True

    def run_read(self, cypher: str, params: dict | None = None, timeout: float | None = None) -> list[dict]:
        """Rows of a read-only query as dicts (the server refuses writes in a read transaction)."""
        import neo4j
        import neo4j.exceptions as ne

        @neo4j.unit_of_work(timeout=timeout)
        def work(tx):
            return [record.data() for record in tx.run(cypher, params or {})]

        try:
            with self._session() as session:
                return session.execute_read(work)
        except ne.ClientError as exc:
            if exc.code in ("Neo.ClientError.Database.DatabaseNotFound", "Neo.ClientError.Security.Unauthorized"):
                raise self._error(exc, "a query") from exc
            if "TransactionTimedOut" in (exc.code or "") or "Terminated" in (exc.code or ""):
                raise QueryError(f"cypher: timed out after {timeout}s") from exc
            message = (exc.message or "").strip()
            raise QueryError(f"cypher: {exc.code}: {message.splitlines()[0] if message else 'error'}") from None
        except self._driver_errors() as exc:
            raise self._error(exc, "a query") from exc

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per label and relationships per type (those without any left out)."""
        queries = {("nodes", label): f"MATCH (n:{_label(label)}) RETURN count(n) AS n" for label in NODE_LABELS}
        queries |= {("edges", t): f"MATCH ()-[r:{_type(t)}]->() RETURN count(r) AS n" for t in EDGE_TYPES}
        out: dict[str, dict[str, int]] = {"nodes": {}, "edges": {}}
        for (kind, name), query in queries.items():
            n = self.run_read(query)[0]["n"]
            if n:
                out[kind][name] = n
        return {k: dict(sorted(v.items())) for k, v in out.items()}

    def documents(self) -> list[str]:
        """The ids of the loaded documents."""
        return [r["id"] for r in self.run_read("MATCH (d:Document) RETURN d.id AS id ORDER BY id")]

    # -- writes ----------------------------------------------------------------------------------------------
    def load(self, source, batch_size: int = DEFAULT_BATCH_SIZE, *,
             before_commit: Callable[[Any, str], None] | None = None, workers: int = 1) -> LoadReport:
        """Replace the contribution of each document of ``source`` (a graph, a Document, or several of them).

        One transaction per document, statements of at most ``batch_size`` rows.
        A document that fails leaves nothing of itself, stops the load (those
        before it stay loaded) and raises a :class:`StoreError` naming it.
        ``before_commit(tx, document)`` runs inside each transaction, last.

        ``workers`` > 1 writes that many documents at once, each in its own
        session and transaction (the server uses more cores). Each locks its
        shared units in one order before reading them, so two documents naming
        the same unit wait for each other instead of losing one's id from its
        ``documents`` list or deadlocking; should the server still break a
        deadlock (a reload racing a load can), the driver retries it.
        A failure then stops further documents, but those already being written
        complete; the first error is raised.

        A graph is split into documents as the load goes (the first is written
        while the others are split): a relationship that would join two
        documents raises ValueError when its document is reached, and those
        before it stay loaded. Python's cyclic garbage collector is paused
        during the load (:func:`collector_paused`).

        A document counts as loaded when its Document node exists (the
        transactions keep it so); only then is its old contribution looked for.
        After tampering by hand, :meth:`delete_document` sweeps it regardless.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.ensure_schema()
        report = LoadReport()
        start = time.perf_counter()

        def done(part: Contribution) -> None:
            report.documents.append(part.document)
            report.nodes += sum(len(rows) for rows in part.nodes.values())
            report.relationships += part.relationships
            report.transactions += 1

        # The next document's rows are made in a thread while the server writes the current one.
        with collector_paused(), closing(prefetch(contributions(source), depth=max(2, 2 * workers))) as parts:
            if workers == 1:
                for part in parts:
                    self._commit(part, batch_size, before_commit)
                    done(part)
            else:
                self._load_parallel(parts, batch_size, before_commit, workers, done)
        report.seconds = time.perf_counter() - start
        return report

    def _load_parallel(self, parts, batch_size: int, before_commit, workers: int, done) -> None:
        """Commit ``parts`` with ``workers`` threads, at most ``2 * workers`` in flight; raise the first error."""
        from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

        error: Exception | None = None
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dutygraph-neo4j") as pool:
            pending: dict = {}
            for part in parts:
                pending[pool.submit(self._commit, part, batch_size, before_commit)] = part
                if len(pending) >= 2 * workers:
                    finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in finished:
                        part_done = pending.pop(future)
                        if future.exception() is None:
                            done(part_done)
                        elif error is None:
                            error = future.exception()
                if error is not None:
                    break
            for future in list(pending):
                exc = future.exception()  # waits
                if exc is None:
                    done(pending[future])
                elif error is None:
                    error = exc
        if error is not None:
            raise error

    def _commit(self, part: Contribution, batch_size: int, before_commit) -> None:
        try:
            with self._session() as session:
                session.execute_write(self._write, part, batch_size, before_commit)
        except _Mismatch as exc:
            raise StoreError(f"loading {part.document}: {exc}; nothing of it was written") from exc
        except self._driver_errors() as exc:
            raise self._error(exc, f"loading {part.document} (nothing of it was written)") from exc
        except Exception as exc:
            raise StoreError(f"loading {part.document} failed, nothing of it was written: "
                             f"{type(exc).__name__}: {exc}") from exc

    @staticmethod
    def _write(tx, part: Contribution, batch_size: int, before_commit=None) -> None:
        """The transaction of one document: remove its old contribution (if any), write the new one."""
        if tx.run(PRESENT_QUERY, document=part.document).single()["n"]:
            for query in removal_queries():
                tx.run(query, document=part.document).consume()
        for statement in write_statements(part, batch_size):
            written = tx.run(statement.query, statement.params).single().data()
            wrong = {k: (written.get(k), n) for k, n in (statement.expect or {}).items() if written.get(k) != n}
            if wrong:
                raise _Mismatch("; ".join(f"{k}: wrote {got} of {n} rows" for k, (got, n) in sorted(wrong.items()))
                                + " (an endpoint is missing or duplicated)")
        if before_commit is not None:
            before_commit(tx, part.document)

    def delete_document(self, doc_id: str) -> bool:
        """Remove one document's contribution; True if it was loaded."""
        self.ensure_schema()

        def work(tx):
            present = bool(tx.run(PRESENT_QUERY, document=doc_id).single()["n"])
            for query in removal_queries():
                tx.run(query, document=doc_id).consume()
            return present

        try:
            with self._session() as session:
                return session.execute_write(work)
        except self._driver_errors() as exc:
            raise self._error(exc, f"deleting {doc_id}") from exc

    def load_naive(self, source) -> LoadReport:
        """The naive way, for the benchmark only: one auto-commit MERGE query per node and per relationship.

        No removal, no reference counting: nodes are MERGEd by id and their
        properties overwritten.
        """
        self.ensure_schema()
        report = LoadReport()
        start = time.perf_counter()
        try:
            with self._session() as session:
                for part in contributions(source):
                    for label in NODE_LABELS:
                        for props in part.nodes.get(label, {}).values():
                            session.run(naive_node_query(label), id=props["id"], properties=props).consume()
                            report.nodes += 1
                    for key, rows in part.edges.items():
                        for source_id, target_id, values in rows:
                            session.run(naive_edge_query(*key), source=source_id, target=target_id,
                                        properties=edge_properties(values)).consume()
                            report.relationships += 1
                    report.documents.append(part.document)
        except self._driver_errors() as exc:
            raise self._error(exc, "the naive load") from exc
        report.seconds = time.perf_counter() - start
        report.transactions = report.nodes + report.relationships
        return report
