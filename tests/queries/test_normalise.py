"""Question.normalise: the same rows whether a backend gives row dicts or columns (ladybug's Arrow path), and the
contract every backend relies on (columns in order, sorted lists without None, whole floats as ints, the sort key
with None after every value, so first when descending, the limit)."""

from __future__ import annotations

import random

import pytest

from dutygraph.queries.catalogue import QUESTIONS
from dutygraph.queries.normalise import Columns, normalise

COLS = ("a", "b", "n", "l")


def _by_rows(rows, order=(), limit=None):
    return normalise([dict(r) for r in rows], COLS, ("l",), order, limit)


def _by_columns(rows, order=(), limit=None):
    return normalise(Columns({c: [r.get(c) for r in rows] for c in COLS}), COLS, ("l",), order, limit)


def test_rows_get_the_question_columns_in_order_with_none_for_a_missing_one():
    out = _by_rows([{"l": ["x"], "zz": 1, "a": "p"}])
    assert out == [{"a": "p", "b": None, "n": None, "l": ["x"]}]
    assert list(out[0]) == list(COLS)


def test_list_columns_are_sorted_without_none_and_none_becomes_an_empty_list():
    out = _by_rows([{"a": "1", "l": ["b", None, "a"]}, {"a": "2", "l": None}, {"a": "3", "l": ()}], order=("a",))
    assert [r["l"] for r in out] == [["a", "b"], [], []]


def test_a_whole_float_becomes_an_int_and_other_values_stay():
    out = _by_rows([{"a": "1", "n": 3.0}, {"a": "2", "n": 2.5}, {"a": "3", "n": True}, {"a": "4", "n": "7.0"}],
                   order=("a",))
    assert [(r["n"], type(r["n"])) for r in out] == [(3, int), (2.5, float), (True, bool), ("7.0", str)]


def test_the_sort_key_orders_ascending_and_descending_with_none_after_every_value_and_stays_stable():
    rows = [{"a": "x", "b": "2"}, {"a": None, "b": "1"}, {"a": "y", "b": "1"}, {"a": "x", "b": "1"},
            {"a": "y", "b": None}]
    assert [(r["a"], r["b"]) for r in _by_rows(rows, ("a", "-b"))] == \
        [("x", "2"), ("x", "1"), ("y", None), ("y", "1"), (None, "1")]
    assert [(r["a"], r["b"]) for r in _by_rows(rows, ("-a",))] == \
        [(None, "1"), ("y", "1"), ("y", None), ("x", "2"), ("x", "1")]


def test_the_limit_cuts_after_sorting_and_zero_means_none():
    rows = [{"a": str(i)} for i in (3, 1, 2)]
    assert [r["a"] for r in _by_rows(rows, ("a",), limit=2)] == ["1", "2"]
    assert [r["a"] for r in _by_rows(rows, (), limit=2)] == ["3", "1"]
    assert len(_by_rows(rows, ("a",), limit=0)) == 3


def test_no_rows_and_no_columns_give_no_rows():
    assert _by_rows([]) == [] and _by_columns([]) == []
    assert normalise(Columns({}), COLS, ("l",), ("a",)) == []


def test_columns_and_row_dicts_give_the_same_rows_for_random_answers():
    rng = random.Random(18)
    values = {"a": ["x", "y", "甲", ""], "b": ["1", "2"], "n": [1, 2.0, 3.5, 0, -1.0],
              "l": [[], ["b", "a"], ["z", None, "a"], ("y", "x")]}
    orders = [(), ("a",), ("-a", "b"), ("b", "-a"), ("-b",)]
    for _ in range(500):
        rows = [{c: (rng.choice(v) if rng.random() > 0.2 else None) for c, v in values.items()
                 if rng.random() > 0.1} for _ in range(rng.randint(0, 9))]
        order, limit = rng.choice(orders), rng.choice([None, 0, 1, 4])
        by_rows, by_columns = _by_rows(rows, order, limit), _by_columns(rows, order, limit)
        assert by_rows == by_columns
        assert [[type(v) for v in r.values()] for r in by_rows] == [[type(v) for v in r.values()] for r in by_columns]


@pytest.mark.parametrize("name", ["unit", "top-units", "task-rows"])
def test_a_question_normalises_columns_as_it_normalises_rows(name):
    q = QUESTIONS[name]
    rows = [{c: None for c in q.columns} for _ in range(3)]
    for i, row in enumerate(rows):
        for c in q.columns:
            row[c] = [str(2 - i), str(i)] if c in q.list_columns else (float(3 - i) if c in ("tasks", "line_first") else f"v{i % 2}")
    params = q.params()
    assert q.normalise(Columns({c: [r[c] for r in rows] for c in q.columns}), params) == q.normalise(rows, params)
