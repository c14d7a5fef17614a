"""The Neo4j guard: plan operators by allow-list (real plans from a real server), procedures, functions, errors."""

from __future__ import annotations

import pytest

from dutygraph.errors import QueryError
from dutygraph.graph import neo4j_guard as guard


def explain(store, query: str):
    with store.driver.session(database=store.settings.database) as session:
        return session.run(guard.EXPLAIN + query).consume()


def test_every_operator_of_the_plan_tree_is_seen(neo4j):
    summary = explain(neo4j, "MATCH (u:Unit) CALL (u) { MATCH (u)-[:LEADS]->(t:Task) RETURN count(t) AS n } "
                             "RETURN u.name AS name, n UNION CALL { LOAD CSV FROM 'file:///x' AS r RETURN 1 AS n } "
                             "RETURN 'x' AS name, n")
    names = [name for name, _, _ in guard.plan_operators(summary.plan)]
    assert "LoadCSV" in names and "ProduceResults" in names and len(names) > 5
    assert all(db == neo4j.settings.database for _, db, _ in guard.plan_operators(summary.plan))
    with pytest.raises(QueryError, match="LOAD CSV"):
        guard.check_plan(summary.query_type, summary.plan, neo4j.settings.database)


@pytest.mark.parametrize("query", [
    "MATCH (u:Unit {id: 'x'}) RETURN u", "MATCH (u:Unit)-[:LEADS]->(t:Task) RETURN u.name, count(t)",
    "MATCH p = (a:Unit)-[:MEMBER_OF*1..3]->(b) RETURN count(p)", "OPTIONAL MATCH (u:Unit)-[:LEADS]->(t) RETURN t",
    "MATCH p = shortestPath((a:Unit)-[*..4]-(b:Unit)) WHERE a <> b RETURN length(p) LIMIT 1",
    "MATCH (u:Unit) WHERE u.name STARTS WITH 'x' RETURN DISTINCT u.kind ORDER BY u.kind SKIP 1 LIMIT 2",
    "CALL db.labels()", "CALL db.schema.visualization()",
])
def test_the_plan_of_a_read_passes(neo4j, query):
    summary = explain(neo4j, query)
    guard.check_plan(summary.query_type, summary.plan, neo4j.settings.database)


def test_a_read_plan_of_another_database_is_refused(neo4j):
    summary = explain(neo4j, "MATCH (n) RETURN count(n)")
    with pytest.raises(QueryError, match="USE of another database"):
        guard.check_plan(summary.query_type, summary.plan, "elsewhere")


def test_operator_families_are_read_only_by_name():
    for name in ("Expand(All)", "Expand(Into)", "OptionalExpand(All)", "VarLengthExpand(Pruning,BFS,All)",
                 "NodeUniqueIndexSeek", "NodeIndexSeekByRange", "DirectedRelationshipIndexSeek", "Repeat(Trail)"):
        assert guard.is_read_operator(name), name
    for name in ("LoadCSV", "ShowSettings", "TerminateTransactions", "SetProperty", "Create", "Merge",
                 "TransactionForeach", "RunQueryAt", "EmptyResult", "Expand(Everything)", "NodeIndexSeekX"):
        assert not guard.is_read_operator(name), name


def test_the_bare_server_has_no_user_defined_function_and_one_would_be_refused(neo4j):
    with neo4j.driver.session(database=neo4j.settings.database) as session:
        assert guard.user_functions(session) == set()
    query = "RETURN apoc.text.join(['a'], ',') AS x, toUpper('apoc.load.json(') AS y // apoc.util.sleep(1)"
    assert guard.called_functions(query) == {"apoc.text.join", "toupper"}
    with pytest.raises(QueryError, match="apoc.text.join"):
        guard.check_functions(query, {"apoc.text.join", "apoc.util.sleep"})
    guard.check_functions(query, {"apoc.util.sleep", "apoc.load.json"})
    assert guard.called_functions("RETURN `apoc`.`text` . join(['a'], ',')") == {"apoc.text.join"}
