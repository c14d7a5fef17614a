"""Tables flattened one row per line: cells separated by "|" or by spaces.

::

    序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位
    1 加强水资源保 护 严守…红线 实施…以内。 市水利局 市发展改革委、农业局等 各县(市、区)人民政府
    2  严守用水 效率控制 红线 落实…以上。 市水利局 市发展改革委等 各县(市、区)人民政府

Spaces also stand inside cells (a cell wrapped in the page: 加强水资源保 护), and two
spaces in a row mean an empty cell (merged with the one above). A row is read from
both ends: the number first, the text cell (the one with sentences), the cells
before it (titles, categories: fragments of one or two characters are glued back)
and the cells after it (units, leaders, deadlines), one per column.

>>> from .lines import to_lines
>>> ls = to_lines("序号 重点任务 牵头单位 配合单位\\n1 完成河道清淤。 市水利局 市财政局、各区政府\\n2  推进护岸。 市水务局")
>>> [(r.cells, r.first_line) for r in find_row_tables(ls)[0][0].rows]
[(['1', '完成河道清淤。', '市水利局', '市财政局、各区政府'], 2), (['2', '推进护岸。', '市水务局', ''], 3)]
"""

from __future__ import annotations

import re
from itertools import combinations, islice

from ..text.markers import match_section, match_subsection
from ..text.units import is_unit_name, looks_like_unit_list
from .columns import (DEADLINE, NUMBER, RESPONSIBLE, TEXT, UNIT_KINDS, column_kinds, is_header, is_label,
                      spread_group_label)
from .flat_table import _unitish, name_shaped
from .glued_rows import join_name_halves
from .grid import REPORT_LABEL, Grid, GridRow
from .lines import Line

_NUMBER = re.compile(r"^\d{1,3}[.、．]?$")  # a row number, maybe with its stop (12.)
_ITEM = re.compile(r"^(\d{1,2})[.、．](?=\D|\d{1,2}月)")  # a list item opening a line: 2.协同…, not a date or 1.5
_SENTENCE = re.compile(r"[。；;！!？?]")
MIN_COLUMNS = 3


_BR = re.compile(r"<br\s*/?>", re.I)


def _split(raw: str, wide: bool = False, keep_first: bool = False) -> tuple[list[str], str] | None:
    """Cells of a raw line and the separator used: "|", " " (one space; two mean an empty cell)
    or "  " (``wide``: columns aligned with runs of spaces, as PDF-to-text writes them)."""
    if raw.strip(" \t").count("\t") >= 2 or raw.strip(" \r\n").lstrip("\t").count("\t") >= 2:
        # cells copied from a web page's table: one tab between cells (empty ones at the end too); a tab before
        # the first cell is an empty first cell (a category merged over rows) when ``keep_first``
        cut = raw.strip(" \r\n")
        return [p.strip() for p in (cut.rstrip("\t") if keep_first else cut.strip("\t")).split("\t")], "|"
    raw = raw.replace("\u3000", " ").replace("\u00a0", " ").replace("\t", "  ").strip()
    if "｜" in raw:
        raw = raw.replace("｜", "|")  # a full-width bar between cells
    if raw.count("|") >= 2 or (raw.count("|") == 1 and not raw.startswith("|")):
        if "<" in raw:  # a line break inside a cell as a Markdown copy prints it (县财政局<br>县水利局)
            raw = _BR.sub("\n", raw)
        parts = [p.strip() for p in raw.strip("|").split("|")]
        while parts and not parts[-1]:  # "| ||": empty cells at the end of the row
            parts.pop()
        return parts, "|"
    if " " not in raw:
        return None
    if wide:
        return [p.strip() for p in re.split(r" {2,}", raw)], "  "
    return raw.split(" "), " "


def split_row(raw: str) -> list[str] | None:
    """The cells of a raw line printed as a table row: between bars, or apart with spaces (None: one cell).

    >>> split_row("项目 | 修建绿道 | 治理水系"), split_row("牵头单位 市住建局 市水利局"), split_row("修建绿道")
    (['项目', '修建绿道', '治理水系'], ['牵头单位', '市住建局', '市水利局'], None)
    """
    split = _split(raw)
    return None if split is None else split[0]


def header_of(line: Line) -> tuple[list[str], str] | None:
    """The labels and separator of a row-per-line table header, if ``line`` is one."""
    if len(line.raw) == len(line.text) and "|" not in line.raw and "｜" not in line.raw:
        return None  # text is raw without its white space: no space and no bar, one cell (as _split finds)
    split = _split(line.raw)
    if split is None:
        return None
    cells, sep = split
    if sep == " " and re.search(r"\S {2,}\S", line.raw.strip()):
        cells, sep = _split(line.raw, wide=True)
    labels = _join_spaced([c for c in cells if c]) if sep == " " else [_LETTER_SPACED.sub("", c) for c in cells if c]
    if len(labels) < MIN_COLUMNS or not is_header(labels):
        return None
    return labels, sep


# A label printed with a space between its characters (主 要 工 作 任 务) inside a cell.
_LETTER_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")


def _join_spaced(tokens: list[str]) -> list[str]:
    """A label printed with its characters spaced out (工 作 任 务) as one label.

    >>> _join_spaced(["序号", "工", "作", "任", "务", "牵头负责部门"])
    ['序号', '工作任务', '牵头负责部门']
    """
    out: list[str] = []
    run: list[str] = []
    for t in tokens + [""]:
        if len(t) == 1:
            run.append(t)
            continue
        if run:
            out.append("".join(run))
            run = []
        if t:
            out.append(t)
    return out


def _is_sentence(token: str) -> bool:
    return (bool(_SENTENCE.search(token)) or len(token) > 30) and not looks_like_unit_list(token)


def _fit(tokens: list[str], n: int) -> list[str | None]:
    """``tokens`` (between the number and the text cell) as ``n`` cells; empty ones are merged (None)."""
    cells: list[str | None] = []
    k = 0
    while k < len(tokens) and tokens[k] == "" and len(cells) < n:
        cells.append(None)  # an empty cell at the start: merged with the row above
        k += 1
    rest = [t for t in tokens[k:] if t]
    left = n - len(cells)
    if left <= 0:
        return cells[:n]
    glued: list[str] = []
    for t in rest:
        if glued and len(t) <= 2:
            glued[-1] += t  # a fragment wrapped off the end of a cell
        else:
            glued.append(t)
    if len(glued) > left:
        glued = glued[: left - 1] + ["".join(glued[left - 1:])]
    return cells + [None] * (left - len(glued)) + glued  # missing cells are the first ones (categories)


