"""The embedded store (ladybug for Cypher, pyoxigraph for SPARQL) on the seed and a second plan.

Real stores in temporary folders; faults are injected by making a step of the
load raise, never by replacing a store.
"""

from __future__ import annotations

import io
import json
import shutil
from collections import Counter

import pytest

from dutygraph.errors import QueryError, StoreError
from dutygraph.graph import ladybug_store, oxigraph_store, staging, vocab
from dutygraph.graph.build import build
from dutygraph.graph.embedded import EmbeddedStore
from dutygraph.graph.node_link import counts
from dutygraph.graph.rdf import graph_ntriples, sparql_counts, to_rdflib
from dutygraph.graph.schema import EDGE_TYPES, NODE_LABELS, TOKEN_EDGE, TOKEN_LABEL, TOKEN_PART_LABEL
from dutygraph.loaders import load

from ..conftest import ROOT

SECOND = ROOT / "tests" / "fixtures" / "zhuzhou-2019-second-plan.txt"
SEED_ID = "doc/zhuzhou-2018-liangxing-plan"
SECOND_ID = "doc/zhuzhou-2019-second-plan"


@pytest.fixture(scope="module")
def second_doc():
    return load(SECOND)


@pytest.fixture()
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    yield s
    s.close()


def _freeze(value):
    if isinstance(value, list):
        return tuple(_freeze(x) for x in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(x)) for k, x in value.items() if not k.startswith("_")))
    return value


def snapshot(store: EmbeddedStore) -> dict:
    """Everything both databases hold: every node and relationship with its properties, every quad, and
    ladybug's token index (each HAS_TOKEN relationship counted, by node and token, each Token node)."""
    nodes = {label: {_freeze(r) for r in store.cypher(f"MATCH (n:{label}) RETURN n.*")} for label in NODE_LABELS}
    edges = {t: {_freeze(r) for r in store.cypher(f"MATCH (a)-[r:{t}]->(b) RETURN a.id, b.id, r.*")}
             for t in EDGE_TYPES}
    quads = {str(q) for q in store._stores(writing=False)[1].store.quads_for_pattern(None, None, None, None)}
    tokens = Counter((r["node"], r["token"]) for r in store.cypher(
        f"MATCH (n)-[:{TOKEN_EDGE}]->(k:{TOKEN_PART_LABEL}) RETURN n.id AS node, k.token AS token"))
    token_nodes = {r["token"] for r in store.cypher(f"MATCH (k:{TOKEN_LABEL}) RETURN k.id AS token")}
    return {"nodes": nodes, "edges": edges, "quads": quads, "tokens": tokens, "token_nodes": token_nodes}


def all_counts(store: EmbeddedStore) -> tuple[dict, dict]:
    return store.counts("cypher"), store.counts("sparql")


@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
def test_seed_counts_are_the_same_in_ladybug_pyoxigraph_and_rdflib(store, seed_doc):
    graph = build([seed_doc])
    expected = counts(graph)
    assert expected["nodes"]["Task"] == 108  # the graph of issue 3, not an empty one
    store.load([seed_doc])
    assert all_counts(store) == (expected, expected)
    assert sparql_counts(to_rdflib(graph)) == expected


def test_loading_the_same_document_again_changes_nothing(store, seed_doc):
    store.load([seed_doc])
    before = snapshot(store)
    store.load([seed_doc])
    assert snapshot(store) == before


def test_later_loads_add_documents_and_merge_shared_units(store, seed_doc, second_doc):
    store.load([seed_doc])
    store.load([second_doc])
    expected = counts(build([seed_doc, second_doc]))
    assert all_counts(store) == (expected, expected)
    [ndrc] = store.cypher("MATCH (u:Unit {id: $id}) RETURN u.documents AS documents, u.aliases AS aliases",
                          {"id": "unit/株洲市发展和改革委员会"})
    assert ndrc["documents"] == [SEED_ID, SECOND_ID]
    assert {"市发改委", "市发展和改革委员会"} <= set(ndrc["aliases"])
    [member] = store.cypher("MATCH (a:Unit {id: $a})-[r:MEMBER_OF]->(b:Unit {id: $b}) RETURN r.documents AS d",
                            {"a": "unit/株洲市渌口区人民政府", "b": "unit/株洲市各区人民政府"})
    assert member["d"] == [SECOND_ID]  # 2019 only: 渌口区 was 株洲县 in 2018
    assert store.sparql("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }") == []  # the default graph alone
    assert [d["id"] for d in store.documents()] == [SEED_ID, SECOND_ID]


