"""Tables flattened one row per line: a document that stops inside a row under merged cells."""

import pytest

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


def test_a_row_whose_cells_each_close_with_a_bar_runs_over_several_lines():
    # a 权责清单 copied from a web page: every cell closed by a bar, the row's long cells one a line
    text = "\n".join([
        "某区农业农村局权责清单",
        "序号 | 事项名称 | 实施依据 | 实施主体 | 备注 |",
        "1 | 对农药经营的监督检查 |",
        "《农药管理条例》第三条 县级以上地方人民政府农业主管部门负责本行政区域的农药监督管理工作。 |",
        "种植业管理股 综合执法大队 |",
        "区级 |",
        "2 | 对种子生产经营的监督检查 |",
        "《中华人民共和国种子法》第三条 县级以上地方人民政府农业农村主管部门负责种子工作。 |",
        "种子管理站 |",
        "|",
        "3 | 对兽药使用的监督检",
        "查 |",
        "《兽药管理条例》第三条 |",
        "畜牧兽医股 |",
        "区级 |",
    ])
    doc = parse_text(text, "list.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE), t.provenance.first_line, t.provenance.last_line)
            for t in doc.tasks] == [
        ("对农药经营的监督检查", ["种植业管理股", "综合执法大队"], 3, 6),
        ("对种子生产经营的监督检查", ["种子管理站"], 7, 10),
        ("对兽药使用的监督检查", ["畜牧兽医股"], 11, 15)]


def test_full_width_bars_and_a_document_stopping_inside_a_row_over_lines():
    text = "\n".join([
        "序号｜重点工作｜牵头部门｜配合部门｜完成时限｜",
        "1｜建成乡镇污水处理站3座。｜",
        "镇建设办｜",
        "镇财政所、各村委会｜",
        "2025年10月底前｜",
        "2｜整治背街小巷6条。｜",
        "镇城管中队｜",
        "镇派出",
    ])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        ("建成乡镇污水处理站3座。", ["镇建设办"], ["镇财政所", "各村委会"]),
        ("整治背街小巷6条。", ["镇城管中队"], [])]


def test_a_closed_row_printing_its_empty_cells_is_whole_not_the_start_of_a_row_over_lines():
    text = "\n".join([
        "序号 | 项目内容 | 进展情况 | 责任单位 |",
        "1 | 新建公办幼儿园3所。 | 已完工2所。 | 县教育局 |",
        "新增学位900个。 | 新增学位600个。 | ||",
        "2 | 实施农村公路大中修30公里。 | 完成20公里。 | 县交通运输局 |",
    ])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("新建公办幼儿园3所。", ["县教育局"]), ("新增学位900个。", ["县教育局"]),
        ("实施农村公路大中修30公里。", ["县交通运输局"])]


def test_a_task_alone_on_its_line_between_rows_apart_with_spaces_sits_under_merged_cells():
    for heading in ("", "二、民生保障\n"):
        text = "\n".join([
            "工作内容  牵头部门  配合部门  时限要求",
            "新建村级养老服务站3个。  镇社会事务办  镇财政所  9月底前",
            "开展老年人健康体检2次。",
            heading + "实施河道清淤8公里。  镇水利站  镇综合执法队、各村委会  5月底前",
        ])
        doc = parse_text(text, "plan.txt")
        got = [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks if t.assignments]
        assert got == [
            ("新建村级养老服务站3个。", ["镇社会事务办"], ["镇财政所"]),
            ("开展老年人健康体检2次。", ["镇社会事务办"], ["镇财政所"]),
            ("实施河道清淤8公里。", ["镇水利站"], ["镇综合执法队", "各村委会"])], heading
        assert all(a.inferred for a in doc.tasks[1].assignments)


def test_line_breaks_inside_the_cells_of_a_tab_table_copied_from_a_web_page():
    text = "\n".join([
        "序号\t重点工作\t主责部门\t协同部门\t时间节点",
        "1\t推进智慧社区建设,",
        "建成示范社区10个。\t区民政局\t区大数据中心",
        "各街道办事处\t2025年6月底前",
        "2\t整治背街小巷30条。\t区城市管理局\t区住房城乡建设委\t2025年9月底前",
    ])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING), t.provenance.last_line) for t in doc.tasks] == [
        ("推进智慧社区建设,建成示范社区10个。", ["区民政局"], ["区大数据中心", "各街道办事处"], 4),
        ("整治背街小巷30条。", ["区城市管理局"], ["区住房城乡建设委"], 5)]


