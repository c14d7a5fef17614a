"""Tables printed one cell per line without row numbers, each row opening with its name and a short number.

Target tables (目标任务分解表, 考核指标表) print a row as its indicator's name, then a
number (分值, a score or weight), then the target, then the units; a category cell
(宏观调控) is printed once before the rows it spans, and a target or unit cell
merged over several rows is printed with the first of them only::

    项 目 / 分值 / 目标任务 / 监考单位       header, one label a line (a unit column last)
    宏观调控                                a category: printed once for the rows under it
    地区生产总值增长率                         row: its name ...
    3                                       ... its number (the column after the name) ...
    年终根据全省平均水平综合考核                 ... its target ...
    区发改局区统计局                           ... its units (names glued: cut at their suffixes)
    社会消费品零售总额增长率                     a row whose target and units are merged with those above
    3
    地方公共财政收入增长率 …

Without a row number nothing marks where a row starts but its shape: a text cell
followed by a short number opens a row (at least :data:`MIN_ROWS` rows must open so,
and they must hold most of the body). Inside a row the last cell that lists units
is its unit cell; a text cell after it is the category of the rows that follow. A row
without a unit cell shares the units above (``inferred``), except the last row of a
document cut inside it. The task is the row's name; its category is its title.
"""

from __future__ import annotations

import re

from ..text.units import looks_like_unit_list
from .columns import TEXT, UNIT_KINDS, column_kinds, is_header, is_label, label_lines
from .glued_cells import _cells, level_names
from .flat_table import name_shaped
from .grid import Grid, GridRow
from .lines import Line

MIN_ROWS = 3
MAX_CELL = 60      # a longer line is prose after the table
MAX_COLUMNS = 8
MAX_ROW_CELLS = 6  # name, number, target, units, a category, one more: rows must hold the body
ROW_CELLS = 5  # a row's unit cell is among its first four cells (name, number, a target in one or two cells)
BASIS = "a unit cell merged over several rows, printed with the first of them"
_SHORT_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
_SIGNED = re.compile(r"^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$")
_LABEL_START = re.compile(r"^[\u4e00-\u9fff]")


def _header(lines: list[Line], i: int, end: int) -> tuple[list[str], int] | None:
    """The labels of a header one label a line from ``lines[i]`` (no number column, a unit column last) and the
    index after it."""
    labels, j = label_lines(lines, i, end, MAX_COLUMNS, lambda t, found: len(t) <= 10 and _LABEL_START.match(t)
                            and (is_label(t) or len(found) == 1))
    if len(labels) < 3 or not is_header(labels):
        return None
    kinds = column_kinds(labels)
    if kinds[-1] not in UNIT_KINDS or kinds[0] != TEXT or "number" in kinds:
        return None
    return labels, j


def _is_units(text: str) -> bool:
    if looks_like_unit_list(text):
        return True
    cells = _cells(text, 0, len(text)) if len(text) <= 40 else None
    return bool(cells) and len(cells) > 1


def _names(text: str) -> str:
    """A unit cell with its names glued (区发改局区统计局) as a list; names the lexicon does not know glued each
    opening with the level the first opens with (区甲坊区乙苑) cut before it.

    >>> _names("区发改局区统计局"), _names("区甲坊区乙苑"), _names("区城区管理坊")
    ('区发改局、区统计局', '区甲坊、区乙苑', '区城区管理坊')
    """
    cells = _cells(text, 0, len(text)) if len(text) <= 40 else None
    if cells:
        return "、".join(name for cell in cells for name in cell)
    if not looks_like_unit_list(text) and (names := level_names(text)):
        return "、".join(names)
    return text


def _is_text(text: str) -> bool:
    return not _SHORT_NUMBER.match(text) and not _is_units(text)


def _body(lines: list[Line], j: int, end: int) -> list[int]:
    cells = []
    while j < end and len(lines[j].text) <= MAX_CELL:
        if lines[j].text:
            if is_label(lines[j].text) and column_kinds([lines[j].text])[0] in UNIT_KINDS:
                break  # the unit label of another header
            cells.append(j)
        j += 1
    return cells


