"""The researchers' questions, answered the same way on every backend.

Each function takes a :class:`~dutygraph.queries.backends.Backend`; names typed
by a user are matched here against the names the store returns (aliases, short
names, Traditional script, a missing 市 prefix), so user text never reaches a
query text. An unknown name raises :class:`~dutygraph.errors.QueryError` listing
the closest known names.
"""

from __future__ import annotations

from ..errors import AmbiguousNameError, QueryError
from .backends import Backend, CypherBackend
from . import lookup, ranking
from .names import Candidate, match_names


def candidates(backend: Backend) -> list[Candidate]:
    return [Candidate(r["id"], r["label"], r["name"], tuple(r["aliases"])) for r in backend.ask("names")]


def _unit_rows(backend: Backend, ids: list[str]) -> list[dict]:
    rows = {r["id"]: r for r in backend.ask("unit-info")}
    return [rows[i] for i in ids if i in rows]


def one_unit(backend: Backend, name: str, within: str = "") -> Candidate:
    """The one unit ``name`` names, narrowed to a jurisdiction or document (``within``) if given.

    Several matches raise :class:`~dutygraph.errors.AmbiguousNameError` listing each
    candidate's name, kind, jurisdiction and documents.
    """
    found = resolve(backend, name, ("Unit",), "unit")
    if len(found) == 1 and not within:
        return found[0]
    info = {r["id"]: r for r in _unit_rows(backend, [c.id for c in found])}
    if within:
        w = within.strip()
        kept = [c for c in found if _inside(info.get(c.id, {}), w)]
        if not kept:
            raise QueryError(f"no unit {name} in {within}; candidates: "
                             + "、".join(f"{c.name} ({info.get(c.id, {}).get('jurisdiction') or '?'})" for c in found))
        found = kept
    if len(found) == 1:
        return found[0]
    rows = [{"unit": c.name, "kind": info.get(c.id, {}).get("kind"),
             "jurisdiction": info.get(c.id, {}).get("jurisdiction"), "documents": info.get(c.id, {}).get("documents", [])}
            for c in found]
    rows.sort(key=lambda r: (r["jurisdiction"] or "", r["unit"]))
    listed = "; ".join(f"{r['unit']} ({r['kind']}, {r['jurisdiction'] or 'jurisdiction unknown'}, "
                       f"{', '.join(r['documents'])})" for r in rows)
    raise AmbiguousNameError(f"{name} names {len(rows)} units: {listed}; narrow it with --in", rows)


def _inside(info: dict, within: str) -> bool:
    """A unit lies within ``within``: its jurisdiction (or the qualified name) names it, or a document of its is it."""
    from ..resolve.units import simplified

    w = simplified(within)
    if w.startswith("doc/"):
        return w in (info.get("documents") or [])
    jurisdiction = info.get("jurisdiction") or ""
    return bool(jurisdiction) and (w == jurisdiction or jurisdiction.endswith(w) or w in jurisdiction) \
        or any(d == "doc/" + w or d.endswith("/" + w) for d in info.get("documents") or [])


def resolve(backend: Backend, name: str, labels: tuple[str, ...], what: str, substring: bool = False,
            cands: list[Candidate] | None = None) -> list[Candidate]:
    """The candidates ``name`` names (see :func:`~dutygraph.queries.names.match_names`); QueryError listing
    the closest known names when there is none. Without ``cands`` the store is asked only for what can
    match (:mod:`dutygraph.queries.lookup`), not for every name."""
    if cands is None:
        found = lookup.find(backend, name, labels, substring=substring)
    else:
        found = match_names(name, cands, labels, substring=substring)
    if not found:
        raise lookup.unknown(backend, name, labels, what)
    return found


def top_units(backend: Backend, role: str = "all", expand: bool = False, document: str = "", limit: int = 10):
    if role not in ("all", "lead", "responsible", "cooperating"):
        raise QueryError(f"unknown role {role!r}: use lead, responsible, cooperating or all")
    if limit and not expand and isinstance(backend, CypherBackend):
        # Cypher stores count a unit's relationships from its adjacency; SPARQL stores look each assignment
        # up (0.5 s for a unit of 1,100 tasks at 1,000 plans on pyoxigraph), so they count all at once.
        return ranking.top_units(backend, role=role, document=document, limit=limit)
    return backend.ask("top-units", role=role, expand=expand, document=document, limit=limit)


def unit_card(backend: Backend, name: str, within: str = "", follow: bool = False) -> list[dict]:
    """Every task of one unit (``within`` narrows an ambiguous name); with ``follow``, also those of the
    units it became or came from through change events (renamed, merged, split, 县 → 区), each row
    labelled with the unit's name as printed then."""
    unit = one_unit(backend, name, within)
    lineage = [unit.id] + (follow_changes(backend, unit.id) if follow else [])
    names = {unit.id: unit.name}  # the unit's name as shared-names gives it (its candidate's)
    if follow:
        names.update({r["id"]: r["name"] for r in backend.ask("shared-names") if r["id"] in lineage})
    rows = []
    for uid in lineage:
        rows += [{"unit": names.get(uid, uid), **row} for row in backend.ask("unit", unit=uid)]
    if follow:
        rows.sort(key=lambda r: (r["document"], r["line_first"], r["role"]))
    return rows


