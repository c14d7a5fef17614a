"""Plans as numbered prose: inline clauses, label lines, unit lines, 下同 notes, Traditional script.

Every snippet is written for the test, with names of no real plan.
"""

from __future__ import annotations

import pytest

from dutygraph.errors import InputError
from dutygraph.loaders.plain_text import parse_plain_text
from dutygraph.model import Role

HEAD = "关于印发《湘潭市2020年生态建设工作要点》的通知\n湘潭市人民政府办公室\n2020年3月1日\n"


def parse(body: str, head: str = HEAD):
    return parse_plain_text(head + body, "snippet.txt")


def units(task, role):
    return task.units(Role(role))


def test_inline_clause_after_each_item():
    doc = parse("一、重点任务\n1.建设绿道。(市住建局牵头,市财政局、各区政府配合)\n2.治理水系。(市水利局负责)\n")
    a, b = doc.tasks
    assert (a.id, a.text, a.title) == ("S1-1", "建设绿道。", "重点任务")
    assert units(a, "lead") == ["市住建局"] and units(a, "cooperating") == ["市财政局", "各区政府"]
    assert units(b, "lead") == ["市水利局"]
    assert a.provenance.lines == [5, 5]


@pytest.mark.parametrize("clause, lead, responsible, cooperating", [
    ("(牵头单位:市发改委;责任单位:市财政局)", ["市发改委"], ["市财政局"], []),
    ("（责任单位：市财政局、市税务局；各区政府）", [], ["市财政局", "市税务局", "各区政府"], []),
    ("〔市发改委牵头,各区政府按职责分工负责〕", ["市发改委"], ["各区政府"], []),
    ("【市发改委、市统计局负责】", ["市发改委", "市统计局"], [], []),
    ("(市发改委负责落实)", ["市发改委"], [], []),
])
def test_clause_forms(clause, lead, responsible, cooperating):
    t = parse(f"一、重点任务\n(一)优化营商环境。推进一网通办。{clause}\n").tasks[0]
    assert (units(t, "lead"), units(t, "responsible"), units(t, "cooperating")) == (lead, responsible, cooperating)
    assert t.title == "优化营商环境" and t.text == "优化营商环境。推进一网通办。"


def test_item_with_several_sentences_each_with_its_clause():
    doc = parse("一、重点任务\n1.建设绿道10公里。(市住建局牵头)整治黑臭水体3处。(市水利局牵头,各区政府配合)\n")
    assert [(t.id, t.parent, t.sub, t.text) for t in doc.tasks] == [
        ("S1-1-1", "S1-1", 1, "建设绿道10公里。"), ("S1-1-2", "S1-1", 2, "整治黑臭水体3处。")]
    assert units(doc.tasks[1], "cooperating") == ["各区政府"]


def test_xiatong_note_spreads_units_marked_inferred():
    doc = parse("一、任务\n(一)建设市场。推进改革。〔责任单位:省商务厅。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕\n"
                "(二)优化环境。推进许可。〔责任单位:省市场监管局〕\n(三)加强执法。开展检查。〔责任单位:省公安厅〕\n")
    first, second, third = doc.tasks
    assert units(first, "responsible") == ["省商务厅", "相关市(州)人民政府"]
    assert not any(a.inferred for a in first.assignments)
    for t in (second, third):
        extra = [a for a in t.assignments if a.inferred]
        assert [(a.unit, a.role, a.basis) for a in extra] == [
            ("相关市(州)人民政府", Role.RESPONSIBLE, "下同 note at line 5")]
    assert second.to_dict()["inferred"] == [{"unit": "相关市(州)人民政府", "role": "responsible",
                                           "basis": "下同 note at line 5"}]


def test_a_spread_unit_a_later_task_names_itself_keeps_that_tasks_role():
    doc = parse("一、任务\n1.办好教育。(县教育局牵头,县财政局配合,下同)\n2.完善社保。(县财政局、县人社局负责)\n")
    second = doc.tasks[1]
    assert [(a.unit, a.role) for a in second.assignments if a.unit == "县财政局"] == [("县财政局", Role.LEAD)]


def test_label_lines_under_an_item():
    doc = parse("一、主要目标\n1.地区生产总值增长6%以上。\n分管市领导:张某某\n部门分工:市发改委牵头,各地、各部门配合。\n"
                "2.一般公共预算收入增长5%。\n牵头单位:市财政局\n责任单位:市税务局\n配合单位:各区政府\n完成时限:2020年底前\n")
    a, b = doc.tasks
    assert a.leaders == ["张某某"]
    assert units(a, "lead") == ["市发改委"] and units(a, "cooperating") == ["各地", "各部门"]
    assert "张某某" not in [x.unit for x in a.assignments]
    assert (units(b, "lead"), units(b, "responsible"), units(b, "cooperating")) == (["市财政局"], ["市税务局"], ["各区政府"])
    assert [(d.printed, d.date) for d in b.deadlines][0] == ("2020年底前", "2020-12-31")


def test_main_units_label_lines_and_an_oversight_label_line():
    # 主要责任单位 leads beside a label of other units, is responsible alone; 督查单位 names no doer
    a, b, c = parse("一、重点任务\n1.加强道路保洁。\n主要责任单位:县城管局\n配合单位:县交通局\n2.整治集贸市场。\n"
                    "主要责任单位:县市场监管局\n3.疏浚河道。\n督查单位:县政府督查室\n责任单位:县水利局\n").tasks
    assert (units(a, "lead"), units(a, "cooperating")) == (["县城管局"], ["县交通局"])
    assert (units(b, "lead"), units(b, "responsible")) == ([], ["县市场监管局"])
    assert [x.unit for x in c.assignments] == ["县水利局"]


def test_a_label_line_with_a_first_listed_note_before_its_colon():
    a, b = parse("一、重点任务\n1.推进项目建设。\n责任单位（排名第一的为牵头单位）：县发改局、县财政局\n"
                 "2.加快工业转型。\n责任单位：县工信局、县科技局\n").tasks
    assert (units(a, "lead"), units(a, "responsible")) == (["县发改局"], ["县财政局"])
    assert (units(b, "lead"), units(b, "responsible")) == (["县工信局"], ["县科技局"])


def test_leader_labels_are_people_not_units():
    t = parse("一、任务\n1.推进改革。\n牵头领导:李某\n责任人:王某、赵某\n牵头单位:市发改委\n").tasks[0]
    assert t.leaders == ["李某", "王某", "赵某"] and units(t, "lead") == ["市发改委"]


def test_unit_lines_under_a_one_label_per_line_header():
    doc = parse("目标\n任务\n主要内容\n责任单位\n一、稳增长\n(一)加强预期引导\n围绕经济形势做好解读。\n市发改委牵头落实\n"
                "加强财政政策公开。\n市财政局、市税务局\n")
    a, b = doc.tasks
    assert units(a, "lead") == ["市发改委"]
    assert units(b, "responsible") == ["市财政局", "市税务局"]  # the column's role
    assert a.title == "加强预期引导"


