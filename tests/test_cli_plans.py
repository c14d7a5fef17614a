"""Plan against plan (`dutygraph compare`, `dutygraph recurring`) through the real CLI, on the fixture series:
three yearly plans of one city written for the tests (tests/fixtures/README.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.series import load_series, rows, run


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return load_series(tmp_path_factory.mktemp("plans"))


def test_compare_tells_carried_over_new_and_dropped_tasks_with_their_score(store):
    found = rows("compare", "zhuzhou-2022-minsheng", "2023年", "--store", store)
    by_status: dict[str, set] = {}
    for r in found:
        by_status.setdefault(r["status"], set()).add((r["task_a"], r["task_b"]))
    # read by hand: 2023 repeats 2022's 老旧小区改造, 黑臭水体 (reworded), 公办幼儿园, 就业 and 养老 tasks with new
    # figures; drops 停车位 (A1-1-3) and 中小学校 (A1-2-2); adds 保教质量 (S2-4) and 便民生活圈 (S3-7)
    assert by_status == {
        "carried_over": {("A1-1-1", "S1-1"), ("A1-1-2", "S1-2"), ("A1-2-1", "S2-3"), ("A1-3-1", "S3-5"),
                         ("A1-3-2", "S3-6")},
        "dropped": {("A1-1-3", None), ("A1-2-2", None)},
        "new": {(None, "S2-4"), (None, "S3-7")},
    }
    scores = {r["task_a"]: r["score"] for r in found if r["status"] == "carried_over"}
    assert all(60 <= s <= 100 for s in scores.values())
    assert scores["A1-1-2"] < scores["A1-1-1"]           # the reworded task scores lower than a new figure
    assert all(r["score"] is None for r in found if r["status"] != "carried_over")


def test_compare_per_unit_counts_tasks_before_and_after(store):
    found = {r["unit"]: (r["before"], r["after"], r["change"])
             for r in rows("compare", "2022", "2023", "--units", "--store", store)}
    # 市住建局 (2022) and 市住房和城乡建设局 (2023) are one unit; 市商务局 is new in 2023, 市城管局 gone
    assert found["株洲市住房和城乡建设局"] == (2, 2, 0)
    assert found["株洲市商务局"] == (0, 1, 1)
    assert found["株洲市城管局"] == (1, 0, -1)
    assert found["株洲市教育局"] == (2, 2, 0)


def test_compare_a_document_with_itself_or_an_unknown_one_is_an_error(store):
    same = run("compare", "2022", "zhuzhou-2022-minsheng", "--store", store)
    assert same.exit_code != 0 and "one document" in same.stderr
    unknown = run("compare", "2022", "2030", "--store", store)
    assert unknown.exit_code != 0 and "no such document: 2030" in unknown.stderr


def test_recurring_finds_the_tasks_of_every_year(store):
    found = rows("recurring", "--min-years", "3", "--store", store)
    chains = {tuple(r["tasks"]) for r in found}
    assert chains == {
        ("zhuzhou-2021-minsheng:A1-1-1", "zhuzhou-2022-minsheng:A1-1-1", "zhuzhou-2023-minsheng:S1-1"),
        ("zhuzhou-2021-minsheng:A1-2-1", "zhuzhou-2022-minsheng:A1-2-1", "zhuzhou-2023-minsheng:S2-3"),
        ("zhuzhou-2021-minsheng:A1-3-1", "zhuzhou-2022-minsheng:A1-3-1", "zhuzhou-2023-minsheng:S3-5"),
        ("zhuzhou-2021-minsheng:A1-3-2", "zhuzhou-2022-minsheng:A1-3-2", "zhuzhou-2023-minsheng:S3-6"),
    }
    assert {(r["jurisdiction"], r["years"], r["first"], r["last"]) for r in found} == {("株洲市", 3, 2021, 2023)}
    assert rows("recurring", "--min-years", "4", "--store", store) == []
    two = {tuple(r["tasks"]) for r in rows("recurring", "--min-years", "2", "--store", store)}
    assert chains < two
    assert ("zhuzhou-2022-minsheng:A1-1-2", "zhuzhou-2023-minsheng:S1-2") in two   # 黑臭水体, reworded in 2022


def test_the_plan_library_holds_no_cli_code():
    folder = Path(__file__).resolve().parent.parent / "dutygraph" / "queries"
    for path in folder.glob("*.py"):
        imported = {alias.name.split(".")[0] for node in ast.walk(ast.parse(path.read_text("utf-8")))
                    if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names}
        imported |= {node.module.split(".")[0] for node in ast.walk(ast.parse(path.read_text("utf-8")))
                     if isinstance(node, ast.ImportFrom) and node.module}
        assert not {"typer", "click"} & imported, path
