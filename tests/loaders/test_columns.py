"""Column labels: the columns that state a task's grounds or consequences (role cues column.basis)."""

import pytest

from dutygraph.loaders.columns import column_kinds, is_header
from dutygraph.loaders.document import parse_text
from dutygraph.model import Role


def test_basis_and_accountability_columns_are_text_never_units():
    labels = ["序号", "职权名称", "法律依据", "责任主体", "责任事项", "追责情形"]
    assert column_kinds(labels) == ["number", "text", "text", "responsible", "text", "text"]
    assert is_header(labels)  # every label known: 依据 and 追责 too


def test_the_task_of_a_list_of_powers_is_its_item_not_the_longer_basis_cell():
    for bar in ("|", "\t"):
        text = "\n".join(bar.join(row) for row in [
            ["序号", "事项名称", "设定依据", "实施主体", "责任事项"],
            ["1", "对建筑施工企业安全生产的监督检查",
             "《建设工程安全生产管理条例》第四十条 县级以上地方人民政府建设行政主管部门负责本行政区域内建设工程安全生产的监督管理。",
             "建筑管理股", "1.检查责任:制定年度检查计划。2.处置责任:依法处置发现的问题。"],
            ["2", "对物业服务企业的监督检查",
             "《物业管理条例》第五条 县级以上地方人民政府房地产行政主管部门负责本行政区域内物业管理活动的监督管理工作。",
             "房地产管理股、县物业服务中心", "1.检查责任:开展日常检查。"],
        ])
        doc = parse_text(text, "list.txt")
        assert [(t.text, t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [
            ("对建筑施工企业安全生产的监督检查", ["建筑管理股"]),
            ("对物业服务企业的监督检查", ["房地产管理股", "县物业服务中心"])], bar


def test_a_label_with_a_bracketed_alternative_is_a_label_of_its_kind():
    assert column_kinds(["牵头(责任)单位", "完成时间(时限)", "责任单位（部门）"]) == ["lead", "deadline", "responsible"]
    assert is_header(["序号", "工作目标", "牵头(责任)单位", "协办单位", "完成时间(时限)"])
    assert not is_header(["序号", "市住建局(牵头)", "市财政局(配合)"])  # a row of unit cells marked with roles


def test_a_unit_and_person_column_holds_units_and_gives_its_people_as_leaders():
    assert column_kinds(["序号", "工作任务", "责任单位及责任人"]) == ["number", "text", "responsible"]
    assert column_kinds(["序号", "工作任务", "牵头领导"])[2] == "leader"
    for cells in (["县教育局 王某某", "县卫健局、县财政局 李某"], ["县教育局(王某某)", "县卫健局、县财政局(李某)"],
                  ["区教育局/王某某", "区卫健委、区财政局/李某"]):
        text = "\n".join(["序号\t工作任务\t责任部门和负责人\t完成时限"] + [
            f"{k}\t完成第{k}项民生实事。\t{c}\t2024年底前" for k, c in enumerate(cells, 1)])
        doc = parse_text(text, "plan.txt")
        assert [(t.units(Role.RESPONSIBLE), t.leaders) for t in doc.tasks] == [
            ([cells[0][:4]], ["王某某"]), ([cells[1][:4], cells[1][5:9]], ["李某"])], cells


def _by_place(sep: str, leader: bool) -> str:
    header = ["乡镇(街道)", "目标任务", "包抓领导", "建设地点"] if leader else ["乡镇(街道)", "目标任务", "建设地点"]
    rows = [["城关镇", "新建村级养老服务站3个。", "王某某", "东关村、西关村"],
            ["白水乡", "实施河道清淤8公里。", "李某", "白水河"],
            ["东风街道", "新建口袋公园2个。", "张某某", "东风社区"]]
    rows = [r if leader else [r[0], r[1], r[3]] for r in rows]
    if sep == "\n":
        return "\n".join(header + [c for r in rows for c in r])
    return "\n".join(sep.join(r) for r in [header] + rows)


@pytest.mark.parametrize("sep", ["\t", " | ", "  "])
def test_a_place_column_beside_a_person_in_charge_bears_the_tasks(sep):
    doc = parse_text("某县2024年重点项目任务责任一览表\n" + _by_place(sep, True), "plan.txt")
    assert [(t.units(Role.RESPONSIBLE), t.leaders) for t in doc.tasks] == [
        (["城关镇"], ["王某某"]), (["白水乡"], ["李某"]), (["东风街道"], ["张某某"])]


@pytest.mark.parametrize("sep", ["\t", " | "])
def test_a_table_of_targets_by_place_without_a_person_in_charge_names_no_unit(sep):
    from dutygraph.errors import InputError

    try:
        doc = parse_text("某县2024年目标任务分解表\n" + _by_place(sep, False), "plan.txt")
    except InputError:
        return  # no role cue at all: nothing to read
    assert not any(t.assignments for t in doc.tasks)


@pytest.mark.parametrize("label", ["涉及部门", "涉及單位"])
def test_a_column_of_the_departments_involved_is_a_responsible_column(label):
    assert column_kinds(["序号", "事项名称", label]) == ["number", "text", "responsible"]
    rows = [["序号", "事项名称", label], ["1", "办理食品经营许可证", "县市场监管局"], ["2", "办理税务登记事项", "县税务局"]]
    doc = parse_text("某县一件事事项清单\n" + "\n".join("|".join(r) for r in rows) + "\n", "list.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["县市场监管局"], ["县税务局"]]


@pytest.mark.parametrize("label,kind", [("执行单位", "responsible"), ("承担单位", "responsible"), ("经办单位", "responsible"),
                                        ("实施部门", "responsible"), ("行业主管部门", "responsible"),
                                        ("协作单位", "cooperating"), ("联办单位", "cooperating"), ("主管领导", "leader")])
def test_unit_columns_named_as_the_role_labels_are(label, kind):
    # a column header names its units' role the way a label before a colon does (执行单位:X, 协作单位:Y)
    assert column_kinds(["序号", "工作任务", label]) == ["number", "text", kind]


@pytest.mark.parametrize("label", ["部门名称", "单位名称", "职能部门"])
def test_a_column_naming_the_units_alone_is_a_unit_column_leading_the_duties_that_open_with_fuze(label):
    # a duty list 序号 / 单位名称 / 职责: the unit column says no role; a duty opening with 负责 makes its unit lead
    assert column_kinds(["序号", "部门职责", label]) == ["number", "text", "responsible"]
    text = "\n".join(["某县校园安全职责清单", "序号", label, "主要职责", "1", "县教育局", "负责校园安全管理工作。",
                      "2", "县公安局", "依法打击涉校违法犯罪。"])
    doc = parse_text(text, "duties.txt")
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks] == [(["县教育局"], []), ([], ["县公安局"])]
