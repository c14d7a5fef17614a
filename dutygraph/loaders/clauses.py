"""Responsibility clauses: who does an item, as printed after it.

Forms read (in （）, (), 〔〕, 【】 or bare, Simplified script; fold Traditional first)::

    (市发改委牵头,市财政局、各区政府配合)      牵头 → lead, 配合/协助/协办/参与 → cooperating
    (市发改委、市财政局负责)                   负责 with no 牵头 in the clause → lead
    (市政府办公室牵头,各县市区政府按职责分工负责)  负责 after a 牵头 list → responsible
    (牵头单位:市发改委;责任单位:市财政局)       labels give the role
    (责任单位:市财政局、市税务局;各区政府)       a list after a label keeps its role
    〔责任单位:A、B按职责分工负责。具体任务均涉及C,不再做分工,下同。〕   下同: C spreads to later items

>>> c = parse_clause("市发改委牵头,市财政局、各区政府配合")
>>> [(u, r.value) for u, r in c.assignments]
[('市发改委', 'lead'), ('市财政局', 'cooperating'), ('各区政府', 'cooperating')]
>>> [(u, r.value) for u, r in parse_clause("市政府办公室牵头,各县市区政府按职责分工负责").assignments]
[('市政府办公室', 'lead'), ('各县市区政府', 'responsible')]
>>> [(u, r.value) for u, r in parse_clause("市发改委、市财政局负责").assignments]
[('市发改委', 'lead'), ('市财政局', 'lead')]
>>> c = parse_clause("责任单位:省发改委按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。")
>>> [(u, r.value) for u, r in c.assignments], c.spread, c.note
([('省发改委', 'responsible'), ('相关市(州)人民政府', 'responsible')], [('相关市(州)人民政府', <Role.RESPONSIBLE: 'responsible'>)], '下同')
>>> [(u, r.value) for u, r in parse_clause("责任单位:市发改委(牵头)、市财政局").assignments]
[('市发改委', 'lead'), ('市财政局', 'responsible')]
>>> [(u, r.value) for u, r in parse_clause("市发改委会同市财政局负责").assignments]
[('市发改委', 'lead'), ('市财政局', 'cooperating')]
>>> c = parse_clause("市发改委牵头,2022年底前完成")
>>> [(u, r.value) for u, r in c.assignments], c.deadlines
([('市发改委', 'lead')], ['2022年底前完成'])
>>> parse_clause("以下简称在线平台") is None, parse_clause("2022年底前完成") is None
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Role
from ..text.normalize import bracket_depth_split
from ..text.role_cues import alternation, any_role_word, role_words, words
from ..text.units import (COOPERATING_WORDS, DITTO, LEAD_WORDS, ROLE_AFTER, ROLE_ENDINGS, ROLE_TAIL, ROLE_WORDS, bracket_commas,
                          is_level_name, is_listed_name, is_unit_name, names_sector, org_suffixes, split_units,
                          strip_noise)
from .conventions import LEAD_NAMES, NOT_LISTED_AGAIN, first_listed_bracket, first_listed_note, names_lead
from .unit_scan import opening_units
from .labels import (COOPERATING, DEADLINE, LABEL_ANYWHERE, LEAD, LEADER, OVERSIGHT, RESPONSIBLE, is_primary,
                     iter_before_colons, iter_labels, match_label)

ROLE_OF_LABEL = {LEAD: Role.LEAD, RESPONSIBLE: Role.RESPONSIBLE, COOPERATING: Role.COOPERATING}
OPENERS = {"(": ")", "（": "）", "〔": "〕", "【": "】", "[": "]", "［": "］"}
_OPENER = re.compile("[" + re.escape("".join(OPENERS)) + "]")
_COLON = re.compile("[:：]")
_BRACKET = re.compile("[" + re.escape("".join(OPENERS) + "".join(OPENERS.values())) + "]")

_LEAD_WORD = re.compile("|".join(LEAD_WORDS))
_COOP_WORD = re.compile("|".join(COOPERATING_WORDS))
# Notes that spread the units of a clause over the items after it.
_SPREAD_NOTE = re.compile(r"下同(?!步|意|时)|以下(?:各项|各条|各项任务|任务|工作)?(?:均|也)?同(?=$|[,，。;；)）])|后同|以下[^,，。;；]{0,16}"
                          + NOT_LISTED_AGAIN)
_NOTE_HEAD = re.compile(r"^.*?(?:涉及|均由|由|包括|均为|为|均需|需)")
# A note's own sentence, scoping the tasks it covers (以下各任务均需…, 各项政策措施均需…, 其余任务由…).
_SCOPED = re.compile(r"^(?:以下|下列|其余|其他|其它|各项|所有|全部|本方案)[^,，]{0,12}?(?:均需|均由|需|由|均要)")
_NOTE_WORDS = re.compile(r"^(?:不再(?:做|作|进行)?分工|" + NOT_LISTED_AGAIN + r"|下同|以下同|后同|均同|同上)$")
MAX_CLAUSE = 160
# A name marked with its role in brackets (市发改委(牵头), 市财政局(协办)): the role cues' words of the role.
_LEAD_MARK = re.compile(r"[(（〔【\[](?:" + "|".join(LEAD_WORDS) + r")(?:单位|部门)?[)）〕】\]]$")
_COOPERATING_MARK = re.compile(r"[(（〔【\[](?:" + "|".join(COOPERATING_WORDS) + r")(?:单位|部门)?[)）〕】\]]$")
_DEADLINE_SEGMENT = re.compile(r"(?:\d{1,2}月|年|季度)(?:底|末|内)?(?:之?前|以前|完成)|长期坚持|持续推进|持续实施|常态化|长期")


@dataclass
class Clause:
    """The assignments a clause prints, with the units its 下同 note spreads to later items."""

    assignments: list[tuple[str, Role]] = field(default_factory=list)
    spread: list[tuple[str, Role]] = field(default_factory=list)
    note: str | None = None
    leaders: list[str] = field(default_factory=list)
    deadlines: list[str] = field(default_factory=list)
    labelled: bool = False
    role_words: bool = False
    unrecognised: list[str] = field(default_factory=list)  # names kept for their slot that pass no suffix check


_NOT_A_NAME = re.compile(r"^(?:以下|下称|简称|即|含|包括|例如|其中|如|请|要|望|务必|希望|并|且)|^(?:" + any_role_word() + r"|成员)(?:单位|部门)$"  # a role's word (role cues)
                         r"|^(?:待定|暂无|暂定|另定|无|略|[详参]?见附件\d*)$"  # 牵头单位:待定 names nobody
                         r"|^[一二两三四五六七八九十多]+个?(?:部门|部委|单位|机构)$"  # 三部门:… (a news headline) counts them
                         r"|^第[一二三四五六七八九十百\d]+(?:部分|篇|章|节|条|款)"  # 第一部分 通州区政府主责任务: a part's number
                         r"|^[^、，,]*?(?:任务|工作|事项|目标|措施|项目)(?:与|和|及)(?:" + any_role_word() + r")(?:单位|部门)$")  # 主要任务与责任单位: a heading


# A collective of places or bodies: 各工业园区, 各乡镇(街道), 各村 (not 各项, 各类, 各方面).
_COLLECTIVE = re.compile(r"^各(?!项|类|种|个|位|方面|环节|阶段|时期|领域|行业|种类)"
                         r"(?!.*(?:要|应|将|须|切实|牵头|负责|配合|认真|做好|加强|按照|结合|对所|对本|对其))"
                         r"[\u4e00-\u9fff()（）、]{1,10}$")


# A sentence's words inside what looks like a name (有关单位要对本单位所: 所 ends it as 研究所 would).
_VERB_INSIDE = re.compile(r"(?<=.)(?:将|会同|根据|按照|依据|依照|等部|内设)|的|要对|对本|对所|对其")  # 审计等部(门): a list's tail; X内设Y: X's offices
_COUNT = re.compile(r"\d+(?:[个项座家万亿%]|公里)")  # 新建公园5个市园林局: a count is work, never part of a name


# The units a list leaves over (其他相关部门, 其余成员单位): a collective, though 其他 opens sentences too.
_OTHER_COLLECTIVE = re.compile(r"^(?:其他|其它|其余)各?(?:相关|有关|责任|成员|配合|协办|参与)?(?:部门|单位|成员单位)"
                               r"(?:[(（](?:单位|部门)[)）])?$")


# (r-labels7) zones named by their kind alone (各区县、开发区和市级各有关部门): the zones' administrations, as 各区县 are
_ZONES = frozenset({"开发区", "高新区", "经开区", "新区", "园区", "工业园区", "保税区", "自贸区", "示范区"})


def _plausible(name: str) -> bool:
    """A unit as printed: an organisation name, a collective, or a shared-suffix list ending with one.

    A name with a bracket of the other names it goes by is one unit, each name in it a unit's:

    >>> _plausible("综合科(人事科、财务股)"), _plausible("综合科(含人事、财务)")
    (True, False)

    Angle brackets hold a name's note as round ones do (各区政府〈含园区管委会〉 as 各区政府(含园区管委会)).
    """
    if "〈" in name:
        name = name.replace("〈", "(").replace("〉", ")")
    if name.startswith(("其他", "其它", "其余")) and _OTHER_COLLECTIVE.match(name):
        return True
    if _NOT_A_NAME.match(name) or _VERB_INSIDE.search(name) or "《" in name or NOT_NAME_START.match(name) \
            or _COUNT.search(name):
        return False  # 对照《方案》所 ends like 派出所 but opens like a sentence and cites a document
    if _COLLECTIVE.match(name) or name in _ZONES:
        return True
    if name[-1:] in ")）" and (m := _OTHER_NAMES.match(name)) and "、" in m.group(2) and is_unit_name(m.group(1)) \
            and all(is_unit_name(n) for n in m.group(2).split("、")):
        return True  # 综合办公室(党群工作部、督查室): one body's names; a role mark (牵头) is read as before
    if "、" in name:
        name = name.rsplit("、", 1)[1]
    return is_unit_name(name)


# A unit's name with a bracket right after it listing the other names it goes by (its other offices).
_OTHER_NAMES = re.compile(r"^([^(（)）、]+)[(（]([^(（)）]+)[)）]$")


def _listed_name(name: str) -> bool:
    """A name that reads as one item of a list of names: known, short, no verb (要) inside.

    >>> _listed_name("人力资源社会保障部"), _listed_name("各地级以上市政府要主动衔接省有关单位")
    (True, False)
    """
    return len(name) <= 16 and "要" not in name and _plausible(name)


# 由 inside a subject: what precedes it is the work, not a name (具体工作由市发改委牵头); 自由贸易区 is a name.
_BY = re.compile(r"(?<!自)由(?=[^由]{2,}$)")


# Characters every people word of the role cues holds one of (负责人, 领导, 干部, 一把手, 工作人员; 带队): the cheap gate
_PEOPLE_CHARS = frozenset("责领干把员队")


@lru_cache(maxsize=1)
def _people_tail() -> re.Pattern:
    """A unit's people closing a name (role cues ``obligation.people``: 分管负责人, 负责同志, 领导), or those people
    leading a team (领导带队): whom the unit sends, no unit's own name."""
    return re.compile(f"(?:{alternation('obligation.people')})(?:带队)?$|带队$")


def people_of(name: str) -> str | None:
    """The unit whose people ``name`` names (甲坊分管负责人 -> 甲坊), '' when only people are named (分管领导),
    None when ``name`` names no people.

    >>> people_of("乙舍分管负责人"), people_of("丙堂领导带队"), people_of("主要负责同志"), people_of("丁苑")
    ('乙舍', '丙堂', '', None)
    """
    if _PEOPLE_CHARS.isdisjoint(name[-4:]) or (m := _people_tail().search(name)) is None:
        return None
    unit = name[:m.start()]
    return unit if len(unit) >= 2 else ""


def well_formed_units(text: str) -> list[str] | None:
    """The names of ``text`` when each is an organisation's name the lexicon knows, with nothing of a sentence
    in it (no verb opening it, no verb after a whole name, balanced brackets): what a name must be where no role
    word marks its end.

    >>> well_formed_units("市住建局、各区县政府"), well_formed_units("各区县政府健全社会"), well_formed_units("县委组织部")
    (['市住建局', '各区县政府'], None, ['县委组织部'])
    """
    names = _units(text)
    if names and all(_NAME_CHARS.match(n.replace("、", "")) and not NOT_NAME_START.match(n) and is_unit_name(n)
                     and n.count("(") + n.count("（") == n.count(")") + n.count("）") and not _verb_after_whole(n)
                     and people_of(n) is None for n in names):  # 甲坊领导带队: people, though 队 ends names
        return names
    return None


def _verb_after_whole(name: str) -> bool:
    """A whole name, then a verb and words that name no office (各区县政府健全社会: 社 only ends like one);
    县委组织部, 市推进办 (a verb, then an office's ending) are names."""
    m = _WHOLE_THEN_VERB.search(name)
    return m is not None and not _is_office_word(m.group("rest"))


def _is_office_word(rest: str) -> bool:
    """An office's ending after a verb (组织部, 推进办); 社, 会 and 联 there open words (社会, 会议, 联系) or name meetings."""
    return rest in org_suffixes() and rest not in ("社", "会", "联")


_ENTRUSTS = re.compile(r"委托(?=[^托]{2,}$)")  # X委托Y: X hands its work to Y


def _units(text: str) -> list[str] | None:
    """The unit names of a list, or None when any part is not a unit.

    >>> _units("县统计局、县发改局"), _units("具体工作由市发改委"), _units("加快推进工作")
    (['县统计局', '县发改局'], ['市发改委'], None)
    >>> _units("县林业局委托县林场"), _units("县林业局分管负责人"), _units("县林业局委托县甲溪坊")
    (['县林场'], None, ['县甲溪坊'])
    """
    m = _BY.search(text, 1)
    if m is not None:
        text = text[m.end():]
    entrusted = False
    if "托" in text and (m := _ENTRUSTS.search(text, 2)) is not None and is_unit_name(text[:m.start()]):
        text, entrusted = text[m.end():], True  # 县公安局委托县城管办负责: the unit entrusted does the work
    names = split_units(text)
    if not names or not all(_plausible(n) and people_of(n) is None for n in names):
        # 县公安局委托甲溪坊: 委托 after a known name marks the slot of the unit entrusted, whatever it ends with
        return _framed_names(text) if entrusted else None  # 甲坊分管负责人: people (slot_names reads their unit)
    return names


# What cannot open an organisation's name: prepositions and verbs that open a sentence.
NOT_NAME_START = re.compile(r"^(?:按|由|将|对|在|以|要|把|从|向|为|请|并|且|或|及时|确保|做好|加强|推进|完成|其他|其余"
                             r"|强化|加快|推动|深化|完善|建立|健全|开展|实施|积极|全面|大力|切实|共同|统筹|坚持|提高|提升"
                             r"|促进|支持|鼓励|引导|落实|组织|协调|配合|负责|牵头|参与|进一步|认真|主动|依法|全力|密切"
                             r"|授权|委托|责成|要求|本(?:办法|规定|条例|细则|方案|意见|制度|通知|决定)"  # 本办法所称…: the document
                             r"|扩大|增强|构建|打造|巩固|拓展|改善|发挥|成立|组建|设立|召开|印发|制定|制订)")  # (r-labels7) a heading's verb: 三、扩大公民有序政治参与
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff\u3400-\u4dbfA-Za-z0-9()（）·]+$")
# A whole name's ending, then a verb of two characters or more that opens a sentence (…政府健全…, …局加强…).
_WHOLE_THEN_VERB = re.compile(r"(?:局|委|厅|政府|部门|单位|中心|处|室|所|院|队|办|会)(?:" + "|".join(
    w for w in NOT_NAME_START.pattern.removeprefix("^(?:").removesuffix(")").split("|") if len(w) >= 2)
    + r")(?P<rest>.*)$")
MAX_SLOT_NAME = 30
_DATE_OR_COUNT = re.compile(r"\d{4}|\d+(?:[年月日%个项座家万亿]|公里)")  # a year, a date or a count: no name holds one


def slot_names(text: str) -> list[str] | None:
    """The names of a list printed in a role slot (after a label or before a role word), known or not.

    The slot says units stand here; the lexicon only scores them. A name is refused only
    when it cannot be a name at all: a sentence, a number, a preposition or verb opening it.

    >>> slot_names("县统计局,城东管理区、城西大垸")
    ['县统计局', '城东管理区', '城西大垸']
    >>> slot_names("按要求") is None, slot_names("2021年底前") is None
    (True, True)
    >>> slot_names("县甲溪坊委托县乙岭舍")
    ['县乙岭舍']
    """
    names = split_units(text)
    if not names:
        return None
    last = names[-1]
    if len(last) > 4 and not is_unit_name(last) and not _plausible(last) and (cut := _glued_text(last)):
        names[-1] = cut  # 园林局配合做好专项整治工作: a known name, then text glued after the slot's last name
    for k, name in enumerate(names):
        if "托" in name and (m := _ENTRUSTS.search(name, 2)) is not None:
            names[k] = name = name[m.end():]  # 由甲坊委托乙苑负责: the unit entrusted does the work, known or not
        if (unit := people_of(name)) is not None:  # 甲坊分管负责人参加: the unit sends its people
            if not unit:
                return None
            names[k] = name = unit
        bare = bracket_commas(name).replace("、", "")
        if (len(bare) < 2 or len(bare) > MAX_SLOT_NAME or not _NAME_CHARS.match(bare) or _NOT_A_NAME.match(name)
                or "会同" in name  # 甲坊会同乙苑: two units in their roles (_together), no name
                or NOT_NAME_START.match(name) or bare.isdigit() or _DATE_OR_COUNT.search(bare)
                or _ITEM_MARK.match(name)):  # (二)密切配合: a heading's number opens no name
            return None
    return names


