"""Plans written as numbered prose: items with inline clauses, label lines or unit lines.

The lines outside tables are read as an outline (一、 > (一) > 1. > (1) > ① and
unnumbered paragraphs). An item is a task when it names who does it:

* an inline clause: ``1.做好A。(市发改委牵头,市财政局配合)``; an item holding several
  sentences each with its own clause gives one task per sentence;
* label lines under it: ``牵头单位:X`` / ``责任单位:X`` / ``部门分工:X牵头,Y配合`` /
  ``完成时限:…`` / ``分管省领导:某某`` (a person: kept in ``leaders``);
* a unit line under it, ``市发改委牵头落实``, or, under a column header printed one label
  per line (目标 / 任务 / 主要内容 / 责任单位), a bare unit list in that column's role.

An item with none of these is a task too when an item of the same list is (a plan
cut off before an item's clause). A clause noting 下同 (以下…不再单独列出) spreads its
units to every later task, as inferred assignments.

>>> from .lines import to_lines
>>> ls = to_lines("一、重点任务\\n1.建设绿道。(市住建局牵头,各区政府配合)\\n2.治理水系。\\n牵头单位:市水利局")
>>> [(t.id, t.text, [(a.unit, a.role.value) for a in t.assignments]) for t in read_prose(ls, "p.txt")]
[('S1-1', '建设绿道。', [('市住建局', 'lead'), ('各区政府', 'cooperating')]), ('S1-2', '治理水系。', [('市水利局', 'lead')])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import Assignment, Deadline, Provenance, Role, Task
from ..text.amounts import find_amounts
from ..text.dates import find_deadlines, parse_date
from ..text.markers import CIRCLED, chinese_numeral, inline_items, is_row_number
from ..text.normalize import SENTENCE_PUNCT, bracket_depth_split
from ..text.role_cues import alternation, any_role_word, role_words, words
from ..text.units import LEAD_WORDS, LIST_SEPARATORS, ROLE_WORDS, is_listed_name, is_unit_name
from .clauses import (MAX_HEAD, NOT_NAME_START, PERSON_TITLE, Clause, Found, _SUBJECT_NEXT, _level_opening, bare_bracket,
                      bare_units, spaced_slot_names,
                      bracket_groups, colon_duties, duty_role, find_clauses, labelled_slot, leading_clauses,
                      may_hold_role_words, opens_duty, parse_clause, slot_names, subject_opening, unit_blocks,
                      closes_as_clause,
                      well_formed_units, _HINT, _OPENER)
from .columns import MAX_LABEL, header_block, is_label
from .unit_scan import MAX_OPENING, doers_after_by, handed_doers, opening_units
from .labels import (COOPERATING, DEADLINE, DIVISION, LABEL_ANYWHERE, LEAD, LEADER, OVERSIGHT, RESPONSIBLE, is_primary,
                     match_label)
from .lines import Line, is_furniture
from .obligations import ITEM_SUBJECT, STEP_DATE, rule_then_now
from .outline import annex_list_end, split_title
from .shaped_heads import parallel_heads, shaped_head

ROLE_OF_LABEL = {LEAD: Role.LEAD, RESPONSIBLE: Role.RESPONSIBLE, COOPERATING: Role.COOPERATING}

_STYLES = [  # (style, rank, pattern): the usual hierarchy of Chinese plans
    ("cn", 1, re.compile(r"^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.+)$")),
    ("cnp", 2, re.compile(r"^[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(.+)$")),
    ("num", 3, re.compile(r"^(\d{1,2})\s*[、.．](?!\d)\s*(.+)$")),
    ("nump", 4, re.compile(r"^[(（]?\s*(\d{1,2})\s*[)）]\s*(.+)$")),
    ("circ", 5, re.compile(r"^([" + CIRCLED + r"])\s*(.+)$")),
    ("art", 1, re.compile(r"^第([一二三四五六七八九十]{1,3}|\d{1,3})条\s*(.+)$")),  # 第四条 (the articles of a 办法)
]
PARA_RANK = 9
_MARKER_FIRST = frozenset("一二三四五六七八九十(（第" + CIRCLED)  # with digits and spaces: how every style starts


@dataclass
class _Node:
    style: str
    rank: int
    number: int | None
    text: str
    line: int
    parent: "_Node | None" = None
    children: list["_Node"] = field(default_factory=list)
    labels: list[tuple[str, str, int]] = field(default_factory=list)   # kind, content, line
    leaders: list[str] = field(default_factory=list)  # people in a leader column's cells
    unit_lines: list[tuple[Clause, int]] = field(default_factory=list)
    members: list[int] = field(default_factory=list)  # lines of labels listing a working group's members
    last_line: int = 0
    text_end: int = 0  # last line of the item's own text (its folded body paragraphs included)
    _clauses: list[Found] | None = None

    @property
    def clauses(self) -> list[Found]:
        if self._clauses is None:
            text = self.text
            if "。" not in text and ":" not in text and "：" not in text and _HINT.search(text) is None \
                    and _OPENER.search(text) is None:
                self._clauses = []  # what each finder below needs first (a hint, a bracket, a stop or a colon): none
                return self._clauses  # (a title, a heading, a name: most short lines)
            numbered = self.style not in ("para", "root")  # a numbered item is one task per unit
            # its labels name the units (most items have none: no generator then)
            labelled = bool(self.labels) and any(kind in ROLE_OF_LABEL for kind, _, _ in self.labels)
            self._clauses = (find_clauses(self.text) or colon_duties(self.text, not numbered)
                             or leading_clauses(self.text)
                             or (unit_blocks(self.text, not numbered) if not labelled else []))
            if "属于" in self.text and self._clauses:
                self._clauses = _no_class_clauses(self.text, self._clauses)
            if len(self._clauses) > 1 and "应" in self.text and "由" in self.text:
                self._clauses = _superseded(self.text, self._clauses)
            if self._clauses and ("由" in self.text[3:_BODY_HEAD + 2] or ":" in self.text[2:_BODY_HEAD + 1]
                                  or "：" in self.text[2:_BODY_HEAD + 1]):
                self._clauses = _body_first(self.text, self._clauses)
        return self._clauses

    def assigned(self) -> bool:
        return bool(self.clauses or self.unit_lines or self.labels and any(k != DEADLINE for k, _, _ in self.labels))


def _no_class_clauses(text: str, found: list[Found]) -> list[Found]:
    """``found`` without the unit-first clauses that say what class a thing is of (属于市级单位负责的管网,由市水务公司
    负责…: whose network it is, the condition of the work, not who does it).

    >>> t = "属于市级单位负责的管网,由市水务公司负责整改。"
    >>> found = [Found(0, 8, Clause([("属于市级单位", Role.LEAD)]), leading=True),
    ...          Found(13, 20, Clause([("市水务公司", Role.LEAD)]), leading=True)]
    >>> [t[f.start:f.end] for f in _no_class_clauses(t, found)]
    ['市水务公司负责']

    (The clause reader no longer reads ``X负责的Y`` as a duty, so it gives no such clause itself: this is a
    second guard, for clauses found another way.)
    """
    return [f for f in found if not (f.leading and text.startswith("属于", f.start) and text[f.end:f.end + 1] == "的")]


# A body named before a colon (or as a sentence of its own), then 由 and the units running it (应急通信组:由文化、电信
# 等部门牵头,负责…; 医疗救治组。由县卫健局牵头,…), or those units right after the colon (综合组:县应急局牵头,…).
_BODY_HEAD = 20
_BODY_BY = re.compile(r"^(?P<body>[^，,。；;:：、由()（）]{2,%d})(?:[:：。]由|(?P<colon>[:：]))" % _BODY_HEAD)


def _body_first(text: str, found: list[Found]) -> list[Found]:
    """The clauses of an item opening with a body's name, a colon and 由 the units running it (救助组:由民政、卫健
    等部门牵头,负责…): the body does the item (responsible) beside its lead units, as it does where 由 names no
    role (信息组:由指挥部抽调人员组成,负责…: the body's block). Where the units running it follow the colon with no
    由 (综合组:县应急局牵头,县委办配合。…), the body's name is all the clauses found read: the clause after the colon
    is read too.

    >>> [(u, r.value) for u, r in _body_first("救助组:由民政、卫健等部门牵头,负责救助。", [Found(0, 14, Clause(
    ...     [("民政", Role.LEAD), ("卫健", Role.LEAD)]), leading=True)])[0].clause.assignments]
    [('救助组', 'responsible'), ('民政', 'lead'), ('卫健', 'lead')]
    >>> [(u, r.value) for u, r in _body_first("救助组:县民政局牵头,县卫健局配合。负责救助。", [Found(0, 4, Clause(
    ...     [("救助组", Role.RESPONSIBLE)]), leading=True)])[0].clause.assignments]
    [('救助组', 'responsible'), ('县民政局', 'lead'), ('县卫健局', 'cooperating')]
    """
    m = _BODY_BY.match(text)
    first = found[0]
    if m is None or first.start > m.end() or not first.clause.assignments:
        return found
    body = m.group("body")
    if m.group("colon"):
        if [u for u, _ in first.clause.assignments] != [body] or len(found) > 1 \
                or not (after := leading_clauses(text[m.end():])) or not after[0].clause.role_words:
            return found
        clause = replace(after[0].clause, assignments=[(body, Role.RESPONSIBLE)]
                         + [(u, r) for u, r in after[0].clause.assignments if u != body])
        return [Found(0, m.end() + after[0].end, clause, leading=True)]
    if well_formed_units(body) != [body] and (text[m.end() - 2] not in ":：" or shaped_head(body) != [body]) \
            or any(u == body for u, _ in first.clause.assignments):
        return found  # (a name no suffix list knows is kept where a colon and 由 mark it as a body's: 城东组:由…)
    clause = replace(first.clause, assignments=[(body, Role.RESPONSIBLE), *first.clause.assignments])
    return [replace(first, clause=clause), *found[1:]]


def _superseded(text: str, found: list[Found]) -> list[Found]:
    """The clauses without one stating who does the work by rule (…按照《条例》规定应由县建设局负责管理) where the
    next clause of the sentence says who does it now (,现由县城管办负责管理): the rule's holder is no assignment.

    >>> t = "占道经营按照《条例》规定应由县建设局负责管理,现由县城管局负责管理。"
    >>> [[u for u, _ in f.clause.assignments] for f in _superseded(t, find_clauses(t) or leading_clauses(t))]
    [['县城管局']]
    >>> t = "广告牌设置依照《条例》应由县建设局负责审批,现由县建设局委托县城管局负责审批。"
    >>> [[u for u, _ in f.clause.assignments] for f in _superseded(t, find_clauses(t) or leading_clauses(t))]
    [['县城管局']]
    """
    out = list(found)
    k = 0
    while k + 1 < len(out):
        first, then = out[k], out[k + 1]
        if first.leading and then.leading and "。" not in text[first.end:then.start] \
                and rule_then_now(text, 0 if k == 0 else out[k - 1].end, first.end, max(then.end, then.start + 30)):
            del out[k]
            continue
        k += 1
    return out


def _marker(text: str) -> tuple[str, int, int | None, str] | None:
    first = text[:1]
    if not (first in _MARKER_FIRST or first.isdecimal() or first.isspace()):  # \d and \s of the patterns
        return None
    for style, rank, pattern in _STYLES:
        m = pattern.match(text)
        if m:
            raw = m.group(1)
            number = (CIRCLED.index(raw) + 1 if style == "circ" else int(raw) if raw.isdigit()
                      else chinese_numeral(raw))
            return style, rank, number, m.group(2)
    return None


# A heading that names who leads all its items: 县示范区管委会牵头工作(8项), 市发改委负责的任务.
_HEADING_ROLE = re.compile(r"^(.{2,60}?(?:" + "|".join(ROLE_WORDS) + r"))(?:的)?(?:重点)?(?:工作|任务|事项|项目)?"
                           r"(?:[(（]\d{1,3}(?:项|个|件)[)）])?$")


# A role mark closing a heading that names units (一、县住建局(牵头) / (二)市交通局（配合单位）).
_HEADING_MARK = re.compile(r"[(（](?:" + "|".join(ROLE_WORDS) + r")(?:单位|部门)?[)）]$")


def _heading_clause(text: str) -> Clause | None:
    """The units and roles of a heading that is nothing but them: 县示范区管委会牵头工作(8项), 县住建局(牵头).

    >>> [[(u, r.value) for u, r in _heading_clause(t).assignments] for t in ("市发改委牵头的工作", "县住建局（牵头）")]
    [[('市发改委', 'lead')], [('县住建局', 'lead')]]
    >>> _heading_clause("推进老旧小区改造（牵头）") is None
    True
    """
    m = _HEADING_ROLE.match(text)
    if not m:
        if text[-1:] not in ")）" or len(text) > MAX_HEAD or (mark := _HEADING_MARK.search(text)) is None \
                or not bare_units(text[:mark.start()]):
            return None
        clause = parse_clause(text)  # 县住建局(牵头): the names, then their role in brackets
        return clause if clause is not None and clause.role_words else None
    clause = parse_clause(m.group(1))
    return clause if clause is not None and clause.role_words else None




def _people(text: str) -> bool:
    """A cell of people: short names (董贵波、郑敏强) or names with posts (阮斌副局长), no unit among them.

    >>> _people("董贵波、郑敏强"), _people("阮斌副局长"), _people("市财政局")
    (True, True, False)
    """
    parts = [p for p in re.split(r"[、，,；;]", text) if p]
    return bool(parts) and all(
        (2 <= len(p) <= 4 or (PERSON_TITLE.search(p) and len(p) <= 12)) and not is_unit_name(p)
        and all("\u4e00" <= ch <= "\u9fff" for ch in p) for p in parts)


def _fold_body(node: _Node) -> None:
    """A numbered item whose paragraphs end with the one that names who does it is one task:
    1、在兰州设立综合配套改革试验区事宜 / 由杨志武副市长负责,市发改委牵头,…"""
    kids = node.children
    if (node.style in ("root", "para") or not kids or _division_heading(node) or node.assigned()
            or any(c.style != "para" or c.children for c in kids)
            or not kids[-1].assigned() or any(c.assigned() for c in kids[:-1])):
        return
    last = kids[-1]
    before = node.text, node.last_line, node.text_end
    _absorb(node, kids)
    if not node.assigned():  # the clause did not survive the join: keep the paragraphs as they were
        node.text, node.last_line, node.text_end = before
        node._clauses = None
        return
    node.labels.extend(last.labels)
    node.unit_lines.extend(last.unit_lines)
    node.leaders.extend(last.leaders)
    kids.clear()


WRAPPED_AT = 60  # characters: a text this long without a closing mark was cut by a line break
_CJK_EDGE = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff]$")


def _absorb(node: _Node, body: list[_Node], joint: str | None = None) -> None:
    """Fold the paragraphs ``body`` into ``node``: their text after its own, their lines into its span."""
    if joint is None:
        # a long text stopping mid-sentence was wrapped (…由办 / 公室负责…); a short one is a title before its body
        wrapped = len(node.text) >= WRAPPED_AT and body and _CJK_EDGE.match(node.text[-1] + body[0].text[:1])
        joint = "" if node.text.endswith(tuple(SENTENCE_PUNCT)) or wrapped else "。"
    node.text = node.text + joint + "".join(c.text for c in body)
    node._clauses = None
    node.last_line = max(c.last_line for c in body)
    node.text_end = max(max(c.line, c.text_end) for c in body)


def _leading_units(content: str, role: Role | None) -> Clause | None:
    """The unit list a labelled slot starts with, when text was glued after it (longest that parses)."""
    for end in range(min(len(content), 80), 1, -1):
        if is_unit_name(content[:end]):
            clause = parse_clause(content[:end], role)
            if clause is not None and clause.assignments:
                return clause
    return None


# A field name opening an item's text (项目名称:, 工作任务:): the item is what follows it.
_FIELD_LABEL = re.compile(r"^(?:项目|工作|任务|事项)?(?:名称|内容|任务|事项)[:：]")
_FIELD_LABEL_STARTS = frozenset("项工任事名内")  # what _FIELD_LABEL opens with (a cheap test before it)
_BARE_ROLE_LABEL = re.compile(r"(?:" + any_role_word() + r")(?:单位|部门)")  # every role's words (role_cues.txt)
_SPACED_LABEL = re.compile(r"^[ \t\u3000]*(\S{2,8})[ \t\u3000]+(\S.*)$")
_SPACE_OR_SEMICOLON = re.compile(r"[\s;；]+")


def _spaced_label(name: str, content: str):
    """A role label whose colon is a space (牵头单位 市发改委), or None; never a header of label names.

    >>> _spaced_label("配合单位", "市财政局 市税务局").content, _spaced_label("牵头单位", "配合单位") is None
    ('市财政局、市税务局', True)
    >>> _spaced_label("牵头单位", "市住建局  责任单位 市财政局、市林业局").content
    '市住建局;责任单位:市财政局、市林业局'

    """
    parts: list[list[str]] = [[name]]
    for token in _SPACE_OR_SEMICOLON.split(content.strip()):  # 牵头单位 市发改委 责任单位 市财政局: each label word opens a part
        more = match_label(token + ":") if len(token) <= 8 else None
        if more is not None and more.name == token and (more.kind in ROLE_OF_LABEL or more.kind in (LEADER, DEADLINE)):
            parts.append([token])
        else:
            parts[-1].append(token)
    if any(len(part) == 1 for part in parts):
        return None  # 牵头单位 配合单位: a header of label names, no label's content
    label = match_label(";".join(part[0] + ":" + "、".join(part[1:]) for part in parts))
    if label is not None and label.kind == LEADER and label.name == name:
        return label  # 责任领导 李四 (牵头单位 市发改委): a leader, then maybe the units' labels
    if label is None or label.kind not in ROLE_OF_LABEL or label.name != name:
        return None
    if match_label(label.content) or _BARE_ROLE_LABEL.match(label.content) or is_label(label.content.split("、")[0]):
        return None
    return label


def _bracket_end(content: str) -> int | None:
    """Where the bracket a label opened inside closes in the label's ``content`` (市城建局)2.完成…: 4), or None.

    >>> _bracket_end("市城建局)2.完成改造"), _bracket_end("市城建局、市财政局")
    (4, None)
    """
    at = min((k for k in (content.find(")"), content.find("）")) if k >= 0), default=-1)
    return at if at > 0 and "(" not in content[:at] and "（" not in content[:at] else None


# A name, then a space and the role word opening its duties (甲溪坊 负责机关党群工作。): the space marks the name's end.
_SPACED_SUBJECT = re.compile(r"^[ \t\u3000]*([\u4e00-\u9fff]{3,%d})[ \t\u3000]+(?:%s)"
                             % (MAX_HEAD, "|".join(("负总责", "负责", *LEAD_WORDS))))
_SPACED_NUMBER = re.compile(r"^\s*(\d{1,3})[ \t\u3000]+(?=[\u4e00-\u9fff])")


_BARS = "|｜"
_OPENERS = "(（〔【"
_CELL_CUT = re.compile(r"[|｜]")
_NOT_KEY = re.compile(r"[。；;，,、:：(（]")


def _key_value(text: str) -> str | None:
    """A row of two cells between bars, a short key and its value (|实施机构|县市场局牵头|), as ``key:value``;
    None for any other row.

    >>> _key_value("|责任单位|县市场局、县公安局|"), _key_value("|序号|任务|责任单位|"), _key_value("|1|建设绿道|")
    ('责任单位:县市场局、县公安局', None, None)
    """
    cells = _CELL_CUT.split(text.strip("|｜"))
    if len(cells) != 2 or not 2 <= len(cells[0]) <= 8 or not cells[1] or cells[0].isdecimal() \
            or _NOT_KEY.search(cells[0]) or set(cells[1]) <= set("-:："):
        return None
    return cells[0] + ":" + cells[1]


def _next_text(lines: list[Line], k: int, end: int) -> int | None:
    """Index of the first line with text from ``k`` on (before ``end``)."""
    while k < end:
        if lines[k].text:
            return k
        k += 1
    return None


def _owner(node: _Node, barrier: int = 0) -> _Node:
    """The item a label or unit line under ``node`` belongs to.

    Paragraphs printed under a numbered item before its label or unit line are the item's
    body (a row: number, title, content, units): they are folded into the item, which then
    holds the cue. Elsewhere the node itself holds it.
    """
    parent = node.parent
    if node.style == "para" and parent is not None and (parent.style in ("root", "para") or parent.assigned()):
        return _fold_group(node, parent, barrier)
    if (node.style != "para" or parent is None or parent.style in ("root", "para") or parent.assigned()
            or not parent.children or any(c.style != "para" or c.assigned() or c.children for c in parent.children)):
        return node
    _absorb(parent, parent.children)
    parent.children.clear()
    return parent


_HEADING_MAX = 16


def _heading_like(node: _Node) -> bool:
    """A short unpunctuated paragraph: a group's title, not a sentence of its body."""
    return len(node.text) <= _HEADING_MAX and not any(p in node.text for p in "。，,；;：:、")


def _fold_group(node: _Node, parent: _Node, barrier: int) -> _Node:
    """A clause after a group of paragraphs (title, bullets, then the units) covers the group.

    The group runs from the last short title line before the cue whose following lines are all
    sentences; without such a title the cue is the last paragraph's alone.
    """
    run: list[_Node] = []
    for child in reversed(parent.children):
        if child.style != "para" or child.assigned() or child.children or child.line < barrier:
            break
        run.append(child)
    run.reverse()
    if len(run) < 2 or _heading_like(run[-1]):
        return node
    start = None
    for i in range(len(run) - 2, -1, -1):
        if _heading_like(run[i]):
            start = i
            break
        if run[i].style != "para":
            break
    if start is None or any(_heading_like(c) for c in run[start + 1:]):
        return node
    head, body = run[start], run[start + 1:]
    _absorb(head, body, joint="。")
    for c in body:
        parent.children.remove(c)
    return head


_GROUP_NOTE = re.compile(r"^(?:以上|上述)(?:各项|所列|\d{1,2}项)?(?:工作|任务|事项|项目|内容)?(?:均|统一|分别)?(?:由)?")


def _unit_line(text: str, default: Role | None, last: bool) -> Clause | None:
    """A line that only names units (with role words, or in a known column's role)."""
    if "。" in text.rstrip("。"):  # a sentence, then more (组：由X牵头,Y参加。主要负责…): no unit line
        return None
    if default is None and not may_hold_role_words(text) and "会同" not in text:  # (由X会同Y: X leads, Y works
        # with it, whatever follows; cut at the end of a page: ──由市林业局会同各县市区)
        # (市发改委、市财政局) on a line of its own after an item: a bare bracketed list, as inside the item
        inner = text.rstrip("。；;")
        if inner[:1] in "(（" and inner[-1:] in ")）" and len(bracket_groups(inner)) == 1:
            return bare_bracket(inner[1:-1])
        return None  # it would need role words: not worth parsing
    text = text.rstrip("。；;")
    if text[:1] in "(（〔【" and text[-1:] in ")）〕】" and len(bracket_groups(text)) == 1:
        text = text[1:-1]  # (市发改委牵头) on a line of its own
    text = _GROUP_NOTE.sub("", text, count=1)  # 以上工作由市住建局牵头,…: a note after a group of items
    clause = parse_clause(text, default, bracketed=closes_as_clause(text))  # (r-slots) the line is the clause
    if clause is None and default is None and "由" in text[:4]:
        clause = _handed_line(text)  # ──由城东片区坊会同有关部门组织落实: 由 and 会同 mark the slots
    if clause is None and last:  # cut off inside the last name of the document
        parts = bracket_depth_split(text, LIST_SEPARATORS)
        if len(parts) > 1:
            clause = parse_clause(text[:len(text) - len(parts[-1]) - 1], default)
    if clause is None or not clause.assignments:
        return None
    if not clause.role_words and default is None:
        return None
    return clause


_LINE_OPENING = re.compile(r"^[─—\-－~～\s]*由")


def _handed_line(text: str) -> Clause | None:
    """A unit line handing the item's work on (──由城东片区坊会同有关部门和各县市区组织落实), read as role slots
    when the lexicon does not know the names: the doers after 由 lead, the units after 会同 cooperate (a bare 有关部门
    is noise); the doers alone, before the work (由X和各县市区组织落实), lead as a list closed by 落实 does.

    >>> [(u, r.value) for u, r in _handed_line("──由城东片区坊会同有关部门和各县市区组织落实。").assignments]
    [('城东片区坊', 'lead'), ('各县市区', 'cooperating')]
    >>> [(u, r.value) for u, r in _handed_line("──由城东片区坊和各县市区组织落实。").assignments]
    [('城东片区坊', 'lead'), ('各县市区', 'lead')]
    >>> [u for u, _ in _handed_line("──由市城东片区坊和各县市区组织落实。").assignments], _handed_line("由各县市区组织落实")
    (['市城东片区坊', '各县市区'], None)
    >>> _handed_line("由于时间紧") is None, _handed_line("由王某某副县长负责")
    (True, None)
    """
    m = _LINE_OPENING.match(text)
    if m is None or text.startswith(("于", "此"), m.end()) or any(c in text for c in "，,；;"):
        return None  # (由某某副市长负责,市发改委牵头,…: parts of their own, read as clauses)
    rest = text[m.end():].rstrip("。；;")
    got = doers_after_by(rest, _BY_VERBS, well_formed_units, slot_names)
    if got is None or got[0][0].startswith("各") or any(_ROLE_NAMED.search(n) or _NOT_IN_SUBJECT.search(n)
                                                         or PERSON_TITLE.search(n) for n in got[0]):
        return None  # (a collective after the first doer, 由X和各县市区, is read with it however the list was cut)
    doers = [part for n in got[0] for part in _AND_COLLECTIVE.split(n)]  # X和各县市区: a collective is no name's tail
    assignments = [(n, Role.LEAD) for n in doers]
    after = rest[got[1]:]
    if after.startswith("会同"):
        partners = handed_doers(after[2:], _BY_VERBS, slot_names) or opening_units(after[2:], well_formed_units)
        assignments += [(n, Role.COOPERATING) for n in (partners[0] if partners else ())
                        if n not in doers and not re.fullmatch(r"(?:有关|相关)(?:部门|单位)", n)]
    return Clause(assignments, role_words=True)


_AND_COLLECTIVE = re.compile(r"[和及](?=各)")


_DATE_LINE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九十]{4})年.{1,6}日$")


