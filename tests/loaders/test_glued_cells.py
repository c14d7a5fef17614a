"""Tables glued into one line with nothing between their cells: rows cut at their numbers, cells by kind."""

from dutygraph.loaders.document import parse_text
from dutygraph.loaders.glued_cells import _labels, find_glued_cell_tables, split_before_header
from dutygraph.loaders.lines import to_lines
from dutygraph.model import Role

NOTICE = ("某区人民政府办公室关于印发2024年重点工作任务分解表的通知各街道办事处、区政府各部门:现将《2024年重点工作任务分解表》"
          "印发给你们,请各牵头单位会同配合单位细化措施,每季度末报送工作进展情况。特此通知。附件2024年重点工作任务分解表")
TABLE = ("序号任务名称任务内容牵头部门配合部门时间节点"
         "1加强组织领导召开全区动员大会。建立联席会议制度。区政府办公室各联席会议成员单位2024年3月"
         "2完善督查机制将重点工作纳入绩效评价指标体系。区委组织部（区公务员局）区财政局2024年"
         "3推进污水治理新建污水管网12公里,改造泵站3座。区水务局区住房保障局、各街道办事处2024年6月"
         "4提升公园绿地新建口袋公园5个。区绿化市容局区规划资源局2024年底前")


def test_a_table_glued_without_separators_gives_every_row_its_lead_and_partners():
    doc = parse_text(NOTICE + TABLE, "glued.txt")
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        (["区政府办公室"], ["各联席会议成员单位"]),
        (["区委组织部（区公务员局）"], ["区财政局"]),
        (["区水务局"], ["区住房保障局", "各街道办事处"]),
        (["区绿化市容局"], ["区规划资源局"])]
    assert [t.deadline.printed for t in doc.tasks] == ["2024年3月", "2024年", "2024年6月", "2024年底前"]


def test_a_number_that_counts_inside_a_row_does_not_start_the_next_row():
    # 12公里 and 3座 in row 3, 2024年 before each row: the rows are cut only where a row ends in its cells
    grid = find_glued_cell_tables(split_before_header(to_lines(NOTICE + TABLE)))[0][0]
    assert [r.cells[0] for r in grid.rows] == ["1", "2", "3", "4"]
    assert grid.rows[2].cells[2].startswith("推进污水治理新建污水管网12公里")


def test_glued_labels_are_cut_at_label_words():
    assert _labels("序号目标与任务牵头责任单位责任单位") == ["序号", "目标与任务", "牵头责任单位", "责任单位"]
    assert _labels("序号项目内容当前进度牵头单位备注") == ["序号", "项目内容", "当前进度", "牵头单位", "备注"]
    assert _labels("序号今年我们要做好") is None


def test_the_text_before_a_glued_table_is_read_as_text():
    lines = split_before_header(to_lines(NOTICE + TABLE))
    assert [ln.text for ln in lines] == [NOTICE, TABLE]
    assert {ln.no for ln in lines} == {1}


