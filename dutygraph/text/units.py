"""Recognising unit names and splitting printed unit lists.

A *unit* is an organisation named as accountable for a task. A printed cell or
clause lists units joined by 、 ， , ； ;; 及 and 和 join two units only where both
sides are names (市人力资源和社会保障局 stays whole).

>>> split_units("市发改委、市财政局,各区政府")
['市发改委', '市财政局', '各区政府']
>>> split_units("市人力资源和社会保障局、市财政局和市税务局")
['市人力资源和社会保障局', '市财政局', '市税务局']
>>> split_units("区卫健委、区教育局和各镇街(园区)")
['区卫健委', '区教育局', '各镇街(园区)']
>>> split_units("市交通局(市港航局)、住房和城乡建设局等")
['市交通局(市港航局)', '住房和城乡建设局']
>>> split_units("能源局等省有关部门和各地级以上市人民政府按职责分工负责")
['能源局', '各地级以上市人民政府']
>>> split_units("各地、各部门"), split_units("各县、区人民政府"), split_units("13个街道、镇")
(['各地', '各部门'], ['各县、区人民政府'], ['13个街道、镇'])
>>> split_units("各相关处室、单位"), split_units("市统计局、局")
(['各相关处室、单位'], ['市统计局', '局'])
>>> split_units("市财政局、各县(市)、区人民政府"), split_units("各乡镇(街道)、县级各部门")
(['市财政局', '各县(市)、区人民政府'], ['各乡镇(街道)', '县级各部门'])
>>> split_units("市环保局,有关县(市)、区政府")
['市环保局', '有关县(市)、区政府']
>>> is_unit_name("市政府经济"), is_unit_name("市政府经济金融办")
(False, True)
>>> looks_like_unit_list("公共资源交易中心、各县市区人民政府")
True
>>> looks_like_unit_list("加快推进株冶路建设,力争年内开工。")
False
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .normalize import SENTENCE_PUNCT, bracket_depth_split, clean
from .role_cues import alternation, words

LIST_SEPARATORS = "、，,；;/"
_TRAILING_NOISE = re.compile(r"等(?:省|市|区|县|州|市级|省级|区级|县级)?直?(?:有关|相关|其他|其它|行业主管|主管|职能|成员)?"
                             r"(?:部门|单位|机构)?$")
# Role words printed after a list: 牵头, 负责, 配合, 分别牵头落实, 按职责分工负责 … (and 卖力, a reworded 负责).
LEAD_WORDS, COOPERATING_WORDS, DUTY_WORDS = (words(f"word.{k}") for k in ("lead", "cooperating", "duty"))
ROLE_WORDS = tuple(sorted(set(LEAD_WORDS + COOPERATING_WORDS + DUTY_WORDS), key=len, reverse=True))
ROLE_AFTER = words("word.after")  # may follow a role word (牵头落实, 负责实施)
ROLE_TAIL = re.compile(r"(?:" + "|".join(words("word.before")) + r"){0,2}"  # 按职责分工具体负责: two may stand
                       r"(?:" + "|".join(ROLE_WORDS) + r")(?:" + "|".join(ROLE_AFTER) + r")?$")
ROLE_ENDINGS = ROLE_WORDS + ROLE_AFTER  # what every ROLE_TAIL ends with: a cheap test before the regex
# Collectives that name no suffix of their own and never share one with the name after them.
_COLLECTIVE_WORDS = re.compile(r"^(?:各|相关|有关)(?:地|级|地区|地方|方|有关方面|相关方面|成员单位)$")
_COLLECTIVE_START = re.compile(r"^(?:各|相关|有关)")
_CONJUNCTIONS = re.compile(r"[和及与]")
MAX_NAME_LENGTH = 40


@lru_cache(maxsize=1)
def org_suffixes() -> tuple[str, ...]:
    """The organisation endings from ``data/org_suffixes.txt``."""
    return tuple(sorted({s for s in _suffix_lines() if not s.startswith("-")}, key=len, reverse=True))


@lru_cache(maxsize=1)
def false_endings() -> tuple[str, ...]:
    """Words that end like an organisation but name none (布局, 干部): the ``-`` lines of ``org_suffixes.txt``."""
    return tuple(s[1:] for s in _suffix_lines() if s.startswith("-") and len(s) > 1)


@lru_cache(maxsize=1)
def _suffix_lines() -> tuple[str, ...]:
    text = resources.files("dutygraph.data").joinpath("org_suffixes.txt").read_text("utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


_MARKS = "★☆●○■□◆◇▲△►•*※"


@lru_cache(maxsize=65536)
def strip_noise(name: str) -> str:
    """Remove trailing 等 / 等有关部门 / 牵头 / 负责 / 配合 … and stray punctuation around a name.

    >>> strip_noise("农业局等"), strip_noise("市发改委牵头落实"), strip_noise("住建厅等省有关部门配合")
    ('农业局', '市发改委', '住建厅')
    """
    name = clean(name).strip("、，,；;。:：").strip(_MARKS)  # ★区发改委, 区发改委★: the mark (a lead, a key task) is no name
    for _ in range(3):  # 等部门配合: a role word after the 等 noise
        stripped = _strip_tail(name) if len(name) > 2 else name
        if stripped == name or not stripped:
            break
        name = stripped.strip("、，,；;")
    return name


def _strip_tail(name: str) -> str:
    """The name without a trailing role word, then without trailing 等 noise (each regex only where it can match)."""
    if name.endswith(ROLE_ENDINGS):
        name = ROLE_TAIL.sub("", name)
    return _TRAILING_NOISE.sub("", name) if "等" in name else name


def _strip_brackets(name: str) -> str:
    """The name with a trailing bracketed alias removed: 市交通局(市港航局) -> 市交通局."""
    return re.sub(r"[(（〔][^()（）〔〕]*[)）〕]$", "", name)


@lru_cache(maxsize=1)
def _suffix_pattern() -> re.Pattern:
    alternatives = "|".join(re.escape(s) for s in org_suffixes())
    return re.compile(r"^[^" + re.escape(SENTENCE_PUNCT) + r"，,]+?(?:" + alternatives + r")$")


_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")


def bracket_commas(name: str) -> str:
    """The name with the commas of its bracketed enumerations read as 、 (各县(市，区)政府 is 各县(市、区)政府).

    >>> bracket_commas("各县(市，区)政府"), bracket_commas("市发改委，市财政局")
    ('各县(市、区)政府', '市发改委，市财政局')
    """
    if "，" not in name and "," not in name:
        return name
    return _BRACKETED.sub(lambda m: m.group().replace("，", "、").replace(",", "、"), name)


@lru_cache(maxsize=65536)
def is_unit_name(name: str) -> bool:
    """Whether ``name`` reads as one organisation (it ends with an organisation suffix)."""
    name = _strip_brackets(strip_noise(bracket_commas(name)))
    if len(name) < 2 or len(name) > MAX_NAME_LENGTH or name.endswith(false_endings()):
        return False  # 优化城乡结构布局 ends in 局 but names no office
    return _suffix_pattern().match(name) is not None or _COLLECTIVE_WORDS.match(name) is not None


# A collective of places (各村(社区), 各镇, 各区县): a name in a list though no organisation suffix ends it.
_PLACES = re.compile(r"^各(?!项|类|种|个|位|方|环节|阶段|时期|领域|行业|自|有关|相关|级各)[\u4e00-\u9fff]{1,4}"
                     r"(?:[(（][\u4e00-\u9fff、]{1,8}[)）])?$")


def is_listed_name(name: str) -> bool:
    """Whether ``name`` may stand as one name of a list: an organisation's, or a collective of places.

    >>> is_listed_name("各村(社区)"), is_listed_name("县财政局"), is_listed_name("各项工作"), is_listed_name("加快")
    (True, True, False, False)
    """
    return is_unit_name(name) or _PLACES.match(strip_noise(name)) is not None


@lru_cache(maxsize=1)
def _label_words() -> re.Pattern:
    kinds = ("leader", "division", "lead", "cooperating", "cooperating-bare", "responsible", "deadline")
    return re.compile("^(?:" + "|".join(alternation(f"label.{k}") for k in kinds) + ")$")


def _label_word(word: str) -> bool:
    return _label_words().match(word) is not None


# a bracket group holding white space; a bracketed note inside it (各村(社区)) is part of it
_IN_GROUP = r"(?:[^()（）〔〕【】\[\]［］]|[(（][^()（）〔〕【】\[\]［］]*[)）])"
_SPACED_GROUP = re.compile(r"[(（〔【\[［]" + _IN_GROUP + r"*\s" + _IN_GROUP + r"*[)）〕】\]］]")
_NAME_EDGE = "、，,；;:：。(（〔【[［)）〕】]］"
_LIST_EDGE = "、，,；;:：。"
_OPENERS = "(（〔【[［"


def _last_name(token: str) -> str:
    """The last name of a token (what follows its last separator or bracket), a bracketed note kept with its
    name when the token closes it (各村(社区)牵头: 各村(社区)牵头, not 牵头)."""
    tail = re.split(f"[{re.escape(_NAME_EDGE)}]", token)[-1]
    if token[-1:] in ")）" or tail in ROLE_ENDINGS:
        whole = bracket_depth_split(token.lstrip(_OPENERS), _LIST_EDGE)[-1]
        if whole.count("(") + whole.count("（") == whole.count(")") + whole.count("）") and whole[:1] not in _OPENERS:
            return whole
    return tail


def join_spaced_names(raw: str) -> str:
    """The line without white space, except between two names inside brackets: there the space separated
    them and stands as 、 (the copy lost the list's separators: (体育总局 民政部负责)); after a label it stands
    for the colon.

    >>> join_spaced_names("做好A。（责任单位：市发改委 市财政局）"), join_spaced_names("（市 发 改 委 牵头）")
    ('做好A。（责任单位：市发改委、市财政局）', '（市发改委牵头）')
    >>> join_spaced_names("（市住建局牵头 市财政局配合）")
    '（市住建局牵头，市财政局配合）'
    >>> join_spaced_names("（责任单位 市发改委 市财政局）")
    '（责任单位：市发改委、市财政局）'
    """
    def group(m: re.Match) -> str:
        tokens = m.group().split()
        out = [tokens[0]]
        for left, right in zip(tokens, tokens[1:]):
            tail = _last_name(left)
            head = re.split(f"[{re.escape(_NAME_EDGE)}]", right)[0]
            if not is_listed_name(strip_noise(head)) or _label_word(head):
                out.append(right)
            elif _label_word(tail):  # (责任单位 市发改委): the space stands for the label's colon
                out.append("：" + right)
            elif len(tail) >= 2 and is_listed_name(tail):  # (市住建局牵头 市财政局配合): a role word ends a part
                out.append(("，" if strip_noise(tail) != tail else "、") + right)
            else:
                out.append(right)
        return "".join(out)
    return "".join(_SPACED_GROUP.sub(group, raw).split())


def spaced_names(raw: str) -> str | None:
    """A line made only of unit names a space separates (a table cell copied without its separators), the
    spaces as 、; None for any other line.

    >>> spaced_names("县财政局 县自然资源局"), spaced_names("市 发 改 委"), spaced_names("1 加快建设 县发改局")
    ('县财政局、县自然资源局', None, None)
    >>> spaced_names("市发改委 市农业局,各县政府 市公安局等")
    '市发改委、市农业局,各县政府、市公安局等'
    """
    tokens = raw.split()
    if not 1 < len(tokens) <= 16:
        return None
    for token in tokens:
        for name in _COMMA.split(token):
            name = strip_noise(name.removesuffix("等"))
            if len(name) < 3 or not is_unit_name(name) or _label_word(name):
                return None
    return "、".join(tokens)


_COMMA = re.compile("[,，]")


def _is_bare_suffix(name: str) -> bool:
    return name in org_suffixes()


# A collective that may stand after 和/及 (区教育局和各镇街(园区)): 各 and a short name, not 各项/各类. Before
# 和/及 it shares the name after it (各市州及县市区财政部门 is one name).
_JOINABLE_COLLECTIVE = re.compile(r"^各(?!项|类|种|个|位|方面|环节|阶段|级各|自)[\u4e00-\u9fff()（）]{1,10}$")


# A collective of bodies that names no place (有关部门, 各单位): a collective before it (各县及有关部门) shares nothing
# with it (各县(市)及相关区政府 shares 政府).
_BODIES = re.compile(r"^(?:各|有关|相关)(?:有关|相关)?(?:部门|单位|机构|方面)$")


# (r-labels7) the bodies of a level (市直相关单位, 市级各有关部门), after a place named whole (岳麓区和市直相关单位): two
# names, the place's government and the level's bodies, sharing nothing
_LEVEL_BODIES = re.compile(r"^[省市县区](?:直|级|属)各?(?:有关|相关)?(?:部门|单位|机构)$")
_PLACE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:区|县|市|镇|乡|州|旗)$")


_KINDS = ("部门", "单位", "机构", "系统", "方面")  # a kind the sectors before it share (县发改、财政部门)
_LEVEL_OR_EACH = re.compile(r"^(?:各|[省市县区州](?!政|场|民|区|县|级|直|属|[省市县区州]))")


def _level_whole(name: str) -> bool:
    """A name of four or more characters opening with its level alone (县甲溪坊, 州乙岭舍): a body of that level."""
    return len(name) >= 4 and _LEVEL_OR_EACH.match(name) is not None and name[0] != "各" and is_level_name(name)


def _joinable(name: str) -> bool:
    return is_unit_name(name) or _JOINABLE_COLLECTIVE.match(name) is not None


def _split_conjunctions(part: str) -> list[str]:
    """Split ``part`` on 和/及/与 where both sides are whole unit names."""
    pieces = [part]
    for match in reversed(list(_CONJUNCTIONS.finditer(part))):
        i = match.start()
        left, right = part[:i], part[i + 1:]
        if (is_unit_name(left) or _BODIES.match(right) and _JOINABLE_COLLECTIVE.match(left)
                or _LEVEL_BODIES.match(right) and _PLACE_NAME.match(left)) \
                and _joinable(right) and not _is_bare_suffix(right) \
                or _level_whole(left) and _LEVEL_OR_EACH.match(right) and (_joinable(right) or _level_whole(right)):
            # 各县及有关部门: two collectives; 省甲溪坊和各市人民政府, 州乙岭舍及州丙泉庐: two names each opening with
            # its level, whatever they end with (市人力资源和社会保障局 is one: its second half opens with no level)
            # right may hold further conjunctions already handled by the loop order
            pieces = _split_conjunctions(left) + [right]
            break
    return [strip_noise(p) for p in pieces]


def split_units(cell: str) -> list[str]:
    """Split a printed unit list into names, in printed order.

    Shared-suffix lists (长沙、株洲、湘潭市政府) stay one item as printed: the bare
    place names before the name that carries the suffix are kept with it. A
    collective (各部门, 相关区政府) never carries a shared suffix, and a bare name
    before a name without an organisation suffix stays a name of its own.
    """
    return list(_split_units(cell))


# A name opening with its level is whole (县水利局, 中国残联): no whole name before it shares its suffix.
_LEVEL_START = re.compile(r"^(?:[省市县区州镇乡]|中国|全国|国家|中华|中央)")
_AREA_PREFIX = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:区|县|市|镇|乡|园|城|州|旗)(?=[\u4e00-\u9fff]{2})")
_AREA = re.compile(r"^[^和及与等]{3,}$")  # 城西管理区, 城东大垸: a whole name (not 各县、市、区政府, 地税局等和各市)
# A name that is a collective of its own (区级各部门, 县直各单位): a collective before it (各镇、区级各部门) is another
# name, not a shared prefix (各市、县人民政府 shares one).
_OWN_COLLECTIVE = re.compile(r"^[^各]{1,6}各")
# A body's own name (区统计局): a short tail after it is a name cut short (…区统计局、区), not a shared kind.
_BODY_END = re.compile(r"(?:局|委|办|厅|署|院|中心|公司|集团|室|科|所|站|队|行|社)$")


def _name_and_prefix(part: str) -> tuple[str, str] | None:
    """A whole name, 和/及/与, then a short bare name waiting for a suffix (地税局等和各市), or None."""
    at = max(part.rfind("和"), part.rfind("及"), part.rfind("与"))
    if at <= 1 or len(part) - at > 5:
        return None
    left, right = strip_noise(part[:at]), part[at + 1:]
    # (r-slots2) 等 closing the list before 和 marks its end whatever the last name ends with (…丙琮庐等和各市)
    return (left, right) if right and (is_unit_name(left) or part[at - 1] == "等" and len(left) >= 3) \
        and not is_unit_name(right) else None


# A collective of places with a bracketed note (各县(市)): held like 各县 when a name with a suffix follows it.
# (r-labels7) 有关 / 相关 places as 各 ones (有关县(市)、区政府).
_PLACE_WITH_NOTE = re.compile(r"^(?:各|有关|相关)[\u4e00-\u9fff]{1,2}[(（][\u4e00-\u9fff、]{1,6}[)）]$")


# A bracketed place note, then a short bare kind waiting for a suffix (各县(市、区)发改 in 各县(市、区)发改、财政部门): held
# like 县发改 in 县发改、财政、审计部门.
_NOTED_PLACE_KIND = re.compile(r"^各?[\u4e00-\u9fff]?[省市县区州盟旗镇乡][(（][省市县区州盟旗镇乡、]{1,6}[)）][\u4e00-\u9fff]{1,4}$")


# Collectives of places that hold no departments (villages, communities): one before a level's department is a
# name of its own (各村(社区)、镇规建办), unlike a level's (各区、县民政局 shares 民政局).
_LEVELS = re.compile(r"^[省市县区州盟旗镇乡]+")
_GRASSROOTS = re.compile(r"^各(?:行政)?(?:村|社区|村居|村组|居委会|村委会|村\(社区\)|村（社区）|组)(?:[(（][^()（）]*[)）])?$")
_GOVERNMENT_BODY = re.compile(r"(?:人民政府|政府|党委|党工委|管委会?|两委)")


def _department_after_collective(held: list[str], part: str) -> bool:
    """A collective of villages or communities (各村(社区), 各社区) before a level's department (镇规建办): two
    names, for villages share no department's name; a government's body they may share (各村、镇党委).

    >>> _department_after_collective(["各村(社区)"], "镇规建办"), _department_after_collective(["各区"], "县民政局")
    (True, False)
    """
    m = _LEVELS.match(part)
    return m is not None and _GRASSROOTS.match(held[0]) is not None and _GOVERNMENT_BODY.match(part, m.end()) is None


# (r-labels7) a collective of levels (有关县, 相关市(州)): no whole name of an area, it shares the suffix after it
_LEVELS_ONLY = re.compile(r"^(?:各|有关|相关)[省市县区州盟旗镇乡]{1,2}$")


# (r-labels8) a town or township named whole (斜店乡, 东古城镇): before a street office (清泉街道办事处) a name of its
# own, for a town has no street office to share
_TOWN = re.compile(r"^[\u4e00-\u9fff]{1,8}[乡镇]$")


def _held_apart(held: list[str], part: str, names: list[str]) -> bool:
    """Whether the parts held before the name ``part`` are names of their own rather than sharing its suffix."""
    if _department_after_collective(held, part):
        return True
    if all(_level_whole(h) for h in held) and not part.endswith(_KINDS) and not _LEVEL_START.match(part):
        return True  # 省甲溪坊、农委: a body of a level named whole, then a name (县生态环境、住建部门 share 部门)
    if "街道" in part and all(_TOWN.match(h) and not _is_bare_suffix(h) for h in held):
        return True  # 甲乡、乙镇、丙街道办事处: three names
    if _LEVEL_START.match(part) and (_AREA.match(bare := _strip_brackets(held[-1])) and not _LEVELS_ONLY.match(bare)
                                     or "各" in part and _COLLECTIVE_START.match(held[-1])):
        return True  # 城西管理区、县水利局 / 各镇、区级各部门: the name opens with its own level (有关县、区政府 shares it)
    if names and all(_AREA.match(bare := _strip_brackets(h)) and not _LEVELS_ONLY.match(bare) for h in held) \
            and not _AREA_PREFIX.match(part):
        return True  # 总部办、经济开发区、五金城、科技局: whole names, the last no area's body (not 高新区党工委和管委会)
    if len(held) >= 2 and not part.endswith(_KINDS) and not _AREA_PREFIX.match(part) \
            and all(len(bare := _strip_brackets(h)) >= 3 and _AREA.match(bare) and not _LEVELS_ONLY.match(bare)
                    and bare[-1] not in _PLACE_ENDS and not names_sector(bare) for h in held):
        return True  # (r-slots2) 省甲苑、乙斋、丙庐、农委: whole names, none a place or a bare sector sharing the
        # name's ending (上海市、江苏省、浙江省人民政府; 县公安、交通运输、应急管理局)
    return _OWN_COLLECTIVE.search(part) is not None and any(_COLLECTIVE_START.match(h) for h in held)


_PLACE_ENDS = frozenset("省市县区州盟旗镇乡村")


@lru_cache(maxsize=1)
def _sectors() -> tuple[str, ...]:
    """Sectors a shared-suffix list names bare (role cues ``name.sector``: 公安, 交通运输, 发展改革 …)."""
    return words("name.sector")


def names_sector(part: str) -> bool:
    """Whether a list's part ends with a sector it may name bare, sharing a later name's ending (县公安 in
    县公安、交通运输局; 各县(市、区)市政 in …市政、住建等单位).

    >>> names_sector("县公安"), names_sector("各县(市、区)市政"), names_sector("省甲苑")
    (True, True, False)
    """
    return part.endswith(_sectors())


@lru_cache(maxsize=65536)
def _split_units(cell: str) -> tuple[str, ...]:
    text = clean(cell)
    if text[:1] in "(（〔【[" and not any(c in text for c in ")）〕】]"):
        text = text[1:]  # (市经信委牵头落实, cut before its closing bracket: the bracket is not the name's
    if not text:
        return ()
    if ("，" in text or "," in text) and len(pieces := bracket_depth_split(text, "，,")) > 1:
        # a shared suffix never runs over a comma (市甲坊、市乙舍,各县(市)、区政府: 区政府's suffix is not the
        # first names'), whatever the names before it end with
        return tuple(name for piece in pieces for name in _split_units(piece))
    raw_parts = [strip_noise(p) for p in bracket_depth_split(text, LIST_SEPARATORS)]
    raw_parts = [p for p in raw_parts if p]
    names: list[str] = []
    held: list[str] = []  # bare names waiting for the suffix carrier
    for at, part in enumerate(raw_parts):
        unit = is_unit_name(part)
        if not unit and ("(" in part or "（" in part) and _PLACE_WITH_NOTE.match(part) and at + 1 < len(raw_parts) \
                and is_unit_name(raw_parts[at + 1]) and not _COLLECTIVE_START.match(raw_parts[at + 1]) \
                and not _department_after_collective([part], raw_parts[at + 1]):
            held.append(part)  # 各县(市)、区人民政府: a place with its note shares the name's suffix too
            continue
        if not unit and (joined := _name_and_prefix(part)):
            names.extend(held)
            held = []
            names.extend(_split_conjunctions(joined[0]))  # (r-prose9) 甲厅和乙办及相关盟市: its own 和 too
            part = joined[1]  # 地税局等和各市、县人民政府: 各市 shares the suffix of the name after it
        if not unit and len(part) <= 8 and not any(ch in part for ch in "(（"):
            held.append(part)
            continue
        if not unit and not held and at + 1 < len(raw_parts) and _NOTED_PLACE_KIND.match(part):
            held.append(part)  # 各县(市、区)发改、财政部门: the place's note, then a kind sharing the suffix after it
            continue
        if held:
            if unit and not _COLLECTIVE_START.match(part) and not _held_apart(held, part, names):
                names.append("、".join(held + [part]))  # 各市、县人民政府: the held parts share the name's suffix
                held = []
                continue
            names.extend(held)
            held = []
        names.extend(_split_conjunctions(part))
    if held and names and all(len(h) <= 2 for h in held) and (not _BODY_END.search(names[-1]) or _COLLECTIVE_START.match(
            names[-1]) and all(_is_bare_suffix(h) for h in held)) \
            and not ("街道" in names[-1] and all(len(h) == 2 and _TOWN.match(h) and not _is_bare_suffix(h) for h in held)):
        # 各相关处室、单位: the collective's kinds (not a town named whole after a street office: 丙街道办事处、丁镇)
        names[-1] = "、".join([names[-1], *held])  # 13个街道、镇: the tail shares the name's count and kind
    else:
        names.extend(held)
    return tuple(n for n in names if n)


# A name opening with its level or a place's name (市X, 县X, 天元区X, 株洲县X): a unit's, whatever it ends with, where
# names stand listed (市场, 县城, 区域, 省内 … open no name; 智慧城市, 老旧小区 … name no place).
# (Written without classes of CJK characters, whose compiling costs ~10 ms: any non-ASCII character, the marks
# refused by is_level_name.)
_LEVEL = "(?:省|市|县|区|州)"
_NOT_A_LEVEL_WORD = "(?!场|民|内|外|域|城|级|长)"
_LEVEL_NAME = (r"^(?:[^\x00-\x7f]{1,4}?(?<!城|超|都|社|景|小|山|片|街|辖|郊|湾|厂|矿|校)" + _LEVEL + "|" + _LEVEL + ")"
               + _NOT_A_LEVEL_WORD + r"[^\x00-\x7f]{2,10}$")
_LEVEL_ONLY = "^" + _LEVEL + _NOT_A_LEVEL_WORD + r"[^\x00-\x7f]{2,10}$"
_LEVEL_NAME_MARKS = frozenset("（）〔〕【】《》“”‘’：；，、。！？—…·　")


@lru_cache(maxsize=2)
def _level_pattern(place: bool) -> re.Pattern:
    return re.compile(_LEVEL_NAME if place else _LEVEL_ONLY)  # compiled when first asked (a wide class is costly)


def is_level_name(name: str, place: bool = False) -> bool:
    """Whether ``name`` opens with its level (省, 市, 县 …), or with ``place`` a place's name (天元区), and is short,
    CJK only: a unit's name where names stand listed or before a role word, whatever it ends with (the lexicon
    scores names; it does not veto a slot). A place's name opens titles too (某某市关于…): lists only.

    >>> is_level_name("市甲坊"), is_level_name("天元区乙舍"), is_level_name("天元区乙舍", place=True)
    (True, False, True)
    >>> is_level_name("市场主体"), is_level_name("智慧城市建设", place=True)
    (False, False)
    """
    return _level_pattern(place).match(name) is not None and _LEVEL_NAME_MARKS.isdisjoint(name)


def reads_as_name(name: str) -> bool:
    """Whether ``name`` reads as a unit's name by its shape alone: its ending (:func:`is_unit_name`) or its opening
    with a level or a place's name (:func:`is_level_name`, ``place``): the test every list of names shares (a unit
    cell's names, names apart with spaces or 和) before it weighs how many of them pass.

    >>> reads_as_name("市发改委"), reads_as_name("天元区乙舍"), reads_as_name("白鹭苑"), reads_as_name("市场监管")
    (True, True, False, False)
    """
    return is_unit_name(name) or is_level_name(name, place=True)


# Ditto marks printed in a unit cell: the units of the row above (dutygraph.loaders.ditto puts them in).
DITTO = frozenset({"同上", "同前", "同上栏", "同上单位"})


@lru_cache(maxsize=65536)
def looks_like_unit_list(line: str) -> bool:
    """Whether a whole line reads as a list of units (a unit cell of a table)."""
    text = clean(line)
    if not text or any(p in text for p in "。"):
        return False
    if text in DITTO:
        return True
    parts = [strip_noise(p) for p in bracket_depth_split(text, LIST_SEPARATORS)]
    parts = [p for p in parts if p]
    while len(parts) > 1 and len(parts[-1]) <= 2 and is_unit_name(parts[-2]):
        parts.pop()  # 13个街道、镇: a short tail sharing the name before it
    if not parts:
        return False
    if not is_unit_name(parts[-1]):
        # names the lexicon does not know, each opening with its level or place (市甲坊、天元区乙舍): a unit list
        return len(parts) > 1 and all(reads_as_name(p) for p in parts)
    return all(is_unit_name(p) or len(p) <= 8 for p in parts)
