"""lookup.find gives what match_names gives over every name of the store, reading only a pool.

On the seed, the 2018/2020 plans around the reform and two plans printed in Traditional
script, for names taken from the graph itself (whole, by core, in parts, in the other script)
and typed ones; on the networkx graph for every name, and on a real embedded store (ladybug and
pyoxigraph) for a sample.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dutygraph.graph.build import build
from dutygraph.queries import lookup
from dutygraph.queries.ask import candidates
from dutygraph.queries.backends import NetworkxBackend, SparqlBackend, embedded_backend
from dutygraph.queries.names import core, match_names

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LABEL_SETS = [(("Unit",), False), (("Task",), False), (("Program", "Project", "Place", "Task"), True)]
TYPED = ["市环保局", "株洲市環境保護局", "环保局", "清水塘", "清水塘大桥", "A2-5-1", "A2-5", "S1-1", "黑臭水体",
         "石峰区", "zhuzhou-2018", "doc/zhuzhou-2018-liangxing-plan/task/A2-5-1", "/task/A2", "liangxing",
         "不存在的名字", "發展和改革委員會", "市场监管局", "营商环境"]


@pytest.fixture(scope="module")
def graph(seed_doc):
    from dutygraph.loaders import load

    return build([seed_doc, load(FIXTURES / "identity" / "zhuzhou-2018-huanbao-plan.txt"),
                  load(FIXTURES / "identity" / "zhuzhou-2020-shengtai-plan.txt"),
                  load(FIXTURES / "dev" / "22-xianyang-2022-fangguanfu-trad.txt"),
                  load(FIXTURES / "real" / "B18-guangzhou-2006-zhongdian-trad-brackets.txt")])


def queries(graph) -> list[str]:
    """Typed names, and from every ninth node: its names, their cores, a part of each, the other script."""
    from dutygraph.queries.lookup import traditional
    from dutygraph.resolve.units import simplified

    out = list(TYPED)
    for cand in candidates(NetworkxBackend(graph))[::9]:
        for n in cand.names[:2]:
            out += [n, core(n), n[len(n) // 3: len(n) // 3 + 3], simplified(n), traditional(n)[-1]]
    return [q for q in dict.fromkeys(out) if q.strip()]


def full(backend, name, labels, substring):
    return [c.id for c in match_names(name, candidates(backend), labels, substring=substring)]


def test_the_lookup_finds_what_the_full_match_finds(graph):
    backend = NetworkxBackend(graph)
    everything = candidates(backend)
    qs = queries(graph)
    assert len(qs) > 150
    found_some = 0
    for labels, substring in LABEL_SETS:
        for q in qs:
            expected = [c.id for c in match_names(q, everything, labels, substring=substring)]
            assert [c.id for c in lookup.find(backend, q, labels, substring=substring)] == expected, (q, labels)
            found_some += bool(expected)
    assert found_some > 100


def test_a_traditional_program_name_is_found_by_its_simplified_form(graph):
    backend = NetworkxBackend(graph)
    trad = [c for c in candidates(backend) if c.label in ("Program", "Project") and c.name != core(c.name)
            and any(ch in c.name for ch in "發關區與這舉實產")]
    assert trad, "the Traditional plans hold no program or project name in Traditional script"
    for c in trad[:5]:
        assert c.id in [f.id for f in lookup.find(backend, core(c.name), ("Program", "Project"), substring=True)]


def test_a_document_task_is_found_by_its_task_id(graph):
    backend = NetworkxBackend(graph)
    doc = "doc/zhuzhou-2018-liangxing-plan"
    assert [c.id for c in lookup.find(backend, "A2-5-1", ("Task",), document=doc)] == [f"{doc}/task/A2-5-1"]


def test_the_stores_find_what_networkx_finds(graph, tmp_path):
    from dutygraph.graph.embedded import EmbeddedStore

    reference = NetworkxBackend(graph)
    with EmbeddedStore(tmp_path / "store") as store:
        store.load(graph)
        stores = [embedded_backend(store),
                  SparqlBackend(lambda q, p: store.sparql(q, p), "pyoxigraph")]
        for q in TYPED[::3]:
            for labels, substring in LABEL_SETS:
                expected = full(reference, q, labels, substring)
                for backend in stores:
                    assert [c.id for c in lookup.find(backend, q, labels, substring=substring)] == expected, \
                        (backend.name, q, labels)


def test_a_part_of_a_name_asks_the_store_for_the_names_once(graph):
    """A name found only as a part (the second round) reuses the first round's pool: each of shared-names,
    names-holding and task-names is asked once, and the answer is the full match's."""
    backend = NetworkxBackend(graph)
    asked = []
    ask = backend.ask

    def recording(name, **params):
        asked.append(name)
        return ask(name, **params)

    backend.ask = recording
    labels = ("Program", "Project", "Place", "Task")
    found = [c.id for c in lookup.find(backend, "/task/A2", labels, substring=True)]
    assert found and found == full(NetworkxBackend(graph), "/task/A2", labels, True)
    assert "tasks-holding" in asked
    assert [asked.count(q) for q in ("shared-names", "names-holding", "task-names")] == [1, 1, 1]
