"""Questions answered on the in-memory networkx graph.

These functions are the reference answers: the Cypher and SPARQL texts of the
query catalogue must return the same rows on their stores. Every function takes
the graph first and returns a list of row dicts with fixed keys.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from ..graph.schema import EDGE_ROLES, ROLE_EDGES


def _role_edges(graph, role: str | None):
    types = set(ROLE_EDGES.values()) if role in (None, "all") else {ROLE_EDGES[role]}
    for u, v, d in graph.edges(data=True):
        if d["type"] in types:
            yield u, v, d


def collective_members(graph) -> dict[str, list[tuple[str, set]]]:
    """Collective unit id -> [(member unit id, the documents whose date makes it a member)]."""
    members: dict[str, list[tuple[str, set]]] = defaultdict(list)
    for u, v, d in graph.edges(data=True):
        if d["type"] == "MEMBER_OF":
            members[v].append((u, set(d.get("documents", ()))))
    return members


def unit_tasks(graph, role: str | None = None, expand: bool = False, document: str | None = None) -> dict[str, set]:
    """Unit id -> the set of task ids it holds in ``role`` (any role when None or "all").

    With ``expand``, a collective's tasks are credited to each of its known
    members too (inferred: the plan printed the collective, not the member),
    as the collective was composed when the task's plan was issued.
    """
    members = collective_members(graph) if expand else {}
    tasks: dict[str, set] = defaultdict(set)
    for u, v, d in _role_edges(graph, role):
        if document and d.get("document") != document:
            continue
        tasks[u].add(v)
        for m, documents in members.get(u, ()):
            if d.get("document") in documents:
                tasks[m].add(v)
    return tasks


def top_units(graph, role: str | None = None, expand: bool = False, document: str | None = None,
              limit: int | None = 10) -> list[dict]:
    """Units ranked by the number of tasks they hold in ``role``; ties by name."""
    counts = {u: len(t) for u, t in unit_tasks(graph, role, expand, document).items()}
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], graph.nodes[kv[0]]["name"]))
    rows = [{"unit": graph.nodes[u]["name"], "kind": graph.nodes[u].get("kind"), "tasks": n} for u, n in ranked]
    return rows[:limit] if limit else rows


def role_counts(graph, expand: bool = False, document: str | None = None) -> list[dict]:
    """Per unit: tasks led, responsible, cooperating and all (distinct tasks)."""
    per_role = {role: unit_tasks(graph, role, expand, document) for role in ROLE_EDGES}
    total = unit_tasks(graph, None, expand, document)
    rows = []
    for u, tasks in total.items():
        data = graph.nodes[u]
        rows.append({"unit": data["name"], "kind": data.get("kind"),
                     **{role: len(per_role[role].get(u, ())) for role in ROLE_EDGES}, "all": len(tasks)})
    return sorted(rows, key=lambda r: (-r["all"], -r["lead"], r["unit"]))


def _task_units(graph, task: str) -> dict[str, list[str]]:
    units: dict[str, list[str]] = {role: [] for role in ROLE_EDGES}
    for u, _, d in graph.in_edges(task, data=True):
        if d["type"] in EDGE_ROLES:
            units[EDGE_ROLES[d["type"]]].append(graph.nodes[u]["name"])
    return {role: sorted(names) for role, names in units.items()}


def _program_of(graph, task: str) -> str | None:
    for _, v, d in graph.out_edges(task, data=True):
        if d["type"] == "PART_OF" and graph.nodes[v]["label"] == "Program":
            return graph.nodes[v]["title"]
    return None


def unit_card(graph, unit: str) -> list[dict]:
    """Every task a unit holds: role, text, deadline, amounts, co-units, program, document and lines."""
    rows = []
    for _, task, d in graph.out_edges(unit, data=True):
        if d["type"] not in EDGE_ROLES:
            continue
        t = graph.nodes[task]
        # the names of the other units holding it (told apart by id, as the stores' texts do: a namesake of
        # the unit is another unit, and its name is among the co-units)
        co = sorted({graph.nodes[o]["name"] for o, _, e in graph.in_edges(task, data=True)
                     if e["type"] in EDGE_ROLES and o != unit})
        rows.append({"task": t["task_id"], "role": EDGE_ROLES[d["type"]], "printed": d.get("printed"),
                     "title": t.get("title"),
                     "text": t["text"], "deadline": t.get("deadline"), "deadline_date": t.get("deadline_date"),
                     "amounts": t.get("amounts", []), "co_units": co, "program": _program_of(graph, task),
                     "document": t["document"], "line_first": t["line_first"], "line_last": t["line_last"]})
    return sorted(rows, key=lambda r: (r["document"], r["line_first"], r["role"]))


def partners(graph, unit: str | None = None, role: str | None = None) -> list[dict]:
    """Pairs of units sharing tasks, weighted by the number of shared tasks (one unit's or all)."""
    holders: dict[str, set] = defaultdict(set)
    for u, v, _ in _role_edges(graph, role):
        holders[v].add(u)
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for units in holders.values():
        for a, b in combinations(sorted(units), 2):
            weights[(a, b)] += 1
    rows = []
    for (a, b), w in weights.items():
        if unit is None:
            rows.append({"unit": graph.nodes[a]["name"], "partner": graph.nodes[b]["name"], "shared_tasks": w})
        elif unit in (a, b):
            other = b if a == unit else a
            rows.append({"unit": graph.nodes[unit]["name"], "partner": graph.nodes[other]["name"], "shared_tasks": w})
    return sorted(rows, key=lambda r: (-r["shared_tasks"], r["unit"], r["partner"]))


def co_responsibility_network(graph, role: str | None = None):
    """Units as nodes, an edge per pair sharing tasks with ``weight`` = shared tasks (a networkx Graph)."""
    import networkx as nx

    net = nx.Graph()
    for row in partners(graph, role=role):
        net.add_edge(row["unit"], row["partner"], weight=row["shared_tasks"])
    return net


def brokers(graph, limit: int | None = 10) -> list[dict]:
    """Units bridging otherwise separate groups: betweenness centrality on the co-responsibility network.

    Distances are 1/weight, so strongly tied partners count as close.
    """
    import networkx as nx

    net = co_responsibility_network(graph)
    for _, _, d in net.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    centrality = nx.betweenness_centrality(net, weight="distance", normalized=True)
    rows = [{"unit": u, "betweenness": round(c, 6), "partners": net.degree(u)} for u, c in centrality.items()]
    rows.sort(key=lambda r: (-r["betweenness"], r["unit"]))
    return rows[:limit] if limit else rows


def task_card(graph, task: str) -> list[dict]:
    """Who leads and shares a task, what it is part of, what it depends on and what depends on it."""
    t = graph.nodes[task]
    rows = [{"relation": role, "name": name, "basis": "printed"}
            for role, names in _task_units(graph, task).items() for name in names]
    for _, v, d in graph.out_edges(task, data=True):
        target = graph.nodes[v]
        if d["type"] == "PART_OF":
            rows.append({"relation": "part_of", "name": target["name"], "basis": d.get("basis")})
        elif d["type"] == "DEPENDS_ON":
            rows.append({"relation": "depends_on", "name": target["name"], "basis": d.get("basis")})
        elif d["type"] == "LOCATED_IN":
            rows.append({"relation": "located_in", "name": target["name"], "basis": d.get("basis")})
        elif d["type"] == "CONCERNS":
            rows.append({"relation": "concerns", "name": target["name"], "basis": d.get("basis")})
    for u, _, d in graph.in_edges(task, data=True):
        if d["type"] == "PART_OF":
            rows.append({"relation": "has_part", "name": graph.nodes[u]["task_id"], "basis": d.get("basis")})
    for row in rows:
        row["task"] = t["task_id"]
    order = ["lead", "responsible", "cooperating", "part_of", "has_part", "depends_on", "located_in", "concerns"]
    return sorted(rows, key=lambda r: (order.index(r["relation"]), r["name"]))


def depends(graph, targets: list[str]) -> list[dict]:
    """Every leaf task that depends on the target nodes (programs, places, projects or tasks), with why.

    A task depends on a program through DEPENDS_ON (its basis), on a place when
    it is LOCATED_IN it or in a place within it, on a project it CONCERNS, and
    on a task it is PART_OF; tasks depending on a program about a place depend
    on the place too.
    """
    found: dict[str, dict] = {}

    def add(task: str, basis: str, via: str, printed: str | None) -> None:
        data = graph.nodes[task]
        if data.get("kind") != "item" or task in found:
            return
        units = _task_units(graph, task)
        found[task] = {"task": data["task_id"], "text": data["text"], "lead": units["lead"],
                       "responsible": units["responsible"], "basis": basis, "via": via, "printed": printed,
                       "document": data["document"], "line_first": data["line_first"], "line_last": data["line_last"]}

    # The closure of the targets: places within a target place, programs about it.
    nodes, queue = set(targets), list(targets)
    while queue:
        node = queue.pop()
        if graph.nodes[node]["label"] != "Place":
            continue
        for u, _, d in graph.in_edges(node, data=True):
            if d["type"] == "LOCATED_IN" and graph.nodes[u]["label"] in ("Place", "Program") and u not in nodes:
                nodes.add(u)
                queue.append(u)
    # Programs first: their bases (part_of, names_program …) say more than "located in".
    rank = {"Program": 0, "Project": 1, "Place": 2, "Task": 3}
    for node in sorted(nodes, key=lambda n: (rank.get(graph.nodes[n]["label"], 9), n)):
        label, name = graph.nodes[node]["label"], graph.nodes[node]["name"]
        for u, _, d in sorted(graph.in_edges(node, data=True), key=lambda e: e[0]):
            if label == "Program" and d["type"] == "DEPENDS_ON":
                add(u, d["basis"], name, d.get("printed"))
            elif label == "Place" and d["type"] == "LOCATED_IN" and graph.nodes[u]["label"] == "Task":
                add(u, "located_in", name, d.get("printed"))
            elif label == "Project" and d["type"] == "CONCERNS":
                add(u, "concerns", name, d.get("printed"))
            elif label == "Task" and d["type"] == "PART_OF":
                add(u, "part_of", name, None)
    return sorted(found.values(), key=lambda r: (r["document"], r["line_first"]))


def places(graph) -> list[dict]:
    """Per place: its kind, its government, the tasks located in it and the units on those tasks."""
    rows = []
    for p, data in graph.nodes(data=True):
        if data["label"] != "Place":
            continue
        tasks = {u for u, _, d in graph.in_edges(p, data=True) if d["type"] == "LOCATED_IN"
                 and graph.nodes[u]["label"] == "Task"}
        governments = sorted(graph.nodes[u]["name"] for u, _, d in graph.in_edges(p, data=True)
                             if d["type"] == "GOVERNS")
        units = {u for t in tasks for u, _, d in graph.in_edges(t, data=True) if d["type"] in EDGE_ROLES}
        rows.append({"place": data["name"], "kind": data.get("kind"), "governed_by": governments,
                     "tasks": len(tasks), "units": len(units)})
    return sorted(rows, key=lambda r: (-r["tasks"], r["place"]))


def due(graph, before: str, after: str | None = None) -> list[dict]:
    """Leaf tasks whose deadline (ISO date) falls on or before ``before`` (and after ``after``)."""
    rows = []
    for t, data in graph.nodes(data=True):
        date = data.get("deadline_date")
        if data["label"] != "Task" or data.get("kind") != "item" or not date:
            continue
        if date <= before and (after is None or date > after):
            units = _task_units(graph, t)
            rows.append({"task": data["task_id"], "deadline": data["deadline"], "deadline_date": date,
                         "text": data["text"], "lead": units["lead"], "responsible": units["responsible"],
                         "document": data["document"], "line_first": data["line_first"]})
    return sorted(rows, key=lambda r: (r["deadline_date"], r["document"], r["line_first"]))


def gaps(graph) -> list[dict]:
    """Leaf tasks without a lead, units that never lead, collectives without known members."""
    rows = []
    leads = {u for u, _, d in graph.edges(data=True) if d["type"] == "LEADS"}
    led = {v for _, v, d in graph.edges(data=True) if d["type"] == "LEADS"}
    members = collective_members(graph)
    for n, data in sorted(graph.nodes(data=True), key=lambda item: item[0]):
        if data["label"] == "Task" and data.get("kind") == "item" and n not in led:
            rows.append({"gap": "task_without_lead", "name": data["task_id"], "document": data["document"], "node": n})
        elif data["label"] == "Unit" and n not in leads:
            held = any(d["type"] in EDGE_ROLES for _, _, d in graph.out_edges(n, data=True))
            if held:
                rows.append({"gap": "unit_never_leads", "name": data["name"], "document": None, "node": n})
        if data["label"] == "Unit" and data.get("kind") == "collective" and n not in members:
            rows.append({"gap": "collective_without_members", "name": data["name"], "document": None, "node": n})
    return rows
