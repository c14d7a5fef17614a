"""Tables printed one cell per line, every row one line per column, read by the header's column count."""

import pytest

from dutygraph.loaders.cell_groups import find_cell_group_tables
from dutygraph.loaders.document import parse_text
from dutygraph.loaders.lines import to_lines
from dutygraph.model import Role

ROWS = [("县水利局", "完成城区河道清淤12公里。", "各乡镇人民政府"),
        ("县交通运输局", "新建农村公路30公里,改造危桥5座。", "县财政局、各乡镇人民政府"),
        ("县卫生健康局", "建成县第二人民医院门诊楼。", "县发改局")]
TITLE = "某县2024年重点工作任务分解表"
WANTED = [(["县水利局"], ["各乡镇人民政府"]), (["县交通运输局"], ["县财政局", "各乡镇人民政府"]), (["县卫生健康局"], ["县发改局"])]


def _units(text):
    return [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in parse_text(text, "plan.txt").tasks]


@pytest.mark.parametrize("between", ["\n", "\n\n"], ids=["nothing between rows", "a blank line between rows"])
def test_a_lead_column_before_the_text_is_read_in_groups_of_the_column_count(between):
    body = between.join("\n".join(row) for row in ROWS)
    assert _units(f"{TITLE}\n牵头单位\n重点任务\n责任单位\n{between}{body}") == WANTED


def test_a_row_number_on_its_own_line_separates_rows_of_a_header_without_a_number_column():
    body = "\n".join(f"{k}\n" + "\n".join(row) for k, row in enumerate(ROWS, 1))
    assert _units(f"{TITLE}\n牵头单位\n重点任务\n责任单位\n{body}") == WANTED


def test_a_deadline_column_after_the_units_does_not_run_into_the_next_row():
    body = "\n".join("\n".join((row[1], row[0], row[2], "2024年底前")) for row in ROWS)
    doc = parse_text(f"{TITLE}\n重点任务\n牵头单位\n责任单位\n完成时限\n{body}", "plan.txt")
    assert [t.text for t in doc.tasks] == [row[1] for row in ROWS]
    assert [t.deadline.printed for t in doc.tasks] == ["2024年底前"] * 3


def test_a_first_row_cell_that_reads_as_a_label_is_not_taken_into_the_header():
    body = "\n".join(f"项目{k}\n" + "\n".join((row[1], row[0], row[2])) for k, row in enumerate(ROWS, 1))
    grid = find_cell_group_tables(to_lines(f"项目名称\n建设内容\n牵头单位\n责任单位\n{body}"))[0][0]
    assert grid.columns == ["项目名称", "建设内容", "牵头单位", "责任单位"]
    assert [r.cells[0] for r in grid.rows] == ["项目1", "项目2", "项目3"]


def test_cells_that_do_not_fit_their_columns_are_no_such_table():
    # the text wraps over two lines: the groups of three do not fit, the other readers take the lines
    body = "县水利局\n完成城区河道\n清淤12公里。\n各乡镇\n县交通局\n新建公路。\n县财政局"
    assert find_cell_group_tables(to_lines(f"牵头单位\n重点任务\n责任单位\n{body}")) == []


def test_a_first_column_of_merged_lead_cells_is_inherited_by_the_rows_that_leave_it_out():
    # 牵头单位 printed once for the rows it spans: those rows start with their text
    body = ["县教育局", "新建城东小学一所。", "县住建局、县自然资源局", "改造农村薄弱学校10所。", "县财政局",
            "县卫健局", "建成县人民医院住院大楼。", "县发改局", "完成乡镇卫生院改造5所。", "各乡镇人民政府"]
    doc = parse_text(f"{TITLE}\n牵头单位\n重点任务\n责任单位\n" + "\n".join(body), "plan.txt")
    assert [(t.text[:6], t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("新建城东小学", ["县教育局"], ["县住建局", "县自然资源局"]),
        ("改造农村薄弱", ["县教育局"], ["县财政局"]),
        ("建成县人民医", ["县卫健局"], ["县发改局"]),
        ("完成乡镇卫生", ["县卫健局"], ["各乡镇人民政府"])]
    assert [a.inferred for a in doc.tasks[1].assignments] == [True, False]


def test_header_labels_broken_over_two_lines_are_one_label_each():
    from dutygraph.loaders.document import parse_text
    from dutygraph.model import Role

    text = "\n".join(["重点任务", "牵头", "部门", "配合", "部门", "完成", "时限",
                      "建设绿道,完成年度目标。", "市住建局", "市财政局", "6月底前",
                      "治理水系,完成年度目标。", "市水利局", "各区政府", "9月底前"])
    doc = parse_text(text, "plan.txt")
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING), [d.printed for d in t.deadlines]) for t in doc.tasks] == [
        (["市住建局"], ["市财政局"], ["6月底前"]), (["市水利局"], ["各区政府"], ["9月底前"])]


