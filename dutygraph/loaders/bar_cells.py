"""Tables printed one cell per line with a bar opening every cell but a row's first, a lone bar closing the row.

Law-database pages copy a table so::

    牵头单位
    | 目 标 任 务
    | 责 任 单 位
    |
    市政            a cell printed vertically, a few characters a line:
    府办            its lines are one cell (市政府办公厅)
    公厅
    | 强化行政监督,自觉接受人大和政协监督
    | 市直各单位、各区县市
    |
    推进国家安全工作发展      a row under a merged 牵头单位 cell: one cell fewer
    | 市直各单位、各区县市
    |

A line starting with a bar starts a cell, a line without one goes on with the cell
before it, a lone bar ends the row. A row with fewer cells than the header has
columns sits under merged cells: its text cell (the first that is no list of units)
goes to the first text column, the cells before it to the columns before, the cells
after it to the columns after, and the columns left over are merged with the row
above (``None``, marked inferred), but in a row the document stops inside, those after its
last cell are unknown, not merged. The rows become a :class:`~dutygraph.loaders.grid.Grid`.

>>> from .lines import to_lines
>>> text = "牵头单位\\n| 目标任务\\n| 责任单位\\n|\\n市发\\n改委\\n| 增长8%。\\n| 市统计局\\n|\\n投资增长10%。\\n|\\n"
>>> grid, i, j = find_bar_cell_tables(to_lines(text))[0]
>>> [r.cells for r in grid.rows], (i, j)
([['市发改委', '增长8%。', '市统计局'], [None, '投资增长10%。', None]], (0, 11))
"""

from __future__ import annotations

from ..text.markers import is_row_number
from ..text.units import looks_like_unit_list
from .columns import TEXT, column_kinds, is_header, is_label
from .grid import Grid, GridRow
from .lines import Line

MIN_ROWS = 2
MAX_COLUMNS = 12


def _opens(line: Line) -> bool:
    return line.text.startswith("|") and line.text != "|"


def _header(lines: list[Line], i: int, end: int) -> tuple[list[str], int] | None:
    """Labels of a bar-opened header starting at ``lines[i]`` and the index after its closing bar."""
    first = lines[i].text.lstrip("|")
    if not is_label(first):
        return None
    labels = [first]
    j = i + 1
    while j < end and _opens(lines[j]) and len(labels) < MAX_COLUMNS:
        label = lines[j].text.lstrip("|")
        if not is_label(label):
            return None
        labels.append(label)
        j += 1
    if j >= end or lines[j].text != "|" or len(labels) < 2 or not is_header(labels):
        return None
    return labels, j + 1


def _place(cells: list[str], kinds: list[str]) -> list[str | None] | None:
    """A row's cells on the columns; the columns it leaves out are merged with the row above (None)."""
    width = len(kinds)
    if len(cells) == width:
        return list(cells)
    if len(cells) > width:
        return None
    texts = [k for k, kind in enumerate(kinds) if kind == TEXT]
    at = next((k for k, c in enumerate(cells) if not is_row_number(c) and not looks_like_unit_list(c)), None)
    if not texts or at is None:
        return [None] * (width - len(cells)) + list(cells)
    column = texts[0]
    before, after = cells[:at], cells[at:]
    if len(before) > column or len(after) > width - column:
        return [None] * (width - len(cells)) + list(cells)
    row: list[str | None] = [None] * width
    row[column - len(before):column] = before
    row[column:column + len(after)] = after
    return row


def _read(lines: list[Line], labels: list[str], body: int, end: int) -> tuple[list[GridRow], int]:
    kinds = column_kinds(labels)
    rows: list[GridRow] = []
    k = body
    while k < end:
        while k < end and not lines[k].text:
            k += 1
        if k >= end or lines[k].text == "|":
            break
        cells: list[str] = []
        first = k
        while k < end and lines[k].text != "|":
            t = lines[k].text
            if not t:
                break
            if _opens(lines[k]) or not cells:
                cells.append(t.lstrip("|"))
            else:
                cells[-1] += t
            k += 1
        closed = k < end and lines[k].text == "|"
        placed = _place(cells, kinds)
        if placed is None:
            break
        if not closed:  # the document stops inside this row: the cells after the last one printed are unknown
            last = max(k for k, c in enumerate(placed) if c is not None)
            placed[last + 1:] = [""] * (len(placed) - last - 1)
        merged = any(c is None for c in placed)
        basis = "merged cells printed once for the rows they span (a row with fewer cells)" if merged else None
        rows.append(GridRow(placed, lines[first].no, lines[k - 1].no, truncated=not closed, inherit_basis=basis))
        if not closed:
            break
        k += 1
    return rows, k


def find_bar_cell_tables(lines: list[Line], start: int = 0, end: int | None = None) -> list[tuple[Grid, int, int]]:
    """Every bar-opened one-cell-per-line table in ``lines[start:end]``: the grid and its line-index span."""
    end = len(lines) if end is None else end
    found: list[tuple[Grid, int, int]] = []
    if not any(ln.text.startswith("|") for ln in lines[start:end]):
        return found  # the usual case, in one pass
    found = _find(lines, start, end)
    from .cell_groups import double_spaced_part, read_packed  # cell_groups builds on the modules this one does

    if not found and double_spaced_part(lines, start, end):
        return read_packed(_find, lines, start, end)  # a page printing a blank line after every line
    return found


def _find(lines: list[Line], start: int, end: int) -> list[tuple[Grid, int, int]]:
    found: list[tuple[Grid, int, int]] = []
    i = start
    while i < end:
        nxt = i + 1
        if not (lines[i].text and nxt < end and _opens(lines[nxt])) or _opens(lines[i]) and i > start \
                and lines[i - 1].text not in ("", "|"):
            i += 1
            continue
        header = _header(lines, i, end)
        if header is None:
            i += 1
            continue
        labels, body = header
        rows, stop = _read(lines, labels, body, end)
        if len(rows) < MIN_ROWS:
            i = body  # the header's lines start no other table
            continue
        grid = Grid(labels, rows, first_line=lines[i].no, last_line=lines[stop - 1].no)
        found.append((grid, i, stop))
        i = stop
    return found
