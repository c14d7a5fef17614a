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
other readers. A header whose first column holds units (牵头单位 printed once for the
rows it spans) may leave that cell out of a row: then each cell goes to the next
column it fits, and the columns a row leaves out are merged with the row above.

>>> from .lines import to_lines
>>> ls = to_lines("牵头单位\\n重点任务\\n责任单位\\n县水利局\\n完成河道清淤。\\n各乡镇\\n县交通局\\n新建公路30公里。\\n县财政局")
>>> [(g.columns, [r.cells for r in g.rows], i, j) for g, i, j in find_cell_group_tables(ls)]
[(['牵头单位', '重点任务', '责任单位'], [['县水利局', '完成河道清淤。', '各乡镇'], ['县交通局', '新建公路30公里。', '县财政局']], 0, 9)]
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.markers import is_row_number
from ..text.normalize import bracket_depth_split
from ..text.units import LIST_SEPARATORS, is_unit_name, looks_like_unit_list, org_suffixes
from .columns import DEADLINE, LEADER, MAX_LABEL, NUMBER, TEXT, UNIT_KINDS, column_kinds, is_header, is_label
from .flat_table import _role_clause, column_kind, is_place, levelled_names
from .grid import Grid, GridRow
from .lines import Line
from .merged_lines import category_cells, section_row, unnumbered_rows

MIN_ROWS = 2
MAX_NAME = 16
MAX_COLUMNS = 12
_TIME = re.compile(r"\d{4}|年|月|季度|底|前|长期|持续|常态|全年|每年|按期|按时|同步")
_SENTENCE_END = re.compile(r"[。；;！？]")
_LABEL_TAIL = re.compile(r"单位|部门|时间|时限|类别|内容|名称|领导|科室|主体")  # the second half of a broken label


def _names_a_unit(text: str) -> bool:
    """Whether a short cell without a sentence lists a known unit among names the lexicon may not know
    (市直各单位、各区县市)."""
    if len(text) > 60 or _SENTENCE_END.search(text):
        return False
    parts = [p for p in bracket_depth_split(text, LIST_SEPARATORS) if p]
    if any(len(p) > MAX_NAME for p in parts):
        return False  # a clause, not a name
    return any(is_unit_name(p) or p.endswith(_org_endings()) for p in parts)


@lru_cache(maxsize=1)
def _org_endings() -> tuple[str, ...]:
    return tuple(org_suffixes())


def _fits(kind: str, text: str) -> bool:
    """Whether a cell's text can stand in a column of ``kind``."""
    if kind == NUMBER:
        return is_row_number(text)
    if kind in UNIT_KINDS:  # a place named alone in a unit column is that place's government (登封市)
        return looks_like_unit_list(text) or _names_a_unit(text) or all(is_place(p) for p in text.split("、")) \
            or _role_clause(text) or levelled_names(text)  # a cell that says the roles itself (X牵头,Y配合;
        # 牵头单位:X;配合单位:Y); names opening with their level whatever they end with (市甲坊)
    if kind == DEADLINE:
        return len(text) <= 30 and _TIME.search(text) is not None
    if kind == LEADER:
        return len(text) <= 16 and _SENTENCE_END.search(text) is None
    return not looks_like_unit_list(text) and not is_row_number(text)  # text


_TABLE_TITLE = re.compile(r"(?:表|清单|一览|目录)$")


def _header(lines: list[Line], k: int, start: int, end: int) -> tuple[int, list[str], list[int]] | None:
    """(first index, labels, the index after each label) of a header one label per line around the unit label
    at ``lines[k]``.

    A label may be broken over two lines (牵头 / 部门, 完成 / 时限): its lines are one label.

    >>> from .lines import to_lines
    >>> _header(to_lines("重点任务\\n牵头\\n部门\\n完成\\n时限\\n修路。"), 1, 0, 6)
    (0, ['重点任务', '牵头部门', '完成时限'], [1, 3, 5])
    """
    i = k
    first = max(start, k - 2 * MAX_COLUMNS + 1)  # a header holds at most MAX_COLUMNS labels: look no further back
    while i - 1 >= first and lines[i - 1].text and not _TABLE_TITLE.search(lines[i - 1].text) and (
            is_label(lines[i - 1].text) or i - 2 >= first and _broken(lines[i - 2].text, lines[i - 1].text)):
        i -= 1  # back to the header's first label; a table's title (重点任务分工表) is none
    labels: list[str] = []
    ends: list[int] = []
    j = i
    while j < end and lines[j].text and len(labels) < MAX_COLUMNS:
        t = lines[j].text
        if labels and _broken(labels[-1], t):
            labels[-1] += t
            ends.pop()
        elif is_label(t):
            labels.append(t)
        elif j + 1 < end and _broken(t, lines[j + 1].text):
            labels.append(t + lines[j + 1].text)
            j += 1
        else:
            break
        j += 1
        ends.append(j)
    if len(labels) < 2 or not is_header(labels):
        return None
    return i, labels, ends