def test_the_sparql_half_holds_the_merged_graph_in_its_default_graph(store, seed_doc, second_doc):
    """RDF shape 4: every triple of the documents' named graphs and of the shared graph (as exported, without
    the token index ladybug holds) in the default graph, each once, and nothing else, after two loads."""
    import pyoxigraph as ox

    store.load([seed_doc])
    store.load([second_doc])
    reference = ox.Store()  # read by pyoxigraph as the store reads them (its literals normalised alike)
    reference.load(b"".join(graph_ntriples(build([seed_doc, second_doc]), tokens=False).values()),
                   ox.RdfFormat.N_TRIPLES)
    held = list(store._stores()[1].store.quads_for_pattern(None, None, None, None))
    assert all(q.graph_name == ox.DefaultGraph() for q in held)
    assert {str(q) for q in held} == {str(q) for q in reference} and len(held) == len(reference) > 1000


def test_one_batch_equals_two_loads(tmp_path, seed_doc, second_doc):
    one, two = EmbeddedStore(tmp_path / "one"), EmbeddedStore(tmp_path / "two")
    one.load([seed_doc, second_doc])
    two.load([seed_doc])
    two.load([second_doc])
    a, b = snapshot(one), snapshot(two)
    assert a["edges"] == b["edges"] and a["nodes"]["Task"] == b["nodes"]["Task"]
    assert {r[0] for r in a["nodes"]["Unit"]} == {r[0] for r in b["nodes"]["Unit"]}
    one.close(), two.close()


def test_reloading_an_edited_document_replaces_it(tmp_path, store, seed_doc, second_doc):
    edited = tmp_path / "edited" / SECOND.name  # same file name: same document id
    edited.parent.mkdir()
    text = SECOND.read_text(encoding="utf-8")
    assert "各区人民政府、市财政局" in text and "6月底前" in text
    edited.write_text(text.replace("各区人民政府、市财政局", "各区人民政府").replace("6月底前", "9月底前"),
                      encoding="utf-8")
    edited_doc = load(edited)
    store.load([seed_doc])
    store.load([second_doc])
    assert store.cypher("MATCH (u:Unit {name: '株洲市财政局'}) RETURN count(u) AS n") == [{"n": 1}]
    store.load([edited_doc])
    expected = counts(build([seed_doc, edited_doc]))
    assert all_counts(store) == (expected, expected)
    assert store.cypher("MATCH (u:Unit {name: '株洲市财政局'}) RETURN count(u) AS n") == [{"n": 0}]
    assert store.sparql("ASK { ?u rdfs:label '株洲市财政局' }") is False
    deadlines = store.cypher("MATCH (t:Task {document: $d}) WHERE t.deadline IS NOT NULL RETURN t.deadline AS d",
                             {"d": SECOND_ID})
    assert "9月底前" in {r["d"] for r in deadlines} and "6月底前" not in {r["d"] for r in deadlines}


def test_after_a_reload_the_sparql_half_says_what_the_cypher_half_holds(tmp_path, store, seed_doc, second_doc):
    """RDF shape 4: a reloaded document's old triples are deleted from the default graph by their subjects, none
    of another document's or of a shared description goes: the SPARQL half holds exactly the RDF of the graph
    ladybug holds (a unit only the old version named is gone from both)."""
    import pyoxigraph as ox

    edited = tmp_path / "edited" / SECOND.name
    edited.parent.mkdir()
    edited.write_text(SECOND.read_text(encoding="utf-8").replace("各区人民政府、市财政局", "各区人民政府"),
                      encoding="utf-8")
    store.load([seed_doc, second_doc])
    store.load([load(edited)])
    reference = ox.Store()
    reference.load(b"".join(graph_ntriples(store.graph(), tokens=False).values()), ox.RdfFormat.N_TRIPLES)
    held = {str(q) for q in store._stores()[1].store}
    assert held == {str(q) for q in reference} and len(held) > 1000
    assert store.sparql("ASK { ?u rdfs:label '株洲市财政局' }") is False


def _fail(*args, **kwargs):
    raise RuntimeError("injected fault")


def test_a_failed_load_leaves_the_store_as_it_was(store, seed_doc, second_doc, monkeypatch):
    store.load([seed_doc])
    before = snapshot(store)
    # 1. ladybug fails after its old rows are deleted and the new nodes written
    monkeypatch.setattr(ladybug_store.LadybugStore, "_write_edges", _fail)
    with pytest.raises(StoreError, match="injected fault"):
        store.load([seed_doc, second_doc])
    monkeypatch.undo()
    assert snapshot(store) == before
    # 2. the pyoxigraph bulk load fails, after the replaced document's graph was dropped
    monkeypatch.setattr(staging.Stage, "nquads_stream", lambda self, parts=None: io.BytesIO(b"<x:a> <x:b> <x:c> BROKEN"))
    with pytest.raises(StoreError, match="nothing changed"):
        store.load([second_doc])
    monkeypatch.undo()
    assert snapshot(store) == before
    # and the store still works
    store.load([second_doc])
    assert store.counts() == counts(build([seed_doc, second_doc]))


