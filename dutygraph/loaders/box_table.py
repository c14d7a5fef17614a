"""Tables drawn with box characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘), as text exports of word processors write them.

Every text line of such a table holds one segment per column between vertical
strokes (│ ├ ┤ ┼ …). Cells wrap inside their column, so one cell is the segments of
its column from one horizontal rule of that column to the next; a rule drawn over
some columns only (``├──┤ │ ├──┤``) ends the cells of those columns and leaves the
others open: merged cells. The reader follows that geometry:

* a column's cell is its segments joined between two rules of that column;
* rows are cut where the text column's cells end; a cell of another column that
  spans several rows is given to the first and merged (``None``) for the others;
* a text cell holding several bulleted items (△ ▲ ● ◆ …) is one row per item; in a
  table whose items are bulleted, a text cell without a bullet is a heading
  (a category row) and the cells it opens pass to its first item;
* the header is the cells above the first full rule, spaces inside labels removed.

>>> from .lines import to_lines
>>> text = '''┌────┬──────┬────┐
... │序号│重点任务  │牵头单位│
... ├────┼──────┼────┤
... │ 1  │修建绿道,│市住建局│
... │    │年底完成。│、市财政│
... ├────┼──────┤局      │
... │ 2  │治理水系。│        │
... └────┴──────┴────┘'''
>>> grid, i, j = find_box_tables(to_lines(text))[0]
>>> grid.columns, [(r.cells, r.first_line, r.last_line) for r in grid.rows], (i, j)
(['序号', '重点任务', '牵头单位'], [(['1', '修建绿道,年底完成。', '市住建局、市财政局'], 4, 5), (['2', '治理水系。', None], 7, 7)], (0, 8))
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..text.markers import is_row_number
from .columns import NUMBER, TEXT, column_kind, column_kinds, is_header, spread_group_label
from .grid import Grid, GridRow
from .lines import Line

# Strokes that stand between cells (light, heavy and double; every junction).
_VERTICAL = "│┃║├┤┼┬┴┌┐└┘┠┨╂┣┫╋┳┻┏┓┗┛╟╢╫╠╣╬╦╩╔╗╚╝╞╡╪╤╧╒╕╘╛╓╖╙╜┝┥┿┯┷┍┑┕┙"
_SPLIT = re.compile("[" + _VERTICAL + "]")
_RULE = re.compile(r"^[─━═┄┅┈┉╌╍\-=]+$")
_BOX = re.compile("[" + _VERTICAL + "─━═]")
_BOTTOM = "└┗╚╘╙┕"
_BULLET = re.compile(r"^[△▲●◆■□○◇•·※★☆▶►]")
MIN_COLUMNS = 2


def _segments(raw: str) -> list[str] | None:
    """The segments between vertical strokes of a table line, or None when it is not one."""
    raw = raw.strip()
    if not raw or raw[0] not in _VERTICAL:
        return None
    parts = _SPLIT.split(raw)
    if len(parts) < 3:
        return None
    return parts[1:-1] if not parts[-1].strip() else parts[1:]


def _join(pieces: list[str]) -> str:
    """Segments of one cell joined: CJK text wraps anywhere, so no separator except between Latin words."""
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and piece[0].isascii() and piece[0].isalnum():
            out += " "
        out += piece
    return out


class _Cell:
    __slots__ = ("pieces", "lines")

    def __init__(self) -> None:
        self.pieces: list[tuple[int, str]] = []  # (line index, segment)
        self.lines: list[int] = []

    def text(self) -> str:
        return _join([s for _, s in self.pieces])


def _columns_cells(lines: list[Line], i: int, j: int, width: int) -> list[list[_Cell]]:
    """Each column's cells between lines i and j (exclusive), following the rules drawn in that column."""
    cells: list[list[_Cell]] = [[] for _ in range(width)]
    open_: list[_Cell | None] = [None] * width
    for k in range(i, j):
        parts = _segments(lines[k].raw)
        if parts is None or len(parts) != width:
            continue
        for c, part in enumerate(parts):
            stripped = part.strip()
            if stripped and _RULE.match(stripped):
                open_[c] = None
                continue
            if open_[c] is None:
                open_[c] = _Cell()
                cells[c].append(open_[c])
            cell = open_[c]
            if stripped:
                cell.pieces.append((k, stripped))
            cell.lines.append(k)
    return [[cell for cell in column if cell.pieces or len(column) == 1] for column in cells]


