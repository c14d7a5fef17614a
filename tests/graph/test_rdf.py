"""The seed as RDF: counts by SPARQL equal the graph's, SHACL conformance, the ontology covers every term."""

from __future__ import annotations

from importlib.resources import files

import pyoxigraph as ox
import pytest

from dutygraph.graph import vocab
from dutygraph.graph.build import build
from dutygraph.graph.node_link import counts
from dutygraph.graph.rdf import FORMATS, quads, serialize, sparql_counts, to_oxigraph_dataset, to_rdflib, triples
from dutygraph.loaders import load

from ..conftest import ROOT

SECOND = ROOT / "tests" / "fixtures" / "zhuzhou-2019-second-plan.txt"
SEED_ID, SECOND_ID = "doc/zhuzhou-2018-liangxing-plan", "doc/zhuzhou-2019-second-plan"


@pytest.fixture(scope="module")
def graph(seed_doc):
    return build([seed_doc])


@pytest.fixture(scope="module")
def two(seed_doc):
    return build([seed_doc, load(SECOND)])


def test_sparql_counts_on_pyoxigraph_equal_the_graph(graph, two):
    assert sparql_counts(to_oxigraph_dataset(graph)) == counts(graph)
    assert sparql_counts(to_oxigraph_dataset(two)) == counts(two)


@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
def test_sparql_counts_on_rdflib_equal_the_graph(graph):
    assert sparql_counts(to_rdflib(graph)) == counts(graph)


def test_one_graph_per_document_and_shared_resources_described_once(two):
    by_graph: dict[str, list] = {}
    for q in quads(two):
        by_graph.setdefault(q.graph_name.value, []).append(q)
    seed_g, second_g = vocab.graph_iri(SEED_ID), vocab.graph_iri(SECOND_ID)
    assert sorted(by_graph) == sorted([seed_g, second_g, vocab.SHARED_GRAPH])
    ndrc = vocab.iri("unit/株洲市发展和改革委员会")
    referenced = vocab.PROPERTIES["documents"][0]
    described = [q for q in by_graph[vocab.SHARED_GRAPH] if q.subject.value == ndrc]
    assert described and all(q.predicate.value != referenced for q in described)
    for g, doc in ((seed_g, SEED_ID), (second_g, SECOND_ID)):
        assert [q.object.value for q in by_graph[g] if q.subject.value == ndrc] == [vocab.iri(doc)]
    task = vocab.iri(f"{SECOND_ID}/task/A1-1-1")
    assert task in {q.subject.value for q in by_graph[second_g]}
    elsewhere = by_graph[seed_g] + by_graph[vocab.SHARED_GRAPH]
    assert task not in {q.subject.value for q in elsewhere}


def test_no_triple_is_in_two_graphs_and_their_union_is_the_merged_graph(two):
    all_quads = quads(two)
    merged = {ox.Triple(q.subject, q.predicate, q.object) for q in all_quads}
    assert len(merged) == len(all_quads) == len(triples(two))


def test_turtle_export_conforms_to_the_shapes(two):
    import pyshacl
    import rdflib

    data = rdflib.Graph().parse(data=serialize(two, "turtle"), format="turtle")
    shapes = rdflib.Graph().parse(str(files("dutygraph.data") / "shapes.ttl"), format="turtle")
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert conforms, report


def test_shapes_catch_a_broken_graph(graph):
    import pyshacl
    import rdflib

    data = rdflib.Graph().parse(data=serialize(graph, "turtle"), format="turtle")
    task = rdflib.URIRef(vocab.iri("doc/zhuzhou-2018-liangxing-plan/task/A2-5-1"))
    data.remove((task, rdflib.URIRef(vocab.DG + "kind"), None))
    data.add((task, rdflib.URIRef(vocab.DG + "kind"), rdflib.Literal("maybe")))
    shapes = rdflib.Graph().parse(str(files("dutygraph.data") / "shapes.ttl"), format="turtle")
    conforms, _, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert not conforms


def test_the_ontology_declares_every_term_used(two):
    import rdflib

    onto = rdflib.Graph().parse(str(files("dutygraph.data") / "ontology.ttl"), format="turtle")
    declared = {str(s) for s in onto.subjects(rdflib.RDF.type, None)}
    used = set()
    for t in triples(two):
        used.add(t.predicate.value)
        if t.predicate.value == vocab.RDF_TYPE or t.predicate.value == vocab.PROV + "hadRole":
            used.add(t.object.value)
    own = {u for u in used if u.startswith(vocab.DG)}
    assert own and own <= declared, sorted(own - declared)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_serialisation_parses_back(graph, fmt):
    name, dataset = FORMATS[fmt]
    data = serialize(graph, fmt)
    parsed = list(ox.parse(data, getattr(ox.RdfFormat, name)))
    assert len(parsed) == (len(quads(graph)) if dataset else len(triples(graph)))


def test_in_document_statements_are_derived_from_their_one_document(two):
    by_statement: dict[str, dict] = {}
    for q in quads(two):
        by_statement.setdefault(q.subject.value, {}).setdefault(q.predicate.value, []).append(
            (q.object.value, q.graph_name.value))
    in_document = [p for p in by_statement.values()
                   if p.get(vocab.RDF + "predicate", [(None,)])[0][0] == vocab.EDGES["IN_DOCUMENT"][1]]
    assert len(in_document) == counts(two)["edges"]["IN_DOCUMENT"]
    derived, referenced = vocab.PROPERTIES["document"][0], vocab.PROPERTIES["documents"][0]
    for p in in_document:
        (doc, graph), = p[derived]
        assert p[vocab.RDF + "object"] == [(doc, graph)] and graph == vocab.graph_iri(vocab.id_of(doc))
        assert referenced not in p
