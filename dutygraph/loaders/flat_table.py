"""Tables flattened to one cell per line, as web pages dump them.

A table starts with a header row (序号, then its other column labels one per
line) and goes on with rows::

    1                      row number
    生态保护管理机制改革      row title (may be split over two lines)
    1)开展确权登记。          sub-items, or one content paragraph
    市国土资源局              cells of the unit columns, in header order ...
    \u00a0                    ... a blank cell is a line of spaces
    2)实施垂直管理改革。       the next group of sub-items
    市环保局                 and the cells that apply to all of them
    各县市区人民政府

A group of cells applies to every item since the previous group; where fewer
cells than unit columns follow, they fill the columns from the left (so a lone
cell is the lead). A row number equal to the current one is the same row
repeated across a page break: its title is skipped and its sub-items continue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Assignment, Provenance, Role
from ..text.markers import MARKER_STARTS, is_row_number, match_item, match_section, match_subsection
from ..text.normalize import SENTENCE_PUNCT, bracket_depth_split
from ..text.role_cues import alternation
from ..text.units import (LIST_SEPARATORS, is_level_name, is_unit_name, looks_like_unit_list, reads_as_name, split_units,
                          strip_noise)
from .labels import match_label
from .lines import FURNITURE, FURNITURE_STARTS, Line

NUMBER, TEXT, LEAD, RESPONSIBLE, COOPERATING, DEADLINE, LEADER = (
    "number", "text", "lead", "responsible", "cooperating", "deadline", "leader")
ROLE_OF_KIND = {LEAD: Role.LEAD, RESPONSIBLE: Role.RESPONSIBLE, COOPERATING: Role.COOPERATING}

MAX_HEADER_CELLS = 12
MAX_HEADER_LENGTH = 12
MAX_TITLE_CONTINUATION = 8
# People in a leader cell: names of two to four characters, a post after them, several in a list.
_PERSON = re.compile(r"(?:[\u4e00-\u9fff]{2,4}(?:副?(?:书记|市长|县长|区长|省长|主任|部长|局长))?(?:[、,，]|$))+")


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    """Single-character and compound surnames (``data/surnames.txt``)."""
    from importlib import resources

    single: set[str] = set()
    compound: list[str] = []
    for line in resources.files("dutygraph.data").joinpath("surnames.txt").read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if " " in line:
            compound += line.split()
        else:
            single.update(line)
    return frozenset(single), tuple(compound)


def _people(text: str) -> bool:
    """Whether every name of a list of people (王某、李某) opens with a surname."""
    return all(has_surname(p) for p in _PEOPLE_SPLIT.split(text) if p)


_PEOPLE_SPLIT = re.compile(r"[、,，]")


def has_surname(text: str) -> bool:
    """Whether ``text`` opens with a surname (王某, 欧阳某): a person may be named; a short name opening with none
    (清风苑) is a unit's where a leader column and a unit column stand side by side.

    >>> has_surname("王小明"), has_surname("欧阳志远"), has_surname("周 斐"), has_surname("清风苑")
    (True, True, True, False)
    """
    single, compound = _surnames()
    return text[:1] in single or text.startswith(compound)


ANNEX_HEADING = re.compile(r"^附件\s*(\d{1,2})$")
# A document's closing matter after its last table: whom it is copied or sent to (抄送:县委办。), in 公文 format.
_CLOSING = r"^(?:抄送|抄报|主送)[:：]"
# an annex heading, page furniture or the closing matter
_TABLE_END = re.compile(f"{ANNEX_HEADING.pattern}|{FURNITURE.pattern}|{_CLOSING}")
_TABLE_END_STARTS = FURNITURE_STARTS | {"附", "抄", "主"}  # what a line _TABLE_END matches opens with
# Names that start a new unit rather than continue a split one.
_NAME_START = re.compile(r"^(市|省|县|区|各|相关|有关|中共|中国|国家)")
_COLLECTIVE_START = re.compile(r"^(各|相关|有关)")
_SEPARATORS = tuple(LIST_SEPARATORS)
_DATE_LIKE = re.compile(r"^\d{4}年|^\d{4}[-./]\d|^\d{1,2}月")
_AREA_ENDS = ("区", "园", "镇", "乡")
_BRACKET_NOTE = re.compile(r"[(（][^()（）]{1,12}[)）]")


_OVERSIGHT = re.compile(alternation("column.oversight"))
# A unit column whose cells name a person after each unit (责任单位及责任人, 责任部门和负责人).
UNIT_AND_PERSON = re.compile(r"(?:单位|部门|科室|股室|处室)(?:及|和|与|、|/)(?:其)?(?:责任人|负责人|联系人)")
# A column stating a task's grounds or consequences (设定依据, 追责情形): text, never the task, never units.
BASIS_LABEL = re.compile(alternation("column.basis"))
# From data/role_cues.txt (column.* sections): the first kind whose pattern a label holds decides.
_COLUMN_PATTERNS = [(kind, re.compile(alternation(f"column.{kind}")))
                    for kind in (NUMBER, LEADER, LEAD, COOPERATING, RESPONSIBLE, DEADLINE)]


# A label ending with the work (内容, 任务 …) after a role word, naming no body: a text column (责任内容).
_WORK_END = re.compile(r"(?:内容|目标|任务|事项|要求|措施|举措|指标)$")
_UNIT_NOUN = re.compile(r"单位|部门|处室|科室|股室|主体|机构|领导|人")


@lru_cache(maxsize=4096)
def column_kind(label: str) -> str:
    """What a header label holds.

    >>> [column_kind(x) for x in ["序号", "重点任务", "牵头单位", "责任单位", "配合单位", "完成时限", "牵头领导"]]
    ['number', 'text', 'lead', 'responsible', 'cooperating', 'deadline', 'leader']
    >>> column_kind("责任主体与协同单位"), column_kind("配合责任单位")
    ('responsible', 'cooperating')
    >>> column_kind("责任内容"), column_kind("配合任务"), column_kind("责任清单"), column_kind("责任单位及任务")
    ('text', 'text', 'responsible', 'responsible')
    >>> column_kind("时限要求"), column_kind("完成时间要求")
    ('deadline', 'deadline')
    """
    found = [(m.start(), kind) for kind, pattern in _COLUMN_PATTERNS if (m := pattern.search(label))]
    if not found or _OVERSIGHT.search(label) or BASIS_LABEL.search(label):
        return TEXT  # 监督科室: an office that watches the work, not a unit doing it; 责任事项: the grounds
    for kind in (NUMBER, LEADER):  # 牵头领导 holds people, whatever else it says
        if any(k == kind for _, k in found) and not (kind == LEADER and UNIT_AND_PERSON.search(label)):
            return kind  # (责任单位及责任人: units first, each with its person)
    kind = min(found)[1] if len({k for _, k in found}) > 1 else found[0][1]  # 责任主体与协同单位: 责任 first
    if kind in (LEAD, RESPONSIBLE, COOPERATING) and _WORK_END.search(label) and not _UNIT_NOUN.search(label):
        return TEXT  # 责任内容, 配合任务: the work a role word qualifies, no body (责任单位, 牵头部门 name one)
    return kind


_ONE_LINE_HEADER = ("序号", "编号")


def header_starts(lines: list[Line]) -> list[int]:
    """Indices of the lines a table header may start at: short, with 序 or 编, or opening with 序号 (a header on
    one line: 序号 重点任务 牵头单位 …) (a cheap scan: every such line holds 序 or 编, tested first).

    >>> from .lines import to_lines
    >>> header_starts(to_lines("一、任务\\n序号\\n重点任务\\n序号 任务 牵头单位\\n编制规划方案\\n编号"))
    [1, 3, 5]
    """
    return [k for k, ln in enumerate(lines) if ("序" in (t := ln.text) or "编" in t)
            and (len(t) <= 4 or t.startswith(_ONE_LINE_HEADER))]


def read_header(lines: list[Line], i: int) -> tuple[list[str], int] | None:
    """The column labels of a table header starting at ``lines[i]`` (序号 …) and the index after it."""
    t = lines[i].text
    if len(t) > 4 and t.startswith(_ONE_LINE_HEADER):
        return _one_line_header(lines, i)
    if not t or len(t) > 4 or ("序" not in t and "编" not in t) or column_kind(t) != NUMBER:
        return None
    got = _read_header(lines, i)
    if got is not None:
        from .columns import is_label, spread_group_label  # columns builds on this module

        if sum(1 for label in got[0] if not is_label(label)) <= 1:
            # 责任单位 printed before or after the 牵头单位 / 配合单位 it is merged over: their columns
            return (spread_group_label(got[0]) or got[0], got[1]) if len(got[0]) >= 5 else got
    from .cell_lines import broken_header  # labels broken over lines, as many as the rows' cells
    return broken_header(lines, i) or got


def _one_line_header(lines: list[Line], i: int) -> tuple[list[str], int] | None:
    """A header printed on one line (序号 重点任务 牵头单位 责任单位, labels apart with spaces, tabs or bars) over
    rows printed one cell per line: the next line with text is row number 1 alone."""
    from .row_table import header_of  # row_table builds on this module

    got = header_of(lines[i])
    if got is None or column_kind(got[0][0]) != NUMBER:
        return None
    j = i + 1
    while j < len(lines) and not lines[j].text:
        j += 1
    return (got[0], j) if j < len(lines) and _row_no(lines[j].text) == 1 else None


def _read_header(lines: list[Line], i: int) -> tuple[list[str], int] | None:
    labels = [lines[i].text]
    j = i + 1
    while j < len(lines) and len(labels) <= MAX_HEADER_CELLS:
        t = lines[j].text
        if not t:
            j += 1
            continue
        if _row_no(t) is not None:
            return (labels, j) if len(labels) >= 2 else None
        if len(labels) >= 3 and _is_heading(t) and _heads_rows(lines, j + 1):
            return labels, j  # a heading over the first rows ((一)王某副市长牵头重点工作): the body starts there
        t = _LABEL_NOTE.sub("", t) if len(t) > MAX_HEADER_LENGTH and _LABEL_NOTE.search(t) else t
        if len(t) > MAX_HEADER_LENGTH or _HEADER_PUNCT.search(t):
            return (labels, j) if len(labels) >= 3 and _is_label(labels[-1]) and _headings_then_rows(lines, j) \
                else None  # a section heading or two over the first rows (强化科技创新。 / (一) / 加强…。 / 1)
        if len(labels) > 1 and _LABEL_BRACKET.fullmatch(t):
            labels[-1] += t  # the label's note or unit printed under it: 责任股室 / (单位), 总投资 / (万元)
        elif len(labels) > 1 and len(labels[-1]) <= 3 and _LABEL_TAIL.fullmatch(t) and (
                column_kind(labels[-1] + t) == column_kind(labels[-1]) != TEXT or not _is_label(labels[-1])):
            labels[-1] += t  # a label broken over two lines: 牵头 / 部门, 完成 / 时间
        elif len(labels) > 1 and _HALF_LABEL.fullmatch(labels[-1]) and _HALF_LABEL.fullmatch(t) and \
                column_kind(t) == TEXT and not _is_label(labels[-1]) and _is_label(labels[-1] + t):
            labels[-1] += t  # a text label whose first half alone is none: 区本级 / 任务数
        else:
            labels.append(t)
        j += 1
    return None


MAX_SECTION_LINES = 4
MAX_SECTION_LINE = 40


def _headings_then_rows(lines: list[Line], j: int) -> bool:
    """Whether from ``lines[j]`` a few short lines (section headings) stand before the first row's number (1)."""
    seen = 0
    while j < len(lines) and seen <= MAX_SECTION_LINES:
        t = lines[j].text
        j += 1
        if not t:
            continue
        if _row_no(t) == 1:
            return seen > 0
        if len(t) > MAX_SECTION_LINE or "|" in t:
            return False  # (cells between bars: the header's row goes on)
        seen += 1
    return False


