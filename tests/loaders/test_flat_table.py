"""Each grammar rule of flattened tables, on small snippets written for the test.

The snippets use another city and other names on purpose: the rules must not
depend on the seed's strings.
"""

from __future__ import annotations

import pytest

from dutygraph.errors import InputError
from dutygraph.loaders.flat_table import column_kind
from dutygraph.loaders.plain_text import parse_plain_text
from dutygraph.model import Role

NB = "\u00a0"


def parse(body: str, header: str = "序号\n重点任务\n牵头单位\n责任单位\n"):
    text = "关于印发《湘潭市2020年生态建设工作计划》的通知\n附件1\n2020年生态建设任务表\n" + header + body
    return {t.id: t for t in parse_plain_text(text, "snippet.txt").tasks}


def lead(t):
    return t.units(Role.LEAD)


def resp(t):
    return t.units(Role.RESPONSIBLE)


def test_row_without_sub_items_is_one_task():
    tasks = parse("1\n河道治理\n完成雨湖区河道清淤。\n市水利局\n市财政局、雨湖区人民政府\n")
    assert list(tasks) == ["A1-1"]
    t = tasks["A1-1"]
    assert (t.title, t.text, t.sub) == ("河道治理", "完成雨湖区河道清淤。", None)
    assert lead(t) == ["市水利局"] and resp(t) == ["市财政局", "雨湖区人民政府"]


def test_group_of_cells_applies_to_every_item_since_previous_group():
    tasks = parse("1\n大气治理\n(1)淘汰燃煤锅炉。\n(2)推广清洁能源。\n市生态环境局\n市工信局\n"
                  "(3)整治扬尘。\n市住建局\n市城管局\n")
    assert lead(tasks["A1-1-1"]) == lead(tasks["A1-1-2"]) == ["市生态环境局"]
    assert resp(tasks["A1-1-2"]) == ["市工信局"]
    assert lead(tasks["A1-1-3"]) == ["市住建局"] and resp(tasks["A1-1-3"]) == ["市城管局"]


@pytest.mark.parametrize("marker", ["(2)", "(2)", "2)", "2)", "2、", "2.", "2", "②"])
def test_sub_item_markers_with_and_without_brackets(marker):
    tasks = parse(f"1\n大气治理\n1)淘汰燃煤锅炉。\n{marker}推广清洁能源。\n市生态环境局\n市工信局\n")
    assert tasks["A1-1-2"].text == "推广清洁能源。"


def test_bare_number_is_a_marker_only_when_expected():
    # "2020年…" after item 1 is not item 2020; it is a sentence of item 1's row.
    tasks = parse("1\n大气治理\n1)淘汰燃煤锅炉。\n市生态环境局\n市工信局\n2\n水质提升\n3个水厂提标改造。\n市水务局\n市财政局\n")
    assert tasks["A1-2"].text == "3个水厂提标改造。"


def test_unit_cell_split_over_two_lines():
    tasks = parse("1\n金融支持\n发展绿色信贷。\n市地方金融\n监管局\n人民银行湘潭市中心支行\n")
    assert lead(tasks["A1-1"]) == ["市地方金融监管局"]
    assert resp(tasks["A1-1"]) == ["人民银行湘潭市中心支行"]


def test_unit_list_split_after_separator():
    tasks = parse("1\n金融支持\n发展绿色信贷。\n市金融办\n市财政局、\n市税务局\n")
    assert resp(tasks["A1-1"]) == ["市财政局", "市税务局"]


def test_title_split_over_two_lines():
    tasks = parse("1\n城乡环境综合\n整治\n(1)清理垃圾。\n市城管局\n各区人民政府\n")
    assert tasks["A1-1-1"].title == "城乡环境综合整治"


def test_blank_cell_is_a_nbsp_line():
    tasks = parse(f"1\n河道治理\n(1)清淤。\n市水利局\n{NB}\n(2)护岸。\n市水务局\n岳塘区人民政府\n")
    assert lead(tasks["A1-1-1"]) == ["市水利局"] and resp(tasks["A1-1-1"]) == []
    assert resp(tasks["A1-1-2"]) == ["岳塘区人民政府"]


def test_blank_lead_cell_keeps_the_responsible_column():
    tasks = parse(f"1\n河道治理\n清淤。\n{NB}\n雨湖区人民政府\n")
    assert lead(tasks["A1-1"]) == [] and resp(tasks["A1-1"]) == ["雨湖区人民政府"]


def test_row_repeated_across_page_break_continues_sub_items():
    tasks = parse("1\n大气治理\n1)淘汰锅炉。\n市生态环境局\n市工信局\n1\n大气治理\n2)推广清洁能源。\n市发改委\n市工信局\n"
                  "2\n水质\n提标改造。\n市水务局\n市财政局\n")
    assert sorted(tasks) == ["A1-1-1", "A1-1-2", "A1-2"]
    assert lead(tasks["A1-1-2"]) == ["市发改委"]


