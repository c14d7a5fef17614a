"""Item numbers at the start of a line: (1) 1) 1、 1. ① and bare "1完成…".

Web dumps often lose brackets, so ``1)`` and a bare ``1`` glued to text are
markers too; a bare number counts only where it is the number expected next,
so that "2018年…" or "550个…" at the start of a sentence is never taken for one.

>>> match_item("(1)加快建设。")
ItemMarker(number=1, text='加快建设。', bare=False)
>>> match_item("2)摸清碳家底").number
2
>>> match_item("4全面淘汰城区内冶炼企业", expected=4).number
4
>>> match_item("2018年完成", expected=2) is None
True
>>> match_item("1.8亿元投资") is None
True
>>> match_item("③推进") .number
3
"""

from __future__ import annotations

import re
from functools import partial
from typing import NamedTuple

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_BRACKETED = re.compile(r"^[(（]\s*(\d{1,2})\s*[)）]\s*(.*)$")
_HALF = re.compile(r"^(\d{1,2})\s*[)）]\s*(.*)$")
_DOTTED = re.compile(r"^(\d{1,2})\s*[、.．]\s*(?=\D)(.*)$")
_NUMBERED = re.compile("|".join(p.pattern for p in (_BRACKETED, _HALF, _DOTTED)))  # the three, tried in order
_BARE = re.compile(r"^(\d{1,2})(?=[\u4e00-\u9fff])(.*)$")
_CHINESE_NUMERALS = "一二三四五六七八九十"
_DIGITS = {c: i + 1 for i, c in enumerate(_CHINESE_NUMERALS[:9])}
_SECTION = re.compile(r"^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.+)$")
_SUBSECTION = re.compile(r"^[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(.+)$")
ROW_NUMBER = re.compile(r"^\d{1,3}$")
# The characters an item marker may open with: a line opening with none of them holds no marker (a cheap test).
MARKER_STARTS = frozenset("0123456789(（" + CIRCLED)


class ItemMarker(NamedTuple):  # a tuple: cheaper to make than a frozen dataclass (once per table line)
    number: int
    text: str
    bare: bool = False


_new_marker = partial(tuple.__new__, ItemMarker)  # ItemMarker from a (number, text, bare) tuple, without its __new__


def match_item(line: str, expected: int | None = None) -> ItemMarker | None:
    """The numbered-item marker at the start of ``line``, if any.

    ``expected`` is the number that would come next; a marker without any
    bracket or stop ("1完成…") is accepted only when it equals it.
    """
    if not line or line[0] not in MARKER_STARTS:
        return None
    m = _NUMBERED.match(line)
    if m:
        k = m.lastindex  # the (number, text) groups of the pattern that matched are the last two
        number, text = m.group(k - 1, k)
        return _new_marker((int(number), text, False))
    if line[:1] and line[0] in CIRCLED:
        return ItemMarker(CIRCLED.index(line[0]) + 1, line[1:].lstrip())
    m = _BARE.match(line)
    if m and expected is not None and int(m.group(1)) == expected:
        return ItemMarker(int(m.group(1)), m.group(2), bare=True)
    return None


# Where an inline item may start: at the line's start, or after a clause or sentence ends (;；。,，) or a space.
_INLINE_BEFORE = frozenset(";；。,， \u3000")


def inline_items(line: str) -> list[str] | None:
    """The parts of a line holding several circled-number items inline (①…;②…;③…), each with its marker, or
    None when the line is not such a run: it opens with ① (or the number its first marker has), and each later
    part opens with the next number in turn, right after a clause or sentence ends. A circled number out of
    turn, or glued inside a clause (见①), stays in the text.

    >>> inline_items("①修订制度;②开展培训;③完成考核。")
    ['①修订制度;', '②开展培训;', '③完成考核。']
    >>> inline_items("①修订制度,见③;②开展培训")
    ['①修订制度,见③;', '②开展培训']
    >>> inline_items("①修订制度。") is None, inline_items("修订制度;②开展培训") is None
    (True, True)
    """
    if not line or line[0] not in CIRCLED:
        return None
    cuts = [0]
    nxt = CIRCLED.index(line[0]) + 1
    k = 1
    while nxt < len(CIRCLED):
        k = line.find(CIRCLED[nxt], k)
        if k < 0:
            break
        if line[k - 1] in _INLINE_BEFORE and line[k + 1:].strip():
            cuts.append(k)
            nxt += 1
        k += 1
    if len(cuts) < 2:
        return None
    cuts.append(len(line))
    return [line[a:b].rstrip() for a, b in zip(cuts, cuts[1:])]


def is_row_number(text: str) -> bool:
    """Whether a line's text is a row number, as :data:`ROW_NUMBER` matches it (without a regex).

    >>> is_row_number("12"), is_row_number("1234"), is_row_number("1)"), is_row_number("")
    (True, False, False, False)
    """
    return 0 < len(text) <= 3 and text.isdecimal()  # isdecimal is \d: Unicode category Nd


def chinese_numeral(text: str) -> int | None:
    """The value of a small Chinese numeral (一 … 九十九).

    >>> chinese_numeral("三"), chinese_numeral("十二"), chinese_numeral("二十")
    (3, 12, 20)
    """
    if not text or any(c not in _DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return _DIGITS.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (_DIGITS.get(tens, 1) if tens else 1) * 10 + (_DIGITS.get(ones, 0) if ones else 0)


def match_section(line: str) -> tuple[str, str] | None:
    """A top-level heading 一、总体思路 → ("一", "总体思路")."""
    m = _SECTION.match(line)
    return (m.group(1), m.group(2)) if m else None


def match_subsection(line: str) -> tuple[str, str] | None:
    """A second-level heading (一)全面深化两型改革。… → ("一", "全面深化两型改革。…")."""
    m = _SUBSECTION.match(line)
    return (m.group(1), m.group(2)) if m else None
