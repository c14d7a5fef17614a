"""Static pictures of a view for papers: PNG or SVG, drawn with matplotlib from the page's own first drawing.

The positions, the labels drawn (and those left out), the bent edges and the
legend are the page's (:meth:`~dutygraph.viz.model.View.arranged`,
:func:`~dutygraph.viz.layout.bend_edges`), so the picture is what the page opens
with. Chinese text is drawn in a CJK font (:func:`~dutygraph.viz.charts.use_cjk_font`,
Noto Sans CJK from Debian's fonts-noto-cjk); a missing font is an error, never a
picture of empty boxes. In SVG the text is drawn as paths, so the file looks the
same on a machine without the font.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from ..errors import InputError
from .layout import FOCUS_FONT, FONT, bend_edges, common_prefix, curve_points, curve_via

FORMATS = ("png", "svg")
POINTS_PER_UNIT = 0.75      # canvas units of the page -> points in the picture (13-unit labels: 9.75 pt)
MAX_INCHES = 30.0           # the drawing's longer side at most (scaled down beyond)
_MARKERS = {"dot": "o", "square": "s", "diamond": "D", "triangle": "^", "triangleDown": "v", "star": "*",
            "hexagon": "h", "ellipse": "o", "box": "s", "database": "s"}
_MARKER_AREA = {"*": 1.8, "^": 1.3, "v": 1.3, "D": 0.75, "h": 1.1}   # so shapes of one size look alike


class PictureError(InputError):
    """A static picture cannot be drawn (no CJK font, or an unknown format)."""


def _dashes(dashes):
    return (0, tuple(dashes)) if dashes else "solid"


def _arrowhead(ax, xs, ys, target_size: float, color: str, ppu: float) -> None:
    """An arrowhead on the polyline (xs, ys) ending at a node of ``target_size``: its tip on the node's rim."""
    import math

    tx, ty = xs[-1], ys[-1]
    for px, py in zip(reversed(xs[:-1]), reversed(ys[:-1])):   # the last point outside the node
        if math.hypot(px - tx, py - ty) > target_size + 1:
            break
    else:
        return
    d = math.hypot(px - tx, py - ty)
    tip = (tx + (px - tx) * target_size / d, ty + (py - ty) * target_size / d)
    tail = (tip[0] + (px - tx) * 8 / d, tip[1] + (py - ty) * 8 / d)
    ax.annotate("", xy=tip, xytext=tail, zorder=1.5,
                arrowprops={"arrowstyle": "-|>", "color": color, "lw": 0.5, "mutation_scale": 10 * ppu / 0.75,
                            "shrinkA": 0, "shrinkB": 0})


