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
from ..text.role_cues import alternation, any_role_word, role_words, words
from ..text.units import is_unit_name, org_suffixes, split_units, strip_noise
from .clauses import (_NAME_CHARS, NOT_NAME_START, _listed_departments, _no_unit, _units, find_clauses, leading_clauses,
                      slot_names)
from .flat_table import has_surname
from .labels import LABEL_ANYWHERE, match_label
from .lines import Line
from .unit_scan import _ADVERBS_AFTER_NAME, _PREPOSITIONS_AFTER_DOER, doers_after_by, opening_units

ITEM_SUBJECT = "subject of the item at line"  # the basis of a unit the prose reader takes from an item's subject

BASIS = ("the subject of an obligation sentence (要/应/须/将…), read because the document prints no role cue "
         "outside such sentences")
HANDED = ("the unit a part of an obligation sentence hands work to (…,由X汇总上报), read because the document prints "
          "no role cue outside such sentences")
_MAX_SUBJECT = 40
_MIN_ITEM = 8  # an item's first part shorter than this is a heading's phrase (二、精心组织,加强统筹), no subject
_MAX_HEADING = 30  # a paragraph's opening heading sentence (二、压实责任,推动工作落实。) is no longer
_ITEM_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|\d{1,2}[.．、]|[(（][一二三四五六七八九十\d]+[)）]|[①-⑳]"
                          r"|第[一二三四五六七八九十百\d]{1,4}条)")  # 第三条 (the articles of a 办法 or 规定)
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百]+条")  # a regulation's article: its sentence follows, no item's subject
# What a department's name ends with where nothing but the name marks its end (not 会商, 开会).
_DEPARTMENT_END = re.compile(r"(?:部门|单位|机构|机关|政府|委员会|管委会|委会|协会|联合会|[局委办厅部院队站所科室组中心司处馆社团]|"
                             r"公司|集团|乡镇|街道|各地|企业)[)）]?$")
# What no subject's name holds: a count (work, not a name); 带队 (its head leads the team); 向 after a whole name (to
# whom it reports: 主办单位向交办单位报告); 是指 (a definition: 内部控制是指单位为实现目标…)
_NOT_IN_NAME = re.compile(r"的|要|将|须|应当|必须|带队|是指|(?<!自)由|(?<=单位|部门|政府)向|(?<=[局委厅室])向"
                          r"|^(?:径|直接|及时|主动|分别|逐级|统一)向"  # 请径向省农业农村厅反映: whom to turn to
                          r"|\d+(?:个|项|座|公里|家|万|亿|%|年|月|日)")
_MANNER = ("具体", "统一", "共同")  # adverbs of how work is done (县教育局具体负责…): after a whole name only (…负责制
# 和部门单位具体负责制 is no subject)
_ADVERBS = ("也", "还", "均", "都", "分别", "一定", "务必", "切实", "进一步", *_MANNER)
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


# A township or subdistrict named alone (白沙镇, 东湖乡, 城西街道): a unit of that level where it stands as a subject;
# not a generic word (城镇, 小镇, 乡镇) nor a collective or a deictic (各镇, 本乡, 全镇).
_TOWN = re.compile(r"(?!各|相关|有关|全|本|我|该|此|每|其)[\u4e00-\u9fff]{2,4}(?<![城小集乡村])(?:镇|乡)"
                   r"|(?!各|相关|有关|全|本|我|该|此|每|其)[\u4e00-\u9fff]{2,4}街道(?:办事处|办)?")


# The addressee of a reply or a notice, named by a pronoun and its level (你省, 贵市, 你委): kept as printed.
_ADDRESSEE = re.compile(r"(?:你|贵)(?:省|市|县|区|州|盟|旗|镇|乡|委|局|厅|办|部|院|公司|单位)")
_AND_ADDRESSEE = re.compile(r"(.{2,}?)[和及与](" + _ADDRESSEE.pattern + ")")


def _town(name: str) -> bool:
    """Whether ``name`` is a township or subdistrict named alone.

    >>> [_town(n) for n in ("白沙镇", "东湖乡", "城西街道", "乡镇", "城镇", "风情小镇", "各镇", "全乡")]
    [True, True, True, False, False, False, False, False]
    """
    return _TOWN.fullmatch(name) is not None


_ESPECIALLY = re.compile(r"(?<=.)(?:尤其是|特别是)(?=.)")


# A collective named by its role in the plan (牵头单位, 区直各责任单位, 其他责任单位): who is meant is in the tables.
# The kinds a role collective names (牵头单位, 责任部门; a bureau's 责任科室 / 处室), one or a shared-prefix list of
# them as printed (各责任科室、单位: the sections and the units in charge).
_KIND = "(?:单位|部门|科室|处室)"
_KINDS = f"{_KIND}(?:、{_KIND})?"
_ROLE_COLLECTIVE = re.compile(r"^(?:[省市县区]直)?(?:各|相关|有关|其他|其余){0,2}(?:项目|任务)?(?:主要|总)?"
                              r"(?:(?:" + "|".join(role_words("lead") + role_words("cooperating")) + r")?(?:"
                              + "|".join(role_words("responsible")) + r")|" + any_role_word() + r")" + _KINDS + "$"
                              # role_cues.txt: 牵头负责单位, 协同办理单位 as 牵头责任单位
                              r"|^(?:其他|其余)各?(?:有关|相关)?(?:单位|部门)(?:[(（](?:单位|部门)[)）])?$")  # 其他各相关单位


_ROLE_OPENING = re.compile(_ROLE_COLLECTIVE.pattern.split("|^")[0].removesuffix("$"))  # 各牵头单位 opening a text


@lru_cache(maxsize=1)
def _collective_told() -> re.Pattern:
    return re.compile(f"(?:{alternation('obligation.collective')})")


def _name_ok(name: str) -> bool:
    """A subject name's characters: a unit's (not opening like a sentence), or a role collective (牵头单位,
    其他责任部门: 牵头 and 其他 open them, as they open no other name); never a deictic after words (上报本单位负责…
    的人员: the unit the sentence's subject is, named inside what it is told).

    >>> _name_ok("县财政局"), _name_ok("一并上报本单位"), _name_ok("各牵头单位")
    (True, False, True)
    """
    return bool(_NAME_CHARS.match(name.replace("、", ""))) and not name[:1].isdigit() and (
        not NOT_NAME_START.match(name) or _ROLE_COLLECTIVE.match(name) is not None) and (
        "各" not in name[1:] or not _WORDS_BEFORE_GE.search(name)) and (
        "本" not in name[1:] or not _DEICTIC_INSIDE.search(name))


# A deictic naming the subject's own unit or area (本单位, 本部门, 本地区), printed after other words: no name's part.
_DEICTIC_INSIDE = re.compile(r"(?<=.)本(?:单位|部门|系统|地区|辖区|级)")


# What a collective's 各 follows inside a name: a level or a body (全区各级各部门, 市政府各部门, 区直各单位), 其他 / 其余 or a list
# mark; anything else is a phrase before the subject (压实责任各乡镇: a heading glued to it), no name's part.
_WORDS_BEFORE_GE = re.compile(r"[^他余统省市县区镇乡村旗盟州地直级属府委局办院厅部门位会队所站心司处室组团社、和及与(（)）]各")


@lru_cache(maxsize=1)
def _people() -> re.Pattern:
    return re.compile(f"(?:{alternation('obligation.people')})$")


# A collective glued to the next with nothing between them (各乡镇各部门, 各地各有关部门, 各部门各单位): two
# subjects, as the guideline splits them; 各级 / 各位 / 各项 qualify the name after them (各级各部门 is one).
_GLUED_COLLECTIVE = re.compile(r"^(各(?!级|位|项|类|种|个|自|方面)(?:[^各、(（]|[(（][^()（）]{1,8}[)）]){1,8}?)"
                               r"(?=各(?!级|位|项|类|种|个|自)[^各、]{1,10})")
_SHORT_COLLECTIVE = re.compile(r"^各[\u4e00-\u9fff]{1,4}(?:[(（][\u4e00-\u9fff、]{1,8}[)）])?$")  # 各区, 各县(市)


def unglue_collectives(name: str) -> list[str]:
    """The collectives a name glues together (各乡镇各部门 -> 各乡镇, 各部门), or the name alone.

    >>> unglue_collectives("各乡镇各部门"), unglue_collectives("各地各有关部门"), unglue_collectives("各级各部门")
    (['各乡镇', '各部门'], ['各地', '各有关部门'], ['各级各部门'])
    >>> unglue_collectives("各部门各单位各街道"), unglue_collectives("市政府各部门")
    (['各部门', '各单位', '各街道'], ['市政府各部门'])
    """
    m = _GLUED_COLLECTIVE.match(name)
    if m is None:
        return [name]
    left, right = m.group(1), name[m.end():]
    if not (is_unit_name(left) or _SHORT_COLLECTIVE.match(left)):
        return [name]
    rest = unglue_collectives(right)
    if len(rest) == 1 and not (is_unit_name(right) or _SHORT_COLLECTIVE.match(right)):
        return [name]
    return [left, *rest]


