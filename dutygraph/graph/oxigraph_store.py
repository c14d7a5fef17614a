"""The graph in pyoxigraph, for SPARQL.

Two layouts, one query surface: queries see the union of every graph as their default
graph (``use_default_graph_as_union``, which includes the default graph itself), so they
answer the same in both.

- **The embedded store's** (RDF shape 4; :meth:`OxigraphStore.load_staged` and
  :class:`PartLoader`): every triple in the default graph, no named graph. Staged
  N-Triples are bulk-loaded into a generation built aside, the documents' triples while
  the documents are still being read (:class:`PartLoader`: a thread of its own bulk-loads
  each staged part as it is written, so the bulk load, which keeps about one core busy,
  runs beside the worker processes instead of after them). A default-graph triple has
  three indexes (spo, pos, osp), a named graph's quad six: the same triples load for
  about 40 % less CPU. A reload deletes a document's triples by their subjects
  (:func:`~dutygraph.graph.rdf.delete_documents`).
- **A store written in place** (:meth:`OxigraphStore.load`, as exports and servers
  hold the RDF: one named graph per document and the shared graph; ``GRAPH ?g`` reaches
  each document's contribution). A load is one SPARQL UPDATE
  (:func:`~dutygraph.graph.rdf.replace_update`: drop the documents' graphs, ``INSERT DATA``
  the new ones, keep the preferred of two values of a shared resource's property, delete
  shared resources no longer referenced), which Oxigraph applies in one transaction, so a
  failed load changes nothing. Into an empty store everything is bulk-loaded at once
  (``bulk_load`` of TriG, not transactional: a failure clears the store, which is how it was).

pyoxigraph has no ``close()``: a store is released when nothing refers to it,
query results included; :meth:`OxigraphStore.sparql` turns results into plain
Python values so that none is left behind.

>>> import tempfile, networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc/a", label="Document", id="doc/a", name="计划")
>>> store = OxigraphStore(tempfile.mkdtemp())
>>> store.load(g)
>>> store.sparql("SELECT ?name WHERE { ?d a dg:Document ; rdfs:label ?name }")
[{'name': '计划'}]
"""

from __future__ import annotations

import gc
import io
import os
import queue
import threading
import time
from pathlib import Path
from typing import Iterable

from ..errors import QueryError, StoreError
from . import vocab as v
from .query_guard import check_sparql, oxigraph_error
from .schema import SHARED_LABELS
from .rdf import (ChunkReader, delete_descriptions, delete_documents, documents_query, insert_data,
                  replace_update, sparql_counts, trig_chunks)
from .rows import document_ids

# pyoxigraph bulk loads run at once into one store (``$DUTYGRAPH_OXIGRAPH_LOADERS``, default 1). Its bulk
# loader keeps about one core busy; two at once take nearly half the time on two free cores, but each holds
# some 2 GB of batches: measured on 10,000 generated plans, two at once passed 6 GB (benchmarks/corpus_load.py).
BULK_LOADERS = max(1, int(os.environ.get("DUTYGRAPH_OXIGRAPH_LOADERS") or 1))
DELETE_BATCH = 64  # documents whose triples one update deletes (a reload): one transaction holds what it deletes

_XSD_PY = {v.XSD + "integer": int, v.XSD + "int": int, v.XSD + "long": int, v.XSD + "double": float,
           v.XSD + "decimal": float, v.XSD + "float": float, v.XSD + "boolean": lambda s: s == "true"}


