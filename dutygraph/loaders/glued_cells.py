"""Tables glued into one line with nothing at all between their cells: rows cut at their numbers, cells by kind.

A page copied without its line breaks and without a space between cells prints a table as::

    序号任务内容牵头部门配合部门时间节点1召开动员大会。区政府办公室各成员单位2019年3月2纳入督查。区委组织部区财政局2019年

The header is the run of glued labels from 序号 up to the first row's number (1): it is
cut into labels that each end with a label word (内容, 单位, 部门, 时间 …, four characters
or more but 序号 and 备注). A row runs from its number to the next number in sequence
(2, 3 …) at a place where the row before it ends as a row ends: in unit names (and a
deadline, when the header has a deadline column). Within a row, the cells after the
text are read from the end: the deadline, then unit names, each ending with an
organisation suffix or a place ending (known names and longer ones first); names joined by 、 or ，
are one cell, a name glued to the one before starts the next cell. The first cell goes to
the first unit column, the others to the last (as :mod:`.glued` places them); the text
before them is the task. Rows that carry no number (a header ending in a unit column,
then text at once) end after a sentence (。) followed by the longest run of unit names.
A table whose header or rows cannot be cut so is left to the other readers.

>>> from .lines import to_lines
>>> text = "附件" * 90 + "序号重点任务牵头单位责任单位完成时限1完成河道清淤12公里。县水利局县财政局、各乡镇2024年6月" \\
...        "2新建农村公路30公里。县交通运输局各乡镇2024年底"
>>> grid = find_glued_cell_tables(to_lines(text))[0][0]
>>> grid.columns, [r.cells for r in grid.rows]  # doctest: +NORMALIZE_WHITESPACE
(['序号', '重点任务', '牵头单位', '责任单位', '完成时限'],
 [['1', '完成河道清淤12公里。', '县水利局', '县财政局、各乡镇', '2024年6月'],
  ['2', '新建农村公路30公里。', '县交通运输局', '各乡镇', '2024年底']])
"""

from __future__ import annotations

import re

from ..text.markers import match_section, match_subsection
from ..text.units import is_unit_name
from .columns import DEADLINE, LEADER, NUMBER, TEXT, UNIT_KINDS, column_kinds, is_label
from .glued import _CLOSE, _OPEN, _STRONG_ENDINGS, _endings, _starts_verb
from .grid import Grid, GridRow
from .lines import Line
from .unglue import MIN_GLUED

MAX_LABEL = 10
MAX_COLUMNS = 10
MAX_HEADER = 60
MIN_ROWS = 2
_SHORT_LABELS = ("序号", "备注", "编号", "时限", "类别")
# Words a column label ends with.
_LABEL_END = re.compile(r"(?:序号|编号|名称|内容|任务|措施|举措|事项|要求|目标|指标|类别|领域|项目|工作|领导|单位|部门|科室|处室|主体"
                        r"|责任人|负责人|时限|时间|期限|节点|进度|情况|备注|地点|计划|成效|标准)")
_JOINED = ("与", "和", "及", "、")
_DEADLINE = re.compile(r"(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|内|末)?前?|\d{1,2}月(?:底|份|中旬|上旬|下旬)?前?"
                       r"|年底前?|年内|长期|持续推进|常态化|全年)$")
_DEADLINE_START = re.compile(_DEADLINE.pattern.rstrip("$"))
_SEPARATORS = "、，,;；和及"
_STOP = "。，,；;:：“”"
MAX_UNIT = 16
MAX_TAIL = 120   # characters of cells after a row's text
MAX_ROW = 3000   # characters of one row
MAX_TRIES = 40   # places a row's next number is tried at
MAX_UNNUMBERED = 200  # rows of a table without row numbers
_QUANTITY = set("月日号%个万亿元年项家所座条名人次吨千百十.．、-—~～/")  # after a number that counts, not a row


