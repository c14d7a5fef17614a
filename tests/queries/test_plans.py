"""dutygraph.queries.documents, .compare and .dates on their own (the CLI tests run them end to end)."""

from __future__ import annotations

import pytest

from dutygraph.errors import QueryError
from dutygraph.queries.compare import pairs
from dutygraph.queries.dates import checked_date
from dutygraph.queries.documents import document_subgraph, match_document

DOCS = [{"id": "doc/zz-2022", "title": "株洲市2022年重点民生实事工作方案", "source": "a/zz-2022.txt"},
        {"id": "doc/zz-2023", "title": "株洲市2023年重点民生实事工作方案", "source": "b/zz-2023.docx"}]


@pytest.mark.parametrize("name, found", [("doc/zz-2022", "doc/zz-2022"), ("zz-2022", "doc/zz-2022"),
                                         ("zz-2023.docx", "doc/zz-2023"), ("b/zz-2023.docx", "doc/zz-2023"),
                                         ("2023年重点", "doc/zz-2023"), ("  zz-2022 ", "doc/zz-2022")])
def test_a_document_is_found_by_each_of_its_names(name, found):
    assert match_document(name, DOCS) == found


@pytest.mark.parametrize("name, message", [("民生实事", "ambiguous"), ("zz", "ambiguous"), ("zz-2024", "no such"),
                                           ("", "no document named")])
def test_an_unknown_or_ambiguous_document_is_an_error(name, message):
    with pytest.raises(QueryError, match=message):
        match_document(name, DOCS)


def test_pairs_match_each_task_once_best_score_first():
    a = ["完成老旧小区改造120个。", "新建公厕30座。", "完成老旧小区改造100个,年底前完工。"]
    b = ["完成老旧小区改造150个。"]
    assert pairs(a, b, 60) == [(0, 0, 100)]          # the closer of two candidates, once
    assert pairs(a, [], 60) == [] and pairs(["新建公厕30座。"], ["建设城市一刻钟便民生活圈。"], 60) == []


def test_numbers_and_punctuation_do_not_count_in_the_score():
    assert pairs(["新增城镇就业3万人。"], ["新增城镇就业3.5万人"], 60) == [(0, 0, 100)]


def test_document_subgraph_keeps_what_the_document_holds_and_names(seed_doc):
    from dutygraph.graph.build import build

    graph = build([seed_doc])
    doc = "doc/zhuzhou-2018-liangxing-plan"
    events = [n for n, d in graph.nodes(data=True) if d.get("label") == "ChangeEvent"]
    assert events  # the seed's bureaus were renamed in the 2018-2019 reform
    # everything but the change events, which link units across plans (not what one document names)
    assert document_subgraph(graph, doc).number_of_nodes() == graph.number_of_nodes() - len(events)
    assert document_subgraph(graph, "doc/other").number_of_nodes() == 0


@pytest.mark.parametrize("text", ["2024-13-01", "2024-02-30", "2023-02-29", "24-01-01", "2024/01/01", ""])
def test_not_a_calendar_day_is_refused(text):
    with pytest.raises(QueryError, match="not a date"):
        checked_date(text)