def test_a_cell_printed_one_unknown_name_a_line_goes_on_past_the_header_columns():
    doc = parse("领域\n主要目标\n主要责任单位\n责任单位\n1.湿地面积稳定。\n——湿地保护率达到60%以上。\n"
                "省东岭汇坊\n省西泉阁\n南溪寮\n北漪苑\n2.候鸟栖息地得到保护。\n省西泉阁\n省北漪苑\n3.完成湿地普查。\n")
    a, b = [t for t in doc.tasks if t.assignments]
    assert a.units(Role.LEAD) + a.units(Role.RESPONSIBLE) == ["省东岭汇坊", "省西泉阁", "南溪寮", "北漪苑"]
    assert b.units(Role.LEAD) + b.units(Role.RESPONSIBLE) == ["省西泉阁", "省北漪苑"]
    assert not any(t.text.startswith(("南溪寮", "北漪苑")) for t in doc.tasks)


def test_item_cut_off_before_its_clause_is_still_a_task():
    doc = parse("一、任务\n1.建设绿道。(市住建局牵头)\n2.治理水系。(市水利局负责)\n3.开展植树活动,种植乔木2万")
    assert [t.text for t in doc.tasks][-1] == "开展植树活动,种植乔木2万"
    assert doc.tasks[-1].assignments == []


def test_clause_cut_off_invents_nothing():
    t = parse("一、任务\n1.建设绿道。(市住建局牵头)\n2.治理水系。(市水利局、市").tasks[-1]
    assert t.text == "治理水系。" and t.assignments == []


def test_unit_line_cut_inside_its_last_name():
    doc = parse("目标\n任务\n主要内容\n责任单位\n一、稳增长\n围绕经济形势做好解读。\n市发改委、市财政局、人民银")
    assert units(doc.tasks[0], "responsible") == ["市发改委", "市财政局"]


def test_traditional_script_is_read_and_printed_as_printed():
    doc = parse("一、重點任務\n1.推進審批改革。(市政府辦公室牽頭,各縣市區政府按職責分工負責)\n", head="")
    t = doc.tasks[0]
    assert t.text == "推進審批改革。"
    assert units(t, "lead") == ["市政府辦公室"] and units(t, "responsible") == ["各縣市區政府"]


def test_prose_without_any_assignment_is_not_a_task():
    with pytest.raises(InputError, match="no recognisable task"):
        parse("一、总体要求\n(一)坚持改革。建立健全一把手总负责的责任制。\n(二)强化保障。要加强资金保障。\n")
    # with nothing else to read, a unit told what it must do gives a task of its own (loaders/obligations.py); the
    # other item of its list is a task too (a measure's item whose sentences name no unit)
    doc = parse("一、总体要求\n(一)坚持改革。建立健全一把手总负责的责任制。\n(二)强化保障。市财政局要加强资金保障。\n")
    assert [(t.text, units(t, "responsible")) for t in doc.tasks] == [
        ("坚持改革。建立健全一把手总负责的责任制。", []), ("强化保障。市财政局要加强资金保障", ["市财政局"])]


def test_signature_lines_are_not_unit_lines():
    doc = parse("各区人民政府:\n现将方案印发给你们,请认真执行。\n湘潭市发展和改革委员会\n一、任务\n1.建设绿道。(市住建局牵头)\n",
                head="")
    assert [t.text for t in doc.tasks] == ["建设绿道。"]


def test_flattened_table_and_prose_in_one_plan():
    body = ("一、重点工作\n1.加强统筹。(市发改委牵头)\n附件1\n2020年任务表\n序号\n重点任务\n牵头单位\n责任单位\n"
            "1\n河道治理\n完成清淤。\n市水利局\n市财政局\n")
    doc = parse(body)
    assert [t.id for t in doc.tasks] == ["S1-1", "A1-1"]
    assert units(doc.tasks[1], "responsible") == ["市财政局"]


def test_clause_on_a_line_of_its_own_and_labels_on_one_line():
    doc = parse("一、任务\n1.建设绿道。\n(市住建局牵头,各区政府配合)\n2.治理水系。\n牵头单位:市水利局 配合单位:市财政局\n")
    assert [(units(t, "lead"), units(t, "cooperating")) for t in doc.tasks] == [
        (["市住建局"], ["各区政府"]), (["市水利局"], ["市财政局"])]


def test_labels_at_the_end_of_an_item_and_a_deadline_in_the_clause():
    doc = parse("一、任务\n1.做好统筹。牵头单位:市发改委;配合单位:市财政局。\n2.推进改革。(市改革办牵头,2020年9月底前完成)\n")
    a, b = doc.tasks
    assert a.text == "做好统筹。" and units(a, "cooperating") == ["市财政局"]
    assert [(d.printed, d.date) for d in b.deadlines] == [("2020年9月底前完成", "2020-09-30")]


def test_articles_of_a_measure_are_items():
    doc = parse("吕梁市某某监管办法\n第一条 为做好审批与监管的衔接,制定本办法。\n"
                "第二条 市行政审批服务管理局负责实施行政审批事项的受理。\n第三条 相关职能部门负责本行业监管。\n")
    assert [(t.row, units(t, "lead")) for t in doc.tasks if t.assignments] == [
        (2, ["市行政审批服务管理局"]), (3, ["相关职能部门"])]


def test_label_lines_between_a_heading_and_its_items_go_to_the_items():
    doc = parse("一、城市建设\n牵头单位:市住建局;配合单位:市财政局\n1.推进老旧小区改造。\n2.建设城市绿道。\n"
                "二、生态环境\n牵头单位:市生态环境局\n1.治理黑臭水体。\n")
    assert [(t.text, units(t, "lead"), units(t, "cooperating")) for t in doc.tasks] == [
        ("推进老旧小区改造。", ["市住建局"], ["市财政局"]), ("建设城市绿道。", ["市住建局"], ["市财政局"]),
        ("治理黑臭水体。", ["市生态环境局"], [])]
    assert all(a.inferred and a.basis.startswith("label under the heading") for t in doc.tasks for a in t.assignments)


def test_the_subject_of_a_dated_step_does_it_inferred():
    doc = parse("四、实施进度\n(一)2020年2月底前,各市州完成统计摸底;\n(二)3月10日前,省教育厅负责汇总核实;\n"
                "(三)10月底前,省财政厅、省教育厅会同各市州完成资金清算。\n(四)2020年12月底前,完成总结评估。\n")
    a, b, c = doc.tasks[:3]
    assert units(a, "responsible") == ["各市州"] and units(b, "lead") == ["省教育厅"]
    assert units(c, "lead") == ["省财政厅", "省教育厅"] and units(c, "cooperating") == ["各市州"]
    assert all(x.inferred and "dated step" in x.basis for x in a.assignments + c.assignments)
    assert all(not t.assignments for t in doc.tasks[3:])  # a step naming no unit gets none


def test_a_paragraph_announcing_a_units_duties_gives_it_the_items_after_it():
    doc = parse("街道办事处是区政府的派出机构,负责辖区内行政管理工作。主要工作职责是:\n"
                "一、贯彻上级的决议、决定;\n二、负责辖区内城市环境管理工作;\n三、管理街道财务。\n")
    assert [[a.unit for a in t.assignments] for t in doc.tasks][-3:] == [["街道办事处"]] * 3
    first, second = doc.tasks[-3], doc.tasks[-2]
    assert units(first, "responsible") == ["街道办事处"] and units(second, "lead") == ["街道办事处"]
    assert all(a.inferred for a in first.assignments + second.assignments)


