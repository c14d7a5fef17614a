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
                if any(c in SEPARATORS for c in text[end:longer]) or text[longer - 1:longer + 1] in _ENDING_INSIDE_A_WORD:
                    continue  # lengthen this name, not into the next one, nor into a word (…所属部门办 of 办理)
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


# What a doer's name is followed by after 由 when it hands the work on: how or where the doer works (依法, 按照,
# 对…, 统一 and the adverbs above), then the work (the duty words of the role cues, section ``duty.opening``, and
# the caller's verbs). The earliest of them ends the name.
_PREPOSITIONS_AFTER_DOER = ("依法", "依照", "依据", "根据", "按照", "按", "对", "向", "在", "于", "将", "从", "为")
_MIN_DOER = 4  # characters: a shorter name after 由 is no office read without the lexicon (由市场决定, 由个人承担,
# 由王某某牵头: a person's name has two or three)
_MAX_DOER = 12  # characters of one name read without the lexicon (a longer one runs into the work)


def handed_doers(part: str, verbs: tuple[str, ...], accept: Callable[[str], list[str] | None]) -> tuple[list[str], int] | None:
    """The names standing between a 由 and the work it hands on (``part`` starts right after 由), read without the
    lexicon: 由 marks where the doer begins and a verb, preposition or adverb after it (``verbs``, the duty words,
    依法 / 按照 / 统一 …) where it ends, so a name no suffix list knows is kept (由城东管理区组织实施). ``accept``
    reads the candidate list as a role slot does (None for a sentence, a date, a verb opening it); each name must
    hold at least four characters (a person's name has two or three: 由王某某牵头) and at most twelve. The names
    and where they end, or None.

    >>> from .clauses import slot_names
    >>> handed_doers("城东管理区组织实施", ("组织",), slot_names), handed_doers("东坊小区、西岭苑区按职责分工管理", (), slot_names)
    ((['城东管理区'], 5), (['东坊小区', '西岭苑区'], 9))
    >>> handed_doers("市场决定价格", ("决定",), slot_names), handed_doers("王某某牵头", (), slot_names)
    (None, None)
    >>> handed_doers("孙某某同志负总责", (), slot_names) is None
    True
    """
    stop = next((k for k, c in enumerate(part) if c in _STOPS), len(part))
    words = (*verbs, *_duty_words(), *_PREPOSITIONS_AFTER_DOER, *_ADVERBS_AFTER_NAME)
    for end in range(_MIN_DOER, min(stop, MAX_LIST)):
        word = next((w for w in words if part.startswith(w, end)), None)
        if word is None or word not in _PREPOSITIONS_AFTER_DOER and word not in _ADVERBS_AFTER_NAME \
                and _OFFICE_AFTER.match(part, end + len(word)):
            continue  # 管理局, 组织部, 协调办: the verb is a part of the name (an adverb never is: 尽快组织)
        if part[end - 1] in SEPARATORS:
            return None
        names = accept(part[:end])
        if not names or any(not _MIN_DOER <= len(n) <= _MAX_DOER or _person_titled(n) for n in names):
            return None
        return names, end
    return None


def _person_titled(name: str) -> bool:
    """A person named with a post (孙某某同志, 王某副市长): no doer read without the lexicon."""
    from .clauses import PERSON_TITLE  # (clauses imports this module)

    return PERSON_TITLE.search(name) is not None


_OFFICE_AFTER = re.compile(r"[厅局委办部院队站所室科处组]")


def doers_after_by(part: str, verbs: tuple[str, ...], known: Callable[[str], list[str] | None],
                   slot: Callable[[str], list[str] | None]) -> tuple[list[str], int] | None:
    """The doers a 由 hands work to (``part`` starts right after it): the known names it opens with, else the names
    up to the work (:func:`handed_doers`); the latter too when the known reading ran over a preposition or an adverb
    into the work (东坊综合执法坊依法予以处: 处 ends like an office, 依法 says the name ended before it).

    >>> from .clauses import slot_names, well_formed_units
    >>> doers_after_by("东坊综合执法坊依法予以处罚", (), well_formed_units, slot_names)
    (['东坊综合执法坊'], 7)
    >>> doers_after_by("县公安局依法处理", (), well_formed_units, slot_names)
    (['县公安局'], 4)
    >>> doers_after_by("城东片区坊会同有关部门组织落实", (), well_formed_units, slot_names)
    (['城东片区坊'], 5)
    """
    got = opening_units(part, known)
    swallowed = got is not None and part.startswith(_SWALLOWED, got[1] - 1)  # 城东坊会 of 城东坊会同…: 会 ends like
    # an office, but 会同 follows the name
    if got is not None and not swallowed and not any(w in part[2:got[1]] for w in _PREPOSITIONS_AFTER_DOER if len(w) > 1):
        return got
    read = handed_doers(part, verbs, slot)
    if got is None or read is not None and read[1] < got[1] and (
            swallowed or part.startswith(_PREPOSITIONS_AFTER_DOER, read[1])):
        return read
    return got


_SWALLOWED = ("会同", "会商", "组织", "处理", "处置", "联合")  # verbs opening with a character that ends an office


_DUTY_WORDS: tuple[str, ...] | None = None


def _duty_words() -> tuple[str, ...]:
    global _DUTY_WORDS
    if _DUTY_WORDS is None:
        from ..text.role_cues import words

        _DUTY_WORDS = tuple(words("duty.opening"))
    return _DUTY_WORDS
