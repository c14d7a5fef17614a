"""A hard-wrapped copy (a PDF or a word processor's text export) with its paragraphs joined again, early.

Such a copy breaks every long paragraph into lines of one width, wherever the width falls: inside a word, a unit
name or a clause (``…(市住建局`` / ``牵头,市财政局配合)``), a label's list (``牵头单位:市发展`` / ``改革委``).
A copy is taken as wrapped when many lines share one length, the longest but a few, and most of them end
mid-sentence: the document's own width. A line that fills the width and does not end a sentence is joined with
the next one, unless that one opens an item, a label, a heading, a table row. The width is measured on the text as
printed (before any folding: a gloss or a letter-spacing stripped would shorten the lines), and the lines are
joined in the printed text, so that every later step (folding, the readers) sees the paragraphs whole; each joined
line keeps the number of its first line.

>>> text = "\\n".join(["一、重点任务", "1.建设城市绿道十公里,提升滨江", "风光带品质。(市住建局牵头,市", "财政局配合)",
...                   "2.治理城区黑臭水体三处,完成河", "道清淤。(市水利局负责)", "3.新建公园两个,改造街头游园", "五处。"])
>>> joined, numbers = unwrap_text(text, to_lines(text))
>>> joined.split("\\n"), numbers
(['一、重点任务', '1.建设城市绿道十公里,提升滨江风光带品质。(市住建局牵头,市财政局配合)', '2.治理城区黑臭水体三处,完成河道清淤。(市水利局负责)', '3.新建公园两个,改造街头游园五处。'], [1, 2, 5, 7])
"""

from __future__ import annotations

from collections import Counter

from ..text.markers import match_item
from .lines import Line, to_lines
from .labels import match_label
from .reflow import _BOX_STROKES, _STARTS_ITEM, _is_row, _starts_new

# What ends a paragraph at a line's end: a sentence's stop. A colon or a semicolon does not: a label's content or
# a list's next clause may go on after the break (牵头单位: / 市发展改革委; 市财政局; / 市税务局).
_ENDS = tuple("。！？!?")
# Brackets a clause stands in ((牵头单位:…), [牵头单位:…], 【…】): a line leaving one open goes on in the next.
_OPENING, _CLOSING = "(（[［【", ")）]］】"
_BRACKETS = frozenset(_OPENING + _CLOSING)
_DASHES = tuple("-－—~～")
_COMMAS = tuple("、，,")

MIN_WIDTH = 16      # characters: a page narrower than this is a column of cells, not a wrapped text
MIN_LINE = 12       # characters: shorter lines (names, headings, cells) play no part in finding the width
MIN_WRAPPED = 4     # lines of the width (or one less) a wrapped copy has at least
OPEN_SHARE = 2 / 3  # of those, the share ending mid-sentence (a text's own long lines mostly end with 。)
LONGER_SHARE = 1 / 4  # lines longer than the width (by more than two), per line of the width, at most


def wrap_width(raws: list[str], texts: list[str]) -> int | None:
    """The width ``raws`` (the lines as printed) were hard-wrapped at, or None; ``texts`` are their cleaned texts
    (an empty text: a line that takes no part, as a corpus note).

    >>> raws = ["各乡镇要加强组织领导切实做好秸秆禁烧工作确保不发生火点"[:20]] * 4 + ["完成。"]
    >>> wrap_width(raws, raws), wrap_width(raws[:3] + ["一二三四五六七八九十一二三四五六七八九十一二三。"] * 2, raws)
    (20, None)
    """
    lengths = Counter(len(raw) for raw, text in zip(raws, texts) if len(raw) >= MIN_LINE and text)
    if not lengths:
        return None
    # the longest length many lines have (or one less): a wrapped copy's lines are no longer than its width, and
    # many of its shorter ones (names, headings, cells) may share other lengths
    common = [n for n in lengths if lengths[n] + lengths.get(n - 1, 0) >= MIN_WRAPPED]
    if not common:
        return None
    top = max(common)
    width = max((top, top - 1), key=lambda n: (lengths.get(n, 0) + lengths.get(n - 1, 0), n))
    near = lengths.get(width, 0) + lengths.get(width - 1, 0)
    if width < MIN_WIDTH:
        return None
    longer = sum(count for n, count in lengths.items() if n > width + 2)
    if longer > LONGER_SHARE * near:
        return None
    opened = sum(1 for raw, text in zip(raws, texts)
                 if text and width - 1 <= len(raw) <= width and not raw.rstrip().endswith(_ENDS))
    return width if opened >= OPEN_SHARE * near else None


