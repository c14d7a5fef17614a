"""The graph a view draws, from wherever the questions are answered.

A networkx backend already holds the graph. A store (ladybug, pyoxigraph, Neo4j)
is read through the catalogue's questions only, so any backend that answers them
can be drawn: ``names`` gives the units, places, programs, projects and tasks;
``top-units`` the unit kinds; ``task-rows`` the task texts and sources; ``unit``
(one call per unit) every role edge, cooperating included; ``depends`` the
tasks' programs, projects, places and parent tasks; ``place-closure`` the places
within places. What no question returns is not drawn: documents, key works,
targets, MEMBER_OF and GOVERNS. A row task (one with sub-items) is recognised
by its id (``A2-4`` has items ``A2-4-1`` …).
"""

from __future__ import annotations

from collections import defaultdict

from ..graph.schema import ROLE_EDGES
from ..queries.backends import Backend, NetworkxBackend

# top-units takes a limit; 0 means "no limit" on networkx but LIMIT 0 (no rows) in Cypher: ask for plenty.
NO_LIMIT = 1_000_000
_RANK_LABEL = {0: "Program", 1: "Project", 2: "Place", 3: "Task"}
_RANK_TYPE = {0: "DEPENDS_ON", 1: "CONCERNS", 2: "LOCATED_IN", 3: "PART_OF"}


def graph_of(source):
    """A networkx graph from a graph, a NetworkxBackend or any other backend."""
    if hasattr(source, "nodes") and hasattr(source, "edges"):
        return source
    if isinstance(source, NetworkxBackend):
        return source.graph
    return graph_from_backend(source)


def graph_from_backend(backend: Backend):
    """The responsibility graph as the catalogue's questions show it (see the module text)."""
    import networkx as nx

    if isinstance(backend, NetworkxBackend):
        return backend.graph
    g = nx.MultiDiGraph()
    names = backend.ask("names")
    kinds = {r["unit"]: r["kind"] for r in backend.ask("top-units", limit=NO_LIMIT)}
    by_name: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in names:
        props = {"label": r["label"], "id": r["id"], "name": r["name"]}
        if r["label"] in ("Unit", "Place"):
            props["aliases"] = list(r["aliases"])
        if r["label"] == "Unit" and kinds.get(r["name"]):
            props["kind"] = kinds[r["name"]]
        g.add_node(r["id"], **props)
        by_name[(r["label"], r["name"])].append(r["id"])
    tasks = sorted(n for n, d in g.nodes(data=True) if d["label"] == "Task")
    for r in backend.ask("task-rows", tasks=tasks):
        g.nodes[r["node"]].update({k: r[k] for k in ("text", "document", "line_first", "line_last")
                                   if r.get(k) is not None}, task_id=r["task"])
    task_set = set(tasks)
    for t in tasks:
        parent = t.rsplit("-", 1)[0]
        if parent != t and parent in task_set and "/task/" in parent:
            g.nodes[parent]["kind"] = "row"
            g.add_edge(t, parent, key="PART_OF", type="PART_OF", basis="row")
    for t in tasks:
        data = g.nodes[t]
        data.setdefault("kind", "item")
        data["name"] = data.get("task_id", data["name"])
    for uid in sorted(n for n, d in g.nodes(data=True) if d["label"] == "Unit"):
        for r in backend.ask("unit", unit=uid):
            task = f"{r['document']}/task/{r['task']}"
            if task not in g:
                continue
            type_ = ROLE_EDGES[r["role"]]
            g.add_edge(uid, task, key=type_, type=type_, role=r["role"], document=r["document"],
                       line_first=r["line_first"], line_last=r["line_last"])
            data = g.nodes[task]
            for k in ("title", "deadline", "deadline_date"):
                if r.get(k) and k not in data:
                    data[k] = r[k]
    targets = sorted(n for n, d in g.nodes(data=True) if d["label"] in ("Program", "Project", "Place"))
    for r in backend.ask("depends", targets=targets):
        label = _RANK_LABEL[r["rank"]]
        if label == "Task":
            continue  # parent tasks: added above, from the ids
        candidates = by_name.get((label, r["via"]), [])
        doc = g.nodes[r["node"]].get("document", "") if r["node"] in g else ""
        same_doc = [c for c in candidates if doc and c.startswith(doc + "/")]
        target = (same_doc or sorted(candidates) or [None])[0]
        if target is None or r["node"] not in g:
            continue
        type_ = _RANK_TYPE[r["rank"]]
        key = f"{type_}:{r['basis']}" if type_ == "DEPENDS_ON" else type_
        props = {k: r[k] for k in ("basis", "printed") if r.get(k)}
        g.add_edge(r["node"], target, key=key, type=type_, **props)
    places = sorted(n for n, d in g.nodes(data=True) if d["label"] == "Place")
    for p in places:
        for r in backend.ask("place-closure", ids=[p]):
            if r["id"] in g and g.nodes[r["id"]]["label"] == "Place":
                g.add_edge(r["id"], p, key="LOCATED_IN", type="LOCATED_IN", basis="gazetteer", inferred=True)
    return g