def _word_then_label(label: str) -> bool:
    """Whether ``label`` opens with the word ending the label before it, a whole label after the word
    (任务第一责任单位 in 主要工作任务第一责任单位: 主要工作任务 | 第一责任单位, not 主要工作 | 任务第一责任单位).

    >>> _word_then_label("任务第一责任单位"), _word_then_label("任务内容"), _word_then_label("工作任务")
    (True, False, False)
    """
    m = _LABEL_END.match(label)
    rest = label[m.end():] if m else ""
    return len(rest) >= 4 and is_label(rest) and column_kinds([rest])[0] in UNIT_KINDS


def _labels(text: str) -> list[str] | None:
    """``text`` cut into column labels, the first shortest that lets the rest be cut too (None: it cannot be)."""
    ends = [m.end() for m in _LABEL_END.finditer(text)]
    memo: dict[int, list[str] | None] = {len(text): []}

    def cut(i: int) -> list[str] | None:
        if i in memo:
            return memo[i]
        memo[i] = None
        if text.startswith(_JOINED, i):
            return None
        for j in ends:
            label = text[i:j]
            if j <= i or len(label) > MAX_LABEL or len(label) < 4 and label not in _SHORT_LABELS:
                continue
            if not is_label(label) or _word_then_label(label):
                continue
            rest = cut(j)
            if rest is not None:
                memo[i] = [label] + rest
                break
        return memo[i]

    found = cut(0)
    return found if found and MAX_COLUMNS >= len(found) >= 3 else None


def _name_ends(text: str, k: int, end: int) -> list[int]:
    """Where a unit name starting at ``text[k]`` may end (before ``end``): after an organisation suffix or a
    place ending, and after the bracket that follows it; known names first, then the longest."""
    if text[k] in _SEPARATORS or text[k] in "。（(）)" or text[k].isdigit() or _starts_verb(text, k):
        return []
    found = []
    shared = _SHARED_LEVELS.match(text, k, end)  # 市、县两级人民政府: the levels and the name they share
    depth = 0
    for e in range((shared.end() if shared else k) + 2, min(end, (shared.end() if shared else k) + MAX_UNIT) + 1):
        ch = text[e - 1]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if ch == "、" and depth and "、" not in text[e - 3:e - 1]:
            continue  # 各县(市、区)政府: the levels a bracket lists are part of the name
        if ch in _STOP or ch in "、" or ch.isdigit():
            break
        if text[k:e].endswith(_endings()):
            found.append(e)
            if e < end and text[e] in _OPEN:
                close = next((c for c in range(e + 1, min(end, e + 12)) if text[c] in _CLOSE), None)
                if close is not None:
                    found.append(close + 1)
    found = [e for e in found if not _two_names(text, k, e)]
    return sorted(found, key=lambda e: (is_unit_name(text[k:e]), e), reverse=True)


_NAME_STARTS = "各市区县省镇乡"


def _two_names(text: str, k: int, e: int) -> bool:
    """Whether ``text[k:e]`` is two names glued: a name ending (局, 室, 政府 …, a bracket holding a name)
    followed by the start of another (各, 市, 区 …), outside brackets (区政府办公室各成员单位, 市住建局区财政局)."""
    depth = 0
    opened = k
    for i in range(k + 2, e):
        ch = text[i - 1]
        if ch in _OPEN:
            depth += 1
            opened = i
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
            # (区公务员局)区…, (园区)区…: a name in the bracket; not 县(市)区
            if not depth and text[i] in _NAME_STARTS and text[opened:i - 1].endswith(_STRONG_ENDINGS):
                return True
            continue
        if not depth and text[i] in _NAME_STARTS and text[k:i].endswith(_STRONG_ENDINGS):
            return True
    return False


_LEVELS = frozenset("省市县区州旗镇乡")
MAX_LEVEL_NAMES = 60