def test_a_unit_line_before_a_list_restarting_at_one_heads_that_list():
    doc = parse("一、继续开展资助活动。\n二、继续巩固成果。\n市卫生局\n一、开展助产机构清理整顿工作,坚决打击非法接生;\n"
                "并进行资格审查。\n二、继续加强妇女孕产期保健工作。\n")
    got = {t.text[:8]: [a.unit for a in t.assignments] for t in doc.tasks}
    assert got.get("开展助产机构清理") == ["市卫生局"] and got.get("继续加强妇女孕产") == ["市卫生局"]
    assert not any(u for t, u in got.items() if t.startswith("继续巩固"))


def test_label_lines_with_a_space_for_the_colon():
    doc = parse("1.建设绿道。\n牵头单位 市发改委\n配合单位 市财政局  市税务局\n2.治理水系。\n责任单位 市水利局\n")
    a, b = doc.tasks
    assert units(a, "lead") == ["市发改委"] and units(a, "cooperating") == ["市财政局", "市税务局"]
    assert units(b, "responsible") == ["市水利局"]


def test_a_long_item_wrapped_mid_word_is_joined_without_a_sentence_break():
    doc = parse("一、压实责任。\n1.各地要加强组织领导,按照“一把手”负总责的要求,主要领导亲自抓、分管领导具体抓,并明确专门的责任部门和具体责任人,由区政府办\n"
                "公室负责抓好综合督办协调工作。\n")
    assert [a.unit for t in doc.tasks for a in t.assignments] == ["区政府办公室"]


def test_a_unit_heading_with_a_duties_label_gives_duties_and_their_partners():
    doc = parse("宣传部\n主要职责:\n(一)贯彻执行意识形态方面的方针、政策;\n(二)管理新闻宣传工作;会同有关部门做好报道。\n")
    assert [t.text[:4] for t in doc.tasks] == ["贯彻执行", "管理新闻"]  # the label line is no task
    assert units(doc.tasks[1], "responsible") == ["宣传部"] and units(doc.tasks[1], "cooperating") == ["有关部门"]


def test_a_unit_answering_for_places_has_the_places_as_its_task():
    from dutygraph.loaders.document import parse_text
    doc = parse_text("二、职责分工\n(一)分片包干。具体为:县林业局负责东山镇、西河乡,县水务局负责南湖街道。"
                     "县教育局负责组织开展校园安全检查。\n", "areas.txt")
    assert [(t.text, [a.unit for a in t.assignments]) for t in doc.tasks] == [
        ("东山镇、西河乡", ["县林业局"]), ("南湖街道", ["县水务局"]), ("县教育局负责组织开展校园安全检查。", ["县教育局"])]


def test_a_sentence_of_work_before_the_first_unit_first_clause_is_a_task_of_its_own():
    from dutygraph.loaders.document import parse_text
    doc = parse_text("7.6交通保障\n依法建立紧急状态运输工具的征用程序和办法,确保物资及时运输。"
                     "县交通局负责组织运力。县公安局负责交通管制。\n"
                     "7.7治安维护\n加强治安。县公安局负责治安保障工作。\n", "plan.txt")
    assert [(t.text[:8], [a.unit for a in t.assignments]) for t in doc.tasks] == [
        ("依法建立紧急状态", []), ("县交通局负责组织", ["县交通局"]), ("县公安局负责交通", ["县公安局"]),
        ("加强治安。县公安", ["县公安局"])]  # a short heading sentence stays with its clause


def test_a_paragraph_opening_with_a_known_unit_after_a_unit_first_paragraph_is_its_task():
    from dutygraph.loaders.document import parse_text
    doc = parse_text("6.5医疗卫生保障\n县卫生局负责突发事件的医疗卫生保障工作。\n县卫生局要加快公共卫生体系建设。\n"
                     "各乡镇要做好配合工作。\n", "plan.txt")
    assert [(t.text[:8], [(a.unit, a.role) for a in t.assignments]) for t in doc.tasks] == [
        ("县卫生局负责突发", [("县卫生局", Role.LEAD)]), ("县卫生局要加快公", [("县卫生局", Role.RESPONSIBLE)])]


def test_later_paragraphs_of_a_run_opening_with_known_units_are_theirs_after_any_paragraph_between():
    # a paragraph naming no unit between them does not end the run (its units were read before it was looked at)
    from dutygraph.loaders.document import parse_text
    doc = parse_text("五、保障措施\n县民政局负责救灾物资的储备和发放工作。\n县林业局负责林区的防火巡查工作。\n"
                     "物资储备点要定期检查,确保物资完好。\n县财政局要及时拨付救灾资金,保障应急需要。\n", "plan.txt")
    assert [(t.text[:8], [a.unit for a in t.assignments]) for t in doc.tasks][-1] == ("县财政局要及时拨", ["县财政局"])


def test_measure_paragraphs_opening_with_their_units_after_a_working_group_block_are_their_tasks():
    from dutygraph.loaders.document import parse_text
    doc = parse_text("3.2.5 次生灾害处置组\n组长:县应急局负责人\n成员单位:县应急局、县住建局、县水务局\n"
                     "主要措施:县应急局督促各乡镇排查危险区域,组织群众转移。\n"
                     "县水务局对受损的水库堤坝采取紧急处置措施,防止溃坝。\n"
                     "县住建局、县交通局组织对受损房屋和道路进行安全鉴定。\n", "plan.txt")
    got = [(t.text[:8], [a.unit for a in t.assignments]) for t in doc.tasks]
    assert got[1:] == [("县水务局对受损的", ["县水务局"]), ("县住建局、县交通", ["县住建局", "县交通局"])]


def test_an_item_handing_its_work_to_a_unit_with_you_is_that_units_task():
    from dutygraph.loaders.document import parse_text
    doc = parse_text("三、工作要求\n1.开展校舍安全排查。(县教育局牵头,县卫健局配合)\n"
                     "2.对排查发现隐患未整改的学校,由县住建局下达整改通知;逾期仍未整改的,由县住建局报县政府处理。\n"
                     "3.领导小组由县教育局、县住建局组成,办公室主任由副县长某某兼任。\n"
                     "4.由申请人向县住建局提交鉴定申请,经审核后出具意见。\n", "plan.txt")
    got = [(t.text[:6], [(a.unit, a.role) for a in t.assignments]) for t in doc.tasks]
    assert got[1] == ("对排查发现隐", [("县住建局", Role.RESPONSIBLE)])
    assert got[2:] == [("领导小组由县", []), ("由申请人向县", [])]  # a body made up, a post, a party: no doer


def test_a_later_paragraph_of_a_run_handing_its_work_to_a_unit_is_that_units_task():
    from dutygraph.loaders.document import parse_text
    doc = parse_text("五、奖惩\n1.开展安全生产目标考核。(县应急局牵头)\n县应急局负责全县安全生产目标考核工作。\n先进集体和先进个人由县委、县政府给予通报表扬。\n",
                     "plan.txt")
    assert [(t.text[:6], [a.unit for a in t.assignments]) for t in doc.tasks][-1] == ("先进集体和先", ["县委", "县政府"])