def python_value(term):
    """A pyoxigraph term as a plain value: IRIs and strings as str, numbers and booleans typed."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        convert = _XSD_PY.get(term.datatype.value)
        try:
            return convert(term.value) if convert else term.value
        except ValueError:
            return term.value
    return str(term)


def to_term(value):
    """A Python value as a pyoxigraph term: a :class:`~dutygraph.graph.vocab.IRI` gives an IRI, any other
    string a literal (whatever it holds)."""
    import pyoxigraph as ox

    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, v.IRI):
        try:
            return ox.NamedNode(value)
        except ValueError as exc:
            raise QueryError(f"not an IRI: {str(value)!r}") from exc
    return ox.Literal(value)


def result_rows(result) -> list[dict] | bool:
    """SELECT solutions as dicts, ASK as a bool, CONSTRUCT/DESCRIBE triples as subject/predicate/object dicts."""
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        names = [var.value for var in result.variables]
        return [{n: python_value(s[n]) for n in names} for s in result]
    return [{"subject": python_value(t.subject), "predicate": python_value(t.predicate),
             "object": python_value(t.object)} for t in result]


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class OxigraphStore:
    """A pyoxigraph store folder (RocksDB). Several ``read_only`` instances may read while one writes."""

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._store = None

    @property
    def store(self):
        if self._store is None:
            import pyoxigraph as ox

            try:
                if self.read_only:
                    if not self.path.exists():
                        raise StoreError(f"{self.path}: no oxigraph store here (load documents first)")
                    self._store = ox.Store.read_only(str(self.path))
                else:
                    self.path.mkdir(parents=True, exist_ok=True)
                    self._store = ox.Store(str(self.path))
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot open the oxigraph store: {exc}") from exc
        return self._store

    def close(self) -> None:
        """Drop the store (pyoxigraph closes it once nothing refers to it)."""
        self._store = None
        gc.collect()

    # -- queries -------------------------------------------------------------------------
    def sparql(self, query: str, bindings: dict | None = None):
        """Run a read-only SPARQL query on the merged graph; ``bindings`` pre-bind variables.

        The ``dg``, ``org``, ``prov``, ``dcterms``, ``skos``, ``rdf``, ``rdfs``, ``xsd`` and ``id``
        prefixes are predefined.
        """
        import pyoxigraph as ox

        check_sparql(query)
        subs = {ox.Variable(k.lstrip("?$")): to_term(x) for k, x in (bindings or {}).items()}
        error: Exception | None = None
        try:
            result = self.store.query(query, prefixes=v.PREFIXES, substitutions=subs or None,
                                      use_default_graph_as_union=True)
            try:
                return result_rows(result)
            finally:
                # Freed here, in this thread, even if this frame outlives the call (the parser's
                # garbage holds it until the next collection): pyoxigraph results freed in another
                # thread print a stray "unsendable" line.
                result = None  # noqa: F841
        except SyntaxError as exc:
            error = QueryError(oxigraph_error(str(exc)))
        except (RuntimeError, ValueError) as exc:
            error = QueryError(f"sparql: {_first_line(exc)}")
        except OSError as exc:
            error = StoreError(f"sparql: {_first_line(exc)}")
        raise error  # outside the handler: no traceback of the store's frames rides along

    def counts(self) -> dict[str, dict[str, int]]:
        return sparql_counts(self.store)

    def documents(self) -> list[dict]:
        return self.sparql(documents_query())

    def document_hashes(self) -> dict[str, str | None]:
        """Document id -> content hash (sha256 of the source), read directly (no query guard)."""
        query = (f"SELECT ?id ?sha WHERE {{ ?d a <{v.CLASSES['Document']}> ; <{v.PROPERTIES['id'][0]}> ?id . "
                 f"OPTIONAL {{ ?d <{v.PROPERTIES['sha256'][0]}> ?sha }} }}")
        rows = result_rows(self.store.query(query, use_default_graph_as_union=True))
        return {r["id"]: r["sha"] for r in rows}

    def flush(self) -> None:
        """Write what is in memory to the store's files (so a copy of the files holds everything)."""
        try:
            self.store.flush()
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write: {exc}") from exc

    def optimize(self) -> None:
        """RocksDB's full compaction of the store (``Store.optimize``): its SST files merged into the fewest the
        levels allow, so that a query reads fewer of them (README, "Optimizing a store")."""
        try:
            self.store.optimize()
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot optimize: {exc}") from exc

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs())

    # -- loading -------------------------------------------------------------------------
    def _is_empty(self) -> bool:
        return next(iter(self.store.quads_for_pattern(None, None, None, None)), None) is None

    def _has_shared(self) -> bool:
        """Whether the default graph describes a shared resource (each description has its rdf:type)."""
        import pyoxigraph as ox

        a = ox.NamedNode(v.RDF_TYPE)
        return any(next(iter(self.store.quads_for_pattern(None, a, ox.NamedNode(v.CLASSES[label]),
                                                          ox.DefaultGraph())), None) is not None
                   for label in SHARED_LABELS)

    def load(self, graph) -> None:
        """Replace the documents of ``graph`` by their new named graphs; nothing changes if it fails."""
        import pyoxigraph as ox

        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        docs = document_ids(graph)
        store = self.store
        try:
            if self._is_empty():
                try:
                    store.bulk_load(ChunkReader(trig_chunks(graph)), ox.RdfFormat.TRIG)
                except BaseException:
                    store.clear()
                    raise
                return
            store.update(replace_update(docs, insert_data(graph)))
        except (OSError, SyntaxError, ValueError, TypeError) as exc:
            raise StoreError(f"{self.path}: load failed, nothing changed: {exc}") from exc

    def load_staged(self, stage, replaced: list[str], shared: bytes, touched: list[str],
                    parts: "PartLoader | None" = None) -> None:
        """Bulk-load a staging folder (:class:`~dutygraph.graph.staging.Stage`) into this store's default graph.

        The embedded store's layout (RDF shape 4): every triple in the default graph, no named
        graph. The triples of ``replaced`` are deleted (:func:`~dutygraph.graph.rdf.delete_documents`);
        what the store says of the ``touched`` shared subjects (IRIs), but the documents'
        references to them, is deleted and ``shared`` (N-Triples: their new description, from
        the merged rows) loaded in its place; the documents' triples are bulk-loaded from the
        staged N-Triples — by ``parts`` (a :class:`PartLoader` that has been loading them while
        they were staged: it is waited for, and it deleted the replaced documents itself), or here
        (by :data:`BULK_LOADERS` loads at once: each takes about 2 GB). Cost follows what is
        loaded, not the store. Not transactional: it is meant for a store that is thrown away if a
        load fails (a generation built aside).
        """
        import pyoxigraph as ox

        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        if parts is not None:
            parts.finish()
        store = self.store
        try:
            if parts is None:
                for k in range(0, len(replaced), DELETE_BATCH):
                    store.update(delete_documents(replaced[k:k + DELETE_BATCH]))
                self._bulk_load_parallel(stage)
            if touched and self._has_shared():
                for k in range(0, len(touched), 2000):
                    store.update(delete_descriptions(touched[k:k + 2000]))
            if shared:
                store.bulk_load(shared, ox.RdfFormat.N_TRIPLES, lenient=True)
        except (OSError, SyntaxError, ValueError, TypeError) as exc:
            raise StoreError(f"{self.path}: load failed, nothing changed: {exc}") from exc

    def _bulk_load_parallel(self, stage) -> None:
        """Bulk-load the staged N-Triples parts, split in :data:`BULK_LOADERS` groups, each by one thread."""
        import pyoxigraph as ox
        from concurrent.futures import ThreadPoolExecutor

        parts = stage.nquads_parts()
        if not parts:
            return
        groups: list[list] = [[] for _ in range(max(1, min(BULK_LOADERS, len(parts))))]
        for k, part in enumerate(parts):
            groups[k % len(groups)].append(part)
        store = self.store

        def load(group):
            store.bulk_load(stage.nquads_stream(group), ox.RdfFormat.N_TRIPLES, lenient=True)

        with ThreadPoolExecutor(len(groups)) as pool:
            for future in [pool.submit(load, g) for g in groups]:
                future.result()