def _division_heading(node: _Node) -> bool:
    """A short heading over units' duties (三、职责分工, (二)部门职责): role cues, section heading.division."""
    return (node.style != "para" or _heading_like(node)) and len(node.text) <= 20 and \
        _DIVISION.search(node.text) is not None


_DIVISION = re.compile(alternation("heading.division"))
_DUTIES = re.compile(r"^[(（〔【]?(?:" + alternation("label.duties") + r")[)）〕】]?[:：]")


# What follows the subject of a duty: a verb, an adverb, a preposition (依法对…, 作为…, 要…, 负责…).
_AFTER_SUBJECT = re.compile(NOT_NAME_START.pattern + r"|^(?:作为|是|应|须|必须|指导|督促|监督|管理|承担|主管|统一"
                            r"|具体|依照|严格|定期|每年|及时|会同)")


def _opening_units(text: str) -> tuple[list[str], int] | None:
    """The unit list a sentence opens with as its subject (区城管执法局依法查处…, 各街道、镇作为…), and its end:
    the shortest list of names followed by a verb, an adverb or a preposition.

    >>> _opening_units("区城管执法局依法对违反规定的行为实施行政处罚")
    (['区城管执法局'], 6)
    >>> _opening_units("各街道、镇作为责任主体"), _opening_units("加强分类指导和考核")
    ((['各街道、镇'], 5), None)
    """
    for end in range(2, min(len(text) - 2, MAX_HEAD) + 1):
        if _AFTER_SUBJECT.match(text[end:]) or text[end] in "，,":
            names = bare_units(text[:end])
            if names:
                return names, end
    return None


# A paragraph that announces a unit's duty list: 街道办事处是…派出机构,…。主要工作职责是: / 县教育局的主要职责如下:
_DUTY_INTRO = re.compile(r"(?:主要)?(?:工作)?(?:职责|职能|任务)(?:是|为|如下|有)?[:：]$")
_OWN_DUTIES = re.compile(r"^(?P<unit>[^，,。；;:：]{2,24}?)的(?:主要)?(?:工作)?(?:职责|职能)")


