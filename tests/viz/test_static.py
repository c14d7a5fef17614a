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
