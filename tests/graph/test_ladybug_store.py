"""ladybug's token index of topic search (dutygraph.graph.ladybug_store with dutygraph.graph.text_index).

Both load paths, the batched writer (``LadybugStore.load``) and the bulk path of the
embedded store (token shards staged beside the node shards, ``COPY … FROM``), must
write exactly the (node, token) pairs text_index gives, each once, and a Token node
for exactly the tokens some node holds (a node's HAS_TOKEN points at its token's
TokenPart of the batch that wrote it, which the Token reaches by HAS_PART); a reload
replaces a document's tokens and leaves none of its old ones; a failed load changes
none; a batch starts a new node group of TokenParts when the current one holds many
pairs. Real stores in temporary folders.
"""

from __future__ import annotations

from collections import Counter

import pytest

from dutygraph.errors import StoreError
from dutygraph.graph.build import build
from dutygraph.graph.embedded import EmbeddedStore
from dutygraph.graph.ladybug_store import LadybugStore
from dutygraph.graph import ladybug_store
from dutygraph.graph.schema import TOKEN_EDGE, TOKEN_LABEL, TOKEN_PART_EDGE, TOKEN_PART_LABEL
from dutygraph.graph.staging import Stage
from dutygraph.graph.stream import stage_graph
from dutygraph.graph.text_index import node_tokens
from dutygraph.loaders import load

from ..conftest import ROOT, SEED

FIXTURES = ROOT / "tests" / "fixtures"
SECOND = FIXTURES / "zhuzhou-2019-second-plan.txt"


def held(cypher) -> Counter:
    """Every (node, token) relationship of the index, counted (a pair written twice counts 2)."""
    return Counter((r["node"], r["token"]) for r in cypher(
        f"MATCH (n)-[:{TOKEN_EDGE}]->(p:{TOKEN_PART_LABEL})<-[:{TOKEN_PART_EDGE}]-(k:{TOKEN_LABEL}) "
        "WHERE p.token = k.id RETURN n.id AS node, p.token AS token"))


def token_nodes(cypher) -> set[str]:
    return {r["token"] for r in cypher(f"MATCH (k:{TOKEN_LABEL}) RETURN k.id AS token")}


def expected(graph) -> Counter:
    """What text_index says the index holds for ``graph``: each distinct token of each indexed node, once."""
    return Counter((n, tok) for n, d in graph.nodes(data=True) for tok in node_tokens(d))


def check(cypher, graph) -> None:
    pairs = held(cypher)
    assert pairs == expected(graph)
    assert sum(pairs.values()) == cypher(f"MATCH ()-[r:{TOKEN_EDGE}]->() RETURN count(r) AS n")[0]["n"]
    assert token_nodes(cypher) == {tok for _, tok in pairs}   # no Token without a holder
    empty = (f"MATCH (p:{TOKEN_PART_LABEL}) WHERE p.token IS NOT NULL "
             f"AND NOT EXISTS {{ MATCH (p)<-[:{TOKEN_EDGE}]-() }} ")
    assert cypher(empty + "RETURN count(p) AS n")[0]["n"] == 0   # nor a TokenPart
    assert cypher(f"MATCH (p:{TOKEN_PART_LABEL}) WHERE p.token IS NULL AND EXISTS {{ MATCH (p)--() }} "
                  "RETURN count(p) AS n")[0]["n"] == 0   # the filling of a node group holds nothing


@pytest.fixture(scope="module")
def graph(seed_doc):
    return build([seed_doc, load(SECOND), load(FIXTURES / "identity" / "zhuzhou-2018-huanbao-plan.txt"),
                  load(FIXTURES / "real" / "B18-guangzhou-2006-zhongdian-trad-brackets.txt")])