def level_names(text: str) -> list[str] | None:
    """Names the lexicon does not know glued with nothing between, each opening with the level the first opens
    with (区甲坊区乙苑): cut before it, each piece three characters or more and no known name; None otherwise.

    >>> level_names("区甲坊区乙苑"), level_names("区城区管理坊"), level_names("区发改局区统计局")
    (['区甲坊', '区乙苑'], None, None)
    """
    if not 6 <= len(text) <= MAX_LEVEL_NAMES or text[0] not in _LEVELS or not text.isalpha():
        return None
    cuts = [k for k in range(3, len(text) - 2) if text[k] == text[0]]
    bounds = list(zip([0] + cuts, cuts + [len(text)]))
    if not cuts or any(b - a < 3 or is_unit_name(text[a:b]) for a, b in bounds):
        return None
    return [text[a:b] for a, b in bounds]


def _cells(text: str, start: int, end: int) -> list[list[str]] | None:
    """``text[start:end]`` as cells of unit names (names joined by 、 are one cell), or None."""
    memo: dict[int, list[tuple[str, bool]] | None] = {end: []}

    def names(k: int) -> list[tuple[str, bool]] | None:  # (name, a separator after it)
        if k in memo:
            return memo[k]
        memo[k] = None
        for e in _name_ends(text, k, end):
            j = e + 1 if e < end and text[e] in _SEPARATORS else e
            if j == end and j != e:
                continue  # a separator ends no list
            rest = names(j)
            if rest is not None:
                memo[k] = [(text[k:e], j != e)] + rest
                break
        return memo[k]

    found = names(start)
    if not found:
        return None
    cells: list[list[str]] = [[]]
    for name, separated in found:
        cells[-1].append(name)
        if not separated:
            cells.append([])
    return [c for c in cells if c]


class _Row:
    """The cells after a row's text: where they start, the unit cells, the deadline."""

    def __init__(self, kinds: list[str]):
        self.kinds = kinds
        self.deadline = DEADLINE in kinds
        self.remark = kinds[-1] == TEXT  # a remark column (备注) after the units

    def read(self, text: str) -> tuple[str, list[list[str]], str] | None:
        """(task text, unit cells, deadline) of one row's text after its number, or None when it does not end
        as a row ends (in unit names, or in a deadline when the header has a deadline column)."""
        end = len(text)
        deadline = ""
        if self.deadline:
            m = _DEADLINE.search(text, max(0, end - 16))
            if m:
                deadline, end = m.group(), m.start()
        stop = text.rfind("。", 0, end)
        first = stop + 1 if stop >= 0 else 4
        if end - first > MAX_TAIL:
            first = end - MAX_TAIL
        starts = range(first, end)
        if stop < 0:  # no sentence closes the text: the cells open where a name opens with its level (…技术市科技局)
            starts = sorted(starts, key=lambda s: text[s] not in _NAME_STARTS)
        for s in starts:
            ends = (end,) if not self.remark else range(end, max(s, end - 12) - 1, -1)
            for e in ends:
                cells = _cells(text, s, e)
                if cells is not None:
                    return text[:s], cells, deadline
        if deadline:  # the row ends as rows end, in its deadline; its units are not names the suffixes know
            if stop >= 0 and (names := level_names(text[stop + 1:end])):
                return text[:stop + 1], [[name] for name in names], deadline  # but open with their level
            return text[:end], [], deadline
        return None


def _rows(body: str, kinds: list[str]) -> list[tuple[str, list[list[str]], str]]:
    """The rows of a glued body starting with 1: cut at the next number in sequence where the row before ends
    in unit cells."""
    reader = _Row(kinds)
    rows = []
    n = 1
    at = len("1")
    while at < len(body):
        nxt = str(n + 1)
        found = None
        limit = min(len(body), at + MAX_ROW)
        k = body.find(nxt, at + 4, limit)
        tries = 0
        while k >= 0 and tries < MAX_TRIES:
            tries += 1
            after = body[k + len(nxt):k + len(nxt) + 1]
            if not body[k - 1].isdigit() and not after.isdigit() and after not in _QUANTITY:
                row = reader.read(_row_body(body[at:k]))
                if row is not None:
                    found = (k, row)
                    break
            k = body.find(nxt, k + 1, limit)
        if found is None:  # the last row runs to the end
            row = reader.read(_row_body(body[at:]))
            if row is not None:
                rows.append(row)
            break
        k, row = found
        rows.append(row)
        n += 1
        at = k + len(nxt)
    return rows


