"""The seed plan end to end: every expectation here was read off the plan by hand."""

from __future__ import annotations

from collections import Counter

import pytest

from dutygraph.model import Role


def units(task, role):
    return task.units(Role(role))


def test_header_facts(seed_doc):
    assert seed_doc.title == "关于印发《株洲市2018年两型社会建设综合配套改革工作计划》的通知"
    assert seed_doc.plan_title == "株洲市2018年两型社会建设综合配套改革工作计划"
    assert seed_doc.issuers == ["中共株洲市委办公室", "株洲市人民政府办公室"]
    assert seed_doc.issued == "2018-03-31"  # printed garbled as "2018331"
    assert seed_doc.published == "2018-04-26"
    assert seed_doc.number is None  # the plan prints no document number of its own
    assert seed_doc.year == 2018
    assert len(seed_doc.sha256) == 64


def test_sections_and_key_works(seed_doc):
    assert [(s.ref, s.title) for s in seed_doc.sections] == [
        ("一", "总体思路和主要目标"), ("二", "重点工作"), ("三", "保障措施")]
    assert [(k.ref, k.title) for k in seed_doc.key_works] == [
        ("二(一)", "全面深化两型改革"),
        ("二(二)", "全力推进清水塘老工业区搬迁改造"),
        ("二(三)", "加快推进碧水蓝天行动"),
        ("二(四)", "严格保护发展绿心"),
        ("二(五)", "进一步放大示范效应"),
        ("二(六)", "主动推进长株潭一体化"),
    ]
    assert seed_doc.key_works[1].provenance.first_line == 27


def test_targets(seed_doc):
    assert [(t.indicator, t.relation, t.value) for t in seed_doc.targets] == [
        ("全市万元GDP能耗", "下降", "3.5%以上"),
        ("城市空气质量优良率", "达到", "75%以上"),
        ("湘江株洲段水质", "保持在", "III类标准以上"),
        ("森林覆盖率", "稳定在", "61.95%以上"),
    ]
    assert all(t.provenance.first_line == 24 for t in seed_doc.targets)


def test_annexes(seed_doc):
    assert [a.number for a in seed_doc.annexes] == list(range(1, 9))
    assert seed_doc.annexes[1].title == "2018年清水塘老工业区搬迁改造重点任务表"
    assert seed_doc.annexes[0].columns == ["序号", "重点任务", "牵头单位", "责任单位"]
    assert seed_doc.annexes[5].columns == ["序号", "示范区"]


def test_leaf_task_count_per_annex(seed_doc):
    # Counted by hand: one task per sub-item, a row without sub-items is one task.
    assert Counter(t.annex for t in seed_doc.tasks) == {1: 19, 2: 10, 3: 12, 4: 7, 5: 6, 6: 11, 7: 7, 8: 9}
    assert len(seed_doc.tasks) == 81
    assert len({t.id for t in seed_doc.tasks}) == 81


@pytest.mark.parametrize("task_id, lead, responsible", [
    # annex 1
    ("A1-1", ["市环保局"], ["公共资源交易中心", "各县市区人民政府"]),
    ("A1-4-3", ["市林业局"], ["市两型办"]),
    ("A1-6-2", ["中级人民法院"], ["市人民检察院", "市环保局", "市司法局", "市法制办"]),
    # annex 2
    ("A2-1", ["市清水塘搬迁改造指挥部办公室"],
     ["市发改委", "市经信委", "市人社局", "市国土资源局", "市环保局", "市国资委", "石峰区人民政府"]),
    ("A2-5-2", ["清水塘投资集团", "市国投集团"], ["市交文旅集团", "石峰区人民政府"]),
    ("A2-5-3", ["市文体广新局"], ["市经信委", "市规划局", "清水塘投资集团"]),
    # annex 3
    ("A3-1-2", ["市住建局"], ["市环保局", "市城管局", "市水务局", "相关区人民政府", "市湘江集团", "市城发集团", "市地产集团"]),
    ("A3-2-3", ["市交警支队"], ["市环保局"]),
    ("A3-3", ["市国土资源局"], ["相关县市区人民政府"]),
    # annex 4
    ("A4-3-2", ["市两型办"], ["市经信委", "市国土资源局"]),
    ("A4-3-3", ["市两型办", "市经信委"], ["绿心所在地区人民政府"]),
    # annex 5
    ("A5-1-1", ["各市直创建牵头部门"], ["各县市区人民政府"]),
    ("A5-3-2", ["市两型办", "市质监局"],
     ["市直机关工委", "市发改委", "市经信委", "市农业委", "市商务和粮食局", "市旅游外事侨务局", "市工商局"]),
    # annex 7
    ("A7-1", ["市住建局"], ["市交通运输局", "市两型办", "云龙示范区管委会", "石峰区人民政府"]),
    ("A7-4-2", ["市规划局"], ["市国土资源局", "市两型办", "市电子政务办"]),
    # annex 8
    ("A8-2-4", ["市经信委"], ["天元区人民政府"]),
    ("A8-3-2", ["市城管局"], ["石峰区人民政府"]),
])
def test_units_row_by_row(seed_tasks, task_id, lead, responsible):
    task = seed_tasks[task_id]
    assert units(task, "lead") == lead
    assert units(task, "responsible") == responsible
    assert units(task, "cooperating") == []


