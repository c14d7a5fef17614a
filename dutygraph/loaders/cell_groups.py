"""Tables printed one cell per line, every row exactly one line per column: read by the header's column count.

A table copied from a web page prints its header one label per line and then its
rows, each cell on a line of its own. When the rows carry no number the flattened-table
reader has nothing to cut them at, and when a unit column stands before the text it
cannot follow them::

    牵头单位                 header: N labels, one a line
    重点任务
    责任单位
                            (a blank line between rows, or nothing)
    县水利局                 row 1: N lines
    完成城区河道清淤12公里。
    各乡镇
    县交通运输局              row 2 …

Such a table is read in groups of N lines (blank lines between rows skipped; a row
number on its own line before a row whose header has no 序号 column is skipped too),
as long as every group fits its columns: a unit column's cell reads as a list of units,
a text column's does not, a deadline column's names a time, a number column's is a
number. The first group that does not fit ends the table; a table needs
:data:`MIN_ROWS` rows, so a page whose cells run over several lines is left to the
other readers.

>>> from .lines import to_lines
>>> ls = to_lines("牵头单位\\n重点任务\\n责任单位\\n县水利局\\n完成河道清淤。\\n各乡镇\\n县交通局\\n新建公路30公里。\\n县财政局")
>>> [(g.columns, [r.cells for r in g.rows], i, j) for g, i, j in find_cell_group_tables(ls)]
[(['牵头单位', '重点任务', '责任单位'], [['县水利局', '完成河道清淤。', '各乡镇'], ['县交通局', '新建公路30公里。', '县财政局']], 0, 9)]
"""

from __future__ import annotations

import re

from ..text.markers import is_row_number
from ..text.units import looks_like_unit_list
from .columns import DEADLINE, LEADER, MAX_LABEL, NUMBER, TEXT, UNIT_KINDS, column_kinds, is_header, is_label
from .flat_table import column_kind
from .grid import Grid, GridRow
from .lines import Line

MIN_ROWS = 2
MAX_COLUMNS = 12
_TIME = re.compile(r"\d{4}|年|月|季度|底|前|长期|持续|常态|全年|每年|按期|按时|同步")
_SENTENCE_END = re.compile(r"[。；;！？]")


def _fits(kind: str, text: str) -> bool:
    """Whether a cell's text can stand in a column of ``kind``."""
    if kind == NUMBER:
        return is_row_number(text)
    if kind in UNIT_KINDS:
        return looks_like_unit_list(text)
    if kind == DEADLINE:
        return len(text) <= 30 and _TIME.search(text) is not None
    if kind == LEADER:
        return len(text) <= 16 and _SENTENCE_END.search(text) is None
    return not looks_like_unit_list(text) and not is_row_number(text)  # text


def _header(lines: list[Line], k: int, start: int, end: int) -> tuple[int, list[str], int] | None:
    """(first index, labels, index after) of a header one label per line around the unit label at ``lines[k]``."""
    i = k
    first = max(start, k - MAX_COLUMNS + 1)  # a header holds at most MAX_COLUMNS labels: look no further back
    while i - 1 >= first and lines[i - 1].text and is_label(lines[i - 1].text):
        i -= 1
    labels: list[str] = []
    j = i
    while j < end and lines[j].text and is_label(lines[j].text) and len(labels) < MAX_COLUMNS:
        labels.append(lines[j].text)
        j += 1
    if len(labels) < 2 or not is_header(labels):
        return None
    return i, labels, j


def _rows(lines: list[Line], kinds: list[str], body: int, end: int) -> tuple[list[GridRow], int]:
    width = len(kinds)
    rows: list[GridRow] = []
    k = body
    stop = body
    expected = 1
    while k < end:
        while k < end and not lines[k].text:
            k += 1
        if k < end and NUMBER not in kinds and lines[k].text == str(expected):
            k += 1  # the row's number on a line of its own, outside the columns
        group: list[Line] = []
        j = k
        while j < end and len(group) < width:
            if lines[j].text or lines[j].blank_cell:
                group.append(lines[j])
            elif group:
                break  # a blank line inside a row: not this layout
            j += 1
        if len(group) < width:
            break
        cells = [ln.text for ln in group]
        if not all(_fits(kind, cell) or not cell and kind not in (TEXT, NUMBER) for kind, cell in zip(kinds, cells)):
            break
        rows.append(GridRow(cells, group[0].no, group[-1].no))
        expected += 1
        k = stop = j
    return rows, stop


def find_cell_group_tables(lines: list[Line], start: int = 0, end: int | None = None) -> list[tuple[Grid, int, int]]:
    """Every table in ``lines[start:end]`` whose rows are one line per column: the grid and its line-index span."""
    end = len(lines) if end is None else end
    found = []
    k = start
    while k < end:
        t = lines[k].text
        if not t or len(t) > MAX_LABEL or column_kind(t) not in UNIT_KINDS or not is_label(t):
            k += 1
            continue
        header = _header(lines, k, start, end)
        if header is None:
            k += 1
            continue
        i, run, after = header
        for n in range(len(run), 1, -1):  # the run may hold the first row's label-like cells (项目1): fewer labels
            labels = run[:n]
            if not is_header(labels):
                continue
            rows, stop = _rows(lines, column_kinds(labels), i + n, end)
            if len(rows) >= MIN_ROWS:
                found.append((Grid(labels, rows, first_line=lines[i].no, last_line=lines[stop - 1].no), i, stop))
                k = stop
                break
        else:
            k = after
    return found
