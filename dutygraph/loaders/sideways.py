"""Task tables printed sideways, one cell per line: tasks as columns, the role label a row label.

Some pages print a table with its tasks across the top and its rows down the side
(a 民生实事 table broken down by place): the header row names the tasks, then a row
labelled 责任单位 gives one unit cell per task column, then rows of targets per place::

    地区                         the corner cell
    组织技能培训                  a heading over several task columns (a merged header cell)
    建成投用市公共实训基地          task columns ...
    ★组织开展各类补贴性职业技能培训(万人次)
    农村残疾人实用技术培训(人)
    责任                          the role label, here broken over two lines
    单位
    市人力资源社会保障局            one unit cell per task column ...
    市残联
    全市                          rows of values per place: not read
    2.2

The role label decides: a line (or two short lines) that is a unit column label (责任单位,
牵头单位, 配合单位 …) with at least two unit lists after it and at least as many task
cells before it (back to the corner cell: a place or text label, a value, a unit list
or the end of the table before) is such a table. A second role row may follow the
first (牵头单位 then 配合单位).

A row with fewer unit cells than task columns holds merged cells: headings over
several columns printed first (short cells without a value or a measure) are left out
while there are more task cells than unit cells, and the first unit cell of the row is
then taken to span the columns still left over (marked inferred). The table becomes a
:class:`~dutygraph.loaders.grid.Grid` with one row per task column.

>>> from .lines import to_lines
>>> text = "地区\\n修建绿道\\n治理水系(公里)\\n责任单位\\n市住建局\\n市水利局\\n全市\\n5\\n"
>>> grid, i, j = find_sideways_tables(to_lines(text))[0]
>>> grid.columns, [r.cells for r in grid.rows], (i, j)
(['地区', '责任单位'], [['修建绿道', '市住建局'], ['治理水系(公里)', '市水利局']], (0, 8))
"""

from __future__ import annotations

import re

from ..text.units import looks_like_unit_list
from .columns import DEADLINE, LEADER, RESPONSIBLE, TEXT, UNIT_KINDS, is_label
from .flat_table import column_kind, levelled_names
from .grid import Grid, GridRow
from .lines import Line
from .row_table import split_row

MIN_COLUMNS = 2
MIN_LINES = 3  # a table one row a line: a row of tasks and a unit row (one cell a line needs more)
MAX_COLUMNS = 40
MAX_REACH = 4 * MAX_COLUMNS  # lines (blank ones included) a row of cells may spread over
MAX_LABEL_PART = 6
MAX_VALUE_LINE = 20  # the rows of values after the unit rows: short cells
# The last character of a unit column label or of its first half (责任 / 单位): a cheap first look.
_ROLE_LAST = frozenset("位门室任头合办责同与施")
# The corner cell of a table whose rows are places: what its first column holds.
_CORNER = re.compile(r"^(?:地区|区域|地方|区划|行政区划?|县区|区县|县市区|县\(市、?区\)|乡镇|镇街|街镇|单位|地区单位)$")
# A value cell of the rows below (2.2, 4.3%以内, 2400) or a heading over several columns: no task cell.
_VALUE = re.compile(r"^[\d.,%％~～\-—<>≤≥]+\D{0,4}$")
_DATE_WORD = re.compile(r"[年月日季底前]")
_GROUP_HEADING_MAX = 8
_BROKEN_HEAD, _BROKEN_TAIL = 4, 6
_MEASURE = re.compile(r"[\d(（★◆▲●%％]")
_MEASURE_ALONE = re.compile(r"^[(（][^()（）]{1,6}[)）]$")
_UNKNOWN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,12}$")  # a name without digits or punctuation
_ROW_KINDS = frozenset({LEADER, DEADLINE})  # rows that may stand between the task row and the unit row
MAX_ROWS_BETWEEN = 3
MERGED_BASIS = "a unit cell printed once for several columns of a table printed sideways (merged cell)"