def test_a_glued_table_whose_rows_carry_no_number_is_cut_after_the_unit_cells_that_follow_each_text():
    table = ("序号目标与任务牵头责任单位责任单位"
             "加快推进国土空间规划编制,让城市更有颜值。市自然资源和规划局各县(市)区政府、开发区管委会"
             "扎实打好污染防治攻坚战。抓好环保督察问题整改。市生态环境局各县(市)区政府"
             "推进城市更新行动,改造老旧小区30个。市住房城乡建设局各县(市)区政府、开发区管委会")
    doc = parse_text(NOTICE + table, "glued.txt")
    assert [(t.text[:6], t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("加快推进国土", ["市自然资源和规划局"], ["各县(市)区政府", "开发区管委会"]),
        ("扎实打好污染", ["市生态环境局"], ["各县(市)区政府"]),
        ("推进城市更新", ["市住房城乡建设局"], ["各县(市)区政府", "开发区管委会"])]


def test_rows_glued_one_per_line_under_a_glued_header_line_end_their_units_before_the_report():
    text = "\n".join([
        "2023年重点工作完成情况",
        "类别序号重点任务牵头单位完成情况",
        "主要目标1粮食产量稳定在50万吨。县农业局县粮食产量完成48万吨,同比增长2%。",
        "主要目标2城镇新增就业3000人。县人力社保局根据统计,全年新增就业3200人。",
        "重点工作3新建农村公路30公里。县交通运输局、县财政局全年建成32公里。",
    ])
    doc = parse_text(text, "report.txt")
    assert [(t.text, t.units(Role.LEAD), t.provenance.first_line) for t in doc.tasks] == [
        ("粮食产量稳定在50万吨。", ["县农业局"], 3),
        ("城镇新增就业3000人。", ["县人力社保局"], 4),
        ("新建农村公路30公里。", ["县交通运输局", "县财政局"], 5)]
    assert (doc.coverage.cues, doc.coverage.attached) == (1, 1)  # the glued header line is a role cue


def test_rows_glued_one_per_line_under_a_glued_header_without_numbers_give_their_units():
    # a progress page: 实事内容|工作任务|责任单位|进展情况 glued on one line, the progress column's quarters on the next,
    # then a row a line, its category printed once (merged), its units after the task's 。 and the progress after them
    text = ("民生实事进展\n实事内容工作任务责任单位进展情况\n一季度二季度三季度四季度\n"
            "教育文化新建幼儿园3所。区教育局,相关镇街1.完成选址;2.完成设计。已开工。\n"
            "改造农家书屋20个。区文广旅体局,各镇街已完成10个。累计完成16个。\n")
    doc = parse_text(text, "p.txt")
    assert [(t.text, [(a.unit, a.role) for a in t.assignments]) for t in doc.tasks] == [
        ("教育文化新建幼儿园3所。", [("区教育局", Role.RESPONSIBLE), ("相关镇街", Role.RESPONSIBLE)]),
        ("改造农家书屋20个。", [("区文广旅体局", Role.RESPONSIBLE), ("各镇街", Role.RESPONSIBLE)])]
    # a line of labels without a unit column, or with sentence marks, is no header
    assert find_glued_cell_tables(to_lines("工作内容进展情况完成时间\n新建幼儿园3所。区教育局已开工。\n改造书屋。区文广局已完成。\n")) == []
    assert find_glued_cell_tables(to_lines("工作任务，责任单位\n新建幼儿园3所。区教育局已开工。\n改造书屋。区文广局已完成。\n")) == []


def test_a_document_sites_page_numbers_cutting_a_glued_table_are_dropped_and_the_pages_joined():
    # a DOCX preview: each page's text opens with its number (1、 2、), here cutting a unit name inside its bracket;
    # the labels glue two label words each (任务名称, 目标内容), the unit cells are lists (、) before a deadline
    text = "\n".join([
        "《某区2024年河道治理任务清单.docx》由会员分享,可在线阅读。",
        "",
        "1、某区2024年河道治理任务清单序号任务名称目标内容主要责任单位完成期限"
        "1河道清淤完成主要河道清淤12公里,同步整治沿线排污口,建立河道日常保洁长效机制,确保水体清澈、岸线整洁。"
        "区水务局、区财政局等按职责分工负责全年"
        "2护岸建设新建生态护岸3公里,对老旧堤防开展隐患排查,完成险工险段加固,汛前全部完成主体工程建设任务。"
        "区住建局、区水务局(区河长办",
        "",
        "2、公室)",
    ])
    doc = parse_text(text, "preview.txt")
    assert [(t.text[:6], sorted(a.unit for a in t.assignments)) for t in doc.tasks] == [
        ("完成主要河道", ["区水务局", "区财政局"]), ("新建生态护岸", ["区住建局", "区水务局(区河长办公室)"])]


def test_a_glued_row_ending_in_a_deadline_gives_names_opening_with_their_level_whatever_they_end_with():
    # units the lexicon does not know glued with nothing between (区青禾坊区云岫阁), each opening with the district
    from dutygraph.loaders.document import parse_text
    from dutygraph.model import Role

    rows = "".join(f"{k}完成第{k}段河道清淤。区青禾坊区云岫阁2019年{k}月" for k in range(1, 5))
    doc = parse_text("序号任务内容牵头部门配合部门时间节点" + rows, "plan.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks][:2] == [
        ("完成第1段河道清淤。", ["区青禾坊"], ["区云岫阁"]), ("完成第2段河道清淤。", ["区青禾坊"], ["区云岫阁"])]


def test_rows_glued_under_a_glued_header_with_headings_between_and_cells_on_the_next_line():
    # a glued header without a number column (责任内容: the work, no unit column); section headings between rows;
    # a row's text closing its line, its unit cells glued on the next with the 工作要求 cell after them; levels
    # listed before the one name they share (省、市两级…); a name a character or two longer than its first suffix
    from dutygraph.loaders.document import parse_text
    from dutygraph.model import Role

    text = "\n".join([
        "责任内容具体任务及措施牵头单位责任单位工作要求",
        "一、压实责任(一)政府责任",
        "1.县级人民政府对本行政区域内的河道保洁工作负责,建立考核机制。",
        "市、县两级人民政府县水利局每季度报告一次工作进展。",
        "2.乡镇人民政府负责本辖区河道的日常巡查,建立台账。县水利局乡镇人民政府、街道办事处按月上报巡查台账。",
        "(二)部门责任",
        "1.生态环境部门。负责河道水质的监测和通报,依法查处违法排污行为。",
        "省生态环境厅市、县两级生态环境部门各级生态环境部门适时做好监测通报工作。",
    ])
    doc = parse_text(text, "p.txt")
    got = [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks if t.assignments]
    assert got[:2] == [(["市、县两级人民政府"], ["县水利局"]), (["县水利局"], ["乡镇人民政府", "街道办事处"])]
    assert got[2][0] == ["省生态环境厅"] and "市、县两级生态环境部门" in got[2][1]


def test_glued_table_with_a_first_responsible_column_section_rows_and_bracketed_level_names():
    # (r-tables11) a table glued from its header on, on one long line: the header's task label ends with a word
    # (任务) that could open the unit label after it (任务第一责任单位), a section row between the header and row 1
    # and another glued after a row's last cell (with a page's number), names whose bracket lists levels
    # (各镇(乡、街道)政府), and a row with no sentence end whose first unit opens with its level (…技术区甲局)
    from dutygraph.loaders.document import parse_text
    from dutygraph.model import Role

    rows = ("一、总体指标1村级集体收入年均增长8%左右。区甲局各镇(乡、街道)政府、乙经济开发区"
            "2林木覆盖率达到30%。区丙局各镇(乡、街道)政府、区丁办—2—二、创新升级"
            "3大力推广节水灌溉技术和高效种植技术区甲局区丙局、各镇(乡、街道)政府"
            "4新增高标准农田5万亩。区戊局各镇(乡、街道)政府")
    doc = parse_text("关于印发分解方案的通知" * 20 + "序号主要工作任务第一责任单位主要责任单位" + rows, "plan.txt")
    got = [(t.text.rstrip("。"), t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks if t.assignments]
    assert got == [
        ("村级集体收入年均增长8%左右", ["区甲局"], ["各镇(乡、街道)政府", "乙经济开发区"]),
        ("林木覆盖率达到30%", ["区丙局"], ["各镇(乡、街道)政府", "区丁办"]),
        ("大力推广节水灌溉技术和高效种植技术", ["区甲局"], ["区丙局", "各镇(乡、街道)政府"]),
        ("新增高标准农田5万亩", ["区戊局"], ["各镇(乡、街道)政府"]),
    ]


def test_first_responsible_column_leads_and_the_first_responsible_person_is_a_leader():
    from dutygraph.loaders.columns import column_kinds

    assert column_kinds(["序号", "工作任务", "第一责任单位", "主要责任单位"])[2:] == ["lead", "responsible"]
    assert column_kinds(["序号", "工作任务", "第一责任人", "责任单位"])[2] == "leader"
