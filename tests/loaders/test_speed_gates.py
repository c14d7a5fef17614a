"""Speed gates: a cheap test before a reader's work must never change what the reader finds.

Each gate here skips work where what the work needs first is absent; the tests check the gate against the work
itself, on made-up texts of the forms the gate skips and on every line of the fixture documents.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dutygraph.loaders.clauses import colon_duties, find_clauses, leading_clauses, unit_blocks
from dutygraph.loaders.flat_table import _ONE_LINE_HEADER, header_starts
from dutygraph.loaders.labels import _LABEL, _LABEL_END, match_label
from dutygraph.loaders.lines import to_lines
from dutygraph.loaders.prose import _Node

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _fixture_lines() -> list[str]:
    texts: list[str] = []
    for folder in (FIXTURES / "real", FIXTURES / "dev", FIXTURES / "collected" / "dev"):
        for path in sorted(folder.glob("*.txt")):
            texts.extend(line.text for line in to_lines(path.read_text("utf-8", errors="replace")) if line.text)
    return texts


def _found_by_every_finder(text: str) -> list:
    """What the clause property's finders give for ``text``, each asked whatever the others give."""
    return [f for numbered in (True, False) for f in (find_clauses(text), colon_duties(text, not numbered),
                                                        leading_clauses(text), unit_blocks(text, not numbered))]


@pytest.mark.parametrize("text", ["附件3", "2020年重点任务分解表", "中共某某市委办公室", "总体思路和主要目标",
                                  "甲坊乙舍丙苑", "某某县人民政府办公室 2021年3月5日"])
def test_a_line_without_stop_colon_bracket_or_hint_has_no_clause(text):
    node = _Node("para", 9, None, text, 1)
    assert node.clauses == []
    assert _found_by_every_finder(text) == [[] for _ in range(8)]


@pytest.mark.parametrize("text", ["建设绿道(市住建局牵头)", "市发改委负责,市财政局配合",
                                  "职责如下:县环保局。负责统一监督。加强执法检查。",
                                  "市发改委:研究提出人口规划;会同市卫生局编制计划。"])
def test_a_line_with_a_clause_is_read_past_the_gate(text):
    assert _Node("para", 9, None, text, 1).clauses


def test_the_clause_gate_skips_no_line_of_the_fixtures_that_any_finder_reads():
    skipped = [t for t in _fixture_lines() if "。" not in t and ":" not in t and "：" not in t
               and _Node("para", 9, None, t, 1).clauses == []]
    assert skipped
    for text in skipped:
        assert not any(_found_by_every_finder(text)), text


def test_header_starts_holds_every_short_line_with_a_number_label_and_every_one_line_header():
    lines = to_lines("一、任务\n序号\n重点任务\n序号 任务 牵头单位\n编制规划方案\n编号\n序\n工作程序\n编写")
    expected = [k for k, ln in enumerate(lines)
                if len(ln.text) <= 4 and ("序" in ln.text or "编" in ln.text) or ln.text.startswith(_ONE_LINE_HEADER)]
    assert header_starts(lines) == expected == [1, 3, 5, 6, 7, 8]


def test_task_fields_stand_in_the_order_the_flattened_table_rows_give_them():
    from dataclasses import fields

    from dutygraph.loaders.plain_text import TASK_FIELDS
    from dutygraph.model import Task

    assert tuple(f.name for f in fields(Task)) == TASK_FIELDS


@pytest.mark.parametrize("text", ["做好甲(1)修路;(2)建桥;(3)植树。", "任务:1、修路;2、建桥;3、植树", "一、修路二、建桥三、植树",
                                  "（１）修路（２）建桥（３）植树", "1.修路2.建桥3.植树,增长3.5%", "十一、甲十二、乙十三、丙"])
def test_list_markers_never_outnumber_their_closing_marks(text):
    from dutygraph.loaders.unglue import _MARK_END, _NUMBERED, _list_cuts

    assert len(_MARK_END.findall(text)) >= len(list(_NUMBERED.finditer(text))) >= 3
    if text[:1] in "做任一1":  # (a run the list reader cuts: its first item is one, printed in ASCII or a numeral)
        assert _list_cuts(text)


def test_the_list_gate_holds_on_every_line_of_the_fixtures():
    from dutygraph.loaders.unglue import _MARK_END, _NUMBERED

    for text in _fixture_lines():
        assert len(_MARK_END.findall(text)) >= len(list(_NUMBERED.finditer(text))), text


@pytest.mark.parametrize("text", ["牵头单位：甲坊", "(责任单位:乙舍、丙苑)", "【配合单位】丁阁", "市级牵头单位——戊院",
                                  "责任单位-己所", "〔协办单位〕庚站", "牵头部门）辛处", "推进甲坊建设", "责任单位甲坊"])
def test_the_label_gate_lets_every_label_through(text):
    assert (_LABEL_END.search(text) is not None) >= (_LABEL.match(text) is not None)
    assert (match_label(text) is None) == (_LABEL.match(text) is None)


def test_the_label_gate_holds_on_every_line_of_the_fixtures():
    texts = _fixture_lines()
    assert any(_LABEL.match(t) for t in texts)
    for text in texts:
        if _LABEL.match(text):
            assert _LABEL_END.search(text), text


def test_the_glued_header_gate_holds_on_every_line_of_the_fixtures():
    from dutygraph.loaders.glued_cells import line_header

    texts = _fixture_lines() + ["类别序号重点督办内容牵头单位全年完成情况", "实事内容工作任务责任单位进展情况", "编号事项主办部门"]
    assert any(line_header(t) is not None for t in texts)
    for text in texts:
        if line_header(text) is not None:
            assert "单位" in text or "部门" in text or "序号" in text or "编号" in text, text
