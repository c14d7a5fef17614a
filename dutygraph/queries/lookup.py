"""The nodes a name names, found without reading every name of the store.

:func:`dutygraph.queries.names.match_names` matches a typed name against candidates
(exactly, then by core, then as a part). Reading every candidate means every task of
every document (the ``names`` question: 110,000 rows and 1.5 s at 1,000 plans, on every
``unit``, ``task`` and ``depends``). Here the store is asked for a *pool* that holds every
candidate the full match can find, and ``match_names`` runs on the pool, so the answer
is the same:

- units and places (shared nodes: as many as the departments and places named, not
  growing with the documents): all of them (``shared-names``);
- programs and projects: those one of whose names holds one character of the query's core
  (:func:`~dutygraph.queries.names.core`, the query without its government prefix: an
  exact or a core match, and a name holding the query, all hold it) in any script: the
  character itself or one OpenCC folds into it (a document printed in Traditional script
  keeps its names so; one character, so white space in a name does not matter). Of the
  core's characters, the one with fewest spellings, and a second one (``names-holding``, asked once per
  spelling of each: one and one for most names);
- tasks, whose names are their task id (made from positions: ASCII, A2-4-1) and their
  node id (``{document}/task/{task id}``): by node id (the stores' primary key,
  ``task-names``), by task id when the query can be one (ASCII without "/",
  ``task-ids``), and, for a part of a name, by a part of the node id (``tasks-holding``),
  asked only when a document id or ``/task/`` can hold the query (a query with Chinese
  characters and no "/" lies inside a document id or nowhere).

A part of a name is tried only when no candidate matches exactly or by core, as in
``match_names``. The list of closest names for an unknown name still reads every name
(that is an error path).
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import QueryError
from ..resolve.units import simplified
from ..text.normalize import clean
from .backends import Backend
from .names import Candidate, closest_names, core, match_names

_SHARED = ("Unit", "Place")
_NAMED = ("Program", "Project")
_CJK = [(0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)]


@lru_cache(maxsize=1)
def _converters():
    import opencc

    return [opencc.OpenCC(c) for c in ("s2t", "s2tw", "s2hk")]


def traditional(text: str) -> list[str]:
    """``text`` and its Traditional forms (OpenCC s2t, s2tw, s2hk), each once.

    >>> traditional("黑臭水体"), traditional("A2-4")
    (['黑臭水体', '黑臭水體'], ['A2-4'])
    """
    if text.isascii():
        return [text]
    return list(dict.fromkeys([text] + [c.convert(text) for c in _converters()]))


@lru_cache(maxsize=1)
def _folded_from() -> dict[str, tuple[str, ...]]:
    """Simplified character -> the other characters OpenCC t2s folds into it (one call, about 30 ms)."""
    from ..resolve.units import _converter

    chars = [chr(c) for a, b in _CJK for c in range(a, b)]
    out: dict[str, list[str]] = {}
    for t, s in zip(chars, _converter().convert("\n".join(chars)).split("\n")):
        if s != t and len(s) == 1:
            out.setdefault(s, []).append(t)
    return {s: tuple(ts) for s, ts in out.items()}


def spellings(ch: str) -> tuple[str, ...]:
    """A character and every character printed for it in Traditional script (that t2s folds into it).

    >>> spellings("采"), spellings("黑")
    (('采', '埰', '寀', '採'), ('黑',))
    """
    return (ch,) + _folded_from().get(ch, ())


def name_keys(core_: str) -> list[str]:
    """The spellings of the character of ``core_`` with fewest of them (the first such): every name whose
    Simplified form holds ``core_`` holds one of them. [""] (every name) for an empty core.

    >>> name_keys("黑臭水体"), name_keys("国际"), name_keys("")
    (['黑'], ['国', '國'], [''])
    """
    if not core_:
        return [""]
    return list(min((spellings(ch) for ch in core_), key=len))


def also_keys(core_: str, keys: list[str]) -> list[str]:
    """The spellings of a second character of ``core_`` (not one of ``keys``), which every name holding
    ``core_`` holds too: of those with fewest spellings the last, since program names share their first
    characters (主动推进…, 持续深化…); [""] (no second character) when there is none.

    >>> also_keys("主动推进营商环境建设", ["主"]), also_keys("黑臭水体", ["黑"]), also_keys("", [""])
    (['建'], ['水'], [''])
    """
    chars = [ch for ch in dict.fromkeys(core_) if ch not in keys and any(a <= ord(ch) < b for a, b in _CJK)]
    if not chars:
        return [""]
    fewest = min(len(spellings(ch)) for ch in chars)
    return list(spellings([ch for ch in chars if len(spellings(ch)) == fewest][-1]))


def _candidates(rows: list[dict]) -> list[Candidate]:
    return [Candidate(r["id"], r["label"], r["name"], tuple(r["aliases"])) for r in rows]


def _task_id_like(text: str) -> bool:
    return bool(text) and text.isascii() and "/" not in text


def pool(backend: Backend, name: str, labels: tuple[str, ...], part: bool = False,
         document: str = "") -> list[Candidate]:
    """Candidates of ``labels`` holding every one ``match_names(name, …, substring=part)`` finds; with
    ``document``, every task of that document it finds (tasks of other documents may be missing)."""
    q = simplified(clean(name))
    # the name's core only where it selects candidates (programs, projects, tasks): core() reads the
    # divisions of the whole country once per process (0.2 s of CPU, up to 1 s wall on a loaded machine), which
    # a unit's or place's name does not need unless match_names finds no exact match
    qc = core(name) if set(labels) & ({*_NAMED, "Task"}) else ""
    found: dict[str, Candidate] = {}

    def add(rows):
        for c in _candidates(rows):
            if c.label in labels:
                found.setdefault(c.id, c)

    if set(labels) & set(_SHARED):
        add(backend.ask("shared-names"))
    if set(labels) & set(_NAMED):
        held = name_keys(qc)
        for also in also_keys(qc, held):  # each spelling apart: usually one of each (lookup.name_keys)
            for key in held:
                add(backend.ask("names-holding", key=key, also=also))
    if "Task" in labels:
        keys = list(dict.fromkeys(k for x in (q, qc, name.strip()) for k in traditional(x) if k))
        ids = keys + [f"{document}/task/{k}" for k in keys if document and _task_id_like(k)]
        add(backend.ask("task-names", ids=ids))
        for key in keys:
            if _task_id_like(key) and not document:
                add(backend.ask("task-ids", task_id=key))
        if part:
            add(_holding(backend, q))
    return sorted(found.values(), key=lambda c: c.id)  # the order of the ``names`` question


def _holding(backend: Backend, q: str) -> list[dict]:
    """The rows of the tasks whose node id holds ``q`` (Simplified) in either script, for a part of a name."""
    if not (q and _may_hold(backend, q)):
        return []
    return [row for key in traditional(q) for row in backend.ask("tasks-holding", part=key)]


def _may_hold(backend: Backend, q: str) -> bool:
    """Whether a task's node id (``{document}/task/{task id}``) can hold ``q`` in Simplified script."""
    if q.isascii() or "/" in q:
        return True
    return any(q in simplified(d["id"]) for d in backend.ask("document-names"))


