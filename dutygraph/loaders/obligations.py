"""Obligations: sentences that tell a named unit what it must do, read when nothing else in a document is.

Notices that hand out a task table, replies (批复) and progress reports (通报) often assign work in their own
sentences, without a label, a bracket clause or a table: ``县发改委要会同县督查落实办对相关工作进行督导``,
``请各牵头单位要严格按照任务分工…``, ``桂林市要切实加强…的组织领导``. Such a sentence opens with its subject (a
unit list, a collective such as 各牵头单位 / 各地、各部门, or a place standing for its government) followed by an
obligation word (要, 应, 须, 将, 负责 …; section ``obligation.word`` of the role cues), or is addressed with
请 / 望 (section ``obligation.address``).

The reading is a last resort: :func:`obligation_tasks` is asked only when every other reader placed no unit, or
placed a few only from role words inside such sentences (省政府督查室牵头对…督办: :func:`reads_as_notice`), so a
plan whose tasks are printed with role cues never gains its preamble's instructions as tasks. Every assignment it
gives is marked ``inferred`` with its basis. Roles come from what the subject is told (:func:`_roles`): it leads
when told to 负总责 / 牵头 / 会同 / 负责 (the units after 会同 cooperate), cooperates when told to help (积极配合)
or named a cooperating collective (各配合单位), and is responsible otherwise, a collective named a lead
(各牵头单位要于…前报送) included.

>>> from .lines import to_lines
>>> [(t.text, [(a.unit, a.role.value) for a in t.assignments])
...  for t in obligation_tasks(to_lines("下一步,县发改委要会同县督查落实办对相关工作进行督导。"), "n.txt")]
[('下一步,县发改委要会同县督查落实办对相关工作进行督导', [('县发改委', 'lead'), ('县督查落实办', 'cooperating')])]
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Assignment, Provenance, Role, Task
from ..text.normalize import bracket_depth_split
from ..text.role_cues import alternation
from ..text.units import is_unit_name, org_suffixes
from .clauses import _NAME_CHARS, NOT_NAME_START, _listed_departments, _units, find_clauses
from .labels import LABEL_ANYWHERE, match_label
from .lines import Line
from .unit_scan import opening_units

ITEM_SUBJECT = "subject of the item at line"  # the basis of a unit the prose reader takes from an item's subject

BASIS = ("the subject of an obligation sentence (要/应/须/将…), read because the document prints no role cue "
         "outside such sentences")
_MAX_SUBJECT = 40
_MIN_ITEM = 8  # an item's first part shorter than this is a heading's phrase (二、精心组织,加强统筹), no subject
_MAX_HEADING = 30  # a paragraph's opening heading sentence (二、压实责任,推动工作落实。) is no longer
_ITEM_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|\d{1,2}[.．、]|[(（][一二三四五六七八九十\d]+[)）]"
                          r"|第[一二三四五六七八九十百\d]{1,4}条)")  # 第三条 (the articles of a 办法 or 规定)
# What a department's name ends with where nothing but the name marks its end (not 会商, 开会).
_DEPARTMENT_END = re.compile(r"(?:部门|单位|机构|政府|委员会|管委会|委会|协会|联合会|[局委办厅部院队站所科室组中心司处馆社团]|"
                             r"公司|集团|乡镇|街道|各地|企业)[)）]?$")
_NOT_IN_NAME = re.compile(r"的|要|将|须|应当|必须|(?<!自)由|\d+(?:个|项|座|公里|家|万|亿|%|年|月|日)")  # a count: work, not a name
_ADVERBS = ("也", "还", "均", "都", "分别", "一定", "务必", "切实", "进一步")
_STOPS = "，,。；;！!？?"
_WRAP_WIDTH = 30
_LINE_ENDS = tuple("。；;！!？?:：”」)）")  # what a line ends with when the next does not go on with it


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """obligation word, address, introduction; lead and cooperating role words (all from the role cues)."""
    return tuple(re.compile(f"(?:{alternation(section)})") for section in (
        "obligation.word", "obligation.address", "obligation.intro", "word.lead", "word.cooperating"))


def _place(name: str) -> bool:
    """A division's full name standing for its government (桂林市要…)."""
    if len(name) < 2 or not name.endswith(("省", "市", "县", "区", "州", "盟", "旗", "自治区")):
        return False
    from ..resolve.divisions import divisions  # only a document read by this last resort pays for the table
    return bool(divisions().named(name))


