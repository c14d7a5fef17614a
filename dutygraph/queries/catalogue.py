"""The query catalogue: each question is data.

A :class:`Question` has a name, a description, its parameters with defaults,
the columns of its rows, a Cypher text (``cypher/NAME.cypher``, runs on Neo4j
and ladybug), a SPARQL text (``sparql/NAME.rq``, runs on pyoxigraph and rdflib)
and a networkx function. Parameters always travel as query parameters, never
pasted into a text. Rows are normalised the same way on every backend: list
columns sorted (None becomes []), rows ordered by the question's sort key.

>>> q = QUESTIONS["due"]
>>> q.columns[:3], sorted(q.defaults)
(('task', 'deadline', 'deadline_date'), ['after', 'before'])
>>> "MATCH" in q.cypher_text()
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Callable

from . import networkx_lookup as nxl
from . import networkx_primitives as nxp
from . import networkx_topics as nxt
from .normalise import Columns, normalise


@dataclass(frozen=True)
class Question:
    name: str
    description: str
    defaults: dict
    columns: tuple[str, ...]
    networkx: Callable
    list_columns: tuple[str, ...] = ()
    order: tuple[str, ...] = ()            # sort key columns ("-col" for descending); () keeps the query's order
    has_sparql: bool = True
    limit_param: str | None = None
    extra: dict = field(default_factory=dict)
    gathered: tuple[str, ...] = ()         # list columns a column-reading Cypher store may gather apart (below)

    def cypher_text(self, dialect: str = "") -> str:
        """The Cypher text; ``dialect`` "neo4j" or "ladybug" takes ``NAME.neo4j.cypher`` or ``NAME.ladybug.cypher``
        where there is one (a store's own index)."""
        if dialect and resources.files("dutygraph.queries").joinpath("cypher", f"{self.name}.{dialect}.cypher").is_file():
            return _text("cypher", f"{self.name}.{dialect}.cypher")
        return _text("cypher", f"{self.name}.cypher")

    def gathered_texts(self, dialect: str) -> tuple[str, dict[str, str], dict[str, str]] | None:
        """The question asked in parts on a store that reads its answer column by column, where the dialect
        has them: ``NAME.rows.DIALECT.cypher`` (every column but the gathered ones, and a key column ``_row``)
        and, for each gathered list column C, ``NAME.C.DIALECT.cypher`` (``_row`` and C, one row per key that
        has values); where ``NAME.C.names.DIALECT.cypher`` is there too, C holds keys of nodes (integers) and
        that text gives each key's name (``_key``, ``name``): the column is their distinct names. Grouping a
        list apart costs the store less than one aggregation carrying every column of the row (ladybug hashes
        them all), and grouping integers less than names. None where the question has no such texts for
        ``dialect``; else (the rows' text, column -> its text, column -> its names' text)."""
        if not self.gathered or not dialect:
            return None
        folder = resources.files("dutygraph.queries").joinpath("cypher")
        names = [f"{self.name}.rows.{dialect}.cypher"] + [f"{self.name}.{c}.{dialect}.cypher" for c in self.gathered]
        if not all(folder.joinpath(n).is_file() for n in names):
            return None
        named = {c: f"{self.name}.{c}.names.{dialect}.cypher" for c in self.gathered}
        return (_text("cypher", names[0]), {c: _text("cypher", n) for c, n in zip(self.gathered, names[1:])},
                {c: _text("cypher", n) for c, n in named.items() if folder.joinpath(n).is_file()})

    def sparql_text(self, dialect: str = "") -> str:
        """The SPARQL text; ``dialect`` "embedded" takes ``NAME.embedded.rq`` where there is one (the embedded
        store's SPARQL half, given its candidates by ladybug's token index)."""
        if dialect and resources.files("dutygraph.queries").joinpath("sparql", f"{self.name}.{dialect}.rq").is_file():
            return _text("sparql", f"{self.name}.{dialect}.rq")
        return _text("sparql", f"{self.name}.rq")

    def params(self, **given) -> dict:
        unknown = set(given) - set(self.defaults)
        if unknown:
            from ..errors import QueryError

            raise QueryError(f"question {self.name!r} takes no parameter {', '.join(sorted(unknown))}")
        return {**self.defaults, **{k: v for k, v in given.items() if v is not None}}

    def normalise(self, rows: list[dict] | Columns, params: dict) -> list[dict]:
        """The same rows from every backend: fixed columns, sorted lists, a fixed order and limit
        (:func:`dutygraph.queries.normalise.normalise`; ``rows`` as row dicts or :class:`Columns`)."""
        limit = params.get(self.limit_param) if self.limit_param else None
        return normalise(rows, self.columns, self.list_columns, self.order, limit)


@lru_cache(maxsize=None)
def _text(folder: str, name: str) -> str:
    return resources.files("dutygraph.queries").joinpath(folder, name).read_text("utf-8")


_NAME_COLS = ("id", "label", "name", "aliases")
_DOC_COLS = ("id", "title", "source")
_UNIT_ROLE_COLS = ("task", "role", "printed", "title", "text", "deadline", "deadline_date", "amounts", "co_units",
                   "program", "document", "line_first", "line_last")

QUESTIONS: dict[str, Question] = {q.name: q for q in [
    Question("top-units", "Units ranked by the number of tasks they hold in a role (lead, responsible, "
             "cooperating or all), with or without crediting collectives' tasks to their members.",
             {"role": "all", "expand": False, "document": "", "limit": 10}, ("unit", "kind", "tasks"),
             nxp.top_units, order=("-tasks", "unit"), limit_param="limit"),
    Question("unit", "The accountability card of one unit: every task it leads or shares, with co-units, "
             "deadline, amounts, program, source document and lines.",
             {"unit": ""}, _UNIT_ROLE_COLS, nxp.unit_card, list_columns=("amounts", "co_units"),
             order=("document", "line_first", "role"), gathered=("co_units",)),
    Question("task", "Who leads and shares a task, what it is part of, depends on, is located in and concerns.",
             {"task": ""}, ("task", "relation", "name", "basis"), nxp.task_card, order=("relation", "name")),
    Question("place-closure", "Places within the given places, and programs about them.",
             {"ids": []}, ("id",), nxp.place_closure, order=("id",)),
    Question("depends", "Leaf tasks that depend on the given programs, projects, places or tasks, with the basis.",
             {"targets": []}, ("node", "rank", "basis", "via", "printed"), nxp.depends,
             order=("node", "rank", "via")),
    Question("task-rows", "Text, units and source of the given tasks.",
             {"tasks": []}, ("node", "task", "text", "lead", "responsible", "document", "line_first", "line_last"),
             nxp.task_rows, list_columns=("lead", "responsible"), order=("document", "line_first")),
    Question("partners", "Pairs of units sharing tasks, weighted by the number of tasks shared (one unit's, "
             "or the whole co-responsibility network).",
             {"unit": "", "document": ""}, ("a", "a_name", "b", "b_name", "shared_tasks"), nxp.partners,
             order=("-shared_tasks", "a", "b")),
    Question("places", "Tasks and units per district or zone, and who governs it.",
             {}, ("place", "kind", "governed_by", "tasks", "units"), nxp.places, list_columns=("governed_by",),
             order=("-tasks", "place")),
    Question("due", "Leaf tasks falling due on or before a date (and after another).",
             {"before": "9999-12-31", "after": ""},
             ("task", "deadline", "deadline_date", "text", "lead", "responsible", "document", "line_first"),
             nxp.due, list_columns=("lead", "responsible"), order=("deadline_date", "document", "line_first")),
    Question("gaps", "Leaf tasks without a lead, units that never lead, collectives without known members.",
             {}, ("gap", "name", "document", "node"), nxp.gaps, order=("gap", "node")),
    Question("unit-info", "Every unit with its kind, jurisdiction and documents (the candidates of a name).",
             {}, ("id", "name", "kind", "jurisdiction", "documents"), nxp.unit_info, list_columns=("documents",),
             order=("id",)),
    Question("changes", "Change events (renamed, merged, split, 县 → 区) with a unit on each side.",
             {}, ("event", "kind", "date", "original", "resulting"), nxp.changes,
             order=("event", "original", "resulting")),
    Question("documents", "Every loaded document: title, issuers, city, dates, leaf tasks and source file.",
             {}, ("id", "title", "issuers", "city", "issued", "year", "tasks", "source"), nxt.documents,
             list_columns=("issuers",), order=("id",)),
    Question("tasks", "Leaf tasks whose text or row title holds a text, or whose project or program name does "
             "(via: that name); optionally of one document. phrase: the text as a full-text index phrase; own: "
             "only the tasks whose own text or row title holds it (no via rows).",
             {"text": "", "document": "", "phrase": "", "own": False},
             ("node", "task", "text", "document", "line_first", "via"),
             nxt.tasks, order=("document", "line_first", "node", "via")),
    Question("tasks-indexed", "The tasks question (text not empty), the candidates found through the token index "
             "by two of the text's tokens (token_a, token_b: dutygraph.graph.text_index; SPARQL stores and ladybug).",
             {"text": "", "document": "", "token_a": "", "token_b": "", "own": False},
             ("node", "task", "text", "document", "line_first", "via"),
             nxt.tasks, order=("document", "line_first", "node", "via")),
    Question("names", "Every unit, place, program, project and task with its names, for name lookup.",
             {}, ("id", "label", "name", "aliases"), nxp.names, list_columns=("aliases",), order=("id",)),
    # What dutygraph.queries.lookup asks to match a name without reading every name of the store.
    Question("shared-names", "Every unit and place with its names.",
             {}, _NAME_COLS, nxl.shared_names, list_columns=("aliases",), order=("id",)),
    Question("names-holding", "Programs and projects one of whose names holds the key and also (a second "
             "character; '' for none).",
             {"key": "", "also": ""}, _NAME_COLS, nxl.names_holding, list_columns=("aliases",), order=("id",)),
    Question("task-names", "The tasks whose node ids are given, with their names.",
             {"ids": []}, _NAME_COLS, nxl.task_names, list_columns=("aliases",), order=("id",)),
    Question("task-ids", "Every task whose task id (A2-4-1) is the one given, with its names.",
             {"task_id": ""}, _NAME_COLS, nxl.task_ids, list_columns=("aliases",), order=("id",)),
    Question("tasks-holding", "Every task whose node id holds a text, with its names.",
             {"part": ""}, _NAME_COLS, nxl.tasks_holding, list_columns=("aliases",), order=("id",)),
    Question("document-names", "Every loaded document's id, title and source file.",
             {}, _DOC_COLS, nxl.document_names, order=("id",)),
    Question("document-ids", "The documents whose ids are given: id, title and source file.",
             {"ids": []}, _DOC_COLS, nxl.document_ids, order=("id",)),
    # What dutygraph.queries.ranking asks to rank units without counting every unit's distinct tasks.
    Question("unit-holds", "Per unit: its assignments in a role (or all) of a document (or all), an upper bound "
             "of its tasks.", {"role": "all", "document": ""}, ("id", "unit", "kind", "held"), nxl.unit_holds,
             order=("id",)),
    Question("unit-tasks", "Per given unit: the tasks it holds in a role (or all) of a document (or all).",
             {"units": [], "role": "all", "document": ""}, ("id", "unit", "kind", "tasks"), nxl.unit_tasks,
             order=("id",)),
]}
