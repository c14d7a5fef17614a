"""The graph in Neo4j, written idempotently in batches with the official driver.

What a document contributes is replaced as a whole, never half: one transaction
per document. In it the document's previous contribution, if any, is removed
first: its own nodes (Document, KeyWork, Program, Task, Target) are deleted
with their relationships, and its id is taken out of the ``documents`` lists of
shared nodes (Unit, Place, Project) and of the relationships between shared
nodes (MEMBER_OF, GOVERNS, LOCATED_IN between places); what is left with an
empty list is deleted. Then the new rows are written, at most ``batch_size``
per ``UNWIND $rows AS row ...`` statement: the document's own nodes and
relationships are created, shared ones MERGEd by id, their ``aliases`` and
``documents`` lists united and, of two values of another property, the one
:func:`~dutygraph.graph.schema.preferred` keeps (as ``build`` does, whatever the
order documents are loaded in). So loading again changes nothing, and a unit that
another loaded document names stays.

Labels and relationship types are written into the Cypher text only from
:mod:`dutygraph.graph.schema`; every value travels as a parameter. The
statements can be looked at without a server:

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc/a", label="Document", id="doc/a", name="计划")
>>> g.add_node("doc/a/task/A1-1", label="Task", id="doc/a/task/A1-1", name="做事", document="doc/a")
>>> _ = g.add_edge("doc/a/task/A1-1", "doc/a", key="IN_DOCUMENT", type="IN_DOCUMENT", document="doc/a")
>>> [s.query.splitlines()[1] for s in statements(g)]
['CREATE (n:Document)', 'CREATE (n:Task)', 'MATCH (a:Task {id: row.source})']
>>> statements(g)[2].params["rows"]
[{'source': 'doc/a/task/A1-1', 'target': 'doc/a', 'properties': {'document': 'doc/a'}}]

Connection settings come from arguments or from NEO4J_URI, NEO4J_USERNAME (or
NEO4J_USER), NEO4J_PASSWORD and NEO4J_DATABASE; ``neo4j://`` routing URIs
(clusters, Aura) work unchanged, and the database is always named:

>>> Neo4jSettings.from_env({"NEO4J_URI": "neo4j://db:7687", "NEO4J_USER": "ann", "NEO4J_PASSWORD": "pw"})
Neo4jSettings(uri='neo4j://db:7687', user='ann', password='***', database='neo4j')
"""

from __future__ import annotations

import os
import queue
import threading
import time
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple

from ..errors import QueryError, StoreError
from .schema import DOCUMENT_LABELS, EDGE_ENDPOINTS, EDGE_PROPERTIES, EDGE_TYPES, NODE_LABELS, NODE_PROPERTIES, \
    SHARED_LABELS, UNION_PROPERTIES

DEFAULT_URI = "neo4j://localhost:7687"
DEFAULT_DATABASE = "neo4j"
DEFAULT_BATCH_SIZE = 10_000
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


# -- Cypher text -----------------------------------------------------------------------------------------------
class Statement(NamedTuple):
    """One Cypher statement and its parameters; ``expect``: the ``written`` count it must return, if any."""

    query: str
    params: dict
    expect: int | None = None


def _label(name: str) -> str:
    if name not in NODE_LABELS:
        raise ValueError(f"{name!r} is not a node label of the schema")
    return name


def _type(name: str) -> str:
    if name not in EDGE_TYPES:
        raise ValueError(f"{name!r} is not a relationship type of the schema")
    return name


def _owner_key(label: str) -> str:
    """The property naming the document a node belongs to (a Document is its own)."""
    return "id" if label == "Document" else "document"


def schema_statements() -> list[str]:
    """A uniqueness constraint on ``id`` per label, and an index on ``document`` per document-owned label."""
    out = [f"CREATE CONSTRAINT {_label(label).lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
           for label in NODE_LABELS]
    out += [f"CREATE INDEX {_label(label).lower()}_document IF NOT EXISTS FOR (n:{label}) ON (n.document)"
            for label in DOCUMENT_LABELS if "document" in NODE_PROPERTIES[label]]
    return out


PRESENT_QUERY = "MATCH (d:Document {id: $document}) RETURN count(d) AS n"


def shared_pairs() -> list[tuple[str, str, str]]:
    """(type, source label, target label) of the relationships between shared nodes."""
    return [(t, a, b) for t in EDGE_TYPES for a, b in EDGE_ENDPOINTS[t] if a in SHARED_LABELS and b in SHARED_LABELS]


