"""Tables printed one cell per line whose merged cells are printed once: cells placed by what they hold.

A web page's table flattened to one cell per line prints a cell merged over several rows
(a rowspan) with the first row it spans only; the rows under it print fewer lines::

    序号 / 指标 / 工作任务 / 完成时限 / 责任领导 / 责任股室 / 备注
    1 / 公共文化服务 / 免费开放…。 / 12月底前 / 王某 / 文化股 / 文化馆      a full row (two names: one unit cell)
    2 / 组织惠民演出…。 / 文化股                                          category, deadline, leader merged
    3 / 开展“三下乡”活动。                                                 every cell but the text merged

Rows are told apart by their numbers (1, 2, 3 … each alone on a line). Each line of a row
goes to the next column that can hold it, left to right: a date to a deadline column, a
person to a leader column, unit names to a unit column (names on consecutive lines are one
cell where no other unit column follows), text to a text column (the text cells before the
first cell column fill the text columns from the right: the task's text is the last of
them). A column a row leaves out is merged with the cell above (``None`` in the grid, its
units ``inferred``).

>>> from .lines import to_lines
>>> ls = to_lines("序号\\n类别\\n工作任务\\n完成时限\\n责任单位\\n1\\n文化\\n开展演出。\\n6月底\\n县文化馆\\n县图书馆\\n"
...               "2\\n办好展览。\\n3\\n体育\\n举办赛事。\\n县体育中心\\n")
>>> grid, end = merged_line_grid(ls, ["序号", "类别", "工作任务", "完成时限", "责任单位"], 5)
>>> [r.cells for r in grid.rows]
[['1', '文化', '开展演出。', '6月底', '县文化馆、县图书馆'], ['2', None, '办好展览。', None, None], \
['3', '体育', '举办赛事。', None, '县体育中心']]
"""

from __future__ import annotations

import re

from ..text.markers import match_section, match_subsection
from ..text.normalize import SENTENCE_PUNCT
from ..text.units import is_unit_name, looks_like_unit_list
from .columns import DEADLINE, LEADER, NUMBER, TEXT, UNIT_KINDS, column_kinds
from .flat_table import _PERSON, _TABLE_END, _people, _row_no, _unitish, is_place, name_shaped
from .grid import Grid, GridRow
from .lines import Line

MIN_ROWS = 3
MAX_CELL_LINES = 12  # lines of one row, at most
MAX_UNIT_CELL = 40
MAX_REMARK = 12  # a short remark without a sentence (按月报送进展) stays with the row before it
# A deadline cell: a date, a month or a season, or an open term (长期, 持续推进).
_DATE_CELL = re.compile(r"^(?:\d{4}\s*[年.\-/]|\d{1,2}\s*月|[一二三四]季度|上半年|下半年|年底|年内|全年|长期|持续|常态|每[年月季])")
_MAX_DATE = 16


def _is_date(text: str) -> bool:
    return len(text) <= _MAX_DATE and _DATE_CELL.match(text) is not None and not any(p in text for p in "。；;")


def _is_person(text: str) -> bool:
    return len(text) <= 12 and _PERSON.fullmatch(text) is not None and not is_unit_name(text) and \
        _people(text)





def _is_units(text: str) -> bool:
    if len(text) > MAX_UNIT_CELL or any(p in text for p in SENTENCE_PUNCT):
        return False
    if looks_like_unit_list(text) or _unitish(text) or all(is_place(p) for p in text.split("、")):
        return True  # a place named alone stands for its government (登封市, 南湾村)
    from .scored_rows import _is_units as glued  # names glued with nothing between them (区发改局区统计局)
    if glued(text):
        return True
    names = text.split("、")  # a list the document stops inside (…、市金融办、人民银): its whole names are units
    return len(names) >= 3 and all(is_unit_name(n) for n in names[:-1])


def _kind(text: str, kinds: set[str]) -> str:
    """What a line holds, among the kinds of the table's columns."""
    if DEADLINE in kinds and _is_date(text):
        return DEADLINE
    if _is_units(text):
        return "unit"
    if LEADER in kinds and _is_person(text):
        return LEADER
    return TEXT


_CLOSED = ("。", "；", ";", "！", "!", "？", "?")


