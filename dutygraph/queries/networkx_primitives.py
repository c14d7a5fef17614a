"""The catalogue's questions on the networkx graph: one function per Cypher text, same columns.

Each function takes the graph and the question's parameters and returns the rows
the Cypher text returns on a store; :meth:`Question.normalise` then orders them
the same way for every backend.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from ..graph.schema import EDGE_ROLES
from . import networkx_backend as nxb


def top_units(graph, role="all", expand=False, document="", limit=10):
    return nxb.top_units(graph, None if role == "all" else role, expand, document or None, limit=None)


def unit_card(graph, unit=""):
    return nxb.unit_card(graph, unit) if unit in graph else []


def task_card(graph, task=""):
    return nxb.task_card(graph, task) if task in graph else []


def place_closure(graph, ids=()):
    rows = []
    for p in ids:
        if p not in graph:
            continue
        for u, _, d in graph.in_edges(p, data=True):
            if d["type"] == "LOCATED_IN" and graph.nodes[u]["label"] in ("Place", "Program"):
                rows.append({"id": u})
    return [dict(t) for t in {tuple(r.items()) for r in rows}]


_RANK = {("DEPENDS_ON", "Program"): 0, ("CONCERNS", "Project"): 1, ("LOCATED_IN", "Place"): 2, ("PART_OF", "Task"): 3}


def depends(graph, targets=()):
    rows = []
    for target in targets:
        if target not in graph:
            continue
        label = graph.nodes[target]["label"]
        for u, _, d in graph.in_edges(target, data=True):
            rank = _RANK.get((d["type"], label))
            if rank is None or graph.nodes[u]["label"] != "Task" or graph.nodes[u].get("kind") != "item":
                continue
            basis = d.get("basis") if rank == 0 else (None, "concerns", "located_in", "part_of")[rank]
            rows.append({"node": u, "rank": rank, "basis": basis, "via": graph.nodes[target]["name"],
                         "printed": d.get("printed")})
    return rows


def task_rows(graph, tasks=()):
    rows = []
    for t in tasks:
        if t not in graph:
            continue
        data = graph.nodes[t]
        units = nxb._task_units(graph, t)
        rows.append({"node": t, "task": data["task_id"], "text": data["text"], "lead": units["lead"],
                     "responsible": units["responsible"], "document": data["document"],
                     "line_first": data["line_first"], "line_last": data["line_last"]})
    return rows


def partners(graph, unit="", document=""):
    holders: dict[str, set] = defaultdict(set)
    for u, v, d in graph.edges(data=True):
        if d["type"] in EDGE_ROLES and (not document or graph.nodes[v].get("document") == document):
            holders[v].add(u)
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for units in holders.values():
        for a, b in combinations(sorted(units), 2):
            if not unit or unit in (a, b):
                weights[(a, b)] += 1
    return [{"a": a, "a_name": graph.nodes[a]["name"], "b": b, "b_name": graph.nodes[b]["name"], "shared_tasks": w}
            for (a, b), w in weights.items()]


def places(graph):
    return nxb.places(graph)


def due(graph, before="9999-12-31", after=""):
    return nxb.due(graph, before, after or None)


def gaps(graph):
    rows = []
    for row in nxb.gaps(graph):
        node = row.pop("node")
        rows.append({**row, "document": row["document"] or "", "node": node})
    return rows


def names(graph):
    rows = []
    for n, d in graph.nodes(data=True):
        label = d["label"]
        if label in ("Unit", "Place"):
            aliases = d.get("aliases", [])
        elif label == "Program":
            aliases = [d.get("key_work")]
        elif label == "Project":
            aliases = [d.get("base_name")]
        elif label == "Task":
            aliases = [n]
        else:
            continue
        rows.append({"id": n, "label": label, "name": d["task_id"] if label == "Task" else d["name"],
                     "aliases": [a for a in aliases if a is not None]})
    return rows


def unit_info(graph):
    return [{"id": n, "name": d["name"], "kind": d.get("kind"), "jurisdiction": d.get("jurisdiction"),
             "documents": list(d.get("documents", []))}
            for n, d in graph.nodes(data=True) if d["label"] == "Unit"]


def changes(graph):
    rows = []
    for e, d in graph.nodes(data=True):
        if d["label"] != "ChangeEvent":
            continue
        sides = {"ORIGINAL_ORGANIZATION": [], "RESULTING_ORGANIZATION": []}
        for _, u, data in graph.out_edges(e, data=True):
            if data["type"] in sides:
                sides[data["type"]].append(u)
        rows += [{"event": e, "kind": d.get("kind"), "date": d.get("date"), "original": a, "resulting": b}
                 for a in sides["ORIGINAL_ORGANIZATION"] for b in sides["RESULTING_ORGANIZATION"]]
    return rows
