"""Tables glued into one long line, cut back into one cell per line.

A web page dumped to text without its line breaks prints a table as its cells one
after the other, a space (or a tab, or a bar) where a cell ended::

    …附件 重点任务分解表 序号 重点任务 牵头单位 责任单位 完成时限 1 完成河道清淤。 市水利局 各区政府 6月底前 2 …

Such a line is cut at its header: a run of column labels (序号, 重点任务, 牵头单位 …, as
:func:`~dutygraph.loaders.columns.is_header` knows them) with at least one unit
column. From there on the line is cut where the cells were: at the bars when the
header was printed with bars (``重点任务 | 工作内容 | 负责科室 |``; a table of numbered rows
under a known header goes back to one row a line, its empty cells kept, for
:mod:`.row_table` to read rows under merged cells), else at every run of
white space, a label printed with spaces between its characters (目 标 任 务) kept as
one, an empty line after each cell so that no cell is taken for the rest of the one
before it. The pieces are the table printed one cell per line, the seed's own layout, which
the flattened-table and cell-line readers read (rows at their numbers, or by the
header's column count). The text before the header stays one line (:mod:`.unglue`
cuts its items and labels), unless the whole line is a page glued with a space where
each of its lines ended (:func:`spaced_page`: long, with many spaces between characters
of Chinese text, which prints none inside a line): such a page is cut at its spaces,
table or not, and reads as it was printed. Every piece keeps the number of the line it
came from.

Only lines of at least :data:`~dutygraph.loaders.unglue.MIN_GLUED` characters with white
space in them pay for the search, and only those with a unit-column word for the header's.

>>> from .lines import to_lines
>>> page = "通知正文" * 50 + " 序号 重点任务 牵头单位 责任单位 1 完成河道清淤。 市水利局 各区政府 2 推进护岸。 市水务局 市财政局"
>>> [ln.text for ln in recut_tables(to_lines(page)) if ln.text][1:]
['序号', '重点任务', '牵头单位', '责任单位', '1', '完成河道清淤。', '市水利局', '各区政府', '2', '推进护岸。', '市水务局', '市财政局']
"""

from __future__ import annotations

import re

from ..text.markers import is_row_number
from ..text.units import is_unit_name
from .columns import MAX_LABEL, NUMBER, TEXT, UNIT_KINDS, column_kinds, is_header, is_label
from .glued_cells import split_before_header
from .lines import Line
from .unglue import MIN_GLUED, MIN_PAGE

MIN_COLUMNS = 3
LABEL_LENGTH = 4
MAX_COLUMNS = 12
# A unit column's label: the cheap test a long line passes before its tokens are read.
_UNIT_WORD = re.compile(r"单位|部门|科室|处室|主体|牵头|责任|配合|协办|主办|承办")
_TOKEN = re.compile(r"[^\s|]+")
_CJK_CHAR = re.compile(r"^[\u4e00-\u9fff]$")


def _tokens(raw: str) -> list[tuple[int, int]]:
    """Spans of the white-space and bar separated tokens of ``raw``; a run of single characters (目 标 任 务) is one."""
    spans: list[tuple[int, int]] = []
    single = False
    for m in _TOKEN.finditer(raw):
        one = _CJK_CHAR.match(m.group()) is not None
        if one and single and raw[spans[-1][1]:m.start()].strip(" \u3000") == "":
            spans[-1] = (spans[-1][0], m.end())  # 目 标 任 务: the letters of one label
        else:
            spans.append((m.start(), m.end()))
        single = one
    return spans


def _label(raw: str) -> str:
    return "".join(raw.split())


MAX_NAME_HALF = 12
_LEVEL_START = re.compile(r"^(?:省|市|县|区|州|镇|乡|街道|各|相关|有关|中共|中国|国家)")
_NOT_NAME_HALF = re.compile(r"[。，,；;：:！!？?、.\d]")


