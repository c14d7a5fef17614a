"""The unit list a text opens with when no role word marks where it ends.

``县督查落实办对相关工作进行督导`` after 会同, ``各责任单位抓紧制订…`` after 请: the names run until the first
character that cannot continue one. :func:`opening_units` finds the shortest list the caller's check accepts,
lengthens each name while a few more characters still make one (各有关部 → 各有关部门, 各县市区政府 →
各县市区政府(管委会)) and carries on over list separators (各乡镇、各有关部门).

>>> from .clauses import well_formed_units
>>> opening_units("各乡镇、各有关部门抓紧制定方案", well_formed_units)
(['各乡镇', '各有关部门'], 9)
>>> opening_units("认真做好组织实施工作", well_formed_units) is None
True
>>> opening_units("市住建局组织开展检查", well_formed_units)
(['市住建局'], 4)
>>> opening_units("时间部署工作从7月开始", lambda t: [t] if t.endswith("部") else None) is None  # no name ends in 部署
True
"""

from __future__ import annotations

import re
from collections.abc import Callable

MAX_OPENING = 20  # characters: a name longer than this is read only where a role word closes it
MAX_LIST = 200  # characters: the longest list read (each check reads the list so far: bounded work per text)
SEPARATORS = "、和及与"
_STOPS = "，,。；;！!？?"
_CLOSING = re.compile(r"[)）]")
# Words printed after a whole name: verbs whose first characters read as a name's ending (组织 → 组, 查处 → 处,
# 联合 → 联, 会同 → 会), and adverbs or obligation words before a verb (市政府督查室统一组织…, 市教育局具体负责…,
# 县教育局要组织…: never 县教育局要组). A name may hold such a verb when it goes on after it (市委组织部), never such
# an adverb.
_VERBS_AFTER_NAME = ("组织", "组建", "查处", "处理", "处置", "联合", "联系", "会同", "会商")
_ADVERBS_AFTER_NAME = ("统一", "具体", "共同", "分别", "负责", "牵头", "要", "须", "应当",
                       # (look10) how soon or how hard (请各区发改委尽快组织…: never 各区发改委尽快组)
                       "尽快", "抓紧", "及时", "立即", "切实", "认真", "积极", "主动", "全力", "依法", "进一步")
_WHOLE = re.compile(r"(?:[厅局委办部院队站所室科会府联组校馆]|部门|单位|中心|公司|集团|办事处|机关)$")
# A government's sector department printed after it (…人民政府林业主管部门, …政府教育行政部门).
_SECTOR_DEPARTMENT = re.compile(r"(?!加强|加快|推进|做好|建立|完善|健全|统一|组织)"
                                r"[^要应须将对在与和及的、，,。；;\s]{2,10}?(?:主管|行政|管理)部门")
# Characters a name may still grow by: three, five when it does not end like a whole name yet (县人力资源和社 →
# 县人力资源和社会保障局; 市级各有关部门 stays, 立即安排部 is no part of it).
_LENGTHEN, _LENGTHEN_PART = 3, 5
# Words whose first character reads as a name's ending (时间部署 → 时间部, 政治站位 → 政治站, 现场办理 → 现场办,
# 督查组织 → 督查组): a name does not end inside one of them.
_ENDING_INSIDE_A_WORD = frozenset({"部署", "部分", "处理", "处置", "局面", "局势", "队伍", "站位", "办理", "组织"})


def _verb_after_whole(text: str, end: int, longer: int) -> bool:
    """Whether lengthening the name ``text[:end]`` to ``text[:longer]`` would run from a whole name into a word
    printed after it (住房和城乡建设厅组 of …组织, 市委组织部组 of …组织开展, 市政府督查室统一组 of …统一组织)."""
    for at in range(end, longer):
        if text.startswith(_ADVERBS_AFTER_NAME, at) and _WHOLE.search(text, 0, at):
            return True
        if text.startswith(_VERBS_AFTER_NAME, at) and _WHOLE.search(text, 0, at) \
                and any(text.startswith(v, at) and at + len(v) >= longer for v in _VERBS_AFTER_NAME):
            return True  # the name would end inside the verb or right after it
    return False


def opening_units(text: str, accept: Callable[[str], list[str] | None]) -> tuple[list[str], int] | None:
    """The names ``text`` opens with and where they end, or None; ``accept`` reads a candidate list (None
    when it is not one)."""
    sentence = next((k for k, c in enumerate(text) if c in _STOPS), len(text))
    stop = min(sentence, MAX_OPENING)
    end = 2
    listed: tuple[list[str], int] | None = None  # the names read before a separator no name follows
    while end <= stop:
        if text[end - 1] in SEPARATORS or text[end - 1:end + 1] in _ENDING_INSIDE_A_WORD \
                or (names := accept(text[:end])) is None:
            end += 1
            continue
        grown = True
        while grown:
            grown = False
            close = _CLOSING.search(text, end, min(end + 12, len(text))) if text[end:end + 1] in "(（" else None
            if close is not None and (more := accept(text[:close.end()])):
                names, end, grown = more, close.end(), True
                continue
            grow = _LENGTHEN if _WHOLE.search(names[-1]) else _LENGTHEN_PART  # (the list read may end in a role word)
            for longer in range(min(end + grow, stop), end, -1):
                if any(c in SEPARATORS for c in text[end:longer]):
                    continue  # lengthen this name, not into the next one
                if _verb_after_whole(text, end, longer):
                    continue  # 住房和城乡建设厅组织…, 城管部门查处…: a verb after a whole name, no longer name
                more = accept(text[:longer])
                if more:
                    names, end, grown = more, longer, True
                    break
        if names[-1].endswith("政府") and (dept := _SECTOR_DEPARTMENT.match(text, end)) \
                and (more := accept(text[:dept.end()])):
            names, end = more, dept.end()  # 县级以上人民政府环境保护主管部门: the government's sector department
        if end < len(text) and text[end] in SEPARATORS:
            listed = names, end
            end += 1  # the list goes on: each name after a separator gets the same room as the first
            stop = min(sentence, end + MAX_OPENING, MAX_LIST)
            continue
        return names, end
    return listed  # 各区政府、市政府各部门及重点工程业主确定…: the names before 及 (what follows it is no name read)
