"""Where a question is answered: the networkx graph, a Cypher store or a SPARQL store.

Every backend answers :class:`~dutygraph.queries.catalogue.Question` objects with
rows of the question's columns; :meth:`Question.normalise` makes them identical.
"""

from __future__ import annotations

from typing import Callable

from ..errors import QueryError
from .catalogue import QUESTIONS, Question
from .normalise import Columns


class Backend:
    name = "backend"

    def raw(self, question: Question, params: dict) -> list[dict]:  # pragma: no cover - interface
        raise NotImplementedError

    def ask(self, name: str, **params) -> list[dict]:
        """The normalised rows of question ``name``."""
        question = QUESTIONS.get(name)
        if question is None:
            raise QueryError(f"no question named {name!r}; known: {', '.join(sorted(QUESTIONS))}")
        full = question.params(**params)
        return question.normalise(self.raw(question, full), full)


class NetworkxBackend(Backend):
    name = "networkx"

    def __init__(self, graph):
        self.graph = graph

    def raw(self, question, params):
        return question.networkx(self.graph, **params)


# The Cypher dialect of a backend by its name: texts using the store's own index (Question.cypher_text).
DIALECTS = {"neo4j": "neo4j", "embedded": "ladybug", "ladybug": "ladybug"}


class CypherBackend(Backend):
    """Runs the catalogue's Cypher texts through ``run(query, params)`` (ladybug or Neo4j); ``dialect`` (by
    default from the name, :data:`DIALECTS`) picks the texts written for that store's indexes. With
    ``columns(query, params)`` (a store that reads its answer column by column: name -> values, ladybug's
    ``cypher_columns``) the questions are asked through it; ``run`` stays for what asks the store directly."""

    name = "cypher"

    def __init__(self, run: Callable[[str, dict], list[dict]], name: str = "cypher", dialect: str | None = None,
                 columns: Callable[[str, dict], dict[str, list]] | None = None):
        self.run = run
        self.name = name
        self.dialect = dialect if dialect is not None else DIALECTS.get(name, "")
        self.columns = columns

    def raw(self, question, params):
        text = question.cypher_text(self.dialect)
        if self.columns is not None:
            return Columns(self.columns(text, params))
        return self.run(text, params)


def embedded_backend(store, timeout: float | None = None) -> CypherBackend:
    """The Cypher backend of an :class:`~dutygraph.graph.embedded.EmbeddedStore` (ladybug) as the command line
    asks it: questions read column by column, ``timeout`` seconds at most per query (None: no limit)."""
    return CypherBackend(lambda q, p: store.cypher(q, p, timeout=timeout), "embedded",
                         columns=lambda q, p: store.cypher_columns(q, p, timeout=timeout))


LIST_SEPARATOR = "\x1f"  # GROUP_CONCAT separator of the SPARQL texts' list columns


class SparqlBackend(Backend):
    """Runs the catalogue's SPARQL texts through ``run(query, bindings)`` (pyoxigraph, rdflib, an endpoint).

    Parameters are bound as variables ``?in_<name>``; a list parameter runs the
    query once per element (the texts look up one id at a time). List columns
    come back as GROUP_CONCAT strings and are split here.
    """

    name = "sparql"

    def __init__(self, run: Callable[[str, dict], list[dict]], name: str = "sparql"):
        self.run = run
        self.name = name

    def raw(self, question, params):
        if not question.has_sparql:
            raise QueryError(f"question {question.name!r} has no SPARQL text")
        text = question.sparql_text()
        lists = {k: v for k, v in params.items() if isinstance(v, (list, tuple))}
        scalars = {f"in_{k}": v for k, v in params.items() if k not in lists and f"?in_{k}" in text}
        runs = [scalars]
        for k, values in lists.items():
            runs = [{**r, f"in_{k}": v} for r in runs for v in values]
        rows = []
        for bindings in runs:
            rows.extend(self.run(text, bindings))
        for row in rows:
            for c in question.list_columns:
                value = row.get(c)
                if isinstance(value, str):
                    row[c] = [x for x in value.split(LIST_SEPARATOR) if x]
        return rows
