"""Documents to staged rows, one document at a time: the load path that never holds the whole graph.

Each document is read, resolved and built alone (:class:`~dutygraph.graph.build.GraphBuilder`
on a graph of its own), and split into what it owns — its Document, KeyWork,
Program, Task and Target nodes and every relationship with a ``document`` —
and what it shares with other documents: units, places, projects, change
events and the gazetteer facts between them. What it owns goes straight to the
staging folder (:class:`~dutygraph.graph.staging.Stage`), in parts of a few
dozen documents, as rows and as the N-Triples of its triples; what it shares
is merged into a :class:`SharedIndex`, by the rules ``build`` merges by (lists
united, of two values of another property the :func:`~dutygraph.graph.schema.preferred`
one), and staged once at the end. Memory is that index and one part, whatever
the number of documents. The staged rows are those of ``build(all documents)``
(``tests/graph/test_stream.py`` compares them).

Files are read and built in worker processes (:func:`stage_files`), each writing
its own parts; only the shared rows, the document ids and the reading summary
come back.

>>> import tempfile
>>> from dutygraph.model import Document, Task, Provenance, Assignment, Role
>>> p = Provenance("a.txt", 5, 5)
>>> doc = Document("a.txt", "湘潭市某计划", issuers=["湘潭市人民政府"],
...                tasks=[Task("A1-1", "做事。", p, annex=1, row=1, assignments=[Assignment("市财政局", Role.LEAD, p)])])
>>> stage = Stage(tempfile.mkdtemp())
>>> result = stage_documents([doc], stage)
>>> result.documents, [r["id"] for r in stage.read_nodes("Unit")]
({'doc/a': None}, ['unit/湘潭市财政局'])
"""

from __future__ import annotations

import gc
import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from bisect import bisect_left

from .schema import DOCUMENT_LABELS, EDGE_PROPERTIES, NODE_PROPERTIES, UNION_PROPERTIES, preferred
from .staging import SHARED, EdgeKey, Stage

PART_SIZE = 32  # documents per staged part (and per task of a worker process)


def _first(row: dict) -> dict:
    """A copy of a row met for the first time, its lists (``documents``, ``aliases``) sorted and distinct."""
    new = dict(row)
    for k in UNION_PROPERTIES:
        if new.get(k) is not None:
            new[k] = sorted(set(new[k]))
    return new


def _absorb(old: dict, new: dict) -> None:
    """Merge ``new`` into ``old`` as :func:`~dutygraph.graph.tables._merge` does (lists united and sorted, of two
    other values the :func:`~dutygraph.graph.schema.preferred` one), a few new list items put in place in
    ``old``'s sorted list: a unit named by thousands of documents is not sorted again for every part."""
    for k, value in new.items():
        if k in UNION_PROPERTIES:
            have = old.get(k)
            if value is None:
                continue
            if have is None:
                old[k] = sorted(set(value))
            elif len(value) > 16:
                old[k] = sorted(set(have) | set(value))
            else:
                for item in value:
                    i = bisect_left(have, item)
                    if i == len(have) or have[i] != item:
                        have.insert(i, item)
        else:
            old[k] = preferred(old.get(k), value)