def unwrap_text(text: str, lines: list[Line]) -> tuple[str, list[int]] | None:
    """``text`` with its hard-wrapped lines joined again, and per line of it the number of its first line; None
    when the text is not wrapped (or nothing joins). ``lines`` are the text's lines as read (folded to Simplified
    script, corpus notes blank): their texts tell where an item, a label or a row opens; the width is measured on
    ``text`` itself, when it has as many lines."""
    raws = text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if "\r" in text else text.split("\n")
    if raws and raws[-1] == "":
        raws.pop()
    if len(raws) != len(lines):
        raws = [line.raw for line in lines]
    texts = [line.text for line in lines]
    width = wrap_width(raws, texts)
    if width is None:
        return None
    out: list[str] = []
    numbers: list[int] = []
    joining = False
    joined = False
    depth = 0  # brackets the paragraph so far leaves open
    continued = False  # the line goes on a paragraph (joined to the line above)
    after_comma = False
    for raw, line in zip(raws, lines):
        text = line.text
        if joining and text and (not _starts_new(line) or depth > 0 and not _opens_item(text)
                                 or after_comma and _only_item(line)):
            left = out[-1].rstrip()
            out[-1] = left + (" " if left != out[-1] or raw[:1].isspace() else "") + raw.strip()
            joined = continued = True
        else:
            out.append(raw)
            numbers.append(line.no)
            depth = 0
            continued = False
        if _BRACKETS.intersection(text):
            depth = max(0, depth + sum(map(text.count, _OPENING)) - sum(map(text.count, _CLOSING)))
        # a line that fills the width and ends mid-sentence goes on in the next one; inside a bracket, even where
        # its words stand apart like a row's cells ((牵头单位:市X局  责任单位:市Y / 局)), or where it broke early
        # at such a space ((牵头单位:市X局 / 责任单位:市Y局)), when it fills half the width or goes on a paragraph
        # A number range cut at its dash (5- / 6月) goes on as well. After a comma or an enumeration comma the
        # next line opens no item, whatever it opens with (…东部绥滨、/ 八五九、二九〇农场…: a name, no heading).
        n = len(raw.rstrip())
        joining = bool(text) and not text.endswith(_ENDS) and (
            n >= width - 1 and (depth > 0 or not _is_row(line))
            or (depth > 0 or text.endswith(_DASHES)) and (continued or 2 * n >= width))
        after_comma = text.endswith(_COMMAS)
    return ("\n".join(out), numbers) if joined else None


def _only_item(line: Line) -> bool:
    """Whether the line opens like an item and like nothing else a new line opens with (a label, a row, a cell)."""
    text = line.text
    return (_opens_item(text) and match_label(text) is None and "|" not in text and text[0] not in _BOX_STROKES
            and not _is_row(line))


def _opens_item(text: str) -> bool:
    return _STARTS_ITEM.match(text) is not None or match_item(text) is not None


def renumbered(lines: list[Line], numbers: list[int]) -> list[Line]:
    """``lines`` read from an unwrapped text, each numbered as the first line it was joined from."""
    return [Line(numbers[k], ln.raw, ln.text, ln.blank_cell) if k < len(numbers) else ln for k, ln in enumerate(lines)]


__all__ = ["unwrap_text", "wrap_width", "renumbered", "to_lines"]