# Places named as a collective by their levels (各市(州), 各县(市、区), 各市(州)、县(市、区): one collective sharing
# its 各, as printed; or two levels without 各: 乡镇(街道), 县区): their governments, though no suffix says so.
_LEVELS = "省市州县区乡镇村盟旗"
_NOTE_OF_PLACES = f"(?:[(（](?:[{_LEVELS}、，,]|社区|街道|园区|开发区|管委会){{1,8}}[)）])?"  # (市、区), (社区)
_PLACE_COLLECTIVE = re.compile(f"^(?:各[{_LEVELS}]{{1,3}}|(?!市区)[{_LEVELS.replace('村', '')}]{{2,3}})"
                               f"{_NOTE_OF_PLACES}(?:、[{_LEVELS}]{{1,3}}{_NOTE_OF_PLACES})*$")
_QUALIFIED_ROLE = re.compile(r"^各[^的、，,。；;]{1,8}的(.+)$")
_SHARED_GOVERNMENT = re.compile(f"^各[{_LEVELS}地]{{1,3}}{_NOTE_OF_PLACES}[和及][{_LEVELS}]{{1,3}}{_NOTE_OF_PLACES}"
                                 f"(?:人民)?政府$")
_ETC_NOTE = re.compile(r"等[^、，,等]{0,12}?(?:部门|单位|机构)[(（](?:部门|单位|机构)[)）](?=(?:牵头|负责|配合)?$)")
_ROLE_READ = re.compile(r"(?:牵头|负责|配合)$")  # a role word the list read took in (…等部门牵头)
_MAX_POST_QUALIFIER = 5  # characters before a post named in a subject list with no unit of its own (市政府各位领导同志)
_ROLES_JOINED = re.compile(r"^([^和及]{3,10})[和及]([^和及]{3,10})$")
_PEOPLE_JOINED = re.compile(r"^([^、及和]{2,20})[及和]")


@lru_cache(maxsize=1)
def _heads() -> re.Pattern:
    """The people of the role cues as they follow their unit's name (各责任单位主要负责人…)."""
    return re.compile(f"(?:{alternation('obligation.people')})")


def _unit_of_people(part: str, people: re.Pattern) -> str | None:
    """A subject part without the people it names: the part itself when it names none, the unit whose heads they
    are (各责任单位主要负责人, 各部门一把手: the unit is told through its head), or None (各牵头领导, 各级领导,
    市政府各位领导同志: posts, no unit before them).

    >>> [_unit_of_people(p, _people()) for p in ("各责任单位主要负责人", "各部门一把手", "各牵头领导", "县财政局")]
    ['各责任单位', '各部门', None, '县财政局']
    """
    m = people.search(part)
    if m is None:
        return part
    unit = part[:m.start()]
    if _ROLE_COLLECTIVE.match(unit) or _PLACE_COLLECTIVE.match(unit) or (
            is_unit_name(unit) and _DEPARTMENT_END.search(unit) and not _NOT_IN_NAME.search(unit)):
        return unit
    return None


@lru_cache(maxsize=1)
def _institutions() -> frozenset[str]:
    """Institutions named by their kind alone (高校, 学校): role cues, section obligation.institution."""
    return frozenset(words("obligation.institution"))


def _institution(name: str) -> bool:
    """Whether ``name`` names institutions by their kind alone (高校, 学校), or each of them (各高校, 各校).

    >>> _institution("高校"), _institution("各校"), _institution("各校根据")
    (True, True, False)
    """
    kinds = _institutions()
    return name in kinds or name[:1] == "各" and name[1:] in kinds


def _subject(name: str) -> list[str] | None:
    if "等" in name and ("）" in name or ")" in name):
        name = _ETC_NOTE.sub("", name)  # …人社厅等省级主管部门(单位): the kind and its note are no name
    name = _ESPECIALLY.sub("、", name)  # 责任单位尤其是各乡镇: both are the subject
    people = _people()
    if "及" in name or "和" in name:  # 市政府各位领导同志及各有关部门: the people before 及 are no unit
        name = _PEOPLE_JOINED.sub(lambda m: m.group(1) + "、" if people.search(m.group(1)) else m.group(), name)
    if _PLACE_COLLECTIVE.match(name) or ("和" in name or "及" in name) and _SHARED_GOVERNMENT.match(name):
        return [name]  # 各地(州、市)和县(市)政府: the levels share the suffix, one name as printed
    if "其" in name and (own := _WITH_ITS_OWN.match(name)) is not None and (before := _subject(own.group(1))):
        # 各级政府及其所属各部门: a body and its own departments, one collective as printed (各县区、各部门及其所属单位:
        # the last body's)
        return [*before[:-1], before[-1] + name[len(own.group(1)):]]
    if ("和" in name or "及" in name) and len(pair := _places_and_bodies(name)) == 2 \
            and _PLACE_COLLECTIVE.match(pair[0]) and (bodies := _units(pair[1])):
        return [pair[0], *bodies]  # 各县、市、区和市府直属各单位: places sharing their 各, then a body
    if "的" in name and (qualified := _QUALIFIED_ROLE.match(name)) and _ROLE_COLLECTIVE.match(qualified.group(1)):
        return [name]  # 各项工作任务的主要责任单位: a role collective named by the work it is charged with, as printed
    parts = [p for p in bracket_depth_split(name, "、") if p]
    if any(people.search(p) for p in parts):  # 各牵头领导、责任单位要…: people are no units
        if any(people.search(p) and not _name_ok(p) or "的" in p for p in parts):
            return None  # 《方案》明晰了每一项任务的牵头领导、牵头单位: a sentence naming posts, no subject
        if any((post := people.search(p)) and post.start() > _MAX_POST_QUALIFIER
               and _unit_of_people(p, people) is None for p in parts):
            return None  # 市政府各部门确定一名领导同志: what the units are told (a head to name), no post of a list
        parts = [unit for p in parts if (unit := _unit_of_people(p, people)) is not None]
        if not parts:
            return None
        name = "、".join(parts)
    if ("和" in name or "及" in name) and len(parts) == 1 and (pair := _ROLES_JOINED.match(name)) is not None \
            and _ROLE_COLLECTIVE.match(pair.group(1)) and _ROLE_COLLECTIVE.match(pair.group(2)):
        return [pair.group(1), pair.group(2)]  # 主责部门和配合部门: two role collectives, two subjects
    if "、" in name and _ROLE_COLLECTIVE.match(name):
        return [name]  # 各责任科室、单位: kinds sharing their role, one collective as printed
    if any(_ROLE_COLLECTIVE.match(p) for p in parts):
        rest = [p for p in parts if not _ROLE_COLLECTIVE.match(p)]
        return parts if not rest or _units("、".join(rest)) is not None else None  # 各责任单位、配合单位
    names = _units(name) or _listed_departments(name)  # 州县建设、教育等部门要…: sectors a 等部门 tail closes
    if names is None and len(parts) > 1 and all(p.startswith("各") or _DEPARTMENT_END.search(p) for p in parts[1:]):
        each = [_units(p) for p in parts]  # 区直各部门、各镇: a collective after a name is a name of its own
        names = [n for found in each for n in found] if all(each) else None
    if names is None and (_place(name) or _town(name) or _ADDRESSEE.fullmatch(name) or _institution(name)):
        names = [name]
    if names is None and ("和" in name or "及" in name) and (pair := _AND_ADDRESSEE.fullmatch(name)) \
            and (first := _subject(pair.group(1))):
        names = first + [pair.group(2)]  # 有关部门和你省: a list closed by the addressee
    if names and any("各" in n[1:] for n in names):
        names = [part for n in names for part in unglue_collectives(n)]
    if names and any("、" in n and n.startswith("各") for n in names):  # 各镇、区直有关部门: a collective and a
        names = [part for n in names for part in _own_levels(n)]  # level's bodies, no shared name
    if names and any("及" in n or "和" in n for n in names):
        names = [part for n in names for part in _places_and_bodies(n)]
    if names and any(n.startswith("各") and _collective_and_work(n) for n in names):
        return None  # 各单位落实情况将纳入考核: what the collective does, no subject
    return names


# A body and its own departments (各级政府及其部门, 县政府及其所属各部门): 其 stands for the body, no name alone.
_WITH_ITS_OWN = re.compile(r"^(.{2,}?)[及和与]其(?:所属|下属|直属)?各?(?:有关|相关)?(?:部门|单位|机构)$")


_WORK_AFTER = re.compile(r"[^各、，,和及与(（)）]{2,}")


def _collective_and_work(name: str) -> bool:
    """Whether a name opening with 各 is a collective followed by a word naming what it does or has (各单位落实情况,
    各部门工作), rather than a collective's name (各有关部门, 各级各部门, 各乡镇人民政府).

    >>> _collective_and_work("各单位落实情况"), _collective_and_work("各有关部门"), _collective_and_work("各乡镇人民政府")
    (True, False, False)
    """
    if is_unit_name(name) or _PLACE_COLLECTIVE.match(name) or _SHORT_COLLECTIVE.match(name) \
            or _ROLE_COLLECTIVE.match(name):
        return False
    return any(_WORK_AFTER.fullmatch(name, k) and is_unit_name(name[:k]) and _DEPARTMENT_END.search(name[:k])
               for k in range(3, len(name) - 1))


