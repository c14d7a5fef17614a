"""Lines that lost their breaks: a whole plan glued into one line by a copy (template sites, PDF text).

Such a line holds several items and labels one after the other
("…(一)建筑施工场地:…环境卫生。牵头领导:阮斌副局长责任部门:建工科、安全站(二)小街巷…"). It is cut,
outside brackets, before every sub-item marker and every role label, into pieces that keep the
line's number, so that the outline reader sees items and label lines as a plan prints them. A page
footer glued in (第 1 页共 5 页) is dropped. Lines that do not hold at least two labels outside brackets
are cut only before the items of their numbered lists (a list is trusted by its sequence: 1, 2, 3 … of one
style, 第一条 第二条 … after sentence ends; a number out of the sequence, 2.2025年底前, leaves it going), and
before the heading glued to a list's first item (…第一。市卫生局一、开展…; …清单一、县商务局牵头工作1.建设…;
二、主要任务(一)提高…). A bracket a copy never closed (〔2023 1号) holds nothing past 150 characters.

>>> from .lines import to_lines
>>> ls = unglue(to_lines("前言(一)整治工地:做到围挡。牵头领导:阮某副局长责任部门:建工科、安全站(二)整治小巷:修路。责任部门:城建科" * 4))
>>> [ln.text for ln in ls][:4]
['前言', '(一)整治工地:做到围挡。', '牵头领导:阮某副局长', '责任部门:建工科、安全站']
>>> {ln.no for ln in ls}
{1}
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..text.normalize import CLOSE_BRACKETS, OPEN_BRACKETS
from ..text.markers import chinese_numeral
from ..text.units import ROLE_WORDS, looks_like_unit_list
from .labels import LABEL_ANYWHERE, iter_labels
from .lines import Line

MAX_LABEL_NAMES = 80  # characters of the names after a label, at most, before the next item's marker
MIN_GLUED = 200  # characters: a line shorter than this is a paragraph, not a glued page
_ITEM = re.compile(r"[(（][一二三四五六七八九十]{1,3}[)）]")
_FOOTER = re.compile(r"第\d{1,4}页(?:/|共)\d{1,4}页")


MAX_BRACKET = 150  # characters: a bracket still open this far on was never closed (湘政发〔2023 1号 garbled)


def _inside(text: str, places: list[int]) -> set[int]:
    """The ``places`` (ascending) that stand inside brackets: opened before them, not closed yet, and opened
    less than :data:`MAX_BRACKET` characters before (a bracket a page's copy lost the close of does not hold the
    rest of the page).

    >>> t = "辽民函〔2020 1号各处室:" + "现将要点印发给你们。" * 16 + "(一)做好甲(其中(1)细化)"
    >>> sorted(t[i:i + 3] for i in _inside(t, [t.index("(一)"), t.index("(1)")]))
    ['(1)']
    """
    inside: set[int] = set()
    opened: list[int] = []  # where the brackets open at the place reached stand
    brackets = iter(_BRACKET.finditer(text))
    pending = next(brackets, None)
    for place in places:
        while pending is not None and pending.start() < place:
            if pending.group() in OPEN_BRACKETS:
                opened.append(pending.start())
            elif opened:
                opened.pop()
            pending = next(brackets, None)
        if opened and place - opened[-1] > MAX_BRACKET:
            opened = [at for at in opened if place - at <= MAX_BRACKET]
        if opened:
            inside.add(place)
    return inside


def _cuts(text: str) -> list[int]:
    """Where pieces start: item markers and labels outside brackets, not at the line's start."""
    starts = {m.start() for m in _ITEM.finditer(text)}
    starts |= {m.start() for m in iter_labels(text)}
    places = sorted(i for i in starts if i > 0)
    inside = _inside(text, places)
    return [i for i in places if i not in inside]


