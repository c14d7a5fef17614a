"""Questions answered in Python over the catalogue's rows (brokers), checked by hand on a small plan."""

from __future__ import annotations

import pytest

from dutygraph.graph.build import build
from dutygraph.model import Assignment, Document, Provenance, Role, Task
from dutygraph.queries import ask
from dutygraph.queries.backends import NetworkxBackend


def _task(tid: str, row: int, lead: str, responsible: list[str]) -> Task:
    p = Provenance("plan.txt", row, row)
    return Task(tid, f"任务{row}。", p, annex=1, row=row,
                assignments=[Assignment(lead, Role.LEAD, p)] + [Assignment(u, Role.RESPONSIBLE, p) for u in responsible])


@pytest.fixture(scope="module")
def backend():
    # Two groups that share only 市财政局: {发改委, 教育局, 财政局} and {财政局, 公安局, 民政局}.
    doc = Document("plan.txt", "湘潭市某工作方案", issuers=["湘潭市人民政府"], tasks=[
        _task("A1-1", 1, "市发改委", ["市教育局", "市财政局"]),
        _task("A1-2", 2, "市公安局", ["市财政局", "市民政局"]),
    ])
    return NetworkxBackend(build([doc]))


def test_the_one_unit_joining_two_groups_is_the_broker(backend):
    rows = ask.brokers(backend, limit=0)
    top = rows[0]
    # By hand: 5 units; the 4 pairs across the groups all pass through 财政局, none through another unit.
    # Normalised betweenness = 4 / ((5 - 1) * (5 - 2) / 2) = 2/3.
    assert top["unit"].endswith("财政局") and top["betweenness"] == round(2 / 3, 6) and top["partners"] == 4
    assert [r["betweenness"] for r in rows[1:]] == [0.0] * 4
    assert {r["partners"] for r in rows[1:]} == {2}


def test_brokers_limit(backend):
    assert len(ask.brokers(backend, limit=2)) == 2 and len(ask.brokers(backend, limit=0)) == 5


def test_a_task_id_in_many_documents_lists_ten_full_ids_and_counts_the_rest():
    from dutygraph.errors import QueryError
    from dutygraph.queries import scoped

    docs = [Document(f"plan-{i:02d}.txt", f"湘潭市第{i}号工作方案", issuers=["湘潭市人民政府"],
                     tasks=[_task("A1-1", 1, "市发改委", ["市教育局"])]) for i in range(12)]
    with pytest.raises(QueryError) as err:
        scoped.task_card(NetworkxBackend(build(docs)), "A1-1")
    message = str(err.value)
    assert "is in 12 documents" in message and message.endswith(" and 2 more")
    assert message.count("/task/A1-1") == 10