def save(view, path, fmt: str | None = None, dpi: int = 200) -> Path:
    """Draw ``view`` to ``path`` as PNG or SVG (``fmt``, else from the suffix); returns the path."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise PictureError(f"cannot draw a {fmt or 'suffix-less'} picture: use .png or .svg", path=str(path))
    fig, font = figure(view, where=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(path, format=fmt, dpi=dpi, facecolor="white",
                    metadata={"Creator": "dutygraph viz", "Date": None} if fmt == "svg" else None)
    lost = [str(w.message) for w in caught if "missing from font" in str(w.message) or "Glyph" in str(w.message)]
    if lost:
        raise PictureError(f"characters missing from {font}: {lost[0]}", path=str(path))
    return path


def figure(view, where: str | None = None):
    """The matplotlib Figure of ``view`` (no pyplot) and the CJK font it uses.

    The network is drawn in the figure's one Axes: node ``i`` of :meth:`View.arranged`
    as a scatter collection with gid ``dg-node-i``, its label (if drawn) as a text with
    gid ``dg-label-i`` (the ids of their groups in SVG); the title, the notes (what a
    folded view folded) and the legend around it.
    """
    from matplotlib.figure import Figure   # no pyplot: no backend is chosen or changed
    from matplotlib.lines import Line2D

    from .charts import use_cjk_font

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        font = use_cjk_font()
    if font is None:
        raise PictureError("no CJK font found for the Chinese labels (install fonts-noto-cjk: "
                           "tools/install-browser.sh)", path=where)
    nodes = view.arranged()
    edges = view.edges
    bends = bend_edges(nodes, edges)
    by_id = {n["id"]: n for n in nodes}
    xs = [n["x"] for n in nodes] or [0.0]
    ys = [n["y"] for n in nodes] or [0.0]
    pad = 60.0
    width_units = max(xs) - min(xs) + 2 * pad + 100
    height_units = max(ys) - min(ys) + 2 * pad + 60
    ppu = POINTS_PER_UNIT
    longest = max(width_units, height_units) * ppu / 72
    if longest > MAX_INCHES:
        ppu *= MAX_INCHES / longest
    legend_inches = 3.2
    fig = Figure(figsize=(width_units * ppu / 72 + legend_inches, height_units * ppu / 72 + 0.6))
    ax = fig.add_axes((0, 0, 1 - legend_inches / fig.get_figwidth(), 1 - 0.6 / fig.get_figheight()))
    ax.set_xlim(min(xs) - pad - 50, max(xs) + pad + 50)
    ax.set_ylim(max(ys) + pad + 40, min(ys) - pad - 20)   # the page's y grows downwards
    ax.set_aspect("equal")
    ax.axis("off")
    styles = view.styles()
    for e in edges:
        a, b = by_id.get(e["from"]), by_id.get(e["to"])
        if a is None or b is None:
            continue
        s = styles["edges"].get(e["group"], {})
        if e["id"] in bends:
            bend = bends[e["id"]]
            c = curve_via(a["x"], a["y"], b["x"], b["y"], bend["type"], bend["roundness"])
            pts = curve_points((a["x"], a["y"]), c, (b["x"], b["y"]), steps=30)
            line_x = [a["x"], *pts[:, 0], b["x"]]
            line_y = [a["y"], *pts[:, 1], b["y"]]
        else:
            line_x, line_y = [a["x"], b["x"]], [a["y"], b["y"]]
        ax.plot(line_x, line_y, color=s.get("color", "#90a4ae"), linewidth=max(0.4, (e.get("width") or
                s.get("width") or 1) * ppu * 0.8), linestyle=_dashes(s.get("dashes")), alpha=0.75, zorder=1,
                solid_capstyle="round")
        if s.get("arrows"):   # an arrowhead where the line meets the target's edge, as on the page
            _arrowhead(ax, line_x, line_y, float(b.get("size") or 10), s.get("color", "#90a4ae"), ppu)
    for i, n in enumerate(nodes):
        s = styles["nodes"].get(n["group"], {})
        marker = _MARKERS.get(s.get("shape"), "o")
        diameter = 2 * float(n.get("size") or 10) * ppu
        ax.scatter([n["x"]], [n["y"]], s=(diameter ** 2) * _MARKER_AREA.get(marker, 1.0), marker=marker,
                   c=s.get("color", "#757575"), edgecolors="#000000" if n.get("focus") else "white",
                   linewidths=2.0 if n.get("focus") else 0.5, zorder=2, gid=f"dg-node-{i}")
    for i, n in enumerate(nodes):
        if n.get("hideLabel") or not n.get("label"):
            continue
        size = float(n.get("size") or 10)
        font_units = FOCUS_FONT if n.get("focus") else FONT
        y = n["y"] + size + font_units / 2 + 4 + float(n.get("vadjust") or 0) + font_units / 2
        ax.text(n["x"], y, n.get("short") or n["label"], ha="center", va="center", fontsize=font_units * ppu,
                parse_math=False,   # a name is text: "$…$" in it is not matplotlib's math
                zorder=3, color="#263238", gid=f"dg-label-{i}",
                bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "edgecolor": "none", "alpha": 0.7})
    handles = []
    for entry in view.legend:
        if entry["type"] == "node":
            handles.append(Line2D([], [], linestyle="none", marker=_MARKERS.get(entry["shape"], "o"),
                                  markersize=12 if entry["shape"] == "star" else 8, markerfacecolor=entry["color"], markeredgecolor="white",
                                  label=entry["caption"]))
        else:
            handles.append(Line2D([], [], color=entry["color"], linewidth=max(1.0, min(entry["width"], 3.0)),
                                  linestyle=_dashes(entry.get("dashes")), label=entry["caption"]))
    if handles:
        fig.legend(handles=handles, loc="upper right", fontsize=8, frameon=False, title="图例 legend",
                   title_fontsize=9, bbox_to_anchor=(1.0, 1 - 0.6 / fig.get_figheight()))
    prefix = common_prefix(view.nodes)
    title = view.title + (f"  (单位名称略去 {prefix} · unit names drawn without {prefix})" if prefix else "")
    fig.suptitle(title, x=0.01, y=0.995, ha="left", va="top", fontsize=11, parse_math=False)
    if view.notes:
        fig.text(0.01, 1 - 0.32 / fig.get_figheight(), " · ".join(view.notes), ha="left", va="top", fontsize=7.5,
                 parse_math=False,
                 color="#546e7a", wrap=True)
    return fig, font
