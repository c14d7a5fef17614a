"""The questions of :mod:`dutygraph.queries.ask`, for one document (``document``: any name
:func:`~dutygraph.queries.documents.resolve_document` takes; None or "" for every document),
and the overdue tasks.

An unknown or ambiguous document is a QueryError before anything is asked.
"""

from __future__ import annotations

import datetime as dt

from ..errors import QueryError
from . import ask, lookup
from .backends import Backend, collector_paused
from .dates import checked_date, day_before, today
from .documents import resolve_document


def _only(rows: list[dict], doc: str) -> list[dict]:
    return [r for r in rows if r.get("document") == doc] if doc else rows


@collector_paused
def top_units(backend: Backend, role: str = "all", expand: bool = False, document: str | None = None,
              limit: int = 10) -> list[dict]:
    return ask.top_units(backend, role=role, expand=expand, document=resolve_document(backend, document),
                         limit=limit)


@collector_paused
def unit_card(backend: Backend, name: str, document: str | None = None, within: str = "",
              follow: bool = False) -> list[dict]:
    doc = resolve_document(backend, document)
    return _only(ask.unit_card(backend, name, within=within, follow=follow), doc)


LISTED = 10  # full ids listed when a task id is in several documents (a store of 3,000 plans has 2,800 A4-2)


@collector_paused
def task_card(backend: Backend, task: str, document: str | None = None) -> list[dict]:
    """The task's card, opened by a row with its text, every row naming its document."""
    doc = resolve_document(backend, document)
    if doc:  # the document's tasks the name matches: looked up by their node ids
        found = [c for c in lookup.find(backend, task, ("Task",), document=doc) if c.id.startswith(f"{doc}/task/")]
    if not doc or not found:  # the whole store: and "no such task" rather than "none in that document"
        found = ask.resolve(backend, task, ("Task",), "task")
    if doc:
        found = [c for c in found if c.id.startswith(f"{doc}/task/")]
        if not found:
            raise QueryError(f"no task {task} in {doc}")
    if len(found) > 1:
        shown = ", ".join(c.id for c in found[:LISTED])
        more = f" and {len(found) - LISTED:,} more" if len(found) > LISTED else ""
        raise QueryError(f"task {task} is in {len(found):,} documents; give --document or its full id: {shown}{more}")
    node = found[0].id
    info = backend.ask("task-rows", tasks=[node])
    document = info[0]["document"] if info else ""
    rows = [{"task": info[0]["task"], "relation": "text", "name": info[0]["text"], "basis": ""}] if info else []
    rows += backend.ask("task", task=node)
    return [{**r, "document": document} for r in rows]


@collector_paused
def depends(backend: Backend, name: str, document: str | None = None) -> list[dict]:
    doc = resolve_document(backend, document)
    return _only(ask.depends(backend, name), doc)


def due(backend: Backend, before: str, after: str = "", document: str | None = None) -> list[dict]:
    doc = resolve_document(backend, document)
    return _only(ask.due(backend, before, after), doc)


def overdue(backend: Backend, as_of: str | None = None, document: str | None = None) -> list[dict]:
    """Leaf tasks whose deadline has passed on ``as_of`` (default: today): deadline before that day."""
    day = checked_date(as_of, "--as-of") if as_of else today()
    doc = resolve_document(backend, document)
    rows = _only(backend.ask("due", before=day_before(day), after=""), doc)
    end = dt.date.fromisoformat(day)
    return [{"task": r["task"], "deadline": r["deadline"], "deadline_date": r["deadline_date"],
             "days_over": (end - dt.date.fromisoformat(r["deadline_date"])).days, "text": r["text"],
             "lead": r["lead"], "document": r["document"], "line_first": r["line_first"]} for r in rows]


def partners(backend: Backend, name: str | None = None, document: str | None = None) -> list[dict]:
    """Units sharing tasks with one unit (or every pair), within one document if given."""
    doc = resolve_document(backend, document)
    if not doc:
        return ask.partners(backend, name)
    if name:
        unit = ask.resolve(backend, name, ("Unit",), "unit")[0]
        rows = backend.ask("partners", unit=unit.id, document=doc)
        out = [{"unit": unit.name, "partner": r["b_name"] if r["a"] == unit.id else r["a_name"],
                "shared_tasks": r["shared_tasks"]} for r in rows]
    else:
        out = [{"unit": r["a_name"], "partner": r["b_name"], "shared_tasks": r["shared_tasks"]}
               for r in backend.ask("partners", unit="", document=doc)]
    return sorted(out, key=lambda r: (-r["shared_tasks"], r["unit"], r["partner"]))


def brokers(backend: Backend, limit: int = 10, document: str | None = None) -> list[dict]:
    """Betweenness on the co-responsibility network (of one document if given); see :func:`ask.brokers`."""
    doc = resolve_document(backend, document)
    if not doc:
        return ask.brokers(backend, limit)
    import networkx as nx

    net = nx.Graph()
    for r in backend.ask("partners", unit="", document=doc):
        net.add_edge(r["a_name"], r["b_name"], distance=1.0 / r["shared_tasks"])
    centrality = nx.betweenness_centrality(net, weight="distance", normalized=True)
    rows = [{"unit": u, "betweenness": round(c, 6), "partners": net.degree(u)} for u, c in centrality.items()]
    rows.sort(key=lambda r: (-r["betweenness"], r["unit"]))
    return rows[:limit] if limit else rows