_ESPECIALLY = re.compile(r"(?<=.)(?:尤其是|特别是)(?=.)")


# A collective named by its role in the plan (牵头单位, 区直各责任单位, 其他责任单位): who is meant is in the tables.
_ROLE_COLLECTIVE = re.compile(r"^(?:[省市县区]直)?(?:各|相关|有关|其他|其余)?(?:项目|任务)?(?:主要|总)?"
                              r"(?:(?:牵头|协同|配合)?责任|牵头|配合|协同|协办|参与|承办|实施)(?:单位|部门)$")


def _name_ok(name: str) -> bool:
    """A subject name's characters: a unit's (not opening like a sentence), or a role collective (牵头单位,
    其他责任部门: 牵头 and 其他 open them, as they open no other name)."""
    return bool(_NAME_CHARS.match(name.replace("、", ""))) and not name[:1].isdigit() and (
        not NOT_NAME_START.match(name) or _ROLE_COLLECTIVE.match(name) is not None)


@lru_cache(maxsize=1)
def _people() -> re.Pattern:
    return re.compile(f"(?:{alternation('obligation.people')})$")


def _subject(name: str) -> list[str] | None:
    name = _ESPECIALLY.sub("、", name)  # 责任单位尤其是各乡镇: both are the subject
    parts = [p for p in name.split("、") if p]
    people = _people()
    if any(people.search(p) for p in parts):  # 各部门一把手要…, 各牵头领导、责任单位要…: people are no units
        parts = [p for p in parts if not people.search(p)]
        if not parts:
            return None
        name = "、".join(parts)
    if any(_ROLE_COLLECTIVE.match(p) for p in parts):
        rest = [p for p in parts if not _ROLE_COLLECTIVE.match(p)]
        return parts if not rest or _units("、".join(rest)) is not None else None  # 各责任单位、配合单位
    names = _units(name) or _listed_departments(name)  # 州县建设、教育等部门要…: sectors a 等部门 tail closes
    if names is None and _place(name):
        names = [name]
    return names


def _after_adverbs(rest: str) -> str:
    changed = True
    while changed:
        changed = False
        for adverb in _ADVERBS:
            if rest.startswith(adverb):
                rest, changed = rest[len(adverb):], True
    return rest


def _read_subject(segment: str, item: bool = False) -> tuple[list[str], str, str] | None:
    """The subject's names, the obligation word after them ('' when addressed with 请/望, or when the names
    open a numbered item: 1、宣传部门通过媒体发布…) and the rest."""
    obligation, address, intro, _, _ = _patterns()
    m = intro.match(segment)
    if m:
        segment = segment[m.end():].lstrip(",，:： ")
    m = address.match(segment)
    if m:
        segment = segment[m.end():]
    stop = _top_level_stop(segment)
    for end in range(2, min(stop, _MAX_SUBJECT) + 1):
        if segment[end - 1:end + 1] in _WORDS_WITH_YAO:
            continue  # 各主要责任单位要…: 主要 is a word of the name, not its obligation
        rest = segment[end:]
        if (note := _NOTE.match(rest)) and re.search("[,，]", note.group()):  # a sentence, not a name's part:
            rest = rest[note.end():]  # 牵头单位(无牵头单位的,责任单位即为牵头单位)要…
        rest = _after_adverbs(rest)
        word = obligation.match(rest)
        if word is not None:
            names = _subject(segment[:end])
            if names and all(_name_ok(n) for n in names) and (_MODAL.match(word.group()) or all(
                    _DEPARTMENT_END.search(n) or _ROLE_COLLECTIVE.match(n) or _place(n) for n in names)):
                return names, word.group(), rest[word.end():]  # the shortest subject before an obligation word
    if m is not None or item and len(segment) >= _MIN_ITEM and not NOT_NAME_START.match(segment):  # addressed (请各地…) or opening an item (1、宣传部门通过…)
        found = opening_units(segment, _well_formed)
        if found and segment.startswith("的", found[1]):
            found = None  # (二)乡镇人民政府的工作职责: a heading naming whose duties follow, no sentence
        if found and (m is not None or not any(_place(n) for n in found[0])):  # 1.菏泽市实现重大突破: a target
            return found[0], "", segment[found[1]:]
    return None


