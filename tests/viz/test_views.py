"""The four views, opened in a real headless Chromium with the network cut.

Debian's chromium and chromium-driver (tools/install-browser.sh) driven by
selenium at /usr/bin/chromedriver. Each page must load, draw exactly the view's
nodes and edges, log no console error, ask the network for nothing, and show
hostile unit names and task texts as text: a unit named
``<script>window.pwned=1</script>`` sets nothing. A screenshot of each page is
saved under the test's temporary folder.
"""

from __future__ import annotations

import re
import time

import pytest


from dutygraph import viz
from dutygraph.errors import QueryError
from dutygraph.graph.build import build
from dutygraph.queries import ask
from dutygraph.queries.backends import NetworkxBackend
from dutygraph.viz import browser

SCRIPT_NAME = "<script>window.pwned=1</script>"
IMG_NAME = '"><img src=x onerror="window.pwned2=1">株洲市某局'
TEXT_TAIL = "</script><script>window.pwned3=1</script><img src=x onerror=window.pwned4=1>"
HOSTILE = (SCRIPT_NAME, IMG_NAME)


@pytest.fixture(scope="module")
def seed_graph(seed_doc):
    return build([seed_doc])


@pytest.fixture(scope="module")
def hostile_graph(seed_graph):
    """A copy of the seed graph with two hostile units leading a Qingshuitang task, and a hostile task text."""
    g = seed_graph.copy()
    row = ask.depends(NetworkxBackend(seed_graph), "清水塘")[0]
    task = f"{row['document']}/task/{row['task']}"
    g.nodes[task]["text"] = g.nodes[task]["text"] + TEXT_TAIL
    for name in HOSTILE:
        uid = f"unit/{name}"
        g.add_node(uid, label="Unit", id=uid, name=name, kind="department", aliases=[name],
                   documents=[row["document"]])
        g.add_edge(uid, task, key="LEADS", type="LEADS", role="lead", document=row["document"],
                   line_first=row["line_first"], line_last=row["line_last"], printed=name, basis="printed")
    return g


def _views(g):
    backend = NetworkxBackend(g)
    return {
        "all": viz.all_view(g, full=True),
        "unit": viz.unit_view(g, f"unit/{SCRIPT_NAME}", depth=2),
        "depends": viz.depends_view(g, ask.depends(backend, "清水塘"), question="清水塘"),
        "partners": viz.partners_view(ask.partners(backend), units=g),
    }


@pytest.fixture(scope="module")
def hostile_views(hostile_graph):
    return _views(hostile_graph)



# -- the view model ------------------------------------------------------------------------------
def test_all_view_is_the_whole_graph(seed_graph):
    v = viz.all_view(seed_graph, full=True)
    assert v.node_count == seed_graph.number_of_nodes() and v.edge_count == seed_graph.number_of_edges()
    groups = {n["group"] for n in v.nodes}
    assert {"Unit:department", "Unit:district_government", "Unit:collective", "Task", "Program"} <= groups
    legend = {e["group"] for e in v.legend}
    assert groups | {e["group"] for e in v.edges} == legend
    captions = [e["caption"] for e in v.legend]
    assert len(captions) == len(set(captions)), "each node label and relationship type has its own legend entry"


def test_role_edges_are_solid_dashed_dotted(seed_graph):
    styles = viz.all_view(seed_graph, full=True).styles()["edges"]
    assert styles["LEADS"]["dashes"] is False
    assert styles["RESPONSIBLE_FOR"]["dashes"] == [8, 6]
    from dutygraph.viz.style import edge_style

    assert edge_style("COOPERATES_ON")["dashes"] == [2, 4]


def test_unit_size_grows_with_tasks(seed_graph):
    v = viz.all_view(seed_graph, full=True)
    sizes = {n["id"]: n["size"] for n in v.nodes}
    top = ask.top_units(NetworkxBackend(seed_graph), limit=100)
    first, last = (f"unit/{top[0]['unit']}", f"unit/{top[-1]['unit']}")
    assert top[0]["tasks"] > top[-1]["tasks"] and sizes[first] > sizes[last]


def test_unit_view_holds_tasks_co_units_and_places(seed_graph):
    v = viz.unit_view(seed_graph, "unit/株洲市清水塘投资集团")
    labels = {n["group"] for n in v.nodes}
    assert "Task" in labels and any(g.startswith("Unit:") for g in labels)
    assert [n for n in v.nodes if n.get("focus")][0]["id"] == "unit/株洲市清水塘投资集团"
    deeper = viz.unit_view(seed_graph, "unit/株洲市清水塘投资集团", depth=2)
    assert deeper.node_count > v.node_count
    with pytest.raises(QueryError):
        viz.unit_view(seed_graph, "unit/没有这个单位")


