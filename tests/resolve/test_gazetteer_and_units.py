"""Gazetteers, unit resolution and place mentions."""

from __future__ import annotations

import pytest

from dutygraph.errors import InputError
from dutygraph.resolve.gazetteer import all_gazetteers, city_of, gazetteer_for, parse_gazetteer
from dutygraph.resolve.places import PlaceFinder
from dutygraph.resolve.units import UnitResolver, unit_kind

ZZ = gazetteer_for("株洲")


@pytest.fixture(scope="module")
def resolver():
    return UnitResolver(ZZ)


def test_zhuzhou_districts_counties_and_zones():
    kinds = {p.name: p.kind for p in ZZ.places}
    assert [n for n, k in kinds.items() if k == "district"] == ["荷塘区", "芦淞区", "石峰区", "天元区", "渌口区"]
    assert {n for n, k in kinds.items() if k in ("county", "county_city")} == {"醴陵市", "攸县", "茶陵县", "炎陵县", "株洲县"}
    assert {"云龙示范区", "天元片区", "清水塘片区"} <= {n for n, k in kinds.items() if k == "zone"}
    assert ZZ.place("株洲县").until == "2018-06-19" and ZZ.place("渌口区").formerly == "株洲县"  # renamed in 2018


def test_collective_members_follow_the_plan_date():
    assert len(ZZ.members("各县市区人民政府", on="2018-03-31")) == 9
    assert [p.name for p in ZZ.members("各区人民政府", on="2018-03-31")] == ["荷塘区", "芦淞区", "石峰区", "天元区"]
    assert "渌口区" in [p.name for p in ZZ.members("各区人民政府", on="2019-03-15")]
    assert "株洲县" in [p.name for p in ZZ.members("各县市人民政府", on="2018-03-31")]
    assert "渌口区" not in [p.name for p in ZZ.members("各县市人民政府", on="2019-03-15")]
    assert ZZ.members("相关区人民政府") == []


def test_city_is_taken_from_issuers():
    assert city_of(["中共株洲市委办公室", "株洲市人民政府办公室"]).city == "株洲市"
    assert city_of(["某某省人民政府"]) is None


def test_extra_gazetteer_folder(tmp_path, monkeypatch):
    (tmp_path / "xiangtan.yaml").write_text("city: 湘潭市\nplaces:\n  - {name: 雨湖区, kind: district}\n", "utf-8")
    monkeypatch.setenv("DUTYGRAPH_GAZETTEERS", str(tmp_path))
    all_gazetteers.cache_clear()
    try:
        g = gazetteer_for("湘潭")
        assert g.place("雨湖区").qualified == "湘潭市雨湖区"
    finally:
        monkeypatch.delenv("DUTYGRAPH_GAZETTEERS")
        all_gazetteers.cache_clear()


def test_malformed_gazetteer_names_its_file():
    with pytest.raises(InputError, match="x.yaml"):
        parse_gazetteer({"places": []}, "x.yaml")


@pytest.mark.parametrize("printed, canonical", [
    ("市发改委", "株洲市发展和改革委员会"),
    ("市发展和改革委员会", "株洲市发展和改革委员会"),
    ("株洲市发展和改革委员会", "株洲市发展和改革委员会"),
    ("市经信委", "株洲市经济和信息化委员会"),
    ("市两型办", "株洲市两型办"),
    ("清水塘投资集团", "株洲市清水塘投资集团"),
    ("市清水塘投资集团", "株洲市清水塘投资集团"),
    ("食品药品监督局", "株洲市食品药品监督局"),
    ("中级人民法院", "株洲市中级人民法院"),
    ("株洲县人民政府", "株洲县人民政府"),  # as printed: never renamed to 渌口区 (a change event links them)
    ("渌口区人民政府", "株洲市渌口区人民政府"),
    ("攸县人民政府", "攸县人民政府"),
    ("天元区人民政府", "株洲市天元区人民政府"),
    ("醴陵市人民政府", "醴陵市人民政府"),
    ("株洲银监分局", "株洲银监分局"),
    ("中国人民银行株洲中心支行", "中国人民银行株洲市中心支行"),
    ("市發展和改革委員會", "株洲市发展和改革委员会"),  # Traditional script
    ("各县市区人民政府", "株洲市各县市区人民政府"),
])
def test_canonical_names(resolver, printed, canonical):
    assert resolver.resolve(printed).name == canonical


@pytest.mark.parametrize("printed, kind", [
    ("中共株洲市委办公室", "party_office"), ("市直机关工委", "party_office"),
    ("株洲市人民政府办公室", "government_office"), ("市政府经济金融办", "government_office"),
    ("市环保局", "department"), ("市清水塘搬迁改造指挥部办公室", "department"),
    ("石峰区人民政府", "district_government"), ("云龙示范区管委会", "management_committee"),
    ("中级人民法院", "court_procuratorate"), ("市人民检察院", "court_procuratorate"),
    ("株洲银监分局", "vertical_agency"), ("中国人民银行株洲中心支行", "vertical_agency"),
    ("市城发集团", "state_owned_group"), ("市公交公司", "enterprise"),
    ("绿心所在地区人民政府", "collective"), ("各市直创建牵头部门", "collective"), ("相关区人民政府", "collective"),
])
def test_unit_kinds(resolver, printed, kind):
    assert resolver.resolve(printed).kind == kind


def test_governments_know_their_place(resolver):
    assert resolver.resolve("石峰区人民政府").place == "石峰区"
    assert resolver.resolve("云龙示范区管委会").place == "云龙示范区"
    assert resolver.resolve("市环保局").place is None


def test_printed_form_is_kept_as_alias(resolver):
    assert "市發展和改革委員會" in resolver.resolve("市發展和改革委員會").aliases


def test_resolution_without_gazetteer_uses_the_city_name():
    r = UnitResolver(None, city="湘潭市")
    assert r.resolve("市财政局").name == "湘潭市财政局"
    assert r.resolve("湘潭市财政局").id == r.resolve("市财政局").id
    assert UnitResolver(None).resolve("市财政局").name == "市财政局"


def test_unit_kind_rules_do_not_need_a_city():
    assert unit_kind("某某县人民政府") == "district_government"


def test_places_in_text():
    finder = PlaceFinder(ZZ)
    found = [(m.place.name, m.printed) for m in finder.find("将清水塘生态科技新城和云龙示范区龙母河沿线区域打造")]
    assert found == [("清水塘片区", "清水塘生态科技新城"), ("云龙示范区", "云龙示范区")]
    assert PlaceFinder(None).find("清水塘") == []
