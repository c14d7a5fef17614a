"""The header block of a plan: titles, issuers, dates and document number.

>>> from .lines import to_lines
>>> ls = to_lines("关于印发《X市2018年工作计划》的通知\\n发布日期:2018-04-26作者:\\n"
...               "正文。\\nX市人民政府办公室\\u00a0 \\n2018331\\n一、总体思路")
>>> h = read_header(ls)
>>> h.title, h.plan_title, h.issuers, h.issued, h.published
('关于印发《X市2018年工作计划》的通知', 'X市2018年工作计划', ['X市人民政府办公室'], '2018-03-31', '2018-04-26')
>>> h = read_header(to_lines("某县2024年民生实事项目表\\n序号\\n项目\\n责任单位\\n完成时限\\n1\\n新建学校\\n县教育局、县发改局\\n2024年8月31日"))
>>> h.issuers, h.issued
([], None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.dates import parse_date
from ..text.markers import match_section
from ..text.units import is_unit_name
from .lines import Line, is_furniture

_NOTICE = re.compile(r"关于.+的(?:通知|意见|决定|函|批复|报告|通报)")
_PLAN_WORDS = re.compile(r"(?:计划|方案|要点|分工表|分解表|分工|规划|意见|安排|清单)$")
_QUOTED = re.compile(r"《([^《》]+)》")
_PUBLISHED = re.compile(r"(?:发布日期|发布时间|发文日期|发布于)[:：]?\s*(\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2})")
_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号")
_DATE_LINE = re.compile(r"^(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{6,8})$")
HEADER_LINES = 60
_TABLE_START = re.compile(r"^[|｜]?(?:序号|编号)")


@dataclass
class Header:
    title: str = ""
    plan_title: str | None = None
    issuers: list[str] = field(default_factory=list)
    issued: str | None = None
    published: str | None = None
    number: str | None = None
    body_start: int = 0  # index of the first line of the body (the first section heading)


def _joined_title(lines: list[Line], i: int) -> str:
    """The line at ``i``, joined with the next while a 《 is left open."""
    text = lines[i].text
    j = i + 1
    while text.count("《") > text.count("》") and j < len(lines) and j < i + 3:
        text += lines[j].text
        j += 1
    return text


def read_header(lines: list[Line]) -> Header:
    """Read the header facts from the top of the document (up to its first section)."""
    h = Header()
    body = next((k for k, ln in enumerate(lines[:HEADER_LINES * 4]) if match_section(ln.text)), None)
    h.body_start = body if body is not None else 0
    # a table's cells are never header facts (a unit cell above a deadline cell is no signature)
    table = next((k for k, ln in enumerate(lines[:HEADER_LINES * 4]) if ln.text[:1] in "|｜序编"
                  and _TABLE_START.match(ln.text)), None)
    end = min(k for k in (body, table, None if body is not None or table is not None else HEADER_LINES)
              if k is not None)
    region = lines[:end]
    texts = [(k, ln.text) for k, ln in enumerate(region) if ln.text and not is_furniture(ln.text)]

    for k, t in texts:
        joined = _joined_title(region, k)
        if _NOTICE.search(joined):
            h.title = joined
            break
    if not h.title:
        h.title = next((t for _, t in texts if _PLAN_WORDS.search(t)), texts[0][1] if texts else "")

    quoted = _QUOTED.search(h.title)
    if quoted and "印发" in h.title:
        h.plan_title = quoted.group(1)
    elif _PLAN_WORDS.search(h.title) and not _NOTICE.search(h.title):
        h.plan_title = h.title

    for _, t in texts:
        m = _PUBLISHED.search(t)
        if m:
            h.published = parse_date(m.group(1))
            break
    for _, t in texts:
        m = _NUMBER.search(t) if "号" in t else None
        if m and not re.search(r"《|根据|按照|依据|落实", t[: m.start()]):
            h.number = re.sub(r"\s+", "", m.group(0))
            break

    h.issued, h.issuers = _signature(region)
    if not h.issuers:
        h.issuers = _top_issuers(region)
    return h


def _signature(region: list[Line]) -> tuple[str | None, list[str]]:
    """The signing date and the issuers on the lines just above it."""
    for k, ln in enumerate(region):
        if not _DATE_LINE.match(ln.text):
            continue
        date = parse_date(ln.text)
        if not date:
            continue
        issuers = []
        j = k - 1
        while j >= 0 and (not region[j].text or is_unit_name(region[j].text)):
            if region[j].text:
                issuers.append(region[j].text)
            j -= 1
        return date, list(reversed(issuers))
    return None, []


def _top_issuers(region: list[Line]) -> list[str]:
    """Issuers printed as a block of organisation names near the top."""
    block: list[str] = []
    for ln in region[:20]:
        if ln.text and is_unit_name(ln.text) and len(ln.text) <= 30:
            block.append(ln.text)
        elif block and ln.text:
            break
    return block
