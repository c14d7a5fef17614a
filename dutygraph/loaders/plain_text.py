"""Loader for plain-text plans whose annex tables were flattened one cell per line.

>>> import os
>>> seed = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "zhuzhou-2018-liangxing-plan.txt")
>>> doc = load_plain_text(seed)  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..errors import InputError
from ..model import Annex, Deadline, Document, Provenance, Task
from ..text.amounts import find_amounts
from ..text.dates import find_deadlines, parse_date
from .decode import read_text
from .flat_table import ANNEX_HEADING, FlatTableReader, TableRow, read_header as read_table_header
from .header import read_header
from .lines import Line, to_lines
from .outline import read_outline

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
    """Parse decoded ``text`` read from ``source`` into a :class:`Document`."""
    lines = to_lines(text)
    header = read_header(lines)
    doc = Document(source=source, title=header.title, plan_title=header.plan_title, issuers=header.issuers,
                   issued=header.issued, published=header.published, number=header.number, sha256=sha256)
    doc.year = plan_year(doc.plan_title, doc.title) or _year_of(doc.issued) or _year_of(doc.published)

    tables = _find_tables(lines)
    body_end = tables[0][0] if tables else len(lines)
    annex_start = next((k for k, ln in enumerate(lines) if ANNEX_HEADING.match(ln.text)), body_end)
    outline = read_outline(lines, header.body_start, min(body_end, annex_start), source)
    doc.sections, doc.key_works, doc.targets = outline.sections, outline.key_works, outline.targets

    for start, columns, body_start in tables:
        annex_no, annex_title = _annex_of(lines, start, outline.annex_titles)
        reader = FlatTableReader(lines, columns)
        reader.read(body_start)
        if annex_no is not None:
            doc.annexes.append(Annex(annex_no, annex_title or outline.annex_titles.get(annex_no, ""), columns,
                                     Provenance(source, lines[start].no, lines[body_start].no - 1)))
        prefix = f"A{annex_no}" if annex_no is not None else f"T{len(doc.annexes) + 1}"
        for row in reader.rows:
            _emit_row(doc, reader, row, annex_no, prefix, source)

    if not doc.tasks:
        raise InputError("no recognisable task: found no task table with numbered rows", path=source)
    return doc


def _year_of(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def _find_tables(lines: list[Line]) -> list[tuple[int, list[str], int]]:
    """(header index, column labels, first row index) of every flattened table."""
    found = []
    i = 0
    while i < len(lines):
        header = read_table_header(lines, i) if lines[i].text else None
        if header:
            columns, body = header
            found.append((i, columns, body))
            i = body
            continue
        i += 1
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
    if not single:
        last = max((it.span.last for it in items), default=row.first_line)
        doc.rows.append(Task(id=row_id, text=title or "", provenance=Provenance(source, row.first_line, last),
                             annex=annex_no, row=row.number, title=title, zone=zone))
    used: set[int] = set()
    for k, item in enumerate(items):
        sub = None if single else (item.number if item.number is not None else k + 1)
        while sub is not None and sub in used:  # a number printed twice: keep ids unique
            sub += 1
        if sub is not None:
            used.add(sub)
        assignments, deadline_cells, leaders = reader.assignments(item, source)
        deadlines = [_deadline_cell(c, doc.year) for c in deadline_cells]
        deadlines += find_deadlines(item.span.text, doc.year)
        doc.tasks.append(Task(
            id=row_id if single else f"{row_id}-{sub}",
            text=item.span.text,
            provenance=Provenance(source, item.span.first, item.span.last),
            annex=annex_no, row=row.number, sub=sub, title=title,
            parent=None if single else row_id, zone=zone,
            assignments=assignments, deadlines=deadlines, amounts=find_amounts(item.span.text),
            leaders=leaders,
        ))


def _deadline_cell(text: str, year: int | None) -> Deadline:
    found = find_deadlines(text, year)
    date = found[0].date if found else parse_date(text)
    return Deadline(text, date)
