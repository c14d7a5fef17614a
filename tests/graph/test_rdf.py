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


def test_in_document_and_part_of_are_their_direct_triple_alone_in_their_document_graph(two):
    found = {(q.subject.value, q.predicate.value, q.object.value): q.graph_name.value for q in quads(two)}
    subjects = {s for s, _, _ in found}
    seen = 0
    for u, w, data in two.edges(data=True):
        if data["type"] not in vocab.UNQUALIFIED:
            continue
        seen += 1
        direct = (vocab.iri(u), vocab.EDGES[data["type"]][1], vocab.iri(w))
        assert found[direct] == vocab.graph_iri(data["document"])
        assert vocab.edge_iri(data["type"], u, w) not in subjects
    assert seen == counts(two)["edges"]["IN_DOCUMENT"] + counts(two)["edges"]["PART_OF"]


def test_what_a_qualification_node_leaves_out_its_ends_give(two):
    """The rules of vocab.UNQUALIFIED and vocab.IMPLIED hold for every relationship of two plans."""
    nodes = two.nodes
    checked = {}
    for u, w, data in two.edges(data=True):
        type_ = data["type"]
        if "document" not in data:
            assert "line_first" not in data
            continue
        own = next(n for n in (u, w) if nodes[n]["label"] in ("Task", "KeyWork", "Program", "Target", "Document"))
        assert data["document"] == (own if nodes[own]["label"] == "Document" else nodes[own]["document"])
        if type_ == "IN_DOCUMENT":
            assert set(data) == {"type", "document"} and data["document"] == w
        elif type_ == "PART_OF":
            part = nodes[u]
            assert (data.get("line_first"), data.get("line_last")) == (part.get("line_first"), part.get("line_last"))
            assert data.get("basis") == {"Task": "row", "Program": "annex"}.get(nodes[w]["label"]) \
                if part["label"] == "Task" else "basis" not in data
            assert data.get("printed") == (part["title"] if part["label"] == "KeyWork" else None)
            assert set(data) <= {"type", "document", "line_first", "line_last", "basis", "printed"}
        elif type_ in ("DEPENDS_ON", "CONCERNS"):
            assert (data["line_first"], data["line_last"]) == (nodes[u]["line_first"], nodes[u]["line_last"])
        checked[type_] = checked.get(type_, 0) + 1
    assert {"IN_DOCUMENT", "PART_OF", "DEPENDS_ON", "CONCERNS", "LEADS"} <= set(checked)


def test_qualification_nodes_carry_only_what_the_ends_do_not_say(two):
    predicates: dict[str, set] = {}
    for q in quads(two):
        if q.subject.value.startswith(vocab.ID + "rel/"):
            predicates.setdefault(q.subject.value, set()).add(q.predicate.value)
    assert predicates
    for iri, held in predicates.items():
        assert vocab.PROPERTIES["document"][0] not in held, iri
        if "/DEPENDS_ON/" in iri or "/CONCERNS/" in iri:
            assert vocab.PROPERTIES["line_first"][0] not in held, iri
    inferred = {(q.subject.value, q.object.value) for q in quads(two) if q.predicate.value == vocab.DG + "inferred"}
    assert inferred and {o for _, o in inferred} == {"true"}


@pytest.fixture(scope="module")
def corpus(seed_doc, tmp_path_factory):
    """The seed, the second plan and five generated plans of the same city (units, places and projects in
    common), built together."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate_corpus import write_corpus

    folder = tmp_path_factory.mktemp("generated")
    write_corpus(folder, 5, seed=7, city="株洲")
    generated = [load(p) for p in sorted(folder.glob("*.txt"))]
    return build([seed_doc, load(SECOND), *generated])


def test_deleting_a_documents_triples_from_the_default_graph_leaves_exactly_the_others(corpus):
    """The embedded store's layout (RDF shape 4): rdf.delete_documents takes from the default graph every
    triple of the document's named graph and nothing else, whichever document, and several at once."""
    from dutygraph.graph.rdf import SHARED, delete_documents, graph_ntriples

    bodies = graph_ntriples(corpus, tokens=False)
    documents = [key for key in bodies if key != SHARED]
    assert len(documents) == 7

    def store(keys) -> ox.Store:
        s = ox.Store()
        for key in keys:
            s.load(bodies[key], ox.RdfFormat.N_TRIPLES)
        return s

    def held(s: ox.Store) -> set[str]:
        return {str(q) for q in s}

    everything = held(store(bodies))
    for gone in [[d] for d in documents] + [documents[:3], documents]:
        s = store(bodies)
        s.update(delete_documents(gone))
        kept = held(s)
        assert kept == held(store(k for k in bodies if k not in gone)), gone
        assert len(everything) - len(kept) == len(held(store(gone)))  # no triple of two documents
