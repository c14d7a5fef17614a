"""Where a question is answered: the networkx graph, a Cypher store or a SPARQL store.

Every backend answers :class:`~dutygraph.queries.catalogue.Question` objects with
rows of the question's columns; :meth:`Question.normalise` makes them identical.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from functools import wraps
from itertools import repeat
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
        with no_collection():
            return question.normalise(self.raw(question, full), full)


@contextmanager
def no_collection():
    """Python's cyclic garbage collector paused while an answer is read and normalised: turning thousands of rows
    into lists and dicts makes no cycle, yet every 700 new objects start a collection (5-7 ms of the 100 ms that
    `unit` of the busiest unit of 10,000 plans takes, 8,503 rows); it runs again as soon as the answer is made."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def collector_paused(command: Callable) -> Callable:
    """``command`` (a command asking several questions: ``depends``, ``unit``) run with the cyclic garbage collector
    paused throughout, not only inside each question (:func:`no_collection`). A name lookup of programs reads the
    country's divisions (:func:`dutygraph.queries.names.core`: 90,000 objects the collector walks at every full
    collection, 16-22 ms), and the rows, candidates and hits built between the questions of one command started
    one every seven runs or so (`depends` of the busiest program's name at 10,000 plans: about 100 ms CPU, 120-160
    on those runs); paused, none starts inside the command. The collector runs again as soon as it returns."""
    @wraps(command)
    def paused(*args, **kwargs):
        with no_collection():
            return command(*args, **kwargs)

    return paused


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
        if self.columns is not None:
            parts = question.gathered_texts(self.dialect)
            if parts is not None:
                return gather(self.columns, *parts, params)
            return Columns(self.columns(question.cypher_text(self.dialect), params))
        return self.run(question.cypher_text(self.dialect), params)


def gather(columns: Callable[[str, dict], dict[str, list]], rows_text: str, lists: dict[str, str],
           names: dict[str, str], params: dict) -> Columns:
    """The answer of a question asked in parts (:meth:`Question.gathered_texts`): the rows, and each gathered list
    column looked up by the rows' key ``_row`` (a row whose key has no values gets an empty list). A column
    with a names' text holds node keys: each list becomes the distinct names of its keys (in no order:
    :func:`~dutygraph.queries.normalise.normalise` sorts every list column).

    >>> answers = {"rows": {"task": ["A1", "A2", "A1"], "_row": [7, 9, 7]}, "co": {"_row": [7], "co": [[2, 0, 1]]},
    ...            "names": {"_key": [0, 1, 2], "name": ["y", "x", "x"]}}
    >>> def ask(text, params):
    ...     return {column: list(values) for column, values in answers[text].items()}
    >>> gather(ask, "rows", {"co": "co"}, {}, {}).data
    {'task': ['A1', 'A2', 'A1'], 'co': [[2, 0, 1], [], [2, 0, 1]]}
    >>> [sorted(names) for names in gather(ask, "rows", {"co": "co"}, {"co": "names"}, {}).data["co"]]
    [['x', 'y'], [], ['x', 'y']]
    """
    answer = columns(rows_text, params)
    keys = answer.pop("_row")
    for column, text in lists.items():
        found = columns(text, params)
        values = found[column]
        if column in names:  # each list's keys named in C (map, set; normalise sorts), no Python loop per key
            named = columns(names[column], {})
            name = dict(zip(named["_key"], named["name"])).__getitem__
            if None in named["name"]:  # a node without a name is left out, as collect leaves out nulls
                values = [list(set(map(name, v or ())) - _NO_NAME) for v in values]
            else:
                values = [list(set(map(name, v or ()))) for v in values]
        by_key = dict(zip(found["_row"], values))
        answer[column] = list(map(by_key.get, keys, repeat([])))  # normalise copies each list it sorts
    return Columns(answer)


_NO_NAME = frozenset((None,))


def embedded_backend(store, timeout: float | None = None) -> CypherBackend:
    """The Cypher backend of an :class:`~dutygraph.graph.embedded.EmbeddedStore` (ladybug) as the command line
    asks it: questions read column by column, ``timeout`` seconds at most per query (None: no limit)."""
    return CypherBackend(lambda q, p: store.cypher(q, p, timeout=timeout), "embedded",
                         columns=lambda q, p: store.cypher_columns(q, p, timeout=timeout))


LIST_SEPARATOR = "\x1f"  # GROUP_CONCAT separator of the SPARQL texts' list columns


# The token index's labels by the variable of the VALUES block they fill in sparql/tasks-indexed.embedded.rq.
HOLDER_VALUES = {"t": "Task", "p": "Project", "q": "Program"}


