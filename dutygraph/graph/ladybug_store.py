"""The graph in ladybug (LadybugDB, an embedded Kùzu fork), for Cypher, with the Neo4j schema.

One node table per label (columns typed from :data:`~dutygraph.graph.schema.NODE_PROPERTIES`,
primary key ``id``) and one relationship table per type (FROM/TO pairs from
:data:`~dutygraph.graph.schema.EDGE_ENDPOINTS`), so the same Cypher text runs
here and on Neo4j. Rows are written with ``COPY … FROM`` Arrow tables (the bulk
path: creating relationships with ``UNWIND … CREATE`` is orders of magnitude
slower in ladybug).

A load replaces its documents inside one transaction: it deletes what they
contributed before, then copies the new rows, merging shared nodes and
relationships (lists united, of two values of another property the one
:func:`~dutygraph.graph.schema.preferred` keeps, as ``build`` does); any error
rolls everything back (ladybug rolls a transaction back itself when a statement fails).
The embedded store loads by :meth:`LadybugStore.load_staged` instead: the same
removal and merge, but the owned rows copied straight from staged Parquet files.

Both paths also write the token index of topic search (:mod:`dutygraph.graph.text_index`):
a ``Token`` node per distinct token and a ``HAS_TOKEN`` relationship from each leaf task,
program and project to each distinct token of its text, title or name
(:data:`~dutygraph.graph.schema.TOKEN_LABEL`). A node's tokens go when the node goes (a
reload deletes the document's nodes), and so does a Token no node holds any more.

>>> import tempfile, networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc/a", label="Document", id="doc/a", name="计划")
>>> g.add_node("unit/u", label="Unit", id="unit/u", name="U", documents=["doc/a"])
>>> g.add_node("doc/a/task/1", label="Task", id="doc/a/task/1", name="T", document="doc/a")
>>> _ = g.add_edge("unit/u", "doc/a/task/1", key="LEADS", type="LEADS", document="doc/a", line_first=3)
>>> with LadybugStore(tempfile.mkdtemp() + "/graph.lbug") as store:
...     store.load(g)
...     store.cypher("MATCH (u:Unit)-[r:LEADS]->(t:Task) RETURN u.name AS unit, r.line_first AS line")
[{'unit': 'U', 'line': 3}]
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from ..errors import QueryError, StoreError
from .rows import document_ids, edge_rows, node_rows
from .schema import (DOCUMENT_LABELS, EDGE_ENDPOINTS, EDGE_PROPERTIES, EDGE_TYPES, NODE_LABELS, NODE_PROPERTIES,
                     SHARED_LABELS, TOKEN_EDGE, TOKEN_LABEL, TOKEN_PART_EDGE, TOKEN_PART_LABEL, UNION_PROPERTIES)
from .text_index import INDEXED, token_pairs

_DDL_TYPES = {"STRING": "STRING", "INT": "INT64", "FLOAT": "DOUBLE", "BOOL": "BOOLEAN", "STRING[]": "STRING[]",
              "INT[]": "INT64[]"}


def _arrow_type(kind: str):
    import pyarrow as pa

    return {"STRING": pa.string(), "INT": pa.int64(), "FLOAT": pa.float64(), "BOOL": pa.bool_(),
            "STRING[]": pa.list_(pa.string()), "INT[]": pa.list_(pa.int64())}[kind]


def _q(name: str) -> str:
    return f"`{name}`"


def schema_ddl() -> list[str]:
    """The CREATE statements of every node and relationship table."""
    out = []
    for label in NODE_LABELS:
        cols = ", ".join(f"{_q(p)} {_DDL_TYPES[t]}" for p, t in NODE_PROPERTIES[label].items())
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {label}({cols}, PRIMARY KEY(`id`))")
    props = ", ".join(f"{_q(p)} {_DDL_TYPES[t]}" for p, t in EDGE_PROPERTIES.items())
    for type_ in EDGE_TYPES:
        pairs = ", ".join(f"FROM {a} TO {b}" for a, b in EDGE_ENDPOINTS[type_])
        out.append(f"CREATE REL TABLE IF NOT EXISTS {type_}({pairs}, {props})")
    out.append(f"CREATE NODE TABLE IF NOT EXISTS {TOKEN_LABEL}(`id` STRING, PRIMARY KEY(`id`))")
    out.append(f"CREATE NODE TABLE IF NOT EXISTS {TOKEN_PART_LABEL}(`id` INT64, `token` STRING, `holders` INT64, "
               "PRIMARY KEY(`id`))")
    out.append(f"CREATE REL TABLE IF NOT EXISTS {TOKEN_PART_EDGE}(FROM {TOKEN_LABEL} TO {TOKEN_PART_LABEL})")
    pairs = ", ".join(f"FROM {label} TO {TOKEN_PART_LABEL}" for label in INDEXED)
    out.append(f"CREATE REL TABLE IF NOT EXISTS {TOKEN_EDGE}({pairs})")
    return out


def _shared_pairs():
    """(type, source label, target label) of relationships between shared nodes (they outlive a document)."""
    return [(t, a, b) for t in EDGE_TYPES for a, b in EDGE_ENDPOINTS[t] if a in SHARED_LABELS and b in SHARED_LABELS]


def _file_list(files) -> str:
    """A Cypher list of file paths (string literals, escaped)."""
    quoted = (str(f).replace("\\", "\\\\").replace("'", "\\'") for f in files)
    return "[" + ", ".join(f"'{q}'" for q in quoted) + "]"


def _chunks(files: list, cap: int) -> list[list]:
    """``files`` in runs of at most ``cap`` rows (a file bigger than ``cap`` alone; 0: one run of all).

    >>> _chunks([], 10)
    []
    """
    import pyarrow.parquet as pq

    if not cap:
        return [files] if files else []
    out: list[list] = []
    run: list = []
    held = 0
    for f in files:
        n = pq.read_metadata(f).num_rows
        if run and held + n > cap:
            out.append(run)
            run, held = [], 0
        run.append(f)
        held += n
    if run:
        out.append(run)
    return out


def load_buffer_pool() -> int:
    """The buffer pool (bytes) of a database opened for a load: ``$DUTYGRAPH_LADYBUG_BUFFER_POOL_MB`` MiB, by
    default :data:`LOAD_BUFFER_POOL_MB` (ladybug's own default is 80 % of the machine's memory)."""
    mb = os.environ.get("DUTYGRAPH_LADYBUG_BUFFER_POOL_MB")
    return int(float(mb) if mb else LOAD_BUFFER_POOL_MB) << 20


def load_parts_per_commit() -> int:
    """Staged parts copied per transaction by a load into a generation built aside
    (``$DUTYGRAPH_LADYBUG_PARTS_PER_COMMIT``, by default :data:`LOAD_PARTS_PER_COMMIT`)."""
    n = os.environ.get("DUTYGRAPH_LADYBUG_PARTS_PER_COMMIT")
    return max(1, int(n)) if n else LOAD_PARTS_PER_COMMIT


def load_reopen_bytes() -> int:
    """How much the process may grow (bytes) during a grouped load before its database is closed and opened again
    between two transactions (:meth:`LadybugStore._reopen_if_grown`): ``$DUTYGRAPH_LADYBUG_REOPEN_MB`` MiB, by
    default :data:`LOAD_REOPEN_MB`; 0: never."""
    mb = os.environ.get("DUTYGRAPH_LADYBUG_REOPEN_MB")
    return int((float(mb) if mb else LOAD_REOPEN_MB) * (1 << 20))


def _rss() -> int:
    """This process's resident memory now (bytes; 0 where /proc is not there)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def load_rows_per_commit() -> int:
    """Staged relationship rows copied per transaction by a load into a generation built aside
    (``$DUTYGRAPH_LADYBUG_ROWS_PER_COMMIT``, by default :data:`LOAD_ROWS_PER_COMMIT`)."""
    n = os.environ.get("DUTYGRAPH_LADYBUG_ROWS_PER_COMMIT")
    return max(1, int(float(n))) if n else LOAD_ROWS_PER_COMMIT


