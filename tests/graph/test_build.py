"""The responsibility graph of the seed: units, kinds, collectives, places, programs, dependencies.

Expected figures were counted by hand from the plan's annex tables (see the
comments), not by re-running the code.
"""

from __future__ import annotations

import io
from collections import Counter

import pytest

from dutygraph.errors import InputError
from dutygraph.graph.build import GraphBuilder, build
from dutygraph.graph.node_link import counts, to_node_link, write_node_link
from dutygraph.graph.schema import DOCUMENT_LABELS, SHARED_LABELS, UNION_PROPERTIES
from dutygraph.loaders import load
from dutygraph.model import Assignment, Document, Provenance, Role, Task
from dutygraph.resolve.gazetteer import Place
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
    assert "unit/株洲市渌口区人民政府" not in units  # 2018-03-31: 株洲县 stays 株洲县 (渌口区 from 2018-06-19)
    assert units["unit/株洲县人民政府"]["jurisdiction"] == "株洲县"
    assert units["unit/攸县人民政府"]["adcode"] == "430223"  # a county government has no city prefix
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
        "株洲县人民政府", "醴陵市人民政府", "攸县人民政府", "茶陵县人民政府", "炎陵县人民政府"}
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
    assert located["A3-1-1"] >= {"醴陵市", "株洲县", "茶陵县", "攸县"}  # 醴陵市、株洲县、茶陵县、攸县 (株洲县 in 2018)
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
    ("株洲市石峰区人民政府", 17), ("攸县人民政府", 15), ("株洲县人民政府", 15), ("株洲市天元区人民政府", 15),
    ("株洲市环境保护局", 15), ("醴陵市人民政府", 15), ("株洲市芦淞区人民政府", 13), ("株洲市荷塘区人民政府", 13),
    ("炎陵县人民政府", 13), ("茶陵县人民政府", 13),
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
    # 市生态环境局, 市财政局 and 渌口区人民政府 (printed in 2019; 株洲县人民政府 in 2018) are new
    assert len(units) == len(nodes(build([seed_doc]), "Unit")) + 3
    # 各区人民政府 in the 2019 plan includes 渌口区 (renamed from 株洲县 in 2018), in the 2018 plan it does not.
    member = g.edges["unit/株洲市渌口区人民政府", "unit/株洲市各区人民政府", "MEMBER_OF"]
    assert member["documents"] == ["doc/zhuzhou-2019-second-plan"]


# -- relationships of one document carry that document ------------------------------------------------------------
def test_in_document_edges_carry_their_one_document(graph):
    in_document = edges(graph, "IN_DOCUMENT")
    assert len(in_document) == 108 + 6 + 7 + 4  # tasks, key works, programs, targets
    for u, v, d in in_document:
        assert d["document"] == v == DOC and "documents" not in d, (u, d)


def test_owned_edges_have_a_document_and_shared_edges_a_documents_list(graph):
    label = {n: d["label"] for n, d in graph.nodes(data=True)}
    for u, v, d in graph.edges(data=True):
        if label[u] in SHARED_LABELS and label[v] in SHARED_LABELS:
            assert "document" not in d and d["documents"] == [DOC], (u, v, d)
        else:
            assert label[u] in DOCUMENT_LABELS or label[v] in DOCUMENT_LABELS
            assert d["document"] == DOC and "documents" not in d, (u, v, d)


# -- document ids: namesakes ---------------------------------------------------------------------------------------
def _copy(path, to):
    to.parent.mkdir(parents=True, exist_ok=True)
    to.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return load(to)


def documents_of(g):
    return sorted(n for n, d in g.nodes(data=True) if d["label"] == "Document")


def test_files_with_the_same_name_in_different_folders_are_different_documents(tmp_path):
    a = _copy(ROOT / "examples" / "zhuzhou-2018-liangxing-plan.txt", tmp_path / "2018" / "plan.txt")
    b = _copy(SECOND, tmp_path / "2019" / "plan.txt")
    g = build([a, b])
    assert documents_of(g) == ["doc/plan-2018", "doc/plan-2019"]
    assert g.nodes["doc/plan-2018"]["source"] == a.source and g.nodes["doc/plan-2019"]["source"] == b.source
    tasks = Counter(d["document"] for _, d in g.nodes(data=True) if d["label"] == "Task")
    assert tasks == {"doc/plan-2018": 108, "doc/plan-2019": len(b.tasks) + len(b.rows)}
    assert g.nodes["unit/株洲市发展和改革委员会"]["documents"] == ["doc/plan-2018", "doc/plan-2019"]
    assert to_node_link(build([b, a])) == to_node_link(g)
    # alone, each is doc/plan again: loading it again replaces it, from wherever it is read
    assert documents_of(build([a])) == documents_of(build([b])) == ["doc/plan"]


