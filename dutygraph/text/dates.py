"""Dates as printed in plans, and the deadlines tasks carry.

>>> parse_date("2018-04-26"), parse_date("2018年3月31日"), parse_date("2018331")
('2018-04-26', '2018-03-31', '2018-03-31')
>>> parse_date("20180331"), parse_date("2018.3.1"), parse_date("二〇一八")
('2018-03-31', '2018-03-01', None)
>>> [(d.printed, d.date) for d in find_deadlines("确保上半年启动,力争年内投产", 2018)]
[('上半年', '2018-06-30'), ('年内', '2018-12-31')]
>>> [(d.printed, d.date) for d in find_deadlines("力争20186月底前全部整改到位", 2018)]
[('20186月底前', '2018-06-30')]
>>> [(d.printed, d.date) for d in find_deadlines("2022年10月底前编制并公布", None)]
[('2022年10月底前', '2022-10-31')]
>>> find_deadlines("按照三年攻坚、五年内完成", 2018)
[]
"""

from __future__ import annotations

import bisect
import calendar
import re

from ..model import Deadline

_ISO = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?")
_GARBLED = re.compile(r"^(\d{4})(\d{2,4})$")


def _days_in(year: int, month: int) -> int:
    """calendar.monthrange(year, month)[1], without the weekday it also works out."""
    return calendar.mdays[month] + (month == 2 and calendar.isleap(year))


def _iso(year: int, month: int, day: int) -> str | None:
    if not (1900 <= year <= 2100 and 1 <= month <= 12):
        return None
    if not 1 <= day <= _days_in(year, month):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_end(year: int, month: int) -> str | None:
    if not (1900 <= year <= 2100 and 1 <= month <= 12):
        return None
    return _iso(year, month, _days_in(year, month))


def parse_date(text: str) -> str | None:
    """An ISO date from a printed one, including digits whose 年月日 were lost.

    "2018331" is read as 2018-03-31: the digits after the year are split into a
    valid month and day, preferring a one-digit month where both would do.
    """
    text = text.strip()
    m = _ISO.search(text)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _GARBLED.match(text)
    if not m:
        return None
    year, rest = int(m.group(1)), m.group(2)
    cuts = {2: [1], 3: [1, 2], 4: [2]}[len(rest)]
    for cut in cuts:
        found = _iso(year, int(rest[:cut]), int(rest[cut:]))
        if found:
            return found
    return None


_QUARTERS = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}
_NUMBER_BEFORE = "0123456789一二三四五六七八九十两几多"

# Ordered: longer, more specific phrases first; each match consumes its span.
# (pattern, kind, strings one of which every match contains: patterns are skipped when all are absent)
_DEADLINE_PATTERNS: list[tuple[re.Pattern, str, tuple[str, ...]]] = [
    (re.compile(r"(?P<y>\d{4})年?(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:之?前|以前)?"), "day", ("日",)),
    (re.compile(r"(?:(?P<y>\d{4})年?)?(?P<m>\d{1,2})月(?:底|末|份)?(?:之?前|以前)"), "month", ("前",)),
    (re.compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?:底|末)"), "month", ("月底", "月末")),
    (re.compile(r"(?:(?P<y>\d{4})年)?(?:第(?P<q>[一二三四1-4])季度|(?P<q2>[一二三四])季度)(?:末|底)?(?:之?前|以前)?"),
     "quarter", ("季度",)),
    (re.compile(r"(?:(?P<y>\d{4})年)?上半年"), "h1", ("上半年",)),
    (re.compile(r"(?:(?P<y>\d{4})年)?下半年"), "h2", ("下半年",)),
    (re.compile(r"(?P<y>\d{4})年(?:年?底|末)(?:之?前|以前)?"), "year", ("年底", "年末")),
    (re.compile(r"(?P<y>\d{4})年(?:之?前|以前)"), "year", ("年前", "年之前", "年以前")),
    (re.compile(r"(?:到|至)(?P<y>\d{4})年"), "year", ("到", "至")),
    (re.compile(r"(?<![" + _NUMBER_BEFORE + r"])年(?:底|末)(?:之?前|以前)?"), "this_year", ("年底", "年末")),
    (re.compile(r"(?<![" + _NUMBER_BEFORE + r"])(?:年内|全年|今年内)"), "this_year", ("年内", "全年")),
]


def find_deadlines(text: str, year: int | None) -> list[Deadline]:
    """Deadline phrases in ``text`` in printed order, with ISO dates where ``year`` allows.

    上半年 → 06-30, 6月底前 → 06-30, 年底前 / 年内 → 12-31; an explicit year wins.
    """
    found: list[tuple[int, Deadline]] = []
    taken: list[tuple[int, int]] = []  # disjoint spans, kept sorted: one look-up each (not all of them)
    if "年" not in text and "月" not in text and "季" not in text:
        return []
    for pattern, kind, needed in _DEADLINE_PATTERNS:
        for word in needed:  # one of the strings every match holds (inlined: no call per pattern)
            if word in text:
                break
        else:
            continue
        for m in pattern.finditer(text):
            k = bisect.bisect_left(taken, (m.end(),))  # spans starting before this match ends
            if k and taken[k - 1][1] > m.start():  # the last of them ends after it starts: they overlap
                continue
            groups = m.groupdict()
            y = int(groups["y"]) if groups.get("y") else year
            date = None
            if y is not None:
                if kind == "day":
                    date = _iso(y, int(groups["m"]), int(groups["d"]))
                elif kind == "month":
                    date = _month_end(y, int(groups["m"]))
                elif kind == "quarter":
                    date = _month_end(y, _QUARTERS[groups.get("q") or groups.get("q2")])
                elif kind == "h1":
                    date = _iso(y, 6, 30)
                else:
                    date = _iso(y, 12, 31)
            bisect.insort(taken, (m.start(), m.end()))
            found.append((m.start(), Deadline(m.group(0), date)))
    return [d for _, d in sorted(found, key=lambda item: item[0])]
