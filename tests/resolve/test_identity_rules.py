"""Divisions, jurisdictions, unit names within a jurisdiction as of a date, and change events."""

from __future__ import annotations

import pytest

from dutygraph.model import Assignment, Document, Provenance, Role, Task
from dutygraph.resolve.changes import events_for
from dutygraph.resolve.divisions import divisions
from dutygraph.resolve.jurisdiction import Jurisdiction, jurisdiction_of
from dutygraph.resolve.units import UnitResolver

T = divisions()
ZHUZHOU, YOUXIAN = T.get("430200"), T.get("430223")


def resolver(division, on=None, scope=None):
    return UnitResolver(None, jurisdiction=Jurisdiction(division, "test"), on=on, scope=scope)


def test_the_table_covers_every_level_with_adcodes():
    levels = {d.level for d in T.by_key.values()}
    assert {"province", "municipality", "city", "prefecture", "county", "county_city", "district",
            "township", "subdistrict"} <= levels
    assert T.get("440000").abbreviation == "粤" and T.get("430000").abbreviation == "湘"
    assert {d.name for d in T.children("430223")} >= {"网岭镇", "皇图岭镇"}
    assert T.qualified(T.get("430223/网岭镇")) == "湖南省株洲市攸县网岭镇"


def test_a_former_division_holds_until_its_change():
    former = T.named("株洲县")[0]
    assert former.valid_on("2018-03-31") and not former.valid_on("2018-06-19") and not former.valid_on(None)
    assert T.get("430212").since == "2018-06-19" and T.formers("430212") == [former]


@pytest.mark.parametrize("issuer, title, number, expected", [
    ("中共株洲市委办公室", "", None, "株洲市"),
    ("湖南省岳阳市岳阳楼区人民政府", "", None, "岳阳市岳阳楼区"),
    ("", "关于印发《攸县2019年工作要点》的通知", None, "攸县"),
    ("", "通知", "攸政办发〔2019〕5号", "攸县"),
    ("", "通知", "株政办发〔2018〕21号", "株洲市"),
    ("", "通知", "粤府办〔2023〕5号", "广东省"),
    ("廣州市人民政府辦公廳", "", None, "广州市"),  # Traditional script
])
def test_jurisdiction_from_issuer_title_or_number(issuer, title, number, expected):
    doc = Document("a.txt", title, issuers=[issuer] if issuer else [], number=number)
    assert jurisdiction_of(doc).display == expected


def test_a_document_naming_no_government_is_placed_by_its_townships():
    p = Provenance("a.txt", 1, 1)
    tasks = [Task("1", "建成桥墩镇、赤溪镇、灵溪镇中心敬老院。", p, assignments=[Assignment("县民政局", Role.LEAD, p)])]
    j = jurisdiction_of(Document("a.txt", "2022年度民生实事进度表", tasks=tasks))
    assert (j.display, j.basis) == ("苍南县", "places")
    assert jurisdiction_of(Document("b.txt", "某某工作方案")) is None


def test_relative_names_mean_the_documents_government():
    county = resolver(YOUXIAN, on="2019-03-01")
    assert county.resolve("县发改局").name == "攸县发展和改革局"
    assert county.resolve("县政府").name == "攸县人民政府"
    assert county.resolve("市环保局").name == "株洲市环境保护局"  # the city above the county
    assert county.resolve("省发展改革委").name == "湖南省发展和改革委员会"  # the province's
    assert county.resolve("财政局").name == "攸县财政局"  # printed bare: the county's own
    assert county.resolve("网岭镇人民政府").kind == "township_government"
    city = resolver(ZHUZHOU, on="2018-03-31")
    assert city.resolve("省发展改革委").jurisdiction == "湖南省"
    assert city.resolve("市场监督管理局").name == "株洲市市场监督管理局"  # 市场 is no relative 市
    assert city.resolve("攸县人民政府").name == "攸县人民政府"  # no city prefix for a county
    assert city.resolve("天元区人民政府").name == "株洲市天元区人民政府"
    assert city.resolve("国家发展改革委").jurisdiction is None
    jiaxing = resolver(T.get("330400"))
    assert jiaxing.resolve("市“五水共治”办").name == "嘉兴市“五水共治”办"  # 市 before a quoted name is relative too