def _placed(tokens: list[str], kinds: list[str]) -> list[str | None]:
    """The cells after the text, fewer than their columns: each where its kind fits best (a date in the deadline
    column, past an empty unit cell), in order; at equal fit the first columns.

    >>> _placed(["市园林局", "2023年10月"], ["lead", "cooperating", "deadline"])
    ['市园林局', '', '2023年10月']
    """
    n = len(kinds)
    if len(tokens) >= n:
        return list(tokens)
    best: list[str | None] = list(tokens) + [""] * (n - len(tokens))
    if n > 8:
        return best
    score = _fitting(best, kinds)
    for at in combinations(range(n), len(tokens)):
        cells: list[str | None] = [""] * n
        for k, t in zip(at, tokens):
            cells[k] = t
        fit = _fitting(cells, kinds)
        if fit > score:
            best, score = cells, fit
    return best


# a deadline cell: a date, or a standing one (长期推进, 持续开展, 全年) that is a whole cell
_TIME = re.compile(r"\d{4}[.年]|\d{1,2}月|年底|年内|底前|月底|^(?:长期|持续|常态化)(?:推进|坚持|开展|实施)?$|^全年$")


def _fitting(cells: list[str | None], kinds: list[str]) -> int:
    """How many cells fit the kind of their column: units in a unit column, a time in a deadline column, text
    that is neither in a text column."""
    fit = 0
    for cell, kind in zip(cells, kinds):
        if not cell:
            continue
        units, time = _mostly_units(cell), _TIME.search(cell) is not None and len(cell) <= 20
        named = not units and not time and name_shaped(cell)  # a name the lexicon does not know, or a short phrase
        fit += (units or named if kind in UNIT_KINDS else time if kind == DEADLINE else
                not units and not time and not named if kind == TEXT else False)
    return fit


def _shifted(cells: list[str | None], kinds: list[str]) -> list[str | None] | None:
    """A row between bars printing fewer cells than the header, its first ones merged with the rows above: the
    cells moved right to where they fit their columns best (units in a unit column, a time in the deadline
    column), the first ones None; at equal fit the place where the row's last cell fits its column (a deadline
    last, printed in the deadline column). None where the cells fit best where they stand.

    >>> _shifted(["修路。", "县交通局"], ["text", "text", "responsible", "deadline"])
    [None, '修路。', '县交通局', '']
    >>> _shifted(["完成修路。", "沿线村(社区)", "6月"], ["text", "text", "text", "responsible", "deadline"])
    [None, None, '完成修路。', '沿线村(社区)', '6月']
    """
    n, m = len(kinds), len(cells)
    here = _fitting(cells, kinds)
    best, score = None, (here, _fits_last(cells[-1], kinds[m - 1]))
    for at in range(1, n - m + 1):
        placed: list[str | None] = [None] * at + list(cells) + [""] * (n - m - at)
        got = (_fitting(placed, kinds), _fits_last(cells[-1], kinds[at + m - 1]))
        if got > score:
            best, score = placed, got
    return best


def _ends_in_unit_column(cells: list[str], kinds: list[str]) -> bool:
    """Whether a short row's last cell is names whatever they end with, standing in a unit column where the row's
    cells fit best (:func:`_shifted`): the row is whole, its first cells merged with those above.

    >>> _ends_in_unit_column(["修路。", "甲坊 乙苑"], ["text", "text", "responsible", "deadline"])
    True
    >>> _ends_in_unit_column(["修路。", "完成一半"], ["text", "text", "responsible", "text"])
    False
    """
    last = cells[-1]
    if not last or not name_shaped(last):
        return False
    placed = _shifted(cells, kinds) or cells
    at = max(k for k, c in enumerate(placed) if c is not None and c != "")
    return placed[at] == last and kinds[at] in UNIT_KINDS


def _fits_last(cell: str | None, kind: str) -> bool:
    """Whether a row's last printed cell fits its column by kind: a time in a deadline column, units in a unit
    column."""
    if not cell:
        return False
    return (_TIME.search(cell) is not None and len(cell) <= 20) if kind == DEADLINE else \
        _mostly_units(cell) if kind in UNIT_KINDS else False


def _mostly_units(cell: str) -> bool:
    """Whether a cell is a list of names, most of them units (农村办 规划建设办 国土所 村(社区): a collective the
    unit lexicon does not know stands among them).

    >>> _mostly_units("农业办 建设办 村(社区)"), _mostly_units("完成修路。"), _mostly_units("村(社区)")
    (True, False, False)
    """
    if _unitish(cell):
        return True
    if len(cell) > 60 or _SENTENCE.search(cell):
        return False
    parts = [p for p in re.split(r"[、，,\s]+", cell) if p]
    return len(parts) >= 2 and 2 * sum(1 for p in parts if _unitish(p)) >= len(parts)


def _unit_anchored(body: list[str], kinds: list[str]) -> list[str | None] | None:
    """A row apart with spaces whose one unit cell stands under the table's one unit column, as many cells before
    it as columns: the cells before it one per column, those after it where they fit (a 工作举措 or a report after
    the units). None unless the row says so that plainly.

    >>> _unit_anchored(["修好道路", "年底通车。", "县交通局", "1.招标;"], ["text", "text", "responsible", "text", "text"])
    ['修好道路', '年底通车。', '县交通局', '1.招标;', '']
    """
    columns = [k for k, kind in enumerate(kinds) if kind in UNIT_KINDS]
    if len(columns) != 1 or not 0 < columns[0] < len(body) or len(body) > len(kinds) or not all(body):
        return None
    at = columns[0]
    if not _mostly_units(body[at]) or any(_mostly_units(t) for k, t in enumerate(body) if k != at) or \
            TEXT not in kinds[:at]:
        return None
    return body[:at + 1] + _placed(body[at + 1:], kinds[at + 1:])


