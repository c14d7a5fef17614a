"""README "Cypher on the embedded store": each difference between the embedded store's Cypher (ladybug) and
Neo4j's, shown through the real CLI on both (the seed loaded into each)."""

from __future__ import annotations

import json

import pytest

from tests.series import SEED, run


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("dialect") / "store"
    assert run("load", SEED, "--store", path).exit_code == 0
    return path


@pytest.fixture
def neo4j_uri(neo4j):
    uri = neo4j.settings.uri
    assert run("load", SEED, "--neo4j", "--neo4j-uri", uri).exit_code == 0
    return uri


def embedded(store, query, *params):
    return run("cypher", query, *params, "--store", store, "--format", "json")


def on_neo4j(uri, query, *params):
    return run("cypher", query, *params, "--backend", "neo4j", "--neo4j-uri", uri, "--format", "json")


LEADS = "MATCH (u:Unit {name: '株洲市两型办'})-[r:LEADS]->(t:Task {task_id: 'A4-3-2'}) RETURN FN(r) AS type"
LABELS = "MATCH (n:Unit {name: '株洲市两型办'}) RETURN labels(n) AS labels"
NEO4J_PATH = ("MATCH p = shortestPath((a:Unit {name: '株洲市两型办'})-[*]-(b:Unit {name: '株洲市公安局'})) "
              "RETURN length(p) AS hops")
LADYBUG_PATH = ("MATCH p = (a:Unit {name: '株洲市两型办'})-[* SHORTEST 1..10]-(b:Unit {name: '株洲市公安局'}) "
                "RETURN length(p) AS hops")
MISSING = "MATCH (u:Unit) WHERE u.name = $missing RETURN u.name AS name"


def test_type_of_a_relationship_is_label_on_the_embedded_store(store, neo4j_uri):
    refused = embedded(store, LEADS.replace("FN", "type"))
    assert refused.exit_code != 0 and "TYPE does not exist" in refused.stderr
    assert json.loads(embedded(store, LEADS.replace("FN", "label")).stdout) == [{"type": "LEADS"}]
    assert json.loads(on_neo4j(neo4j_uri, LEADS.replace("FN", "type")).stdout) == [{"type": "LEADS"}]


def test_labels_of_a_node_is_a_string_on_the_embedded_store(store, neo4j_uri):
    assert json.loads(embedded(store, LABELS).stdout) == [{"labels": "Unit"}]
    assert json.loads(on_neo4j(neo4j_uri, LABELS).stdout) == [{"labels": ["Unit"]}]


def test_shortest_path_is_a_bounded_pattern_on_the_embedded_store(store, neo4j_uri):
    refused = embedded(store, NEO4J_PATH)
    assert refused.exit_code == 4 and "syntax error at line 1" in refused.stderr
    hops = json.loads(on_neo4j(neo4j_uri, NEO4J_PATH).stdout)
    assert hops and json.loads(embedded(store, LADYBUG_PATH).stdout) == hops


def test_a_missing_parameter_is_null_on_the_embedded_store_and_an_error_on_neo4j(store, neo4j_uri):
    quiet = embedded(store, MISSING)
    assert quiet.exit_code == 0 and json.loads(quiet.stdout) == []
    loud = on_neo4j(neo4j_uri, MISSING)
    assert loud.exit_code != 0 and "missing" in loud.stderr.lower()
    given = embedded(store, MISSING, "-p", "missing=株洲市两型办")
    assert json.loads(given.stdout) == [{"name": "株洲市两型办"}]


def test_every_node_includes_the_token_index_on_the_embedded_store(store, neo4j_uri):
    every = "MATCH (n) RETURN count(n) AS n"
    graph = "MATCH (n) WHERE NOT label(n) IN ['Token', 'TokenPart'] RETURN count(n) AS n"
    tokens = "MATCH (k:TokenPart)<-[:HAS_TOKEN]-(t:Task {task_id: 'A4-3-2'}) RETURN count(k) AS n"
    on_ladybug = json.loads(embedded(store, every).stdout)[0]["n"]
    assert json.loads(on_neo4j(neo4j_uri, every).stdout)[0]["n"] == json.loads(embedded(store, graph).stdout)[0]["n"]
    assert on_ladybug > json.loads(embedded(store, graph).stdout)[0]["n"]
    assert json.loads(embedded(store, tokens).stdout)[0]["n"] > 0


def test_the_readme_names_every_difference_tested_here():
    from tests.readme_answers import README

    text = README.read_text("utf-8")
    assert "## Cypher on the embedded store" in text
    section = text.split("## Cypher on the embedded store", 1)[1].split("\n## ", 1)[0]
    for shown in ("`type(r)`", "`label(r)`", "`labels(n)`", "`shortestPath", "[* SHORTEST 1..10]",
                  "`$param`", "(no rows)", "`MATCH (n)`", "`Token`"):
        assert shown in section, shown