def test_a_text_cell_wrapped_onto_a_line_of_its_own_in_rows_apart_with_spaces():
    text = "\n".join([
        "序号  主要任务  责任主体  完成时限",
        "1  推进智慧社区建设,  区民政局  2025年6月底前",
        "建成示范社区10个。",
        "2  整治背街小  区城市管理局  2025年9月底前",
        "巷30条。",
        "3  新增公办幼儿园学位900个。  区教育局  2025年8月底前",
    ])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.LEAD) + t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("推进智慧社区建设,建成示范社区10个。", ["区民政局"]), ("整治背街小巷30条。", ["区城市管理局"]),
        ("新增公办幼儿园学位900个。", ["区教育局"])]


def test_a_row_apart_with_spaces_holding_a_cell_per_column_is_read_as_printed_when_units_fill_the_unit_columns():
    # a 权责清单 printed with wide spaces: two sentence cells (the basis, the duties) around the unit cell
    text = "\n".join([
        "序号  职权名称  法律依据  责任主体  责任事项",
        "1  对燃气经营的监督检查  《城镇燃气管理条例》第五条 县级以上地方人民政府燃气管理部门负责燃气管理工作。  城市管理股  "
        "1.检查责任:开展日常检查。2.处置责任:依法处置。",
        "2  对户外广告设置的监督检查  《城市市容和环境卫生管理条例》第四条 县人民政府城市管理部门负责市容管理。  市容环卫股  "
        "1.检查责任:开展巡查。",
    ])
    doc = parse_text(text, "list.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("对燃气经营的监督检查", ["城市管理股"]), ("对户外广告设置的监督检查", ["市容环卫股"])]


def test_a_line_break_inside_the_last_cell_of_a_tab_row_goes_on_with_that_cell():
    text = "\n".join([
        "序号\t重点任务\t牵头单位\t配合单位",
        "1\t建成乡镇污水处理站3座。\t镇建设办\t镇财政所",
        "各村委会",
        "2\t整治背街小巷6条。\t镇城管中队\t镇派出所",
    ])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.COOPERATING)) for t in doc.tasks] == [
        ("建成乡镇污水处理站3座。", ["镇财政所", "各村委会"]), ("整治背街小巷6条。", ["镇派出所"])]


def test_a_unit_name_broken_in_its_cell_in_rows_apart_with_spaces_is_joined():
    text = "\n".join([
        "序号  责任单位  工作任务  完成时限",
        "1  县农业  完成全县高标准农田建设任务2万亩。  2024年10月底前",
        "农村局",
        "2  县住房和  完成城区老旧小区改造12个。  2024年11月底前",
        "城乡建设局",
        "3  县文化和旅游局  开展全民健身赛事活动20场次。  2024年12月底前",
    ])
    doc = parse_text(text, "plan.txt")
    assert [t.units(Role.RESPONSIBLE) + t.units(Role.LEAD) for t in doc.tasks] == [
        ["县农业农村局"], ["县住房和城乡建设局"], ["县文化和旅游局"]]


def test_a_row_printing_only_the_end_of_the_text_above_goes_on_with_that_text():
    text = "\n".join([
        "| 序号 | 重点任务 | 责任单位 | 完成时限 |",
        "| 1 | 新建改建农村 | 县交通运输局 | 2024年12月底前 |",
        "|  | 公路50公里。 |  |  |",
        "| 2 | 完成城区老旧小区改造12个。 | 县住房和城乡建设局 | 2024年11月底前 |",
        "|  | 同步加装电梯30部。 |  |  |",  # a whole sentence under a closed one: a row under merged cells
        "| 3 | 建成口袋公园8个。 | 县园林绿化局 | 2024年10月底前 |",
    ])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("新建改建农村公路50公里。", ["县交通运输局"]), ("完成城区老旧小区改造12个。", ["县住房和城乡建设局"]),
        ("同步加装电梯30部。", ["县住房和城乡建设局"]), ("建成口袋公园8个。", ["县园林绿化局"])]


