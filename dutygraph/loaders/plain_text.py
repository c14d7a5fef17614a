"""Loader for plain-text plans: the flattened-table rules, and the entry to every text layout.

Tables flattened one cell per line are read here (:func:`_find_tables`, :func:`_emit_row`);
:func:`parse_plain_text` hands the whole text to :mod:`dutygraph.loaders.document`,
which also reads rows per line, glued cells and numbered prose with clauses.

>>> import os
>>> seed = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "zhuzhou-2018-liangxing-plan.txt")
>>> doc = load_plain_text(seed)  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..errors import InputError
from ..model import Deadline, Document, Provenance, Task
from ..text.amounts import find_amounts
from ..text.dates import find_deadlines, parse_date
from .flat_table import ANNEX_HEADING, FlatTableReader, header_starts, read_header as read_table_header
from .lines import Line
from .sniff import read_text

_YEAR = re.compile(r"((?:19|20)\d{2})\s*(?:年|-)")


def plan_year(*texts: str | None) -> int | None:
    """The first year printed in the given texts (plan title first).

    >>> plan_year("株洲市2018年两型社会建设综合配套改革工作计划")
    2018
    """
    for text in texts:
        if text:
            m = _YEAR.search(text)
            if m:
                return int(m.group(1))
    return None


def load_plain_text(path: str | Path) -> Document:
    """Read one plain-text plan; raise :class:`InputError` when it holds no task."""
    text, data, _encoding = read_text(path)
    return parse_plain_text(text, str(path), sha256=hashlib.sha256(data).hexdigest())


def parse_plain_text(text: str, source: str, sha256: str | None = None) -> Document:
    """Parse decoded ``text`` read from ``source`` into a :class:`Document`.

    Every text layout is detected where it stands (:mod:`dutygraph.loaders.document`):
    flattened tables as below, rows per line, glued cells, numbered prose with clauses.
    """
    from .comma_rows import commas_as_tabs
    from .document import parse_text  # the layouts beyond flattened tables live there

    if text[:64].lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        from .html_file import parse_html  # a web page saved as text: its blocks and table cells

        return parse_html(text, source, sha256)
    if "<" in text and ("<td" in text or "<TD" in text):  # HTML tables in a text or Markdown copy: their rows
        from .html_file import tables_as_tabs

        text = tables_as_tabs(text)
    try:
        doc, error = parse_text(text, source, sha256), None
    except InputError as exc:
        doc, error = None, exc
    if doc is None or not any(t.assignments for t in doc.tasks):
        tabbed = commas_as_tabs(text)  # a task table pasted as comma-separated text, the only table here
        if tabbed != text:
            try:
                return parse_text(tabbed, source, sha256)
            except InputError:
                pass
    if doc is None:
        raise error  # the text's own error (the same budget holds both readings)
    return doc


def _year_of(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def _find_tables(lines: list[Line]) -> list[tuple[int, list[str], int]]:
    """(header index, column labels, first row index) of every flattened table."""
    found = []
    after = 0  # a header starts after the body of the table before it
    for i in header_starts(lines):
        header = read_table_header(lines, i) if i >= after else None
        if header:
            columns, body = header
            found.append((i, columns, body))
            after = body
    return found


def _annex_of(lines: list[Line], header_index: int, listed: dict[int, str]) -> tuple[int | None, str | None]:
    """The annex number and title of the table whose header is at ``header_index``."""
    for k in range(header_index - 1, max(-1, header_index - 8), -1):
        m = ANNEX_HEADING.match(lines[k].text)
        if m:
            number = int(m.group(1))
            title = next((ln.text for ln in lines[k + 1:header_index] if ln.text), None)
            return number, title or listed.get(number)
    return None, None


def _emit_row(doc: Document, reader: FlatTableReader, row, annex_no: int | None, prefix: str,
              source: str) -> None:
    title = row.title.text if row.title else None
    zone = title if not reader.has_units else None
    items = row.items
    if not items and title:
        return
    single = len(items) == 1 and items[0].number is None
    row_id = f"{prefix}-{row.number}"
    # (Task's fields given by position, in its order: a call with keywords costs twice as much; see TASK_FIELDS)
    if not single:
        last = max((it.span.last for it in items), default=row.first_line)
        doc.rows.append(Task(row_id, title or "", Provenance(source, row.first_line, last), annex_no, row.number,
                             None, title, None, zone))
    used: set[int] = set()
    for k, item in enumerate(items):
        sub = None if single else (item.number if item.number is not None else k + 1)
        while sub is not None and sub in used:  # a number printed twice: keep ids unique
            sub += 1
        if sub is not None:
            used.add(sub)
        assignments, deadline_cells, leaders = reader.assignments(item, source)
        deadlines = [_deadline_cell(c, doc.year) for c in deadline_cells] if deadline_cells else []  # (mostly none)
        deadlines += find_deadlines(item.span.text, doc.year)
        doc.tasks.append(Task(
            row_id if single else f"{row_id}-{sub}",  # id
            item.span.text,  # text
            Provenance(source, item.span.first, item.span.last),  # provenance
            annex_no, row.number, sub, title,  # annex, row, sub, title
            None if single else row_id, zone,  # parent, zone
            assignments, deadlines, find_amounts(item.span.text), leaders,  # assignments, deadlines, amounts, leaders
        ))


# The order of Task's fields _emit_row gives them in (tests/loaders/test_speed_gates.py holds Task to it).
TASK_FIELDS = ("id", "text", "provenance", "annex", "row", "sub", "title", "parent", "zone", "assignments", "deadlines",
               "amounts", "leaders")


def _deadline_cell(text: str, year: int | None) -> Deadline:
    found = find_deadlines(text, year)
    date = found[0].date if found else parse_date(text)
    return Deadline(text, date)