# A PartLoader's bulk load takes waiting parts until they hold this many quads (0: one part per bulk load). One part
# (32 generated plans, about 100,000 triples) per load: 300 plans added to a store of 1,700 took 9.5 CPU s and 0.23
# GB (the store closed after, its compactions done), 10.4 and 0.33 GB by two parts, 11.6 and 1.02 GB in one load;
# into an empty store 5.2 and 0.22 GB against 5.9 and 1.02 in one (benchmarks, README "Where the append's growth
# comes from"). A store this load rebuilt keeps up part by part anyway (10,000 plans: 308 loads of 313 parts).
PART_BATCH_QUADS = 0


class _Abortable(io.RawIOBase):
    """A binary stream that fails its next read once ``stop`` is set (to end a bulk load early)."""

    def __init__(self, raw, stop: threading.Event):
        self._raw, self._stop = raw, stop

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._stop.is_set():
            raise OSError("the load was stopped")
        return self._raw.readinto(buffer)


class PartLoader:
    """Bulk-loads the documents' triples of staged parts into a store's default graph, in threads of their own,
    while more parts are staged: :meth:`add` a part as soon as it is written, :meth:`finish` when all are.

    Each of ``threads`` threads (default :data:`BULK_LOADERS`) takes the parts waiting when
    it is free, until they hold :data:`PART_BATCH_QUADS` quads (by default one part), and loads them by one
    ``bulk_load``
    (pyoxigraph's bulk loader sorts a batch in memory, some 0.7 GB for a million quads, 0.2 GB
    for one part, so memory stays that of one batch per thread whatever the number of documents); before
    it, the triples of those of its documents that are in ``existing`` (the store's
    documents before this load) are deleted, so a reload replaces. Not transactional, like
    :meth:`OxigraphStore.load_staged`: for a store built aside. ``seconds`` (summed over the
    threads), ``loads`` and ``quads`` tell what the threads did.
    """

    def __init__(self, store: OxigraphStore, stage, existing: Iterable[str] = (),
                 batch_quads: int = PART_BATCH_QUADS, threads: int | None = None):
        self.store, self.stage, self.existing = store, stage, set(existing)
        self.batch_quads = batch_quads
        self.threads = max(1, threads or BULK_LOADERS)
        self.seconds = 0.0
        self.quads = 0
        self.loads = 0
        self._queue: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._error: BaseException | None = None
        self._running: list[threading.Thread] = []

    def add(self, part: str, documents: Iterable[str], quads: int) -> None:
        """A staged part (its name, its documents' ids, its number of quads) is ready to be loaded."""
        if self._error is not None:
            self._raise()
        if not self._running:
            self.store.store  # opened here, once, before the threads share it
            self._running = [threading.Thread(target=self._run, name=f"oxigraph-part-loader-{k}", daemon=True)
                             for k in range(self.threads)]
            for thread in self._running:
                thread.start()
        self._queue.put((part, list(documents), quads))

    def finish(self) -> None:
        """Wait until every part added is loaded; a failure of a thread is raised here."""
        self._join()
        if self._error is not None:
            self._raise()

    def abort(self) -> None:
        """Stop loading (the store is thrown away) and wait for the threads; nothing is raised."""
        self._stop.set()
        self._join()

    def _join(self) -> None:
        for _ in self._running:
            self._queue.put(None)
        for thread in self._running:
            thread.join()
        self._running = []

    def _raise(self) -> None:
        exc = self._error
        if isinstance(exc, (OSError, SyntaxError, ValueError, TypeError)):
            raise StoreError(f"{self.store.path}: load failed, nothing changed: {exc}") from exc
        raise exc

    def _run(self) -> None:
        try:
            done = False
            while not done and not self._stop.is_set():
                item = self._queue.get()
                if item is None:
                    break
                batch, quads = [item], item[2]
                while quads < self.batch_quads:
                    try:
                        item = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is None:
                        done = True
                        break
                    batch.append(item)
                    quads += item[2]
                self._load(batch, quads)
        except BaseException as exc:  # raised in the caller's thread by finish()
            with self._lock:
                if self._error is None:
                    self._error = exc
            self._stop.set()

    def _load(self, batch: list, quads: int) -> None:
        import pyoxigraph as ox

        start = time.perf_counter()
        store = self.store.store
        replaced = [d for _, docs, _ in batch for d in docs if d in self.existing]
        for k in range(0, len(replaced), DELETE_BATCH):
            store.update(delete_documents(replaced[k:k + DELETE_BATCH]))
        files = [f for f in (self.stage.nquads_part(part) for part, _, _ in batch) if f is not None]
        if files:
            store.bulk_load(_Abortable(self.stage.nquads_stream(files), self._stop), ox.RdfFormat.N_TRIPLES,
                            lenient=True)
        with self._lock:
            self.seconds += time.perf_counter() - start
            self.quads += quads
            self.loads += 1