def _rows(lines: list[Line], cells: list[int], cut: bool, width: int = 0) -> tuple[list[GridRow], int]:
    """The rows of the body's cells and the index of the cell after the table (``width``: the header's columns)."""
    texts = [lines[k].text for k in cells]
    opens = [n for n in range(len(cells) - 1) if _is_text(texts[n]) and _SHORT_NUMBER.match(texts[n + 1])]
    if len(opens) < MIN_ROWS or len(cells) - opens[0] > MAX_ROW_CELLS * len(opens):
        return [], 0
    rows: list[GridRow] = []
    category: str | None = next((texts[n] for n in range(opens[0]) if _is_text(texts[n])), None)
    for at, n in enumerate(opens):
        final = at + 1 == len(opens)
        stop = len(cells) if final else opens[at + 1]
        unit_at = next((m for m in range(n + 2, min(stop, n + ROW_CELLS)) if _is_units(texts[m])), None)
        if unit_at is None and width and n + width - 1 < stop and name_shaped(texts[n + width - 1]) and \
                not _SHORT_NUMBER.match(texts[n + width - 1]):
            unit_at = n + width - 1  # a row printing a cell for every column: its last is the unit cell, known or not
        if final and unit_at is not None and unit_at + 1 < len(cells) and _SIGNED.match(texts[unit_at + 1]):
            unit_at, stop = None, unit_at  # the issuer signing under the table (a date follows): no unit cell
        last = unit_at if unit_at is not None else min(stop, n + ROW_CELLS - 1) - 1
        if unit_at is None and final and stop < len(cells):
            last = stop - 1
        if final:
            stop = last + 1  # what follows the last row is no cell of it (a signature, a note)
        after = [m for m in range(last + 1, stop) if _is_text(texts[m])]
        truncated = cut and final and stop == len(cells)
        units: str | None = _names(texts[unit_at]) if unit_at is not None else None
        if units is None and truncated:
            units = ""  # the document stops inside the row: its unit cell may be what is cut off
        rows.append(GridRow([category, texts[n], units], lines[cells[n]].no, lines[cells[last]].no,
                            truncated=truncated, inherit_basis=BASIS if units is None else None))
        category = texts[after[-1]] if after else None
    return rows, stop


def find_scored_tables(lines: list[Line], start: int = 0, end: int | None = None) -> list[tuple[Grid, int, int]]:
    """Every table in ``lines[start:end]`` whose rows open with a name and a short number, without row numbers."""
    end = len(lines) if end is None else end
    found: list[tuple[Grid, int, int]] = []
    k = start
    # the header ends with its unit label (监考单位, 责任部门): found first, cheaply, then the labels before it
    candidates = [j for j in range(start, end) if 1 < len(lines[j].text) <= 10 and lines[j].text[-1] in "位门室"]
    for j in candidates:
        if j < k or column_kinds([lines[j].text])[0] not in UNIT_KINDS:
            continue
        after_label = j + 1  # (blank lines after the label skipped: a page printing one after every line)
        while after_label < end and not lines[after_label].text and not lines[after_label].blank_cell:
            after_label += 1
        k = next((i for i in _starts(lines, j, start)
                  if (h := _header(lines, i, end)) and h[1] in (j + 1, after_label)), None)
        if k is None:
            k = j + 1
            continue
        labels, after = _header(lines, k, end)
        cells = _body(lines, after, end)
        cut = bool(cells) and not any(ln.text for ln in lines[cells[-1] + 1:end])
        rows, n = _rows(lines, cells, cut, len(labels))
        if not rows:
            k = after
            continue
        stop = cells[n - 1] + 1
        grid = Grid(["类别", labels[0], labels[-1]], rows, first_line=lines[k].no, last_line=lines[stop - 1].no)
        grid.kinds = [TEXT, TEXT, column_kinds(labels)[-1]]
        found.append((grid, k, stop))
        k = stop
    return found


def _starts(lines: list[Line], j: int, start: int) -> list[int]:
    """Lines before the unit label at ``lines[j]`` a header ending with it may start at: from the nearest back."""
    out = []
    i = j
    while i > start and len(out) < MAX_COLUMNS:
        i -= 1
        if not lines[i].text:
            continue
        if len(lines[i].text) > 10 or not _LABEL_START.match(lines[i].text):
            break
        out.append(i)
    return out