def fill_values(text: str, ids_by_variable: dict[str, list[str]]) -> str:
    """``text`` with each empty block ``VALUES ?x {}`` filled with the IRIs of the node ids given for ``x``.

    Node ids come from the store (never from a user): each becomes its IRI (:func:`~dutygraph.graph.vocab.iri`,
    which percent-encodes every character an IRI may not hold) and is checked as one again
    (:meth:`~dutygraph.graph.vocab.IRI.sparql`), so no id can end the block or add syntax.

    >>> fill_values("SELECT * { VALUES ?t {} ?t ?p ?o }", {"t": ["doc/a/task/A1-1", 'x> } ; DROP ALL #']})
    'SELECT * { VALUES ?t { <https://w3id.org/dutygraph/id/doc/a/task/A1-1> <https://w3id.org/dutygraph/id/x%3E%20%7D%20%3B%20DROP%20ALL%20%23> } ?t ?p ?o }'
    """
    from ..graph.vocab import IRI, iri

    for variable, ids in ids_by_variable.items():
        marker = f"VALUES ?{variable} {{}}"
        if marker not in text:
            raise QueryError(f"the query has no block {marker!r} to fill")
        block = " ".join(IRI(iri(i)).sparql() for i in ids)
        text = text.replace(marker, f"VALUES ?{variable} {{ {block} }}")
    return text


# Node ids per filled text (an IRI is 60-120 characters): the text of a name that thousands of nodes hold (a
# busy project at 3,000 plans filled 418,547 characters) stays far under the query guard's 200,000.
VALUES_PER_TEXT = 1000


def filled_parts(text: str, ids_by_variable: dict[str, list[str]], per_text: int | None = None) -> list[str]:
    """``text`` filled by :func:`fill_values` once for each run of at most ``per_text`` ids (all variables
    together, in order), for a query whose VALUES blocks each start a UNION branch of their own: the union of
    the parts' rows is the whole query's. At least one text, with empty blocks when no id is given.

    >>> parts = filled_parts("SELECT * { { VALUES ?t {} } UNION { VALUES ?p {} } }", {"t": ["a", "b"], "p": ["c"]}, 2)
    >>> [p.count("<https://w3id.org/dutygraph/id/") for p in parts]
    [2, 1]
    >>> "VALUES ?p {  }" in parts[0] and "VALUES ?t {  }" in parts[1]
    True
    """
    per_text = per_text or VALUES_PER_TEXT
    pairs = [(var, i) for var, ids in ids_by_variable.items() for i in ids]
    out = []
    for start in range(0, max(len(pairs), 1), per_text):
        part = pairs[start:start + per_text]
        out.append(fill_values(text, {var: [i for v, i in part if v == var] for var in ids_by_variable}))
    return out


class SparqlBackend(Backend):
    """Runs the catalogue's SPARQL texts through ``run(query, bindings)`` (pyoxigraph, rdflib, an endpoint).

    Parameters are bound as variables ``?in_<name>``; a list parameter runs the
    query once per element (the texts look up one id at a time). List columns
    come back as GROUP_CONCAT strings and are split here.

    ``token_index`` (the embedded store's SPARQL half) is a Cypher ``run(query, params)`` on the ladybug
    half beside it, whose token index of topic search stands for the ``dg:textToken`` triples the
    SPARQL half does not hold: the ``tasks-indexed`` question then takes the nodes holding its two
    tokens from ladybug (:func:`~dutygraph.graph.text_index.token_holders`, the tokens as parameters)
    and asks ``NAME.embedded.rq`` with their IRIs as VALUES (:func:`fill_values`).
    """

    name = "sparql"

    def __init__(self, run: Callable[[str, dict], list[dict]], name: str = "sparql",
                 token_index: Callable[[str, dict], list[dict]] | None = None):
        self.run = run
        self.name = name
        self.token_index = token_index

    def raw(self, question, params):
        if not question.has_sparql:
            raise QueryError(f"question {question.name!r} has no SPARQL text")
        if self.token_index is not None and "token_a" in question.defaults:
            from ..graph.text_index import token_holders

            held = token_holders(self.token_index, params["token_a"], params["token_b"])
            texts = filled_parts(question.sparql_text("embedded"),
                                 {var: held[label] for var, label in HOLDER_VALUES.items()})
        else:
            texts = [question.sparql_text()]
        lists = {k: v for k, v in params.items() if isinstance(v, (list, tuple))}
        scalars = {f"in_{k}": v for k, v in params.items() if k not in lists and f"?in_{k}" in texts[0]}
        runs = [scalars]
        for k, values in lists.items():
            runs = [{**r, f"in_{k}": v} for r in runs for v in values]
        rows = []
        for text in texts:
            for bindings in runs:
                rows.extend(self.run(text, bindings))
        if len(texts) > 1:  # the parts of one question: a row two parts both give is given once
            rows = list({tuple(sorted(row.items())): row for row in rows}.values())
        for row in rows:
            for c in question.list_columns:
                value = row.get(c)
                if isinstance(value, str):
                    row[c] = [x for x in value.split(LIST_SEPARATOR) if x]
        return rows