_HEADER_PUNCT = re.compile("[" + re.escape(SENTENCE_PUNCT + "，,、") + "]")  # no header label holds one
_LABEL_BRACKET = re.compile(r"[(（][^()（）]{1,8}[)）]")  # a label's bracketed second line: (单位), (万元)
# A note in brackets after a label (重点工作任务(杭州市2项配合工作)): the label is read without it.
_LABEL_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])[(（][^()（）]{1,30}[)）]$")


SPACED_SAMPLE = 30  # lines with text looked at to tell a page printing a blank line after every line


def double_spaced(lines: list[Line], start: int) -> bool:
    """Whether the lines from ``lines[start]`` print a blank line after every line with text (a web page's cells
    one a paragraph): two in three of the first :data:`SPACED_SAMPLE` lines with text, at least six.

    >>> from .lines import to_lines
    >>> double_spaced(to_lines("1\\n\\n修路。\\n\\n市住建局\\n\\n2\\n\\n建桥。\\n\\n市交通局\\n"), 0)
    True
    """
    seen = spaced = 0
    k = start
    n = len(lines)
    while k < n and seen < SPACED_SAMPLE:
        if lines[k].text:
            seen += 1
            if k + 1 == n or not lines[k + 1].text and not lines[k + 1].blank_cell:  # (the last line: no blank)
                spaced += 1
        k += 1
    return seen >= 6 and 3 * spaced >= 2 * seen


def _row_no(text: str) -> int | None:
    """The row number a line holds alone (12, 12.), maybe marked (12*, 12★: a row the reader's unit leads)."""
    if is_row_number(text):
        return int(text)
    if not text or text[-1] not in "*＊★☆.、．" or len(text) > 4:
        return None
    bare = text.rstrip("*＊★☆") if text[-1] in "*＊★☆" else text[:-1]  # 12*, or 12. / 12、 alone on its line
    return int(bare) if is_row_number(bare) else None


