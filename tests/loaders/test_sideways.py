"""Task tables printed sideways one cell per line: tasks as columns, 责任单位 / 牵头单位 as row labels."""

from dutygraph.loaders.document import parse_text
from dutygraph.loaders.lines import to_lines
from dutygraph.loaders.sideways import find_sideways_tables
from dutygraph.model import Role

# A 民生实事 table by place, as a web page dumps it: corner, a heading over three columns, the task columns
# (one broken over two lines), the role label broken over two lines, fewer unit cells than columns (merged),
# then a row of values per place.
MERGED = "\n\n".join([
    "2021年某市民生实事责任分工表", "地区", "组织技能培训",
    "建成投用市公共实训基地", "★组织开展补贴性职业技能培训(万人次)", "劳务品牌", "培训(人)",
    "农村残疾人实用技术培训(人)", "妇女居家灵活就业培训(人)",
    "责任", "单位", "市人力资源社会保障局", "市残联", "市妇联",
    "全市", "2.2", "2400", "2000", "1000",
    "东坡区", "0.7", "400", "500", "200",
])


def test_each_task_column_takes_the_unit_cell_of_its_column():
    text = "\n".join(["地区", "修建绿道(公里)", "治理黑臭水体(条)", "新增停车位(个)", "责任单位",
                     "市住建局", "市生态环境局", "市公安局、市城管局", "全市", "5", "3", "1200"])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("修建绿道(公里)", ["市住建局"]), ("治理黑臭水体(条)", ["市生态环境局"]),
        ("新增停车位(个)", ["市公安局", "市城管局"])]
    assert not any(a.inferred for t in doc.tasks for a in t.assignments)


def test_a_heading_over_columns_is_no_task_and_a_cell_broken_over_two_lines_is_one():
    doc = parse_text(MERGED, "plan.txt")
    assert [t.text for t in doc.tasks] == ["建成投用市公共实训基地", "★组织开展补贴性职业技能培训(万人次)",
                                           "劳务品牌培训(人)", "农村残疾人实用技术培训(人)", "妇女居家灵活就业培训(人)"]


def test_a_unit_cell_printed_once_for_several_columns_holds_for_them_as_inferred():
    doc = parse_text(MERGED, "plan.txt")
    got = [(t.units(Role.RESPONSIBLE), [a.inferred for a in t.assignments]) for t in doc.tasks]
    assert got == [(["市人力资源社会保障局"], [False]), (["市人力资源社会保障局"], [True]),
                   (["市人力资源社会保障局"], [True]), (["市残联"], [False]), (["市妇联"], [False])]
    assert "merged cell" in doc.tasks[1].assignments[0].basis


def test_a_second_role_row_gives_a_second_column_and_the_values_below_are_not_read():
    text = "\n".join(["项目名称", "城东污水处理厂", "城西绿道", "牵头单位", "县住建局", "县自然资源局",
                      "配合单位", "县财政局", "县林业局", "完成时限", "6月", "9月"])
    grid, i, j = find_sideways_tables(to_lines(text))[0]
    assert grid.columns == ["项目名称", "牵头单位", "配合单位"]
    assert [r.cells for r in grid.rows] == [["城东污水处理厂", "县住建局", "县财政局"],
                                            ["城西绿道", "县自然资源局", "县林业局"]]
    assert (i, j) == (0, 9)  # the header to the last unit row: 完成时限 is a label, no value
    doc = parse_text(text, "plan.txt")
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        (["县住建局"], ["县财政局"]), (["县自然资源局"], ["县林业局"])]


def test_a_table_printed_the_usual_way_is_not_read_sideways():
    text = "\n".join(["序号", "重点任务", "牵头单位", "配合单位", "1", "建设绿道。", "市住建局", "市财政局",
                      "2", "治理水系。", "市水利局", "市生态环境局"])
    assert find_sideways_tables(to_lines(text)) == []


def test_a_role_label_line_in_prose_is_no_table():
    text = "\n".join(["一、重点任务", "1.建设绿道,完成年度目标。", "责任单位", "市住建局", "二、保障措施"])
    assert find_sideways_tables(to_lines(text)) == []