def _helping(part: str) -> list[str] | None:
    """The units a comma part opens with when it says they help (县公安局积极配合, 区财政局、区审计局协助做好…):
    they work with the subject of the sentence before them.

    >>> _helping("县公安局、县交通局积极配合"), _helping("县公安局配合做好交通疏导"), _helping("积极配合")
    (['县公安局', '县交通局'], ['县公安局'], None)
    """
    found = opening_units(part, _well_formed)
    if found is None:
        return None
    names = found[0]
    after = part.find(names[-1]) + len(names[-1])  # the list read may hold the role word too (镇财政所协助)
    helps = _predicate_patterns()[1].match(_after_adverbs(part[after:]))
    return names if helps else None


# A part of a sentence handing its work on (…,具体由X牵头负责): X, not the sentence's subject, does it.
_HANDED_ON = re.compile(r"(?:具体|日常)(?:工作)?由")

_NOTE = re.compile(r"[(（][^()（）]{1,40}[)）]")


def _top_level_stop(segment: str) -> int:
    """Where the first comma or stop outside brackets stands in ``segment`` (its length if none)."""
    depth = 0
    for k, c in enumerate(segment):
        if c in "(（":
            depth += 1
        elif c in ")）":
            depth = max(0, depth - 1)
        elif c in _STOPS and depth == 0:
            return k
    return len(segment)
# What makes an obligation word a modal one (要, 应, 须, 将, 负责…): after a date (于…前) or a charge (对…负总责) or a
# remit (按照职责分工), the subject must end like a department: 各单位联系电话于4月15日前报送 names none.
_MODAL = re.compile(r"(?!(?:分别)?于|对|按|根据|依据)")

_WORDS_WITH_YAO = frozenset({"主要", "重要", "首要", "次要", "必要", "需要", "只要", "纪要", "摘要", "简要", "提要"})


def _balanced(name: str) -> bool:
    return name.count("(") + name.count("（") == name.count(")") + name.count("）")


def _well_formed(text: str) -> list[str] | None:
    names = _subject(text)
    if names and all(_name_ok(n) and _balanced(n)
                     and not _NOT_IN_NAME.search(n)
                     and (is_unit_name(n) and _DEPARTMENT_END.search(n) or _place(n))
                     for n in names):
        return names
    return None


@lru_cache(maxsize=1)
def _predicate_patterns() -> tuple[re.Pattern, re.Pattern]:
    """What the predicate says of its subject: it leads (负总责, 牵头抓总, 会同…), or it helps (积极配合, 全力支持)."""
    return (re.compile(f"(?:{alternation('obligation.lead')})"),
            re.compile(f"^(?:{alternation('obligation.cooperating')})"))


_QUOTED = re.compile(r"[“\"「『][^”\"」』]*(?:[”\"」』]|$)")


def _roles(names: list[str], word: str, rest: str, later: list[str] = ()) -> list[tuple[str, Role]]:
    """Roles from what the sentence says its subject does (docs/evaluation.md): lead when its first part says
    负总责 / 牵头 / 会同 / 负责, or a later part opens with 会同; cooperating when it is told to help (积极配合,
    主动支持、积极配合) or named a cooperating collective (各配合单位); else responsible. A collective named a
    lead (各牵头单位) leads only where its predicate says so: 各牵头单位要于6月底前报送 is responsible."""
    _, _, _, _, coop_words = _patterns()
    lead_said, helps_said = _predicate_patterns()
    rest = _QUOTED.sub("", rest)  # 按照“谁牵头、谁负责”原则: a quoted principle says no role of the subject
    with_ = rest[2:] if rest.startswith("会同") else rest if word == "会同" else None
    if with_ is None:
        with_ = next((part.lstrip()[2:] for part in later if part.lstrip().startswith("会同")), None)
    leads = with_ is not None or lead_said.search(word + rest) is not None or any(
        lead_said.match(part.lstrip()) for part in later)  # …要切实担负起责任,牵头抓总: a later part opening so
    helps = any(helps_said.match(part) for part in rest.split("、"))  # 认真履责、主动配合、接受调度
    out: list[tuple[str, Role]] = []
    for name in names:
        if leads:
            out.append((name, Role.LEAD))
        elif helps or coop_words.search(name):
            out.append((name, Role.COOPERATING))
        else:
            out.append((name, Role.RESPONSIBLE))
    if with_ is not None:
        found = opening_units(with_, _well_formed)
        out.extend((name, Role.COOPERATING) for name in (found[0] if found else ()))
    return out