def follow_changes(backend: Backend, unit_id: str) -> list[str]:
    """The units ``unit_id`` became (later) and came from (earlier), following change events both ways
    (each direction transitively, never sideways: following 国土资源局 reaches 自然资源和规划局, not 规划局)."""
    edges = backend.ask("changes")
    later: dict[str, set] = {}
    earlier: dict[str, set] = {}
    for r in edges:
        later.setdefault(r["original"], set()).add(r["resulting"])
        earlier.setdefault(r["resulting"], set()).add(r["original"])
    out: list[str] = []
    for step in (later, earlier):
        frontier, seen = [unit_id], {unit_id}
        while frontier:
            nxt = sorted({n for f in frontier for n in step.get(f, ())} - seen)
            seen |= set(nxt)
            out += [n for n in nxt if n not in out]
            frontier = nxt
    return out


def task_card(backend: Backend, task: str) -> list[dict]:
    found = resolve(backend, task, ("Task",), "task")
    if len(found) > 1:
        raise QueryError(f"task {task} is in several documents; give its full id: "
                         + ", ".join(c.id for c in found))
    return backend.ask("task", task=found[0].id)


def depends(backend: Backend, name: str) -> list[dict]:
    """Every leaf task depending on the programs, projects, places or tasks that ``name`` names.

    For a place, the places within it and the programs about it count as well. Tasks whose own text
    or row title names ``name`` count too (basis ``names_text``, the weakest), so that a name no
    program, project or place carries (老旧小区改造) finds the tasks that print it, and a project
    found in one task's text (公办幼儿园) does not hide the other tasks that print its name.
    Each task is listed once, with its strongest basis.
    """
    from .topics import task_hits

    labels = ("Program", "Project", "Place", "Task")
    found = lookup.find(backend, name, labels, substring=True)
    targets = {c.id for c in found}
    frontier = [t for t in targets if t.startswith("place/")]
    while frontier:
        new = {r["id"] for r in backend.ask("place-closure", ids=sorted(frontier))} - targets
        targets |= new
        frontier = [t for t in new if t.startswith("place/")]
    best: dict[str, dict] = {}
    for row in backend.ask("depends", targets=sorted(targets)) if targets else []:
        if row["node"] not in best or (row["rank"], row["via"]) < (best[row["node"]]["rank"], best[row["node"]]["via"]):
            best[row["node"]] = row
    printed = name.strip()
    for node, hit in task_hits(backend, printed, own=True).items() if printed else ():
        if node not in best and hit["own"]:
            best[node] = {"node": node, "rank": 4, "basis": "names_text", "via": printed, "printed": printed}
    if not best and not found:
        raise lookup.unknown(backend, name, labels, "program, project, place or task")
    details = {r["node"]: r for r in backend.ask("task-rows", tasks=sorted(best))}
    rows = []
    for node, dep in best.items():
        d = details[node]
        rows.append({"task": d["task"], "basis": dep["basis"], "via": dep["via"], "printed": dep["printed"],
                     "lead": d["lead"], "responsible": d["responsible"], "text": d["text"],
                     "document": d["document"], "line_first": d["line_first"], "line_last": d["line_last"]})
    return sorted(rows, key=lambda r: (r["document"], r["line_first"], r["task"]))


def partners(backend: Backend, name: str | None = None) -> list[dict]:
    """Units sharing tasks with one unit (or every pair), weighted by shared tasks."""
    if name:
        unit = one_unit(backend, name)
        rows = backend.ask("partners", unit=unit.id)
        out = [{"unit": unit.name, "partner": r["b_name"] if r["a"] == unit.id else r["a_name"],
                "shared_tasks": r["shared_tasks"]} for r in rows]
    else:
        out = [{"unit": r["a_name"], "partner": r["b_name"], "shared_tasks": r["shared_tasks"]}
               for r in backend.ask("partners", unit="")]
    return sorted(out, key=lambda r: (-r["shared_tasks"], r["unit"], r["partner"]))


def places(backend: Backend) -> list[dict]:
    return backend.ask("places")


def due(backend: Backend, before: str, after: str = "") -> list[dict]:
    from .dates import checked_date

    return backend.ask("due", before=checked_date(before), after=checked_date(after, "--after") if after else "")


def gaps(backend: Backend) -> list[dict]:
    return [{k: r[k] for k in ("gap", "name", "document")} for r in backend.ask("gaps")]


def brokers(backend: Backend, limit: int = 10) -> list[dict]:
    """Units bridging otherwise separate groups: betweenness on the co-responsibility network.

    The network comes from the backend's ``partners`` rows; the centrality is
    computed with networkx (distance = 1 / shared tasks).
    """
    import networkx as nx

    net = nx.Graph()
    for r in backend.ask("partners", unit=""):
        net.add_edge(r["a_name"], r["b_name"], distance=1.0 / r["shared_tasks"])
    centrality = nx.betweenness_centrality(net, weight="distance", normalized=True)
    rows = [{"unit": u, "betweenness": round(c, 6), "partners": net.degree(u)} for u, c in centrality.items()]
    rows.sort(key=lambda r: (-r["betweenness"], r["unit"]))
    return rows[:limit] if limit else rows