def _name_halves(head: str, tail: str) -> bool:
    """Whether two cells a space cut apart are the halves of one unit name (:func:`_join_name_halves`). A whole
    name before a space keeps the name after it apart (市住建局 园林局), unless it is a body whose offices are
    named after it (县委县政府 督查室, 市政府 办公室: an office of it).

    >>> _name_halves("县交通", "运输局"), _name_halves("县委县政府", "督查室"), _name_halves("市住建局", "园林局")
    (True, True, False)
    """
    if len(head) > MAX_NAME_HALF or len(tail) > MAX_NAME_HALF or _LEVEL_START.match(head) is None or \
            _LEVEL_START.match(tail) or _NOT_NAME_HALF.search(head + tail) or not is_unit_name(tail) or \
            not is_unit_name(_label(head) + tail):
        return False
    return not is_unit_name(head) or head.endswith(_BODIES) and tail.endswith(_OFFICES)


_BODIES = ("委", "政府", "人大", "政协")  # bodies whose offices are printed after their name (县委办公室, 市政府督查室)
_OFFICES = ("室", "办", "部", "处", "科", "股", "组")


def join_name_halves(tokens: list[str]) -> list[str]:
    """Cells of a row apart with spaces, a unit name a space cut in two joined (县交通 运输局).

    >>> join_name_halves(["1", "修路。", "县交通", "运输局", "县财政局", "6月底前"])
    ['1', '修路。', '县交通运输局', '县财政局', '6月底前']
    """
    out: list[str] = []
    for token in tokens:
        if out and token and out[-1] and _name_halves(out[-1], token):
            out[-1] += token
        else:
            out.append(token)
    return out