def spaced_slot_names(parts: list[str]) -> bool:
    """Whether the pieces a space separates in a role label's list (成员单位:甲苑 乙斋 丙坊) are its names: each
    known, or each of three characters or more that could be a name (no verb or preposition opening it, no role
    word closing it, no number) - the label says units stand there, whatever they end with; pieces of one or two
    characters may be one name spaced out (a letter-spaced copy).

    >>> spaced_slot_names(["市甲苑", "乙斋坊"]), spaced_slot_names(["市发改委", "负责"]), spaced_slot_names(["市发", "改委"])
    (True, False, False)
    >>> spaced_slot_names(["县政府办", "(县大数据中心)"]), spaced_slot_names(["市甲苑", "市乙斋", "等部门"])
    (False, False)
    """
    if len(parts) < 2:
        return False
    if all(is_unit_name(p) for p in parts):
        return True
    return all(len(p) >= 3 and not p.startswith(_NO_NAME_OPENING) and not p.endswith(ROLE_ENDINGS)
               and slot_names(p) == [p] for p in parts)


# What opens no name of its own in a spaced list: a bracket (县政府办 (县大数据中心): the alias of the name before it,
# or a mark: (牵头)), the noise closing a list (等部门)
_NO_NAME_OPENING = ("(", "（", "〔", "【", "[", "等")


def _glued_text(name: str) -> str | None:
    """The known unit name opening ``name`` when what follows it opens a sentence (a verb: 配合做好…, 加强…).

    >>> _glued_text("园林局配合做好专项整治工作"), _glued_text("县林业局加强森林防火"), _glued_text("城东管理区")
    ('园林局', '县林业局', None)
    """
    for k in range(2, len(name) - 1):
        if NOT_NAME_START.match(name[k:]) and is_unit_name(name[:k]):
            return name[:k]
    return None


def labelled_slot(content: str, role: Role | None) -> Clause | None:
    """The names of a label line's content read as a slot (牵头单位:城东大垸): kept whatever they end with,
    the ones the lexicon does not know reported; None when it is no list of names (a sentence, a date).

    >>> labelled_slot("城东大垸、县水利局", Role.RESPONSIBLE).unrecognised
    ['城东大垸']
    >>> labelled_slot("按要求完成", Role.RESPONSIBLE) is None
    True
    """
    names = slot_names(content.strip("。；;,， ")) if role is not None else None
    if not names or any(_person(n) for n in names):
        return None
    return Clause(assignments=[(n, role) for n in names], labelled=True,
                  unrecognised=[n for n in names if not _plausible(n)])


def _role_word(segment: str) -> tuple[str, str | None]:
    """A segment without its role word, and the kind of that word (lead, cooperating, duty)."""
    m = ROLE_TAIL.search(segment) if segment.endswith(ROLE_ENDINGS) else None
    if not m or m.start() == 0:
        return segment, None
    word = m.group(0)
    kind = "lead" if _LEAD_WORD.search(word) else "cooperating" if _COOP_WORD.search(word) else "duty"
    return segment[: m.start()], kind


@dataclass
class _Note:
    word: str          # the note as printed (下同, 不再一一列出)
    units: list[str]   # the units it spreads
    kind: str | None   # the role word after them (落实: duty), if any
    prefix: str        # the clause before the note's own sentence (its units are the item's only)
    spread_all: bool = False  # the prefix's units spread too (A牵头,B配合,下同), in their roles


_NAME_NOTE = re.compile(r"[(（〈][^()（）〈〉]*[)）〉]")  # a note in brackets after a name (含开发区管委会,下同)


def _outside_notes(segment: str) -> str:
    """``segment`` without the notes in brackets its names carry.

    >>> _outside_notes("各区政府(含园区管委会,下同)"), _outside_notes("市甲局,下同")
    ('各区政府', '市甲局,下同')
    """
    return _NAME_NOTE.sub("", segment) if "(" in segment or "（" in segment or "〈" in segment else segment


def _note(part: str) -> _Note | None:
    """A 下同 note: the note word, the units it names and the role word after them.

    A note that scopes its own sentence (以下各任务均需A、B落实,不再一一列出; 各项政策措施均需A落实,以下不再列出)
    spreads only that sentence's units: the lists before it are the item's own (``prefix``). Without
    such a scope (A、B,下同) every list of the part spreads.

    >>> n = _note("市发改委负责,以下各任务均需各县政府、县直有关部门落实,不再一一列出")
    >>> n.units, n.kind, n.prefix
    (['各县政府', '县直有关部门'], 'duty', '市发改委负责')
    >>> n = _note("市住建局、市财政局,下同")
    >>> n.units, n.prefix
    (['市住建局', '市财政局'], '')
    """
    segments = bracket_depth_split(part, ",，")
    at = next((k for k, seg in enumerate(segments) if seg and (_SPREAD_NOTE.search(_outside_notes(seg))
                                                                or _NOTE_WORDS.match(seg))), None)
    if at is None:
        return None  # X(含Y,下同): the name's own note says what the name covers from there on, no units spread
    m = _SPREAD_NOTE.search(part)
    word = m.group(0) if m else segments[at]
    scope = at
    if _units(_SPREAD_NOTE.sub("", _NOTE_HEAD.sub("", segments[at]))) is None and at > 0:
        scope = at - 1  # the note words alone (不再一一列出): the sentence before them is the note's
    if not _SCOPED.match(segments[scope]) and not _NOTE_HEAD.match(segments[scope]):
        # the note's own sentence lists its units with commas (以下均需各县政府,经开区、高新区管委会负责落实,不再列出)
        start = next((k for k in range(scope - 1, max(-1, scope - 5), -1) if _SCOPED.match(segments[k])), None)
        if start is not None and all(_marked_units(seg) for seg in segments[start + 1:scope]):
            segments = [*segments[:start], "、".join(segments[start:scope + 1]), *segments[scope + 1:]]
            at, scope = at - (scope - start), start
    if _NOTE_HEAD.match(segments[scope]) and not m or _SCOPED.match(segments[scope]):
        body, kind = _role_word(_NOTE_HEAD.sub("", segments[scope]))
        names = _units(body) or kind is not None and _marked_units(body)  # (以下均需甲坊落实): the note marks them
        if names:
            return _Note(word, names, kind, ",".join(segments[:scope]))
    if m is None and not (at == len(segments) - 1 and at > 0 and _NOTE_WORDS.match(segments[at])):
        return None  # (A牵头,B配合,不再一一列出): the note words alone closing the part stand for 下同
    listed = [seg for seg in segments if seg and not (_NOTE_WORDS.match(seg) or _SPREAD_NOTE.fullmatch(seg))]
    if len(listed) == len(segments) - 1 and at == len(segments) - 1 and any(_role_word(seg)[1] for seg in listed):
        return _Note(word, [], None, ",".join(listed), True)  # (A牵头,B配合,下同): B配合 spreads, in its role
    units: list[str] = []
    for seg in segments:
        if not seg or _NOTE_WORDS.match(seg) or _SPREAD_NOTE.fullmatch(seg):
            continue
        body = _NOTE_HEAD.sub("", seg)
        names = _units(body)
        if names:
            units.extend(names)
    return _Note(word, units, None, "")


def _marked_units(text: str) -> list[str] | None:
    """The names of a list a cue marks as a slot (a note's 均需…落实, a bracket's role word): known ones, or names
    shaped as names (:func:`_bracket_slot`) that the lexicon does not know.

    >>> _marked_units("各县政府、甲溪坊"), _marked_units("加快推进工作")
    (['各县政府', '甲溪坊'], None)
    """
    names = _units(text)
    if names is None and (names := slot_names(text)) is not None and (
            not _bracket_slot(names) or names[-1] != split_units(text)[-1]):
        return None  # (a known name with text glued after it, 各牵头单位对所…落实, is no list of names)
    return names


# What a division's name ends with (合肥市, 凤阳县): a place standing for its government in a list before a role word.
_DIVISION_END = re.compile(r"[省市县区州盟旗镇乡]$")


def _later_role(segments: list[str], bracketed: bool = False) -> str | None:
    """The lead or cooperating word closing the next segment that has a role word, if any (the list goes on to it);
    in a bracket the segments between may name units the lexicon does not know (:func:`_bracket_slot`)."""
    for segment in segments:
        _, kind = _role_word(segment)
        if kind is not None:
            return kind if kind in ("lead", "cooperating") else None
        if _units(segment) is None and not (bracketed and (names := slot_names(segment)) and _bracket_slot(names)):
            return None
    return None


# A role word (牵头, 配合, 负责落实) before a 、: where a list of one role may end inside a comma part.
_ROLE_PAUSE = re.compile("(?:" + "|".join(ROLE_WORDS) + ")(?:" + "|".join(ROLE_AFTER) + ")?(?=、)")


def _role_pauses(segment: str) -> list[str]:
    """A comma part cut after each role word a 、 follows, where both sides read as a list and its role word:
    X牵头、Y配合 is two parts (a 、 standing for the comma between roles), 牵头、协调 stays whole.

    >>> _role_pauses("市住建局牵头、市财政局、市税务局配合"), _role_pauses("市住建局、市财政局配合")
    (['市住建局牵头', '市财政局、市税务局配合'], ['市住建局、市财政局配合'])
    """
    pieces: list[str] = []
    at = 0
    for m in _ROLE_PAUSE.finditer(segment):
        before, after = segment[at:m.end()], segment[m.end() + 1:]
        rest, kind = _role_word(before)
        if kind is None or _units(rest.removeprefix("由")) is None:
            continue
        later, later_kind = _role_word(after)
        if _units(later.removeprefix("由")) is None and _units(_ROLE_PAUSE.split(later, 1)[0]) is None:
            continue
        pieces.append(before)
        at = m.end() + 1
    return pieces + [segment[at:]] if pieces else [segment]


@lru_cache(maxsize=1)
def _unnamed_partner() -> re.Pattern:
    """Partners a clause names by no name after 会同 (有关部门: role cues ``partner.unnamed``)."""
    return re.compile("(?:" + alternation("partner.unnamed") + ")")


def _named_partners(names: list[str]) -> list[str]:
    """The partners after 会同 without the unnamed ones (由X会同有关部门和各县市区落实: 各县市区), noise as 等有关部门 is.

    >>> _named_partners(["有关部门", "各县市区"]), _named_partners(["市财政局"]), _named_partners(["相关单位"])
    (['各县市区'], ['市财政局'], [])
    """
    return [n for n in names if not _unnamed_partner().fullmatch(n)]


