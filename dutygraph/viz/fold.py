"""Whole-graph views too big to read, folded: tasks into their key work, units into groups, with counts.

Above :data:`FOLD_NODES` nodes a whole graph is a hairball (hundreds of tasks and
projects, every label on another). :func:`fold_view` draws instead who holds how
many tasks of what, at the first of these levels that fits in :data:`FOLDED_MAX`
nodes:

1. units × key works: each task is folded into the program of its key work
   (重点工作; a table annex's program; a row's items go with their row), drawn as
   one node sized by its tasks; a unit is joined to it by one line whose width is
   the tasks it holds there, drawn as its strongest role (lead over responsible
   over cooperating);
2. unit groups × key works: units folded into one node per city (or
   jurisdiction) and kind (株洲市职能部门 ×31);
3. unit groups × documents: the key works of each document folded into it;
4. cities × documents.

A key work that tasks of another depend on is joined to it (依赖 depends on, width =
tasks). Projects, places, targets, change events, key-work and document nodes
are left out (counted in the notes the page shows); every
tooltip lists what a node holds, so the page's search still finds a task id or
a unit's name. ``dutygraph viz --all --full`` draws every node.

>>> from dutygraph.model import Document, Task, Provenance, Assignment, Role
>>> from dutygraph.graph.build import build
>>> p = Provenance("a.txt", 5, 5)
>>> g = build([Document("a.txt", "湘潭市某计划", issuers=["湘潭市人民政府"], tasks=[Task(f"A1-{i}", "做事。", p,
...            annex=1, row=i, assignments=[Assignment("市财政局", Role.LEAD, p)]) for i in (1, 2)])])
>>> v = fold_view(g, list(g.nodes), "t")
>>> sorted(n["label"] for n in v.nodes), [(e["group"], e["value"]) for e in v.edges]
(['其他任务 2项', '湘潭市财政局'], [('LEADS', 2)])
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..graph.schema import EDGE_ROLES
from . import style
from .model import View

FOLD_NODES = 80          # a whole graph with more nodes than this is folded …
FOLDED_MAX = 120         # … at the first level drawing at most this many (above 80, the largest are labelled)
_ROLE_ORDER = ("lead", "responsible", "cooperating")
_ROLE_WORD = {"lead": "牵头 lead", "responsible": "责任 responsible", "cooperating": "配合 cooperating"}
TIP_LIST_MAX = 60        # names listed in a tooltip at most (the rest counted)


def _short(text: str | None, limit: int) -> str:
    text = (text or "").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _listed(names, limit: int = TIP_LIST_MAX) -> str:
    names = sorted(names)
    more = len(names) - limit
    return "、".join(names[:limit]) + (f" … (+{more})" if more > 0 else "")


def task_programs(graph, tasks) -> dict[str, str | None]:
    """Task id -> the program it belongs to (PART_OF; an item through its row), or None.

    A graph read from a store has no PART_OF to programs: there the program a task
    depends on by ``part_of`` is its own, and a row's is its items'.
    """
    out: dict[str, str | None] = {}
    for t in tasks:
        cur, seen, prog = t, set(), None
        while cur is not None and cur not in seen and prog is None:
            seen.add(cur)
            row = None
            for _, v, d in graph.out_edges(cur, data=True):
                label = graph.nodes[v]["label"]
                if label == "Program" and d["type"] == "PART_OF":
                    prog = v
                elif label == "Program" and d["type"] == "DEPENDS_ON" and d.get("basis") == "part_of":
                    prog = prog or v
                elif label == "Task" and d["type"] == "PART_OF":
                    row = v
            cur = row
        out[t] = prog
    for t in tasks:   # a row with no program of its own (read from a store): its items' program
        if out[t] is None:
            items = Counter(out.get(u) for u, _, d in graph.in_edges(t, data=True) if d["type"] == "PART_OF")
            items.pop(None, None)
            out[t] = min(items, key=lambda p: (-items[p], p)) if items else None
    return out


def _program_label(graph, prog: str | None, tasks: int) -> str:
    if prog is None:
        return f"其他任务 {tasks}项"
    d = graph.nodes[prog]
    ref = d.get("key_work")
    title = d.get("title") or d.get("name") or prog.rsplit("/", 1)[-1]
    if not ref:
        annexes = d.get("annexes") or []
        ref = f"附件{annexes[0]}" if annexes else (prog.rsplit("/", 1)[-1].replace("annex-", "附件"))
        if title.startswith(("annex-", "附件")) or title == ref or title == prog.rsplit("/", 1)[-1]:
            return f"{ref} {tasks}项"
    return f"{ref} {_short(title, 9)} {tasks}项"


def _document_label(graph, doc: str | None, tasks: int) -> str:
    if doc is None or doc not in graph:
        return f"{_short((doc or '—').removeprefix('doc/'), 16)} {tasks}项"
    d = graph.nodes[doc]
    return f"{_short(d.get('plan_title') or d.get('name') or d.get('title') or doc, 14)} {tasks}项"


def _unit_group(data: dict, by_city: bool) -> tuple[str, str]:
    """(group id, label prefix) of a unit: its city (or jurisdiction) and, unless ``by_city``, its kind."""
    where = data.get("city") or data.get("jurisdiction") or "—"
    if by_city:
        return f"units/{where}", where
    kind = data.get("kind") if data.get("kind") in style.UNIT_KINDS else "other"
    return f"units/{where}/{kind}", where + style.UNIT_KINDS[kind]["caption"].split(" ")[0]


# levels: (unit folding: None | "kind" | "city", task folding: "program" | "document")
LEVELS = ((None, "program"), ("kind", "program"), ("kind", "document"), ("city", "document"))


def fold_view(graph, nodes: list[str], title: str, max_nodes: int = FOLDED_MAX) -> View:
    """The folded view of ``nodes`` of ``graph`` (see the module text): the first level with at most ``max_nodes``."""
    keep = set(nodes)
    label_of = {n: graph.nodes[n]["label"] for n in nodes}
    tasks = sorted(n for n in nodes if label_of[n] == "Task")
    programs = task_programs(graph, tasks)
    # unit -> role -> tasks; task -> programs it depends on
    held: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for t in tasks:
        for u, _, d in graph.in_edges(t, data=True):
            if d["type"] in EDGE_ROLES and u in keep:
                held[u][EDGE_ROLES[d["type"]]].add(t)
    depends: dict[str, set] = defaultdict(set)
    for t in tasks:
        for _, v, d in graph.out_edges(t, data=True):
            if d["type"] == "DEPENDS_ON" and v in keep and label_of.get(v) == "Program":
                depends[t].add(v)
    left_out = Counter(label_of[n] for n in nodes if label_of[n] not in ("Task", "Unit"))
    idle_units = sum(1 for n in nodes if label_of[n] == "Unit" and n not in held)
    for level, (unit_fold, task_fold) in enumerate(LEVELS, start=1):
        view = _draw(graph, tasks, programs, held, depends, unit_fold, task_fold, title)
        if view.node_count <= max_nodes or level == len(LEVELS):
            break
    parts = {"program": "key works (重点工作) and annex programs", "document": "documents"}
    groups = sum(1 for n in view.nodes if n["group"] in ("Program", "Document"))
    notes = [f"折叠 folded: {len(tasks)} tasks into {groups} {parts[task_fold]}, size and line width = tasks"]
    if unit_fold:
        units = sum(1 for n in nodes if label_of[n] == "Unit" and n in held)
        notes.append(f"{units} units into {sum(1 for n in view.nodes if n['group'].startswith('Unit:'))} groups by "
                     + ("city" if unit_fold == "city" else "city and kind") + " (×N: units in the group)")
    named = {"Project": "projects", "Place": "places", "Target": "targets", "ChangeEvent": "change events",
             "KeyWork": "key-work nodes", "Document": "document nodes", "Program": "programs without tasks"}
    shown_programs = {n["id"] for n in view.nodes if n["group"] == "Program"}
    left_out["Program"] = sum(1 for n in nodes if label_of[n] == "Program" and n not in shown_programs) \
        if task_fold == "program" else left_out["Program"]
    if task_fold == "document":
        left_out["Document"] = 0
        named["Program"] = "programs"
    rest = [f"{count} {named.get(label, label)}" for label, count in sorted(left_out.items()) if count]
    if idle_units:
        rest.append(f"{idle_units} units holding no task")
    if rest:
        notes.append("略去 left out: " + ", ".join(rest))
    notes.append("--full draws every node")
    view.notes = notes
    view.description = f"{len(nodes)} nodes folded into {view.node_count}"
    return view


def _draw(graph, tasks, programs, held, depends, unit_fold, task_fold, title) -> View:
    doc_of = {t: graph.nodes[t].get("document") for t in tasks}

    def group_of_task(t):
        return programs[t] if task_fold == "program" else doc_of[t]

    group_tasks: dict[str | None, set] = defaultdict(set)
    for t in tasks:
        group_tasks[group_of_task(t)].add(t)
    unit_key: dict[str, str] = {}
    members: dict[str, list[str]] = defaultdict(list)
    for u in held:
        key = u if unit_fold is None else _unit_group(graph.nodes[u], unit_fold == "city")[0]
        unit_key[u] = key
        members[key].append(u)
    # a group of one unit is drawn as that unit
    for key, us in list(members.items()):
        if len(us) == 1 and key != us[0]:
            unit_key[us[0]] = us[0]
            members[us[0]] = us
            del members[key]

    nodes: list[dict] = []
    ids: dict[str | None, str] = {}
    for g, ts in sorted(group_tasks.items(), key=lambda kv: (kv[0] is None, kv[0] or "")):
        gid = g if g is not None else "tasks/other"
        ids[g] = gid
        units = {graph.nodes[u]["name"] for u, roles in held.items() if any(r & ts for r in roles.values())}
        if task_fold == "program":
            label = _program_label(graph, g, len(ts))
            data = graph.nodes[g] if g is not None else {}
            head = [data.get("name") or "其他任务 other tasks", "工作板块 program (tasks folded)"]
            if data.get("key_work"):
                head.append(f"重点工作 key work: {data['key_work']}")
            docs = sorted({doc_of[t] for t in ts if doc_of[t]})
            head.append(f"文件 document: {_listed(docs)}")
            group = "Program"
        else:
            label = _document_label(graph, g, len(ts))
            data = graph.nodes[g] if g in graph else {}
            head = [data.get("plan_title") or data.get("name") or g or "—", "文件 document (tasks folded)"]
            if data.get("title"):
                head.append(f"标题 title: {data['title']}")
            progs = {programs[t] for t in ts if programs[t]}
            head.append(f"工作板块 programs: {len(progs)}")
            group = "Document"
        ids_text = _listed(graph.nodes[t].get("task_id", t) for t in ts)
        tip = head + [f"任务 tasks: {len(ts)}", f"任务编号 task ids: {ids_text}",
                      f"单位 units: {len(units)}", f"单位 units: {_listed(units)}"]
        nodes.append({"id": gid, "label": label, "group": group, "size": style.unit_size(len(ts)) * 0.9,
                      "title": "\n".join(tip), "folded": len(ts)})
    for key, us in sorted(members.items()):
        all_tasks = set().union(*(set().union(*held[u].values()) for u in us))
        if len(us) == 1:
            u = us[0]
            d = graph.nodes[u]
            counts = {r: len(held[u][r]) for r in _ROLE_ORDER}
            tip = [d["name"], style.node_style("Unit", d.get("kind"))["caption"],
                   f"任务 tasks: {len(all_tasks)} (" + " · ".join(f"{_ROLE_WORD[r]} {counts[r]}" for r in _ROLE_ORDER)
                   + ")"]
            nodes.append({"id": u, "label": _short(d["name"], 40), "group": style.node_style("Unit", d.get("kind"))["group"],
                          "size": style.unit_size(len(all_tasks)), "title": "\n".join(tip)})
        else:
            d0 = graph.nodes[us[0]]
            _, prefix = _unit_group(d0, unit_fold == "city")
            kind = d0.get("kind") if unit_fold != "city" else None
            names = [graph.nodes[u]["name"] for u in us]
            tip = [f"{prefix} ×{len(us)}", f"{len(us)} units folded" + (
                   f" · {style.node_style('Unit', kind)['caption']}" if kind else ""),
                   f"任务 tasks: {len(all_tasks)}", f"单位 units: {_listed(names)}"]
            kinds = Counter(graph.nodes[u].get("kind") for u in us)
            group = style.node_style("Unit", kind if kind else kinds.most_common(1)[0][0])["group"]
            nodes.append({"id": key, "label": f"{prefix} ×{len(us)}", "group": group,
                          "size": style.unit_size(len(all_tasks)), "title": "\n".join(tip), "folded": len(us)})
    # unit (group) -> task group: one line, the strongest role, width = tasks
    pair: dict[tuple[str, str], dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for u, roles in held.items():
        for role, ts in roles.items():
            for t in ts:
                pair[(unit_key[u], ids[group_of_task(t)])][role].add(t)
    names = {n["id"]: n["title"].split("\n", 1)[0] for n in nodes}
    edges: list[dict] = []
    for (a, b), roles in sorted(pair.items()):
        role = next(r for r in _ROLE_ORDER if roles.get(r))
        total = len(set().union(*roles.values()))
        counts = " · ".join(f"{_ROLE_WORD[r]} {len(roles[r])}" for r in _ROLE_ORDER if roles.get(r))
        edges.append({"id": f"f{len(edges)}", "from": a, "to": b, "group": style.ROLE_EDGE[role],
                      "width": round(min(10.0, 0.8 + 0.6 * total), 1), "value": total,
                      "title": f"{names[a]} → {names[b]}\n任务 tasks: {total} ({counts})"})
    # task group -> task group it depends on (programs only)
    if task_fold == "program":
        dep: dict[tuple[str, str], set] = defaultdict(set)
        for t, progs in depends.items():
            a = ids[group_of_task(t)]
            for p in progs:
                if p in ids and ids[p] != a:
                    dep[(a, ids[p])].add(t)
        for (a, b), ts in sorted(dep.items()):
            edges.append({"id": f"f{len(edges)}", "from": a, "to": b, "group": "DEPENDS_ON",
                          "width": round(min(6.0, 0.8 + 0.4 * len(ts)), 1), "value": len(ts),
                          "title": f"{style.edge_style('DEPENDS_ON')['caption']}: {names[a]} → {names[b]}\n"
                                   f"任务 tasks: {len(ts)} ({_listed(graph.nodes[t].get('task_id', t) for t in ts)})"})
    return View(title, nodes, edges, style.legend({n["group"] for n in nodes}, {e["group"] for e in edges}))