def _broken(head: str, tail: str) -> bool:
    """Whether ``tail`` ends the label ``head`` begins (牵头 / 部门, 完成 / 时限), one label broken over two lines."""
    if len(head) > 3 or not _LABEL_TAIL.fullmatch(tail):
        return False
    joined = column_kind(head + tail)
    if joined == TEXT:
        return False
    if not is_label(head):
        return True  # 完成 / 时限
    return column_kind(head) == joined and not (is_label(tail) and column_kind(tail) != TEXT)  # 牵头 / 部门


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
        if k < end and section_row(lines[k].text, kinds):
            rows.append(GridRow(category_cells(lines[k].text, kinds), lines[k].no, lines[k].no))
            k += 1  # a section heading between rows (一、经济发展): a category row
            continue
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
            got = _names_over_lines(lines, kinds, k, end)
            if got is None:
                break
            cells, j = got
            group = [lines[k], lines[j - 1]]
        rows.append(GridRow(cells, group[0].no, group[-1].no))
        expected += 1
        k = stop = j
    return rows, stop


MAX_CELL_LINES = 4  # lines of names one cell of a people or unit column may print


def _names_over_lines(lines: list[Line], kinds: list[str], k: int, end: int) -> tuple[list[str], int] | None:
    """A row from ``lines[k]`` whose people or unit cell prints its names one a line (董某 / 李某 under 责任领导):
    a line that does not fit its column but fits the one before, a column of people or units, goes on with that
    cell. The cells and the index after the row, or None when the row does not fit so either."""
    cells: list[str] = []
    names = 0
    j = k
    while j < end and len(cells) <= len(kinds):
        t = lines[j].text
        if not t:
            if lines[j].blank_cell and len(cells) < len(kinds) and kinds[len(cells)] not in (TEXT, NUMBER):
                cells.append("")
                j += 1
                continue
            break
        c = len(cells)
        if c < len(kinds) and _fits(kinds[c], t):
            cells.append(t)
            names = 0
        elif c and kinds[c - 1] in (LEADER, *UNIT_KINDS) and names < MAX_CELL_LINES and cells[-1] and \
                _fits(kinds[c - 1], t):
            cells[-1] += "、" + t
            names += 1
        else:
            break
        j += 1
        if len(cells) == len(kinds) and not (j < end and lines[j].text and kinds[-1] in (LEADER, *UNIT_KINDS)
                                             and not _fits(kinds[0], lines[j].text)):
            return cells, j
    return None


def cell_rows(lines: list[Line], kinds: list[str], body: int, end: int) -> tuple[list[GridRow], int]:
    """The rows from ``lines[body]`` of a table whose columns are ``kinds``, one line per cell (a page printing a
    blank line after every line read without them), and the index after the last: for a header another reader
    found (one printed on a line of its own)."""
    rows, stop = _rows(lines, kinds, body, end)
    if len(rows) >= MIN_ROWS or not _double_spaced(lines, body, end):
        return rows, stop
    kept = [k for k in range(body, end) if lines[k].text or lines[k].blank_cell]
    rows, stop = _rows([lines[k] for k in kept], kinds, 0, len(kept))
    return rows, (kept[stop - 1] + 1 if stop else body)