_LABEL_ROLES = {"lead": Role.LEAD, "responsible": Role.RESPONSIBLE, "cooperating": Role.COOPERATING}


def _unit_label(text: str) -> tuple[Role, str] | None:
    """(role, units) of a labelled unit cell (牵头单位:X), its label maybe opening with a level (省牵头单位:X)."""
    if "：" not in text and ":" not in text:
        return None
    for at in (0, 1):
        label = match_label(text[at:]) if at == 0 or text[0] in "省市县区镇乡" else None
        if label is not None and label.kind in _LABEL_ROLES and label.content and (
                looks_like_unit_list(label.content) or _slot_list(label.content)):  # (r-slots2) the label says so
            return _LABEL_ROLES[label.kind], label.content
    return None


def _slot_list(content: str) -> bool:
    """A labelled cell's list of names, whatever they end with (省牵头单位:省甲苑): no sentence, date or verb."""
    from .clauses import slot_names  # clauses builds on the text helpers this module shares

    return slot_names(content.strip("。；;,， ")) is not None


_HEADING_STARTS = frozenset("一二三四五六七八九十(（")


def _is_heading(text: str) -> bool:
    """A section heading (一、… or (一)…) standing between a table's header or rows and its rows."""
    if not text or text[0] not in _HEADING_STARTS or len(text) > 40:
        return False
    # (a comma may part a heading's two halves: 二、扩投资、优服务,筑牢增长根基; a stop makes it a sentence)
    return (match_section(text) is not None or match_subsection(text) is not None) and \
        _HEADING_PUNCT.search(text) is None


_HEADING_PUNCT = re.compile(r"[。；;：:！!？?]")


def _heads_rows(lines: list[Line], j: int) -> bool:
    """Whether the next line with text from ``lines[j]`` is a row number (1), past headings over it (二、… / 三、…:
    sections whose rows the table leaves out)."""
    while j < len(lines) and (not lines[j].text or lines[j].text[0] in _HEADING_STARTS and _is_heading(lines[j].text)):
        j += 1
    return j < len(lines) and _row_no(lines[j].text) is not None


def _is_label(text: str) -> bool:
    from .columns import is_label  # columns builds on this module

    return is_label(text)


# The second half of a header label broken over two lines (牵头 / 部门): never a column of its own.
_LABEL_TAIL = re.compile(r"单位|部门|时间|时限|类别|内容|名称|领导|科室|主体")


_PUNCT = re.compile("[。；;：:！!？?，,]")  # sentence punctuation or commas
_CLOSED = ("。", "；", ";", "！", "!", "？", "?", "”", "）", ")")  # the end of a text that is whole
MAX_LIST_ITEM = 16
_QUOTED = re.compile(r"“[^”]{1,8}”")  # 项目“双进”: a slogan in quotation marks
MIN_TEXT = 8  # a shorter line where a unit cell stands may be a name the lexicon does not know


# A place named alone (登封市, 城关镇, 东村, 东风街道): in a unit column, the government of that place.
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,4}(?:市|县|区|旗|镇|乡|村|街道|社区)|[\u4e00-\u9fff](?:镇|乡|村)")
_LEVEL_START = re.compile(r"^(?:市|省|县|区|镇|乡|街道|各|相关|有关|中共|中国|国家)")  # a name of its own
_NOT_PLACE_START = re.compile(r"^(?:各|相关|有关|全|本|城市|我)")


def is_place(text: str) -> bool:
    """Whether ``text`` is a place named alone (登封市, 白水乡, 南湾村), not a collective (各乡镇) or a phrase.

    >>> [is_place(x) for x in ["登封市", "白水乡", "东村", "东风街道", "各乡镇", "全市", "城市", "本县"]]
    [True, True, True, True, False, False, False, False]
    """
    return _PLACE.fullmatch(text) is not None and _NOT_PLACE_START.match(text) is None


_ROLE_WORD = re.compile(alternation("word.lead") + "|" + alternation("word.cooperating"))
MAX_ROLE_CELL = 80


def _role_clause(text: str) -> bool:
    """Whether a line is a unit cell that says the roles itself (市发改委牵头,市财政局配合): units, role words,
    no sentence; never a line of the task's text.

    >>> _role_clause("区民政局牵头,区大数据中心、各街道办事处配合"), _role_clause("加快建设,市住建局牵头推进项目。")
    (True, False)
    >>> _role_clause("牵头单位:区民政局;配合单位:各街道办事处")
    True
    """
    if len(text) > MAX_ROLE_CELL or "。" in text or not _ROLE_WORD.search(text):
        return False
    from .clauses import parse_clause  # clauses builds on the text helpers this module shares

    clause = parse_clause(text, Role.RESPONSIBLE)
    if clause is None or not clause.assignments:
        return False
    if text.startswith(clause.assignments[0][0]):
        return True
    label = match_label(text)  # a cell of role labels (牵头单位:X;配合单位:Y): no text before its first label
    return label is not None and label.kind in _LABEL_ROLES and len(clause.assignments) > 1


def _unitish(text: str) -> bool:
    """A unit list, or one area whose ending the organisation suffixes leave out (经开区, 高新园(邹区镇))."""
    if looks_like_unit_list(text):
        return True
    bare = _BRACKET_NOTE.sub("", text)
    return 3 <= len(bare) <= 12 and bare.endswith(_AREA_ENDS) and not _PUNCT.search(text)


_MARK_STARTS = "★☆●○■□◆◇▲△►•※"  # a mark opening a cell (★区商务局: the lead of the row's units)
_NAME_SHAPE = re.compile(r"[\u4e00-\u9fff]{2,12}(?:[(（][\u4e00-\u9fff、，,]{1,12}[)）])?")
MAX_NAMES_LIST = 120


def names_list(text: str) -> bool:
    """Whether ``text`` is a list of two or more short names (Chinese characters only, a bracketed note allowed) of
    which at least half read as names by their ending or open with their level or place (市甲坊): a unit cell
    whose other names the lexicon does not know (清风苑、市城管局; 市甲局、乙所、市丙中心).

    >>> names_list("清风苑、市云溪坊"), names_list("市甲局、乙所、丙舍、市丁中心"), names_list("加强监管、完善机制")
    (True, True, False)
    >>> names_list("市场监管、价格监测"), names_list("市云溪坊")
    (False, False)
    """
    if len(text) > MAX_NAMES_LIST or "。" in text:
        return False
    parts = [strip_noise(p) for p in bracket_depth_split(text, LIST_SEPARATORS)]
    parts = [p for p in parts if p]
    if len(parts) < 2 or not all(_NAME_SHAPE.fullmatch(p) for p in parts):
        return False
    return 2 * sum(1 for p in parts if reads_as_name(p)) >= len(parts)


