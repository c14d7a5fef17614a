"""The default store: a folder (``./.dutygraph/``) answering Cypher (ladybug) and SPARQL (pyoxigraph).

Layout (see docs/store.md for the design, each crash point and what happens after it)::

    .dutygraph/store.json        the commit record: format, schema fingerprint, the current generation,
                                 and the number and digest of its documents (ids and content hashes)
    .dutygraph/write.lock        held (flock) by the one process loading into the store
    .dutygraph/g000007/          the current generation, never changed once committed:
        graph.lbug               ladybug database: the Neo4j schema, for Cypher
        oxigraph/                pyoxigraph store: every triple in its default graph (docs/store.md)
        reader.lock              held shared (flock) by every process reading this generation

A load builds the next generation aside (a copy of the current one: the ladybug
file copied, pyoxigraph's immutable SST files hard-linked), loads the documents
into both halves there, syncs it to disk and then commits it by replacing
``store.json`` with one rename. Whatever moment the process dies, readers see
either the old generation or the new one, both halves together; a failed load
(disk full, read-only file system, …) removes what it built and leaves the
store as it was. Old and unfinished generations are removed by the next load
(a generation a reader still holds is kept until then).

On open, both halves' documents and content hashes are checked against each
other and against the commit record; a store where they disagree is refused with
how to repair it, never served.

Loading documents replaces what they contributed before and adds the rest:
later loads add documents, loading a document again replaces it and changes
nothing else. The end state is ``build(all loaded documents)``.

>>> import tempfile
>>> from dutygraph.model import Document, Task, Provenance, Assignment, Role
>>> p = Provenance("a.txt", 5, 5)
>>> doc = Document("a.txt", "湘潭市某计划", issuers=["湘潭市人民政府"],
...                tasks=[Task("A1-1", "做事。", p, annex=1, row=1, assignments=[Assignment("市财政局", Role.LEAD, p)])])
>>> store = EmbeddedStore(tempfile.mkdtemp())
>>> store.load([doc])["edges"]["LEADS"]
1
>>> store.cypher("MATCH (u:Unit)-[:LEADS]->(t:Task) RETURN u.name AS unit, t.task_id AS task")
[{'unit': '湘潭市财政局', 'task': 'A1-1'}]
>>> store.sparql("SELECT ?name WHERE { ?t prov:qualifiedAssociation [ prov:hadRole dg:Lead ; "
...              "prov:agent/rdfs:label ?name ] }")
[{'name': '湘潭市财政局'}]
>>> store.close()
"""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from ..errors import DutygraphError, QueryError, StoreError
from . import generations as gen
from . import schema, vocab
from .ladybug_store import LadybugStore, load_buffer_pool, load_parts_per_commit, load_rows_per_commit
from .oxigraph_store import OxigraphStore, PartLoader

DEFAULT_PATH = Path(".dutygraph")
# 2: IN_DOCUMENT carries `document`, shared nodes keep schema.preferred values, namesakes get folder keys.
# 3: generations (g000001/…) committed by store.json.
FORMAT = 3
TRACE_ENV = "DUTYGRAPH_STORE_TRACE"  # a file the load appends its phases to (docs/store.md; for the kill test)


