"""A document as numbered lines, each with its raw form and its cleaned text.

>>> ls = to_lines("附件1\\n\\u00a0\\n 市环保局 \\n")
>>> [(l.no, l.text, l.blank_cell) for l in ls]
[(1, '附件1', False), (2, '', True), (3, '市环保局', False)]
"""

from __future__ import annotations

import re
from functools import total_ordering
from itertools import compress, count
from operator import lt

from ..text.normalize import drop_zero_width
from ..text.units import join_spaced_names, spaced_names
from .labels import bracketed_labels, round_bracketed_labels, spaced_label_lists, spaced_role_parts
from .markup import has_markdown, plain_markdown

_MAX_NAME_LINE = 160  # longer lines are not a cell of names
# white space between words in brackets (a bracketed note before it, 各村(社区) 镇财政所, is inside them too)
_BRACKET_SPACE = re.compile(r"[(（〔【\[［](?:[^()（）〔〕【】\[\]［］]|[(（][^()（）]*[)）])*?\S\s+\S")

# Page furniture of government web pages and document-sharing sites.
FURNITURE = re.compile(
    r"^(?:(?:责任编辑|编辑|校对|审核|审校|来源|信息来源|浏览次数|点击数|点击量|阅读次数)[:：]"
    r"|打印本页|关闭窗口|【?打印】?$|【?关闭】?$|分享到|扫一扫|上一篇|下一篇|相关链接|相关文档|文档评论"
    r"|附件下载|返回顶部|【字体|字号[:：]|您当前的位置|当前位置[:：]|您的位置[:：])"
)
# The characters FURNITURE can open with (tests/loaders/test_lines.py checks them against the pattern): a line
# opening with another is no furniture, and the pattern need not run.
FURNITURE_STARTS = frozenset("责编校审来信浏点阅打关【分扫上下相文附返字您当")


@total_ordering
class Line:
    """One line: its number, its raw form, its cleaned text, whether it is a blank cell.

    A slotted class (its attributes are read in every pass over a document, faster than a NamedTuple's) that
    still behaves as the 4-tuple it was: it unpacks, indexes, compares, sorts and hashes as
    ``(no, raw, text, blank_cell)``.

    >>> ln = Line(3, " 市环保局 ", "市环保局", False)
    >>> ln == (3, " 市环保局 ", "市环保局", False), tuple(ln)[2], ln[0], ln < Line(4, "", "", True), ln
    (True, '市环保局', 3, True, Line(no=3, raw=' 市环保局 ', text='市环保局', blank_cell=False))
    """

    __slots__ = ("no", "raw", "text", "blank_cell")
    _fields = __slots__

    def __init__(self, no: int, raw: str, text: str, blank_cell: bool):
        self.no = no                   # 1-based line number in the file
        self.raw = raw                 # as in the file, without the line break
        self.text = text               # every kind of white space removed
        self.blank_cell = blank_cell   # only spaces (a non-breaking space, mostly): an empty table cell

    @property
    def empty(self) -> bool:
        return not self.text

    def _tuple(self) -> tuple[int, str, str, bool]:
        return self.no, self.raw, self.text, self.blank_cell

    def __iter__(self):
        return iter(self._tuple())

    def __len__(self) -> int:
        return 4

    def __getitem__(self, index):
        return self._tuple()[index]

    def __eq__(self, other) -> bool:
        if isinstance(other, Line):
            other = other._tuple()
        return self._tuple() == other if isinstance(other, tuple) else NotImplemented

    def __lt__(self, other) -> bool:
        if isinstance(other, Line):
            other = other._tuple()
        return self._tuple() < other if isinstance(other, tuple) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._tuple())

    def __repr__(self) -> str:
        return f"Line(no={self.no!r}, raw={self.raw!r}, text={self.text!r}, blank_cell={self.blank_cell!r})"

    def _replace(self, **changes) -> "Line":
        return Line(**{**dict(zip(self._fields, self._tuple())), **changes})


