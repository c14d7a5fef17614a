"""The PartLoader: staged parts bulk-loaded into pyoxigraph while more are staged, by several threads.

Real stores and real staged plans: the quads a PartLoader leaves are those of one bulk
load of every part, a document already in the store is replaced (its old graph dropped
before its new one is loaded), and a part that does not load is a StoreError.
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
    reference.store.bulk_load(stage.nquads_stream(), ox.RdfFormat.N_QUADS, lenient=True)
    store = OxigraphStore(tmp_path / "parts")
    loader = PartLoader(store, stage, batch_quads=1, threads=2)  # one part per bulk load
    for part in parts:
        loader.add(*part)
    loader.finish()
    assert loader.loads == 2 and loader.quads == sum(n for _, _, n in parts)
    assert quads(store) == quads(reference)


def test_a_document_already_in_the_store_is_replaced(tmp_path, staged):
    stage, parts = staged
    store = OxigraphStore(tmp_path / "store")
    stale = ox.Quad(ox.NamedNode(vocab.iri(SEED_ID)), ox.NamedNode("https://example.org/stale"), ox.Literal("old"),
                    ox.NamedNode(vocab.graph_iri(SEED_ID)))
    store.store.add(stale)
    loader = PartLoader(store, stage, existing=[SEED_ID])
    for part in parts:
        loader.add(*part)
    loader.finish()
    assert stale not in store.store
    assert any(True for _ in store.store.quads_for_pattern(None, None, None, ox.NamedNode(vocab.graph_iri(SEED_ID))))


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