# Measured on the staged files of generated plans, ladybug's load alone (benchmarks/corpus_load.py, README
# "Bigger than one machine"): in one transaction its process grew with the corpus (0.99 GB at 1,000 plans,
# 1.59 GB at 3,000, 3.6 GB in the whole load at 10,000), whatever the buffer pool (1.57 GB at 3,000 with 1 GB;
# 512 MB failed there: "the buffer pool is full" at the checkpoint after the commit). Committed every 32 parts
# (1,024 plans) it took 0.87 GB at 1,000 and 1.25-1.29 GB at 3,000 (pool 512 MB-1 GB), for 1.4 times the CPU
# (19.5 s against 13.5 at 3,000; every 8 parts: 1.14 GB and 2.7 times).
LOAD_BUFFER_POOL_MB = 1024
LOAD_PARTS_PER_COMMIT = 32
# Each commit costs per relationship table it touches, more as the table grows (ladybug alone on 1,000 staged
# plans, every table committed every 4 parts: 16.0 CPU s, of which the commits 11.9, against 4.7 s in one
# transaction; node tables alone commit cheaply). So the relationship tables are copied one at a time from all
# their shards, cut at this many rows (the token index of 10,000 plans, 20 million pairs, in 6 transactions, the
# others in one each): 1,000 plans 6.7 CPU s and 0.61 GB (every 4 parts for the nodes), 3,000 plans 15.1 CPU s
# and 1.05 GB against 18.0 s and 1.17 GB committed every 32 parts (busy machine, same sitting).
LOAD_ROWS_PER_COMMIT = 4_000_000
# A grouped load reopens its database between transactions once the process grew by this much since it was opened
# (each reopen costs about 0.05 CPU s; before every transaction, +0.5 CPU s on 300 plans added to 2,700).
LOAD_REOPEN_MB = 64
# Ladybug's node group: the nodes of a table whose adjacency lists a checkpoint rewrites together (2^17, measured:
# 540,000 relationships added to new nodes of a node group holding 13.5 million committed in 0.66-0.84 CPU s, in
# 0.19-0.24 when the new nodes began the next node group, 0.21 into an empty table). A batch of the token index
# starts a new one when the current one holds more than this many pairs (and more than the batch adds).
TOKEN_NODE_GROUP = 1 << 17
TOKEN_PAD_PAIRS = 1_000_000


