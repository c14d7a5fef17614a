"""Tables printed one cell per line where a text column stands after a cell column: read as a grid.

The flattened-table reader of the seed's layout expects the text columns first and the
unit, leader and deadline cells after them. Tables of projects (民生实事) often put the
text after such cells::

    序号 / 项目名称 / 建设地点 / 建设时间 / 建设内容 / 投资 / 责任单位
    1 / 中小学改造项目 / 相关镇 / 2024 / 对…进行改造。 / 300 / 教体局

When every row is a row number and then exactly one line per column, the rows are
unambiguous: they become a :class:`~dutygraph.loaders.grid.Grid`, which reads columns in
any order.

>>> from .lines import to_lines
>>> ls = to_lines("序号\\n项目名称\\n建设时间\\n建设内容\\n责任单位\\n1\\n修路项目\\n2024\\n建成道路2公里。\\n县交通局\\n"
...               "2\\n改厕项目\\n2024\\n改造厕所30座。\\n县农业农村局\\n")
>>> grid, end = cell_line_grid(ls, ["序号", "项目名称", "建设时间", "建设内容", "责任单位"], 5)
>>> [(r.cells, r.first_line, r.last_line) for r in grid.rows]
[(['1', '修路项目', '2024', '建成道路2公里。', '县交通局'], 6, 10), (['2', '改厕项目', '2024', '改造厕所30座。', '县农业农村局'], 11, 15)]
"""

from __future__ import annotations

import re

from ..text.markers import is_row_number
from ..text.normalize import SENTENCE_PUNCT
from .columns import NUMBER, TEXT, UNIT_KINDS, column_kinds, is_label
from .flat_table import _LABEL_TAIL, _ROLE_WORD, BASIS_LABEL, _one_name
from .grid import Grid, GridRow
from .lines import Line

MIN_ROWS = 2
MAX_PIECES = 24
MAX_PIECE = 12
_DATE = re.compile(r"\d{4}年|\d{1,2}月|年底|年内")
_NOTE = re.compile(r"^[(（][^()（）]{1,8}[)）]$")  # (万元), （个）: a unit of measure under its label
MAX_NAME_PIECE = 8  # a cell broken over lines: each piece short, no punctuation (城市用气 / 提升工程)
MAX_HALF = 6  # each half of a label broken over two lines is short
MAX_BROKEN = 2  # cells of a row broken over lines, at most


def _join_broken(cells: list[str], kinds: list[str]) -> list[str] | None:
    """A row's cells with the short pieces of broken text cells joined, down to one cell per column, or None."""
    cells = list(cells)
    k = 1
    while len(cells) > len(kinds) and k < len(cells) - 1:
        a, b = cells[k], cells[k + 1]
        if kinds[min(k, len(kinds) - 1)] == TEXT and 0 < len(a) <= MAX_NAME_PIECE and 0 < len(b) <= MAX_NAME_PIECE \
                and not any(p in a + b for p in SENTENCE_PUNCT + "，,、") and not a.isdigit() and not b.isdigit():
            cells[k:k + 2] = [a + b]
        else:
            k += 1
    return cells if len(cells) == len(kinds) else None


_LEVEL_CHARS = frozenset("省市州县区旗镇乡")


def overflow_names(cells: list[str], kinds: list[str]) -> list[str]:
    """A row printing more names, one a line, than its unit columns standing side by side have room for: the
    names as the columns' cells. Where they fall into as many runs of one level as there are columns, each run is
    one cell (州交通局 / 州发改委 / 县交通局 / 县发改委 under 支持的州级部门 / 责任单位); else the first columns take
    one name each, the last the rest (州民委 / 县民宗局 / 乡甲 : 州民委 | 县民宗局、乡甲).

    >>> overflow_names(["1", "修路", "州交通局", "州发改委", "县交通局", "6月"], ["number", "text", "cooperating",
    ...                 "responsible", "deadline"])
    ['1', '修路', '州交通局、州发改委', '县交通局', '6月']
    >>> overflow_names(["1", "修路", "州民委", "县民宗局", "官屯乡", "6月"], ["number", "text", "cooperating",
    ...                 "responsible", "deadline"])
    ['1', '修路', '州民委', '县民宗局、官屯乡', '6月']
    """
    units = [k for k, kind in enumerate(kinds) if kind in UNIT_KINDS]
    if len(units) < 2 or units != list(range(units[0], units[0] + len(units))):
        return cells
    first = units[0]
    end = first
    while end < len(cells) and _one_name(cells[end]) and not _DATE.search(cells[end]):
        end += 1
    run = cells[first:end]
    if len(run) <= len(units):
        return cells
    groups: list[list[str]] = []
    for name in run:
        if groups and name[0] in _LEVEL_CHARS and groups[-1][-1][0] == name[0]:
            groups[-1].append(name)
        else:
            groups.append([name])
    if len(groups) != len(units):
        groups = [[name] for name in run[:len(units) - 1]] + [run[len(units) - 1:]]
    return cells[:first] + ["、".join(group) for group in groups] + cells[end:]