def find(backend: Backend, name: str, labels: tuple[str, ...], substring: bool = False,
         document: str = "") -> list[Candidate]:
    """What ``match_names(name, every candidate, labels, substring)`` finds; [] when nothing matches.
    With ``document`` (exact and core matches only), at least what it finds of that document's tasks."""
    first = pool(backend, name, labels, document=document)
    found = match_names(name, first, labels)
    if found or not substring:
        return found
    if document:
        return match_names(name, pool(backend, name, labels, part=True), labels, substring=True)
    # pool(part=True) is this pool and the tasks holding a part of the name: the rest is not asked again
    more = {c.id: c for c in first}
    if "Task" in labels:
        for c in _candidates(_holding(backend, simplified(clean(name)))):
            more.setdefault(c.id, c)
    return match_names(name, sorted(more.values(), key=lambda c: c.id), labels, substring=True)


def unknown(backend: Backend, name: str, labels: tuple[str, ...], what: str) -> QueryError:
    """The error for a name that names nothing, with the closest known names (reads every name)."""
    pool_ = [Candidate(r["id"], r["label"], r["name"], tuple(r["aliases"])) for r in backend.ask("names")
             if r["label"] in labels]
    close = closest_names(name, pool_)
    hint = f"; closest known: {'、'.join(close)}" if close else ""
    return QueryError(f"no such {what}: {name}{hint}")
