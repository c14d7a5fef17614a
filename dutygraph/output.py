"""Rows out: one set of formats shared by every read command.

A result is a list of row dicts with the same keys. ``json`` prints the list of
row objects, ``csv`` a header and one line per row (lists joined with 、), and
``table`` a rich table for people.

>>> import io
>>> buf = io.StringIO()
>>> write_rows([{"unit": "市环保局", "tasks": 3}], "csv", buf)
>>> buf.getvalue().splitlines()
['unit,tasks', '市环保局,3']
"""

from __future__ import annotations

import csv
import json
import sys
from typing import Any, Iterable, TextIO

FORMATS = ("table", "json", "csv")
LIST_JOIN = "、"


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_JOIN.join(_flat(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_json(data: Any, stream: TextIO | None = None) -> None:
    """Pretty JSON, UTF-8 characters kept readable."""
    stream = stream or sys.stdout
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _width(stream: TextIO) -> int | None:
    """The width to render a table at: $COLUMNS when set, the terminal's, else None (a file or pipe)."""
    import os

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return None


def fit_columns(rows: list[dict], columns: list[str], width: int, drop: Iterable[str] = (),
                max_width: dict[str, int] | None = None) -> list[str]:
    """The columns to show in ``width`` cells: ``drop``'s columns go first, in its order, while the
    table's natural width (every cell unfolded, borders counted) is over ``width``; a column left
    that is still too wide is folded by the table. Never fewer than two columns. A name ending in
    ``?`` (``document?``) is dropped only when every row holds the same value (it tells nothing apart).

    >>> rows = [{"task": "A1", "text": "很长的任务文字" * 4, "document": "doc/a", "line_first": 56}]
    >>> fit_columns(rows, ["task", "text", "document", "line_first"], 60, drop=["line_first", "document"])
    ['task', 'text']
    >>> fit_columns(rows, ["task", "text", "document", "line_first"], 200, drop=["line_first", "document"])
    ['task', 'text', 'document', 'line_first']
    >>> two = rows + [{**rows[0], "document": "doc/b"}]
    >>> fit_columns(two, ["task", "text", "document", "line_first"], 60, drop=["line_first", "document?"])
    ['task', 'text', 'document']
    """
    from rich.cells import cell_len

    limits = max_width or {}

    def natural(c: str) -> int:
        cells = [cell_len(_flat(r.get(c))) for r in rows]
        return max([cell_len(c), *[min(n, limits.get(c, n)) for n in cells]])

    shown = list(columns)
    widths = {c: natural(c) for c in shown}
    for c in drop:
        if sum(widths[x] + 3 for x in shown) + 1 <= width or len(shown) <= 2:
            break
        if c.endswith("?"):
            c = c[:-1]
            if len({_flat(r.get(c)) for r in rows}) > 1:
                continue
        if c in shown:
            shown.remove(c)
    return shown


def write_rows(rows: Iterable[dict], fmt: str, stream: TextIO | None = None, *,
               columns: list[str] | None = None, title: str | None = None,
               max_width: dict[str, int] | None = None, drop: Iterable[str] = ()) -> None:
    """Write ``rows`` in ``fmt`` (table, json or csv) to ``stream`` (stdout by default).

    A table is drawn at $COLUMNS (or the terminal's width; 200 for a file or pipe); when it is
    too wide the columns in ``drop`` are left out first (see :func:`fit_columns`), then long
    cells are folded.
    """
    rows = list(rows)
    stream = stream or sys.stdout
    columns = columns or (list(rows[0].keys()) if rows else [])
    if fmt == "table" and rows:  # people need not see columns that are empty everywhere
        columns = [c for c in columns if any(_flat(r.get(c)) for r in rows)]
    if fmt == "json":
        write_json(rows, stream)
    elif fmt == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_flat(row.get(c)) for c in columns])
    elif fmt == "table":
        from rich.console import Console
        from rich.table import Table

        console = Console(file=stream, soft_wrap=False, markup=False, highlight=False)
        width = _width(stream)
        if width:
            console.width = width
        elif not console.is_terminal:
            console.width = 200  # a file or pipe: do not squeeze Chinese text into 80 columns
        limits = max_width or {}
        columns = fit_columns(rows, columns, console.width, drop, limits)
        table = Table(title=title, show_lines=False, header_style="bold")
        for c in columns:
            table.add_column(c, overflow="fold")
        for row in rows:
            cells = []
            for c in columns:
                text = _flat(row.get(c))
                if c in limits and len(text) > limits[c]:
                    text = text[: limits[c] - 1] + "…"
                cells.append(text)
            table.add_row(*cells, )
        console.print(table)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