def parse_clause(text: str, default_role: Role | None = None, bracketed: bool = False) -> Clause | None:
    """The assignments of a clause (without its brackets), or None when it is not one.

    Every segment must name units; ``default_role`` (a table column's) is used for a
    list printed without a role word or label. ``bracketed``: the text is a bracket's whole content (or a cut
    bracket's), so a list closed by its role word (X、Y负责) is a slot whatever its names: the bracket and the
    role word mark it, as a label does.
    """
    text = _spaces_read(text).strip("。；;,，")
    if text[-1:] in _QUOTE_CLOSERS and _QUOTE_CLOSERS[text[-1]] not in text[:-1]:
        text = text[:-1].rstrip("。；;,，")  # …市商务局。": the closing quote of a quoted text, no part of the clause
    if not text or len(text) > MAX_CLAUSE:
        return None
    if default_role is not None and text in DITTO:
        return Clause(assignments=[(text, default_role)])  # 同上 in a unit column: ditto.py fills it in
    if "为" in text:  # X为牵头单位,Y为配合单位: the role as a label after 为 is the role word
        text = _AS_ROLE.sub(lambda m: _AS_ROLE_WORD[m.group(1)] if is_listed_name(
            name := _LIST_SEPARATOR.split(text[:m.start()])[-1]) and not (
            m.group(1) in LEAD_NAMES and first_listed_note().search(name + "为" + m.group(1))) else m.group(0),
            text)  # 列第一位的为牵头单位, 排名第一的单位为牵头单位: a note
    if ("(" in text or "（" in text) and names_lead(text):
        # (列第一位的为牵头单位,下同) spreads a convention (conventions.py), not units, and names none
        text = first_listed_bracket().sub("", text)
    if "同" in text and ("(" in text or "（" in text):
        text = _BRACKETED_SPREAD.sub(r"，\1", text)  # 责任单位:X、Y(下同): the note, no part of Y
    people: list[str] = []
    if ("(" in text or "（" in text) and ("人" in text or "导" in text or "长" in text) and ("：" in text or ":" in text):
        # 牵头单位:X(责任人:张三);配合单位:Y: the person in brackets after a unit is its leader, no label of the clause
        text = _bracketed_leader().sub(lambda m: people.append(m.group(1)) or "", text)
    # labels run together on one line (牵头单位:X配合单位:Y): each starts a part of its own
    if "：" in text or ":" in text:  # a label needs its colon (a substring test, in C: not a character class per char)
        text = LABEL_ANYWHERE.sub(lambda m: (";" if m.start() > 0 and text[m.start() - 1] not in "；;。"
                                             else "") + m.group(0), text)
    if "。" in text and ("：" in text or ":" in text):
        text = _labelled_sentences(text)
    clause = Clause(leaders=[p for k in people for p in bracket_depth_split(k, "、，,") if p])
    pending: list[tuple[list[str], str | None, Role | None]] = []  # names, role word kind, label role
    first_leads = False  # a first-listed note in the clause
    noted_any = False  # a 下同 note with units of its own
    parts = bracket_depth_split(text, "；;。")
    labels = [match_label(part) if part else None for part in parts]
    labelled = any(lb is not None and lb.kind in ROLE_OF_LABEL for lb in labels)
    # 主办单位 / 主责单位 beside a 牵头单位 label: responsible (as 主责 beside a 牵头 column)
    led = sum(1 for lb in labels if lb is not None and lb.kind == LEAD) > 1 and any(
        lb is not None and lb.kind == LEAD and "牵头" in lb.name for lb in labels)
    # 主要责任单位:X;配合单位:Y: the main units lead beside a label of other units (alone they are responsible)
    primary_leads = any(lb is not None and lb.kind == RESPONSIBLE and is_primary(lb.name) for lb in labels) and any(
        lb is not None and (lb.kind == COOPERATING or lb.kind == RESPONSIBLE and not is_primary(lb.name))
        for lb in labels) and not any(lb is not None and lb.kind == LEAD for lb in labels)
    for part, label in zip(parts, labels):
        if not part:
            continue
        label_role: Role | None = None
        if label:
            clause.labelled = True
            if label.kind == LEADER:
                clause.leaders.extend(p for p in bracket_depth_split(label.content, "、，,") if p)
                continue
            if label.kind == DEADLINE:
                clause.deadlines.append(label.content)
                continue
            if label.kind == OVERSIGHT:
                continue  # 督查单位:X: an office watching the work (or the bodies inspected), no doer of it
            label_role = ROLE_OF_LABEL.get(label.kind)
            if led and label.kind == LEAD and "牵头" not in label.name:
                label_role = Role.RESPONSIBLE
            elif primary_leads and is_primary(label.name):
                label_role = Role.LEAD
            part = label.content
            if not part:
                continue
        convention = names_lead(part) and first_listed_note().search(part) is not None or \
            first_leads and _NOTE_WORDS.match(part) is not None  # (r-prose9) …排名首位的部门牵头。下同: the note's
        note = None if convention else _note(part)  # (A,B,列第一位为牵头单位,下同): 下同 spreads the convention
        noted = None
        if note:
            clause.note = note.word
            role = label_role or (pending[-1][2] if pending and pending[-1][2] else None)
            if note.units:
                noted = (note.units, note.kind, role)
                clause.spread.extend((n, role) for n in note.units)  # roles settled below
            part = note.prefix
        mark = len(pending)
        segments = bracket_depth_split(part, ",，") if part else []
        if "、" in part:
            segments = [piece for segment in segments for piece in _role_pauses(segment)]
        for at, segment in enumerate(segments):
            if not segment:
                continue
            if convention and (_NOTE_WORDS.match(segment) or first_listed_note().search(segment)):
                clause.role_words = first_leads = True  # the note is a role cue: the first-listed unit leads
                continue  # (A,B,C,排名第一位为牵头单位): a convention, no name (conventions.py applies it)
            if convention and segment.endswith("的") and at + 1 < len(segments):
                continue  # (r-prose9) 涉及多个部门的,由排名首位的部门牵头: the case the note covers, no name
            opened_by = at == 0 and segment.startswith("由") and len(segment) > 3
            if opened_by:
                segment = segment[1:]  # 由X、Y负责落实: 由 opens the clause, no name
            elif segment.startswith("其中") and len(segment) > 4 and pending:
                segment = segment[2:]  # (A、B负责,其中A牵头): 其中 picks the lead out of the list before it
            rest, kind = _role_word(segment)
            if kind is None and segment.endswith(_AS_RESPONSIBLE) and len(segment) > len(_AS_RESPONSIBLE) + 1:
                rest, kind = segment[:-len(_AS_RESPONSIBLE)], "responsible"  # X为责任单位
            partnered = False
            if kind is None and rest.startswith("会同") and pending:
                rest, kind = rest[2:], "cooperating"  # X牵头,会同Y、Z: the partners work with the lead
                partnered = True
            if kind in ("duty", "lead") and "会同" in rest:  # X会同Y负责: X leads, Y works with it
                lead, _, with_ = rest.partition("会同")
                lead_names, with_names = _units(lead), _units(with_)
                if lead_names and with_names:
                    clause.role_words = True
                    pending.append((lead_names, "lead", None))
                    if with_names := _named_partners(with_names):
                        pending.append((with_names, "cooperating", None))
                    continue
            elif kind is None and "会同" in rest and (together := _together(rest)):
                # (市住建局会同市财政局): 会同 is the role word, no 负责 after it
                clause.role_words = True
                pending.append(([n for n, r in together if r is Role.LEAD], "lead", None))
                if with_names := _named_partners([n for n, r in together if r is Role.COOPERATING]):
                    pending.append((with_names, "cooperating", None))
                continue
            names = _units(rest)
            if names is None:
                if _DEADLINE_SEGMENT.search(segment):  # (市发改委牵头,2022年底前完成)
                    clause.deadlines.append(segment)
                    continue
                # a labelled slot or a list before 牵头 / 配合 holds units whatever their names end with
                slot = label_role is not None or clause.labelled or kind in ("lead", "cooperating") or kind == "duty" \
                    and any(kd in ("lead", "cooperating") for _, kd, _ in pending) \
                    or default_role is not None and labelled \
                    or convention and _bracket_slot(split_units(rest))  # X牵头,Y分工负责: Y a slot too; a label's content
                # before the next label (主办单位:[甲坊,]协办单位:乙舍: the caller's label holds 甲坊) is a slot too;
                # (r-slots2) so is a list whose part carries a first-listed note (甲坊,乙舍,排名第一位为牵头单位)
                if not slot and (kind == "duty" or default_role is not None):
                    # X、Y等按职责分工负责, or a list in a unit column: a list with a known name in it
                    listed = split_units(rest)
                    if pending and pending[-1][1] is None and pending[-1][2] is None and \
                            all(_listed_name(n) for n in pending[-1][0]):
                        listed = pending[-1][0] + listed  # A,B,C等负责: the list runs on over the commas
                    slot = len(listed) > 1 and any(_plausible(n) for n in listed) or kind == "duty" and (all(
                        _plausible(n) or is_level_name(n) for n in listed)  # (市X坊负责): a level's unit
                        or bracketed and _bracket_slot(listed)) or default_role is not None and all(
                        _plausible(n) or _level_body(n) for n in listed) and _bracket_slot(listed)  # a unit column's
                    # (or a label's) list of a level's bodies named whole (市甲溪坊、市乙岭舍), whatever they end with
                names = (("等" in rest and "、" in rest and _listed_departments(rest))
                         or slot_names(rest)) if slot else None  # 各县市政、住建等单位: sectors sharing 各县, one name
                if names is None and kind is None and at + 1 < len(segments) and (
                        opened_by and _role_word(segments[at + 1])[1] is not None
                        or "、" in rest and at + 2 == len(segments) and closes_as_clause(segments[-1])):
                    names = _framed_names(rest)  # (r-clauses3) 由甲坊、乙苑,各县区政府负责…: 由 and the role word
                    # closing the next part mark the slot, the list running over the comma as known names do; so
                    # does a list before the last part of a clause closed by its role word (甲坊、乙苑,丙庐按职责分工负责)
                if names is None and kind is None and (later := _later_role(segments[at + 1:], bracketed)):
                    # (合肥市,省发展改革委牵头): places or units listed before the role word, cut by a comma; in a
                    # bracket whatever their names ((甲坊,乙舍牵头): the bracket and the role word mark the slot)
                    names = slot_names(rest)
                    if names is not None and (all(_plausible(n) or _DIVISION_END.search(n) for n in names)
                                              or bracketed and _bracket_slot(names)):
                        kind = later
                    else:
                        names = None
                elif names is None and kind is None and bracketed and pending and at + 1 < len(segments) \
                        and _role_part(segments[at + 1]):
                    names = _marked_units(rest)  # (甲溪坊牵头,乙岭舍,丙泉庐按职责分工负责): the bare list between shares
                    # the later role word, as known names do
                if names is None and clause.labelled and _COLON.search(segment):
                    continue  # a label the vocabulary lacks, among labels it knows: the others still count
                if names is None and kind and (people := [n for n in split_units(rest) if _person(n)]) \
                        and len(people) == len(split_units(rest)):
                    # 某某副省长负责,省农委总牵头: a person with a post, a leader (named without it, as an opening's)
                    clause.leaders.extend(n if (bare := PERSON_TITLE.sub("", n)) in _POST_QUALIFIERS else bare or n
                                          for n in people)  # 分管副省长: a post, no name to keep apart
                    continue
                if names is None:
                    return None
                clause.unrecognised.extend(n for n in names if not _plausible(n) and not _person(n))
            if kind:
                clause.role_words = True
            if partnered and not (names := _named_partners(names)):
                continue  # X牵头,会同有关部门: no partner named
            marked = [_LEAD_MARK.sub("", n) for n in names if _LEAD_MARK.search(n)]
            if marked:  # 市发改委(牵头)、市财政局: the marked name leads, the others keep their role
                clause.role_words = True
                pending.append((marked, "lead", None))
                names = [n for n in names if not _LEAD_MARK.search(n)]
                if not names:
                    continue
            helping = [_COOPERATING_MARK.sub("", n) for n in names if _COOPERATING_MARK.search(n)] if ")" in segment \
                or "）" in segment or "】" in segment or "〕" in segment or "]" in segment else []
            if helping:  # 县发改局(牵头)、县财政局(配合): the marked name cooperates
                clause.role_words = True
                names = [n for n in names if not _COOPERATING_MARK.search(n)]
                if not names:
                    pending.append((helping, "cooperating", None))
                    continue
            people = [n for n in names if _person(n)]
            if people:  # 王浩省长牵头: a person with a post leads as a leader, never as a unit
                clause.leaders.extend(people)
                names = [n for n in names if n not in people]
            if names:
                pending.append((names, kind, label_role))
            if helping:
                pending.append((helping, "cooperating", None))
        if noted:
            pending.append(noted)
            noted_any = True
        if note is not None and note.spread_all and len(pending) > mark:
            clause.spread.extend((n, None) for n in pending[-1][0])  # the list just before 下同; roles below
        elif note is not None and not note.units and not note.prefix and mark > 0 and _NOTE_WORDS.match(note.word):
            clause.spread.extend((n, None) for n in pending[-1][0])  # (A牵头,B配合。下同): 下同 a part of its own
    if not pending:
        return None if not (clause.leaders or clause.deadlines) or not clause.labelled else clause
    has_lead = any(kind == "lead" for _, kind, _ in pending)
    last_label: Role | None = None
    seen_lead = False
    run_kind: str | None = None  # the role word a run of bare lists shares
    for k, (names, kind, label_role) in enumerate(pending):
        if kind is None and label_role is None and last_label is None and len(pending) > 2:
            # X牵头,A、B等部门,C、D配合: a bare list between a lead and a role word shares the later role word;
            # so do names a comma separates before one (A,B,C等按职责分工负责: all of them)
            if k == 0 or pending[k - 1][1] is not None or pending[k - 1][2] is not None:  # a run of bare lists starts
                after = next((kd for _, kd, lr in pending[k + 1:] if kd is not None or lr is not None), None)
                run_kind = after if after in (("cooperating", "duty", "responsible") if seen_lead
                                              else ("duty", "lead", "responsible")) else None
            kind = run_kind
        elif kind is None and label_role is None and k + 1 < len(pending) and pending[k + 1][1] == "responsible":
            kind = "responsible"  # A,B为责任单位: the list a comma cuts shares the label after it
        if label_role is not None and kind not in ("lead", "cooperating"):
            role = label_role
            last_label = label_role
        elif label_role is not None:  # 责任单位:市卫健委,市医保局配合: a role word of its own wins over the label
            role = Role.LEAD if kind == "lead" else Role.COOPERATING
            last_label = label_role
        elif kind == "lead":
            role = Role.LEAD
        elif kind == "cooperating":
            role = Role.COOPERATING
        elif kind == "duty":
            role = Role.RESPONSIBLE if has_lead else Role.LEAD
        elif kind == "responsible":
            role = Role.RESPONSIBLE
        elif last_label is not None:
            role = last_label
        elif default_role is not None:
            role = default_role
        elif (len(pending) == 1 or all(len(n) == 1 and kd is None and lr is None for n, kd, lr in pending)) \
                and not first_leads:
            role = Role.RESPONSIBLE  # (民政局), (县委办、县政府办), (A,B,C): a bare list, no word makes any of them lead
        else:
            role = Role.RESPONSIBLE if seen_lead else Role.LEAD
        seen_lead = seen_lead or role is Role.LEAD
        clause.assignments.extend((n, role) for n in names)
    if first_leads and clause.assignments and all(r is Role.LEAD for _, r in clause.assignments) \
            and not any(kind == "lead" for _, kind, _ in pending):
        clause.assignments = [(n, Role.LEAD if k == 0 else Role.RESPONSIBLE)
                              for k, (n, _) in enumerate(clause.assignments)]  # no word but the note says who leads
    if len({n for n, _ in clause.assignments}) < len(clause.assignments) and (noted_any or any(
            r is Role.LEAD for _, r in clause.assignments)):
        # a unit printed in the clause and again in its note, or named again as the lead (责任单位:A、B,A为牵头单位):
        # once, where it is first printed, leading if it is said to lead
        leads = {n for n, r in clause.assignments if r is Role.LEAD}
        seen: set[str] = set()
        clause.assignments = [(n, Role.LEAD if n in leads and not noted_any else r) for n, r in clause.assignments
                              if not (n in seen or seen.add(n))]
    if clause.spread:
        spread_names = {n for n, _ in clause.spread}
        clause.spread = [(n, r) for n, r in clause.assignments if n in spread_names]
    return clause


MAX_BRACKET_NAME = 16


def _bracket_slot(names: list[str]) -> bool:
    """Names a bracket closed by a role word holds (汐岚斋、云栖苑负责): each short and shaped as a name, none a
    sentence's words (no verb or preposition opening it, no 的 / 将 / 对本 inside, no count); the lexicon does not
    decide.

    >>> _bracket_slot(["汐岚斋", "农委"]), _bracket_slot(["资金由企业自筹"]), _bracket_slot(["加强监督"])
    (True, False, False)
    >>> _bracket_slot(["市场主体"]), _bracket_slot(["县云岫苑"])
    (False, True)
    """
    return all(_plausible(n) or 3 <= len(n) <= MAX_BRACKET_NAME and _NAME_CHARS.match(n) and not NOT_NAME_START.match(n)
               and not _VERB_INSIDE.search(n) and not _NOT_A_NAME.match(n) and "由" not in n and "自" not in n
               and not _COUNT.search(n) and not _no_unit().search(n) and "要" not in n for n in names)


@lru_cache(maxsize=1)
def _no_unit() -> re.Pattern:
    """What a name in a bracket's slot may not end with (role cues ``slot.no-unit``: 市场主体, 农户)."""
    return re.compile("(?:" + alternation("slot.no-unit") + ")$")


_PART_END = re.compile("[、，,；;:：]")
_BRACKETED_SPREAD = re.compile(r"[(（](下同|以下同|后同)[)）]")


@lru_cache(maxsize=1)
def _bracketed_leader() -> re.Pattern:
    """A person's label and name in brackets after a unit: (责任人:张三), (分管领导:李四副县长)."""
    return re.compile(r"[(（](?:" + alternation("label.leader") + r")[:：]([^()（）:：]{1,30})[)）]")
_QUOTE_CLOSERS = {'"': '"', "”": "“", "’": "‘", "」": "「", "』": "『"}  # a closing quote -> its opening one


def _spaces_read(text: str) -> str:
    """``text`` without its white space, a space that separates read as the separator it stands for: after a role
    word a comma (市住建局牵头 市财政局配合), between two names a 、 (牵头单位:市住建局 市财政局); any other space
    is no separator (省 财 政 厅, a page printing a space between characters).

    >>> _spaces_read("市住建局牵头 市财政局配合"), _spaces_read("责任单位：各村(社区) 镇规建办"), _spaces_read("省 财 政 厅 牵 头")
    ('市住建局牵头，市财政局配合', '责任单位：各村(社区)、镇规建办', '省财政厅牵头')
    >>> _spaces_read("责任单位：市甲溪局, 各县(区) 人民政府")
    '责任单位：市甲溪局,各县(区)人民政府'

    """
    tokens = text.split()
    if len(tokens) < 2:
        return tokens[0] if tokens else ""
    out = [tokens[0]]
    for right in tokens[1:]:
        left = out[-1]
        if len(left) >= 2 and len(right) >= 2 and right[0] not in "、，,；;:：。" and left[-1] not in "、，,；;:：。" \
                and LABEL_ANYWHERE.match(right) is None:
            tail = _PART_END.split(left)[-1]
            head = _role_word(_PART_END.split(right)[0])[0]
            if len(tail) >= 3 and tail.endswith(ROLE_ENDINGS) and _role_word(tail)[1] is not None \
                    and _plausible(_role_word(tail)[0]) and _plausible(head):
                out.append("，")  # 市住建局牵头 市财政局配合
            elif len(tail) >= 2 and len(head) >= 2 and _plausible(tail) and _plausible(head) \
                    and _PART_END.split(right)[0] not in org_suffixes():
                out.append("、")  # 市住建局 市财政局 (各市(州) 人民政府: an ending alone goes on the name: r-prose9)
        out.append(right)
    return "".join(out)


def _labelled_sentences(text: str) -> str:
    """A labelled clause up to the first sentence after a 。 that carries none of it: no label, no role word, no
    note and no list of units (牵头部门:市交通局。建设进度相对较慢的县区为舒城县: a report after the clause).

    >>> _labelled_sentences("牵头部门:市交通局。建设进度相对较慢的县区为舒城县")
    '牵头部门:市交通局'
    >>> _labelled_sentences("责任单位:市财政局。各区政府")
    '责任单位:市财政局。各区政府'
    """
    sentences = bracket_depth_split(text, "。")
    if not LABEL_ANYWHERE.match(sentences[0]):
        return text
    kept = 1
    for sentence in sentences[1:]:
        if sentence and not (LABEL_ANYWHERE.search(sentence) or may_hold_role_words(sentence) or _note(sentence)
                             or _DEADLINE_SEGMENT.search(sentence) or _units(sentence) is not None):
            break
        kept += 1
    return text if kept == len(sentences) else "。".join(sentences[:kept])


_ROLE_WORD = re.compile("|".join(ROLE_WORDS))
# X为牵头单位 / X为主办单位 / X为承办单位: every role's words (role cues word.lead, word.cooperating, role.responsible)
_AS_ROLE = re.compile(r"为(" + any_role_word() + r")(?:单位|部门)(?=$|[,，；;。])")
_LIST_SEPARATOR = re.compile(r"[,，；;、:：]")
_AS_ROLE_WORD = {**{w: "为责任单位" for w in role_words("responsible")}, **{w: w for w in LEAD_NAMES + COOPERATING_WORDS}}
# X为责任单位 (rewritten so whatever the noun): the label's role, responsible (负责 would lead where nothing is
# marked 牵头), in a segment of its own.
_AS_RESPONSIBLE = "为责任单位"
# A role word where a segment of a clause can end: before a separator, a closing bracket or the end.
_ROLE_AT_END = re.compile("(?:" + "|".join(ROLE_WORDS) + ")(?:" + "|".join(ROLE_AFTER) + ")?(?=[,，；;。)）〕】\\]]|$)")


def may_hold_role_words(text: str) -> bool:
    """False where :func:`parse_clause` cannot set ``role_words`` on ``text``: a quick test before it.

    Role words end a segment (ROLE_TAIL) or stand in brackets (市发改委(牵头)). A label
    (it needs a colon) may also end a segment: then any role word will do.

    >>> may_hold_role_words("市发改委牵头,市财政局配合"), may_hold_role_words("请认真贯彻落实《方案》要求")
    (True, False)
    """
    text = "".join(text.split())  # as parse_clause reads it (the text itself where it holds no white space)
    if "为" in text and _AS_ROLE.search(text) is not None:
        return True  # X为牵头单位,Y为责任单位
    if _ROLE_WORD.search(text) is None:
        return False  # the usual case, found soonest
    return "：" in text or ":" in text or _ROLE_AT_END.search(text) is not None


