"""Tables printed one cell per line, a bar opening each cell but a row's first and a lone bar closing the row."""

from dutygraph.loaders.bar_cells import find_bar_cell_tables
from dutygraph.loaders.document import parse_text
from dutygraph.loaders.lines import to_lines
from dutygraph.model import Role

TABLE = "\n".join([
    "牵头单位", "| 工 作 任 务", "| 配 合 单 位", "|",
    "县教", "育局", "| 新建城东小学一所,新增学位1200个。", "| 县住建局、县自然资源局", "|",
    "改造农村薄弱学校10所。", "| 县财政局", "|",
    "县", "卫", "健", "局", "| 建成县人民医院住院大楼。", "| 县发改局", "|",
    "完成乡镇卫生院改造5所。", "|",
    "新增家庭医生签约1万人。",
])


def test_a_cell_printed_vertically_is_one_unit_and_merged_cells_hold_for_the_rows_below():
    doc = parse_text(TABLE, "plan.txt")
    assert [(t.text[:8], t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        ("新建城东小学一所", ["县教育局"], ["县住建局", "县自然资源局"]),
        ("改造农村薄弱学校", ["县教育局"], ["县财政局"]),
        ("建成县人民医院住", ["县卫健局"], ["县发改局"]),
        ("完成乡镇卫生院改", ["县卫健局"], ["县发改局"]),
        ("新增家庭医生签约", ["县卫健局"], [])]  # the document stops inside this row: no cell after its text


def test_units_a_row_takes_from_the_merged_cells_above_are_inferred():
    doc = parse_text(TABLE, "plan.txt")
    second = doc.tasks[1]
    assert [(a.unit, a.inferred) for a in second.assignments] == [("县教育局", True), ("县财政局", False)]
    fourth = doc.tasks[3]
    assert all(a.inferred for a in fourth.assignments)


def test_the_table_spans_its_header_to_the_last_row_and_keeps_its_line_numbers():
    grid, i, j = find_bar_cell_tables(to_lines(TABLE))[0]
    assert grid.columns == ["牵头单位", "工作任务", "配合单位"]
    assert (i, j) == (0, 22)
    assert [(r.first_line, r.last_line) for r in grid.rows][:2] == [(5, 8), (10, 11)]


def test_lines_that_only_start_with_a_bar_are_no_table():
    text = "一、重点任务\n| 完成河道清淤。\n| 建设绿道。\n二、保障措施"
    assert find_bar_cell_tables(to_lines(text)) == []


def test_a_page_printing_a_blank_line_after_every_line_reads_as_the_same_rows():
    single, double = parse_text(TABLE, "plan.txt"), parse_text(TABLE.replace("\n", "\n\n"), "plan.txt")
    assert [(t.text, [(a.unit, a.role) for a in t.assignments]) for t in double.tasks] == \
        [(t.text, [(a.unit, a.role) for a in t.assignments]) for t in single.tasks]