def test_table_without_unit_columns_gives_zones_not_units():
    tasks = parse("1\n昭山示范区\n1)建设绿道。\n2)治理水系。\n2\n九华片区\n1)引进企业。\n", header="序号\n示范区\n")
    assert [t.zone for t in tasks.values()] == ["昭山示范区", "昭山示范区", "九华片区"]
    assert all(not t.assignments for t in tasks.values())


def test_extra_columns_cooperating_and_deadline():
    tasks = parse("1\n河道治理\n完成清淤。\n市水利局\n市财政局\n雨湖区人民政府、岳塘区人民政府\n2020年6月底前\n",
                  header="序号\n重点任务\n牵头单位\n责任单位\n配合单位\n完成时限\n")
    t = tasks["A1-1"]
    assert t.units(Role.COOPERATING) == ["雨湖区人民政府", "岳塘区人民政府"]
    assert (t.deadline.printed, t.deadline.date) == ("2020年6月底前", "2020-06-30")


def test_leader_column_holds_people_not_units():
    tasks = parse("1\n河道治理\n完成清淤。\n张三\n市水利局\n市财政局\n", header="序号\n重点任务\n责任领导\n牵头单位\n责任单位\n")
    t = tasks["A1-1"]
    assert t.leaders == ["张三"]
    assert lead(t) == ["市水利局"] and resp(t) == ["市财政局"]


def test_unit_names_with_he_are_not_split():
    tasks = parse("1\n就业\n稳定就业。\n市人力资源和社会保障局\n市商务和粮食局、市财政局\n")
    assert lead(tasks["A1-1"]) == ["市人力资源和社会保障局"]
    assert resp(tasks["A1-1"]) == ["市商务和粮食局", "市财政局"]


def test_page_furniture_ends_the_table():
    tasks = parse(f"1\n河道治理\n清淤。\n市水利局\n{NB}\n{NB}\n\n责任编辑:某某\n")
    assert list(tasks) == ["A1-1"]
    assert resp(tasks["A1-1"]) == []


def test_text_without_any_table_has_no_task():
    with pytest.raises(InputError, match="no recognisable task"):
        parse_plain_text("一、总体要求\n坚持改革。\n", "plain.txt")


def test_column_kinds():
    assert column_kind("牵头部门") == "lead"
    assert column_kind("主责单位") == "lead"
    assert column_kind("责任部门") == "responsible"
    assert column_kind("协办单位") == "cooperating"
    assert column_kind("责任人") == "leader"
    assert column_kind("完成时间") == "deadline"
    assert column_kind("工作内容") == "text"
    assert column_kind("业主单位") == "responsible"  # a project's owner carries it (民生实事 project tables)


def test_a_short_content_cell_after_a_title_column_is_not_more_title():
    from dutygraph.loaders.document import parse_text

    rows = [("1", "推进老旧小区改造", "完成改造30个小区", "市住建局"), ("2", "建设城市绿道", "新建绿道20公里", "市城管局")]
    text = "序号\n工作任务\n工作措施\n责任单位\n" + "\n".join("\n".join(r) for r in rows) + "\n"
    doc = parse_text(text, "x.txt")
    assert [(t.title, t.text) for t in doc.tasks] == [("推进老旧小区改造", "完成改造30个小区"),
                                                       ("建设城市绿道", "新建绿道20公里")]


def test_a_leader_cell_after_a_short_title_is_the_leader_not_more_title():
    from dutygraph.loaders.document import parse_text

    rows = [("1", "推进老旧小区改造", "王某某", "市住建局", "市财政局"), ("2", "建设城市绿道", "李某", "市城管局", "市自然资源局")]
    text = "序号\n重点工作\n责任领导\n牵头单位\n配合单位\n" + "\n".join("\n".join(r) for r in rows) + "\n"
    doc = parse_text(text, "x.txt")
    assert [(t.text, t.leaders, [a.unit for a in t.assignments]) for t in doc.tasks] == [
        ("推进老旧小区改造", ["王某某"], ["市住建局", "市财政局"]), ("建设城市绿道", ["李某"], ["市城管局", "市自然资源局"])]


# One cell per line with a blank line between cells (a law-library copy): 牵头部门 / 配合部门 / 时间节点.
SPACED_HEADER = "序号\n\n任务内容\n\n牵头部门\n\n配合部门\n\n时间节点\n\n"


def spaced(*cells: str) -> dict:
    return parse("\n\n".join(cells) + "\n", header=SPACED_HEADER)


def test_a_name_closed_by_its_bracketed_note_is_not_continued_by_the_next_cell():
    tasks = spaced("1", "开展生活垃圾分类达标街镇创建。", "各街镇（园区）", "区绿化市容局", "区农业农村委", "2019年")
    assert [(lead(t), t.units(Role.COOPERATING)) for t in tasks.values()] == [
        (["各街镇（园区）"], ["区绿化市容局", "区农业农村委"])]


