"""`dutygraph documents` and `--document` on every query and view, on a real embedded store holding the
shipped plan and the fixture series (three yearly plans of one city)."""

from __future__ import annotations

import re

import pytest

from tests.series import DOC_2021, DOC_2022, DOC_2023, SEED_DOC, SERIES, load_series, rows, run


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return load_series(tmp_path_factory.mktemp("documents"))


def test_documents_lists_every_loaded_document_with_its_metadata(store):
    docs = {r["id"]: r for r in rows("documents", "--store", store)}
    assert set(docs) == {SEED_DOC, DOC_2021, DOC_2022, DOC_2023}
    assert set(docs[DOC_2022]) == {"id", "title", "issuer", "jurisdiction", "issued", "tasks", "source"}
    assert docs[DOC_2022]["title"] == "株洲市2022年重点民生实事工作方案"
    assert docs[DOC_2022]["issuer"] == ["株洲市人民政府办公室"]
    assert docs[DOC_2022]["issued"] == "2022-02-28"          # the date under the issuer (line 12)
    assert docs[DOC_2022]["jurisdiction"] == "株洲市"
    assert docs[DOC_2022]["source"].endswith("zhuzhou-2022-minsheng.txt")
    # leaf tasks counted by hand: 7 sub-items in each of 2021 and 2022, 7 numbered items in 2023; 81 in the seed
    assert {d: r["tasks"] for d, r in docs.items()} == {SEED_DOC: 81, DOC_2021: 7, DOC_2022: 7, DOC_2023: 7}


@pytest.mark.parametrize("name", [DOC_2022, "zhuzhou-2022-minsheng", "zhuzhou-2022-minsheng.txt",
                                  str(SERIES / "zhuzhou-2022-minsheng.txt"), "2022年重点民生实事",
                                  "株洲市2022年重点民生实事工作方案"])
def test_a_document_is_named_by_id_file_name_or_part_of_its_title(store, name):
    by_id = rows("units", "--document", DOC_2022, "--limit", "0", "--store", store)
    assert by_id and by_id != rows("units", "--limit", "0", "--store", store)
    assert rows("units", "--document", name, "--limit", "0", "--store", store) == by_id


QUERIES = [("units",), ("unit", "市教育局"), ("task", "S2-4"), ("tasks",), ("due", "2030-01-01"),
           ("overdue", "--as-of", "2030-01-01"), ("partners",), ("partners", "市住建局"), ("depends", "公办幼儿园"),
           ("brokers",)]


@pytest.mark.parametrize("query", QUERIES, ids=[" ".join(q) for q in QUERIES])
def test_an_unknown_document_is_an_error_never_an_empty_answer(store, query):
    result = run(*query, "--document", "yuexian-2024-minsheng", "--store", store)
    assert result.exit_code != 0
    assert result.stdout == ""
    assert "no such document: yuexian-2024-minsheng" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("query", QUERIES, ids=[" ".join(q) for q in QUERIES])
def test_an_ambiguous_document_is_an_error_naming_the_candidates(store, query):
    result = run(*query, "--document", "民生实事", "--store", store)
    assert result.exit_code != 0 and result.stdout == ""
    assert "ambiguous" in result.stderr
    assert all(d in result.stderr for d in (DOC_2021, DOC_2022, DOC_2023))


@pytest.mark.parametrize("query", [q for q in QUERIES if q[0] not in ("units", "partners", "brokers")],
                         ids=[" ".join(q) for q in QUERIES if q[0] not in ("units", "partners", "brokers")])
def test_every_query_keeps_only_the_named_document(store, query):
    doc = DOC_2023
    found = rows(*query, "--document", "2023年", "--store", store)
    assert found, "the case tests nothing"
    assert {r["document"] for r in found} == {doc}
    if query[0] != "task":  # without --document, the other plans answer too
        every = rows(*query, "--store", store)
        assert {r["document"] for r in every} > {doc}
        assert [r for r in every if r["document"] == doc] == found


