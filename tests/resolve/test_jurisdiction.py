"""A name several divisions bear (宝山区: 双鸭山's and Shanghai's) is picked only on evidence (issue 15).

The texts are cut from the real 宝山区 plan in tests/fixtures/real (B28: a task table with no issuer,
whose title names 宝山区 alone) with what a plan may add: an issuer naming its city, a document number,
tasks naming townships, units naming a place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dutygraph.graph.build import build
from dutygraph.loaders import load
from dutygraph.model import Assignment, Document, Provenance, Role, Task
from dutygraph.resolve.jurisdiction import jurisdiction_of, read_jurisdiction

ROOT = Path(__file__).resolve().parents[2]
BAOSHAN = ROOT / "tests" / "fixtures" / "real" / "B28-baoshan-2019-laji-fenlei-table.txt"
TITLE = "2019年宝山区生活垃圾分类减量推进工作联席会议成员单位工作任务清单"
P = Provenance("a.txt", 1, 1)


def plan(*rows, title=TITLE, issuers=(), number=None):
    """A document of task rows (text, lead unit), as the 宝山区 table prints them."""
    tasks = [Task(str(i), text, P, assignments=[Assignment(unit, Role.LEAD, P)])
             for i, (text, unit) in enumerate(rows, start=1)]
    return Document("a.txt", title, issuers=list(issuers), number=number, tasks=tasks)


ROWS = [("召开全区生活垃圾分类工作动员大会。建立区生活垃圾分类减量联席会议制度。", "区政府办公室"),
        ("落实街镇联席办及居（村）委每1-2周的垃圾分类工作分析评价制度。", "区民政局")]


def test_a_name_two_divisions_bear_is_not_guessed():
    reading = read_jurisdiction(plan(*ROWS))
    assert reading.ambiguous and reading.jurisdiction is None
    assert reading.candidate_names == ("双鸭山市宝山区", "上海市宝山区")
    assert reading.proven is None  # Heilongjiang and Shanghai share no division
    assert jurisdiction_of(plan(*ROWS)) is None


def test_the_districts_own_number_is_no_evidence_but_the_province_abbreviation_is():
    assert read_jurisdiction(plan(*ROWS, number="宝府办〔2019〕26号")).ambiguous  # 宝: both are 宝山
    assert jurisdiction_of(plan(*ROWS, number="沪宝府办〔2019〕26号")).display == "上海市宝山区"


@pytest.mark.parametrize("evidence, expected", [
    ({"issuers": ["上海市宝山区人民政府办公室"]}, "上海市宝山区"),  # the parent name
    ({"issuers": ["双鸭山市宝山区人民政府"]}, "双鸭山市宝山区"),
    ({"rows": [("推进罗店镇、月浦镇、杨行镇生活垃圾分类示范。", "区绿化市容局")]}, "上海市宝山区"),  # townships
    ({"rows": [("对接市级生活垃圾全程分类信息平台。", "上海市绿化市容局")]}, "上海市宝山区"),  # a unit naming a place
    ({"rows": [("配合完成生活垃圾处置设施建设。", "双鸭山市城市管理综合执法局")]}, "双鸭山市宝山区"),
])
def test_evidence_picks_one(evidence, expected):
    doc = plan(*ROWS, *evidence.get("rows", ()), issuers=evidence.get("issuers", ()))
    reading = read_jurisdiction(doc)
    assert not reading.ambiguous and reading.jurisdiction.display == expected


def test_evidence_for_both_picks_neither():
    doc = plan(*ROWS, ("对接市级生活垃圾全程分类信息平台。", "上海市绿化市容局"),
               ("配合完成设施建设。", "双鸭山市城市管理综合执法局"))
    assert read_jurisdiction(doc).ambiguous


def test_an_ambiguous_name_keeps_the_level_its_candidates_share():
    reading = read_jurisdiction(plan(("完成老旧小区改造。", "区住建局"), title="桥西区2020年重点工作任务分解"))
    assert reading.ambiguous and set(reading.candidate_names) == {"张家口市桥西区", "石家庄市桥西区"}
    assert reading.proven.name == "河北省"


def test_the_real_baoshan_plan_is_ambiguous_and_its_units_stay_its_own():
    graph = build([load(BAOSHAN)])
    doc = graph.nodes["doc/B28-baoshan-2019-laji-fenlei-table"]
    assert doc["jurisdiction_basis"] == "ambiguous" and doc.get("jurisdiction") is None
    assert doc["jurisdiction_candidates"] == ["双鸭山市宝山区", "上海市宝山区"]
    units = {d["name"] for _, d in graph.nodes(data=True) if d["label"] == "Unit"}
    assert "区民政局" in units and not any("双鸭山" in u or "上海" in u for u in units)


def test_a_shared_level_is_the_documents_jurisdiction_in_the_graph():
    doc = plan(("完成老旧小区改造。", "区住建局"), title="桥西区2020年重点工作任务分解")
    node = build([doc]).nodes["doc/a"]
    assert (node["jurisdiction"], node["jurisdiction_level"], node["jurisdiction_basis"]) == (
        "河北省", "province", "ambiguous")
    assert node["province"] == "河北省"


def test_the_candidates_are_stored_in_cypher_and_sparql(tmp_path):
    from dutygraph.graph.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "store")
    try:
        store.load(build([load(BAOSHAN)]))
        rows = store.cypher("MATCH (d:Document) RETURN d.jurisdiction_basis AS basis, "
                            "d.jurisdiction_candidates AS candidates", {})
        assert [(r["basis"], sorted(r["candidates"])) for r in rows] == [
            ("ambiguous", ["上海市宝山区", "双鸭山市宝山区"])]
        rows = store.sparql("PREFIX dg: <https://w3id.org/dutygraph/ontology#> "
                            "SELECT ?c WHERE { ?d dg:jurisdictionCandidate ?c } ORDER BY ?c", {})
        assert sorted(str(r["c"]) for r in rows) == ["上海市宝山区", "双鸭山市宝山区"]
    finally:
        store.close()


def test_a_township_of_a_city_without_counties_has_the_city_as_parent_and_no_loop():
    # 东莞市 prints no county level: the table's placeholder (市直辖行政区划, the city's own code) is no division
    from dutygraph.resolve.divisions import divisions
    table = divisions()
    town = next(d for d in table.named("东城街道") if d.parent == "441900")
    assert [d.name for d in table.ancestors(town)] == ["东城街道", "东莞市", "广东省"]
    assert table.named("市直辖行政区划") == []
