"""Conventions stated once for many items: a label line after a group of items (snippets written for the test)."""

from __future__ import annotations

import pytest

from dutygraph.loaders.document import parse_text
from dutygraph.model import Role


def _units(doc):
    return [(t.text[:4], t.units(Role.LEAD) + t.units(Role.RESPONSIBLE), [a.inferred for a in t.assignments])
            for t in doc.tasks]


def test_a_label_line_after_a_group_whose_items_print_none_is_the_groups():
    doc = parse_text("一、重点工作\n(一)改善人居环境\n1.推进厕所改造\n完成改厕300户。\n2.整治村容村貌\n清理垃圾死角。\n"
                     "3.建设美丽庭院\n创建示范户50户。\n责任单位:镇农业服务中心、各村委会\n", "p.txt")
    assert _units(doc) == [("推进厕所", ["镇农业服务中心", "各村委会"], [True, True]),
                           ("整治村容", ["镇农业服务中心", "各村委会"], [True, True]),
                           ("建设美丽", ["镇农业服务中心", "各村委会"], [False, False])]
    assert doc.tasks[0].assignments[0].basis == "label after the group at line 9"


# a page copied as one line (600 characters or more): numbered items whose sentences run long
_ROADS = "完成农村公路改造100公里," + "加强路面养护、桥梁检测和安全防护设施建设," * 8 + "提升通行能力。"
_STOPS = "新建候车亭30个," + "完善站牌、照明和无障碍设施,落实日常保洁和维修责任," * 7 + "方便群众候车。"
_LINES = "开通城乡公交线路5条," + "优化线路走向和发车班次,推进城乡客运一体化," * 7 + "方便群众出行。"


def test_a_label_closing_a_section_on_a_glued_page_goes_to_the_sections_items():
    # (r-labels7) the section's items, then its label, then the next heading, all on one line
    doc = parse_text(f"四、交通建设 1.{_ROADS} 2.{_STOPS} 3.{_LINES} 主要责任单位:县交通运输局、县财政局、各乡镇人民政府。"
                     " 五、生态建设 推进生态修复,改善人居环境。\n", "p.txt")
    units = ["县交通运输局", "县财政局", "各乡镇人民政府"]
    assert [(t.text[:4], t.units(Role.RESPONSIBLE), [a.inferred for a in t.assignments]) for t in doc.tasks
            if t.assignments] == [("完成农村", units, [True] * 3), ("新建候车", units, [True] * 3),
                                  ("开通城乡", units, [False] * 3)]
    assert doc.tasks[0].assignments[0].basis == "label after the group at line 1"


def test_a_label_closing_top_level_items_on_a_glued_page_goes_to_them():
    # the page opens inside a section: its items have no section number (ids S1, S2, S3)
    doc = parse_text(f"[接上页] 1.{_ROADS} 2.{_STOPS} 3.{_LINES} 主要责任单位:县交通运输局、县财政局。"
                     " 五、生态建设 推进生态修复,改善人居环境。\n", "p.txt")
    assert [(t.id, t.units(Role.RESPONSIBLE)) for t in doc.tasks if t.assignments] == [
        (f"S{k}", ["县交通运输局", "县财政局"]) for k in (1, 2, 3)]


def test_a_label_closing_the_top_level_items_a_page_opens_with_goes_to_them():
    # a page copied from inside a section: its first items have no section number (S59, S60), then the label
    doc = parse_text("[接上页]\n59.新建农村公路50公里。\n60.改造危桥10座。\n主要责任部门:县交通局、县财政局。\n"
                     "八、生态建设\n61.植树造林1万亩。\n62.治理河道5条。\n主要责任部门:县林业局。\n", "p.txt")
    assert [(t.units(Role.RESPONSIBLE), [a.inferred for a in t.assignments]) for t in doc.tasks] == [
        (["县交通局", "县财政局"], [True, True]), (["县交通局", "县财政局"], [False, False]),
        (["县林业局"], [True]), (["县林业局"], [False])]


def test_a_label_on_a_glued_page_stays_its_items_when_an_earlier_item_prints_its_own():
    doc = parse_text(f"四、交通建设 1.{_ROADS}责任单位:县交通运输局。 2.{_STOPS} 3.{_LINES} 责任单位:县公交公司。"
                     " 五、生态建设 推进生态修复,改善人居环境。\n", "p.txt")
    assert not any(a.inferred for t in doc.tasks for a in t.assignments)
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks if t.text.startswith("新建")] == [[]]


def test_a_label_after_sub_items_of_a_district_plan_covers_them():
    doc = parse_text("二、主要任务\n1.加强河道管护\n(1)开展河道清淤。\n(2)清理河道违建。\n牵头单位:区水务局\n", "p.txt")
    assert [(t.units(Role.LEAD), bool(t.assignments and t.assignments[0].inferred)) for t in doc.tasks] == [
        (["区水务局"], True), (["区水务局"], False)]