_OWN_LEVEL = re.compile(r"^[省市县区镇乡](?:直|级|属)")


def _own_levels(name: str) -> list[str]:
    """A collective 、 the bodies of a level (各镇、区直有关部门): two names; 各县、区人民政府 stays one.

    >>> _own_levels("各镇、区直有关部门"), _own_levels("各县、区人民政府")
    (['各镇', '区直有关部门'], ['各县、区人民政府'])
    """
    parts = bracket_depth_split(name, "、")
    if len(parts) > 1 and all(_OWN_LEVEL.match(p) and is_unit_name(p) for p in parts[1:]):
        return parts
    return [name]


def _places_and_bodies(name: str) -> list[str]:
    """A collective of places joined to a body named by its role or a unit (各市县及项目实施单位, 各乡镇和县直有关
    单位): two subjects; a name with 和 of its own (市人力资源和社会保障局) stays whole.

    >>> _places_and_bodies("各市县及项目实施单位"), _places_and_bodies("各县(市、区)和牵头单位")
    (['各市县', '项目实施单位'], ['各县(市、区)', '牵头单位'])
    >>> _places_and_bodies("开发区和市级各有关部门"), _places_and_bodies("市人力资源和社会保障局")
    (['开发区', '市级各有关部门'], ['市人力资源和社会保障局'])
    >>> _places_and_bodies("翠湖坊及有关部门"), _places_and_bodies("各市县及翠湖坊")
    (['翠湖坊', '有关部门'], ['各市县', '翠湖坊'])
    """
    for m in re.finditer("[及和]", name):
        left, right = name[:m.start()], name[m.end():]
        if _PLACE_COLLECTIVE.match(left) and (_ROLE_COLLECTIVE.match(right) or is_unit_name(right)
                                              and _DEPARTMENT_END.search(right)):
            return [left, right]
        if _LEVEL_COLLECTIVE.match(right) and len(left) >= 2 and _name_ok(left) and is_unit_name(right) \
                and _DEPARTMENT_END.search(right):
            return [left, right]  # 开发区和市级各有关部门: a level's collective opens no name's second half
        if _COLLECTIVE_OPENING.match(right) and is_unit_name(right) and _DEPARTMENT_END.search(right) \
                and _slot_sized(left) and _name_ok(left) and not _NOT_IN_NAME.search(left) and not _heads().search(left):
            return [left, right]  # 城东坊及有关部门: nor does any collective, whatever the name before it ends with
        if _PLACE_COLLECTIVE.match(left) and _slot_sized(right) and _name_ok(right) and not _NOT_IN_NAME.search(right) \
                and not _heads().search(right) and not _no_unit().search(right) and not _topic().search(right):
            return [left, right]  # 各县及城东坊: places sharing their 各 end where 及 opens a body of any name
    return [name]


_COLLECTIVE_OPENING = re.compile(r"(?:各|有关|相关|其他|其余)")


# The bodies of a level named as a collective (市级各有关部门, 县直各单位, 区属各部门).
_LEVEL_COLLECTIVE = re.compile(r"^[省市县区镇乡](?:级|直|属)?各")


def _after_adverbs(rest: str) -> str:
    changed = True
    while changed:
        changed = False
        for adverb in _ADVERBS:
            if rest.startswith(adverb):
                rest, changed = rest[len(adverb):], True
    return rest


# When the work is done, printed between the subject and its obligation word (各单位在核查中要…, 各乡镇在汛期前须…).
_CIRCUMSTANCE = re.compile(r"在[^，,。；;要应须将的]{1,12}?(?:中|时|前|后|期间)")
# The work after a time it is due at (在…时 / 后 / 前 / 期间), with no obligation word: a step scheduled, not a past one
# (…时已完成, …后进行了): what is done, then the work (分两次进行督查, 十个工作日内落实到…, 及时上报).
_SCHEDULED = re.compile(r"(?![^，,。；;]{0,16}(?:了|已|曾))[^，,。；;]{0,12}?(?:进行|开展|组织|落实|完成|报送|上报|督查|检查|核查)")
# What the work is done on, printed between the subject and its obligation word (督办单位对拟办结的事项要严格审核):
# the subject must then end like a department.
_OBJECT = re.compile(r"对[^，,。；;对]{1,24}?(?=要(?![求点素])|应当|必须|须|务必)")
# What a unit makes, due by a date (各牵头单位制定的工作计划要于8月15日前报送, 各单位的实施方案务于3月底前报送): the
# unit, named before it, is told to deliver it.
_PRODUCT_DUE = re.compile(r"(?:制定|制订|编制|拟定|起草)?的[^，,。；;的]{2,12}?(?:要|须|务|应|需)?(?:分别)?于"
                          r"(?=\d|[一二三四五六七八九十]{1,2}月|每[年月季周]|年[底内中])")


def _read_subject(segment: str, item: bool = False) -> tuple[list[str], str, str] | None:
    """The subject's names, the obligation word after them ('' when addressed with 请/望, or when the names
    open a numbered item: 1、宣传部门通过媒体发布…) and the rest."""
    obligation, address, intro, _, _ = _patterns()
    m = intro.match(segment)
    if m:
        segment = segment[m.end():].lstrip(",，:： ")
        if (again := intro.match(segment)) is not None:  # 即:一是各单位须…: a lead-in, then the enumeration's word
            segment = segment[again.end():].lstrip(",，:： ")
    m = address.match(segment)
    if m:
        segment = segment[m.end():]
    stop = _top_level_stop(segment)
    for end in range(2, min(stop, _MAX_SUBJECT) + 1):
        if segment[end - 1:end + 1] in _WORDS_WITH_YAO or segment[end - 1] in ":：":
            continue  # 各主要责任单位要…: 主要 is a word of the name, not its obligation; 宣传部:负责…: a unit's duties
        rest = segment[end:]
        if (note := _NOTE.match(rest)) and re.search("[,，]", note.group()):  # a sentence, not a name's part:
            rest = rest[note.end():]  # 牵头单位(无牵头单位的,责任单位即为牵头单位)要…
        manner = rest.startswith(_MANNER)
        told = _after_adverbs(rest)
        rest = told if obligation.match(told) is not None or obligation.match(rest) is None else rest  # 务必高度
        # 重视: 务必 is an adverb and an obligation word
        when = None
        if rest.startswith("在") and (when := _CIRCUMSTANCE.match(rest)) is not None:
            rest = _after_adverbs(rest[when.end():])  # 各单位在核查中要…: when, before the obligation word
        word = obligation.match(rest)
        if word is None and when is not None and not when.group().endswith("中") and _SCHEDULED.match(rest) \
                and (names := _well_formed(segment[:end])) and all(_DEPARTMENT_END.search(n) for n in names):
            return names, "", rest  # 市政府督查室在上半年结束时和年终分两次进行督查: when it is due tells it
        objected = False
        if word is None and rest.startswith("对") and (what := _OBJECT.match(rest)) is not None:
            rest, objected = rest[what.end():], True  # 督办单位对拟办结的事项要严格审核: what it works on, before
            word = _MODAL_AFTER_COMMA.match(rest)  # the obligation word
        if word is not None:
            names = _subject(segment[:end]) if not manner else _well_formed(segment[:end])
            if names and all(_name_ok(n) for n in names) and (_MODAL.match(word.group()) and not objected or all(
                    _DEPARTMENT_END.search(n) or _ROLE_COLLECTIVE.match(n) or _PLACE_COLLECTIVE.match(n) or _place(n)
                    or _town(n) for n in names)):
                return names, word.group(), rest[word.end():]  # the shortest subject before an obligation word
    if "的" in segment[:_MAX_SUBJECT] and (due := _PRODUCT_DUE.search(segment, 2, _MAX_SUBJECT)) is not None \
            and (names := _subject(segment[:due.start()])) and all(
                _name_ok(n) and (_DEPARTMENT_END.search(n) or _ROLE_COLLECTIVE.match(n)) for n in names):
        return names, "要", segment[due.start():]  # 各牵头单位制定的工作计划要于8月15日前报送: the unit's work
    if (role := _ROLE_OPENING.match(segment)) is not None:
        told = role.end()
        if (head := _heads().match(segment, told)) is not None:  # 各责任单位主要负责人切实履行…: told through its head
            told = head.end()
        if _collective_told().match(segment, told):
            return [role.group()], "", segment[told:]  # 牵头单位适时向市政府报告…: a role collective's work
    if m is not None or item and len(segment) >= _MIN_ITEM and not NOT_NAME_START.match(segment) \
            and not _TOPIC_OPENING.match(segment):  # addressed (请各地…) or opening an item (1、宣传部门通过…), not
        # an item naming its topic (1.关于相关单位经费问题。: minutes' 关于 / 对于 heading, no subject)
        found = opening_units(segment, _well_formed)
        if found and (segment.startswith("的", found[1]) or ":" in segment[:found[1] + 1]
                      or "：" in segment[:found[1] + 1] or _DUTIES_HEADING_END.fullmatch(segment, found[1])):
            found = None  # (二)乡镇人民政府的工作职责, 一、服务范围及部门职责: a heading naming whose duties follow
            # (or a topic and the duties), no sentence; 1.省委宣传部:负责…: a unit's duties
        if found and (m is not None or not any(_place(n) for n in found[0])):  # 1.菏泽市实现重大突破: a target
            return found[0], "", segment[found[1]:]
    return None


