"""Lines that lost their breaks: a whole plan glued into one line by a copy (template sites, PDF text).

Such a line holds several items and labels one after the other
("…(一)建筑施工场地:…环境卫生。牵头领导:阮斌副局长责任部门:建工科、安全站(二)小街巷…"). It is cut,
outside brackets, before every sub-item marker and every role label, into pieces that keep the
line's number, so that the outline reader sees items and label lines as a plan prints them. A page
footer glued in (第 1 页共 5 页) is dropped. Lines that do not hold at least two labels not at their
start are left as they are.

>>> from .lines import to_lines
>>> ls = unglue(to_lines("前言(一)整治工地:做到围挡。牵头领导:阮某副局长责任部门:建工科、安全站(二)整治小巷:修路。责任部门:城建科" * 4))
>>> [ln.text for ln in ls][:4]
['前言', '(一)整治工地:做到围挡。', '牵头领导:阮某副局长', '责任部门:建工科、安全站']
>>> {ln.no for ln in ls}
{1}
"""

from __future__ import annotations

import re

from ..text.normalize import CLOSE_BRACKETS, OPEN_BRACKETS
from ..text.markers import chinese_numeral
from ..text.units import ROLE_WORDS, looks_like_unit_list
from .labels import LABEL_ANYWHERE, iter_labels
from .lines import Line

MAX_LABEL_NAMES = 80  # characters of the names after a label, at most, before the next item's marker
MIN_GLUED = 200  # characters: a line shorter than this is a paragraph, not a glued page
_ITEM = re.compile(r"[(（][一二三四五六七八九十]{1,3}[)）]")
_FOOTER = re.compile(r"第\d{1,4}页(?:/|共)\d{1,4}页")


def _cuts(text: str) -> list[int]:
    """Where pieces start: item markers and labels outside brackets, not at the line's start."""
    depth_at = []
    depth = 0
    for ch in text:
        depth_at.append(depth)
        if ch in OPEN_BRACKETS:
            depth += 1
        elif ch in CLOSE_BRACKETS:
            depth = max(0, depth - 1)
    starts = {m.start() for m in _ITEM.finditer(text)}
    starts |= {m.start() for m in iter_labels(text)}
    return sorted(i for i in starts if i > 0 and depth_at[i] == 0)


# Item markers of one list printed in a row: (1)…(2)…(3)…, (一)…(二)…, 1、…2、…, 一、…, 1.…; the group that
# matched tells the style. A number does not start inside another (no digit or dot before 1、, no numeral before
# 一、): each look-behind stands after the first character it guards, (\d(?<![\d.]\d)\d?) for (?<![\d.])(\d{1,2}),
# so that every branch opens with a character re can skip to (three times faster on long paragraphs).
_NUMERAL = "[一二三四五六七八九十]"
_NUMBERED = re.compile(r"[(（](\d{1,2})[)）]|[(（](" + _NUMERAL + r"{1,3})[)）]|(\d(?<![\d.]\d)\d?)、"
                       r"|(" + _NUMERAL + "(?<!" + _NUMERAL * 2 + ")" + _NUMERAL + r"{0,2})、"
                       r"|(\d(?<![\d.．]\d)\d?)[.．](?![\d%])")
MIN_RUN = 3
_ROLE = re.compile("|".join(ROLE_WORDS))
# The first item of a list: (1) (一) 1、 1. 一、 not inside a number. Each look-behind stands after the character it
# guards (1(?<![\d.．]1) is (?<![\d.．])1), and every branch opens with one character (each bracket a branch of its
# own): re then skips in C to the places holding one of them, instead of trying every branch at every place.
_FIRST = re.compile(r"\([1一][)）]|（[1一][)）]|1(?<![\d.．]1)[、.．](?![\d%])|一(?<![一二三四五六七八九十]一)、")
MIN_PAGE = 600  # characters: a line this long is a page glued together, not one long paragraph
HEADED_LIST = re.compile(r"^[^:：。]{2,30}?[:：][(（]1[)）]")
_BRACKET = re.compile("[" + re.escape("".join(OPEN_BRACKETS) + "".join(CLOSE_BRACKETS)) + "]")


# The digit or numeral and the mark closing every marker _NUMBERED matches (1) 2、 三、 4.): a run needs as many
# (one scan of a character class in C before the slower pattern; so many are never fewer than its markers).
_MARK_END = re.compile(r"[\d" + _NUMERAL[1:-1] + "][)）、.．]")