def test_a_label_is_its_items_own_when_a_later_item_of_the_group_prints_its_own():
    doc = parse_text("二、主要任务\n1.推进道路硬化。\n2.推进厕所改造。\n责任单位:县农业农村局\n3.推进垃圾分类。\n"
                     "责任单位:县住建局\n", "p.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks if t.assignments] == [["县农业农村局"], ["县住建局"]]
    assert not any(a.inferred for t in doc.tasks for a in t.assignments)


def test_a_note_naming_units_in_a_role_on_every_item_adds_them_to_the_items_after_it():
    doc = parse_text("各牵头单位要加强协调。除另有注明外,各镇(街道)均为责任单位。\n一、重点工作\n1.推进道路硬化。(县交通局牵头)\n"
                     "2.推进厕所改造。(县农业农村局牵头)\n", "p.txt")
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        (["县交通局"], ["各镇(街道)"]), (["县农业农村局"], ["各镇(街道)"])]
    assert all(a.inferred and a.basis == "default-units note at line 1"
               for t in doc.tasks for a in t.assignments if a.role is Role.RESPONSIBLE)


def test_a_default_units_note_keeps_a_unit_an_item_already_names_once():
    doc = parse_text("除特别标注外,区发改委和各街道办事处都是配合单位。\n1.推进旧改。(区住建局牵头,区发改委配合)\n", "p.txt")
    (task,) = doc.tasks
    assert task.units(Role.COOPERATING) == ["区发改委", "各街道办事处"]


def test_a_label_after_a_group_is_not_the_groups_when_an_earlier_item_prints_a_label_of_its_own():
    # the first item's label names a unit no reader can place: the later label stays its own item's
    doc = parse_text("二、主要任务\n1.推进道路硬化。\n责任单位:按属地原则落实\n2.推进厕所改造。\n责任单位:县农业农村局\n", "p.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [[], ["县农业农村局"]]


def test_a_spread_note_standing_alone_before_the_items_is_no_task_and_goes_to_every_item_after_it():
    doc = parse_text("二、任务\n以下任务均由各乡镇配合落实,不再一一列出。\n1.建设孵化器2个。(县科技局牵头)\n"
                     "2.培育企业10家。(县工信局牵头)\n", "p.txt")
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        (["县科技局"], ["各乡镇"]), (["县工信局"], ["各乡镇"])]
    assert all(a.basis == "note at line 2" for t in doc.tasks for a in t.assignments if a.inferred)


@pytest.mark.parametrize("note", ["以下任务均需各街道配合落实,不另列出。", "注:以下任务均需各街道配合落实,不再一一列举。",
                                  "备注：以下任务均需各街道配合落实，不一一列出。"])
