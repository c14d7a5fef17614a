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

from ..text.markers import is_row_number
from .columns import NUMBER, TEXT, column_kinds
from .grid import Grid, GridRow
from .lines import Line

MIN_ROWS = 2


def text_after_cells(columns: list[str]) -> bool:
    """Whether a text column follows a unit, leader or deadline column (the seed's reader cannot follow it)."""
    kinds = column_kinds(columns)
    first_cell = next((k for k, kind in enumerate(kinds) if kind not in (NUMBER, TEXT)), len(kinds))
    return kinds[:1] == [NUMBER] and TEXT in kinds[first_cell:]


def cell_line_grid(lines: list[Line], columns: list[str], body: int) -> tuple[Grid, int] | None:
    """The rows after a header printed one label per line, when each is its row number (1, 2, 3 …) and one
    line per column; with the index where the table ends."""
    width = len(columns)
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
        first = j = k
        while j < n and len(cells) < width:
            if lines[j].text or lines[j].blank_cell:
                cells.append(lines[j].text)
            j += 1
        if len(cells) != width:
            break
        rows.append(GridRow(list(cells), lines[first].no, lines[j - 1].no))
        expected = int(cells[0]) + 1
        end = k = j
    if len(rows) < MIN_ROWS:
        return None
    return Grid(list(columns), rows, first_line=lines[body].no, last_line=lines[end - 1].no), end
