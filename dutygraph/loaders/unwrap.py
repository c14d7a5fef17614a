"""A hard-wrapped copy (a PDF or a word processor's text export) with its paragraphs joined again, early.

Such a copy breaks every long paragraph into lines of one width, wherever the width falls: inside a word, a unit
name or a clause (``…(市住建局`` / ``牵头,市财政局配合)``), a label's list (``牵头单位:市发展`` / ``改革委``).
A copy is taken as wrapped when many lines share one length, the longest but a few, and most of them end
mid-sentence: the document's own width. A line that fills the width and does not end a sentence is joined with
the next one, unless that one opens an item, a label, a heading, a table row. The width is measured on the text as
printed (before any folding: a gloss or a letter-spacing stripped would shorten the lines), and the lines are
joined in the printed text, so that every later step (folding, the readers) sees the paragraphs whole; each joined
line keeps the number of its first line, and the facts read from it span every line it was joined from
(:func:`stretch_spans`).

>>> text = "\\n".join(["一、重点任务", "1.建设城市绿道十公里,提升滨江", "风光带品质。(市住建局牵头,市", "财政局配合)",
...                   "2.治理城区黑臭水体三处,完成河", "道清淤。(市水利局负责)", "3.新建公园两个,改造街头游园", "五处。"])
>>> joined, numbers = unwrap_text(to_lines(text))
>>> joined.split("\\n"), numbers
(['一、重点任务', '1.建设城市绿道十公里,提升滨江风光带品质。(市住建局牵头,市财政局配合)', '2.治理城区黑臭水体三处,完成河道清淤。(市水利局负责)', '3.新建公园两个,改造街头游园五处。'], [1, 2, 5, 7])
"""

from __future__ import annotations

import re
from collections import Counter
from operator import attrgetter

from ..model import Provenance
from ..text.markers import match_item
from .lines import Line, to_lines
from .labels import match_label, opens_with_spaced_label

# What ends a paragraph at a line's end: a sentence's stop. A colon or a semicolon does not: a label's content or
# a list's next clause may go on after the break (牵头单位: / 市发展改革委; 市财政局; / 市税务局).
_ENDS = tuple("。！？!?")
# Brackets a clause stands in ((牵头单位:…), [牵头单位:…], 【…】): a line leaving one open goes on in the next.
_OPENING, _CLOSING = "(（[［【", ")）]］】"
_BRACKETS = frozenset(_OPENING + _CLOSING)
_DASHES = tuple("-－—~～")
_COMMAS = tuple("、，,")

_RAW, _TEXT = attrgetter("raw"), attrgetter("text")
MIN_WIDTH = 16      # characters: a page narrower than this is a column of cells, not a wrapped text
MIN_WRAPPED = 4     # lines of the width (or one less) a wrapped copy has at least
MIN_FEW = 3         # … or a short one, with no longer line, its width a page's (no wider than MAX_FEW_WIDTH)
MAX_FEW_WIDTH = 100
OPEN_SHARE = 2 / 3  # of those, the share ending mid-sentence (a text's own long lines mostly end with 。)
LONGER_SHARE = 1 / 4  # lines longer than the width (by more than two), per line of the width, at most


# What opens a new line in any copy: an item's marker, an article, an annex.
_STARTS_ITEM = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,3}[、.．](?!\d)"
                          r"|[①-⑳]|第[一二三四五六七八九十\d]{1,3}[条章节]|附件)")


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


def wrap_width(raws: list[str]) -> int | None:
    """The width the lines ``raws`` (as printed) were hard-wrapped at, in characters, or None.

    >>> raws = ["各乡镇要加强组织领导切实做好秸秆禁烧工作确保不发生火点"[:20]] * 4 + ["完成。"]
    >>> wrap_width(raws), wrap_width(raws[:3] + ["一二三四五六七八九十一二三四五六七八九十一二三。"] * 2)
    (20, None)
    """
    found = _common_width(Counter(map(len, raws)))
    if found is None or not found[2]:
        return None
    sizes = [len(raw.rstrip()) for raw in raws]
    return found[0] if _opened(raws, sizes, found[0], found[1], 1) else None


def _display(raw: str) -> int:
    """Twice the width ``raw`` takes on a page: a CJK character (three bytes in UTF-8) two columns, a Latin one or a
    digit (one byte) one; 2 × columns = characters + bytes."""
    raw = raw.rstrip()
    return len(raw) + len(raw.encode("utf-8"))


