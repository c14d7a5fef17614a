"""Topic search on ladybug through its token index (dutygraph.queries.topics): the answer of reading every
text, and the query sent is the one using the index (its plan looks each token up by primary key).

networkx (which reads every text) is the reference; ladybug answers from a real embedded store. Topics are
parts of the texts (2 to 6 characters, a seeded sample: many straddle the pairs the index holds), one
character, Latin letters and digits, text no task prints, with and without a document.
"""

from __future__ import annotations

import re

import pytest

from dutygraph.graph.schema import TOKEN_EDGE, TOKEN_LABEL
from dutygraph.queries import topics
from dutygraph.queries.backends import CypherBackend, NetworkxBackend
from dutygraph.queries.catalogue import QUESTIONS

from ..graph.test_text_index import graph, store, texts  # noqa: F401 (the same fixtures: one graph, one store)

SEED_DOC = "doc/zhuzhou-2018-liangxing-plan"
EXTRA = ["黑臭水体", "臭水体", "水体整治", "清水塘大桥", "碧水", "水", "塘", "IGBT", "2018", "5G", "不存在的话题"]


class Recording(CypherBackend):
    """The embedded store's backend, keeping every query sent with its parameters."""

    def __init__(self, store):
        self.sent: list[tuple[str, dict]] = []

        def run(query, params):
            self.sent.append((query, dict(params)))
            return store.cypher(query, params)
        super().__init__(run, "embedded")


def test_ladybug_finds_through_its_index_what_reading_every_text_finds(graph, store):
    reference, ladybug = NetworkxBackend(graph), Recording(store)
    indexed = 0
    for text in texts(graph) + EXTRA:
        for document in (None, SEED_DOC):
            ladybug.sent.clear()
            assert topics.search(ladybug, text, document=document) == topics.search(reference, text, document=document), \
                (text, document)
            indexed += any(TOKEN_EDGE in q for q, _ in ladybug.sent)
    assert indexed > 40
    assert topics.search(reference, "IGBT") and topics.search(reference, "水") and topics.search(reference, "2018")


def test_the_ladybug_plan_looks_the_tokens_up_and_never_reads_every_text(store):
    ladybug = Recording(store)
    found = topics.search(ladybug, "黑臭水体")
    assert found
    asked = [(q, p) for q, p in ladybug.sent if f":{TOKEN_EDGE}]" in q and "RETURN t.id AS node" in q]
    assert len(asked) == 1
    query, params = asked[0]
    assert query == QUESTIONS["tasks-indexed"].cypher_text("ladybug")
    assert {params["token_a"], params["token_b"]} <= {"黑臭", "臭水", "水体"} and params["text"] == "黑臭水体"
    assert QUESTIONS["tasks"].cypher_text("ladybug") not in [q for q, _ in ladybug.sent]   # no scan of the texts
    # the user's text travels as a parameter only
    assert "黑臭" not in query and all("黑臭" not in q for q, _ in ladybug.sent)
    # ladybug's plan: each token by its primary key (hash index), then the relationships to the tokens
    plan = "\n".join(str(r) for r in store._stores()[0]._run("EXPLAIN " + query, params))
    assert plan.count("PRIMARY_KEY_SCAN_NODE_TABLE") == 6 and "Index: HASH" in plan   # 2 tokens × 3 branches
    assert f"Tables: {TOKEN_EDGE}" in plan
    assert f"Tables: {TOKEN_LABEL}" not in plan   # no scan of every token


def test_own_keeps_exactly_the_tasks_printing_the_text_on_every_path(graph, store):
    """``own`` (what ``depends`` asks): the rows whose task's own text or title holds the text, no project's or
    program's, whether ladybug asks its token index or reads every text, with and without a document."""
    reference, ladybug = NetworkxBackend(graph), CypherBackend(store.cypher, "embedded")
    checked = 0
    for text in texts(graph) + EXTRA + ["清水塘", "清水塘大桥"]:
        for document in (None, SEED_DOC):
            every = topics.task_hits(reference, text, document or "")
            own = topics.task_hits(reference, text, document or "", own=True)
            assert own == {n: {**h, "via": []} for n, h in every.items() if h["own"]}, (text, document)
            assert topics.task_hits(ladybug, text, document or "", own=True) == own, (text, document)
            checked += len(own) < len(every)
    assert checked > 5   # texts a project or program name holds too


@pytest.mark.parametrize("text", ["水", "IGBT", "2018"])
def test_text_without_two_chinese_characters_in_a_row_is_read_from_every_text(store, graph, text):
    ladybug = Recording(store)
    assert topics.search(ladybug, text) == topics.search(NetworkxBackend(graph), text)
    assert not any(TOKEN_EDGE in q for q, _ in ladybug.sent)
    assert QUESTIONS["tasks"].cypher_text("ladybug") in [q for q, _ in ladybug.sent]


def test_the_embedded_sparql_half_asks_many_holders_in_parts_and_answers_the_same(graph, store, monkeypatch):
    """A name thousands of nodes hold would fill one text past the query guard's length (418,547 characters for a
    busy project at 3,000 plans): the pyoxigraph half asks the holders in parts of at most VALUES_PER_TEXT ids
    and gives exactly what networkx gives (three ids a part here, so that most topics take several parts)."""
    from dutygraph.queries import backends
    from dutygraph.queries.connect import embedded_sparql

    monkeypatch.setattr(backends, "VALUES_PER_TEXT", 3)
    sparql, reference = embedded_sparql(store), NetworkxBackend(graph)
    sent: list[str] = []
    run = sparql.run
    sparql.run = lambda query, bindings: sent.append(query) or run(query, bindings)
    parted = 0
    for text in ["黑臭水体", "清水塘", "清水塘大桥", "水体整治", "搬迁改造", "建设"]:
        for own in (False, True):
            sent.clear()
            assert topics.task_hits(sparql, text, "", own=own) == topics.task_hits(reference, text, "", own=own), text
            filled = [q for q in sent if "VALUES ?t {" in q]
            assert all(len(set(re.findall(r"<https://w3id.org/dutygraph/id/[^>]*>", q))) <= 3 for q in filled)
            parted += len(filled) > 1
    assert parted >= 4