def test_namesakes_get_as_many_folders_as_tell_them_apart_and_their_suffix_in_one_folder():
    from dutygraph.graph.build import document_keys

    def keys(*sources):
        return document_keys([Document(s, "计划") for s in sources])

    assert keys("a/x/plan.txt", "b/x/plan.txt", "c/y/plan.txt") == ["plan-a-x", "plan-b-x", "plan-c-y"]
    assert keys("2018/plan.txt", "2018/plan.docx", "2019/plan.txt") == ["plan-2018-txt", "plan-2018-docx",
                                                                       "plan-2019"]
    assert keys("x/plan.txt", "y/other.txt") == ["plan", "other"]
    assert keys("x/plan.txt", "./x/../x/plan.txt") == ["plan", "plan"]  # one file, one document


def test_the_same_document_twice_is_one_document(seed_doc):
    assert to_node_link(build([seed_doc, seed_doc])) == to_node_link(build([seed_doc]))


def test_documents_that_cannot_be_told_apart_are_refused_naming_both_files():
    clash = [Document("2018/plan.txt", "计划"), Document("2019/plan.txt", "计划"), Document("plan-2018.txt", "计划")]
    with pytest.raises(InputError, match=r"2018/plan\.txt and plan-2018\.txt would both be doc/plan-2018: rename"):
        build(clash)
    with pytest.raises(InputError, match=r"a/plan\.txt and a/plan\.txt are the same file with different contents"):
        build([Document("a/plan.txt", "计划", sha256="1"), Document("a/plan.txt", "计划", sha256="2")])


# -- the city of a document without a gazetteer -------------------------------------------------------------------
@pytest.mark.parametrize("issuer, city", [
    ("中共岳阳市委办公室", "岳阳市"),
    ("中国共产党岳阳市委员会", "岳阳市"),
    ("湖南省岳阳市人民政府", "岳阳市"),
    ("岳阳市岳阳楼区人民政府", "岳阳市"),
    ("广西壮族自治区南宁市人民政府", "南宁市"),
    ("湘西土家族苗族自治州人民政府", "湘西土家族苗族自治州"),
    ("锡林郭勒盟行政公署", "锡林郭勒盟"),
    ("湖南省人民政府办公厅", None),
    ("中共湖南省委", None),
])
def test_the_city_is_read_from_the_issuer_without_party_or_province_prefix(issuer, city):
    p = Provenance("yueyang.txt", 3, 3)
    doc = Document("yueyang.txt", "某某工作方案", issuers=[issuer],
                   tasks=[Task("A1-1", "做事。", p, annex=1, row=1, assignments=[Assignment("市财政局", Role.LEAD, p)])])
    g = build([doc])
    assert g.nodes["doc/yueyang"].get("city") == city
    # units printed as 市… are the city's: 岳阳市财政局, not 中共岳阳市财政局
    assert list(nodes(g, "Unit")) == [f"unit/{city}财政局" if city else "unit/市财政局"]


# -- the order of the documents changes nothing --------------------------------------------------------------------
@pytest.fixture(scope="module")
def many_documents(seed_doc):
    """The seed, the second Zhuzhou plan and every dev document that loads (one is the seed again, elsewhere)."""
    docs = [seed_doc, load(SECOND)]
    for path in sorted((ROOT / "tests" / "fixtures" / "dev").glob("*.txt")):
        try:
            docs.append(load(path))
        except InputError:  # 09-beijing: a PDF copy the loader refuses
            pass
    assert len(docs) >= 9
    return docs


def node_link_text(g) -> str:
    out = io.StringIO()
    write_node_link(g, out)
    return out.getvalue()


def test_node_link_json_does_not_depend_on_document_order(many_documents):
    docs = many_documents
    want = node_link_text(build(docs))
    for order in (docs[::-1], docs[3:] + docs[:3], [docs[1], docs[0]] + docs[2:]):
        assert node_link_text(build(order)) == want
    assert node_link_text(build([docs[1], docs[0]])) == node_link_text(build([docs[0], docs[1]]))
    g = build(docs)
    # the seed and its copy among the dev documents are namesakes: told apart by their folders
    assert {"doc/zhuzhou-2018-liangxing-plan-examples", "doc/zhuzhou-2018-liangxing-plan-dev"} <= set(documents_of(g))


def test_lists_are_sorted_and_shared_nodes_keep_the_preferred_value(many_documents, seed_doc):
    g = build(many_documents)
    for n, d in g.nodes(data=True):
        for k in UNION_PROPERTIES:
            if k in d:
                assert d[k] == sorted(set(d[k])), (n, k)
    for u, v, d in g.edges(data=True):
        assert d.get("documents", []) == sorted(set(d.get("documents", [])))
    # 市发改委 (2018) and 市发展和改革委员会 (2019): the shortest printed form, whichever plan comes first
    second = load(SECOND)
    for docs in ([seed_doc, second], [second, seed_doc]):
        assert build(docs).nodes["unit/株洲市发展和改革委员会"]["short_name"] == "市发改委"
    assert build([second]).nodes["unit/株洲市发展和改革委员会"]["short_name"] == "市发展和改革委员会"


def test_gazetteer_aliases_are_sorted_on_a_node_met_once():
    builder = GraphBuilder()
    builder._doc_id = "doc/x"
    pid = builder.place_node(Place("某区", "district", "某市", aliases=("乙", "甲", "丙"), qualified="某市某区"))
    assert builder.graph.nodes[pid]["aliases"] == ["丙", "乙", "甲"]  # code point order, not the gazetteer's
