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
    """
    if _BRACKETS.search(text) is None:  # the common case: a plain split
        return _splitter(separators).split(text)
    parts, depth, opened = _depth_split(text, separators, ())
    if depth and len(text) - opened[0] > MAX_OPEN:  # a bracket never closed (湘政发〔2023 1号…, a page's copy)
        parts = _depth_split(text, separators, {at for at in opened if len(text) - at > MAX_OPEN})[0]
    return parts


MAX_OPEN = 150  # characters: a bracket open to the end of a text this long was never closed, and holds nothing


def _depth_split(text: str, separators: str, plain) -> tuple[list[str], int, list[int]]:
    """The parts of ``text`` split on ``separators`` outside brackets (the opening brackets at ``plain`` read as
    characters), the depth at its end and where the brackets still open there stand.

    >>> page = "湘政发〔2023 1号各市州:" + "现将意见印发给你们,请认真贯彻落实。" * 9 + "各地区要加强领导。"
    >>> bracket_depth_split(page, "。")[-2:]
    ['各地区要加强领导', '']
    """
    parts: list[str] = []
    opened: list[int] = []
    start = 0
    for m in _splitter(OPEN_BRACKETS + CLOSE_BRACKETS + separators).finditer(text):  # brackets and separators only
        ch = m.group()
        if ch in OPEN_BRACKETS:
            if m.start() not in plain:
                opened.append(m.start())
        elif ch in CLOSE_BRACKETS:
            if opened:
                opened.pop()
        elif not opened:
            i = m.start()
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts, len(opened), opened