# A preposition opening an item's topic (关于…问题, 对于…, 针对…, 围绕…): the item names what it is about, no doer.
_TOPIC_OPENING = re.compile(r"(?:关于|对于|针对|围绕)")

# A numbered item's title before a colon, its sentence after it ((三)制衡性原则:学校应当…, 一、工作目标:各乡镇要…).
_TITLE_COLON = re.compile(r"[^，,。；;:：、()（）]{2,12}[:：]")

_DUTIES_HEADING_END = re.compile(r"(?:主要|工作|具体)?的?(?:职责|职能|原则)(?:分工)?[:：。]?")  # (一)紧扣中心
# 工作的原则: a heading naming a principle, no subject


# The obligation word that may open the comma part after a subject standing alone (各有关部门和单位,要按照…).
_MODAL_AFTER_COMMA = re.compile(r"(?:要(?![求点素])|应当|应(?![急用对])|必须|须|务必|可以)")


def _subject_before_comma(part: str, after: str) -> tuple[list[str], str, str] | None:
    """A comma part that is a subject alone, the next part opening with what it is told (市政府各位领导同志及各有关
    部门和单位,要按照各自分工…): its names (the lexicon's, people left out), the word and the rest.

    >>> _subject_before_comma("各有关部门和单位", "要按照各自分工")
    (['各有关部门和单位'], '要', '按照各自分工')
    >>> _subject_before_comma("为此", "要抓好落实") is None
    True
    >>> _subject_before_comma("各承办单位对内容相同的提案", "可以并案办理")
    (['各承办单位'], '可以', '并案办理')
    """
    told = after.lstrip(" \u3000")
    word = _MODAL_AFTER_COMMA.match(told)  # 务必 is a modal word and an adverb (一定、务必要)
    if word is None:
        told = _after_adverbs(told)
        word = _MODAL_AFTER_COMMA.match(told)
    if word is None or len(part) < 2:
        return None
    names = _well_formed(_after_relative(part, 0))  # 涉及到的县区和有关部门,要…: which units, no name's part
    if names is None and (on := part.find("对", 2)) > 0 and (head := _well_formed(part[:on])) is not None \
            and all(_DEPARTMENT_END.search(n) or _ROLE_COLLECTIVE.match(n) for n in head):
        names = head  # 承办单位对内容相近的提案,可以并案办理: the unit, then what it works on (as _OBJECT reads it)
    if names is None and "的" in part and not part.startswith("对") and not told.startswith(_PASSIVE, word.end()):
        names = _role_after_relative(part)  # (对工作不力的责任单位,要予以通报: the units are what the work is on)
    return (names, word.group(), told[word.end():]) if names else None


_PASSIVE = ("予以", "给予")  # what is done to the collective (…的责任单位,要予以通报批评), not by it


def _role_after_relative(part: str) -> list[str] | None:
    """The role collective a comma part names after a relative clause saying which (承担重点任务的责任单位,要…:
    the 责任单位 are told), or None.

    >>> _role_after_relative("承担十件实事办理任务的责任单位"), _role_after_relative("完成任务的情况") is None
    (['责任单位'], True)
    """
    tail = part[part.rfind("的") + 1:]
    return [tail] if _ROLE_COLLECTIVE.match(tail) else None


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


_BY = re.compile(r"(?<![自理缘经因])由(?![于此来衷])")
_MAX_TOPIC = 30  # characters of the work a part names before 由 (“河长制”由…, 日常工作由…)


def _handed_to(part: str) -> int | None:
    """Where the 由 stands that hands a comma part's work to the units after it (由区督查组汇总, 此项工作由…), or
    None (由于…, 理由).

    >>> _handed_to("由区督查组综合后汇报"), _handed_to("“河长制”由县水委组织实施"), _handed_to("由于时间紧")
    (0, 5, None)
    """
    m = _BY.search(part, 0, _MAX_TOPIC + 1)
    return m.start() if m is not None else None


_RELATIVE = re.compile(r"所?(?:涉及到?|相关|有关)的")  # 由所涉及的省财政厅、…牵头: which units, not a name's part


def _after_relative(part: str, at: int) -> str:
    """``part`` from ``at`` on, without a relative clause opening it (所涉及的)."""
    m = _RELATIVE.match(part, at)
    return part[m.end():] if m is not None else part[at:]


# Where the unit is named by the place of the work (由项目所在地县级人民政府…, 由流域所在的县政府确定): the place
# and the unit are one name, as printed.
_LOCATED = re.compile(r"[^，,。；;的由]{1,8}?所在地?的?")


def _handed_units(after: str) -> tuple[list[str], int] | None:
    """The units a part hands its work to, read from just after its 由, and where they end.

    >>> _handed_units("流域所在的县政府确定河长"), _handed_units("区督查组综合后汇报")
    ((['流域所在的县政府'], 8), (['区督查组'], 4))
    >>> _handed_units("甲乙丙等领域专家组成的专家组"), _handed_units("市领导任组长的专班")
    (None, None)
    """
    if "所在" in after[:12] and (located := _LOCATED.match(after)) is not None \
            and (found := opening_units(after[located.end():], _well_formed)) is not None:
        return [after[:located.end()] + found[0][0], *found[0][1:]], located.end() + found[1]
    found = doers_after_by(after, (), _well_formed, slot_names)
    if found and "组" in after and _COMPOSED.match(after, found[1] - found[0][-1].endswith("组")):
        return None  # 由多领域专家组成的专家组, 由党政负责同志任组长: whom a body is made of or headed by, no doer
    return found


# What follows the members or the head of a body a sentence sets up (由X组成, 由X任组长, 由X担任组长).
_COMPOSED = re.compile(r"组成|组长|(?:任|担任)(?:组长|主任|召集人|负责人)")


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
_MODAL = re.compile(r"(?!(?:分别)?于|对|按|根据|依据|(?:负责)?落实$)")  # (…,住建局落实: the same)

_WORDS_WITH_YAO = frozenset({"主要", "重要", "首要", "次要", "必要", "需要", "只要", "纪要", "摘要", "简要", "提要",
                             # words ending in 应 (各乡镇相应的方案: no 各乡镇相 told 应)
                             "相应", "响应", "适应", "供应", "反应", "对应", "照应", "呼应"})


def _balanced(name: str) -> bool:
    return name.count("(") + name.count("（") == name.count(")") + name.count("）")


def _well_formed(text: str) -> list[str] | None:
    names = _subject(text)
    if names and all(_name_ok(n) and _balanced(n)
                     and not _NOT_IN_NAME.search(n)
                     and (is_unit_name(n) and _DEPARTMENT_END.search(n) or _place(n) or _PLACE_COLLECTIVE.match(n)
                          or _ADDRESSEE.fullmatch(n) or n[:1] == "各" and _institution(n))  # (请各校…; 高校内部
                     # 控制…: the kind alone, unless an obligation word follows it, qualifies the words after it)
                     for n in names):
        return names
    return None


@lru_cache(maxsize=1)
def _predicate_patterns() -> tuple[re.Pattern, re.Pattern]:
    """What the predicate says of its subject: it leads (负总责, 牵头抓总, 会同…), or it helps (积极配合, 全力支持)."""
    return (re.compile(f"(?:{alternation('obligation.lead')})"),
            re.compile(f"^(?:{alternation('obligation.cooperating')})"))


_QUOTED = re.compile(r"[“\"「『][^”\"」』]*(?:[”\"」』]|$)")


@lru_cache(maxsize=1)
def _setup() -> re.Pattern:
    """What a subject is told when it is to set up a body (成立, 组建): role cues, section obligation.setup."""
    return re.compile(f"(?:{alternation('obligation.setup')})")


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
    sets_up = _setup().match(_after_adverbs(rest)) is not None  # 要成立…领导小组,负责…: the body's role words
    leads = with_ is not None or not sets_up and (lead_said.search(word + rest) is not None or any(
        lead_said.match(part.lstrip()) for part in later))  # …要切实担负起责任,牵头抓总: a later part opening so
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
        found = _partners_named(with_)
        out.extend((name, Role.COOPERATING) for name in (found[0] if found else ()) if not _BARE_PARTNER.match(name))
    partner = _partner()
    for part in (_after_adverbs(rest), *(p.lstrip() for p in later)):  # 县农业局要联合县市场监管局开展…: partners
        if (joined := partner.match(part)) is not None and (found := _partners_named(part[joined.end():])):
            out.extend((name, Role.COOPERATING) for name in found[0]
                       if not _BARE_PARTNER.match(name) and name not in names)
    return out


