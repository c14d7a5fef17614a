"""Obligations: sentences that tell a named unit what it must do, read when nothing else in a document is.

Notices that hand out a task table, replies (批复) and progress reports (通报) often assign work in their own
sentences, without a label, a bracket clause or a table: ``县发改委要会同县督查落实办对相关工作进行督导``,
``请各牵头单位要严格按照任务分工…``, ``桂林市要切实加强…的组织领导``. Such a sentence opens with its subject (a
unit list, a collective such as 各牵头单位 / 各地、各部门, or a place standing for its government) followed by an
obligation word (要, 应, 须, 将, 负责 …; section ``obligation.word`` of the role cues), or is addressed with
请 / 望 (section ``obligation.address``).

The reading is a last resort: :func:`obligation_tasks` is asked only when every other reader found no task, so a
plan whose tasks are printed with role cues never gains its preamble's instructions as tasks. Every assignment it
gives is marked ``inferred`` with its basis. Roles: the subject leads when it 会同 / 牵头 / 负责 others (the units
after 会同 cooperate) or is itself named a lead (各牵头单位); a collective named as cooperating (各配合单位)
cooperates; every other subject is responsible.

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
from ..text.units import is_unit_name
from .clauses import _NAME_CHARS, NOT_NAME_START, _units
from .lines import Line
from .unit_scan import opening_units

BASIS = "the subject of an obligation sentence (要/应/须/将…), read because the document prints no role cue"
_MAX_SUBJECT = 40
_ITEM_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|\d{1,2}[.．、]|[(（][一二三四五六七八九十\d]+[)）])")
# What a department's name ends with where nothing but the name marks its end (not 会商, 开会).
_DEPARTMENT_END = re.compile(r"(?:部门|单位|机构|政府|委员会|管委会|委会|协会|联合会|[局委办厅部院队站所科室组中心司处馆社团]|"
                             r"公司|集团|乡镇|街道|各地|企业)[)）]?$")
_NOT_IN_NAME = re.compile(r"的|要|将|须|应当|必须|\d+(?:个|项|座|公里|家|万|亿|%|年|月|日)")  # a count: work, not a name
_ADVERBS = ("也", "还", "均", "都", "分别", "一定", "务必", "切实", "进一步")
_STOPS = "，,。；;！!？?"


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
_ROLE_COLLECTIVE = re.compile(r"^(?:[省市县区]直)?(?:各|相关|有关|其他|其余)?(?:项目|任务)?(?:主要)?"
                              r"(?:牵头|责任|配合|协办|参与|承办|实施)(?:单位|部门)$")


def _subject(name: str) -> list[str] | None:
    name = _ESPECIALLY.sub("、", name)  # 责任单位尤其是各乡镇: both are the subject
    parts = [p for p in name.split("、") if p]
    if any(_ROLE_COLLECTIVE.match(p) for p in parts):
        others = _units("、".join(p for p in parts if not _ROLE_COLLECTIVE.match(p))) if len(parts) > 1 else []
        return parts if others is not None else None
    names = _units(name)
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
    stop = next((k for k, c in enumerate(segment) if c in _STOPS), len(segment))
    for end in range(2, min(stop, _MAX_SUBJECT) + 1):
        if segment[end - 1:end + 1] in _WORDS_WITH_YAO:
            continue  # 各主要责任单位要…: 主要 is a word of the name, not its obligation
        rest = _after_adverbs(segment[end:])
        word = obligation.match(rest)
        if word is not None:
            names = _subject(segment[:end])
            if names and all(_NAME_CHARS.match(n.replace("、", "")) and not NOT_NAME_START.match(n) for n in names):
                return names, word.group(), rest[word.end():]  # the shortest subject before an obligation word
    if m is not None or item:  # addressed (请各地、各部门抓好…) or opening an item (1、宣传部门通过…)
        found = opening_units(segment, _well_formed)
        if found:
            return found[0], "", segment[found[1]:]
    return None


_WORDS_WITH_YAO = frozenset({"主要", "重要", "首要", "次要", "必要", "需要", "只要", "纪要", "摘要", "简要", "提要"})


def _balanced(name: str) -> bool:
    return name.count("(") + name.count("（") == name.count(")") + name.count("）")


def _well_formed(text: str) -> list[str] | None:
    names = _subject(text)
    if names and all(_NAME_CHARS.match(n.replace("、", "")) and not NOT_NAME_START.match(n) and _balanced(n)
                     and not _NOT_IN_NAME.search(n)
                     and (is_unit_name(n) and _DEPARTMENT_END.search(n) or _place(n))
                     for n in names):
        return names
    return None


_HELPS = re.compile(r"^(?:积极|主动|密切|全力|做好|认真)?(?:配合|协助|协同)")


def _roles(names: list[str], word: str, rest: str) -> list[tuple[str, Role]]:
    _, _, _, lead_words, coop_words = _patterns()
    leads = word in ("会同", "牵头", "负责") or rest.startswith("会同")
    helps = _HELPS.match(rest) is not None  # 责任单位要积极配合: told to help, it cooperates
    out: list[tuple[str, Role]] = []
    for name in names:
        if leads or lead_words.search(name):
            out.append((name, Role.LEAD))
        elif helps or coop_words.search(name):
            out.append((name, Role.COOPERATING))
        else:
            out.append((name, Role.RESPONSIBLE))
    if word == "会同" or rest.startswith("会同"):
        found = opening_units(rest if word == "会同" else rest[2:], _well_formed)
        out.extend((name, Role.COOPERATING) for name in (found[0] if found else ()))
    return out


def obligation_tasks(lines: list[Line], source: str) -> list[Task]:
    """One task for each sentence (or comma part) whose subject is told what to do.

    >>> from .lines import to_lines
    >>> [t.assignments[0].unit for t in obligation_tasks(to_lines(
    ...     "二、桂林市要切实加强组织领导。\\n请各地、各部门抓好落实。\\n《规划》实施要高举旗帜。"), "n.txt")]
    ['桂林市', '各地']
    """
    tasks: list[Task] = []
    for line in lines:
        text = line.text
        if len(text) < 6:
            continue
        at = 0
        for sentence in bracket_depth_split(text, "。；;！!？?"):
            found: list[tuple[int, list[tuple[str, Role]]]] = []
            offset = 0
            for segment in bracket_depth_split(sentence, ",，"):
                lead = segment.lstrip(" \u3000")
                body = _ITEM_MARKER.sub("", lead)
                read = _read_subject(body, item=offset == 0 and at == 0 and body != lead)
                if read is not None:
                    names, word, rest = read
                    start = offset + (len(segment) - len(body))
                    found.append((start, _roles(names, word, rest)))
                offset += len(segment) + 1
            for k, (start, assignments) in enumerate(found):
                stop = found[k + 1][0] if k + 1 < len(found) else len(sentence)
                if k == 0:  # 从第二季度起,各牵头单位要…: the sentence's opening words are the task's too
                    opening = sentence.lstrip(" \u3000")
                    start = len(sentence) - len(_ITEM_MARKER.sub("", opening, count=1))
                task_text = sentence[start:stop].strip(" ,，\u3000")
                if len(task_text) < 6:
                    continue
                prov = Provenance(source, line.no, line.no)
                tasks.append(Task(id=f"O{line.no}-{len(tasks) + 1}", text=task_text, provenance=prov,
                                  assignments=[Assignment(u, r, prov, inferred=True, basis=BASIS)
                                               for u, r in assignments]))
            at += len(sentence) + 1
    return tasks