def _list_cuts(text: str, min_run: int = MIN_RUN) -> list[int]:
    """Where the items of numbered lists glued into ``text`` start: runs of at least ``min_run`` markers of
    one style numbered one after the other (1, 2, 3 …), outside brackets."""
    if _FIRST.search(text) is None or len(_MARK_END.findall(text)) < min_run:
        return []  # every list starts at its first item; every marker ends in a digit or numeral and its mark
    marks = list(_NUMBERED.finditer(text))
    if len(marks) < min_run:
        return []
    depth_at: dict[int, int] = {}  # bracket depth at each marker, from one pass over the brackets
    depth = 0
    brackets = iter(_BRACKET.finditer(text))
    pending = next(brackets, None)
    for m in marks:
        while pending is not None and pending.start() < m.start():
            depth = depth + 1 if pending.group() in OPEN_BRACKETS else max(0, depth - 1)
            pending = next(brackets, None)
        depth_at[m.start()] = depth
    runs: dict[int, list[tuple[int, int]]] = {}  # style -> (position, number) of the current run
    cuts: set[int] = set()
    for m in marks:
        if depth_at[m.start()]:
            continue
        style = m.lastindex
        raw = m.group(style)
        number = int(raw) if raw.isdigit() else chinese_numeral(raw)
        run = runs.setdefault(style, [])
        if run and number != run[-1][1] + 1:
            if len(run) >= min_run:
                cuts.update(i for i, _ in run)
            run.clear()
        if number == 1 or run:
            run.append((m.start(), number))
    for run in runs.values():
        if len(run) >= min_run:
            cuts.update(i for i, _ in run)
    return sorted(i for i in cuts if i > 0)


def unglue(lines: list[Line]) -> list[Line]:
    """The lines with every glued page line cut into its items and labels."""
    out: list[Line] = []
    for line in lines:
        text = line.text
        # 一、党委工作职责:(1)…(2)…(3)…: items glued after a heading (the pattern needs its (1): looked for first)
        if ("1)" in text or "1）" in text) and HEADED_LIST.match(text):
            out.extend(_cut_lists(line))
            continue
        if len(text) < MIN_GLUED:
            out.append(line)
            continue
        page = len(text) >= MIN_PAGE  # a whole page glued; a shorter line is a paragraph, its lists its own
        # two labels need two colons (each label ends with its own): count them before the label pattern runs
        if text.count(":") + text.count("：") < 2 or \
                sum(1 for m in iter_labels(text) if m.start() > 0) < 2:
            if page:  # no labels glued: only its numbered lists
                out.extend(_cut_lists(line, 2))
            else:  # a paragraph with a list inside it stays whole, unless its items name their own units
                pieces = _cut_lists(line)
                out.extend(pieces if sum(1 for p in pieces if _ROLE.search(p.text)) >= 2 else [line])
            continue
        text = _FOOTER.sub("", text)
        cuts = _cuts(text)
        labels = sum(1 for i in cuts if LABEL_ANYWHERE.match(text, i))
        if labels < 2:
            out.append(line)
            continue
        cuts = sorted(set(cuts) | set(_list_cuts(text, 2 if page else MIN_RUN)))
        cuts = sorted(set(cuts) | set(_items_after_labels(text, cuts)))
        bounds = [0, *cuts, len(text)]
        for a, b in zip(bounds, bounds[1:]):
            piece = text[a:b]
            if piece:
                out.append(Line(line.no, piece, piece, False))
    return out


def _items_after_labels(text: str, cuts: list[int]) -> list[int]:
    """Item markers right after the sentence end of a label piece (…。责任单位:X、Y。2.对实际投资…): the label
    closed the item before, the next item starts there, however few items the line holds.

    >>> t = "1.做好甲。责任单位:市财政局。2.做好乙。责任单位:市商务局。"
    >>> _items_after_labels(t, [6, 22])
    [16]

    The names of the label may run into the next item's marker with nothing between them:

    >>> t = "(1)做好甲。责任单位:县医院、县保健院(2)做好乙。责任单位:县卫健局3.做好丙。"
    >>> _items_after_labels(t, [7, 27])
    [20, 36]
    """
    out: list[int] = []
    bounds = [*cuts, len(text)]
    for a, b in zip(bounds, bounds[1:]):
        if (label := LABEL_ANYWHERE.match(text, a)) is None:
            continue
        at = text.find("。", a, b)
        while at >= 0:
            if _NUMBERED.match(text, at + 1) is not None:
                out.append(at + 1)
                break
            at = text.find("。", at + 1, b)
        else:  # the label's names with the next item's marker glued right after them (…:县医院、县保健院(3)…)
            m = _NUMBERED.search(text, label.end(), min(b, label.end() + MAX_LABEL_NAMES))
            if m is not None and m.start() > label.end() and looks_like_unit_list(text[label.end():m.start()]):
                out.append(m.start())
    return out


def _cut_lists(line: Line, min_run: int = MIN_RUN) -> list[Line]:
    """A long line cut before the items of the numbered lists glued into it (or the line as it is)."""
    text = _FOOTER.sub("", line.text) if "页" in line.text else line.text
    cuts = _list_cuts(text, min_run)
    if not cuts:
        return [line]
    if min_run > 2:  # one list is glued here: the headings of two items around it are too (一、…二、…)
        cuts = _list_cuts(text, 2)
    bounds = [0, *cuts, len(text)]
    return [Line(line.no, text[a:b], text[a:b], False) for a, b in zip(bounds, bounds[1:]) if text[a:b]]