def _common_width(counts: Counter, slack: int = 1, scale: int = 1) -> tuple[int, int, bool] | None:
    """The longest size many lines have (or up to ``slack`` less), with the number of lines at it and whether few
    lines are longer: a wrapped copy's lines are no longer than its width, and many of its shorter ones (names,
    headings, cells) may share other sizes. A short copy may show only MIN_FEW lines of its width: then no line may
    be longer and the width must be a page's. Sizes are characters (``scale`` 1, a character shorter still full),
    or twice the columns a line takes on the page (``scale`` 4, ``slack`` 3: a CJK character shorter still full)."""
    least = MIN_WIDTH * scale

    get = counts.get

    def window(m: int) -> int:
        return get(m, 0) + get(m - 1, 0) if slack == 1 else sum(get(m - i, 0) for i in range(slack + 1))

    # in characters, two sizes a line apart hold MIN_FEW lines only if one holds two: most texts have few such
    # sizes, and the longest of them is looked at first (this runs on every document)
    lowest = least - slack
    sizes = sorted([n for n, count in counts.items() if count > 1 and n >= lowest] if slack == 1
                   else [n for n in counts if n >= lowest], reverse=True)

    def longest(at_least: int, cap: int) -> int:
        for n in sizes:
            for m in range(n + slack, n - 1, -1):
                if least <= m <= cap and m in counts and window(m) >= at_least:
                    return m
        return 0

    top = longest(MIN_WRAPPED, 1 << 30)
    few = not top
    if few:
        top = longest(MIN_FEW, MAX_FEW_WIDTH * scale)
        if not top:
            return None
    width = max(range(top - slack, top + 1), key=lambda n: (window(n), n))
    near = window(width)
    if width < least:
        return None
    longer = sum(map(counts.__getitem__, filter((width + 2 * scale).__lt__, counts)))  # in C
    return width, near, longer <= (0 if few else LONGER_SHARE * near)


def _opened(raws: list[str], sizes: list[int], width: int, near: int, slack: int) -> bool:
    """Whether most lines of the width (or up to ``slack`` less) end mid-sentence (a text's own long lines mostly
    end a sentence; a list's lines of one length too); all of them, when they are few."""
    ends = sum(1 for raw, n in zip(raws, sizes) if width - slack <= n <= width and raw.rstrip().endswith(_ENDS))
    return ends <= (1 - OPEN_SHARE) * near if near >= MIN_WRAPPED else not ends


def unwrap_text(lines: list[Line], printed: str | None = None) -> tuple[str, list[int]] | None:
    """The text of ``lines`` with its hard-wrapped lines joined again, and per line of it the number of its first
    line; None when the text is not wrapped (or nothing joins). ``lines`` are the text's lines as read (folded to
    Simplified script, corpus notes blank): their texts tell where an item, a label or a row opens. ``printed`` is
    the text as printed when folding changed it: the width is measured, and the lines joined, on it (when it has as
    many lines).

    A copy wrapped at a number of characters shows many lines of one length; a PDF copy, wrapped where the page's
    width fills, many lines of one width on the page, their length in characters longer where half-width letters,
    digits or commas stand in them. The width is sought in characters, then, where lines longer than that width
    stand in the way or its lines are few, on the page."""
    raws = None
    if printed is not None:
        raws = (printed.replace("\r\n", "\n").replace("\r", "\n") if "\r" in printed else printed).split("\n")
        if raws and raws[-1] == "":
            raws.pop()
        if len(raws) != len(lines):
            raws = None
    counts = Counter(map(len, raws if raws is not None else map(_RAW, lines)))  # in C: this runs on every document
    notes = [k for k, line in enumerate(lines[:3]) if not line.text and line.raw]  # corpus notes (# source: …)
    for k in notes:
        counts[len(raws[k] if raws is not None else lines[k].raw)] -= 1
    found = _common_width(counts)
    # lines longer than a width, all of them within twice its length: a copy wrapped on the page, maybe
    if found is None or not found[2] and max(counts) > 2 * found[0] + 2:
        return None
    if raws is None:
        raws = list(map(_RAW, lines))
    sizes, slack = [len(raw.rstrip()) for raw in raws], 1
    displays = list(map(_display, raws))
    shown = Counter(displays)
    for k in notes:
        shown[displays[k]] -= 1
    on_page = _common_width(shown, 3, 4)
    if on_page is not None and on_page[2] and (not found[2] or on_page[1] > found[1]):
        found, sizes, slack = on_page, displays, 3
    if not found[2] or not _opened(raws, sizes, found[0], found[1], slack):
        return None
    width = found[0]
    out: list[str] = []
    numbers: list[int] = []
    joining = False
    joined = False
    depth = 0  # brackets the paragraph so far leaves open
    continued = False  # the line goes on a paragraph (joined to the line above)
    after_comma = False
    full = False  # the line above fills the width
    indented = _indents_paragraphs(raws, sizes, width - slack)
    para = -1  # the paragraph being joined: out[para]
    held: list[tuple[str, Line]] = []  # blank lines and a page's number between a paragraph's two parts
    for raw, line, n in zip(raws, lines, sizes):
        text = line.text
        if joining and not text:
            held.append((raw, line))  # a page break inside a paragraph (blank lines around its number), maybe
            continue
        fits = text and (not _starts_new(line) or depth > 0 and not _opens_item(text)
                         or after_comma and _only_item(line))
        if indented and full and text and not held:  # the indent, not the stop, tells a paragraph's first line
            goes_on = fits and (not raw[:1].isspace() or depth > 0)  # a bracket left open goes on all the same
        else:
            goes_on = joining and fits and (not held or any(not ln.blank_cell and ln.raw.strip() for _, ln in held))
        if goes_on:
            left = out[para].rstrip()
            out[para] = left + (" " if left != out[para] or raw[:1].isspace() else "") + raw.strip()
            joined = continued = True
            for held_raw, held_line in held:  # the page break's lines after the paragraph (blank: they read nothing)
                out.append(held_raw)
                numbers.append(held_line.no)
        else:
            for held_raw, held_line in held:
                out.append(held_raw)
                numbers.append(held_line.no)
            out.append(raw)
            numbers.append(line.no)
            para = len(out) - 1
            depth = 0
            continued = False
        held = []
        if _BRACKETS.intersection(text):
            depth = max(0, depth + sum(map(text.count, _OPENING)) - sum(map(text.count, _CLOSING)))
        # a line that fills the width and ends mid-sentence goes on in the next one; inside a bracket, even where
        # its words stand apart like a row's cells ((牵头单位:市X局  责任单位:市Y / 局)), or where it broke early
        # at such a space ((牵头单位:市X局 / 责任单位:市Y局)), when it fills half the width or goes on a paragraph
        # A number range cut at its dash (5- / 6月) goes on as well. After a comma or an enumeration comma the
        # next line opens no item, whatever it opens with (…东部绥滨、/ 八五九、二九〇农场…: a name, no heading).
        full = bool(text) and n >= width - slack and not _is_row(line)
        joining = bool(text) and not text.endswith(_ENDS) and (
            n >= width - slack and (depth > 0 or not _is_row(line))
            or (depth > 0 or text.endswith(_DASHES)) and (continued or 2 * n >= width))
        after_comma = text.endswith(_COMMAS)
    for held_raw, held_line in held:
        out.append(held_raw)
        numbers.append(held_line.no)
    return ("\n".join(out), numbers) if joined else None