def _unit_slot(kinds: list[str], p: int, last: int | None) -> bool:
    """Whether the next cell of a row, the one before it placed in column ``last`` and the next free column ``p``,
    stands in a unit column: the first unit or text column from ``p`` holds units, or the cell before it is the
    last unit column's and no column but a remark follows (names one a line)."""
    after = next((k for k in range(p, len(kinds)) if kinds[k] == TEXT or kinds[k] in UNIT_KINDS), None)
    if after is not None and kinds[after] in UNIT_KINDS:
        return True
    return last is not None and kinds[last] in UNIT_KINDS and not any(kinds[k] in UNIT_KINDS for k in range(p, len(kinds)))


def _place(cells: list[str], kinds: list[str], strict: bool = False) -> list[str | None] | None:
    """A row's cells (after its number) put in their columns, ``None`` where a column is left out; None when a
    cell fits no column after the one before it (``strict``: or when text cells are more than text columns)."""
    width = len(kinds)
    out: list[str | None] = [None] * width
    present = {k for k in kinds}
    typed = [(c, _kind(c, present)) for c in cells]
    first_cell = next((k for k, kind in enumerate(kinds) if kind != TEXT), width)
    lead_texts = []
    while typed and first_cell > 0 and (typed[0][1] == TEXT or len(typed) > 1 and typed[1][1] == TEXT and
                                        typed[0][1] == LEADER):  # a short category (非遗保护) before the text
        if lead_texts and (lead_texts[-1].endswith(_CLOSED) or len(lead_texts) >= first_cell) and \
                name_shaped(typed[0][0]):
            break  # a name after the task's closed sentence, or after a cell in every text column before the
            # first cell column: the row's next cell, not more text
        lead_texts.append(typed.pop(0)[0])
    if lead_texts:  # text cells before the first cell column: from the right, the last is the task's text
        if len(lead_texts) > first_cell:
            if strict:
                return None
            lead_texts[first_cell - 1:] = ["".join(lead_texts[first_cell - 1:])]
        for k, text in enumerate(lead_texts):
            out[first_cell - len(lead_texts) + k] = text
    p = first_cell
    last = None  # the column the previous cell went to
    for text, kind in typed:
        if kind in (TEXT, LEADER) and name_shaped(text) and _unit_slot(kinds, p, last) and \
                (kind == TEXT or LEADER not in kinds[p:]):
            kind = "unit"  # a name where the row's next cell is a unit column's: a unit, known or not
        if kind == "unit" and last is not None and kinds[last] in UNIT_KINDS and \
                not any(kinds[k] in UNIT_KINDS for k in range(last + 1, width)):
            out[last] += "、" + text  # more names of the last unit cell, one a line
            continue
        if kind == TEXT and last is not None and kinds[last] == TEXT:
            if strict or name_shaped(text) and len(out[last] or "") > MAX_REMARK and \
                    any(kinds[k] in UNIT_KINDS for k in range(last)):
                return None  # a name after a long remark cell: the next sub-row's unit (an item, its unit …)
            out[last] += text  # a text cell printed over two lines
            continue
        at = next((k for k in range(p, width) if kinds[k] == kind or kind == "unit" and kinds[k] in UNIT_KINDS), None)
        if at is None:
            return None
        out[at] = text
        last = at
        p = at + 1
    return out


def _rows(lines: list[Line], body: int, end: int) -> list[tuple[int, list[int]]]:
    """(index of the number, indices of the cells) of each numbered row from ``lines[body]`` (1, 2, 3 …)."""
    rows: list[tuple[int, list[int]]] = []
    k = body
    while k < end and not lines[k].text:
        k += 1
    if k >= end or _row_no(lines[k].text) != 1:
        return rows
    expected = 1
    while k < end and _row_no(lines[k].text) == expected:
        cells: list[int] = []
        j = k + 1
        while j < end and _row_no(lines[j].text) != expected + 1 and len(cells) <= MAX_CELL_LINES:
            t = lines[j].text
            if t and (t[0] == "附" or t[0] in "第页-—") and _TABLE_END.match(t):
                break
            if t:
                cells.append(j)
            j += 1
        rows.append((k, cells))
        expected += 1
        k = j
    return rows