@dataclass(frozen=True)
class Found:
    """A clause found in a text: where it starts and ends (brackets included).

    ``leading``: the clause opens its sentence (市工商局负责,市农业局配合,严格实施…) and the
    sentence after it is its task, instead of the text before it.
    """

    start: int
    end: int
    clause: Clause
    leading: bool = False


# What may stand before a post where a person's name would (分管副省长, 协管副秘书长): the post is the leader.
_POST_QUALIFIERS = frozenset({"分管", "协管", "主管", "联系", "常务", "挂点", "包保", "牵头"})
# A person with a post: 杨志武副市长, 王某同志 (a leader, never a unit).
PERSON_TITLE = re.compile(r"(?:副?(?:书记|市长|县长|区长|省长|局长|主任|部长|组长|镇长|乡长|秘书长|调研员|处长|科长)(?:助理)?"
                          r"|(?:州长)助理|巡视员|同志)$")
# Unit(s), then a role word, then the work: 市发改委负责提出全市节能规划 / 市教育局、市卫生局分别负责….


def _person(name: str) -> bool:
    """A person with a post (王浩省长, 李某副市长): a given name of 2-4 characters before the post, no unit name.

    >>> _person("王浩省长"), _person("杨志武副市长"), _person("市长"), _person("市政府办公室主任")
    (True, True, False, False)
    """
    m = PERSON_TITLE.search(name)
    return m is not None and 2 <= m.start() <= 4 and not is_unit_name(name) and not is_unit_name(name[:m.start()]) \
        and all("\u4e00" <= ch <= "\u9fff" for ch in name)


_SUBJECT_DUTY = re.compile(r"(?P<units>[^，,。；;:：]{2,120}?)(?:还将|也将|将|要|应|须|也要)?(?:分别|共同|具体|统一)?"
                           r"(?P<word>(?:负责(?!人(?!口)|的|同志)|牵头|承担)(?!单位|部门))(?P<rest>[^，,。；;]{2,})")  # 各承担单位要…: a name; X负责的Y: a relative clause (the Y X answers for), no duty


# A role word closing a segment of a sentence (before its comma): what every segment of a leading clause ends with.
_ROLE_BEFORE_COMMA = re.compile("(?:" + "|".join(map(re.escape, ROLE_ENDINGS)) + ")[,，]")


def _leading_segments(sentence: str) -> tuple[Clause, int] | None:
    """The clause opening ``sentence`` (由 X负责,Y牵头,Z配合,…) and where it ends."""
    if not sentence.endswith(ROLE_ENDINGS) and _ROLE_BEFORE_COMMA.search(sentence) is None:
        return None  # no segment ends with a role word (most sentences): not worth cutting at every comma
    body = sentence[1:] if sentence.startswith("由") else sentence
    offset = len(sentence) - len(body)
    leaders: list[str] = []
    pending: list[tuple[list[str], str]] = []
    at = 0
    held: list[str] = []  # names a comma cuts before their role word (A,B负责,…): they share it
    held_at = 0
    parts = _leading_parts(body)
    for k, (segment, width) in enumerate(parts):
        piece = segment[1:] if segment.startswith("由") else segment
        rest, kind = _role_word(piece)
        if kind is None:
            names = well_formed_units(piece) if len(held) < 4 and len(piece) <= MAX_SLOT_NAME else None
            if names is None and offset and k == 0 and k + 1 < len(parts):
                names = _framed_names(piece)  # 由甲坊、乙苑,各县区政府负责…: 由 opens the slot a later role word closes
            if names is None:
                break
            held.extend(names)
            held_at += width
            continue
        people = [n for n in split_units(rest) if PERSON_TITLE.search(n) and not is_unit_name(n)]
        if people and len(people) == len(split_units(rest)):
            leaders.extend(PERSON_TITLE.sub("", n) or n for n in people)
        elif "会同" in rest and kind in ("duty", "lead") and (together := _together(rest)):
            pending.append(([n for n, r in together if r == Role.LEAD], "lead"))  # X会同Y负责
            pending.append(([n for n, r in together if r == Role.COOPERATING], "cooperating"))
        else:
            # no label here: the lexicon must know the names, unless 由 opened the list (由民政、教育等部门牵头),
            # or the part is one of a run of role parts (甲坊负责,乙舍配合,…: each role word marks its slot) or
            # its names open with their level (市甲坊负责,…)
            names = _units(rest) or (slot_names(rest) if offset and kind and "会同" not in rest else None)
            if names is None and "会同" not in rest and (pending or k + 1 < len(parts) and _role_part(parts[k + 1][0])):
                names = _marked_units(rest)
            elif names is None and "会同" not in rest:
                names = _level_subject(rest) or (_marked_units(rest) if k == 0 and len(parts) > 1 and not held
                                                 and closes_as_clause(piece) else None)
                # 甲溪坊负责,重点加强…: a role part closed by its comma (not a plain verb: …并组织实施,)
            if names is None:
                break
            pending.append((held + names, kind))
        held, at, held_at = [], at + held_at + width, 0
    if not pending and at == 0:
        return None
    if not pending:
        return None
    clause = Clause(leaders=leaders)  # made only for a sentence that opens with one (most do not)
    has_lead = any(kind == "lead" for _, kind in pending)
    for names, kind in pending:
        role = (Role.LEAD if kind == "lead" else Role.COOPERATING if kind == "cooperating"
                else Role.RESPONSIBLE if has_lead else Role.LEAD)
        clause.assignments.extend((n, role) for n in names)
    clause.role_words = True
    return clause, offset + min(at, len(body))


_TOWN_LEVEL = re.compile(r"^[镇乡](?!村|镇|乡|级|域|内|里|政府)")  # 镇甲溪坊: a town's office (镇村, 乡镇, 镇级 open none)


_TWO_LEVELS = re.compile(r"^[省市县区州镇乡]{2}")  # 县乡联动, 市县共建, 市区道路: levels together name no body


def _level_body(name: str) -> bool:
    """A name of four or more characters opening with one level (县甲溪坊, 镇乙岭舍; not 县乡联动, 市场主体, 市政设施,
    全市各级).

    >>> [_level_body(n) for n in ("县甲溪坊", "镇乙岭舍", "市政设施", "区块链产业", "全市各级", "县乡联动")]
    [True, True, False, False, False, False]
    """
    return len(name) >= 4 and (is_level_name(name) or _TOWN_LEVEL.match(name) is not None) \
        and not _TWO_LEVELS.match(name) and not _NOT_A_BODY.search(name)


# After a level, words that name no body (市政, 市容, 区块链, 县情) and openings of a whole area (全市, 本县, 我区)
_NOT_A_BODY = re.compile(r"^[全本我该此各]|^[^、]{0,4}?[省市县区州镇乡](?:政|容|貌|情|况|位|块|志|属地)")


def _level_subject(text: str) -> list[str] | None:
    """A subject before its role word whose names each open with their level (镇甲溪坊负责…, 市乙岭舍、县丙泉庐
    牵头…): units whatever their names end with, as before a role word in a clause.

    >>> _level_subject("县甲溪坊"), _level_subject("市场主体"), _level_subject("甲溪坊"), _level_subject("省财政")
    (['县甲溪坊'], None, None, None)
    >>> _level_subject("镇乙岭舍"), _level_subject("县乡联动"), _level_subject("市区道路")
    (['镇乙岭舍'], None, None)
    """
    names = split_units(text)
    if not names or not all(_level_body(n) or _plausible(n) for n in names) \
            or all(_plausible(n) for n in names):
        return None  # (省财政负责…: a level and a sector, the budget, no body's name)
    return _marked_units(text)


def closes_as_clause(text: str) -> bool:
    """Whether a line of its own closed by a role word reads as a clause whatever its names (甲溪坊、乙岭舍按职责分工
    负责; 丙泉庐牵头): not where its last word is a plain verb alone (…关于落实, 基层有效贯彻落实: a title or a
    sentence wrapped over lines).

    >>> closes_as_clause("甲溪坊、乙岭舍按职责分工负责"), closes_as_clause("某省政府办公厅关于落实")
    (True, False)
    >>> closes_as_clause("甲溪坊结合实际落实"), closes_as_clause("拟订本市规划并组织实施")
    (True, False)
    """
    body = text.rstrip("。；; ")
    m = ROLE_TAIL.search(body) if body.endswith(ROLE_ENDINGS) else None
    if m is None or m.end() != len(body):
        return False
    tail = m.group(0)
    # a plain verb closing it needs a qualifier naming whose it is (按职责分工落实, 结合实际落实, 分别实施), not a verb
    # before it (组织实施, 抓好落实: the work's words)
    return not tail.endswith(words("word.plain-verb")) or _OWN_SHARE.search(tail) is not None


_OWN_SHARE = re.compile(r"职责|职能|结合实际|分别|共同|具体|分头|各自")


def _role_part(segment: str) -> bool:
    """A comma part that is a list of names closed by a role word (乙舍配合, 由丙庐牵头), known names or not.

    >>> _role_part("乙岭舍配合"), _role_part("促进各项实事顺利实施")
    (True, False)
    """
    rest, kind = _role_word(segment.removeprefix("由"))
    return kind is not None and "会同" not in rest and _marked_units(rest) is not None


def _leading_parts(body: str) -> list[tuple[str, int]]:
    """The comma parts of a sentence, each cut after a role word a 、 follows (X牵头、Y配合,…), with the width
    each takes in ``body`` (its separator included)."""
    out = []
    for segment in bracket_depth_split(body, ",，"):
        pieces = _role_pauses(segment) if "、" in segment else [segment]
        out.extend((piece, len(piece) + 1) for piece in pieces)
    return out


_THAT_IS = ("即",)
# What a text needs for any leading clause: a lead's word, 责任 or 主管 (what _subject_clauses looks for), or a role
# word ending a segment at a comma or where a sentence ends (what _leading_segments looks for). Plain words and a
# group before a class: re skips in C to where one may start (a lookahead after the group would not).
_MAY_LEAD = re.compile("|".join(("负责", *LEAD_WORDS, "承担", "会同", "责任", "主管")))
_ROLE_BEFORE_STOP = re.compile("(?:" + "|".join(map(re.escape, ROLE_ENDINGS)) + ")[,，。；;]")


def leading_clauses(text: str) -> list[Found]:
    """Clauses that open the sentences of ``text`` (unit first, then the work), one per sentence.

    >>> [(f.start, [(u, r.value) for u, r in f.clause.assignments]) for f in leading_clauses(
    ...     "市工商局负责,市农业局配合,严格实施公示制度。")]
    [(0, [('市工商局', 'lead'), ('市农业局', 'cooperating')])]
    >>> [[u for u, _ in f.clause.assignments] for f in leading_clauses("市发改委负责提出节能规划;市规划局、市建设局负责建筑节能。")]
    [['市发改委'], ['市规划局', '市建设局']]
    >>> leading_clauses("加快推进节能工作,市发改委负责。")
    []
    """
    if _HINT.search(text) is None:
        return []
    if _MAY_LEAD.search(text) is None and _ROLE_BEFORE_STOP.search(text) is None and not text.endswith(ROLE_ENDINGS):
        return []  # no sentence opens with a clause here (most texts with a hint: 实施, 落实 inside the work)
    found = []
    start = 0
    for sentence in bracket_depth_split(text, "。；;"):
        lead = sentence.lstrip()
        if lead.startswith(_THAT_IS) and len(lead) > 4:
            lead = lead[1:].lstrip(",，:：")  # 即县水务局牵头,组织开展…: 即 announces the list, it is no name
        skip = len(sentence) - len(lead)
        hinted = bool(lead) and _HINT.search(lead) is not None  # searched once per sentence
        got = _leading_segments(lead) if hinted else None
        if got is not None:
            clause, end = got
            found.append(Found(start + skip, start + skip + end, clause, leading=True))
        elif hinted:
            got_here = _subject_clauses(lead, start + skip) or _named_group(lead, start + skip)
            if len(got_here) == 1:  # 镇安监所负责…,并协同消防部门…: who it works with cooperates
                _with_partners(got_here[0].clause, lead[got_here[0].end - start - skip:])
            found.extend(got_here)
        start += len(sentence) + 1
    if len(found) == 1 and found[0].leading and any(w in text for w in _PARTNER_WORDS):
        # 镇应急办牵头,组织…。针对…,联合市场监管部门检查…: the lead's partner in its later sentences cooperates
        _with_partners(found[0].clause, text[found[0].end:], later=True)
    if found and any(f.clause.role_words for f in found):
        found = _subject_sentences(text, found)
    return found


# 会同 / 协同 and the partner words of the role cues (obligation.partner: 联合) opening a comma part.
_PARTNER_WORDS = ("会同", "协同", *words("obligation.partner"))
_WITH = re.compile(r"[,，]\s*(?:并|同时|主动|积极)?(?:" + "|".join(_PARTNER_WORDS) + ")")
_WITH_LATER = re.compile(r"(?:^|[,，。；;])\s*(?:并|同时|主动|积极)?(?:" + "|".join(_PARTNER_WORDS) + ")")
_PARTNER_GATE = tuple({"同", *_PARTNER_WORDS})


def _with_partners(clause: Clause, rest: str, later: bool = False) -> None:
    """The units a unit-first sentence says its subject works with (…,并协同消防部门依法查处): cooperating.
    ``later``: ``rest`` is the subject's later sentences (X牵头,组织…。针对…,联合Y检查…), a sentence may open with it."""
    m = (_WITH_LATER if later else _WITH).search(rest) if any(w in rest for w in _PARTNER_GATE) else None
    if m is None or not clause.role_words or any(r is not Role.LEAD for _, r in clause.assignments):
        return
    got = opening_units(rest[m.end():], well_formed_units)
    holders = {n for n, _ in clause.assignments}
    clause.assignments.extend((n, Role.COOPERATING) for n in (got[0] if got else ()) if n not in holders)


# What may follow a sentence's subject where no role word does (市交通局、市公安局根据…, 铁路部门应与…).
_CLAUSE_END = "。；;，,、:：)）"
_SUBJECT_NEXT = ("要", "应", "须", "将", "根据", "按照", "依法", "依据", "对", "在", "及时", "会同", "组织", "做好",
                 "加强", "协助", "配合", "参与", "积极", "进一步", "继续", "切实", "认真", "主动", "全力", "督促", "指导",
                 # (r-labels8) a time before the verb (X于每年1月底前报送…, X分季度督查…, X定期通报…)
                 "于", "每", "定期", "分季度", "按季度", "按月", "逐月", "逐季")


def subject_opening(text: str) -> Found | None:
    """The known units ``text`` opens with, followed by a verb or an obligation word (市卫生局要加快…), as a
    clause making them responsible; None for a collective (各乡镇要…: how the plan is run) or no such opening."""
    for got in (opening_units(text, well_formed_units), _level_opening(text), _obliged_opening(text)):
        # then a name the lexicon lacks: with its level, then any before an obligation word
        if got is None:
            continue
        if any(_COLLECTIVE.match(n) for n in got[0]):
            return None
        after = text.find(got[0][-1]) + len(got[0][-1])  # the list read may hold the role word (县气象局配合)
        # the verb after the names, or after the role word the list read swallowed when its object follows
        # (县公安局协助灾区做好…: 协助 is the verb; 县公安局配合。 or 配合, opens no sentence of its own)
        if text[got[1]:].startswith(_SUBJECT_NEXT) or (after < got[1] < len(text) and text[got[1]] not in _CLAUSE_END
                                                       and text[after:].startswith(_SUBJECT_NEXT)):
            role = Role.COOPERATING if duty_role(text[after:]) is Role.COOPERATING else Role.RESPONSIBLE  # X配合做好…
            clause = Clause([(n, role) for n in got[0]])
            if (m := _WITH_PARTNER.match(text, got[1])) \
                    and (partners := opening_units(text[m.end():], well_formed_units)) \
                    and text.startswith(_PARTNER_WORK, m.end() + partners[1]):
                # 铁路部门应与地方政府加强联系和协作: who the subject works with cooperates
                clause.assignments.extend((n, Role.COOPERATING) for n in partners[0] if n not in got[0])
            return Found(0, got[1], clause, leading=True)
    return None


def _level_opening(text: str) -> tuple[list[str], int] | None:
    """A name opening ``text`` with its level, then a word that follows a subject (市甲溪坊要…, 县乙岭舍分季度…):
    the names and where they end, as opening_units gives them, whatever the names end with (:func:`_level_subject`).

    >>> _level_opening("市甲溪坊分季度对重点工程进行督查"), _level_opening("市场主体要依法经营")
    ((['市甲溪坊'], 4), None)
    """
    if not text[:1] or text[0] not in "省市县区州镇乡":
        return None
    for end in range(4, min(len(text), MAX_BRACKET_NAME + 1)):
        if text.startswith(_SUBJECT_NEXT, end) and (names := _level_subject(text[:end])):
            return names, end
    return None


