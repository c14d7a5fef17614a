"""Tables printed one cell per line whose merged cells leave the rows uneven: a task is the cell before its unit.

Project tables (民生实事 progress tables) print a group row once for the projects under
it: its number, its lead unit and a count are merged cells, a heading may stand over
the projects, and each project row holds only its own cells::

    序号 / 牵头单位 / 项目数量 / 项目名称 / 业主单位 / 进展情况     header, one label a line
    一                                   group row: number, lead unit, count (merged cells)
    区住建局
    区政府民生实事项目(3个)
    (一)“打通断头路”攻坚行动(6条路)        a heading over the projects below: no task
    1.文化中心北路                        project row: the task ...
    区城投                                ... its unit cell (业主单位)
    已完工                                ... and cells that report on it
    2.乐业路 …

The header decides: a unit column before the task column (the merged lead) and a unit
column right after it. The rows cannot be cut by counting lines, so the body is read
by what the cells are: a row number followed by the cells of the columns before the
task column opens a group (its unit cell holds for every task of the group, marked
inferred after the first); a text cell followed by a unit list is a task, the unit
lists after it fill the unit columns after the task column; anything else (counts,
headings, progress, empty cells ``|||``) is passed over. A cell opening with an item
number (1.文化中心北路) is never a unit cell, and in a unit cell a short name opening
with its place (区城投) is a unit although no suffix says so. The last text cell of a
document cut inside the table is a task too, unless a unit cell stands before it (then
it reports on the task before). The table becomes a
:class:`~dutygraph.loaders.grid.Grid` of the number, unit and task columns.

>>> from .lines import to_lines
>>> text = "序号\\n牵头单位\\n项目名称\\n业主单位\\n进展情况\\n一\\n区住建局\\n(一)修路行动\\n1.北路\\n区城投\\n已完工\\n" \\
...        "2.南路\\n区城管局\\n已完工\\n二\\n区教体局\\n新建教学楼\\n区教体局\\n已完工\\n"
>>> grid, i, j = find_uneven_tables(to_lines(text))[0]
>>> grid.columns, [r.cells for r in grid.rows], (i, j)
(['序号', '牵头单位', '项目名称', '业主单位'], [['一', '区住建局', '1.北路', '区城投'], [None, None, '2.南路', '区城管局'], \
['二', '区教体局', '新建教学楼', '区教体局']], (0, 19))
"""

from __future__ import annotations

import re

from ..text.markers import chinese_numeral, is_row_number
from ..text.units import is_level_name, looks_like_unit_list
from .columns import NUMBER, TEXT, UNIT_KINDS, column_kinds, is_header, is_label
from .flat_table import column_kind
from .grid import REPORT_LABEL, Grid, GridRow
from .lines import Line

MIN_TASKS = 2
MIN_LINES = 8  # three labels, a group's number and lead, two tasks with their unit cells: eight lines at least
MAX_CELL = 100  # a longer line is prose after the table
MAX_SUBHEADER = 24  # lines of a second header row (labels under a spanning label) and empty cells after the header
BASIS = "a group's merged cell (number, lead) printed once for the project rows under it"


MAX_COLUMNS = 12


def _header(lines: list[Line], j: int, start: int, end: int) -> tuple[int, list[str], int] | None:
    """(first index, labels, index after) of a header printed one label a line around the unit label at
    ``lines[j]``; blank lines and empty cells may stand between its labels."""
    i = j
    k = j - 1
    reach = max(start, j - 3 * MAX_COLUMNS)
    while k >= reach and (_is_filler(lines[k]) or is_label(lines[k].text)):
        if lines[k].text.strip("|"):
            i = k
        k -= 1
    labels: list[str] = []
    k = i
    after = i
    while k < end and len(labels) < MAX_COLUMNS and k < i + 3 * MAX_COLUMNS:
        t = lines[k].text
        if t and t.strip("|"):
            if not is_label(t):
                break
            labels.append(t)
            after = k + 1
        elif t == "" and not lines[k].blank_cell and k + 1 < end and not lines[k + 1].text and labels:
            break  # two blank lines: the header has ended
        k += 1
    if len(labels) < 2 or not is_header(labels):
        return None
    return i, labels, after


def _task_column(kinds: list[str], labels: list[str]) -> int | None:
    """The task column: a text column right before a unit column, with a unit column before it."""
    for t in range(1, len(kinds) - 1):
        if (kinds[t] == TEXT and kinds[t + 1] in UNIT_KINDS and any(k in UNIT_KINDS for k in kinds[:t])
                and not REPORT_LABEL.search(labels[t])):
            return t
    return None


def _is_number(text: str) -> bool:
    return is_row_number(text) or len(text) <= 3 and chinese_numeral(text) is not None


_ITEM = re.compile(r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,3}[.、．])")


# A short name opening with its place (区城投, 县水投): a unit in a unit cell although no suffix says so.
_PLACE_NAME = re.compile(r"^(?:区|市|县|镇|乡|省|州|旗)[\u4e00-\u9fff]{2,6}$")


