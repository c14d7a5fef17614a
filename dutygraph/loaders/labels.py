"""Labelled assignments: "牵头单位:X", "责任单位:X", "部门分工:X牵头,Y配合", "完成时限:…", "分管省领导:某某".

A label is a short name of a role, a deadline or a person, then a colon. It is
printed on a line of its own under an item, or inside a clause
("(牵头单位:X;责任单位:Y)").

>>> match_label("牵头单位:市发改委")
Label(kind='lead', name='牵头单位', content='市发改委')
>>> match_label("部门分工:省发展改革委牵头,各地、各部门配合。").kind
'division'
>>> match_label("分管省领导:林克庆").kind, match_label("完成时限:2022年6月底前").kind
('leader', 'deadline')
>>> match_label("主要目标:全市空气质量优良率达到80%") is None
True
>>> match_label("(责任单位:市直各单位、各县(市、区)人民政府)").content
'市直各单位、各县(市、区)人民政府'
>>> match_label("★牵头单位:市发改委").content, match_label("责任单位——市财政局").content
('市发改委', '市财政局')
>>> match_label("县级牵头单位:县发改局").kind, match_label("省配合单位:省财政厅").name
('lead', '配合单位')
>>> match_label("督查单位:市发改委、市财政局").kind  # an office watching the work, or the bodies inspected
'oversight'
>>> match_label("责任单位(排名第一的为牵头单位):县发改局、县财政局").content
'县发改局、县财政局'

"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..text.role_cues import alternation, prefiltered
from ..text.normalize import bracket_depth_split
from ..text.units import ROLE_ENDINGS, is_listed_name, org_suffixes, strip_noise

LEAD, RESPONSIBLE, COOPERATING, DIVISION, LEADER, DEADLINE, OVERSIGHT = (
    "lead", "responsible", "cooperating", "division", "leader", "deadline", "oversight")

# From data/role_cues.txt (label.* sections), in this order: 责任领导 (a person) before 责任单位.
_LABELS: list[tuple[str, str]] = [(kind, alternation(f"label.{kind}")) for kind in
                                  (LEADER, DIVISION, LEAD, COOPERATING, RESPONSIBLE, DEADLINE, OVERSIGHT)]
_LABELS[3] = (COOPERATING, _LABELS[3][1] + "|" + alternation("label.cooperating-bare"))
# 主要责任单位 (label.primary) is a responsible label; is_primary tells it from the others.
_LABELS[4] = (RESPONSIBLE, alternation("label.primary") + "|" + _LABELS[4][1])
_PRIMARY = re.compile(alternation("label.primary"))


def is_primary(name: str) -> bool:
    """Whether a label names the main units of a task (主要责任单位): they lead where the same clause labels other
    units beside them (配合单位:Y), and are responsible alone.

    >>> is_primary("主要责任单位"), is_primary("责任单位")
    (True, False)
    """
    return _PRIMARY.fullmatch(name) is not None
# A bullet may open a label line (★牵头单位:X); a dash may stand for the colon (责任单位——X).
_BULLET = r"[★☆●○■□◆◇▲△►•·*]?"
# A level before a role label (县级牵头单位, 省牵头单位: a plan assigning work at two levels); inside a text a bare
# level only where no character of a name stands before it.
_LEVEL = r"(?:[省市县区州盟旗镇乡]级?)?"
# The label's other noun in brackets after it (责任部门（单位）:X, 牵头单位(部门):X, 涉及乡镇(街道):X).
_OTHER_NOUN = r"(?:[(（](?:单位|部门|机构|科室|处室|股室|街道|镇街|乡镇)[)）])?"  # 乡镇(街道): its towns' other kind
# A note in brackets after a label at a line's start, before its colon (责任单位(排名第一的为牵头单位):X、Y): no part
# of the list (conventions.py reads a first-listed note there from the line).
_NOTE_AFTER_NAME = r"(?:[(（][^()（）:：]{2,24}[)）])?"
_LABEL = re.compile(
    r"^" + _BULLET + r"\s*[【\[〔(（]?" + _LEVEL + r"(?P<name>" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _LABELS)
    + r")" + _OTHER_NOUN + _NOTE_AFTER_NAME + r"(?:[】\]〕)）]\s*[:：]?|\s*[:：]|\s*(?:——|—|－－|--)(?=[^\d—－-]))\s*(?P<content>.*)$")
# What every _LABEL match holds after the label's name (a closing bracket, a colon or a dash): a line with none of
# these is no label, and the slower pattern need not run (tests/loaders/test_speed_gates.py holds the two together).
_LABEL_END = re.compile(r"[】\]〕)）:：—－-]")
LABEL_ANYWHERE = prefiltered(
    r"(?:[省市县区州盟旗镇乡]级|(?<![\u4e00-\u9fff])[省市县区州盟旗镇乡])?(?P<name>" + "|".join(pattern for _, pattern in _LABELS)
    + r")" + _OTHER_NOUN + r"\s*[:：]")


def _longest_name() -> int | None:
    """The most characters a label's name may have, or None when a colon might stand inside one (a character
    class, a wildcard, a colon of its own) or the length has no bound: then labels are looked for everywhere."""
    names = "|".join(pattern for _, pattern in _LABELS)
    if "：" in names or ":" in names.replace("(?:", "") or any(c in names for c in "[.\\"):
        return None
    try:
        from re import _parser  # the regular expression parser: the widest match of a pattern
        width = _parser.parse(names).getwidth()[1]
    except (ImportError, AttributeError):
        return None
    return width if width < 100 else None


_LONGEST_NAME = _longest_name()


def iter_labels(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
    """The matches of :data:`LABEL_ANYWHERE` in ``text[pos:endpos]``, exactly as its ``finditer`` gives them.

    A label ends with the first colon after its start (no name holds one), at most the longest name and some
    white space after that start: the pattern is tried only at the few places before each colon (found by
    str.find, in C), not at every character (an alternation of many names tries each at every one: slow on a
    long paragraph, where colons are few).

    >>> [m.group("name") for m in iter_labels("做好A。牵头单位:市X;配合单位 ：市Y、主要目标:…")]
    ['牵头单位', '配合单位']
    """
    if _LONGEST_NAME is None:
        return LABEL_ANYWHERE.finditer(text, pos, len(text) if endpos is None else endpos)
    return iter_before_colons(LABEL_ANYWHERE, _LONGEST_NAME, text, pos, endpos)


def iter_before_colons(pattern: re.Pattern, longest: int, text: str, pos: int = 0,
                       endpos: int | None = None) -> Iterator[re.Match]:
    """The matches of ``pattern`` in ``text[pos:endpos]``, exactly as its ``finditer`` gives them, for a pattern
    whose every match ends with the first colon (: or ：) after its start, at most ``longest`` characters and
    then white space after that start: the pattern is tried only there, before each colon.

    >>> [m.group() for m in iter_before_colons(re.compile(r"[市局]{1,2}+[:：]"), 2, "市:局局：a局:")]
    ['市:', '局局：', '局:']
    """
    end = len(text) if endpos is None else min(endpos, len(text))
    at = pos  # every place before ``at`` has been tried
    ascii_at, wide_at = text.find(":", at, end), text.find("：", at, end)
    while ascii_at >= 0 or wide_at >= 0:
        colon = wide_at if ascii_at < 0 or 0 <= wide_at < ascii_at else ascii_at
        name_end = colon  # the name ends where the white space before the colon begins
        while name_end > at and text[name_end - 1].isspace():
            name_end -= 1
        for p in range(max(at, name_end - longest), colon):
            m = pattern.match(text, p, end)
            if m is not None:
                yield m
                at = m.end()
                break
        else:
            at = colon + 1
        if ascii_at < at:
            ascii_at = text.find(":", at, end)
        if wide_at < at:
            wide_at = text.find("：", at, end)


def search_label(text: str) -> re.Match | None:
    """:data:`LABEL_ANYWHERE`'s ``search``, by :func:`iter_labels`."""
    return next(iter_labels(text), None)