# Item markers of one list printed in a row: (1)…(2)…(3)…, (一)…(二)…, 1、…2、…, 一、…, 1.…; the group that
# matched tells the style. A number does not start inside another (no digit or dot before 1、, no numeral before
# 一、): each look-behind stands after the first character it guards, (\d(?<![\d.]\d)\d?) for (?<![\d.])(\d{1,2}),
# so that every branch opens with a character re can skip to (three times faster on long paragraphs).
_NUMERAL = "[一二三四五六七八九十]"
_NOT_DECIMAL = r"(?!(?!(?:19|20)\d\d年)[\d%])"  # 1.5亿 is a number, 1.2025年… an item opening with its year
_NUMBERED = re.compile(r"[(（](\d{1,2})[)）]|[(（](" + _NUMERAL + r"{1,3})[)）]|(\d(?<![\d.]\d)\d?)、"
                       r"|(" + _NUMERAL + "(?<!" + _NUMERAL * 2 + ")" + _NUMERAL + r"{0,2})、"
                       r"|(\d(?<![\d.．]\d)\d?)[.．]" + _NOT_DECIMAL + "|第(" + _NUMERAL + r"{1,3})条")
ARTICLE = 6  # the style of 第一条 第二条 …: articles of rules, after a sentence end once the first is read, 3 or more
_SENTENCE_ENDS = "。；;！!？?"
MIN_RUN = 3
_ROLE = re.compile("|".join(ROLE_WORDS))
# The first item of a list: (1) (一) 1、 1. 一、 not inside a number. Each look-behind stands after the character it
# guards (1(?<![\d.．]1) is (?<![\d.．])1), and every branch opens with one character (each bracket a branch of its
# own): re then skips in C to the places holding one of them, instead of trying every branch at every place.
_FIRST = re.compile(r"\([1一][)）]|（[1一][)）]|1(?<![\d.．]1)[、.．]" + _NOT_DECIMAL + "|一(?<![一二三四五六七八九十]一)、|第一条")
MIN_PAGE = 600  # characters: a line this long is a page glued together, not one long paragraph
HEADED_LIST = re.compile(r"^[^:：。]{2,30}?[:：][(（]1[)）]")
_BRACKET = re.compile("[" + re.escape("".join(OPEN_BRACKETS) + "".join(CLOSE_BRACKETS)) + "]")


# The digit or numeral and the mark closing every marker _NUMBERED matches (1) 2、 三、 4. 第五条): a run needs as many
# (one scan of a character class in C before the slower pattern; so many are never fewer than its markers).
_MARK_END = re.compile(r"[\d" + _NUMERAL[1:-1] + "][)）、.．条]")


def _opens_a_run(text: str) -> bool:
    """Whether ``text`` opens with an item marker whose next number, in the same style, stands in it too ((三)…(四)…):
    a substring test, so that a paragraph opening with its own number costs no scan of its markers.

    >>> _opens_a_run("(三)负责甲。(四)负责乙。"), _opens_a_run("(二)全力推进某项工作。"), _opens_a_run("九、甲。十、乙。")
    (True, False, True)
    """
    m = _NUMBERED.match(text)
    if m is None:
        return False
    style = m.lastindex
    raw = m.group(style)
    number = int(raw) + 1 if raw.isdigit() else chinese_numeral(raw) + 1
    if raw.isdigit():
        following = str(number)
    elif number <= 10:
        following = _NUMERAL[1:-1][number - 1]
    else:
        tens, ones = divmod(number, 10)
        following = ("" if tens == 1 else _NUMERAL[1:-1][tens - 1]) + "十" + (_NUMERAL[1:-1][ones - 1] if ones else "")
    return text.find(text[m.start():m.start(style)] + following + text[m.end(style):m.end()], m.end()) >= 0