def _duty_intro(text: str) -> list[str] | None:
    """The unit whose duty list a paragraph announces (its subject, or the owner of 的职责), or None.

    >>> _duty_intro("街道办事处是市政府的派出机构,负责辖区内行政管理工作。主要工作职责是:")
    ['街道办事处']
    >>> _duty_intro("县教育局的主要职责如下:"), _duty_intro("各部门要履行以下职责:")
    (['县教育局'], None)
    """
    if not text.endswith((":", "：", ":\n", "：\n")) or _DUTY_INTRO.search(text) is None:  # it ends with its colon
        return None
    own = _OWN_DUTIES.match(text)
    if own and (names := bare_units(own.group("unit"))):
        return names
    got = _opening_units(text)
    if got:
        return got[0] if not got[0][0].startswith("各") else None
    return _intro_subject(text)


# The subject of a sentence saying what a body is (城东片区坊是市政府的派出机构, 西泉阁为县政府工作部门), or the owner
# of the duties it announces (南溪寮的主要职责如下:).
_WHAT_IT_IS = re.compile(r"^(?P<unit>[^，,。；;:：()（）]{3,%d}?)(?:[(（](?:以下)?简称[^()（）]*[)）])?"
                         r"(?:是|为|的(?:主要)?(?:工作)?(?:职责|职能))" % MAX_HEAD)


def _intro_subject(text: str) -> list[str] | None:
    """The name a paragraph announcing a duty list opens with, known or not, where the sentence says what the
    body is or whose duties follow: the layout (…主要职责是:) marks the slot, the name need only be shaped as one.

    >>> _intro_subject("城东片区坊是市政府的派出机构,负责辖区内行政管理工作。主要工作职责是:")
    ['城东片区坊']
    >>> _intro_subject("南溪寮的主要职责如下:"), _intro_subject("各有关部门是责任主体,主要职责是:")
    (['南溪寮'], None)
    >>> _intro_subject("城东西泉阁(简称西泉阁)为市政府工作部门,机构规格正科级。")
    ['城东西泉阁']
    """
    m = _WHAT_IT_IS.match(text)
    if m is None or m.group("unit").startswith("各"):
        return None
    return shaped_head(m.group("unit"))


_SHORT_NAME = re.compile(r"[(（](?:简称|以下简称)[^()（）]*[)）]")


def _intro_holder(siblings: list[_Node], i: int) -> tuple[list[str], int] | None:
    """The unit whose duties the items under ``siblings[i]`` are, and the line naming it: ``siblings[i]``
    announces a duty list (…主要职责是:) and names the unit, or the item before it opens with the unit and what
    it is (第二条 X为市政府工作部门).

    >>> a = _Node("art", 1, 2, "沙河市市场监督管理局(简称市市场监督管理局)为市政府工作部门,机构规格正科级。", 7)
    >>> b = _Node("art", 1, 3, "贯彻落实有关方针政策。主要职责是:", 8)
    >>> _intro_holder([a, b], 1), _intro_holder([a, b], 0)
    ((['沙河市市场监督管理局'], 7), None)
    """
    node = siblings[i]
    if not node.text.endswith((":", "：")) or _DUTY_INTRO.search(node.text) is None:
        return None
    names = _duty_intro(node.text)
    if names or i == 0:
        return (names, node.line) if names else None
    before = siblings[i - 1]
    got = _opening_units(before.text)
    if (not got or before.text[got[1]:got[1] + 1] not in ("为", "是")) and (names := _intro_subject(before.text)):
        return [_SHORT_NAME.sub("", n) for n in names], before.line  # 第二条 西泉阁为县政府工作部门 (a name the
        # lexicon does not know: what the sentence says it is marks it)
    if not got or before.text[got[1]:got[1] + 1] not in ("为", "是") or got[0][0].startswith("各"):
        return None
    return [_SHORT_NAME.sub("", n) for n in got[0]], before.line


_STEP_DATE = STEP_DATE  # a step opening with its date (obligations.STEP_DATE)


def _dated_step(text: str) -> list[tuple[str, Role]] | None:
    """The units a dated step opens with after its date, with their roles: X会同Y makes X lead and Y
    cooperating, 负责/牵头 make X lead, any other verb responsible.

    >>> _dated_step("2016年3月20日前,省财政厅将所需资金下达各市州")
    [('省财政厅', <Role.RESPONSIBLE: 'responsible'>)]
    >>> _dated_step("10月底前,省财政厅、省教育厅会同各市州完成资金清算")[2]
    ('各市州', <Role.COOPERATING: 'cooperating'>)
    >>> _dated_step("2016年3月底前,完成统计摸底") is None, _dated_step("6月底前,县财政局拨付资金。")
    (True, [('县财政局', <Role.RESPONSIBLE: 'responsible'>)])
    >>> _dated_step("10月底前,省甲溪坊、省乙岭舍会同各市州完成资金清算")[:2]
    [('省甲溪坊', <Role.LEAD: 'lead'>), ('省乙岭舍', <Role.LEAD: 'lead'>)]
    """
    m = _STEP_DATE.match(text)
    if m is None:
        return None
    rest = text[m.end():]
    got = _opening_units(rest)
    if got is None:
        # 6月底前,县财政局拨付资金: right after the date stands the step's subject, whatever verb follows it (the
        # known names the scan reads; the verb list of _opening_units is for subjects in any sentence)
        got = opening_units(rest, well_formed_units)
        if got is None:
            got = _level_opening(rest)  # 2016年3月20日前,省甲溪坊将…: names opening with their level, then a verb
        if got is None or not "\u4e00" <= rest[got[1]:got[1] + 1] <= "\u9fff":
            return None
        got = (got[0], rest.find(got[0][-1]) + len(got[0][-1]))  # the scan may have read a role word after them
    after = rest[got[1]:]
    if after.startswith("会同"):
        partners = _opening_units(after[2:])
        return [(n, Role.LEAD) for n in got[0]] + [(n, Role.COOPERATING) for n in (partners[0] if partners else [])]
    role = duty_role(after)
    return [(n, role) for n in got[0]]


# A heading naming whose duties follow: 党委工作职责:, 县发改局主要职责, 政府职能
_DUTIES_OF = re.compile(r"^(?P<unit>[^，,。；;:：]{2,30}?)(?:的)?(?:主要|工作|具体)?(?:职责|职能)(?:如下|是)?[:：]?$")


_TOLD = re.compile(r"要|须|将|应(?!急)")  # an obligation word inside what stands before 职责: a sentence, no name
_NO_HOLDER = re.compile(r"(?:主要|工作|具体|基本|岗位|部门|单位|机构|成员|内设|其他|其它|相关|有关|一般|各)+")
_TOPIC_AND_HOLDERLESS = re.compile(r"(.{2,}?)[及和与、](?:有关|相关|各)?(?:部门|单位|机构|成员单位)")  # 范围及部门


def _duties_of(text: str) -> list[str] | None:
    """The unit a duties heading names (党委工作职责: -> 党委): a slot the heading makes, known name or not.

    >>> _duties_of("党委工作职责:"), _duties_of("县发改局主要职责"), _duties_of("部门职责"), _duties_of("主要职责")
    (['党委'], ['县发改局'], None, None)
    >>> _duties_of("各部门要履行以下职责:"), _duties_of("市应急管理局职责:")
    (None, ['市应急管理局'])
    >>> _duties_of("服务范围及部门职责"), _duties_of("县民政局及部门职责")
    (None, ['县民政局及部门'])
    """
    m = _DUTIES_OF.match(text)
    if not m or _DIVISION.fullmatch(text.rstrip(":：")) or _NO_HOLDER.fullmatch(m.group("unit")) \
            or _TOLD.search(m.group("unit"), 1) or _HOLDERLESS.fullmatch(text):
        return None  # 主要职责, 岗位职责: whose duties the heading does not say; 各部门要履行以下职责: a sentence
    topics = _TOPIC_AND_HOLDERLESS.fullmatch(m.group("unit"))
    if topics and not is_unit_name(topics.group(1)):
        return None  # 适用范围及部门职责: a topic and the departments' duties, no holder named
    return slot_names(m.group("unit"))


# A heading naming a unit and its tasks ((一)县(市、区)政府的主要任务, 市发改委工作任务:): the items under it are that
# unit's. Unlike 职责, 任务 alone heads any plan's list (二、主要任务, 重点任务, 年度任务): the opening must be unit names.
_TASKS_OF = re.compile(r"^(?P<unit>[^，,。；;:：]{2,30}?)的?(?:主要|工作|具体|重点)*任务[:：]?$")


def _tasks_of(text: str) -> list[str] | None:
    """The units a tasks heading names (乡镇政府的主要任务 -> 乡镇政府), or None when its opening is no list of names.

    >>> _tasks_of("县(市、区)政府的主要任务"), _tasks_of("市直各部门的工作任务:"), _tasks_of("县农业局任务")
    (['县(市、区)政府'], ['市直各部门'], ['县农业局'])
    >>> _tasks_of("主要任务"), _tasks_of("重点任务"), _tasks_of("2024年的主要任务"), _tasks_of("近期的工作任务")
    (None, None, None, None)
    """
    if "任务" not in text or not (m := _TASKS_OF.match(text)):
        return None
    names = bare_units(m.group("unit"))
    return names if names and all(is_listed_name(n) for n in names) else None


# A duties heading that names no holder (主要职责, 二、明确工作职责, 领导小组职责:): in a notice setting up a body
# (特成立X领导小组,明确工作职责), the duties are that body's.
_HOLDERLESS = re.compile(r"(?:明确|细化|落实|履行)?(?:领导小组|工作小组|指挥部|委员会|专班|工作组)?(?:的)?"
                         r"(?:主要|工作|具体)*(?:职责|职能)(?:如下|是)?[:：]?")
# The body a document sets up: 县人民政府决定成立县抗震救灾指挥部(以下简称指挥部), 特成立X镇…领导小组,明确…
_FOUNDED = re.compile(r"(?:成立|组建|设立)(?P<body>[^，,。；;:：、()（）]{2,40}?(?:领导小组|工作小组|指挥部|委员会|"
                      r"工作专班|专班|工作组|联席会议))(?=[，,。；;(（]|$)")
_BARE_BODY = re.compile(r"(?:工作)?(?:领导小组|工作小组|小组|指挥部|委员会|工作专班|专班|工作组|联席会议)")


def founded_body(lines: list[Line], before: int) -> tuple[str, int] | None:
    """The body the last sentence before line ``before`` sets up (成立X领导小组), named in full, and its line, or
    None: a bare kind (一、成立领导小组) names none.

    >>> from .lines import to_lines
    >>> founded_body(to_lines("县政府决定成立县抗震救灾指挥部(以下简称指挥部)。\\n一、成立领导小组\\n二、主要职责"), 3)
    ('县抗震救灾指挥部', 1)
    """
    found = None
    for line in lines:
        if line.no >= before:
            break
        if "成立" in line.text or "组建" in line.text or "设立" in line.text:
            for m in _FOUNDED.finditer(line.text):
                body = m.group("body")
                if not _BARE_BODY.fullmatch(body) and "的" not in body:
                    found = body, line.no
    return found


# The sentence of a 三定 statement that opens its part on inner offices: 根据上述职责,县民政局设5个内设股室 — the unit
# whose duties the part before it lists (its 主要职责 heading names no holder, or the page starts inside the list).
_STATED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十\d]{1,3}条)?(?:根据|按照)(?:上述|以上)(?:主要)?(?:职责|职能)[,，]?"
                     r"(?P<unit>[^，,。；;:：]{2,30}?)(?:共|内)?(?:设置|下设|设)(?:下列|以下|如下)?"
                     r"[^，,。；;:：]{0,10}?(?:机构|科室|股室|处室|办公室|中心)")


# A unit's line announcing its inner offices without 根据上述职责 (市重点项目办公室内设项目一科、项目二科).
_INNER_OFFICES = re.compile(r"^(?P<unit>[^，,。；;:：、]{2,30}?)内设(?:下列|以下|如下)?[^。；;]{0,40}?"
                            r"(?:机构|科室|股室|处室|办公室|中心|[科股处室])")


def stated_holder(lines: list[Line]) -> tuple[list[str], int] | None:
    """The unit a 三定 statement's 根据上述职责,X设N个内设机构 (or X内设A、B) names, and its line, or None.

    >>> from .lines import to_lines
    >>> stated_holder(to_lines("一、主要职责\\n(一)负责救助。\\n二、内设机构\\n根据上述职责,县民政局设5个内设股室。"))
    (['县民政局'], 4)
    >>> stated_holder(to_lines("部门职责\\n1.负责城市管理。\\n科室设置\\n区城管局内设综合科、执法科"))
    (['区城管局'], 4)
    >>> stated_holder(to_lines("一、主要职责\\n(一)负责湿地巡查。\\n二、内设机构\\n根据上述职责,东岭汇坊设3个内设股室。"))
    (['东岭汇坊'], 4)
    """
    for line in lines:  # (the sentence marks the slot: a name no lexicon knows need only be shaped as one)
        if "职" in line.text and (m := _STATED.match(line.text)) \
                and (names := bare_units(m.group("unit")) or shaped_head(m.group("unit"))):
            return names, line.no
        if "内设" in line.text and (m := _INNER_OFFICES.match(line.text)) \
                and (names := bare_units(m.group("unit")) or shaped_head(m.group("unit"))):
            return names, line.no
    return None


# A heading naming a unit and the field of its duties, then announcing them: 各级党委和政府乡村振兴责任主要包括:
_DUTIES_ON = re.compile(r"^(?P<head>[^，,。；;:：]{3,30}?)(?:主要|工作|具体)?(?:职责|职能|责任)(?:主要)?"
                        r"(?:包括|如下|是|为|有)[:：]$")
_MAX_FIELD = 8
_NOT_FIELD = re.compile(r"要|应|须|将|由|对")


def _duties_on(text: str) -> list[str] | None:
    """The unit a heading names before the field of its duties (the longest opening the lexicon knows as a name,
    the field no sentence), or None.

    >>> _duties_on("各级党委和政府乡村振兴责任主要包括:"), _duties_on("县教育局安全生产职责如下:")
    (['各级党委和政府'], ['县教育局'])
    >>> _duties_on("各部门要履行的职责包括:") is None, _duties_on("落实属地责任主要包括:") is None
    (True, True)
    """
    m = _DUTIES_ON.match(text)
    if m is None:
        return None
    head = m.group("head")
    for cut in range(len(head), 1, -1):
        unit, field = head[:cut], head[cut:].removeprefix("的")
        if len(field) > _MAX_FIELD or _NOT_FIELD.search(field):
            return None  # the opening is no name followed by a field: a sentence
        if is_unit_name(unit) and (names := bare_units(unit)):
            return names
    return None