def _is_units(line: Line) -> bool:
    """Whether a cell lists units (names apart with spaces only are a list too; a short name opening with its
    place counts in a unit cell); a cell opening with an item number (1.文化中心北路, (一)…) names a task,
    whatever it ends with."""
    if _ITEM.match(line.text):
        return False
    parts = line.raw.split()
    if all(looks_like_unit_list(p) or _PLACE_NAME.match(p) or _placed_name(p) for p in parts):
        return True  # (names opening with their place, 区城投 / 南昌市甲坊, alone or apart with spaces)
    return looks_like_unit_list(line.text)


def _placed_name(text: str) -> bool:
    """A name opening with a place's name (南昌市甲坊, 天元区乙舍) whatever it ends with."""
    return len(text) <= 12 and is_level_name(text, place=True)


def _cell(line: Line) -> str:
    """A unit cell's text: names apart with spaces only joined as a list."""
    return "、".join(line.raw.split())


def _is_filler(line: Line) -> bool:
    """An empty cell: a blank cell line or a run of bars (|||||)."""
    return not line.text or not line.text.strip("|")


def _body(lines: list[Line], k: int, end: int) -> list[int]:
    """Indices of the body's cells from ``lines[k]``: fillers and a sub-header (labels) left out; the body ends
    at a line of prose or at the unit label of another header."""
    top = min(end, k + MAX_SUBHEADER)
    while k < top and (_is_filler(lines[k]) or is_label(lines[k].text)):
        k += 1
    cells = []
    while k < end and len(lines[k].text) <= MAX_CELL:
        t = lines[k].text
        if t and t[-1] in "位门室" and is_label(t) and column_kind(t) in UNIT_KINDS:
            break
        if not _is_filler(lines[k]):
            cells.append(k)
        k += 1
    return cells


def _columns(kinds: list[str], task: int) -> tuple[list[int], list[int]]:
    """The columns read: the number and unit columns before the task column, the unit columns right after it."""
    before = [c for c in range(task) if kinds[c] in UNIT_KINDS or kinds[c] == NUMBER]
    after = []
    for c in range(task + 1, len(kinds)):
        if kinds[c] not in UNIT_KINDS:
            break
        after.append(c)
    return before, after


def _read(lines: list[Line], kinds: list[str], task: int, cells: list[int], end: int) -> tuple[list[GridRow], int]:
    """The task rows of the body (cells: ``[number, unit cells before the task, task, unit cells after]``)."""
    before, after = _columns(kinds, task)
    cut = bool(cells) and not any(ln.text for ln in lines[cells[-1] + 1:end])  # the document stops in the table
    rows: list[GridRow] = []
    group: list[str | None] = [None] * len(before)
    fresh = False
    n = 0
    last = cells[-1] if cells else 0
    while n < len(cells):
        k = cells[n]
        t = lines[k].text
        if _is_number(t) and n + 1 < len(cells) and _is_units(lines[cells[n + 1]]):
            group = [None] * len(before)
            m = n
            for at, c in enumerate(before):  # the group row's cells of the columns before the task
                if kinds[c] == NUMBER:
                    group[at] = t
                    m += 1
                elif m < len(cells) and _is_units(lines[cells[m]]):
                    group[at] = _cell(lines[cells[m]])
                    m += 1
            n, fresh = m, True
            continue
        units = []
        m = n + 1
        while m < len(cells) and len(units) < len(after) and _is_units(lines[cells[m]]):
            units.append(_cell(lines[cells[m]]))
            m += 1
        truncated = cut and k == last and n > 0 and not _is_units(lines[cells[n - 1]])  # not a report cell
        if (units or truncated) and not _is_units(lines[k]) and not _is_number(t):
            merged = not fresh
            row = (list(group) if fresh else [None] * len(before)) + [t] + units + [""] * (len(after) - len(units))
            rows.append(GridRow(row, lines[k].no, lines[cells[m - 1]].no, truncated=truncated,
                                inherit_basis=BASIS if merged else None))
            fresh = False
            n = m
            continue
        n += 1
    return rows, (cells[-1] + 1 if cells else end)


def find_uneven_tables(lines: list[Line], start: int = 0, end: int | None = None) -> list[tuple[Grid, int, int]]:
    """Every table in ``lines[start:end]`` whose group rows carry merged cells for the rows under them."""
    end = len(lines) if end is None else end
    found: list[tuple[Grid, int, int]] = []
    if end - start < MIN_LINES:
        return found  # a few lines between tables: no room for such a table (the usual case, at once)
    candidates = [j for j in range(start, end) if 1 < len(lines[j].text) <= 10 and lines[j].text[-1] in "位门室"]
    k = start
    for j in candidates:
        if j < k or column_kind(lines[j].text) not in UNIT_KINDS or not is_label(lines[j].text):
            continue
        header = _header(lines, j, start, end)
        if header is None:
            continue
        i, labels, after = header
        kinds = column_kinds(labels)
        task = _task_column(kinds, labels)
        if task is None:
            k = after
            continue
        rows, stop = _read(lines, kinds, task, _body(lines, after, end), end)
        if len(rows) < MIN_TASKS or not any(r.cells[0] is not None for r in rows):
            k = after
            continue
        before, after_task = _columns(kinds, task)
        keep = before + [task] + after_task
        grid = Grid([labels[c] for c in keep], rows, first_line=lines[i].no, last_line=lines[stop - 1].no)
        found.append((grid, i, stop))
        k = stop
    return found