def test_standing_notes_worded_other_ways_and_after_a_note_mark(note):
    doc = parse_text("二、任务\n" + note + "\n1.建设孵化器2个。(区科技局牵头)\n2.培育企业10家。(区工信局牵头)\n", "p.txt")
    assert [(t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == [
        (["区科技局"], ["各街道"]), (["区工信局"], ["各街道"])]


def test_a_label_after_a_group_stays_its_items_in_a_plan_that_labels_item_by_item():
    doc = parse_text("二、任务\n(一)强化科技创新\n1.建设孵化器\n新建孵化器2个。\n2.培育企业\n培育企业10家。\n牵头单位:区科技局\n"
                     "(二)优化营商环境\n1.减税降费\n落实减税政策。\n牵头单位:区税务局\n2.简化审批\n压减审批时限。\n"
                     "牵头单位:区政务服务局\n", "p.txt")
    assert [t.units(Role.LEAD) for t in doc.tasks if t.assignments] == [["区科技局"], ["区税务局"], ["区政务服务局"]]


@pytest.mark.parametrize("note", ["各项任务中排名第一的单位为牵头单位,下同。", "注：列第一位者为牵头单位。",
                                  "（各项工作中排在第一位的部门为牵头单位）"])
def test_a_first_listed_note_whose_subject_ends_like_a_unit_names_no_unit(note):
    from dutygraph.loaders.document import parse_text

    doc = parse_text(f"2024年工作要点\n{note}\n一、强化科技创新\n1.推进改造。（责任单位：镇派出所、镇规划建设办）\n"
                     "2.整治环境。（镇农业服务中心、镇党政办）\n", "p.txt")
    assert [([a.unit for a in t.assignments if a.role is Role.LEAD],
             [a.unit for a in t.assignments if a.role is Role.RESPONSIBLE]) for t in doc.tasks] == [
        (["镇派出所"], ["镇规划建设办"]), (["镇农业服务中心"], ["镇党政办"])]


@pytest.mark.parametrize("note", ["任务分解中,列第一位的责任单位为牵头单位或汇总单位。", "注:首列单位为牵头单位。",
                                  "各项任务列首位的部门牵头。", "排序第一的单位为牵头单位。",
                                  "排名第一的单位负责牵头。", "首个单位为牵头单位。", "牵头单位均列在第一位。",
                                  "责任单位中，牵头单位排在首位。", "责任单位中第一位为牵头单位。",
                                  "责任单位中列在最前面的为牵头单位。"])
def test_first_listed_notes_worded_other_ways(note):
    doc = parse_text(f"2024年工作要点\n{note}\n一、重点任务\n1.推进道路硬化。（县交通局、县财政局、各乡镇）\n", "p.txt")
    assert doc.tasks[0].units(Role.LEAD) == ["县交通局"]
    assert doc.tasks[0].units(Role.RESPONSIBLE) == ["县财政局", "各乡镇"]


@pytest.mark.parametrize("text, expected, printed", [
    # a count before the label: the items just before it
    ("一、发展目标\n1.地区生产总值增长8%;\n2.财政收入增长6%;\n2项目标的责任单位均为县发改局、县财政局。\n"
     "3.新增就业2000人;\n该目标责任单位为县人社局。\n",
     [["县发改局", "县财政局"], ["县发改局", "县财政局"], ["县人社局"]], [False, True, True]),
    # Chinese numerals, 任务, 牵头单位 and 以上 without a count
    ("（一）重点任务\n1.改造老旧小区。\n2.建设口袋公园。\n3.整治背街小巷。\n以上三项任务牵头单位为区住建局。\n"
     "4.新建停车泊位。\n以上任务牵头单位为区交通局。\n",
     [["区住建局"]] * 3 + [["区交通局"]], [False, False, True, True]),
])
def test_a_scoped_label_sentence_gives_its_items_their_units(text, expected, printed):
    doc = parse_text(text, "scoped.txt")
    assert [[a.unit for a in t.assignments] for t in doc.tasks] == expected
    # printed on the item just before the sentence, inferred (with the sentence as basis) on the others
    assert [not any(a.inferred for a in t.assignments) for t in doc.tasks] == printed
    assert all(a.basis.startswith("scoped label at line") for t in doc.tasks for a in t.assignments if a.inferred)


@pytest.mark.parametrize("word", ["负责", "按职责分工负责", "负责落实"])
def test_a_first_listed_note_makes_the_first_of_a_list_every_unit_of_which_leads_by_a_duty_word_the_lead(word):
    doc = parse_text("2022年分工方案\n一、重点任务\n1.修缮村道。（镇规建办、镇财政所、各村(社区)负责。排在首位的为牵头单位，下同）\n"
                     f"2.整治河塘。（镇农业服务中心、镇水利站{word}）\n3.建设公园。（镇规建办牵头，镇财政所配合）\n", "p.txt")
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        (["镇规建办"], ["镇财政所", "各村(社区)"]), (["镇农业服务中心"], ["镇水利站"]), (["镇规建办"], [])]


def test_a_default_units_note_in_brackets():
    doc = parse_text("2024年工作要点\n（注：除标明外，县财政局均为配合单位）\n一、重点任务\n1.修路。（县交通局牵头）\n", "p.txt")
    assert [(a.unit, a.role.value, a.inferred) for a in doc.tasks[0].assignments] == [
        ("县交通局", "lead", False), ("县财政局", "cooperating", True)]


@pytest.mark.parametrize("lead", ["牵头", "主办", "主责"])
def test_a_first_listed_note_names_the_lead_with_any_lead_word(lead):
    # (r-labels6) the note reads the lead's whole vocabulary (role cues word.lead), as the labels and columns do
    doc = parse_text("一、重点任务\n1.建设口袋公园。(县住建局、县财政局、各乡镇,排名第一位为" + lead + "单位,下同)\n"
                     "2.整治背街小巷。(县城管局、县交通局)\n", "p.txt")
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
        (["县住建局"], ["县财政局", "各乡镇"]), (["县城管局"], ["县交通局"])]


@pytest.mark.parametrize("helper", ["配合", "协同", "协办"])
def test_a_standing_note_of_cooperating_units_reads_every_cooperating_word(helper):
    # (r-labels6) 除特别注明的外,A和B都是协同单位 as …都是配合单位 (role cues word.cooperating)
    doc = parse_text(f"除特别注明的外,各县(市、区)政府和某某开发区管委会都是{helper}单位。\n一、重点任务\n1.修路。(县交通局牵头)\n",
                     "p.txt")
    assert doc.tasks[0].units(Role.COOPERATING) == ["各县(市、区)政府", "某某开发区管委会"]


def test_a_first_listed_note_after_other_lines_holding_lead_words_is_found_on_its_own_line():
    # lines before the note hold lead words (twice on one line) and no note: the note's own line gives its line
    # number, and only the tasks printed from it on have their first unit made lead
    from dutygraph.loaders.conventions import apply_first_listed
    from dutygraph.loaders.lines import to_lines
    from dutygraph.model import Assignment, Provenance, Task

    lines = to_lines("2024年工作要点\n牵头单位牵头抓总。\n\n主办单位另行通知。\n注:列第一位的单位为牵头单位。\n甲\n乙\n")

    def task(line: int) -> Task:
        prov = Provenance("p.txt", line, line)
        return Task(id=f"S{line}", text="做好工作", provenance=prov,
                    assignments=[Assignment("县交通局", Role.RESPONSIBLE, prov),
                                 Assignment("县财政局", Role.RESPONSIBLE, prov)])

    before, after = task(4), task(6)
    apply_first_listed(lines, [before, after])
    assert before.units(Role.LEAD) == []
    assert after.units(Role.LEAD) == ["县交通局"] and after.assignments[0].basis == "first-listed note at line 5"
