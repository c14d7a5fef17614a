"""Issue 15: units are who they were, where they were (jurisdiction, time, ambiguity).

Real plans of three jurisdictions outside Zhuzhou (苍南县, 芜湖市, 广东省; copied into
tests/fixtures/identity with their source line) next to the seed (株洲市), and plans
written for these tests in the layouts of real ones: two counties of Zhuzhou (攸县,
茶陵县) and a 2018 and a 2020 plan of Zhuzhou around the 2018-2019 reform.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dutygraph.cli import app
from dutygraph.errors import AmbiguousNameError, QueryError
from dutygraph.graph.build import build
from dutygraph.loaders import load
from dutygraph.queries import ask

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "identity"
SEED = ROOT / "examples" / "zhuzhou-2018-liangxing-plan.txt"
ALL = [SEED, *sorted(FIX.glob("*.txt"))]
REFORM = [FIX / "zhuzhou-2018-huanbao-plan.txt", FIX / "zhuzhou-2020-shengtai-plan.txt"]


@pytest.fixture(scope="module")
def graph():
    return build([load(p) for p in ALL])


def _nodes(graph, label):
    return {n: d for n, d in graph.nodes(data=True) if d["label"] == label}


def test_every_document_has_its_jurisdiction(graph):
    got = {n: (d["jurisdiction"], d["jurisdiction_level"], d["adcode"]) for n, d in _nodes(graph, "Document").items()}
    assert got == {
        "doc/zhuzhou-2018-liangxing-plan": ("株洲市", "city", "430200"),
        "doc/zhuzhou-2018-huanbao-plan": ("株洲市", "city", "430200"),
        "doc/zhuzhou-2020-shengtai-plan": ("株洲市", "city", "430200"),
        "doc/youxian-2019-gongzuo-plan": ("攸县", "county", "430223"),
        "doc/chaling-2019-gongzuo-plan": ("茶陵县", "county", "430224"),
        "doc/cangnan-2022-minshi-table": ("苍南县", "county", "330327"),  # by its townships: 灵溪镇, 桥墩镇 …
        "doc/wuhu-2019-zhongdian-table": ("芜湖市", "city", "340200"),
        "doc/guangdong-2023-minjian": ("广东省", "province", "440000"),  # 粤府办
        "doc/tongxiang-2020-gwr-note": ("桐乡市", "county_city", "330483"),
    }


def test_no_unit_is_shared_between_two_governments(graph):
    units = _nodes(graph, "Unit")
    for uid, d in units.items():
        if d.get("adcode"):
            assert d["name"].startswith(d["jurisdiction"]) or d["kind"] == "vertical_agency", uid
    county_ndrc = {d["jurisdiction"] for d in units.values() if d["name"].endswith("发展和改革局")}
    assert county_ndrc == {"攸县", "茶陵县", "桐乡市"}  # 桐乡市 prints 发改局 bare
    assert units["unit/攸县发展和改革局"]["documents"] == ["doc/youxian-2019-gongzuo-plan"]
    assert units["unit/茶陵县发展和改革局"]["documents"] == ["doc/chaling-2019-gongzuo-plan"]
    housing = {d["jurisdiction"] for d in units.values() if d["name"].endswith("住房和城乡建设局")}
    assert housing == {"株洲市", "攸县", "茶陵县", "苍南县"}


def test_an_unplaced_county_plan_keeps_its_relative_names(graph):
    fangxian = load(FIX / "unplaced" / "fangxian-2023-yingshang-clauses.txt")
    g = build([fangxian, load(FIX / "youxian-2019-gongzuo-plan.txt")])
    assert g.nodes["doc/fangxian-2023-yingshang-clauses"].get("jurisdiction") is None  # nothing names 房县
    ndrc = sorted(n for n, d in g.nodes(data=True) if d["label"] == "Unit" and d["name"].endswith(("县发改局", "发展和改革局")))
    assert ndrc == ["unit/县发改局@fangxian-2023-yingshang-clauses", "unit/攸县发展和改革局"]


def test_names_are_read_within_the_document(graph):
    units = _nodes(graph, "Unit")
    assert "县发改局" in units["unit/攸县发展和改革局"]["aliases"]
    assert "市环保局" in units["unit/株洲市环境保护局"]["aliases"]
    assert units["unit/攸县人民政府"]["kind"] == "district_government"  # no city prefix
    assert units["unit/攸县网岭镇人民政府"]["kind"] == "township_government"
    assert units["unit/芜湖市生态环境局"]["jurisdiction"] == "芜湖市"
    assert "交通运输厅" in units["unit/广东省交通运输厅"]["aliases"]
    assert "财政局" in units["unit/桐乡市财政局"]["aliases"]  # printed bare in 桐乡市's plan: its own


def test_the_seed_keeps_zhuzhou_county(graph, backends):
    units = _nodes(graph, "Unit")
    assert "unit/株洲县人民政府" in units and units["unit/株洲县人民政府"]["jurisdiction"] == "株洲县"
    seed_units = {n for n, d in units.items() if "doc/zhuzhou-2018-liangxing-plan" in d["documents"]}
    assert "unit/株洲市渌口区人民政府" not in seed_units
    for b in backends.values():
        assert "株洲县人民政府" in {r["name"] for r in b.ask("names")}


def test_places_come_from_the_division_table(graph):
    located = {(u.split("/task/")[1], graph.nodes[v]["name"]) for u, v, k in graph.edges(keys=True)
               if k == "LOCATED_IN" and u.startswith("doc/zhuzhou-2018-huanbao-plan/")}
    assert ("S2-4", "攸县") in located  # 攸县工业园
    cangnan = {graph.nodes[v]["name"] for u, v, k in graph.edges(keys=True)
               if k == "LOCATED_IN" and u.startswith("doc/cangnan")}
    assert {"灵溪镇", "桥墩镇", "赤溪镇"} <= cangnan
    assert graph.has_edge("place/苍南县灵溪镇", "place/苍南县", "LOCATED_IN")


def test_follow_lists_both_years_under_their_own_names(backends):
    for name, b in backends.items():
        plain = ask.unit_card(b, "环保局", within="株洲市")
        assert {r["unit"] for r in plain} == {"株洲市环境保护局"}, name
        followed = ask.unit_card(b, "环保局", within="株洲市", follow=True)
        units = {(r["document"], r["unit"]) for r in followed}
        assert ("doc/zhuzhou-2018-huanbao-plan", "株洲市环境保护局") in units
        assert ("doc/zhuzhou-2020-shengtai-plan", "株洲市生态环境局") in units
        assert len(followed) == len(plain) + 3  # the 2020 plan's three tasks of 株洲市生态环境局
        assert followed == ask.unit_card(backends["networkx"], "环保局", within="株洲市", follow=True)


def test_change_events_are_the_same_on_every_backend(backends):
    expected = backends["networkx"].ask("changes")
    assert ("change/2019/株洲市环境保护局/株洲市生态环境局", "unit/株洲市环境保护局", "unit/株洲市生态环境局") in {
        (r["event"], r["original"], r["resulting"]) for r in expected}
    for b in backends.values():
        assert b.ask("changes") == expected
        assert b.ask("unit-info") == backends["networkx"].ask("unit-info")


def test_an_ambiguous_name_lists_its_candidates(backends):
    for b in backends.values():
        with pytest.raises(AmbiguousNameError) as err:
            ask.unit_card(b, "住建局")
        assert {(c["unit"], c["jurisdiction"]) for c in err.value.candidates} == {
            ("株洲市住房和城乡建设局", "株洲市"), ("攸县住房和城乡建设局", "攸县"), ("茶陵县住房和城乡建设局", "茶陵县"),
            ("苍南县住房和城乡建设局", "苍南县")}
        assert {r["unit"] for r in ask.unit_card(b, "住建局", within="攸县")} == {"攸县住房和城乡建设局"}
        with pytest.raises(QueryError):
            ask.unit_card(b, "住建局", within="芜湖市")


def test_the_cli_answers_ambiguity_with_exit_status_5(tmp_path):
    runner = CliRunner()
    store = str(tmp_path / "store")
    loaded = runner.invoke(app, ["load", str(SEED), str(FIX / "youxian-2019-gongzuo-plan.txt"), "--store", store])
    assert loaded.exit_code == 0, loaded.stderr
    result = runner.invoke(app, ["unit", "住建局", "--store", store, "--format", "csv"])
    assert result.exit_code == AmbiguousNameError.exit_code == 5
    assert "株洲市住房和城乡建设局,department,株洲市" in result.stdout and "攸县住房和城乡建设局" in result.stdout
    picked = runner.invoke(app, ["unit", "住建局", "--in", "攸县", "--store", store, "--format", "csv"])
    assert picked.exit_code == 0 and "doc/youxian-2019-gongzuo-plan" in picked.stdout


def test_a_user_adds_change_events_in_a_file(tmp_path, monkeypatch):
    from dutygraph.resolve import changes
    from dutygraph.resolve.divisions import divisions

    (tmp_path / "events.csv").write_text(
        "kind,date,jurisdiction,original,resulting,source\n"
        "renamed,2021-01-01,攸县,攸县发展和改革局,攸县发展改革和科技局,县委编办文件\n", encoding="utf-8")
    monkeypatch.setenv("DUTYGRAPH_CHANGE_EVENTS", str(tmp_path))
    changes._rows.cache_clear()
    try:
        found = changes.events_for("攸县发展和改革局", divisions().get("430223"))
        assert [(e.kind, e.resulting) for e in found] == [("renamed", ("攸县发展改革和科技局",))]
    finally:
        monkeypatch.delenv("DUTYGRAPH_CHANGE_EVENTS")
        changes._rows.cache_clear()