def test_a_sentence_handing_its_work_on_with_you_after_a_unit_first_clause_is_a_task_of_its_own():
    from dutygraph.loaders.document import parse_text
    doc = parse_text("7.5医疗保障\n县卫健局负责组织医疗救治队伍,调集药品器械。必要时,由县红十字会组织志愿者参与救助工作。\n"
                     "7.6治安维护\n县公安局负责维护灾区社会治安。\n", "plan.txt")
    assert [(t.text[:8], [a.unit for a in t.assignments]) for t in doc.tasks][:2] == [
        ("县卫健局负责组织", ["县卫健局"]), ("必要时,由县红十", ["县红十字会"])]


def test_a_heading_naming_whose_duties_follow_needs_no_duty_word_to_open_them():
    from dutygraph.loaders.document import parse_text
    doc = parse_text("一、组织机构\n(一)成立防汛指挥部,统一指挥全县防汛抢险工作。\n(二)防汛办公室职责\n"
                     "做好防汛值班和信息汇总工作。负责与各成员单位联系,及时上报汛情。\n", "plan.txt")
    assert [(t.text[:8], [(a.unit, a.inferred) for a in t.assignments]) for t in doc.tasks][-1] == \
        ("做好防汛值班和信", [("防汛办公室", True)])


def test_label_lines_opening_a_page_belong_to_an_item_on_the_page_before_and_are_no_task():
    doc = parse("牵头单位:县水利局。\n配合单位:县财政局,各乡镇人民政府。\n完成时间:2021年12月。\n二、民生工程\n"
                "(一)农村饮水安全巩固提升项目。\n牵头单位:县水利局。\n配合单位:县财政局。\n", head="")
    assert [(t.text[:6], [a.unit for a in t.assignments]) for t in doc.tasks] == [
        ("农村饮水安全", ["县水利局", "县财政局"])]


def test_a_label_list_wrapped_inside_a_name_goes_on_on_the_next_line():
    doc = parse("1.完善街道治理体制机制,优化决策程序。\n牵头单位:区委组织部\n协办单位:区委编办、区民政局、园区党工\n"
                "委、各街道党工委\n2.推进社区党建。\n牵头单位:区委组织部\n配合单位:区财政局、\n区民政局\n", head="")
    a, b = doc.tasks
    assert units(a, "cooperating") == ["区委编办", "区民政局", "园区党工委", "各街道党工委"]
    assert units(b, "cooperating") == ["区财政局", "区民政局"]


def test_a_bare_bracketed_list_on_the_line_after_an_item_is_its_responsible_units():
    doc = parse("一、重点任务\n1.建设绿道。\n(县住建局、县财政局、各乡镇人民政府)\n2.治理水系。\n（区水利局，区农业农村局）\n"
                "3.整治河道。\n(推进河长制,完善考核)\n")
    a, b, c = doc.tasks
    assert units(a, "responsible") == ["县住建局", "县财政局", "各乡镇人民政府"] and units(a, "lead") == []
    assert units(b, "responsible") == ["区水利局", "区农业农村局"]
    assert c.assignments == []  # a bracket of work, not of names, assigns nothing


def test_label_lines_with_a_space_for_the_colon_may_run_together_and_follow_a_leader():
    doc = parse("一、重点任务\n1.建设绿道。\n牵头单位 县住建局  责任单位 县财政局、县林业局\n"
                "2.治理水系。\n责任领导 王某  牵头单位 县水利局;配合单位 县农业农村局\n"
                "3.整治河道。\n牵头领导 李某\n牵头单位 镇人民政府\n")
    a, b, c = doc.tasks
    assert units(a, "lead") == ["县住建局"] and units(a, "responsible") == ["县财政局", "县林业局"]
    assert units(b, "lead") == ["县水利局"] and units(b, "cooperating") == ["县农业农村局"]
    assert units(c, "lead") == ["镇人民政府"] and c.text == "整治河道。"  # the leader's line is no part of the task
    assert doc.coverage.cues == doc.coverage.attached == 3  # each line with unit labels is a cue, and placed


def test_a_label_line_under_an_item_keeps_a_name_the_lexicon_does_not_know_and_reports_it():
    doc = parse("一、任务\n1.建设堤防。\n责任单位:城东大垸\n2.治理水系。\n牵头单位:城西管理区、县水利局\n")
    a, b = doc.tasks
    assert units(a, "responsible") == ["城东大垸"] and units(b, "lead") == ["城西管理区", "县水利局"]
    assert {u["unit"] for u in doc.coverage.to_dict()["unrecognised"]} >= {"城东大垸", "城西管理区"}


def test_a_label_after_a_group_of_titled_items_with_bodies_covers_the_group():
    from dutygraph.loaders.document import parse_text

    text = ("一、重点工作\n(一)优化空间格局\n1. 筑牢北部生态屏障\n以南山、北山植被保护为主,打造生态廊道。\n"
            "2. 建设沿河绿带\n沿清河两岸开展生态修复。\n3. 完善城区绿地体系\n围绕三个核心区建设口袋公园。\n"
            "牵头单位:区林业局、区自然资源局\n")
    doc = parse_text(text, "p.txt")
    assert [(t.text, t.units(Role.LEAD)) for t in doc.tasks] == [
        ("筑牢北部生态屏障", ["区林业局", "区自然资源局"]), ("建设沿河绿带", ["区林业局", "区自然资源局"]),
        ("完善城区绿地体系。围绕三个核心区建设口袋公园。", ["区林业局", "区自然资源局"])]
    # an item with its own label keeps it, and the group rule stands down
    doc = parse_text(text.replace("沿清河两岸开展生态修复。\n", "沿清河两岸开展生态修复。\n责任单位:镇水利站\n"), "p.txt")
    assert [t.units(Role.LEAD) + t.units(Role.RESPONSIBLE) for t in doc.tasks] == [
        [], ["镇水利站"], ["区林业局", "区自然资源局"]]


def test_a_numbered_line_with_units_is_an_item_not_a_unit_line_of_the_item_before():
    # 2.… / 3.推进…。区司法局牵头负责,区医保局协助。: the third line is an item of its own, whatever it names
    doc = parse("一、主要任务\n1.推进老旧小区改造。区住建局负责,区财政局配合。\n2.加强食品抽检。由区市场监管局牵头,区卫健委参与。\n"
                "3.推进政务服务一网通办。区司法局牵头负责,区医保局协助。\n")
    assert [units(t, "lead") for t in doc.tasks] == [["区住建局"], ["区市场监管局"], ["区司法局"]]
    assert units(doc.tasks[2], "cooperating") == ["区医保局"]
    doc = parse("(一)做好汛前检查。县水利局牵头。\n(二)完善应急预案。\n(三)储备防汛物资。县应急局负责,县粮食局配合。\n")
    assert [t.text[:4] for t in doc.tasks] == ["做好汛前", "完善应急", "储备防汛"]
    assert units(doc.tasks[2], "lead") == ["县应急局"]