def _partners_named(text: str) -> tuple[list[str], int] | None:
    """The partners 会同 (or a partner word) names at the start of ``text``: known names, else, as 会同 marks a
    slot, the names up to the work (会同城东片区坊对…) or a whole comma part of names (会同城东片区坊,认真研究…),
    of a unit's length (:func:`_slot_sized`), none a person or holding a sentence's words.

    >>> _partners_named("县财政局对资金进行核查"), _partners_named("城东片区坊对资金进行核查"), _partners_named("城东片区坊")
    ((['县财政局'], 4), (['城东片区坊'], 5), (['城东片区坊'], 5))
    >>> _partners_named("王某某"), _partners_named("有关部门认真研究")
    (None, (['有关部门'], 4))
    >>> _partners_named("甲湖坊对进展进行督查"), _partners_named("甲湖片区坊对进展进行督查")
    ((['甲湖坊'], 3), (['甲湖片区坊'], 5))
    """
    found = doers_after_by(text, (), _well_formed, slot_names)
    if found is not None and all(_well_formed(n) for n in found[0]):
        return found  # the lexicon's names
    if found is None and text.startswith(_AFTER_PARTNER, _MIN_SLOT_SUBJECT - 1):
        found = ([text[:_MIN_SLOT_SUBJECT - 1]], _MIN_SLOT_SUBJECT - 1)  # 会同甲湖坊对…: a name of three
    if found is None and 0 < len(text) <= _MAX_SLOT_SUBJECT * 2 + 1 and not any(c in _STOPS for c in text) \
            and not any(w in text[_MIN_SLOT_SUBJECT - 1:] for w in _AFTER_PARTNER if len(w) > 1 or w == "对"):
        found = (names, len(text)) if (names := slot_names(text)) else None  # (a whole part of names: never one
        # running into the work, 会同甲湖坊对进展进行督查)
    if found is None or any(not _slot_sized(n) or _NOT_IN_SLOT_SUBJECT.search(n)
                            or _NOT_IN_NAME.search(n) or not _name_ok(n) or _people().search(n) for n in found[0]):
        return None
    return found


# What ends a partner's name read without the lexicon (会同甲湖坊对…, 会同甲湖坊依法…, 会同甲湖坊统一…)
_AFTER_PARTNER = (*_PREPOSITIONS_AFTER_DOER, *_ADVERBS_AFTER_NAME)


@lru_cache(maxsize=1)
def _step() -> re.Pattern:
    return re.compile(f"(?:{alternation('obligation.step')})")


def _stepping(part: str) -> tuple[list[str], int] | None:
    """The units a comma part opens with when they take a step of the work handed to them (区督查室汇总后,分别报…:
    role cues ``obligation.step``), and where their step begins; or None.

    >>> _stepping("区政府督查室汇总后"), _stepping("县财政局要保障经费"), _stepping("报县政府审核后实施")
    ((['区政府督查室'], 6), None, None)
    """
    if part.startswith(_REPORT_WORDS) or _step().search(part) is None:  # 报县政府审核后: the unit after 报
        return None
    if part.startswith("经") and opening_units(part[1:], _well_formed) is not None:
        return None  # 经县政府审核后组织实施: the work passes the unit's review, no step it is handed (经信局: a name)
    found = opening_units(part, _well_formed)
    if found is None or "报" in found[0][0]:  # 结果报县农业局审核后…: what goes to the unit, read as its name
        return None
    after = part.find(found[0][-1]) + len(found[0][-1])
    return (found[0], after) if _step().match(_after_adverbs(part[after:])) else None


_REPORT_WORDS = ("上报", "报送", "报", "送交")
_REPORT = re.compile(r"(?:上报|报送|报|送交)(?=[^，,。；;报]{2,24}?(?:后|汇总))")


def _reported_stepping(part: str) -> list[str] | None:
    """The units a comma part reports its work to that take a step of it before it goes on (完成情况报市发改委汇总
    后报市政府: 市发改委 does the 汇总), or None.

    >>> _reported_stepping("完成情况报市发改委汇总后报市政府"), _reported_stepping("完成情况报市发改委")
    (['市发改委'], None)
    """
    for m in _REPORT.finditer(part):
        if (stepped := _stepping(part[m.end():])) is not None:
            return stepped[0]
    return None


@lru_cache(maxsize=1)
def _partner() -> re.Pattern:
    return re.compile(f"(?:{alternation('obligation.partner')})")


# A partner named by no more than its relevance (会同有关部门): noise the guideline drops (F14, F16, H07 gold).
_BARE_PARTNER = re.compile(r"^(?:有关|相关)(?:部门|单位|方面)$")


# A notice's own sentences may carry a role word or two (省政府督查室牵头对…督办, 具体工作由X牵头负责): where the
# other readers placed units on no more than this many tasks, none in a table, each from a line that is an
# obligation sentence and holds no bracket clause, no closing clause and no role label, the obligation sentences
# are read when they outnumber those tasks at least two to one. A plan's items (1.…。(X牵头), 牵头单位:X, a unit
# line under an item) keep their cues, and its cover letter's sentences are no tasks (docs/evaluation.md).
NOTICE_CUES = 3
_NOTICE_RATIO = 2


# A title naming the document a notice, a report or a reply (关于…的通知), or its closing formula (特此通知。).
_NOTICE_TITLE = re.compile(r"关于.{2,80}的(?:通知|通报|批复)$")
_NOTICE_CLOSING = re.compile(r"^(?:特此通知|特此通报|特此批复|此复)[。.]?$")
_TITLE_LINES = 12


def is_notice(lines: list[Line]) -> bool:
    """Whether the document names itself a notice, report or reply: its title within its first lines, or a
    closing formula on a line of its own."""
    texts = [ln.text for ln in lines if ln.text]
    return any(_NOTICE_TITLE.search(t) for t in texts[:_TITLE_LINES]) or any(
        _NOTICE_CLOSING.match(t) for t in texts[-_TITLE_LINES:])


def reads_as_notice(tasks: list[Task], found: list[Task], lines: list[Line]) -> bool:
    """Whether the obligation sentences ``found`` are the tasks of a document whose other readers gave ``tasks``:
    always when those place no unit, else when the few they place come from role words inside the sentences
    that ``found`` reads (see NOTICE_CUES)."""
    # an item read by its subject (6、县政府要…) is itself an obligation sentence: it weighs nothing against them
    placed = [t for t in tasks if t.assignments and not all(a.basis and a.basis.startswith(ITEM_SUBJECT)
                                                            for a in t.assignments)]
    if not placed:
        return True
    sentences = sum(1 for t in found if not t.text.startswith("由")  # 由X… adds no sentence (nor 由X负责落实。)
                    and not all(a.basis == HANDED for a in t.assignments))
    # sentences that restate every unit the readers placed and name more (two at least: one sentence is an item's)
    restated = sum(1 for t in found if not t.text.startswith("由")) >= _NOTICE_RATIO and _restates(placed, found)
    if is_notice(lines):  # a document that calls itself a notice, a report or a reply: its obligation sentences
        if sentences <= len(placed) and not restated:  # outnumbering the tasks placed, however many
            return False
    elif len(placed) > NOTICE_CUES or sentences < _NOTICE_RATIO * len(placed) and not restated:
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
            if any(not _clause_in_sentence(text, f) for f in find_clauses(text)) or any(
                    match_label(text[m.start():]) is not None for m in LABEL_ANYWHERE.finditer(text)):
                return False
    return True


def _restates(placed: list[Task], found: list[Task]) -> bool:
    """Whether the parts of the obligation sentences ``found`` that hand work on with 由 say every (unit, role) the
    other readers ``placed`` on the lines they stand on, and the sentences name more units besides (市政府将…,具体
    工作由市发改委牵头负责。各地、各部门应于…组织自查,并将结果报市发改委,由市发改委将完成情况汇总上报: the clause
    reader placed only the hand-offs to 市发改委, the sentences read their subjects 各地 and 各部门 too): reading
    them loses nothing the readers found, however few the sentences.

    >>> def task(line, *units):
    ...     return Task(id="x", text="t", provenance=Provenance("f", line, line),
    ...                 assignments=[Assignment(u, r, basis=HANDED) for u, r in units])
    >>> placed = [task(6, ("市发改委", Role.LEAD))]
    >>> told = task(6, ("各地", Role.RESPONSIBLE))
    >>> told.assignments[0].basis = BASIS  # the subject of its sentence
    >>> _restates(placed, [task(6, ("市发改委", Role.LEAD)), told])
    True
    >>> _restates(placed, [task(6, ("市发改委", Role.RESPONSIBLE)), told])
    False
    >>> _restates(placed, [task(6, ("市发改委", Role.LEAD))])  # nothing more: the readers' tasks stand
    False
    """
    said: dict[int, set[tuple[str, Role]]] = {}
    subjects: set[tuple[str, Role]] = set()  # what the sentences tell their own subjects
    for task in found:
        if not all(a.basis == HANDED or "由" + a.unit in task.text for a in task.assignments):
            subjects.update((a.unit, a.role) for a in task.assignments)
            continue  # (a unit-first sentence the clause reader placed is a plan's clause as much as a notice's)
        for no in range(task.provenance.first_line, task.provenance.last_line + 1):
            said.setdefault(no, set()).update((a.unit, a.role) for a in task.assignments)
    for task in placed:
        on_lines = set().union(*(said.get(no, ()) for no in range(task.provenance.first_line,
                                                                  task.provenance.last_line + 1)))
        if any((a.unit, a.role) not in on_lines for a in task.assignments):
            return False
    return bool(subjects - {(a.unit, a.role) for t in placed for a in t.assignments})