def _role_label(lines: list[Line], k: int, end: int) -> tuple[str, int] | None:
    """The unit column label at ``lines[k]`` (whole, or broken over it and the next line with text) and the
    index after it."""
    t = lines[k].text
    if len(t) > MAX_LABEL_PART or t[-1] not in _ROLE_LAST:
        return None
    if is_label(t) and column_kind(t) in UNIT_KINDS and t[-1] in "位门室":
        return t, k + 1
    j = k + 1
    while j < end and not lines[j].text:
        j += 1
    if j < end and len(lines[j].text) <= MAX_LABEL_PART:
        joined = t + lines[j].text
        if is_label(joined) and column_kind(joined) in UNIT_KINDS and joined[-1] in "位门室":
            return joined, j + 1
    return None


def _units_after(lines: list[Line], j: int, end: int, limit: int) -> tuple[list[tuple[str, int]], int]:
    """The unit cells from ``lines[j]`` on (text, line index), up to the first line that is none.

    In the row a short name the lexicon does not know (区城投) is a unit cell when unit cells stand on both
    sides of it: its place in the row says what it is."""
    cells: list[tuple[str, int]] = []
    end = min(end, j + MAX_REACH)
    while j < end and len(cells) <= limit:
        t = lines[j].text
        if not t:
            j += 1
            continue
        if is_label(t):
            break
        if not _unit_cell(t):
            if not (cells and _UNKNOWN_NAME.match(t) and (n := _next_text(lines, j + 1, end)) is not None
                    and _unit_cell(lines[n].text) and not is_label(lines[n].text)):
                break
        cells.append((t, j))
        j += 1
    return cells, j


def _unit_cell(text: str) -> bool:
    """A unit list, or names each opening with its level or place (市甲坊、天元区乙舍) whatever they end with, or
    a list half of whose names read so (:func:`.flat_table.levelled_names`)."""
    return looks_like_unit_list(text) or levelled_names(text)


def _next_text(lines: list[Line], j: int, end: int) -> int | None:
    while j < end and not lines[j].text:
        j += 1
    return j if j < end else None


def _heads_before(lines: list[Line], k: int, stop: int) -> tuple[list[tuple[str, int]], str | None, int,
                                                                   list[tuple[str, list[str]]]]:
    """The task cells before the role label at ``lines[k]``, the corner label (if any), the index of the
    first line of the table and the rows between the task cells and the role label (a 责任领导 row of
    people, a 完成时限 row: its label and cells, nearest first)."""
    heads: list[tuple[str, int]] = []
    rows: list[tuple[str, list[str]]] = []
    i = k - 1
    stop = max(stop, k - MAX_REACH)
    while i >= stop and len(heads) <= MAX_COLUMNS:
        t = lines[i].text
        if not t:
            i -= 1
            continue
        if _CORNER.match(t) or is_label(t) and column_kind(t) == TEXT:
            return heads[::-1], t, i, rows
        if is_label(t) and column_kind(t) in _ROW_KINDS and heads and len(rows) < MAX_ROWS_BETWEEN:
            rows.append((t, [h for h, _ in heads[::-1]]))  # the cells read so far are that row's
            heads = []
            i -= 1
            continue
        if _VALUE.match(t) and not _DATE_WORD.search(t) or looks_like_unit_list(t) or is_label(t) or \
                t.endswith(("表", "。", ":", "：")):
            break
        heads.append((t, i))  # a date (6月底前) may be a cell of a 完成时限 row: its label, further up, says
        i -= 1
    return heads[::-1], None, (heads[-1][1] if heads else k), rows


def _is_group_heading(text: str, later: list[tuple[str, int]] = ()) -> bool:
    """A heading over several columns: short without a measure, or without one where every later cell has one."""
    if _MEASURE.search(text):
        return False
    return len(text) <= _GROUP_HEADING_MAX or bool(later) and all(_MEASURE.search(h) for h, _ in later)