def test_a_unit_cell_broken_after_its_separator_goes_on_across_a_blank_line():
    tasks = spaced("1", "推进湿垃圾处理项目。", "区政府办公室、区绿化市容局、", "区规划资源局、区重大办", "2019年")
    assert [(lead(t), t.units(Role.COOPERATING)) for t in tasks.values()] == [
        (["区政府办公室", "区绿化市容局", "区规划资源局", "区重大办"], [])]


def test_a_long_unit_cell_with_a_bracketed_note_is_a_cell_not_a_task():
    tasks = spaced("1", "公开选聘社会监督员。", "区绿化市容局", "区委宣传部（区文明办、区政府新闻办、区委网信办）、区民政局",
                   "2019年")
    assert [t.units(Role.COOPERATING) for t in tasks.values()] == [
        ["区委宣传部（区文明办、区政府新闻办、区委网信办）", "区民政局"]]


def test_unit_cells_left_over_before_the_date_belong_to_the_last_unit_column():
    tasks = spaced("1", "排摸农贸市场现状。", "区市场监管局", "区商务委", "区绿化市容局", "2019年")
    t = next(iter(tasks.values()))
    assert (lead(t), t.units(Role.COOPERATING)) == (["区市场监管局"], ["区商务委", "区绿化市容局"])
    assert [d.printed for d in t.deadlines] == ["2019年"]


LEADER_HEADER = "序号\n目标名称\n工作标准\n分管领导\n牵头单位\n配合单位\n"


def test_a_bracketed_note_on_its_own_line_ends_its_name_areas_are_whole_and_a_unit_skips_an_empty_leader_cell():
    body = "\n".join([
        "1", "主要预期目标",
        "(1)地区生产总值增长6%。", "张某某", "发改局", "经开区", "高新园", "(某某镇)", "统计局",
        "(2)社会消费品零售总额增长6%。", "商务局",
        "(3)安全生产形势平稳向好。", "应急管理局", "(安委办)", "区安委会各成员单位",
    ])
    tasks = list(parse(body, LEADER_HEADER).values())
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING), t.leaders) for t in tasks] == [
        (["发改局"], ["经开区", "高新园(某某镇)", "统计局"], ["张某某"]),
        (["商务局"], [], []),
        (["应急管理局(安委办)"], ["区安委会各成员单位"], [])]


def test_cells_merged_over_rows_sit_with_the_first_row_where_a_leader_cell_is_seen_merged_so():
    # (2) prints its unit without the leader: the leader of (1) spans it, printed with the first row it spans;
    # so (4) and (5), without cells, sit under the cells printed with (3)
    body = "\n".join([
        "1", "主要预期目标",
        "(1)地区生产总值增长6%。", "张某某", "发改局", "统计局",
        "(2)一般公共预算收入增长3%。", "财政局",
        "(3)社会消费品零售总额增长6%。", "李某", "商务局",
        "(4)进出口总额稳中提质。",
        "(5)居民收入增速与经济增速同步。",
        "(6)主要污染物减排完成下达任务。", "王某某", "工信局", "生态环境局",
    ])
    tasks = list(parse(body, LEADER_HEADER).values())
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in tasks] == [
        (["发改局"], ["统计局"]), (["财政局"], []), (["商务局"], []), (["商务局"], []), (["商务局"], []),
        (["工信局"], ["生态环境局"])]
    assert [a.inferred for t in tasks for a in t.assignments] == [False] * 4 + [True, True] + [False] * 2
    # without that sign, items without cells share the cells after them (the seed's grammar)
    tasks = list(parse(body.replace("(2)一般公共预算收入增长3%。\n财政局\n", ""), LEADER_HEADER).values())
    assert [t.units(Role.LEAD) for t in tasks] == [["发改局"], ["商务局"], ["工信局"], ["工信局"], ["工信局"]]


def test_items_without_cells_share_the_cells_after_them():
    body = "\n".join(["1", "生态保护", "1)开展确权登记。", "市国土局", NB, "2)实施垂直管理。", "3)健全网格。",
                      "市环保局", "各区政府"])
    t = parse(body)
    assert [(lead(x), x.units(Role.RESPONSIBLE)) for x in t.values()] == [
        (["市国土局"], []), (["市环保局"], ["各区政府"]), (["市环保局"], ["各区政府"])]