class SharedIndex:
    """Shared nodes and relationships by id, merged as ``build`` merges them: the only state kept across
    documents while streaming.

    >>> index = SharedIndex()
    >>> index.add_nodes({"Unit": [{"id": "unit/a", "short_name": "市发展和改革委员会", "documents": ["doc/b"]}]})
    >>> index.add_nodes({"Unit": [{"id": "unit/a", "short_name": "市发改委", "documents": ["doc/a"]}]})
    >>> index.nodes["Unit"]["unit/a"]
    {'id': 'unit/a', 'short_name': '市发改委', 'documents': ['doc/a', 'doc/b']}
    """

    def __init__(self):
        self.nodes: dict[str, dict[str, dict]] = {}
        self.edges: dict[EdgeKey, dict[tuple[str, str], dict]] = {}

    def add_nodes(self, rows_by_label: dict[str, list[dict]] | dict[str, dict[str, dict]]) -> None:
        for label, rows in rows_by_label.items():
            have = self.nodes.setdefault(label, {})
            for row in (rows.values() if isinstance(rows, dict) else rows):
                old = have.get(row["id"])
                if old is None:
                    have[row["id"]] = _first(row)
                else:
                    _absorb(old, row)

    def add_edges(self, rows_by_key) -> None:
        for key, rows in rows_by_key.items():
            have = self.edges.setdefault(key, {})
            for row in (rows.values() if isinstance(rows, dict) else rows):
                ends = (row["source"], row["target"])
                old = have.get(ends)
                if old is None:
                    have[ends] = _first(row)
                else:
                    _absorb(old, row)

    def merge(self, other: "SharedIndex") -> None:
        self.add_nodes(other.nodes)
        self.add_edges(other.edges)

    def node_rows(self) -> dict[str, list[dict]]:
        return {label: [rows[i] for i in sorted(rows)] for label, rows in self.nodes.items()}

    def edge_rows(self) -> dict[EdgeKey, list[dict]]:
        return {key: [rows[e] for e in sorted(rows)] for key, rows in self.edges.items()}

    def __len__(self) -> int:
        return sum(map(len, self.nodes.values())) + sum(map(len, self.edges.values()))


@dataclass
class Split:
    """A graph's rows split into what its documents own and what they share, and its documents' triples."""

    own_nodes: dict[str, list[dict]]
    own_edges: dict[EdgeKey, list[dict]]
    shared_nodes: dict[str, list[dict]]
    shared_edges: dict[EdgeKey, list[dict]]
    nquads: list[bytes]
    documents: dict[str, str | None]
    relationships: int


def split(graph, nquads: bool = True) -> Split:
    """The rows of ``graph`` (one document's, or a whole ``build``) split into owned and shared, with
    the triples of each document as N-Triples (the shared ones are rendered from merged rows later;
    none if ``nquads`` is false: a sink without RDF, such as the Neo4j import, saves a third of the time).
    The triples are the embedded store's: for its default graph (no graph name: RDF shape 4) and
    without the token index (``dg:textToken``), which ladybug holds beside them (RDF shape 3)."""
    from .ntriples import document_ntriples

    own_nodes, shared_nodes, own_edges, shared_edges = _rows(graph)
    nquads = document_ntriples(graph) if nquads else []
    documents = {r["id"]: r.get("sha256") for r in own_nodes.get("Document", ())}
    return Split(own_nodes, own_edges, shared_nodes, shared_edges, nquads, documents,
                 sum(map(len, own_edges.values())) + sum(map(len, shared_edges.values())))


def _rows(graph) -> tuple[dict, dict, dict, dict]:
    """A graph's rows by label and by (type, from, to), owned and shared (:func:`split`), in the order of
    :func:`~dutygraph.graph.rows.node_rows` and :func:`~dutygraph.graph.rows.edge_rows`. A shared row holds
    every schema property (None where absent: the index merges them); an owned row is the graph's own
    attribute dict (``label`` or ``type`` besides, absent properties left out), with ``source`` and ``target``
    for a relationship: every sink reads a row with ``get``, so none is copied value by value."""
    own_nodes: dict[str, list[dict]] = {}
    shared_nodes: dict[str, list[dict]] = {}
    labels = {}
    attributes = graph._node  # networkx's own dicts, read without its views (a few µs a node or edge)
    for n in sorted(attributes):
        data = attributes[n]
        label = labels[n] = data["label"]
        if label in DOCUMENT_LABELS:
            own_nodes.setdefault(label, []).append(data)
        else:
            shared_nodes.setdefault(label, []).append({p: data.get(p) for p in NODE_PROPERTIES[label]})
    own_edges: dict[EdgeKey, list[dict]] = {}
    shared_edges: dict[EdgeKey, list[dict]] = {}
    edges = [(k, u, v, data) for u, targets in graph._adj.items() for v, keyed in targets.items()
             for k, data in keyed.items()]
    edges.sort(key=lambda e: (e[0], e[1], e[2]))
    for _, u, v, data in edges:
        key = (data["type"], labels[u], labels[v])
        if data.get("document") is not None:
            row = dict(data)
            row["source"], row["target"] = u, v
            own_edges.setdefault(key, []).append(row)
        else:
            shared_edges.setdefault(key, []).append({"source": u, "target": v,
                                                     **{p: data.get(p) for p in EDGE_PROPERTIES}})
    return own_nodes, shared_nodes, own_edges, shared_edges