def test_both_load_paths_index_each_distinct_token_of_each_leaf_task_program_and_project(graph, tmp_path):
    assert {graph.nodes[n]["label"] for n, _ in expected(graph)} == {"Task", "Program", "Project"}
    with LadybugStore(tmp_path / "batched.lbug") as batched:
        batched.load(graph)
        check(batched.cypher, graph)
    with EmbeddedStore(tmp_path / "bulk") as bulk:
        bulk.load(graph)
        check(bulk.cypher, graph)


def test_the_bulk_path_stages_token_shards_beside_each_part_and_none_for_the_shared_part(graph, tmp_path):
    stage = Stage(tmp_path / "stage")
    stage_graph(graph, stage)
    assert [f.stem for f in stage.token_files("Task")] == [f.stem for f in stage.node_files("Task")] == ["p000000"]
    assert stage.token_files("Project") == []   # projects are shared: ladybug indexes them as it merges them
    assert stage.node_files("Project", shared=True)


def _edited(tmp_path) -> tuple[object, object]:
    """The second plan and an edit of it under the same file name (the same document): a task's words changed."""
    edited = tmp_path / "edited" / SECOND.name
    edited.parent.mkdir()
    text = SECOND.read_text(encoding="utf-8")
    assert "推进霞湾港综合治理" in text
    edited.write_text(text.replace("推进霞湾港综合治理", "推进鲲鹏港口疏浚"), encoding="utf-8")
    return load(SECOND), load(edited)


def test_a_reload_replaces_the_tokens_of_its_document_and_leaves_no_stale_one(seed_doc, tmp_path):
    old, new = _edited(tmp_path)
    gone = set(expected(build([seed_doc, old])).elements()) - set(expected(build([seed_doc, new])).elements())
    gone_tokens = {tok for _, tok in gone} - {tok for _, tok in expected(build([seed_doc, new]))}
    assert gone and gone_tokens   # pairs and tokens only the old text had (霞湾, 湾港, …)
    # the bulk path, in two loads as a user loads
    with EmbeddedStore(tmp_path / "bulk") as store:
        store.load([seed_doc])
        store.load([old])
        check(store.cypher, build([seed_doc, old]))
        store.load([new])
        check(store.cypher, build([seed_doc, new]))
        assert not gone_tokens & token_nodes(store.cypher)
    # the batched writer
    with LadybugStore(tmp_path / "batched.lbug") as store:
        store.load(build([seed_doc]))
        store.load(build([old]))
        store.load(build([new]))
        check(store.cypher, build([seed_doc, new]))


def test_a_project_shared_by_two_plans_is_indexed_once_and_kept_while_one_names_it(seed_doc, tmp_path):
    second = load(SECOND)
    project = "project/株洲市/清水塘大桥"
    both = build([seed_doc, second])
    assert set(both.nodes[project]["documents"]) == {"doc/zhuzhou-2018-liangxing-plan", "doc/zhuzhou-2019-second-plan"}
    with EmbeddedStore(tmp_path / "store") as store:
        store.load([seed_doc])
        store.load([second])
        store.load([second])   # again: replaced, its project merged into the one already here
        check(store.cypher, both)
        pairs = held(store.cypher)
        assert {tok for (n, tok) in pairs if n == project} == {"塘大", "大桥", "水塘", "清水"}


def test_a_failed_batched_load_leaves_the_index_as_it_was(seed_doc, tmp_path):
    old, new = _edited(tmp_path)
    with LadybugStore(tmp_path / "batched.lbug") as store:
        store.load(build([seed_doc, old]))
        before = held(store.cypher), token_nodes(store.cypher)

        def fail():
            raise RuntimeError("injected fault")
        with pytest.raises(StoreError, match="injected fault"):
            store.load(build([new]), before_commit=fail)
        assert (held(store.cypher), token_nodes(store.cypher)) == before


