"""Issue 15 on real plans only: a city and two county-level cities of it, next to plans of other provinces.

嘉兴市 (its 2016 民生实事 notice), 平湖市 (its 2024 责任分解) and 桐乡市 (its 2020 政府工作报告 division of
work) are one city and two of its county-level cities (tests/fixtures/identity/jiaxing/ and
tongxiang-2020-gwr-note.txt); 株洲市 (the seed, 湖南省), 苍南县 (温州市), 芜湖市 (安徽省) and 广东省 are the
others. Every file is a real page as stored, with its source line. 平湖市 and 桐乡市 both print their
bureaus bare (发改局, 财政局): each is its own government's.
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
from dutygraph.resolve.divisions import divisions
from dutygraph.resolve.jurisdiction import mentions

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "identity"
SEED = ROOT / "examples" / "zhuzhou-2018-liangxing-plan.txt"
JIAXING, PINGHU = FIX / "jiaxing" / "jiaxing-2016-minshi-labels.txt", FIX / "jiaxing" / "pinghu-2024-gwr-zeren-table.txt"
TONGXIANG = FIX / "tongxiang-2020-gwr-note.txt"
REAL = [SEED, JIAXING, PINGHU, TONGXIANG, FIX / "cangnan-2022-minshi-table.txt",
        FIX / "wuhu-2019-zhongdian-table.txt", FIX / "guangdong-2023-minjian.txt"]
ROLE_EDGES = ("LEADS", "RESPONSIBLE_FOR", "COOPERATES_ON")


@pytest.fixture(scope="module")
def graph():
    return build([load(p) for p in REAL])


def _nodes(graph, label):
    return {n: d for n, d in graph.nodes(data=True) if d["label"] == label}


def test_every_real_document_has_its_jurisdiction(graph):
    got = {n: (d["jurisdiction"], d["jurisdiction_level"], d["adcode"], d["jurisdiction_basis"])
           for n, d in _nodes(graph, "Document").items()}
    assert got == {
        "doc/zhuzhou-2018-liangxing-plan": ("株洲市", "city", "430200", "issuer"),
        "doc/jiaxing-2016-minshi-labels": ("嘉兴市", "city", "330400", "issuer"),  # 嘉兴市人民政府
        "doc/pinghu-2024-gwr-zeren-table": ("平湖市", "county_city", "330482", "issuer"),
        "doc/tongxiang-2020-gwr-note": ("桐乡市", "county_city", "330483", "issuer"),
        "doc/cangnan-2022-minshi-table": ("苍南县", "county", "330327", "places"),  # 灵溪镇, 桥墩镇 …
        "doc/wuhu-2019-zhongdian-table": ("芜湖市", "city", "340200", "title"),
        "doc/guangdong-2023-minjian": ("广东省", "province", "440000", "issuer"),
    }
    table = divisions()
    jiaxing = table.get("330400")
    assert all(table.within(table.get(code), jiaxing) for code in ("330482", "330483"))  # one city's


def _bare(printed: str) -> bool:
    """A name that carries no place of its own (发改局, 县住建局, 市发改委): read within the document."""
    return not any(mentions(printed)) and not printed.startswith(("中国", "中共", "国家"))


def test_no_unit_is_shared_between_two_governments(graph):
    docs = _nodes(graph, "Document")
    units = _nodes(graph, "Unit")
    table = divisions()
    owners: dict[str, set[str]] = {}
    for u, _task, key, data in graph.edges(keys=True, data=True):
        if key in ROLE_EDGES and _bare(data["printed"]):
            owners.setdefault(u, set()).add(docs[data["document"]]["adcode"])
    assert len(owners) > 100 and all(len(governments) == 1 for governments in owners.values()), {
        u: g for u, g in owners.items() if len(g) > 1}
    for uid, (government,) in owners.items():  # a bare name is its document's government's, or one above it
        assert table.within(table.get(government), table.get(units[uid]["adcode"])), uid
    ndrc = {uid: d["documents"] for uid, d in units.items() if "发展和改革局" in d["name"]}
    assert ndrc == {"unit/平湖市发展和改革局": ["doc/pinghu-2024-gwr-zeren-table"],
                    "unit/桐乡市发展和改革局": ["doc/tongxiang-2020-gwr-note"]}
    for bureau in ("财政局", "商务局", "经信局"):  # printed bare in both county-level cities' plans
        assert {d["jurisdiction"] for d in units.values() if d["name"].endswith(bureau)} >= {"平湖市", "桐乡市"}
    assert units["unit/嘉兴市南湖区人民政府"]["kind"] == "district_government"  # 南湖区政府 in the city's plan
    assert units["unit/嘉兴市“五水共治”办"]["jurisdiction"] == "嘉兴市"


def test_an_ambiguous_name_lists_the_candidates_of_the_real_plans(backends):
    for name, b in backends.items():
        with pytest.raises(AmbiguousNameError) as err:
            ask.unit_card(b, "发改局")
        assert [(c["unit"], c["kind"], c["jurisdiction"], c["documents"]) for c in err.value.candidates] == [
            ("平湖市发展和改革局", "department", "平湖市", ["doc/pinghu-2024-gwr-zeren-table"]),
            ("桐乡市发展和改革局", "department", "桐乡市", ["doc/tongxiang-2020-gwr-note"])], name
        with pytest.raises(AmbiguousNameError) as err:
            ask.unit_card(b, "住建局")
        assert {(c["unit"], c["jurisdiction"]) for c in err.value.candidates} == {
            ("株洲市住房和城乡建设局", "株洲市"), ("苍南县住房和城乡建设局", "苍南县")}, name


def test_in_narrows_to_one_government(backends):
    expected = None
    for name, b in backends.items():
        pinghu = ask.unit_card(b, "发改局", within="平湖市")
        assert {r["unit"] for r in pinghu} == {"平湖市发展和改革局"}, name
        assert {r["task"] for r in pinghu} == {"A1-1", "A1-3", "A1-5"}  # 生产总值, 固定资产投资, 服务业增加值
        assert {r["unit"] for r in ask.unit_card(b, "发改局", within="doc/tongxiang-2020-gwr-note")} == {
            "桐乡市发展和改革局"}
        assert {r["document"] for r in ask.unit_card(b, "住建局", within="苍南县")} == {
            "doc/cangnan-2022-minshi-table"}
        with pytest.raises(QueryError):
            ask.unit_card(b, "发改局", within="嘉兴市")  # the city's plan prints no 发改局
        expected = expected or pinghu
        assert pinghu == expected, name


def test_the_cli_answers_with_the_candidates_and_exit_status_5(tmp_path):
    runner = CliRunner()
    store = str(tmp_path / "store")
    loaded = runner.invoke(app, ["load", str(JIAXING), str(PINGHU), str(TONGXIANG), "--store", store])
    assert loaded.exit_code == 0, loaded.stderr
    result = runner.invoke(app, ["unit", "发改局", "--store", store, "--format", "csv"])
    assert result.exit_code == AmbiguousNameError.exit_code == 5
    assert result.stdout.splitlines()[1:] == [
        "平湖市发展和改革局,department,平湖市,doc/pinghu-2024-gwr-zeren-table",
        "桐乡市发展和改革局,department,桐乡市,doc/tongxiang-2020-gwr-note"]
    picked = runner.invoke(app, ["unit", "发改局", "--in", "桐乡市", "--store", store, "--format", "csv"])
    assert picked.exit_code == 0 and {ln.split(",")[0] for ln in picked.stdout.splitlines()[1:]} == {
        "桐乡市发展和改革局"}
