"""ranking.top_units gives the first rows of the top-units question (every role, document and limit),
on the networkx graph and on a real embedded store (ladybug and pyoxigraph)."""

from __future__ import annotations

import pytest

from dutygraph.graph.build import build
from dutygraph.queries import ranking
from dutygraph.queries.backends import NetworkxBackend, SparqlBackend, embedded_backend

DOC = "doc/zhuzhou-2018-liangxing-plan"


@pytest.fixture(scope="module")
def graph(seed_doc):
    from pathlib import Path

    from dutygraph.loaders import load

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "identity"
    return build([seed_doc, load(fixtures / "zhuzhou-2018-huanbao-plan.txt"),
                  load(fixtures / "zhuzhou-2020-shengtai-plan.txt")])


CASES = [(role, document, limit) for role in ("all", "lead", "responsible")
         for document in ("", DOC) for limit in (1, 3, 10, 1000)]


def test_the_ranking_is_the_top_units_question_on_networkx(graph):
    backend = NetworkxBackend(graph)
    ties = 0
    for role, document, limit in CASES:
        expected = backend.ask("top-units", role=role, document=document, limit=limit)
        assert expected
        assert ranking.top_units(backend, role=role, document=document, limit=limit) == expected
        everything = backend.ask("top-units", role=role, document=document, limit=0)
        ties += len(everything) > limit and everything[limit - 1]["tasks"] == everything[limit]["tasks"]
    assert ties, "no case cuts the ranking inside a tie"


def test_the_ranking_is_the_top_units_question_on_the_embedded_store(graph, tmp_path):
    from dutygraph.graph.embedded import EmbeddedStore

    reference = NetworkxBackend(graph)
    with EmbeddedStore(tmp_path / "store") as store:
        store.load(graph)
        for backend in (embedded_backend(store),
                        SparqlBackend(lambda q, p: store.sparql(q, p), "pyoxigraph")):
            for role, document, limit in CASES[::7]:
                assert ranking.top_units(backend, role=role, document=document, limit=limit) == \
                    reference.ask("top-units", role=role, document=document, limit=limit), (backend.name, role)