@pytest.mark.parametrize("sep", ["\t", "  ", "\u3000\u3000"])
def test_rows_of_a_table_printed_without_its_header_give_their_units(sep):
    # an excerpt starting on a later page of a task table: numbered rows, unit cells and a date apart
    rows = [("12.", "新建村级养老服务站3个。", "镇社会事务办", "镇财政所", "9月底前"),
            ("13.", "实施河道清淤8公里。", "镇水利站", "镇综合执法队、各村委会", "5月底前"),
            ("14.", "开展安全生产大检查4次。", "镇应急管理办", "镇派出所", "12月底前")]
    text = "\n".join(sep.join([n + t, a, b, d]) for n, t, a, b, d in rows)
    doc = parse_text("某镇2024年重点工作任务(续)\n" + text + "\n镇党委办公室\n", "plan.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE), t.deadline.printed) for t in doc.tasks] == [
        ("新建村级养老服务站3个。", ["镇社会事务办", "镇财政所"], "9月底前"),
        ("实施河道清淤8公里。", ["镇水利站", "镇综合执法队", "各村委会"], "5月底前"),
        ("开展安全生产大检查4次。", ["镇应急管理办", "镇派出所"], "12月底前")]


def test_numbered_lines_with_spaces_but_no_unit_cells_are_no_headerless_table():
    text = "\n".join(["1.加强组织领导  各部门要高度重视,确保工作落实。", "2.强化督查考核  县督查室要定期督查。",
                      "3.营造良好氛围  广泛宣传。"])
    from dutygraph.loaders.lines import to_lines
    from dutygraph.loaders.row_table import find_row_tables
    assert find_row_tables(to_lines(text)) == []


def test_a_bar_alone_in_a_row_over_lines_is_an_empty_cell():
    text = "\n".join(["序号 | 重点任务 | 牵头单位 | 配合单位 |",
                      "1 |", "建成乡镇污水处理站3座。 |", "镇建设办 |", "镇财政所、各村委会 |",
                      "2 |", "实施河道清淤8公里。 |", "镇水利站 |", "|",
                      "3 |", "整治背街小巷6条。 |", "镇城管中队 |", "镇派出所 |"])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        ("建成乡镇污水处理站3座。", ["镇建设办"], ["镇财政所", "各村委会"]), ("实施河道清淤8公里。", ["镇水利站"], []),
        ("整治背街小巷6条。", ["镇城管中队"], ["镇派出所"])]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_header_on_one_line_over_rows_printed_one_cell_per_line(gap):
    # the header's labels apart with spaces, each row's cells then one a line (number, unit, duties)
    text = "某县安全生产职责分工\n序号 责任部门 工作职责\n" + gap.join([
        "1", "县应急管理局", "统筹全县安全生产检查,督促各乡镇落实整改。",
        "2", "县交通运输局", "开展道路运输企业隐患排查。",
        "3", "县住建局", "加强建筑工地安全巡查。"])
    doc = parse_text(text, "duties.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("统筹全县安全生产检查,督促各乡镇落实整改。", ["县应急管理局"]), ("开展道路运输企业隐患排查。", ["县交通运输局"]),
        ("加强建筑工地安全巡查。", ["县住建局"])]


def test_a_header_on_one_line_without_a_number_column_over_rows_one_cell_per_line():
    text = "某县河道整治任务表\n工作任务 牵头单位 配合单位 完成时限\n" + "\n".join([
        "完成城区河道清淤12公里。", "县水利局", "县财政局", "6月底前",
        "新建护岸工程3处。", "县水务公司", "县自然资源局", "9月底前"])
    doc = parse_text(text, "river.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        ("完成城区河道清淤12公里。", ["县水利局"], ["县财政局"]), ("新建护岸工程3处。", ["县水务公司"], ["县自然资源局"])]


def test_a_unit_name_a_space_cuts_in_a_row_apart_with_spaces_is_one_name():
    # (县交通 运输局: halves that are no names of their own; 县住建局 园林局: two names)
    text = "\n".join(["序号 工作任务 牵头单位 配合单位 完成时限",
                      "1 完成城区河道清淤12公里。 县交通 运输局 县财政局 6月底前",
                      "2 新建口袋公园8个。 县住建局 园林局 9月底前"])
    doc = parse_text(text, "plan.txt")
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        (["县交通运输局"], ["县财政局"]), (["县住建局"], ["园林局"])]


