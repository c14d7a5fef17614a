"""The four views: the whole graph, a unit's neighbourhood, the impact of a ``depends`` question, partners.

Each returns a :class:`~dutygraph.viz.model.View`. ``all_view`` and ``unit_view``
read a networkx graph (``build`` of documents, or
:func:`~dutygraph.viz.source.graph_from_backend` of a store); ``depends_view``
and ``partners_view`` draw the rows of :func:`dutygraph.queries.ask.depends` and
:func:`dutygraph.queries.ask.partners`, so they work on any backend. Labels and
tooltips are plain text; the page sets them as text, never as markup.

>>> from dutygraph.model import Document, Task, Provenance, Assignment, Role
>>> from dutygraph.graph.build import build
>>> p = Provenance("a.txt", 5, 5)
>>> g = build([Document("a.txt", "湘潭市某计划", issuers=["湘潭市人民政府"], tasks=[Task("A1-1", "做事。", p,
...            annex=1, row=1, assignments=[Assignment("市财政局", Role.LEAD, p)])])])
>>> v = all_view(g)
>>> v.node_count == g.number_of_nodes(), v.edge_count == g.number_of_edges()
(True, True)
>>> u = unit_view(g, "unit/湘潭市财政局")
>>> sorted(n["label"] for n in u.nodes)
['A1-1', '湘潭市财政局']
>>> partners_view([{"unit": "甲局", "partner": "乙局", "shared_tasks": 3}]).edges[0]["title"]
'甲局 — 乙局\\n共同任务 shared tasks: 3'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

from ..errors import QueryError
from ..graph.schema import EDGE_ROLES
from ..queries.networkx_backend import depends as nx_depends
from ..queries.networkx_backend import unit_tasks
from . import style
from .fold import FOLD_NODES, fold_view
from .model import View

TASK_SIZE = 8
ROW_SIZE = 11


def _short(text: str | None, limit: int = 18) -> str:
    text = (text or "").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


# A name printed on the canvas is cut here (the tooltip keeps up to TIP_NAME_MAX characters): a unit
# name a megabyte long, drawn whole, leaves the page blank.
NAME_LABEL_MAX = 40
TIP_NAME_MAX = 2000


def _name_label(name: str) -> str:
    return _short(name, NAME_LABEL_MAX)


def _join(names: Iterable[str]) -> str:
    return "、".join(names) or "—"


# -- tooltips: plain text, one fact a line ---------------------------------------------------------
def _task_units(graph, task: str) -> dict[str, list[str]]:
    units: dict[str, list[str]] = {r: [] for r in style.ROLE_EDGE}
    for u, _, d in graph.in_edges(task, data=True):
        if d["type"] in EDGE_ROLES:
            units[EDGE_ROLES[d["type"]]].append(graph.nodes[u]["name"])
    return {r: sorted(v) for r, v in units.items()}


def task_tooltip(task_id: str, text: str, units: dict[str, list[str]], *, title: str | None = None,
                 deadline: str | None = None, document: str | None = None, line_first=None, line_last=None,
                 extra: Iterable[str] = ()) -> str:
    lines = [f"任务 {task_id}" + (f" · {title}" if title else ""), text or ""]
    for role, names in units.items():
        if names or role != "cooperating":
            lines.append(f"{style.ROLE_CAPTION[role]} {role}: {_join(names)}")
    if deadline:
        lines.append(f"期限 deadline: {deadline}")
    lines.extend(extra)
    lines.append(f"来源 source: {style.lines_text(document, line_first, line_last)}")
    return "\n".join(lines)


def unit_tooltip(name: str, kind: str | None, counts: dict[str, int] | None = None,
                 aliases: Iterable[str] = (), documents: Iterable[str] = (), extra: Iterable[str] = ()) -> str:
    lines = [_short(name, TIP_NAME_MAX), style.node_style("Unit", kind)["caption"]]
    other = [a for a in aliases if a != name]
    if other:
        lines.append(f"别名 printed as: {_join(other)}")
    if counts is not None:
        lines.append(f"任务 tasks: {counts.get('all', 0)} (牵头 lead {counts.get('lead', 0)} · "
                     f"责任 responsible {counts.get('responsible', 0)} · 配合 cooperating {counts.get('cooperating', 0)})")
    lines.extend(extra)
    if documents:
        lines.append(f"文件 documents: {_join(documents)}")
    return "\n".join(lines)


def _node_tooltip(graph, n: str, data: dict, counts: dict[str, dict[str, int]], attached: Counter) -> str:
    label = data["label"]
    if label == "Unit":
        return unit_tooltip(data["name"], data.get("kind"), counts.get(n, {}), data.get("aliases", ()),
                            data.get("documents", ()))
    if label == "Task":
        extra = [f"层级 kind: {'row (表格行)' if data.get('kind') == 'row' else 'item'}"]
        if data.get("amounts"):
            extra.append(f"金额 amounts: {_join(data['amounts'])}")
        if data.get("zone"):
            extra.append(f"片区 zone: {data['zone']}")
        return task_tooltip(data.get("task_id", n), data.get("text", ""), _task_units(graph, n),
                            title=data.get("title"), deadline=data.get("deadline"), document=data.get("document"),
                            line_first=data.get("line_first"), line_last=data.get("line_last"), extra=extra)
    caption = style.node_style(label)["caption"]
    lines = [_short(data.get("name") or n, TIP_NAME_MAX), caption]
    if label == "Program":
        if data.get("key_work"):
            lines.append(f"重点工作 key work: {data['key_work']}")
        for t in data.get("annex_titles", []):
            lines.append(f"附件 annex: {t}")
        lines.append(f"依赖任务 tasks depending on it: {attached[n]}")
    elif label in ("Place", "Project"):
        for key, cap in (("kind", "类别 kind"), ("type", "类别 type"), ("qualified", "全称 qualified"),
                         ("phase", "期 phase")):
            if data.get(key):
                lines.append(f"{cap}: {data[key]}")
        lines.append(f"相关任务 tasks: {attached[n]}")
    elif label == "Document":
        for key, cap in (("title", "标题 title"), ("issued", "印发 issued"), ("source", "文件 file")):
            if data.get(key):
                lines.append(f"{cap}: {data[key]}")
    elif label in ("KeyWork", "Target"):
        if data.get("text"):
            lines.append(data["text"])
        lines.append(f"来源 source: {style.lines_text(data.get('document'), data.get('line_first'), data.get('line_last'))}")
    return "\n".join(lines)


def _node_label(n: str, data: dict) -> str:
    label = data["label"]
    if label == "Task":
        return data.get("task_id", n)
    if label == "KeyWork":
        return f"{data.get('ref', '')} {_short(data.get('title'), 14)}".strip()
    if label in ("Unit", "Place"):
        return _name_label(data.get("name") or n)
    return _short(data.get("name") or n)


def _edge_tooltip(graph, u: str, v: str, d: dict) -> str:
    caption = style.edge_style(d["type"])["caption"]
    lines = [f"{caption}: {graph.nodes[u].get('name', u)} → {graph.nodes[v].get('name', v)}"]
    if d.get("printed"):
        lines.append(f"原文 printed: {d['printed']}")
    if d.get("basis"):
        lines.append(f"依据 basis: {d['basis']}" + (" (inferred)" if d.get("inferred") else ""))
    where = style.lines_text(d.get("document"), d.get("line_first"), d.get("line_last"))
    if where:
        lines.append(f"来源 source: {where}")
    elif d.get("documents"):
        lines.append(f"文件 documents: {_join(d['documents'])}")
    return "\n".join(lines)


def _role_counts(graph) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"lead": 0, "responsible": 0, "cooperating": 0})
    for role in style.ROLE_EDGE:
        for u, tasks in unit_tasks(graph, role).items():
            counts[u][role] = len(tasks)
    for u, tasks in unit_tasks(graph).items():
        counts[u]["all"] = len(tasks)
    return counts


def _attached(graph) -> Counter:
    """Per non-unit node: the tasks pointing at it (depending on, located in, concerning)."""
    c: Counter = Counter()
    for u, v, d in graph.edges(data=True):
        if d["type"] in ("DEPENDS_ON", "LOCATED_IN", "CONCERNS") and graph.nodes[u]["label"] == "Task":
            c[v] += 1
    return c


def _graph_view(graph, nodes: list[str], edge_types: set[str] | None, title: str, description: str,
                focus: str | None = None) -> View:
    counts, attached = _role_counts(graph), _attached(graph)
    keep = set(nodes)
    out_nodes = []
    for n in nodes:
        data = graph.nodes[n]
        label = data["label"]
        s = style.node_style(label, data.get("kind"))
        if label == "Unit":
            size = style.unit_size(counts.get(n, {}).get("all", 0))
        elif label == "Task":
            size = ROW_SIZE if data.get("kind") == "row" else TASK_SIZE
        else:
            size = style.unit_size(attached[n]) * 0.8
        node = {"id": n, "label": _node_label(n, data), "group": s["group"], "size": size,
                "title": _node_tooltip(graph, n, data, counts, attached)}
        if n == focus:
            node["focus"] = True
        out_nodes.append(node)
    out_edges = []
    for i, (u, v, d) in enumerate(graph.edges(data=True)):
        if u in keep and v in keep and (edge_types is None or d["type"] in edge_types):
            out_edges.append({"id": f"e{i}", "from": u, "to": v, "group": d["type"],
                              "title": _edge_tooltip(graph, u, v, d)})
    return View(title, out_nodes, out_edges, style.legend({n["group"] for n in out_nodes},
                                                          {e["group"] for e in out_edges}), description)


def all_view(graph, document: str | None = None, edge_types: Iterable[str] | None = None,
             full: bool = False) -> View:
    """The whole graph (every node and edge), or what one document contributes and names.

    ``document`` is a document id (``doc/…``); ``edge_types`` limits the edges drawn
    (all nodes are kept). Above :data:`~.fold.FOLD_NODES` nodes the view is folded
    (:func:`~.fold.fold_view`: tasks into their key works, units into groups if
    need be), unless ``full``.
    """
    if document:
        if document not in graph:
            raise QueryError(f"no such document: {document}")
        nodes = [n for n, d in graph.nodes(data=True)
                 if n == document or d.get("document") == document or document in d.get("documents", ())]
        title = f"{graph.nodes[document].get('name') or document}"
    else:
        nodes = list(graph.nodes)
        docs = [d.get("name") for _, d in graph.nodes(data=True) if d["label"] == "Document"]
        if not docs:  # a graph read from a store through the questions: documents named by the tasks
            docs = sorted({d["document"] for _, d in graph.nodes(data=True) if d.get("document")})
        title = docs[0] if len(docs) == 1 else f"{len(docs)} documents"
    types = set(edge_types) if edge_types is not None else None
    if not full and len(nodes) > FOLD_NODES:
        return fold_view(graph, sorted(nodes), f"全图 whole graph (折叠 folded): {title}")
    return _graph_view(graph, sorted(nodes), types, f"全图 whole graph: {title}",
                       f"{len(nodes)} nodes: every task, unit, place, program and project")


UNIT_EDGES = {"LEADS", "RESPONSIBLE_FOR", "COOPERATES_ON", "LOCATED_IN", "MEMBER_OF", "GOVERNS", "PART_OF"}


def unit_view(graph, unit_id: str, depth: int = 1) -> View:
    """A unit's neighbourhood: its tasks, the units sharing them, their places and programs.

    ``depth`` 2 adds the co-units' own tasks and their partners, and so on. The unit's
    collectives (MEMBER_OF) and the places it governs are included.
    """
    if unit_id not in graph or graph.nodes[unit_id]["label"] != "Unit":
        raise QueryError(f"no such unit: {unit_id}")
    if depth < 1:
        raise QueryError("depth must be at least 1")
    selected, units, frontier = {unit_id}, {unit_id}, [unit_id]
    for _ in range(depth):
        new_units = set()
        for u in frontier:
            for _, v, d in graph.out_edges(u, data=True):
                if d["type"] in ("MEMBER_OF", "GOVERNS"):
                    selected.add(v)
            for _, task, d in graph.out_edges(u, data=True):
                if d["type"] not in EDGE_ROLES:
                    continue
                selected.add(task)
                for w, _, e in graph.in_edges(task, data=True):
                    if e["type"] in EDGE_ROLES and w not in units:
                        new_units.add(w)
                for _, w, e in graph.out_edges(task, data=True):
                    if e["type"] == "LOCATED_IN" or (e["type"] == "PART_OF" and graph.nodes[w]["label"] == "Program"):
                        selected.add(w)
        units |= new_units
        selected |= new_units
        frontier = sorted(new_units)
    name = graph.nodes[unit_id]["name"]
    return _graph_view(graph, sorted(selected), UNIT_EDGES, f"单位 unit: {name} (depth {depth})",
                       f"{name}: its tasks, co-units, places and programs", focus=unit_id)


# -- from rows: any backend -----------------------------------------------------------------------
def _unit_info(units) -> dict[str, dict]:
    """Unit name -> {kind, tasks}: from top-units rows (any backend) or a networkx graph."""
    if units is None:
        return {}
    if hasattr(units, "nodes"):
        counts = unit_tasks(units)
        return {d["name"]: {"kind": d.get("kind"), "tasks": len(counts.get(n, ())), "id": n}
                for n, d in units.nodes(data=True) if d["label"] == "Unit"}
    return {r["unit"]: {"kind": r.get("kind"), "tasks": r.get("tasks", 0)} for r in units}


def _by_name(graph, names, labels: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Node name -> (id, label), from the graph or from rows of the ``names`` question."""
    found: dict[str, tuple[str, str]] = {}
    if graph is not None:
        items = ((n, d["label"], d.get("name")) for n, d in graph.nodes(data=True))
    else:
        items = ((r["id"], r["label"], r["name"]) for r in names or ())
    for node, label, name in sorted(items, key=lambda t: (labels.index(t[1]) if t[1] in labels else 9, t[0])):
        if label in labels:
            found.setdefault(name, (node, label))
    return found


