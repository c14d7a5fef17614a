"""The documents' triples rendered from templates (ntriples) are those graph_ntriples renders, line for line."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from dutygraph.graph.build import build
from dutygraph.graph.ntriples import document_ntriples, node_iri
from dutygraph.graph.rdf import SHARED, graph_ntriples
from dutygraph.graph.vocab import iri
from dutygraph.loaders import load

from ..conftest import ROOT, SEED


def _expected(graph) -> Counter:
    lines = []
    for key, body in graph_ntriples(graph, tokens=False).items():
        if key != SHARED:
            lines += body.decode().splitlines()
    return Counter(lines)


def _rendered(graph) -> Counter:
    return Counter(line for body in document_ntriples(graph) for line in body.decode().splitlines())


def test_the_triples_of_real_plans_are_those_graph_ntriples_gives():
    files = [SEED, *sorted((ROOT / "tests" / "fixtures" / "real").glob("*.txt"))[:6]]
    graph = build([load(f) for f in files])
    expected = _expected(graph)
    assert _rendered(graph) == expected
    assert len(expected) > 5000


def test_every_kind_of_value_and_relationship_renders_as_graph_ntriples_renders_it():
    g = nx.MultiDiGraph()
    g.add_node("doc/a", label="Document", id="doc/a", name='计划 "甲"\\\n', issued="2018-03-31",
               published="2018年", year=2018, issuers=["甲", "乙"])
    g.add_node("doc/a/task/A1-1", label="Task", id="doc/a/task/A1-1", name="T", document="doc/a",
               amount_total=1.5e300 * 1e10, amounts=["1元"], annex=1)
    g.add_node("doc/a/program/p 1", label="Program", id="doc/a/program/p 1", name="P", document="doc/a")
    g.add_node("unit/株洲市", label="Unit", id="unit/株洲市", name="U", kind="collective", documents=["doc/a", "doc/b"])
    g.add_node("place/株洲市/荷塘区", label="Place", id="place/株洲市/荷塘区", name="荷塘区", documents=["doc/a"])
    g.add_edge("unit/株洲市", "doc/a/task/A1-1", key="LEADS", type="LEADS", document="doc/a", line_first=3,
               basis="printed", inferred=False, printed="市")
    g.add_edge("unit/株洲市", "doc/a/task/A1-1", key="COOPERATES_ON", type="COOPERATES_ON", document="doc/a",
               basis="note", inferred=True)
    g.add_edge("doc/a/task/A1-1", "doc/a/program/p 1", key="DEPENDS_ON", type="DEPENDS_ON", document="doc/a",
               basis="part_of", inferred=False, line_first=3)
    g.add_edge("doc/a/task/A1-1", "doc/a/program/p 1", key="PART_OF", type="PART_OF", document="doc/a", basis="annex")
    g.add_edge("doc/a/task/A1-1", "doc/a", key="IN_DOCUMENT", type="IN_DOCUMENT")  # an old graph: no `document`
    g.add_edge("unit/株洲市", "place/株洲市/荷塘区", key="GOVERNS", type="GOVERNS", inferred=True, basis="divisions",
               documents=["doc/a", "doc/b"])
    assert _rendered(g) == _expected(g)


def test_an_iri_of_plain_characters_is_the_id_itself_and_others_are_percent_encoded():
    for node_id in ("doc/a/task/A1-1", "unit/株洲市", "doc/a b", "doc/a%20", "x~y_z.1-2", ""):
        assert node_iri(node_id) == f"<{iri(node_id)}>"
