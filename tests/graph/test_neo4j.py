"""The Neo4j loader: exact statements (no server), then loads into a real Neo4j (the ``neo4j`` fixture).

Every load is checked against ``build()`` of the documents loaded: node and
relationship counts per label and type, and every property of every node and
relationship.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest

from dutygraph.errors import QueryError, StoreError
from dutygraph.graph.build import build
from dutygraph.graph.neo4j import Neo4jSettings, Neo4jStore, edge_properties, split_graph, write_statements
from dutygraph.graph.neo4j_cypher import DOCUMENT, edge_block, node_block, removal_queries
from dutygraph.graph.node_link import counts
from dutygraph.graph.rows import edge_rows, node_rows
from dutygraph.loaders import load
from dutygraph.model import Assignment, Document, Provenance, Role, Task

from ..conftest import ROOT, SEED
from tests.neo4j_fixtures import neo4j_uri

SECOND = ROOT / "tests" / "fixtures" / "zhuzhou-2019-second-plan.txt"
SEED_ID = "doc/zhuzhou-2018-liangxing-plan"
SECOND_ID = "doc/zhuzhou-2019-second-plan"
HOSTILE = "市\"'}) DETACH DELETE n //局"


@pytest.fixture(scope="module")
def second_doc():
    return load(SECOND)


@pytest.fixture(scope="module")
def seed_graph(seed_doc):
    return build([seed_doc])


def _freeze(value):
    return tuple(value) if isinstance(value, list) else value


def _props(data: dict, drop: str) -> tuple:
    return tuple(sorted((k, _freeze(v)) for k, v in data.items() if k != drop and v is not None))


def graph_dump(g) -> tuple[dict, Counter]:
    """Nodes (id -> label and properties) and relationships (a multiset) of a built graph."""
    nodes = {n: (d["label"], _props(d, "label")) for n, d in g.nodes(data=True)}
    edges = Counter((d["type"], u, v, _props(d, "type")) for u, v, d in g.edges(data=True))
    return nodes, edges


def store_dump(store) -> tuple[dict, Counter]:
    """The same, read back from Neo4j."""
    nodes = {}
    for r in store.run_read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS p"):
        assert len(r["labels"]) == 1, r
        nodes[r["p"]["id"]] = (r["labels"][0], _props(r["p"], ""))
    edges = Counter((r["type"], r["s"], r["t"], _props(r["p"], "")) for r in store.run_read(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS s, b.id AS t, properties(r) AS p"))
    return nodes, edges


def assert_store_equals(store, g) -> None:
    assert store.counts() == counts(g)
    nodes, edges = store_dump(store)
    want_nodes, want_edges = graph_dump(g)
    assert {k: v for k, v in nodes.items() if v != want_nodes.get(k)} == {}
    assert nodes.keys() == want_nodes.keys()
    assert edges - want_edges == Counter() and want_edges - edges == Counter()


def hostile_document() -> Document:
    p = Provenance("hostile.txt", 5, 5)
    return Document("hostile.txt", "湘潭市某计划", issuers=["湘潭市人民政府"],
                    tasks=[Task("A1-1", "做事。", p, annex=1, row=1,
                                assignments=[Assignment(HOSTILE, Role.LEAD, p),
                                             Assignment("市财政局", Role.RESPONSIBLE, p)])])


# -- without a server ----------------------------------------------------------------------------------------------
def test_settings_from_arguments_and_environment():
    s = Neo4jSettings.from_env({})
    assert (s.uri, s.user, s.auth, s.database) == ("neo4j://localhost:7687", None, None, "neo4j")
    env = {"NEO4J_URI": "neo4j://db:7687", "NEO4J_USER": "old", "NEO4J_PASSWORD": "s3cret", "NEO4J_DATABASE": "plans"}
    s = Neo4jSettings.from_env(env)
    assert (s.uri, s.auth, s.database) == ("neo4j://db:7687", ("old", "s3cret"), "plans")
    assert Neo4jSettings.from_env({**env, "NEO4J_USERNAME": "new"}).user == "new"
    s = Neo4jSettings.from_env(env, uri="bolt://other:1", user="me", password="pw", database="x")
    assert (s.uri, s.auth, s.database) == ("bolt://other:1", ("me", "pw"), "x")
    assert "s3cret" not in repr(Neo4jSettings.from_env(env))


def test_split_rows_are_the_rows_of_rows_py_without_none(seed_graph):
    (part,) = split_graph(seed_graph)
    assert part.document == SEED_ID
    for label, rows in node_rows(seed_graph).items():
        assert part.nodes[label] == {r["id"]: {k: v for k, v in r.items() if v is not None} for r in rows}
    for key, rows in edge_rows(seed_graph).items():
        ends = ("source", "target")
        want = sorted((r["source"], r["target"], _props({k: v for k, v in r.items() if k not in ends}, ""))
                      for r in rows)
        got = sorted((source, target, _props(edge_properties(values), ""))
                     for source, target, values in part.edges[key])
        assert got == want, key


def test_a_writer_step_sends_exactly_this_cypher_and_these_parameters(seed_graph):
    steps = write_statements(split_graph(seed_graph)[0], batch_size=50)
    # In batches of 50: 108 tasks, 62 units, 169 responsible units. Every batch of nodes comes before any
    # relationship (so every shared node is locked before a relationship touches it), the last with the first.
    assert [s.query for s in steps] == [DOCUMENT.query] * 6
    assert all(list(s.params) == ["batch"] for s in steps)  # the rows travel inside one map parameter
    assert [s.expect["Task"] for s in steps] == [50, 50, 8, 0, 0, 0]
    assert [s.expect["Unit"] for s in steps] == [50, 12, 0, 0, 0, 0]
    assert [s.expect["LEADS_Unit_Task"] for s in steps] == [0, 0, 50, 24, 0, 0]  # 74 printed leads
    assert [s.expect["RESPONSIBLE_FOR_Unit_Task"] for s in steps] == [0, 0, 50, 50, 50, 19]
    assert repr(steps[0].params["batch"]).startswith("<batch of ")  # (the driver formats it for its debug log)
    for s in steps:  # every list sent is counted, but the ends of relationships (as long as their rows)
        batch = s.params["batch"]
        ends = {k for k in batch if k.endswith(("_source", "_target"))}
        assert all(len(batch[k]) == len(batch[k.rsplit("_", 1)[0]]) for k in ends)
        assert s.expect.items() >= {k: len(v) for k, v in batch.items() if k not in ends}.items()
    document = {k: v for k, v in seed_graph.nodes[SEED_ID].items() if k != "label"}
    assert document["sha256"] and document["title"]
    assert steps[0].params["batch"]["Document"] == [document] and steps[1].params["batch"]["Document"] == []
    on_create = ", ".join(f"n.{p} = row.{p}" for p in ("name", "short_name", "aliases", "kind", "city", "place",
                                                        "jurisdiction", "adcode", "documents"))
    query = DOCUMENT.query
    props = ", ".join(f"{p}: row.{p}" for p in ("id", "name", "title", "plan_title", "issuers", "issued",
                                                 "published", "number", "source", "sha256", "year", "city",
                                                 "jurisdiction", "jurisdiction_level", "adcode", "jurisdiction_basis",
                                                 "jurisdiction_candidates", "province"))
    assert query.startswith("CYPHER replan=skip\n"
                            "CALL () {\n"  # first a document's own nodes are created
                            "  UNWIND $batch.Document AS row\n"
                            f"  CREATE (n:Document {{{props}}})\n"
                            "  RETURN count(n) AS Document\n"
                            "}\n")
    merge = ("CALL () {\n"  # shared nodes not stored yet are created, all listed
             "  UNWIND range(0, size($batch.Unit) - 1) AS i\n"
             "  WITH i, $batch.Unit[i] AS row\n"
             "  MERGE (n:Unit {id: row.id})\n"
             f"  ON CREATE SET {on_create}\n"
             "  WITH n ORDER BY i\n"
             "  RETURN collect(n) AS Unit_merged\n"
             "}\n")
    lock = ("CALL (Unit_merged, Place_merged, Project_merged, ChangeEvent_merged) {\n"  # then all locked, in one order
            "  UNWIND Unit_merged + Place_merged + Project_merged + ChangeEvent_merged AS n\n"
            "  WITH n ORDER BY elementId(n)\n"
            "  SET n.id = n.id\n"
            "  RETURN count(n) AS locked\n"
            "}\n")
    assert merge in query and lock in query
    # nothing shared is touched (so no lock is taken) before the shared nodes are MERGEd
    assert "Unit" not in query[:query.index(merge)] and query.index(merge) < query.index(lock)
    preferred = "".join(  # of two values, the shortest, then the first in order (schema.preferred)
        f"n.{p} = CASE WHEN n.{p} IS NULL OR size(row.{p}) < size(n.{p}) OR size(row.{p}) = size(n.{p}) "
        f"AND row.{p} < n.{p} THEN row.{p} ELSE n.{p} END,\n      " for p in ("name", "short_name"))
    united = (  # sorted lists, each new value appended when it sorts last, else put in its place
        "CASE WHEN row.aliases IS NULL THEN n.aliases ELSE reduce(acc = coalesce(n.aliases, []), x IN row.aliases | "
        "CASE WHEN size(acc) = 0 OR last(acc) < x THEN acc + [x] WHEN x IN acc THEN acc "
        "ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END) END")
    kept = ("CALL (Unit_merged) {\n"  # then their values are settled
            "  UNWIND range(0, size(Unit_merged) - 1) AS i\n"
            "  WITH Unit_merged[i] AS n, $batch.Unit[i] AS row\n"
            "  SET " + preferred + f"n.aliases = {united},\n")
    assert query.index(lock) < query.index(kept)
    assert ("\nRETURN Document, KeyWork, Program, Task, Target, size(Unit_merged) AS Unit, "
            "size(Place_merged) AS Place, size(Project_merged) AS Project, size(ChangeEvent_merged) AS ChangeEvent, "
            "locked, Unit_kept, Place_kept, Project_kept, ChangeEvent_kept, "
            "size(Document_nodes) AS Document_refs, ") in query
    assert steps[0].expect["Unit_kept"] == 50 and "locked" not in steps[0].expect
    assert {"id": "unit/株洲市清水塘投资集团", "name": "株洲市清水塘投资集团", "short_name": "清水塘投资集团",
            "kind": "state_owned_group", "city": "株洲市", "aliases": ["市清水塘投资集团", "清水塘投资集团"],
            "jurisdiction": "株洲市", "adcode": "430200", "documents": [SEED_ID]} in steps[0].params["batch"]["Unit"] + steps[1].params["batch"]["Unit"]
    edge_props = ", ".join(f"{p}: row[{i}]" for i, p in enumerate(("document", "line_first", "line_last", "printed",
                                                                     "inferred", "basis", "role")))
    units = ("CALL () {\n"  # the units the relationships join, looked up once each, in the order sent
             "  UNWIND range(0, size($batch.Unit_refs) - 1) AS i\n"
             "  MATCH (n:Unit {id: $batch.Unit_refs[i]})\n"
             "  WITH n ORDER BY i\n"
             "  RETURN collect(n) AS Unit_nodes\n"
             "}\n")
    leads_block = ("CALL (Unit_nodes, Task_nodes) {\n"  # a relationship names its ends by position in those lists
                   "  UNWIND range(0, size($batch.LEADS_Unit_Task) - 1) AS i\n"
                   "  WITH $batch.LEADS_Unit_Task[i] AS row, Unit_nodes[$batch.LEADS_Unit_Task_source[i]] AS a, "
                   "Task_nodes[$batch.LEADS_Unit_Task_target[i]] AS b\n"
                   "  WHERE a IS NOT NULL AND b IS NOT NULL\n"
                   f"  CREATE (a)-[r:LEADS {{{edge_props}}}]->(b)\n"
                   "  RETURN count(r) AS LEADS_Unit_Task\n"
                   "}\n")
    in_document = query.index("CALL (Task_nodes, Document_nodes) {\n"
                              "  UNWIND range(0, size($batch.IN_DOCUMENT_Task_Document)")
    # own relationships before the lock; those touching shared nodes after it
    assert in_document < query.index(lock) < query.index(units) < query.index(leads_block)
    assert (  # the lookups are counted too: a missing node fails the document
        " size(Program_nodes) AS Program_refs, size(Task_nodes) AS Task_refs, size(Unit_nodes) AS Unit_refs, "
        "size(Place_nodes) AS Place_refs, size(Project_nodes) AS Project_refs, size(Target_nodes) AS Target_refs, "
    ) in query
    # the units this batch's relationships touch: leads, responsibilities and the change events (市环保局 …)
    assert steps[2].expect["Unit_refs"] == len(steps[2].params["batch"]["Unit_refs"]) == 43

    def leads(step):
        batch = step.params["batch"]
        ends = zip(batch["LEADS_Unit_Task_source"], batch["LEADS_Unit_Task_target"])
        return [(batch["Unit_refs"][s], batch["Task_refs"][t], props)
                for (s, t), props in zip(ends, batch["LEADS_Unit_Task"])]

    assert leads(steps[2])[0] == (  # rows in (source, target) order, values in EDGE_VALUES order
        "unit/株洲市两型办", f"{SEED_ID}/task/A4-2", [SEED_ID, 224, 224, "市两型办", False, "printed", "lead", None])
    assert ("unit/株洲市清水塘投资集团", f"{SEED_ID}/task/A2-4-2",
            [SEED_ID, 141, 141, "清水塘投资集团", False, "printed", "lead", None]) in leads(steps[3])
    # every value a parameter, never in the text
    assert all("株洲" not in s.query for s in steps)


def test_removal_queries_text():
    queries = removal_queries()
    assert queries[0] == ("CALL () {\n"  # the shared nodes naming it locked first, in the order loads use
                          "  MATCH (n:Unit) WHERE $document IN n.documents RETURN n\n"
                          "  UNION ALL\n"
                          "  MATCH (n:Place) WHERE $document IN n.documents RETURN n\n"
                          "  UNION ALL\n"
                          "  MATCH (n:Project) WHERE $document IN n.documents RETURN n\n"
                          "  UNION ALL\n"
                          "  MATCH (n:ChangeEvent) WHERE $document IN n.documents RETURN n\n"
                          "}\n"
                          "WITH n ORDER BY elementId(n)\n"
                          "SET n.id = n.id")
    assert queries[1] == ("MATCH (a:Unit)-[r:MEMBER_OF]->(b:Unit)\n"
                          "WHERE $document IN a.documents AND $document IN r.documents\n"
                          "SET r.documents = [d IN r.documents WHERE d <> $document]\n"
                          "WITH r WHERE size(r.documents) = 0\n"
                          "DELETE r")
    assert ("MATCH (n:Unit) WHERE $document IN n.documents\n"
            "SET n.documents = [d IN n.documents WHERE d <> $document]\n"
            "WITH n WHERE size(n.documents) = 0\n"
            "DETACH DELETE n") in queries
    assert queries[-5:] == [
        "MATCH (n:Document {id: $document})\nDETACH DELETE n",
        "MATCH (n:KeyWork {document: $document})\nDETACH DELETE n",
        "MATCH (n:Program {document: $document})\nDETACH DELETE n",
        "MATCH (n:Task {document: $document})\nDETACH DELETE n",
        "MATCH (n:Target {document: $document})\nDETACH DELETE n"]


def test_labels_and_types_come_only_from_the_schema():
    with pytest.raises(ValueError, match="not a node label"):
        node_block("Unit) DETACH DELETE n //")
    with pytest.raises(ValueError, match="not a relationship type"):
        edge_block("LEADS]->() DETACH DELETE r //", "Unit", "Task")
    with pytest.raises(ValueError, match="does not join"):
        edge_block("LEADS", "Unit", "Document")
    g = nx.MultiDiGraph()
    g.add_node("x", label="Unit`) DETACH DELETE n //", id="x")
    with pytest.raises(ValueError, match="not a node label"):
        split_graph(g)


def test_an_unreachable_server_is_a_store_error():
    with pytest.raises(StoreError, match=r"cannot reach Neo4j at bolt://127\.0\.0\.1:1: "):
        Neo4jStore("bolt://127.0.0.1:1").counts()
    with pytest.raises(StoreError, match="bad Neo4j URI"):
        Neo4jStore("http://127.0.0.1:7474").counts()


# -- with a server ---------------------------------------------------------------------------------------------------
def test_seed_load_equals_the_built_graph(neo4j, seed_doc, seed_graph):
    report = neo4j.load([seed_doc])
    assert report.documents == [SEED_ID]
    assert report.relationships == seed_graph.number_of_edges()
    assert_store_equals(neo4j, seed_graph)


def test_loading_again_changes_nothing(neo4j, seed_doc, seed_graph):
    neo4j.load([seed_doc])
    before = store_dump(neo4j)
    neo4j.load([seed_doc], batch_size=7)
    neo4j.load(seed_graph)
    assert store_dump(neo4j) == before
    assert_store_equals(neo4j, seed_graph)


def test_two_documents_share_their_units(neo4j, seed_doc, second_doc):
    neo4j.load([seed_doc, second_doc])
    assert_store_equals(neo4j, build([seed_doc, second_doc]))
    row = neo4j.run_read("MATCH (u:Unit {id: $id}) RETURN u.documents AS d", {"id": "unit/株洲市发展和改革委员会"})
    assert row == [{"d": [SEED_ID, SECOND_ID]}]


def _poisoned(g):
    """A copy whose last relationship type written carries a value Neo4j cannot store (a map): the
    document's nodes and most of its relationships are written in its transaction before it fails."""
    g = g.copy()
    u, v, k = next((u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if d["type"] == "HAS_TARGET")
    g.edges[u, v, k]["printed"] = {"not": "storable"}
    return g


def test_a_failing_second_document_leaves_the_first_whole_and_nothing_of_itself(neo4j, second_doc, seed_graph):
    third = build([hostile_document()])
    with pytest.raises(StoreError, match=f"loading {SECOND_ID}.*nothing of it was written"):
        neo4j.load([seed_graph, _poisoned(build([second_doc])), third])
    assert neo4j.documents() == [SEED_ID]
    assert_store_equals(neo4j, seed_graph)


def test_a_relationship_to_a_node_not_stored_fails_its_document_and_writes_nothing(neo4j, seed_graph):
    (part,) = split_graph(seed_graph)
    missing = sorted(part.nodes["Task"])[3]
    del part.nodes["Task"][missing]  # its relationships still name it
    with pytest.raises(StoreError, match=rf"loading {SEED_ID}: .*Task_refs: wrote \d+ of \d+ rows \(an endpoint is "
                                         r"missing or duplicated\); nothing of it was written"):
        neo4j.load([part])
    assert neo4j.counts() == {"nodes": {}, "edges": {}}


def test_parallel_workers_load_the_same_graph(neo4j, seed_doc, second_doc):
    docs = [seed_doc, second_doc, hostile_document()]
    everything = build(docs)
    report = neo4j.load(docs, workers=3)
    assert report.transactions == 3 and {SEED_ID, SECOND_ID} < set(report.documents)
    assert_store_equals(neo4j, everything)
    neo4j.load([seed_doc, second_doc], workers=2)  # again, in parallel: nothing changes
    assert_store_equals(neo4j, everything)


def test_parallel_workers_stop_at_a_failing_document_and_leave_nothing_of_it(neo4j, seed_doc, second_doc):
    def fault(tx, document):
        if document == SECOND_ID:
            raise RuntimeError("injected fault")

    with pytest.raises(StoreError, match=f"loading {SECOND_ID} failed, nothing of it was written"):
        neo4j.load([seed_doc, second_doc], before_commit=fault, workers=2)
    assert neo4j.documents() == [SEED_ID]
    assert_store_equals(neo4j, build([seed_doc]))


def test_a_fault_inside_the_transaction_rolls_the_document_back(neo4j, seed_doc, second_doc, seed_graph):
    def fault(tx, document):
        if document == SECOND_ID:
            raise RuntimeError("injected fault")

    with pytest.raises(StoreError, match=f"loading {SECOND_ID} failed, nothing of it was written: .*injected fault"):
        neo4j.load([seed_doc, second_doc], before_commit=fault)
    assert_store_equals(neo4j, seed_graph)


def test_reloading_an_edited_document_replaces_it(neo4j, tmp_path, seed_doc, second_doc):
    text = SEED.read_text(encoding="utf-8")
    cell = "市发改委、市经信委、市人社局、市国土资源局、市环保局、市国资委、石峰区人民政府"  # task A2-1, responsible
    assert text.count(cell) == 1
    path = tmp_path / SEED.name  # same file name: same document id
    path.write_text(text.replace(cell, "市发改委、市经信委、市统计局、市国土资源局、市环保局、石峰区人民政府"),
                    encoding="utf-8")
    edited = load(path)
    neo4j.load([seed_doc, second_doc])
    neo4j.load([edited])
    assert_store_equals(neo4j, build([edited, second_doc]))
    task = f"{SEED_ID}/task/A2-1"
    rows = neo4j.run_read("MATCH (u:Unit)-[:RESPONSIBLE_FOR]->(:Task {id: $t}) RETURN u.id AS u ORDER BY u",
                          {"t": task})
    units = [r["u"] for r in rows]
    assert "unit/株洲市统计局" in units and "unit/株洲市人力资源和社会保障局" not in units
    # 市国资委 was named by that cell only: gone. 市发改委 is named by the second plan too: it stays, for both.
    assert neo4j.run_read("MATCH (u:Unit {id: 'unit/株洲市国有资产监督管理委员会'}) RETURN u") == []
    assert neo4j.run_read("MATCH (u:Unit {id: 'unit/株洲市发展和改革委员会'}) RETURN u.documents AS d") == [
        {"d": [SEED_ID, SECOND_ID]}]


def test_deleting_a_document_keeps_what_another_names(neo4j, seed_doc, second_doc):
    neo4j.load([seed_doc, second_doc])
    assert neo4j.delete_document(SEED_ID) is True
    assert neo4j.delete_document(SEED_ID) is False
    g = build([second_doc])
    assert neo4j.counts() == counts(g)
    nodes, edges = store_dump(neo4j)
    want_nodes, want_edges = graph_dump(g)
    assert nodes.keys() == want_nodes.keys()
    assert edges == want_edges
    # A shared node keeps the preferred values the deleted document gave it (short_name; aliases are united):
    # build() takes those from every document it is given, which a store cannot undo. Lists and ids agree.
    for n, (label, props) in nodes.items():
        if label in ("Unit", "Place", "Project"):
            assert dict(props)["documents"] == (SECOND_ID,)
        else:
            assert (label, props) == want_nodes[n]


def test_hostile_names_are_stored_verbatim_and_harm_nothing(neo4j, seed_doc):
    neo4j.load([seed_doc, hostile_document()])
    assert_store_equals(neo4j, build([seed_doc, hostile_document()]))
    rows = neo4j.run_read("MATCH (u:Unit)-[r:LEADS]->(:Task) WHERE r.printed = $p RETURN u.short_name AS s, "
                          "u.aliases AS a", {"p": HOSTILE})
    assert rows == [{"s": HOSTILE, "a": [HOSTILE]}]


def test_run_read_refuses_writes_and_times_out(neo4j, seed_doc):
    neo4j.load([seed_doc])
    assert neo4j.run_read("MATCH (d:Document) RETURN d.id AS id") == [{"id": SEED_ID}]
    with pytest.raises(QueryError):
        neo4j.run_read("CREATE (n:Unit {id: 'x'}) RETURN n")
    assert neo4j.run_read("MATCH (n:Unit {id: 'x'}) RETURN n") == []
    with pytest.raises(QueryError, match="cypher: "):
        neo4j.run_read("MATCH (n RETURN n")
    with pytest.raises(QueryError, match="timed out"):
        neo4j.run_read("UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n", timeout=0.5)


def test_a_routing_uri_works_unchanged(neo4j, seed_doc, seed_graph):
    uri = neo4j_uri()
    if not uri.startswith("bolt://"):
        pytest.skip(f"NEO4J_URI is {uri}, not a bolt:// URI to turn into neo4j://")
    with Neo4jStore(uri="neo4j://" + uri.removeprefix("bolt://"), database=neo4j.settings.database) as routed:
        routed.load([seed_doc])
        assert routed.counts() == counts(seed_graph)


def test_loading_documents_in_another_order_gives_the_same_store(neo4j, seed_doc, second_doc):
    neo4j.load([second_doc])  # 市发展和改革委员会 first, then 市发改委: the shorter is kept, as build() keeps it
    neo4j.load([seed_doc])
    assert_store_equals(neo4j, build([seed_doc, second_doc]))
    assert neo4j.run_read("MATCH (u:Unit {id: 'unit/株洲市发展和改革委员会'}) RETURN u.short_name AS s") == [
        {"s": "市发改委"}]


def test_in_document_rows_carry_their_document_and_namesakes_get_the_ids_of_build(tmp_path, seed_doc, second_doc):
    from dutygraph.graph.neo4j import contributions

    a, b = tmp_path / "2018" / "plan.txt", tmp_path / "2019" / "plan.txt"
    for path, source in ((a, SEED), (b, SECOND)):
        path.parent.mkdir()
        path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    a, b = load(a), load(b)
    parts = list(contributions([b, a]))
    assert [p.document for p in parts] == ["doc/plan-2019", "doc/plan-2018"]  # in the order given
    for part in parts:
        rows = [r for key, rows in part.edges.items() if key[0] == "IN_DOCUMENT" for r in rows]
        assert rows and all(target == part.document and edge_properties(values) == {"document": part.document}
                            for _, target, values in rows)
    want = {p.document: p for p in split_graph(build([a, b]))}
    assert all(p.nodes.keys() == want[p.document].nodes.keys() for p in parts)


def _two_plans_the_second_reaching_into_the_first() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for doc in ("doc/a", "doc/b"):
        g.add_node(doc, label="Document", id=doc)
        g.add_node(f"{doc}/task/1", label="Task", id=f"{doc}/task/1", document=doc)
        g.add_edge(f"{doc}/task/1", doc, key="IN_DOCUMENT", type="IN_DOCUMENT", document=doc)
    g.add_edge("doc/b/task/1", "doc/a/task/1", key="PART_OF", type="PART_OF", document="doc/b")
    return g


def test_a_relationship_across_documents_is_refused():
    from dutygraph.graph.neo4j import contributions, prefetch

    with pytest.raises(ValueError, match=r"PART_OF doc/b/task/1 -> doc/a/task/1 joins documents \['doc/a', 'doc/b'\]"):
        list(prefetch(contributions(_two_plans_the_second_reaching_into_the_first())))  # raised here, not in the thread


def test_a_graph_is_split_as_it_loads_and_a_bad_document_stops_the_load_whole(neo4j):
    g = _two_plans_the_second_reaching_into_the_first()
    with pytest.raises(ValueError, match="joins documents"):
        neo4j.load(g)  # the first document is written before the second is split
    assert neo4j.documents() == ["doc/a"]
    good = g.copy()
    good.remove_nodes_from(["doc/b", "doc/b/task/1"])
    assert_store_equals(neo4j, good)


def test_contributions_are_passed_on_as_they_are(seed_graph, second_doc):
    from dutygraph.graph.neo4j import contributions

    (part,) = split_graph(seed_graph)
    parts = list(contributions([part, second_doc]))
    assert parts[0] is part and parts[1].document == SECOND_ID


@pytest.fixture(scope="module")
def shared_unit_plans(tmp_path_factory):
    """Twelve generated plans of one city: the same units recur in all of them."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate_corpus import write_corpus

    out = tmp_path_factory.mktemp("plans")
    write_corpus(out, 12, seed=7, city="株洲")
    return [load(p) for p in sorted(out.glob("*.txt"))]


def test_parallel_workers_on_shared_units_meet_no_deadlock(neo4j, shared_unit_plans, caplog):
    """Documents naming the same units lock them in one order first: the server never has to break a
    deadlock (the driver would retry the victim after a second's wait)."""
    import logging

    with caplog.at_level(logging.INFO, logger="neo4j"):
        report = neo4j.load(shared_unit_plans, workers=4)
    assert report.transactions == len(shared_unit_plans)
    assert [r.getMessage() for r in caplog.records if "Deadlock" in r.getMessage()] == []
    everything = build(shared_unit_plans)
    assert_store_equals(neo4j, everything)  # no document lost from a shared node's list (no lost update)
    neo4j.load(shared_unit_plans[::-1], workers=4)  # each removes its old contribution, in parallel
    assert_store_equals(neo4j, everything)
