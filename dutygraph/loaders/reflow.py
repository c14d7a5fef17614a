"""Text hard-wrapped at a fixed width (a PDF or a word processor's text export): paragraphs joined again.

Such a copy breaks every long paragraph into lines of one width, wherever the width
falls, inside a word, a unit name or a clause: ``…加快建设。(市住建局`` / ``牵头,市财政局配合)``.
When most long lines have one length, the copy is taken as wrapped at that width and a
line that fills it is joined with the next, unless the line ends a sentence or the next
one starts an item, a label or a table row. A joined line keeps the number of its first
line, so a task read from it points at the line where its text starts.

>>> from .lines import to_lines
>>> text = "\\n".join(["一、重点任务", "1.建设城市绿道十公里,提升滨江", "风光带品质。(市住建局牵头,市", "财政局配合)",
...                   "2.治理城区黑臭水体三处,完成河", "道清淤。(市水利局负责)", "3.新建公园两个,改造街头游园", "五处。"])
>>> [(ln.no, ln.text) for ln in reflow(to_lines(text))]
[(1, '一、重点任务'), (2, '1.建设城市绿道十公里,提升滨江风光带品质。(市住建局牵头,市财政局配合)'), (5, '2.治理城区黑臭水体三处,完成河道清淤。(市水利局负责)'), (7, '3.新建公园两个,改造街头游园五处。')]
"""

from __future__ import annotations

import re
from collections import Counter
from operator import attrgetter

from ..text.markers import match_item
from .labels import match_label, opens_with_spaced_label
from .lines import Line

MIN_WIDTH = 12      # characters: narrower lines are cells or headings, not a wrapped page
MIN_WRAPPED = 0.4   # share of the long lines that must end at the width
MIN_LINES = 4
_ENDS = tuple("。！？!?；;：:")
_STARTS_ITEM = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,3}[、.．](?!\d)"
                          r"|[①-⑳]|第[一二三四五六七八九十\d]{1,3}[条章节]|附件)")


def wrap_width(lines: list[Line]) -> int | None:
    """The width the text was wrapped at, when it was (most long lines have that length, give or take one)."""
    lengths = [n for n in map(len, map(attrgetter("raw"), lines)) if n >= MIN_WIDTH]  # trailing spaces: rare
    if len(lengths) < MIN_LINES:
        return None
    counts = Counter(lengths)
    if 2 * max(counts.values()) < MIN_WRAPPED * len(lengths):
        return None  # no two lengths together are common enough (most texts: the test below would fail too)
    width, _ = max(counts.items(), key=lambda kv: (kv[1] + counts.get(kv[0] - 1, 0), kv[0]))
    near = counts[width] + counts.get(width - 1, 0)
    if near < MIN_LINES or near < MIN_WRAPPED * len(lengths) or width < max(lengths) - 2 and \
            sum(1 for n in lengths if n > width) > 0.1 * len(lengths):
        return None
    return width


def _starts_new(line: Line) -> bool:
    text = line.text
    return (not text or _STARTS_ITEM.match(text) is not None or match_item(text) is not None
            or match_label(text) is not None or "|" in text or text[0] in _BOX_STROKES or _is_row(line)
            or line.raw != text and opens_with_spaced_label(line.raw))  # 配合单位 区财政局: a space for the colon


# Cells apart with a tab or a run of spaces: a table row (a PDF copy pads its rows to one width), never wrapped.
_CELLS_APART = re.compile(r"\S(?:\t|[ \u3000]{2,})\S")


def _is_row(line: Line) -> bool:
    return len(line.raw) > len(line.text) and _CELLS_APART.search(line.raw.strip()) is not None


# A line of a box-drawn table starts with a stroke: the lines of such a table all have one width, none wrapped.
_BOX_STROKES = frozenset("│┃║├┤┼┌┐└┘┬┴┠┨╂┣┫╋┏┓┗┛╟╢╠╣╔╗╚╝╞╡╒╕╘╛")


def reflow(lines: list[Line]) -> list[Line]:
    """The lines with hard-wrapped paragraphs joined again (the lines as they are when the text is not wrapped)."""
    width = wrap_width(lines)
    if width is None:
        return lines
    out: list[Line] = []
    joining = False
    for line in lines:
        if joining and line.text and not _starts_new(line):
            last = out[-1]
            out[-1] = Line(last.no, last.raw.rstrip() + line.raw.strip(), last.text + line.text, False)
        else:
            out.append(line)
        current = out[-1]
        joining = bool(current.text) and len(line.raw.rstrip()) >= width - 1 and not current.text.endswith(_ENDS) \
            and not _is_row(line)
    return out