@dataclass
class StageResult:
    """What was staged: documents (id -> content hash), failures, coverage, counts."""

    documents: dict[str, str | None] = field(default_factory=dict)
    failures: list = field(default_factory=list)
    coverage: list = field(default_factory=list)
    files: int = 0
    tasks: int = 0
    assignments: int = 0
    relationships: int = 0  # owned relationships; shared ones are counted in the index
    quads: int = 0  # of the documents' triples (the staged N-Triples)
    index: SharedIndex = field(default_factory=SharedIndex)

    def add(self, other: "StageResult") -> None:
        self.documents.update(other.documents)
        self.failures += other.failures
        self.coverage += other.coverage
        self.files += other.files
        self.tasks += other.tasks
        self.assignments += other.assignments
        self.relationships += other.relationships
        self.quads += other.quads
        self.index.merge(other.index)

    @property
    def total_relationships(self) -> int:
        return self.relationships + sum(map(len, self.index.edges.values()))


def _stage_part(stage: Stage, part: str, items: Sequence[tuple[object, str]],
                min_coverage: float | None = None) -> StageResult:
    """Read (paths) or take (Documents) each item, build it alone with its key, and write its owned rows
    and triples as one part; the shared rows come back in the result's index."""
    from ..loaders.corpus import DocumentCoverage, Failure, _load_one
    from ..model import Document
    from .build import GraphBuilder

    result = StageResult(files=len(items))
    own_nodes: dict[str, list[dict]] = {}
    own_edges: dict[EdgeKey, list[dict]] = {}
    nquads: list[bytes] = []
    for item, key in items:
        doc = item if isinstance(item, Document) else _load_one(Path(item))
        if isinstance(doc, Failure):
            result.failures.append(doc)
            continue
        covered = DocumentCoverage.of(doc)
        result.coverage.append(covered)
        if min_coverage is not None and covered.ratio < min_coverage:
            result.failures.append(Failure(covered.source, f"coverage {covered.ratio:.2f} is under --min-coverage "
                                           f"{min_coverage:g}: {covered.text()}", covered.first_missed))
            continue
        builder = GraphBuilder()
        builder.add(doc, key)
        rows = split(builder.graph, nquads=getattr(stage, "nquads", True))
        for label, r in rows.own_nodes.items():
            own_nodes.setdefault(label, []).extend(r)
        for k, r in rows.own_edges.items():
            own_edges.setdefault(k, []).extend(r)
        nquads += rows.nquads
        result.index.add_nodes(rows.shared_nodes)
        result.index.add_edges(rows.shared_edges)
        result.documents.update(rows.documents)
        result.tasks += len(doc.tasks)
        result.assignments += sum(len(t.assignments) for t in doc.tasks)
        result.relationships += sum(map(len, rows.own_edges.values()))
    result.quads = sum(chunk.count(b"\n") for chunk in nquads)
    stage.write_part(part, own_nodes, own_edges, nquads)
    return result


_FROZEN = False  # this worker process has frozen what its first part left alive (gc.freeze)


def _stage_part_in_worker(stage, part: str, items, min_coverage):
    """:func:`_stage_part` in a worker: ``stage`` is any sink with ``write_part`` (pickled; a
    :class:`~dutygraph.graph.staging.Stage` by default) and ``nquads`` (False: no RDF rendered).

    After its first part a worker holds the tables every plan reads (the division table, the
    gazetteer, the lexicons: about 170,000 objects the cyclic garbage collector tracks); they
    are frozen then (``gc.freeze``), so that the full collections of the parts after it do not
    walk them again (measured on 200 generated plans in one process: 6 full collections took
    0.55 CPU s, 0.07 with the tables frozen; README, "The append, round nine")."""
    global _FROZEN
    done = _stage_part(stage, part, items, min_coverage)
    if not _FROZEN:
        gc.collect()
        gc.freeze()
        _FROZEN = True
    return done


