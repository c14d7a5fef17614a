"""The view model: what a page draws, independent of how it is drawn.

A :class:`View` holds plain data: nodes and edges as dicts with a ``group`` (the
legend key: ``Unit:department``, ``Task``, ``LEADS`` …), a label, a plain-text
tooltip (``title``) and, for nodes, a size; the legend lists the groups used.
Colours, shapes and line styles come from :mod:`dutygraph.viz.style` by group,
so the page applies them and the data stays small. Where the nodes are first
drawn, which labels are drawn and which edges bend is computed once, in Python
(:meth:`View.arranged`, :mod:`dutygraph.viz.layout`), for the page and for the
static pictures (:mod:`dutygraph.viz.static`) alike.

>>> v = View("t", [{"id": "a", "label": "A", "group": "Task", "title": "a task", "size": 8}], [], [])
>>> v.node_count, v.edge_count
(1, 0)
>>> v.payload()["styles"]["nodes"]["Task"]["shape"]
'square'
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from . import style


@dataclass
class View:
    title: str
    nodes: list[dict]
    edges: list[dict]
    legend: list[dict]
    description: str = ""
    options: dict = field(default_factory=dict)   # vis-network option overrides (merged over the defaults)
    physics: bool = False   # let vis-network's physics move the nodes after the first drawing (and on drag)
    notes: list[str] = field(default_factory=list)   # said on the page under the legend (what was folded, left out)
    _arranged: list | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def node_count(self) -> int:
        return len(self.nodes)

    @property
    def edge_count(self) -> int:
        return len(self.edges)

    def styles(self) -> dict:
        """Style of each node group and edge type in use, for the page."""
        nodes, edges = {}, {}
        for n in self.nodes:
            g = n["group"]
            if g not in nodes:
                label, _, kind = g.partition(":")
                s = style.node_style(label, kind or None)
                nodes[g] = {"color": s["color"], "shape": s["shape"]}
        for e in self.edges:
            g = e["group"]
            if g not in edges:
                s = style.edge_style(g)
                edges[g] = {k: s[k] for k in ("color", "dashes", "width", "arrows")}
        return {"nodes": nodes, "edges": edges}

    def arranged(self) -> list[dict]:
        """The nodes with the first drawing's positions and labels (:func:`.layout.arrange`; computed once).

        Nodes that already carry ``x`` and ``y`` are kept where they are. Computed on first use:
        change ``nodes`` or ``edges`` before it, not after.
        """
        from .layout import arrange

        if self._arranged is None:
            if self.nodes and all("x" in n and "y" in n for n in self.nodes):
                self._arranged = [dict(n) for n in self.nodes]
            else:
                self._arranged = arrange(self.nodes, self.edges)
        return self._arranged

    def payload(self) -> dict:
        """Everything the page reads (as JSON): nodes (positioned), edges, legend, styles, options."""
        from .layout import bend_edges, common_prefix
        from .page import POLISH_BUDGET_MS, vis_options

        nodes, edges = self.arranged(), self.edges
        if not self.physics:   # positions stay where they are drawn: bend edges around nodes they would cross
            bends = bend_edges(nodes, edges)
            edges = [{**e, "smooth": bends[e["id"]]} if e.get("id") in bends else e for e in edges]
        return {"title": self.title, "description": self.description, "nodes": nodes, "edges": edges,
                "omitted": common_prefix(self.nodes), "notes": list(self.notes),
                "legend": self.legend, "styles": self.styles(), "settleBudgetMs": POLISH_BUDGET_MS,
                "physics": self.physics,
                "options": vis_options(self.node_count, self.edge_count, self.options, budget_ms=POLISH_BUDGET_MS,
                                       physics=self.physics)}

    def to_html(self) -> str:
        from .page import to_html

        return to_html(self)

    def _repr_html_(self) -> str:
        """Inline in Jupyter: the self-contained page in a sandboxed iframe (scripts only, no network)."""
        return (f'<iframe sandbox="allow-scripts" style="width:100%;height:620px;border:1px solid #ddd" '
                f'srcdoc="{html.escape(self.to_html(), quote=True)}"></iframe>')

    def __repr__(self) -> str:
        return f"View({self.title!r}, nodes={self.node_count}, edges={self.edge_count})"
