"""Box-drawn tables (┌─┬─┐ │ ├─┤ └─┴─┘): cells wrap inside columns, rules drawn over some columns merge the rest."""

from dutygraph.loaders.box_table import find_box_tables
from dutygraph.loaders.document import parse_text
from dutygraph.loaders.lines import to_lines
from dutygraph.model import Role

TABLE = """某县2009年重点工作分解
┌──────────────┬────┬──────┬────┐
│ 重 点 工 作  │责任领│牵头单位    │完成时间│
│              │ 导   │            │        │
├──────────────┼────┼──────┼────┤
│推进城乡道路建设        │张某某│县交通局、县│年底前  │
├──────────────┤    │住建局      │        │
│▲新建农村公路50公里,完│    │            │        │
│成危桥改造3座          │    ├──────┤        │
│▲实施县城主干道提质改造│    │县住建局    │        │
├──────────────┤    │            │        │
│加强生态环境保护        │    │            │        │
├──────────────┤    │            │        │
│▲完成城区污水管网建设  │    │            │        │
└──────────────┴────┴──────┴────┘
┌──────────────┬────┬──────┬────┐
│ 重 点 工 作  │责任领导│牵头单位    │完
"""


def test_cells_follow_the_rules_drawn_in_their_own_column():
    grid, i, j = find_box_tables(to_lines(TABLE))[0]
    assert grid.columns == ["重点工作", "责任领导", "牵头单位", "完成时间"]
    texts = [r.cells[0] for r in grid.rows]
    assert texts == ["推进城乡道路建设", "新建农村公路50公里,完成危桥改造3座", "实施县城主干道提质改造",
                     "加强生态环境保护", "完成城区污水管网建设"]
    # a unit name wrapped over two lines and over a rule of another column is one cell
    assert grid.rows[1].cells[2] == "县交通局、县住建局"
    assert (grid.rows[1].first_line, grid.rows[1].last_line) == (8, 9)
    # the table ends at its bottom rule: the next one (cut in its header) is not read into it
    assert j == 15


def test_bulleted_items_are_tasks_and_unbulleted_cells_among_them_are_headings():
    doc = parse_text(TABLE, "plan.txt")
    got = [(t.text, t.units(Role.LEAD), t.leaders) for t in doc.tasks]
    assert got == [
        ("新建农村公路50公里,完成危桥改造3座", ["县交通局", "县住建局"], ["张某某"]),
        ("实施县城主干道提质改造", ["县住建局"], ["张某某"]),
        # the leader and unit cells are drawn open across the heading: they hold for the item after it
        ("完成城区污水管网建设", ["县住建局"], ["张某某"]),
    ]
    assert all(t.deadline is not None and t.deadline.printed == "年底前" for t in doc.tasks)


def test_a_box_table_without_task_labels_is_not_read_as_one():
    text = "┌────┬────┐\n│姓名│电话    │\n├────┼────┤\n│张三│123     │\n└────┴────┘\n"
    assert find_box_tables(to_lines(text)) == []



def _box(rows: list[list[str]], widths: list[int]) -> str:
    rule = lambda l, m, r: l + m.join("─" * w for w in widths) + r  # noqa: E731
    out = [rule("┌", "┬", "┐")]
    for k, row in enumerate(rows):
        out.append("│" + "│".join(f" {c} " for c in row) + "│")
        out.append(rule("├", "┼", "┤") if k < len(rows) - 1 else rule("└", "┴", "┘"))
    return "\n".join(out)


def test_a_project_list_whose_group_rows_name_units_gives_each_project_its_group_unit():
    from dutygraph.loaders.document import parse_text
    from dutygraph.model import Role

    rows = [["", "续建项目", "", "新开工项目"], ["", "(一)县交通运输局", "", ""],
            ["1", "国道改线工程", "1", "农村公路提档工程"], ["2", "客运枢纽站建设", "", ""],
            ["", "(二)县城投公司", "", ""], ["", "", "1", "城南片区路网工程"]]
    doc = parse_text(_box(rows, [3, 12, 3, 12]), "list.txt")
    got = [(t.text, t.units(Role.RESPONSIBLE), [a.inferred for a in t.assignments]) for t in doc.tasks]
    assert got == [("国道改线工程", ["县交通运输局"], [True]), ("农村公路提档工程", ["县交通运输局"], [True]),
                   ("客运枢纽站建设", ["县交通运输局"], [True]), ("城南片区路网工程", ["县城投公司"], [True])]


def test_a_project_list_with_one_half_and_group_rows_numbered_by_section():
    from dutygraph.loaders.document import parse_text
    from dutygraph.model import Role

    rows = [["序号", "项目名称"], ["", "一、区教育局"], ["1", "第二实验小学扩建"], ["2", "城东幼儿园新建"],
            ["", "二、区卫生健康委"], ["1", "区人民医院门诊楼"]]
    doc = parse_text(_box(rows, [3, 12]), "list.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("第二实验小学扩建", ["区教育局"]), ("城东幼儿园新建", ["区教育局"]), ("区人民医院门诊楼", ["区卫生健康委"])]


def test_a_header_of_two_rows_gives_the_columns_under_a_merged_unit_label_their_roles():
    text = "\n".join([
        "某区2024年物业管理重点工作分工",
        "┌──┬────────────┬─────────────────┬──────┐",
        "│序号│工作事项          │责任部门              │办结时间  │",
        "│  │            ├──────┬──────────┤      │",
        "│  │            │主办部门  │协办部门      │      │",
        "├──┼────────────┼──────┼──────────┼──────┤",
        "│1 │修订物业服务标准。  │区房管中心│区市场监管局  │3月31日前│",
        "├──┼────────────┼──────┼──────────┼──────┤",
        "│2 │开展老旧小区安全  │区应急管理│区消防救援大队│6月30日前│",
        "│  │排查。          │局      │            │      │",
        "└──┴────────────┴──────┴──────────┴──────┘"])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("修订物业服务标准。", ["区房管中心"], ["区市场监管局"], []),
        ("开展老旧小区安全排查。", ["区应急管理局"], ["区消防救援大队"], [])]