def test_a_sentence_after_the_item_title_naming_units_and_their_remit_gives_them_the_item():
    # (一)标题。X、Y按照各自职责做好…: the units whose remit the sentence invokes do the item (responsible)
    doc = parse("一、工作任务\n(一)加强食品安全抽检。区市场监管局、区卫健委按照各自职责做好抽检工作。\n"
                "(二)整治校园周边环境。县公安局根据职能分工开展巡查。\n(三)完善应急预案。镇应急办负责,镇卫生院配合。\n")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks[:2]] == [["区市场监管局", "区卫健委"], ["县公安局"]]
    assert all(a.inferred for t in doc.tasks[:2] for a in t.assignments)
    # a sentence after the title that names a unit without its remit stays as it was: no unit
    doc = parse("一、工作任务\n(一)强化制度建设。局综合科要建立信息公开制度。\n(二)做好宣传。(区委宣传部牵头)\n")
    assert doc.tasks[0].assignments == []


def test_a_division_heading_is_not_folded_into_its_paragraph_and_a_helping_subject_cooperates():
    # 三、职责分工 / X负责…;Y负责…;Z配合做好…。: the heading stays a heading, each sentence a task, Z cooperates
    doc = parse("三、职责分工\n县水利局负责水库巡查;县应急管理局负责预警发布;县气象局配合做好天气会商。\n")
    got = [(t.text[:6], [(a.unit, a.role.value) for a in t.assignments]) for t in doc.tasks]
    assert got == [("县水利局负责", [("县水利局", "lead")]), ("县应急管理局", [("县应急管理局", "lead")]),
                   ("县气象局配合", [("县气象局", "cooperating")])]


def test_a_headings_lead_goes_to_items_that_name_only_units_working_with_it():
    from dutygraph.loaders.document import parse_text

    text = ("2023年重点工作\n一、重点任务\n（一）推进城乡融合发展（区住建局牵头）\n"
            "1.改造老旧小区。（配合单位：区财政局）\n2.修缮背街小巷。（配合单位：各街道办事处、区城管局）\n")
    doc = parse_text(text, "p.txt")
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        (["区住建局"], ["区财政局"]), (["区住建局"], ["各街道办事处", "区城管局"])]
    assert all(a.inferred for t in doc.tasks for a in t.assignments if a.role is Role.LEAD)


def test_annex_list_after_the_last_stage_is_no_item_of_it():
    """An annex list (附件:1.… / 2.…) closing the body names annexes: its titles are no tasks and take no units
    from the item printed above them."""
    text = ("三、实施步骤\n(一)准备阶段。制定工作方案。(责任单位:县农业局、县财政局)\n\n"
            "(二)验收阶段。组织考核验收。(责任单位:县农业局)\n\n附件:1.项目申报表\n\n2.验收流程图\n\n3.考核细则\n")
    tasks = parse(text).tasks
    assert [t.text[:4] for t in tasks] == ["准备阶段", "验收阶段"]
    assert units(tasks[1], "responsible") == ["县农业局"]


def test_heading_of_a_topic_and_the_departments_duties_names_no_unit():
    """一、服务范围及部门职责: a topic joined to 部门职责 is no holder; the paragraph under it takes no unit."""
    text = ("一、服务范围及部门职责\n(一)服务对象。全县规模以上养殖场。\n"
            "(二)部门职责。县畜牧局负责疫病监测;县环保局负责粪污监管。\n")
    tasks = parse(text).tasks
    assert all("范围及部门" not in a.unit for t in tasks for a in t.assignments)
    assert any(units(t, "lead") == ["县畜牧局"] for t in tasks)


def test_key_value_rows_between_bars_read_as_labels():
    """| 实施机构 | X牵头,Y配合 |: a key and its value printed between bars (no table: two cells a row) are a label
    line; the bar is part of no unit's name."""
    text = ("一、办理事项\n| 事项名称 | 营业执照变更一件事 |\n| 实施机构 | 县行政审批局牵头,县税务局、县社保中心配合 |\n"
            "| 办理时限 | 3个工作日 |\n")
    tasks = parse(text).tasks
    assert all("|" not in a.unit for t in tasks for a in t.assignments)
    assert any(units(t, "lead") == ["县行政审批局"] and units(t, "cooperating") == ["县税务局", "县社保中心"]
               for t in tasks)


def test_rule_holder_gives_way_to_the_unit_entrusted_now():
    """In an item of unit-first clauses, 按照《办法》规定应由A负责,现由A委托B负责 gives one task, B's."""
    text = ("一、职责划分\n1.户外广告按照《管理办法》规定应由县住建局负责审批,现由县住建局委托县城管局负责审批。\n"
            "2.渣土运输由县城管局负责,县交通局配合。\n")
    tasks = parse(text).tasks
    assert [(units(t, "lead"), units(t, "cooperating")) for t in tasks] == [
        (["县城管局"], []), (["县城管局"], ["县交通局"])]


def test_a_line_opening_with_the_clause_of_the_sentence_above_goes_on_with_it():
    """A paragraph of sentences each closed by its bracket clause, wrapped right before a clause: the line that
    opens with it closes the last sentence of the line above."""
    text = ("一、主要指标\n1.分解指标。\n森林覆盖率达到45%。(县林业局牵头)农村自来水普及率达到90%。\n"
            "(县水利局牵头)城镇污水处理率达到85%。(县住建局、县环保局牵头)\n")
    tasks = parse(text).tasks
    assert [units(t, "lead") for t in tasks] == [["县林业局"], ["县水利局"], ["县住建局", "县环保局"]]
    assert tasks[1].text.startswith("农村自来水") and tasks[2].text.startswith("城镇污水")


def test_an_item_cut_inside_its_own_clause_inherits_no_units():
    """1.…。(牵头单位:市发 at the end of an excerpt: the item's units were in its own clause, cut off; it takes
    none from the heading's clause above it."""
    text = ("三、加强督导。县发改局负责任务的统一调度,要建立工作推进机制。\n"
            "1.建成一批示范园区,形成可推广经验。(牵头单位:县工")
    tasks = parse(text).tasks
    item = next(t for t in tasks if t.text.startswith("建成"))
    assert item.assignments == []


@pytest.mark.parametrize("lead", ["牵头", "主办", "主责"])
def test_a_preamble_naming_the_role_collectives_gives_no_task(lead):
    # (r-labels6) 主办单位负责全程协调 in a preamble describes the plan's roles (as 牵头单位 does): no unit is named
    from dutygraph.loaders.plain_text import parse_plain_text
    doc = parse_plain_text(f"2008年政府工作目标任务分解\n按照条块合力推进的原则,确定了{lead}单位和办理单位。{lead}单位负责全程"
                           f"协调、指导、督查;办理单位分工负责、推进落实。\n一、促进经济发展。\n"
                           f"1、加强经济运行分析,确保完成主要指标。({lead}单位:发改委、统计局)", "p.txt")
    assert [(t.text[:4], [a.unit for a in t.assignments]) for t in doc.tasks] == [("加强经济", ["发改委", "统计局"])]