TWO_ROW_HEADERS = {
    "tabs": ["序号\t工作事项\t责任部门\t\t办结时间", "\t\t主办部门\t协办部门\t"],
    "bars": ["| 序号 | 工作事项 | 责任部门 | | 办结时间 |", "| | | 主办部门 | 协办部门 | |", "|---|---|---|---|---|"],
    "markdown repeating the merged label": ["| 序号 | 工作事项 | 责任部门 | 责任部门 | 办结时间 |", "|---|---|---|---|---|",
                                            "| | | 主办部门 | 协办部门 | |"],
    "spaces, the labels under it alone": ["序号  工作事项  责任部门  办结时间", "主办部门  协办部门"],
}


@pytest.mark.parametrize("form", list(TWO_ROW_HEADERS))
def test_a_second_header_row_under_a_unit_label_merged_over_two_columns_names_them(form):
    head = TWO_ROW_HEADERS[form]
    rows = [["1", "修订物业服务标准。", "区房管中心", "区市场监管局、各街道办", "3月31日前"],
            ["2", "开展老旧小区安全排查。", "区应急管理局", "区消防救援大队", "6月30日前"]]
    sep = "\t" if form == "tabs" else "  " if form.startswith("spaces") else " | "
    body = [sep.join(r) if form == "tabs" or form.startswith("spaces") else "| " + sep.join(r) + " |" for r in rows]
    doc = parse_text("\n".join(["某区2024年物业管理重点工作分工"] + head + body), "plan.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("修订物业服务标准。", ["区房管中心"], ["区市场监管局", "各街道办"], []),
        ("开展老旧小区安全排查。", ["区应急管理局"], ["区消防救援大队"], [])]


def test_a_row_of_unit_names_under_a_header_is_no_second_header():
    text = "\n".join(["序号\t工作事项\t责任部门\t办结时间", "1\t修订物业服务标准。\t区房管中心\t3月31日前",
                      "2\t开展老旧小区安全排查。\t区应急管理局\t6月30日前"])
    doc = parse_text(text, "plan.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["区房管中心"], ["区应急管理局"]]


def test_names_apart_with_a_markdown_line_break_in_a_cell_are_a_list():
    text = "\n".join(["| 序号 | 工作事项 | 分管领导 | 主办部门 | 协办部门 |", "|---|---|---|---|---|",
                      "| 1 | 修订物业<br>服务标准。 | 赵某某<br/>钱某某 | 区房管中心 | 区市场监管局<BR>各街道办 |",
                      "| 2 | 开展老旧小区安全排查。 | 孙某某 | 区应急管理局 | 区消防救援大队 |"])
    doc = parse_text(text, "plan.md")
    assert [(t.text, t.leaders, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        ("修订物业服务标准。", ["赵某某", "钱某某"], ["区房管中心"], ["区市场监管局", "各街道办"]),
        ("开展老旧小区安全排查。", ["孙某某"], ["区应急管理局"], ["区消防救援大队"])]


GRID_TABLES = {
    "a database client's rules": [
        "+----+--------------------+------------+----------------+",
        "| 序号 | 工作事项 | 主办部门 | 协办部门 |",
        "+----+--------------------+------------+----------------+",
        "| 1 | 修订物业服务标准。 | 区房管中心 | 区市场监管局 |",
        "| 2 | 开展老旧小区安全排查。 | 区应急管理局 | 区消防救援大队 |",
        "+----+--------------------+------------+----------------+"],
    "a grid table, rows over lines": [
        "+------+--------------+----------+------------+",
        "| 序号 | 工作事项     | 主办部门 | 协办部门   |",
        "+======+==============+==========+============+",
        "| 1    | 修订物业服务 | 区房管中 | 区市场监管 |",
        "|      | 标准。       | 心       | 局         |",
        "+------+--------------+----------+------------+",
        "| 2    | 开展老旧小区 | 区应急管 | 区消防救援 |",
        "|      | 安全排查。   | 理局     | 大队       |",
        "|      |              |          | 各街道办   |",
        "+------+--------------+----------+------------+"],
}


@pytest.mark.parametrize("form", list(GRID_TABLES))
def test_a_table_ruled_with_plus_and_dashes_reads_its_rows(form):
    doc = parse_text("\n".join(["某区2024年物业管理重点工作分工"] + GRID_TABLES[form]), "plan.txt")
    more = ["各街道办"] if "over lines" in form else []
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        ("修订物业服务标准。", ["区房管中心"], ["区市场监管局"]),
        ("开展老旧小区安全排查。", ["区应急管理局"], ["区消防救援大队"] + more)]


@pytest.mark.parametrize("rule", ["|:-:|-|:-|-:|", "| - | - | - | - |", "|:---:|:----|---:|---|"])
def test_a_markdown_rule_of_single_dashes_is_no_row(rule):
    text = "\n".join(["| 序号 | 工作事项 | 主办部门 | 协办部门 |", rule,
                      "| 1 | 修订物业服务标准。 | 区房管中心 | 区市场监管局 |"])
    doc = parse_text(text, "plan.md")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        ("修订物业服务标准。", ["区房管中心"], ["区市场监管局"])]


