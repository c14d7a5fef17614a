"""A document as numbered lines, each with its raw form and its cleaned text.

>>> ls = to_lines("附件1\\n\\u00a0\\n 市环保局 \\n")
>>> [(l.no, l.text, l.blank_cell) for l in ls]
[(1, '附件1', False), (2, '', True), (3, '市环保局', False)]
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..text.normalize import drop_zero_width

# Page furniture of government web pages and document-sharing sites.
FURNITURE = re.compile(
    r"^(?:(?:责任编辑|编辑|校对|审核|审校|来源|信息来源|浏览次数|点击数|点击量|阅读次数)[:：]"
    r"|打印本页|关闭窗口|【?打印】?$|【?关闭】?$|分享到|扫一扫|上一篇|下一篇|相关链接|相关文档|文档评论"
    r"|附件下载|返回顶部|【字体|字号[:：]|您当前的位置|当前位置[:：]|您的位置[:：])"
)


class Line(NamedTuple):
    no: int          # 1-based line number in the file
    raw: str         # as in the file, without the line break
    text: str        # every kind of white space removed
    blank_cell: bool  # only spaces (a non-breaking space, mostly): an empty table cell

    @property
    def empty(self) -> bool:
        return not self.text


def to_lines(text: str) -> list[Line]:
    """Split decoded text into :class:`Line` objects (\\r\\n, \\r and \\n all end a line)."""
    raw_lines = drop_zero_width(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    out = []
    for i, raw in enumerate(raw_lines, start=1):
        text = "".join(raw.split())  # clean(), inlined: this loop runs once per line
        out.append(Line(i, raw, text, not text and raw != ""))  # only spaces: a blank cell
    return out


def is_furniture(text: str) -> bool:
    """Whether a cleaned line is web-page furniture rather than document text."""
    return bool(FURNITURE.match(text))
