"""Pictures that read, measured in a real headless Chromium on pages the real CLI wrote.

Each page is opened offline (dutygraph.viz.browser) and what vis-network drew is read
back in canvas units: node positions and sizes, the box of every label drawn, and
points along every edge as drawn (straight or curved). A screenshot of each page is
saved under the test's temporary folder.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner


from dutygraph import viz
from dutygraph.cli import app
from dutygraph.graph.build import build
from dutygraph.loaders import load
from dutygraph.queries import ask
from dutygraph.queries.backends import NetworkxBackend
from dutygraph.viz import browser, layout, style

from ..conftest import ROOT, SEED

COUNTY = ROOT / "tests" / "fixtures" / "dev" / "10-zhonglou-2021-minsheng-docx-glued.txt"
runner = CliRunner()



def _page(tmp_path: Path, name: str, *args: str) -> Path:
    out = tmp_path / f"{name}.html"
    result = runner.invoke(app, ["viz", *args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _open(driver, path: Path) -> dict:
    browser.open_view(driver, path)
    driver.save_screenshot(str(path.with_suffix(".png")))
    return browser.geometry(driver, samples=SAMPLES)


SAMPLES = 101   # points read along each drawn edge (ends included); the line between two is checked whole


def _overlap(a, b, gap: float = 0.0) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def _node_box(n: dict) -> tuple[float, float, float, float]:
    return (n["x"] - n["size"], n["y"] - n["size"], n["x"] + n["size"], n["y"] + n["size"])


def _label_clashes(geo: dict) -> list[tuple[str, str]]:
    """Pairs (label's node, other node) where a drawn label covers another label or another node."""
    nodes = geo["nodes"]
    clashes = []
    labelled = [(i, n["label"]) for i, n in nodes.items() if n["label"]]
    for (i, a), (j, b) in itertools.combinations(labelled, 2):
        if _overlap(a, b):
            clashes.append((i, j))
    for i, box in labelled:
        clashes.extend((i, j) for j, n in nodes.items() if j != i and _overlap(box, _node_box(n)))
    return clashes


def _segment_distance(p, a, b) -> float:
    """Distance from point ``p`` to the segment from ``a`` to ``b``."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _edges_over_nodes(geo: dict) -> list[tuple[str, str]]:
    """(edge, node) for every drawn edge passing over a node it does not join.

    The edge as drawn (straight or curved) is read as SAMPLES points, ends included; a node
    is passed over when any piece of the line between two points comes nearer its centre
    than its size (the radius vis-network draws it with).
    """
    hits = []
    for eid, e in geo["edges"].items():
        pts = e["points"]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        box = (min(xs), min(ys), max(xs), max(ys))
        for nid, n in geo["nodes"].items():
            if nid in (e["from"], e["to"]) or not _overlap(box, _node_box(n)):
                continue
            if any(_segment_distance((n["x"], n["y"]), a, b) < n["size"] for a, b in zip(pts, pts[1:])):
                hits.append((eid, nid))
    return hits


def test_first_drawing_is_at_once_and_stays(driver, tmp_path):
    """The page draws the positions it was given at once: no empty canvas while a layout runs."""
    path = _page(tmp_path, "partners", str(SEED), "--partners")
    browser.open_view(driver, path)
    first = browser.first_draw(driver)
    assert first is not None and first["ms"] < 3000, first   # a generous bound: it is one draw, ~0.1 s here
    assert browser.painted_share(driver) > 0.02, "the first drawing is empty"
    assert driver.execute_script("return window.dgNetwork.physics.options.enabled") is False
    expected = {n["id"]: (n["x"], n["y"]) for n in driver.execute_script(
        "return JSON.parse(document.getElementById('dg-data').textContent).nodes")}
    drawn = browser.geometry(driver)["nodes"]
    assert {i: (n["x"], n["y"]) for i, n in drawn.items()} == expected


def test_physics_is_optional(driver, tmp_path):
    path = _page(tmp_path, "moving", str(SEED), "--partners", "--physics")
    state = browser.open_view(driver, path)
    assert state["stabilized"]["iterations"] and state["stabilized"]["iterations"] > 0


def test_disconnected_groups_are_drawn_apart(driver, tmp_path):
    """A city plan and a district plan share no unit: their partner groups must not overlap on screen."""
    path = _page(tmp_path, "two-plans", str(SEED), str(COUNTY), "--partners")
    geo = _open(driver, path)
    groups = _groups(geo)
    find = {n: i for i, g in enumerate(groups) for n in g}.get
    assert len(groups) >= 2
    city = {find(n) for n in geo["nodes"] if n.startswith("unit/株洲市")}
    assert len(city) == 1 and len(groups) > 1, "the district's units are a group of their own"
    boxes = []
    for members in groups:
        b = [_node_box(geo["nodes"][m]) for m in members]
        boxes.append((min(x[0] for x in b), min(x[1] for x in b), max(x[2] for x in b), max(x[3] for x in b)))
    for a, b in itertools.combinations(boxes, 2):
        assert not _overlap(a, b, gap=layout.GAP / 2), (a, b)


def test_partners_labels_do_not_overlap_and_read(driver, tmp_path):
    """`dutygraph viz --partners` on the seed: every unit labelled, no label on another, readable when fitted."""
    path = _page(tmp_path, "seed-partners", str(SEED), "--partners")
    geo = _open(driver, path)
    assert len(geo["nodes"]) >= 60
    assert _label_clashes(geo) == []
    assert all(n["label"] for n in geo["nodes"].values()), "60 units: all labelled"
    assert geo["scale"] * layout.FONT >= 9, f"labels {geo['scale'] * layout.FONT:.1f} px high when fitted"
    note = driver.execute_script("return document.querySelector('.dg-note').textContent")
    assert "株洲市" in note   # the units' shared jurisdiction is said to be left out of their labels


def test_big_views_label_the_top_nodes_others_on_hover(driver, tmp_path):
    path = _page(tmp_path, "all", str(SEED), "--all", "--full")
    geo = _open(driver, path)
    assert len(geo["nodes"]) > layout.LABEL_ALL
    labelled = [i for i, n in geo["nodes"].items() if n["label"]]
    assert 10 <= len(labelled) <= layout.LABEL_TOP + layout.LABELS_PER_GROUP * layout.LABELLED_GROUPS
    assert _label_clashes(geo) == []
    unlabelled = next(i for i, n in geo["nodes"].items() if not n["label"] and i.startswith("unit/"))
    tip = driver.execute_script("return window.dgNodes.get(arguments[0]).title.textContent", unlabelled)
    assert unlabelled.removeprefix("unit/") in tip   # the name is there on hover
    biggest = max((n for n in geo["nodes"].values()), key=lambda n: n["size"])
    assert biggest["label"], "the biggest node is labelled"


def _groups(geo: dict) -> list[list[str]]:
    """The connected groups of what the page drew."""
    parent = {n: n for n in geo["nodes"]}

    def find(n):
        while parent[n] != n:
            n = parent[n]
        return n
    for e in geo["edges"].values():
        parent[find(e["from"])] = find(e["to"])
    groups: dict[str, list[str]] = {}
    for n in geo["nodes"]:
        groups.setdefault(find(n), []).append(n)
    return list(groups.values())


def test_every_group_of_a_big_view_has_labels(driver, tmp_path):
    """Two plans' whole graph (300+ nodes): the district plan's small group is labelled too, not only the city's."""
    path = _page(tmp_path, "all-two", str(SEED), str(COUNTY), "--all", "--full")
    geo = _open(driver, path)
    assert len(geo["nodes"]) > layout.LABEL_ALL
    groups = [g for g in _groups(geo) if len(g) >= 5]
    assert len(groups) >= 2
    for group in groups:
        assert any(geo["nodes"][n]["label"] for n in group), f"a group of {len(group)} nodes without a label"
    assert _label_clashes(geo) == []


@pytest.mark.parametrize("args", [("--partners",), ("--all",), ("--unit", "市发改委"), ("--unit", "市发改委", "--depth", "2"),
                                  ("--depends", "清水塘"), ("--depends", "湘江")], ids=lambda a: "-".join(a))
def test_no_edge_runs_through_an_unrelated_node(driver, tmp_path, args):
    """The seed's views as the README shows them, and the dense unit view (depth 2: 137 nodes, 338 edges): 0 drawn
    edges (straight or bent) over a node they do not join."""
    path = _page(tmp_path, args[0].strip("-"), str(SEED), *args)
    geo = _open(driver, path)
    assert geo["edges"]
    assert _edges_over_nodes(geo) == []
    assert _label_clashes(geo) == []


def test_dense_partners_view_bends_edges_off_nodes(driver, tmp_path):
    """246 pairs among 60 units: every edge clears the nodes it does not join, some of them bent to."""
    path = _page(tmp_path, "seed-partners", str(SEED), "--partners")
    geo = _open(driver, path)
    assert len(geo["edges"]) >= 200
    bent = driver.execute_script("return window.dgEdges.get().filter(function (e) { return !!e.smooth; }).length")
    assert bent > 0
    assert _edges_over_nodes(geo) == []


def test_the_crossing_count_sees_an_edge_over_a_node():
    """The measure itself: a small node on a line between two of its sampled points is found."""
    geo = {"nodes": {"a": {"x": -300, "y": 0, "size": 8}, "b": {"x": 300, "y": 0, "size": 8},
                     "c": {"x": 3, "y": 2, "size": 3}, "d": {"x": 3, "y": 40, "size": 3}},
           "edges": {"e": {"from": "a", "to": "b", "points": [[-300, 0], [-100, 0], [100, 0], [300, 0]]}}}
    assert _edges_over_nodes(geo) == [("e", "c")]


# -- the legend ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_graph():
    return build([load(SEED)])


@pytest.mark.parametrize("question", ["清水塘", "湘江"])
def test_depends_view_names_each_edge_by_its_relationship(seed_graph, question):
    """A task concerning a project is drawn and captioned as CONCERNS, never as 依赖 depends on."""
    view = viz.depends_view(seed_graph, ask.depends(NetworkxBackend(seed_graph), question), question=question)
    checked = 0
    for e in view.edges:
        if e["from"] not in seed_graph or e["to"] not in seed_graph or not e["from"].count("/task/"):
            continue
        types = {d["type"] for d in seed_graph.get_edge_data(e["from"], e["to"], default={}).values()}
        if seed_graph.nodes[e["from"]]["label"] == "Task":
            assert e["group"] in types, (e, types)
            assert e["title"].startswith(style.EDGES[e["group"]]["caption"])
            checked += 1
    assert checked
    for entry in view.legend:
        if entry["type"] == "edge":
            assert entry["caption"] == style.EDGES[entry["group"]]["caption"]
    assert {e["group"] for e in view.edges} == {x["group"] for x in view.legend if x["type"] == "edge"}


def test_legend_on_the_page_says_concerns(driver, tmp_path):
    path = _page(tmp_path, "xiangjiang", str(SEED), "--depends", "湘江")
    browser.open_view(driver, path)
    legend = driver.execute_script("return document.getElementById('dg-legend').textContent")
    assert "涉及 concerns" in legend and "依赖 depends on" not in legend
