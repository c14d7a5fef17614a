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


def write_rows(rows: Iterable[dict], fmt: str, stream: TextIO | None = None, *,
               columns: list[str] | None = None, title: str | None = None,
               max_width: dict[str, int] | None = None) -> None:
    """Write ``rows`` in ``fmt`` (table, json or csv) to ``stream`` (stdout by default)."""
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

        table = Table(title=title, show_lines=False, header_style="bold")
        for c in columns:
            table.add_column(c, overflow="fold")
        limits = max_width or {}
        for row in rows:
            cells = []
            for c in columns:
                text = _flat(row.get(c))
                if c in limits and len(text) > limits[c]:
                    text = text[: limits[c] - 1] + "…"
                cells.append(text)
            table.add_row(*cells, )
        console = Console(file=stream, soft_wrap=False, markup=False, highlight=False)
        if not console.is_terminal:
            console.width = 200  # a file or pipe: do not squeeze Chinese text into 80 columns
        console.print(table)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
