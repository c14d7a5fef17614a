"""Unit headings whose names no suffix list knows, read where the layout marks them.

A heading line that is nothing but a name (``(十五)城东片区坊`` / ``负责…``) or a name before a colon
(``(四)城东片区坊:按照…``) names a unit when the layout says so, not the lexicon: the duties under or after it open
with a role word (负责, 负总责, 牵头), a duties label follows it (``主要职责:``, ``年度主要任务与要求:``), or it stands in
a run of parallel headings of its style the reader already holds as units (``(三)市水务局:做好…`` /
``(四)城东片区坊:按照…``). The name must still be shaped as one (:func:`clauses._head_names`: no verb opening it,
no heading's words such as 主要职责 or 工作任务, no sentence).

>>> shaped_head("(十五)城东片区坊"), shaped_head("(二)加强组织领导"), shaped_head("主要职责")
(['城东片区坊'], None, None)
>>> shaped_head("二、联席会议组成"), shaped_head("(三)组成人员"), shaped_head("(四)保障措施")
(None, None, None)
>>> shaped_head("发布时间"), colon_head("信息来源:市甲乙网站编辑部门")[0]
(None, None)
>>> colon_head("(四)城东片区坊：按照规划要求，结合河道整治开展工作。")
(['城东片区坊'], '按照规划要求，结合河道整治开展工作。')
>>> colon_head("(一)工作目标：到2025年建成公园体系。")[0], colon_head("完成时限：2021年底")[0]
(None, None)
"""

from __future__ import annotations

import re

from ..text.role_cues import words
from .clauses import _head_names
from .labels import match_label

_ITEM_MARK = re.compile(r"^\s*(?:[(（][一二三四五六七八九十百\d]{1,4}[)）]|[一二三四五六七八九十百]{1,3}、|\d{1,3}[.．、]"
                        r"(?!\d)|[①-⑳])\s*")
_HEAD_MAX = 20  # characters of a name read from the layout alone (a longer one is a sentence)
_COLON = re.compile(r"[:：。]")  # a name before a colon, or a sentence of its own (城东片区坊。负责…)
# What a heading of a plan's or a body's parts ends with (联席会议组成, 组成人员, 工作要求, 保障措施): no unit's name
# (role cues head.plan-part, and the heading's words of slot.no-unit).
# (r-prose9) A web page's metadata labels (发布时间:2019-…) head no duties either (role cues head.page-meta).
_PART_OF_PLAN = re.compile(r"(?:" + "|".join((*words("head.plan-part"), *words("slot.no-unit"),
                                              *words("head.page-meta"))) + r")$")


def shaped_head(text: str) -> list[str] | None:
    """The names of a heading line that is nothing but a name shaped as one (its item number dropped), known or
    not; None for a sentence or a heading's words."""
    text = _ITEM_MARK.sub("", text.strip(), count=1).rstrip("。:：")
    if not 3 <= len(text) <= _HEAD_MAX or _PART_OF_PLAN.search(text):
        return None
    return _head_names(text)


def colon_head(text: str) -> tuple[list[str] | None, str | None]:
    """The names before the colon a heading opens with (``(四)城东片区坊:按照…``), or a name that is a sentence of its
    own (``(二)城东片区坊。负责…``), and the duty after it, or (None, None) when the text opens with no such name (a
    label such as 完成时限:, a topic, a sentence)."""
    body = _ITEM_MARK.sub("", text.strip(), count=1)
    m = _COLON.search(body, 0, _HEAD_MAX + 1)
    if m is None or len(body) - m.end() < 4 or match_label(body) is not None:
        return None, None
    names = shaped_head(body[:m.start()])
    return (names, body[m.end():]) if names else (None, None)


_MIN_RUN = 3  # headings of one style opening with a name and a colon: fewer are no list of units' duties
_CANDIDATE = re.compile(r"\s*(?:[(（][一二三四五六七八九十百\d]{1,4}[)）]|[一二三四五六七八九十百]{1,3}、|\d{1,3}[.．、](?!\d)|[①-⑳])?"
                        r"\s*(?P<head>[^，,。；;:：\s]{3,%d})[:：。]" % _HEAD_MAX)
_LEVELS = "省市县区州镇乡"


def parallel_heads(children: list) -> None:
    """Give the items of ``children`` (outline nodes: ``style``, ``text``, ``children``, ``clauses``) that open with
    a name shaped as one and a colon or a full stop (``(四)城东片区坊:按照…``) the clauses of a unit's duties, where at least three
    items of their style open so and one of them is already read as a unit heading (``(三)市水务局:做好…``), or
    most of them, three or more, open with a name of a level's body (``市东岭坊:…`` / ``市西泉阁:…`` / ``市南溪寮:…``)
    or go on with a duty word (``(一)东岭坊。负责…`` / ``(二)西泉阁。承担…`` / ``(三)南溪寮。拟订…``): the list's layout
    says each opens with the unit whose duties follow. Items read otherwise are kept."""
    from .clauses import NOT_NAME_START, _level_subject, opens_duty, unit_blocks

    by_style: dict[str, list[tuple[int, str, str]]] = {}  # (index, head, duty) of the items that may open so
    for k, child in enumerate(children):
        if any(c.style != "para" or c.children for c in child.children) \
                or (m := _CANDIDATE.match(child.text)) is None or len(child.text) - m.end() < 4 \
                or NOT_NAME_START.match(m.group("head")):
            continue  # (cheap tests: a short run of a name's characters, then a colon or a full stop; no verb first)
        by_style.setdefault(child.style, []).append((k, m.group("head"), child.text[m.end():]))
    for style, run in by_style.items():
        if len(run) < _MIN_RUN:
            continue
        evident = any(children[k].clauses and children[k].clauses[0].clause.assignments
                      and children[k].clauses[0].clause.assignments[0][0] == head.split("、")[0] for k, head, _ in run)
        if not evident:
            duties = sum(opens_duty(duty) for _, _, duty in run)
            evident = duties >= _MIN_RUN and 2 * duties > len(run)
        if not evident:
            levels = sum(head[0] in _LEVELS and _level_subject(head) is not None for _, head, _ in run)
            evident = levels >= _MIN_RUN and 2 * levels > len(run)
        if not evident:
            continue
        for k, _, _ in run:
            child = children[k]
            if child.clauses or child.assigned() or not (names := colon_head(child.text)[0]):
                continue
            found = unit_blocks(child.text, style == "para", shaped=True)
            if found and [u for u, _ in found[0].clause.assignments[:len(names)]] == names:
                child._clauses = found