def _row_cells(tokens: list[str], kinds: list[str], sep: str, labels: list[str] = ()) -> list[str | None] | None:
    """Cells of one row, aligned on the columns."""
    n = len(kinds)
    if sep == "|":
        cells: list[str | None] = [t for t in tokens[:n]]
        if len(cells) < n and kinds[0] == NUMBER and cells and not _NUMBER.match(cells[0] or ""):
            # a row under a merged 序号 cell: its number and the cells printed empty after it are merged (the
            # number cell printed empty, | | 同步加装电梯。 | |, or left out)
            if cells[0] == "":
                cells = cells[1:]
            return [None] + cells + [None] * (n - len(cells) - 1)
        if 0 < len(cells) < n and kinds[0] != NUMBER:
            shifted = _shifted(cells, kinds)
            if shifted is not None:
                return shifted  # the row's first cells are merged with those above: what it prints are its last ones
        if 2 < len(cells) < n and kinds[0] == NUMBER:
            # a numbered row printing fewer cells: the cells after its number merged with those above (a 工作任务
            # over several 细化分工 rows), or its last ones left out (an empty 备注)
            shifted = _shifted(cells[1:], kinds[1:])
            if shifted is not None:
                return cells[:1] + shifted
        return cells + [""] * (n - len(cells))
    number_col = kinds.index(NUMBER) if NUMBER in kinds else None
    texts = [k for k, kind in enumerate(kinds) if kind == TEXT]
    body = tokens[1:] if number_col == 0 else tokens
    if len(tokens) == n and all(tokens) and (not any(_is_sentence(t) for t in tokens[n - len(texts):] if texts)
                                             or all(_unitish(tokens[k]) or name_shaped(tokens[k])
                                                    for k, kind in enumerate(kinds) if kind in UNIT_KINDS)):
        return list(tokens)  # one token per column (短任务 市住建局 市财政局; units in each unit column): as printed
    if (anchored := _unit_anchored(body, kinds[1:] if number_col == 0 else kinds)) is not None:
        return ([tokens[0]] if number_col == 0 else []) + anchored
    sentence = [k for k, t in enumerate(body) if t and _is_sentence(t)]
    if not sentence:  # a short text cell: the longest cell that is not a list of units
        others = [(len(t), k) for k, t in enumerate(body) if len(t) >= 6 and not looks_like_unit_list(t)
                  and not (_TIME.search(t) and len(t) <= 12)]  # 2023年10月: a deadline cell, not the task
        sentence = [max(others)[1]] if others else []
    if not sentence or not texts:
        return None
    first, last = sentence[0], sentence[-1]
    stated = [k for k in texts if k >= len(labels) or not REPORT_LABEL.search(labels[k])]  # not 备注, 进展情况
    content_col = max(stated or texts)
    if last > first and any(kinds[k] == TEXT for k in range(content_col + 1, n)):
        # a report cell (进展情况) after the units is a sentence too: the text ends before the first unit list
        units = next((k for k in range(first + 1, last) if body[k] and (looks_like_unit_list(body[k]) or
                                                                        name_shaped(body[k]))), None)
        if units is not None:
            last = max(k for k in sentence if k < units)
    text = " ".join(t for t in body[first:last + 1] if t)
    before = _fit(body[:first], content_col - (1 if number_col == 0 else 0))
    after_tokens = [t for t in body[last + 1:] if t]
    after_cols = n - content_col - 1
    if len(after_tokens) > after_cols > 0:
        after_tokens = after_tokens[: after_cols - 1] + [" ".join(after_tokens[after_cols - 1:])]
    after = _placed(after_tokens, kinds[content_col + 1:])
    number = [tokens[0]] if number_col == 0 else []
    return number + before + [text] + after


_RULE = re.compile(r"^:?-+:?$")  # a Markdown rule cell: ---, :---:, :-: (one dash is enough)
_DATE = re.compile(r"\d{4}年|\d{1,2}月\d{1,2}日")


def _cut_row(text: str) -> bool:
    """Whether the last line of a document, after bar-separated rows and without a bar, is the start of a row
    the document stops inside (a text cell under a merged 序号: 义务教育段随迁子女就), not a signature or a date."""
    return (not _NUMBER.match(text[:1]) and not _SENTENCE.search(text) and not looks_like_unit_list(text)
            and not _DATE.search(text) and len(text) >= 6)


def _content_of(kinds: list[str], labels: list[str]) -> int:
    """The column that states the task: the last text column that is no report (进展情况, 备注)."""
    texts = [k for k, kind in enumerate(kinds) if kind == TEXT]
    stated = [k for k in texts if k >= len(labels) or not REPORT_LABEL.search(labels[k])]
    return max(stated or texts or [0])


_SIGNED = re.compile(r"^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$")


def _signs(lines: list[Line], j: int, end: int) -> bool:
    """Whether ``lines[j]`` is a signature: the next line with text is a date (2024年3月11日)."""
    k = j + 1
    while k < end and not lines[k].text:
        k += 1
    return k < end and _SIGNED.match(lines[k].text) is not None


_CN_NUMERAL = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]?|[(（][一二三四五六七八九十]{1,3}[)）])$")


def _spaced_heading(tokens: list[str]) -> bool:
    """A category row printed as a Chinese numeral, a space and a short title (一 经济发展): no task row.

    >>> _spaced_heading(["一", "经济发展"]), _spaced_heading(["1", "推进改造", "市住建局"])
    (True, False)
    """
    return len(tokens) == 2 and _CN_NUMERAL.match(tokens[0]) is not None and len(tokens[1]) <= 30 \
        and not looks_like_unit_list(tokens[1])


def _is_heading(text: str) -> bool:
    """A section heading printed between a space-separated table's rows (一、… or (一)…), no sentence."""
    return (match_section(text) is not None or match_subsection(text) is not None) and len(text) <= 60


def _continue_row(row: GridRow, line: Line, kinds: list[str], labels: list[str]) -> bool:
    """Whether a line without a space after a space-separated row goes on with that row (and add it): a unit
    list after a row whose last filled cell is a unit cell (the cell's names one per line: 区农业农村委 /
    区林业局), or text for the first empty text cell after it (a progress cell printed under the names)."""
    text = line.text
    if _NUMBER.match(text[:3]) or _is_heading(text):
        return False
    cells = row.cells
    last = max((k for k, c in enumerate(cells) if c), default=-1)
    if last < 0 or kinds[last] not in UNIT_KINDS:
        return False
    if looks_like_unit_list(text) or name_shaped(text):  # (names the lexicon does not know: their place says)
        cells[last] = f"{cells[last]}、{text}"
    else:
        after = next((k for k in range(last + 1, len(kinds)) if kinds[k] == TEXT and not cells[k]), None)
        if after is None or not _SENTENCE.search(text):
            return False
        cells[after] = text
    row.last_line = line.no
    return True


_HEADING_STARTS = frozenset("一二三四五六七八九十(（")