def _list_cuts(text: str, min_run: int = MIN_RUN) -> list[int]:
    """Where the items of numbered lists glued into ``text`` start: runs of at least ``min_run`` markers of
    one style numbered one after the other (1, 2, 3 …), outside brackets."""
    if _FIRST.search(text) is None and not _opens_a_run(text) or len(_MARK_END.findall(text)) < min_run:
        return []  # every list starts at its first item, or at the text's start (an excerpt opening inside it);
        # every marker ends in a digit or numeral and its mark (a scan of a character class in C first)
    marks = list(_NUMBERED.finditer(text))
    if len(marks) < min_run:
        return []
    inside = _inside(text, [m.start() for m in marks])  # from one pass over the brackets
    runs: dict[int, list[tuple[int, int]]] = {}  # style -> (position, number) of the current run
    cuts: set[int] = set()
    outside: list[tuple[int, int, int]] = []  # (start, end, style) of the markers outside brackets
    firsts: list[int] = []  # where the markers numbered 1 outside brackets stand
    trusted: list[tuple[int, int]] = []  # (position, style) of the first items of the lists cut
    lasts: list[int] = []  # where their last items stand
    for m in marks:
        if m.start() in inside:
            continue
        style = m.lastindex
        outside.append((m.start(), m.end(), style))
        raw = m.group(style)
        number = int(raw) if raw.isdigit() else chinese_numeral(raw)
        if number == 1:
            firsts.append(m.start())
        if style == ARTICLE and number > 1 and m.start() and text[m.start() - 1] not in _SENTENCE_ENDS:
            continue  # 依照第一条、第二条规定: articles cited, not printed
        run = runs.setdefault(style, [])
        if run and number != run[-1][1] + 1 and number != 1 and m.start():
            continue  # a number out of the sequence (…措施2.2025年底前…): the list goes on after it
        if run and number != run[-1][1] + 1:
            if len(run) >= (min_run if style != ARTICLE else max(min_run, MIN_RUN)):
                cuts.update(i for i, _ in run)
                trusted.append((run[0][0], style))
                lasts.append(run[-1][0])
            run.clear()
        if number == 1 or run or m.start() == 0:  # a list opens with its first item, or the text with any
            run.append((m.start(), number))
    for style, run in runs.items():
        if len(run) >= (min_run if style != ARTICLE else max(min_run, MIN_RUN)):
            cuts.update(i for i, _ in run)
            trusted.append((run[0][0], style))
            lasts.append(run[-1][0])
    for first, style in trusted:
        if first > 0:
            cuts.update(_heading_cuts(text, first, style, outside))
    heads = sorted(cuts)
    ends = {start: end for start, end, _ in outside}
    for start in firsts:  # 二、主要任务(一)提高…: the first item of a list glued to its heading
        if start in cuts:
            continue
        k = bisect_right(heads, start) - 1
        if k < 0 or start - heads[k] > HEAD_SPAN:
            continue
        heading = text[ends.get(heads[k], heads[k]):start]
        if _NOT_IN_HEADING.search(heading) is None and not any(ch in _SENTENCE_ENDS for ch in heading):
            cuts.add(start)
    heads = sorted(cuts)
    for last in lasts:  # …11.扶持…进社区。以上工作由省教育厅牵头…: the note on the items closes the last one
        k = bisect_right(heads, last)
        stop = heads[k] if k < len(heads) else len(text)
        notes = [at for opener in CLOSING_NOTES if (at := text.find("。" + opener, last, stop)) >= 0]
        if notes:
            cuts.add(min(notes) + 1)
    return sorted(i for i in cuts if i > 0)


CLOSING_NOTES = ("以上", "上述")  # a sentence opening so after a list's last item speaks of all its items


HEAD_SPAN = 40  # characters: a heading glued before the first item of its list, at most
_NOT_IN_HEADING = re.compile("[,，、:：]")