def test_circled_items_inline_under_a_title_under_a_unit_heading_with_its_other_names():
    """(一)X局(Y中心、Z室) / (1)本年工作要求: / ①…;②…;③… on one line: each circled part is an item of its own, the
    unit heading's duty (inferred; lead where it opens with 负责), the unit kept whole with its bracket of other
    names; the title line over the items is no task, and a short last part (cut at the end) is a duty still."""
    text = ("一、各科室年度任务\n(一)综合科(人事科、财务股)\n(1)本年工作要求:\n"
            "①编写科室年报,按季报送数据;②负责档案管理和保密工作;③完成领导交办的其他事项。\n"
            "(二)规划股(测绘室)\n(1)本年工作要求:\n①修编片区规划;②负责用地审核;③完成测绘任务数")
    tasks = parse(text).tasks
    assert [(t.text[:4], [(a.unit, a.role.value) for a in t.assignments]) for t in tasks] == [
        ("编写科室", [("综合科(人事科、财务股)", "responsible")]),
        ("负责档案", [("综合科(人事科、财务股)", "lead")]),
        ("完成领导", [("综合科(人事科、财务股)", "responsible")]),
        ("修编片区", [("规划股(测绘室)", "responsible")]),
        ("负责用地", [("规划股(测绘室)", "lead")]),
        ("完成测绘", [("规划股(测绘室)", "responsible")]),  # cut at the end, short: still a duty of the list
    ]
    assert all(a.inferred for t in tasks for a in t.assignments)


def test_a_groups_measure_opening_with_some_members_names_them_alone():
    """(r-prose7) A working group's heading, 组长 (a person), 成员单位:A、B、C、D and a measure opening with some of
    the members as its subject (B、D督促…): the subject does the measure; a measure with no subject keeps the whole
    list, and one whose subject is no member keeps it too."""
    text = ("3.1 抢修组\n组 长:县住建局负责人\n成员单位:县住建局、县电力公司、县水务公司\n"
            "主要措施:组织力量抢修受损的供水、供电设施。\n"
            "3.2 防汛组\n组 长:县水利局负责人\n成员单位:县水利局、县交通局、县林业局、县气象局\n"
            "主要措施:县水利局、县气象局督促各乡镇加强堤坝巡查。\n"
            "3.3 宣传组\n成员单位:县委宣传部、县融媒体中心\n主要措施:县文旅局指导做好信息发布。\n")
    tasks = parse(text).tasks
    assert [(t.text.split("。")[1][:4], units(t, "responsible")) for t in tasks] == [  # the heading, then the measure
        ("组织力量", ["县住建局", "县电力公司", "县水务公司"]),
        ("县水利局", ["县水利局", "县气象局"]),
        ("县文旅局", ["县委宣传部", "县融媒体中心"]),
    ]


def test_a_label_closing_a_section_cut_by_the_page_start_goes_to_its_items():
    """(r-prose7) A page opening inside a section: its numbered items, the last followed by a label listing the
    section's units (主要责任部门:X、Y), then the next section's heading. The label names every item of the run
    (inferred); the items of the next section, with no label, take none of its units."""
    text = ("[接上页]\n21.完善农贸市场检测网络,抽检合格率达到98%。\n22.加强学校食堂卫生管理。\n"
            "23.开展餐饮油烟专项整治。\n主要责任部门:市场监管局、市教育局、市生态环境局。\n"
            "四、交通改善计划\n24.新建公交专用道12公里。\n25.改造老旧路口30处。\n")
    tasks = parse(text).tasks
    assert [(t.text[:4], units(t, "responsible")) for t in tasks[:3]] == [
        ("完善农贸", ["市场监管局", "市教育局", "市生态环境局"]),
        ("加强学校", ["市场监管局", "市教育局", "市生态环境局"]),
        ("开展餐饮", ["市场监管局", "市教育局", "市生态环境局"]),
    ]
    assert not any(t.assignments for t in tasks[3:])
    assert all(a.inferred for t in tasks[:2] for a in t.assignments)


def test_a_working_group_run_by_lead_units_does_its_item_beside_them():
    """(r-prose7) (n)X组:由A、B等部门牵头,负责…: the group does the item (responsible) beside the units leading it,
    as a group whose 由 part names no role (由指挥部抽调人员组成) does its own; a title before the colon that is no
    unit's name (督查安排:由A牵头) adds nothing."""
    text = ("三、工作机构\n(1)救助安置组:由民政、卫健等部门牵头,负责受灾群众的转移安置。\n"
            "(2)信息组:由指挥部抽调专门人员组成,负责信息汇总工作。\n"
            "(3)督查安排:由县督查室牵头,负责全程跟踪督办。\n")
    tasks = parse(text).tasks
    assert [[(a.unit, a.role.value) for a in t.assignments] for t in tasks] == [
        [("救助安置组", "responsible"), ("民政", "lead"), ("卫健", "lead")],
        [("信息组", "responsible")],
        [("县督查室", "lead")],
    ]


def test_a_unit_line_of_x_working_with_y_needs_no_verb_after_it():
    """(r-prose7) Unit lines under targets, ──由X会同Y组织落实; the last one cut by the end of the excerpt before its
    verb (──由X会同Y): 会同 says the roles itself (X lead, Y cooperating)."""
    text = ("二、约束性指标\n1、城镇污水处理率达到85%。\n──由市住建局会同各县市区组织落实。\n"
            "2、森林蓄积量增加到900万立方米。\n──由市林业局会同各县市区\n")
    tasks = parse(text).tasks
    assert [[(a.unit, a.role.value) for a in t.assignments] for t in tasks] == [
        [("市住建局", "lead"), ("各县市区", "cooperating")],
        [("市林业局", "lead"), ("各县市区", "cooperating")],
    ]


def test_a_groups_measure_naming_its_members_as_a_whole_keeps_the_list():
    """(r-prose7) 成员单位:A、B、C and a measure opening with A, then naming the members as a whole (各成员单位按职责
    配合): the whole list stays on the measure."""
    text = ("3.2 防汛组\n成员单位:县水利局、县交通局、县林业局\n"
            "主要措施:县水利局督促各乡镇加强堤坝巡查,各成员单位按职责配合做好抢险工作。\n")
    tasks = parse(text).tasks
    assert [units(t, "responsible") for t in tasks] == [["县水利局", "县交通局", "县林业局"]]


def test_a_working_group_named_as_a_sentence_of_its_own_run_by_lead_units():
    """(r-prose7) 2.X组。由A牵头,B配合,负责…: as after a colon, the group does the item beside A (lead) and B
    (cooperating); a title sentence before 由 (加强统筹。由A牵头…) is no group and adds nothing."""
    text = ("三、工作机构\n1.医疗救治组。由县卫健局牵头,县人民医院配合,负责伤员救治。\n"
            "2.加强统筹调度。由县应急局牵头,负责综合协调。\n")
    tasks = parse(text).tasks
    assert [[(a.unit, a.role.value) for a in t.assignments] for t in tasks] == [
        [("医疗救治组", "responsible"), ("县卫健局", "lead"), ("县人民医院", "cooperating")],
        [("县应急局", "lead")],
    ]