def _duties(text: str) -> list[str]:
    """A paragraph of a unit's duties cut at the semicolons of its first sentence (负责拟订规划;负责社会保障工作;
    承担考核工作。): one duty each, what follows that sentence staying with the last; [text] when it has one.

    >>> _duties("负责拟订规划;负责社会保障工作;承担考核工作。"), _duties("组织承办建议提案工作。")
    (['负责拟订规划', '负责社会保障工作', '承担考核工作。'], ['组织承办建议提案工作。'])
    """
    end = text.find("。")
    first, after = (text, "") if end < 0 else (text[:end], text[end:])
    parts = [p.strip() for p in bracket_depth_split(first, "；;") if p.strip()]
    if len(parts) < 2 or any(len(p) < 4 for p in parts):
        return [text]
    parts[-1] += after
    return parts


def _spaced_list(raw: str, content: str) -> str:
    """A label's unit list whose names stand apart with spaces only (成员部门:市教育局 团市委), joined by 、;
    else the content as it is.

    >>> _spaced_list("成员部门:市发改委 市民政局  市交通局", "市发改委市民政局市交通局")
    '市发改委、市民政局、市交通局'
    """
    at = max(raw.find(":"), raw.find("："))
    parts = raw[at + 1:].replace("\u3000", " ").split() if at >= 0 else []
    if len(parts) < 2 or "".join(parts) != content or not spaced_slot_names(parts):  # (r-slots2) their shape
        return content
    return "、".join(parts)


_DUTIES_TITLE = re.compile(r"(?:部门|主要|工作|机构)?(?:职责|职能)(?:[:：])?")


def _duties_title(text: str) -> bool:
    """A title naming no holder over a duty list (部门职责, 主要职责, 职能)."""
    return _DUTIES_TITLE.fullmatch(text) is not None


def _duties_label(node: _Node) -> bool:
    """A line that is nothing but a duties label (主要职责:), the duties following it."""
    m = _DUTIES.match(node.text)
    return m is not None and len(node.text) - m.end() <= 1


def _unit_head(children: list[_Node], i: int, names: list[str] | None = None) -> list[str] | None:
    """The units of ``children[i]`` when it is a unit heading over the paragraphs after it: nothing but unit
    names on a line of its own (政府办 / 部门职责 / 组织承办…; 市发改委 / 1.加快…), followed by duties that open
    with a duty word or by a numbered list, not by a date (a signature) or a title (an issuer)."""
    if names is None:  # else: the heading is the parent of ``children`` (i = -1)
        child = children[i]
        if child.children or len(child.text) > MAX_HEAD + 1:
            return None
        names = bare_units(child.text)
        if child.assigned():
            return None
        if not names:  # a name no lexicon knows heads them where the layout marks it (_shaped_unit_head)
            return _shaped_unit_head(children, i)
    after = [c for c in children[i + 1:i + 4]]
    if not after or _DATE_LINE.match(after[0].text) or bare_units(after[0].text):
        return None
    if any(_duties_label(c) for c in after):
        return names  # (八)应急指挥部办公室 / 办公室设在… / 主要职责: / (1)负责…
    skip = len(after) > 1 and (_heading_like(after[0]) and not opens_duty(after[0].text) or _seat(after[0]))
    first = after[1] if skip else after[0]  # a title, or where the unit sits (办公室设在区卫健局), before its duties
    if opens_duty(first.text) or first.style != "para" and first.number == 1:
        return names  # its duties open with a duty word, or a numbered list starts under it
    return None


def _shaped_unit_head(children: list[_Node], i: int) -> list[str] | None:
    """The name of ``children[i]``, a line of its own that no lexicon knows but shaped as a unit's name
    (:func:`shaped_heads.shaped_head`), when the layout says a unit heads the paragraphs after it: a duties label
    follows it (城东片区坊 / 主要职责: / (一)…; 城东片区坊 / 部门职责 / 组织…), or its duties open with a role word
    (城东片区坊 / 负责…)."""
    after = children[i + 1:i + 4]
    if not after or after[0].style != "para" and after[0].number != 1:
        return None
    first = after[0].text.lstrip()
    if not (first.startswith(_HEAD_DUTY) or any(_duties_label(c) for c in after)
            or _duties_title(first) and len(after) > 1 and opens_duty(after[1].text)):
        return None
    names = shaped_head(children[i].text)
    if not names or _DATE_LINE.match(first) or bare_units(first):
        return None
    return names


def _opening_labels(children: list[_Node]) -> int:
    """The index of the paragraph that is a role label line (牵头单位:市卫生局。, the other labels under it) where a
    page starts inside an item, its title printed on the page before: no item and no assigned paragraph before it
    (a page's title lines may be); -1 when there is none."""
    for k, child in enumerate(children[:4]):
        if child.style != "para":
            return -1
        if child.labels and (label := match_label(child.text)) is not None and label.kind in ROLE_OF_LABEL:
            return k
        if child.assigned():
            return -1
    return -1


def _named_duties(node: _Node) -> bool:
    """Whether ``node`` is a heading saying whose duties follow (三、指挥中心办公室职责) over a paragraph of them: the
    heading says they are duties, so they need no duty word to open them (做好日常事务。负责联系…)."""
    first = node.children[0]
    return ("职" in node.text and not bare_units(node.text) and first.style == "para" and not first.children
            and (_duties_of(node.text) or _duties_on(node.text)) is not None
            and not _DATE_LINE.match(first.text) and not bare_units(first.text) and not _heading_like(first))


# Who heads a unit (负责人:, 负责同志), printed as a title before names: no duty though it opens with 负责.
_PERSON_IN_CHARGE = re.compile(r"(?:主要)?负责(?:人|同志)")


# Where a unit sits and who heads it (领导小组下设办公室,办公室设在区卫健局,王某兼任办公室主任): no duty of its own.
_SEAT = re.compile(r"设在|下设|兼任|挂靠")


def _seat(node: _Node) -> bool:
    """A paragraph saying where a unit sits or who heads it, with no duty in it (opening with a duty word, or
    holding one after a comma: …,承担指挥部日常工作)."""
    return node.style == "para" and not node.children and _SEAT.search(node.text) is not None \
        and not opens_duty(node.text) and not any(opens_duty(p) for p in re.split(r"[，,；;。]", node.text))


# A unit said to sit somewhere and then given a duty: 联席会议办公室设在市教育局,负责联席会议日常工作.
_SEATED_DUTY = re.compile(r"^(?P<unit>[^，,。；;:：]{2,24}?)(?:下)?设在(?P<host>[^，,。；;:：]{2,24})[，,](?P<duty>[^。；;]+)")


def _seated_duty(text: str) -> tuple[list[str], Role] | None:
    """The unit a sentence seats somewhere before giving it a duty (X设在Y,负责…: X, lead; X设在Y,承担…: X,
    responsible), and its role; None when no duty follows (办公室设在区卫健局,主任由王某兼任).

    >>> _seated_duty("联席会议办公室设在市教育局,负责联席会议日常工作,办公室设主任1名。")
    (['联席会议办公室'], <Role.LEAD: 'lead'>)
    >>> _seated_duty("领导小组办公室设在交警大队,办公室主任由何某兼任。") is None
    True
    """
    m = _SEATED_DUTY.match(text) if "设在" in text else None
    if m is None or not opens_duty(m.group("duty")) or not (names := bare_units(m.group("unit"))):
        return None
    return names, _duty_role(m.group("duty"))


# A duty's opening basis (根据国家有关方针、政策和法律、法规,负责…): its verb comes after it.
_BASIS = re.compile(r"^(?:根据|按照|依据|依照|遵照|贯彻)[^，,。；;]{2,40}[，,]")


def _duty_role(duty: str) -> Role:
    """The role a duty gives its unit (:func:`.clauses.duty_role`), read after an opening basis (根据…,负责… lead).

    >>> _duty_role("根据有关法律、法规,负责审批工作").value, _duty_role("根据需要组织检查").value
    ('lead', 'responsible')
    """
    role = duty_role(duty)
    if role is Role.RESPONSIBLE and (m := _BASIS.match(duty.lstrip())):
        return duty_role(duty.lstrip()[m.end():])
    return role


def _alias_only(node: _Node) -> bool:
    """An item that is nothing but a unit and its bracketed alias (基层工作科(社区建设科)): the bracket is no clause.

    >>> _alias_only(_Node("cnp", 2, 5, "基层工作科(社区建设科)", 8)), _alias_only(_Node("cnp", 2, 5, "做好宣传(市委宣传部)", 8))
    (True, False)
    """
    return not node.labels and not node.unit_lines and bool(node.clauses) and bare_units(node.text) is not None


_HEAD_DUTY = ("负总责", "负责", *LEAD_WORDS)  # a role word opening a unit's duties (clauses._HEAD_DUTY)


def _head_marked(node: _Node) -> bool:
    """Whether the paragraphs under ``node`` say it is a unit heading, whatever its name ends with: the first
    opens with a role word (负责…), a duties label (主要职责:) is among the first three, or the first is a title over
    numbered duties ((1)年度主要任务与要求: / ①…)."""
    kids = node.children
    return bool(kids) and (kids[0].text.lstrip().startswith(_HEAD_DUTY) or any(_duties_label(c) for c in kids[:3])
                           or bool(kids[0].children) and _TASKS_TITLE.search(kids[0].text) is not None)


def _next_head(siblings: list[_Node], i: int) -> bool:
    """Whether ``siblings[i]``, its paragraphs opening with a duty word ((三)城东坊 / 拟订…), opens a run of unit
    headings: the next heading of its style names a unit over duties ((四)最低生活保障科 / 负责…), by the lexicon
    or by the layout (its duties open with a role word)."""
    node = siblings[i]
    if not node.children or not opens_duty(node.children[0].text):
        return False
    after = next((s for s in siblings[i + 1:i + 3] if s.style == node.style), None)
    return after is not None and bool(after.children) and (
        bare_units(after.text) is not None or _head_marked(after) and shaped_head(after.text) is not None)


# A title over the numbered duties of the heading above it ((1)年度主要任务与要求: / ①…): what follows are its tasks.
_TASKS_TITLE = re.compile(r"^[^，,。；;]{0,8}(?:任务|职责|职能)[^，,。；;:：]{0,6}[:：]$")


def _duty_block(node: _Node) -> bool:
    """Paragraphs under an item, the first a sentence of its own (a unit's duties), nothing numbered."""
    kids = node.children
    return bool(kids) and all(c.style == "para" and not c.children for c in kids) and not _heading_like(kids[0]) \
        and not _DATE_LINE.match(kids[0].text)


def _partners(duty: str, holders: list[str], line: int, source: str, partner: re.Pattern | None = None
              ) -> list[Assignment]:
    """Who a unit's duty says it works with (…,会同有关部门做好报道): cooperating, as printed.

    >>> [(a.unit, a.role.value) for a in _partners("规划宣传工作;会同有关部门做好报道", ["宣传部"], 3, "x.txt")]
    [('有关部门', 'cooperating')]
    """
    out: list[Assignment] = []
    for m in (partner or _TOGETHER_WITH).finditer(duty):
        got = opening_units(duty[m.end():], bare_units)
        for name in (got[0] if got else ()):
            if name not in holders and all(a.unit != name for a in out):
                out.append(Assignment(name, Role.COOPERATING, Provenance(source, line, line)))
    return out


_TOGETHER_WITH = re.compile("会同")
# 会同 and the partner words of the role cues (obligation.partner: 联合): who a subject's paragraph works with
_WITH_PARTNER = re.compile("|".join(("会同", *words("obligation.partner"))))


def _lift_unit_heading(parent: _Node, style: str) -> None:
    """A list restarting at 1 after a line that is nothing but a unit (八、… / 市卫生局 / 一、…): that line heads
    the new list, so it becomes a sibling of the items before it instead of a paragraph of the last one."""
    prev = parent.children[-1] if parent.children else None
    if prev is None or prev.style != style or not prev.number or prev.number < 2 or not prev.children:
        return
    last = prev.children[-1]
    if last.style == "para" and not last.children and not last.assigned() and bare_units(last.text):
        prev.children.pop()
        last.parent = parent
        parent.children.append(last)


# What opens a duty or a sentence, never a name (深入推进市、县、乡三级政府…, 指导和协调我局…).
_VERB_FIRST = re.compile(r"^(?:" + alternation("duty.opening") + r"|深入|持续|不断|全力|着力|努力|围绕|聚焦|扎实|加大"
                         r"|优化|构建|打造|实现|形成|开展|建立|健全|完善|推进|推动|加强|加快|强化|提升|提高|落实|做好"
                         r"|抓好|坚持|积极|认真|严格|全面|进一步)")
_ROLE_NAMED = re.compile("|".join(role_words("lead") + role_words("cooperating")) + "|责任|承办")  # 各牵头单位, 主要责任单位: named by their role


# A name's last character, then what may follow a subject (…政府要, …局根据): a cheap test before reading one.
_SUBJECT_HINT = re.compile(r"[局委办厅署院部门位府会心司团室科所站队组处县市区镇乡关构校馆社)）][:：]?(?:" + "|".join(_SUBJECT_NEXT) + ")"
                           # or a name opening with its level, whatever it ends with (县甲溪坊要…: clauses._level_opening)
                           r"|^[省市县区州镇乡][\u4e00-\u9fff、]{3,%d}?(?:" % MAX_OPENING + "|".join(_SUBJECT_NEXT) + ")")


# A subject's remit before its work (按照各自职责, 根据职能分工): the units it follows do the work.
_BY_REMIT = re.compile(r"(?:要|应|须)?(?:按照|根据|依据|依照|按)(?:各自|自身)?(?:的)?(?:职责|职能)")


