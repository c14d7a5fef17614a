"""Static pictures for papers: `dutygraph viz … --png FILE / --svg FILE` on the real CLI."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from dutygraph import viz
from dutygraph.cli import app
from dutygraph.graph.build import build
from dutygraph.loaders import load
from dutygraph.queries import ask
from dutygraph.queries.backends import NetworkxBackend
from dutygraph.viz.static import PictureError, save

from ..conftest import SEED

runner = CliRunner()


def test_png_and_svg_of_the_partners_view(tmp_path):
    png, svg = tmp_path / "partners.png", tmp_path / "partners.svg"
    result = runner.invoke(app, ["viz", str(SEED), "--partners", "--png", str(png), "--svg", str(svg)])
    assert result.exit_code == 0, result.output
    assert not list(tmp_path.glob("*.html")), "no page was asked for"

    from matplotlib import image

    pixels = image.imread(str(png))
    height, width = pixels.shape[:2]
    assert width >= 1500 and height >= 800
    ink = (pixels[:, :, :3].min(axis=2) < 0.9).mean()
    assert ink > 0.03, f"the picture is nearly blank ({ink:.3f} of its pixels drawn)"

    text = svg.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.tag.endswith("svg")
    # matplotlib draws text as glyph paths (the file looks the same without the font) and notes each string
    drawn = set(re.findall(r"<!-- (.*?) -->", text))
    view = viz.partners_view(ask.partners(NetworkxBackend(build([load(SEED)]))), units=build([load(SEED)]))
    labels = {n.get("short") or n["label"] for n in view.arranged() if not n.get("hideLabel")}
    assert labels and labels <= drawn
    assert "图例 legend" in drawn and "共同承担任务 shares tasks (width = tasks)" in drawn
    assert len(re.findall(r'<path id="NotoSansCJK', text)) > 100, "the Chinese glyphs come from a CJK font"


def test_svg_of_the_depends_view_has_its_legend(tmp_path):
    svg = tmp_path / "qingshuitang.svg"
    result = runner.invoke(app, ["viz", str(SEED), "--depends", "湘江", "--svg", str(svg)])
    assert result.exit_code == 0, result.output
    drawn = set(re.findall(r"<!-- (.*?) -->", svg.read_text(encoding="utf-8")))
    assert "涉及 concerns" in drawn and "依赖 depends on" not in drawn


def test_a_view_needs_somewhere_to_be_drawn():
    result = runner.invoke(app, ["viz", str(SEED), "--partners"])
    assert result.exit_code != 0 and "--png" in result.output


def test_unknown_picture_format_is_refused(tmp_path):
    view = viz.partners_view([{"unit": "甲局", "partner": "乙局", "shared_tasks": 1}])
    with pytest.raises(PictureError, match="png or .svg"):
        save(view, tmp_path / "x.gif")


# -- folded whole graphs, as pictures ---------------------------------------------------------------
def _drawn(view):
    """What the picture of ``view`` draws, in its pixels: label boxes and node discs, by node index."""
    import math

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from dutygraph.viz.static import figure

    fig, _ = figure(view)
    FigureCanvasAgg(fig)
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    labels = {int(t.get_gid().rsplit("-", 1)[1]): t.get_window_extent(renderer) for t in ax.texts
              if (t.get_gid() or "").startswith("dg-label-")}
    nodes = {}
    for c in ax.collections:
        if (c.get_gid() or "").startswith("dg-node-"):
            (x, y), = c.get_offsets()
            cx, cy = ax.transData.transform((x, y))
            nodes[int(c.get_gid().rsplit("-", 1)[1])] = (cx, cy, math.sqrt(c.get_sizes()[0]) / 2 * fig.dpi / 72)
    return labels, nodes


def _picture_clashes(view) -> list[tuple[int, int]]:
    """(label's node, other node) where a drawn label covers another label or another node's marker."""
    import itertools

    labels, nodes = _drawn(view)
    clashes = [(i, j) for (i, a), (j, b) in itertools.combinations(labels.items(), 2) if a.overlaps(b)]
    for i, box in labels.items():
        for j, (cx, cy, radius) in nodes.items():
            nearest = (min(max(cx, box.x0), box.x1), min(max(cy, box.y0), box.y1))
            if j != i and (cx - nearest[0]) ** 2 + (cy - nearest[1]) ** 2 < radius ** 2:
                clashes.append((i, j))
    return clashes


@pytest.fixture(scope="module")
def seed_graph():
    return build([load(SEED)])


def test_folded_whole_graph_pictures_of_the_seed(tmp_path, seed_graph):
    """`viz --all --png --svg` on the seed: the folded view, every node labelled, no label on another or on a node."""
    png, svg = tmp_path / "all.png", tmp_path / "all.svg"
    result = runner.invoke(app, ["viz", str(SEED), "--all", "--png", str(png), "--svg", str(svg)])
    assert result.exit_code == 0, result.output
    assert "(67 nodes" in result.output
    drawn = set(re.findall(r"<!-- (.*?) -->", svg.read_text(encoding="utf-8")))
    assert any("108 tasks into 7 key works" in text for text in drawn), "the picture says what was folded"
    view = viz.make_view(seed_graph, "all")
    labels, nodes = _drawn(view)
    assert len(nodes) == view.node_count and len(labels) == view.node_count
    assert _picture_clashes(view) == []


def test_folded_whole_graph_picture_of_ten_plans(ten_plans_graph):
    view = viz.make_view(ten_plans_graph, "all")
    labels, nodes = _drawn(view)
    assert len(nodes) == view.node_count and len(labels) >= 0.9 * view.node_count
    assert _picture_clashes(view) == []


def test_picture_clash_count_sees_a_label_on_a_node():
    """The measure itself: two nodes put one under the other, both labelled, are found clashing."""
    nodes = [{"id": "a", "label": "株洲市发展和改革委员会", "group": "Task", "size": 8, "x": 0, "y": 0},
             {"id": "b", "label": "b", "group": "Task", "size": 8, "x": 10, "y": 24}]
    assert _picture_clashes(viz.View("t", nodes, [], [])) != []


def test_a_name_with_dollar_signs_is_drawn_as_text(tmp_path):
    """matplotlib reads "$…$" as math (and fails on "$\\frac{$"): names are drawn as they are printed."""
    name = "甲局$\\frac{$乙"
    view = viz.partners_view([{"unit": name, "partner": "乙局", "shared_tasks": 1}])
    view.title = f"{name} $x^2$"
    svg = save(view, tmp_path / "dollars.svg")
    drawn = set(re.findall(r"<!-- (.*?) -->", svg.read_text(encoding="utf-8")))
    assert name in drawn and any(f"{name} $x^2$" in t for t in drawn)
    assert save(view, tmp_path / "dollars.png").stat().st_size > 1000


def test_a_cjk_font_the_live_font_manager_does_not_list_is_found_again():
    # a font installed after matplotlib built its font cache: the process's font manager does not list it, and
    # the picture must still find it (rebuilding the cache alone made a new manager the process never used)
    from matplotlib import font_manager

    from dutygraph.viz.charts import cjk_font_name, use_cjk_font

    manager = font_manager.fontManager
    kept = list(manager.ttflist)
    assert cjk_font_name() is not None  # make test installs fonts-noto-cjk
    manager.ttflist[:] = [f for f in kept if "CJK" not in f.name and "Han Sans" not in f.name]
    try:
        assert cjk_font_name() is None
        name = use_cjk_font()
        assert name is not None and name == cjk_font_name()
    finally:
        manager.ttflist[:] = kept
