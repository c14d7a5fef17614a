"""Every catalogue question gives identical rows on every backend, for the seed (and the 2018 and 2020
plans around the reform, so that change events link units on both sides).

networkx is the reference; ladybug (Cypher) and pyoxigraph (SPARQL) answer from
a real embedded store, rdflib from a real in-memory Dataset, Neo4j from the real
server that `make test` starts, and a real ``oxigraph serve`` through the SPARQL
protocol (what ``--backend sparql`` uses).
"""

from __future__ import annotations

import pytest

from dutygraph.graph.build import build
from dutygraph.queries.backends import CypherBackend, NetworkxBackend, SparqlBackend, embedded_backend
from dutygraph.queries.catalogue import QUESTIONS
from dutygraph.queries.connect import embedded_sparql, rdflib_runner
from tests.graph.oxigraph_server import running_oxigraph
from tests.neo4j_fixtures import clear, exclusive

DOC = "doc/zhuzhou-2018-liangxing-plan"
CASES = [
    ("top-units", {}), ("top-units", {"role": "lead"}), ("top-units", {"role": "responsible", "expand": True}),
    ("top-units", {"role": "lead", "expand": True, "limit": 0}), ("top-units", {"document": DOC, "limit": 5}),
    ("unit", {"unit": "unit/株洲市环境保护局"}), ("unit", {"unit": "unit/株洲市清水塘投资集团"}),
    ("task", {"task": f"{DOC}/task/A2-5-1"}), ("task", {"task": f"{DOC}/task/A2-5"}),
    ("place-closure", {"ids": ["place/株洲市清水塘片区", "place/株洲市石峰区"]}),
    ("depends", {"targets": [f"{DOC}/program/二(二)", "place/株洲市清水塘片区", "project/株洲市/清水塘大桥"]}),
    ("depends", {"targets": [f"{DOC}/program/二(二)", f"{DOC}/task/A2-5", "doc/none/task/A1", "place/株洲市石峰区",
                             "project/none"]}),
    ("task-rows", {"tasks": [f"{DOC}/task/A2-5-1", f"{DOC}/task/A6-1-1"]}),
    ("partners", {"unit": "unit/株洲市环境保护局"}), ("partners", {}),
    ("places", {}), ("due", {"before": "2018-06-30"}), ("due", {"before": "2018-12-31", "after": "2018-06-30"}),
    ("gaps", {}), ("names", {}), ("unit-info", {}), ("changes", {}),
    ("unit", {"unit": "unit/株洲市生态环境局"}),
    ("partners", {"document": DOC}), ("partners", {"unit": "unit/株洲市环境保护局", "document": DOC}),
    ("documents", {}),
    ("tasks", {"text": "黑臭水体", "phrase": '"黑臭水体"'}), ("tasks", {"text": "清水塘", "phrase": '"清水塘"'}),
    ("tasks", {"text": "IGBT"}), ("tasks", {"text": "", "document": DOC}),
    ("tasks", {"text": "碧水", "document": DOC, "phrase": '"碧水"'}),
    ("tasks-indexed", {"text": "黑臭水体", "token_a": "黑臭", "token_b": "水体"}),
    ("tasks-indexed", {"text": "清水塘", "token_a": "水塘", "token_b": "清水"}),
    ("tasks-indexed", {"text": "碧水", "token_a": "碧水", "token_b": "碧水"}),
    ("tasks-indexed", {"text": "清水塘", "document": DOC, "token_a": "清水", "token_b": "水塘"}),
    ("tasks", {"text": "清水塘", "phrase": '"清水塘"', "own": True}), ("tasks", {"text": "清水塘", "own": True}),
    ("tasks", {"text": "清水塘", "document": DOC, "phrase": '"清水塘"', "own": True}),
    ("tasks-indexed", {"text": "清水塘", "token_a": "水塘", "token_b": "清水", "own": True}),
    ("tasks-indexed", {"text": "清水塘", "document": DOC, "token_a": "清水", "token_b": "水塘", "own": True}),
    ("shared-names", {}), ("names-holding", {"key": "清水塘"}), ("names-holding", {"key": "污染"}),
    ("names-holding", {"key": "清", "also": "塘"}), ("names-holding", {"key": "大", "also": "桥"}),
    ("task-names", {"ids": [f"{DOC}/task/A2-5-1", f"{DOC}/task/A2-5", "doc/none/task/A1"]}),
    ("task-ids", {"task_id": "A2-5-1"}), ("tasks-holding", {"part": "A2-5"}),
    ("document-names", {}), ("document-ids", {"ids": [DOC, "doc/none"]}),
    ("unit-holds", {}), ("unit-holds", {"role": "lead", "document": DOC}),
    ("unit-tasks", {"units": ["unit/株洲市环境保护局", "unit/株洲市发展和改革委员会"]}),
    ("unit-tasks", {"units": ["unit/株洲市环境保护局"], "role": "responsible", "document": DOC}),
]


