"""The name-lookup questions on the networkx graph: same rows as their Cypher and SPARQL texts.

They return what :mod:`dutygraph.queries.lookup` needs to match a name without reading every
name of the store: the shared nodes' names, the programs and projects whose names hold a key,
tasks by node id, by task id or by a part of their node id, and documents' names.
"""

from __future__ import annotations


def _task_row(n, d) -> dict:
    return {"id": n, "label": "Task", "name": d["task_id"], "aliases": [n]}


def shared_names(graph):
    return [{"id": n, "label": d["label"], "name": d["name"], "aliases": list(d.get("aliases") or [])}
            for n, d in graph.nodes(data=True) if d["label"] in ("Unit", "Place")]


def names_holding(graph, key="", also=""):
    rows = []
    for n, d in graph.nodes(data=True):
        alias = {"Program": "key_work", "Project": "base_name"}.get(d["label"])
        if alias is None:
            continue
        names = [d["name"]] + ([d[alias]] if d.get(alias) is not None else [])
        if any(key in x for x in names) and any(also in x for x in names):
            rows.append({"id": n, "label": d["label"], "name": d["name"], "aliases": names[1:]})
    return rows


def task_names(graph, ids=()):
    return [_task_row(n, graph.nodes[n]) for n in dict.fromkeys(ids)
            if n in graph and graph.nodes[n]["label"] == "Task"]


def task_ids(graph, task_id=""):
    return [_task_row(n, d) for n, d in graph.nodes(data=True) if d["label"] == "Task" and d["task_id"] == task_id]


def tasks_holding(graph, part=""):
    return [_task_row(n, d) for n, d in graph.nodes(data=True) if d["label"] == "Task" and part in n]


def _document_row(n, d) -> dict:
    return {"id": n, "title": d.get("name"), "source": d.get("source")}


def document_names(graph):
    return [_document_row(n, d) for n, d in graph.nodes(data=True) if d["label"] == "Document"]


def document_ids(graph, ids=()):
    return [_document_row(n, graph.nodes[n]) for n in dict.fromkeys(ids)
            if n in graph and graph.nodes[n]["label"] == "Document"]


def _held(graph, role, document):
    from .networkx_backend import _role_edges

    for u, v, d in _role_edges(graph, None if role == "all" else role):
        if not document or d.get("document") == document:
            yield u, v


def _unit_row(graph, u, **count) -> dict:
    return {"id": u, "unit": graph.nodes[u]["name"], "kind": graph.nodes[u].get("kind"), **count}


def unit_holds(graph, role="all", document=""):
    """Per unit: its role relationships (in ``role``, of ``document``), an upper bound of its tasks."""
    held: dict[str, int] = {}
    for u, _ in _held(graph, role, document):
        held[u] = held.get(u, 0) + 1
    return [_unit_row(graph, u, held=n) for u, n in held.items()]


def unit_tasks(graph, units=(), role="all", document=""):
    """Per given unit: the tasks it holds (in ``role``, of ``document``), each once."""
    wanted = set(units)
    tasks: dict[str, set] = {}
    for u, v in _held(graph, role, document):
        if u in wanted:
            tasks.setdefault(u, set()).add(v)
    return [_unit_row(graph, u, tasks=len(t)) for u, t in tasks.items()]
