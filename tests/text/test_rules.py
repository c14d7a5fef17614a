"""The string rules (units, markers, dates, amounts, targets) on snippets written for the test."""

from __future__ import annotations

import pytest

from dutygraph.text.amounts import find_amounts
from dutygraph.text.dates import find_deadlines, parse_date
from dutygraph.text.markers import chinese_numeral, match_item, match_section, match_subsection
from dutygraph.text.targets import parse_targets
from dutygraph.text.units import is_unit_name, looks_like_unit_list, split_units


@pytest.mark.parametrize("cell, names", [
    ("市发改委、市财政局", ["市发改委", "市财政局"]),
    ("市发改委,市财政局;各区政府", ["市发改委", "市财政局", "各区政府"]),
    ("市人力资源和社会保障局", ["市人力资源和社会保障局"]),
    ("市财政局及市审计局", ["市财政局", "市审计局"]),
    ("各县(市、区)党委和人民政府", ["各县(市、区)党委和人民政府"]),
    ("市交通局（市港航局）、市公安局", ["市交通局（市港航局）", "市公安局"]),
    ("长沙、株洲、湘潭市政府", ["长沙、株洲、湘潭市政府"]),
    ("市住建局等有关部门", ["市住建局"]),
    ("\u00a0市水利局 ", ["市水利局"]),
    ("", []),
])
def test_split_units(cell, names):
    assert split_units(cell) == names


@pytest.mark.parametrize("name, expected", [
    ("市环保局", True), ("中级人民法院", True), ("株洲银监分局", True), ("中国人民银行株洲中心支行", True),
    ("市清水塘搬迁改造指挥部办公室", True), ("云龙示范区管委会", True), ("绿心所在地区人民政府", True),
    ("市政府经济", False), ("碧水工程", False), ("局", False), ("完成投资,确保开工", False),
])
def test_is_unit_name(name, expected):
    assert is_unit_name(name) is expected


def test_unit_list_lines_versus_text_lines():
    assert looks_like_unit_list("市经信委、市环保局、株洲银监分局")
    assert not looks_like_unit_list("全面完成550个行政村的农村环境整治任务。")
    assert not looks_like_unit_list("绿色金融")


@pytest.mark.parametrize("line, expected, number", [
    ("(1)完成", None, 1), ("(12)完成", None, 12), ("3)完成", None, 3), ("3、完成", None, 3), ("3.完成", None, 3),
    ("3完成", 3, 3), ("3完成", 2, None), ("2018年完成", 1, None), ("550个村", 1, None), ("1.5亿元", 1, None),
])
def test_item_markers(line, expected, number):
    m = match_item(line, expected=expected)
    assert (m.number if m else None) == number


def test_headings():
    assert match_section("三、保障措施") == ("三", "保障措施")
    assert match_subsection("(四)严格保护发展绿心。") == ("四", "严格保护发展绿心。")
    assert chinese_numeral("十四") == 14


@pytest.mark.parametrize("printed, iso", [
    ("2018331", "2018-03-31"), ("2018-4-26", "2018-04-26"), ("2021年3月21日", "2021-03-21"),
    ("20181231", "2018-12-31"), ("2018年", None), ("2018-13-01", None),
])
def test_parse_date(printed, iso):
    assert parse_date(printed) == iso


@pytest.mark.parametrize("text, year, found", [
    ("确保上半年全面启动", 2019, [("上半年", "2019-06-30")]),
    ("6月底前完成", 2019, [("6月底前", "2019-06-30")]),
    ("年底前全部退出到位", 2019, [("年底前", "2019-12-31")]),
    ("力争年内开工", 2019, [("年内", "2019-12-31")]),
    ("三季度末前完成", 2019, [("三季度末前", "2019-09-30")]),
    ("2020年9月15日前完成", 2019, [("2020年9月15日前", "2020-09-15")]),
    ("到2025年基本建成", 2019, [("到2025年", "2025-12-31")]),
    ("力争年内开工", None, [("年内", None)]),
    ("按照三年攻坚、五年内完成、十年建成", 2019, []),
])
def test_find_deadlines(text, year, found):
    assert [(d.printed, d.date) for d in find_deadlines(text, year)] == found


def test_find_amounts():
    found = find_amounts("完成投资约1.8亿元,争取资金500万元,建设2000台")
    assert [(a.printed, a.value, a.unit) for a in found] == [("1.8亿元", 1.8e8, "元"), ("500万元", 5e6, "元")]
    assert find_amounts("新增学位5000个,造林2000亩") == []


def test_parse_targets():
    targets = parse_targets("PM2.5浓度控制在35微克/立方米以内,优良天数比例达到80%。")
    assert [(t.indicator, t.relation, t.value) for t in targets] == [
        ("PM2.5浓度", "控制在", "35微克/立方米以内"), ("优良天数比例", "达到", "80%")]