# A notice's own sentences may carry a role word or two (省政府督查室牵头对…督办, 具体工作由X牵头负责): where the
# other readers placed units on no more than this many tasks, none in a table, each from a line that is an
# obligation sentence and holds no bracket clause, no closing clause and no role label, the obligation sentences
# are read when they outnumber those tasks at least two to one. A plan's items (1.…。(X牵头), 牵头单位:X, a unit
# line under an item) keep their cues, and its cover letter's sentences are no tasks (docs/evaluation.md).
NOTICE_CUES = 3
_NOTICE_RATIO = 2


def reads_as_notice(tasks: list[Task], found: list[Task], lines: list[Line]) -> bool:
    """Whether the obligation sentences ``found`` are the tasks of a document whose other readers gave ``tasks``:
    always when those place no unit, else when the few they place come from role words inside the sentences
    that ``found`` reads (see NOTICE_CUES)."""
    # an item read by its subject (6、县政府要…) is itself an obligation sentence: it weighs nothing against them
    placed = [t for t in tasks if t.assignments and not all(a.basis and a.basis.startswith(ITEM_SUBJECT)
                                                            for a in t.assignments)]
    if not placed:
        return True
    if len(placed) > NOTICE_CUES or len(found) < _NOTICE_RATIO * len(placed):
        return False
    said = {t.provenance.first_line for t in found}
    text_of = {line.no: line.text for line in lines}
    for task in placed:
        lines_of = {a.provenance.first_line if a.provenance is not None else task.provenance.first_line
                    for a in task.assignments}
        if not lines_of <= said:
            return False
        # the lines its units stand on, and its body's (1.优化布局 / 坚持…。(牵头单位:X): an item and its clause)
        for no in sorted(lines_of | set(range(task.provenance.first_line + 1, task.provenance.last_line + 1))):
            text = text_of.get(no, "")
            if find_clauses(text) or any(
                    match_label(text[m.start():]) is not None for m in LABEL_ANYWHERE.finditer(text)):
                return False
    return True


_MAX_BLANKS = 2  # blank lines a wrapped sentence may run across (a page copied with a blank line between lines)


def _opens_with_subject(text: str) -> bool:
    """Whether a line after a blank one opens a sentence of its own (全县各级各部门要…): the line before it
    lost its closing stop, it was not wrapped."""
    return _read_subject(bracket_depth_split(text, ",，")[0]) is not None


def _logical_lines(lines: list[Line]) -> list[tuple[str, list[tuple[int, int]]]]:
    """The lines with each long line not closed by its punctuation joined to the line that goes on with it (a
    wrap, not a heading: 由区政府办 / 公室负责…), across a blank line or two; each with (offset, line number) of
    its pieces."""
    out: list[tuple[str, list[tuple[int, int]]]] = []
    blanks = _MAX_BLANKS + 1
    before = ""  # the text of the last line with text
    for line in lines:
        text = line.text
        if not text:
            blanks += 1
            continue
        if out and blanks <= _MAX_BLANKS and len(before) >= _WRAP_WIDTH and not before.endswith(_LINE_ENDS) \
                and not _ITEM_MARKER.match(text) and not (blanks and _opens_with_subject(text)):
            joined, starts = out[-1]
            out[-1] = (joined + text, starts + [(len(joined), line.no)])
        else:
            out.append((text, [(0, line.no)]))
        before, blanks = text, 0
    return out


