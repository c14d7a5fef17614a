"""Conventions a plan states once for all its lists: notes that make the first-listed unit the lead, notes
naming units that are in a role on every item (除特别注明的外,X都是配合单位), and a label line printed once after a
group of items.

A plan may print its lists without role words and say, once, "列第一位者为牵头单位" (the unit listed first
leads, 下同: here and below). From the note on, a task whose units name no lead gets its first-listed
unit as lead, marked inferred with the note's line as basis. The note itself, printed in brackets after
the last name of its list, is no part of that name. The note's wording is data
(``note.first-listed-lead`` in ``data/role_cues.txt``).

>>> from ..model import Assignment, Provenance, Role, Task
>>> from .lines import to_lines
>>> p = Provenance("p.txt", 3, 3)
>>> t = Task("S1", "建设绿道。", p, assignments=[Assignment("市住建局", Role.RESPONSIBLE, p),
...     Assignment("市财政局(列第一位者为牵头单位,下同)", Role.RESPONSIBLE, p)])
>>> apply_first_listed(to_lines("一、任务\\n1.建设绿道。\\n责任单位:市住建局、市财政局(列第一位者为牵头单位,下同)"), [t])
>>> [(a.unit, a.role.value, a.inferred) for a in t.assignments]
[('市住建局', 'lead', True), ('市财政局', 'responsible', False)]
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Assignment, Provenance, Role, Task
from ..text.role_cues import alternation, role_words
from ..text.units import is_unit_name, split_units
from .labels import COOPERATING, LEAD, RESPONSIBLE, iter_labels, match_label
from .lines import Line

_ROLE_LABELS = (LEAD, RESPONSIBLE, COOPERATING)


# The lead's words (牵头, 主办, 主责: role cues word.lead): every note naming the lead names it with one of them.
LEAD_NAMES = role_words("lead")
# any of them in a text: one compiled search, not a generator per line (it runs on every line of every document)
_LEAD_WORD = re.compile("|".join(map(re.escape, LEAD_NAMES)))


@lru_cache(maxsize=1)
def _note_wording() -> str:
    """``note.first-listed-lead`` with its 牵头 standing for every lead word (列第一位的为主办单位 too)."""
    return alternation("note.first-listed-lead").replace("牵头", "(?:" + "|".join(LEAD_NAMES) + ")")


@lru_cache(maxsize=1)
def first_listed_note() -> re.Pattern:
    """The first-listed note's wording (列第一位的为牵头单位), as data (``note.first-listed-lead``).

    >>> [bool(first_listed_note().search(t)) for t in ("排名第一位为主办单位", "列第一位的为主责单位", "列第一位的为责任人")]
    [True, True, False]
    """
    return re.compile(_note_wording())


def names_lead(text: str) -> bool:
    """Whether ``text`` holds a lead word (a cheap test before the note patterns)."""
    return _LEAD_WORD.search(text) is not None


@lru_cache(maxsize=1)
def first_listed_bracket() -> re.Pattern:
    """A bracketed first-listed note, as printed after the last name of a list (an unclosed one runs to the end)."""
    return re.compile(r"[(（][^()（）]*(?:" + _note_wording() + r")[^()（）]*(?:[)）]|$)")


def apply_first_listed(lines: list[Line], tasks: list[Task]) -> None:
    """Make the first-listed unit lead on every task from a first-listed note on (in place)."""
    note = first_listed_note()
    # every such note names the lead (牵头, 主办 …): the patterns run only on the few lines holding a lead word,
    # never on the whole text (a pattern opening with an alternation is tried at every character of a search).
    # Those lines are found with str.find over the whole text, one scan per lead word (in C, several times faster
    # than re's scan for the first characters of an alternation), not one search per line: a line's text holds no
    # line break, so the line breaks before a hit give its line.
    joined = "\n".join([line.text for line in lines])
    hits = sorted({at for word in LEAD_NAMES for at in _all_at(joined, word)})
    k = start = 0
    for hit in hits:
        if hit < start:
            continue  # a line already looked at
        k += joined.count("\n", start, hit)
        if note.search(lines[k].text):
            at = lines[k].no
            break
        start = joined.find("\n", hit) + 1
        if start == 0:
            return  # the last line
        k += 1
    else:
        return
    cut = first_listed_bracket()
    by_no: dict[int, str] | None = None
    for task in tasks:
        for a in task.assignments:
            if "(" in a.unit or "（" in a.unit:
                a.unit = cut.sub("", a.unit) or a.unit
        printed = [a for a in task.assignments if not a.inferred]
        if not printed or len(printed) < 2:
            continue
        first = printed[0]
        if first.provenance is not None and first.provenance.last_line < at:
            continue
        if any(a.role is Role.LEAD for a in task.assignments):
            if by_no is None:
                by_no = {ln.no: ln.text for ln in lines}
            if not _all_lead_by_duty(printed, by_no):
                continue
            for a in printed[1:]:  # (A、B、C负责): 负责 made every one lead; the note says the first leads
                a.role = Role.RESPONSIBLE
                a.inferred = True
                a.basis = f"first-listed note at line {at}"
            continue
        first.role = Role.LEAD
        first.inferred = True
        first.basis = f"first-listed note at line {at}"


def _all_at(text: str, word: str) -> list[int]:
    """Where ``word`` stands in ``text``, every place (str.find, in C)."""
    found = []
    at = text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _all_lead_by_duty(printed: list[Assignment], by_no: dict[int, str]) -> bool:
    """Whether every printed unit leads, by a duty word (负责) where no 牵头 stands on their line: a list the
    first-listed note reads as the first unit leading, the others responsible."""
    if any(a.role is not Role.LEAD or a.provenance is None for a in printed):
        return False
    spans = {(a.provenance.first_line, a.provenance.last_line) for a in printed}
    if len(spans) != 1:
        return False
    first, last = next(iter(spans))
    return not any(names_lead(by_no.get(no, "")) for no in range(first, last + 1))


def apply_group_label(lines: list[Line], tasks: list[Task]) -> None:
    """A label line printed once after the last item of a group whose items print none: the group's (in place).

    ``1.筑牢绿屏障`` / … / ``2.突出绿河谷`` / … / ``3.建设绿城区`` / … / ``牵头单位:市林草局``: the label is
    read with item 3, the item it closes; when no other item of the group names a unit and no item of the
    group follows it, items 1 and 2 get its units too, ``inferred``, basis ``label after the group at line N``.
    Items are of one group when their ids differ only in their last number (S1-1-1, S1-1-2, S1-1-3).

    >>> from ..model import Assignment, Provenance
    >>> from .lines import to_lines
    >>> ls = to_lines("1.修路\\n2.治水\\n牵头单位:县交通局")
    >>> p = Provenance("p.txt", 3, 3)
    >>> ts = [Task("S1-1", "修路", Provenance("p.txt", 1, 1)),
    ...       Task("S1-2", "治水", Provenance("p.txt", 2, 2), assignments=[Assignment("县交通局", Role.LEAD, p)])]
    >>> apply_group_label(ls, ts)
    >>> [(a.unit, a.inferred, a.basis) for a in ts[0].assignments]
    [('县交通局', True, 'label after the group at line 3')]
    """
    by_no: dict[int, Line] | None = None
    pieces: dict[int, list[str]] | None = None  # a line's pieces where unglue cut it, built once when needed
    per_item: bool | None = None
    for k, task in enumerate(tasks):
        if k == 0 or tasks[k - 1].assignments or not task.assignments:
            continue  # the usual case, found soonest: the item before names units, or this one names none
        printed = [a for a in task.assignments if not a.inferred and a.provenance is not None]
        if not printed or len({(a.provenance.first_line, a.provenance.last_line) for a in printed}) != 1:
            continue
        at = printed[0].provenance.first_line
        if at < task.provenance.first_line or printed[0].provenance.last_line != at:
            continue
        glued = at == task.provenance.first_line  # a glued page: the items and the label on one line
        if glued and task.provenance.last_line != at:
            continue
        group = _group_of(task.id)
        if group is None or _group_of(tasks[k - 1].id) != group or (
                k + 1 < len(tasks) and _group_of(tasks[k + 1].id) == group):
            continue  # no item of its group before it, or the group goes on after the label: the label is its item's
        before = []
        j = k - 1
        while j >= 0 and _group_of(tasks[j].id) == group:
            before.append(tasks[j])
            j -= 1
        if any(t.assignments for t in before):
            continue
        if glued:  # the page's pieces (unglue cut it before each item and label), read as the one line they were
            if any(t.provenance.first_line != at or t.provenance.last_line != at for t in before):
                continue  # not a glued page: the items before stand on lines of their own
            if pieces is None:
                pieces = {}
                for ln in lines:
                    pieces.setdefault(ln.no, []).append(ln.text)
            if not _glued_label_after("".join(pieces.get(at, ())), before, task, at):
                continue
        else:
            if by_no is None:
                by_no = {ln.no: ln for ln in lines}
            line = by_no.get(at)
            label = match_label(line.text) if line is not None else None
            if label is None or label.kind not in _ROLE_LABELS or _labels_between(lines, before[-1], at):
                continue  # a label line of its own after the item, and no item of the group printing a label of its own
        if per_item is None:
            per_item = _labels_per_item(tasks)
        if per_item:
            return  # the plan prints a label under every item elsewhere: a group's missing ones are not its last's
        basis = f"label after the group at line {at}"
        for t in before:
            t.assignments = [Assignment(a.unit, a.role, a.provenance, True, basis) for a in task.assignments]


def _labels_per_item(tasks: list[Task]) -> bool:
    """Whether some group of two items or more prints units on every item (a plan labelling item by item)."""
    groups: dict[str | None, list[Task]] = {}
    for task in tasks:
        groups.setdefault(_group_of(task.id), []).append(task)
    return any(key is not None and len(group) >= 2 and all(any(not a.inferred for a in t.assignments) for t in group)
               for key, group in groups.items())


def _labels_between(lines: list[Line], first: Task, at: int) -> bool:
    """Whether a role label line stands from the first item of a group to the line before ``at``."""
    return any(first.provenance.first_line <= ln.no < at and (label := match_label(ln.text)) is not None
               and label.kind in _ROLE_LABELS for ln in lines)


def _glued_label_after(text: str, before: list[Task], task: Task, at: int) -> bool:
    """Whether, on a glued page line ``text`` holding the items ``before`` (in reverse order) and ``task``, a role
    label follows ``task``'s text and no role label stands from the first item's text to it.

    >>> t = [Task(f"S{k}", w, Provenance("p.txt", 1, 1)) for k, w in ((1, "修路。"), (2, "治水。"), (3, "植树。"))]
    >>> _glued_label_after("1.修路。 2.治水。 3.植树。 牵头单位:县林业局。 二、保障", t[1::-1], t[2], 1)
    True
    >>> _glued_label_after("1.修路。责任单位:县交通局。 2.治水。 3.植树。 牵头单位:县林业局。", t[1::-1], t[2], 1)
    False
    """
    if any(t.provenance.first_line != at or t.provenance.last_line != at for t in before):
        return False
    first = text.find(before[-1].text[:8])
    own = text.find(task.text[:8], max(first, 0))
    if first < 0 or own < 0:
        return False
    for m in iter_labels(text, first):
        label = match_label(text[m.start():])
        if label is None or label.kind not in _ROLE_LABELS:
            continue
        return m.start() > own  # the first role label after the group's first item: after the last item
    return False


# A top-level item's id (S59): its items are a group of their own when a glued page holds them (no section number).
_TOP_ID = re.compile(r"^([A-Z]+)\d+$")


def _group_of(task_id: str) -> str | None:
    head, sep, tail = task_id.rpartition("-")
    if not sep:
        m = _TOP_ID.match(task_id)
        return m.group(1) if m else None
    return head if tail.isdigit() else None


# 除特别注明的外,各县(市、区)政府和某开发区管委会都是配合单位: units in a role on every item from the note on.
_DEFAULT_WORDS = ("都是", "都为", "均为", "均是", "均作为", "都作为", "全部为", "全部是", "一律为")
# (r-labels6) each role's words from the role cues (都是协同单位, 均为主办单位, 都是承办单位)
_DEFAULT_ROLES = {**{w: Role.RESPONSIBLE for w in role_words("responsible")},
                  **{w: Role.COOPERATING for w in role_words("cooperating")}, **{w: Role.LEAD for w in LEAD_NAMES}}
_DEFAULT_ROLE = re.compile(r"(?P<role>" + "|".join(sorted(_DEFAULT_ROLES, key=len, reverse=True))
                           + r")(?:单位|部门)(?:[。；;,，)）]|$)")
_CLAUSE_ENDS = "。；;,，"
MAX_DEFAULT_LIST = 80


def apply_default_units(lines: list[Line], tasks: list[Task]) -> None:
    """Units a note puts in one role on every item after it (除特别注明的外,A和B都是配合单位), in place:
    added to each task that does not name them, ``inferred``, basis ``default-units note at line N``.

    >>> from ..model import Provenance
    >>> from .lines import to_lines
    >>> ls = to_lines("除特别注明的外,各县(市、区)政府和某某开发区管委会都是配合单位。\\n1.修路(县交通局牵头)")
    >>> t = Task("S1", "修路", Provenance("p.txt", 2, 2), assignments=[Assignment("县交通局", Role.LEAD)])
    >>> apply_default_units(ls, [t])
    >>> [(a.unit, a.role.value, a.inferred) for a in t.assignments]
    [('县交通局', 'lead', False), ('各县(市、区)政府', 'cooperating', True), ('某某开发区管委会', 'cooperating', True)]
    """
    found = None
    if not tasks:
        return
    first = tasks[0].provenance.first_line  # tasks come in document order
    for ln in lines:  # a note stating who is in a role on every item stands before them (a notice's or plan's preamble)
        if ln.no >= first:
            break
        text = ln.text
        if "单位" not in text and "部门" not in text or "为" not in text and "是" not in text:
            continue  # the usual case, found soonest (every note word holds 为 or 是)
        for word in _DEFAULT_WORDS:
            at = text.find(word)
            while at >= 0 and found is None:
                m = _DEFAULT_ROLE.match(text, at + len(word))
                if m:
                    start = max(text.rfind(c, 0, at) for c in _CLAUSE_ENDS) + 1
                    if at - start <= MAX_DEFAULT_LIST and (names := _default_names(text[start:at])):
                        found = (ln.no, names, _DEFAULT_ROLES[m.group("role")])
                at = text.find(word, at + 1)
        if found is not None:
            break
    if found is None:
        return
    at, names, role = found
    basis = f"default-units note at line {at}"
    for task in tasks:
        if task.provenance.first_line <= at:
            continue
        held = {a.unit for a in task.assignments}
        task.assignments.extend(Assignment(n, role, None, True, basis) for n in names if n not in held)


def _default_names(text: str) -> list[str] | None:
    """The names of a default-units note: split at 和 where the part before it is a name, then as a list."""
    parts = [text]
    if "和" in text:
        head, _, tail = text.partition("和")
        if is_unit_name(head) and tail:
            parts = [head, tail]
    names = [n for part in parts for n in split_units(part)]
    if not names or not any(is_unit_name(n) or n.startswith("各") for n in names) or any(len(n) > 40 for n in names):
        return None
    return names


def apply_note_tasks(tasks: list[Task]) -> list[Task]:
    """Tasks without the ones that are a spread note standing alone (以下任务均由各乡镇配合落实,不再一一列出。
    before the items): the note's units go to every task after it that does not name them, ``inferred``, basis
    ``note at line N``.

    >>> from ..model import Provenance
    >>> note = Task("S1", "以下任务均由各乡镇配合落实,不再一一列出。", Provenance("p.txt", 2, 2),
    ...             assignments=[Assignment("各乡镇", Role.COOPERATING)])
    >>> item = Task("S2", "修路。", Provenance("p.txt", 3, 3), assignments=[Assignment("县交通局", Role.LEAD)])
    >>> [(t.id, [(a.unit, a.role.value, a.inferred) for a in t.assignments]) for t in apply_note_tasks([note, item])]
    [('S2', [('县交通局', 'lead', False), ('各乡镇', 'cooperating', True)])]
    """
    from .clauses import parse_clause  # clauses builds on this module

    if not any([task.text.startswith(_NOTE_STARTS) or task.text.startswith(_NOTE_PREFIXES) and _STANDING_NOTE.match(
            task.text) for task in tasks if task.assignments]):
        return tasks  # the usual case, found soonest
    kept: list[Task] = []
    spread: list[tuple[Assignment, str]] = []
    for task in tasks:
        clause = None
        if task.assignments and _STANDING_NOTE.match(task.text) and _NOTE_END.search(task.text):
            clause = parse_clause(task.text)
        if clause is not None and clause.spread and {n for n, _ in clause.spread} == {a.unit for a in task.assignments}:
            basis = f"note at line {task.provenance.first_line}"
            spread.extend((a, basis) for a in task.assignments)
            continue  # a note, no task
        for a, basis in spread:
            if all(b.unit != a.unit for b in task.assignments):
                task.assignments.append(Assignment(a.unit, a.role, a.provenance, True, basis))
        kept.append(task)
    return kept if len(kept) < len(tasks) else tasks


# A note standing alone that scopes the tasks after it (以下任务均由X落实,不再一一列出; 其余各项均需X配合,下同).
_NOTE_STARTS = ("以下", "下列", "其余", "本方案", "各项", "所有")
_NOTE_PREFIXES = ("注", "备注", "说明")  # 注:以下任务均需X配合,不另列出
_STANDING_NOTE = re.compile(r"^(?:(?:" + "|".join(_NOTE_PREFIXES) + r")\s*[:：]\s*)?(?:" + "|".join(_NOTE_STARTS) + ")")
# "Not listed again" as notes word it (不再列出, 不再一一列出, 不另列出, 不一一列举): one pattern for every note reader,
# from data/role_cues.txt (note.not-listed).
NOT_LISTED_AGAIN = r"(?:" + alternation("note.not-listed") + ")"
_NOTE_END = re.compile(r"(?:" + NOT_LISTED_AGAIN + r"|下同)[。；;]?$")


# A sentence after some items that names their units with 为 for the colon, saying how many items it covers:
# 4项目标的责任单位均为市发改委 / 该目标责任单位为市经委 / 以上任务牵头单位为县农业局 (Traditional too).
_SCOPED = re.compile(
    r"^(?P<scope>以上|上述|上列|前述|这|這|该|該|此|本)?"
    r"(?:(?P<n>\d{1,2}|[一二两兩三四五六七八九十]{1,3})\s*[项項条條个個]|[项項])?"
    r"(?:目标|目標|任务|任務|指标|指標|工作|事项|事項)?的?"
    r"(?P<name>[^\s为為是均都,，。;；:：]{2,8}?)(?:均|都)?(?:为|為|是)(?P<content>[^。;；]{2,80})[。;；]?$")
_NUMERALS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _count(n: str) -> int:
    """A count printed in digits or Chinese numerals.

    >>> [_count(x) for x in ("4", "十二", "二十", "两")]
    [4, 12, 20, 2]
    """
    if n.isdigit():
        return int(n)
    if "十" in n:
        tens, _, ones = n.partition("十")
        return _NUMERALS.get(tens, 1) * 10 + _NUMERALS.get(ones, 0)
    return _NUMERALS.get(n, 0)


def apply_scoped_labels(lines: list[Line], tasks: list[Task], source: str) -> None:
    """Units a sentence after some items gives them, its scope printed before its label (in place).

    ``1.…`` / ``2.…`` / ``2项目标的责任单位均为市商务局``: items 1 and 2 get 市商务局 (the one before the sentence as
    printed, the others ``inferred``, basis ``scoped label at line N``); ``该目标责任单位为X`` and a bare
    ``责任单位为X`` cover the one item before; ``以上…`` the items back to one that names units. Only items that
    name no unit are given any. Numbered items no reader made a task of (a plan whose only cues are such
    sentences) become tasks here.

    >>> from .lines import to_lines
    >>> ls = to_lines("1.修路\\n2.治水\\n2项任务的责任单位均为县交通局、县水利局。")
    >>> ts = [Task("S1-1", "修路", Provenance("p.txt", 1, 1)), Task("S1-2", "治水", Provenance("p.txt", 2, 2))]
    >>> apply_scoped_labels(ls, ts, "p.txt")
    >>> [[(a.unit, a.inferred) for a in t.assignments] for t in ts]
    [[('县交通局', True), ('县水利局', True)], [('县交通局', False), ('县水利局', False)]]
    """
    from .clauses import parse_clause  # clauses imports this module

    for k, line in enumerate(lines):
        text = line.text
        if len(text) > 100 or not ("为" in text or "為" in text or "是" in text) or not (m := _SCOPED.match(text)):
            continue
        slot = f"{m.group('name')}:{m.group('content')}"
        label = match_label(slot)
        if label is None or label.kind not in _ROLE_LABELS or not label.content:
            continue
        clause = parse_clause(slot)
        if clause is None or not clause.assignments:
            continue
        n = _count(m.group("n")) if m.group("n") else None
        previous = lines[k - 1].no if k else None
        if previous is not None and not any(t.provenance.first_line <= previous <= t.provenance.last_line
                                            for t in tasks):
            _items_before(lines, k, n, tasks, source)
        before = sorted((t for t in tasks if t.provenance.last_line < line.no), key=lambda t: t.provenance.first_line)
        if not before:
            continue
        if n is None and m.group("scope") in ("以上", "上述", "上列", "前述"):
            n = next((i for i, t in enumerate(reversed(before)) if t.assignments), len(before))
        scope = before[-(n or 1):]
        if any(t.assignments for t in scope):
            continue  # an item in its scope names its units already: the sentence is no scoped label
        prov = Provenance(source, line.no, line.no)
        basis = f"scoped label at line {line.no}"
        for t in scope:
            printed = t is scope[-1]
            t.assignments = [Assignment(u, r, prov, not printed, None if printed else basis)
                             for u, r in clause.assignments]
        # a reader may have made the sentence a task of its own (its scope words as the text): it is none
        tasks[:] = [t for t in tasks if not t.provenance.first_line == line.no == t.provenance.last_line]


def _items_before(lines: list[Line], k: int, n: int | None, tasks: list[Task], source: str) -> None:
    """Tasks of the numbered item lines just before ``lines[k]`` that no task holds: ``n`` of them (or as many as
    there are in a row when ``n`` is None), each its line's text without its number."""
    from .prose import _marker  # prose imports clauses, which imports this module

    held = [(t.provenance.first_line, t.provenance.last_line) for t in tasks]
    found: list[tuple[Line, str]] = []
    j = k - 1
    while j >= 0 and (n is None or len(found) < n):
        line = lines[j]
        j -= 1
        if not line.text:
            continue
        marker = _marker(line.text)
        if marker is None or not marker[3] or any(a <= line.no <= b for a, b in held) or _SCOPED.match(line.text):
            break
        found.append((line, marker[3]))
    for line, text in reversed(found):
        tasks.append(Task(f"L{line.no}", text, Provenance(source, line.no, line.no)))
    tasks.sort(key=lambda t: t.provenance.first_line)
