"""Upload to a real ``oxigraph serve`` on 127.0.0.1 through the Graph Store Protocol, and query it back."""

from __future__ import annotations

import pytest

from dutygraph.errors import QueryError, StoreError
from dutygraph.graph import sparql_remote, vocab
from dutygraph.graph.build import build
from dutygraph.graph.node_link import counts
from dutygraph.graph.sparql_remote import RemoteSparqlStore
from dutygraph.loaders import load
from dutygraph.queries.networkx_backend import top_units

from ..conftest import ROOT
from .oxigraph_server import oxigraph_server  # noqa: F401  (fixture)

SECOND = ROOT / "tests" / "fixtures" / "zhuzhou-2019-second-plan.txt"

TOP_LEAD = """SELECT ?unit (COUNT(DISTINCT ?task) AS ?tasks) WHERE {
  ?task prov:qualifiedAssociation [ prov:hadRole dg:Lead ; prov:agent ?u ] .
  ?u rdfs:label ?unit .
} GROUP BY ?unit ORDER BY DESC(?tasks) ?unit LIMIT 8"""


def test_upload_the_seed_and_query_it_back(oxigraph_server, seed_doc):
    graph = build([seed_doc])
    remote = RemoteSparqlStore(oxigraph_server)
    remote.load(graph)
    assert remote.counts() == counts(graph)
    expected = [{"unit": r["unit"], "tasks": r["tasks"]} for r in top_units(graph, "lead", limit=8)]
    assert remote.sparql(TOP_LEAD) == expected
    assert [d["id"] for d in remote.documents()] == ["doc/zhuzhou-2018-liangxing-plan"]
    unit = vocab.IRI(vocab.iri("unit/株洲市发展和改革委员会"))
    assert remote.sparql("SELECT ?name WHERE { ?u rdfs:label ?name }", {"u": unit}) == [{"name": "株洲市发展和改革委员会"}]


def test_reload_replaces_and_later_uploads_add(oxigraph_server, seed_doc):
    remote = RemoteSparqlStore(oxigraph_server)
    remote.load(build([seed_doc]))
    remote.load(build([seed_doc]))
    assert remote.counts() == counts(build([seed_doc]))
    second = load(SECOND)
    remote.load(build([second]))
    assert remote.counts() == counts(build([seed_doc, second]))
    graphs = remote.sparql("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    assert [g["g"] for g in graphs] == [vocab.graph_iri("doc/zhuzhou-2018-liangxing-plan"),
                                        vocab.graph_iri("doc/zhuzhou-2019-second-plan"), vocab.SHARED_GRAPH]


def test_a_failed_upload_leaves_the_server_as_it_was(oxigraph_server, seed_doc, monkeypatch):
    remote = RemoteSparqlStore(oxigraph_server)
    remote.load(build([seed_doc]))
    before = remote.sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    monkeypatch.setattr(sparql_remote, "replace_update", lambda docs: "BROKEN UPDATE")
    with pytest.raises(StoreError, match="HTTP 400"):
        remote.load(build([seed_doc, load(SECOND)]))
    monkeypatch.undo()
    assert remote.sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == before
    assert remote.counts() == counts(build([seed_doc]))


def test_an_unreachable_server_is_a_store_error():
    with pytest.raises(StoreError):
        RemoteSparqlStore("http://127.0.0.1:9", timeout=2).counts()


@pytest.mark.parametrize("name", ['<x> } ; DROP ALL #', '"} DELETE WHERE { ?s ?p ?o } #', "株洲市环保局' . }"])
def test_bound_text_is_a_literal_and_harms_nothing(oxigraph_server, seed_doc, name):
    remote = RemoteSparqlStore(oxigraph_server)
    remote.load(build([seed_doc]))
    before = remote.counts()
    assert remote.sparql("SELECT ?u WHERE { ?u rdfs:label ?name }", {"name": name}) == []
    assert remote.counts() == before


def test_an_iri_binding_must_be_an_iri(oxigraph_server):
    with pytest.raises(QueryError, match="not an IRI"):
        RemoteSparqlStore(oxigraph_server).sparql("SELECT ?n WHERE { ?u rdfs:label ?n }",
                                                  {"u": vocab.IRI("http://x/a> } ; DROP ALL #")})