def _item_subjects(node: _Node, subjects_only=lambda: False) -> dict[int, list[str]]:
    """The numbered items under ``node`` that open with known units followed by an obligation word or a verb
    (6、县(市)区人民政府要设立创建活动办公室…) and name no unit otherwise, by index: those units' task
    (responsible, inferred). A collective (各乡镇要…) or a unit named by its role (各牵头单位要…) is how the plan
    is run, not a task (docs/evaluation.md)."""
    out: dict[int, list[str]] = {}
    for k, child in enumerate(node.children):
        if child.style == "para" or child.children:
            continue
        got = None
        if _SUBJECT_HINT.search(child.text, 0, MAX_OPENING + 4) and not child.assigned():
            got = subject_opening(child.text)
        if got is None and "职" in child.text and not child.assigned():
            rest = split_title(child.text)[1]  # (一)加强监管。市场监管局、公安局按照各自职责做好…: the sentence after
            # the item's title opens with units and their remit (searched first: a cheap test before the units)
            got = subject_opening(rest) if rest and _BY_REMIT.search(rest, 2, MAX_OPENING + 12) else None
            if got is not None and not _BY_REMIT.match(rest, got.end):
                got = None
        if got is not None:
            names = [n for n, _ in got.clause.assignments]
            if not any(n.startswith("各") or _VERB_FIRST.match(n) or _ROLE_NAMED.search(n) for n in names):
                out[k] = names
        elif child.style in _TITLED and not child.assigned() and (names := _body_subjects(child.text, subjects_only)):
            out[k] = names
        elif "由" in child.text and not child.assigned() and (names := _handed_units(child.text)):
            out[k] = names  # 2.对…的建设单位,由镇规建办提出整改意见: the unit the item hands its work to does it
    return out


_TITLED = frozenset({"cn", "cnp", "num", "nump"})  # items that may open with a title sentence
_PART_CUT = re.compile(r"[。；;，,]")


def _body_subjects(text: str, subjects_only=lambda: True) -> list[str] | None:
    """The units the sentences of an item's body open with after its title ((二)完善体制。市政府对…给予支持；浦东新区
    政府继续支持…): the subject of each sentence or comma part (known units, then a verb, an adverb or an obligation
    word), in order, none a collective or a unit named by its role; None when there is none, or when
    ``subjects_only()`` says the document assigns its work otherwise (asked only of a body that may hold one)."""
    title, rest = split_title(text)
    if not rest or title == text or _SUBJECT_HINT.search(rest) is None and "由" not in rest or not subjects_only():
        return None  # (the hint: a name's last character, then what follows a subject, somewhere in the body)
    names: list[str] = []
    at = 0
    for m in [*_PART_CUT.finditer(rest), None]:
        end = m.start() if m is not None else len(rest)
        part = rest[at:end]
        at = end + 1
        if len(part) < 4:
            continue
        if (by := _HANDED_TO.search(part)) is not None:  # 减量化工作由临港地区管委会统筹: who does it
            got = doers_after_by(part[by.end():], _BY_VERBS, well_formed_units, slot_names)
            if got is not None and part.startswith(_BY_VERBS, by.end() + got[1]) \
                    and not any(n.startswith("各") or _ROLE_NAMED.search(n) for n in got[0]):
                names.extend(n for n in got[0] if n not in names)
            continue
        if _SUBJECT_HINT.search(part, 0, MAX_OPENING + 4) is None or (got := subject_opening(part)) is None:
            continue
        found = [n for n, _ in got.clause.assignments]
        if any(n.startswith("各") or _VERB_FIRST.match(n) or _ROLE_NAMED.search(n) or _NOT_IN_SUBJECT.search(n)
               for n in found) or _LIST_MARKS.sub("", part[:got.end]) != _LIST_MARKS.sub("", "".join(found)):
            continue  # …由流域所在的县政府确定: the names are no opening subject (a 由 clause, words before them)
        names.extend(n for n in found if n not in names)
    return names or None


# A part handing its work to units (…由X统筹, 由X承担, 由X统一管理): X does it.
_HANDED_TO = re.compile(r"(?<!自)由(?=[\u4e00-\u9fff])")
_BY_VERBS = ("统筹", "承担", "统一", "组织", "具体", "按照", "根据", "依法", "制定", "实施", "会同")


# What a 由 part says that names no doer: the units make up a body (由X、Y组成, 由X抽调人员组成) or hold a post.
_NO_DOER = re.compile(r"组成|构成|兼任|担任")
# People of the units after 由 doing the work (由市政府办公厅领导带队, 由X主要负责同志召集): persons, not the units.
_THEIR_PEOPLE = ("领导", "负责人", "负责同志", "主要负责", "分管", "主要领导", "一把手")
_HANDED_STOPS = re.compile(r"[。；;，,！!？?]")


def _handed_units(text: str) -> list[str] | None:
    """The units the parts of ``text`` hand their work to (…,由镇规建办提出整改意见; 先进集体由市委、市政府给予表彰): known
    names right after 由, then the work (a verb, not the end of the part); never a collective, a unit named by its
    role, a body the units make up (由X、Y组成) or a 由 closing a role clause (由X负责 is a clause of its own).

    >>> _handed_units("对不按要求备案的建设单位,由镇规建办提出整改意见;仍不整改的,由镇规建办上报区相关部门。")
    ['镇规建办']
    >>> _handed_units("领导小组由县政府办、县财政局组成。") is None, _handed_units("由各乡镇自行安排。") is None
    (True, True)
    >>> _handed_units("督查组织:由县政府办公室领导带队,县政府办公室具体组织协调。") is None
    True
    """
    names: list[str] = []
    at = 0
    while (by := _HANDED_TO.search(text, at)) is not None:
        stop = _HANDED_STOPS.search(text, by.end())
        end = stop.start() if stop else len(text)
        at = end
        part = text[by.end():end]
        got = doers_after_by(part, _BY_VERBS, well_formed_units, slot_names)
        if got is None or len(part) < got[1] + 2 or not "\u4e00" <= part[got[1]] <= "\u9fff" \
                or _NO_DOER.search(part) or part.startswith(ROLE_WORDS, got[1]) \
                or part.startswith(_THEIR_PEOPLE, got[1]):
            continue
        if any(n.startswith("各") or _ROLE_NAMED.search(n) or _NOT_IN_SUBJECT.search(n) or _glued_object(n)
               for n in got[0]):
            continue
        names.extend(n for n in got[0] if n not in names)
    return names or None


_TOWARDS = re.compile(r"向|对|把|跟|同")


def _glued_object(name: str) -> bool:
    """Whether what reads as a name is a person or party and the unit a preposition points to (申请人向区规划资源局).

    >>> _glued_object("申请人向区规划资源局"), _glued_object("向阳街道办事处"), _glued_object("县住建局")
    (True, False, False)
    """
    m = _TOWARDS.search(name, 2)
    return m is not None and not is_unit_name(name[:m.start()]) and is_unit_name(name[m.end():])


# Words of a sentence inside what reads as a name (区域范围为自治区商务厅, 指挥部下设办公室, 必须站, 债务由所): no
# subject's name.
_NOT_IN_SUBJECT = re.compile(r"为|是|下设|设在|必须|须|(?<!自)由")
_LIST_MARKS = re.compile(r"[、和及与]")


def _subjects_after_clauses(node: _Node) -> None:
    """A paragraph opening with known units and a verb or an obligation word, after a paragraph of the same run
    (paragraphs and their short titles, no numbered item between) that opens with a unit-first clause (市卫生局负责…
    保障工作。 / 7.6交通运输保障 / 武警支队及驻绵部队在参加应急抢险时…), or that names its units some other way (a
    working group's 成员单位: label, then 县水务局对受损的堤坝采取…): those units' task too (responsible). Paragraphs
    naming no unit between them do not end the run."""
    seen = False
    for child in node.children:
        if child.style != "para":
            seen = False
            continue
        if seen and not child.children and not child.clauses and not child.assigned():
            got = subject_opening(child.text)
            if got is None and (when := _WHEN.match(child.text)) is not None \
                    and (got := subject_opening(child.text[when.end():])) is not None:
                got = replace(got, start=0, end=when.end() + got.end)  # 突发事件发生后,X要…: X's, the time first
            if got is None and "由" in child.text and (names := _handed_units(child.text)):
                got = Found(0, 0, Clause([(n, Role.RESPONSIBLE) for n in names]))  # …由X给予表彰: X's task
            if got is not None:
                child._clauses = [got]
                if got.leading and ("由" in child.text or "会同" in child.text):
                    _handed_sentences(child)  # …。同时,会同省财政厅…。…,由省生态环境厅采取…: tasks of their own
        elif child.clauses and child.clauses[0].leading and child.clauses[0].clause.role_words \
                or child.assigned():
            seen = True
            if child.clauses and child.clauses[0].leading and "由" in child.text[child.clauses[0].end:]:
                _handed_sentences(child)


# When the work of a later paragraph's subject is due, printed before it (突发公共事件发生后, / 必要时, / 汛期到来前,).
_WHEN = re.compile(r"^[^，,。；;:：]{0,24}?(?:后|时|前|期间)[，,]")


_CARRIED_OPENING = re.compile(r"^(?:同时|此外|另外|并|还|要|应|须|负责)?[,，]?(?:要|应|须)?会同")


def _carried_partners(sentence: str) -> list[str] | None:
    """The partners of a sentence that opens with 会同 and no subject of its own (同时,会同省财政厅按照…清算): its
    subject is the one of the sentence before; a bare 有关部门 is noise.

    >>> _carried_partners("同时,会同县财政局对资金进行清算"), _carried_partners("县财政局会同县审计局核查")
    (['县财政局'], None)
    """
    m = _CARRIED_OPENING.match(sentence)
    got = opening_units(sentence[m.end():], well_formed_units) if m else None
    names = [n for n in got[0] if not re.fullmatch(r"(?:有关|相关)(?:部门|单位)", n)] if got else []
    return names or None


def _handed_sentences(node: _Node) -> None:
    """In a paragraph of unit-first clauses, a later sentence that opens with no unit but hands its work on with 由
    (市卫生局负责…。必要时,由红十字会组织动员…) is a task of its own, done by those units (responsible)."""
    found = node.clauses
    extra: list[Found] = []
    start = 0
    for sentence in bracket_depth_split(node.text, "。"):
        end = start + len(sentence)
        if start <= found[0].start or any(start <= f.start < end + 1 for f in found):
            pass
        elif "由" in sentence and (names := _handed_units(sentence)):
            extra.append(Found(start, start, Clause([(n, Role.RESPONSIBLE) for n in names]), leading=True))
        elif "会同" in sentence and (partners := _carried_partners(sentence)):
            # …。同时,会同省财政厅按照…进行清算: the subject of the sentence before leads it, the partners cooperate
            subject = [n for n, _ in found[0].clause.assignments]
            extra.append(Found(start, start, Clause([(n, Role.LEAD) for n in subject] + [
                (n, Role.COOPERATING) for n in partners if n not in subject]), leading=True))
        start = end + 1
    if extra:
        node._clauses = sorted(found + extra, key=lambda f: f.start)


_LIST_CUT = re.compile(r"[、，,；;]")


def _list_goes_on(content: str, after: str) -> str | None:
    """The next line when a label's unit list was wrapped inside a name (…、园区党工 / 委、各街道党工委) or after a
    separator (…、 / 各街道党工委): it is the list's end, not a line of its own."""
    if not after or match_label(after) is not None or _marker(after) is not None or len(after) > MAX_HEAD:
        return None
    head = _LIST_CUT.split(after, 1)[0]
    if content.endswith("、"):
        return after if bare_units(after.rstrip("。；;")) else None
    last = _LIST_CUT.split(content)[-1]
    if last and not is_unit_name(last) and is_unit_name(last + head) and not is_unit_name(head):
        return after
    return None


