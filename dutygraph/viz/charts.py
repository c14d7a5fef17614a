"""Charts for the notebooks (matplotlib), with Chinese labels drawn in a CJK font.

:func:`use_cjk_font` finds an installed CJK font through matplotlib's font
manager (Noto Sans CJK from Debian's fonts-noto-cjk first, installed by
tools/install-browser.sh) and makes it the default, so that 株洲市… renders
instead of empty boxes. matplotlib is imported only here.
"""

from __future__ import annotations

import warnings
from pathlib import Path

PREFERRED = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Noto Sans SC", "Source Han Sans SC",
             "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC")


def cjk_font_name() -> str | None:
    """The family name of an installed font with Chinese glyphs, or None."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    for name in PREFERRED:
        if name in names:
            return name
    for name in sorted(names):
        if "CJK" in name or "Han Sans" in name:
            return name
    return None


def add_new_system_fonts() -> int:
    """Add to matplotlib's live font manager the system fonts its cache does not list; returns how many files.

    matplotlib reads its font list from a cache built on first use: a font installed after that is unknown to
    it until the cache is rebuilt, and rebuilding the cache (``_load_fontmanager``) makes a new manager that the
    running process does not use. The files are added to the manager in use instead (its public ``addfont``);
    the cache on disk is rebuilt too, so that the next process finds them at once.
    """
    from matplotlib import font_manager

    manager = font_manager.fontManager
    known = {f.fname for f in manager.ttflist} | {f.fname for f in manager.afmlist}
    added = 0
    for path in font_manager.findSystemFonts():
        if path not in known:
            try:
                manager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # a damaged or unreadable font file: skipped, as matplotlib does
                continue
            added += 1
    if added:
        import matplotlib

        cache = Path(matplotlib.get_cachedir(), f"fontlist-v{font_manager.FontManager.__version__}.json")
        font_manager.json_dump(manager, cache)  # matplotlib's own writer: a cache it cannot write is skipped
    return added


def use_cjk_font() -> str | None:
    """Make a CJK font matplotlib's default sans-serif; returns its name (None, with a warning, if none)."""
    import matplotlib

    name = cjk_font_name()
    if name is None:
        add_new_system_fonts()  # a font installed after matplotlib's font cache was built
        name = cjk_font_name()
    if name is None:
        warnings.warn("no CJK font found: Chinese labels will show as boxes (install fonts-noto-cjk)")
        return None
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [name, *matplotlib.rcParams["font.sans-serif"]]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return name


def _axes(ax, size=(8, 4.5)):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def plot_workload(rows: list[dict], ax=None):
    """Bars: task assignments per unit kind (from analysis.workload_by_kind), lead share annotated."""
    ax = _axes(ax)
    labels = [r["caption"] for r in rows]
    ax.barh(labels[::-1], [r["tasks"] for r in rows][::-1], color="#1e88e5")
    for i, r in enumerate(rows[::-1]):
        ax.text(r["tasks"], i, f"  {r['units']} 个单位 · 牵头 {r['lead_share']:.0%}", va="center", fontsize=8)
    ax.set_xlabel("任务数 task assignments")
    ax.set_title("各类单位的工作量 workload per unit kind")
    ax.margins(x=0.35)
    return ax


def plot_lead_ratios(rows: list[dict], top: int = 15, ax=None):
    """Stacked bars of the busiest units: lead, responsible, cooperating (from analysis.lead_ratios)."""
    ax = _axes(ax, (8, 0.35 * min(top, len(rows)) + 1.5))
    rows = rows[:top][::-1]
    names = [r["unit"] for r in rows]
    left = [0] * len(rows)
    for role, caption, color in (("lead", "牵头 lead", "#c62828"), ("responsible", "责任 responsible", "#ef6c00"),
                                 ("cooperating", "配合 cooperating", "#6d4c41")):
        values = [r[role] for r in rows]
        ax.barh(names, values, left=left, label=caption, color=color)
        left = [a + b for a, b in zip(left, values)]
    ax.set_xlabel("任务数 tasks")
    ax.set_title("牵头与责任 lead and responsible, busiest units")
    ax.legend(loc="lower right")
    return ax


def plot_brokers(rows: list[dict], ax=None):
    """Bars: betweenness of the brokers of the co-responsibility network (from analysis.brokers)."""
    ax = _axes(ax, (8, 0.35 * len(rows) + 1.5))
    rows = rows[::-1]
    ax.barh([r["unit"] for r in rows], [r["betweenness"] for r in rows], color="#8e24aa")
    ax.set_xlabel("中介中心性 betweenness")
    ax.set_title("协同网络中的桥梁单位 brokers")
    return ax


def plot_partner_network(graph, top: int = 12, ax=None, seed: int = 7):
    """The co-responsibility network drawn with networkx: width = shared tasks, the ``top`` units named."""
    import networkx as nx

    from ..queries import networkx_backend as nxb

    ax = _axes(ax, (9, 7))
    net = nxb.co_responsibility_network(graph)
    pos = nx.spring_layout(net, seed=seed, weight="weight")
    degree = dict(net.degree(weight="weight"))
    named = sorted(degree, key=lambda u: (-degree[u], u))[:top]
    nx.draw_networkx_edges(net, pos, ax=ax, width=[0.3 + 0.4 * d["weight"] for _, _, d in net.edges(data=True)],
                           alpha=0.35, edge_color="#546e7a")
    nx.draw_networkx_nodes(net, pos, ax=ax, node_size=[20 + 8 * degree[u] for u in net], node_color="#1e88e5")
    nx.draw_networkx_labels(net, pos, labels={u: u for u in named}, ax=ax, font_size=8,
                            font_family=cjk_font_name() or "sans-serif")
    ax.set_title("协同网络 co-responsibility network")
    ax.axis("off")
    return ax