_OBLIGED = re.compile(r"(?:(?<![重主需必只紧首纲])要(?![求点素件])|将|应当|应(?![急用对])|必须|须)")


def _obliged_opening(text: str) -> tuple[list[str], int] | None:
    """Names opening ``text`` whatever they end with, then an obligation word (甲溪坊要加强…, 乙岭舍、丙苑将…):
    the names and where they end; what stands before the word must read as names (:func:`_duty_subject`: no verb,
    no person, no plain thing, no collective).

    >>> _obliged_opening("甲溪坊要加强统筹协调"), _obliged_opening("项目资金要专款专用"), _obliged_opening("要求甲溪坊")
    ((['甲溪坊'], 3), None, None)
    """
    if not text[:1] or _PART_STOP_OR_SPACE.search(text, 0, MAX_BRACKET_NAME) is not None and \
            _PART_STOP_OR_SPACE.search(text, 0, MAX_BRACKET_NAME).start() < 3:
        return None
    m = _OBLIGED.search(text, 3, MAX_BRACKET_NAME + 2)
    if m is None or _PART_STOP_OR_SPACE.search(text, 0, m.start()) is not None:
        return None
    names = _duty_subject(text[:m.start()])
    if not names or any(_DIVISION_END.search(n) for n in names):
        return None  # 桂林市要…: a place told what to do, read as the obligation reader reads it
    return names, m.start()


_PART_STOP_OR_SPACE = re.compile(r"[。；;，,:：)）\s]")


# A subject's partner: 应与 / 要同 / 须与 and units, then the shared work (加强联系, 共同做好, 密切配合).
_WITH_PARTNER = re.compile(r"(?:应当|应|要|须|必须)?(?:主动|积极|密切)?(?:与|同)")
_PARTNER_WORK = ("加强", "共同", "密切", "做好", "建立", "配合", "协作", "协调", "沟通", "联合", "对接", "衔接", "搞好")


def _subject_sentences(text: str, found: list[Found]) -> list[Found]:
    """In a paragraph of unit-first clauses (市卫生局负责…。市交通局、市公安局根据需要…。), the other sentences
    that open with known units followed by a verb or an obligation word are those units' (responsible). A
    collective told what to do (各乡镇、各职能部门要…) is how the plan is run, not a task (docs/evaluation.md)."""
    extra: list[Found] = []
    start = 0
    for sentence in bracket_depth_split(text, "。；;"):
        lead = sentence.lstrip()
        at = start + len(sentence) - len(lead)
        end = start + len(sentence)
        # a sentence no clause touches (one opening it with no width, X会同Y制定…, touches it)
        if lead and not any(f.start < end and max(f.end, f.start + 1) > at for f in found):
            got = subject_opening(lead)
            if got is not None:
                extra.append(Found(at, at + got.end, got.clause, leading=True))
        start += len(sentence) + 1
    return sorted(found + extra, key=lambda f: f.start) if extra else found


# A named part, then 由 and who does it (人员疏散和安置组:由民政、教育等部门牵头,负责…).
_NAMED_BY = re.compile(r"^[^，,。；;:：由]{2,20}[:：]由")


def _named_group(sentence: str, offset: int) -> list[Found]:
    """The 由 clause after a named part of a plan (a working group: X组:由A、B牵头,负责…)."""
    m = _NAMED_BY.match(sentence)
    got = _leading_segments(sentence[m.end() - 1:]) if m else None
    if got is None:
        return []
    clause, end = got
    return [Found(offset, offset + m.end() - 1 + end, clause, leading=True)]


# A unit named before a colon, then its duties one after another (市教育局:负责…;会同…;指导…。).
# (possessive: a shorter run ends on a character of the class, never on the colon, so giving back never helps)
MAX_UNIT_COLON = 24
_UNIT_COLON = re.compile(r"(?P<unit>[\u4e00-\u9fff()（）]{2,%d}+)[:：](?=[^:：])" % MAX_UNIT_COLON)
_DUTY_LEAD = ("负责", "牵头", "会同", "组织")
_MARK_INSIDE = re.compile(r"[(（][一二三四五六七八九十\d]{1,3}[)）]")
# An item's number right before a unit and its colon ((一)县农业局: / 2.县公安局: / 三、县财政局:).
_MARK_BEFORE = re.compile(r"(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|(?<![\d.．])\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)$")


def colon_duties(text: str, per_duty: bool = True) -> list[Found]:
    """Duties listed after a unit and a colon: the unit holds until the 。 that closes its list
    (市发改委:研究提出…;会同市计生委编制…;负责…。市教育局:…). Each duty is a task (unless ``per_duty`` is
    false and the list opens the text: a numbered item that is a unit's block is one task, but for a later duty
    naming who works with the unit, a task of its own). A duty opening with 负责/牵头/会同 makes the unit lead,
    else it is responsible; 会同 names who works with it.

    >>> [(u, r.value) for f in colon_duties("市发改委:研究提出人口规划;会同市卫生局编制计划。") for u, r in f.clause.assignments]
    [('市发改委', 'responsible'), ('市发改委', 'lead'), ('市卫生局', 'cooperating')]
    >>> [[(u, r.value) for u, r in f.clause.assignments]
    ...  for f in colon_duties("市发改委:研究提出人口规划;指导编制规划;负责审核。", per_duty=False)]
    [[('市发改委', 'responsible')]]
    >>> [[(u, r.value) for u, r in f.clause.assignments]
    ...  for f in colon_duties("市发改委:研究提出人口规划;会同市卫生局编制计划。", per_duty=False)]
    [[('市发改委', 'responsible')], [('市发改委', 'lead'), ('市卫生局', 'cooperating')]]
    """
    if "：" not in text and ":" not in text:
        return []
    found: list[Found] = []
    for m in iter_before_colons(_UNIT_COLON, MAX_UNIT_COLON, text):  # tried only before each colon
        unit = m.group("unit")
        if unit.endswith(_LABEL_NOUNS) and (label := LABEL_ANYWHERE.search(text, m.start(), m.end())) is not None \
                and label.end() == m.end():
            continue  # 责任单位: a role label, no unit's name (任单位 only ends like one)
        # the name is the end of what stands before the colon: 职责如下:市发改委: → 市发改委
        # an item's number inside (职责分工(一)农业部门:): the name starts after it
        skip = max((mark.end() for mark in _MARK_INSIDE.finditer(unit)), default=0) if "(" in unit or "（" in unit else 0
        names = [unit[k:] for k in range(skip, len(unit) - 1)
                 if is_unit_name(unit[k:]) and not _NOT_A_NAME.match(unit[k:]) and not _ITEM_MARK.match(unit[k:])
                 and unit[k:].count("(") + unit[k:].count("（") == unit[k:].count(")") + unit[k:].count("）")]
        if not names and (m.start() == 0 or text[m.start() - 1] in "。；;:：") and _level_subject(unit[skip:]):
            names = [unit[skip:]]  # (一)区甲溪坊:负责…: a name opening with its level heads its duties, whatever it ends with
            # (r-slots2) the first after the colon introducing them too (各单位职责如下:市甲坊:研究…)
        if not names or m.start() > 0 and text[m.start() - 1] not in "。；;:：" and names[0] == unit:
            continue
        name = names[0]
        start = m.end()
        end = text.find("。", start)
        end = len(text) if end < 0 else end
        at = start
        duties = []
        for duty in bracket_depth_split(text[start:end], "；;"):
            if len(duty.strip()) >= 4:
                duties.append((at, duty))
            at += len(duty) + 1
        begin = m.end("unit") - len(name)
        if len(duties) < 2 and not (duties and _MARK_BEFORE.search(text, max(0, begin - 6), begin)):
            continue  # one duty: a unit's block only as a numbered item's ((二)县公安局:对…。), else a colon in prose
        if per_duty or begin > 0:
            for at, duty in duties:
                found.append(Found(at, at + len(duty), Clause(_duty_assignments(name, [duty]), role_words=True),
                                   leading=True))
        else:
            # (r-slots2) a later duty naming who works with the unit (…;会同Y制定…) carries its own clause: a task
            # of its own, the unit leading it (docs/evaluation.md: each sentence of an item with its own clause)
            own = [(at, d) for at, d in duties[1:] if _DUTY_PARTNERS.match(d.lstrip()) and _duty_partners(d)]
            clause = Clause(_duty_assignments(name, [d for at, d in duties if (at, d) not in own]), role_words=True)
            found.append(Found(begin, m.end(), clause, leading=True))
            for at, duty in own:
                found.append(Found(at, at + len(duty), Clause(_duty_assignments(name, [duty]), role_words=True),
                                   leading=True))
    return found


def _duty_assignments(name: str, duties: list[str]) -> list[tuple[str, Role]]:
    """The unit of a list of duties, lead when the first opens with 负责/牵头/会同; 会同 names who works with it."""
    # 配合/协助… (after 依据职责 or not) makes it cooperate (duty_role); 协同Y… names a partner (Y), as 会同 does (E03)
    role = Role.LEAD if duties[0].startswith(_DUTY_LEAD) else Role.RESPONSIBLE if duties[0].lstrip().startswith(
        "协同") else duty_role(duties[0])
    assignments = [(name, role)]
    for duty in duties:
        assignments += [(n, Role.COOPERATING) for n in _duty_partners(duty) if (n, Role.COOPERATING) not in assignments]
    return assignments


def _duty_partners(duty: str) -> list[str]:
    """Who a duty names as working with its unit: 会同Y… (or 负责会同Y…), the names opening the work.

    >>> _duty_partners("会同市卫生局编制计划"), _duty_partners("负责会同公安、城管部门查处违法行为"), _duty_partners("负责查处")
    (['市卫生局'], ['公安、城管部门'], [])
    >>> _duty_partners("会同市甲溪坊编制计划"), _duty_partners("会同乙岭苑等部门制定目录"), _duty_partners("负责会同丙溪舍查处违法行为")
    (['市甲溪坊'], ['乙岭苑'], ['丙溪舍'])
    """
    if "会同" not in duty or (m := _DUTY_PARTNERS.match(duty.lstrip())) is None:
        return []
    rest = duty.lstrip()[m.end():]
    part = re.split(r"[,，]|编制|制定|做好|开展|研究|负责|共同", rest, maxsplit=1)[0]
    with_ = _units(part)
    if with_ is None and (opening := opening_units(rest, well_formed_units)):
        with_ = opening[0]  # 负责会同公安、城管部门查处…: the names opening the work, whatever verb follows
        if (cut := _work_opening(rest)) and cut < opening[1] and any(
                rest.startswith(w, cut) and cut + len(w) == opening[1] for w in _WORK_OPENINGS) \
                and (framed := _framed_names(rest[:cut])):
            with_ = framed  # 会同乙岭舍查处…: a verb ending like an office (查处) read into the name, left out
    if with_ is None:
        with_ = _level_subject(strip_noise(part))  # (r-slots2) 会同市甲坊编制…: names opening with their level
    if with_ is None and (cut := _work_opening(rest)) and not _unnamed_partner().fullmatch(rest[:cut]):
        with_ = _framed_names(rest[:cut])  # 负责会同乙岭舍查处…: 会同 marks the slot, the work's verb ends it
    if with_ is None and "等" in part and strip_noise(part) != part and not _COLLECTIVE.match(strip_noise(part)):
        with_ = slot_names(part)  # (r-slots2) 会同应急管理等部门制定…: 等部门 closes the partners' list, each kept as printed
    return with_ or []


# A duty naming who works with the unit: 会同Y…, or after the lead's word (负责会同Y…, 牵头会同Y…).
_DUTY_PARTNERS = re.compile(r"^(?:负责|牵头|主动|积极)?会同")


# A sentence that is nothing but unit names (县环保局。 / 县交通局、公路局。), or such names before a colon
# that opens a sentence (区委办:负责…): the names head the sentences that follow, up to the next head.
_HEAD_COLON = re.compile(r"^(?P<units>[^，,。；;:：]{2,40}?)[:：]")
# What follows the addressees of a notice (各科室、各企事业单位:为做好…), not a unit's duties.
_NOTICE_OPENING = re.compile(r"^(?:为|根据|(?:按照|依据)(?!职能|职责|各自|分工)|现将|经|近日|日前|今年|《)")
MAX_HEAD = 40
# (two patterns, the text's start matched apart: a searched pattern opening with one of a few characters is skipped
# to them in C, one opening with an alternation that may match anywhere is tried at every character)
_HEAD_HINT_AT_START = re.compile(r"\s*[^。，,；;：:\d]{2,40}[。:：]")
_HEAD_HINT = re.compile(r"[。；;:：]\s*[^。，,；;：:\d]{2,40}[。:：]")
_ITEM_MARK = re.compile(r"^[(（][一二三四五六七八九十\d]{1,3}[)）]")
_NOT_BARE = re.compile(r"[。，,；;：:\d]")  # punctuation inside, or a count (新建公办幼儿园2所): no list of names


def bare_units(text: str) -> list[str] | None:
    """The names of a text that is nothing but a list of unit names (the lexicon decides: no cue says so).

    >>> bare_units("县交通局、公路局。"), bare_units("部门职责"), bare_units("市发改委牵头")
    (['县交通局', '公路局'], None, None)
    """
    text = text.strip().rstrip("。:：")
    if text[:1] in "(（":
        text = _ITEM_MARK.sub("", text, count=1)  # (二)公安部门: the number is no part of it
    if not text or len(text) > MAX_HEAD or _NOT_BARE.search(text) or may_hold_role_words(text):
        return None
    names = split_units(text)
    if not names or not all(_NAME_CHARS.match(n.replace("、", "")) and not NOT_NAME_START.match(n) and _plausible(n)
                            for n in names):
        return None
    return names


# What the duties under a unit heading open with where the lexicon does not know the unit (甲溪坊:负责…): a role
# word (负责, 负总责, the lead words), not the verbs that open an item's body too (统筹, 组织, 管理).
_HEAD_DUTY = ("负总责", "负责", *LEAD_WORDS)


def _head_names(text: str) -> list[str] | None:
    """The names of a unit heading that opens an item whose duties open with a duty word (role cues
    duty.opening: 甲溪坊:负责…): the heading and the duty word mark the slot, the lexicon does not decide; the
    names must be shaped as names (:func:`_bracket_slot`), no heading's words (主要职责, 工作任务: slot.no-unit).

    >>> _head_names("甲溪坊"), _head_names("主要职责"), _head_names("加强组织领导")
    (['甲溪坊'], None, None)
    """
    text = text.strip()
    if not text or len(text) > MAX_HEAD or _NOT_BARE.search(text) or may_hold_role_words(text):
        return None
    return _marked_units(text)


def opens_duty(text: str) -> bool:
    """Whether ``text`` opens with a word that opens a unit's duties (role cues, section duty.opening)."""
    return text.lstrip().startswith(_duty_openings())


@lru_cache(maxsize=1)
def _duty_openings() -> tuple[str, ...]:
    return tuple(words("duty.opening"))


# What may open a duty before its verb: 依据职责协助…, 按照职能分工配合…
_BY_REMIT = re.compile(r"^(?:(?:依据|按照|根据|依照)(?:各自)?(?:职责|职能)(?:分工)?|依法)[,，]?")


def duty_role(duty: str) -> Role:
    """The role of a unit whose duty is ``duty``: lead when the duty opens with 负责/牵头/会同, cooperating when
    it opens with a cooperating word (依据职责协助相关部门…: role cues word.cooperating), else responsible.

    >>> duty_role("负责查处"), duty_role("依据职责协助相关部门处理"), duty_role("配合做好宣传"), duty_role("做好宣传")
    (<Role.LEAD: 'lead'>, <Role.COOPERATING: 'cooperating'>, <Role.COOPERATING: 'cooperating'>, <Role.RESPONSIBLE: 'responsible'>)
    """
    duty = duty.lstrip()
    if duty.startswith(_DUTY_LEAD[:3] + tuple(LEAD_WORDS)):
        return Role.LEAD
    if _BY_REMIT.sub("", duty, count=1).startswith(_cooperating_words()):
        return Role.COOPERATING
    return Role.RESPONSIBLE


@lru_cache(maxsize=1)
def _cooperating_words() -> tuple[str, ...]:
    return tuple(words("word.cooperating"))