def test_headings_over_rows_a_noted_label_a_labelled_cell_and_a_second_table_under_its_own_heading():
    text = "\n\n".join([  # a web page's cells, a blank line between them
        "关于印发某市重点工作责任分解的通知",
        "一、省级重点工作涉及本市的任务",
        "序号", "重点工作任务(本市3项配合工作)", "责任单位",
        "(一)张某副市长牵头重点工作",
        "1", "加强粮食生产,稳定粮食播种面积。", "市农业农村局、市商务局", "省牵头单位:省农业农村厅",
        "(二)李某副市长牵头重点工作",
        "2", "深入实施消费新政,培育新型消费。", "市商务局",
        "二、本市重点工作",
        "序号", "重点工作任务(本市2项牵头工作)", "责任单位",
        "1*", "大力推进科创走廊建设。", "科创走廊管委会、市科技局",
        "2", "加快建设轨道交通。", "市交通局",
    ])
    doc = parse_plain_text(text, "snippet.txt")
    got = [(t.text, t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks]
    assert got == [
        ("加强粮食生产,稳定粮食播种面积。", ["省农业农村厅"], ["市农业农村局", "市商务局"]),
        ("深入实施消费新政,培育新型消费。", [], ["市商务局"]),
        ("大力推进科创走廊建设。", [], ["科创走廊管委会", "市科技局"]),
        ("加快建设轨道交通。", [], ["市交通局"])]


def test_a_short_line_without_punctuation_that_names_no_unit_is_text_where_a_unit_cell_would_stand():
    header = "序号\n主要职责\n具体工作事项\n负责部门\n"
    body = "\n".join([
        "1", "负责全县教育系统党的建设和思想政治工作,领导直属单位党组织的工作",
        "指导全县教育系统党建和思想政治教育工作", "办公室",
        "拟订学校安全工作有关规章措施并督促落实", "安全管理室",
        "2", "研究拟订全县教育工作政策规定。", "组织实施教师交流轮岗", "人事管理室",
    ])
    tasks = list(parse(body, header).values())
    assert [(t.provenance.first_line, t.units(Role.RESPONSIBLE)) for t in tasks] == [
        (9, ["办公室"]), (12, ["安全管理室"]), (15, ["人事管理室"])]
    assert tasks[0].text.endswith("指导全县教育系统党建和思想政治教育工作")


def test_a_short_line_quoting_a_slogan_is_no_unit_cell():
    body = "\n".join(["1", "推动产城融合,提升发展能级", "聚力攻坚", "项目“双进”", "(1)健全招商机制。", "(2)强化要素保障。"])
    assert all(not t.assignments for t in parse(body, LEADER_HEADER).values())


def test_a_place_named_alone_in_a_unit_cell_is_not_joined_with_the_next_cell():
    from dutygraph.loaders.document import parse_text
    from dutygraph.model import Role

    for lead, coop in (("登封市", "区大数据中心、各街道办事处"), ("南湾村", "镇综合执法队"), ("东村", "各村委会")):
        text = "\n".join(["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "1", "建成示范社区10个。", lead, coop,
                          "6月底前", "2", "整治背街小巷30条。", "白水乡", "镇财政所", "9月底前"])
        doc = parse_text(text, "table.txt")
        assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
            ([lead], coop.split("、")), (["白水乡"], ["镇财政所"])]


def test_row_numbers_with_their_stop_and_unit_cells_that_say_the_roles():
    from dutygraph.loaders.document import parse_text
    from dutygraph.model import Role

    lines = ["序号", "工作任务", "责任单位", "完成时限",
             "1.", "整治背街小巷30条。", "区城市管理局牵头,区住建委、各街道配合", "9月底前",
             "2.", "建成口袋公园8个。", "区园林绿化局", "10月底前"]
    doc = parse_text("\n".join(lines), "table.txt")
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        (["区城市管理局"], [], ["区住建委", "各街道"]), ([], ["区园林绿化局"], [])]


@pytest.mark.parametrize("header", ["实施主体", "實施主體"])
def test_an_implementing_body_column_holds_the_responsible_units(header):
    from dutygraph.loaders.columns import column_kinds

    assert column_kinds(["序号", "项目名称", header, "完成时限"]) == ["number", "text", "responsible", "deadline"]


@pytest.mark.parametrize("remark", ["", "\n按季度报送"])
def test_a_short_duty_after_a_unit_cell_opens_the_next_item_when_a_unit_cell_follows_it(remark):
    # a 责任清单 flattened one cell per line: duties without punctuation, each with its 负责部门 cell; the line after
    # a unit cell stands where a 备注 cell could, but a unit cell after it makes it the next item's text
    text = "\n".join([
        "某县卫生健康局责任清单",
        "序号", "主要职责", "具体工作事项", "负责部门", "备注",
        "1", "统筹规划卫生健康服务资源配置,组织实施区域卫生规划。",
        "组织编制全县卫生健康事业发展规划", "规划发展股" + remark,
        "指导医疗卫生机构设置审批工作", "医政医管股",
        "制定基层卫生健康工作年度计划并督促落实", "基层卫生健康股",
        "2", "负责疾病预防控制工作。",
        "组织落实免疫规划工作", "疾病预防控制股",
    ])
    doc = parse_plain_text(text, "list.txt")
    got = [(t.text, t.units(Role.RESPONSIBLE) + t.units(Role.LEAD)) for t in doc.tasks]
    assert got[0][0].endswith("组织编制全县卫生健康事业发展规划") and got[0][1] == ["规划发展股"]
    assert got[1:] == [("指导医疗卫生机构设置审批工作", ["医政医管股"]),
        ("制定基层卫生健康工作年度计划并督促落实", ["基层卫生健康股"]),
        ("负责疾病预防控制工作。组织落实免疫规划工作", ["疾病预防控制股"])]  # (a row's two text columns: one item)


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_short_rows_under_merged_number_and_name_cells_are_rows_of_their_own(gap):
    # a list of linked procedures one cell per line (with or without blank lines between cells): 序号 and 事项名称
    # printed once over several rows, each short procedure followed by its own unit cell
    text = gap.join([
        "某县联办事项清单",
        "序号", "事项名称", "关联事项", "涉及部门",
        "1", "开办药店", "办理营业执照", "县市场局", "申请排污许可", "县环保局", "消防验收", "县消防大队",
        "2", "开办书店", "办理营业执照", "县市场局", "执业登记", "县卫健委",
    ])
    doc = parse_plain_text(text, "list.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("办理营业执照", ["县市场局"]), ("申请排污许可", ["县环保局"]), ("消防验收", ["县消防大队"]),
        ("办理营业执照", ["县市场局"]), ("执业登记", ["县卫健委"])]