def _next_is_row(lines: list[Line], j: int, end: int, fewest: int = MIN_COLUMNS) -> bool:
    """Whether the next line with text from ``lines[j]`` is a row of cells between bars or tabs (a section heading
    without a bar between such rows is a category row, 一、经济发展)."""
    while j < end and not lines[j].text:
        j += 1
    got = _split(lines[j].raw) if j < end else None
    return got is not None and got[1] == "|" and len(got[0]) >= fewest


def _under_merged_units(cells: list[str | None], kinds: list[str], labels: list[str], rows: list[GridRow],
                        last: bool) -> bool:
    """Whether a row with its text and every unit cell empty sits under unit cells merged over rows: the row
    above has units (printed or merged) and the row is not the document's last line (it may stop inside it). A
    flattened table prints a merged cell once, with the first row it spans."""
    units = [k for k, kind in enumerate(kinds) if kind in UNIT_KINDS]
    content = _content_of(kinds, labels)
    if not units or content >= len(cells) or not cells[content] or any(k < len(cells) and cells[k] for k in units):
        return False
    if last:
        return False  # the document may stop inside it: its cells cut, not merged
    above = rows[-1].cells
    return any(k < len(above) and (above[k] or above[k] is None and rows[-1].inherit_basis) for k in units)


def _row_over_lines(lines: list[Line], j: int, end: int, tokens: list[str], n: int,
                    numbered: bool) -> tuple[list[str], int] | None:
    """The cells of a row printed over several lines, each cell closed by a bar (``1 | 企业名称的监督检查 |`` /
    ``[规章]《…》第二条… |`` / ``信用监督处 反垄断处 |`` / ``市级、区级 |``), and the index of its last line: the
    lines after ``lines[j]`` add their cells until the row holds as many as the header; a line without a bar at
    its end leaves its last cell open, the next line goes on with it (a cell wrapped in the page). None when the
    next row (its number) or a line of other text comes first, or more cells; a document stopping inside the row
    gives the cells it holds."""
    cells = list(tokens)
    is_open = not lines[j].raw.rstrip().endswith(_BARS)
    k, last = j + 1, j
    while k < end and (len(cells) < n or is_open) and len(cells) <= n and k - j <= MAX_ROW_LINES:
        line = lines[k]
        if not line.text:
            k += 1
            continue
        raw = line.raw.strip()
        if not raw.strip("|｜"):  # a bar alone: it closes the open cell, or stands for an empty one
            if not is_open:
                cells.append("")
            is_open = False
            last = k
            k += 1
            continue
        split = _split(raw) if "|" in raw or "｜" in raw else None
        if split is None:  # no bar: one cell, left open (the next line may go on with it)
            if is_open:
                cells[-1] += line.text
            else:
                cells.append(line.text)
            is_open = True
        else:
            more = split[0]
            if numbered and len(more) >= 2 and _NUMBER.match(more[0]):
                break  # the next row: this one stops short (its cells are merged)
            if is_open and cells and more:
                cells[-1] += more[0]
                more = more[1:]
            cells += more
            is_open = not raw.endswith(_BARS)
        last = k
        k += 1
    truncated = next((False for ln in islice(lines, last + 1, end) if ln.text), True)
    if last == j or len(cells) > n or len(cells) < n and not truncated:
        return None
    return cells, last


def _tab_row_over_lines(lines: list[Line], j: int, end: int, n: int, numbered: bool) -> tuple[list[str], int] | None:
    """The cells of a row copied from a web page's table with line breaks inside its cells (``1\t完成全县高标准农`` /
    ``田建设任务2万亩。\t县农业农村局\t县财政局`` / ``县自然资源局\t2024年10月底前``): a line holding fewer tabs than
    the header goes on in the next, its last cell with the next line's first (apart with a space: names one a
    line stay a list), until the row holds the header's tabs. None when the next row (a number and a tab) comes
    first or the tabs overshoot."""
    raw = lines[j].raw.strip(" \r\n")
    tabs = raw.count("\t")
    parts = [raw]
    k, last = j + 1, j
    while k < end and tabs < n - 1 and k - j <= MAX_ROW_LINES:
        line = lines[k]
        if not line.text:
            k += 1
            continue
        more = line.raw.strip(" \r\n")
        if numbered and "\t" in more and _NUMBER.match(more.split("\t", 1)[0].strip()):
            return None  # the next row
        tabs += more.count("\t")
        parts.append(more)
        last = k
        k += 1
    if tabs != n - 1 or last == j:
        return None
    return [c.strip() for c in " ".join(parts).split("\t")], last


_BARS = ("|", "｜")
MAX_ROW_LINES = 24  # lines of one row printed over several, at most
_EMPTY_CELL = re.compile(r"[|｜][ \t\u3000]*[|｜]")  # a row printing its empty cells (… | ||) is whole


_CLOSED = ("。", "；", ";", "！", "!", "？", "?", "）", ")")


def _wrapped_text(row: GridRow, line: Line, kinds: list[str], labels: list[str]) -> bool:
    """Whether a line without a space after a row apart with spaces is the rest of the row's text cell, wrapped
    in the page (``1  完成全县高标准农  县农业农村局  …`` / ``田建设任务2万亩。``): the cell does not close its
    sentence, and the line is no row number, heading or unit list; it is added to the cell (or, the text cell
    closed, to an open text cell before it)."""
    content = _content_of(kinds, labels)
    text = line.text
    if _NUMBER.match(text[:3]) or _is_heading(text) or sum(1 for c in row.cells if c) < 2:  # a category row
        return False
    for k, kind in enumerate(kinds):  # a unit name broken in its cell (县农业 / 农村局)
        cell = row.cells[k] if k < len(row.cells) else None
        if kind in UNIT_KINDS and cell and not is_unit_name(tail := re.split(r"[、，,]", cell)[-1]) and \
                is_unit_name(tail + re.split(r"[、，,]", text)[0]) and looks_like_unit_list(cell + text):
            row.cells[k] = cell + text
            row.last_line = line.no
            return True
    if looks_like_unit_list(text):
        return False
    if text[:1].isdigit() and (item := _ITEM.match(text)) is not None:
        # a cell holding a numbered list, an item a line (1.督促… / 2.协同…): item n goes on with the text cell
        # holding item n-1; item 1 opens the first empty text cell after the filled ones (a report under a measure)
        n = int(item[1])
        filled = [k for k, c in enumerate(row.cells) if c]
        at = next((k for k in reversed(filled) if kinds[k] == TEXT and re.search(rf"(?<!\d){n - 1}[.、．]\D",
                                                                                   row.cells[k])), None) if n > 1 \
            else next((k for k in range(filled[-1] + 1, len(kinds)) if kinds[k] == TEXT), None)
        if at is not None:
            row.cells[at] = f"{row.cells[at]}{text}" if row.cells[at] else text
            row.last_line = line.no
            return True
    # the text cell, else a text cell before it (a project's name wrapped: 分期 / 实施)
    before = [] if text.endswith(_CLOSED) else list(range(content - 1, -1, -1))  # a sentence: no name's end
    at = next((k for k in [content] + before
               if k < len(row.cells) and kinds[k] == TEXT and row.cells[k] and not row.cells[k].endswith(_CLOSED)),
              None)
    if at is None:
        return False
    row.cells[at] += text
    row.last_line = line.no
    return True