def _unnumbered_rows(body: str, kinds: list[str]) -> list[tuple[str, list[list[str]], str]]:
    """Rows that carry no number: each ends after a sentence (。) followed by unit cells, the longest run of
    them before the next row's text (a deadline after them too, when the header has a deadline column)."""
    rows = []
    at = 0
    while at < len(body) and len(rows) < MAX_UNNUMBERED:
        stop = body.find("。", at)
        found = None
        while 0 <= stop and stop - at <= MAX_ROW and found is None:
            limit = body.find("。", stop + 1)
            limit = min(len(body) if limit < 0 else limit, stop + 1 + MAX_TAIL)
            for e in range(limit, stop + 2, -1):
                cells = _cells(body, stop + 1, e)
                if cells is not None:
                    m = _DEADLINE_START.match(body, e) if DEADLINE in kinds else None
                    found = (m.end() if m else e, (body[at:stop + 1], cells, m.group() if m else ""))
                    break
            stop = body.find("。", stop + 1)
        if found is None:
            break
        at, row = found
        rows.append(row)
    return rows


def _grid(labels: list[str], rows: list[tuple[str, list[list[str]], str]], line: Line, last: int | None = None) -> Grid:
    kinds = column_kinds(labels)
    units = [k for k, kind in enumerate(kinds) if kind in UNIT_KINDS]
    texts = [k for k, kind in enumerate(kinds) if kind == TEXT and k < units[0]]
    deadline = next((k for k, kind in enumerate(kinds) if kind == DEADLINE), None)
    grid_rows = []
    for n, (text, cells, when) in enumerate(rows, 1):
        row: list[str | None] = [""] * len(kinds)
        row[0] = str(n)
        if texts:
            row[texts[-1]] = text
        if cells:
            row[units[0]] = "、".join(cells[0])
        if len(cells) > 1:
            row[units[-1] if len(units) > 1 else units[0]] = "、".join(name for cell in cells[1:] for name in cell) \
                if len(units) > 1 else "、".join(name for cell in cells for name in cell)
        if deadline is not None:
            row[deadline] = when
        grid_rows.append(GridRow(row, line.no, last or line.no))
    return Grid(labels, grid_rows, first_line=line.no, last_line=last or line.no)


# A section row glued at the end of a row (or before the first row): 二、产业优化升级, after a page's number (—2—)
# a copy glued in too; the part of the table's text it stands in is no cell of the row before it.
_SECTION_END = re.compile(r"(?:[-—－]\d{1,3}[-—－])?[一二三四五六七八九十]{1,3}、[^。，,；;：:、\d]{2,20}$")
_PAGE_END = re.compile(r"[-—－]\d{1,3}[-—－]$")


def _row_body(text: str) -> str:
    """A glued row's text without the section row (and page number) glued after its last cell.

    >>> _row_body("完成清淤。县水利局各乡镇—2—二、产业升级"), _row_body("完成清淤。县水利局")
    ('完成清淤。县水利局各乡镇', '完成清淤。县水利局')
    """
    if "、" in text and (m := _SECTION_END.search(text)) is not None:
        text = text[:m.start()]
    if "—" in text or "-" in text or "－" in text:
        text = _PAGE_END.sub("", text)
    return text