def _pair(heads: list[tuple[str, int]],
          units: list[tuple[str, int]]) -> list[tuple[str, int, str | None, int]]:
    """Each task cell with its line index, its unit cell (None: merged with the unit cell of the column
    before) and the line index of that unit cell."""
    heads = list(heads)
    k = 1
    while k < len(heads):
        if _MEASURE_ALONE.match(heads[k][0]):  # 开展现代农业科技培训 / (人次): the measure of the cell before
            heads[k - 1:k + 1] = [(heads[k - 1][0] + heads[k][0], heads[k - 1][1])]
        else:
            k += 1
    while len(heads) > len(units) and _is_group_heading(heads[0][0], heads[1:]) and len(heads) > MIN_COLUMNS:
        heads.pop(0)
    k = 0
    while len(heads) > len(units) and k + 1 < len(heads):
        if _is_broken(heads[k][0], heads[k + 1][0]):  # 劳务品牌 / 培训(人): one cell on two lines
            heads[k:k + 2] = [(heads[k][0] + heads[k + 1][0], heads[k][1])]
        k += 1
    spread = len(heads) - len(units) + 1
    cells: list[str | None] = [units[0][0]] + [None] * (spread - 1) + [u for u, _ in units[1:]]
    lines = [units[0][1]] * spread + [i for _, i in units[1:]]
    return [(h, i, c, at) for (h, i), c, at in zip(heads, cells, lines)]


def _is_broken(text: str, following: str) -> bool:
    """Whether a task cell goes on on the next line: a short cell without a measure, then a short piece
    that ends in the measure the other cells end in (劳务品牌 / 培训(人))."""
    return (len(text) <= _BROKEN_HEAD and not _MEASURE.search(text) and len(following) <= _BROKEN_TAIL
            and following.endswith((")", "）")))


def _values_end(lines: list[Line], j: int, end: int) -> int:
    """The index after the rows of values that follow the unit rows (short cells, up to the next table)."""
    last = j
    while j < end:
        t = lines[j].text
        if t:
            if len(t) > MAX_VALUE_LINE or _CORNER.match(t) or is_label(t):
                break
            last = j + 1
        j += 1
    return last


def _row_cells(line: Line) -> list[str] | None:
    """The cells of a line printed as a table row (cells between bars, or apart with spaces)."""
    cells = split_row(line.raw)
    return None if cells is None else [c.strip() for c in cells]


def _row_label(cells: list[str] | None) -> str | None:
    """The first cell of a row when it labels a unit row, a leader row or a deadline row (责任单位, 完成时限)."""
    if not cells or len(cells) < 1 + MIN_COLUMNS:
        return None
    label = "".join(cells[0].split())
    return label if is_label(label) and column_kind(label) != TEXT else None


def _sideways_rows(lines: list[Line], k: int, end: int) -> tuple[Grid, int, int] | None:
    """A table printed sideways one row per line whose unit row is ``lines[k]``: the line before it names
    the tasks (a corner cell, then one task a cell), the rows after it may add unit, leader or deadline rows
    with as many cells::

        项目 | 修建绿道 | 治理水系
        牵头单位 | 市住建局 | 市水利局
        完成时限 | 6月底前 | 9月底前
    """
    cells = _row_cells(lines[k])
    label = _row_label(cells)
    if label is None or column_kind(label) not in UNIT_KINDS:
        return None
    units = cells[1:]
    if not all(not u or looks_like_unit_list(u) for u in units) or sum(1 for u in units if u) < MIN_COLUMNS:
        return None
    i = k - 1
    while i >= 0 and not lines[i].text:
        i -= 1
    heads = _row_cells(lines[i]) if i >= 0 else None
    if not heads or len(heads) != len(cells) or _row_label(heads) is not None:
        return None
    columns, rows = ["".join(heads[0].split()) or "项目", label], [[h, u] for h, u in zip(heads[1:], units)]
    j = k + 1
    while j < end:
        if not lines[j].text:
            j += 1
            continue
        more = _row_cells(lines[j])
        more_label = _row_label(more)
        if more_label is None or len(more) != len(cells):
            break
        columns.append(more_label)
        for row, c in zip(rows, more[1:]):
            row.append(c)
        j += 1
    grid = Grid(columns, [GridRow(r, lines[i].no, lines[j - 1].no) for r in rows if r[0]],
                first_line=lines[i].no, last_line=lines[j - 1].no)
    return grid, i, j