def unit_blocks(text: str, per_duty: bool = True, shaped: bool = False) -> list[Found]:
    """Units named as a sentence of their own (or before a colon), each heading the duties printed after it:
    县环保局。负责统一监督。加强执法检查。县农委。负责秸秆综合利用;负责技术推广。 A unit's duties cut by
    semicolons are one task each (unless ``per_duty`` is false and the unit opens the text: a numbered item
    that is a unit's block is one task), the sentences after them stay with the last. ``shaped``: the caller's
    layout says the name before a colon opening the text heads its duties (prose: parallel unit headings), so a
    name shaped as one needs no duty word after it.

    >>> [(f.start, [(u, r.value) for u, r in f.clause.assignments]) for f in unit_blocks(
    ...     "职责如下:县环保局。负责统一监督。加强执法检查。县交通局、公路局。对公路两侧巡查。")]
    [(10, [('县环保局', 'lead')]), (33, [('县交通局', 'responsible'), ('公路局', 'responsible')])]
    """
    if _HEAD_HINT_AT_START.match(text) is None and _HEAD_HINT.search(text) is None:
        return []  # no sentence short enough and bare enough to be a name before a 。 or a colon
    heads: list[tuple[int, int, list[str]]] = []  # start, end of the head, names
    at = 0
    sentences = bracket_depth_split(text, "。")
    for k, sentence in enumerate(sentences):
        lead = sentence.lstrip()
        begin = at + len(sentence) - len(lead)
        for piece_at, piece in _after_colons(lead):
            names = bare_units(piece) if k < len(sentences) - 1 and len(piece) <= MAX_HEAD else None
            if names is None and shaped and k == 0 and piece_at == 0 and begin == 0 and k < len(sentences) - 1 \
                    and len(piece) <= MAX_HEAD:
                names = _head_names(piece)  # 县甲溪坊。…: opening the item, the caller's layout saying it is a head
            elif names is None and (piece_at or heads or k > 0 or begin == 0) and k < len(sentences) - 1 \
                    and len(piece) <= MAX_HEAD and sentences[k + 1].lstrip().startswith(_HEAD_DUTY):
                names = _level_subject(piece)  # 县甲溪坊。负责…: opening the item, its duties opening with 负责;
                # (r-slots2) or after another head or a colon (职责如下:县甲溪坊。负责…。县乙岭舍。负责…), and
                # (r-prose8) inside the text (…。县乙岭舍。负责…)
            if names:
                heads.append((begin + piece_at, at + len(sentence) + 1, names))
                break
            m = _HEAD_COLON.match(piece) if ":" in piece or "：" in piece else None
            names = bare_units(m.group("units")) if m and match_label(piece) is None else None
            if names is None and m and begin + piece_at == 0 and (shaped or piece[m.end():].lstrip().startswith(_HEAD_DUTY)) \
                    and match_label(piece) is None:
                names = _head_names(m.group("units"))  # 甲溪坊:负责…: the same, before a colon
            elif names is None and m and begin + piece_at == 0 and match_label(piece) is None:
                names = _level_subject(m.group("units"))  # (r-slots2) 市甲溪坊:做好…: a level's body opening the
                # text, its colon heading what follows (a lone head still needs a sentence of work: _named_head)
            if names and len(piece) - m.end() >= 4 and (shaped or not _NOTICE_OPENING.match(piece[m.end():])) \
                    and not piece[m.end():].lstrip().startswith("|"):  # 发布单位:|市政府办公厅|: a metadata cell
                heads.append((begin + piece_at, begin + piece_at + m.end(), names))
                break
        at += len(sentence) + 1
    found = []
    for k, (start, end, names) in enumerate(heads):
        stop = heads[k + 1][0] if k + 1 < len(heads) else len(text)
        duty = text[end:stop].strip()
        # a lone head needs a duty word after it, unless it is 'unit:' opening a numbered item (5.公安局:实施…)
        item_head = start == 0 and text[end - 1:end] in ":：" and (not per_duty or shaped or _named_head(names, duty))
        if len(duty) < 4 or bare_units(duty) or len(heads) == 1 and not opens_duty(duty) and not item_head:
            continue
        parts = _duty_parts(text, end, stop) if per_duty or start > 0 else []
        if len(parts) < 2 and per_duty and text[end - 1:end] in ":：":
            parts = _duty_sentences(text, end, stop)  # 市卫生局:做好…。协助…。解决好…。: a duty per sentence
        if len(parts) < 2:
            role = duty_role(duty)
            # a head inside the text (…。县广电局。负责…): its duty's text starts after it, as each duty's does below
            found.append(Found(start if start == 0 else end, end, Clause(
                [(n, role) for n in names] + _partners_of(duty, names), role_words=True), leading=True))
            continue
        for at, part in parts:  # 县农委。负责…督导;负责…推广: one task per duty
            found.append(Found(at, at, Clause([(n, duty_role(part)) for n in names] + _partners_of(part, names),
                                              role_words=True), leading=True))
    return found


def _partners_of(duty: str, names: list[str]) -> list[tuple[str, Role]]:
    """The units a duty of ``names`` names after 会同 (负责会同公安、城管部门查处…), cooperating."""
    return [(n, Role.COOPERATING) for n in _duty_partners(duty) if n not in names] if "会同" in duty else []


def _named_head(names: list[str], duty: str) -> bool:
    """A paragraph opening with names the lexicon knows (or a level's bodies named whole: 市甲溪坊) and a colon,
    then a sentence of work (市委宣传部:把爱国卫生工作纳入…): the unit's duties, without a duty word."""
    return len(duty) >= 8 and all(is_unit_name(n) or _level_body(n) for n in names) and not _NOTICE_OPENING.match(duty)


def _duty_parts(text: str, start: int, stop: int) -> list[tuple[int, str]]:
    """The duties of ``text[start:stop]`` cut at the semicolons of its first sentence (where each is a duty)."""
    first_end = text.find("。", start, stop)
    return _pieces(text, start, stop if first_end < 0 else first_end, "；;")


def _duty_sentences(text: str, start: int, stop: int) -> list[tuple[int, str]]:
    """The duties of ``text[start:stop]`` one per sentence (a unit and a colon, then sentences of work)."""
    return _pieces(text, start, stop, "。")


def _pieces(text: str, start: int, stop: int, separators: str) -> list[tuple[int, str]]:
    """(offset, piece) of ``text[start:stop]`` cut at ``separators`` outside brackets, pieces of 4+ characters."""
    parts: list[tuple[int, str]] = []
    at = start
    for piece in bracket_depth_split(text[start:stop], separators):
        if len(piece.strip()) >= 4:
            parts.append((at + len(piece) - len(piece.lstrip()), piece.strip()))
        at += len(piece) + 1
    return parts


_INTRODUCTION = re.compile(r"^[^，,；;:：]{2,30}?(?:如下|分工|职责)[:：]")


def _after_colons(sentence: str) -> list[tuple[int, str]]:
    """The sentence, or its rest after a colon that ends an introduction (职责如下:区委办:…)."""
    m = _INTRODUCTION.match(sentence) if ":" in sentence or "：" in sentence else None
    return [(m.end(), sentence[m.end():])] if m else [(0, sentence)]


_SUBJECT_WORDS = ("负责", *LEAD_WORDS, "承担", "会同")  # the lead's words: role cues word.lead (牵头, 主办, 主责)
_SUBJECT_WORD = re.compile("|".join(_SUBJECT_WORDS))  # one search in C, not a generator over the words
_SUBJECT_IS = re.compile(r"(?:由)?(?P<units>[^，,。；;:：为是]{2,40}?)(?:作为|为|是)[^，,。；;]{2,60}[，,]")


def _as_role(units: str) -> str:
    """The subject before the role it is named in (市甲局作为全市招商牵头部门 -> 市甲局; 县乙办是负责…的机构 -> 县乙办):
    作为 or a closing 是 says what the units are, never a part of their name.

    >>> _as_role("市甲局作为全市招商"), _as_role("县乙办是"), _as_role("县丙局")
    ('市甲局', '县乙办', '县丙局')
    """
    if "作为" in units and (at := units.find("作为")) >= 2:
        return units[:at]
    return units[:-1] if units.endswith("是") and len(units) > 2 else units


def _subject_clauses(sentence: str, offset: int) -> list[Found]:
    """Unit, then 负责 and the work, at the start of the sentence or of a part after a comma or colon:
    市发改委负责提出节能规划; 根据…,X、Y将负责支持…; 具体为:A负责甲镇,B负责乙镇."""
    found: list[Found] = []
    at = 0
    if _SUBJECT_WORD.search(sentence) is None:
        return _bearers(sentence, offset) if "责任" in sentence or "主管" in sentence else found
    m = _SUBJECT_IS.match(sentence)
    if m and (names := _units(m.group("units"))):  # 镇规建办为…主管部门,负责推进…: the subject, then its duty
        rest = sentence[m.end():]
        if any(part.startswith(_SUBJECT_WORDS) for part in bracket_depth_split(rest, ",，")):
            return [Found(offset, offset + m.end("units"), Clause([(n, Role.LEAD) for n in names], role_words=True),
                          leading=True)]
    plain = places = 0  # comma parts opening with units and 负责; of those, parts whose work is places only
    for segment in bracket_depth_split(sentence, ",，:："):
        if found and segment.endswith(_COOPERATING_ENDINGS) and (helping := parse_clause(segment)) is not None \
                and helping.role_words and all(r is Role.COOPERATING for _, r in helping.assignments):
            # …由县公安局负责牵头管理,县交通局协管: who helps the clause before, in a part of its own
            held = {n for n, _ in found[-1].clause.assignments}
            found[-1].clause.assignments.extend(a for a in helping.assignments if a[0] not in held)
            at += len(segment) + 1
            continue
        if at > 0 and not found and segment.startswith("由") and (got := _leading_segments(sentence[at:])) \
                and got[1] > len(segment):
            # …,由X牵头负责,Y等单位配合: the clause opens the rest of the sentence and runs over its commas
            clause, end = got
            found.append(Found(offset + at, offset + at + end, clause, leading=True))
            break
        piece = segment[1:] if segment.startswith("由") else segment
        m = _SUBJECT_DUTY.match(piece) if _SUBJECT_WORD.search(piece) is not None else None
        subject = _as_role(m.group("units")) if m else ""
        names = (_units(subject) or _listed_departments(subject) or _level_subject(subject)
                 or _duty_subject(subject)) if m else None
        together = _together(subject) if m and names is None and "会同" in subject else None
        if names or together:
            begin = offset + at + (len(segment) - len(piece))
            clause = Clause(together or [(n, Role.LEAD) for n in names], role_words=True)
            # …的,由X负责…: the first clause of a sentence that hands the work on (由) has its text from the
            # sentence's start (the case it is for), as the 由 slots below have
            found.append(Found(offset if segment.startswith("由") and not found else begin, begin + m.start("rest"),
                               clause, leading=True))
            if names and not segment.startswith("由") and piece.startswith(names[0]):  # the part opens with them
                plain += 1
                places += bool(_AREAS.fullmatch(m.group("rest")))
        elif "会同" in piece and (together := _together(piece, open_end=True)):
            # 市发改委会同市财政局制定实施细则; …的激励机制,实施办法由省财政厅会同省金融办制定: the first clause of a
            # sentence that hands the work on (由) has its text from the sentence's start
            begin = offset + at + (len(segment) - len(piece)) if found or "由" not in segment else offset
            found.append(Found(begin, begin, Clause(together, role_words=True), leading=True))
        elif "由" in segment and (by := _BY_SLOT.search(segment)) and (names := slot_names(by.group("units"))):
            # 其中在筹划阶段由街镇负责方案编制: 由 and 负责 make a slot, a name the lexicon lacks is kept
            begin = offset + at if found else offset  # the first clause of a sentence: its text from the start
            found.append(Found(begin, offset + at + by.end(), Clause([(n, Role.LEAD) for n in names], role_words=True),
                               leading=True))
        elif found and segment.startswith("由") and (by := opening_units(segment[1:], well_formed_units)) \
                and segment.startswith(_CARRIED_OUT, segment.find(by[0][-1]) + len(by[0][-1])):
            # 市交通局负责…,由市交通局和县、区人民政府具体落实: who carries the work out, beside its lead (responsible;
            # the list read may hold the role word, so the work is looked for after its last name)
            have = {n for n, _ in found[-1].clause.assignments}
            found[-1].clause.assignments.extend((n, Role.RESPONSIBLE) for n in by[0] if n not in have)
        elif at > 0 and not found and segment.startswith("由") and (got := _leading_segments(sentence[at:])):
            # …,曲道凯要求,由X牵头,Y配合,在9月底前完成…: the clause opens the rest of the sentence, its task
            clause, end = got
            found.append(Found(offset + at, offset + at + end, clause, leading=True))
            break
        at += len(segment) + 1
    if plain > 1 and plain == len(found) and not places:
        # 市公安局负责A,市交通局负责B,市城管局负责C。: one sentence shared out among its units is one task (the
        # sentence from its start), every unit in its role; a sentence sharing out places (分片包干: A负责甲镇,
        # B负责乙镇) keeps one task per part
        merged = Clause([a for f in found for a in f.clause.assignments], role_words=True)
        return [Found(offset, found[0].end, merged, leading=True)]
    if found and found[0].start > offset and "由" not in _part_at(sentence, found[0].start - offset, found[0].end - offset) \
            and (first := subject_opening(sentence)) is not None and first.end < found[0].start - offset:
        # 市环保部门对全市…实施统一监督管理,各区环保部门负责本辖区…: the part before the clause opens with its own
        # subject (units, then a verb or an obligation word): a clause of its own (responsible)
        found.insert(0, Found(offset, offset + first.end, first.clause, leading=True))
    if not found and ("责任" in sentence or "主管" in sentence):
        return _bearers(sentence, offset)  # 各村是…责任主体,村主要负责人是第一责任人: 负责 in a person's title
    return found


def _duty_subject(subject: str) -> list[str] | None:
    """The names opening a part before its duty word (甲溪坊负责统筹…, 乙岭舍、丙苑牵头负责…) when the lexicon
    knows none of them: 负责 or 牵头 right after the part's opening marks the slot, whatever the names end with;
    a subject with a verb or 的 inside (联合办理的督办事项), a person (局长), a collective or a plain thing (项目,
    资金, 群众) is none.

    >>> _duty_subject("甲溪坊"), _duty_subject("两个部门联合办理的事项"), _duty_subject("项目资金"), _duty_subject("副局长")
    (['甲溪坊'], None, None, None)
    """
    if "会同" in subject or "、" not in subject and len(subject) > MAX_SLOT_NAME:
        return None
    names = _framed_names(subject)
    if not names or any(len(n) > MAX_BRACKET_NAME or _VERB_INSIDE.search(n) or _person(n) or PERSON_TITLE.search(n)
                        or names_sector(n) or _JOINED.search(n) or "等" in n or not "\u4e00" <= n[0] <= "\u9fff"
                        for n in names):
        return None  # 省财政负责补贴: a sector bare, the money; 甲和乙, 甲等: names joined, read where known
    return names


# Places a unit answers for (分片包干: 县公安消防大队负责甸中镇、化念镇): towns, townships, subdistricts, villages.
_AREA = r"[\u4e00-\u9fff]{1,8}?(?:镇|乡|街道|街道办事处|村|社区|片区)"
_AREAS = re.compile(f"{_AREA}(?:、{_AREA})*")
_COOPERATING_ENDINGS = tuple(COOPERATING_WORDS)  # what a part naming who helps ends with (县交通局协管)


# A unit said to be the bearer of a responsibility (市直行业主管部门是市级项目的责任主体, 各村是禁烧工作责任主体,
# 县水利局为河道管理的主管部门): the unit answers for that field (responsible).
_BEARER = re.compile(r"(?P<units>[^，,。；;:：为是]{2,40}?)(?:是|为|作为)[^，,。；;:：]{0,40}?"
                     r"(?:责任主体|第一责任单位|主体责任单位|主管部门|监管部门|主管单位)(?=$|[，,])")


def _bearers(sentence: str, offset: int) -> list[Found]:
    """The comma parts of ``sentence`` that say a unit bears a field's responsibility, each a clause (responsible),
    when the sentence opens with one (市直行业主管部门是市级项目的责任主体,县区政府是县区级项目的责任主体)."""
    found: list[Found] = []
    at = 0
    for segment in bracket_depth_split(sentence, ",，"):
        m = _BEARER.match(segment)
        names = _units(m.group("units")) if m else None
        if m and names and not any(_ROLE_NAMED.search(n) for n in names):
            found.append(Found(offset + at, offset + at + m.end("units"),
                               Clause([(n, Role.RESPONSIBLE) for n in names], role_words=True), leading=True))
        elif not found and not (at == 0 and segment.startswith(("按照", "根据", "依据", "依照"))):
            return found  # the sentence opens with its bearer, or a basis then the bearer (按照…的原则,各村是…):
            # …,X为责任主体 later in a sentence describes a set-up
        at += len(segment) + 1
    return found


_ROLE_NAMED = re.compile(r"牵头|责任|配合|协同|协办|参与|主责")  # 各责任主体: named by its role in the plan


_CARRIED_OUT = ("具体落实", "具体实施", "组织实施", "具体承办", "负责落实")


def _part_at(sentence: str, start: int, end: int) -> str:
    """The comma part of ``sentence`` that holds ``sentence[start:end]``, from its comma on."""
    return sentence[max(sentence.rfind(",", 0, start), sentence.rfind("，", 0, start)) + 1:end]


# 由 X 负责/牵头 inside a part of a sentence: a role slot (X may be a name the lexicon does not know).
_BY_SLOT = re.compile(r"(?<!自)由(?P<units>[^，,。；;:：由“”\"]{2,30}?)(?:具体|统一|共同|分别|全面)?(?:负责(?!人|同志)|牵头)"
                      r"(?=[^，,。；;]{2,})")


