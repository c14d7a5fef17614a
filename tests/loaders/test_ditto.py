from __future__ import annotations

from dutygraph.loaders.document import parse_text
from dutygraph.model import Role

L, R, C = Role.LEAD, Role.RESPONSIBLE, Role.COOPERATING


def _units(document):
    return [[(a.unit, a.role, a.inferred) for a in t.assignments] for t in document.tasks]


def test_a_unit_cell_printing_tongshang_takes_the_units_of_the_row_above_in_its_role():
    document = parse_text("序号 重点任务 牵头单位 配合单位 完成时限\n1 推进老旧小区改造 市住建局 市财政局 2023年12月\n"
                          "2 新建公园5个 同上 市园林局 2023年10月\n3 实施道路提升 市交通局 市城管局 2023年11月\n", "t.txt")
    assert _units(document) == [
        [("市住建局", L, False), ("市财政局", C, False)],
        [("市园林局", C, False), ("市住建局", L, True)],
        [("市交通局", L, False), ("市城管局", C, False)]]
    assert document.tasks[1].assignments[1].basis.startswith("同上")


def test_a_tongshang_cell_in_a_table_printed_one_cell_per_line_keeps_its_row():
    document = parse_text("序号\n重点任务\n责任单位\n1\n推进老旧小区改造\n市住建局\n2\n新建公园5个\n同上\n", "t.txt")
    assert _units(document) == [[("市住建局", R, False)], [("市住建局", R, True)]]


def test_an_item_closed_by_tongshang_takes_all_the_units_of_the_item_before_it():
    document = parse_text("一、重点任务\n1.推进老旧小区改造。（牵头单位：市住建局；责任单位：各区政府）\n2.新建公园5个。（同上）\n",
                          "t.txt")
    assert [t.text for t in document.tasks] == ["推进老旧小区改造。", "新建公园5个。"]
    assert _units(document)[1] == [("市住建局", L, True), ("各区政府", R, True)]


def test_a_ditto_mark_in_the_unit_cells_of_rows_between_bars_takes_the_units_above():
    from dutygraph.loaders.document import parse_text

    doc = parse_text("序号|重点任务|牵头单位|配合单位\n1|建设孵化器2个。|区科技局|区财政局\n2|培育企业10家。|同上|同上\n",
                     "table.txt")
    last = doc.tasks[-1]
    assert (last.units(Role.LEAD), last.units(Role.COOPERATING)) == (["区科技局"], ["区财政局"])
    assert all(a.inferred for a in last.assignments)
