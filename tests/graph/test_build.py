"""The responsibility graph of the seed: units, kinds, collectives, places, programs, dependencies.

Expected figures were counted by hand from the plan's annex tables (see the
comments), not by re-running the code.
"""

from __future__ import annotations

from collections import Counter

import pytest

from dutygraph.graph.build import build
from dutygraph.graph.node_link import counts, to_node_link
from dutygraph.loaders import load
from dutygraph.queries.networkx_backend import top_units

from ..conftest import ROOT

SECOND = ROOT / "tests" / "fixtures" / "zhuzhou-2019-second-plan.txt"
DOC = "doc/zhuzhou-2018-liangxing-plan"


@pytest.fixture(scope="module")
def graph(seed_doc):
    return build([seed_doc])


def nodes(g, label):
    return {n: d for n, d in g.nodes(data=True) if d["label"] == label}


def edges(g, type_):
    return [(u, v, d) for u, v, d in g.edges(data=True) if d["type"] == type_]


def test_counts_per_label(graph):
    c = counts(graph)["nodes"]
    assert c["Document"] == 1 and c["KeyWork"] == 6 and c["Target"] == 4
    assert c["Task"] == 81 + 27  # 81 leaf tasks and the 27 rows that have sub-items
    assert c["Program"] == 7  # six key works (二(五) details annexes 5 and 6) and annex 8 alone


def test_printed_assignments_become_role_edges(graph):
    # 74 lead and 169 responsible unit names are printed across the 81 leaf tasks.
    assert len(edges(graph, "LEADS")) == 74
    assert len(edges(graph, "RESPONSIBLE_FOR")) == 169
    assert all(d["basis"] == "printed" and d["inferred"] is False for _, _, d in edges(graph, "LEADS"))


def test_canonical_units_merge_printed_forms(graph):
    units = nodes(graph, "Unit")
    qst = units["unit/株洲市清水塘投资集团"]
    assert set(qst["aliases"]) == {"清水塘投资集团", "市清水塘投资集团"}
    assert qst["kind"] == "state_owned_group"
    assert units["unit/株洲市发展和改革委员会"]["short_name"] == "市发改委"
    assert "株洲县人民政府" in units["unit/株洲市渌口区人民政府"]["aliases"]  # printed in 2018, renamed 渌口区
    kinds = Counter(d["kind"] for d in units.values())
    assert kinds["collective"] == 7  # 各县市区, 各区, 各县市, 相关区, 相关县市区, 绿心所在地区人民政府, 各市直创建牵头部门
    assert kinds["district_government"] == 9
    assert kinds["court_procuratorate"] == 2 and kinds["vertical_agency"] == 2


def test_members_of_collectives(graph):
    members = {}
    for u, v, d in edges(graph, "MEMBER_OF"):
        assert d["inferred"] is True and d["basis"] == "gazetteer"
        members.setdefault(v, set()).add(graph.nodes[u]["name"])
    assert len(members["unit/株洲市各县市区人民政府"]) == 9
    assert members["unit/株洲市各区人民政府"] == {
        "株洲市荷塘区人民政府", "株洲市芦淞区人民政府", "株洲市石峰区人民政府", "株洲市天元区人民政府"}  # 2018: no 渌口区 yet
    assert members["unit/株洲市各县市人民政府"] == {
        "株洲市渌口区人民政府", "醴陵市人民政府", "株洲市攸县人民政府", "株洲市茶陵县人民政府", "株洲市炎陵县人民政府"}
    assert "unit/株洲市相关区人民政府" not in members  # no known members


def test_governments_govern_their_places(graph):
    governs = {graph.nodes[u]["name"]: graph.nodes[v]["name"] for u, v, _ in edges(graph, "GOVERNS")}
    assert governs["株洲市石峰区人民政府"] == "石峰区"
    assert governs["株洲市云龙示范区管委会"] == "云龙示范区"
    assert len(governs) == 10


def test_places_of_tasks(graph):
    located = {}
    for u, v, d in edges(graph, "LOCATED_IN"):
        if graph.nodes[u]["label"] == "Task":
            located.setdefault(graph.nodes[u]["task_id"], set()).add(graph.nodes[v]["name"])
    assert located["A6-1-1"] == {"云龙示范区"}  # zone column
    assert located["A3-1-1"] >= {"醴陵市", "渌口区", "茶陵县", "攸县"}  # 醴陵市、株洲县、茶陵县、攸县
    assert "清水塘片区" in located["A2-5-1"]  # 清水塘大桥
    assert located["A4-1"] == {"长株潭生态绿心"} if "A4-1" in located else True


