"""Plan against plan: what a later plan carried over, added and dropped, and what recurs year after year.

Tasks are matched by the similarity of their texts (rapidfuzz's ``ratio`` on the texts
without punctuation and numbers, 0-100): the best-scoring pairs first, each task in at
most one pair, pairs scoring at least ``threshold``. Units are compared by their
canonical names (the same unit in two plans is one node).

>>> pairs(["完成老旧小区改造120个。", "新建公厕30座。"], ["完成老旧小区改造150个。", "新建停车位5000个。"], 60)
[(0, 0, 100)]
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..errors import QueryError
from .backends import Backend
from .documents import match_document
from .topics import task_hits

THRESHOLD = 60
_NOISE = re.compile(r"[\W\d_a-zA-Z%]+")


def _core(text: str) -> str:
    return _NOISE.sub("", text or "")


def pairs(texts_a: list[str], texts_b: list[str], threshold: int = THRESHOLD) -> list[tuple[int, int, int]]:
    """(index in a, index in b, score) of the matched pairs, best first, one pair per task at most."""
    if not texts_a or not texts_b:
        return []
    from rapidfuzz import fuzz
    from rapidfuzz.process import cdist

    scores = cdist([_core(t) for t in texts_a], [_core(t) for t in texts_b], scorer=fuzz.ratio)
    candidates = sorted(((round(float(scores[i][j])), i, j) for i in range(len(texts_a))
                         for j in range(len(texts_b)) if scores[i][j] >= threshold),
                        key=lambda c: (-c[0], c[1], c[2]))
    used_a, used_b, out = set(), set(), []
    for score, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j, score))
    return out


def _tasks(backend: Backend, doc: str) -> list[dict]:
    """The leaf tasks of ``doc`` in reading order, with their leads."""
    hits = task_hits(backend, "", doc)
    details = {r["node"]: r for r in backend.ask("task-rows", tasks=sorted(hits))} if hits else {}
    rows = [{**h, "lead": details[n]["lead"]} for n, h in hits.items()]
    return sorted(rows, key=lambda r: (r["line_first"], r["task"]))


def _two(backend: Backend, doc_a: str, doc_b: str) -> tuple[str, str]:
    docs = backend.ask("documents")
    a, b = match_document(doc_a, docs), match_document(doc_b, docs)
    if a == b:
        raise QueryError(f"{doc_a} and {doc_b} are one document ({a}): name two")
    return a, b


def compare(backend: Backend, doc_a: str, doc_b: str, threshold: int = THRESHOLD) -> list[dict]:
    """Every task of two plans: carried over (with its score), dropped (only in A) or new (only in B)."""
    a, b = _two(backend, doc_a, doc_b)
    ta, tb = _tasks(backend, a), _tasks(backend, b)
    matched = pairs([t["text"] for t in ta], [t["text"] for t in tb], threshold)
    in_a = {i: (j, s) for i, j, s in matched}
    in_b = {j for _, j, _ in matched}
    rows = []
    for i, t in enumerate(ta):
        if i in in_a:
            j, score = in_a[i]
            u = tb[j]
            rows.append({"status": "carried_over", "score": score, "task_a": t["task"], "task_b": u["task"],
                         "text_a": t["text"], "text_b": u["text"], "lead_a": t["lead"], "lead_b": u["lead"]})
        else:
            rows.append({"status": "dropped", "score": None, "task_a": t["task"], "task_b": None,
                         "text_a": t["text"], "text_b": None, "lead_a": t["lead"], "lead_b": []})
    rows += [{"status": "new", "score": None, "task_a": None, "task_b": u["task"], "text_a": None,
              "text_b": u["text"], "lead_a": [], "lead_b": u["lead"]} for j, u in enumerate(tb) if j not in in_b]
    return rows


def compare_units(backend: Backend, doc_a: str, doc_b: str) -> list[dict]:
    """Per unit, the leaf tasks it holds (any role) in plan A and in plan B, largest change first."""
    a, b = _two(backend, doc_a, doc_b)
    counts: dict[str, dict] = defaultdict(lambda: {"before": 0, "after": 0})
    for doc, key in ((a, "before"), (b, "after")):
        for r in backend.ask("top-units", role="all", expand=False, document=doc, limit=0):
            counts[r["unit"]][key] = r["tasks"]
    rows = [{"unit": u, "before": c["before"], "after": c["after"], "change": c["after"] - c["before"]}
            for u, c in counts.items()]
    return sorted(rows, key=lambda r: (-abs(r["change"]), -r["after"], r["unit"]))


def recurring(backend: Backend, min_years: int = 3, threshold: int = THRESHOLD) -> list[dict]:
    """Tasks that reappear in plans of ``min_years`` different years or more, per jurisdiction.

    Plans are grouped by jurisdiction: the city the graph gives them, else their first issuer. Plans of
    consecutive years are matched pairwise (as :func:`compare`); a chain of matches is one recurring task.
    """
    if min_years < 2:
        raise QueryError("--min-years must be 2 or more")
    groups: dict[str, list[dict]] = defaultdict(list)
    for d in backend.ask("documents"):
        year = d["year"] or (int(d["issued"][:4]) if d["issued"] else None)
        where = d["city"] or (d["issuers"][0] if d["issuers"] else "")
        if year and where:
            groups[where].append({**d, "year": year})
    rows = []
    for where, docs in sorted(groups.items()):
        docs.sort(key=lambda d: (d["year"], d["id"]))
        tasks = {d["id"]: _tasks(backend, d["id"]) for d in docs}
        # chains: (doc id, task index) -> chain id; link each plan to the plan before it
        chain_of: dict[tuple[str, int], int] = {}
        chains: list[list[tuple[dict, dict, int | None]]] = []
        for k, d in enumerate(docs):
            linked = set()
            for prev in reversed(docs[:k]):
                if prev["year"] == d["year"]:
                    continue
                texts_prev = [t["text"] for t in tasks[prev["id"]]]
                texts_now = [t["text"] for t in tasks[d["id"]]]
                for i, j, score in pairs(texts_prev, texts_now, threshold):
                    if j in linked or (prev["id"], i) not in chain_of:
                        continue
                    c = chain_of[(prev["id"], i)]
                    if chains[c][-1][0]["year"] == d["year"]:
                        continue
                    chains[c].append((d, tasks[d["id"]][j], score))
                    chain_of[(d["id"], j)] = c
                    linked.add(j)
                break  # the nearest earlier year only
            for j, t in enumerate(tasks[d["id"]]):
                if (d["id"], j) not in chain_of:
                    chain_of[(d["id"], j)] = len(chains)
                    chains.append([(d, t, None)])
        for chain in chains:
            years = sorted({d["year"] for d, _, _ in chain})
            if len(years) < min_years:
                continue
            scores = [s for _, _, s in chain if s is not None]
            last = chain[-1][1]
            rows.append({"jurisdiction": where, "years": len(years), "first": years[0], "last": years[-1],
                         "min_score": min(scores), "text": last["text"],
                         "tasks": [f"{d['id'][4:]}:{t['task']}" for d, t, _ in chain],
                         "lead": sorted({u for _, t, _ in chain for u in t["lead"]})})
    return sorted(rows, key=lambda r: (r["jurisdiction"], -r["years"], r["first"], r["text"]))