def _merged_rows(lines: list[Line], kinds: list[str], body: int, end: int) -> tuple[list[GridRow], int]:
    """Rows under a first column of merged unit cells (a lead printed once for the rows it spans): each cell
    goes to the next column of its row that it fits, a cell that fits none left starts the next row, and the
    columns a row leaves out are merged with the row above (``None``, marked inferred)."""
    width = len(kinds)
    rows: list[GridRow] = []
    row: list[str | None] = []
    first = last = 0
    k = body

    def close() -> bool:
        if TEXT not in [kind for kind, cell in zip(kinds, row) if cell]:
            return False
        cells = row + [None] * (width - len(row))
        basis = "merged cells printed once for the rows they span (a row with fewer cells)" \
            if any(c is None for c in cells) else None
        rows.append(GridRow(cells, lines[first].no, lines[last].no, inherit_basis=basis))
        return True

    while k < end:
        t = lines[k].text
        if not t:
            k += 1
            continue
        at = next((c for c in range(len(row), width) if _fits(kinds[c], t)), None)
        if at is None:
            if not row or not close():
                break
            row = []
            at = next((c for c in range(width) if _fits(kinds[c], t)), None)
            if at is None:
                break
        if not row:
            first = k
        row.extend([None] * (at - len(row)))
        row.append(t)
        last = k
        k += 1
    if row and close():
        k = end if k >= end else k
    if rows and any(c is None for c in rows[0].cells):
        return [], body  # the first row holds every cell the rows below inherit
    return rows, k


def find_cell_group_tables(lines: list[Line], start: int = 0, end: int | None = None) -> list[tuple[Grid, int, int]]:
    """Every table in ``lines[start:end]`` whose rows are one line per column: the grid and its line-index span.

    A page that prints a blank line after every line (a web page's cells one a paragraph) is read without them.
    """
    end = len(lines) if end is None else end
    found = _find(lines, start, end)
    if found or not _double_spaced(lines, start, end):
        return found
    return read_packed(_find, lines, start, end)


def read_packed(find, lines: list[Line], start: int, end: int) -> list[tuple[Grid, int, int]]:
    """The tables ``find`` reads in ``lines[start:end]`` without its blank lines (a page printing one after every
    line), with their spans in ``lines``."""
    kept = [k for k in range(start, end) if lines[k].text or lines[k].blank_cell]
    packed = [lines[k] for k in kept]
    return [(grid, kept[i], kept[j - 1] + 1) for grid, i, j in find(packed, 0, len(packed))]


def double_spaced_part(lines: list[Line], start: int, end: int) -> bool:
    """Whether most lines with text in ``lines[start:end]`` stand between blank lines (:func:`_double_spaced`)."""
    return _double_spaced(lines, start, end)


def _double_spaced(lines: list[Line], start: int, end: int) -> bool:
    """Whether most lines with text in ``lines[start:end]`` stand between blank lines."""
    texts = [k for k in range(start, end) if lines[k].text]
    spaced = sum(1 for k in texts if k + 1 < end and not lines[k + 1].text)
    return len(texts) >= 6 and spaced >= 0.8 * len(texts)


def _find(lines: list[Line], start: int, end: int) -> list[tuple[Grid, int, int]]:
    found: list[tuple[Grid, int, int]] = []
    # the unit labels a header holds (short lines first, in one pass)
    candidates = [j for j in range(start, end) if 1 < len(lines[j].text) <= MAX_LABEL]
    candidates = [j for j in candidates if column_kind(lines[j].text) in UNIT_KINDS and is_label(lines[j].text)]
    k = start
    for j in candidates:
        if j < k:
            continue  # inside a table already read, or a header run already tried
        k = j
        header = _header(lines, k, start, end)
        if header is None:
            k += 1
            continue
        i, run, ends = header
        after = ends[-1]
        best = None  # (labels, rows, stop) of the reading with the most labels, rows of exact cells first
        for n in range(len(run), 1, -1):  # the run may hold the first row's label-like cells (项目1): fewer labels
            labels = run[:n]
            if not is_header(labels):
                continue
            kinds = column_kinds(labels)
            rows, stop = _rows(lines, kinds, ends[n - 1], end)
            if len(rows) < MIN_ROWS and kinds[0] in UNIT_KINDS:
                rows, stop = _merged_rows(lines, kinds, ends[n - 1], end)
            elif kinds[0] == TEXT:  # rows leaving out cells merged over rows, or names one a line
                more, further = unnumbered_rows(lines, kinds, ends[n - 1], end)
                if len(more) >= MIN_ROWS and further > stop:
                    if len(rows) < MIN_ROWS:
                        best = best or (labels, more, further)  # unless fewer labels read as exact rows
                        continue
                    rows, stop = more, further
            if len(rows) >= MIN_ROWS:
                best = (labels, rows, stop)
                break
        if best is not None:
            labels, rows, stop = best
            found.append((Grid(labels, rows, first_line=lines[i].no, last_line=lines[stop - 1].no), i, stop))
            k = stop
        else:
            k = after
    return found