_BRACKETS = "(（[【〔"


def _clause_in_sentence(text: str, found) -> bool:
    """Whether a clause the clause reader found is a notice's sentence telling its units what to do (市财政局负责
    资金保障,市交通局积极配合 / 市科技局牵头,市财政局配合,抓紧制定方案: work beside the units and role words),
    rather than a plan item's clause (牵头单位:X, (X牵头), 。X牵头,Y配合。).

    >>> from .clauses import find_clauses
    >>> [_clause_in_sentence(t, f) for t in ("三、强化保障。市财政局负责资金保障,市交通局积极配合。",
    ...  "1.推进改革。市发改委牵头,市财政局配合。", "1.推进改革(市发改委牵头)。") for f in find_clauses(t)]
    [True, False, False]
    """
    if found.clause.labelled or text[found.start:found.start + 1] in _BRACKETS:
        return False
    if found.leading:
        return True
    body = text[found.start:found.end].rstrip("。；;！!？? ")
    for part in bracket_depth_split(body, ",，"):
        part = part.strip(" \u3000")
        if part and not all(is_unit_name(n) for n in split_units(strip_noise(part)) or [part]):
            return True  # work beside the names: 负责资金保障, 抓紧制定方案
    return False


_MAX_BLANKS = 2  # blank lines a wrapped sentence may run across (a page copied with a blank line between lines)


def _opens_with_subject(text: str) -> bool:
    """Whether a line after a blank one opens a sentence of its own (全县各级各部门要…): the line before it
    lost its closing stop, it was not wrapped."""
    return _read_subject(bracket_depth_split(text, ",，")[0]) is not None


# A numbered item's heading printed before its first sentence with only a space between them (一、加强组织领导
# 各有关部门要…): the space ends the heading as a stop would.
_SPACED_HEADING = re.compile(r"^\s*((?:[一二三四五六七八九十]+、|\d{1,2}[.．、]|[(（][一二三四五六七八九十\d]+[)）])\s*"
                             r"[^\s，,。；;：:、]{2,%d})[ \t\u3000]+(?=\S)" % _MAX_HEADING)


def _after_glued_heading(body: str, room: int) -> tuple[list[str], str, str] | None:
    """The subject a numbered item's heading is glued to, with no stop between them (二、加强调研督导,化解改革风险
    各地、各部门要加大巡查督导力度: the heading ends where a collective opens the first sentence), or None."""
    for k in range(2, min(len(body) - 2, room)):
        if body[k] == "各" and (read := _read_subject(body[k:])) is not None:
            return read
    return None


_NARROW_WRAP = 20  # the narrowest width a page's lines are read as cut at (shorter open lines are headings)
_WRAPPED_LINES = 5  # open lines of one width that make a document read as hard-wrapped (and 2 in 5 of them)


def _wrap_width(lines: list[Line]) -> int:
    """The length from which a line not closed by its punctuation goes on in the next: _WRAP_WIDTH, or less in a
    document hard-wrapped narrower (a PDF column of 24 characters a line), where most open lines share one length.

    >>> from .lines import to_lines
    >>> _wrap_width(to_lines("\\n".join(["各乡镇要加强组织领导切实做好秸秆禁烧工作确保不发生火点"[:24]] * 6)))
    23
    >>> _wrap_width(to_lines("一、加强组织领导\\n各乡镇要加强组织领导。"))
    30
    """
    counts: dict[int, int] = {}
    for line in lines:
        n = len(line.text)
        if _NARROW_WRAP <= n < _WRAP_WIDTH + 1 and not line.text.endswith(_LINE_ENDS):
            counts[n] = counts.get(n, 0) + 1
    if not counts:
        return _WRAP_WIDTH
    opened = sum(counts.values()) + sum(1 for line in lines if len(line.text) > _WRAP_WIDTH
                                        and not line.text.endswith(_LINE_ENDS))
    n, width = max((counts.get(k - 1, 0) + counts[k] + counts.get(k + 1, 0), k) for k in counts)
    if n >= _WRAPPED_LINES and 5 * n >= 2 * opened:
        return min(_WRAP_WIDTH, max(_NARROW_WRAP, width - 1))
    return _WRAP_WIDTH


def _logical_lines(lines: list[Line]) -> list[tuple[str, list[tuple[int, int]]]]:
    """The lines with each long line not closed by its punctuation joined to the line that goes on with it (a
    wrap, not a heading: 由区政府办 / 公室负责…), across a blank line or two; each with (offset, line number) of
    its pieces."""
    out: list[tuple[str, list[tuple[int, int]]]] = []
    blanks = _MAX_BLANKS + 1
    before = ""  # the text of the last line with text
    width = _wrap_width(lines)
    for line in lines:
        text = line.text
        if not text:
            blanks += 1
            continue
        if (spaced := _SPACED_HEADING.match(line.raw)) is not None:  # 一、加强组织领导 各有关部门要…: a heading
            text = "".join(spaced.group(1).split()) + "。" + text[len("".join(spaced.group(1).split())):]
        if out and blanks <= _MAX_BLANKS and len(before) >= width and not before.endswith(_LINE_ENDS) \
                and not _ITEM_MARKER.match(text) and not (blanks and _opens_with_subject(text)):
            joined, starts = out[-1]
            out[-1] = (joined + text, starts + [(len(joined), line.no)])
        else:
            out.append((text, [(0, line.no)]))
        before, blanks = text, 0
    return out


# What the law or a rule says of the work (按照《…》规定应由公安部门负责管理), then who does it now (,现由X负责…).
_BY_RULE = re.compile(r"(?:按照|根据|依据|依照)[^。；;，,]{0,60}?(?:规定)?[^。；;，,]{0,8}?应(?:当|该)?由")
_NOW_BY = re.compile(r"[,，](?:现|今后|现改|改)(?:将[^，,。；;]{0,24}?)?由")


def rule_then_now(text: str, start: int, end: int, stop: int) -> bool:
    """Whether ``text[start:end]`` says who does the work by rule (按照《条例》规定应由县建设局负责) and what
    follows it up to ``stop`` who does it now (,现由县城管局负责): the rule's holder is no assignment.

    >>> rule_then_now("占道经营按照《条例》规定应由县建设局负责管理,现由县城管局负责管理", 0, 22, 33)
    True
    """
    if "应" not in text[start:end]:
        return False
    rule = _BY_RULE.search(text, start, end)
    return rule is not None and _NOW_BY.search(text, end, stop) is not None


# A sentence opening with the date its step is due by: 2016年2月底前, / 3月10日前, / 2017年底前, / 10月至12月,
STEP_DATE = re.compile(r"^(?:(?:\d{4}|[〇○零一二三四五六七八九十]{4})年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
                       r"(?:\d{1,2}日|[上中下]旬|底|初|末|中)?(?:(?:至|到|-|—)\d{1,2}月(?:\d{1,2}日|[上中下]旬|底|初|末)?)?"
                       r"(?:前|以前|之前|起|开始|期间|内)?[,，]"
                       r"|^(?:\d{4}|[〇○零一二三四五六七八九十]{4})年(?:底|年底|上半年|下半年|内)(?:前|以前|之前)?[,，]")
# The date a step is due by (2019年底前, 6月30日前), not the day something happened (10月29日, …召开会议)
_DUE_DATE = re.compile(r"(?:前|以前|之前)[,，]$")


# The lead words that mark the subject before them as a slot (role cues obligation.lead: 牵头, 负责, 会同, 负总责)
@lru_cache(maxsize=1)
def _lead_word() -> re.Pattern:
    return re.compile(alternation("obligation.lead"))


_MIN_SLOT_SUBJECT, _MAX_SLOT_SUBJECT = 4, 12  # characters of a subject read without the lexicon (a person: 2-3)


def _slot_sized(name: str) -> bool:
    """Whether a name read without the lexicon has a unit's length: 4-12 characters, or 3 when it opens with no
    surname and ends like no person (王某某, 联络员: people; 城东坊: a unit).

    >>> [_slot_sized(n) for n in ("城东片区坊", "城东坊", "王小明", "网格员", "甲乙")]
    [True, True, False, False, False]
    """
    return _MIN_SLOT_SUBJECT <= len(name) <= _MAX_SLOT_SUBJECT or len(name) == _MIN_SLOT_SUBJECT - 1 and not (
        has_surname(name) or name.endswith(_PERSON_ENDS))


_PERSON_ENDS = tuple("员人者")
_NOT_IN_SLOT_SUBJECT = re.compile(r"的|工作|任务|事项|项目|职责|职能|内容|要求|措施|目标|分工|本|该|其|我|此|所")