def test_a_failed_first_load_leaves_no_store(store, seed_doc, monkeypatch):
    monkeypatch.setattr(oxigraph_store.OxigraphStore, "load_staged", _fail)
    with pytest.raises(StoreError, match="nothing changed: injected fault"):
        store.load([seed_doc])
    monkeypatch.undo()
    assert sorted(p.name for p in store.path.iterdir()) == ["write.lock"]  # the unfinished generation is gone
    with pytest.raises(StoreError, match="no dutygraph store here"):
        store.counts()
    store.load([seed_doc])
    assert store.counts() == store.counts("sparql") == counts(build([seed_doc]))


def test_the_store_persists_and_reopens_read_only(tmp_path, seed_doc):
    path = tmp_path / "store"
    with EmbeddedStore(path) as s:
        expected = s.load([seed_doc])
    with EmbeddedStore(path) as s:
        assert s.counts() == expected == s.counts("sparql")
        rows = s.cypher("MATCH (u:Unit)-[:LEADS]->(t:Task) RETURN u.name AS unit, count(t) AS n "
                        "ORDER BY n DESC, unit LIMIT 1")
        assert rows == [{"unit": "株洲市住房和城乡建设局", "n": 8}]


def test_queries_are_read_only(store, seed_doc):
    store.load([seed_doc])
    for query in ("MATCH (n:Unit) SET n.name = 'x'", "MATCH (n) DETACH DELETE n", "CREATE (:Unit {id: 'x'})",
                  "COPY Unit FROM 'x.csv'", "LOAD FROM '/etc/passwd' RETURN *", "CALL create_fts_index('a')"):
        with pytest.raises(QueryError, match="refused"):
            store.cypher(query)
    for query in ("INSERT DATA { <x:a> <x:b> <x:c> }", "DROP ALL",
                  "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"):
        with pytest.raises(QueryError, match="refused"):
            store.sparql(query)
    assert store.cypher("MATCH (t:Task) WHERE t.text CONTAINS 'DELETE' RETURN count(t) AS n") == [{"n": 0}]


def test_no_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no dutygraph store"):
        EmbeddedStore(tmp_path / "nothing").counts()


def test_cypher_timeout(store, seed_doc):
    store.load([seed_doc])
    with pytest.raises(QueryError):
        store.cypher("MATCH (a), (b), (c) WHERE a.id < b.id AND b.id < c.id RETURN count(*) AS n", timeout=0.05)


def test_the_stored_graph_reads_back_as_build_made_it(store, seed_doc, second_doc):
    from dutygraph.graph.node_link import to_node_link

    store.load([seed_doc, second_doc])
    assert to_node_link(store.graph()) == to_node_link(build([seed_doc, second_doc]))


def test_loads_in_another_order_give_the_graph_build_makes(store, seed_doc, second_doc):
    from dutygraph.graph.node_link import to_node_link

    store.load([second_doc])  # 市发展和改革委员会 first, then 市发改委: the shorter is kept, as build() keeps it
    store.load([seed_doc])
    assert to_node_link(store.graph()) == to_node_link(build([seed_doc, second_doc]))
    assert store.cypher("MATCH (u:Unit {id: 'unit/株洲市发展和改革委员会'}) RETURN u.short_name AS s") == [
        {"s": "市发改委"}]
    assert store.sparql("SELECT ?s WHERE { ?u dg:shortName ?s ; dcterms:identifier 'unit/株洲市发展和改革委员会' }") == [
        {"s": "市发改委"}]


def test_two_loads_in_either_order_equal_one(tmp_path, seed_doc, second_doc):
    one, two = EmbeddedStore(tmp_path / "one"), EmbeddedStore(tmp_path / "two")
    one.load([seed_doc, second_doc])
    two.load([second_doc])
    two.load([seed_doc])
    assert snapshot(one) == snapshot(two)  # every node, relationship and quad
    one.close(), two.close()