def _width(lines: list[Line], i: int, j: int) -> int | None:
    counts: dict[int, int] = {}
    for k in range(i, j):
        parts = _segments(lines[k].raw)
        if parts is not None:
            counts[len(parts)] = counts.get(len(parts), 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], n))


def _table_spans(lines: list[Line], start: int, end: int) -> list[tuple[int, int]]:
    """Runs of at least three lines that open with a box stroke (a bottom corner └ ends one)."""
    spans: list[tuple[int, int]] = []
    k = start
    while k < end:
        if lines[k].raw.lstrip()[:1] in _VERTICAL and lines[k].raw.strip():
            s = k
            while k < end and lines[k].raw.strip() and lines[k].raw.lstrip()[:1] in _VERTICAL:
                k += 1
                if lines[k - 1].raw.lstrip()[:1] in _BOTTOM:
                    break
            if k - s >= 3:
                spans.append((s, k))
        else:
            k += 1
    return spans


def _item_rows(cell: _Cell) -> list[tuple[str, int, int]]:
    """A text cell as (text, first line index, last line index) per bulleted item (one when it has none)."""
    groups: list[list[tuple[int, str]]] = []
    for k, piece in cell.pieces:
        if not groups or _BULLET.match(piece):
            groups.append([])
        groups[-1].append((k, piece))
    return [(_join([s for _, s in g]), g[0][0], g[-1][0]) for g in groups]


def _grid(lines: list[Line], i: int, j: int) -> Grid | None:
    width = _width(lines, i, j)
    if width is None or width < MIN_COLUMNS:
        return None
    columns = _columns_cells(lines, i, j, width)
    if not columns[0]:
        return None
    # The header: the first cell of every column, when together they read as a task table's labels.
    labels = ["".join(col[0].text().split()) if col else "" for col in columns]
    if not is_header(labels) and (two := _two_row_header(lines, i, j, width, columns)) is not None:
        labels, columns = two
    if not is_header(labels):
        return _listed_by_unit(lines, i, j, width)
    kinds = column_kinds(labels)
    texts = [c for c, kind in enumerate(kinds) if kind == TEXT]
    if not texts:
        return None
    body = [col[1:] for col in columns]
    content = max(texts, key=lambda c: (sum(len(cell.text()) for cell in body[c]), -c))
    # Rows: one per item of the text column; headings among bulleted items carry no task.
    items: list[tuple[str, int, int]] = []
    for cell in body[content]:
        items.extend(_item_rows(cell))
    bulleted = sum(1 for text, _, _ in items if _BULLET.match(text))
    heading = [bulleted >= 2 and not _BULLET.match(text) for text, _, _ in items]
    starts = [first for _, first, _ in items]
    rows = [[None] * width for _ in items]
    spans = [[first, last] for _, first, last in items]
    for r, (text, _, _) in enumerate(items):
        rows[r][content] = _BULLET.sub("", text).strip() if not heading[r] else text

    def row_of(k: int) -> int | None:
        # the last item starting at or before line k; a cell opening beside a heading goes to its first item
        r = bisect_right(starts, k) - 1
        if r < 0:
            return 0 if starts else None
        while r < len(items) - 1 and heading[r]:
            r += 1
        return r

    for c in range(width):
        if c == content:
            continue
        for cell in body[c]:
            if not cell.pieces:
                continue
            r = row_of(cell.pieces[0][0])
            if r is None:
                continue
            text = cell.text()
            rows[r][c] = text if rows[r][c] is None else rows[r][c] + text
    grid = Grid(labels, first_line=lines[i].no, last_line=lines[j - 1].no)
    current: list[str | None] = [None] * width  # the text of each column's open cell
    after_heading = False
    for r, cells in enumerate(rows):
        if heading[r]:  # a category row: its text alone; the cells drawn across it stay open
            grid.rows.append(GridRow([cells[c] if c == content else "" for c in range(width)],
                                     lines[spans[r][0]].no, lines[spans[r][1]].no))
            after_heading = True
            continue
        if after_heading:  # a category row ends merges in a grid: repeat what is drawn open across it
            cells = [current[c] if cell is None else cell for c, cell in enumerate(cells)]
            after_heading = False
        current = [current[c] if cell is None else cell for c, cell in enumerate(cells)]
        grid.rows.append(GridRow(cells, lines[spans[r][0]].no, lines[spans[r][1]].no))
    return grid


