"""One self-contained, offline, UTF-8 HTML page per view.

The page inlines vis-network's standalone build (JavaScript and CSS, taken from
the ``pyvis`` package, which ships it; pyvis itself is not imported) and the
page's own script and style (``assets/``). The view's data travels as JSON in a
``<script type="application/json">`` block with ``<``, ``>``, ``&``, U+2028 and
U+2029 escaped, read back with ``JSON.parse(textContent)``; labels and tooltips
are set as text. A Content-Security-Policy allows only the page's two inline
scripts (by hash) and no network request of any kind.

>>> print(script_json({"name": "</script><b>&\\u2028"}))
{"name": "\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028"}
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import re
from functools import lru_cache
from pathlib import Path

from ..errors import DutygraphError

ASSETS = Path(__file__).resolve().parent / "assets"
FONT_FACE = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


def script_json(value) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element (nothing in it can close or open a tag)."""
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], text)


class AssetError(DutygraphError):
    """vis-network's standalone build cannot be found (the ``pyvis`` package is missing or changed)."""


def _vis_dir() -> Path:
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise AssetError("the pyvis package (which ships vis-network) is not installed: pip install pyvis")
    lib = Path(list(spec.submodule_search_locations)[0]) / "templates" / "lib"

    def version(p: Path) -> tuple[int, ...]:
        return tuple(int(x) for x in re.findall(r"\d+", p.name))

    candidates = sorted((p for p in lib.glob("vis-*") if (p / "vis-network.min.js").is_file()), key=version)
    if not candidates:
        raise AssetError(f"no vis-network build in {lib}")
    return candidates[-1]


def _check_inline(text: str, what: str, closing: str) -> str:
    lowered = text.lower()
    if f"</{closing}" in lowered or "<!--" in lowered:
        raise AssetError(f"{what} contains </{closing} or <!--: it cannot be inlined safely")
    return text


@lru_cache(maxsize=None)
def vis_assets() -> dict[str, str]:
    """vis-network's JavaScript and CSS and the page's own, as text, checked safe to inline."""
    vis = _vis_dir()
    read = lambda p: p.read_text(encoding="utf-8")  # noqa: E731
    return {
        "vis_js": _check_inline(read(vis / "vis-network.min.js"), "vis-network.min.js", "script"),
        "vis_css": _check_inline(read(vis / "vis-network.css"), "vis-network.css", "style"),
        "page_js": _check_inline(read(ASSETS / "page.js"), "page.js", "script"),
        "page_css": _check_inline(read(ASSETS / "page.css"), "page.css", "style"),
        "template": read(ASSETS / "page.html"),
        "vis_version": vis.name.removeprefix("vis-"),
    }


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


SETTLE_BUDGET_MS = 4000   # layout time in the page, from random positions
POLISH_BUDGET_MS = 1500   # layout time in the page, from positions computed by dutygraph.viz.layout


def stabilization_iterations(nodes: int, budget_ms: float = SETTLE_BUDGET_MS) -> int:
    """Layout iterations for ``nodes`` nodes: all that fit in the time budget, 20 at least, 1000 at most.

    vis-network's Barnes-Hut costs about 14 µs per node per iteration in headless
    Chromium on this machine (measured by benchmarks/viz_scale.py); the page also
    stops the layout when the budget runs out, whatever the count.

    >>> stabilization_iterations(100), stabilization_iterations(2000), stabilization_iterations(20000)
    (1000, 142, 20)
    """
    if nodes <= 0:
        return 1
    return max(20, min(1000, int(budget_ms / (0.014 * nodes))))


def vis_options(nodes: int, edges: int, overrides: dict | None = None, budget_ms: float = SETTLE_BUDGET_MS,
                physics: bool = True) -> dict:
    """vis-network options tuned to draw at once: lighter drawing as graphs grow.

    Without ``physics`` the page draws the positions it is given (:mod:`.layout`) at once
    and never moves them; edges are straight, as the layout placed them. With it,
    Barnes-Hut polishes those positions for up to ``budget_ms`` and the page switches
    it off at the end.
    """
    big = nodes > 1000 or edges > 3000
    options = {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "nodes": {"font": {"size": 13, "face": FONT_FACE, "strokeWidth": 4, "strokeColor": "#ffffff"},
                  "borderWidth": 1, "shadow": False},
        "edges": {"smooth": False if edges > 300 or not physics else {"type": "continuous", "roundness": 0.3},
                  "selectionWidth": 1.5, "shadow": False},
        "interaction": {"hover": not big, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": True, "navigationButtons": False, "keyboard": False},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000 if big else -4000, "centralGravity": 0.3,
                          "springLength": 90 if big else 130, "springConstant": 0.05, "damping": 0.6,
                          "avoidOverlap": 0 if big else 0.1, "theta": 1.2 if big else 0.9},
            "maxVelocity": 60,
            "minVelocity": 1.5 if big else 0.75,
            "timestep": 0.5,
            "adaptiveTimestep": True,
            "stabilization": {"enabled": physics, "iterations": stabilization_iterations(nodes, budget_ms),
                              "updateInterval": 10,
                              "fit": True},
        },
    }
    return _merge(options, overrides or {})


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def to_html(view) -> str:
    """The page of ``view`` as one string (UTF-8 when written)."""
    a = vis_assets()
    data = script_json(view.payload())
    csp = ("default-src 'none'; "
           f"script-src {_hash(a['vis_js'])} {_hash(a['page_js'])}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
           "frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'")
    parts = {
        "@@CSP@@": html.escape(csp, quote=True),
        "@@TITLE@@": html.escape(view.title),
        "@@VIS_VERSION@@": html.escape(a["vis_version"]),
        "@@VIS_CSS@@": a["vis_css"],
        "@@PAGE_CSS@@": a["page_css"],
        "@@DATA@@": data,
        "@@VIS_JS@@": a["vis_js"],
        "@@PAGE_JS@@": a["page_js"],
    }
    # One pass, so that nothing substituted is ever read again as a placeholder.
    pattern = re.compile("|".join(re.escape(k) for k in parts))
    return pattern.sub(lambda m: parts[m.group(0)], a["template"])


def write_html(view, path) -> Path:
    """Write the page of ``view`` to ``path`` as UTF-8 (whatever the locale); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(to_html(view))
    return path
