"""Whole graphs too big to read are folded (dutygraph.viz.fold): counted right, drawn clear in Chromium.

The seed's whole graph (306 nodes) and ten generated plans of six cities (1649 nodes) are
drawn by the real CLI and opened in headless Chromium; what vis-network drew is read back
(tests/viz/test_drawing.py): no visible label on another label or node, no edge over a node
it does not join. Screenshots are saved next to each page under the test's temporary folder.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest


from dutygraph import viz
from dutygraph.queries.networkx_backend import unit_tasks
from dutygraph.viz.fold import FOLD_NODES, FOLDED_MAX, task_programs

from ..conftest import SEED
from .test_drawing import COUNTY, _edges_over_nodes, _label_clashes, _open, _page



@pytest.fixture(scope="module")
def seed_graph(seed_doc):
    from dutygraph.graph.build import build

    return build([seed_doc])


def _tasks(graph) -> list[str]:
    return [n for n, d in graph.nodes(data=True) if d["label"] == "Task"]


def test_seed_whole_graph_folds_every_task_into_its_key_work(seed_graph):
    """108 tasks into the 7 programs of the plan's key works and annex; each unit's line widths add up to its tasks."""
    assert seed_graph.number_of_nodes() > FOLD_NODES
    view = viz.all_view(seed_graph)
    assert view.node_count <= FOLD_NODES
    programs = task_programs(seed_graph, _tasks(seed_graph))
    assert None not in programs.values(), "every seed task belongs to a program"
    folded = {n["id"]: n["folded"] for n in view.nodes if n["group"] == "Program"}
    assert folded == dict(Counter(programs.values()))
    assert sum(folded.values()) == len(_tasks(seed_graph)) == 108
    held = unit_tasks(seed_graph)
    per_unit = Counter()
    for e in view.edges:
        if e["group"] in ("LEADS", "RESPONSIBLE_FOR", "COOPERATES_ON"):
            per_unit[e["from"]] += e["value"]
    assert per_unit == Counter({u: len(ts) for u, ts in held.items()})
    assert any("108 tasks into 7 key works" in note for note in view.notes)


def test_full_draws_every_node(seed_graph):
    """`--full` (make_view's ``full``; the CLI's is drawn in test_drawing.py): the whole graph, unfolded."""
    view = viz.make_view(seed_graph, "all", full=True)
    assert (view.node_count, view.edge_count) == (seed_graph.number_of_nodes(), seed_graph.number_of_edges())
    assert not view.notes


def _page_notes(driver) -> str:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('.dg-fold')).map(function (p) { return p.textContent; })"
        ".join('\\n')")


def test_seed_whole_graph_page_reads(driver, tmp_path):
    """`dutygraph viz --all` on the seed: folded, every node labelled, no label on another, the fold said."""
    path = _page(tmp_path, "seed-all", str(SEED), "--all")
    geo = _open(driver, path)
    assert 40 <= len(geo["nodes"]) <= FOLD_NODES
    assert all(n["label"] for n in geo["nodes"].values()), "a folded view this size labels every node"
    assert _label_clashes(geo) == []
    assert _edges_over_nodes(geo) == []
    notes = _page_notes(driver)
    assert "108 tasks into 7 key works" in notes and "--full" in notes and "93 projects" in notes
    found = driver.execute_script("return window.dgSearch('A2-4-1')")   # a task id: its key work is found
    assert found == ["doc/zhuzhou-2018-liangxing-plan/program/二(二)"]


def test_two_plans_keep_every_unit_and_label_the_largest(driver, tmp_path):
    """A city's plan and a district's (82 nodes folded): units stay one by one, the largest labelled, none clashing."""
    path = _page(tmp_path, "two-plans-all", str(SEED), str(COUNTY), "--all")
    geo = _open(driver, path)
    assert FOLD_NODES < len(geo["nodes"]) <= FOLDED_MAX
    data = driver.execute_script("return JSON.parse(document.getElementById('dg-data').textContent)")
    assert not any(n["group"].startswith("Unit:") and n.get("folded") for n in data["nodes"]), "no unit group"
    labelled = [n for n in geo["nodes"].values() if n["label"]]
    assert len(labelled) >= 30
    biggest = max(geo["nodes"].values(), key=lambda n: n["size"])
    assert biggest["label"]
    assert _label_clashes(geo) == []
    assert _edges_over_nodes(geo) == []


def test_ten_plans_whole_graph_page_reads(driver, tmp_path, ten_plans, ten_plans_graph):
    """Ten plans of six cities (1649 nodes): unit groups × documents, counted right, labels clear."""
    path = _page(tmp_path, "ten-plans-all", str(ten_plans), "--all")
    geo = _open(driver, path)
    assert len(geo["nodes"]) <= FOLDED_MAX < ten_plans_graph.number_of_nodes()
    assert _label_clashes(geo) == []
    assert _edges_over_nodes(geo) == []
    labelled = [i for i, n in geo["nodes"].items() if n["label"]]
    assert len(labelled) >= 0.9 * len(geo["nodes"])
    data = driver.execute_script("return JSON.parse(document.getElementById('dg-data').textContent)")
    documents = [n for n in data["nodes"] if n["group"] == "Document"]
    assert len(documents) == 10
    assert sum(n["folded"] for n in documents) == len(_tasks(ten_plans_graph))
    held = unit_tasks(ten_plans_graph)
    groups = [n for n in data["nodes"] if n["group"].startswith("Unit:")]
    assert sum(n.get("folded", 1) for n in groups) == len(held)
    assert all(re.search(r"×\d+$", n["label"]) for n in groups if n.get("folded"))
    notes = _page_notes(driver)
    assert f"{len(_tasks(ten_plans_graph))} tasks into 10 documents" in notes
    assert f"{len(held)} units into {len(groups)} groups by city and kind" in notes