def removal_statements(document: str) -> list[Statement]:
    """Remove what ``document`` contributed: shared relationships, shared nodes, then its own nodes.

    >>> print(removal_statements("doc/a")[-1].query)
    MATCH (n:Target {document: $document})
    DETACH DELETE n
    """
    p = {"document": document}
    out = []
    for type_, a, b in shared_pairs():  # a document's shared relationship joins two of its shared nodes
        out.append(Statement(
            f"MATCH (a:{_label(a)})-[r:{_type(type_)}]->(b:{_label(b)})\n"
            "WHERE $document IN a.documents AND $document IN r.documents\n"
            "SET r.documents = [d IN r.documents WHERE d <> $document]\n"
            "WITH r WHERE size(r.documents) = 0\n"
            "DELETE r", p))
    for label in SHARED_LABELS:
        out.append(Statement(
            f"MATCH (n:{_label(label)}) WHERE $document IN n.documents\n"
            "SET n.documents = [d IN n.documents WHERE d <> $document]\n"
            "WITH n WHERE size(n.documents) = 0\n"
            "DETACH DELETE n", p))
    for label in DOCUMENT_LABELS:
        out.append(Statement(f"MATCH (n:{_label(label)} {{{_owner_key(label)}: $document}})\nDETACH DELETE n", p))
    return out


def _union_sets(var: str, props: Iterable[str]) -> str:
    """SET items uniting list properties of ``old`` and ``new`` (sorted, no duplicates, absent if both are)."""
    return "".join(
        f",\n    {var}.{p} = CASE WHEN old.{p} IS NULL AND new.{p} IS NULL THEN null ELSE "
        f"COLLECT {{ UNWIND coalesce(old.{p}, []) + coalesce(new.{p}, []) AS x RETURN DISTINCT x ORDER BY x }} END"
        for p in props)


def _preferred_sets(var: str, props: Mapping[str, str]) -> str:
    """SET items keeping, of ``old`` and ``new``, the value :func:`~dutygraph.graph.schema.preferred` keeps
    (strings: shortest, then first in order), for every property but ``id`` and the united lists.

    Neo4j orders strings by UTF-16 code unit, Python by code point: the two differ only between
    characters beyond U+FFFF and those from U+E000 on, at the first difference of two equally long values.
    """
    out = []
    for p, kind in props.items():
        if p == "id" or p in UNION_PROPERTIES:
            continue
        o, n = f"old.{p}", f"new.{p}"
        first = f"size({n}) < size({o}) OR size({n}) = size({o}) AND {n} < {o}" if kind == "STRING" else f"{n} < {o}"
        out.append(f",\n    {var}.{p} = CASE WHEN {o} IS NULL OR {first} THEN {n} ELSE {o} END")
    return "".join(out)


def node_query(label: str) -> str:
    """Create a document's own nodes; MERGE shared ones (lists united, other properties the preferred value).

    >>> print(node_query("Project"))
    UNWIND $rows AS new
    MERGE (n:Project {id: new.id})
    WITH n, new, properties(n) AS old
    SET n += new, n += old,
        n.name = CASE WHEN old.name IS NULL OR size(new.name) < size(old.name) OR size(new.name) = size(old.name) AND new.name < old.name THEN new.name ELSE old.name END,
        n.base_name = CASE WHEN old.base_name IS NULL OR size(new.base_name) < size(old.base_name) OR size(new.base_name) = size(old.base_name) AND new.base_name < old.base_name THEN new.base_name ELSE old.base_name END,
        n.type = CASE WHEN old.type IS NULL OR size(new.type) < size(old.type) OR size(new.type) = size(old.type) AND new.type < old.type THEN new.type ELSE old.type END,
        n.phase = CASE WHEN old.phase IS NULL OR size(new.phase) < size(old.phase) OR size(new.phase) = size(old.phase) AND new.phase < old.phase THEN new.phase ELSE old.phase END,
        n.city = CASE WHEN old.city IS NULL OR size(new.city) < size(old.city) OR size(new.city) = size(old.city) AND new.city < old.city THEN new.city ELSE old.city END,
        n.documents = CASE WHEN old.documents IS NULL AND new.documents IS NULL THEN null ELSE COLLECT { UNWIND coalesce(old.documents, []) + coalesce(new.documents, []) AS x RETURN DISTINCT x ORDER BY x } END
    RETURN count(n) AS written
    """
    label = _label(label)
    if label not in SHARED_LABELS:
        return f"UNWIND $rows AS new\nCREATE (n:{label})\nSET n = new\nRETURN count(n) AS written"
    unions = [p for p in UNION_PROPERTIES if p in NODE_PROPERTIES[label]]
    return (f"UNWIND $rows AS new\nMERGE (n:{label} {{id: new.id}})\nWITH n, new, properties(n) AS old\n"
            f"SET n += new, n += old{_preferred_sets('n', NODE_PROPERTIES[label])}{_union_sets('n', unions)}\n"
            "RETURN count(n) AS written")


