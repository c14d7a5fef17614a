"""Units ranked by the tasks they hold, without counting every unit's distinct tasks.

Counting each unit's tasks once (a unit may hold a task in two roles) costs a hash of
every assignment: ``top-units`` takes 0.2 to 0.4 s at 1,000 plans on ladybug, growing with
the store. A unit's assignments are an upper bound of its tasks and cost a count per unit
(``unit-holds``); the exact counts (``unit-tasks``) are then needed only for the units
whose bound can still reach the top ``limit``: a threshold ranking. The rows are those of
``top-units`` (its order: tasks, descending, then name); it is used for the ranking without
``expand`` and with a limit, the rest asks ``top-units``.
"""

from __future__ import annotations

from .backends import Backend


def top_units(backend: Backend, role: str = "all", document: str = "", limit: int = 10) -> list[dict]:
    """The first ``limit`` rows of ``top-units`` (role, document, no expand)."""
    bounds = sorted(backend.ask("unit-holds", role=role, document=document),
                    key=lambda r: (-r["held"], r["unit"] or "", r["id"]))
    exact: dict[str, dict] = {}
    start = 0
    while start < len(bounds):
        # the next units by bound: enough for the limit at first, then every one that can still reach it
        if len(exact) < limit:
            batch = bounds[start:start + limit - len(exact)]
        else:
            floor = sorted(r["tasks"] for r in exact.values())[-limit]
            batch = [r for r in bounds[start:] if r["held"] >= floor]
            if not batch:
                break
        start += len(batch)
        for row in backend.ask("unit-tasks", units=[r["id"] for r in batch], role=role, document=document):
            exact[row["id"]] = row
    rows = sorted(exact.values(), key=lambda r: (-r["tasks"], r["unit"] or ""))
    return [{"unit": r["unit"], "kind": r["kind"], "tasks": r["tasks"]} for r in rows[:limit]]