def test_a_name_broken_over_two_lines_in_a_unit_cell_stays_one_name():
    text = "\n".join(["序号", "事项名称", "关联事项", "涉及部门",
                      "1", "开办药店", "办理营业执照", "县市场局", "县人力资源和社会保", "障局",
                      "2", "开办书店", "执业登记", "县卫健委"])
    doc = parse_plain_text(text, "list.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["县市场局", "县人力资源和社会保障局"], ["县卫健委"]]


def test_a_page_printing_a_blank_line_after_every_line_joins_a_cell_broken_over_two_lines():
    # every line followed by a blank line (a web page's cells one a paragraph): the blank line ends no cell, so a
    # name broken over two lines and a name's bracketed note on a line of its own still join their cell
    lines = ["序号", "重点任务", "牵头单位", "配合单位", "1", "完成城区河道清淤12公里。", "县水利局", "高新园", "(城东镇)", "各街道",
             "2", "新建农村公路30公里。", "县交通运", "输局", "县财政局"]
    doc = parse_plain_text("\n\n".join(lines), "plan.txt")
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        (["县水利局"], ["高新园(城东镇)", "各街道"]), (["县交通运输局"], ["县财政局"])]


@pytest.mark.parametrize("cell,roles", [
    ("牵头单位:县住建局;配合单位:县财政局", (["县住建局"], [], ["县财政局"])),
    ("牵头单位：县住建局；责任单位：各乡镇", (["县住建局"], ["各乡镇"], [])),
])
def test_a_unit_cell_of_role_labels_gives_each_label_its_role(cell, roles):
    lines = ["序号", "重点任务", "责任单位", "完成时限", "1", "新建农村公路30公里。", cell, "6月底前",
             "2", "改造危桥5座。", "县交通运输局", "9月底前"]
    doc = parse_plain_text("\n".join(lines), "plan.txt")
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        roles, ([], ["县交通运输局"], [])]