def test_a_pdf_layout_row_wrapped_onto_a_line_without_its_number_goes_on_in_its_columns():
    text = "\n".join([
        "某区2024年物业管理重点工作分工",
        "序号   工作事项                     主办部门        协办部门",
        "1      修订物业服务标准，完成       区房管中心      区市场监管局",
        "       备案。                                       各街道办",
        "2      开展老旧小区安全排查。       区应急管理局    区消防救援大队"])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        ("修订物业服务标准，完成备案。", ["区房管中心"], ["区市场监管局", "各街道办"]),
        ("开展老旧小区安全排查。", ["区应急管理局"], ["区消防救援大队"])]


def test_a_pdf_layout_row_with_an_empty_cell_keeps_its_cells_under_their_labels():
    text = "\n".join([
        "某区2024年物业管理重点工作分工",
        "序号   工作事项                     主办部门        协办部门        办结时间",
        "1      修订物业服务标准。           区房管中心      区市场监管局    3月底前",
        "2      开展老旧小区安全排查。                       区消防救援大队  6月底前"])
    doc = parse_text(text, "plan.txt")
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING), t.deadline.printed) for t in doc.tasks] == [
        (["区房管中心"], ["区市场监管局"], "3月底前"), ([], ["区消防救援大队"], "6月底前")]


def test_a_header_whose_labels_are_not_padded_to_columns_places_no_cell_by_position():
    # (look10) labels two spaces apart, none padded to its column: the rows are cells separated by two spaces, not
    # a layout; a row printing fewer cells keeps its unit in the unit column, not under the label it starts below
    text = ("序号  目标任务  责任单位  推进情况\n"
            "1  地区生产总值增长6%以上。  区发改委  地区生产总值同比增长2.9%。\n"
            "2  第一产业增加值增长5%。  区农业农村委\n")
    doc = parse_text(text, "plan.txt")
    assert [t.units(Role.RESPONSIBLE) or t.units(Role.LEAD) for t in doc.tasks] == [["区发改委"], ["区农业农村委"]]