def merged_line_grid(lines: list[Line], columns: list[str], body: int) -> tuple[Grid, int] | None:
    """The rows after a header printed one label per line, when rows print fewer lines than columns where
    cells are merged over rows, or more where a cell runs over several lines; with the index where the table
    ends. None unless at least three rows read and some row leaves out a cell or runs a cell over lines."""
    kinds = column_kinds(columns)
    if kinds[:1] != [NUMBER] or not any(k in UNIT_KINDS for k in kinds) or TEXT not in kinds[1:]:
        return None
    rest = kinds[1:]
    got: list[GridRow] = []
    end = body
    ragged = False
    for first, cells in _rows(lines, body, len(lines)):
        texts = [lines[j].text for j in cells]
        placed = None
        n = len(texts)
        while n > 0 and (placed := _place(texts[:n], rest)) is None:
            n -= 1  # the cells that fit: the table ends after them (text after the last row)
        if placed is None:
            break
        if not got:
            placed = [c if c is not None else "" for c in placed]  # the first row merges with nothing above
        elif None in placed:
            ragged = True
        if n > len(rest):
            ragged = True  # a row printing a cell over several lines (a 权责清单's basis, one article a line)
        got.append(GridRow([lines[first].text] + placed, lines[first].no, lines[cells[n - 1]].no,
                           inherit_basis=f"cell merged over rows, printed with a row above (table at line "
                                         f"{lines[body].no})"))
        end = cells[n - 1] + 1
        if n < len(texts):
            break
    if len(got) < MIN_ROWS or not ragged:
        return None
    return Grid(list(columns), got, first_line=lines[body].no, last_line=lines[end - 1].no), end


_HEADING_STARTS = frozenset("一二三四五六七八九十(（")
MAX_HEADING = 30


def section_row(text: str, kinds: list[str]) -> bool:
    """Whether a line standing where a row starts is a section heading over the rows (一、经济发展, (二)民生保障):
    short, no sentence, and no text column before the table's task column for it to fill."""
    if not text or text[0] not in _HEADING_STARTS or len(text) > MAX_HEADING or \
            any(p in text for p in SENTENCE_PUNCT):
        return False
    if match_section(text) is None and match_subsection(text) is None:
        return False
    first_cell = next((k for k, kind in enumerate(kinds) if kind not in (NUMBER, TEXT)), len(kinds))
    return sum(1 for kind in kinds[:first_cell] if kind == TEXT) <= 1


def category_cells(text: str, kinds: list[str]) -> list[str]:
    """The cells of a category row: the heading in the task column (the last text column before the cells)."""
    texts = [k for k, kind in enumerate(kinds) if kind == TEXT]
    first_cell = next((k for k, kind in enumerate(kinds) if kind not in (NUMBER, TEXT)), len(kinds))
    at = max([k for k in texts if k < first_cell] or texts or [0])
    return [text if k == at else "" for k in range(len(kinds))]


def _rest_of_cell(lines: list[Line], k: int, end: int, present: set[str]) -> bool:
    """Whether a short line without a sentence, after a row's cells in a table with one text column before them,
    is the rest of the row's last cell a space cut in a glued line (7月底前制定 / 扬尘治理方案), not the next row's
    text: the next line with text is that row's text (a sentence) and the line is no cell of another kind."""
    t = lines[k].text
    if len(t) > MAX_REMARK or any(p in t for p in SENTENCE_PUNCT):
        return False
    j = k + 1
    while j < end and not lines[j].text:
        j += 1
    return j < end and lines[j].no == lines[k].no and len(lines[j].text) > MAX_REMARK and \
        _kind(lines[j].text, present) == TEXT and any(p in lines[j].text for p in _CLAUSE_PUNCT)


_CLAUSE_PUNCT = SENTENCE_PUNCT + "，,."


MAX_UNKNOWN_NAME = 8


def _between_units(lines: list[Line], k: int, end: int, before: int, present: set[str]) -> bool:
    """Whether ``lines[k]`` is a short name the lexicon does not know (省新闻出版, 人口计生) among a unit cell's
    names one a line: the line before and the next line with text hold units, and it is name-shaped."""
    t = lines[k].text
    if len(t) > MAX_UNKNOWN_NAME or not name_shaped(t) or _kind(lines[before].text, present) != "unit":
        return False
    j = k + 1
    while j < end and not lines[j].text:
        j += 1
    return j < end and _kind(lines[j].text, present) == "unit"


_DASHES = "—－-"  # a dash opening each item of a list printed in one cell (——目标一。 / ——目标二。)


def _blank_cells_after(lines: list[Line], cells: list[int], tails: dict[int, list[int]]) -> bool:
    """Whether the row of ``cells`` (line indexes) is followed by a blank cell (a line of white space only, as
    a page prints an empty cell) before its next line of text."""
    j = max(cells + [x for c in cells for x in tails.get(c, ())]) + 1
    while j < len(lines) and not lines[j].text:
        if lines[j].blank_cell:
            return True
        j += 1
    return False