def test_partners_and_brokers_count_only_the_named_documents_tasks(store):
    # 2022, read by hand: 市住建局 leads A1-1-1 (各县市区人民政府、市财政局) and A1-1-2 (市生态环境局、市水务局)
    partners = rows("partners", "市住建局", "--document", "2022", "--store", store)
    assert {(r["partner"], r["shared_tasks"]) for r in partners} == {
        ("株洲市各县市区人民政府", 1), ("株洲市财政局", 1), ("株洲市生态环境局", 1), ("株洲市水务局", 1)}
    every = {r["partner"]: r["shared_tasks"] for r in rows("partners", "市住建局", "--store", store)}
    per_document: dict[str, int] = {}
    for doc in (SEED_DOC, DOC_2021, DOC_2022, DOC_2023):  # a task is in one document: the counts add up
        for r in rows("partners", "市住建局", "--document", doc, "--store", store):
            per_document[r["partner"]] = per_document.get(r["partner"], 0) + r["shared_tasks"]
    assert per_document == every
    assert every["株洲市各县市区人民政府"] > 1
    units_2022 = {r["unit"] for r in rows("units", "--document", "2022", "--limit", "0", "--store", store)}
    brokers = rows("brokers", "--document", "2022", "--limit", "0", "--store", store)
    assert brokers and {r["unit"] for r in brokers} <= units_2022
    assert "株洲市环境保护局" not in {r["unit"] for r in brokers}   # a unit of the 2018 plan only


def test_the_unit_card_shows_which_plan_each_task_is_from(store):
    result = run("unit", "市教育局", "--store", store, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if "A1-2-1" in line]
    assert len(lines) == 2                          # the 2021 and the 2022 plan each have an A1-2-1
    assert DOC_2021 in lines[0] and DOC_2022 in lines[1]
    assert "document" in result.stdout.splitlines()[1]


def test_the_task_card_shows_its_text_and_document(store):
    card = rows("task", "S2-4", "--store", store)
    assert card[0] == {"task": "S2-4", "relation": "text", "name": "开展公办幼儿园保教质量提升行动,6月底前完成园长轮训。",
                       "basis": "", "document": DOC_2023}
    assert {r["document"] for r in card} == {DOC_2023}
    assert ("lead", "株洲市教育局") in {(r["relation"], r["name"]) for r in card}


def test_a_task_id_in_several_plans_asks_for_the_document(store):
    result = run("task", "A1-1-1", "--store", store)
    assert result.exit_code != 0 and "--document" in result.stderr
    card = rows("task", "A1-1-1", "--document", "2021", "--store", store)
    assert card[0]["name"].startswith("完成老旧小区改造120个") and card[0]["document"] == DOC_2021


def _drawn(result) -> tuple[int, int]:
    m = re.search(r"\((\d+) nodes, (\d+) edges\)", result.stderr)
    return int(m.group(1)), int(m.group(2))


@pytest.mark.parametrize("view", [("--partners",), ("--all",), ("--unit", "市教育局"), ("--depends", "公办幼儿园")])
def test_every_view_draws_only_the_named_document(store, tmp_path, view):
    whole = run("viz", *view, "--out", tmp_path / "all.html", "--store", store)
    one = run("viz", *view, "--document", "zhuzhou-2022-minsheng", "--out", tmp_path / "one.html", "--store", store)
    assert whole.exit_code == 0 and one.exit_code == 0, whole.output + one.output
    assert _drawn(one)[0] < _drawn(whole)[0]
    page = (tmp_path / "one.html").read_text("utf-8")
    assert "株洲市环境保护局" not in page             # a unit of the 2018 plan only
    if view[0] != "--depends":
        assert "株洲市教育局" in page


def test_a_view_of_an_unknown_document_is_an_error(store, tmp_path):
    result = run("viz", "--partners", "--document", "nowhere", "--out", tmp_path / "p.html", "--store", store)
    assert result.exit_code != 0 and "no such document: nowhere" in result.stderr
    assert not (tmp_path / "p.html").exists()