def _indents_paragraphs(raws: list[str], sizes: list[int], full: int) -> bool:
    """Whether the copy indents each paragraph's first line (as a PDF copy of a plan mostly does) and not the lines
    a paragraph goes on in (after a line of size ``full`` or more): then the indent, not the stop, tells where a
    paragraph starts after a full line (…。 / 持续推进… goes on; …建设 / 　　二是… starts anew).

    >>> raws = ["　　一是加强领导,健全机制。", "　　二是压实责任,加强考核,确保", "各项任务落实。"] * 3
    >>> _indents_paragraphs(raws, [len(raw) for raw in raws], 15)
    True
    """
    firsts = goes_on = indented_firsts = indented_goes_on = 0
    above_full = False
    for raw, n in zip(raws, sizes):
        stripped = raw.strip()
        if not stripped:
            above_full = False
            continue
        indent = raw[:1].isspace()
        if above_full:
            goes_on += 1
            indented_goes_on += indent
        else:
            firsts += 1
            indented_firsts += indent
        above_full = n >= full and not stripped.endswith(_ENDS)
    return indented_firsts >= 3 and 3 * indented_firsts >= 2 * firsts and 3 * indented_goes_on <= goes_on


def _only_item(line: Line) -> bool:
    """Whether the line opens like an item and like nothing else a new line opens with (a label, a row, a cell)."""
    text = line.text
    return (_opens_item(text) and match_label(text) is None and "|" not in text and text[0] not in _BOX_STROKES
            and not _is_row(line))


def _opens_item(text: str) -> bool:
    return _STARTS_ITEM.match(text) is not None or match_item(text) is not None


def joined_ends(numbers: list[int], count: int) -> dict[int, int]:
    """Per joined line's number (its first line's), the number of the last line it was joined from, where that is
    a later line; ``count`` is the number of lines of the text as printed.

    >>> joined_ends([1, 2, 5, 7], 8)
    {2: 4, 5: 6, 7: 8}
    """
    ends = {}
    for k, first in enumerate(numbers):
        last = numbers[k + 1] - 1 if k + 1 < len(numbers) else count
        if last > first:
            ends[first] = last
    return ends


def stretch_spans(facts, ends: dict[int, int]) -> None:
    """Each fact's provenance ending on a joined line ends on the last line that was joined into it (a task read
    from one joined paragraph spans the printed lines it came from)."""
    for fact in facts:
        prov = getattr(fact, "provenance", None)
        if prov is not None and prov.last_line in ends:
            fact.provenance = Provenance(prov.file, prov.first_line, ends[prov.last_line])
        for assignment in getattr(fact, "assignments", ()):
            prov = assignment.provenance
            if prov is not None and prov.last_line in ends:
                assignment.provenance = Provenance(prov.file, prov.first_line, ends[prov.last_line])


def renumbered(lines: list[Line], numbers: list[int]) -> list[Line]:
    """``lines`` read from an unwrapped text, each numbered as the first line it was joined from."""
    return [Line(numbers[k], ln.raw, ln.text, ln.blank_cell) if k < len(numbers) else ln for k, ln in enumerate(lines)]


__all__ = ["unwrap_text", "wrap_width", "renumbered", "joined_ends", "stretch_spans", "to_lines"]