def edge_query(type_: str, source: str, target: str) -> str:
    """Create a relationship of a document; MERGE one between shared nodes (``documents`` united, other
    properties the preferred value).

    >>> print(edge_query("LEADS", "Unit", "Task"))
    UNWIND $rows AS row
    MATCH (a:Unit {id: row.source})
    MATCH (b:Task {id: row.target})
    CREATE (a)-[r:LEADS]->(b)
    SET r = row.properties
    RETURN count(r) AS written
    """
    head = (f"UNWIND $rows AS row\nMATCH (a:{_label(source)} {{id: row.source}})\n"
            f"MATCH (b:{_label(target)} {{id: row.target}})\n")
    type_ = _type(type_)
    if not (source in SHARED_LABELS and target in SHARED_LABELS):
        return head + f"CREATE (a)-[r:{type_}]->(b)\nSET r = row.properties\nRETURN count(r) AS written"
    unions = [p for p in UNION_PROPERTIES if p in EDGE_PROPERTIES]
    return (head + f"MERGE (a)-[r:{type_}]->(b)\nWITH r, row.properties AS new, properties(r) AS old\n"
            f"SET r += new, r += old{_preferred_sets('r', EDGE_PROPERTIES)}{_union_sets('r', unions)}\n"
            "RETURN count(r) AS written")


def naive_node_query(label: str) -> str:
    """One node per query (the naive loader of the benchmark)."""
    return f"MERGE (n:{_label(label)} {{id: $id}}) SET n += $properties"


def naive_edge_query(type_: str, source: str, target: str) -> str:
    """One relationship per query (the naive loader of the benchmark)."""
    return (f"MATCH (a:{_label(source)} {{id: $source}}) MATCH (b:{_label(target)} {{id: $target}}) "
            f"MERGE (a)-[r:{_type(type_)}]->(b) SET r += $properties")


# -- what documents contribute ---------------------------------------------------------------------------------
EdgeKey = tuple[str, str, str]  # (type, source label, target label)


@dataclass
class Contribution:
    """The rows one document contributes, without None values.

    ``nodes``: label -> id -> properties. ``edges``: (type, source label, target
    label) -> rows ``{"source", "target", "properties"}``. Rows of shared nodes
    and of relationships between them carry ``documents`` (this document);
    relationships between shared nodes are unique per (type, source, target),
    as MERGE needs.
    """

    document: str
    nodes: dict[str, dict[str, dict]] = field(default_factory=dict)
    edges: dict[EdgeKey, list[dict]] = field(default_factory=dict)

    @property
    def relationships(self) -> int:
        return sum(len(rows) for rows in self.edges.values())


def _is_shared(key: EdgeKey) -> bool:
    return key[1] in SHARED_LABELS and key[2] in SHARED_LABELS


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
            doc = owner[node_id] = props.get(_owner_key(label))
            _part(parts, doc, node_id).nodes.setdefault(label, {})[node_id] = props
    for s, t, data in graph.edges(data=True):
        key = (_type(data["type"]), labels[s], labels[t])
        props = {k: v for k, v in data.items() if v is not None and k in EDGE_PROPERTIES}
        if _is_shared(key):
            if "document" in props:
                raise ValueError(f"{key[0]} {s} -> {t}: a relationship between shared nodes cannot belong "
                                 "to one document (it has 'document')")
            docs = props.get("documents") or []
            if (key, s, t) in merged:
                raise ValueError(f"{key[0]} {s} -> {t} twice: relationships between shared nodes are merged by "
                                 "type and ends")
            merged.add((key, s, t))
        else:
            docs = {owner[n] for n in (s, t) if n in owner}
            if "document" in props:
                docs.add(props["document"])
            if len(docs) != 1:
                raise ValueError(f"{key[0]} {s} -> {t} joins documents {sorted(docs)}")
        for doc in docs:
            for n in (s, t):
                if owner.get(n, doc) != doc or (n in shared_of and doc not in shared_of[n]):
                    raise ValueError(f"{key[0]} {s} -> {t} of {doc}: {n} is not a node of {doc}")
            p = {**props, "documents": [doc]} if "documents" in props else props
            _part(parts, doc, s).edges.setdefault(key, []).append({"source": s, "target": t, "properties": p})
    for part in parts.values():
        for rows in part.edges.values():
            rows.sort(key=_ends)
    return [parts[d] for d in sorted(parts)]


