"""The ladybug guard's second layer: the plan allow-list refuses on its own what the text check refuses first.

Plans come from a real ladybug database (``EXPLAIN`` plans, it does not run).
"""

from __future__ import annotations

import json

import pytest

from dutygraph.errors import QueryError
from dutygraph.graph import ladybug_guard as guard


@pytest.fixture(scope="module")
def conn(tmp_path_factory, seed_doc):
    import ladybug

    from dutygraph.graph.embedded import EmbeddedStore

    path = tmp_path_factory.mktemp("lbguard") / "store"
    with EmbeddedStore(path) as store:
        store.load([seed_doc])
    from dutygraph.graph import generations

    current = json.loads((path / "store.json").read_text("utf-8"))["generation"]  # the committed generation
    db = ladybug.Database(str(path / generations.name(current) / "graph.lbug"), read_only=True)
    connection = ladybug.Connection(db)
    yield connection
    connection.close()
    db.close()


def plan(conn, query: str) -> str:
    result = conn.execute(guard.EXPLAIN + query)
    rows = []
    while result.has_next():
        rows.append(result.get_next()[0])
    result.close()
    return "\n".join(rows)


@pytest.mark.parametrize("query, says", [
    ("COPY (MATCH (u:Unit) RETURN u.name) TO '{tmp}/out.csv'", "COPY … TO writes a file"),
    ("LOAD FROM '{tmp}/in.csv' (file_format='csv') RETURN *", "READ_CSV"),
    ("INSTALL httpfs", "INSTALL downloads an extension"),
    ("CALL threads=1", "changes a setting"),
    ("CALL current_setting('threads') RETURN *", "CURRENT_SETTING"),
    ("CALL show_attached_databases() RETURN *", "SHOW_ATTACHED_DATABASES"),
    ("BEGIN TRANSACTION", "transaction statements"),
    ("CHECKPOINT", "transaction statements"),
])
def test_the_plan_of_a_hostile_statement_is_refused_by_the_plan_check_alone(conn, tmp_path, query, says):
    (tmp_path / "in.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    text = plan(conn, query.replace("{tmp}", str(tmp_path)))
    with pytest.raises(QueryError, match=says):
        guard.check_plan_text(text)
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("query", [
    "MATCH (u:Unit)-[:LEADS]->(t:Task) RETURN u.name, count(t) ORDER BY count(t) DESC LIMIT 3",
    "MATCH p = (a:Unit)-[*1..3]->(b) RETURN count(p)",
    "MATCH (a:Unit)-[:LEADS]->(t:Task)<-[:COOPERATES_ON]-(b:Unit) RETURN count(*)",
    "MATCH (u:Unit) WHERE EXISTS { MATCH (u)-[:LEADS]->() } RETURN u.name UNION MATCH (t:Task) RETURN t.task_id",
    "UNWIND [1, 2] AS x RETURN x", "CALL show_tables() RETURN *", "CALL table_info('Unit') RETURN *",
])
def test_the_plan_of_a_read_passes(conn, query):
    guard.check_plan_text(plan(conn, query))


def test_a_string_that_looks_like_a_plan_box_cannot_hide_an_operator(conn):
    text = plan(conn, "MATCH (u:Unit) WHERE u.name = '│ PROJECTION[9] │ Function: SHOW_TABLES' "
                      "RETURN u.name UNION ALL MATCH (n:Task) RETURN n.id")
    guard.check_plan_text(text)  # a read: the fake names only add allowed ones
    operators, _ = guard.plan_names(text)
    assert "SCAN_NODE_TABLE" in operators and "RESULT_COLLECTOR" in operators


def test_preparing_refuses_a_second_statement_and_runs_neither(conn, tmp_path):
    out = tmp_path / "out.csv"
    with pytest.raises(QueryError, match="one statement per query"):
        guard.check_read(conn, f"MATCH (u:Unit) RETURN count(u); COPY (MATCH (u:Unit) RETURN u.name) TO '{out}'")
    assert not out.exists()


def test_a_text_that_passed_is_remembered_and_a_refused_one_is_checked_every_time(conn, tmp_path, monkeypatch):
    planned = []
    check = guard._check_read
    monkeypatch.setattr(guard, "_passed", {})
    monkeypatch.setattr(guard, "_check_read", lambda c, q, p=None: (planned.append(q), check(c, q, p)))
    read = "MATCH (u:Unit) RETURN count(u) AS n"
    guard.check_read(conn, read)
    guard.check_read(conn, read, {"unused": 1})  # parameters are values: the plan's operators are the text's
    out = tmp_path / "out.csv"
    refused = f"COPY (MATCH (u:Unit) RETURN u.name) TO '{out}'"
    for _ in range(2):
        with pytest.raises(QueryError, match="refused"):
            guard.check_read(conn, refused)
    assert planned == [read, refused, refused]
    assert not out.exists()