_BRACKETED_LABEL = re.compile(
    r"[【\[](?P<name>" + "|".join(pattern for _, pattern in _LABELS) + r")[】\]](?=[\u4e00-\u9fff])")


def bracketed_labels(text: str) -> str:
    """Labels printed in square brackets with no colon, as a label with its colon.

    >>> bracketed_labels("推进改造。【牵头单位】市住建局【配合单位】市财政局")
    '推进改造。牵头单位：市住建局；配合单位：市财政局'
    >>> bracketed_labels("市住建局【牵头单位】、市财政局")  # no content after it: a mark, not a label
    '市住建局【牵头单位】、市财政局'
    """
    if "【" not in text and "[" not in text:
        return text
    return _BRACKETED_LABEL.sub(lambda m: ("；" if m.start() > 0 and text[m.start() - 1] not in "。；;：:，,、(（[【 "
                                          else "")
                                + m.group("name") + "：", text)


_ROUND_LABEL = re.compile(
    r"[(（](?P<name>" + "|".join(pattern for kind, pattern in _LABELS if kind in (LEAD, COOPERATING, RESPONSIBLE))
    + r")[)）](?=[\u4e00-\u9fff])")
_BEFORE_LABEL = "。；;，,：: "


def round_bracketed_labels(text: str) -> str:
    """Labels printed in round brackets before their names, as labels with their colons, when the first stands
    where a label may (the line's start or after punctuation); after a name the bracket is a mark (X（牵头单位）).

    >>> round_bracketed_labels("推进改造。（牵头单位）市住建局（配合单位）市财政局")
    '推进改造。牵头单位：市住建局；配合单位：市财政局'
    >>> round_bracketed_labels("责任单位：市住建局（牵头单位）、市财政局")
    '责任单位：市住建局（牵头单位）、市财政局'
    """
    found = list(_ROUND_LABEL.finditer(text))
    if not found or found[0].start() > 0 and text[found[0].start() - 1] not in _BEFORE_LABEL:
        return text
    return _ROUND_LABEL.sub(lambda m: ("；" if m.start() > 0 and text[m.start() - 1] not in _BEFORE_LABEL + "(（"
                                       else "") + m.group("name") + "：", text)


