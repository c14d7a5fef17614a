"""The question commands and the raw query commands, on a real embedded store (and Neo4j), for the seed.

Hand counts come from reading examples/zhuzhou-2018-liangxing-plan.txt.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dutygraph.cli import app

runner = CliRunner()

# 市环保局 in the plan, read by hand: it leads 7 tasks (lines 56-57, 64-66, 172-174, 181-185) and is
# responsible for 15 (lines 91-95, 98-101, 104-109, 120-122, 137-147, 167-169, 176-178, 194-196).
ENV_LEADS = {"A1-1", "A1-2-2", "A1-2-3", "A3-2-1", "A3-2-2", "A3-2-4", "A3-2-5"}
ENV_RESPONSIBLE = {"A1-6-1", "A1-6-2", "A1-6-3", "A1-7-1", "A1-7-2", "A1-8-1", "A1-8-2", "A1-8-3", "A2-1", "A2-4-1",
                   "A2-4-2", "A2-5-1", "A3-1-2", "A3-2-3", "A3-4-1"}
# What depends on the Qingshuitang relocation: every task of 附件2 (part of its program) and the
# tasks elsewhere that name 清水塘 or its projects (lines 106, 203, 292-295 of the plan).
QINGSHUITANG_ANNEX = {"A2-1", "A2-2-1", "A2-2-2", "A2-3-1", "A2-3-2", "A2-4-1", "A2-4-2", "A2-5-1", "A2-5-2", "A2-5-3"}
QINGSHUITANG_ELSEWHERE = {"A1-8-3": "names_project", "A3-5-1": "names_program", "A6-3-1": "names_program",
                          "A6-3-2": "names_program", "A6-3-3": "names_program"}
HOSTILE = ["'}) DETACH DELETE n //", '"} DELETE WHERE { ?s ?p ?o } #', "${x}", "市环保局') RETURN 1 //"]


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def rows(*args: str) -> list[dict]:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def store(tmp_path_factory, seed_path):
    path = tmp_path_factory.mktemp("cli") / "store"
    result = run("load", seed_path, "--store", path)
    assert result.exit_code == 0, result.output
    return path


def counts(store) -> list[dict]:
    return rows("cypher", "MATCH (n) RETURN count(n) AS nodes", "--store", store) + \
        rows("sparql", "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }", "--store", store)


def test_unit_card_of_the_environment_bureau_matches_the_plan(store, seed_path):
    card = rows("unit", "市环保局", "--store", store)
    assert card == rows("unit", "环保局", "--store", store)
    assert {r["task"] for r in card if r["role"] == "lead"} == ENV_LEADS
    assert {r["task"] for r in card if r["role"] == "responsible"} == ENV_RESPONSIBLE
    assert len(card) == len(ENV_LEADS) + len(ENV_RESPONSIBLE)
    lines = seed_path.read_text("utf-8").splitlines()
    for r in card:
        assert r["unit"] == "株洲市环境保护局" and r["document"] == "doc/zhuzhou-2018-liangxing-plan"
        printed = "".join(lines[r["line_first"] - 1:r["line_last"]])
        assert r["text"][:12] in printed, (r["task"], printed)
    a1_2_2 = next(r for r in card if r["task"] == "A1-2-2")
    assert a1_2_2["co_units"] == ["株洲市各县市区人民政府"] and a1_2_2["title"] == "生态保护管理机制改革"


@pytest.mark.parametrize("name", ["清水塘老工业区搬迁改造", "清水塘"])
def test_depends_on_qingshuitang_lists_annex_2_and_every_task_naming_it(store, name):
    found = rows("depends", name, "--store", store)
    by_task = {r["task"]: r for r in found}
    assert len(by_task) == len(found) == len(QINGSHUITANG_ANNEX) + len(QINGSHUITANG_ELSEWHERE)
    assert {t for t, r in by_task.items() if r["basis"] == "part_of"} == QINGSHUITANG_ANNEX
    assert {t: r["basis"] for t, r in by_task.items() if t not in QINGSHUITANG_ANNEX} == QINGSHUITANG_ELSEWHERE
    for t in QINGSHUITANG_ANNEX | {"A1-8-3", "A3-5-1"}:  # annex 6 (zones) has no unit columns
        assert by_task[t]["lead"] and by_task[t]["responsible"], t
    assert by_task["A2-4-1"]["lead"] == ["株洲市清水塘投资集团"]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_name_is_no_such_unit_and_changes_nothing(store, name):
    before = counts(store)
    for command in ("unit", "partners"):
        result = run(command, name, "--store", store)
        assert result.exit_code == 4 and "no such unit" in result.stderr, result.output
    result = run("depends", name, "--store", store)
    assert result.exit_code == 4 and "no such" in result.stderr, result.output
    assert counts(store) == before


def test_raw_cypher_and_sparql_pass_values_as_parameters(store):
    found = rows("cypher", "MATCH (u:Unit) WHERE u.name = $name RETURN u.kind AS kind", "-p", "name=株洲市环境保护局",
                 "--store", store)
    assert found == [{"kind": "department"}]
    found = rows("sparql", "SELECT ?u WHERE { ?u rdfs:label ?name }", "-p", "name=株洲市环境保护局", "--store", store)
    assert len(found) == 1 and found[0]["u"].endswith("unit/%E6%A0%AA%E6%B4%B2%E5%B8%82%E7%8E%AF%E5%A2%83%E4%BF%9D%E6%8A%A4%E5%B1%80")
    for name in HOSTILE:
        assert rows("sparql", "SELECT ?u WHERE { ?u rdfs:label ?name FILTER(?name != ?x) }", "-p", f"name={name}",
                    "-p", f"x={name}", "--store", store) == []


@pytest.mark.parametrize("query", ["MATCH (n) DETACH DELETE n", "CREATE (:Unit {id: 'x', name: 'x'})",
                                   "MATCH (u:Unit) SET u.name = 'x'"])
def test_a_raw_cypher_write_is_refused_on_the_embedded_store(store, query):
    before = counts(store)
    result = run("cypher", query, "--store", store)
    assert result.exit_code == 4 and "refused" in result.stderr
    assert counts(store) == before


@pytest.mark.parametrize("query", ["DELETE WHERE { ?s ?p ?o }", "INSERT DATA { <http://x/a> <http://x/b> 1 }",
                                   "CLEAR ALL", "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"])
def test_a_sparql_update_or_service_is_refused(store, query):
    before = counts(store)
    result = run("sparql", query, "--store", store)
    assert result.exit_code == 4 and "refused" in result.stderr
    assert counts(store) == before


def test_raw_cypher_on_neo4j_is_read_only_unless_write(neo4j, seed_path):
    uri = neo4j.settings.uri
    assert run("load", seed_path, "--neo4j", "--neo4j-uri", uri).exit_code == 0
    count = "MATCH (n) RETURN count(n) AS n"
    before = rows("cypher", count, "--backend", "neo4j", "--neo4j-uri", uri)
    for query in ("MATCH (n) DETACH DELETE n", "CREATE (:Unit {id: 'x'})", "MATCH (u:Unit) SET u.name = 'x'",
                  "MATCH (u:Unit) WITH u LIMIT 1 MERGE (u)-[:LEADS]->(u)"):
        result = run("cypher", query, "--backend", "neo4j", "--neo4j-uri", uri)
        assert result.exit_code == 4 and "refused" in result.stderr, result.output
    assert rows("cypher", count, "--backend", "neo4j", "--neo4j-uri", uri) == before
    assert rows("cypher", "MATCH (u:Unit {name: $n}) RETURN u.kind AS kind", "-p", "n=株洲市环境保护局",
                "--backend", "neo4j", "--neo4j-uri", uri) == [{"kind": "department"}]
    result = run("cypher", "CREATE (:Note {text: $t})", "-p", "t=checked", "--write", "--backend", "neo4j",
                 "--neo4j-uri", uri)
    assert result.exit_code == 0, result.output
    assert rows("cypher", count, "--backend", "neo4j", "--neo4j-uri", uri)[0]["n"] == before[0]["n"] + 1


def test_an_empty_store_says_so(tmp_path):
    result = run("units", "--store", tmp_path / "nothing")
    assert result.exit_code == 3 and "empty" in result.stderr


def _cli(*args) -> "subprocess.CompletedProcess":
    """The real command in its own process: stderr as a user sees it (stray lines included)."""
    import subprocess
    import sys

    code = "import sys; from dutygraph.cli import main; sys.argv = ['dutygraph', *sys.argv[1:]]; main()"
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args, says", [
    (("cypher", "MATCH (n:Unit) RETURN count(n); MATCH (m:Task) RETURN count(m)"), "one statement per query"),
    (("cypher", "MATCH (n:Unit) RETURN count(n); MATCH (m:Task) RETURN count(m)", "--write"),
     "--write does not work on the embedded store"),
    (("cypher", "MATCH (n) RETRN n"), "syntax error at line 1, column 11"),
    (("cypher", "LOAD FROM '/etc/passwd' (file_format='csv') RETURN *"), "refused"),
    (("sparql", "SELECT ?s\nWHERE { ?s ?p }"), "syntax error at line 2, column"),
    (("sparql", 'SELECT ?o WHERE { BIND(1<"a>" AS ?z) SERVICE <http://127.0.0.1:9/query> { ?s ?p ?o } '
                'BIND("" AS ?w) }'), "refused: SERVICE"),
    (("sparql", "SELECT * FROM <http://127.0.0.1:9/x.ttl> WHERE { ?s ?p ?o }"), "refused: FROM"),
])
def test_a_refused_or_bad_raw_query_is_one_line_and_exit_status_4(store, args, says):
    result = _cli(*args, "--store", store)
    assert result.returncode == 4 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and says in result.stderr, result.stderr


def test_neo4j_payloads_of_the_issue_are_one_line_and_exit_status_4(neo4j, seed_path):
    uri = neo4j.settings.uri
    assert run("load", seed_path, "--neo4j", "--neo4j-uri", uri).exit_code == 0
    for query, says in (("LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r", "LOAD CSV"),
                        ("SHOW TRANSACTIONS", "SHOW TRANSACTIONS"), ("SHOW SETTINGS", "SHOW SETTINGS"),
                        ("SHOW TRANSACTIONS YIELD transactionId AS t TERMINATE TRANSACTIONS t YIELD message "
                         "RETURN message", "refused"),
                        ("MATCH (n) RETURN n; MATCH (m) RETURN m", "one statement per query"),
                        ("MATCH (n) RETRN n", "syntax error at line 1, column 11")):
        result = _cli("cypher", query, "--backend", "neo4j", "--neo4j-uri", uri)
        assert result.returncode == 4 and result.stdout == "", result.stderr
        assert len(result.stderr.splitlines()) == 1 and says in result.stderr, result.stderr


def test_a_sparql_table_shows_short_names_and_json_keeps_the_iris(store):
    query = "SELECT ?unit ?type WHERE { ?unit a org:Organization ; a ?type } ORDER BY ?unit LIMIT 2"
    table = run("sparql", query, "--store", store)
    assert table.exit_code == 0 and "id:unit/" in table.stdout and "https://" not in table.stdout
    rows = json.loads(run("sparql", query, "--store", store, "--format", "json").stdout)
    assert all(r["unit"].startswith("https://w3id.org/dutygraph/id/unit/") for r in rows)