class ProseReader:
    """Builds the outline of the lines given and reads its tasks."""

    def __init__(self, lines: list[Line], source: str, year: int | None = None):
        self.lines = lines
        self.source = source
        self.year = year
        self.root = _Node("root", 0, None, "", 0)
        self.barrier = 0  # line number before which no paragraph folds into a group
        self.leader_column = False  # the header has a 责任领导 column: people's names under items
        self.columns: list[Role] = []  # roles of the unit columns of a one-label-per-line header
        self._notes: list[tuple[int, list[tuple[str, Role]], int, str]] = []  # task index, units, line, word
        self._stated_holder: tuple[list[str], int] | None | bool = False  # not looked for yet
        self._only_subjects: bool | None = None  # not looked at yet

    def _subjects_only(self) -> bool:
        """Whether the document assigns its work only through the subjects of its sentences: no role label, no
        bracket clause, no table (a header cell, cells between bars) on any line. Only then do the subjects of an
        item's body sentences name its units (a measure, an opinion); in a plan with such cues they tell its
        executors how to work (docs/evaluation.md). Looked at once, when an item first needs it."""
        if self._only_subjects is None:  # the cheap tests over every line first, the clauses last
            texts = [line.text for line in self.lines if line.text]
            self._only_subjects = not self.columns and not any("|" in line.raw for line in self.lines) and not any(
                len(t) <= MAX_LABEL and is_label(t) or (label := match_label(t)) is not None
                and label.kind in ROLE_OF_LABEL for t in texts) and not any(find_clauses(t) for t in texts)
        return self._only_subjects

    def read(self, spans: list[tuple[int, int]]) -> list[Task]:
        if spans != [(0, len(self.lines))]:
            self._only_subjects = False  # some lines were read as a table: the document has role cues
        for start, end in spans:
            self._build(start, end)
        return self._tasks()

    # -- outline -------------------------------------------------------------------------
    def _build(self, start: int, end: int) -> None:
        current: _Node = self.root
        last_text = next((k for k in range(end - 1, start - 1, -1) if self.lines[k].text), -1)  # from the end
        k = start
        while k < end:
            line = self.lines[k]
            t = line.text
            if not t or is_furniture(t):
                k += 1
                continue
            if t[:1] in _BARS and (pair := _key_value(t)) is not None:
                t = pair  # | 责任单位 | 县市场局 |: a key and its value, read as the key's label (a bar is in no name)
                line = Line(line.no, pair, pair, False)
            if t[:2] == "附件" and (after := annex_list_end(self.lines, k, end)) is not None:
                k, current = after, self.root  # 附件:1.申请表 / 2.流程图: titles of the annexes, ending the item above
                continue
            block = header_block(self.lines, k, end) if len(t) <= MAX_LABEL else None  # a header opens with a label
            if block is not None:
                roles, k, self.leader_column = block
                self.columns = roles
                self.barrier = self.lines[k - 1].no  # nothing before a table header joins a group after it
                current = self.root
                continue
            if (" " in line.raw or "\u3000" in line.raw) and (spaced := _SPACED_SUBJECT.match(line.raw)) \
                    and t.startswith(name := spaced.group(1)) and shaped_head(name) == [name] and not bare_units(name):
                # 甲溪坊 负责…: a space, not a colon, between a name no lexicon knows and the duties it opens with
                t = name + "：" + t[len(name):]
                line = Line(line.no, t, t, False)
            label = match_label(t)
            if label is None and (" " in line.raw or "\u3000" in line.raw or "\t" in line.raw) \
                    and (spaced := _SPACED_LABEL.match(line.raw)):  # (the label pattern needs its space)
                label = _spaced_label(spaced.group(1), spaced.group(2))  # 牵头单位 市发改委: a space for the colon
            if label is not None and label.content and label.kind in ROLE_OF_LABEL and " " in line.raw.strip():
                label = replace(label, content=_spaced_list(line.raw, label.content))
            if label is None and k + 1 < end and len(t) <= 8 and _BARE_ROLE_LABEL.fullmatch(t):
                label = match_label(t + ":")  # 责任单位 on a line of its own, its units on the next
            if label is not None and not label.content and label.kind != DEADLINE:
                nxt = _next_text(self.lines, k + 1, end)
                if nxt is not None and match_label(self.lines[nxt].text) is None and nxt - k <= 2:
                    label = replace(label, content=self.lines[nxt].text)
                    k = nxt
                    line = self.lines[nxt]
            if label is not None and label.content and label.kind in ROLE_OF_LABEL and k + 1 < end \
                    and (more := _list_goes_on(label.content, self.lines[k + 1].text)):
                label = replace(label, content=label.content + more)  # 协办单位:…、园区党工 / 委、各街道党工委
                k += 1
                line = self.lines[k]
            item = current if current is not self.root else None
            duties = _DUTIES.match(t) if label is None and item is not None else None
            if duties and len(t) > duties.end() + 3:  # 职责:了解、收集灾情…: the item's text goes on
                _absorb(item, [_Node("para", PARA_RANK, None, t[duties.end():], line.no, last_line=line.no)])
                k += 1
                continue
            after = None  # (责任单位:市城建局)2.完成…: the clause closes the item above, the next opens after it
            if t[:1] in _OPENERS and label is not None and (close := _bracket_end(label.content)) is not None \
                    and (nxt_item := _marker(label.content[close + 1:])) is not None and nxt_item[0] != "para":
                label, after = replace(label, content=label.content[:close]), label.content[close + 1:]
            if item is not None and label is not None and len(label.name) <= 8:
                item = current = _owner(item, self.barrier)
                kind = label.kind
                if kind == LEAD and "牵头" not in label.name and any(k == LEAD for k, _, _ in item.labels):
                    kind = RESPONSIBLE  # 牵头单位:X / 主办单位:Y: 主办 beside 牵头 is responsible (as in a table)
                elif kind == RESPONSIBLE and is_primary(label.name) and not any(k == LEAD for k, _, _ in item.labels) \
                        and (nxt := _next_text(self.lines, k + 1, end)) is not None \
                        and (other := match_label(self.lines[nxt].text)) is not None \
                        and (other.kind == COOPERATING or other.kind == RESPONSIBLE and not is_primary(other.name)):
                    kind = LEAD  # 主要责任单位:X / 配合单位:Y: the main units lead beside other units (labels.is_primary)
                if kind == OVERSIGHT:  # 督查单位:X: who watches the work (or is inspected), no doer: read, no units
                    item.last_line = line.no
                    k += 1
                    continue
                item.labels.append((kind, label.content, line.no))
                if kind == RESPONSIBLE and _MEMBERS.fullmatch(label.name):
                    item.members.append(line.no)  # 成员单位:X、Y、Z (label.members)
                item._clauses = None
                item.last_line = line.no
                if after is not None:
                    current = self._add(after, line.no)
                k += 1
                continue
            if item is None and not self.root.children and t[-1] in "。)）" and _marker(t) is None \
                    and _unit_line(t, None, False) is not None:
                # 由甲坊牵头,乙舍配合。 before any text of the document: the units of an item the excerpt cut off
                # above its first line, whose work is not printed: no task
                k += 1
                continue
            if item is not None and self.leader_column and not item.unit_lines and _people(t):
                item.leaders.extend(p for p in re.split(r"[、，,；;]", t) if p)  # a cell of the leader column
                item.last_line = line.no
                k += 1
                continue
            if item is not None:
                n = len(item.unit_lines)
                if self.columns or n == 0:
                    default = self.columns[n] if n < len(self.columns) else None
                    clause = _unit_line(t, default, k == last_text)
                    if clause is None and n and self.columns and len(t) <= MAX_HEAD and (names := shaped_head(t)):
                        # a column's cell printed one name a line (省甲坊 / 乙舍 / …) after the item's first: more
                        # names of the column, the last one's role past the columns
                        role = default or self.columns[-1]
                        clause = Clause([(name, role) for name in names], unrecognised=list(names))
                    if clause is not None and _marker(t) is None:  # a numbered line is an item of its own
                        # (3.推进…。区司法局牵头负责), never a unit line of the item before it
                        if n == 0:
                            item = current = _owner(item, self.barrier)
                        item.unit_lines.append((clause, line.no))
                        item.last_line = line.no
                        k += 1
                        continue
            nxt = _next_text(self.lines, k + 1, end)
            if nxt is not None and is_row_number(t) and _marker(self.lines[nxt].text) is None \
                    and not is_row_number(self.lines[nxt].text):
                # a row number on a line of its own (a table's 序号 column): the item is the line after it
                current = self._add(self.lines[nxt].text, self.lines[nxt].no, ("num", 3, int(t)))
                k = nxt + 1
                continue
            m = _SPACED_NUMBER.match(line.raw) if line.raw.lstrip()[:1].isdecimal() else None  # a digit first
            if m and _marker(t) is None:  # 01 项目名称:… (a number, a space, the item)
                current = self._add(t[len(m.group(1)):], line.no, ("num", 3, int(m.group(1))))
                k += 1
                continue
            if t[:1] in _OPENERS and current is not self.root and not current.children \
                    and current.text.endswith(tuple(SENTENCE_PUNCT)) and k > start and self.lines[k - 1].text \
                    and _marker(t) is None and (opening := find_clauses(t)) and opening[0].start == 0:
                # …面积。 / (市国土房管局牵头)主要污染物…: a paragraph wrapped right before the clause closing its last
                # sentence; the line goes on with the paragraph above it
                _absorb(current, [_Node("para", PARA_RANK, None, t, line.no, last_line=line.no)], "")
                k += 1
                continue
            for part in inline_items(t) or (t,):  # ①…;②…;③… on one line: each circled part an item of its own
                current = self._add(part, line.no)
            k += 1

    def _add(self, text: str, line_no: int, marker: tuple[str, int, int | None] | None = None) -> _Node:
        if marker is not None:
            text = _FIELD_LABEL.sub("", text, count=1) or text
            node = _Node(*marker, text, line_no, self._parent_for(marker[1], marker[0]), last_line=line_no)
            node.parent.children.append(node)
            return node
        marker = _marker(text)
        if marker:
            style, rank, number, body = marker
        else:
            style, rank, number, body = "para", PARA_RANK, None, text
        if body[:1] in _FIELD_LABEL_STARTS:
            body = _FIELD_LABEL.sub("", body, count=1) or body  # 项目名称:提升县域生态环境
        parent = self._parent_for(rank, style)
        if number == 1 and style != "para":
            _lift_unit_heading(parent, style)
        node = _Node(style, rank, number, body, line_no, parent, last_line=line_no)
        parent.children.append(node)
        return node

    def _parent_for(self, rank: int, style: str) -> _Node:
        node = self._last_leaf()
        while node is not self.root and (node.rank >= rank and not (style == "para" and node.style != "para")):
            node = node.parent
        if style == "para":  # paragraphs in a row are siblings
            while node is not self.root and node.style == "para":
                node = node.parent
        return node

    def _last_leaf(self) -> _Node:
        node = self.root
        while node.children:
            node = node.children[-1]
        return node

    # -- tasks ---------------------------------------------------------------------------
    def _tasks(self) -> list[Task]:
        tasks: list[Task] = []
        self._walk(self.root, [], tasks)
        _spread_notes(tasks, self._notes)
        return tasks

    def _walk(self, node: _Node, path: list[str], tasks: list[Task],
              inherited: list[Assignment] | None = None, pure: bool = False) -> None:
        _subjects_after_clauses(node)
        para_count = 0
        for child in node.children:
            _fold_body(child)  # 1.优化布局 / 坚持…。(牵头单位:X): the item holds its body's clause before the list is seen
        parallel_heads(node.children)  # (四)城东片区坊:按照… among (三)市水务局:做好…: a unit's duties
        subjects = _item_subjects(node, self._subjects_only) if inherited is None else {}
        orphans = self._orphan_duties(node) if node is self.root else set()
        listed = {c.style for k, c in enumerate(node.children) if c.assigned() or k in subjects} - {"para"}
        grouped = self._group_clause(node)
        division = _division_heading(node) if node is not self.root else False
        head: tuple[list[str], int] | None = None  # a unit heading over the paragraphs that follow it
        run: str | None = None  # the style of the item before this one when it was a unit's duties heading
        run_named = False  # that heading named its unit (not 一、主要职责, whose holder is set up elsewhere)
        fresh = False  # the child before this one was that heading
        opening_labels = _opening_labels(node.children) if node is self.root else -1
        for i, child in enumerate(node.children):
            if child.style == "para":
                para_count += 1
                number = para_count
            else:
                number = child.number if child.number is not None else para_count
            child_path = path + [str(number)]
            if node is self.root and child.style == "para" and not child.children and i == opening_labels:
                continue  # 牵头单位:X / 配合单位:Y opening the page: the labels of an item printed on the page before
            names = _unit_head(node.children, i) if inherited is None else None
            if names:
                head, fresh = (names, child.line), True
                continue
            if i in orphans:  # a page starting inside a 三定 duty list: (十一)负责… / 根据上述职责,X设…: X's duties
                holder_names, at = self._stated_holder
                self._emit_duties(child, child_path, tasks, holder_names, at, cut=False,
                                  basis=f"unit named at line {at} as the holder of the duties above it")
                continue
            if inherited is None and child.children and not child.assigned() and not self._subtree_assigned(child) \
                    and (intro := _intro_holder(node.children, i)):
                # 第二条 X为市政府工作部门 / 第三条 …主要职责是: (一)负责…: the items under the article are X's duties
                holder_names, at = intro
                basis = f"unit named at line {at}, its duties announced at line {child.line}"
                for k, duty in enumerate(child.children, start=1):
                    self._emit_duties(duty, child_path + [str(duty.number or k)], tasks, holder_names, at,
                                      cut=False, basis=basis)
                continue
            if inherited is None and child.style != "para" and child.children \
                    and (not child.assigned() or _alias_only(child)) \
                    and (holder := self._duties_holder(child, shaped=run == child.style and run_named
                                                       or _next_head(node.children, i))) \
                    and (_unit_head(child.children, -1, holder[0]) or run == child.style and _duty_block(child)
                         or holder[1] is None and _named_duties(child)):
                # (十五)市政务公开办公室 / 负责…; a holderless 一、主要职责 in a notice setting up a body: its duties,
                # a paragraph of them cut at its semicolons (one body's duty list, not one office's block). After
                # such a heading, the next of its style over a paragraph needs no duty word to open it (根据…,负责…)
                names, founded_at = holder
                self._walk_duties(child, child_path, tasks, names, founded_at)
                run, run_named = child.style, founded_at is None  # (a named holder: the next may be one too)
                continue
            run = None
            if head is not None and (any(c.style != "para" for c in child.children)
                                     or _heading_like(child) and not fresh):
                head = None  # a new section or heading ends the unit's part
            if head is not None and not child.children and _duties_label(child) and len(child.text) <= 8:
                continue  # 宣传部 / 主要职责: / (一)…: the label announces the duties, it is none
            if head is not None and not child.assigned() and not _heading_like(child):
                self._emit_duties(child, child_path, tasks, head[0], head[1])
                fresh = False
                continue
            fresh = False
            if child.style != "para" and not child.assigned() and not child.children \
                    and (step := _dated_step(child.text)):
                self._emit(child, child_path, tasks)  # (三)2016年3月20日前,省财政厅将资金下达…: a dated step
                prov = Provenance(self.source, child.line, child.line)
                tasks[-1].assignments.extend(Assignment(n, r, prov, inferred=True,
                                                        basis=f"subject of a dated step at line {child.line}")
                                             for n, r in step)
                continue
            if "设在" in child.text and not child.children and not child.assigned() \
                    and (seated := _seated_duty(child.text)):
                self._emit(child, child_path, tasks)  # 联席会议办公室设在市教育局,负责…: the office's duty
                prov = Provenance(self.source, child.line, child.line)
                tasks[-1].assignments.extend(Assignment(n, seated[1], prov) for n in seated[0])
                continue
            if i in subjects:  # 6、县(市)区人民政府要设立…: the item's subject does it
                self._emit(child, child_path, tasks)
                prov = Provenance(self.source, child.line, child.line)
                tasks[-1].assignments.extend(Assignment(n, Role.RESPONSIBLE, prov, inferred=True,
                                                        basis=f"{ITEM_SUBJECT} {child.line}") for n in subjects[i])
                continue
            if division and not child.assigned() and len(child.children) == 1 and _heading_like(child) \
                    and (body := child.children[0]).style == "para" and not body.children and not body.assigned() \
                    and not body.labels and not body.unit_lines and (got := _opening_units(body.text)):
                # 三、责任分工 / (一)道路交通领域 / 镇派出所强化执法力度…: a sector's title over the paragraph its
                # units open, one task (the title, then the paragraph)
                duty = body.text[got[1]:]
                _absorb(child, child.children)
                child.children.clear()
                self._emit(child, child_path, tasks)
                prov = Provenance(self.source, body.line, body.line)
                role = duty_role(duty)
                tasks[-1].assignments.extend(Assignment(n, role, prov) for n in got[0])
                tasks[-1].assignments.extend(_partners(duty, got[0], body.line, self.source, _WITH_PARTNER))
                continue
            if division and not child.assigned() and not child.children and (got := _opening_units(child.text)):
                self._emit(child, child_path, tasks)  # 三、职责分工 / 区城管执法局依法查处…: the subject does it
                prov = Provenance(self.source, child.line, child.line)
                role = duty_role(child.text[got[1]:])
                tasks[-1].assignments.extend(Assignment(n, role, prov) for n in got[0])
                continue
            carried = self._carried(child) if inherited is None else None
            if carried:  # 一、县示范区管委会牵头工作(8项): the heading's units go to its items
                self._walk(child, child_path, tasks, *carried)
                continue
            if grouped is not None and child in grouped[0]:  # (1)…(2)…(3)…(责任单位:X): X does the group
                self._emit(child, child_path, tasks)
                tasks[-1].assignments.extend(grouped[1])
            elif child.assigned() or (child.style in listed and child.text and not self._subtree_assigned(child)) \
                    or (inherited and (child.style != "para" or pure) and not child.children):
                self._emit(child, child_path, tasks)
                if inherited and not _cut_clause(child.text):  # the heading's units, in the roles the item does
                    # not fill itself; an item cut inside its own clause ((牵头单位:市发) names its units, cut: none
                    have = {a.role for a in tasks[-1].assignments}
                    tasks[-1].assignments[:0] = [a for a in inherited if a.role not in have]
            if child.children:
                self._walk(child, child_path, tasks, inherited, pure)
            elif inherited is None and child.style == "para" and (intro := _duty_intro(child.text)):
                head, fresh = (intro, child.line), True  # X是…,主要职责是: / 一、… 二、…: X's duties

    def _duties_holder(self, node: _Node, shaped: bool = False) -> tuple[list[str], int | None] | None:
        """The units whose duties the heading ``node`` may head, and the line of the sentence setting them up when
        the heading names no holder (二、明确工作职责: the body the document sets up) — None for a named one. A name
        the lexicon does not know heads them where the layout marks it: its duties open with a role word (负责…),
        a duties label follows it, or (``shaped``) the heading before it of its style was a unit's."""
        if node.text[-1:] in ")）" and _HEADING_MARK.search(node.text):
            return None  # 县住建局(牵头单位): a role for the items under it (_heading_clause), no holder of duties
        names = bare_units(node.text) or _duties_of(node.text) or _duties_on(node.text) or _tasks_of(node.text)
        if names:
            return names, None
        if (shaped or _head_marked(node)) and (names := shaped_head(node.text)):
            return names, None  # (十五)城东片区坊 / 负责…: the layout says a unit heads them
        if len(node.text) > 12 or not _HOLDERLESS.fullmatch(node.text):
            return None
        found = founded_body(self.lines, node.line)
        if found:
            return [found[0]], found[1]
        stated = self._stated()  # 一、主要职责 / (一)… / 二、内设机构 / 根据上述职责,县民政局设…: that unit's duties
        return stated if stated is not None and stated[1] > node.line else None

    def _orphan_duties(self, root: _Node) -> set[int]:
        """The numbered items at the top of a page that starts inside a 三定 duty list (or under a title naming no
        holder: 部门职责): the run of items naming no unit right before the heading whose part says 根据上述职责,X设…
        内设机构 (or X内设…), most of them opening with a duty word (负责…, 组织…): X's duties. Their indices among
        ``root``'s children; the last item counts when the sentence naming X stands under it."""
        kids = root.children
        if not kids or not any(c.style != "para" and not c.children and opens_duty(c.text) for c in kids[:3]):
            return set()
        stated = self._stated()
        if stated is None:
            return set()
        at = next((k for k, c in enumerate(kids) if c.line > stated[1]), len(kids)) - 1  # the part holding it
        run: list[int] = []
        last = kids[at] if 0 <= at < len(kids) else None
        if last is not None and last.style != "para" and not last.assigned() and opens_duty(last.text) \
                and any(c.line == stated[1] for c in last.children):
            run.append(at)  # (三)承担…。 / 内设机构 / 县民政局内设…: the last duty holds the sentence naming its holder
        for k in range(at - 1, -1, -1):
            c = kids[k]
            if c.style == "para" or c.children or c.assigned() or (run and c.style != kids[run[-1]].style):
                break
            run.append(k)
        opens = run[-1] == 0 or run[-1] == 1 and kids[0].style == "para" and _duties_title(kids[0].text)
        if len(run) < 2 or not opens or 2 * sum(opens_duty(kids[k].text) for k in run) < len(run):
            return set()  # the run must open the page (a page cut inside the list), most of it duties
        return set(run)

    def _stated(self) -> tuple[list[str], int] | None:
        if self._stated_holder is False:
            self._stated_holder = stated_holder(self.lines) if any("内设" in ln.text for ln in self.lines) else None
        return self._stated_holder

    def _walk_duties(self, node: _Node, path: list[str], tasks: list[Task], names: list[str],
                     founded_at: int | None = None) -> None:
        """The items and paragraphs under a heading that is nothing but a unit: that unit's duties (inferred). Under
        a heading naming no holder, the body set up at line ``founded_at``'s: a paragraph of them is cut at its
        semicolons (one body's duty list, not one office's block)."""
        stated = self._stated_holder if self._stated_holder and self._stated_holder[1] == founded_at else None
        basis = (f"unit named at line {founded_at} as the holder of the duties above it, under the heading at line "
                 f"{node.line}" if stated else
                 f"the body set up at line {founded_at}, under the heading at line {node.line}" if founded_at else None)
        label = next((k for k, c in enumerate(node.children) if _duties_label(c)), None)
        skip = 0
        if founded_at is None and label is None and node.style != "para" \
                and (bare_units(node.text) or shaped_head(node.text) == names):  # (a name the layout marked too)
            skip = self._office_block(node, path, tasks, names)
        for k, child in enumerate(node.children, start=1):
            if k <= skip:
                continue
            if label is not None and k <= label + 1:
                continue  # what the unit is (its seat, its head), before its duties label
            if _heading_like(child) and (not opens_duty(child.text) or _PERSON_IN_CHARGE.match(child.text)) \
                    and not (child.style == "circ" and not child.children and k > 1
                             and node.children[k - 2].style == "circ") \
                    or k == 1 and _seat(child):
                continue  # a title; where the unit sits, before its duties (下设办公室,办公室设在…); a circled item
                # after another is a duty of the list, however short (③完成重点项目数, cut at an excerpt's end)
            if child.children and child.text[-1:] in ":：" and not child.assigned() and not opens_duty(child.text) \
                    and _heading_like(replace(child, text=child.text[:-1])):
                # (1)年度主要任务: over its numbered items: a title over the unit's duties, no task of its own
                self._walk_duties(child, path + [str(child.number or k)], tasks, names, founded_at)
                continue
            if child.assigned():
                self._emit(child, path + [str(child.number or k)], tasks)
            else:  # a numbered item that is one unit's block: one task (its duties are not cut)
                self._emit_duties(child, path + [str(child.number or k)], tasks, names, node.line,
                                  cut=founded_at is not None, basis=basis)
            if child.children:
                self._walk(child, path + [str(child.number or k)], tasks)

    def _office_block(self, node: _Node, path: list[str], tasks: list[Task], names: list[str]) -> int:
        """A numbered item that is nothing but a unit (2. 人事局) over unnumbered paragraphs of its duties: the
        item and its block are one task (docs/evaluation.md: a numbered item that is one unit's whole block), its
        text as printed, the heading first; the unit's role from the block's opening duty. Returns how many
        paragraphs the block took (0: none, the item is read as before)."""
        run: list[_Node] = []
        for child in node.children:
            if child.style != "para" or child.children or child.assigned() or _seat(child) \
                    or _heading_like(child) and (not opens_duty(child.text) or _PERSON_IN_CHARGE.match(child.text)):
                break  # a title (负责人), a unit's own clause, a numbered list: the block ends
            run.append(child)
        if not run:
            return 0
        block = _Node(node.style, node.rank, node.number, node.text, node.line, node.parent, last_line=node.line,
                      _clauses=[])  # one task: the unit printed at its head is no clause cutting it
        for child in run:
            joint = ("" if node.text.endswith((":", "：")) else " ") if block.text == node.text else \
                "" if block.text.endswith(tuple(SENTENCE_PUNCT)) else "。"
            block.text += joint + child.text
            block.last_line = block.text_end = child.last_line
        self._emit(block, path, tasks)
        prov = Provenance(self.source, node.line, node.line)
        role = _duty_role(run[0].text)
        tasks[-1].assignments.extend(Assignment(n, role, prov) for n in names)
        tasks[-1].assignments.extend(_partners(tasks[-1].text, names, node.line, self.source))
        return len(run)

    def _emit_duties(self, child: _Node, path: list[str], tasks: list[Task], names: list[str], line: int,
                     cut: bool = True, basis: str | None = None) -> None:
        """A duty (or a paragraph of duties cut by semicolons, when ``cut``: one task each) of the units a heading
        at ``line`` names, inferred; the role from each duty itself (负责… lead, 协助… cooperating)."""
        before = len(tasks)
        self._emit(child, path, tasks)
        duties = _duties(tasks[-1].text) if cut and len(tasks) == before + 1 and child.style == "para" else []
        if len(duties) > 1:
            whole = tasks.pop()  # 负责…;负责…;承担…
            tasks.extend(replace(whole, id=f"{whole.id}-{k}", text=duty, sub=k, parent=whole.id, assignments=[],
                                 deadlines=find_deadlines(duty, self.year), amounts=find_amounts(duty))
                         for k, duty in enumerate(duties, start=1))
        prov = Provenance(self.source, line, line)
        whole_role = _duty_role(child.text)
        for task in tasks[before:]:
            role = _duty_role(task.text) if len(duties) > 1 else whole_role
            task.assignments.extend(Assignment(n, role, prov, inferred=True,
                                               basis=basis or f"unit heading at line {line}") for n in names)
            task.assignments.extend(_partners(task.text, names, child.line, self.source))

    def _carried(self, node: _Node) -> tuple[list[Assignment], bool] | None:
        """The units a heading gives all its items, when none of them names its own (inferred)."""
        if node.style == "para" or not node.children:
            return None
        found = node.clauses
        # a heading that is nothing but its role (省监察厅牵头的工作) leads every item and paragraph under it, even
        # those naming other roles; a heading with a clause of its own only items that name nobody
        pure = _heading_clause(node.text) if not found or found[-1].start == 0 else None
        if pure is None and not any(c.style != "para" for c in node.children):
            return None
        clause = pure or (found[-1].clause if found else None)
        if clause is None and not found and node.labels and not node.unit_lines:
            return self._carried_labels(node)  # 一、城市建设 / 牵头单位:市住建局 / 1.… 2.…
        if clause is None or not clause.assignments or (pure is None and self._subtree_assigned(node)
                                                         and not self._partners_only(node, clause)):
            return None
        basis = f"heading at line {node.line}"
        prov = Provenance(self.source, node.line, node.line)
        return list(Assignment(u, r, prov, inferred=True, basis=basis) for u, r in clause.assignments), pure is not None

    def _partners_only(self, node: _Node, clause: Clause) -> bool:
        """Whether the heading's clause names a lead and its items name only units that work with one
        ((一)…(市发改委牵头) / 1.…(配合单位:市财政局)): the heading's lead is theirs too."""
        if not any(r is Role.LEAD for _, r in clause.assignments):
            return False
        items = [c for c in node.children if c.style != "para"]
        if not items or any(c.children for c in items):
            return False
        roles = {r for c in items for f in c.clauses for _, r in f.clause.assignments}
        roles |= {ROLE_OF_LABEL[k] for c in items for k, _, _ in c.labels if k in ROLE_OF_LABEL}
        roles |= {r for c in items for clause_, _ in c.unit_lines for _, r in clause_.assignments}
        return roles == {Role.COOPERATING}

    def _carried_labels(self, node: _Node) -> tuple[list[Assignment], bool] | None:
        """The label lines printed between a heading and its numbered items, none of which names a unit: the
        labels are the items' (inferred), and the heading is no task of its own."""
        if not any(c.style != "para" for c in node.children) or self._subtree_assigned(node):
            return None
        first_item = min(c.line for c in node.children)
        if any(line_no > first_item for _, _, line_no in node.labels):
            return None  # a label after the items closes the group (read as a group clause)
        assignments, _, _, _ = self._from_labels(node)
        if not assignments:
            return None
        basis = f"label under the heading at line {node.line}"
        return [Assignment(a.unit, a.role, a.provenance, inferred=True, basis=basis) for a in assignments], False

    def _group_clause(self, node: _Node) -> tuple[list[_Node], list[Assignment]] | None:
        """A unit line or label printed after the last item of a list whose other items name nobody: the
        items before it take its units too (inferred, basis: the clause's line)."""
        items = [c for c in node.children if c.style != "para"]
        if len(items) < 2:
            return None
        if items[-1] is not node.children[-1] or len({c.style for c in items}) != 1:
            # a page opening inside a section (59.… 63.…。主要责任部门:X / 八、…): its items stand beside the next
            # section's heading, of a higher rank, right after the item holding the clause
            cut = next(k for k, c in enumerate(items) if c.style != items[0].style or k == len(items) - 1)
            after = node.children.index(items[cut - 1]) + 1 if cut >= 2 else 0
            if cut < 2 or items[cut].rank >= items[0].rank or after >= len(node.children) \
                    or node.children[after] is not items[cut]:
                return None
            items = items[:cut]
        last = items[-1]
        if last.clauses or not (last.unit_lines or last.labels) or last.children:
            return None
        if any(c.assigned() or c.children for c in items[:-1]):
            return None  # items over body paragraphs: conventions.apply_group_label decides, seeing the whole plan
        units = [(u, r, no) for clause, no in last.unit_lines for u, r in clause.assignments]
        units += [(a.unit, a.role, a.provenance.first_line) for a in self._from_labels(last)[0]]
        if not units:
            return None
        no = min(n for _, _, n in units)
        prov = Provenance(self.source, no, no)
        return items[:-1], [Assignment(u, r, prov, inferred=True, basis=f"clause after the group at line {no}")
                            for u, r, _ in units]

    def _subtree_assigned(self, node: _Node) -> bool:
        for c in node.children:
            if c.assigned() or self._subtree_assigned(c):
                return True
        return False

    def _title_of(self, node: _Node) -> str | None:
        parent = node.parent
        while parent is not None and parent is not self.root:
            if parent.style != "para":
                return split_title(parent.text)[0]
            parent = parent.parent
        return None

    def _emit(self, node: _Node, path: list[str], tasks: list[Task]) -> None:
        base_id = "S" + "-".join(path)
        title = self._title_of(node)
        segments = _segments(node.text, node.clauses)
        heading, rest = split_title(node.text)
        if len(segments) == 1 and node.style in ("cn", "cnp") and rest:
            title = heading  # (一)加强市场体系建设。推进…: the item is its own heading
        label_assignments, leaders, deadline_cells, spreads = self._from_labels(node)
        if node.members:
            label_assignments = _members_at_work(node, label_assignments)
        for k, (text, found) in enumerate(segments, start=1):
            single = len(segments) == 1
            task = Task(
                id=base_id if single else f"{base_id}-{k}",
                text=text,
                provenance=Provenance(self.source, node.line, max(node.line, node.text_end)),
                row=node.number, sub=None if single else k, title=title,
                parent=None if single else base_id,
                leaders=list(node.leaders) + list(leaders),
            )
            if found is not None:
                for unit, role in found.clause.assignments:
                    task.assignments.append(Assignment(unit, role, Provenance(self.source, node.line, node.line)))
                task.leaders.extend(found.clause.leaders)
                task.deadlines.extend(self._deadline(c) for c in found.clause.deadlines)
                if found.clause.spread:
                    self._notes.append((len(tasks), found.clause.spread, node.line, found.clause.note or "下同"))
            if k == len(segments):  # labels and unit lines follow the item's last sentence
                task.assignments.extend(label_assignments)
                self._notes.extend((len(tasks), units, line_no, word) for units, line_no, word in spreads)
                task.deadlines.extend(self._deadline(c) for c in deadline_cells)
                for clause, line_no in node.unit_lines:
                    prov = Provenance(self.source, line_no, line_no)
                    task.assignments.extend(Assignment(u, r, prov) for u, r in clause.assignments)
                    task.leaders.extend(clause.leaders)
                    if clause.spread:
                        self._notes.append((len(tasks), clause.spread, line_no, clause.note or "下同"))
            task.deadlines.extend(find_deadlines(text, self.year))
            task.amounts = find_amounts(text)
            tasks.append(task)

    def _from_labels(self, node: _Node):
        """Assignments, leaders, deadline texts and 下同 spreads of the item's label lines."""
        spreads: list[tuple[list[tuple[str, Role]], int, str]] = []
        assignments: list[Assignment] = []
        leaders: list[str] = []
        deadlines: list[str] = []
        for kind, content, line_no in node.labels:
            prov = Provenance(self.source, line_no, line_no)
            if kind in (LEADER, DEADLINE) and LABEL_ANYWHERE.search(content):
                # 责任领导:某某;责任单位:X;配合单位:Y on one line: the labels after the first one count too
                m = LABEL_ANYWHERE.search(content)
                head, tail = content[:m.start()].rstrip(";；,， "), content[m.start():]
                clause = parse_clause(tail)
                if clause is not None:
                    assignments.extend(Assignment(u, r, prov) for u, r in clause.assignments)
                    leaders.extend(clause.leaders)
                    deadlines.extend(clause.deadlines)
                    content = head
            if kind == LEADER:
                leaders.extend(p for p in re.split(r"[、，,；;]", content.strip("。")) if p)
            elif kind == DEADLINE:
                deadlines.append(content.strip("。；;"))
            else:
                role = ROLE_OF_LABEL.get(kind)
                clause = parse_clause(content, role)
                if clause is None and kind != DIVISION and match_label(node.text) is None:
                    clause = labelled_slot(content, role)  # (r-slots2) 配合单位:甲苑、乙斋: the slot keeps its last name
                if clause is None and kind == DIVISION or clause is None:
                    cut = max(content.rfind(s) for s in LIST_SEPARATORS)
                    clause = parse_clause(content[:cut], role) if cut > 0 else None
                if clause is None:  # 责任部门:园林局配合做好专项整治工作: the list, then glued text
                    clause = _leading_units(content, role)
                if clause is None and match_label(node.text) is None:  # 牵头单位:城东大垸 under an item, not
                    clause = labelled_slot(content, role)  # under another label line (主办单位:… / 承办单位:…)
                if clause is not None:
                    assignments.extend(Assignment(u, r, prov) for u, r in clause.assignments)
                    leaders.extend(clause.leaders)
                    if clause.spread:
                        spreads.append((clause.spread, line_no, clause.note or "下同"))
        return assignments, leaders, deadlines, spreads

    def _deadline(self, printed: str) -> Deadline:
        found = find_deadlines(printed, self.year)
        return Deadline(printed, found[0].date if found else parse_date(printed))


