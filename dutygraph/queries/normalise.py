"""The same rows from every backend: what :meth:`Question.normalise <dutygraph.queries.catalogue.Question.normalise>`
does, column by column.

A backend gives a list of row dicts (networkx, Neo4j, SPARQL) or :class:`Columns` (a store that reads its
answer column by column: ladybug, through Arrow). Either way the answer becomes the question's columns in
their order (a missing one is None), every list column a sorted list without None (None becomes []), a
float that is a whole number an int, the rows in the order of the question's sort key (None after every value:
last in an ascending key, first in a descending one), then cut to the limit.

Column by column, because the answers that matter for speed are long (the busiest unit of 10,000 plans holds
8,500 tasks, of 13 columns each) and a pass over a column runs in C where a pass over a row's columns runs in
Python: which columns hold floats is one ``set(map(type, column))``, a sort orders row numbers by the key
columns, and each row's dict is built once, at the end.

>>> rows = [{"a": "y", "n": 2.0, "l": ["b", None, "a"]}, {"a": "x", "n": None, "l": None}]
>>> normalise(rows, ("a", "n", "l", "z"), ("l",), ("a",))
[{'a': 'x', 'n': None, 'l': [], 'z': None}, {'a': 'y', 'n': 2, 'l': ['a', 'b'], 'z': None}]
>>> normalise(Columns({"a": ["y", "x"], "n": [2.0, None], "l": [["b", "a"], None]}), ("a", "n", "l"), ("l",),
...           ("-a",), limit=1)
[{'a': 'y', 'n': 2, 'l': ['a', 'b']}]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter


@dataclass(frozen=True)
class Columns:
    """An answer column by column: column name -> its values (every list as long; the lists may be changed
    by :func:`normalise`, which owns them)."""

    data: dict[str, list]

    def __len__(self) -> int:
        return len(next(iter(self.data.values()), ()))


def columns_of(rows: list[dict] | Columns, columns: tuple[str, ...]) -> tuple[list[list], int]:
    """The values of ``columns`` (a list per column, None where a row lacks it) and the number of rows."""
    if isinstance(rows, Columns):
        n = len(rows)
        return [rows.data[c] if c in rows.data else [None] * n for c in columns], n
    return [[row.get(c) for row in rows] for c in columns], len(rows)


def _sorted_list(value) -> list:
    """A list column's value: its items without None, sorted ([] for None or an empty value)."""
    if not value:
        return []
    return sorted(value) if None not in value else sorted([x for x in value if x is not None])


def _whole_floats(column: list) -> list:
    """``column`` with every float that is a whole number as an int (the same list when it holds no float)."""
    if not any(issubclass(t, float) for t in set(map(type, column))):
        return column
    return [int(v) if isinstance(v, float) and v.is_integer() else v for v in column]


def normalise(rows: list[dict] | Columns, columns: tuple[str, ...], list_columns: tuple[str, ...] = (),
              order: tuple[str, ...] = (), limit: int | None = None) -> list[dict]:
    """Rows of ``columns`` (see the module): list columns sorted, whole floats ints, ordered by ``order``
    (each key ascending, or descending after "-"; None after every value; () keeps the backend's order), at most
    ``limit`` (0 or None: all)."""
    values, n = columns_of(rows, columns)
    at = {c: i for i, c in enumerate(columns)}
    for i, c in enumerate(columns):
        if c in list_columns:  # a list without None sorted here, anything else by _sorted_list
            values[i] = [sorted(v) if v.__class__ is list and None not in v else _sorted_list(v) for v in values[i]]
        else:
            values[i] = _whole_floats(values[i])
    runs = _sort_runs(order)
    if runs:
        index = list(range(n))
        for cols, desc in runs:
            keys = [values[at[c]] for c in cols]
            if not any(None in k for k in keys):  # one pass by the columns together
                key = keys[0] if len(keys) == 1 else list(zip(*keys))
                index.sort(key=key.__getitem__, reverse=desc)
                continue
            for k in reversed(keys):  # None sorts last: one pass per column
                index.sort(key=lambda i, k=k: (k[i] is None, k[i] if k[i] is not None else ""), reverse=desc)
        if limit:
            index = index[:limit]
        if len(index) > 1 and index != list(range(n)):  # each column taken in that order at once, in C
            take = itemgetter(*index)
            values = [take(v) for v in values]
        elif len(index) < n:
            values = [[v[i] for i in index] for v in values]
    elif limit:
        values = [v[:limit] for v in values]
    return list(map(_row_maker(columns), *values)) if columns else [{} for _ in range(n)]


@lru_cache(maxsize=256)  # one per question's columns: the catalogue's, a bounded set
def _row_maker(columns: tuple[str, ...]):
    """A function of one value per column giving the row's dict, for ``map`` over the columns: a dict display of
    the fixed keys is built in two thirds of the time of ``dict(zip(columns, row))`` (1.0 against 1.6 ms for the
    2,610 rows of the busiest unit at 3,000 plans). The keys are the question's column names (the catalogue's,
    never a user's), written as Python string literals (``repr``), so no name can add code.

    >>> _row_maker(("a", "b'c"))(1, None)
    {'a': 1, "b'c": None}
    """
    if not all(isinstance(c, str) for c in columns):
        raise TypeError("column names are strings")
    args = [f"v{i}" for i in range(len(columns))]
    pairs = ", ".join(f"{c!r}: {a}" for c, a in zip(columns, args))
    return eval(f"lambda {', '.join(args)}: {{{pairs}}}", {"__builtins__": {}})  # noqa: S307 - literal keys only


@lru_cache(maxsize=256)
def _sort_runs(order: tuple[str, ...]) -> list[tuple[tuple[str, ...], bool]]:
    """The sorts that order rows by ``order`` (each key ascending, or descending after "-"), last key first: one
    sort per run of keys in the same direction (a stable sort by a run's keys together is the same as one by
    each, last first), so that a key of three ascending columns is one pass over the rows, not three.

    >>> _sort_runs(("document", "line_first", "role")), _sort_runs(("-tasks", "unit"))
    ([(('document', 'line_first', 'role'), False)], [(('unit',), False), (('tasks',), True)])
    """
    runs: list[tuple[list[str], bool]] = []
    for key in reversed(order):
        desc = key.startswith("-")
        if runs and runs[-1][1] == desc:
            runs[-1][0].insert(0, key.lstrip("-"))
        else:
            runs.append(([key.lstrip("-")], desc))
    return [(tuple(cols), desc) for cols, desc in runs]
