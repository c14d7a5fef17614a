"""Topic search: which leaf tasks are about a text (黑臭水体, 老旧小区改造, 公办幼儿园), and who holds them.

A task is found when its text or row title holds the text, or a project it concerns
or a program it is part of has it in its name (``via`` names those). Every backend
answers the ``tasks`` question the same way; Neo4j narrows the candidates with its
full-text index first (``phrase``), ladybug and the embedded store's SPARQL half (with or without a
document: its candidates come from ladybug's index) and the other SPARQL stores (for every document,
through their ``dg:textToken`` triples) with the token index of :mod:`dutygraph.graph.text_index`: the
``tasks-indexed`` question, given the two tokens of the text the fewest nodes hold, as the
store counts them. Text without two Chinese characters in a row (one character, Latin
letters, digits) has no token: it is asked with the ``tasks`` question, which reads every text.

>>> phrase("黑臭水体"), phrase("IGBT"), phrase("")
('"黑臭水体"', '', '')
"""

from __future__ import annotations

import re

from ..errors import QueryError
from ..graph.text_index import cypher_counts, query_tokens, rarest, rarest_tokens
from .backends import Backend, CypherBackend, SparqlBackend, collector_paused
from .documents import resolve_document

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def phrase(text: str) -> str:
    """``text`` as a Lucene phrase for Neo4j's full-text index, or "" when the index could miss a match.

    The index's standard analyzer makes each Chinese character a token, so a phrase of Chinese
    characters finds every text holding them in a row; other text (Latin words, numbers) is
    tokenised by word and a part of a word would be missed, so it is left to CONTAINS.
    """
    return f'"{text}"' if text and _HAN.fullmatch(text) else ""


def index_tokens(backend: Backend, text: str, document: str = "") -> tuple[str, str]:
    """The two tokens of ``text`` the backend's token index holds fewest nodes for, or ("", "") when it has no
    token index (Neo4j, networkx), ``text`` has no token, or (a SPARQL store holding its tokens as triples) a
    document is given: the one document's texts are read faster than the index is. The embedded store's SPARQL
    half counts the tokens in ladybug's index beside it (it holds none itself), as ladybug does."""
    if not query_tokens(text)[0]:
        return "", ""
    if isinstance(backend, SparqlBackend) and backend.token_index is not None:  # the embedded store's SPARQL half
        return rarest(text, lambda found: cypher_counts(backend.token_index, found))
    if isinstance(backend, SparqlBackend) and not document:
        return rarest_tokens(backend.run, text)
    if isinstance(backend, CypherBackend) and backend.dialect == "ladybug":
        return rarest(text, lambda found: cypher_counts(backend.run, found))
    return "", ""


def task_hits(backend: Backend, text: str, document: str = "", own: bool = False) -> dict[str, dict]:
    """Node id -> {node, task, text, document, line_first, via (names of matching projects/programs),
    own (whether the task's own text or row title holds ``text``)}; with ``own``, only the tasks whose own text
    or row title holds it (the stores skip the projects and programs: what ``depends`` asks)."""
    hits: dict[str, dict] = {}
    token_a, token_b = index_tokens(backend, text, document)
    try:
        if token_a:  # a store's token index
            found = backend.ask("tasks-indexed", text=text, document=document, token_a=token_a, token_b=token_b,
                                own=own)
        else:
            found = backend.ask("tasks", text=text, document=document, phrase=phrase(text), own=own)
    except QueryError as exc:
        if "dutygraph_text" not in str(exc):
            raise
        # a Neo4j database not loaded by dutygraph (neo4j-admin import) lacks the index until a load makes it
        found = backend.ask("tasks", text=text, document=document, phrase="", own=own)
    for r in found:
        hit = hits.setdefault(r["node"], {**{k: r[k] for k in ("node", "task", "text", "document", "line_first")},
                                          "via": [], "own": False})
        if r["via"]:
            hit["via"].append(r["via"])
        else:
            hit["own"] = True
    return hits


@collector_paused
def search(backend: Backend, text: str = "", unit: str | None = None, document: str | None = None) -> list[dict]:
    """Leaf tasks about ``text`` (all leaf tasks when it is empty), of one unit and one document if given."""
    from .ask import resolve

    doc = resolve_document(backend, document)
    hits = task_hits(backend, text.strip(), doc)
    if unit:
        found = resolve(backend, unit, ("Unit",), "unit")[0]
        held = {(r["document"], r["task"]) for r in backend.ask("unit", unit=found.id)}
        hits = {n: h for n, h in hits.items() if (h["document"], h["task"]) in held}
    details = {r["node"]: r for r in backend.ask("task-rows", tasks=sorted(hits))} if hits else {}
    rows = [{"task": h["task"], "text": h["text"], "via": sorted(set(h["via"])), "lead": details[n]["lead"],
             "responsible": details[n]["responsible"], "document": h["document"], "line_first": h["line_first"]}
            for n, h in hits.items()]
    return sorted(rows, key=lambda r: (r["document"], r["line_first"], r["task"]))
