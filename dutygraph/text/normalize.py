"""Small string helpers shared by the rules.

>>> clean("  市环保局\\u00a0\\u3000")
'市环保局'
"""

from __future__ import annotations

import re
from functools import lru_cache

NBSP = "\u00a0"

OPEN_BRACKETS = "(（〔[［【《<〈「『"
CLOSE_BRACKETS = ")）〕]］】》>〉」』"

_BRACKETS = re.compile("[" + re.escape(OPEN_BRACKETS + CLOSE_BRACKETS) + "]")


@lru_cache(maxsize=32)
def _splitter(separators: str) -> re.Pattern:
    return re.compile("[" + re.escape(separators) + "]")


SENTENCE_PUNCT = "。；;：:！!？?"
CLAUSE_PUNCT = "，,"


_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff]")


def drop_zero_width(text: str) -> str:
    """Remove zero-width characters, which ``str.split`` does not count as space."""
    if "\u200b" in text or "\u200c" in text or "\u200d" in text or "\ufeff" in text:  # faster than a regex scan
        return _ZERO_WIDTH.sub("", text)
    return text


def clean(text: str) -> str:
    """Remove every kind of white space (cells in flattened tables carry stray spaces)."""
    return "".join(drop_zero_width(text).split())  # str.split() knows NBSP and the ideographic space


def bracket_depth_split(text: str, separators: str) -> list[str]:
    """Split ``text`` on any of ``separators`` that is not inside brackets.

    >>> bracket_depth_split("市交通局(市港航局、市海事局)、市财政局", "、")
    ['市交通局(市港航局、市海事局)', '市财政局']

    A bracket still open at the end of a text, opened more than :data:`MAX_OPEN` characters before it, was
    never closed (a page's copy lost it) and hides no separator:

    >>> page = "湘政发〔2023 1号各市州:" + "现将意见印发给你们,请认真贯彻落实。" * 9 + "各地区要加强领导。"
    >>> bracket_depth_split(page, "。")[-2:]
    ['各地区要加强领导', '']
    """
    if _BRACKETS.search(text) is None:  # the common case: a plain split
        return _splitter(separators).split(text)
    parts, start, depth, outer = _split_outside(text, _splitter(OPEN_BRACKETS + CLOSE_BRACKETS + separators))
    if depth and len(text) - outer > MAX_OPEN:  # a bracket never closed (湘发〔2016 31号…, a page's copy)
        rest = _split_unclosed(text[outer:], separators)  # no separator stood outside brackets since the last split
        return parts + [text[start:outer] + rest[0], *rest[1:]]
    parts.append(text[start:])
    return parts


MAX_OPEN = 150  # characters: a bracket open to the end of a text this long was never closed, and holds nothing


def _split_unclosed(text: str, separators: str) -> list[str]:
    """``text`` split on ``separators`` outside brackets, the brackets still open at its end that opened more than
    :data:`MAX_OPEN` characters before it read as characters (two passes: linear however many stay open)."""
    pattern = _splitter(OPEN_BRACKETS + CLOSE_BRACKETS + separators)
    opened: list[int] = []
    for m in pattern.finditer(text):
        ch = m.group()
        if ch in OPEN_BRACKETS:
            opened.append(m.start())
        elif ch in CLOSE_BRACKETS and opened:
            opened.pop()
    parts, start, _, _ = _split_outside(text, pattern, {at for at in opened if len(text) - at > MAX_OPEN})
    parts.append(text[start:])
    return parts


def _split_outside(text: str, pattern: re.Pattern, plain: set[int] | frozenset[int] = frozenset()
                   ) -> tuple[list[str], int, int, int]:
    """One walk over the brackets and separators ``pattern`` finds in ``text``: the parts ended by a separator
    outside brackets, where the last part starts, the depth at the end and where the outermost bracket still open
    opened. An opening bracket at a position in ``plain`` is read as a character.

    >>> _split_outside("甲(乙、丙)、丁", _splitter("()、"))
    (['甲(乙、丙)'], 7, 0, 1)
    """
    parts: list[str] = []
    depth = start = outer = 0
    for m in pattern.finditer(text):
        ch = m.group()
        if ch in OPEN_BRACKETS:
            if m.start() in plain:
                continue
            if not depth:
                outer = m.start()
            depth += 1
        elif ch in CLOSE_BRACKETS:
            depth = max(0, depth - 1)
        elif depth == 0:
            i = m.start()
            parts.append(text[start:i])
            start = i + 1
    return parts, start, depth, outer