_VIA_LABEL = {"located_in": "Place", "concerns": "Project"}   # any other basis: a program
_BASIS_WIDTH = {"part_of": 2.5, "explicit_reference": 2.0, "names_program": 1.5, "names_project": 1.2,
                "shares_project": 1.0, "concerns": 1.2, "located_in": 1.2}


def _via_type(basis: str, via_label: str) -> str:
    """The relationship a task has to what it depends on through: the graph's own type, for the legend.

    A project is what a task CONCERNS, a place where it is LOCATED_IN, a row task what it is
    PART_OF; only a program is what a task DEPENDS_ON.

    >>> _via_type("concerns", "Project"), _via_type("located_in", "Place"), _via_type("part_of", "Program")
    ('CONCERNS', 'LOCATED_IN', 'DEPENDS_ON')
    """
    if via_label == "Task":
        return "PART_OF"
    return {"concerns": "CONCERNS", "located_in": "LOCATED_IN"}.get(basis, "DEPENDS_ON")


def depends_view(graph, rows_or_targets, question: str | None = None, units=None, names=None) -> View:
    """The impact view: every task depending on what ``question`` names, with its units.

    ``rows_or_targets``: the rows of :func:`dutygraph.queries.ask.depends` (any backend),
    or target node ids, answered on ``graph``. ``graph`` (may be None with rows), or
    ``units`` (top-units rows) and ``names`` (rows of the ``names`` question), give
    unit kinds and the ids and labels of what tasks depend on. Each task points at the
    program it depends on, the place it is located in, the project it concerns or the row task
    it is part of (the edge named by that relationship; line width by basis); lead
    units reach it by solid lines, responsible units by dashed ones.
    """
    items = list(rows_or_targets)
    if items and isinstance(items[0], str):
        if graph is None:
            raise QueryError("depends_view needs the graph to answer target ids")
        missing = [t for t in items if t not in graph]
        if missing:
            raise QueryError(f"no such node: {', '.join(missing)}")
        rows = nx_depends(graph, items)
        question = question or "、".join(graph.nodes[t].get("name", t) for t in items)
    else:
        rows = items
    info = _unit_info(units if units is not None else graph)
    vias = _by_name(graph, names, ("Program", "Place", "Project", "Task"))
    nodes: dict[str, dict] = {}
    edges: list[dict] = []
    held: Counter = Counter()
    via_tasks: Counter = Counter()
    root = None
    if question:
        root = "question"
        nodes[root] = {"id": root, "label": question, "group": "Question", "size": 30, "focus": True,
                       "title": f"查询 depends on: {question}\n依赖任务 tasks depending: {len(rows)}"}
    for row in rows:
        via_label = _VIA_LABEL.get(row["basis"], "Program")
        via_id, via_label = vias.get(row["via"], (f"{via_label.lower()}/{row['via']}", via_label))
        via_tasks[via_id] += 1
        if via_id not in nodes:
            nodes[via_id] = {"id": via_id, "label": _short(row["via"]), "group": via_label, "size": 20,
                             "title": f"{row['via']}\n{style.node_style(via_label)['caption']}"}
            if root:
                edges.append({"id": f"q{len(edges)}", "from": via_id, "to": root, "group": "ABOUT",
                              "title": f"{row['via']} ⊂ {question}"})
        task_id = f"{row['document']}/task/{row['task']}"
        units = {"lead": row.get("lead", []), "responsible": row.get("responsible", [])}
        nodes[task_id] = {"id": task_id, "label": row["task"], "group": "Task", "size": TASK_SIZE,
                          "title": task_tooltip(row["task"], row.get("text", ""), units,
                                                document=row["document"], line_first=row.get("line_first"),
                                                line_last=row.get("line_last"),
                                                extra=[f"依据 basis: {row['basis']} (via {row['via']})"]
                                                + ([f"原文 printed: {row['printed']}"] if row.get("printed") else []))}
        rel = _via_type(row["basis"], via_label)
        edges.append({"id": f"d{len(edges)}", "from": task_id, "to": via_id, "group": rel,
                      "width": _BASIS_WIDTH.get(row["basis"], 1.0),
                      "title": f"{style.edge_style(rel)['caption']}: {row['task']} → {row['via']}"
                               f"\n依据 basis: {row['basis']}"
                      + (f"\n原文 printed: {row['printed']}" if row.get("printed") else "")})
        for role in ("lead", "responsible"):
            for name in units[role]:
                uid = info.get(name, {}).get("id") or f"unit/{name}"
                held[uid] += 1
                if uid not in nodes:
                    nodes[uid] = {"id": uid, "label": _name_label(name), "name": name,
                                  "group": style.node_style("Unit", info.get(name, {}).get("kind"))["group"]}
                edges.append({"id": f"r{len(edges)}", "from": uid, "to": task_id, "group": style.ROLE_EDGE[role],
                              "title": f"{style.ROLE_CAPTION[role]} {role}: {name} → {row['task']}"})
    for uid, node in nodes.items():
        if node["group"].startswith("Unit:"):
            kind = node["group"].partition(":")[2]
            node["size"] = style.unit_size(held[uid])
            node["title"] = unit_tooltip(node.pop("name"), kind,
                                         extra=[f"依赖任务中 dependent tasks held here: {held[uid]}"])
        elif uid in via_tasks:
            node["size"] = style.unit_size(via_tasks[uid])
            node["title"] += f"\n依赖任务 tasks depending: {via_tasks[uid]}"
    node_list = list(nodes.values())
    title = f"影响 depends on: {question}" if question else "影响 depends on"
    return View(title, node_list, edges, style.legend({n["group"] for n in node_list}, {e["group"] for e in edges}),
                f"{len(rows)} tasks depend on {question or 'the targets'}")