@dataclass(frozen=True)
class Label:
    kind: str      # lead, responsible, cooperating, division, leader or deadline
    name: str      # the label as printed
    content: str   # what follows the colon


def match_label(text: str) -> Label | None:
    """The label at the start of ``text`` (white space removed), if it is one."""
    m = _LABEL.match(text) if _LABEL_END.search(text) else None
    if not m:
        return None
    kind = next(k for k, _ in _LABELS if m.group(k))
    content = m.group("content").strip()
    if text[:1] in _CLOSER and content.rstrip("。；;")[-1:] == _CLOSER[text[0]]:
        content = content.rstrip("。；;")[:-1]  # (责任单位:X、Y) on a line of its own: the bracket closes the label
    return Label(kind, m.group("name"), content)


_CLOSER = {"(": ")", "（": "）", "〔": "〕", "【": "】", "[": "]"}


def opens_with_spaced_label(raw: str) -> bool:
    """Whether a raw line opens with a label whose colon is a space (牵头单位 市发改委、市财政局).

    >>> opens_with_spaced_label("配合单位 区应急管理局"), opens_with_spaced_label("加强 领导")
    (True, False)
    """
    tokens = raw.split(None, 1)
    if len(tokens) < 2 or len(tokens[0]) > 10:
        return False
    label = match_label(tokens[0] + "：")
    return label is not None and not label.content  # the whole first word is the label (县级牵头单位 too)


_LIST_END = "、，,；;"


def spaced_label_lists(raw: str) -> str | None:
    """A line of role labels whose names stand apart with spaces only (牵头单位:县林业局;责任单位:县财政局 县卫健局),
    without its white space and with 、 between the names a space separated; None when no label's list has one.

    >>> spaced_label_lists("责任领导:王芳;牵头单位:区教育局;协办单位:区城管执法局 各街道办事处")
    '责任领导:王芳;牵头单位:区教育局;协办单位:区城管执法局、各街道办事处'
    >>> spaced_label_lists("牵头单位：县林业局 责任单位：县财政局 县卫健局")
    '牵头单位：县林业局责任单位：县财政局、县卫健局'
    >>> spaced_label_lists("牵头单位：县林业局 加快推进") is None
    True
    >>> spaced_label_lists("责任单位:市甲溪局、乙岭办 丙泉委, 各县(区) 人民政府")
    '责任单位:市甲溪局、乙岭办、丙泉委,各县(区)人民政府'
    """
    tokens = raw.split()
    if len(tokens) < 2 or LABEL_ANYWHERE.search(raw) is None:
        return None
    out = [tokens[0]]
    spaced = False
    for right in tokens[1:]:
        done = "".join(out)
        colon = max(done.rfind(":"), done.rfind("："))
        tail = re.split(f"[{_LIST_END}:：]", done)[-1]
        head = re.split(f"[{_LIST_END}]", right)[0]
        if head.count("(") + head.count("（") < head.count(")") + head.count("）") or head[-1:] in "]】〕":
            head = head.rstrip(")）]】〕")  # the bracket the label's clause opened, not a name's note (各村(社区))
        if colon >= 0 and "。" not in done[colon:] and LABEL_ANYWHERE.search(done) is not None \
                and len(tail) >= 2 and len(head) >= 2 and match_label(right) is None \
                and is_listed_name(strip_noise(tail)) and is_listed_name(strip_noise(head)) \
                and head not in org_suffixes():  # (r-prose9) 各市(州) 人民政府: an ending alone goes on the name
            out.append("、")
            spaced = True
        out.append(right)
    return "".join(out) if spaced else None


_AFTER_NAME = re.compile("[、，,；;:：。)）]")


def spaced_role_parts(raw: str) -> str | None:
    """A line whose parts stand apart with a space after their role word (…。市住建局牵头 市财政局配合。),
    without its white space and with a comma there; None when no space stands so.

    >>> spaced_role_parts("做好改造。市住建局、市城管局牵头 市财政局配合。")
    '做好改造。市住建局、市城管局牵头，市财政局配合。'
    >>> spaced_role_parts("加快 推进 工作") is None
    True
    """
    tokens = raw.split()
    if len(tokens) < 2 or not any(token.endswith(ROLE_ENDINGS) for token in tokens[:-1]):
        return None
    out = [tokens[0]]
    spaced = False
    for right in tokens[1:]:
        tail = bracket_depth_split(out[-1], "、，,；;:：。")[-1].lstrip("(（")  # 各村(社区)牵头: its note is the name's
        if len(tail) >= 4 and tail.endswith(ROLE_ENDINGS) and (name := strip_noise(tail)) != tail \
                and is_listed_name(name) and is_listed_name(strip_noise(_AFTER_NAME.split(right)[0])):
            out.append("，")
            spaced = True
        out.append(right)
    return "".join(out) if spaced else None