def fingerprint() -> str:
    """A short hash of the schema, the RDF mapping and the token index: a store written under another one must be
    rebuilt (one without ladybug's token index would find no topic)."""
    from .text_index import INDEXED

    text = json.dumps([schema.NODE_PROPERTIES, schema.EDGE_PROPERTIES, schema.EDGE_ENDPOINTS, vocab.CLASSES,
                       vocab.PROPERTIES, vocab.EDGES, vocab.TEXT_TOKEN, schema.TOKEN_LABEL, schema.TOKEN_EDGE,
                       schema.TOKEN_PART_LABEL, schema.TOKEN_PART_EDGE, INDEXED,
                       vocab.RDF_SHAPE],
                      sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def as_graph(documents_or_graph):
    """A networkx graph as is, or ``build`` of an iterable of documents."""
    if hasattr(documents_or_graph, "nodes") and hasattr(documents_or_graph, "edges"):
        return documents_or_graph
    from .build import build

    return build(documents_or_graph)


def digest(documents: dict[str, str | None]) -> str:
    """One hash of document ids and their content hashes (sha256 of the source file)."""
    text = "\n".join(f"{doc}\t{sha or ''}" for doc, sha in sorted(documents.items()))
    return hashlib.sha256(text.encode()).hexdigest()


def _trace_hook() -> Callable[[str], None] | None:
    target = os.environ.get(TRACE_ENV)
    if not target:
        return None

    def trace(phase: str) -> None:
        with open(target, "a", encoding="utf-8") as f:
            f.write(phase + "\n")

    return trace


class EmbeddedStore:
    """A store folder; ``load`` writes, ``cypher``/``sparql``/``counts``/``documents`` read.

    ``on_phase(name)`` is called as a load passes each phase (``lock``, ``copy``, ``stage``: reading and
    building the documents into the staging folder, ``ladybug``, ``oxigraph``, ``sync``, ``commit``,
    ``committed``, ``collect``, ``done``); by default it appends to the file named by ``$DUTYGRAPH_STORE_TRACE``, if set.
    """

    def __init__(self, path: str | Path = DEFAULT_PATH, on_phase: Callable[[str], None] | None = None):
        self.path = Path(path)
        self.on_phase = on_phase or _trace_hook()
        self._ladybug: LadybugStore | None = None
        self._oxigraph: OxigraphStore | None = None
        self._reader_lock: int | None = None
        self.last_bulk_load: dict = {}  # of the last load: pyoxigraph's documents' triples (seconds, loads, quads)

    @property
    def meta_path(self) -> Path:
        return self.path / "store.json"

    def _phase(self, name: str) -> None:
        if self.on_phase is not None:
            self.on_phase(name)

    # -- the commit record ---------------------------------------------------------------
    def _meta(self) -> dict | None:
        """The commit record, checked; None if there is none (no store, or one never committed)."""
        gen.check_folder(self.path)
        try:
            text = self.meta_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(f"{self.meta_path}: cannot read: {gen.reason(exc)}") from exc
        try:
            meta = json.loads(text)
        except ValueError as exc:
            raise StoreError(f"{self.meta_path}: damaged ({exc}); remove {self.path} and load the documents "
                             "again") from exc
        if not isinstance(meta, dict) or meta.get("format") != FORMAT or meta.get("schema") != fingerprint():
            raise StoreError(f"{self.path}: written by another version of dutygraph's store or schema; "
                             "remove the folder and load the documents again")
        if not isinstance(meta.get("generation"), int) or not isinstance(meta.get("digest"), str):
            raise StoreError(f"{self.meta_path}: damaged (no generation); remove {self.path} and load the "
                             "documents again")
        return meta

    def _verify(self, meta: dict, ladybug: LadybugStore, oxigraph: OxigraphStore) -> dict[str, str | None]:
        """Refuse a generation whose halves disagree with each other or with the commit record; its documents
        (id -> content hash)."""
        where = self.path / gen.name(meta["generation"])
        try:
            cypher = {d["id"]: d["sha256"] for d in ladybug.documents()}
            sparql = oxigraph.document_hashes()
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"{where}: damaged, cannot be read ({gen.reason(exc)}); remove {self.path} and load "
                             "the documents again") from exc
        if cypher != sparql or digest(cypher) != meta["digest"]:
            differ = sorted(set(cypher.items()) ^ set(sparql.items()))
            detail = f", first difference: {differ[0][0]}" if differ else ""
            raise StoreError(f"{where}: damaged: the Cypher half (ladybug) holds {len(cypher)} documents, the "
                             f"SPARQL half (pyoxigraph) {len(sparql)}, the commit record {meta.get('documents')}"
                             f"{detail}; remove {self.path} and load the documents again")
        return cypher

    def _check_complete(self, where: Path) -> None:
        """Refuse a committed generation with a half missing (removed by hand)."""
        for half in ("graph.lbug", "oxigraph/CURRENT"):
            if not (where / half).exists():
                raise StoreError(f"{where}: damaged: {half} is missing; remove {self.path} and load the documents "
                                 "again")

    # -- reading -------------------------------------------------------------------------
    def _stores(self, writing: bool = False) -> tuple[LadybugStore, OxigraphStore]:
        """Both halves of the current generation, opened read-only and checked against each other."""
        if writing:
            raise StoreError(f"{self.path}: the embedded store is written only by `load`")
        if self._ladybug is None:
            meta, lock = self._hold_current()
            where = self.path / gen.name(meta["generation"])
            ladybug = LadybugStore(where / "graph.lbug", read_only=True)
            oxigraph = OxigraphStore(where / "oxigraph", read_only=True)
            try:
                self._check_complete(where)
                self._verify(meta, ladybug.open(), oxigraph)
            except BaseException:
                ladybug.close()
                oxigraph.close()
                gen.unlock(lock)
                raise
            self._ladybug, self._oxigraph, self._reader_lock = ladybug, oxigraph, lock
        return self._ladybug, self._oxigraph

    def _hold_current(self) -> tuple[dict, int]:
        """The commit record and a shared lock on its generation (so no load removes it while read)."""
        for _ in range(50):
            meta = self._meta()
            if meta is None:
                raise StoreError(f"{self.path}: no dutygraph store here (run `dutygraph load FILE...` first)")
            lock = gen.lock_reader(self.path / gen.name(meta["generation"]))
            if lock is not None:
                return meta, lock
        raise StoreError(f"{self.path}: generation {meta['generation']} of the commit record is missing; "
                         f"remove {self.path} and load the documents again")

    def close(self) -> None:
        """Release both databases and the generation (a later load may then remove it)."""
        if self._ladybug is not None:
            self._ladybug.close()
        if self._oxigraph is not None:
            self._oxigraph.close()
        gen.unlock(self._reader_lock)
        self._ladybug = self._oxigraph = self._reader_lock = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- writing -------------------------------------------------------------------------
    def load(self, documents_or_graph) -> dict[str, dict[str, int]]:
        """Load documents (or a graph from ``build``); returns the store's counts afterwards.

        All or nothing: the documents become visible to Cypher and SPARQL together, or
        (on any failure, or if the process dies first) not at all.
        """
        from .stream import stage_documents, stage_graph

        if hasattr(documents_or_graph, "nodes") and hasattr(documents_or_graph, "edges"):
            counts, _ = self._load(lambda stage, on_part: stage_graph(documents_or_graph, stage, on_part=on_part))
        else:
            documents = list(documents_or_graph)
            counts, _ = self._load(lambda stage, on_part: stage_documents(documents, stage, on_part=on_part))
        return counts

    def load_files(self, files, processes: int | None = None, progress: Callable[[int], None] | None = None,
                   min_coverage: float | None = None):
        """Read ``files`` and load their documents, streaming (:mod:`dutygraph.graph.stream`): the store's
        counts afterwards (None if no file gave a document: then nothing is loaded) and the
        :class:`~dutygraph.graph.stream.StageResult` (failures, coverage, counts).

        Files are read and built in ``processes`` worker processes (None: one per core)
        into a staging folder inside the new generation, and bulk-loaded into both
        halves (pyoxigraph takes each part as soon as it is written); memory stays
        bounded whatever the number of files.
        """
        from .stream import stage_files

        return self._load(lambda stage, on_part: stage_files(files, stage, processes, progress=progress,
                                                             min_coverage=min_coverage, on_part=on_part))

    def _load(self, stager) -> tuple[dict | None, object]:
        """Stage the documents into a new generation (``stager(stage, on_part)`` -> StageResult, calling
        ``on_part(name, result)`` as each part is written), bulk-load both halves from the staging folder,
        sync and commit."""
        self.close()
        if self._meta() is None:  # before the lock file is made: a folder that is not a store stays untouched
            gen.check_new(self.path)
        with gen.writer_lock(self.path):
            self._phase("lock")
            meta = self._meta()
            if meta is None:
                gen.check_new(self.path)
            number = (meta["generation"] if meta else 0) + 1
            gen.collect(self.path, keep=meta["generation"] if meta else None, phase=self._phase)
            new = self.path / gen.name(number)
            with self._aside(new, "load failed"):
                counts, documents, staged = self._build(meta, new, stager)
                if counts is None:  # nothing to load: no new generation
                    gen.remove(new)
                    return None, staged
                self._phase("commit")
                gen.write_json(self.meta_path, {"format": FORMAT, "schema": fingerprint(), "generation": number,
                                                "documents": len(documents), "digest": digest(documents)})
            self._committed(number)
        return counts, staged

    @contextmanager
    def _aside(self, new: Path, failure: str):
        """Work on generation ``new`` beside the current one: whatever fails removes it (a DutygraphError or an
        interrupt as raised, anything else as a one-line StoreError saying ``failure``); the store is as it was."""
        try:
            yield
        except BaseException as exc:
            gen.remove(new)
            if isinstance(exc, DutygraphError) or not isinstance(exc, Exception):
                raise
            raise StoreError(f"{self.path}: {failure}, nothing changed: {gen.reason(exc)}") from exc

    def _committed(self, number: int) -> None:
        """After generation ``number`` is committed: the generations before it collected (those a reader holds
        stay until a later writer)."""
        self._phase("committed")
        gen.collect(self.path, keep=number, phase=self._phase)
        self._phase("done")

    def _copy_current(self, meta: dict, new: Path, link_ladybug: bool = False) -> dict[str, str | None]:
        """Check the current generation and copy it into ``new`` (:func:`generations.copy_generation`); its
        documents (id -> content hash)."""
        old = self.path / gen.name(meta["generation"])
        lock = gen.lock_reader(old)
        if lock is None:
            raise StoreError(f"{old}: the current generation is missing; remove {self.path} and load the "
                             "documents again")
        try:
            self._check_complete(old)
            ladybug = LadybugStore(old / "graph.lbug", read_only=True).open()
            oxigraph = OxigraphStore(old / "oxigraph", read_only=True)
            try:
                existing = self._verify(meta, ladybug, oxigraph)
            finally:
                ladybug.close()
                oxigraph.close()
            self._phase("copy")
            gen.copy_generation(old, new, link_ladybug=link_ladybug)
        finally:
            gen.unlock(lock)
        return existing

    def rewrite(self, change: Callable[[Path], dict], phase: str = "rewrite", link_ladybug: bool = False) -> dict:
        """Commit a new generation that holds the same documents as the current one, stored otherwise:
        ``change(folder)`` rewrites the copy of the current generation in ``folder`` (and returns what to
        report); the copy is then checked as a load's is (both halves and the commit record agree), synced and
        committed by the same rename (``on_phase``: ``lock``, ``copy``, ``phase`` while ``change`` runs, ``sync``,
        ``commit``, ``committed``, ``collect``, ``done``). Whatever fails, or wherever the process dies, the store stays as it was
        or as committed: the current generation is never written (docs/store.md). ``link_ladybug``: ladybug's
        file hard-linked into the copy, not copied, when ``change`` does not write it.

        Refused, before anything is written, where there is no store (no folder is made), and as a load is on a
        read-only file system or while another process loads."""
        self.close()
        if self._meta() is None:
            raise StoreError(f"{self.path}: no dutygraph store here (run `dutygraph load FILE...` first)")
        with gen.writer_lock(self.path):
            self._phase("lock")
            meta = self._meta()
            if meta is None:
                raise StoreError(f"{self.path}: no dutygraph store here (run `dutygraph load FILE...` first)")
            number = meta["generation"] + 1
            gen.collect(self.path, keep=meta["generation"], phase=self._phase)
            new = self.path / gen.name(number)
            with self._aside(new, "failed"):
                new.mkdir()
                gen.create_reader_lock(new)
                self._copy_current(meta, new, link_ladybug=link_ladybug)
                self._phase(phase)
                result = change(new)
                ladybug = LadybugStore(new / "graph.lbug", read_only=True).open()
                oxigraph = OxigraphStore(new / "oxigraph", read_only=True)
                try:
                    self._verify({**meta, "generation": number}, ladybug, oxigraph)  # the documents of the record
                finally:
                    ladybug.close()
                    oxigraph.close()
                self._phase("sync")
                gen.sync_tree(new)
                self._phase("commit")
                gen.write_json(self.meta_path, {**meta, "generation": number})
            self._committed(number)
        return {**result, "generation": number}

    def _build(self, meta: dict | None, new: Path, stager) -> tuple[dict | None, dict, object]:
        """Generation ``new``: a copy of the current one with the staged documents loaded into both halves,
        synced; the counts (None if nothing was staged), the documents' hashes, the StageResult."""
        from .staging import Stage

        new.mkdir()
        gen.create_reader_lock(new)
        existing = self._copy_current(meta, new) if meta is not None else {}
        stage = Stage(new / "stage")
        oxigraph = OxigraphStore(new / "oxigraph")
        parts = PartLoader(oxigraph, stage, existing)  # the documents' graphs, loaded while others are staged
        try:
            self._phase("stage")
            staged = stager(stage, lambda name, part: parts.add(name, part.documents, part.quads))
            if not staged.documents:
                return None, {}, staged
            replaced = sorted(set(staged.documents) & set(existing))
            counts, cypher = self._load_halves(new, stage, replaced, oxigraph, parts)
            self.last_bulk_load = {"oxigraph_seconds": parts.seconds, "oxigraph_loads": parts.loads,
                                   "quads": parts.quads}
            gen.remove(stage.root)
            self._phase("sync")
            gen.sync_tree(new)
        except Exception as exc:
            if isinstance(exc, DutygraphError) and not isinstance(exc, StoreError):
                raise  # an input error (two files that would be one document): said as it is
            raise StoreError(f"{self.path}: load failed, nothing changed: {gen.reason(exc)}") from exc
        finally:
            parts.abort()  # nothing left to do if it finished; else it stops and the generation is removed
            oxigraph.close()
        return counts, cypher, staged

    def _load_halves(self, new: Path, stage, replaced: list[str], oxigraph: OxigraphStore,
                     parts: PartLoader) -> tuple[dict, dict]:
        """Bulk-load the staging folder into both halves of generation ``new`` (pyoxigraph's documents' triples
        are being loaded by ``parts`` meanwhile): the counts, the documents' hashes. The shared RDF descriptions are
        rewritten for the shared nodes and relationships the load touched, from ladybug's merged rows (the
        property graph's merge rules are the only ones)."""
        from .rdf import rows_ntriples

        self._phase("ladybug")
        ladybug = LadybugStore(new / "graph.lbug", buffer_pool=load_buffer_pool())
        try:
            touched_nodes, touched_edges = ladybug.open().load_staged(stage, replaced, load_parts_per_commit(),
                                                                       load_rows_per_commit())
            shared_nodes, shared_edges = ladybug.shared_rows(touched_nodes)
            counts = ladybug.counts()
            cypher = {d["id"]: d["sha256"] for d in ladybug.documents()}
        finally:
            ladybug.close()
        shared = rows_ntriples(shared_nodes, shared_edges, tokens=False)  # ladybug holds the token index
        touched = sorted({vocab.iri(i) for ids in touched_nodes.values() for i in ids}
                         | {vocab.edge_iri(t, s, o) for t, s, o in touched_edges})
        self._phase("oxigraph")
        try:
            oxigraph.load_staged(stage, replaced, shared, touched, parts)
            oxigraph.flush()
            sparql = oxigraph.document_hashes()
        finally:
            oxigraph.close()  # before the files are synced
        if cypher != sparql:
            raise StoreError(f"the halves disagree after loading "
                             f"({len(cypher)} documents in ladybug, {len(sparql)} in pyoxigraph)")
        return counts, cypher

    # -- reading -------------------------------------------------------------------------
    def cypher(self, query: str, params: dict | None = None, timeout: float | None = None,
               write: bool = False) -> list[dict]:
        """Rows of a read-only Cypher query (ladybug).

        ``write`` is refused: the Cypher and SPARQL halves change together only through ``load``.
        """
        if write:
            raise QueryError("refused: --write does not work on the embedded store: its Cypher (ladybug) and SPARQL "
                             "(pyoxigraph) halves change together only through `dutygraph load` (edit the plan "
                             "and load it again), or write to Neo4j with --backend neo4j")
        ladybug, _ = self._stores()
        return ladybug.cypher(query, params, timeout)

    def cypher_columns(self, query: str, params: dict | None = None, timeout: float | None = None) -> dict[str, list]:
        """The answer of a read-only Cypher query (ladybug) column by column (:meth:`LadybugStore.cypher_columns`)."""
        ladybug, _ = self._stores()
        return ladybug.cypher_columns(query, params, timeout)

    def sparql(self, query: str, bindings: dict | None = None) -> list[dict] | bool:
        """Rows of a read-only SPARQL query (pyoxigraph) on the merged graph."""
        return self._stores()[1].sparql(query, bindings)

    def counts(self, backend: str = "cypher") -> dict[str, dict[str, int]]:
        """Nodes per label and relationships per type, counted by Cypher (ladybug) or SPARQL (pyoxigraph)."""
        ladybug, oxigraph = self._stores()
        return ladybug.counts() if backend == "cypher" else oxigraph.counts()

    def documents(self) -> list[dict]:
        """The loaded documents (id, name, source, sha256)."""
        return self._stores()[0].documents()

    def graph(self):
        """The stored graph as a networkx MultiDiGraph (for exports)."""
        return self._stores()[0].to_networkx()