def test_tooltips_carry_task_text_and_source_lines(seed_graph):
    rows = ask.depends(NetworkxBackend(seed_graph), "清水塘")
    v = viz.depends_view(seed_graph, rows, question="清水塘")
    row = rows[0]
    node = next(n for n in v.nodes if n["id"] == f"{row['document']}/task/{row['task']}")
    assert row["text"] in node["title"]
    assert f"line {row['line_first']}" in node["title"] or f"lines {row['line_first']}" in node["title"]
    assert len([n for n in v.nodes if n["group"] == "Task"]) == len(rows)


def test_depends_view_from_target_ids_matches_rows(seed_graph):
    program = next(n for n, d in seed_graph.nodes(data=True) if d["label"] == "Program" and "清水塘" in d["name"])
    by_ids = viz.depends_view(seed_graph, [program])
    assert by_ids.node_count > 10


def test_views_from_a_store_match_networkx(seed_graph, tmp_path):
    from dutygraph.graph.embedded import EmbeddedStore
    from dutygraph.queries.backends import CypherBackend

    with EmbeddedStore(tmp_path / "store") as store:
        store.load(seed_graph)
        backend = CypherBackend(store.cypher, "ladybug")
        for kind, options in (("depends", {"name": "清水塘"}), ("partners", {}), ("unit", {"name": "市发改委"}),
                              ("all", {})):
            a, b = viz.make_view(backend, kind, **options), viz.make_view(seed_graph, kind, **options)
            if kind == "unit":  # the store's graph lacks gazetteer facts (GOVERNS, MEMBER_OF): a subset
                assert {n["id"] for n in a.nodes} <= {n["id"] for n in b.nodes}
                continue
            if kind == "all":   # folded: the same key works holding the same tasks, the same lines
                assert sorted((n["id"], n.get("folded")) for n in a.nodes) == \
                    sorted((n["id"], n.get("folded")) for n in b.nodes)
                assert sorted((e["from"], e["to"], e["group"], e["value"]) for e in a.edges) == \
                    sorted((e["from"], e["to"], e["group"], e["value"]) for e in b.edges)
                continue
            assert sorted((n["id"], n["group"]) for n in a.nodes) == sorted((n["id"], n["group"]) for n in b.nodes)
            assert a.edge_count == b.edge_count


def test_page_is_utf8_self_contained_and_escaped(hostile_views, tmp_path):
    for name, view in hostile_views.items():
        path = viz.write_html(view, tmp_path / f"{name}.html")
        raw = path.read_bytes()
        page = raw.decode("utf-8")  # raises if not UTF-8
        assert '<meta charset="utf-8">' in page
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.I), "a remote resource"
        tags = _tags(page)
        assert tags.count("script") == 3, "the data must not open or close a script"
        assert "img" not in tags and "iframe" not in tags and "link" not in tags
        assert SCRIPT_NAME not in page and "<img" not in page
        assert "\\u003cscript\\u003ewindow.pwned=1\\u003c/script\\u003e" in page   # as JSON text


def _tags(page: str) -> list[str]:
    """The start tags of a page as an HTML parser sees them (script contents are not markup)."""
    from html.parser import HTMLParser

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags = []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