def _role_subject(body: str) -> tuple[list[str], str, str] | None:
    """The subject a sentence opens with when a lead word follows it (城东坊片区办牵头,组织开展…; 西岭苑区负责…):
    the role word marks a slot, so names no suffix list knows are kept (4-12 characters each, or 3 of no person:
    :func:`_slot_sized`; a list as a role slot reads it; never people, a name holding words of a sentence, or what
    opens like one).

    >>> _role_subject("城东坊片区办牵头"), _role_subject("东坊小区、西岭苑区负责清理河道")
    ((['城东坊片区办'], '牵头', ''), (['东坊小区', '西岭苑区'], '负责', '清理河道'))
    >>> _role_subject("王某某负责清理河道"), _role_subject("具体工作负责到人"), _role_subject("各分管领导负责协调")
    (None, None, None)
    >>> _role_subject("翠湖坊负责清理河道")
    (['翠湖坊'], '负责', '清理河道')
    >>> _role_subject("河道环境整治由王某某牵头")  # the work, handed to a person
    >>> _role_subject("城东坊片区办:负责清理河道"), _role_subject("主要职责:负责清理河道")  # a unit's duties, a title's
    ((['城东坊片区办'], '负责', '清理河道'), None)

    """
    m = _lead_word().search(body, _MIN_SLOT_SUBJECT - 1, _MAX_SLOT_SUBJECT * 2 + 2)
    if m is None or any(c in _STOPS for c in body[:m.start()]):
        return None
    names = slot_names(body[:m.start() - (body[m.start() - 1] in ":：")])  # 城东坊片区办:负责…: its duties
    if not names or any(not _slot_sized(n) or _NOT_IN_SLOT_SUBJECT.search(n)
                        or _NOT_IN_NAME.search(n) or not _name_ok(n) or _people().search(n) or _heads().search(n)
                        for n in names):
        return None
    return names, m.group(), body[m.end():]


# The modal words that mark the subject before them as a slot when they follow a sentence's first words directly
# (甲坊片区办要…, 城东坊将对…进行督查): 要 not of 要求 / 要点, 将 not before a deictic (将其, 将此: the work's object)
_SLOT_MODAL = re.compile(r"要(?![求点素])|应当|(?<![供响适相对反效感答回])应(?![急用对该])|必须|须|务必|将(?![其此该本])"
                         r"|对(?=[^，,。；;]{1,30}负(?:总)?责(?!人))")  # 甲坊对本辖区工作负总责: a charge


@lru_cache(maxsize=1)
def _topic() -> re.Pattern:
    """What a name of a thing ends with (role cues ``obligation.topic``: 报告, 资金)."""
    return re.compile(f"(?:{alternation('obligation.topic')})$")


# What opens the words before a modal that name everyone of a place or a kind (全市上下, 广大干部), or an event
# by its number (第七届运动会将在…举办): no body
_NOT_SLOT_OPENING = re.compile(r"^(?:全|广大|第)")  # (第七届运动会将…: an event)


def _modal_subject(body: str) -> tuple[list[str], str, str] | None:
    """The subject a sentence opens with when a modal obligation word follows it directly (城东坊片区办要加强…,
    东坊小区、西岭苑区将定期督查…): in a document read by its obligation sentences the modal marks a slot as a
    lead word does (:func:`_role_subject`), so names no suffix list knows are kept (:func:`_slot_sized`); never
    people, a name holding a sentence's words or ending like no unit (role cues ``slot.no-unit``: 群众, 工作),
    what opens like a sentence, or a topic (督办报告要…: a name of a thing, not a body).

    >>> _modal_subject("城东坊片区舍要加强统筹"), _modal_subject("东坊小区、西岭苑区将定期督查")
    ((['城东坊片区舍'], '要', '加强统筹'), (['东坊小区', '西岭苑区'], '将', '定期督查'))
    >>> _modal_subject("各乡镇和翠湖坊要加强统筹"), _modal_subject("省供应链协会附件")  # 应 of a word
    ((['各乡镇', '翠湖坊'], '要', '加强统筹'), None)
    >>> _modal_subject("分管副市长要亲自抓"), _modal_subject("第七届运动会将在我市举办")  # a post, an event
    (None, None)
    >>> _modal_subject("翠湖片区舍对本辖区工作负总责")  # a charge
    (['翠湖片区舍'], '对', '本辖区工作负总责')
    >>> _modal_subject("王某某要加强统筹"), _modal_subject("广大群众要积极参与"), _modal_subject("此项工作要抓紧")
    (None, None, None)
    >>> _modal_subject("要加强统筹"), _modal_subject("主要领导要亲自抓"), _modal_subject("督办报告要一事一文")
    (None, None, None)
    >>> _modal_subject("各县级包抓领导要督办"), _modal_subject("全市上下一定要"), _modal_subject("公文处理必须及时")
    (None, None, None)
    """
    if (intro := _patterns()[2].match(body)) is not None:  # 特别是城东坊要…: a lead-in, then the subject
        body = body[intro.end():].lstrip(",，:： ")
    m = _SLOT_MODAL.search(body, 0, _MAX_SLOT_SUBJECT * 2 + 2)
    if m is None or m.start() < _MIN_SLOT_SUBJECT - 1 or any(c in _STOPS for c in body[:m.start()]) \
            or body[m.start() - 1:m.start() + 1] in _WORDS_WITH_YAO:
        return None
    said = body[:m.start()]
    while said.endswith(_ADVERBS):  # 全市上下一定要…: the adverb before the modal is no name's part
        said = said[:-len(next(a for a in _ADVERBS if said.endswith(a)))]
    if _heads().search(said) or _NOT_SLOT_OPENING.match(said) or ":" in said or "：" in said:
        return None  # 各县级包抓领导要…: people (the slot reader would keep their unit's words); 会议决定:要…
    names = _slot_subject(said)
    if names is None or all(_known(n) for n in names):
        return None  # (a list the lexicon knows whole was read by its names already)
    return names, m.group(), body[m.end():]


def told_name(name: str) -> bool:
    """Whether a notice's subject is a name the obligation reading knows without its slot (县财政局, 各镇, 桂林市,
    你省), rather than one a modal, lead word or 会同 kept whatever it ends with (翠湖片区舍要…): the latter are
    reported as unrecognised in the coverage.

    >>> told_name("县财政局"), told_name("各镇"), told_name("翠湖片区舍")
    (True, True, False)
    """
    return _subject(name) is not None or _ROLE_COLLECTIVE.match(name) is not None


def _known(name: str) -> bool:
    return bool(_well_formed(name) or _ROLE_COLLECTIVE.match(name))


def _slot_subject(said: str) -> list[str] | None:
    """The names of a subject's slot read without the lexicon (:func:`_modal_subject`): as
    a slot reads them, a known name beside them split off at 和 / 及; each either known or of a unit's length
    (:func:`_slot_sized`: 王某某 is a person) and shape: never a person or post, a name holding a sentence's words,
    ending like no unit (``slot.no-unit``) or like a thing (``obligation.topic``), two names the lexicon cannot
    tell apart (甲坊和乙舍), or a place no division table knows (某某市, 大中城市)."""
    names = [part for n in slot_names(said) or () for part in _known_beside(n)]
    if not names or any(not _known(n) and (
            not _slot_sized(n) or _NOT_IN_SLOT_SUBJECT.search(n) or _NOT_IN_NAME.search(n) or not _name_ok(n)
            or _people().search(n) or _heads().search(n) or _no_unit().search(n) or _topic().search(n)
            or "和" in n or "及" in n or n.endswith(_LEVEL_ENDS)) for n in names):
        return None
    return names


_LEVEL_ENDS = tuple("省市州县盟旗")  # (not 区: 片区, 景区 name zones)


def _known_beside(name: str) -> list[str]:
    """A name joined by 和 / 及 to a name the lexicon knows (城东坊和各市县, 各市县及城东坊): two names; else the
    name alone (市人力资源和社会保障局, known whole; 城东坊和西岭苑: the lexicon tells neither).

    >>> _known_beside("城东坊和各市县"), _known_beside("县财政局及城东片区坊"), _known_beside("城东坊和西岭苑")
    (['城东坊', '各市县'], ['县财政局', '城东片区坊'], ['城东坊和西岭苑'])
    """
    if ("和" not in name and "及" not in name) or _well_formed(name):
        return [name]
    for m in re.finditer("[和及]", name):
        left, right = name[:m.start()], name[m.end():]
        if len(left) >= 2 and len(right) >= 2 and (_well_formed(left) or _well_formed(right)
                                                   or _ROLE_COLLECTIVE.match(left) or _ROLE_COLLECTIVE.match(right)):
            return [left, *_known_beside(right)]
    return [name]


def _dated_subject(body: str) -> tuple[list[str], str, str] | None:
    """The subject of a step whose date opens its sentence (2019年底前,全市各村(居)委会100%成立…): the units the
    part after the date opens with, then the step's work, whatever verb opens it (no obligation word: the date
    tells it); never a name the part only describes (…的).

    >>> _dated_subject("全市各社区居委会100%成立关爱小组")
    (['全市各社区居委会'], '', '100%成立关爱小组')
    >>> _dated_subject("全市完成率达到90%") is None
    True
    """
    got = opening_units(body, _well_formed)
    if got is None or got[1] >= len(body) or body[got[1]] in _STOPS or body.startswith("的", got[1]):
        return None
    return got[0], "", body[got[1]:]