def test_a_load_committed_every_part_equals_one_in_one_transaction(tmp_path):
    """The embedded store's bulk path commits the node tables a group of parts at a time and each relationship
    table a run of shards at a time (memory then follows a group or a run): the same nodes, relationships and
    token index as one transaction."""
    from networkx.utils import graphs_equal

    from dutygraph.graph.stream import stage_files
    from dutygraph.loaders.corpus import find_files

    files = [SEED, SECOND, *find_files([FIXTURES / "series"])]
    stage = Stage(tmp_path / "stage")
    staged = stage_files(files, stage, processes=1, part_size=2)
    assert len({f.stem for f in stage.node_files("Task", shared=False)}) >= 3
    stores = {}
    for name, per_commit, rows in (("one", None, None), ("each", 1, None), ("rows", 2, 5)):
        with LadybugStore(tmp_path / f"{name}.lbug", buffer_pool=256 << 20) as store:
            store.load_staged(stage, [], per_commit, rows)
            stores[name] = (store.counts(), store.to_networkx(), held(store.cypher), token_nodes(store.cypher))
    assert stores["one"][0]["nodes"]["Document"] == len(staged.documents) == len(files)
    assert stores["one"][0] == stores["each"][0]
    assert graphs_equal(stores["one"][1], stores["each"][1])
    assert stores["one"][2] == stores["each"][2] and max(stores["each"][2].values()) == 1
    assert stores["one"][3] == stores["each"][3]
    assert stores["one"][0] == stores["rows"][0] and graphs_equal(stores["one"][1], stores["rows"][1])
    assert stores["one"][2:] == stores["rows"][2:]


def test_a_grouped_load_reopened_between_transactions_equals_one_in_one_transaction(tmp_path, monkeypatch):
    """A grouped load closes and opens its database again between two transactions once the process grew by
    ``$DUTYGRAPH_LADYBUG_REOPEN_MB`` (to give back what ladybug keeps of the transactions before): reopened before
    every one of them, it writes the same nodes, relationships and token index as one transaction, and leaves the
    database open for the questions after it."""
    import itertools

    from networkx.utils import graphs_equal

    from dutygraph.graph import ladybug_store
    from dutygraph.graph.stream import stage_files
    from dutygraph.loaders.corpus import find_files

    files = [SEED, SECOND, *find_files([FIXTURES / "series"])]
    stage = Stage(tmp_path / "stage")
    stage_files(files, stage, processes=1, part_size=2)
    opened = []
    real_open = LadybugStore.open

    def counted_open(self):
        if self._conn is None:
            opened.append(self.path.name)
        return real_open(self)

    monkeypatch.setattr(LadybugStore, "open", counted_open)
    grown = itertools.count(step=1 << 30)
    monkeypatch.setattr(ladybug_store, "_rss", lambda: next(grown))  # always grown: reopened before each transaction
    stores = {}
    for name, reopen, per_commit, rows in (("one", "0", None, None), ("reopened", "0.001", 1, 5),
                                           ("never", "0", 1, 5)):
        monkeypatch.setenv("DUTYGRAPH_LADYBUG_REOPEN_MB", reopen)
        opened.clear()
        with LadybugStore(tmp_path / f"{name}.lbug", buffer_pool=256 << 20) as store:
            store.load_staged(stage, [], per_commit, rows)
            times = len(opened)
            stores[name] = (store.counts(), store.to_networkx(), held(store.cypher), token_nodes(store.cypher))
        stores[name] += (times,)
    assert stores["one"][4] == stores["never"][4] == 1
    assert stores["reopened"][4] > 5  # the groups of parts, every relationship table's runs, the shared relationships
    assert stores["one"][0] == stores["reopened"][0] and graphs_equal(stores["one"][1], stores["reopened"][1])
    assert stores["one"][2:4] == stores["reopened"][2:4]