def glued_header(text: str) -> tuple[int, int, list[str]] | None:
    """(start, body start, labels) of a header glued without separators in ``text`` (序号… up to the 1 of the
    first row, or up to its last unit column when the rows carry no number), with a number column and a unit
    column."""
    at = text.find("序号")
    if at < 0:
        return None
    body = text.find("1", at)
    ends = [body] if 0 <= body - at <= MAX_HEADER else []
    if not ends:  # rows without numbers: the header ends with a unit column (or a deadline), the longest first
        ends = sorted((m.end() for m in _LABEL_END.finditer(text, at, at + MAX_HEADER)), reverse=True)
    for body in ends:
        labels = _labels(text[at:body])
        if labels is None and (m := _SECTION_END.search(text, at, body)) is not None:
            labels = _labels(text[at:m.start()])  # 序号…责任单位一、主要指标1…: a section row before the first row
        if labels is None:
            continue
        kinds = column_kinds(labels)
        if kinds[0] != NUMBER or not any(kind in UNIT_KINDS for kind in kinds) or LEADER in kinds:
            continue
        if not text.startswith("1", body) and kinds[-1] not in UNIT_KINDS and kinds[-1] != DEADLINE:
            continue
        return at, body, labels
    return None


def _interleaved(line: Line) -> bool:
    """Whether the line is a table copied from a PDF with its columns interleaved word by word (refused)."""
    from .document import interleaved_lines  # document imports this module

    return bool(interleaved_lines([line]))


def split_before_header(lines: list[Line]) -> list[Line]:
    """The lines with a long line holding a glued header cut before it: the text before the table is read as
    text, the table from its header."""
    out: list[Line] = []
    for line in lines:
        t = line.text
        found = glued_header(t) if len(t) >= MIN_GLUED and "序号" in t else None
        if found is None or found[0] == 0 or _interleaved(line):
            out.append(line)
            continue
        at = found[0]
        out.append(Line(line.no, t[:at], t[:at], False))
        out.append(Line(line.no, t[at:], t[at:], False))
    return out


_SENTENCE_MARKS = set("。，,；;：:、")


def line_header(text: str) -> list[str] | None:
    """The labels of a header line glued without separators, the whole line (类别序号重点督办内容牵头单位全年完成情况),
    with a unit column and either a number column or, without one, a text column before the units and no sentence
    mark at all (实事内容工作任务责任单位进展情况); None: it is not one."""
    if len(text) > MAX_HEADER:
        return None
    numbered = "序号" in text or "编号" in text
    if not numbered and ("单位" not in text and "部门" not in text or not _SENTENCE_MARKS.isdisjoint(text)):
        return None
    labels = _labels(text)
    if labels is None:
        return None
    kinds = column_kinds(labels)
    units = [c for c, kind in enumerate(kinds) if kind in UNIT_KINDS]
    if not units or LEADER in kinds:
        return None
    if NUMBER not in kinds and (numbered or TEXT not in kinds[:units[0]]):
        return None
    return labels


_BREAK = set("、，,")
# Levels listed before the one name they share (市、县两级…, 省、市、县…): one name with it.
_SHARED_LEVELS = re.compile(r"(?:[省市县区乡镇](?:[(（][^()（）]{1,8}[)）])?、){1,3}(?=[省市县区乡镇])")


def _names_after(text: str, k: int) -> int:
    """The end of the unit names glued from ``text[k]`` when more text follows them (a report: 区财政局西城区一般…):
    each name the shortest the suffixes allow (with the bracket after it), the next name only after a separator or
    when it opens as a name does (各, 市, 区 …)."""
    at = k
    while at < len(text):
        shared = _SHARED_LEVELS.match(text, at)  # 市、县两级人民政府: levels sharing the name after them
        start = shared.end() if shared else at
        ends = [e for e in _name_ends(text, at, min(len(text), start + MAX_UNIT)) if is_unit_name(text[start:e])]
        if not ends:
            break
        e = min((x for x in ends if x == len(text) or text[x] in _BREAK or text[x] in _NAME_STARTS and
                 _name_ends(text, x, min(len(text), x + MAX_UNIT))), default=None)  # 街道办事处 / 乡(镇)…: the name
        if e is None:  # that a separator or the next name follows; else the shortest (局 before 社), or a name
            e = min((x for x in ends if text[at:x].endswith(_STRONG_ENDINGS)), default=min(ends))
            e = max((x for x in ends if e <= x <= e + 2), default=e)  # a character or two longer (街道办事处按…)
        if e < len(text) and text[e] in _OPEN:
            e = max((x for x in ends if x > e and text[x - 1] in _CLOSE), default=e)
        k_end = e
        if e < len(text) and text[e] in _BREAK:
            at = e + 1
        elif e < len(text) and text[e] in _NAME_STARTS:
            at = e
        else:
            return k_end
        shared = _SHARED_LEVELS.match(text, at)
        if not _name_ends(text, at, min(len(text), (shared.end() if shared else at) + MAX_UNIT)):
            return k_end
    return at if at > k else k