def broken_header(lines: list[Line], i: int) -> tuple[list[str], int] | None:
    """A header printed one piece a line whose labels are broken over lines (建设起 / 止年限, 总投资 / (万元),
    责任 / 单位), put together to as many labels as the rows have cells.

    The rows say how many columns there are: the lines from row 1 to row 2 (and from 2 to 3; the fewer
    counts, a row may print a cell over two lines). Pieces are joined, surest first: a unit of measure in
    brackets with the label above it, a label's second half (单位, 时限) with a short first half, a piece
    that is no label with the next when together they make one, two pieces that are no labels. Each label
    is joined once.

    >>> from .lines import to_lines
    >>> ls = to_lines("序号\\n项目\\n建设起\\n止年限\\n总投资\\n(万元)\\n责任\\n单位\\n1\\n修路\\n2023.01-2023.12\\n300\\n县交通局\\n"
    ...               "2\\n改厕\\n2023.03-2023.10\\n120\\n县农业农村局\\n3")
    >>> broken_header(ls, 0)
    (['序号', '项目', '建设起止年限', '总投资(万元)', '责任单位'], 8)
    """
    pieces: list[str] = []
    j = i + 1
    n = len(lines)
    while j < n and len(pieces) < MAX_PIECES:
        t = lines[j].text
        if t and is_row_number(t):
            break
        if t:
            if len(t) > MAX_PIECE or any(p in t for p in SENTENCE_PUNCT + "，,、"):
                return None
            pieces.append(t)
        j += 1
    if j >= n or int(lines[j].text) != 1:
        return None
    width = _row_width(lines, j, len(pieces) + 1)
    if width is None or not 3 <= width <= len(pieces):
        return None
    labels = _join(pieces, width - 1)
    if labels is None:
        return None
    columns = [lines[i].text] + labels
    kinds = column_kinds(columns)
    if not any(k in UNIT_KINDS for k in kinds) or TEXT not in kinds:
        return None
    return columns, j


def _row_width(lines: list[Line], j: int, most: int) -> int | None:
    """The fewest lines with text of row 1 and row 2 (from a row number to the next), if row 2 follows."""
    counts = []
    number, count = 1, 0
    for k in range(j + 1, min(len(lines), j + 3 * (most + 2))):
        t = lines[k].text
        if not t:
            continue
        if t == str(number + 1):
            counts.append(count + 1)
            if len(counts) == 2:
                break
            number, count = number + 1, 0
        else:
            count += 1
    return min(counts) if counts else None


def _join_score(a: str, b: str) -> int:
    if len(a) <= 3 and _LABEL_TAIL.fullmatch(b):
        return 4  # 责任 / 单位
    if len(a) > MAX_HALF or len(b) > MAX_HALF:
        return 0
    if not is_label(a):
        return 3 if is_label(a + b) else 2 if not is_label(b) else 0  # 2023年度 / 计划; 建设起 / 止年限, 资金 / 来源
    return 1 if not is_label(b) and is_label(a + b) else 0  # 计划 / 投资额


def _join(pieces: list[str], want: int) -> list[str] | None:
    """``pieces`` joined to ``want`` labels, the surest joins first (each label joined once), or None.

    A unit of measure in brackets (万元) goes with the label above it first; the label may still be joined
    with the half before it (计划 / 投资额 / (亿元)).
    """
    labels: list[str] = []
    notes: list[str] = []
    for piece in pieces:
        if _NOTE.match(piece) and labels and not notes[-1]:
            notes[-1] = piece
        else:
            labels.append(piece)
            notes.append("")
    whole = [False] * len(labels)
    while len(labels) > want:
        best, at = 0, -1
        for k in range(len(labels) - 1):
            if whole[k] or whole[k + 1] or notes[k]:
                continue
            score = _join_score(labels[k], labels[k + 1])
            if score > best:
                best, at = score, k
        if at < 0:
            return None
        labels[at:at + 2] = [labels[at] + labels[at + 1]]
        notes[at:at + 2] = [notes[at + 1]]
        whole[at:at + 2] = [True]
    if len(labels) != want:
        return None
    return [label + note for label, note in zip(labels, notes)]


