"""Streaming documents into staged rows: the same rows, named graphs and stores as one ``build`` of them all.

The fixtures are the plans of many cities (tests/fixtures), so units, places,
change events and gazetteer facts are shared across documents and merged.
"""

from __future__ import annotations

from collections import Counter

import pytest

from dutygraph.graph.build import build
from dutygraph.graph.embedded import EmbeddedStore
from dutygraph.graph.rdf import graph_ntriples, rows_ntriples
from dutygraph.graph.rows import edge_rows, node_rows
from dutygraph.graph.staging import Stage
from dutygraph.graph.stream import SharedIndex, stage_documents, stage_files, stage_graph
from dutygraph.loaders import load
from dutygraph.loaders.corpus import find_files

from ..conftest import ROOT, SEED
from .test_embedded import SECOND, snapshot

FIXTURES = ROOT / "tests" / "fixtures"
SERIES = FIXTURES / "series"


@pytest.fixture(scope="module")
def files():
    found = [SEED, SECOND] + find_files([FIXTURES / d for d in ("real", "series", "dev", "identity")])
    readable = []
    for f in found:  # the files that give a document (a few fixtures are meant to fail)
        try:
            load(f)
        except Exception:
            continue
        readable.append(f)
    assert len(readable) > 40
    return readable


@pytest.fixture(scope="module")
def built(files):
    return build([load(f) for f in files])


def _key(row: dict) -> str:
    return repr(sorted(row.items()))


def staged_rows(stage: Stage) -> tuple[dict, dict]:
    nodes = {label: sorted(stage.read_nodes(label), key=_key) for label in stage.labels()}
    edges = {key: sorted(stage.read_edges(key), key=_key) for key in stage.keys()}
    return nodes, edges


def staged_triples(stage: Stage) -> Counter:
    """The documents' staged triples and the shared ones rendered from the merged rows (as the load does)."""
    lines = stage.nquads_stream().read().decode().splitlines()
    shared = rows_ntriples({label: stage.read_nodes(label, shared=True) for label in stage.labels()},
                           {key: stage.read_edges(key, shared=True) for key in stage.keys()}, tokens=False)
    return Counter(lines + shared.decode().splitlines())


def built_triples(graph) -> Counter:
    """The triples of a graph as the embedded store holds them, in its default graph (RDF shape 4), without
    the token index (ladybug holds it)."""
    return Counter(line for body in graph_ntriples(graph, tokens=False).values() for line in body.decode().splitlines())


def test_files_streamed_in_two_processes_give_the_rows_and_triples_of_one_build(tmp_path, files, built):
    stage = Stage(tmp_path / "stage")
    result = stage_files(files, stage, processes=2, part_size=5)
    nodes, edges = staged_rows(stage)
    assert nodes == {label: sorted(rows, key=_key) for label, rows in node_rows(built).items()}
    assert edges == {key: sorted(rows, key=_key) for key, rows in edge_rows(built).items()}
    assert staged_triples(stage) == built_triples(built)
    assert len(result.documents) == len(files) and not result.failures
    assert result.total_relationships == built.number_of_edges()
    # cross-document facts are there: units named by several plans, change events, dependencies
    assert any(len(r["documents"]) > 1 for r in nodes["Unit"])
    assert nodes.get("ChangeEvent") and any(k[0] == "DEPENDS_ON" for k in edges)


def test_documents_in_memory_and_a_built_graph_stage_the_same_rows(tmp_path, files, built):
    docs = [load(f) for f in files[:12]]
    a, b = Stage(tmp_path / "a"), Stage(tmp_path / "b")
    stage_documents(docs + docs[:2], a, part_size=4)  # a document given twice is one document
    stage_graph(build(docs), b)
    assert staged_rows(a) == staged_rows(b)
    assert staged_triples(a) == staged_triples(b)


def test_a_file_that_cannot_be_read_is_a_failure_and_the_rest_go_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    stage = Stage(tmp_path / "stage")
    result = stage_files([SEED, empty, SECOND], stage, processes=2, part_size=1)
    assert [f.file for f in result.failures] == [str(empty)]
    assert sorted(result.documents) == ["doc/zhuzhou-2018-liangxing-plan", "doc/zhuzhou-2019-second-plan"]
    assert [c.source for c in result.coverage] == [str(SEED), str(SECOND)]  # in the order given


def test_the_shared_index_merges_in_any_order():
    rows = [{"id": "unit/a", "short_name": s, "aliases": [s] if s else None, "documents": [d]}
            for s, d in (("市发展和改革委员会", "doc/b"), ("市发改委", "doc/a"), (None, "doc/c"))]
    merged = []
    for order in (rows, rows[::-1], rows[1:] + rows[:1]):
        index = SharedIndex()
        for r in order:
            index.add_nodes({"Unit": [r]})
        merged.append(index.nodes["Unit"]["unit/a"])
    assert merged[0] == merged[1] == merged[2]
    assert merged[0]["short_name"] == "市发改委" and merged[0]["documents"] == ["doc/a", "doc/b", "doc/c"]


def test_a_store_loaded_from_files_at_once_or_in_two_loads_equals_one_loaded_from_the_build(tmp_path):
    series = find_files([SERIES])
    files = [SEED, SECOND, *series]
    with EmbeddedStore(tmp_path / "it's a store") as streamed:  # a quote in the path reaches ladybug's COPY
        counts, result = streamed.load_files(files, processes=2)
        assert len(result.documents) == len(files)
        with EmbeddedStore(tmp_path / "built") as reference:
            assert reference.load(build([load(f) for f in files])) == counts
            assert snapshot(streamed) == snapshot(reference)
        with EmbeddedStore(tmp_path / "added") as added:
            added.load_files([SEED, series[0]], processes=1)
            added.load_files([*series[1:], SECOND, series[0]], processes=2)  # series[0] again: replaced
            assert snapshot(added) == snapshot(streamed)


def test_files_that_give_no_document_load_nothing(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with EmbeddedStore(tmp_path / "store") as store:
        counts, result = store.load_files([empty])
    assert counts is None and len(result.failures) == 1
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == ["write.lock"]


def test_the_shared_index_merges_lists_as_the_tables_merge_them():
    import random

    from dutygraph.graph.tables import _merge

    rng = random.Random(3)
    rows = [{"id": "unit/a", "short_name": rng.choice(["市发改委", "市发展和改革委员会", None]),
             "aliases": None if rng.random() < 0.2 else sorted({rng.choice("abcdef") for _ in range(rng.randrange(3))}),
             "documents": sorted({f"doc/{rng.randrange(400):03d}" for _ in range(rng.choice([1, 2, 40]))})}
            for _ in range(300)]
    index, expected = SharedIndex(), dict(rows[0])
    for r in rows:
        index.add_nodes({"Unit": [r]})
    for r in rows[1:]:
        _merge(expected, r)
    assert index.nodes["Unit"]["unit/a"] == expected