def _two_row_header(lines: list[Line], i: int, j: int, width: int,
                    columns: list[list[_Cell]]) -> tuple[list[str], list[list[_Cell]]] | None:
    """A header of two rows, a unit label merged over the unit columns under it (│序号│重点任务│责任单位│时限│ over
    │  │        │主办单位│协办单位│    │): the labels, the second row's under the first's (the first row's lines
    hold fewer segments than the table's columns), and each column's cells under the header (after a dummy
    header cell). None unless the labels make a task table's header."""
    h = next((k for k in range(i, j) if (parts := _segments(lines[k].raw)) is not None and len(parts) == width
              and all(p.strip() and _RULE.match(p.strip()) for p in parts)), None)  # the rule under the header
    if h is None:
        return None
    top: list[list[str]] = []
    for k in range(i, h):
        parts = _segments(lines[k].raw)
        if parts is not None and 2 <= len(parts) < width and not all(_RULE.match(p.strip()) for p in parts):
            top = top or [[] for _ in parts]
            if len(parts) == len(top):
                for c, part in enumerate(parts):
                    top[c].append(part.strip())
    under = ["".join(cell.text().split()) for col in columns for cell in col
             if cell.pieces and cell.pieces[0][0] < h and not _RULE.match(cell.text())]
    labels = spread_group_label(["".join(_join(p).split()) for p in top], under) if top and under else None
    if labels is None or len(labels) != width:
        return None
    body = [[_Cell()] + [cell for cell in col if cell.pieces and cell.pieces[0][0] > h] for col in columns]
    return labels, body


def _rule_rows(lines: list[Line], i: int, j: int, width: int) -> list[tuple[int, int, list[str]]]:
    """(first, last line index, cells) of each row between two rules drawn across every column."""
    rows: list[tuple[int, int, list[str]]] = []
    pieces: list[list[str]] = [[] for _ in range(width)]
    first = None
    for k in range(i, j + 1):
        parts = _segments(lines[k].raw) if k < j else None
        full = parts is None or all(_RULE.match(p.strip()) for p in parts if p.strip()) or len(parts) != width
        if full:
            if first is not None:
                rows.append((first, k - 1, [_join(p) for p in pieces]))
            pieces, first = [[] for _ in range(width)], None
            continue
        if first is None:
            first = k
        for c, part in enumerate(parts):
            if part.strip() and not _RULE.match(part.strip()):
                pieces[c].append(part.strip())
    return rows


def _listed_by_unit(lines: list[Line], i: int, j: int, width: int) -> Grid | None:
    """A list of projects or tasks without a unit column whose group rows each name one unit ((十一)省某集团 over
    its projects: theirs, as items under a unit heading), maybe printed in two halves side by side (序号 / 在建项目
    / 序号 / 预备项目: each half a row of its own, in reading order). None unless a group row names a unit."""
    from .grid import _group_unit

    rows = _rule_rows(lines, i, j, width)
    if len(rows) < 3:
        return None
    labels = ["".join(c.split()) for c in rows[0][2]]
    if any(label and column_kind(label) not in (TEXT, NUMBER) for label in labels):
        return None  # a header with a unit, leader or deadline label the task-table reader did not take
    half = width // 2 if width >= 4 and width % 2 == 0 and labels[: width // 2] != labels[width // 2:] and \
        [bool(x) for x in labels[: width // 2]] == [bool(x) for x in labels[width // 2:]] else width
    body: list[GridRow] = []
    for first, last, cells in rows[1:]:
        for at in range(0, width - half + 1, half):
            part = cells[at:at + half]
            if any(part):
                body.append(GridRow(part, lines[first].no, lines[last].no))
    groups = [r for r in body if sum(1 for c in r.cells if c) == 1 and _group_unit(next(c for c in r.cells if c))]
    if not groups:
        return None
    kinds = [NUMBER if any(r.cells[c] for r in body) and all(not r.cells[c] or is_row_number(r.cells[c])
                                                            for r in body if r not in groups) else TEXT
             for c in range(half)]
    if TEXT not in kinds:
        return None
    return Grid(labels[:half], body, first_line=lines[i].no, last_line=lines[j - 1].no, kinds=kinds)


def find_box_tables(lines: list[Line], start: int = 0, end: int | None = None) -> list[tuple[Grid, int, int]]:
    """Box-drawn task tables in ``lines[start:end]``: (grid, first line index, end line index)."""
    end = len(lines) if end is None else end
    out: list[tuple[Grid, int, int]] = []
    if not _BOX.search("\n".join([lines[k].raw for k in range(start, end)])):  # one search, not one a line
        return out
    for i, j in _table_spans(lines, start, end):
        grid = _grid(lines, i, j)
        if grid is not None and grid.rows:
            out.append((grid, i, j))
    return out