# A list closed by 等…部门 (区交通、生态环境、水务等相关部门): the tail says the names are departments.
_LEVEL_OPENING = re.compile(r"^[省市县区州][\u4e00-\u9fff]{2,}")
_DEPARTMENTS_TAIL = re.compile(r"^(?P<list>[^，,。；;:：]{2,80}?)等[^等，,。；;]{0,24}?(?:部门|单位|机构)$")


def _listed_departments(text: str) -> list[str] | None:
    """The names of a list that a 等…部门 tail closes, as a slot (sector names the lexicon lacks are kept, as one
    shared-suffix list).

    >>> _listed_departments("区交通、生态环境、水务等市政设施相关部门")
    ['区交通、生态环境、水务']
    >>> _listed_departments("县教育局、卫生局等行业主管部门")
    ['县教育局', '卫生局']
    >>> _listed_departments("加强监管等工作") is None
    True
    >>> _listed_departments("市发改委、各县区发改、财政等部门")  # whole names before the sectors stay apart
    ['市发改委', '各县区发改、财政']
    >>> _listed_departments("市青禾坊、市远山舍等部门")  # each with its own level: whole names the lexicon lacks
    ['市青禾坊', '市远山舍']
    """
    m = _DEPARTMENTS_TAIL.match(text)
    if m is None or "、" not in m.group("list"):
        return None
    names = slot_names(m.group("list"))
    if names is None or all(is_unit_name(n) for n in names):
        return names
    whole = 0
    while is_unit_name(names[whole]):
        whole += 1
    if len(names) - whole < 2 or all(_LEVEL_OPENING.match(n) for n in names[whole:]) \
            or not any(names_sector(n) for n in names[whole:]):
        return names  # 市甲坊、市乙舍等部门: each opens with its own level, a whole name (sectors share the first's);
        # (r-slots2) 省甲苑、乙斋坊、丙琮庐等部门: no sector among them (role cues name.sector), whole names
    # sectors sharing 区 and 部门: one name as printed (the guideline's shared-suffix list)
    return names[:whole] + ["、".join(names[whole:])]


_CLOSED_LIST = re.compile(r"(?P<list>[^，,。；;:：等]{2,120}?)等(?:有关|相关|其他)?(?:部门|单位|机构)")


def _together(text: str, open_end: bool = False) -> list[tuple[str, Role]] | None:
    """X会同Y (before 负责, or, with ``open_end``, before the work itself: 市发改委会同市财政局制定…): X leads
    and Y works with it. 会同 marks both slots: a name the lexicon lacks is read there too (:func:`_framed_names`),
    Y's end then being where the work opens (:func:`_work_opening`) when no role word closes it.

    >>> _together("甲溪坊要会同乙岭舍对相关工作进行督导", open_end=True)
    [('甲溪坊', <Role.LEAD: 'lead'>), ('乙岭舍', <Role.COOPERATING: 'cooperating'>)]
    >>> _together("丙松苑会同丁溪斋", open_end=False)
    [('丙松苑', <Role.LEAD: 'lead'>), ('丁溪斋', <Role.COOPERATING: 'cooperating'>)]
    >>> _together("项目资金要会同乙岭舍统筹安排", open_end=True), _together("各地要会同乙岭舍做好", open_end=True)
    (None, None)
    """
    head, _, rest = text.partition("会同")
    leads = well_formed_units(head) if len(head) >= 2 else None
    if not leads:
        leads = _framed_names(_OBLIGATION_TAIL.sub("", head, count=1))
        if not leads or _unnamed_partner().match(rest):
            return None  # (X要会同有关部门…: no partner named, the sentence left to the obligation reading)
    if open_end:
        # 会同A、B、C…等部门研究…: 等部门 closes a list of whole names longer than a scan reads (sectors sharing a
        # suffix, 编制、财政…人社、…妇联等单位, are no such list)
        closed = _CLOSED_LIST.match(rest)
        names = well_formed_units(closed.group("list")) if closed else None
        found = (names, 0) if names and not any("、" in n for n in names) else opening_units(rest, well_formed_units)
        partners = found[0] if found and not any("、" in n for n in found[0]) else None  # sectors: no partner list
    else:
        partners = _units(rest) or _framed_names(rest)
    if not partners and open_end and (cut := _work_opening(rest)):
        partners = _framed_names(rest[:cut])  # 市发改委会同乙岭舍制定…: a partner the lexicon lacks
    if not partners:
        return None
    return [(n, Role.LEAD) for n in leads] + [(n, Role.COOPERATING) for n in partners if n not in leads]


# An obligation word (and a manner) between a subject and 会同 (X要会同Y, X还应主动会同Y): no part of X's name.
_OBLIGATION_TAIL = re.compile(r"(?:还|也|并)?(?:要|应当|应|须|必须|将)?(?:主动|积极|负责)?$")


@lru_cache(maxsize=1)
def _no_unit_ending() -> re.Pattern:
    """What a name a frame marks may not end with: a kind of actor (role cues ``slot.no-unit``: 群众, 市场), a
    heading's word (工作, 任务), a plan's part (项目, 制度) or a plain thing (``subject.plain``: 资金, 政策) -
    ordinary subjects of a sentence, never units."""
    return re.compile("(?:" + "|".join(alternation(section) for section in (
        "slot.no-unit", "head.plan-part", "subject.plain")) + ")$")


MAX_FRAMED_LIST = 120  # a list of names a frame marks (甲坊、乙苑、…将负责…: a dozen names or so)


def _framed_names(text: str) -> list[str] | None:
    """The names a frame (X会同Y, 由X委托Y) marks in ``text``, known or not: a slot's names (:func:`slot_names`)
    of three characters or more each, no collective (各地: how the plan is run, read elsewhere) and no ordinary
    subject (工作, 项目, 群众).

    >>> _framed_names("甲溪坊、县乙岭舍"), _framed_names("项目资金"), _framed_names("各地"), _framed_names("有关部门")
    (['甲溪坊', '县乙岭舍'], None, None, None)
    >>> _framed_names("甲区、乙区和丙地区管委会") is None, _framed_names("履行好")
    (True, None)
    """
    if len(text) < 3 or len(text) > MAX_FRAMED_LIST or "、" not in text and len(text) > MAX_SLOT_NAME:
        return None
    names = slot_names(text)
    if not names or not strip_noise(text).endswith(names[-1]) or any(len(n) < 3 or n[-1] in _COMPLEMENTS
                                                                        or _COLLECTIVE.match(n) or _TWO_LEVELS.match(n)
                                                                        or _NOT_A_BODY.match(n) or _no_unit_ending().search(n) or _holds_work(n)
                        or _unnamed_partner().fullmatch(n) or _ROLE_WORD.search(n)
                        or _joins_names(n) for n in names):
        return None
    return names


_JOINED = re.compile("[和及与]")
_COMPLEMENTS = frozenset("好起到了着过紧牢细严足")  # 履行好, 肩负起: a verb's complement ends no name


def _holds_work(name: str) -> bool:
    """Whether a verb or an obligation word opens ``name`` or stands in it (高校要成立专门, 确定专人, 决定对我市):
    a sentence's words, no name.

    >>> _holds_work("高校要成立专门"), _holds_work("确定专人"), _holds_work("甲溪坊")
    (True, True, False)
    """
    return any(name.startswith(_WORK_OPENINGS, k) for k in range(len(name) - 1))


def _joins_names(name: str) -> bool:
    """Whether 和, 及 or 与 in ``name`` joins two names (乙区和丙地区管委会: a whole name before it), not split
    here; in 住房和城乡建设局 it is part of the name.

    >>> _joins_names("乙区和丙地区管委会"), _joins_names("住房和城乡建设局"), _joins_names("甲溪坊")
    (True, False, False)
    """
    if _JOINED.search(name) is None:
        return False
    return any(is_unit_name(last := part.rsplit("、", 1)[-1]) or _DIVISION_END.search(last) is not None
               for part in _JOINED.split(name)[:-1] if len(part) >= 2)


def _work_opening_words() -> tuple[str, ...]:
    """What opens the work after a partner's name (会同Y对…, 会同Y按照…, 会同Y研究…): a subject's next words,
    the verbs that open no name, and role cues ``partner.work``."""
    return _WORK_OPENINGS


_WORK_OPENINGS = tuple(dict.fromkeys((*_SUBJECT_NEXT, *words("partner.work"), *(
    w for w in NOT_NAME_START.pattern.removeprefix("^(?:").removesuffix(")").split("|") if "(" not in w))))


_PART_STOP = "。；;，,:：)）"


def _work_opening(rest: str) -> int | None:
    """Where the work opens after the names that start ``rest`` (乙岭舍对相关工作进行督导 -> 3), within a
    name's room and before any stop; None when none does.

    >>> _work_opening("乙岭舍对相关工作进行督导"), _work_opening("乙岭舍、丙苑研究制定方案"), _work_opening("乙岭舍。")
    (3, 6, None)
    """
    for k in range(2, min(len(rest), MAX_SLOT_NAME + 1)):
        if rest[k] in _PART_STOP:
            return None
        if rest.startswith(_WORK_OPENINGS, k):
            return k
    return None