def _ends(row: dict) -> tuple[str, str]:
    return row["source"], row["target"]


def _part(parts: dict[str, Contribution], doc: str | None, what: str) -> Contribution:
    if doc not in parts:
        raise ValueError(f"{what} belongs to {doc!r}, which is not a Document node of the graph")
    return parts[doc]


def contributions(source) -> Iterator[Contribution]:
    """One contribution per document of ``source``: a graph, a Document, or an iterable of graphs and/or Documents.

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

    items = [source] if isinstance(source, Document) else list(source)
    keys = iter(document_keys([item for item in items if not isinstance(item, nx.Graph)]))
    builder = GraphBuilder()
    for item in items:
        if isinstance(item, nx.Graph):
            yield from split_graph(item)
            continue
        builder.graph = nx.MultiDiGraph()  # one document's graph; the builder keeps the document keys
        builder.add(item, next(keys))
        yield from split_graph(builder.graph)


def write_statements(part: Contribution, batch_size: int = DEFAULT_BATCH_SIZE) -> list[Statement]:
    """The statements writing ``part``: nodes per label, then relationships per (type, source, target label).

    Each carries at most ``batch_size`` rows and expects as many written.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    out = []
    for label in NODE_LABELS:
        rows = [props for _, props in sorted(part.nodes.get(label, {}).items())]
        out += [Statement(node_query(label), {"rows": rows[i:i + batch_size]}, len(rows[i:i + batch_size]))
                for i in range(0, len(rows), batch_size)]
    for key in sorted(part.edges, key=lambda k: (EDGE_TYPES.index(k[0]), k[1], k[2])):
        rows = part.edges[key]
        out += [Statement(edge_query(*key), {"rows": rows[i:i + batch_size]}, len(rows[i:i + batch_size]))
                for i in range(0, len(rows), batch_size)]
    return out


def statements(source, batch_size: int = DEFAULT_BATCH_SIZE) -> list[Statement]:
    """Every write statement loading ``source`` into an empty store (no removal), document by document."""
    return [s for part in contributions(source) for s in write_statements(part, batch_size)]


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
            raise QueryError(f"cypher: {exc.code}: {exc.message}") from exc
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
        session and transaction (the server uses more cores; shared units are
        MERGEd, and a deadlock between two documents is retried by the driver).
        A failure then stops further documents, but those already being written
        complete; the first error is raised.

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
        with closing(prefetch(contributions(source), depth=max(2, 2 * workers))) as parts:
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
            for statement in removal_statements(part.document):
                tx.run(statement.query, statement.params).consume()
        for statement in write_statements(part, batch_size):
            written = tx.run(statement.query, statement.params).single()["written"]
            if statement.expect is not None and written != statement.expect:
                first = statement.query.splitlines()[1:4]
                raise _Mismatch(f"{' '.join(first)}: wrote {written} of {statement.expect} rows "
                                "(an endpoint is missing or duplicated)")
        if before_commit is not None:
            before_commit(tx, part.document)

    def delete_document(self, doc_id: str) -> bool:
        """Remove one document's contribution; True if it was loaded."""
        self.ensure_schema()

        def work(tx):
            present = bool(tx.run(PRESENT_QUERY, document=doc_id).single()["n"])
            for statement in removal_statements(doc_id):
                tx.run(statement.query, statement.params).consume()
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
                        for row in rows:
                            session.run(naive_edge_query(*key), source=row["source"], target=row["target"],
                                        properties=row["properties"]).consume()
                            report.relationships += 1
                    report.documents.append(part.document)
        except self._driver_errors() as exc:
            raise self._error(exc, "the naive load") from exc
        report.seconds = time.perf_counter() - start
        report.transactions = report.nodes + report.relationships
        return report