def to_lines(text: str) -> list[Line]:
    """Split decoded text into :class:`Line` objects (\\r\\n, \\r and \\n all end a line)."""
    text = drop_zero_width(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = text.split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    texts = ["".join(raw.split()) for raw in raw_lines]  # clean(), inlined: this runs once per line
    # the lines holding white space (their text is shorter than their raw form), picked in C: most lines hold none
    spaced = list(compress(count(), map(lt, map(len, texts), map(len, raw_lines))))
    # names a space separates inside brackets keep a separator (lines with white space inside them only)
    for k in [k for k in spaced if len(texts[k]) < len(raw_lines[k].strip())]:
        if _BRACKET_SPACE.search(raw_lines[k]):
            joined = join_spaced_names(raw_lines[k])
            if joined == texts[k] and ("：" in joined or ":" in joined) and len(joined) <= _MAX_NAME_LINE:
                joined = spaced_label_lists(raw_lines[k]) or joined  # [牵头部门（单位）:X;配合单位:Y Z]: nested
            texts[k] = joined
        elif len(texts[k]) <= _MAX_NAME_LINE and (names := spaced_names(raw_lines[k])):
            texts[k] = names  # 县财政局 县税务局: a cell of names a space separates
        elif len(texts[k]) <= _MAX_NAME_LINE and ("：" in texts[k] or ":" in texts[k]) \
                and (names := spaced_label_lists(raw_lines[k])):
            texts[k] = names  # 牵头单位:X;责任单位:县财政局 县卫健局: the names of a label a space separates
        elif parts := spaced_role_parts(raw_lines[k]):
            texts[k] = parts  # 市住建局牵头 市财政局配合: a space after a role word stands for the comma
    if "【" in text or "[" in text:  # 【牵头单位】X: a label in square brackets, printed without its colon
        for k in [k for k, raw in enumerate(raw_lines) if "【" in raw or "[" in raw]:
            texts[k] = bracketed_labels(texts[k])
    if "单位）" in text or "单位)" in text or "部门）" in text or "部门)" in text:  # （牵头单位）X: round brackets
        for k in [k for k, t in enumerate(texts) if "位）" in t or "位)" in t or "门）" in t or "门)" in t]:
            texts[k] = round_bracketed_labels(texts[k])
    if has_markdown(text):  # ## 1. 任务 / - 牵头单位：X / **牵头单位**：X: the text under the Markdown markup
        plain_markdown(raw_lines, texts)
    blank = [False] * len(texts)
    for k in spaced:  # only spaces: a blank cell
        if not texts[k]:
            blank[k] = True
    return list(map(Line, count(1), raw_lines, texts, blank))


def is_furniture(text: str) -> bool:
    """Whether a cleaned line is web-page furniture rather than document text."""
    return text[:1] in FURNITURE_STARTS and FURNITURE.match(text) is not None


def strip_cell_bars(lines: list[Line]) -> list[Line]:
    """Lines of a table printed one cell per line, each ending in a bar ("徐国江 |"), without the bars.

    Only where most lines with text end so (a page of such cells); a lone "||" is an empty cell.

    >>> [(ln.text, ln.blank_cell) for ln in strip_cell_bars(to_lines("序号 |\\n主要任务 |\\n1 |\\n修路。 |\\n||"))]
    [('序号', False), ('主要任务', False), ('1', False), ('修路。', False), ('', True)]
    """
    texts = [ln for ln in lines if ln.text]
    if any(ln.text.endswith("|") and ln.text.count("|") >= 3 and len(list(filter(None, ln.text.split("|")))) >= 3
           for ln in texts):
        return lines  # a row of cells each closed by a bar (序号 | 事项 | 主体 |): rows over lines, read as rows
    barred = sum(1 for ln in texts if ln.text.endswith("|") and ln.text.count("|") <= 2)
    if texts and all(not ln.text.strip("|") for ln in texts if "|" in ln.text):
        # (r-tables10) bars alone between cells, each on its line (序号 / | / 项目 / | / 责任单位 / || / 1 …): no
        # text, the cells one per line (a merged cell is left out, as in any flattened table)
        return [Line(ln.no, ln.raw, "", False) if ln.text and "|" in ln.text else ln for ln in lines]
    if not texts or barred < 0.4 * len(texts) or all(ln.text == "|" for ln in texts if ln.text.endswith("|")):
        return lines  # only lone bars: bars between cells printed each on its line (| 序号 | 工作任务 |), no cell
    out = []
    for k, ln in enumerate(lines):
        if ln.text.endswith("|") and ln.text.count("|") <= 2:
            text = ln.text.strip("|")  # a cell between two bars (| 1 |) is a cell too
            # a lone bar before a row number ends the row above (|, 2 |, 城北小学… |): no cell
            separator = ln.text == "|" and k + 1 < len(lines) and _ROW_START.match(lines[k + 1].text) is not None
            out.append(Line(ln.no, ln.raw.rstrip().rstrip("|").rstrip(), text, not text and not separator))
        else:
            out.append(ln)
    return out


_ROW_START = re.compile(r"^[(（]?\d{1,3}[)）.、]?\|$")