def _finish(stage: Stage, result: StageResult) -> StageResult:
    stage.write_part(SHARED, result.index.node_rows(), result.index.edge_rows())
    return result


OnPart = Callable[[str, StageResult], None]  # called with each part's name and result once it is written


def stage_documents(documents: Iterable, stage: Stage, part_size: int = PART_SIZE,
                    on_part: OnPart | None = None) -> StageResult:
    """Stage documents already read (in this process), keyed as ``build`` keys them."""
    from .build import document_keys

    documents = list(documents)
    items, seen = [], set()
    for doc, key in zip(documents, document_keys(documents)):
        if key not in seen:  # the same document given twice is one document
            seen.add(key)
            items.append((doc, key))
    result = StageResult()
    for k in range(0, len(items), part_size):
        part = f"p{k // part_size:06d}"
        done = _stage_part(stage, part, items[k:k + part_size])
        if on_part:
            on_part(part, done)
        result.add(done)
    return _finish(stage, result)


def stage_graph(graph, stage: Stage, on_part: OnPart | None = None) -> StageResult:
    """Stage a graph ``build`` made (one part, its shared rows as they are)."""
    rows = split(graph)
    stage.write_part("p000000", rows.own_nodes, rows.own_edges, rows.nquads)
    result = StageResult(documents=rows.documents, relationships=sum(map(len, rows.own_edges.values())),
                         quads=sum(chunk.count(b"\n") for chunk in rows.nquads))
    if on_part:
        on_part("p000000", result)
    result.index.add_nodes(rows.shared_nodes)
    result.index.add_edges(rows.shared_edges)
    return _finish(stage, result)


def file_keys(files: Sequence[str | Path]) -> list[tuple[str, str]]:
    """Each distinct file (as given) with the key ``build`` gives its document among all of them."""
    from ..model import Document
    from .build import document_keys

    seen: dict[str, str] = {}
    for f in files:
        seen.setdefault(os.path.normpath(os.path.abspath(f)), str(f))
    given = list(seen.values())
    return list(zip(given, document_keys([Document(f, "") for f in given])))


def stage_files(files: Sequence[str | Path], stage: Stage, processes: int | None = None, *,
                part_size: int = PART_SIZE, progress: Callable[[int], None] | None = None,
                min_coverage: float | None = None, on_part: OnPart | None = None) -> StageResult:
    """Read, build and stage ``files`` in ``processes`` worker processes (None: one per core; 1: here).

    Parts are written by the workers; at most two parts per worker are in flight, so
    memory stays bounded. ``progress(n)`` is called as each part of ``n`` files is done,
    ``on_part(name, result)`` as each part is written (in the order they end; the shared
    part, written last, is not announced).
    """
    items = file_keys(files)
    parts = [(f"p{k // part_size:06d}", items[k:k + part_size]) for k in range(0, len(items), part_size)]
    processes = max(1, min(processes or os.cpu_count() or 1, len(parts) or 1))
    result = StageResult()
    if processes == 1:
        for part, chunk in parts:
            done = _stage_part(stage, part, chunk, min_coverage)
            if on_part:
                on_part(part, done)
            result.add(done)
            if progress:
                progress(len(chunk))
        return _finish(stage, result)
    todo = iter(parts)
    with ProcessPoolExecutor(max_workers=processes) as pool:
        running = {}

        def submit() -> None:
            for part, chunk in todo:
                running[pool.submit(_stage_part_in_worker, stage, part, chunk, min_coverage)] = part, chunk
                return

        for _ in range(2 * processes):
            submit()
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                part, chunk = running.pop(future)
                finished = future.result()
                if on_part:
                    on_part(part, finished)
                result.add(finished)
                if progress:
                    progress(len(chunk))
                submit()
    order = {str(Path(f)): k for k, (f, _) in enumerate(items)}  # parts end in any order: report in input order
    result.failures.sort(key=lambda f: order.get(f.file, len(order)))
    result.coverage.sort(key=lambda c: order.get(c.source, len(order)))
    return _finish(stage, result)
