"""The default store: a folder (``./.dutygraph/``) answering Cypher (ladybug) and SPARQL (pyoxigraph).

Layout::

    .dutygraph/store.json      format and schema fingerprint
    .dutygraph/graph.lbug      ladybug database (+ graph.lbug.wal): the Neo4j schema, for Cypher
    .dutygraph/oxigraph/       pyoxigraph store: one named graph per document, their merge as default graph

Loading documents replaces what they contributed before and adds the rest, in
both stores: later loads add documents, loading a document again replaces it
and changes nothing else, and a failed load leaves the store as it was (the
ladybug transaction commits only after the pyoxigraph update has). The end
state is ``build(all loaded documents)``.

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
from pathlib import Path

from ..errors import StoreError
from . import schema, vocab
from .ladybug_store import LadybugStore
from .oxigraph_store import OxigraphStore

DEFAULT_PATH = Path(".dutygraph")
# 2: IN_DOCUMENT carries `document`, shared nodes keep schema.preferred values, namesakes get folder keys.
FORMAT = 2


def fingerprint() -> str:
    """A short hash of the schema and the RDF mapping: a store written under another one must be rebuilt."""
    text = json.dumps([schema.NODE_PROPERTIES, schema.EDGE_PROPERTIES, schema.EDGE_ENDPOINTS, vocab.CLASSES,
                       vocab.PROPERTIES, vocab.EDGES], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def as_graph(documents_or_graph):
    """A networkx graph as is, or ``build`` of an iterable of documents."""
    if hasattr(documents_or_graph, "nodes") and hasattr(documents_or_graph, "edges"):
        return documents_or_graph
    from .build import build

    return build(documents_or_graph)


class EmbeddedStore:
    """A store folder; ``load`` writes, ``cypher``/``sparql``/``counts``/``documents`` read."""

    def __init__(self, path: str | Path = DEFAULT_PATH):
        self.path = Path(path)
        self._ladybug: LadybugStore | None = None
        self._oxigraph: OxigraphStore | None = None

    @property
    def meta_path(self) -> Path:
        return self.path / "store.json"

    def _check(self, writing: bool) -> None:
        if not self.meta_path.exists():
            if writing and (not self.path.exists() or not any(self.path.iterdir())):
                return
            raise StoreError(f"{self.path}: no dutygraph store here (run `dutygraph load FILE...` first)")
        try:
            meta = json.loads(self.meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(f"{self.meta_path}: unreadable: {exc}") from exc
        if meta.get("format") != FORMAT or meta.get("schema") != fingerprint():
            raise StoreError(f"{self.path}: written by another version of dutygraph's schema; "
                             "remove the folder and load the documents again")

    def _stores(self, writing: bool = False) -> tuple[LadybugStore, OxigraphStore]:
        """Both databases, opened read-only unless ``writing`` (or already open for writing)."""
        if self._ladybug is None or (writing and self._ladybug.read_only):
            self._check(writing)
            self.close()
            self._ladybug = LadybugStore(self.path / "graph.lbug", read_only=not writing).open()
            self._oxigraph = OxigraphStore(self.path / "oxigraph", read_only=not writing)
        return self._ladybug, self._oxigraph

    def close(self) -> None:
        """Release both databases (another process may then write)."""
        if self._ladybug is not None:
            self._ladybug.close()
        if self._oxigraph is not None:
            self._oxigraph.close()
        self._ladybug = self._oxigraph = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- writing -------------------------------------------------------------------------
    def load(self, documents_or_graph) -> dict[str, dict[str, int]]:
        """Load documents (or a graph from ``build``); returns the store's counts afterwards."""
        graph = as_graph(documents_or_graph)
        ladybug, oxigraph = self._stores(writing=True)
        if not self.meta_path.exists():  # a new store
            self.meta_path.write_text(json.dumps({"format": FORMAT, "schema": fingerprint()}) + "\n",
                                      encoding="utf-8")
        ladybug.load(graph, before_commit=lambda: oxigraph.load(graph))
        return ladybug.counts()

    # -- reading -------------------------------------------------------------------------
    def cypher(self, query: str, params: dict | None = None, timeout: float | None = None,
               write: bool = False) -> list[dict]:
        """Rows of a Cypher query (ladybug); writing queries are refused unless ``write``."""
        ladybug, _ = self._stores(writing=write)
        return ladybug.cypher(query, params, timeout, write=write)

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
