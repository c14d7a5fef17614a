"""Accountability analysis for the notebooks: workload per unit kind, lead ratios, brokers.

Plain rows (lists of dicts) computed on the networkx graph, so a notebook only
calls and shows them; charts are in :mod:`dutygraph.viz.charts`.

>>> from dutygraph.model import Document, Task, Provenance, Assignment, Role
>>> from dutygraph.graph.build import build
>>> p = Provenance("a.txt", 5, 5)
>>> g = build([Document("a.txt", "湘潭市某计划", issuers=["湘潭市人民政府"], tasks=[
...     Task("A1-1", "做事。", p, annex=1, row=1, assignments=[Assignment("市财政局", Role.LEAD, p),
...                                                          Assignment("市审计局", Role.RESPONSIBLE, p)])])])
>>> [(r["kind"], r["units"], r["tasks"]) for r in workload_by_kind(g)]
[('department', 2, 2)]
>>> [(r["unit"], r["lead_ratio"]) for r in lead_ratios(g, min_tasks=1)]
[('湘潭市财政局', 1.0), ('湘潭市审计局', 0.0)]
"""

from __future__ import annotations

from statistics import mean, median

from ..queries import networkx_backend as nxb
from .style import UNIT_KINDS


def kind_caption(kind: str | None) -> str:
    """The Chinese and English caption of a unit kind (部门 department …)."""
    return UNIT_KINDS.get(kind or "other", UNIT_KINDS["other"])["caption"]


def workload_by_kind(graph, expand: bool = False) -> list[dict]:
    """Per unit kind: units, task assignments held (all roles), mean / median / max per unit, lead share."""
    by_kind: dict[str, list[dict]] = {}
    for row in nxb.role_counts(graph, expand=expand):
        by_kind.setdefault(row["kind"] or "other", []).append(row)
    out = []
    for kind, rows in by_kind.items():
        tasks = [r["all"] for r in rows]
        leads = sum(r["lead"] for r in rows)
        out.append({"kind": kind, "caption": kind_caption(kind), "units": len(rows), "tasks": sum(tasks),
                    "mean": round(mean(tasks), 2), "median": median(tasks), "max": max(tasks),
                    "lead_share": round(leads / sum(tasks), 3) if sum(tasks) else 0.0})
    return sorted(out, key=lambda r: (-r["tasks"], r["kind"]))


def lead_ratios(graph, min_tasks: int = 3, expand: bool = False) -> list[dict]:
    """Per unit holding at least ``min_tasks`` tasks: lead, responsible, cooperating and lead / all."""
    rows = []
    for r in nxb.role_counts(graph, expand=expand):
        if r["all"] >= min_tasks:
            rows.append({**r, "lead_ratio": round(r["lead"] / r["all"], 3)})
    return sorted(rows, key=lambda r: (-r["all"], -r["lead_ratio"], r["unit"]))


def brokers(graph, limit: int = 10) -> list[dict]:
    """Units bridging groups of the co-responsibility network (betweenness), with their kind."""
    kinds = {d["name"]: d.get("kind") for _, d in graph.nodes(data=True) if d["label"] == "Unit"}
    return [{**r, "kind": kinds.get(r["unit"])} for r in nxb.brokers(graph, limit=limit)]


def network_summary(graph) -> dict:
    """Size and shape of the co-responsibility network: units, pairs, components, density."""
    import networkx as nx

    net = nxb.co_responsibility_network(graph)
    if net.number_of_nodes() == 0:
        return {"units": 0, "pairs": 0, "components": 0, "density": 0.0, "largest_component": 0}
    parts = list(nx.connected_components(net))
    return {"units": net.number_of_nodes(), "pairs": net.number_of_edges(), "components": len(parts),
            "density": round(nx.density(net), 4), "largest_component": max(len(p) for p in parts)}