def test_a_dated_steps_subject_needs_no_known_verb_after_it():
    """(r-prose7) Dated steps (（二）6月底前,X拨付…): the known units right after the date are the step's subject,
    whatever verb follows them (拨付, 印发, 联合下发); a role word after them still gives their role."""
    text = ("四、实施步骤\n（一）5月底前,县教育局完成摸底调查。\n（二）6月底前,县财政局拨付补助资金。\n"
            "（三）7月底前,县政府办公室、县教育局联合印发考核办法。\n（四）8月底前,县审计局牵头开展专项审计。\n")
    tasks = parse(text).tasks
    assert [[(a.unit, a.role.value) for a in t.assignments] for t in tasks] == [
        [("县教育局", "responsible")],
        [("县财政局", "responsible")],
        [("县政府办公室", "responsible"), ("县教育局", "responsible")],
        [("县审计局", "lead")],
    ]


def test_a_dated_steps_subject_of_an_unknown_name_opening_with_its_level_does_it():
    """(r-prose8) (三)3月20日前,省甲溪坊将…: the date says a subject follows; a name opening with its level is read
    whatever it ends with (the partners after 会同 cooperate)."""
    text = ("四、实施步骤\n（一）3月20日前,省东岭坊将所需资金下达各市州。\n"
            "（二）10月底前,省东岭坊、省西泉阁会同各市州完成资金清算。\n")
    assert [[(a.unit, a.role.value) for a in t.assignments] for t in parse(text).tasks] == [
        [("省东岭坊", "responsible")],
        [("省东岭坊", "lead"), ("省西泉阁", "lead"), ("各市州", "cooperating")],
    ]


def test_a_heading_naming_units_with_a_bracketed_role_gives_it_to_its_items():
    """(r-prose7) 一、X(牵头) / 1.… 2.… / 二、Y（配合单位）/ 1.…: the heading is nothing but its units and their role
    in brackets; its items take them (as under 一、X牵头的工作). A title with a bracketed role word and no unit
    (推进改造(牵头)) carries nothing."""
    text = ("一、县住建局(牵头)\n1.推进老旧小区改造。\n2.开展燃气安全检查。\n"
            "二、县交通局（配合单位）\n1.推进农村公路养护。\n")
    tasks = parse(text).tasks
    assert [(t.text[:4], [(a.unit, a.role.value) for a in t.assignments]) for t in tasks] == [
        ("推进老旧", [("县住建局", "lead")]),
        ("开展燃气", [("县住建局", "lead")]),
        ("推进农村", [("县交通局", "cooperating")]),
    ]
    assert all(a.inferred for t in tasks for a in t.assignments)


def test_a_working_group_with_its_lead_units_right_after_the_colon():
    """(r-prose7) (n)X组:A牵头,B、C配合。主要职责:…: with no 由, the clause after the group's name still names who
    runs it: the group responsible, A lead, B and C cooperating."""
    text = ("（三）工作组\n1.综合协调组:县应急局牵头,县委办、县政府办配合。主要职责:负责综合协调。\n"
            "2.医疗救治组:县卫健局牵头,县人民医院配合。主要职责:负责伤员救治。\n")
    tasks = parse(text).tasks
    assert [[(a.unit, a.role.value) for a in t.assignments] for t in tasks] == [
        [("综合协调组", "responsible"), ("县应急局", "lead"), ("县委办", "cooperating"), ("县政府办", "cooperating")],
        [("医疗救治组", "responsible"), ("县卫健局", "lead"), ("县人民医院", "cooperating")],
    ]


def test_a_heading_naming_a_unit_and_its_tasks_gives_that_unit_the_numbered_items_under_it():
    from dutygraph.loaders.document import parse_text
    doc = parse_text("关于落实环境整治责任的意见\n一、工作目标\n全面改善人居环境。\n二、工作任务\n(一)乡镇人民政府的主要任务\n"
                     "1、负责组织实施本辖区环境整治工作,制定年度计划。\n2、建立健全网格化管理制度。\n"
                     "(二)县直各部门的工作任务\n1、负责指导本行业环境整治工作。\n", "plan.txt")
    assert [(t.text[:6], [(a.unit, a.role.value, a.inferred) for a in t.assignments]) for t in doc.tasks] == [
        ("负责组织实施", [("乡镇人民政府", "lead", True)]),
        ("建立健全网格", [("乡镇人民政府", "responsible", True)]),
        ("负责指导本行", [("县直各部门", "lead", True)])]


def test_a_tasks_heading_naming_no_unit_gives_its_items_none():
    from dutygraph.loaders.document import parse_text
    doc = parse_text("关于落实环境整治责任的意见\n二、工作任务\n(一)近期的主要任务\n1、负责组织实施环境整治工作。\n"
                     "2、建立健全网格化管理制度。\n(二)县住建局牵头,完成老旧小区改造。\n", "plan.txt")
    assert [a.unit for t in doc.tasks for a in t.assignments] == ["县住建局"]


def test_a_unit_first_clause_after_a_condition_opens_its_task_at_the_sentence_start():
    from dutygraph.loaders.document import parse_text
    doc = parse_text("关于建立污染反弹处置机制的通知\n(一)垃圾反弹处置。河道出现垃圾堆存的,由所在镇政府负责组织清理。"
                     "出现反弹的,由县城管局牵头组织排查,限期整改。属于县级单位管理的管网,由县水务公司负责维修;"
                     "属于镇级单位负责的管网,由所在镇政府负责维修。\n", "plan.txt")
    assert [(t.text, [(a.unit, a.role.value) for a in t.assignments]) for t in doc.tasks][1:] == [
        ("出现反弹的,由县城管局牵头组织排查,限期整改。", [("县城管局", "lead")]),
        # 属于镇级单位负责的管网: whose network it is, no unit doing the work
        ("属于县级单位管理的管网,由县水务公司负责维修", [("县水务公司", "lead")]),
        ("属于镇级单位负责的管网,由所在镇政府负责维修。", [("所在镇政府", "lead")])]


def test_a_bracketed_label_closing_an_item_at_the_start_of_the_next_items_line_leaves_that_item_its_own():
    doc = parse("二、主要任务\n1.新建城市公园3个,改造街头绿地10处。\n\n(责任单位:市住建局)2.完成老旧小区改造20个,"
                "新增停车位500个。\n\n(责任单位:市城管局)\n", head="")
    assert [(t.text[:8], [a.unit for a in t.assignments]) for t in doc.tasks] == [
        ("新建城市公园3个", ["市住建局"]), ("完成老旧小区改造", ["市城管局"])]


def test_a_sentence_before_the_first_unit_first_clause_handing_its_work_on_is_done_by_those_units():
    from dutygraph.loaders.document import parse_text
    doc = parse_text("关于建立养殖污染反弹处置机制的通知\n(三)养殖污染反弹处置。城区及禁养区域内禁止从事畜禽养殖,一经发现,"
                     "由所在镇人民政府依法处理。有关镇人民政府要把防止反弹责任制落实到村。\n", "plan.txt")
    assert [(t.text[:8], [(a.unit, a.role.value) for a in t.assignments]) for t in doc.tasks] == [
        ("养殖污染反弹处置", [("所在镇人民政府", "responsible")]),
        ("有关镇人民政府要", [("有关镇人民政府", "responsible")])]


