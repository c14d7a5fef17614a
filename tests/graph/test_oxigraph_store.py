"""The PartLoader: staged parts bulk-loaded into pyoxigraph while more are staged, by several threads.

Real stores and real staged plans: the triples a PartLoader leaves are those of one bulk
load of every part, a document already in the store is replaced (its old triples deleted
before its new ones are loaded), and a part that does not load is a StoreError.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from dutygraph.errors import StoreError
from dutygraph.graph import vocab
from dutygraph.graph.oxigraph_store import OxigraphStore, PartLoader
from dutygraph.graph.staging import Stage
from dutygraph.graph.stream import stage_documents
from dutygraph.loaders import load

from .test_embedded import SECOND, SEED_ID


@pytest.fixture(scope="module")
def staged(tmp_path_factory, seed_doc):
    """The seed and the second plan staged one per part, and the parts as they were announced."""
    stage = Stage(tmp_path_factory.mktemp("stage"))
    parts = []
    stage_documents([seed_doc, load(SECOND)], stage, part_size=1,
                    on_part=lambda name, result: parts.append((name, sorted(result.documents), result.quads)))
    return stage, parts


def quads(store: OxigraphStore) -> set[str]:
    return {str(q) for q in store.store}


def test_parts_loaded_by_two_threads_equal_one_bulk_load(tmp_path, staged):
    stage, parts = staged
    assert len(parts) == 2 and all(n > 100 for _, _, n in parts)
    reference = OxigraphStore(tmp_path / "one")
    reference.store.bulk_load(stage.nquads_stream(), ox.RdfFormat.N_TRIPLES, lenient=True)
    store = OxigraphStore(tmp_path / "parts")
    loader = PartLoader(store, stage, batch_quads=1, threads=2)  # one part per bulk load
    for part in parts:
        loader.add(*part)
    loader.finish()
    assert loader.loads == 2 and loader.quads == sum(n for _, _, n in parts)
    assert quads(store) == quads(reference)


def test_a_document_already_in_the_store_is_replaced(tmp_path, staged):
    """The old triples of a document loaded again go (its own, its nodes', its references), another
    document's stay: the store holds the new parts and the other document, nothing else."""
    stage, parts = staged
    reference = OxigraphStore(tmp_path / "one")
    reference.store.bulk_load(stage.nquads_stream(), ox.RdfFormat.N_TRIPLES, lenient=True)

    def iri(node_id: str) -> ox.NamedNode:
        return ox.NamedNode(vocab.iri(node_id))

    derived, referenced = (ox.NamedNode(vocab.PROPERTIES[p][0]) for p in ("document", "documents"))
    label = ox.NamedNode(vocab.PROPERTIES["name"][0])
    stale = [ox.Quad(iri(SEED_ID), label, ox.Literal("old")),
             ox.Quad(iri(f"{SEED_ID}/task/Z9"), derived, iri(SEED_ID)),
             ox.Quad(iri(f"{SEED_ID}/task/Z9"), label, ox.Literal("a task no longer there")),
             ox.Quad(iri("unit/gone"), referenced, iri(SEED_ID))]
    other = [ox.Quad(iri("doc/other"), label, ox.Literal("another plan")),
             ox.Quad(iri("doc/other/task/A1"), derived, iri("doc/other")),
             ox.Quad(iri("unit/gone"), referenced, iri("doc/other"))]
    store = OxigraphStore(tmp_path / "store")
    store.store.extend(stale + other)
    loader = PartLoader(store, stage, existing=[SEED_ID, "doc/unrelated"])
    for part in parts:
        loader.add(*part)
    loader.finish()
    assert not any(q in store.store for q in stale)
    assert quads(store) == quads(reference) | {str(q) for q in other}
    assert not list(store.store.named_graphs())


def test_a_part_that_does_not_load_is_a_store_error(tmp_path, staged, monkeypatch):
    import io

    stage, parts = staged
    monkeypatch.setattr(Stage, "nquads_stream", lambda self, files=None: io.BytesIO(b"<x:a> <x:b> BROKEN"))
    loader = PartLoader(OxigraphStore(tmp_path / "store"), stage)
    loader.add(*parts[0])
    with pytest.raises(StoreError, match="load failed, nothing changed"):
        loader.finish()
    loader.abort()  # after a failure, and twice, nothing more is raised
    loader.abort()