def test_cypher_columns_gives_column_by_column_what_cypher_gives_row_by_row(graph, tmp_path):
    """The questions' Arrow path (``cypher_columns``) against the rows ``cypher`` reads: every property type of the
    schema (STRING, INT, FLOAT, BOOL, STRING[], INT[]), nulls, the same Python types, and an empty answer."""
    with EmbeddedStore(tmp_path / "store") as store:
        store.load(graph)
        queries = [
            "MATCH (t:Task) RETURN t.id AS id, t.annex AS annex, t.amount_total AS total, t.amounts AS amounts, "
            "t.deadline AS deadline ORDER BY id",
            "MATCH (p:Program) RETURN p.id AS id, p.annexes AS annexes, p.annex_titles AS titles ORDER BY id",
            "MATCH (u:Unit)-[r:LEADS]->(t:Task) RETURN t.id AS task, r.inferred AS inferred, r.line_first AS line, "
            "count(*) AS n ORDER BY task, inferred",
            "MATCH (t:Task {id: $id}) RETURN t.id AS id, t.text AS text",
        ]
        for query in queries:
            params = {"id": "doc/none/task/A1"} if "$id" in query else {}
            rows = store.cypher(query, params)
            columns = store.cypher_columns(query, params)
            assert list(columns) == list(rows[0]) if rows else list(columns) == ["id", "text"]
            as_rows = [dict(zip(columns, values)) for values in zip(*columns.values())]
            assert as_rows == rows
            assert [[type(v) for v in r.values()] for r in as_rows] == [[type(v) for v in r.values()] for r in rows]
        seen = {type(v) for c in store.cypher_columns(queries[0]).values() for v in c} | \
            {type(v) for c in store.cypher_columns(queries[2]).values() for v in c}
        assert {str, int, float, bool, list, type(None)} <= seen


def test_cypher_columns_is_read_only_as_cypher_is(graph, tmp_path):
    from dutygraph.errors import QueryError

    with EmbeddedStore(tmp_path / "store") as store:
        store.load(graph)
        with pytest.raises(QueryError, match="refused"):
            store.cypher_columns("MATCH (u:Unit) SET u.name = 'x' RETURN u.id")
        assert "x" not in {r["name"] for r in store.cypher("MATCH (u:Unit) RETURN u.name AS name")}


def test_a_batch_of_the_index_starts_a_new_node_group_when_the_current_one_holds_more_pairs(seed_doc, tmp_path,
                                                                                           monkeypatch):
    """With node groups of 4,096 TokenParts and no floor, a load holding fewer pairs than the node group before it
    (three plans, then one) puts its TokenParts at the start of the next node group (the rest of the current one
    filled with TokenParts holding nothing), and the index holds the same pairs as ever, a reload included; the
    batched path, one load after another, too."""
    monkeypatch.setattr(ladybug_store, "TOKEN_NODE_GROUP", 4096)
    monkeypatch.setattr(ladybug_store, "TOKEN_PAD_PAIRS", 0)
    huanbao = load(FIXTURES / "identity" / "zhuzhou-2018-huanbao-plan.txt")
    third = load(FIXTURES / "real" / "B18-guangzhou-2006-zhongdian-trad-brackets.txt")
    old, new = _edited(tmp_path)
    parts = "MATCH (p:TokenPart) WHERE p.token IS NOT NULL RETURN offset(id(p)) AS o"
    with EmbeddedStore(tmp_path / "bulk") as store:
        store.load([seed_doc, huanbao, third])
        first = {r["o"] for r in store.cypher(parts)}
        assert max(first) < 4096
        store.load([old])
        check(store.cypher, build([seed_doc, huanbao, third, old]))
        assert min({r["o"] for r in store.cypher(parts)} - first) == 4096
        padding = store.cypher("MATCH (p:TokenPart) WHERE p.token IS NULL RETURN count(p) AS n")[0]["n"]
        assert padding == 4096 - len(first)
        store.load([new])
        check(store.cypher, build([seed_doc, huanbao, third, new]))
    with LadybugStore(tmp_path / "batched.lbug") as store:
        store.load(build([seed_doc, huanbao]))
        store.load(build([old]))
        check(store.cypher, build([seed_doc, huanbao, old]))