def test_cells_split_over_two_lines_are_joined(seed_tasks):
    for sub in (1, 2, 3):  # 市政府经济 + 金融办
        assert units(seed_tasks[f"A1-8-{sub}"], "lead") == ["市政府经济金融办"]
    assert units(seed_tasks["A3-4-2"], "lead") == ["市畜牧兽医水产局"]  # 市畜牧兽医 + 水产局
    assert seed_tasks["A4-2"].title == "严格环保执法检查"  # title 严格环保执法 + 检查
    assert seed_tasks["A4-4-1"].title == "绿心规划调整优化"
    assert seed_tasks["A8-3-1"].title == "新能源推广"


def test_row_repeated_across_page_break_is_one_row(seed_doc, seed_tasks):
    row2 = [t for t in seed_doc.tasks if t.annex == 3 and t.row == 2]
    assert [t.sub for t in row2] == [1, 2, 3, 4, 5]
    assert {t.title for t in row2} == {"蓝天工程"}
    assert seed_tasks["A3-2-4"].text.startswith("全面淘汰城区内冶炼")  # bare marker "4全面淘汰…"
    assert units(seed_tasks["A3-2-4"], "responsible") == ["市发改委", "市经信委"]
    assert [r.id for r in seed_doc.rows if r.annex == 3].count("A3-2") == 1


def test_nbsp_blank_cells(seed_tasks):
    # "市国土资源局" then a line with only a non-breaking space: no responsible unit.
    assert units(seed_tasks["A1-2-1"], "lead") == ["市国土资源局"]
    assert units(seed_tasks["A1-2-1"], "responsible") == []
    assert units(seed_tasks["A1-2-2"], "lead") == ["市环保局"]
    assert units(seed_tasks["A3-2-5"], "lead") == ["市环保局"]
    assert units(seed_tasks["A3-2-5"], "responsible") == []


def test_bracketless_markers(seed_tasks):
    for task_id, start in [("A1-4-1", "完成全市温室气体"), ("A7-3-1", "做好株洲和湘潭"), ("A7-4-2", "与长沙、湘潭"),
                           ("A8-2-1", "完善ART示范线"), ("A8-3-2", "完成生活垃圾焚烧")]:
        assert seed_tasks[task_id].text.startswith(start), task_id


def test_unit_group_applies_to_items_since_previous_group(seed_tasks):
    # 1) 2) then 市发改委 / 市统计局、市两型办; 3) then 市林业局 / 市两型办
    assert units(seed_tasks["A1-4-1"], "lead") == units(seed_tasks["A1-4-2"], "lead") == ["市发改委"]
    assert units(seed_tasks["A1-4-3"], "lead") == ["市林业局"]


def test_lone_cell_is_the_lead(seed_tasks):
    assert units(seed_tasks["A5-1-2"], "lead") == ["各县市区人民政府"]
    assert units(seed_tasks["A5-1-2"], "responsible") == []
    assert units(seed_tasks["A5-3-1"], "lead") == ["市两型办"]
    assert units(seed_tasks["A8-3-3"], "lead") == ["醴陵市人民政府"]


def test_zone_table_has_no_units(seed_doc):
    annex6 = [t for t in seed_doc.tasks if t.annex == 6]
    assert len(annex6) == 11
    assert all(not t.assignments for t in annex6)
    assert Counter(t.zone for t in annex6) == {"云龙示范区": 5, "天元片区": 3, "清水塘片区": 3}


def test_text_and_provenance(seed_tasks, seed_path):
    task = seed_tasks["A2-5-1"]
    assert task.text.startswith("加快推进株冶路、清雨路")
    assert task.provenance.lines == [145, 145]
    lines = seed_path.read_text("utf-8").splitlines()
    assert lines[144].endswith(task.text)
    lead = task.assignments[0]
    assert lead.provenance.first_line == 146  # the 牵头单位 cell
    assert seed_tasks["A1-8-1"].assignments[0].provenance.lines == [107, 108]  # split cell spans two lines


def test_deadlines_and_amounts(seed_tasks):
    assert (seed_tasks["A2-2-1"].deadline.printed, seed_tasks["A2-2-1"].deadline.date) == ("上半年", "2018-06-30")
    assert [d.printed for d in seed_tasks["A2-2-1"].deadlines] == ["上半年", "年内"]
    assert seed_tasks["A4-3-2"].deadline.date == "2018-06-30"  # printed "20186月底前"
    assert seed_tasks["A4-3-3"].deadline.date == "2018-12-31"  # 年底前
    assert [(a.printed, a.value) for a in seed_tasks["A2-5-1"].amounts] == [("1.8亿元", 1.8e8)]
    assert [a.printed for a in seed_tasks["A8-3-1"].amounts] == ["8000万"]
    assert [a.printed for a in seed_tasks["A6-1-3"].amounts] == ["9385万元"]


def test_parents(seed_doc, seed_tasks):
    assert seed_tasks["A1-2-1"].parent == "A1-2"
    assert seed_tasks["A1-1"].parent is None
    assert "A1-2" in {r.id for r in seed_doc.rows}