_AMOUNT = re.compile(r"投资|资金|金额|经费|万元|亿元|数量")  # a column of amounts in a table of projects


def text_after_cells(columns: list[str]) -> bool:
    """Whether a text column follows a unit, leader or deadline column, or a column of amounts (总投资(万元),
    资金来源) or of a task's grounds (实施依据) stands between the text and the units (the seed's reader cannot
    follow either: it takes the column before the units for the task).

    >>> text_after_cells(["序号", "项目名称", "建设内容", "总投资(万元)", "责任单位"])
    True
    >>> text_after_cells(["序号", "重点任务", "牵头单位", "责任单位"])
    False
    """
    kinds = column_kinds(columns)
    first_cell = next((k for k, kind in enumerate(kinds) if kind not in (NUMBER, TEXT)), len(kinds))
    if kinds[:1] != [NUMBER]:
        return False
    return TEXT in kinds[first_cell:] or any(_AMOUNT.search(label) or BASIS_LABEL.search(label)
                                             for label in columns[2:first_cell])  # 实施依据: no task text


def cell_line_grid(lines: list[Line], columns: list[str], body: int) -> tuple[Grid, int] | None:
    """The rows after a header printed one label per line, when each is its row number (1, 2, 3 …) and one
    line per column, or rows that leave out cells merged over rows (:mod:`.merged_lines`), whichever reads
    further; with the index where the table ends."""
    exact = _exact_grid(lines, columns, body)
    from .merged_lines import merged_line_grid

    merged = merged_line_grid(lines, columns, body)
    if merged is None or exact is None:
        return merged or exact
    rows, more = exact[0].rows, merged[0].rows
    same = all(a.cells == b.cells for a, b in zip(rows, more))  # the merged reading goes on where the other stops
    return merged if len(more) >= len(rows) + (1 if same else MIN_ROWS) else exact


def _no_unit_cell(cell: str) -> bool:
    """Whether a cell cannot stand in a unit column: a number alone, or a sentence (新建护岸工程3处。) that says no
    role (a unit cell may: 县水利局牵头,县财政局配合。; names may stand apart with ；)."""
    return cell.isdigit() or any(p in cell for p in "。！？") and not _ROLE_WORD.search(cell) and "负责" not in cell


def _exact_grid(lines: list[Line], columns: list[str], body: int) -> tuple[Grid, int] | None:
    width = len(columns)
    kinds = column_kinds(columns)
    rows: list[GridRow] = []
    k = body
    n = len(lines)
    end = body
    expected = None
    while k < n:
        while k < n and not lines[k].text and not lines[k].blank_cell:
            k += 1
        if k >= n or not is_row_number(lines[k].text) or expected is not None and int(lines[k].text) != expected:
            break
        cells: list[str] = []
        ends: list[int] = []
        first = j = k
        following = str(int(lines[k].text) + 1)
        while j < n and len(cells) < width + MAX_BROKEN:
            if lines[j].text or lines[j].blank_cell:
                if len(cells) >= width and lines[j].text == following:
                    break
                cells.append(lines[j].text)
                ends.append(j + 1)
            j += 1
        if len(cells) > width or j >= n:  # more names than unit columns (州交通局 / 州发改委 / 县交通局)
            cells = overflow_names(cells, kinds)
        if len(cells) > width:  # a cell broken over lines (城市用气 / 提升工程) when the next row follows
            joined = _join_broken(cells, kinds) if j < n and lines[j].text == following else None
            if joined is None:
                cells, j = cells[:width], ends[width - 1]
            else:
                cells = joined
        cut = j >= n and rows and 2 <= len(cells) < width  # the document stops inside its last row
        if len(cells) != width and not cut or \
                any(kind in UNIT_KINDS and _no_unit_cell(cell) for kind, cell in zip(kinds, cells)):
            break  # (a sentence or a number in a unit column: a row leaving out cells merged over rows)
        rows.append(GridRow(list(cells) + [""] * (width - len(cells)), lines[first].no, lines[j - 1].no,
                            truncated=bool(cut)))
        expected = int(cells[0]) + 1
        end = k = j
    if len(rows) < MIN_ROWS:
        return None
    return Grid(list(columns), rows, first_line=lines[body].no, last_line=lines[end - 1].no), end