def _continues_text_cell(cells: list[str | None], kinds: list[str], labels: list[str], above: GridRow) -> bool:
    """Whether a row of cells between bars printing nothing but a text that closes its sentence goes on with the
    text cell above, which does not (``| 1 | 完成全县高标准农 | 县农业农村局 |`` / ``| | 田建设任务2万亩。 | |``): a
    row under merged cells prints a whole text in the style of the rows above; it is added to the cell above."""
    content = _content_of(kinds, labels)
    filled = [c for c in cells if c]  # (the one cell may stand shifted: a row under a merged 序号 cell)
    if len(filled) != 1 or looks_like_unit_list(filled[0]):
        return False
    text, top = filled[0], above.cells[content] if content < len(above.cells) else None
    if not top or top.endswith(_CLOSED) or any(p in top for p in "。；;") or not text.endswith(_CLOSED[:5]):
        return False
    above.cells[content] = top + text
    return True


def _merged_text_row(lines: list[Line], j: int, end: int, above: GridRow, kinds: list[str]) -> bool:
    """Whether ``lines[j]``, a sentence without a space between rows apart with spaces, is a row whose other
    cells are merged with the row above (``新建改建农村公路50公里。`` under a row with its units, the next line a
    row again): the row above has unit cells, and the document goes on with a row (it may stop inside the last)."""
    text = lines[j].text
    if not _is_sentence(text) or _is_heading(text) or _NUMBER.match(text[:3]):
        return False
    if not any(c for c, kind in zip(above.cells, kinds) if kind in UNIT_KINDS) and not above.inherit_basis:
        return False
    k = j + 1
    while k < end and not lines[k].text:
        k += 1
    if k >= end:
        return False
    if _is_heading(lines[k].text):
        return True  # a section heading, then the next rows
    nxt = _split(lines[k].raw)
    return nxt is not None and nxt[1] != "|" and len([t for t in nxt[0] if t]) >= 2


_ITEM_NUMBER = re.compile(r"^(\d{1,3})(?:[.、．]|(?=\D)|$)")
_APART = re.compile(r"\t|[ \u3000]{2,}")
MIN_HEADERLESS = 3
MAX_UNIT_CELL = 40


def _headerless_row(raw: str) -> tuple[str, str, list[str], str | None] | None:
    """(number, text, unit cells, deadline) of a line printed as a table row without its header: a row number
    opening the text, then cells apart with a tab or a run of spaces, each a list of units or, last, a date
    (``3.完成城区老旧小区改造12个。  县住房和城乡建设局  县财政局  2024年11月底前``)."""
    parts = [p.strip() for p in _APART.split(raw.strip()) if p.strip()]
    if len(parts) < 2:
        return None
    m = _ITEM_NUMBER.match(parts[0])
    if m is None:
        return None
    number, text = m.group(1), parts[0][m.end():]
    rest = parts[1:]
    if not text and rest:  # the number a cell of its own (3  完成…。  县财政局)
        text, rest = rest[0], rest[1:]
    deadline = rest.pop() if rest and _TIME.search(rest[-1]) and len(rest[-1]) <= 20 and \
        not looks_like_unit_list(rest[-1]) else None
    if len(text) < 6 or not rest or any(len(c) > MAX_UNIT_CELL or not looks_like_unit_list(c) for c in rest):
        return None
    return number, text, rest, deadline


def _headerless_tables(lines: list[Line], start: int, end: int) -> list[tuple[Grid, int, int]]:
    """Rows of a table whose header is not printed (an excerpt starting on a later page, a list set out as a
    table): at least three numbered lines in a row, each ending in cells of unit names (and a date) apart with
    tabs or runs of spaces. The unit cells are the rows' responsible units (a bare list after a task, as a bare
    bracketed list is); their columns are as many as the widest row prints."""
    # cheap tests first, in one pass: a row number opening the line, cells apart with a tab or two spaces
    candidates = [k for k in range(start, end) if lines[k].text[:1].isdecimal()
                  and ("\t" in (raw := lines[k].raw) or "  " in raw or "\u3000" in raw)]
    if len(candidates) < MIN_HEADERLESS:
        return []
    runs: list[list[tuple[int, tuple]]] = []
    last = None
    for k in candidates:
        row = _headerless_row(lines[k].raw)
        if row is None:
            last = None
            continue
        if last is None or any(ln.text for ln in lines[last + 1:k]):
            runs.append([])  # the rows of a run stand together, blank lines between them at most
        runs[-1].append((k, row))
        last = k
    found = []
    for got in runs:
        if len(got) < MIN_HEADERLESS:
            continue
        width = max(len(r[2]) for _, r in got)
        dated = any(r[3] for _, r in got)
        columns = ["序号", "工作任务"] + ["责任单位"] * width + (["完成时限"] if dated else [])
        kinds = [NUMBER, TEXT] + [RESPONSIBLE] * width + ([DEADLINE] if dated else [])
        grid = Grid(columns, first_line=lines[got[0][0]].no, last_line=lines[got[-1][0]].no, kinds=kinds)
        for at, (number, text, units, deadline) in got:
            cells = [number, text] + units + [""] * (width - len(units)) + ([deadline or ""] if dated else [])
            grid.rows.append(GridRow(cells, lines[at].no, lines[at].no))
        found.append((grid, got[0][0], got[-1][0] + 1))
    return found


def find_row_tables(lines: list[Line], start: int = 0, end: int | None = None) -> list[tuple[Grid, int, int]]:
    """Every row-per-line table in ``lines[start:end]``: the grid and its line-index span (tables printed
    without their header too: :func:`_headerless_tables`, in the lines no headed table holds)."""
    end = len(lines) if end is None else end
    found = _headed_tables(lines, start, end)
    at = start
    more = []
    for _, i, j in found + [(None, end, end)]:
        if i > at:
            more += _headerless_tables(lines, at, i)
        at = max(at, j)
    return sorted(found + more, key=lambda t: t[1]) if more else found