# The formula a notice hands itself over with (现印发给你们, 现将…下达给你们): what its sentence says before it is
# how the issuer made the notice, not what the units addressed are told.
_ISSUING = re.compile(r"现(?:将[^，,。；;]{0,40}?)?(?:印发|下达|转发|发|分解下达|下发)给你们")


def _units_only(text: str) -> bool:
    """A line that is nothing but a clause handing work to units (由甲坊牵头,乙舍等配合。): no work named.

    >>> _units_only("由甲坊牵头,乙舍、丙庐等配合。"), _units_only("由甲坊牵头,乙舍配合,抓好春耕。")
    (True, False)
    """
    found = leading_clauses(text)
    return bool(found) and found[0].start == 0 and not text[found[0].end:].strip("。；;,， ")


def obligation_tasks(lines: list[Line], source: str) -> list[Task]:
    """One task for each sentence (or comma part) whose subject is told what to do.

    >>> from .lines import to_lines
    >>> [t.assignments[0].unit for t in obligation_tasks(to_lines(
    ...     "二、桂林市要切实加强组织领导。\\n请各地、各部门抓好落实。\\n《规划》实施要高举旗帜。"), "n.txt")]
    ['桂林市', '各地']
    """
    tasks: list[Task] = []
    logical = _logical_lines(lines)
    for number, (text, starts) in enumerate(logical, start=1):
        if len(text) < 6 or text[0] == "由" and _units_only(text):
            continue  # 由甲坊牵头,乙舍等配合。: the units of the item above (a unit line), no work of its own

        def line_at(offset: int) -> int:  # the source line of a character of the (joined) text
            return next(no for at_, no in reversed(starts) if at_ <= offset)

        at = 0
        first = True  # no task yet on this line
        sentences = bracket_depth_split(text, "。；;！!？?")
        for place, sentence in enumerate(sentences, start=1):
            found: list[tuple[int, int, tuple[list[str], str, str]]] = []
            also: dict[int, list[tuple[str, Role]]] = {}  # units a later part of the subject's sentence adds
            offset = 0
            segments = bracket_depth_split(sentence, ",，")
            numbered = at == 0 and _ITEM_MARKER.match(sentence.lstrip(" \u3000")) is not None
            for index, segment in enumerate(segments):
                lead = segment.lstrip(" \u3000")
                body = _ITEM_MARKER.sub("", lead)
                item = offset == 0 and at == 0 and body != lead
                body = _ARTICLE.sub("", body) if body.startswith("第") else body
                read = _read_subject(body, item=item)
                if read is None and (index == 0 or found and found[-1][2][1] == "负责"):
                    read = _role_subject(body)  # 城东坊片区办牵头,组织…: the lead word marks its subject (after a
                    if read is not None and index > 0 and read[1] != "负责":  # comma in a sentence shared out:
                        read = None  # 甲坊负责…,乙舍负责…)
                if read is None:
                    read = _modal_subject(body)  # 城东坊片区办要加强…: so does a modal word right after it
                if read is None and item and (titled := _TITLE_COLON.match(body)) is not None:
                    body = body[titled.end():]  # (三)制衡性原则:学校应当…: the item's title, then its sentence
                    read = _read_subject(body)
                if read is None and not found and index + 1 < len(segments):
                    read = _subject_before_comma(body, segments[index + 1])
                if read is None and index == 1 and not found and segments[0].endswith("前") \
                        and STEP_DATE.match(date := segments[0].lstrip(" \u3000") + ",") and _DUE_DATE.search(date):
                    read = _dated_subject(body)  # 2019年底前,全市各村(居)委会成立…: the date tells the subject
                if read is None and not found and at == 0 and numbered and offset < _MAX_HEADING:
                    read = _after_glued_heading(body, _MAX_HEADING - offset)  # 二、加强督导,化解风险各地要…
                if read is not None:
                    start = offset + (len(segment) - len(body))
                    found.append((start, offset + len(segment), read))
                elif (by_at := _handed_to(lead)) is not None \
                        and (by := _handed_units(after := _after_relative(lead, by_at + 1))) \
                        and not any(n in org_suffixes() or _place(n) for n in by[0]):  # 由办公室负责: whose office
                    # is not said; 由吕梁市行政审批服务管理局…: a name longer than a scan reads, not the city
                    # …报送区督查组,由区督查组综合后向区政府汇报: work handed to another unit, a task of its own
                    # (“河长制”由县水委组织实施: the work named before 由)
                    start = offset + len(segment) - len(lead)
                    found.append((start, offset + len(segment),
                                  (by[0], "由" if found else "",
                                   "".join(_ROLE_READ.findall(after, 0, by[1])) + after[by[1]:])))
                elif found and ("后" in lead or "汇总" in lead) and (stepped := _stepping(lead)) is not None:
                    # …上报区督查室,区督查室汇总后报区政府: the unit the work is handed to, a task of its own
                    start = offset + len(segment) - len(lead)
                    found.append((start, offset + len(segment), (stepped[0], "由", lead[stepped[1]:])))
                elif found and ("后" in lead or "汇总" in lead) and (reported := _reported_stepping(lead)):
                    # …,完成情况报市发改委汇总后报市政府: the unit taking that step is the subject's partner in it
                    also.setdefault(len(found) - 1, []).extend((n, Role.RESPONSIBLE) for n in reported)
                elif found and (helpers := _helping(lead)):  # X负责…,Y积极配合: Y works with the subject
                    also.setdefault(len(found) - 1, []).extend((n, Role.COOPERATING) for n in helpers)
                offset += len(segment) + 1
            if found and "给你们" in sentence and (issued := _ISSUING.search(sentence)) is not None:
                # 根据…,市政府将年度工作任务分解为37项,现下达给你们: how the issuer made the notice, no task
                kept = [k for k, f in enumerate(found) if f[0] >= issued.start()]
                also = {kept.index(k): units for k, units in also.items() if k in kept}
                found = [found[k] for k in kept]
            for k in range(len(found) - 1, 0, -1):  # 市政府将实施动态管理,具体由市发改委牵头负责: who does it
                if _HANDED_ON.match(sentence, found[k][0]):
                    found[k - 1:k + 1] = [(found[k - 1][0], found[k][1], found[k][2])]
                    also = {j - (j >= k): units for j, units in also.items() if j != k - 1}
            for k in range(len(found) - 1, 0, -1):  # 按照…规定应由X负责管理,现由Y负责管理: Y does it
                if rule_then_now(sentence, found[k - 1][0], found[k - 1][1], found[k][1]):
                    del found[k - 1]
                    also = {j - (j >= k): units for j, units in also.items() if j != k - 1}
            if len(found) > 1 and all(word == "负责" for _, _, (_, word, _) in found):
                # 市交通委负责统筹…,市港航中心负责组织实施…: a sentence shared out among its units, one task
                # (as clauses.leading_clauses reads it)
                found = [(found[0][0], found[0][1], ([n for _, _, (names, _, _) in found for n in names], "负责",
                                                      found[0][2][2]))]
                also = {0: [a for units in also.values() for a in units]} if also else also
            for k, (start, end, (names, word, rest)) in enumerate(found):
                stop = found[k + 1][0] if k + 1 < len(found) else len(sentence)
                assignments = _roles(names, word, rest, bracket_depth_split(sentence[end + 1:stop], ",，"))
                assignments += [(n, r) for n, r in also.get(k, ()) if n not in names]
                if k == 0:  # 从第二季度起,各牵头单位要…: the sentence's opening words are the task's too
                    opening = sentence.lstrip(" \u3000")
                    start = len(sentence) - len(_ITEM_MARKER.sub("", opening, count=1))
                task_text = sentence[start:stop].strip(" ,，\u3000")
                if len(task_text) < (4 if number == len(logical) and place == len(sentences) else 6):
                    # (the document cut right after a subject's obligation word: 各地区要因 is a task still)
                    continue
                first_no = last_no = line_at(at + start)
                if k == 0 and first and 0 < at and not _ITEM_MARKER.match(sentence.lstrip(" \u3000")):
                    # 二、压实责任,推动落实。(…。)各牵头单位要…: the numbered paragraph's
                    opening = text[:at].lstrip(" \u3000")  # heading (and what follows it) opens its first task
                    heading = _ITEM_MARKER.sub("", opening, count=1)
                    if len(heading) >= 4 and heading != opening:
                        task_text, first_no = heading + task_text, line_at(0)
                first = False
                last_no = max(first_no, line_at(at + max(start, stop - 1)))
                prov = Provenance(source, first_no, last_no)
                tasks.append(Task(id=f"O{first_no}-{len(tasks) + 1}", text=task_text, provenance=prov,
                                  assignments=[Assignment(u, r, Provenance(source, first_no, first_no), inferred=True,
                                                          basis=HANDED if word == "由" else BASIS)
                                              for u, r in assignments]))
            at += len(sentence) + 1
    return tasks