def _heading_cuts(text: str, first: int, style: int, outside: list[tuple[int, int, int]]) -> list[int]:
    """Where the heading glued before the first item of a list (at ``first``) starts: at the marker of another
    style that numbers it (…任务清单一、县商务局牵头工作(8项)1.建设…), else right after the sentence end before
    it (…创全省第一。市卫生局一、开展…), when no sentence end, comma or colon stands in the heading, but the colon
    ending it (…网站!宣传部主要职责:(一)…; a lead-in, 主要职责是:, stays with the sentence it closes).

    >>> def pieces(t):
    ...     bounds = [0, *_list_cuts(t, 2), len(t)]
    ...     return [t[a:b] for a, b in zip(bounds, bounds[1:])]
    >>> pieces("附件:一、总述。二、分述。一、县甲局牵头工作(2项)1.建设某基地。2.打造某园区。")
    ['附件:', '一、总述。', '二、分述。', '一、县甲局牵头工作(2项)', '1.建设某基地。', '2.打造某园区。']
    >>> pieces("创全省第一。市乙局一、开展清理工作。二、继续救助。")
    ['创全省第一。', '市乙局', '一、开展清理工作。', '二、继续救助。']
    >>> pieces("推进工作,做好以下事项一、开展清理。二、继续救助。")
    ['推进工作,做好以下事项', '一、开展清理。', '二、继续救助。']
    >>> pieces("1.建设甲。2.建设乙,投资1亿元以上。3.建设丙。以上工作由市甲局牵头。")
    ['1.建设甲。', '2.建设乙,投资1亿元以上。', '3.建设丙。', '以上工作由市甲局牵头。']
    >>> pieces("某科是本局内设机构。主要职责是:(一)负责甲。(二)负责乙。")
    ['某科是本局内设机构。主要职责是:', '(一)负责甲。', '(二)负责乙。']
    >>> pieces("欢迎访问本站!某科主要职责:(一)负责甲。(二)负责乙。")
    ['欢迎访问本站!', '某科主要职责:', '(一)负责甲。', '(二)负责乙。']
    """
    low = max(0, first - HEAD_SPAN)
    for start, end, other in reversed(outside):
        if start >= first:
            continue
        if start < low:
            break
        if other != style:
            heading = text[end:first]
            if heading and not any(ch in _SENTENCE_ENDS for ch in heading):
                return [start]
        break
    stop = max(text.rfind(ch, low, first) for ch in _SENTENCE_ENDS)
    end = first
    if text[first - 1] in ":：" and not text[stop + 1:first - 1].endswith(LEAD_INS):
        end = first - 1  # 宣传部主要职责:(一)…: a heading ending with its colon (主要职责是: leads its sentence in)
    if stop >= 0 and first - stop > 2 and _NOT_IN_HEADING.search(text, stop + 1, end) is None:
        return [stop + 1]
    return []


LEAD_INS = ("是", "如下", "为", "包括", "有")  # …的主要职责是:(一)…: the words a sentence leading a list in ends with


def _glued_table(text: str) -> bool:
    from .glued_cells import glued_header  # glued_cells imports this module

    return glued_header(text) is not None


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
        if text.startswith("序号") and _glued_table(text):
            out.append(line)  # a table glued from its header on (序号…责任单位1…2…): :mod:`.glued_cells` reads its rows
            continue
        page = len(text) >= MIN_PAGE  # a whole page glued; a shorter line is a paragraph, its lists its own
        # two labels need two colons (each label ends with its own): count them before the label pattern runs
        if text.count(":") + text.count("：") < 2 or \
                sum(1 for m in iter_labels(text) if m.start() > 0) < 2:
            out.extend(_lists_only(line, page))
            continue
        text = _FOOTER.sub("", text)
        cuts = _cuts(text)
        labels = sum(1 for i in cuts if LABEL_ANYWHERE.match(text, i))
        cuts = sorted({_label_head(text, i) for i in cuts})
        if labels < 2:  # its labels inside brackets ((牵头单位:X,配合单位:Y) closing each item): its lists
            out.extend(_lists_only(line, page))
            continue
        cuts = sorted(set(cuts) | set(_list_cuts(text, 2 if page else MIN_RUN)))
        cuts = sorted(set(cuts) | set(_items_after_labels(text, cuts)))
        bounds = [0, *cuts, len(text)]
        for a, b in zip(bounds, bounds[1:]):
            piece = text[a:b]
            if piece:
                out.append(Line(line.no, piece, piece, False))
    return out


MAX_LABEL_HEAD = 4  # characters of a label's own words before the ones the label list knows (实施|时间:)