def find_sideways_tables(lines: list[Line], start: int = 0, end: int | None = None) -> list[tuple[Grid, int, int]]:
    """Every table printed sideways in ``lines[start:end]``: the grid and its line-index span."""
    end = len(lines) if end is None else end
    found: list[tuple[Grid, int, int]] = []
    if end - start < MIN_LINES:
        return found  # a few lines between tables: no room for a table (the usual case, at once)
    # one row a line: a unit row label at the start of a line with cells after it (a cheap look first)
    for k in [k for k in range(start, end) if len(lines[k].raw) > len(lines[k].text) and
              ("单位" in lines[k].text[2:7] or "部门" in lines[k].text[2:7])]:
        if found and k < found[-1][2]:
            continue
        got = _sideways_rows(lines, k, end)
        if got is not None and got[1] >= start and (not found or got[1] >= found[-1][2]):
            found.append(got)
    if found:
        return found
    floor = start
    k = start
    while k < end:
        t = lines[k].text
        label = _role_label(lines, k, end) if t and len(t) <= MAX_LABEL_PART and t[-1] in _ROLE_LAST else None
        if label is None:
            k += 1
            continue
        name, j = label
        heads, corner, first, between = _heads_before(lines, k, floor)
        units, after = _units_after(lines, j, end, len(heads))
        if len(units) < MIN_COLUMNS or len(heads) < len(units):
            k = j
            continue
        columns = [corner or "项目", name]
        pairs = [[h, i, at, u] for h, i, u, at in _pair(heads, units)]
        for label, cells in between[::-1]:  # a row of people or dates between: a column when it fits the tasks
            if len(cells) == len(pairs):
                columns.insert(-1, label)
                for p, c in zip(pairs, cells):
                    p.insert(len(columns), c)  # [text, index, last line, the cells between …, unit]
        more = _role_label(lines, after, end) if after < end and lines[after].text else None
        if more is not None:  # a second role row (牵头单位, then 配合单位)
            more_units, more_after = _units_after(lines, more[1], end, len(heads))
            if 0 < len(more_units) <= len(pairs):
                columns.append(more[0])
                for p, (_, _, u, at) in zip(pairs, _pair([(p[0], p[1]) for p in pairs], more_units)):
                    p.append(u)
                    p[2] = max(p[2], at)
                after = more_after
        rows = []
        for h, i, at, *cells in pairs:
            row = [h, *cells] + [""] * (len(columns) - len(cells) - 1)
            merged = any(c is None for c in row)
            rows.append(GridRow(row, lines[i].no, lines[at].no, inherit_basis=MERGED_BASIS if merged else None))
        stop = _values_end(lines, after, end)
        found.append((Grid(columns, rows, first_line=lines[first].no, last_line=lines[stop - 1].no), first, stop))
        floor = k = stop
    return found or _unlabelled(lines, start, end)


UNLABELLED_BASIS = "the row of units under the task columns of a table printed sideways (no role label)"


def _unlabelled(lines: list[Line], start: int, end: int) -> list[tuple[Grid, int, int]]:
    """Tables printed sideways whose unit row carries no role label: the corner cell (地区), the task cells,
    then at once a row of at least two unit lists, then no more units (sub-heads, values per place). The units
    are responsible, each for its column (the first spanning the columns left over: ``inferred`` there)."""
    found: list[tuple[Grid, int, int]] = []
    k = start
    while k < end:
        if not _CORNER.match(lines[k].text):
            k += 1
            continue
        heads: list[tuple[str, int]] = []
        j = k + 1
        while j < end and len(heads) <= MAX_COLUMNS:
            t = lines[j].text
            if t:
                if _unit_cell(t) or is_label(t) or _VALUE.match(t) or _CORNER.match(t) or \
                        t.endswith(("表", "。", ":", "：")):
                    break
                heads.append((t, j))
            j += 1
        units, after = _units_after(lines, j, end, len(heads)) if j < end and _unit_cell(lines[j].text) \
            else ([], j)
        if len(units) < MIN_COLUMNS or len(heads) < len(units):
            k = max(j, k + 1)
            continue
        rows = [GridRow([h, u], lines[i].no, lines[at].no, inherit_basis=UNLABELLED_BASIS)
                for h, i, u, at in _pair(heads, units)]
        stop = _values_end(lines, after, end)
        grid = Grid([lines[k].text, ""], rows, first_line=lines[k].no, last_line=lines[stop - 1].no)
        grid.kinds = [TEXT, RESPONSIBLE]
        found.append((grid, k, stop))
        k = stop
    return found