def _cells_under_header(lines: list[Line], i: int, end: int, labels: list[str],
                        kinds: list[str]) -> tuple[Grid, int, int] | None:
    """A header printed on one line over rows printed one cell per line (序号 涉及部门 职责分工 / 1 / 市教育局 /
    负责…): where the first line after the header is one cell alone (no bar, no space: the row number 1 under a
    number column) and the header holds a unit column, the rows are read in groups of the header's column count
    (:mod:`.cell_groups`), at least two."""
    if not any(kind in UNIT_KINDS for kind in kinds):
        return None
    j = i + 1
    while j < end and not lines[j].text:
        j += 1
    if j >= end or (lines[j].text != "1" if kinds[0] == NUMBER else _split(lines[j].raw) is not None):
        return None
    from .cell_groups import MIN_ROWS, cell_rows  # cell_groups builds on the modules this one does

    rows, stop = cell_rows(lines, kinds, j, end)
    if len(rows) < MIN_ROWS:
        return None
    return Grid(labels, rows, first_line=lines[i].no, last_line=lines[stop - 1].no), i, stop


def _wraps_row(row: GridRow, placed: list[str], kinds: list[str]) -> bool:
    """Whether cells standing under their labels with no row number (a line of a PDF's text) go on with the row
    above: its text cell does not close its sentence, or the line holds no text cell (unit names alone)."""
    content = [k for k, kind in enumerate(kinds) if kind == TEXT]
    if not any(placed[k] for k in content):
        return True
    return any(placed[k] and row.cells[k] and not row.cells[k].endswith(_CLOSING) for k in content)


_CLOSING = ("。", "；", ";", "！", "？")


def _sub_header(lines: list[Line], i: int, end: int, header: list[str]) -> tuple[list[str], int] | None:
    """A second header row under a header of cells between bars or tabs whose unit label spans two columns
    (`序号 | 重点任务 | 责任单位 | | 完成时限` or, as a Markdown copy repeats a merged label, `… | 责任单位 |
    责任单位 | …`, over `| | | 牵头单位 | 配合单位 | |`): the labels with the second row's under the first's, and
    the index after it. Only where the second row holds labels alone, two or more, one naming a unit column.

    >>> from .lines import to_lines
    >>> lines = to_lines("序号\\t重点任务\\t责任单位\\t\\t完成时限\\n\\t\\t牵头单位\\t配合单位\\t\\n1\\t建设。\\t市住建局\\t市财政局\\t6月底前")
    >>> _sub_header(lines, 0, 3, ["序号", "重点任务", "责任单位", "完成时限"])
    (['序号', '重点任务', '牵头单位', '配合单位', '完成时限'], 2)
    """
    k = i + 1
    while k < end and (not lines[k].text or "--" in lines[k].raw and all(
            _RULE.match(t.strip()) for t in lines[k].raw.strip().strip("|").split("|") if t.strip())):
        k += 1  # a Markdown rule under the first row
    if k >= end:
        return None
    sub = _split(lines[k].raw, keep_first=True)
    if sub is None:
        return None
    below = [c.strip() for c in sub[0]]
    named = [c for c in below if c]
    if len(named) < 2 or len(named) > 4 or not all(is_label(c) for c in named) or \
            not any(kind in UNIT_KINDS for kind in column_kinds(named)):
        return None
    top = _split(lines[i].raw) if sub[1] == "|" else None
    if top is None or top[1] != "|" or len(below) > len(top[0]) or not below[0] and len(below) == len(named):
        # the labels under the unit label alone, without the empty cells under the others (牵头单位 配合单位)
        got = spread_group_label(header, named)
        return (got, k + 1) if got is not None else None
    labels = [b or _LETTER_SPACED.sub("", t) for t, b in zip(top[0], below + [""] * len(top[0]))]
    if not all(labels) or labels == [_LETTER_SPACED.sub("", t) for t in top[0]]:
        return None
    return labels, k + 1


def _header_over_lines(lines: list[Line], i: int, end: int, header: list[str]) -> tuple[list[str], int] | None:
    """A header of cells each closed by a bar printed over two lines (``序号 | 重点任务 | 责任单位 |`` /
    ``进展情况 | 完成状态 |``): the next line with text holds labels alone, each closed by a bar too; its labels go
    after the first line's, and the rows start after it.

    >>> from .lines import to_lines
    >>> lines = to_lines("序号 | 工作任务 | 牵头单位 |\\n工作进度 | 完成情况 |\\n1 | 修路。 | 县交通局 | 已完工 | 完成 |")
    >>> _header_over_lines(lines, 0, 3, ["序号", "工作任务", "牵头单位"])
    (['序号', '工作任务', '牵头单位', '工作进度', '完成情况'], 2)
    """
    raw = lines[i].raw.strip()
    if not raw.endswith(_BARS) or raw.startswith(_BARS):
        return None
    k = i + 1
    while k < end and not lines[k].text:
        k += 1
    if k >= end:
        return None
    more = lines[k].raw.strip()
    if not more.endswith(_BARS) or more.startswith(_BARS):
        return None
    split = _split(more)
    if split is None or split[1] != "|" or not all(split[0]) or not all(is_label(c) for c in split[0]):
        return None
    labels = header + [_LETTER_SPACED.sub("", c) for c in split[0]]
    return (labels, k + 1) if is_header(labels) else None


_GRID_RULE = re.compile(r"^\+(?:[-=:]+\+)+$")


def _is_grid_rule(raw: str) -> bool:
    """Whether ``raw`` is a rule of a grid drawn with + - = (``+----+-------+``, ``+====+``)."""
    raw = raw.strip()
    return raw[:1] == "+" and _GRID_RULE.match(raw) is not None


def _ruled_row(lines: list[Line], j: int, end: int, tokens: list[str]) -> tuple[list[str], int]:
    """A grid table's row printed over the lines from ``j`` to the next rule, each line after the first with an
    empty first cell: each cell's pieces in order, a line break between them (a text cell's pieces join; unit
    names one a line stay apart). Returns the cells and the index of the row's last line.

    >>> from .lines import to_lines
    >>> ls = to_lines("| 1 | 建成示范 | 县农业局 |\\n|   | 片区。   | 县财政局 |\\n+---+---+---+")
    >>> _ruled_row(ls, 0, 3, ["1", "建成示范", "县农业局"])
    (['1', '建成示范\\n片区。', '县农业局\\n县财政局'], 1)
    """
    cells = list(tokens)
    k = j + 1
    while k < end and lines[k].text and not _is_grid_rule(lines[k].raw):
        more = _split(lines[k].raw)
        if more is None or more[1] != "|" or more[0][:1] != [""]:
            break  # a line opening with a cell of its own is the next row (rows printed without rules between)
        for c, piece in enumerate(more[0]):
            if piece:
                cells.extend([""] * (c + 1 - len(cells)))
                cells[c] = f"{cells[c]}\n{piece}" if cells[c] else piece
        k += 1
    return cells, k - 1