def bracket_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of every top-level bracket group; an unclosed group at the end is left out.

    >>> bracket_groups("做好A(市X牵头)。做B〔责任单位:Y〕")
    [(3, 9), (12, 20)]
    """
    groups = []
    stack: list[int] = []
    for m in _BRACKET.finditer(text):  # only the brackets, not every character
        i = m.start()
        if m.group() in OPENERS:
            stack.append(i)
        elif stack:
            start = stack.pop()
            if not stack:
                groups.append((start, i + 1))
    return groups


_SENTENCE_END = "。；;！!？?"
# Words every clause with a role word or a label holds one of (a quick test before the grammar).
# (a label noun and its colon spelt out one by one: plain words keep re's fast scan for them, a group would not)
_HINT = re.compile("|".join(ROLE_WORDS) + r"|会同|参加|责任|分工|下同|领导|责任人|时限|"
                   + "|".join(f"{noun}{colon}" for noun in ("单位", "部门", "主体", "科室", "处室", "股室")
                              for colon in ":："))


# A cited document's number (令第45号, 〔2020〕10号, [2019]3号): a bracket holding one names the document's issuers.
_DOCUMENT_NUMBER = re.compile(r"(?:第|[〔\[［(（]\d{4}[〕\]］)）])\d{1,4}号")


def find_clauses(text: str, default_role: Role | None = None) -> list[Found]:
    """The responsibility clauses in an item's text, in order.

    A bracketed list with a role word or a label counts wherever it stands; a bare
    bracketed list of units only where it closes a sentence (after 。 or at the end).
    A last sentence made of units and role words only ("市发改委牵头,市财政局配合。")
    counts too.
    """
    hinted = _HINT.search(text) is not None
    if not hinted and _OPENER.search(text) is None:
        return []
    if ("单位为" in text or "部门为" in text or "单位是" in text or "部门是" in text) \
            and not (names_lead(text) and first_listed_note().search(text)):
        # 牵头单位为(是)县发改局: 为 stands for the label's colon (same length); 列第一位的责任单位为牵头单位: a note
        text = _label_as().sub(lambda m: m.group(1) + "：", text)
    if "—" in text or "－" in text or "--" in text:  # 牵头单位——市住建局: a dash for the colon (same length)
        text = _label_dash().sub(lambda m: m.group(1) + "：" + " " * (len(m.group(2)) - 1), text)
    found = []
    for start, end in bracket_groups(text):
        inner = text[start + 1:end - 1]
        clause = parse_clause(inner, default_role, bracketed=True)
        if clause is None and default_role is None and not text[:start].endswith(_ENUMERATED):
            clause = bare_bracket(inner)  # 共7个牵头单位(A、B…) enumerates names, it assigns nothing
            if clause is None and names_lead(inner) and (note := first_listed_note().search(inner)) and note.start():
                # (A、B、C。排名第一的为牵头单位,下同): the list before the plan's first-listed note, its names a slot
                clause = bare_bracket(inner[:note.start()].rstrip("。；;,，、 "), marked=True)
        if clause is None or not clause.assignments:
            continue
        if not (clause.role_words or clause.labelled):
            if "号" in inner and _DOCUMENT_NUMBER.search(inner):
                continue  # 《规定》(教育部、某某总局令第45号): the issuers of a cited document, with its number
            before = text[:start].rstrip()
            after = text[end:].lstrip()
            if _listed_alias(before):
                continue  # 责任单位:A、县政府办公室(县大数据局): a name's alias inside a list, no clause
            if not (before.endswith(tuple(_SENTENCE_END)) or not after or after[0] in _SENTENCE_END):
                continue
            if not before:
                continue
        found.append(Found(start, end, clause))
    if hinted and ("：" in text or ":" in text) and (mids := _inner_labels(text, found)):
        # A。责任单位:X。B。责任单位:Y。: labelled clauses inside the text, each closing the sentences before it,
        # when a clause follows the last of them (items run together on one line); alone, the text goes on with it
        with_mids = sorted(found + mids, key=lambda f: f.start)
        closing = not text[mids[-1].end:].strip(_CLOSING)  # the last ends the text, a closing quote after it
        later = text[with_mids[-1].end:]
        tail = None if closing or not (_COLON.search(later) or _OPENER.search(later) or may_hold_role_words(later)) \
            else _tail_clause(text, with_mids[-1].end)  # (no label, bracket or role word after it: no clause)
        if tail is not None or any(f.start > mids[-1].end for f in found) or closing and len(mids) > 1:
            return with_mids + ([tail] if tail is not None else [])
    if hinted and (not found or found[-1].end < len(text.rstrip("。；; "))):
        tail = _tail_clause(text, found[-1].end if found else 0)
        if tail:
            found.append(tail)
    if not found and hinted and _STANDING_NOTE_START.match(text) and _STANDING_NOTE_END.search(text) \
            and (note := parse_clause(text)) is not None and note.spread:
        # 以下各项任务均需X配合,不再单独列出: a note standing alone (conventions.apply_note_tasks spreads its units)
        found.append(Found(0, len(text), Clause(note.assignments, role_words=True), leading=True))
    return found


def _tail_clause(text: str, after: int) -> Found | None:
    """The clause closing ``text`` after ``after`` (a cut bracket, a last sentence, labels glued to their lists)."""
    if after >= len(text.rstrip("。；; ")):
        return None
    return _open_clause(text, after) or _last_sentence(text, after) or _glued_labels(text, after) \
        or _glued_head(text, after)


_SHORT_SUFFIX_END = frozenset("处局委办科股室所站队院厅部")  # a name as short as three characters ends so


def _glued_head(text: str, after: int) -> Found | None:
    """Role parts closing a text whose first is glued to the text before it (a copy that lost a comma):
    ``…等信息审批处牵头,各有关处室、民服中心配合``: the unit ending the glued part is the shortest name the
    suffixes allow (with a level before it: 市发改委), the parts after it must read as role parts on their own.

    >>> [(u, r.value) for u, r in _glued_head("及时公开办事方式、办事条件等信息审批处牵头,各有关处室、民服中心配合",
    ...                                         0).clause.assignments]
    [('审批处', 'lead'), ('各有关处室', 'cooperating'), ('民服中心', 'cooperating')]
    >>> [u for u, _ in _glued_head("推进城乡供水一体化建设工作市水务局牵头,市财政局配合", 0).clause.assignments]
    ['市水务局', '市财政局']
    """
    body = text.rstrip().rstrip("。；;")
    if not body.endswith(ROLE_ENDINGS) or ("，" not in body and "," not in body):
        return None
    segments = bracket_depth_split(body[after:], ",，")
    k = len(segments)
    while k > 1 and _role_word(segments[k - 1])[1] is not None \
            and _units(_role_word(segments[k - 1])[0].removeprefix("由")) is not None:
        k -= 1  # the clean role parts closing the text
    if k == len(segments):
        return None
    rest, kind = _role_word(segments[k - 1])
    if kind not in ("lead", "duty") or "由" in rest or len(rest) <= 12 and _units(rest) is not None:
        return None  # a whole name before its role word, or 由 naming who: the parts read as they are
    for width in range(3, min(len(rest) - 4, 12) + 1):
        name = rest[-width:]
        if (width >= 4 or name[-1] in _SHORT_SUFFIX_END) and is_unit_name(name) and not NOT_NAME_START.match(name):
            if width < len(rest) and rest[-width - 1] in "省市县区镇乡":
                name = rest[-width - 1:]
            start = after + sum(len(seg) + 1 for seg in segments[:k - 1]) + len(rest) - len(name)
            clause = parse_clause(body[start:])
            if clause is None or not clause.role_words or not clause.assignments:
                return None
            return Found(start, len(text.rstrip()), clause)
    return None


_BEFORE_INNER_LABEL = "。；;，,"
_CLOSING = "。；;，, \"”’'）)」』"  # what may follow a text's last clause (a quoted text's closing quote)


def _inner_labels(text: str, found: list[Found]) -> list[Found]:
    """Labelled clauses opening a sentence (or a comma part) inside ``text``, outside the bracket clauses
    ``found``, with more text after them: 做好A。责任单位:市X。做好B。责任单位:市Y。 → 责任单位:市X."""
    out: list[Found] = []
    for m in iter_labels(text):
        start = m.start()
        if start == 0 or text[start - 1] not in _BEFORE_INNER_LABEL or out and start < out[-1].end \
                or any(f.start <= start < f.end for f in found):
            continue
        end = _label_run(text, start)
        rest = text[end:].strip(_CLOSING)
        if not rest and not out:
            break  # the last sentence: the tail clause reads it
        clause = parse_clause(text[start:end])
        if clause is not None and clause.labelled and clause.assignments:
            out.append(Found(start, end, clause))
    return out


def _label_run(text: str, start: int) -> int:
    """Where a run of labelled parts opening at ``start`` ends: the parts are cut at 。；; outside brackets,
    each after the first opening with a label (牵头单位:X;配合单位:Y) or a list of units (责任单位:X;Y)."""
    at = start
    end = start
    while at < len(text):
        cut = _part_end(text, at)
        if at > start and LABEL_ANYWHERE.match(text, at, cut) is None and _units(text[at:cut]) is None:
            break
        end = cut
        at = cut + 1
    return end


def _part_end(text: str, at: int) -> int:
    """The first 。；; at or after ``at`` outside brackets, or the end of ``text``."""
    depth = 0
    for i in range(at, len(text)):
        ch = text[i]
        if ch in OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "。；;":
            return i
    return len(text)


_ENUMERATED = ("单位", "部门", "机构", "成员")
_LIST_ITEM_START = re.compile("[、：:]")


def _listed_alias(before: str) -> bool:
    """Whether a bare bracket after ``before`` follows a name listed after a 、 or a label's colon (…、县政府办公室(县
    大数据局)): the bracket is that name's alias.

    >>> _listed_alias("责任单位：县医保局、县政府办公室"), _listed_alias("建设绿道")
    (True, False)
    """
    at = max(before.rfind(c) for c in "、，,；;：:。")
    return at >= 0 and before[at] in "、：:" and is_unit_name(before[at + 1:])


@lru_cache(maxsize=1)
def _label_as() -> re.Pattern:
    """A role label ending in 单位 / 部门 then 为 (or 是) and a name (牵头单位为县发改局, 责任单位是县财政局), not after a
    name (X为牵头单位), nor a definition (责任单位是指…)."""
    labels = "|".join(f"(?:{alternation(f'label.{kind}')})" for kind in ("lead", "cooperating", "responsible"))
    return re.compile(r"(?<![\u4e00-\u9fff][为是])((?:" + labels + r")(?<=单位|部门))(?:为|是(?!指|否))(?=[\u4e00-\u9fff])")


@lru_cache(maxsize=1)
def _label_dash() -> re.Pattern:
    """A role label then a dash standing for its colon (责任单位——市财政局), before a name."""
    labels = "|".join(f"(?:{alternation(f'label.{kind}')})" for kind in ("lead", "cooperating", "responsible"))
    return re.compile(r"((?:" + labels + r"))(——|—|－－|--)(?=[\u4e00-\u9fff])")


def bare_bracket(inner: str, marked: bool = False) -> Clause | None:
    """A bracketed list of names with no role word or label where most names are known units: all of them
    responsible, the unknown ones kept and reported (荆州开发区 among 市发改委, 各县市区政府). ``marked``: a note
    in the bracket marks the list as a slot (列第一位的为牵头单位 after it): its names need no lexicon.

    >>> bare_bracket("市发改委,市政府相关部门,各县市区政府,荆州开发区").unrecognised
    ['荆州开发区']
    >>> bare_bracket("市发改委,加快推进工作") is None, bare_bracket("甲溪坊、乙岭舍") is None
    (True, True)
    >>> [u for u, _ in bare_bracket("甲溪坊、乙岭舍", marked=True).assignments]
    ['甲溪坊', '乙岭舍']
    >>> [u for u, _ in bare_bracket("市甲溪坊,市乙岭舍,各县市区政府,荆州丙泉庐").assignments]
    ['市甲溪坊', '市乙岭舍', '各县市区政府', '荆州丙泉庐']
    """
    text = "".join(inner.split())
    if len(text) > MAX_CLAUSE or may_hold_role_words(text) or _COLON.search(text):
        return None
    names = [n for part in bracket_depth_split(text, ",，；;") if part for n in split_units(part)]
    if len(names) < (1 if marked else 2) or any(not _NAME_CHARS.match(n) or NOT_NAME_START.match(n)
                                                or _VERB_INSIDE.search(n) or len(n) > MAX_SLOT_NAME for n in names):
        return None
    known = sum(1 for n in names if _plausible(n))
    bodies = sum(1 for n in names if not _plausible(n) and _level_body(n))  # 市甲溪坊: a level's body named whole
    if marked and not _bracket_slot(names) or not marked and known * 3 < len(names) * 2 and (
            not known or (known + bodies) * 3 < len(names) * 2 or not _bracket_slot(names)):
        return None  # two names in three known (or a level's bodies beside a known one): the lexicon scores a list
        # no cue marks (省控断面、市控断面: a level's things, no known name among them)
    return Clause(assignments=[(n, Role.RESPONSIBLE) for n in names],
                  unrecognised=[n for n in names if not _plausible(n)])


_CLOSERS = frozenset(OPENERS.values())


def _unclosed_opener(text: str) -> int:
    """Where the last bracket left open stands (a closed one inside it, 县发改局(粮食局), is skipped), or -1.

    >>> _unclosed_opener("做好A。[牵头单位:县发改局(粮食局)、县农业农"), _unclosed_opener("做好A(市X牵头)")
    (4, -1)
    """
    depth = 0
    for m in reversed(list(_BRACKET.finditer(text))):
        if m.group() in _CLOSERS:
            depth += 1
        elif depth:
            depth -= 1
        else:
            return m.start()
    return -1


def _open_clause(text: str, after: int) -> Found | None:
    """A labelled clause the text is cut inside, (牵头单位:X、Y;责任单位:区政 at the end of an excerpt: the
    whole names before the cut, never the cut one."""
    at = _unclosed_opener(text)
    if at < after:
        return None
    inner = text[at + 1:]
    if not LABEL_ANYWHERE.match(inner):
        return _open_role_clause(text, at)
    parts = bracket_depth_split(inner, "、，,；;")
    if len(parts) < 2:
        return None
    clause = parse_clause(inner[: len(inner) - len(parts[-1]) - 1])
    if clause is None or not clause.labelled or not clause.assignments:
        return None
    return Found(at, len(text), clause)


def _open_role_clause(text: str, at: int) -> Found | None:
    """A clause of role words the text is cut inside, (机关党委牵头,各处室、 at the end of an excerpt: the parts up
    to the last role word before the cut; the names after it lost their role word and give no unit. A bracket
    whose closing one is lost after its role word, (甲坊负责 at the end, is whole.

    >>> [(u, r.value) for u, r in _open_role_clause("做好A。(机关党委牵头,各处室、", 4).clause.assignments]
    [('机关党委', 'lead')]
    """
    inner = text[at + 1:]
    ends = [m.end() for m in _ROLE_AT_END.finditer(inner) if m.end() == len(inner) or inner[m.end()] in ",，;；"]
    if not ends or at == 0:
        return None
    clause = parse_clause(inner[:ends[-1]], bracketed=True)
    if clause is None or not clause.role_words or not clause.assignments:
        return None
    return Found(at, len(text), clause)


_LABEL_NOUNS = ("单位", "部门", "科室", "股室", "处室", "主体", "机构")
_NOUN = re.compile("|".join(_LABEL_NOUNS))  # one scan in C before anything else
_SENTENCE_OR_COLON = re.compile("[。；;！!？?：:]")


@lru_cache(maxsize=1)
def _glued_label() -> re.Pattern:
    """A role label (lead, cooperating, responsible) ending in a noun, wherever it stands."""
    return re.compile("|".join(f"(?:{alternation(f'label.{kind}')})" for kind in ("lead", "cooperating", "responsible")))


_SPACE = re.compile(r"\s")  # what str.split() splits on


def _glued_labels(text: str, after: int) -> Found | None:
    """Labels glued to the item's text and to their lists, no colon: ``…垃圾日产日清责任单位城管科、环卫公司``,
    ``…收到位责任单位环卫分公司配合单位办事处、城管中队`` (a copy that lost its colons and line breaks).

    The labels and their lists must run to the end of the text, every list must be names a slot may
    hold, and (no colon marking the slot) the first name must be one the lexicon knows.

    >>> [(u, r.value) for u, r in _glued_labels("开展整治,垃圾日产日清责任单位城管科、环卫公司", 0).clause.assignments]
    [('城管科', 'responsible'), ('环卫公司', 'responsible')]
    >>> _glued_labels("明确责任单位和责任人", 0) is None
    True
    """
    if _NOUN.search(text) is None:
        return None  # the usual case, found soonest
    body = "".join(text.split()).rstrip("。；;") if _SPACE.search(text) else text.rstrip("。；;")
    # the labels and their lists run to the end: no sentence ends after the first label (a colon neither)
    end = _SENTENCE_OR_COLON.search(body[::-1])
    labels = _label_matches(body, len(body) - end.start() if end else 0)
    for k, m in enumerate(labels):
        if m.start() < max(after, 4) or m.end() >= len(body) or body[m.end()] in ":：、,，;；。()（）":
            continue
        stops = [n.start() for n in labels[k + 1:]] + [len(body)]
        parts, at = [], m
        for stop, nxt in zip(stops, labels[k + 1:] + [None]):
            content = body[at.end():stop]
            printed = bracket_depth_split(content, "、,，")
            if not content or content[0] in ":：" or slot_names(content) is None \
                    or any(not p or NOT_NAME_START.match(p) for p in printed):
                break
            parts.append(at.group() + "：" + content)
            at = nxt
        else:
            if body[m.start() - 1] == "的" or not _plausible(bracket_depth_split(body[m.end():stops[0]], "、,，")[0]):
                continue
            clause = parse_clause("；".join(parts))
            if clause is not None and clause.labelled and clause.assignments:
                return _found_in(text, m.start(), clause)
    return None


MAX_LABEL_NAME = 10


def _label_matches(body: str, start: int = 0) -> list[re.Match]:
    """The role labels ending in a noun in ``body`` from ``start``, in order: the pattern runs only just before
    each noun (str.find, in C), never over the whole text (a pattern opening with an alternation tries every
    character)."""
    ends = sorted({at + 2 for noun in _LABEL_NOUNS for at in _all_at(body, noun, start)})
    found: dict[int, re.Match] = {}
    pattern = _glued_label()
    for end in ends:
        for at in range(max(start, end - MAX_LABEL_NAME), end - 1):
            m = pattern.match(body, at, end)
            if m and m.end() == end:
                found.setdefault(m.start(), m)
                break  # the longest label ending here
    return [found[k] for k in sorted(found)]


def _all_at(text: str, word: str, start: int = 0) -> list[int]:
    at = text.find(word, start)
    found = []
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _found_in(text: str, start: int, clause: Clause) -> Found:
    """A Found at the ``start``-th non-space character of ``text``, running to its end."""
    seen = 0
    for i, ch in enumerate(text):
        if not ch.isspace():
            if seen == start:
                return Found(i, len(text), clause)
            seen += 1
    return Found(len(text), len(text), clause)


_AFTER_LABEL = _SENTENCE_END + "，,"


def _last_sentence(text: str, after: int) -> Found | None:
    body = text.rstrip()
    trimmed = body.rstrip("。；;")
    cut = max(trimmed.rfind(p) for p in _SENTENCE_END)
    start = max(cut + 1, after)
    # 做好A。牵头单位:X;配合单位:Y: a label after a sentence end, before ``start``. No label holds a
    # sentence end, so such a label also ends before ``start``: search there only, and only with a colon.
    # 农村道路畅通工程,牵头部门:市交通局。建设进度较慢的…: a label after a comma, then a report (parse_clause drops it)
    # The last sentence too when a comma may stand before a label in it (推进道路硬化,牵头单位:县发改局).
    end = len(trimmed) if (trimmed.find("，", start) >= 0 or trimmed.find(",", start) >= 0) \
        and (trimmed.find("：", start) >= 0 or trimmed.find(":", start) >= 0) else start
    labels = iter_labels(trimmed, after, end) if trimmed.find("：", after, end) >= 0 or trimmed.find(":", after, end) >= 0 \
        else ()
    for m in labels:
        if m.start() == start:
            break  # a label opening the last sentence: read with it below
        before = trimmed[m.start() - 1] if m.start() > 0 else ""
        if before and (before in _SENTENCE_END and m.start() < start or before in "，,"):
            clause = parse_clause(trimmed[m.start():])
            if clause is not None and clause.labelled and clause.assignments:
                return Found(m.start(), len(body), clause)
            break
    if start <= 0 or start >= len(trimmed):
        return None
    labelled = LABEL_ANYWHERE.match(trimmed, start) is not None  # 做好A。责任单位:X: a label opens the last sentence
    if not labelled and not may_hold_role_words(trimmed[start:]):
        return None
    last = trimmed[start:]
    clause = parse_clause(last, bracketed=not labelled and closes_as_clause(last))  # (a last sentence of names and
    # role words is the item's clause, as a bracket is; not one closed by a plain verb: …基层有效贯彻落实)
    if clause is None or not clause.assignments or not (clause.role_words or labelled and clause.labelled):
        return None
    if not labelled:
        start, clause = _earlier_parts(trimmed, start, after, clause)
    return Found(start, len(body), clause)


MAX_EARLIER_PARTS = 4
# a note scoping the tasks after it, 注: before it or not
_STANDING_NOTE_START = re.compile(r"(?:(?:注|备注|说明)\s*[:：]\s*)?(?:以下|下列|其余|各项|所有|本方案)")
_STANDING_NOTE_END = re.compile(r"下同|" + NOT_LISTED_AGAIN)


def _earlier_parts(text: str, start: int, after: int, clause: Clause) -> tuple[int, Clause]:
    """The last sentence's clause with the parts a semicolon cuts before it that go on with it
    (…。A牵头;B、C配合。 / …。A;B负责。): each earlier part must read as the clause with the later ones."""
    for _ in range(MAX_EARLIER_PARTS):
        if start - 1 <= after or text[start - 1] not in "；;":
            break
        cut = max(text.rfind(p, 0, start - 1) for p in _SENTENCE_END)
        earlier = max(cut + 1, after)
        if earlier >= start - 1:
            break
        longer = parse_clause(text[earlier:])
        if longer is None or not longer.role_words or len(longer.assignments) <= len(clause.assignments):
            break
        start, clause = earlier, longer
    return start, clause


# 会同 / 协同 / 联合 (the partner words) opening a sentence or a comma part of an item's own text, with 同时 / 并 …
_ITEM_PARTNER = re.compile(r"(?:^|[。；;，,])\s*(?:并|同时|还|主动|积极|要|并要)?(?:" + "|".join(_PARTNER_WORDS) + ")")


_PARTNER_WORD = re.compile("|".join(_PARTNER_WORDS))


def item_partners(text: str, holders: Iterable[str] = ()) -> list[str]:
    """The units an item's text says its holders work with (…。同时联合区公安局、区民政局等部门,共同探索…):
    named partners after a partner word opening a sentence or a comma part; unnamed ones (有关方面) are noise.
    Where a holder is named before the partner word, the sentence is the holder's own (X负责…。同时,会同Y…), the
    subject-sentence readers' to read: none.

    >>> item_partners("简化流程。同时联合区公安局、区民政局等部门，共同推出集成服务。")
    ['区公安局', '区民政局']
    >>> item_partners("做好检查，会同有关方面研究开展联合执法。"), item_partners("开展联合执法，提升效率。")
    ([], [])
    >>> item_partners("市民政局负责考评。同时，会同市财政局清算资金。", ["市民政局"])
    []
    """
    out: list[str] = []
    for m in _ITEM_PARTNER.finditer(text):
        if any(0 <= text.find(h, 0, m.start()) for h in holders) or _unnamed_partner().match(text, m.end()):
            continue
        got = opening_units(text[m.end():], well_formed_units)
        if got:
            out.extend(n for n in _named_partners(got[0]) if n not in out)
    return out


def apply_item_partners(tasks: list) -> None:
    """Tasks whose holders a clause or a label names (lead or responsible) and whose text names the partners they
    work with (…同时联合X、Y等部门,共同…): the partners cooperate (docs/evaluation.md: 会同's partners cooperate)."""
    from ..model import Assignment
    search = _PARTNER_WORD.search  # one search in C per task, the gate of the rest
    for task in tasks:
        if not task.assignments or search(task.text) is None \
                or any(a.role is Role.COOPERATING for a in task.assignments):
            continue
        holders = {a.unit for a in task.assignments}
        first = task.assignments[0]
        task.assignments.extend(Assignment(n, Role.COOPERATING, first.provenance) for n in item_partners(task.text, holders)
                                if n not in holders)