def _join_name_halves(raw: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cells a space cut inside one unit name joined again (县交通 运输局, 县委县政府 督查室): the second half is a
    name by its ending but not one of its own (it opens with no level, place word or collective: 运输局, 督查室), the
    first opens with a level, and both together make a name. A name of its own after a space (县财政局 县税务局)
    is another cell.

    >>> raw = "县交通 运输局 持续开展 县财政局 县税务局"
    >>> [raw[a:b] for a, b in _join_name_halves(raw, _tokens(raw))]
    ['县交通 运输局', '持续开展', '县财政局', '县税务局']
    """
    out: list[tuple[int, int]] = []
    for span in spans:
        if out:
            if _name_halves(raw[out[-1][0]:out[-1][1]], raw[span[0]:span[1]]):
                out[-1] = (out[-1][0], span[1])
                continue
        out.append(span)
    return out


def _bar_cells(raw: str) -> list[tuple[int, int]]:
    """Spans of the cells between bars (white space trimmed); of a long one (text and then a label: the title
    of a table and its first label, 序号), its last word, or its last four characters when nothing separates
    them from the text."""
    spans = []
    at = 0
    for part in raw.split("|"):
        a, b = at, at + len(part)
        while a < b and raw[a].isspace():
            a += 1
        while b > a and raw[b - 1].isspace():
            b -= 1
        if b - a > MAX_LABEL and not is_label(_label(raw[a:b])):
            last = max([a] + [i + 1 for i in range(a, b) if raw[i].isspace()])
            if last == a:  # glued to the text before it: a label of the common length (重点任务, 牵头单位), or 序号
                last = next((b - n for n in (LABEL_LENGTH, 2) if is_label(raw[b - n:b])), a)
            if is_label(raw[last:b]):
                a = last
        if b > a:
            spans.append((a, b))
        at += len(part) + 1
    return spans


_SENTENCE = re.compile(r"[。，,；;！!？?、]")


def _cell_label(label: str) -> bool:
    """Whether a cell can be a column label the vocabulary does not know (建设地点, 投资(万元)): short, no sentence."""
    return 0 < len(label) <= 2 * MAX_LABEL and _SENTENCE.search(label) is None and not label.isdigit()


def _is_header(labels: list[str]) -> bool:
    """A header of a glued table: a unit column, a text column, and at most a third of the labels unknown."""
    unknown = sum(1 for x in labels if not is_label(x))
    if len(labels) < MIN_COLUMNS or unknown > max(1, len(labels) // 3) or not is_label(labels[-1]):
        return False
    kinds = column_kinds(labels)
    return any(k in UNIT_KINDS for k in kinds) and (is_header(labels) or kinds[0] == NUMBER and TEXT in kinds)


def find_header(raw: str) -> tuple[int, int, list[str]] | None:
    """(start, end, labels) of the first table header printed as separated cells inside ``raw``
    (cells between bars when the line holds bars, else between runs of white space)."""
    spans = _bar_cells(raw) if raw.count("|") >= MIN_COLUMNS else _tokens(raw)
    k = 0
    while k < len(spans):
        labels: list[str] = []
        j = k
        while j < len(spans) and len(labels) < MAX_COLUMNS:
            label = _label(raw[spans[j][0]:spans[j][1]])
            if not (is_label(label) or labels and _cell_label(label)):
                break
            labels.append(label)
            j += 1
        while labels and not is_label(labels[-1]):
            labels.pop()
            j -= 1
        if len(labels) >= MIN_COLUMNS:
            # the longest run that is a header (a label before it may be a title: 附件 …)
            for a in range(len(labels) - MIN_COLUMNS + 1):
                if is_label(labels[a]) and _is_header(labels[a:]):
                    return spans[k + a][0], spans[j - 1][1], labels[a:]
        k = max(j, k + 1)
    return None


# A space between two characters of Chinese text: where a line ended, in a page glued with spaces.
_GAP = re.compile(r"(?<=[\u4e00-\u9fff。，,；;：:！？、）)》”])[ \t\u3000]+(?=[\u4e00-\u9fff（(《“\d])")
MIN_GAPS = 8
CHARS_PER_GAP = 100  # a page glued so has a line break every few dozen characters; a long table row has fewer


def spaced_page(text: str) -> bool:
    """Whether ``text`` is a page glued with a space where each of its lines ended: long, with many spaces
    between characters of Chinese text (which prints none inside a line)."""
    return len(text) >= MIN_PAGE and len(_GAP.findall(text)) >= max(MIN_GAPS, len(text) // CHARS_PER_GAP)


# An item marker standing alone (一、 1. (一) 第一条): the space after it is no line break ("一、 工作目标").
_MARKER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]"
                     r"|第[一二三四五六七八九十\d]{1,3}[章条节])$")


def _pieces(line: Line, raw: str) -> list[Line]:
    """A page glued with spaces cut at its spaces, an item marker kept with the text after it."""
    out: list[Line] = []
    spans = _tokens(raw)
    k = 0
    while k < len(spans):
        a, b = spans[k]
        if k + 1 < len(spans) and _MARKER.match(raw[a:b]):
            k += 1
            b = spans[k][1]
        out.append(Line(line.no, raw[a:b], _label(raw[a:b]), False))
        k += 1
    return out


def _cut(line: Line) -> list[Line] | None:
    raw = line.raw
    found = find_header(raw) if _UNIT_WORD.search(line.text) else None
    page = spaced_page(raw)
    if found is None:
        return _pieces(line, raw) if page else None
    start, _end, labels = found
    before = raw[:start]
    table = raw[start:]
    barred = table.count("|") >= len(labels)
    out: list[Line] = []
    if page and spaced_page(before):
        out.extend(_pieces(line, before))
    elif before.strip():
        out.append(Line(line.no, before.rstrip(), _label(before), False))
    if barred:
        rows = _bar_rows(line, table, len(labels)) if is_header(labels) and column_kinds(labels)[0] == NUMBER else None
        out.extend(rows or _bar_pieces(line, table))
        return out
    for a, b in _join_name_halves(table, _tokens(table)):
        out.append(Line(line.no, table[a:b], _label(table[a:b]), False))
        out.append(Line(line.no, "", "", False))  # where the cell ended: not joined with the next (flat_table)
    return out


def _bar_pieces(line: Line, table: str) -> list[Line]:
    """The cells of a table glued with bars, one a line: an empty cell is a blank cell, but an empty cell
    before a row number is the bar that ended the row above (as :func:`~dutygraph.loaders.lines.strip_cell_bars`
    reads a lone bar)."""
    texts = [_label(p) for p in table.split("|")]
    while texts and not texts[-1]:
        texts.pop()
    out = []
    for k, text in enumerate(texts):
        if text:
            out.append(Line(line.no, text, text, False))
        elif k + 1 < len(texts) and not is_row_number(texts[k + 1]):
            out.append(Line(line.no, " ", "", True))
    return out


def _bar_rows(line: Line, table: str, width: int) -> list[Line] | None:
    """A table glued with bars as one row a line ("2 | 新建驿站7家。 | 卫生健康局"), when its rows are numbered:
    the header's cells, then from each row number the cells up to the column count (empty cells kept: a row
    under merged cells prints them empty), a row cut short where the next row number stands. None when the
    rows carry no numbers."""
    texts = [_label(p) for p in table.split("|")]
    while texts and not texts[-1]:
        texts.pop()
    if len(texts) <= width or texts[width:width + 2].count("1") == 0:
        return None
    rows: list[list[str]] = [texts[:width]]
    expected = 1
    current: list[str] = []
    body = texts[width:]
    for k, text in enumerate(body):
        if not text and not current and k + 1 < len(body) and body[k + 1] == str(expected):
            continue  # the bar that ended the row above, before the next row's number
        if text == str(expected) and (current or rows):
            if current:
                rows.append(current)
            current = []
            expected += 1
        elif not current and not text:
            continue
        current.append(text)
        if len(current) == width:
            rows.append(current)
            current = []
    if current:
        rows.append(current)
    if expected < 3:
        return None
    return [Line(line.no, " | ".join(row), "|".join(row), False) for row in rows]


def recut_tables(lines: list[Line]) -> list[Line]:
    """The lines with every long line holding a table header cut into the table's cells, one per line (a
    header glued without separators: the line cut before it, :mod:`.glued_cells` reads the rest).

    A table copied from a PDF with its columns interleaved word by word is left as it is: its
    spaces do not stand where cells ended (:func:`~dutygraph.loaders.document.interleaved_lines`).
    Only long lines are looked at; the list comes back as it is when none is cut."""
    from .document import interleaved_lines  # document imports this module

    cuts: dict[int, list[Line]] = {}
    longs = [k for k, line in enumerate(lines) if len(line.text) >= MIN_GLUED]
    for k in longs:
        line = lines[k]
        if (len(line.raw) > len(line.text) or "|" in line.text) and not interleaved_lines([line]):
            cut = _cut(line)
            if cut is not None:
                cuts[k] = split_before_header(cut)
                continue
        if "序号" in line.text:
            cut = split_before_header([line])
            if len(cut) > 1:
                cuts[k] = cut
    _cut_split_tables(lines, cuts, longs)
    if not cuts:
        return lines
    out: list[Line] = []
    for k, line in enumerate(lines):
        out.extend(cuts.get(k, (line,)))
    return out


def _cut_split_tables(lines: list[Line], cuts: dict[int, list[Line]], longs: list[int]) -> None:
    """A glued table split into two paragraphs: a shorter line holding the header and the first cells after it, and
    the long line after it holding the rest of the cells (…职责清单 工作任务和内容 责任单位 配合单位 完成时间 负责… /
    县委宣传部 持续开展 负责…). Both are cut into cells, each piece keeping its own line's number."""
    for j in longs:  # the long line (of at least MIN_GLUED characters), then the line before it
        if j in cuts or len(lines[j].raw) == len(lines[j].text) or "|" in lines[j].text:
            continue
        k = next((k for k in range(j - 1, max(-1, j - 3), -1) if lines[k].text), None)
        if k is None or k in cuts or len(lines[k].text) >= MIN_GLUED or len(lines[k].raw) == len(lines[k].text) \
                or not _UNIT_WORD.search(lines[k].text) or find_header(lines[j].raw) is not None:
            continue
        line = lines[k]
        head = find_header(line.raw)
        if head is None or "|" in line.text or not is_header(head[2]) or not line.raw[head[1]:].strip():
            continue  # (a header alone on its line is a table printed one row a line)
        cut = _cut(line)
        if cut is None:
            continue
        cuts[k] = split_before_header(cut)
        raw = lines[j].raw
        cuts[j] = [piece for a, b in _join_name_halves(raw, _tokens(raw))
                   for piece in (Line(lines[j].no, raw[a:b], _label(raw[a:b]), False), Line(lines[j].no, "", "", False))]