def _row_line(text: str, n: int, before: int) -> tuple[str, str, list[str], str] | None:
    """(cells before the number, text, unit names, the rest) of one row glued on its own line with number ``n``
    (``before``: how many columns stand before the number), or None."""
    num = str(n)
    at = text.find(num, 0, 40 if before else 1)
    while at >= 0:
        after = text[at + len(num):at + len(num) + 1]
        if (at == 0 or not text[at - 1].isdigit()) and not after.isdigit() and after not in _QUANTITY:
            break
        at = text.find(num, at + 1, 40)
    if at < 0 or (at > 0) != bool(before):
        return None
    body = text[at + len(num):]
    stop = body.find("。")
    while 0 <= stop:
        end = _names_after(body, stop + 1)
        if end > stop + 1:
            names = _cells(body, stop + 1, end) or [[body[stop + 1:end]]]
            return text[:at], body[:stop + 1], [name for cell in names for name in cell], body[end:]
        stop = body.find("。", stop + 1)
    return None


def _heading(text: str) -> bool:
    """Whether a line between glued rows is a section heading over them (一、…, (二)部门责任): a heading marker, no
    sentence closed in it."""
    return len(text) <= MAX_HEADER and "。" not in text and (match_section(text) is not None or
                                                            match_subsection(text) is not None)


def _unnumbered_row(text: str) -> tuple[str, str, list[str], str] | None:
    """("", text, unit names, the rest) of a row glued on its own line without a number: its text up to a 。 that
    unit names follow at once (创建20个无障碍社区。区残联,相关镇街1.完成…), or None."""
    stop = text.find("。")
    while 0 <= stop:
        end = _names_after(text, stop + 1)
        if end > stop + 1:
            names = _cells(text, stop + 1, end) or [[text[stop + 1:end]]]
            return "", text[:stop + 1], [name for cell in names for name in cell], text[end:]
        stop = text.find("。", stop + 1)
    return None


def _line_rows(lines: list[Line], k: int, end: int, labels: list[str]) -> tuple[Grid, int] | None:
    """The rows glued one per line under the glued header at ``lines[k]``: the grid and the index after it."""
    kinds = column_kinds(labels)
    number = kinds.index(NUMBER) if NUMBER in kinds else None
    units = [c for c, kind in enumerate(kinds) if kind in UNIT_KINDS]
    texts = [c for c, kind in enumerate(kinds) if kind == TEXT and (number is None or number < c) and c < units[0]]
    if not texts:
        return None
    rest_col = next((c for c in range(units[-1] + 1, len(kinds)) if kinds[c] == TEXT), None)
    grid = Grid(labels, first_line=lines[k].no)
    j = k + 1
    if number is None and j < end and lines[j].text and len(lines[j].text) <= MAX_HEADER \
            and _SENTENCE_MARKS.isdisjoint(lines[j].text):
        j += 1  # a second header row under a merged label (一季度二季度…: the progress column's parts)
    while j < end:
        line = lines[j]
        if not line.text:
            j += 1
            continue
        row = _row_line(line.text, len(grid.rows) + 1, number) if number is not None else _unnumbered_row(line.text)
        first = line
        if row is None and number is None and _heading(line.text):
            j += 1  # a section heading between rows (一、…, (二)部门责任): no row
            continue
        if row is None and number is None and line.text.endswith("。") and j + 1 < end and lines[j + 1].text:
            # the row's text closes its line, its unit cells open the next (and the cells after them follow)
            row = _unnumbered_row(line.text + lines[j + 1].text)
            if row is not None and (len(row[1]) != len(line.text) or rest_col is not None and not row[3]):
                row = None
            if row is not None:
                j += 1
                line = lines[j]
        if row is None:
            break
        head, text, names, rest = row
        cells: list[str | None] = [""] * len(kinds)
        if number:
            cells[number - 1] = head
        if number is not None:
            cells[number] = str(len(grid.rows) + 1)
        cells[texts[-1]] = text
        cells[units[0]] = "、".join(names[:1] if len(units) > 1 else names)
        if len(units) > 1:
            cells[units[-1]] = "、".join(names[1:])
        if rest_col is not None:
            cells[rest_col] = rest
        grid.rows.append(GridRow(cells, first.no, line.no))
        j += 1
    if len(grid.rows) < MIN_ROWS:
        return None
    grid.last_line = grid.rows[-1].last_line
    return grid, j