def test_a_header_of_cells_closed_by_bars_printed_over_two_lines_and_a_last_cell_wrapped_onto_the_next():
    # a progress report: the header's last labels on a line of their own, a row's last cell on the next line
    text = "\n".join([
        "某县农业农村局重点工作推进情况",
        "序号 | 年度工作任务 | 牵头单位 |",
        "工作进度 | 完成情况 |",
        "1 | 建成高标准农田2万亩。 | 县农业农村局 | 已完成土地平整,正在验收。 | 序时推进 |",
        "2 | 新建村级冷库10座。 | 县供销社 | 已建成8座,其余两座正在施工。 |",
        "序时推进 |",
    ])
    doc = parse_text(text, "report.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("建成高标准农田2万亩。", ["县农业农村局"], []), ("新建村级冷库10座。", ["县供销社"], [])]


def test_rows_printing_only_their_last_cells_under_merged_ones_and_a_standard_column_before_the_task_column():
    # a task list whose group cells are printed once: later rows print only their last cells, each closed by a
    # bar (the deadline last, or the units last where the row has no deadline of its own); the 考核指标 column
    # states the standard the task answers, the 任务清单 column the task
    text = "\n".join([
        "类别 | 工作事项 | 考核指标 | 任务清单 | 责任清单 | 时限清单 |",
        "(一)队伍建设 | 1.人员配备 | (1)每个乡镇配齐专职人员,明确分管领导,做到人员固定、职责清楚。 | 明确专职人员名单; | 组织办 应急站 | 5月 |",
        "(2)每个村建立巡查队伍,落实日常巡查制度,发现问题及时上报处置。 | 组建村级巡查小组; | 村(社区) | 5月 |",
        "(3)每个乡镇建立物资储备点,储备物资按规定更新,保证急需时调得出。 | 建立物资储备台账; | 应急站 财政办 村(社区) |",
    ])
    doc = parse_text(text, "list.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("明确专职人员名单;", ["组织办", "应急站"]), ("组建村级巡查小组;", ["村(社区)"]),
        ("建立物资储备台账;", ["应急站", "财政办", "村(社区)"])]


def test_rows_apart_with_spaces_give_their_unit_cells_names_the_lexicon_does_not_know():
    # a target table with a report column after the units; the unit cells are invented names (no known ending),
    # one row printing its further names one a line under it, then its report sentence
    from dutygraph.loaders.document import parse_text
    from dutygraph.model import Role

    text = "\n".join([
        "2025年目标任务上半年推进情况汇总表",
        "序号 目标任务 责任单位 上半年推进情况",
        "1 地区生产总值增长6%以上。 区青禾坊 地区生产总值同比增长2.9%。",
        "2 第一产业增加值增长5%。 区云岫阁", "区听松斋", "区白鹭苑", "第一产业增加值同比增长3.4%。",
        "3 规上工业增加值增长3.5%。 区远山舍 规上工业增加值同比增长0.4%。",
        "4 固定资产投资增长10%。 区青禾坊 固定资产投资同比增长5.1%。",
    ])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("地区生产总值增长6%以上。", ["区青禾坊"]), ("第一产业增加值增长5%。", ["区云岫阁", "区听松斋", "区白鹭苑"]),
        ("规上工业增加值增长3.5%。", ["区远山舍"]), ("固定资产投资增长10%。", ["区青禾坊"])]


def test_numbered_rows_between_bars_printing_fewer_cells_keep_their_units_in_the_unit_column():
    # rows between bars closed by a bar alone on the next line; a row under a merged 工作任务 cell and without its
    # 备注 prints its number, its own text, its unit and a standing deadline (长期推进) only
    text = "\n".join([
        "序号 | 工作任务 | 具体措施 | 责任科室 | 完成时限 | 备注 |",
        "1 | 做好防汛信息发布 | 及时发布汛情预警和避险提示 | 水旱灾害防御科 | 长期推进 |",
        "|",
        "2 | 持续推进河湖长制信息公开工作 | 河湖管理科 | 持续开展 |",
        "|",
        "3 | 规范水资源论证审批公开,提高审批透明度 | 水资源管理科 | 2026年6月前 |",
        "|",
    ])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("及时发布汛情预警和避险提示", ["水旱灾害防御科"]), ("持续推进河湖长制信息公开工作", ["河湖管理科"]),
        ("规范水资源论证审批公开,提高审批透明度", ["水资源管理科"])]