def test_a_table_title_above_a_header_of_one_label_per_line_is_no_label():
    ls = to_lines("附件\n重点任务分工表\n重点任务\n责任单位\n完成时限\n建设绿道\n市住建局\n2020年底\n治理水系\n市水利局\n2020年6月")
    (grid, i, j), = find_cell_group_tables(ls)
    assert grid.columns == ["重点任务", "责任单位", "完成时限"]
    assert [r.cells for r in grid.rows] == [["建设绿道", "市住建局", "2020年底"], ["治理水系", "市水利局", "2020年6月"]]


def test_a_cell_of_names_a_space_separates_reads_as_a_list():
    text = ("某县2023年重点工作任务分解表\n序号\n重点任务\n牵头单位\n责任单位\n完成时限\n"
            "1\n推进重点项目建设\n县发改局\n县财政局 县自然资源局\n2023年12月底\n"
            "2\n优化营商环境\n县行政审批局\n县市场监管局 县税务局,各乡镇人民政府\n长期坚持\n")
    lines = to_lines(text)
    assert lines[9].text == "县财政局、县自然资源局" and lines[9].raw == "县财政局 县自然资源局"
    assert to_lines("1 推进重点项目建设 县发改局")[0].text == "1推进重点项目建设县发改局"  # not a cell of names
    doc = parse_text(text, "cells.txt")
    assert [(a.unit, a.role.value) for a in doc.tasks[1].assignments] == [
        ("县行政审批局", "lead"), ("县市场监管局", "responsible"), ("县税务局", "responsible"),
        ("各乡镇人民政府", "responsible")]


def test_places_named_alone_fit_a_unit_column():
    text = "\n".join(["重点任务", "责任单位", "完成时限", "建成示范社区10个。", "登封市", "6月底前",
                      "整治背街小巷30条。", "新密市、荥阳市", "9月底前"])
    grid = find_cell_group_tables(to_lines(text))[0][0]
    assert [r.cells[1] for r in grid.rows] == ["登封市", "新密市、荥阳市"]


def test_a_unit_cell_of_role_labels_fits_the_unit_column():
    lines = [TITLE, "重点任务", "责任单位", "完成时限",
             "完成城区河道清淤12公里。", "牵头单位:县水利局;配合单位:各乡镇人民政府", "6月底前",
             "新建农村公路30公里。", "县交通运输局", "9月底前"]
    doc = parse_text("\n".join(lines), "plan.txt")
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        (["县水利局"], [], ["各乡镇人民政府"]), ([], ["县交通运输局"], [])]


def test_a_leader_cell_printing_its_people_one_a_line_goes_on_over_them():
    # 责任领导 cells of one or two people, each on a line of its own, between the text and the unit cells
    # (a section heading over the rows; unit cells listing names with commas and closing with 等)
    lines = [TITLE, "目标任务", "责任领导", "责任单位", "一、主要预期指标",
             "1.完成城区河道清淤12公里。", "王某某", "县水利局、县财政局,各乡镇人民政府等",
             "2.新建农村公路30公里。", "李某某", "赵某某", "县交通运输局、县财政局,各乡镇人民政府等",
             "3.建成县第二人民医院门诊楼。", "王某某", "县卫生健康局"]
    doc = parse_text("\n".join(lines), "plan.txt")
    assert [(t.leaders, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        (["王某某"], ["县水利局", "县财政局", "各乡镇人民政府"]),
        (["李某某", "赵某某"], ["县交通运输局", "县财政局", "各乡镇人民政府"]), (["王某某"], ["县卫生健康局"])]


def test_rows_whose_unit_cells_name_units_opening_with_their_level_whatever_they_end_with():
    # the same rows, their units invented names (no known ending), each opening with the county (县)
    rows = [("县青禾坊", "完成城区河道清淤12公里。", "各乡镇人民政府"),
            ("县云岫阁", "新建农村公路30公里,改造危桥5座。", "县听松斋、各乡镇人民政府"),
            ("县白鹭苑", "建成县第二人民医院门诊楼。", "县远山舍、县发改局")]  # (a known name last: the
    # document's last name is no name cut by its end)
    body = "\n".join("\n".join(row) for row in rows)
    assert _units(f"{TITLE}\n牵头单位\n重点任务\n责任单位\n{body}") == [
        (["县青禾坊"], ["各乡镇人民政府"]), (["县云岫阁"], ["县听松斋", "各乡镇人民政府"]), (["县白鹭苑"], ["县远山舍", "县发改局"])]