def test_a_unit_is_the_one_printed_on_the_documents_date():
    assert resolver(ZHUZHOU, on="2018-03-31").resolve("株洲县人民政府").name == "株洲县人民政府"
    assert resolver(ZHUZHOU, on="2020-03-18").resolve("渌口区人民政府").name == "株洲市渌口区人民政府"
    # printed after the change, the old name still stays as printed (nothing is renamed, either way)
    assert resolver(ZHUZHOU, on="2020-03-18").resolve("株洲县人民政府").name == "株洲县人民政府"


def test_two_counties_never_share_a_unit_and_unplaced_plans_keep_theirs():
    chaling = resolver(T.get("430224"))
    assert resolver(YOUXIAN).resolve("县发改局").id != chaling.resolve("县发改局").id
    a, b = UnitResolver(None, scope="a"), UnitResolver(None, scope="b")
    assert a.resolve("县发改局").id != b.resolve("县发改局").id
    assert a.resolve("教育部").id == b.resolve("教育部").id  # a name that is not relative is one unit


def test_change_events_link_the_unit_before_and_after():
    assert [(e.kind, e.resulting) for e in events_for("株洲市环境保护局", ZHUZHOU)] == [
        ("renamed", ("株洲市生态环境局",))]
    assert [e.original for e in events_for("攸县生态环境局", YOUXIAN)] == [("攸县环境保护局",)]
    merged = {e.id: e for e in events_for("株洲市规划局", ZHUZHOU)}
    assert list(merged) == ["change/2019/株洲市国土资源局+株洲市规划局/株洲市自然资源和规划局"]
    back = events_for("株洲市渌口区发展和改革局", T.get("430212"))
    assert [(e.kind, e.original, e.date) for e in back] == [
        ("county_to_district", ("株洲县发展和改革局",), "2018-06-19")]
    assert events_for("湖南省环境保护厅", T.get("430000")) == []  # the patterns are for local governments


def test_names_that_carry_their_own_place_are_kept():
    taizhou = resolver(T.get("331000"))
    assert taizhou.resolve("台州湾产业集聚区管委会").name == "台州湾产业集聚区管委会"  # 台州 is no division's full name
    assert resolver(T.get("370700")).resolve("人民银行潍坊市中心支行").name == "人民银行潍坊市中心支行"
    zhonglou = resolver(T.get("320404"))
    street = zhonglou.resolve("五星街道")
    assert (street.name, street.kind, street.adcode) == ("常州市钟楼区五星街道", "township_government", "320404/五星街道")
    county = resolver(ZHUZHOU).resolve("攸县")
    assert (county.name, county.kind) == ("攸县人民政府", "district_government")  # a county printed alone


def test_central_and_provincial_plans_without_an_issuer():
    p = Provenance("a.txt", 1, 1)

    def doc(*units, number=None):
        tasks = [Task(str(i), "做事。", p, assignments=[Assignment(u, Role.LEAD, p)]) for i, u in enumerate(units)]
        return Document("a.txt", "工作要点", number=number, tasks=tasks)

    national = jurisdiction_of(doc("教育部", number="国办发〔2018〕121号"))
    assert (national.display, national.level, national.basis) == ("中华人民共和国", "national", "number")
    assert jurisdiction_of(doc("教育部", "财政部", "市场监管总局", "国家发展改革委")).level == "national"
    assert resolver(T.get("100000")).resolve("教育部").name == "教育部"  # national bodies: no place
    province = jurisdiction_of(doc("省发展改革委", "省财政厅", "人民银行广东省分行"))
    assert (province.display, province.basis) == ("广东省", "units")