def test_people_one_a_line_in_a_leader_cell_stay_people_and_a_name_broken_after_them_stays_a_name():
    lines = ["序号", "工作任务", "责任领导", "责任单位",
             "1", "完成城区河道清淤12公里。", "王某某", "县水利局",
             "2", "新建农村公路30公里。", "李某某", "赵某某", "县交通运输局",
             "3", "建成县医院门诊楼。", "王某某", "县卫生健", "康局"]
    doc = parse_plain_text("\n".join(lines), "plan.txt")
    assert [(t.leaders, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        (["王某某"], ["县水利局"]), (["李某某", "赵某某"], ["县交通运输局"]), (["王某某"], ["县卫生健康局"])]


@pytest.mark.parametrize("header", ["序号 重点任务 牵头单位 责任单位", "序号\t重点任务\t牵头单位\t责任单位", "序号 | 重点任务 | 牵头单位 | 责任单位"])
def test_a_header_printed_on_one_line_over_rows_flattened_one_cell_per_line(header):
    # the header's labels on one line, the rows as the seed prints them: number, title, sub-items, unit cells
    body = "1\n大气治理\n(1)淘汰燃煤锅炉。\n(2)推广清洁能源。\n市生态环境局\n市工信局\n2\n河道治理\n完成雨湖区河道清淤。\n市水利局\n市财政局\n"
    tasks = parse(body, header + "\n")
    assert {k: (lead(t), resp(t)) for k, t in tasks.items()} == {
        "A1-1-1": (["市生态环境局"], ["市工信局"]), "A1-1-2": (["市生态环境局"], ["市工信局"]),
        "A1-2": (["市水利局"], ["市财政局"])}


def test_more_cells_than_columns_after_a_blank_leader_cell():
    # a blank cell (a line of a non-breaking space) where the leader stands, then more unit cells than columns:
    # read, not an internal error
    lines = ["序号", "工作任务", "责任领导", "责任单位", "1", "完成城区河道清淤12公里。", NB, "县水利局", "县财政局",
             "2", "新建农村公路30公里。", "李某某", "县交通运输局"]
    doc = parse_plain_text("\n".join(lines), "plan.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["县水利局", "县财政局"], ["县交通运输局"]]


def test_a_line_right_under_an_item_in_a_table_printing_blank_lines_between_cells_goes_on_with_it():
    # cells apart with blank lines, a line break inside a cell printing its lines with none between
    # (新建农村公路30公里, / 改造危桥5座: one text, not a unit cell glued to the next)
    cells = [["1"], ["河道治理"], ["完成城区河道清淤12公里,", "整治黑臭水体3处。"], ["县水利局"], ["县财政局"],
             ["2"], ["道路建设"], ["新建农村公路30公里,", "改造危桥5座"], ["县交通运输局"], ["县财政局"]]
    text = "\n\n".join(["序号", "重点任务", "具体内容", "牵头单位", "责任单位"] + ["\n".join(c) for c in cells])
    doc = parse_plain_text(text, "plan.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("完成城区河道清淤12公里,整治黑臭水体3处。", ["县水利局"], ["县财政局"]),
        ("新建农村公路30公里,改造危桥5座", ["县交通运输局"], ["县财政局"])]


GROUPED_HEADERS = {
    "row after row": ["序号", "工作事项", "责任部门", "办结时间", "主办部门", "协办部门"],
    "the group label before the labels under it": ["序号", "工作事项", "责任部门", "主办部门", "协办部门", "办结时间"],
}


@pytest.mark.parametrize("form", list(GROUPED_HEADERS))
def test_a_unit_label_merged_over_lead_and_cooperating_columns_gives_them_their_roles(form):
    rows = ["1", "修订物业服务标准。", "区房管中心", "区市场监管局、各街道办", "3月31日前",
            "2", "开展老旧小区安全排查。", "区应急管理局", "区消防救援大队", "6月30日前"]
    doc = parse_plain_text("\n".join(["附件", "某区2024年物业管理重点工作分工"] + GROUPED_HEADERS[form] + rows), "plan.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("修订物业服务标准。", ["区房管中心"], ["区市场监管局", "各街道办"], []),
        ("开展老旧小区安全排查。", ["区应急管理局"], ["区消防救援大队"], [])]


def test_a_responsible_column_beside_a_cooperating_one_is_no_group_label():
    rows = ["1", "修订物业服务标准。", "区房管中心", "区市场监管局", "2", "开展老旧小区安全排查。", "区应急管理局", "区消防救援大队"]
    doc = parse_plain_text("\n".join(["序号", "工作事项", "责任部门", "协办部门"] + rows), "plan.txt")
    assert [(t.units(Role.RESPONSIBLE), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        (["区房管中心"], ["区市场监管局"]), (["区应急管理局"], ["区消防救援大队"])]


def test_a_row_printing_its_deadline_but_no_unit_or_leader_cell_sits_under_the_merged_cells_above():
    lines = ["序号", "工作事项", "办结时间", "分管领导", "主办科室", "协办科室",
             "1", "修订物业服务标准。", "3月底前", "赵某某", "物业科", "法规科",
             "2", "开展物业服务评议。", "6月底前",
             "3", "开展老旧小区安全排查。", "9月底前", "钱某某", "安全科", "综合科"]
    doc = parse_plain_text("\n".join(["某区2024年物业管理重点工作分工"] + lines), "plan.txt")
    got = [(t.text, t.leaders, t.units(Role.LEAD), t.units(Role.COOPERATING), t.deadline.printed) for t in doc.tasks]
    assert got == [("修订物业服务标准。", ["赵某某"], ["物业科"], ["法规科"], "3月底前"),
                   ("开展物业服务评议。", ["赵某某"], ["物业科"], ["法规科"], "6月底前"),
                   ("开展老旧小区安全排查。", ["钱某某"], ["安全科"], ["综合科"], "9月底前")]
    assert all(a.inferred for a in doc.tasks[1].assignments) and not any(a.inferred for a in doc.tasks[0].assignments)


def test_a_row_whose_lines_fill_its_cell_columns_gives_names_no_lexicon_knows():
    # a short title and then as many lines as the header has cell columns (a unit, a unit list with a comma, a
    # year): the lines are the row's cells whatever their names end with
    header = "序号\n项目\n具体内容\n牵头部门\n相关责任部门\n完成时间\n"
    tasks = parse("7\n推进全民阅读\n青石坊\n白鹭苑等有关部门,各街道\n2010年\n"
                  "8\n建设社区书屋\n青石坊\n白鹭苑\n2011年\n", header)
    assert [(t.text, lead(t), resp(t)) for t in tasks.values()] == [
        ("推进全民阅读", ["青石坊"], ["白鹭苑", "各街道"]), ("建设社区书屋", ["青石坊"], ["白鹭苑"])]


def test_a_long_unit_list_half_of_whose_names_the_lexicon_knows_is_a_cell_not_text():
    # after the lead cell, a list of more than 20 characters of short names, most opening with their level (市云溪坊),
    # one with none (清风苑): the responsible cell, not the text of a next item
    names = "市云溪坊、市白鹭苑、清风苑、市青石坊、相关区听松斋、市远山舍"
    tasks = parse(f"1\n河道治理\n1)完成雨湖区河道清淤。\n市水利局\n{names}\n2)完成河岸绿化。\n市林业局\n市云溪坊\n")
    assert list(tasks) == ["A1-1-1", "A1-1-2"]
    assert resp(tasks["A1-1-1"]) == names.split("、") and lead(tasks["A1-1-2"]) == ["市林业局"]


def test_short_rows_under_merged_cells_before_names_opening_with_their_level_whatever_they_end_with():
    # the linked procedures again, their units invented names (县青禾坊: a level, no known ending)
    text = "\n\n".join([
        "某县联办事项清单",
        "序号", "事项名称", "关联事项", "涉及部门",
        "1", "开办药店", "办理营业执照", "县青禾坊", "申请排污许可", "县云岫阁", "消防验收", "县听松斋",
        "2", "开办书店", "办理营业执照", "县青禾坊", "执业登记", "县白鹭苑", "出版物经营许可", "县文旅局",
    ])
    doc = parse_plain_text(text, "list.txt")
    assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("办理营业执照", ["县青禾坊"]), ("申请排污许可", ["县云岫阁"]), ("消防验收", ["县听松斋"]),
        ("办理营业执照", ["县青禾坊"]), ("执业登记", ["县白鹭苑"]), ("出版物经营许可", ["县文旅局"])]


def test_a_name_opening_with_no_surname_after_the_leader_is_the_lead_and_unknown_names_one_a_line_cooperate():
    # a leader column, then lead and cooperating units: 青禾坊 opens with no surname, so it is no second person;
    # the names one a line after the lead cell (云岫阁 / 高新园 / (邹区镇) / 各街道 / 听松斋) are one cooperating
    # cell, no name the lexicon does not know taken for the fragment of another
    header = "序号\n目标名称\n工作标准\n分管领导\n牵头单位\n配合单位\n"
    body = "1\n主要预期目标\n(1)地区生产总值增长6%左右。\n王某某\n青禾坊\n云岫阁\n高新园\n(邹区镇)\n各街道\n听松斋\n" \
           "(2)一般公共预算收入增长3%以上。\n李 某\n白鹭苑\n市财政局\n"
    tasks = parse(body, header)
    got = [(t.leaders, lead(t), t.units(Role.COOPERATING)) for t in tasks.values()]
    assert got == [(["王某某"], ["青禾坊"], ["云岫阁", "高新园(邹区镇)", "各街道", "听松斋"]),
                   (["李某"], ["白鹭苑"], ["市财政局"])]


def test_section_headings_between_the_header_and_the_first_row_end_the_header():
    # a header one label a line, then a section heading with its full stop and a numbered sub-heading before row 1;
    # a cooperating cell listing names the lexicon does not know, each opening with its level, apart with a comma
    from dutygraph.loaders.document import parse_text

    text = "\n\n".join(["序号", "重点工作", "分管领导", "牵头单位", "配合单位", "强化科技创新支撑能力。", "(一)",
                        "加强战略科技力量建设。", "1", "建设科技创新轴。", "王 某", "市青禾坊", "市云岫阁、市听松斋,东区白鹭苑",
                        "2", "筹建国家实验室。", "李 某", "市科技局", "市财政局"])
    doc = parse_text(text, "plan.txt")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        ("建设科技创新轴。", ["市青禾坊"], ["市云岫阁", "市听松斋", "东区白鹭苑"]),
        ("筹建国家实验室。", ["市科技局"], ["市财政局"])]


def test_the_last_row_of_a_document_cut_after_its_text_is_a_task_without_units():
    # the excerpt stops after the last row's text, before its unit cell: a task like the rows above, no units
    # (and no cell merged from above reaches it); a row cut after one character is none
    body = "1\n地区生产总值突破1万亿元。\n市发展改革委\n2\n规上工业总产值突破2万亿元。\n市经信局\n3\n累计实际利用外资超过160亿美元"
    tasks = parse(body, "序号\n主要工作任务\n责任单位\n")
    assert [(t.text, t.assignments) for t in tasks.values()][2] == ("累计实际利用外资超过160亿美元", [])
    assert len(parse(body.rsplit("\n", 1)[0] + "\n坚", "序号\n主要工作任务\n责任单位\n")) == 2


def test_rows_of_a_longer_list_under_comma_headings_with_unit_cells_closed_by_a_stop():
    # a bureau's share of a longer list, one cell a line: the rows keep their numbers (2, 41, 42, 47), headings of
    # the sections the share leaves out stand between them (their halves parted by a comma), and a unit cell may
    # close with a stop; a blank line after every line
    text = "\n\n".join([
        "县文旅局重点工作任务分解表", "序号", "重点工作任务", "主要责任单位", "协同配合单位",
        "一、主要预期目标", "2", "接待游客增长10%以上。", "县文旅局", "县发改委、县商务局,各乡镇人民政府。",
        "二、稳投资、促消费,推动经济回升", "三、强产业、优环境,壮大发展动能",
        "41", "推进古镇景区提质升级,创建国家4A级景区。", "县文旅局", "县住建局,古镇管委会。",
        "42", "举办乡村文化旅游节,丰富文旅消费场景。", "县文旅局", "县融媒体中心。",
        "47", "完成县图书馆新馆建设并开放。", "县文旅局", "县财政局、县住建局。",
    ])
    doc = parse_plain_text(text, "plan.txt")
    assert [(t.text[:8], t.units(Role.RESPONSIBLE), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        ("接待游客增长10", ["县文旅局"], ["县发改委", "县商务局", "各乡镇人民政府"]),
        ("推进古镇景区提质", ["县文旅局"], ["县住建局", "古镇管委会"]),
        ("举办乡村文化旅游", ["县文旅局"], ["县融媒体中心"]),
        ("完成县图书馆新馆", ["县文旅局"], ["县财政局", "县住建局"])]


def test_a_figure_column_between_the_task_and_its_units_joins_no_unit_name():
    # one cell a line, a blank line after every line; a count column (its label broken over two lines, its first
    # half no label) prints a figure or nothing between the task and its unit cell
    text = "\n\n".join([
        "县重点工作分解表", "序号", "重点工作", "县本级", "目标值", "责任单位",
        "1", "粮食播种面积稳定在50万亩以上。", "", "县农业农村局",
        "2", "新增城镇就业岗位。", "8%", "县人社局",
        "3", "完成交通项目投资。", "6亿元", "县交通局",
        "4", "新增规上工业企业。", "12家", "县经信局",
    ])
    doc = parse_plain_text(text, "plan.txt")
    assert [(t.text[:6], t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        ("粮食播种面积", ["县农业农村局"]), ("新增城镇就业", ["县人社局"]), ("完成交通项目", ["县交通局"]),
        ("新增规上工业", ["县经信局"])]


def test_cells_between_bars_alone_on_their_lines_with_merged_leader_cells_and_marked_units():
    """A web table copied one cell per line with a bar alone on a line between cells (序号 / | / 项目 / | …): the
    bars are no text; a row leaving out its leader cell (merged, or empty: | / |) gives its units to the unit
    column, a mark (★) opens a unit cell of its own, whatever the names end with."""
    from dutygraph.loaders.document import parse_text
    from dutygraph.model import Role

    cells = ["序号", "项目", "重点工作目标任务", "牵头领导", "责任单位", "一、主要预期目标", "||||",
             "1", "主要目标", "1.地区生产总值增长6%。", "张 明", "★区甲坊、乙苑", "|",
             "2.一般公共预算收入增长5%。", "★区丙舍、丁阁", "||",
             "3.城镇新增就业1万人。", "|", "李 华", "王 强", "★戊斋", "||", "4.新增市场主体500户。", "|", "★区财政局"]
    text = "\n".join(x for c in cells for x in ([c] if c.startswith("||") or c == "|" else [c, "|"]))
    doc = parse_text(text, "p.txt")
    got = [(t.text, t.units(Role.RESPONSIBLE), t.leaders) for t in doc.tasks if t.assignments]
    assert got == [("地区生产总值增长6%。", ["区甲坊", "乙苑"], ["张明"]), ("一般公共预算收入增长5%。", ["区丙舍", "丁阁"], []),
                   ("城镇新增就业1万人。", ["戊斋"], ["李华", "王强"]), ("新增市场主体500户。", ["区财政局"], [])]


def test_the_documents_closing_matter_after_a_flattened_table_is_no_item_of_its_last_row():
    from dutygraph.loaders.document import parse_text

    cells = ["序号", "工作任务", "责任单位", "完成时限", "1", "修缮县城排水管网", "县住建局", "2024年6月底前",
             "2", "建设城东农贸市场", "县商务局", "2024年底前", "3", "改造城南老旧小区", "县住建局", "2024年底前"]
    for closing in ("抄送:县委办,县人大办。", "抄报:市政府办公室。", "主送:各乡镇人民政府"):
        doc = parse_text("\n".join(cells + [closing]), "p.txt")
        assert [t.text for t in doc.tasks] == ["修缮县城排水管网", "建设城东农贸市场", "改造城南老旧小区"]


def test_a_last_row_the_document_stops_in_after_its_unit_cells_keeps_them_whatever_the_names():
    from dutygraph.loaders.document import parse_text

    cells = ["序号", "全年目标任务", "分管领导", "牵头单位", "责任主体与协同单位", "推进情况", "是否达序", "说明",
             "1", "优化提升50条背街后巷交通组织。", "张国强", "甲澜苑", "乙砚阁、丙芷斋", "已完成60%。", "是", "|",
             "2", "新建建筑垃圾中转站8个。", "张国强", "丁琰苑", "戊蘅阁、己棠斋", "已建成中转站7个。", "是"]  # (说明 cut)
    doc = parse_text("\n".join(c if c == "|" else c + " |" for c in cells), "p.txt")  # cells closed by bars
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks if t.assignments] == [
        (["甲澜苑"], ["乙砚阁", "丙芷斋"]), (["丁琰苑"], ["戊蘅阁", "己棠斋"])]