def obligation_tasks(lines: list[Line], source: str) -> list[Task]:
    """One task for each sentence (or comma part) whose subject is told what to do.

    >>> from .lines import to_lines
    >>> [t.assignments[0].unit for t in obligation_tasks(to_lines(
    ...     "二、桂林市要切实加强组织领导。\\n请各地、各部门抓好落实。\\n《规划》实施要高举旗帜。"), "n.txt")]
    ['桂林市', '各地']
    """
    tasks: list[Task] = []
    for text, starts in _logical_lines(lines):
        if len(text) < 6:
            continue

        def line_at(offset: int) -> int:  # the source line of a character of the (joined) text
            return next(no for at_, no in reversed(starts) if at_ <= offset)

        at = 0
        first = True  # no task yet on this line
        for sentence in bracket_depth_split(text, "。；;！!？?"):
            found: list[tuple[int, int, tuple[list[str], str, str]]] = []
            also: dict[int, list[tuple[str, Role]]] = {}  # units a later part of the subject's sentence adds
            offset = 0
            for segment in bracket_depth_split(sentence, ",，"):
                lead = segment.lstrip(" \u3000")
                body = _ITEM_MARKER.sub("", lead)
                read = _read_subject(body, item=offset == 0 and at == 0 and body != lead)
                if read is not None:
                    start = offset + (len(segment) - len(body))
                    found.append((start, offset + len(segment), read))
                elif found and lead.startswith("由") and (by := opening_units(lead[1:], _well_formed)) \
                        and not any(n in org_suffixes() for n in by[0]):  # 由办公室负责: whose office is not said
                    also.setdefault(len(found) - 1, []).extend((n, Role.RESPONSIBLE) for n in by[0])  # …,由市发改委汇总上报
                elif found and (helpers := _helping(lead)):  # X负责…,Y积极配合: Y works with the subject
                    also.setdefault(len(found) - 1, []).extend((n, Role.COOPERATING) for n in helpers)
                offset += len(segment) + 1
            for k in range(len(found) - 1, 0, -1):  # 市政府将实施动态管理,具体由市发改委牵头负责: who does it
                if _HANDED_ON.match(sentence, found[k][0]):
                    found[k - 1:k + 1] = [(found[k - 1][0], found[k][1], found[k][2])]
                    also = {j - (j >= k): units for j, units in also.items() if j != k - 1}
            for k, (start, end, (names, word, rest)) in enumerate(found):
                stop = found[k + 1][0] if k + 1 < len(found) else len(sentence)
                assignments = _roles(names, word, rest, bracket_depth_split(sentence[end + 1:stop], ",，"))
                assignments += [(n, r) for n, r in also.get(k, ()) if n not in names]
                if k == 0:  # 从第二季度起,各牵头单位要…: the sentence's opening words are the task's too
                    opening = sentence.lstrip(" \u3000")
                    start = len(sentence) - len(_ITEM_MARKER.sub("", opening, count=1))
                task_text = sentence[start:stop].strip(" ,，\u3000")
                if len(task_text) < 6:
                    continue
                first_no = last_no = line_at(at + start)
                if k == 0 and first and 0 < at:  # 二、压实责任,推动落实。(…。)各牵头单位要…: the numbered paragraph's
                    opening = text[:at].lstrip(" \u3000")  # heading (and what follows it) opens its first task
                    heading = _ITEM_MARKER.sub("", opening, count=1)
                    if len(heading) >= 4 and heading != opening:
                        task_text, first_no = heading + task_text, line_at(0)
                first = False
                last_no = max(first_no, line_at(at + max(start, stop - 1)))
                prov = Provenance(source, first_no, last_no)
                tasks.append(Task(id=f"O{first_no}-{len(tasks) + 1}", text=task_text, provenance=prov,
                                  assignments=[Assignment(u, r, Provenance(source, first_no, first_no), inferred=True,
                                                          basis=BASIS) for u, r in assignments]))
            at += len(sentence) + 1
    return tasks