# -- in Chromium ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["all", "unit", "depends", "partners"])
def test_view_in_headless_chromium(name, hostile_views, hostile_graph, driver, tmp_path):
    view = hostile_views[name]
    path = viz.write_html(view, tmp_path / f"{name}.html")
    state = browser.open_view(driver, path)
    errors = browser.console_errors(driver)
    requests = browser.requests(driver)
    driver.save_screenshot(str(tmp_path / f"{name}.png"))
    assert (tmp_path / f"{name}.png").stat().st_size > 10_000

    # loaded and drew every node and edge of the view
    assert state["title"] == view.title
    assert state["datasetNodes"] == state["drawnNodes"] == view.node_count
    assert state["datasetEdges"] == state["drawnEdges"] == view.edge_count
    if name == "all":
        assert state["drawnNodes"] == hostile_graph.number_of_nodes()
    assert state["stabilized"] is not None
    assert errors == [], errors
    assert requests == [], requests

    # hostile text ran nothing and is shown as text
    assert driver.execute_script(
        "return [typeof window.pwned, typeof window.pwned2, typeof window.pwned3, typeof window.pwned4]"
    ) == ["undefined"] * 4
    assert driver.execute_script("return document.querySelectorAll('img').length") == 0
    assert driver.execute_script("return document.scripts.length") == 3
    hostile = [n["id"] for n in view.nodes if n.get("label") in HOSTILE]
    assert hostile, "the hostile units are in every view"
    for node_id in hostile:
        shown = driver.execute_script("""
            var n = window.dgNodes.get(arguments[0]);
            return {label: n.label, tip: n.title.textContent, tipChildren: n.title.childElementCount,
                    tag: n.title.tagName};""", node_id)
        name = next(n["label"] for n in view.nodes if n["id"] == node_id)
        assert name in HOSTILE and name in shown["tip"]
        assert shown["label"] in ("", name)   # drawn as the name, or left out (in the tooltip) for room
        assert shown["tipChildren"] == 0 and shown["tag"] == "DIV"
    # search for it: the side panel shows the name as text
    found = driver.execute_script("return window.dgSearch(arguments[0])", "window.pwned=1")
    assert f"unit/{SCRIPT_NAME}" in found
    info = driver.execute_script("""
        var i = document.getElementById('dg-info');
        return {text: i.textContent, elements: i.querySelectorAll('script, img').length};""")
    if len(found) == 1:
        assert SCRIPT_NAME in info["text"]
    assert info["elements"] == 0


def test_tooltip_on_hover_is_plain_text(hostile_views, driver, tmp_path):
    """Hover the hostile unit: vis-network shows our text element, never markup."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    path = viz.write_html(hostile_views["depends"], tmp_path / "depends.html")
    browser.open_view(driver, path)
    node_id = f"unit/{SCRIPT_NAME}"
    where = driver.execute_script("""
        var n = window.dgNetwork, id = arguments[0];
        n.moveTo({position: n.getPositions([id])[id], scale: 1.5, animation: false});
        n.redraw();
        var p = n.canvasToDOM(n.getPositions([id])[id]);
        var r = document.getElementById('dg-network').getBoundingClientRect();
        return {x: p.x, y: p.y, w: r.width, h: r.height};""", node_id)
    canvas = driver.find_element(By.CSS_SELECTOR, "#dg-network canvas")
    ActionChains(driver).move_to_element_with_offset(canvas, int(where["x"] - where["w"] / 2),
                                                     int(where["y"] - where["h"] / 2)).perform()
    tip = None
    for _ in range(40):
        tip = driver.execute_script("""
            var t = document.querySelector('div.vis-tooltip');
            return t && t.style.visibility !== 'hidden' && t.textContent ?
                   {text: t.textContent, elements: t.querySelectorAll('*').length,
                    hostile: t.querySelectorAll('script, img').length} : null;""")
        if tip:
            break
        time.sleep(0.1)
    assert tip is not None, "no tooltip appeared on hover"
    assert SCRIPT_NAME in tip["text"]
    assert tip["hostile"] == 0 and tip["elements"] == 1   # our one text div
    driver.save_screenshot(str(tmp_path / "tooltip.png"))
    assert driver.execute_script("return typeof window.pwned") == "undefined"


def test_a_megabyte_unit_name_is_cut_on_the_canvas_and_the_page_still_draws(hostile_graph, driver, tmp_path):
    """A unit named by a megabyte of text: its label is cut (and its tooltip), every node is still drawn."""
    from dutygraph.viz.views import NAME_LABEL_MAX, TIP_NAME_MAX

    g = hostile_graph.copy()
    name = "株洲市" + "某" * 2**20 + "局"
    task = next(n for n, d in g.nodes(data=True) if d["label"] == "Task")
    uid = f"unit/{name}"
    g.add_node(uid, label="Unit", id=uid, name=name, kind="department", aliases=[name], documents=[])
    g.add_edge(uid, task, key="LEADS", type="LEADS", role="lead", document="d", line_first=1, line_last=1,
               printed=name, basis="printed")
    view = viz.all_view(g, full=True)
    node = next(n for n in view.nodes if n["id"] == uid)
    assert len(node["label"]) == NAME_LABEL_MAX and node["label"].endswith("…")
    assert len(node["title"]) < TIP_NAME_MAX + 500
    state = browser.open_view(driver, viz.write_html(view, tmp_path / "long-name.html"))
    assert state["datasetNodes"] == state["drawnNodes"] == view.node_count == g.number_of_nodes()
    assert browser.console_errors(driver) == []