def partners_view(rows, units=None, min_shared: int = 1) -> View:
    """The co-responsibility network: units as nodes, one edge per pair sharing tasks (width = shared tasks).

    ``rows`` are :func:`dutygraph.queries.ask.partners` rows (``unit``, ``partner``,
    ``shared_tasks``); ``units`` (top-units rows or a graph) gives kinds and task
    counts (node size); without it a unit is sized by the tasks it shares.
    """
    info = _unit_info(units)
    shared: Counter = Counter()
    pairs = []
    for r in rows:
        if r["shared_tasks"] >= min_shared:
            pairs.append(r)
            shared[r["unit"]] += r["shared_tasks"]
            shared[r["partner"]] += r["shared_tasks"]
    degree = Counter()
    for r in pairs:
        degree[r["unit"]] += 1
        degree[r["partner"]] += 1
    nodes = []
    for name in sorted(shared):
        i = info.get(name, {})
        tasks = i.get("tasks")
        extra = [f"伙伴 partners: {degree[name]}", f"共同任务合计 shared tasks (sum over partners): {shared[name]}"]
        if tasks is not None:
            extra.insert(0, f"任务 tasks: {tasks}")
        nodes.append({"id": i.get("id") or f"unit/{name}", "label": _name_label(name), "name": name,
                      "group": style.node_style("Unit", i.get("kind"))["group"],
                      "size": style.unit_size(tasks if tasks is not None else shared[name]),
                      "title": unit_tooltip(name, i.get("kind"), extra=extra)})
    ids = {n.pop("name"): n["id"] for n in nodes}
    edges = [{"id": f"p{k}", "from": ids[r["unit"]], "to": ids[r["partner"]], "group": "SHARES_TASKS",
              "width": round(min(12.0, 0.6 + 0.9 * r["shared_tasks"]), 1), "value": r["shared_tasks"],
              "title": f"{r['unit']} — {r['partner']}\n共同任务 shared tasks: {r['shared_tasks']}"}
             for k, r in enumerate(pairs)]
    return View("协同网络 co-responsibility network", nodes, edges,
                style.legend({n["group"] for n in nodes}, {"SHARES_TASKS"}),
                f"{len(nodes)} units, {len(edges)} pairs sharing at least {min_shared} task(s)")