# Labels listing a working group's members (成员单位:): role cues label.members.
_MEMBERS = re.compile(alternation("label.members"))


def _members_at_work(node: _Node, assignments: list[Assignment]) -> list[Assignment]:
    """The label assignments of an item whose member list (成员单位:A、B、C、D) stands beside a measure opening with
    some of those members as its subject (B、C督促指导…): the subject names who does the measure, the other members
    are left out; the list stays whole where the measure opens with no subject, with a unit not in the list, or
    names the members as a whole (各成员单位配合…).

    >>> from .lines import to_lines
    >>> ls = to_lines("3.2 防御组\\n成员单位:县水利局、县交通局、县林业局\\n主要措施:县水利局、县林业局督促各乡镇巡查堤坝和山体。")
    >>> [(a.unit, a.role.value) for t in read_prose(ls, "e.txt") for a in t.assignments]
    [('县水利局', 'responsible'), ('县林业局', 'responsible')]
    """
    rest = split_title(node.text)[1] or node.text
    if "成员" in rest:
        return assignments  # (…,各成员单位配合…: the measure names the members as a whole too)
    got = subject_opening(rest) if _SUBJECT_HINT.search(rest, 0, MAX_OPENING + 4) else None
    if got is None:
        return assignments
    members = {a.unit for a in assignments if a.provenance.first_line in node.members}
    doers = {n for n, _ in got.clause.assignments}
    if not doers < members:
        return assignments
    return [a for a in assignments if a.unit in doers or a.provenance.first_line not in node.members]