_RUN = re.compile(r"\S+(?: \S+)*")  # a cell of a row aligned with runs of spaces (one space inside a cell)
_PADDED = re.compile(r"\S[ \u3000\u00a0]{3,}\S")  # a header label padded to its column (three spaces or more)


def _starts(raw: str) -> tuple[list[int], list[int], list[str]]:
    """The cells of a line aligned with runs of spaces: where each starts (in characters and in display columns,
    a Chinese character two wide) and its text."""
    raw = raw.replace("\u3000", " ").replace("\u00a0", " ").replace("\t", "  ").rstrip()
    chars, cols, texts = [], [], []
    col, at = 0, 0
    for m in _RUN.finditer(raw):
        col += sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in raw[at:m.start()])
        at = m.start()
        chars.append(m.start())
        cols.append(col)
        texts.append(m.group())
    return chars, cols, texts


def _by_position(header_raw: str, raw: str, n: int) -> list[str] | None:
    """A row of a table aligned with runs of spaces (a PDF's text with its layout) that prints fewer cells than
    the header has labels: each cell in the column under whose label it starts (an empty cell between two
    others, the cells of a row's wrapped lines), counted in characters or in display columns, whichever lines
    up; None where neither does.

    >>> _by_position("序号  任务          牵头单位  配合单位", "2     推进整治。              县财政局", 4)
    ['2', '推进整治。', '', '县财政局']
    """
    head_chars, head_cols, labels = _starts(header_raw)
    if len(labels) != n or not _PADDED.search(header_raw):
        return None  # (look10) labels two spaces apart, none padded to its column: a list, not a layout
    chars, cols, texts = _starts(raw)
    best: tuple[int, list[str]] | None = None
    for heads, at in ((head_chars, chars), (head_cols, cols)):
        cells = [""] * n
        last, off = -1, 0
        for p, text in zip(at, texts):
            c = max((k for k in range(n) if heads[k] <= p + 1), default=None)
            if c is None or c <= last:
                break
            cells[c], last = text, c
            off += p - heads[c]
        else:
            if best is None or off < best[0]:
                best = (off, cells)
    return best[1] if best is not None and texts else None


def _spanned_label(lines: list[Line], j: int, end: int, kinds: list[str]) -> tuple[int, int] | None:
    """(column, width) of a header label spanning several cells of a bar table: the first row prints more cells
    than the header has labels (项目 | 目标 | 分解情况 | 责任单位 over 就业工程 | 促进就业 | 新增就业(人) | 1300 |
    甲镇280 乙乡15 | 区人社局): the extra cells are the last text label's before the first cell column (a unit, a
    leader or a deadline column), which the rows below, under the merged cells, print alone; None otherwise."""
    while j < end and not lines[j].text:
        j += 1
    if j >= end:
        return None
    split = _split(lines[j].raw)
    if split is None or split[1] != "|" or len(split[0]) <= len(kinds) or not all(split[0]):
        return None
    first_cell = next((k for k, kind in enumerate(kinds) if kind != TEXT), None)
    if first_cell is None or first_cell < 2 or kinds[first_cell] == NUMBER or \
            not any(kind in UNIT_KINDS for kind in kinds[first_cell:]):
        return None
    width = len(split[0]) - len(kinds) + 1
    return (first_cell - 1, width) if width <= 4 else None


