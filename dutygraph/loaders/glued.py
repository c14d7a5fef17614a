"""Tables whose cells were glued together, as document-sharing sites copy DOCX tables.

::

    1、…分解表序号项目名称主要内容区政府分管领导牵头单位配合单位1增加教育资源供给实施新建…
    4580个。何海平教育局经开区高新园(邹区镇)各街道市国有公司2促进就业稳定增长落实…高新园(邹区镇
    2、)各街道3老城厢复兴发展完成…

The header is a run of column labels with nothing between them (序号项目名称…配合单位).
Lines starting with the site's page numbers (1、 2、 3、) are one text cut at page
breaks: the numbers are dropped and the pieces joined. Then each row is read in
column order: its number (the one expected next), its title (up to the verb that
starts the text: 实施, 落实, 完成 …), its text up to a 。 after which the cells
follow: a person for a leader column (two or three characters), then units, each
ending with an organisation suffix or a place ending (区, 园, 镇, 街道) and its
bracket. Text that starts right after the cells, without a number, is a second
sub-row of the same row; a sub-row without cells shares those of the sub-row above
(cells printed once for the rows they span), marked inferred.

>>> from .lines import to_lines
>>> text = "序号项目名称主要内容分管领导牵头单位配合单位1绿道建设新建绿道10公里。张三市住建局各区政府2水系治理完成清淤。李四市水利局"
>>> grid = find_glued_tables(to_lines(text))[0][0]
>>> [r.cells for r in grid.rows]
[['1', '绿道建设', '新建绿道10公里。', '张三', '市住建局', '各区政府'], ['2', '水系治理', '完成清淤。', '李四', '市水利局', '']]
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.units import looks_like_unit_list, org_suffixes
from .columns import LEADER, NUMBER, TEXT, UNIT_KINDS, column_kinds
from .grid import Grid, GridRow
from .lines import Line

_LABEL = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:序号|名称|内容|任务|措施|事项|领导|单位|部门|时限|时间|期限|责任人|负责人|备注|目标|类别|指标)")
_BARE = re.compile(r"^(?:名称|内容|任务|措施|事项|目标|指标)$")  # a label word alone: it may start or end a label
_LIST_MARKS = "。，,、；;(（)）"
MAX_LISTED = 160  # characters of a unit cell printed as a list, at most
# A deadline cell glued after the unit cell: a time (2021年6月底前, 12月底, 全年, 长期), nothing after it.
_DEADLINE_CELL = re.compile(r"(?:(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日|上旬|中旬|下旬|底|末)?(?:前|以前)?|全年|年内|年底前?|长期|持续)$")
_PAGE = re.compile(r"^(\d{1,3})、")
# Words that start a task's text (after its title) or a second sub-row.
_VERBS = ("实施", "落实", "完成", "推进", "新建", "开展", "提升", "加快", "建设", "实现", "新增", "改造", "组织", "启动",
          "加强", "打造", "深化", "推动", "建立", "健全", "完善", "提供", "举办", "支持", "促进", "增加", "优化", "确保",
          "全面", "持续", "做好", "强化", "扩大", "继续", "积极", "着力", "争取", "开工", "改扩建", "新改建", "整治",
          "为", "对", "在", "按照", "围绕", "聚焦", "依托", "计划", "力争", "全年", "全区", "全市", "全县")
_PLACE_ENDINGS = ("街道", "区", "园", "镇", "乡", "县")
# Endings that rarely stand inside a name: cut at the first of them (社 in 人社局 is not an end).
_STRONG_ENDINGS = ("局", "委", "办", "厅", "区", "园", "镇", "街道", "公司", "中心", "集团", "政府", "管委会", "办公室",
                   "委员会", "银行", "支行", "分局")
_BARE_SUFFIXES = ("人民政府", "政府", "党委", "党工委", "管委会", "委员会", "办公室", "办事处")
_OPEN, _CLOSE = "(（", ")）"
MAX_UNIT = 14


@lru_cache(maxsize=1)
def _endings() -> tuple[str, ...]:
    return tuple(sorted(set(org_suffixes()) | set(_PLACE_ENDINGS), key=len, reverse=True))


def _header_at(text: str, start: int) -> tuple[list[str], int] | None:
    """Glued column labels from ``text[start]`` (序号…) and the index after them."""
    labels = []
    k = start
    while k < len(text):
        m = _LABEL.match(text, k)
        if not m:
            break
        label = m.group(0)
        if labels and _BARE.match(label) and _BARE.match(labels[-1]) and column_kinds([labels[-1]])[0] == TEXT:
            labels[-1] += label  # two words of one label (任务名称, 目标内容): the lazy match cut it
        else:
            labels.append(label)
        k = m.end()
    kinds = column_kinds(labels)
    if len(labels) < 3 or kinds[0] != NUMBER or not any(kind in UNIT_KINDS for kind in kinds):
        return None
    return labels, k


def _starts_verb(text: str, k: int) -> bool:
    return text.startswith(_VERBS, k)


def _unit_at(text: str, k: int) -> int | None:
    """End of the unit name starting at ``text[k]``: the shortest run ending with a suffix (and its bracket)."""
    if k >= len(text) or _starts_verb(text, k) or text[k].isdigit() or text[k] in "。，,、；;":
        return None
    for endings in (_STRONG_ENDINGS, _endings()):
        for end in range(k + 2, min(len(text), k + MAX_UNIT) + 1):
            piece = text[k:end]
            if any(ch in "。，,；;:：“”" or ch.isdigit() for ch in piece):
                break
            if piece.endswith(endings):
                if piece.count("(") + piece.count("（") > piece.count(")") + piece.count("）") and \
                        end < len(text) and text[end] in _CLOSE:
                    return end + 1  # an ending inside the name's bracket (镇(街道)): the bracket closes it
                tail = next((x for x in _BARE_SUFFIXES if text.startswith(x, end)), None)
                if tail:  # 各区 + 政府: the name goes on
                    end += len(tail)
                if end < len(text) and text[end] in _OPEN:
                    close = min((text.find(c, end) for c in _CLOSE if text.find(c, end) > 0), default=-1)
                    if 0 < close <= end + 10:
                        end = close + 1
                return end
    return None


class _Reader:
    def __init__(self, text: str, line_of: list[int], labels: list[str], header_text: str):
        self.text = text
        self.line_of = line_of
        self.labels = labels
        self.kinds = column_kinds(labels)
        self.header_text = header_text
        self.rows: list[GridRow] = []

    def col(self, kind: str) -> int | None:
        return next((k for k, x in enumerate(self.kinds) if x == kind), None)

    def _boundary(self, k: int, number: int) -> bool:
        """Whether a row, a sub-row, a repeated header or the end starts at ``text[k]``."""
        t = self.text
        return (k >= len(t) or t.startswith(str(number + 1), k) and not t[k + len(str(number + 1)):][:1].isdigit()
                or _starts_verb(t, k) or t.startswith(self.header_text, k))

    def _cells_at(self, k: int, number: int) -> tuple[str | None, list[str], int] | None:
        """(leader, units, end) of the cells starting at ``text[k]``, or None."""
        has_leader = self.col(LEADER) is not None
        for size in ((3, 2) if has_leader else (0,)):
            leader = self.text[k:k + size] if size else None
            if leader is not None and not re.fullmatch(r"[\u4e00-\u9fff]{2,3}", leader):
                continue
            if size == 3 and leader[-1] in "市省区县州":  # 张三 + 市住建局, not 张三市 + 住建局
                continue
            units: list[str] = []
            at = k + size
            while True:
                end = _unit_at(self.text, at)
                if end is None:
                    break
                units.append(self.text[at:end])
                at = end
                if self._boundary(at, number):
                    break
            if units and len(units[0]) >= 3 and self._boundary(at, number):
                return leader, units, at
        return self._listed_cell_at(k, number) if not has_leader else None

    def _listed_cell_at(self, k: int, number: int) -> tuple[None, list[str], int] | None:
        """The unit cell at ``text[k]`` printed as a list (市财政局、市住建局等按职责分工负责), up to the next row's number,
        a repeated header or the end, a deadline cell after it dropped (全年, 2021年6月底前): the whole cell,
        which the grid splits as any unit cell, or None where it is no list of units."""
        t = self.text
        if k >= len(t) or _starts_verb(t, k) or t[k].isdigit() or t[k] in _LIST_MARKS:
            return None
        nxt = str(number + 1)
        stop = k
        while True:
            stop = t.find(nxt, stop + 1)
            if stop < 0 or stop - k > MAX_LISTED:
                stop = len(t) if stop < 0 and len(t) - k <= MAX_LISTED else -1
                break
            if not t[stop + len(nxt):][:1].isdigit() and not t[stop - 1:stop].isdigit():
                break
        if stop < 0:
            return None
        head = t.find(self.header_text, k, stop)
        stop = head if head >= 0 else stop
        cell = _DEADLINE_CELL.sub("", t[k:stop])
        if not any(sep in cell for sep in "、，,") or any(ch in cell for ch in "。；;：:") or \
                not looks_like_unit_list(cell):
            return None
        return None, [cell], stop

    def read(self) -> list[GridRow]:
        t = self.text
        k = 0
        number = 0
        title_col, content_col = self._text_columns()
        while k < len(t):
            if t.startswith(self.header_text, k):
                k += len(self.header_text)
                continue
            nxt = str(number + 1)
            sub_row = bool(self.rows) and _starts_verb(t, k)
            if not t.startswith(nxt, k) and not sub_row:
                break
            first = k
            title = None
            if not sub_row:
                number += 1
                k += len(nxt)
                cut = None if title_col is None else next((i for i in range(k + 4, min(len(t), k + 16)) if _starts_verb(t, i)), None)
                if cut is not None and not any(ch in "。，,；;" for ch in t[k:cut]):
                    title = t[k:cut]
                    k = cut
            content_start = k
            cells = None
            while k < len(t):
                stop = t.find("。", k)
                if stop < 0:
                    k = len(t)
                    break
                k = stop + 1
                if t.startswith(self.header_text, k):
                    break
                cells = self._cells_at(k, number)
                if cells is not None:
                    break
            content = t[content_start:k]
            row = [""] * len(self.kinds)
            row[0] = str(number)
            if title_col is not None:
                row[title_col] = title or ""
            if content_col is not None:
                row[content_col] = content
            if sub_row:
                row[0] = None
                if title_col is not None:
                    row[title_col] = None
            end = k
            basis = None
            if cells is not None:
                leader, units, end = cells
                self._place(row, leader, units)
            elif k < len(t):  # no cells of its own: they were printed once for the sub-row above
                for c, kind in enumerate(self.kinds):
                    if kind in UNIT_KINDS or kind == LEADER:
                        row[c] = None
                basis = "cells printed once for the rows they span (glued copy)"
            truncated = end >= len(t)
            self.rows.append(GridRow(row, self.line_of[first], self.line_of[max(first, end - 1)],
                                     truncated=truncated, inherit_basis=basis))
            k = end
        return self.rows

    def _text_columns(self) -> tuple[int | None, int | None]:
        texts = [k for k, kind in enumerate(self.kinds) if kind == TEXT]
        if not texts:
            return None, None
        content = next((k for k in texts if "内容" in self.labels[k] or "措施" in self.labels[k]), texts[-1])
        title = max((k for k in texts if k < content), default=None)
        return title, content

    def _place(self, row: list[str | None], leader: str | None, units: list[str]) -> None:
        leader_col = self.col(LEADER)
        if leader_col is not None and leader:
            row[leader_col] = leader
        unit_cols = [k for k, kind in enumerate(self.kinds) if kind in UNIT_KINDS]
        if not unit_cols:
            return
        row[unit_cols[0]] = units[0]
        if len(unit_cols) > 1 and len(units) > 1:
            row[unit_cols[-1]] = "、".join(units[1:])


def _join_pages(lines: list[Line], start: int, end: int) -> tuple[str, list[int], int]:
    """The text of a glued block, page numbers (1、 2、 …) dropped, its line numbers per character."""
    text = []
    line_of: list[int] = []
    page = None
    first = start  # the line cut off before its header (split_before_header): its page number opens the part before
    while first > 0 and lines[first - 1].no == lines[start].no:
        first -= 1
    if first < start and (m := _PAGE.match(lines[first].text)):
        page = int(m.group(1))
    k = start
    while k < end:
        t = lines[k].text
        if not t and k > start:  # an empty line between two pages: the next page may go on after it
            n = k + 1
            while n < end and not lines[n].text:
                n += 1
            if n < end and page is not None and (m := _PAGE.match(lines[n].text)) and int(m.group(1)) == page + 1:
                k = n
                continue
            break
        m = _PAGE.match(t)
        if k > start:
            if not m or page is None or int(m.group(1)) != page + 1:
                break
        if m:
            page = int(m.group(1))
            t = t[m.end():]
        text.append(t)
        line_of.extend([lines[k].no] * len(t))
        k += 1
    return "".join(text), line_of, k


def find_glued_tables(lines: list[Line], start: int = 0, end: int | None = None) -> list[tuple[Grid, int, int]]:
    """Every glued table in ``lines[start:end]``: the grid and its line-index span."""
    end = len(lines) if end is None else end
    found = []
    k = start
    while k < end:
        t = lines[k].text
        at = t.find("序号")
        header = _header_at(t, at) if at >= 0 and len(t) > at + 12 else None
        if header is None or header[1] >= len(t) or not t[header[1]].isdigit():
            k += 1
            continue
        text, line_of, stop = _join_pages(lines, k, end)
        labels, after = header
        body_at = after  # offsets in the first line equal offsets in the joined text (minus a page number)
        m = _PAGE.match(t)
        if m:
            body_at -= m.end()
        reader = _Reader(text[body_at:], line_of[body_at:], labels, "".join(labels))
        rows = reader.read()
        if rows:
            grid = Grid(labels, rows, first_line=lines[k].no, last_line=lines[stop - 1].no)
            title = t[m.end() if m else 0:at]
            grid.title = title or None
            found.append((grid, k, stop))
        k = stop
    return found