@pytest.fixture(scope="module")
def graph(seed_doc):
    from pathlib import Path

    from dutygraph.loaders import load

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "identity"
    return build([seed_doc, load(fixtures / "zhuzhou-2018-huanbao-plan.txt"),
                  load(fixtures / "zhuzhou-2020-shengtai-plan.txt")])


@pytest.fixture(scope="module")
def reference(graph):
    return NetworkxBackend(graph)


@pytest.fixture(scope="module")
def embedded(graph, tmp_path_factory):
    from dutygraph.graph.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path_factory.mktemp("store"))
    store.load(graph)
    yield store
    store.close()


@pytest.fixture(scope="module")
def remote_sparql(graph, tmp_path_factory):
    from dutygraph.graph.sparql_remote import RemoteSparqlStore

    with running_oxigraph(tmp_path_factory.mktemp("oxigraph")) as url:
        store = RemoteSparqlStore(url)
        store.load(graph)
        yield store


@pytest.fixture(scope="module")
def backends(graph, embedded, remote_sparql):
    from dutygraph.graph.rdf import to_rdflib

    return {
        "ladybug": embedded_backend(embedded),   # as the command line asks it: column by column (Arrow)
        "pyoxigraph": embedded_sparql(embedded),  # its topic search takes ladybug's token index
        "rdflib": SparqlBackend(rdflib_runner(to_rdflib(graph)), "rdflib"),
        "oxigraph-server": SparqlBackend(remote_sparql.sparql, "oxigraph-server"),
    }


def test_every_question_is_covered():
    assert {name for name, _ in CASES} == set(QUESTIONS)


@pytest.mark.parametrize("backend", ["ladybug", "pyoxigraph", "rdflib", "oxigraph-server"])
@pytest.mark.parametrize("name, params", CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_backend_gives_the_reference_rows(reference, backends, backend, name, params):
    expected = reference.ask(name, **params)
    assert expected, "the reference answer is empty: the case tests nothing"
    assert backends[backend].ask(name, **params) == expected


@pytest.fixture(scope="class")
def neo4j_backend(graph, neo4j_server):
    """The graph in the test Neo4j, held (other tests and test runs on the server wait) for one class's tests."""
    with exclusive(neo4j_server.settings.uri):
        clear(neo4j_server)
        neo4j_server.load(graph)
        yield CypherBackend(lambda q, p: neo4j_server.run_read(q, p), "neo4j")


class TestNeo4j:
    """Neo4j's rows, in a class of their own: the server is held only while these run, not while the other
    backends answer."""

    @pytest.mark.parametrize("name, params", CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
    def test_neo4j_gives_the_reference_rows(self, reference, neo4j_backend, name, params):
        expected = reference.ask(name, **params)
        assert expected, "the reference answer is empty: the case tests nothing"
        assert neo4j_backend.ask(name, **params) == expected
