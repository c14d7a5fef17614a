"""The token index of topic search: what it holds, and that the SPARQL stores answer through it exactly
what reading every text answers (the tasks question with and without tokens, on a real pyoxigraph store)."""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest

from dutygraph.graph import vocab as v
from dutygraph.graph.build import build
from dutygraph.graph.text_index import node_tokens, query_tokens, tokens
from dutygraph.queries.backends import NetworkxBackend, SparqlBackend


@pytest.fixture(scope="module")
def graph(seed_doc):
    from pathlib import Path

    from dutygraph.loaders import load

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    return build([seed_doc, load(fixtures / "identity" / "zhuzhou-2018-huanbao-plan.txt"),
                  load(fixtures / "real" / "B18-guangzhou-2006-zhongdian-trad-brackets.txt")])


@pytest.fixture(scope="module")
def store(graph, tmp_path_factory):
    from dutygraph.graph.embedded import EmbeddedStore

    with EmbeddedStore(tmp_path_factory.mktemp("store")) as s:
        s.load(graph)
        yield s


def test_every_pair_of_chinese_characters_is_a_token_and_nothing_else():
    assert tokens("推进IGBT模块、黑臭水体。", None) == ["推进", "模块", "水体", "臭水", "黑臭"]
    assert query_tokens("黑臭水体整治") == ("黑臭", "整治")
    assert node_tokens({"label": "Task", "kind": "row", "text": "黑臭水体"}) == []
    assert node_tokens({"label": "Unit", "name": "市环保局"}) == []
    assert node_tokens({"label": "Project", "name": "清水塘大桥"}) == ["塘大", "大桥", "水塘", "清水"]


def test_exports_hold_the_tokens_of_each_leaf_task_and_the_embedded_sparql_half_holds_none(graph, store):
    from dutygraph.graph.rdf import to_oxigraph_dataset

    node, data = next((n, d) for n, d in graph.nodes(data=True) if d["label"] == "Task" and d.get("kind") == "item")
    query = "SELECT ?id ?tok WHERE { ?t dcterms:identifier ?id ; dg:textToken ?tok }"
    exported = to_oxigraph_dataset(graph)   # what export and a SPARQL server hold (rdf.graph_ntriples)
    rows = exported.query(query, substitutions={ox.Variable("id"): ox.Literal(node)},
                          prefixes=v.PREFIXES, use_default_graph_as_union=True)
    assert sorted(r["tok"].value for r in rows) == node_tokens(data)
    assert v.TEXT_TOKEN == v.DG + "textToken"
    # the embedded store: ladybug holds the index (HAS_TOKEN), its pyoxigraph half no dg:textToken triple
    assert store.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s dg:textToken ?tok }") == [{"n": 0}]
    held = store.cypher("MATCH (t:Task {id: $id})-[:HAS_TOKEN]->(k:TokenPart) RETURN k.token AS tok", {"id": node})
    assert sorted(r["tok"] for r in held) == node_tokens(data)


def texts(graph, n: int = 40) -> list[str]:
    """Parts of task texts, titles and project names (2 to 6 characters), a seeded sample."""
    rng = random.Random(7)
    sources = [d.get(k) or "" for _, d in graph.nodes(data=True) if d["label"] in ("Task", "Project", "Program")
               for k in ("text", "title", "name")]
    sources = [s for s in sources if len(s) >= 6]
    out = set()
    while len(out) < n:
        s = rng.choice(sources)
        i, k = rng.randrange(len(s) - 5), rng.randint(2, 6)
        out.add(s[i:i + k])
    return sorted(out) + ["黑臭水体", "清水塘", "IGBT", "不存在的话题"]


def test_the_index_answers_what_reading_every_text_answers(graph, store):
    """A SPARQL store holding the tokens as triples (an export, a server), and the embedded store's SPARQL half
    given its candidates by ladybug's index, answer what reading every text answers."""
    from dutygraph.graph.oxigraph_store import result_rows, to_term
    from dutygraph.graph.rdf import to_oxigraph_dataset
    from dutygraph.queries.connect import embedded_sparql

    exported = to_oxigraph_dataset(graph)

    def run(query, bindings):
        subs = {ox.Variable(k): to_term(x) for k, x in bindings.items()}
        return result_rows(exported.query(query, prefixes=v.PREFIXES, substitutions=subs or None,
                                          use_default_graph_as_union=True))

    reference = NetworkxBackend(graph)
    stores = [SparqlBackend(run, "pyoxigraph-tokens"), embedded_sparql(store)]
    used = 0
    for text in texts(graph):
        a, b = query_tokens(text)
        expected = reference.ask("tasks", text=text)
        for sparql in stores:
            if a:
                assert sparql.ask("tasks-indexed", text=text, token_a=a, token_b=b) == expected, (sparql.name, text)
                assert sparql.ask("tasks-indexed", text=text, token_a=b, token_b=a) == expected, (sparql.name, text)
            assert sparql.ask("tasks", text=text) == expected, (sparql.name, text)
        used += bool(a and expected)
    assert used > 20


def test_the_embedded_sparql_half_searches_through_ladybugs_index_with_and_without_a_document(graph, store):
    from dutygraph.queries import topics
    from dutygraph.queries.connect import embedded_sparql

    sent: list[str] = []
    backend = embedded_sparql(store)
    run = backend.run
    backend.run = lambda q, p: sent.append(q) or run(q, p)
    reference = NetworkxBackend(graph)
    for text in texts(graph)[::4] + ["黑臭水体", "清水塘"]:
        for document in (None, "doc/zhuzhou-2018-liangxing-plan"):
            sent.clear()
            assert topics.search(backend, text, document=document) == topics.search(reference, text, document=document)
            if query_tokens(text)[0]:   # the candidates came as VALUES; the text alone as a binding
                assert any("VALUES ?t {" in q for q in sent) and all(text not in q for q in sent), text