def _sentence_like(text: str) -> bool:
    """Task text rather than a cell.

    Sentence punctuation makes text; commas do unless the line is a unit list;
    without punctuation a long line is text unless it is a 、-separated list of
    short names (a unit cell, maybe cut in the middle of its last name).
    """
    if _PUNCT.search(text):
        return not looks_like_unit_list(text) and not names_list(text)
    if len(text) <= 20 or looks_like_unit_list(text) or names_list(text):
        return False  # a list with a bracketed note: 区委宣传部(区文明办、…)、区民政局; names the lexicon partly knows
    parts = text.split("、")  # the first and last names may be halves of names split over two lines
    if len(parts) >= 2 and all(len(p) <= MAX_LIST_ITEM for p in parts) and all(is_unit_name(p) for p in parts[1:-1]):
        return False
    return True


_HALF_LABEL = re.compile(r"[\u4e00-\u9fff]{2,4}")  # half of a label broken over two lines: 区本级 / 任务数
_FIGURE = re.compile(r"\d[\d.,，]{0,8}(?:[%‰]|[万亿千百]?[元个项家所座人户吨])?")  # a count or amount alone
_CELL_STOPS = ("。", "；", ";")
MIN_CUT_TASK = 4  # characters of a last row's text the document stops after: fewer tell no task
MAX_LIST_PART = 20  # a unit cell's names, each at most so long (乙舍等丙苑: a name with its noise)
MAX_DEADLINE = 30


def _fits(kind: str, text: str) -> bool:
    """Whether ``text`` may be a cell of a column of ``kind``: units (no sentence, no date, short names), a
    deadline or people (short), anything in a text column."""
    if kind in ROLE_OF_KIND:
        return _role_clause(text) or name_shaped(text)
    if kind in (DEADLINE, LEADER):
        return len(text) <= MAX_DEADLINE and "。" not in text
    return True


_LEVELLED_PART = re.compile(r"[\u4e00-\u9fff]{2,12}(?:[(（][\u4e00-\u9fff、]{1,8}[)）][\u4e00-\u9fff]{0,8})?")


def levelled_names(text: str) -> bool:
    """Whether ``text`` is a unit cell by its names' shape whatever they end with: names opening with their level
    or place (市甲坊、天元区乙舍), or a list half of whose names read as names (:func:`names_list`).

    >>> levelled_names("市青禾坊"), levelled_names("市青禾坊、白鹭苑"), levelled_names("白鹭苑"), levelled_names("市场监管")
    (True, True, False, False)
    """
    if names_list(text):
        return True
    if not name_shaped(text):
        return False
    parts = [p for p in bracket_depth_split(text, LIST_SEPARATORS) if p]
    return bool(parts) and all(_LEVELLED_PART.fullmatch(p) and reads_as_name(p)
                               for p in parts)


def _units_by_shape(text: str) -> bool:
    """Whether a cell reads as units, not people, whatever its names end with: a unit list, names opening with their
    level or place (:func:`levelled_names`), or names a mark opens (★甲坊、乙苑: the lead mark of a unit cell).

    >>> _units_by_shape("★甲坊、乙苑"), _units_by_shape("区甲坊、乙苑"), _units_by_shape("王某某"), _units_by_shape("甲坊")
    (True, True, False, False)
    """
    if looks_like_unit_list(text) or levelled_names(text):
        return True
    return text[:1] in _MARK_STARTS and name_shaped(text.lstrip(_MARK_STARTS)) and not _people(text.lstrip(_MARK_STARTS))


def _one_name(text: str) -> bool:
    """A name the lexicon does not know, alone on its line (甲坊): no list, name-shaped."""
    return len(bracket_depth_split(text, LIST_SEPARATORS)) == 1 and name_shaped(text)


def name_shaped(text: str) -> bool:
    """Whether ``text`` may be a unit cell where a column says units stand, whatever its names end with: no
    sentence, no date or number opening it, short names, none opened by a verb or a preposition (组织落实…).

    >>> name_shaped("青石坊、白鹭苑等有关部门,各街道"), name_shaped("组织落实免疫规划工作"), name_shaped("2019年底")
    (True, False, False)
    """
    if len(text) > MAX_ROLE_CELL or "。" in text or text[:1].isdecimal():
        return False
    from .clauses import slot_names  # clauses builds on the text helpers this module shares

    return all(len(p) <= MAX_LIST_PART for p in bracket_depth_split(text, LIST_SEPARATORS)) and \
        slot_names(text) is not None


_MERGED_KINDS = frozenset((LEAD, RESPONSIBLE, COOPERATING, LEADER))  # cells a row under merged cells leaves out


@dataclass(slots=True)  # (hundreds a document: with slots each costs half as much to make)
class _Span:
    text: str
    first: int
    last: int

    def extend(self, text: str, line_no: int, sep: str = "") -> None:
        self.text += sep + text
        self.last = line_no


@dataclass(slots=True)
class _Item:
    number: int | None
    span: _Span
    cells: tuple[_Span | None, ...] = ()
    basis: str | None = None  # cells merged over rows printed with an item above: why they hold here


@dataclass(slots=True)
class _Row:
    number: int
    first_line: int
    title: _Span | None = None
    items: list[_Item] = field(default_factory=list)
    top: int = 0  # the highest item number so far

    def next_sub(self) -> int:
        return self.top + 1


@dataclass
class TableRow:
    """A row as read: its number, title, items with their cells, and line span."""

    number: int
    title: str | None
    title_lines: tuple[int, int] | None
    first_line: int
    items: list[_Item]