def test_a_sector_title_under_a_division_heading_and_the_paragraph_its_units_open_are_one_task():
    doc = parse("二、工作目标\n全面排查整治安全隐患。\n三、排查整治重点及责任分工\n(一)燃气安全领域\n"
                "县城管局加强燃气经营监管,严厉查处违规经营行为。联合县市场监管局检查燃气器具质量。\n"
                "(二)校园安全领域\n县教育局牵头,组织各学校开展隐患自查。\n", head="")
    got = [(t.text[:6], [(a.unit, a.role.value) for a in t.assignments]) for t in doc.tasks]
    assert got == [("燃气安全领域", [("县城管局", "responsible"), ("县市场监管局", "cooperating")]),
                   ("校园安全领域", [("县教育局", "lead")])]


def test_a_unit_line_handing_the_item_on_keeps_names_no_suffix_list_knows():
    doc = parse("一、约束性指标\n1、城镇养老保险覆盖率达到90%。\n──由城东片区服务坊会同有关部门和各县市区组织落实。\n"
                "2、人口自然增长率控制在6‰以内。\n──由西岭片区服务坊和各县市区组织落实。\n", head="")
    assert [(t.text[:6], [(a.unit, a.role.value) for a in t.assignments]) for t in doc.tasks] == [
        ("城镇养老保险", [("城东片区服务坊", "lead"), ("各县市区", "cooperating")]),
        ("人口自然增长", [("西岭片区服务坊", "lead"), ("各县市区", "lead")])]


def test_later_sentences_of_a_subjects_paragraph_opening_with_hui_tong_or_handing_work_on_are_tasks_of_their_own():
    doc = parse("一、分工\n县农业局、县环保局负责对各乡镇禁烧工作实行分片督导。\n"
                "县环保局于禁烧工作结束后,对各乡镇禁烧工作进行考评。同时,会同县财政局对奖补资金进行清算。"
                "对禁烧工作不力的乡镇,由县环保局采取限批措施。\n", head="")
    got = [(t.text[:6], [(a.unit, a.role.value) for a in t.assignments]) for t in doc.tasks]
    assert got[1:] == [("县环保局于禁", [("县环保局", "responsible")]),
                       ("同时,会同县", [("县环保局", "lead"), ("县财政局", "cooperating")]),
                       ("对禁烧工作不", [("县环保局", "responsible")])]


def test_a_unit_line_before_any_text_of_an_excerpt_gives_no_task():
    # (r-notices7) an excerpt cut inside an item: its first line names the units of work not printed (由X牵头,Y等配合。)
    doc = parse_plain_text("由省甲溪坊牵头,省乙岭舍、省丙泉庐等配合。\n(三)健全溪岭联动机制。出台专项办法,规范资金使用。\n"
                           "由省丁云庐牵头,省乙岭舍等配合。\n(四)抓好山林供给。稳定山林生产,大力发展", "cut.txt")
    assert [[(a.unit, a.role) for a in t.assignments] for t in doc.tasks if t.assignments] == [
        [("省丁云庐", Role.LEAD), ("省乙岭舍", Role.COOPERATING)]]
    assert all(not t.text.startswith("由省甲溪坊") for t in doc.tasks)


def test_a_numbered_item_opening_with_an_unknown_name_of_a_levels_body_and_a_verb_is_its_task():
    """(r-prose8) 6、县甲溪坊要设立…: the name opens with its level and an obligation word or verb follows it, so it
    is the item's subject whatever it ends with (the cheap test before the subject is read lets such a name pass)."""
    text = ("三、职责分工\n5、县公安局要加强道路巡查,确保安全。(县公安局负责)\n"
            "6、县东岭坊要设立创建活动办公室,负责日常工作。\n7、市场主体要依法经营。\n")
    tasks = parse(text).tasks
    assert [t.units(Role.RESPONSIBLE) for t in tasks if t.text.startswith("县东岭坊")] == [["县东岭坊"]]
    assert not any(t.assignments for t in tasks if t.text.startswith("市场主体"))


def test_a_later_paragraph_of_a_run_whose_subject_follows_when_the_work_is_due_is_that_subjects_task():
    """(r-prose8) 突发事件发生后,X要… / 汛期到来前,X要…: a time clause before the subject of a later paragraph of a
    run (after a unit-first clause) does not hide the subject."""
    from dutygraph.loaders.document import parse_text
    doc = parse_text("6.4 交通运输保障\n县交通局负责公路运输秩序的保障工作。\n"
                     "突发事件发生后,县公安局要及时对事发现场实施交通管制。\n"
                     "汛期到来前,县水务局要完成堤防隐患排查。\n", "plan.txt")
    assert [(t.text[:6], t.units(Role.RESPONSIBLE)) for t in doc.tasks][1:] == [
        ("突发事件发生", ["县公安局"]), ("汛期到来前,", ["县水务局"])]


def test_a_duty_list_announced_by_a_body_of_an_unknown_name_is_its_duties():
    doc = parse("东岭汇坊是区政府的派出机构,区政府直接领导。主要工作职责是:\n(一)贯彻执行辖区湿地保护规划。\n"
                "(二)负责辖区候鸟栖息地巡查。\n")
    assert [t.units(Role.LEAD) + t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["东岭汇坊"], ["东岭汇坊"]]
    doc = parse("第二条 城东西泉阁(简称西泉阁)为县政府工作部门,机构规格正科级。\n第三条 主要职责是:\n(一)拟订湖区养护计划。\n"
                "(二)组织湖区渔政执法。\n")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["城东西泉阁"], ["城东西泉阁"]]


def test_a_space_between_an_unknown_name_and_the_role_word_opening_its_duties_ends_the_name():
    doc = parse("(二十)南溪寮\n负责机关院内治安保卫工作。\n东岭汇坊 负责机关离退休干部工作。\n西泉阁 负责机关党群工作。\n")
    assert [t.units(Role.LEAD) for t in doc.tasks][-2:] == [["东岭汇坊"], ["西泉阁"]]
    doc = parse("一、工作安排\n加强湿地巡查 负责同志要带头。\n二、县林业局负责湿地修复。\n")  # a sentence: no name
    assert [u for t in doc.tasks for u in t.units(Role.LEAD)] == ["县林业局"]


def test_duties_before_the_sentence_setting_up_an_unknown_bodys_offices_are_its_duties():
    doc = parse("(十一)负责辖区湿地巡查工作。\n(十二)承担候鸟栖息地保护工作。\n三、内设机构\n"
                "根据上述职责,东岭汇坊设3个内设股室。\n", head="")  # a page starting inside the list
    assert [t.units(Role.LEAD) + t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["东岭汇坊"], ["东岭汇坊"]]


def test_a_by_clause_sentence_handing_no_work_closes_the_work_before_it_not_the_next_item_glued_on():
    # items glued into one paragraph, each closed by a sentence 由X、Y负责落实。 holding nothing but its units
    doc = parse("一、主要目标1.今年全市经济增长的预期目标是增长百分之十左右,财政收入增长百分之八。"
                "由市甲乙委、丙丁局等部门和各区政府负责落实。二、推进建设2.坚持把农业工作作为重中之重,促进农民增收。\n")
    placed = [t for t in doc.tasks if t.assignments]
    assert len(placed) == 1 and "预期目标" in placed[0].text and "农业" not in placed[0].text
    assert units(placed[0], "lead") == ["市甲乙委", "丙丁局", "各区政府"]
    assert any("农业工作" in t.text and not t.assignments for t in doc.tasks)
