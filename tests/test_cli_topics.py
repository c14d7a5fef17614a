"""Topic search (`dutygraph tasks --text`) and `depends` on words tasks print, through the real CLI, on the
embedded store, Neo4j (its full-text index) and a SPARQL endpoint (a real `oxigraph serve`): the same rows."""

from __future__ import annotations

import json

import pytest

from tests.graph.oxigraph_server import running_oxigraph
from tests.series import DOC_2021, DOC_2022, DOC_2023, SEED, SEED_DOC, SERIES, load_series, rows, run


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return load_series(tmp_path_factory.mktemp("topics"))


def printed(text: str) -> set[tuple[str, str]]:
    """(document, task) of every leaf task whose text or row title holds ``text``, from `dutygraph extract`."""
    out = run("extract", SEED, SERIES, "--format", "json")
    assert out.exit_code == 0, out.output
    found = set()
    for doc in json.loads(out.stdout)["documents"]:
        key = "doc/" + doc["source"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
        found |= {(key, t["id"]) for t in doc["tasks"] if text in t["text"] or text in (t.get("title") or "")}
    return found


def test_topic_search_finds_every_task_printing_the_words(store):
    found = rows("tasks", "--text", "黑臭水体", "--store", store)
    # read by hand: line 167 of the seed, A1-1-2 of 2021 and 2022, item 2 of 2023
    assert {(r["document"], r["task"]) for r in found} == {(SEED_DOC, "A3-1-2"), (DOC_2021, "A1-1-2"),
                                                           (DOC_2022, "A1-1-2"), (DOC_2023, "S1-2")}
    assert {(r["document"], r["task"]) for r in found} == printed("黑臭水体")
    assert all(r["lead"] == ["株洲市住房和城乡建设局"] for r in found)
    assert set(found[0]) == {"task", "text", "via", "lead", "responsible", "document", "line_first"}


def test_topic_search_covers_project_and_program_names(store):
    found = {(r["document"], r["task"]): r["via"] for r in rows("tasks", "--text", "碧水蓝天", "--store", store)}
    # no task text prints 碧水蓝天: the tasks of the program 加快推进碧水蓝天行动 (附件3) are found through it
    assert found and printed("碧水蓝天") == set()
    assert {tuple(v) for v in found.values()} == {("加快推进碧水蓝天行动",)}


def test_topic_search_narrows_by_unit_and_document(store):
    found = rows("tasks", "--text", "公办幼儿园", "--unit", "教育局", "--document", "2023", "--store", store)
    assert [(r["document"], r["task"]) for r in found] == [(DOC_2023, "S2-3"), (DOC_2023, "S2-4")]
    assert rows("tasks", "--text", "公办幼儿园", "--unit", "市民政局", "--store", store) == []


def test_depends_finds_every_task_printing_a_project_name(store):
    found = rows("depends", "公办幼儿园", "--store", store)
    # 公办幼儿园 is read as a project in one task (S2-4); three more print it (2021, 2022, 2023)
    assert {(r["document"], r["task"]) for r in found} == printed("公办幼儿园") == {
        (DOC_2021, "A1-2-1"), (DOC_2022, "A1-2-1"), (DOC_2023, "S2-3"), (DOC_2023, "S2-4")}
    assert {r["basis"] for r in found if r["task"] != "S2-4"} == {"names_text"}


def test_depends_on_words_no_project_carries_finds_the_tasks_not_an_unrelated_project(store):
    result = run("depends", "老旧小区改造", "--store", store, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "清水塘" not in result.stdout + result.stderr
    found = rows("depends", "老旧小区改造", "--store", store)
    assert {(r["document"], r["task"]) for r in found} == printed("老旧小区改造") == {
        (DOC_2021, "A1-1-1"), (DOC_2022, "A1-1-1"), (DOC_2023, "S1-1")}


def test_depends_on_a_name_nothing_prints_is_still_an_error(store):
    result = run("depends", "火星基地", "--store", store)
    assert result.exit_code != 0 and "no such program, project, place or task: 火星基地" in result.stderr


# Topics of whole tokens and of tokens cut in two (臭水体, 办幼儿, 区改: the pairs an index holds straddle them), one
# Chinese character, Latin letters and digits (no pair: every text is read), with a unit and a document.
QUERIES = [("--text", "黑臭水体"), ("--text", "清水塘"), ("--text", "公办幼儿园", "--unit", "教育局"),
           ("--text", "IGBT"), ("--text", "碧水", "--document", "liangxing"), ("--document", "2022"),
           ("--text", "臭水体"), ("--text", "办幼儿"), ("--text", "区改"), ("--text", "小区改造", "--document", "2023"),
           ("--text", "水"), ("--text", "园", "--document", "2021"), ("--text", "100")]


def test_topic_search_gives_the_same_rows_on_every_backend(store, neo4j, tmp_path):
    uri = neo4j.settings.uri
    assert run("load", SEED, SERIES, "--neo4j", "--neo4j-uri", uri).exit_code == 0
    with running_oxigraph(tmp_path / "oxigraph") as url:
        assert run("load", SEED, SERIES, "--sparql-endpoint", url).exit_code == 0
        for query in QUERIES:
            expected = rows("tasks", *query, "--store", store)
            assert expected, query
            assert rows("tasks", *query, "--backend", "neo4j", "--neo4j-uri", uri) == expected, query
            assert rows("tasks", *query, "--backend", "sparql", "--sparql-endpoint", url) == expected, query
    # Neo4j answers from its full-text index (created by load)
    with neo4j.driver.session(database=neo4j.settings.database) as session:
        index = session.run("SHOW INDEXES YIELD name, type, state WHERE name = 'dutygraph_text' "
                            "RETURN type, state").single()
        plan = session.run("EXPLAIN CALL db.index.fulltext.queryNodes('dutygraph_text', $q) YIELD node "
                           "RETURN node", q='"黑臭水体"').consume().plan
    assert (index["type"], index["state"]) == ("FULLTEXT", "ONLINE")
    assert "ProcedureCall" in json.dumps(plan)


def test_topic_search_on_neo4j_without_the_index_scans(store, neo4j):
    """A database made by neo4j-admin import has no full-text index until a load: the same rows, by CONTAINS."""
    from dutygraph.graph.neo4j_cypher import FULLTEXT_INDEX

    uri = neo4j.settings.uri
    assert run("load", SEED, SERIES, "--neo4j", "--neo4j-uri", uri).exit_code == 0
    with neo4j.driver.session(database=neo4j.settings.database) as session:
        session.run("DROP INDEX dutygraph_text").consume()
    try:
        assert rows("tasks", "--text", "黑臭水体", "--backend", "neo4j", "--neo4j-uri", uri) == \
            rows("tasks", "--text", "黑臭水体", "--store", store)
    finally:
        with neo4j.driver.session(database=neo4j.settings.database) as session:
            session.run(FULLTEXT_INDEX).consume()
            session.run("CALL db.awaitIndexes(300)").consume()