def test_a_flat_row_whose_one_unit_cell_stands_under_the_unit_column_and_whose_measures_wrap_item_by_item():
    # cells apart with one space; the row's unit cell stands under the one unit column; the measures cell holds a
    # numbered list whose later items wrap onto lines of their own, and so does the report cell after it; the task
    # is the column naming it (重点任务), its measures (具体举措) are not the task
    text = "\n".join([
        "序号 重点任务 工作目标 责任单位 具体举措 推进情况 备注",
        "1 推进城区停车设施建设 新增公共停车泊位800个,缓解停车难问题 县城管局 1.完成停车场选址和规划论证;",
        "2.开工建设立体停车场两处。",
        "1.3月完成选址论证,已开工一处。",
        "2.另一处正在办理施工许可。",
        "2 开展农贸市场提升改造 改造提升农贸市场3个,改善购物环境 县商务局 1.制定改造方案;",
        "2.年底前完成改造并投入使用。",
        "1.改造方案已印发。",
    ])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("推进城区停车设施建设", ["县城管局"]), ("开展农贸市场提升改造", ["县商务局"])]


def test_a_table_ending_the_document_keeps_its_last_unit_when_a_bar_closes_the_cell():
    from dutygraph.loaders.document import parse_text
    from dutygraph.model import Role

    text = ("序号 | 重点任务 | 完成时限 | 牵头单位 | 配合单位 |\n1 | 新建农村公路30公里。 | 2024年底 | 区甲坊 | 区乙苑 |\n"
            "2 | 改造厕所500户。 | 2024年6月 | 区丁阁 | 区戊斋 |")  # names no lexicon knows, the last cell closed
    doc = parse_text(text, "p.txt")
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == \
        [(["区甲坊"], ["区乙苑"]), (["区丁阁"], ["区戊斋"])]


def test_a_short_row_ending_in_names_no_lexicon_knows_is_whole_under_merged_cells():
    # no number column, each cell closed by a bar: the short row (its first cells merged with those above) ends in
    # its unit cell, so the next line (a row the document stops inside) is no more cells of it
    from dutygraph.loaders.document import parse_text
    from dutygraph.model import Role

    text = ("建设任务 | 工作事项 | 工作指标 | 任务清单 | 责任清单 | 时限清单 |\n"
            "(一)组织指挥 | 1.组织机构 | (1)乡镇党政主要负责人是防汛工作第一责任人。 | 1.落实行政首长负责制; | 甲澜苑 | 4月 |\n"
            "(2)乡镇应急管理站承担防汛统筹协调工作。 | 1.明确防汛工作职责和联络员; | 乙砚阁 | 4月 |\n"
            "2.补充设置巡查员、预警员等网格责任人; | 丙芷斋 丁琰苑 |\n"
            "2.工作机制 | (3)汛前,乡镇健全完善应急指挥机制。 | 1.制定应急指挥机制,")
    doc = parse_text(text, "p.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks if t.assignments] == [["甲澜苑"], ["乙砚阁"], ["丙芷斋", "丁琰苑"]]


def test_a_header_label_spanning_several_cells_of_a_bar_table_and_rows_printing_only_them():
    # (r-tables11) 分 解 情 况 printed once over three cells (the indicator, its figure, its split by place): the
    # first row prints more cells than the header has labels, the rows below only those three, their 项目 / 目标 /
    # leader / unit cells merged with the first row's; each indicator row is a task with the first row's unit
    text = "\n".join([
        "项 目 | 目标 | 分 解 情 况 | 责任领导 | 责任单位 | 责任人 |",
        "绿 化 提 升 工 程 | 增加城乡绿地 | 新增绿地(亩) | 900 | 甲镇300 乙乡200 丙乡400 | 王 某 | 区林业局 | 李 某 |",
        "新植行道树(株) | 5000 | 甲镇2000 乙乡1000 丙乡2000 |",
        "改造公园(个) | 6 | 甲镇2 乙乡2 丙乡2 |",
    ])
    doc = parse_text(text, "table.txt")
    got = [([c.strip() for c in t.text.split("|")[:2]], t.units(Role.RESPONSIBLE)) for t in doc.tasks if t.assignments]
    assert got == [(["新增绿地(亩)", "900"], ["区林业局"]), (["新植行道树(株)", "5000"], ["区林业局"]),
                   (["改造公园(个)", "6"], ["区林业局"])]