def test_namesakes_are_stored_apart_and_loading_them_again_changes_nothing(tmp_path, store):
    from dutygraph.graph.node_link import to_node_link

    docs = []
    for folder, source in (("2018", ROOT / "examples" / "zhuzhou-2018-liangxing-plan.txt"), ("2019", SECOND)):
        path = tmp_path / folder / "plan.txt"
        path.parent.mkdir()
        path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        docs.append(load(path))
    store.load(docs)
    assert [d["id"] for d in store.documents()] == ["doc/plan-2018", "doc/plan-2019"]
    before = snapshot(store)
    store.load(docs[::-1])
    assert snapshot(store) == before
    assert to_node_link(store.graph()) == to_node_link(build(docs))
    in_document = store.cypher("MATCH (t:Task)-[r:IN_DOCUMENT]->(d:Document) RETURN DISTINCT d.id AS d, "
                               "r.document AS r, r.documents AS l ORDER BY d")
    assert in_document == [{"d": "doc/plan-2018", "r": "doc/plan-2018", "l": None},
                           {"d": "doc/plan-2019", "r": "doc/plan-2019", "l": None}]


def test_a_store_of_the_previous_format_must_be_loaded_again(tmp_path, seed_doc):
    import json

    path = tmp_path / "store"
    with EmbeddedStore(path) as s:
        s.load([seed_doc])
    meta = json.loads((path / "store.json").read_text(encoding="utf-8"))
    (path / "store.json").write_text(json.dumps({**meta, "format": 1}), encoding="utf-8")
    with pytest.raises(StoreError, match="written by another version"):  # IN_DOCUMENT had `documents` then
        EmbeddedStore(path).counts()


def test_a_load_commits_one_new_generation_and_removes_the_old(store, seed_doc, second_doc):
    store.load([seed_doc])
    assert sorted(p.name for p in store.path.iterdir()) == ["g000001", "store.json", "write.lock"]
    store.load([second_doc])
    assert sorted(p.name for p in store.path.iterdir()) == ["g000002", "store.json", "write.lock"]
    meta = json.loads(store.meta_path.read_text())
    assert meta["generation"] == 2 and meta["documents"] == 2


def test_a_reader_keeps_its_generation_while_a_load_commits_the_next(tmp_path, seed_doc, second_doc):
    path = tmp_path / "store"
    EmbeddedStore(path).load([seed_doc])
    with EmbeddedStore(path) as reader:
        assert [d["id"] for d in reader.documents()] == [SEED_ID]
        EmbeddedStore(path).load([second_doc])
        assert [d["id"] for d in reader.documents()] == [SEED_ID]  # its snapshot, both halves
        assert reader.sparql("SELECT (COUNT(?d) AS ?n) WHERE { ?d a dg:Document }") == [{"n": 1}]
        assert (path / "g000001").is_dir()  # held by the reader: not removed
    with EmbeddedStore(path) as fresh:
        assert [d["id"] for d in fresh.documents()] == [SEED_ID, SECOND_ID]
        fresh.load([seed_doc])  # the next load removes the generation nobody holds any more
    assert sorted(p.name for p in path.iterdir()) == ["g000003", "store.json", "write.lock"]


def test_halves_that_disagree_are_refused_with_how_to_repair(tmp_path, seed_doc, second_doc):
    one, two = tmp_path / "one", tmp_path / "two"
    EmbeddedStore(one).load([seed_doc])
    EmbeddedStore(two).load([seed_doc, second_doc])
    shutil.rmtree(one / "g000001" / "oxigraph")
    shutil.copytree(two / "g000001" / "oxigraph", one / "g000001" / "oxigraph")  # SPARQL now holds 2 documents
    message = f"damaged: the Cypher half \\(ladybug\\) holds 1 documents, the SPARQL half \\(pyoxigraph\\) 2.*" \
              f"remove {one} and load the documents again"
    for action in (lambda s: s.counts(), lambda s: s.sparql("ASK { ?s ?p ?o }"), lambda s: s.load([second_doc])):
        with EmbeddedStore(one) as s, pytest.raises(StoreError, match=message):
            action(s)


def test_a_half_removed_by_hand_is_refused(tmp_path, seed_doc, second_doc):
    path = tmp_path / "store"
    EmbeddedStore(path).load([seed_doc])
    shutil.rmtree(path / "g000001" / "oxigraph")
    for action in (lambda s: s.documents(), lambda s: s.load([second_doc])):
        with EmbeddedStore(path) as s, pytest.raises(StoreError, match="oxigraph/CURRENT is missing; remove"):
            action(s)


def test_raw_writes_are_refused_with_a_pointer_to_load(store, seed_doc):
    store.load([seed_doc])
    before = snapshot(store)
    with pytest.raises(QueryError, match="refused: --write.*only through `dutygraph load`"):
        store.cypher("MATCH (u:Unit) SET u.name = 'x'", write=True)
    assert snapshot(store) == before
