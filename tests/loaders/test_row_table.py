"""Tables flattened one row per line: a document that stops inside a row under merged cells."""

from dutygraph.loaders.document import parse_text
from dutygraph.model import Role

ROWS = "\n".join([
    "序号 | 工作任务 | 责任单位 | 一季度目标 | 进展情况 | 目标完成情况 |",
    "1 | 新改扩建公办中小学校1所 | 教体局 | 室内安装、装修及场外施工 | 进展情况:新建工程室内装修完成80%。 | 顺利推进 |",
    "新增学位810个 | |||||",
    "2 | 符合条件的随迁子女在家长常住地100%保障入学 | 教体局 | 公布随迁子女入(转)学政策 | 已公布。 | 顺利推进 |",
])


def test_the_last_line_without_a_bar_is_a_row_the_document_stops_inside_under_merged_cells():
    doc = parse_text(ROWS + "\n义务教育段随迁子女就", "plan.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("新改扩建公办中小学校1所", ["教体局"]), ("新增学位810个", ["教体局"]),
        ("符合条件的随迁子女在家长常住地100%保障入学", ["教体局"]), ("义务教育段随迁子女就", ["教体局"])]
    assert all(a.inferred for a in doc.tasks[-1].assignments)


def test_a_signature_or_a_date_after_the_rows_is_no_row():
    for tail in ("柯桥区人民政府办公室", "2023年4月10日"):
        doc = parse_text(ROWS + "\n" + tail, "plan.txt")
        assert [t.text for t in doc.tasks][-1] == "符合条件的随迁子女在家长常住地100%保障入学"


def test_the_rule_under_a_markdown_header_is_no_row():
    text = "\n".join(["| 序号 | 重点任务 | 牵头单位 | 配合单位 |", "| :--- | --- | :---: | --- |",
                      "| 1 | 建设绿道。 | 市住建局 | 市财政局 |", "| 2 | 治理水系。 | 市水利局 | 各区政府 |"])
    doc = parse_text(text, "plan.md")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        ("建设绿道。", ["市住建局"], ["市财政局"]), ("治理水系。", ["市水利局"], ["各区政府"])]


SPACED = "\n".join([
    "序号 工作目标 责任单位 完成情况",
    "一、主要预期目标",
    "1 粮食产量稳定在50万吨。 县农业局 粮食产量完成48万吨。",
    "2 农民收入增长7%。 县农业局",
    "县统计局",
    "县乡村振兴局",
    "农民收入增长6.5%。",
    "二、重点工作",
    "3 新建农村公路30公里。 县交通局 已完成25公里。",
])


def test_space_separated_rows_with_unit_names_one_per_line_and_section_headings_between():
    doc = parse_text(SPACED, "plan.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE), t.provenance.first_line, t.provenance.last_line)
            for t in doc.tasks] == [
        ("粮食产量稳定在50万吨。", ["县农业局"], 3, 3),
        ("农民收入增长7%。", ["县农业局", "县统计局", "县乡村振兴局"], 4, 7),
        ("新建农村公路30公里。", ["县交通局"], 9, 9)]
    last = SPACED.replace(" 已完成25公里。", "")  # the last row ends in its unit cell; a signature is no unit
    signed = parse_text(last + "\n某县人民政府办公室\n2024年3月11日", "plan.txt")
    assert signed.tasks[-1].units(Role.RESPONSIBLE) == ["县交通局"]


def test_a_short_pipe_row_prints_its_last_cells_when_they_fit_there_its_first_ones_merged_above():
    text = "\n".join([
        "项目名称 | 工作任务 | 完成时间 | 牵头单位 |",
        "1.道路提升项目 | 对城区道路进行提升改造; | 11月 | 建设局 |",
        "2021.8 | 城投集团 | ||",                      # the task's second unit: text and title merged above
        "新建口袋公园2处; | 11月 | 建设局 | |",            # a task of its own under the merged title
        "2.公墓建设项目 | 新建生态公墓15处。 | 10月底 | 民政局 |",
    ])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.title, t.units(Role.LEAD)) for t in doc.tasks] == [
        ("对城区道路进行提升改造;", "1.道路提升项目", ["建设局", "城投集团"]),
        ("新建口袋公园2处;", "1.道路提升项目", ["建设局"]),
        ("新建生态公墓15处。", "2.公墓建设项目", ["民政局"])]


def test_a_space_separated_table_without_a_number_column_is_read_row_by_row():
    document = parse_text("重点任务 牵头部门 协办部门\n推进老旧小区改造 市住建局 市财政局\n新建公园5个 市园林局 各区政府\n"
                          "二、保障措施\n加强组织领导。\n", "rows.txt")
    assert [(t.text, [(a.unit, a.role) for a in t.assignments]) for t in document.tasks] == [
        ("推进老旧小区改造", [("市住建局", Role.LEAD), ("市财政局", Role.COOPERATING)]),
        ("新建公园5个", [("市园林局", Role.LEAD), ("各区政府", Role.COOPERATING)])]


def test_a_row_missing_a_cell_puts_its_date_in_the_deadline_column_not_in_the_task_or_a_unit_cell():
    document = parse_text("序号 重点任务 牵头单位 配合单位 完成时限\n1 推进老旧小区改造 市住建局 市财政局 2023年12月\n"
                          "2 新建公园5个 市园林局 2023年10月\n", "rows.txt")
    park = document.tasks[1]
    assert park.text == "新建公园5个"
    assert [(a.unit, a.role) for a in park.assignments] == [("市园林局", Role.LEAD)]
    assert [d.printed for d in park.deadlines] == ["2023年10月"]


def test_category_rows_whose_numeral_a_space_sets_apart_stand_between_rows():
    document = parse_text("序号 工作任务 牵头单位 责任单位\n一 经济发展\n1 推进老旧小区改造 市住建局 各区政府\n"
                          "二 民生保障\n2 新增就业1万人 市人社局 各区政府\n", "rows.txt")
    assert [(t.text, [a.unit for a in t.assignments]) for t in document.tasks] == [
        ("推进老旧小区改造", ["市住建局", "各区政府"]), ("新增就业1万人", ["市人社局", "各区政府"])]


def test_a_column_of_offices_that_watch_the_work_names_no_unit():
    from dutygraph.loaders.document import parse_text
    from dutygraph.model import Role

    text = ("序号 | 重点任务 | 责任单位 | 监督科室 | 监督电话 |\n"
            "1 | 新建农村公路30公里。 | 县交通运输局、各乡镇 | 县发改局综合科 | 6123456 |\n"
            "2 | 改造老旧小区5个。 | 县住建局 | 县发改局综合科 | 6123456 |\n")
    doc = parse_text(text, "table.txt")
    assert [[a.unit for a in t.assignments] for t in doc.tasks] == [["县交通运输局", "各乡镇"], ["县住建局"]]
    assert all(a.role is Role.RESPONSIBLE for t in doc.tasks for a in t.assignments)


def test_rows_whose_cells_stand_between_full_width_bars():
    from dutygraph.loaders.document import parse_text
    from dutygraph.model import Role

    text = ("序号｜重点任务｜牵头单位｜配合单位\n1｜新建农村公路30公里。｜镇建设办｜镇财政所\n"
            "2｜改造厕所500户。｜镇农办｜各村委会\n")
    doc = parse_text(text, "table.txt")
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        (["镇建设办"], ["镇财政所"]), (["镇农办"], ["各村委会"])]