def _label_head(text: str, cut: int) -> int:
    """Where the label found at ``cut`` starts: at the sentence end just before it when the few characters
    between belong to it (…发改委。实施时间:2012年: 时间: is known, 实施 is its head, no name of the list before).

    >>> t = "配合单位:市财政局、发改委。实施时间:2012年。"
    >>> t[_label_head(t, t.index("时间")):][:6]
    '实施时间:2'
    >>> t = "配合单位:市财政局。责任单位:县卫健局"
    >>> _label_head(t, t.index("责任")) == t.index("责任")
    True
    """
    low = max(0, cut - MAX_LABEL_HEAD - 1)
    stop = max(text.rfind(ch, low, cut) for ch in _SENTENCE_ENDS)
    if stop < 0 or stop == cut - 1 or LABEL_ANYWHERE.match(text, cut) is None \
            or _PUNCTUATION.search(text, stop + 1, cut) is not None:
        return cut
    return stop + 1


_PUNCTUATION = re.compile("[，,。；;：:、！!？?()（）]")


def _lists_only(line: Line, page: bool) -> list[Line]:
    """A long line holding no labels glued outside brackets, cut before the items of its numbered lists: on a
    page, any list of two items or more; a paragraph with a list inside it stays whole, unless its items name
    their own units."""
    if page:
        return _cut_rows(_cut_lists(line, 2))
    pieces = _cut_lists(line)
    return pieces if sum(1 for p in pieces if _ROLE.search(p.text)) >= 2 else [line]


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


# A table printed one cell a line, glued: its rows' numbers stand bare between two cells' words
# (…创新高地1实施关键技术攻关优化…负责2推进产业协同…). A bare number of one or two digits between two
# ideographs (no 第 before it, no measure word after it: 3个, 2025年 are no row numbers), in a run 1, 2, 3 … of at
# least MIN_ROWS, each at least MIN_ROW_GAP characters after the one before. A table under a header of glued labels
# (序号任务内容牵头单位…) is :mod:`.glued_cells`' to read.
_BARE = re.compile(r"(?<=[\u4e00-\u9fff])(?<!第)\d{1,2}(?=[\u4e00-\u9fff])")
MEASURES = frozenset("个项家次条人年月日时分秒号万亿千百元米亩吨台辆所户名份件批期届天周岁级类倍处座间栋套张")
MIN_ROWS = 3
MIN_ROW_GAP = 8


def _row_cuts(text: str) -> list[int]:
    """Where the bare row numbers of a glued table stand, and where the cells after them start.

    >>> t = "重点任务清单1建设甲基地完成主体工程市甲局2打造乙园区完成招商市乙局3推进丙项目建成投产市丙局"
    >>> [t[i:i + 3] for i in _row_cuts(t)]
    ['1建设', '建设甲', '2打造', '打造乙', '3推进', '推进丙']
    >>> _row_cuts("新建1个园区,完成2项改造,引进3家企业")
    []
    """
    run: list[tuple[int, int]] = []
    best: list[tuple[int, int]] = []
    for m in _BARE.finditer(text):
        if text[m.end()] in MEASURES:
            continue
        number = int(m.group())
        if number == 1:
            if len(run) > len(best):
                best = run
            run = [(m.start(), m.end())]
        elif run and number == len(run) + 1 and m.start() - run[-1][1] >= MIN_ROW_GAP:
            run.append((m.start(), m.end()))
    if len(run) > len(best):
        best = run
    if len(best) < MIN_ROWS or "序号" in text[:best[0][0]]:  # a header: the glued table's own reader cuts it
        return []
    return [at for start, end in best for at in (start, end)]


def _cut_rows(lines: list[Line]) -> list[Line]:
    """The pieces of a page with the bare row numbers of a table glued into them on lines of their own."""
    out: list[Line] = []
    for line in lines:
        text = line.text
        cuts = _row_cuts(text) if len(text) >= MIN_GLUED else []
        if not cuts:
            out.append(line)
            continue
        bounds = [0, *cuts, len(text)]
        out.extend(Line(line.no, text[a:b], text[a:b], False) for a, b in zip(bounds, bounds[1:]) if text[a:b])
    return out