# Places a unit answers for (分片包干: 县公安消防大队负责甸中镇、化念镇,县文体局负责双江街道): towns, townships,
# subdistricts, villages; the list is the task's text.
_AREA = r"[\u4e00-\u9fff]{1,8}?(?:镇|乡|街道|街道办事处|村|社区|片区)"
_AREAS = re.compile(f"{_AREA}(?:、{_AREA})*")
_OWN_SENTENCE = 20  # a sentence before the first unit-first clause this long is no heading of it


_SENTENCE_END = "。！!？?"
_HANDED_BY = ("统一由", "具体由", "并由", "则由", "均由", "由")


def _opening_of(text: str, at: int, after: int) -> int:
    """Where the task of a unit-first clause at ``at`` opens, no earlier than ``after`` (the clause before it):
    at its sentence's start when no other clause stands in that sentence (出现污染反弹的,由市农委牵头…: the
    condition is the task's too), or its part's after a semicolon; else at the 由 handing the work to its units
    (…,由市水务公司负责…), else at ``at``.

    >>> t = "加强巡查,市水利局负责。出现反弹的,由市农委牵头整治。"
    >>> t[_opening_of(t, t.index("市农委"), t.index("。"))]
    '出'
    >>> t = "市水利局负责巡查,由市农委负责整治。"
    >>> t[_opening_of(t, t.index("市农委"), t.index("巡查"))]
    '由'
    """
    stop = max(text.rfind(c, after, at) for c in _SENTENCE_END)
    if stop < 0:
        stop = max(text.rfind(c, after, at) for c in "；;")  # …负责维修;属于镇级的管网,由镇政府负责…: its clause
    if stop >= 0:
        return stop + 1
    for word in _HANDED_BY:  # (the longest first)
        if text.endswith(word, after, at):
            return at - len(word)
    return at


def _segments(text: str, clauses: list[Found]) -> list[tuple[str, Found | None]]:
    """The item's text cut after each clause: one (sentence(s), clause) per task."""
    if not clauses:
        return [(_drop_open_tail(text), None)]
    if clauses[0].leading:  # 市工商局负责,…,严格实施…: each clause opens its task, printed as it stands
        starts = [clauses[0].start] + [_opening_of(text, f.start, before.end) for before, f in zip(clauses, clauses[1:])]
        ends = starts[1:] + [len(text)]
        out: list[tuple[str, Found | None]] = []
        before = text[:clauses[0].start].strip()
        if (closing := _closing_clause(text, before, clauses[0], ends[0])) is not None:
            out.extend(closing)
            if len(clauses) == 1:
                return out
            return out + _segments(text[ends[0]:], [replace(f, start=f.start - ends[0], end=f.end - ends[0])
                                                    for f in clauses[1:]])
        if len(before) >= _OWN_SENTENCE and before.endswith("。"):  # 依法建立征用程序…。市交通局、市公安局根据…
            # a sentence of work no unit opens: a task of its own, without units, unless it hands its work on
            # (禁止…,一经发现,由所在区县人民政府依法处理。有关区县人民政府要…: the units after 由, responsible)
            handed = _handed_units(before) if "由" in before else None
            out.append((before, Found(0, 0, Clause([(n, Role.RESPONSIBLE) for n in handed])) if handed else None))
        for k, (f, start, end) in enumerate(zip(clauses, starts, ends)):
            areas = text[f.end:end].strip(" \u3000,，。；;")
            if f.end > f.start and _AREAS.fullmatch(areas):  # 县文体局负责双江街道: the places it answers for
                out.append((areas, f))
            else:
                out.append((text[0 if k == 0 and not out else start:end].strip().strip("；;").lstrip("，,。"), f))
        return out
    if len(clauses) == 1:
        f = clauses[0]
        rest = (text[:f.start] + text[f.end:]).strip()
        return [(rest or text, f)]
    out: list[tuple[str, Found | None]] = []
    start = 0
    for f in clauses:
        piece = text[start:f.start].strip().lstrip("；;，,。")
        if piece:
            out.append((piece, f))
        elif out:  # two clauses in a row: both belong to the sentence before them
            prev_text, prev = out[-1]
            merged = Clause(prev.clause.assignments + f.clause.assignments, prev.clause.spread + f.clause.spread,
                            prev.clause.note or f.clause.note, prev.clause.leaders + f.clause.leaders,
                            prev.clause.deadlines + f.clause.deadlines, True, True)
            out[-1] = (prev_text, Found(prev.start, f.end, merged))
        start = f.end
    tail = text[start:].strip().lstrip("。；;,，")
    if tail and any(p in tail for p in SENTENCE_PUNCT):
        out.append((_drop_open_tail(tail), None))
    elif tail and out:
        out[-1] = (out[-1][0] + tail, out[-1][1])
    return out or [(text, None)]


def _closing_clause(text: str, before: str, f: Found, end: int) -> list[tuple[str, Found | None]] | None:
    """A unit-first clause that is a whole sentence handing no work of its own (…预期目标是…。由X、Y负责落实。):
    it closes the work printed before it, which is its task; the text after it, up to the next clause, is a task
    of its own without units (the next item, glued on in a paragraph), or None when the clause is not of that form.

    >>> t = "今年的预期目标是增长百分之十左右。由甲乙委、丙丁局负责落实。二、推进建设2.坚持把农业作为重点。"
    >>> f = Found(t.index("由"), t.index("。二"), Clause([("甲乙委", Role.LEAD), ("丙丁局", Role.LEAD)]), True)
    >>> [(s, x is not None) for s, x in _closing_clause(t, t[:t.index("由")], f, len(t))]
    [('今年的预期目标是增长百分之十左右。', True), ('二、推进建设2.坚持把农业作为重点。', False)]
    >>> t = "今年的预期目标是增长百分之十左右。由甲乙委负责制定计划。"
    >>> _closing_clause(t, t[:t.index("由")], Found(t.index("由"), t.index("制"), Clause([]), True), len(t)) is None
    True
    """
    if not before.endswith(tuple(_SENTENCE_END)) or text[f.start:f.start + 1] != "由" or \
            text[f.end:f.end + 1] not in ("。", "；", ";", ""):
        return None
    out: list[tuple[str, Found | None]] = [(before, f)]
    rest = text[f.end:end].strip().lstrip("。；;，,")
    if rest:
        out.append((_drop_open_tail(rest), None))
    return out


def _cut_clause(text: str) -> bool:
    """Whether ``text`` ends inside a clause of its own cut off by the end of the excerpt (…经验。(牵头单位:市发).

    >>> _cut_clause("形成一批经验。(牵头单位:市发"), _cut_clause("形成一批经验。(2025年"), _cut_clause("形成经验。")
    (True, False, False)
    """
    if text[-1:] in ")）〕】":
        return False
    opened = _drop_open_tail(text)
    if opened == text:
        return False
    inner = text[len(opened) + 1:]
    return match_label(inner) is not None or may_hold_role_words(inner)


def _drop_open_tail(text: str) -> str:
    """Text cut off inside a clause ("…改革。(市政府办公室、市") without the open clause."""
    for opener in "(（〔【":
        at = text.rfind(opener)
        if at > 0 and not any(c in text[at:] for c in ")）〕】") and text[at - 1] in "。；;":
            return text[:at]
    return text


def _spread_notes(tasks: list[Task], notes: list[tuple[int, list[tuple[str, Role]], int, str]]) -> None:
    """Give the units of each 下同 note to every task after the one that prints it (inferred)."""
    for index, units, line_no, word in notes:
        for task in tasks[index + 1:]:
            have = {a.unit for a in task.assignments}  # a unit the task names itself, in any role, keeps it
            for unit, role in units:
                if unit not in have:
                    task.assignments.append(Assignment(unit, role, Provenance(task.provenance.file, line_no, line_no),
                                                       inferred=True, basis=f"{word} note at line {line_no}"))


def read_prose(lines: list[Line], source: str, spans: list[tuple[int, int]] | None = None,
               year: int | None = None) -> list[Task]:
    """The tasks of the prose in ``lines[start:end]`` for each span (all lines by default)."""
    return ProseReader(lines, source, year).read(spans if spans is not None else [(0, len(lines))])
