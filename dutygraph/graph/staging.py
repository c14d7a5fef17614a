"""The staging folder of a bulk load: rows as Parquet shards per label and relationship, RDF as N-Triples parts.

Every bulk sink reads the same staged rows: ladybug copies the Parquet shards
(``COPY … FROM [files]``), the Neo4j import turns them into CSV for
``neo4j-admin database import`` (:mod:`dutygraph.graph.neo4j_import`), and
pyoxigraph bulk-loads the N-Triples parts rendered from the same rows. Layout::

    stage/nodes/{Label}/{part}.parquet              a column per schema property, in schema order
    stage/edges/{TYPE}-{From}-{To}/{part}.parquet   ``from``, ``to``, then every relationship property
    stage/tokens/{Label}/{part}.parquet             ``from`` (node id), ``to`` (token): ladybug's token index
    stage/nquads/{part}.nt.zst                      the documents' triples, N-Triples (zstd; RDF shape 4)

A part is what one batch of documents contributes of their own (nodes of
:data:`~dutygraph.graph.schema.DOCUMENT_LABELS`, relationships with a
``document``); the part named :data:`SHARED` holds the shared nodes and
relationships of all of them, merged (:class:`~dutygraph.graph.stream.SharedIndex`).
The token shards hold the (node, token) pairs of a part's own nodes that topic search
indexes (:func:`~dutygraph.graph.text_index.token_pairs`), made where the part is made
(in the worker processes); ladybug copies them as they are. Shared nodes (projects) get
their tokens when ladybug writes them, the first time one is loaded.
Columns come from :mod:`dutygraph.graph.schema`, so a new label, relationship type
or property flows through without a change here.

>>> import tempfile
>>> stage = Stage(tempfile.mkdtemp())
>>> stage.write_part("p00000", {"Unit": [{"id": "unit/a", "name": "A"}]}, {}, b"")
>>> [f.name for f in stage.node_files("Unit")], stage.read_nodes("Unit")[0]["name"]
(['p00000.parquet'], 'A')
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .schema import EDGE_ENDPOINTS, EDGE_PROPERTIES, EDGE_TYPES, NODE_LABELS, NODE_PROPERTIES
from .tables import arrow_schema
from .text_index import token_pairs

SHARED = "shared"
NQUADS_SUFFIX = ".nt.zst"  # N-Triples: the embedded store keeps every triple in its default graph
EdgeKey = tuple[str, str, str]  # (type, source label, target label)


def edge_columns() -> dict[str, str]:
    """The columns of a relationship shard: its ends, then every relationship property."""
    return {"from": "STRING", "to": "STRING", **EDGE_PROPERTIES}


def edge_keys() -> list[EdgeKey]:
    """Every (type, source label, target label) of the schema, in schema order."""
    return [(t, a, b) for t in EDGE_TYPES for a, b in EDGE_ENDPOINTS[t]]


def columns_table(rows: list[dict], schema, keys: dict[str, str] | None = None):
    """An Arrow table of ``schema`` from row dicts, built a column at a time (a column's value in a row is
    ``row.get(keys.get(column, column))``: None where the row has none).

    >>> from .tables import arrow_schema
    >>> columns_table([{"source": "a", "line_first": 3}, {"source": "b"}],
    ...               arrow_schema({"from": "STRING", "line_first": "INT"}), {"from": "source"}).to_pylist()
    [{'from': 'a', 'line_first': 3}, {'from': 'b', 'line_first': None}]
    """
    import pyarrow as pa

    keys = keys or {}
    arrays = []
    for f in schema:
        key = keys.get(f.name, f.name)
        arrays.append(pa.array([r.get(key) for r in rows], f.type))
    return pa.Table.from_arrays(arrays, schema=schema)


class Stage:
    """A staging folder (see the module's docstring); parts are written once, never appended to."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    # -- writing ---------------------------------------------------------------------------
    def write_part(self, part: str, nodes: dict[str, list[dict]], edges: dict[EdgeKey, list[dict]],
                   nquads: bytes | Iterable[bytes] = b"") -> None:
        """Write one part: node rows per label, relationship rows (``source``, ``target``, properties) per
        (type, from, to), and N-Triples text (bytes, or an iterable of byte chunks)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        for label, rows in nodes.items():
            if rows:
                folder = self.root / "nodes" / label
                folder.mkdir(parents=True, exist_ok=True)
                pq.write_table(columns_table(rows, arrow_schema(NODE_PROPERTIES[label])), folder / f"{part}.parquet")
        schema = arrow_schema(edge_columns())
        for (type_, a, b), rows in edges.items():
            if rows:
                folder = self.root / "edges" / f"{type_}-{a}-{b}"
                folder.mkdir(parents=True, exist_ok=True)
                pq.write_table(columns_table(rows, schema, {"from": "source", "to": "target"}),
                               folder / f"{part}.parquet")
        if part != SHARED:
            self._write_tokens(part, nodes)
        chunks = [nquads] if isinstance(nquads, (bytes, bytearray)) else nquads
        stream = None
        try:
            for chunk in chunks:
                if chunk:
                    if stream is None:
                        (self.root / "nquads").mkdir(parents=True, exist_ok=True)
                        stream = pa.CompressedOutputStream(str(self.root / "nquads" / f"{part}{NQUADS_SUFFIX}"),
                                                           "zstd")
                    stream.write(chunk)
        finally:
            if stream is not None:
                stream.close()

    def _write_tokens(self, part: str, nodes: dict[str, list[dict]]) -> None:
        """The (node id, token) pairs of a part's own nodes, a shard per label that has any."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        for label, rows in nodes.items():
            ids, found = token_pairs(label, rows)
            if ids:
                folder = self.root / "tokens" / label
                folder.mkdir(parents=True, exist_ok=True)
                pq.write_table(pa.table({"from": pa.array(ids, pa.string()), "to": pa.array(found, pa.string())}),
                               folder / f"{part}.parquet")

    # -- reading ---------------------------------------------------------------------------
    def token_files(self, label: str, shared: bool | None = None) -> list[Path]:
        """The token shards of a label, by part name (see :meth:`node_files`)."""
        return self._files(self.root / "tokens" / label, shared)

    def node_files(self, label: str, shared: bool | None = None) -> list[Path]:
        """The Parquet shards of a label, by part name (only the shared part, only the others, or all)."""
        return self._files(self.root / "nodes" / label, shared)

    def edge_files(self, key: EdgeKey, shared: bool | None = None) -> list[Path]:
        type_, a, b = key
        return self._files(self.root / "edges" / f"{type_}-{a}-{b}", shared)

    @staticmethod
    def _files(folder: Path, shared: bool | None) -> list[Path]:
        if not folder.is_dir():
            return []
        files = sorted(folder.glob("*.parquet"))
        if shared is None:
            return files
        return [f for f in files if (f.stem == SHARED) == shared]

    def nquads_part(self, part: str) -> Path | None:
        """The N-Triples file of one part, or None if it has none."""
        path = self.root / "nquads" / f"{part}{NQUADS_SUFFIX}"
        return path if path.is_file() else None

    def nquads_parts(self) -> list[Path]:
        folder = self.root / "nquads"
        return sorted(folder.glob(f"*{NQUADS_SUFFIX}")) if folder.is_dir() else []

    def read_nodes(self, label: str, shared: bool | None = None) -> list[dict]:
        """Rows of a label (every schema property)."""
        return _read(self.node_files(label, shared))

    def read_edges(self, key: EdgeKey, shared: bool | None = None) -> list[dict]:
        """Rows of a relationship (type, from, to): ``source``, ``target`` and every property."""
        rows = _read(self.edge_files(key, shared))
        for r in rows:
            r["source"], r["target"] = r.pop("from"), r.pop("to")
        return rows

    def labels(self) -> list[str]:
        return [label for label in NODE_LABELS if self.node_files(label)]

    def keys(self) -> list[EdgeKey]:
        return [key for key in edge_keys() if self.edge_files(key)]

    def nquads_stream(self, parts: list[Path] | None = None):
        """The N-Triples of ``parts`` (default: every part), decompressed, as one binary stream."""
        from .rdf import ChunkReader

        return ChunkReader(_chunks(self.nquads_parts() if parts is None else parts))


def _read(files: list[Path]) -> list[dict]:
    import pyarrow.parquet as pq

    rows: list[dict] = []
    for f in files:
        rows.extend(pq.read_table(f).to_pylist())
    return rows


def _chunks(parts: list[Path], size: int = 1 << 20):
    import pyarrow as pa

    for part in parts:
        with pa.input_stream(str(part), compression="zstd") as stream:
            while True:
                chunk = stream.read(size)
                if not chunk:
                    break
                yield chunk