class LadybugStore:
    """A ladybug database file. Open for writing (``load``) or ``read_only`` (queries; several readers may share it).

    ``buffer_pool`` caps ladybug's buffer pool (bytes; 0: ladybug's default, 80 % of the machine's memory)."""

    def __init__(self, path: str | Path, read_only: bool = False, buffer_pool: int = 0):
        self.path = Path(path)
        self.read_only = read_only
        self.buffer_pool = buffer_pool
        self._db = self._conn = None
        self._tokens: set[str] | None = None   # the Token ids, while a load writes (read once, then kept)
        self._deferred: dict[str, list] | None = None  # token pairs of shared nodes, kept for the load's batch
        self._opened_rss = 0  # the process's resident memory when the database was opened (bytes)

    # -- lifetime ------------------------------------------------------------------------
    def open(self) -> "LadybugStore":
        if self._conn is not None:
            return self
        import ladybug

        if self.read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no ladybug database here (load documents first)")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = ladybug.Database(str(self.path), read_only=self.read_only, buffer_pool_size=self.buffer_pool)
            self._conn = ladybug.Connection(self._db)
            self._opened_rss = _rss()
        except RuntimeError as exc:
            raise StoreError(f"{self.path}: cannot open the ladybug database: {exc}") from exc
        if not self.read_only:
            for ddl in schema_ddl():
                self._run(ddl)
        return self

    def _reopen_if_grown(self) -> None:
        """Between two transactions of a grouped load: close the database and open it again if the process grew by
        more than :func:`load_reopen_bytes` since it was opened. Ladybug keeps what the transactions before read
        and rewrote (the pages of its buffer pool, memory it allocated for them) until the database is closed,
        so without this a load's peak is the sum of its transactions', not its largest one's (300 plans added to
        a store of 2,700, ladybug alone: 0.72-0.75 GB, 0.58-0.61 reopened when grown by 64 MB; README, "The
        append, round eleven")."""
        limit = load_reopen_bytes()
        if limit and _rss() - self._opened_rss > limit:
            self.close()
            self.open()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._db.close()
        self._db = self._conn = None

    def __enter__(self):
        return self.open()

    def __exit__(self, *exc):
        self.close()

    # -- queries -------------------------------------------------------------------------
    def _run(self, query: str, params: dict | None = None) -> list[list]:
        result = self._conn.execute(query, params or {})
        rows = []
        while result.has_next():
            rows.append(result.get_next())
        return rows

    def cypher(self, query: str, params: dict | None = None, timeout: float | None = None,
               write: bool = False) -> list[dict]:
        """Rows of one Cypher statement as dicts; anything but a read of the graph is refused unless ``write``
        (:mod:`dutygraph.graph.ladybug_guard`), and the store must then be writable."""
        def rows(result) -> list[dict]:
            columns = result.get_column_names()
            out = []
            while result.has_next():
                out.append(dict(zip(columns, result.get_next())))
            return out

        return self._read(query, params, timeout, write, rows)

    def cypher_columns(self, query: str, params: dict | None = None, timeout: float | None = None) -> dict[str, list]:
        """The answer of one read-only Cypher statement column by column (name -> values), as
        :meth:`cypher` checks and runs it: read through Arrow, without a Python object per row (a question's
        rows: :class:`dutygraph.queries.normalise.Columns`). Values of scalars and lists as :meth:`cypher`
        gives them."""
        def columns(result) -> dict[str, list]:
            table = result.get_as_arrow(chunk_size=0)
            return {name: table.column(i).to_pylist() for i, name in enumerate(table.column_names)}

        return self._read(query, params, timeout, False, columns)

    def _read(self, query: str, params: dict | None, timeout: float | None, write: bool, read: Callable):
        """``read(result)`` of one Cypher statement, checked (:mod:`dutygraph.graph.ladybug_guard`) and run."""
        from .ladybug_guard import check_read, error_message, one_statement

        self.open()
        self._conn.set_query_timeout(int(timeout * 1000) if timeout else 0)
        try:
            if write:
                one_statement(self._conn, query, params)
            else:
                check_read(self._conn, query, params)
            try:
                result = self._conn.execute(query, params or {})
            except RuntimeError as exc:
                raise QueryError(error_message(str(exc), shift=0)) from None
            if isinstance(result, list):  # one_statement let it through: nothing ran twice, but say so
                raise QueryError("refused: one statement per query (a second one follows a ';')")
            return read(result)
        finally:
            self._conn.set_query_timeout(0)

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per label and relationships per type (labels and types without any left out)."""
        self.open()
        nodes = {label: self._run(f"MATCH (n:{label}) RETURN count(n)")[0][0] for label in NODE_LABELS}
        edges = {t: self._run(f"MATCH ()-[r:{t}]->() RETURN count(r)")[0][0] for t in EDGE_TYPES}
        return {"nodes": {k: n for k, n in sorted(nodes.items()) if n},
                "edges": {k: n for k, n in sorted(edges.items()) if n}}

    def documents(self) -> list[dict]:
        """The loaded documents: id, name, source and sha256, by id."""
        self.open()
        rows = self._run("MATCH (d:Document) RETURN d.id, d.name, d.source, d.sha256 ORDER BY d.id")
        return [dict(zip(("id", "name", "source", "sha256"), r)) for r in rows]

    def to_networkx(self):
        """The stored graph as ``build`` makes it: a MultiDiGraph, absent (NULL) properties left out."""
        import networkx as nx

        self.open()
        graph = nx.MultiDiGraph()
        for label in NODE_LABELS:
            props = list(NODE_PROPERTIES[label])
            fields = ", ".join(f"n.{_q(p)}" for p in props)
            for row in self._run(f"MATCH (n:{label}) RETURN {fields}"):
                data = {p: x for p, x in zip(props, row) if x is not None}
                graph.add_node(data["id"], label=label, **data)
        props = list(EDGE_PROPERTIES)
        fields = ", ".join(f"r.{_q(p)}" for p in props)
        for type_ in EDGE_TYPES:
            for row in self._run(f"MATCH (a)-[r:{type_}]->(b) RETURN a.id, b.id, {fields}"):
                data = {p: x for p, x in zip(props, row[2:]) if x is not None}
                graph.add_edge(row[0], row[1], key=type_, type=type_, **data)
        return graph

    # -- loading -------------------------------------------------------------------------
    def load(self, graph, before_commit: Callable[[], None] | None = None) -> None:
        """Replace the documents of ``graph`` (a networkx graph from ``build``) by their new contribution.

        ``before_commit`` runs inside the transaction, after every row is written;
        if it raises, nothing is changed.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        self.open()
        docs = document_ids(graph)
        with self._transaction():
            self._remove(docs)
            self._write_nodes(node_rows(graph))
            self._write_edges(edge_rows(graph))
            if before_commit is not None:
                before_commit()

    # -- the bulk path ---------------------------------------------------------------------
    def load_staged(self, stage, replaced: list[str], parts_per_commit: int | None = None,
                    rows_per_commit: int | None = None) -> tuple[dict[str, set[str]], set[tuple[str, str, str]]]:
        """Bulk-load a staging folder (:class:`~dutygraph.graph.staging.Stage`) into this database.

        The contribution of ``replaced`` (documents already here and staged again) is
        deleted first; owned rows are copied from the Parquet shards (``COPY … FROM``
        the files, the fastest path ladybug has); shared rows are merged into the
        nodes and relationships already here; all in one transaction (one commit is
        much faster than one per statement).

        With ``parts_per_commit`` (or ``rows_per_commit``), a load is split into transactions,
        however small: the removal and the shared nodes first; the owned nodes
        ``parts_per_commit`` staged parts at a time; then each relationship table from all
        its shards, and the token index from the shards of every label (each run one batch:
        its Token nodes, TokenParts and HAS_TOKEN), ``rows_per_commit`` rows at most per
        transaction; the shared relationships last. Ladybug holds what one transaction
        wrote until it commits and checkpoints, so memory follows a group or a table, not
        the whole load (300 plans into a store of 2,700: 0.73-0.77 GB committed table by
        table, 1.01-1.02 GB in one transaction, for the same CPU; README, "The append,
        round nine"); and a commit costs in proportion to the relationship tables it
        touches (their size included), so each is committed as few times as that allows,
        not once per group of parts. A failure leaves the transactions before it committed: for a database
        built aside and thrown away when a load fails (the embedded store's generations).
        Returns the shared nodes (label -> ids) and shared relationships ((type, from,
        to) ids) whose description may have changed: the staged ones and those the
        replaced documents named.
        """
        from .staging import edge_keys

        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        self.open()
        self._deferred = {}  # the new shared nodes' token pairs join the staged ones: one batch of the index
        try:
            return self._load_staged(stage, replaced, parts_per_commit, rows_per_commit)
        finally:
            self._deferred = None

    def _load_staged(self, stage, replaced: list[str], parts_per_commit: int | None,
                     rows_per_commit: int | None) -> tuple[dict[str, set[str]], set[tuple[str, str, str]]]:
        from .staging import edge_keys

        touched_nodes: dict[str, set[str]] = {label: set() for label in SHARED_LABELS}
        touched_edges: set[tuple[str, str, str]] = set()
        parts = sorted({f.stem for label in NODE_LABELS for f in stage.node_files(label, shared=False)})
        size = parts_per_commit or max(1, len(parts))
        groups = [set(parts[k:k + size]) for k in range(0, len(parts), size)] or [set()]

        def owned(files: list, group: set) -> list:
            return [f for f in files if f.stem in group]

        def copy_owned(group: set) -> None:
            for label in NODE_LABELS:
                files = owned(stage.node_files(label, shared=False), group)
                if files:
                    self._run(f"COPY {label} FROM {_file_list(files)}")
            self._copy_staged_tokens(stage, group)
            for key in edge_keys():
                type_, a, b = key
                files = owned(stage.edge_files(key, shared=False), group)
                if files:
                    options = f" (from='{a}', to='{b}')" if len(EDGE_ENDPOINTS[type_]) > 1 else ""
                    self._run(f"COPY {type_} FROM {_file_list(files)}{options}")

        def shared_nodes() -> None:
            for label in NODE_LABELS:
                rows = stage.read_nodes(label, shared=True)
                if rows:
                    self._write_nodes({label: rows})
                    touched_nodes.setdefault(label, set()).update(r["id"] for r in rows)

        def shared_edges() -> None:
            for key in edge_keys():
                type_, a, b = key
                rows = stage.read_edges(key, shared=True)
                if rows:
                    self._write_edges({key: rows})
                    touched_edges.update((type_, r["source"], r["target"]) for r in rows)
                    touched_nodes.setdefault(a, set()).update(r["source"] for r in rows)

        rows_cap = rows_per_commit or 0
        tables = [(f"{type_}-{a}-{b}", stage.edge_files(key, shared=False), type_, (a, b))
                  for key in edge_keys() for type_, a, b in [key]]
        # the token index's shards of every label together: each run of them is one batch of the index
        tables.append((TOKEN_EDGE, [f for label in INDEXED for f in stage.token_files(label, shared=False)], TOKEN_EDGE,
                       ("", TOKEN_PART_LABEL)))
        if not parts_per_commit and not rows_cap:
            with self._transaction():  # one transaction, as asked
                if replaced:
                    self._named_by(replaced, touched_nodes, touched_edges)
                    self._remove(replaced)
                shared_nodes()
                copy_owned(groups[0])
                shared_edges()
            return touched_nodes, touched_edges
        # Grouped: the node tables a group of parts at a time, then each relationship table (the token index's
        # too) from all its shards, cut where a transaction would exceed rows_cap rows. A commit costs in
        # proportion to the relationship tables it touches, each time (measured: README, "Bigger than one
        # machine"), so each relationship table is committed as few times as memory allows, not once per group.
        with self._transaction():
            if replaced:
                self._named_by(replaced, touched_nodes, touched_edges)
                self._remove(replaced)
            shared_nodes()
        for group in groups:
            self._reopen_if_grown()
            with self._transaction():
                for label in NODE_LABELS:
                    files = owned(stage.node_files(label, shared=False), group)
                    if files:
                        self._run(f"COPY {label} FROM {_file_list(files)}")
        for _, files, type_, (a, b) in tables:
            for chunk in _chunks(files, rows_cap):
                self._reopen_if_grown()
                with self._transaction():
                    if type_ == TOKEN_EDGE:  # a shard's label is its folder's name (Stage.token_files)
                        self._copy_token_pairs({label: [f for f in chunk if f.parent.name == label]
                                                for label in INDEXED})
                        continue
                    options = f" (from='{a}', to='{b}')" if len(EDGE_ENDPOINTS[type_]) > 1 else ""
                    self._run(f"COPY {type_} FROM {_file_list(chunk)}{options}")
        if self._deferred:  # no staged pairs: the shared nodes' alone
            with self._transaction():
                self._copy_token_pairs({})
        self._reopen_if_grown()
        with self._transaction():
            shared_edges()
        return touched_nodes, touched_edges

    def _named_by(self, docs: list[str], nodes: dict[str, set[str]], edges: set) -> None:
        """Add the shared nodes and relationships whose ``documents`` name one of ``docs``."""
        p = {"docs": docs}
        for label in SHARED_LABELS:
            nodes[label].update(r[0] for r in self._run(
                f"MATCH (n:{label}) WHERE list_has_any(n.documents, $docs) RETURN n.id", p))
        for type_, a, b in _shared_pairs():
            for s, t in self._run(f"MATCH (a:{a})-[r:{type_}]->(b:{b}) WHERE list_has_any(r.documents, $docs) "
                                  "RETURN a.id, b.id", p):
                edges.add((type_, s, t))
                nodes[a].add(s)

    def shared_rows(self, ids: dict[str, set[str]]) -> tuple[dict[str, list[dict]], dict[tuple, list[dict]]]:
        """The rows of the shared nodes ``ids`` (label -> ids) still here, and of every relationship without a
        ``document`` between shared nodes that leaves one of them: what the shared RDF graph says of them."""
        self.open()
        nodes: dict[str, list[dict]] = {}
        for label, wanted in ids.items():
            if not wanted:
                continue
            props = list(NODE_PROPERTIES[label])
            fields = ", ".join(f"n.{_q(p)}" for p in props)
            found = self._run(f"MATCH (n:{label}) WHERE n.id IN $ids RETURN {fields}", {"ids": sorted(wanted)})
            nodes[label] = [dict(zip(props, row)) for row in found]
        edges: dict[tuple, list[dict]] = {}
        props = list(EDGE_PROPERTIES)
        fields = ", ".join(f"r.{_q(p)}" for p in props)
        for type_, a, b in _shared_pairs():
            if not ids.get(a):
                continue
            found = self._run(f"MATCH (a:{a})-[r:{type_}]->(b:{b}) WHERE a.id IN $ids AND r.document IS NULL "
                              f"RETURN a.id, b.id, {fields}", {"ids": sorted(ids[a])})
            if found:
                edges[(type_, a, b)] = [{"source": row[0], "target": row[1], **dict(zip(props, row[2:]))}
                                        for row in found]
        return nodes, edges

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction: committed when the block ends, rolled back on any failure (then a StoreError,
        or the interruption itself)."""
        self._run("BEGIN TRANSACTION")
        self._tokens = None
        try:
            yield
            self._run("COMMIT")
        except BaseException as exc:
            self._rollback()
            self._tokens = None
            if isinstance(exc, (StoreError, KeyboardInterrupt, SystemExit)):
                raise
            raise StoreError(f"{self.path}: load failed, nothing changed: {exc}") from exc

    def _rollback(self) -> None:
        try:
            self._run("ROLLBACK")
        except RuntimeError:  # a failed statement already rolled the transaction back
            pass

    def _remove(self, docs: list[str]) -> None:
        """Delete what ``docs`` contributed: their own nodes (with their relationships), and their
        names in the ``documents`` lists of shared nodes and relationships, deleting those left with none."""
        p = {"docs": docs}
        for label in DOCUMENT_LABELS:
            key = "id" if label == "Document" else "document"
            self._run(f"MATCH (n:{label}) WHERE n.{key} IN $docs DETACH DELETE n", p)
        for type_, a, b in _shared_pairs():
            pattern = f"(a:{a})-[r:{type_}]->(b:{b})"
            self._run(f"MATCH {pattern} WHERE r.document IN $docs DELETE r", p)
            self._run(f"WITH $docs AS docs MATCH {pattern} WHERE list_has_any(r.documents, docs) "
                      "SET r.documents = list_filter(r.documents, x -> NOT list_contains(docs, x))", p)
            self._run(f"MATCH {pattern} WHERE r.document IS NULL AND size(r.documents) = 0 DELETE r")
        for label in SHARED_LABELS:
            self._run(f"WITH $docs AS docs MATCH (n:{label}) WHERE list_has_any(n.documents, docs) "
                      "SET n.documents = list_filter(n.documents, x -> NOT list_contains(docs, x))", p)
            self._run(f"MATCH (n:{label}) WHERE size(n.documents) = 0 DETACH DELETE n")
        self._run(f"MATCH (p:{TOKEN_PART_LABEL}) WHERE p.token IS NOT NULL "
                  f"AND NOT EXISTS {{ MATCH (p)<-[:{TOKEN_EDGE}]-() }} DETACH DELETE p")
        self._run(f"MATCH (k:{TOKEN_LABEL}) WHERE NOT EXISTS {{ MATCH (k)-[:{TOKEN_PART_EDGE}]->() }} DELETE k")
        self._tokens = None

    # -- the token index -------------------------------------------------------------------
    # A node's HAS_TOKEN points at its token's TokenPart of the batch that wrote the node (a load's staged pairs, or
    # a chunk of them, or the nodes of one label written by the batched path), which the token's Token (id: the
    # token) reaches by HAS_PART. Ladybug's checkpoint rewrites every adjacency list of a node group (2^17 nodes of
    # one table) in which a relationship was added, so the token lists of a batch are kept out of node groups
    # holding many pairs already: its TokenParts start a new node group (the rest of the current one filled with
    # TokenParts holding nothing, ``token`` NULL) when the current one holds more pairs than the batch adds and
    # more than TOKEN_PAD_PAIRS. Before, every load lengthened the lists of the same 3,018 Tokens, one node group
    # holding all 20 million pairs at 10,000 plans, which every append rewrote (README, "Where the append's
    # growth comes from").
    def _add_tokens(self, wanted) -> None:
        """Create a Token node for each token of ``wanted`` not here yet."""
        import pyarrow as pa

        if self._tokens is None:
            found = self._conn.execute(f"MATCH (k:{TOKEN_LABEL}) RETURN k.id").get_as_arrow()
            self._tokens = set(found.column(0).to_pylist())
        new = sorted(set(wanted) - self._tokens)
        if new:
            self._conn.execute(f"COPY {TOKEN_LABEL} FROM $rows", {"rows": pa.table({"id": pa.array(new, pa.string())})})
            self._tokens.update(new)

    def _index(self, pairs: dict) -> None:
        """Write (node id, token) pairs as one batch of the token index: a TokenPart per distinct token (its Token made
        if new), HAS_PART, and HAS_TOKEN from each node to the TokenPart of its token. ``pairs``: label -> a list of
        Arrow tables (columns ``from``, ``to``) or of token shards (Parquet files, read one at a time)."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        def read(item, columns):
            if isinstance(item, (str, os.PathLike)):
                return pq.read_table(item, columns=columns)
            return item.select(columns)

        pairs = {label: items for label, items in pairs.items() if items}
        found = [c for items in pairs.values() for item in items for c in read(item, ["to"]).column(0).chunks]
        if not found:
            return
        counted = pc.value_counts(pa.chunked_array(found, pa.string()))
        del found
        order = pc.sort_indices(counted.field("values"))
        tokens = pc.take(counted.field("values"), order)
        holders = pc.take(counted.field("counts"), order).cast(pa.int64())
        if not len(tokens):
            return
        self._add_tokens(tokens.to_pylist())
        (last_id, last_offset), = self._run(f"MATCH (p:{TOKEN_PART_LABEL}) RETURN max(p.id), max(offset(id(p)))")
        first = 0 if last_id is None else last_id + 1
        used = 0 if last_offset is None else last_offset + 1
        pad = -used % TOKEN_NODE_GROUP
        if pad:
            (held,), = self._run(f"MATCH (p:{TOKEN_PART_LABEL}) WHERE offset(id(p)) >= $start RETURN sum(p.holders)",
                                 {"start": used - used % TOKEN_NODE_GROUP})
            if (held or 0) > max(pc.sum(holders).as_py(), TOKEN_PAD_PAIRS):
                self._conn.execute(f"COPY {TOKEN_PART_LABEL} FROM $rows", {"rows": pa.table(
                    {"id": pa.array(range(first, first + pad), pa.int64()), "token": pa.nulls(pad, pa.string()),
                     "holders": pa.array([0] * pad, pa.int64())})})
                first += pad
        ids = pa.array(range(first, first + len(tokens)), pa.int64())
        self._conn.execute(f"COPY {TOKEN_PART_LABEL} FROM $rows", {"rows": pa.table(
            {"id": ids, "token": tokens, "holders": holders})})
        self._conn.execute(f"COPY {TOKEN_PART_EDGE} FROM $rows", {"rows": pa.table({"from": tokens, "to": ids})})
        for label, items in pairs.items():  # one COPY a label (a batch holds at most rows_per_commit pairs)
            table = pa.concat_tables([read(item, ["from", "to"]) for item in items])
            to = pc.add(pc.index_in(table.column("to"), value_set=tokens).cast(pa.int64()), first)
            self._conn.execute(f"COPY {TOKEN_EDGE} FROM $rows (from='{label}', to='{TOKEN_PART_LABEL}')",
                               {"rows": pa.table({"from": table.column("from"), "to": to})})

    def _write_tokens(self, label: str, rows: list[dict]) -> None:
        """The token index of nodes ``rows`` of ``label`` just written (none unless text_index indexes it)."""
        import pyarrow as pa

        ids, found = token_pairs(label, rows)
        if ids:
            table = pa.table({"from": pa.array(ids, pa.string()), "to": pa.array(found, pa.string())})
            if self._deferred is not None:  # a bulk load: written with its staged pairs, one batch
                self._deferred.setdefault(label, []).append(table)
            else:
                self._index({label: [table]})

    def _copy_token_pairs(self, files: dict[str, list]) -> None:
        """The token shards ``files`` (label -> files), and the pairs deferred until then, as one batch of the token
        index."""
        deferred, self._deferred = self._deferred or {}, ({} if self._deferred is not None else None)
        self._index({label: [*files.get(label, []), *deferred.get(label, [])] for label in {*files, *deferred}})

    def _copy_staged_tokens(self, stage, parts: set[str]) -> None:
        """The token index of the staged owned nodes of ``parts``: the token shards of the staging folder (written
        beside the node shards, :meth:`~dutygraph.graph.staging.Stage.token_files`), one batch."""
        self._copy_token_pairs({label: [f for f in stage.token_files(label, shared=False) if f.stem in parts]
                                for label in INDEXED})

    @staticmethod
    def _arrow(columns: dict[str, tuple[str, str]], rows: list[dict]):
        """An Arrow table: column name -> (row key, schema type)."""
        import pyarrow as pa

        return pa.table({name: pa.array([r[key] for r in rows], _arrow_type(kind))
                         for name, (key, kind) in columns.items()})

    def _copy(self, table: str, columns: dict[str, tuple[str, str]], rows: list[dict],
              pair: tuple[str, str] | None = None) -> None:
        if rows:
            options = f" (from='{pair[0]}', to='{pair[1]}')" if pair else ""
            self._conn.execute(f"COPY {table} FROM $rows{options}", {"rows": self._arrow(columns, rows)})

    def _merge(self, match: str, var: str, props: dict[str, str], keys: dict[str, tuple[str, str]],
               rows: list[dict]) -> None:
        """Merge ``rows`` into existing nodes or relationships (``LOAD FROM`` an Arrow table, columns ``r_*``):
        union lists are united, of two values of another property the preferred one is kept (strings:
        shortest, then first by code point; see :func:`~dutygraph.graph.schema.preferred`)."""
        sets = []
        for p, kind in props.items():
            if p == "id":
                continue
            old, new = f"{var}.{_q(p)}", f"r_{p}"
            if p in UNION_PROPERTIES:
                empty = f"CAST([] AS {_DDL_TYPES[kind]})"
                sets.append(f"{old} = CASE WHEN {old} IS NULL AND {new} IS NULL THEN NULL ELSE list_sort(list_distinct("
                            f"list_concat(coalesce({old}, {empty}), coalesce({new}, {empty})))) END")
            else:
                first = (f"size({new}) < size({old}) OR (size({new}) = size({old}) AND {new} < {old})"
                         if kind == "STRING" else f"{new} < {old}")
                sets.append(f"{old} = CASE WHEN {old} IS NULL OR {first} THEN {new} ELSE {old} END")
        columns = {f"r_{name}": spec for name, spec in {**keys, **{p: (p, k) for p, k in props.items()}}.items()}
        self._conn.execute(f"LOAD FROM $rows {match} SET {', '.join(sets)}", {"rows": self._arrow(columns, rows)})

    def _write_nodes(self, rows_by_label: dict[str, list[dict]]) -> None:
        for label, rows in rows_by_label.items():
            props = NODE_PROPERTIES[label]
            if label in SHARED_LABELS:  # may exist already, named by another document
                ids = [r["id"] for r in rows]
                existing = {r[0] for r in self._run(f"MATCH (n:{label}) WHERE n.id IN $ids RETURN n.id", {"ids": ids})}
                old = [r for r in rows if r["id"] in existing]
                if old:
                    self._merge(f"MATCH (n:{label} {{id: r_id}})", "n", props, {}, old)
                rows = [r for r in rows if r["id"] not in existing]
            self._copy(label, {p: (p, kind) for p, kind in props.items()}, rows)
            self._write_tokens(label, rows)

    def _write_edges(self, rows_by_key: dict[tuple[str, str, str], list[dict]]) -> None:
        ends = {"source": ("source", "STRING"), "target": ("target", "STRING")}
        columns = {"from": ends["source"], "to": ends["target"], **{p: (p, k) for p, k in EDGE_PROPERTIES.items()}}
        for (type_, a, b), rows in rows_by_key.items():
            if a in SHARED_LABELS and b in SHARED_LABELS:  # may exist already, from another document
                found = self._run(f"MATCH (a:{a})-[e:{type_}]->(b:{b}) WHERE a.id IN $ids RETURN a.id, b.id",
                                  {"ids": sorted({r["source"] for r in rows})})
                existing = {(s, t) for s, t in found}
                old = [r for r in rows if (r["source"], r["target"]) in existing]
                if old:
                    match = (f"MATCH (a:{a} {{id: r_source}}) MATCH (b:{b} {{id: r_target}}) "
                             f"MATCH (a)-[e:{type_}]->(b)")
                    self._merge(match, "e", EDGE_PROPERTIES, ends, old)
                rows = [r for r in rows if (r["source"], r["target"]) not in existing]
            multi = len(EDGE_ENDPOINTS[type_]) > 1
            self._copy(type_, columns, rows, (a, b) if multi else None)