class FlatTableReader:
    """Reads the rows of one flattened table, from just after its header."""

    def __init__(self, lines: list[Line], columns: list[str]):
        self.lines = lines
        self.columns = columns
        kinds = [column_kind(c) for c in columns]
        first_cell = next((k for k, kind in enumerate(kinds) if kind not in (NUMBER, TEXT)), len(kinds))
        self.cell_kinds = [k for k in kinds[first_cell:]]
        self.has_units = any(k in ROLE_OF_KIND for k in self.cell_kinds)
        self.text_columns = sum(1 for k in kinds[:first_cell] if k == TEXT)  # 工作任务 + 工作措施: two
        self.rows: list[_Row] = []
        self._row: _Row | None = None
        self._pending: list[_Item] = []
        self._cells: list[_Span | None] = []
        self._last = ""  # what the previous line was: "title", "item", "cell"
        self._at_start = False
        self._groups: dict[int, tuple] = {}
        self._spaced: bool | None = None  # a blank line after every line of the table: no blank line ends a cell
        self._start = 0  # (whether it is so is looked at when a blank line first follows a cell)
        self._labelled: list[tuple[Role, _Span]] = []  # labelled cells of the open group (省牵头单位:X)
        self._single: tuple[_Item, tuple] | None = None  # the row's last group of one item: its item and cells
        self._merged_above: list[tuple[list[_Item], _Item, tuple]] = []
        self._first_printed = False  # a cell merged over rows is seen printed with the first row it spans
        self._group_labels: dict[int, list[tuple[Role, _Span]]] = {}
        self._headed: set[int] = set()  # indices in self.rows of rows printed right under a heading
        self._forced = 0  # lines still to read as cells, one a line (the row's rest fills its cell columns)

    # -- stream ---------------------------------------------------------------------------
    def read(self, start: int) -> int:
        """Consume rows from ``lines[start]``; return the index where the table ends."""
        i = start
        n = len(self.lines)
        while i < n and not self.lines[i].text:
            i += 1
        self._at_start = True  # a table continued from an earlier page starts at its own row number (108)
        self._start = i
        while i < n:
            line = self.lines[i]
            t = line.text
            if line.blank_cell:
                if self._row is not None and self._last in ("item", "cell", "title"):
                    self._cells.append(None)
                    self._last = "cell"
                i += 1
                continue
            if not t:
                i += 1
                continue
            # cheap tests of the first character before the rules that need it (an end, a heading, a number, a marker)
            first = t[0]
            if first in _TABLE_END_STARTS and _TABLE_END.match(t):
                break
            if t == self.columns[0] and self._is_repeated_header(i):
                i += len(self.columns)
                continue
            heading = first in _HEADING_STARTS and _is_heading(t)
            if heading and self._row is not None and self._header_follows(i + 1):
                break  # a heading over the next table's header: this table ends
            if self._row is not None and self._last in ("cell", "item") and ("：" in t or ":" in t) \
                    and (label := _unit_label(t)) is not None:  # (a label needs its colon: tested before the call)
                self._labelled.append((label[0], _Span(label[1], line.no, line.no)))
                self._last = "cell"  # a labelled cell under the row (省牵头单位:省某厅): its units in their role
                i += 1
                continue
            number = _row_no(t) if first.isdecimal() else None  # a row number is digits
            if number is not None and self._is_row_number(number):
                self._at_start = False
                i = self._start_row(number, i)
                continue
            if heading and self._row is not None and self._last in ("cell", "item") and _heads_rows(self.lines, i + 1):
                self._close_group()  # a heading over the rows that follow: no cell of the row above
                self._last = "heading"
                self._headed.add(len(self.rows) + 1)  # the next row: no merged cell reaches over the heading
                i += 1
                continue
            self._at_start = False
            if self._row is None:
                i += 1
                continue
            marker = match_item(t, expected=self._row.next_sub()) if first in MARKER_STARTS else None
            if marker and marker.text:
                self._close_group()
                self._add_item(marker.number, _Span(marker.text, line.no, line.no))
                i += 1
                continue
            i = self._read_other(i)
        self._close_group()
        self._finish_row()
        if i >= n and len(self.rows) > 1 and (last := self.rows[-1]).title is not None and not last.items and \
                len(last.title.text) >= MIN_CUT_TASK and all(row.items for row in self.rows[:-1]):
            # the document stops inside its last row, after the row's text: a task like the rows above (its
            # cells cut off; no cell merged from above reaches it: its text is not closed)
            last.items.append(_Item(None, _Span(last.title.text, last.title.first, last.title.last)))
        self._share_merged_cells()
        self._inherit_from_above(cut=i >= n)
        return i

    def _inherit_from_above(self, cut: bool) -> None:
        """A row printing no cell at all after a row with cells sits under cells merged over rows: a flattened
        table prints a merged cell once, with the first row it spans (the cells above hold, ``inferred``). Not
        the last row of a document that stops inside it (its text not closed by its punctuation)."""
        if not self.has_units or all(self._unit_cell(item) for row in self.rows for item in row.items[-1:]):
            return  # every row's last item has a unit cell: no row without any
        above: tuple[int, tuple] | None = None
        for k, row in enumerate(self.rows):
            if k in self._headed:
                above = None
            if row.items and not any(item.cells for item in row.items):
                if cut and row is self.rows[-1] and not row.items[-1].span.text.endswith(_CLOSED):
                    break
                if above is not None:
                    for item in row.items:
                        item.cells = above[1]
                        item.basis = f"cells merged over rows, printed with the row at line {above[0]}"
                continue
            if above is not None and row.items and all(item.cells and item.basis is None and not self._unit_cell(item)
                                                       for item in row.items):
                # a row printing its own deadline but no unit or leader cell (2 / 开展… / 9月底前): the unit and
                # leader cells above span it, merged over rows
                for item in row.items:
                    own = tuple(item.cells) + (None,) * (len(above[1]) - len(item.cells))
                    item.cells = tuple(mine if mine is not None or kind not in _MERGED_KINDS else up
                                       for kind, mine, up in zip(self.cell_kinds, own, above[1]))
                    item.basis = f"cells merged over rows, printed with the row at line {above[0]}"
                continue
            with_cells = [item for item in row.items if item.cells and item.basis is None]
            if with_cells:
                above = (with_cells[-1].span.first, with_cells[-1].cells)

    def _unit_cell(self, item: _Item) -> bool:
        """Whether ``item`` prints a unit or a leader cell of its own."""
        return any(cell is not None and kind in _MERGED_KINDS for kind, cell in zip(self.cell_kinds, item.cells))

    def _share_merged_cells(self) -> None:
        """Items without cells after an item with its own, where the table shows that it prints a cell merged over
        rows with the first of them (a row of one item whose leader cell is left out, its units printed: the
        leader above spans it): the items sit under the cells above, not the next item's. (Elsewhere a group of
        items shares the cells after them: one content cell holding several items.)"""
        if not self._first_printed:
            return
        for items, above, cells in self._merged_above:
            for item in items:
                item.cells = cells
                item.basis = f"cells merged over rows, printed with the row at line {above.span.first}"

    def _header_follows(self, j: int) -> bool:
        """Whether the next line with text from ``lines[j]`` starts a table header (序号 …)."""
        while j < len(self.lines) and not self.lines[j].text:
            j += 1
        return j < len(self.lines) and column_kind(self.lines[j].text) == NUMBER and read_header(self.lines, j) is not None

    def _is_repeated_header(self, i: int) -> bool:
        texts = [ln.text for ln in self.lines[i:i + len(self.columns) * 2] if ln.text][: len(self.columns)]
        return texts == self.columns

    def _is_row_number(self, number: int) -> bool:
        if self._row is None:  # the first row: 1 (or 2, 3 after a lost row), or any number right under the header
            return number == 1 or not self.rows and (number <= 3 or self._at_start)
        if self._row.number <= number <= self._row.number + 3:
            return True
        # a table of some rows of a longer list (a bureau's share) keeps their numbers (3, 68, 73): a greater number
        # under a heading, or after a row whose cells are all read, starts a row
        return number > self._row.number and (self._last == "heading" or 0 < len(self.cell_kinds) <= len(self._cells))

    def _start_row(self, number: int, i: int) -> int:
        self._close_group()
        if self._row is not None and number == self._row.number:
            return self._skip_repeated_title(i + 1)
        self._finish_row()
        self._row = _Row(number, self.lines[i].no)
        self._last = "row"
        return self._read_title(i + 1)

    def _read_title(self, i: int) -> int:
        """Read the row title (a short line, maybe continued by a short fragment)."""
        n = len(self.lines)
        while i < n and not self.lines[i].text and not self.lines[i].blank_cell:
            i += 1
        if i >= n:
            return i
        line = self.lines[i]
        t = line.text
        if (not t or _sentence_like(t) or match_item(t, expected=1) or looks_like_unit_list(t)
                or _row_no(t) is not None):
            return i
        title = _Span(t, line.no, line.no)
        i += 1
        while i < n:
            nxt = self.lines[i].text
            if (not nxt or len(nxt) > MAX_TITLE_CONTINUATION or _sentence_like(nxt) or looks_like_unit_list(nxt)
                    or _row_no(nxt) is not None or match_item(nxt, expected=1)):
                break
            if self._first_cell(nxt) or self.text_columns >= 2 and self._cells_follow(i + 1) or \
                    self._fills_cells(i, mark=False):
                break  # the row's first cell (a leader: 王某某), or, under a content column, its content; or the
                # row's lines from here are its cells
            title.extend(nxt, self.lines[i].no)
            i += 1
        self._row.title = title
        self._last = "title"
        return i

    def _cells_follow(self, i: int) -> bool:
        """Whether the next line with text from ``lines[i]`` is a cell (a unit list or a blank cell)."""
        while i < len(self.lines) and not self.lines[i].text:
            if self.lines[i].blank_cell:
                return True
            i += 1
        return i < len(self.lines) and (looks_like_unit_list(self.lines[i].text) or self._first_cell(self.lines[i].text))

    def _first_cell(self, text: str) -> bool:
        """Whether ``text`` reads as the row's first cell where that column holds people (王某某, 李某副市长)."""
        return bool(self.cell_kinds) and self.cell_kinds[0] == LEADER and _PERSON.fullmatch(text) is not None \
            and not is_unit_name(text) and _people(text)

    def _skip_repeated_title(self, i: int) -> int:
        """Skip the title lines of a row repeated across a page break."""
        title = self._row.title.text if self._row.title else ""
        seen = ""
        j = i
        while j < len(self.lines) and title:
            t = self.lines[j].text
            if not t:
                j += 1
                continue
            if title.startswith(seen + t):
                seen += t
                j += 1
                if seen == title:
                    return j
                continue
            break
        return i if not seen else j

    def _read_other(self, i: int) -> int:
        """A line that is neither a row number nor a numbered item: text or a cell."""
        line = self.lines[i]
        t = line.text
        row = self._row
        if self._forced:
            self._forced -= 1
            self._cells.append(_Span(t, line.no, line.no))
            self._last = "cell"
            return i + 1
        if self._last in ("row", "title") and not row.items:
            if row.title is not None and not looks_like_unit_list(t) and not self._first_cell(t) and \
                    self._fills_cells(i):
                self._add_item(None, _Span(row.title.text, row.title.first, row.title.last))
                return self._read_other(i)  # the row's cells one a line, whatever names they hold
            if (looks_like_unit_list(t) or self._first_cell(t)) and row.title is not None:
                # No content column text: the title is the task.
                self._add_item(None, _Span(row.title.text, row.title.first, row.title.last))
                return self._read_cell(i)
            self._add_item(None, _Span(t, line.no, line.no))
            return i + 1
        if self._last == "item" and not self._cells and not looks_like_unit_list(t) and self._fills_cells(i):
            return self._read_other(i)  # the row's cells one a line, whatever names they hold
        if self._last == "item" and not self._cells and (_sentence_like(t) or self._text_not_cell(t) or
                                                         self.lines[i - 1].text and self._double_spaced()) and \
                not (self.has_units and "。" not in t and _role_clause(t)):
            # a paragraph wrapped over two lines; in a table printing a blank line after every cell, a line right
            # under the item's (no blank line between) is a line break inside its cell
            self._row.items[-1].span.extend(t, line.no)
            return i + 1
        if self._last == "cell" and (_sentence_like(t) or self._text_not_cell(t, i)) and not self._stopped_unit_cell(t):
            # A paragraph after cells without a marker: a new item of this row.
            self._close_group()
            self._add_item(None, _Span(t, line.no, line.no))
            return i + 1
        return self._read_cell(i)

    def _fills_cells(self, i: int, mark: bool = True) -> bool:
        """Whether the row's lines from ``lines[i]`` to its end (the next row number, a heading, the table's end)
        are exactly as many as its cell columns and each fits its column (no sentence where units stand, a short
        deadline): its cells one a line, the units in them whatever names they are (the lexicon knows none of
        市甲坊 / 乙舍等丙苑,丁阁). With ``mark``, sets them to be read so."""
        n = len(self.cell_kinds)
        if not self.has_units or self._row is None:
            return False
        found: list[str] = []
        j = i
        stop = min(len(self.lines), i + 3 * (n + 1) + 10)  # (blank lines between cells: a bounded look)
        ended = stop == len(self.lines)  # the row ends where the document does
        while j < stop:
            line = self.lines[j]
            t = line.text
            if line.blank_cell:
                return False
            j += 1
            if not t:
                continue
            first = t[0]
            if first.isdecimal() and (no := _row_no(t)) is not None and self._row.number < no <= self._row.number + 3 \
                    or first in _TABLE_END_STARTS and _TABLE_END.match(t) or first in _HEADING_STARTS and _is_heading(t):
                ended = True
                break
            if first in MARKER_STARTS and match_item(t, expected=self._row.next_sub()) or t == self.columns[0]:
                return False
            found.append(t)
            if len(found) > n:
                return False
        cut = j >= len(self.lines) and stop == len(self.lines) and found and (n - len(found)) > 0 and \
            not any(kind in ROLE_OF_KIND for kind in self.cell_kinds[len(found):])  # the document stops in the row,
        # after its unit cells (a report column or two left out): those it prints are its cells as well
        if not ended or len(found) != n and not cut or \
                not all(_fits(kind, t) for kind, t in zip(self.cell_kinds, found)):
            return False
        if mark:
            self._forced = len(found)
        return True

    def _unit_cell_next(self, i: int) -> bool:
        """Whether the next line with text after ``lines[i]`` is a unit cell of the first unit column (a name):
        after a remark cell (the row's last) comes no unit cell, so the line before it opened an item."""
        j = i + 1
        while j < len(self.lines) and not self.lines[j].text:
            j += 1
        if j >= len(self.lines) or not self.cell_kinds or self.cell_kinds[0] not in ROLE_OF_KIND:
            return False
        return looks_like_unit_list(self.lines[j].text)

    def _text_not_cell(self, text: str, i: int | None = None) -> bool:
        """Whether a short line without punctuation is text where a unit cell would stand (拟订学校安全工作有关规章
        措施并督促落实): the next cell is a unit column's (or the row's cells are complete) and no part of the line
        reads as a unit, a person or a date."""
        k = len(self._cells)
        if len(text) < MIN_TEXT and not (_QUOTED.search(text) and not is_unit_name(text)) and \
                not (i is not None and k >= len(self.cell_kinds) and self._sub_row(text, i)):
            return False  # a short line may be a name the lexicon does not know, but not one quoting a slogan
        if k < len(self.cell_kinds) and self.cell_kinds[k] not in ROLE_OF_KIND and self.cell_kinds[k] != LEADER and \
                not (self.cell_kinds[k] == TEXT and i is not None and self._unit_cell_next(i)):
            return False  # a remark column's cell (备注); but a unit cell after the line makes it the next item's text
        if text[:1].isdecimal() and _DATE_LIKE.search(text) or self._first_cell(text) or _unitish(text) or \
                _NAME_START.match(text) or names_list(text) or text[:1] in _MARK_STARTS and _units_by_shape(text):
            # 市人力资源和社会保 / 障局: a name broken over two lines; ★甲坊、乙苑: a unit cell its mark opens
            return False
        return not any(is_unit_name(p) or _unitish(p) for p in bracket_depth_split(text, LIST_SEPARATORS))

    def _double_spaced(self) -> bool:
        if self._spaced is None:
            self._spaced = double_spaced(self.lines, self._start)
        return self._spaced

    def _name_goes_on(self, text: str, i: int) -> bool:
        """Whether ``text`` and the next line with text make one unit name broken over two lines (县交通 / 运输局),
        the next line no whole name of its own (县交通运输局)."""
        j = i + 1
        while j < len(self.lines) and not self.lines[j].text and not self.lines[j].blank_cell:
            j += 1
        if j >= len(self.lines) or not self.lines[j].text:
            return False
        head = bracket_depth_split(self.lines[j].text, LIST_SEPARATORS)[0]
        if head[:1] in _MARK_STARTS:
            return False  # a mark opens a cell of its own (★区商务局: the unit the row's lead mark picks out)
        return is_unit_name(text + head) and not (_NAME_START.match(head) and is_unit_name(head))

    def _sub_row(self, text: str, i: int) -> bool:
        """Whether a short line after a row's complete cells opens a row of its own under the cells merged above
        (序号 / 名称 printed once over several rows: 办理营业执照 / 区市监局 / 刻制印章 / 区公安局): nothing in it
        reads as a name, and the next line with text is a whole name of its own (区公安局), so the line is no
        half of a name broken over two lines."""
        if len(text) < 4 or _NAME_START.match(text) or _unitish(text) or is_unit_name(text):
            return False
        j = i + 1
        while j < len(self.lines) and not self.lines[j].text:
            if self.lines[j].blank_cell:
                return False
            j += 1
        if j >= len(self.lines):
            return False
        nxt = self.lines[j].text
        head = bracket_depth_split(nxt, LIST_SEPARATORS)[0]
        return _NAME_START.match(head) is not None and (is_unit_name(head) or is_level_name(head) and
                                                        name_shaped(nxt))  # (a name opening with its level: 区甲坊)

    def _read_cell(self, i: int) -> int:
        """Read one cell starting at ``lines[i]``, joining a name split over two lines."""
        line = self.lines[i]
        k = len(self._cells)
        if 0 < k <= len(self.cell_kinds) and self.cell_kinds[k - 1] == LEADER and self._cells[-1] is not None and \
                _PERSON.fullmatch(line.text) and not _NAME_START.match(line.text) and not is_unit_name(line.text) \
                and _people(line.text) \
                and not looks_like_unit_list(line.text) and not self._name_goes_on(line.text, i):
            self._cells[-1].extend(line.text, line.no, "、")  # people one a line (王某 / 李某): one leader cell
            return i + 1
        cell = _Span(line.text, line.no, line.no)
        j = i + 1
        while j < len(self.lines):
            nxt = self.lines[j]
            if not nxt.text and not nxt.blank_cell and (cell.text.endswith(_SEPARATORS) or self._double_spaced()):
                j += 1  # a list broken after its separator (区政府办公室、 / blank line / 区规划资源局), or a page
                continue  # printing a blank line after every line: the cell may go on after it
            if not nxt.text or nxt.blank_cell:
                break
            first = nxt.text[0]  # cheap tests of the first character before the rules that need it
            if first.isdecimal() and _row_no(nxt.text) is not None or _sentence_like(nxt.text):
                break
            if first in MARKER_STARTS and match_item(nxt.text, expected=self._row.next_sub()) or \
                    first == "附" and ANNEX_HEADING.match(nxt.text):
                break
            if not self._continues(cell.text, nxt.text, self._next_cell_kind()):
                break
            cell.extend(nxt.text, nxt.no)
            j += 1
        self._cells.append(cell)
        self._last = "cell"
        return j

    def _stopped_unit_cell(self, text: str) -> bool:
        """Whether ``text`` is the next unit column's cell closed by a stop (区政府有关部门,各乡镇人民政府。): a unit
        list but for its last character, where the row's cells read so far leave a unit column next."""
        if text[-1:] not in _CELL_STOPS or self._next_cell_kind() not in ROLE_OF_KIND:
            return False
        core = text[:-1]
        return "。" not in core and (looks_like_unit_list(core) or name_shaped(core))

    def _next_cell_kind(self) -> str | None:
        k = len(self._cells)
        return self.cell_kinds[k] if k < len(self.cell_kinds) else None

    @staticmethod
    def _continues(text: str, nxt: str, kind: str | None = None) -> bool:
        """Whether ``nxt`` is the rest of a cell split after ``text`` (a cell of column ``kind``)."""
        if text.endswith(_SEPARATORS) or nxt.startswith(_SEPARATORS):
            return True
        if nxt[:1] in _MARK_STARTS:
            return False  # a mark opens a cell of its own (王某 / ★区商务局)
        if nxt[:1] in "(（" and _BRACKET_NOTE.fullmatch(nxt) and not text.endswith((")", "）")):
            return True  # a name's bracketed note printed on a line of its own: 高新园 / (邹区镇)
        if kind in (LEADER, DEADLINE):
            return False  # people and dates are not organisation names
        tail = strip_noise(bracket_depth_split(text, LIST_SEPARATORS)[-1])
        if is_unit_name(tail) or tail.endswith((")", "）")):  # a whole name, or one closed by its bracketed note
            return False
        if tail[:1].isdecimal() and _FIGURE.fullmatch(tail):
            return False  # a figure (5%, 9亿元: a count column's cell) is no name's first half
        head = bracket_depth_split(nxt, LIST_SEPARATORS)[0]
        if not is_unit_name(tail + head):
            return False
        if is_place(tail) and _LEVEL_START.match(head) and is_unit_name(head):
            return False  # a place in a unit cell (登封市, 东村), the next cell a name of its own (区财政局, 各村委会)
        if _COLLECTIVE_START.match(tail) or len(tail) <= 2 or len(tail) == 3 and not tail.endswith(_AREA_ENDS):
            # 相关县 / 韶山 + 市…: too short to be a name (a three-character area, 经开区, is one)
            return True
        return not (_NAME_START.match(head) and is_unit_name(head))

    # -- groups and rows -----------------------------------------------------------------
    def _add_item(self, number: int | None, span: _Span) -> None:
        item = _Item(number, span)
        if number is not None and number > self._row.top:
            self._row.top = number
        self._row.items.append(item)
        self._pending.append(item)
        self._last = "item"

    def _close_group(self) -> None:
        cells = self._cells
        while cells and cells[-1] is None and len(cells) > len(self.cell_kinds):
            cells.pop()
        if len(cells) > len(self.cell_kinds):
            cells = self._merge_overflow(cells)
        if (len(cells) < len(self.cell_kinds) and self.cell_kinds[0] == LEADER and cells and cells[0] is not None
                and not self._first_cell(cells[0].text) and _units_by_shape(cells[0].text)):
            cells = [None] + cells  # no person in the leader column (merged with the row above): units from the next
            if self._single is not None and len(self._pending) == 1:
                self._first_printed = True  # the leader merged over rows was printed with the first of them
        if self._labelled and self._pending:
            cells = list(cells) or [None]
        if cells and self._pending:
            cells = tuple(cells)  # one group, shared by its items
            if self._labelled:
                self._group_labels[id(cells)] = self._labelled
            pending = self._pending
            if len(pending) > 1 and self._single is not None:
                self._merged_above.append((pending[:-1], *self._single))  # decided at the table's end
            for item in pending:
                item.cells = cells
            self._single = (pending[0], cells) if len(pending) == 1 else None
            self._pending = []
        self._cells = []
        self._labelled = []

    def _merge_overflow(self, cells: list[_Span | None]) -> list[_Span | None]:
        """More cells than columns: join a fragment to the cell after it (never a name closed by its bracketed
        note, never to a date); then unit cells
        left over after the last unit column belong to it (区绿化市容局 / 区党政机关、公共机构 / 2019年9月
        under 牵头部门 / 配合部门 / 时间节点: one cooperating cell broken over two lines)."""
        cells = list(cells)
        while len(cells) > len(self.cell_kinds) and cells[0] is not None and _FIGURE.fullmatch(cells[0].text):
            del cells[0]  # a figure in a text column between the task and its cells (区本级任务数: 5%, 9亿元)
        k = 0
        while len(cells) > len(self.cell_kinds) and k < len(cells) - 1:
            a, b = cells[k], cells[k + 1]
            tail = strip_noise(bracket_depth_split(a.text, LIST_SEPARATORS)[-1]) if a else ""
            person = k < len(self.cell_kinds) and self.cell_kinds[k] == LEADER and a is not None and \
                _PERSON.fullmatch(a.text)  # (a blank cell, None, is no person)
            area = len(tail) >= 3 and tail.endswith(_AREA_ENDS)  # 经开区, 高新园: a whole area, no fragment
            if a and b and not person and not area and not is_unit_name(tail) and not tail.endswith((")", "）")) and \
                    not _DATE_LIKE.search(b.text) and (len(tail) <= 2 or not name_shaped(a.text) or
                                                       is_unit_name(tail + bracket_depth_split(b.text, LIST_SEPARATORS)[0])):
                # (a whole name the lexicon does not know, 甲坊 / 乙苑, is no fragment: joined only where the two
                # make a name it knows, 市人力资源和社会保 / 障局)
                a.extend(b.text, b.last)
                del cells[k + 1]
                continue
            k += 1
        last_unit = max((k for k, kind in enumerate(self.cell_kinds) if kind in ROLE_OF_KIND), default=None)
        while last_unit is not None and len(cells) > len(self.cell_kinds) and last_unit + 1 < len(cells):
            a, b = cells[last_unit], cells[last_unit + 1]
            if not (a and b and (_unitish(a.text) or _one_name(a.text)) and (_unitish(b.text) or _one_name(b.text))) or \
                    _DATE_LIKE.search(b.text):
                break
            a.extend(b.text, b.last, "、")
            del cells[last_unit + 1]
        return cells

    def _finish_row(self) -> None:
        self._single = None
        if self._row is not None:
            self.rows.append(self._row)
        self._row = None
        self._pending = []
        self._last = ""

    # -- results -------------------------------------------------------------------------
    def assignments(self, item: _Item, source: str) -> tuple[list[Assignment], list[str], list[str]]:
        """Assignments, deadline cells as printed and leader names of an item, from its cells.

        Items of one group share their cells; the group is read once (``self._groups``).
        """
        key = id(item.cells)
        cached = self._groups.get(key)
        if cached is None or cached[0] is not item.cells:
            cached = (item.cells, self._read_group(item.cells, source))
            self._groups[key] = cached
        assignments, deadlines, leaders = cached[1]
        if item.basis is not None:
            assignments = [replace(a, inferred=True, basis=item.basis) for a in assignments]
        return list(assignments), list(deadlines), list(leaders)

    def _read_group(self, cells, source: str) -> tuple[list[Assignment], list[str], list[str]]:
        assignments: list[Assignment] = []
        deadlines: list[str] = []
        leaders: list[str] = []
        for kind, cell in zip(self.cell_kinds, cells):
            if cell is None:
                continue
            role = ROLE_OF_KIND.get(kind)
            if role is not None:
                prov = Provenance(source, cell.first, cell.last)
                if _role_clause(cell.text):  # the cell says the roles itself (X牵头,Y配合): they hold over the column's
                    from .clauses import parse_clause

                    assignments += [Assignment(name, r, prov) for name, r in parse_clause(cell.text, role).assignments]
                    continue
                # a deadline cell shifted into a unit column is no unit (a date opens with a digit: tested first)
                assignments += [Assignment(name, role, prov) for name in split_units(cell.text)
                                if not (name[:1].isdecimal() and _DATE_LIKE.search(name))]
            elif kind == DEADLINE:
                deadlines.append(cell.text)
            elif kind == LEADER:
                leaders.extend(p for p in bracket_depth_split(cell.text, LIST_SEPARATORS) if p)
        for role, cell in self._group_labels.get(id(cells), ()):
            prov = Provenance(source, cell.first, cell.last)
            assignments += [Assignment(name, role, prov) for name in split_units(cell.text)]
        return assignments, deadlines, leaders