def _headed_tables(lines: list[Line], start: int, end: int) -> list[tuple[Grid, int, int]]:
    """Every row-per-line table under a header in ``lines[start:end]``."""
    last_text = next((k for k in range(end - 1, start - 1, -1) if lines[k].text), -1)  # from the end
    found = []
    i = start
    while i < end:
        header = header_of(lines[i]) if lines[i].text else None
        if header is None:
            i += 1
            continue
        labels, sep = header
        first_row = i + 1
        if (two := _sub_header(lines, i, end, labels)) is not None:
            labels, first_row = two
        elif sep == "|" and (two := _header_over_lines(lines, i, end, labels)) is not None:
            labels, first_row = two
        kinds = column_kinds(labels)
        if first_row == i + 1 and (got := _cells_under_header(lines, i, end, labels, kinds)) is not None:
            found.append(got)
            i = got[2]
            continue
        # a tab table whose header starts at the line's start: a tab opening a row is an empty first cell
        tabbed = sep == "|" and "\t" in lines[i].raw and not lines[i].raw.strip(" \r\n").startswith("\t")
        grid = Grid(labels, first_line=lines[i].no)
        # every cell closed by a bar, the last too (序号 | 权责事项 | 实施主体 |): a row may run over several lines
        closed = sep == "|" and lines[i].raw.rstrip().endswith(("|", "｜")) and \
            not lines[i].raw.lstrip().startswith(("|", "｜"))
        j = first_row
        # a grid drawn with + - = (a database client's or a Markdown converter's grid table): rules between rows
        ruled = sep == "|" and any(0 <= k < end and _is_grid_rule(lines[k].raw) for k in (i - 1, i + 1))
        spanned = _spanned_label(lines, first_row, end, kinds) if sep == "|" and not ruled else None
        while j < end:
            line = lines[j]
            if not line.text or sep == "|" and grid.rows and not line.text.strip("|｜"):
                j += 1  # (a bar alone between rows between bars closes the row above)
                continue
            if ruled and _is_grid_rule(line.raw):
                j += 1
                continue
            split = _split(line.raw, wide=sep == "  ", keep_first=tabbed)
            if split is None and sep == "|" and j == last_text and grid.rows and _cut_row(line.text):
                split = [line.text], "|"  # the document stops inside a row under merged cells: its text cell
            # (rows over lines, each cell closed by a bar, may print two cells on their first line)
            if split is None and (sep != "|" or line.text[0] in _HEADING_STARTS and
                                  _next_is_row(lines, j + 1, end, 2 if closed else MIN_COLUMNS)):
                if grid.rows and not _signs(lines, j, end) and _continue_row(grid.rows[-1], line, kinds, labels):
                    j += 1  # the row's unit cell (or the cell after it) goes on on a line of its own
                    continue
                if sep != "|" and grid.rows and _wrapped_text(grid.rows[-1], line, kinds, labels):
                    j += 1  # the row's text cell wrapped onto a line of its own
                    continue
                if sep != "|" and grid.rows and _merged_text_row(lines, j, end, grid.rows[-1], kinds):
                    content = _content_of(kinds, labels)  # a task alone on its line between rows: cells merged
                    grid.rows.append(GridRow([line.text if k == content else "" if kinds[k] in (NUMBER, TEXT)
                                              else None for k in range(len(kinds))], line.no, line.no,
                                             inherit_basis=f"merged cells of the row above (line {line.no})"))
                    j += 1
                    continue
                if _is_heading(line.text):  # a section heading between rows (一、主要预期目标): a category row
                    grid.rows.append(GridRow([line.text if k == _content_of(kinds, labels) else ""
                                              for k in range(len(kinds))], line.no, line.no))
                    j += 1
                    continue
            if split is not None and sep != "|" and _spaced_heading(split[0]):
                grid.rows.append(GridRow([line.text if k == _content_of(kinds, labels) else ""
                                          for k in range(len(kinds))], line.no, line.no))
                j += 1  # 一 经济发展: a category row whose numeral a space sets apart
                continue
            if split is None and tabbed and grid.rows and not _is_heading(line.text) and \
                    _next_is_row(lines, j + 1, end):
                row = grid.rows[-1]  # a line break inside the row's last cell (市级 / 区级): the cell goes on
                at = max((k for k, c in enumerate(row.cells) if c), default=None)
                if at is not None:
                    row.cells[at] = f"{row.cells[at]} {line.text}"
                    row.last_line = line.no
                    j += 1
                    continue
            if split is None:
                break
            tokens, line_sep = split
            if line_sep == "|" and all(_RULE.match(t) for t in tokens if t):
                j += 1  # a Markdown rule under the header (|---|:---:|): no row
                continue
            last_no = line.no
            if spanned is not None and line_sep == "|":
                g, w = spanned
                if len(tokens) == len(kinds) + w - 1:  # a row as wide as the first: the spanned cells are one
                    tokens = tokens[:g] + [" | ".join(t for t in tokens[g:g + w] if t)] + tokens[g + w:]
                elif len(tokens) == w and grid.rows:  # a row printing only the spanned cells, the others merged
                    cells = [None] * len(kinds)
                    cells[g] = " | ".join(t for t in tokens if t)
                    grid.rows.append(GridRow(cells, line.no, last_no, truncated=j == last_text,
                                             inherit_basis=f"merged cells of the row above (line {line.no})"))
                    j += 1
                    continue
            if ruled and j + 1 < end and not _is_grid_rule(lines[j + 1].raw):
                tokens, j = _ruled_row(lines, j, end, tokens)  # a row over lines up to the next rule
                last_no = lines[j].no
            elif tabbed and "\t" in line.raw and line.raw.strip(" \r\n").count("\t") < len(kinds) - 1 and \
                    (got := _tab_row_over_lines(lines, j, end, len(kinds), kinds[0] == NUMBER)) is not None:
                tokens, j = got  # a line break inside a cell copied from a web page: the row goes on
                last_no = lines[j].no
            elif closed and line_sep == "|" and len(tokens) < len(kinds) and not _EMPTY_CELL.search(line.raw) and \
                    not (kinds[0] != NUMBER and len(tokens) >= 2 and (
                        kinds[-1] == DEADLINE and _fits_last(tokens[-1], DEADLINE) or _mostly_units(tokens[-1])
                        or _ends_in_unit_column(tokens, kinds))):
                # (a short row ending in its deadline or its units is whole, its first cells merged with the rows above)
                got = _row_over_lines(lines, j, end, tokens, len(kinds), kinds[0] == NUMBER)
                if got is not None:
                    tokens, j = got  # a row whose cells, each closed by a bar, run over several lines
                    last_no = lines[j].no
            if sep == "  " and len(tokens) < len(kinds) and \
                    (placed := _by_position(lines[i].raw, line.raw, len(kinds))) is not None:
                if kinds[0] == NUMBER and not placed[0] and grid.rows and _wraps_row(grid.rows[-1], placed, kinds):
                    row = grid.rows[-1]  # the row's cells wrapped onto a line of their own, each in its column
                    for k, piece in enumerate(placed):
                        if piece:
                            row.cells[k] = f"{row.cells[k]}\n{piece}" if row.cells[k] else piece
                    row.last_line = line.no
                    j += 1
                    continue
                if kinds[0] != NUMBER or _NUMBER.match(placed[0]):
                    tokens = placed  # an empty cell between two others: each cell under its label
            if sep != "|" and kinds[0] == NUMBER and not _NUMBER.match(tokens[0]):
                # a row without its number (完成…任务。 各科室): text, then a unit list at the end
                if not (len(tokens) >= 2 and _is_sentence(tokens[0]) and looks_like_unit_list(tokens[-1])
                        and kinds[0] == NUMBER):
                    break
                tokens = [""] + tokens
            if line_sep == " ":
                tokens = join_name_halves(tokens)  # a unit name a space cut in two (县交通 运输局)
            cells = _row_cells(tokens, kinds, "|" if sep == "|" else " ", labels) if len(tokens) != len(kinds) or \
                sep != "  " or all(tokens) else list(tokens)  # cells placed by where they stand: as placed
            if cells is None:
                break
            if sep == "|" and grid.rows and _continues_text_cell(cells, kinds, labels, grid.rows[-1]):
                j += 1  # the text cell of the row above, wrapped onto a row of its own (| | 田建设任务2万亩。 | | |)
                continue
            merged = sep == "|" and cells[0] is None
            if not merged and grid.rows and _under_merged_units(cells, kinds, labels, grid.rows, j == last_text):
                cells = [None if not c and kind not in (NUMBER, TEXT) else c for c, kind in zip(cells, kinds)]
                merged = True
            # the document may stop inside the last row, unless a bar closes its last cell (… | 区乙苑 |)
            cut = j == last_text and not (sep == "|" and line.text.endswith(_BARS))
            grid.rows.append(GridRow(cells, line.no, last_no, truncated=cut,
                                     inherit_basis=f"merged cells of the row above (line {line.no})" if merged
                                     else None))
            j += 1
        if grid.rows:
            grid.last_line = lines[j - 1].no
            found.append((grid, i, j))
            i = j
        else:
            i += 1
    return found