TOP_LEAD = [  # counted by hand over the annex tables (lead cells, each applied to its items)
    ("株洲市住房和城乡建设局", 8), ("株洲市两型办", 7), ("株洲市环境保护局", 7), ("株洲市国土资源局", 6),
    ("株洲市发展和改革委员会", 4), ("株洲市清水塘投资集团", 4), ("株洲市经济和信息化委员会", 4), ("株洲市规划局", 4),
]
TOP_RESPONSIBLE = [
    ("株洲市环境保护局", 15), ("株洲市各县市区人民政府", 10), ("株洲市国土资源局", 10), ("株洲市经济和信息化委员会", 10),
    ("株洲市两型办", 9), ("株洲市发展和改革委员会", 8), ("株洲市绿心所在地区人民政府", 6), ("株洲市规划局", 6),
]
# With collectives expanded: 各县市区人民政府 (10 tasks), 各区 (2: A3-5-1/2), 各县市 (3: A8-2-1/2/3) credit their members.
TOP_RESPONSIBLE_EXPANDED = [
    ("株洲市石峰区人民政府", 17), ("株洲市天元区人民政府", 15), ("株洲市攸县人民政府", 15), ("株洲市渌口区人民政府", 15),
    ("株洲市环境保护局", 15), ("醴陵市人民政府", 15), ("株洲市炎陵县人民政府", 13), ("株洲市芦淞区人民政府", 13),
    ("株洲市茶陵县人民政府", 13), ("株洲市荷塘区人民政府", 13),
]


def ranked(graph, role, expand, n=10):
    return [(r["unit"], r["tasks"]) for r in top_units(graph, role, expand, limit=n)]


def test_top_units_by_lead(graph):
    top = ranked(graph, "lead", False)
    assert top[:8] == TOP_LEAD
    assert [n for _, n in top[8:10]] == [3, 3]  # 中级人民法院, 交通运输局, 政府经济金融办 tie at 3


def test_top_units_by_lead_with_collectives_expanded(graph):
    top = ranked(graph, "lead", True)
    assert ("株洲市石峰区人民政府", 4) in top  # 2 printed + A5-1-2 and A5-2-2 via 各县市区人民政府
    assert top[:4] == TOP_LEAD[:4]


def test_top_units_by_responsible(graph):
    top = ranked(graph, "responsible", False)
    assert top[:8] == TOP_RESPONSIBLE
    assert [n for _, n in top[8:10]] == [5, 5]


def test_top_units_by_responsible_with_collectives_expanded(graph):
    assert ranked(graph, "responsible", True) == TOP_RESPONSIBLE_EXPANDED


def test_programs_pair_key_works_with_annexes(graph):
    programs = {d.get("key_work") or d["id"]: d.get("annexes") for d in nodes(graph, "Program").values()}
    assert programs["二(二)"] == [2]
    assert programs["二(五)"] == [5, 6]
    assert programs[f"{DOC}/program/annex-8"] == [8]


def test_qingshuitang_dependencies(graph):
    pid = f"{DOC}/program/二(二)"
    deps = {graph.nodes[u]["task_id"]: d for u, v, d in edges(graph, "DEPENDS_ON") if v == pid}
    annex2 = {t for t in deps if t.startswith("A2-")}
    assert annex2 == {"A2-1", "A2-2-1", "A2-2-2", "A2-3-1", "A2-3-2", "A2-4-1", "A2-4-2", "A2-5-1", "A2-5-2",
                      "A2-5-3"}
    assert all(deps[t]["basis"] == "part_of" for t in annex2)
    # Elsewhere, by hand: A1-8-3 (the project 清水塘老工业区棚户区改造 in a 等项目 list), A3-5-1
    # (清水塘生态科技新城), and the three tasks of 附件6's 清水塘片区 row (zone).
    others = {t: (d["basis"], d["printed"]) for t, d in deps.items() if t not in annex2}
    assert others == {
        "A1-8-3": ("names_project", "清水塘老工业区棚户区改造"),
        "A3-5-1": ("names_program", "清水塘生态科技新城"),
        "A6-3-1": ("names_program", "清水塘片区"),
        "A6-3-2": ("names_program", "清水塘片区"),
        "A6-3-3": ("names_program", "清水塘片区"),
    }
    assert all(d["line_first"] and d["document"] == DOC for d in deps.values())


def test_every_edge_has_provenance(graph):
    for u, v, d in graph.edges(data=True):
        assert d.get("document") or d.get("documents"), (u, v, d)


def test_building_twice_gives_identical_graphs(seed_doc, seed_path):
    assert to_node_link(build([seed_doc])) == to_node_link(build([load(seed_path)]))


def test_two_plans_merge_shared_units(seed_doc):
    g = build([seed_doc, load(SECOND)])
    units = nodes(g, "Unit")
    ndrc = units["unit/株洲市发展和改革委员会"]  # 市发改委 in 2018, 市发展和改革委员会 in 2019
    assert ndrc["documents"] == [DOC, "doc/zhuzhou-2019-second-plan"]
    assert {"市发改委", "市发展和改革委员会"} <= set(ndrc["aliases"])
    assert units["unit/株洲市清水塘投资集团"]["documents"] == [DOC, "doc/zhuzhou-2019-second-plan"]
    assert len(units) == len(nodes(build([seed_doc]), "Unit")) + 2  # 市生态环境局 and 市财政局 are new
    # 各区人民政府 in the 2019 plan includes 渌口区 (renamed from 株洲县 in 2018), in the 2018 plan it does not.
    member = g.edges["unit/株洲市渌口区人民政府", "unit/株洲市各区人民政府", "MEMBER_OF"]
    assert member["documents"] == ["doc/zhuzhou-2019-second-plan"]