_PAGE_NO = re.compile(r"^(\d{1,3})、")
_ENDS = ("。", "；", ";", "！", "？")


def _next_pages(lines: list[Line], k: int, end: int) -> tuple[str, int] | None:
    """The text of the pages after ``lines[k]`` that a document-sharing site printed as lines starting with
    their page numbers (``1、…序号任务名称…`` / ``2、)各街道3…``), the numbers dropped, and the index after them;
    None where the next line with text is no next page. The page ``lines[k]`` is on is the number the line
    it was cut from starts with (1、)."""
    first = k
    while first > 0 and lines[first - 1].no == lines[k].no:
        first -= 1
    m = _PAGE_NO.match(lines[first].text)
    if m is None:
        return None
    page, parts, j, stop = int(m.group(1)), [], k + 1, None
    while j < end:
        if not lines[j].text:
            j += 1
            continue
        m = _PAGE_NO.match(lines[j].text)
        if m is None or int(m.group(1)) != page + 1:
            break
        page += 1
        parts.append(lines[j].text[m.end():])
        j += 1
        stop = j
        if parts[-1].endswith(_ENDS):
            break
    return ("".join(parts), stop) if parts else None


def find_glued_cell_tables(lines: list[Line], start: int = 0, end: int | None = None) -> list[tuple[Grid, int, int]]:
    """Every table glued without separators in a long line of ``lines[start:end]`` (or glued one row per line
    under a glued header line): the grid and its index span."""
    end = len(lines) if end is None else end
    found = []
    k = start
    while k < end:
        t = lines[k].text
        k += 1
        if len(t) < MIN_GLUED and ("单位" in t or "部门" in t or "序号" in t or "编号" in t) \
                and (labels := line_header(t)) is not None:  # (what line_header needs first: no call on most lines)
            got = _line_rows(lines, k - 1, end, labels)
            if got is not None:
                found.append((got[0], k - 1, got[1]))
                k = got[1]
                continue
        # a long line, or the part of one cut off before its header (split_before_header)
        header = glued_header(t) if (len(t) >= MIN_GLUED or t.startswith("序号")) and "序号" in t else None
        if header is None or _interleaved(lines[k - 1]):
            continue
        _at, body, labels = header
        kinds = column_kinds(labels)
        at, last = k - 1, None
        if k < end and not t.endswith(_ENDS) and (more := _next_pages(lines, k - 1, end)) is not None:
            t, k = t + more[0], more[1]  # a document site's page numbers (2、 3、) cut the line: one text again
            last = lines[k - 1].no
        rows = _rows(t[body:], kinds) if t.startswith("1", body) else _unnumbered_rows(t[body:], kinds)
        if len(rows) < MIN_ROWS:
            continue
        found.append((_grid(labels, rows, lines[at], last), at, k))
    return found