def test_a_name_the_lexicon_does_not_know_between_unit_cells_keeps_its_column():
    text = "\n".join(["地区", "修建绿道(公里)", "新建停车场(个)", "治理黑臭水体(条)", "责任单位",
                     "市住建局", "区城投", "市生态环境局", "全市", "5", "3", "2"])
    doc = parse_text(text, "plan.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["市住建局"], ["区城投"], ["市生态环境局"]]
    assert [u["unit"] for u in doc.coverage.unrecognised] == ["区城投"]


def test_a_table_printed_sideways_one_row_a_line_reads_its_unit_and_deadline_rows():
    text = "\n".join(["2024年民生实事项目表", "项目 | 修建绿道 | 治理黑臭水体 | 新增停车位", "牵头单位 | 市住建局 | 市生态环境局 | 市公安局",
                      "配合单位 | 市财政局 | 市水利局、各区政府 | 市城管局", "完成时限 | 6月底前 | 9月底前 | 年底前"])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING), [d.printed for d in t.deadlines])
            for t in doc.tasks] == [("修建绿道", ["市住建局"], ["市财政局"], ["6月底前"]),
                                    ("治理黑臭水体", ["市生态环境局"], ["市水利局", "各区政府"], ["9月底前"]),
                                    ("新增停车位", ["市公安局"], ["市城管局"], ["年底前"])]


def test_rows_apart_with_spaces_whose_unit_row_lists_no_unit_are_no_sideways_table():
    text = "\n".join(["项目 修建绿道 治理黑臭水体", "责任单位 按职责分工负责落实 另行通知"])
    assert find_sideways_tables(to_lines(text)) == []


def test_rows_of_people_and_dates_between_the_tasks_and_the_unit_row_are_leaders_and_deadlines():
    text = "\n".join(["项目名称", "修建绿道", "治理水系", "责任领导", "张三", "李四", "完成时限", "6月底前", "9月底前",
                      "责任单位", "市住建局", "市水利局"])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.leaders, [d.printed for d in t.deadlines], t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("修建绿道", ["张三"], ["6月底前"], ["市住建局"]), ("治理水系", ["李四"], ["9月底前"], ["市水利局"])]


def test_a_row_of_units_without_a_role_label_under_the_task_columns_after_a_corner_cell():
    text = "\n\n".join([
        "2019年民生工程完成情况表", "地区", "就业促进工程", "促进城乡劳动者就业创业",
        "城镇新增就业(人)", "城镇失业人员再就业(人)", "下岗失业人员再就业(人)", "开展农业科技培训", "(人次)",
        "市人社局", "市总工会", "市农业农村局",
        "目标", "任务", "全市", "27800", "52242", "4400", "400", "1200",
    ])
    doc = parse_text(text, "table.txt")
    got = [(t.text, t.units(Role.RESPONSIBLE), [a.inferred for a in t.assignments]) for t in doc.tasks]
    assert got == [("城镇新增就业(人)", ["市人社局"], [False]), ("城镇失业人员再就业(人)", ["市人社局"], [True]),
                   ("下岗失业人员再就业(人)", ["市总工会"], [False]), ("开展农业科技培训(人次)", ["市农业农村局"], [False])]


def test_unit_cells_after_the_role_label_are_names_opening_with_their_level_whatever_they_end_with():
    # the unit row under its label holds names no lexicon knows, each opening with its level (市青禾坊), one list
    # with a name that opens with none (白鹭苑); the values per place (全市 …) are no unit cells
    text = "\n".join(["地区", "修建绿道(公里)", "治理黑臭水体(条)", "新增停车位(个)", "责任单位",
                     "市青禾坊", "市云岫阁", "市听松斋、白鹭苑", "全市", "5", "3", "1200"])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("修建绿道(公里)", ["市青禾坊"]), ("治理黑臭水体(条)", ["市云岫阁"]), ("新增停车位(个)", ["市听松斋", "白鹭苑"])]


def test_a_row_of_units_without_a_role_label_may_name_units_the_lexicon_does_not_know():
    # the same table, its units invented names each opening with its level (no known ending)
    text = "\n\n".join([
        "2019年民生工程完成情况表", "地区", "就业促进工程", "促进城乡劳动者就业创业",
        "城镇新增就业(人)", "城镇失业人员再就业(人)", "下岗失业人员再就业(人)", "开展农业科技培训", "(人次)",
        "市青禾坊", "市云岫阁", "市听松斋",
        "目标", "任务", "全市", "27800", "52242", "4400", "400", "1200",
    ])
    doc = parse_text(text, "table.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("城镇新增就业(人)", ["市青禾坊"]), ("城镇失业人员再就业(人)", ["市青禾坊"]),
        ("下岗失业人员再就业(人)", ["市云岫阁"]), ("开展农业科技培训(人次)", ["市听松斋"])]
