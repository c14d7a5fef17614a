"""Script and printing folds made before a text is read (dutygraph.loaders.script), on invented plans."""

from __future__ import annotations

from dutygraph.loaders.plain_text import parse_plain_text
from dutygraph.loaders.script import unspaced

PLAN = """关于印发某县美丽乡村建设工作方案的通知

一、主要任务
1.完善农村道路养护机制，提高养护水平。
牵头单位：县交通运输局
配合单位：县财政局、各乡镇人民政府
2.推进农村生活垃圾分类。（县住建局牵头，县城管局配合）
"""


def _spaced(text: str) -> str:
    """Every two CJK characters a space apart, the gaps that were there wider (a letter-spaced PDF copy)."""
    import re

    return re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", " ", re.sub(r"(?<=\S) (?=\S)", "  ", text))


def _read(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    doc = parse_plain_text(text, "plan.txt")
    return [(t.text[:6], sorted((a.role.value, a.unit) for a in t.assignments)) for t in doc.tasks]


def test_a_letter_spaced_copy_reads_as_the_plan_printed_plainly():
    spaced = _spaced(PLAN)
    assert "县 交 通 运 输 局" in spaced
    assert [units for _, units in _read(spaced)] == [units for _, units in _read(PLAN)]
    assert _read(PLAN)[0][1] == sorted([("lead", "县交通运输局"), ("cooperating", "县财政局"), ("cooperating", "各乡镇人民政府")])


def test_units_of_a_letter_spaced_copy_are_printed_without_the_spacing():
    names = {unit for _, units in _read(_spaced(PLAN)) for _, unit in units}
    assert "县交通运输局" in names and not any(" " in n for n in names)


def test_lines_whose_characters_touch_keep_their_spaces():
    text = "序号 任务 责任单位\n1 完善 县 财政局\n市财政局 配合"
    assert unspaced(text) == text


def test_a_clause_s_labels_whose_colons_were_dropped_read_as_labels():
    # (牵头领导 X,责任单位 Y): a copy that lost the colons after the labels inside a bracket clause
    plan = ("关于印发某区十大民生实事项目的通知\n\n"
            "1.医疗服务提升工程。新建社区卫生服务站3个。(牵头领导 李四,责任单位 区卫生健康局)\n"
            "2.教育提升工程。新建幼儿园2所。(牵头领导 王五，责任单位 区教育局、区财政局)\n")
    doc = parse_plain_text(plan, "plan.txt")
    assert [sorted(a.unit for a in t.assignments) for t in doc.tasks] == [["区卫生健康局"], ["区教育局", "区财政局"]]
    assert [t.leaders for t in doc.tasks] == [["李四"], ["王五"]]


def test_a_header_of_label_names_gets_no_colon():
    from dutygraph.loaders.script import spaced_colons

    for header in ("序号 重点任务 牵头单位 责任单位 完成时限", "(牵头单位 责任单位)", "，责任单位 配合单位"):
        assert spaced_colons(header) == header


def test_a_text_joined_from_a_heading_and_its_paragraph_is_printed_with_its_glosses():
    from dutygraph.loaders.script import fold
    printed = "一、加強(qiáng)組織領(lǐng)導(dǎo) 各地區(qū)、各部門(mén)要切實(shí)履行職責(zé),抓好落實(shí)。"
    folded, printer = fold(printed)
    assert folded == "一、加强组织领导 各地区、各部门要切实履行职责,抓好落实。"
    # a reader joins the heading and its paragraph with a stop the copy does not print
    assert printer("加强组织领导。各地区、各部门要切实履行职责") == \
        "加強(qiáng)組織領(lǐng)導(dǎo)。各地區(qū)、各部門(mén)要切實(shí)履行職責(zé)"