def unnumbered_rows(lines: list[Line], kinds: list[str], body: int, end: int) -> tuple[list[GridRow], int]:
    """Rows without numbers of a table whose first column holds text, each cell one line (or names one a
    line), cells merged over rows printed once: a row starts at a text cell after a cell of another kind or
    after the row's sentence; its cells are placed as in numbered rows. Rows after the last row with a cell
    of its own other than text are not the table's (a paragraph after it). With the index after the table;
    no rows unless some row leaves out a cell or prints a cell over several lines."""
    if kinds[:1] != [TEXT] or NUMBER in kinds or not any(k in UNIT_KINDS for k in kinds):
        return [], body
    present = set(kinds)
    first_cell = next((k for k, kind in enumerate(kinds) if kind != TEXT), len(kinds))
    tail_text = TEXT in kinds[first_cell:]  # a remarks column after the cells (备注)
    groups: list[list[int]] = []
    tails: dict[int, list[int]] = {}  # the rest of a cell a space cut in a glued line: the pieces after its line
    has_cell = False  # whether the open row holds a line of a kind other than text (kept as it grows: linear)
    k = body
    while k < end:
        t = lines[k].text
        if not t:
            k += 1
            continue
        if t[0] in "一二三四五六七八九十(（附" and _TABLE_END.match(t):
            break
        open_row = groups[-1] if groups and groups[-1] and groups[-1][0] >= 0 else None
        if open_row is not None:
            closed = has_cell or any(p in lines[open_row[-1]].text for p in SENTENCE_PUNCT)
        if section_row(t, kinds) and (open_row is None or closed):
            groups.append([-1 - k])  # a section heading between rows: a category row
            groups.append([])
            has_cell = False
            k += 1
            continue
        kind = _kind(t, present)
        if kind == TEXT and open_row is not None and closed and first_cell == 1 and \
                lines[open_row[-1]].no == lines[k].no and _rest_of_cell(lines, k, end, present):
            tails.setdefault(open_row[-1], []).append(k)  # (pieces of one glued line share its number)
            k += 1
            continue
        if kind == TEXT and open_row is not None and closed and not has_cell and t[0] in _DASHES and \
                all(lines[j].text[:1] == t[0] for j in open_row):
            tails.setdefault(open_row[-1], []).append(k)  # ——goal / ——goal / units: a list in one cell, one row
            k += 1
            continue
        if kind == TEXT and open_row is not None and closed and (
                not tail_text or any(p in t for p in SENTENCE_PUNCT) or len(t) > MAX_REMARK) and \
                not _between_units(lines, k, end, open_row[-1], present):
            groups.append([])  # text after a row's cells starts the next row, unless a short remark for its column
            has_cell = False
        if not groups:
            groups.append([])
        groups[-1].append(k)
        has_cell = has_cell or kind != TEXT
        k += 1
    rows: list[GridRow] = []
    row_ends: list[int] = []  # the index after each row's last cell
    ragged = False
    for cells in groups:
        if not cells:
            continue
        if cells[0] < 0:
            at = -1 - cells[0]
            rows.append(GridRow(category_cells(lines[at].text, kinds), lines[at].no, lines[at].no))
            row_ends.append(at + 1)
            continue
        texts = [lines[j].text + "".join(lines[x].text for x in tails.get(j, ())) for j in cells]
        placed = _place(texts, kinds, strict=True)
        if placed is None:
            break
        ragged = ragged or len(cells) != len(kinds)
        if not rows or rows[-1].inherit_basis is None or _blank_cells_after(lines, cells, tails):
            # the first row, one under a category row, or one printing its other cells blank (a group's goal
            # line, then a blank line per cell): nothing merged from the row above
            placed = [c if c is not None else "" for c in placed]
        rows.append(GridRow(placed, lines[cells[0]].no, lines[cells[-1]].no,
                            inherit_basis="cell merged over rows, printed with a row above"))
        row_ends.append(max([cells[-1]] + tails.get(cells[-1], [])) + 1)
    while rows and all(not c or kind == TEXT for c, kind in zip(rows[-1].cells, kinds)):
        rows.pop()  # text after the table: no row of it
        row_ends.pop()
    if not ragged or any(c and c[0] in _HEADING_STARTS and (match_section(c) or match_subsection(c))
                         for r in rows if r.inherit_basis for c in r.cells):
        return [], body  # every row one line per column, or headings among the cells: the other readers read it
    if rows:
        stop = row_ends[-1]  # (by index: the cells of a glued line cut into pieces share its number)
        rows[-1].truncated = not any(ln.text for ln in lines[stop:])  # the document may stop inside it
    return rows, stop if rows else body
