"""Column labels of task tables: what each column holds, for every table layout.

>>> column_kinds(["序号", "重点任务", "工作措施", "牵头部门", "主责单位", "协办单位", "时限"])
['number', 'text', 'text', 'lead', 'responsible', 'cooperating', 'deadline']
>>> column_kinds(["序号", "任务", "主责单位"])  # without a 牵头 column, 主责 leads
['number', 'text', 'lead']
>>> from .lines import to_lines
>>> header_block(to_lines("目标\\n任务\\n主要内容\\n责任单位\\n一、稳增长"), 0, 5)
([<Role.RESPONSIBLE: 'responsible'>], 4, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Role
from .flat_table import BASIS_LABEL, COOPERATING, DEADLINE, LEAD, LEADER, NUMBER, RESPONSIBLE, TEXT, column_kind

ROLE_OF_KIND = {LEAD: Role.LEAD, RESPONSIBLE: Role.RESPONSIBLE, COOPERATING: Role.COOPERATING}
UNIT_KINDS = frozenset(ROLE_OF_KIND)
# Labels of text columns: the task, its category, its measures …
TEXT_LABEL = re.compile(r"目标|任务|内容|措施|事项|项目|类别|名称|举措|要求|工作|领域|指标|备注|环节|分类|重点|改革|序号|职责"
                        r"|情况|进展|说明|成效|状态|是否|标准|计划|安排|问题|方向|监督|电话")
_PUNCT = re.compile(r"[。，,、；;：:！!？?（(）)]")
MAX_LABEL = 10
_LABEL_BRACKET = re.compile(r"[(（][\u4e00-\u9fff]{1,4}[)）]")  # (责任), (时限), (部门)


def column_kinds(labels: list[str], places: bool = True) -> list[str]:
    """The kind of every column of a header; 主责 beside a 牵头 column is responsible; a place column beside a
    person in charge, in a table of tasks without a unit column, is responsible (:func:`place_column`)."""
    kinds = [column_kind(label) for label in labels]
    if any(k == LEAD and ("牵头" in label or "牽頭" in label) for k, label in zip(kinds, labels)):
        kinds = [RESPONSIBLE if k == LEAD and "牵头" not in label and "牽頭" not in label else k
                 for k, label in zip(kinds, labels)]
    if places and LEADER in kinds and not any(k in UNIT_KINDS for k in kinds) and \
            (at := place_column(labels)) is not None:
        kinds[at] = RESPONSIBLE
    return kinds


# A column naming the places a task is charged to: 县(市)、区, 县(市、区), 县市区, 乡镇(街道), 街道, 地区.
_PLACE_LABEL = re.compile(r"^(?:[省市县区乡镇村]|街道|地区|社区)(?:[(（、/]?(?:[省市县区乡镇村]|街道|社区)[)）]?){0,3}"
                          r"(?:[(（、/]?(?:[省市县区乡镇村]|街道|社区)[)）]?)?$")
_TASK_LABEL = re.compile(r"任务|目标|项目|内容|工程|措施|事项")


def place_column(labels: list[str]) -> int | None:
    """The place column of a table of tasks by place whose person in charge a column names (县(市)、区 / 目标任务
    / 项目责任人 / 工程地点): the places bear the tasks (a place named alone stands for its government). Only
    beside a task column; a table of targets by place without a person in charge names no unit.

    >>> place_column(["县(市)、区", "目标任务", "项目责任人", "工程地点"]), place_column(["乡镇(街道)", "任务", "包抓领导"])
    (0, 0)
    """
    if not any(_TASK_LABEL.search(label) for label in labels):
        return None
    return next((k for k, label in enumerate(labels) if _PLACE_LABEL.match(label)), None)


@lru_cache(maxsize=4096)  # a corpus repeats its headers (序号, 重点任务, 牵头单位) from plan to plan
def is_label(text: str) -> bool:
    """Whether ``text`` reads as a column label (short, no punctuation, a known kind)."""
    if not text or len(text) > MAX_LABEL:
        return False
    if len(text) >= 2 and _PLACE_LABEL.match(text):
        return True  # 县(市)、区, 乡镇(街道): a place column
    if _PUNCT.search(text):  # a bracketed alternative is part of a label: 牵头(责任)单位, 完成时间(时限)
        bare = _LABEL_BRACKET.sub("", text)
        return bare != text and not _PUNCT.search(bare) and is_label(bare)
    return column_kind(text) != TEXT or TEXT_LABEL.search(text) is not None or BASIS_LABEL.search(text) is not None


def is_header(labels: list[str], places: bool = True) -> bool:
    """Whether labels make a task-table header: a unit column, a text column, and every label a
    known one but at most one short unknown one (a column such as 1-10月推进情况 in a wide table).

    >>> is_header(["序号", "项目内容", "进展情况", "责任单位"]), is_header(["序号", "重点任务", "牵头单位", "某某某"])
    (True, True)
    >>> is_header(["今年", "我们", "牵头单位"])
    False
    """
    if len(labels) < 2:
        return False
    unknown = [x for x in labels if not is_label(x)]
    if len(unknown) > (1 if len(labels) >= 4 else 0) or any(len(x) > 2 * MAX_LABEL for x in unknown):
        return False
    kinds = column_kinds(labels, places)
    return any(k in UNIT_KINDS for k in kinds) and any(k == TEXT for k in kinds)


def header_block(lines, k: int, end: int) -> tuple[list[Role], int, bool] | None:
    """A table header printed one label per line from ``lines[k]`` (without 序号 rows after it).

    Returns the roles of its unit columns, in order, the index after the block and whether
    it has a leader column (责任领导: people, never units).
    """
    labels, j = label_lines(lines, k, end, 12, lambda t, _: is_label(t))
    if len(labels) < 3 or not is_header(labels, places=False):  # (unit lines under it: no place column)
        return None
    kinds = column_kinds(labels, places=False)
    return [ROLE_OF_KIND[kind] for kind in kinds if kind in UNIT_KINDS], j, LEADER in kinds


def _unit_run(kinds: list[str], k: int) -> int:
    """The index after the unit columns from ``k`` on, when they are two or more opening with a lead column
    (牵头单位 / 配合单位, 主办单位 / 协办单位: the labels under a unit label merged over them), else ``k``."""
    e = k
    while e < len(kinds) and kinds[e] in UNIT_KINDS:
        e += 1
    return e if e - k >= 2 and kinds[k] == LEAD else k


def spread_group_label(labels: list[str], under: list[str] | None = None) -> list[str] | None:
    """A header whose one unit label is merged over the unit columns under it (序号 / 重点任务 / 责任单位 /
    完成时限 over 牵头单位 / 配合单位), with that label replaced by theirs; None where the header is no such one.
    The labels under it are ``under`` (a second header row), or printed in the header's own sequence of labels
    right after it or at its end (a header copied one cell per line, row after row).

    >>> spread_group_label(["序号", "重点任务", "责任单位", "完成时限"], ["牵头单位", "配合单位"])
    ['序号', '重点任务', '牵头单位', '配合单位', '完成时限']
    >>> spread_group_label(["序号", "重点任务", "责任单位", "完成时限", "主办单位", "协办单位"])
    ['序号', '重点任务', '主办单位', '协办单位', '完成时限']
    >>> spread_group_label(["序号", "重点任务", "责任单位", "主办单位", "协办单位", "完成时限"])
    ['序号', '重点任务', '主办单位', '协办单位', '完成时限']
    >>> spread_group_label(["序号", "重点任务", "责任单位", "配合单位"]) is None  # two columns of their own
    True
    """
    kinds = [column_kind(x) for x in labels]
    units = [k for k, kind in enumerate(kinds) if kind in UNIT_KINDS]
    if under is not None:
        sub = [column_kind(x) for x in under]
        if len(units) != 1 or kinds[units[0]] != RESPONSIBLE or _unit_run(sub, 0) != len(sub):
            return None
        return labels[:units[0]] + list(under) + labels[units[0] + 1:]
    if len(units) < 3 or kinds[units[0]] != RESPONSIBLE:
        return None
    g, start = units[0], units[1]
    if start == g + 1 and _unit_run(kinds, start) > units[-1]:  # right after it: 责任单位 / 牵头单位 / 配合单位
        return labels[:g] + labels[start:]
    if start > g + 1 and _unit_run(kinds, start) == len(kinds):  # at the header's end, after other labels
        return labels[:g] + labels[start:] + labels[g + 1:start]
    return None


def label_lines(lines, k: int, end: int, most: int, accept) -> tuple[list[str], int]:
    """The labels printed one a line from ``lines[k]`` (blank lines skipped) while ``accept(text, labels so far)``
    holds, at most ``most`` of them, and the index after the last."""
    labels: list[str] = []
    j = k
    while j < end and len(labels) < most:
        t = lines[j].text
        if not t:
            j += 1
            continue
        if not accept(t, labels):
            break
        labels.append(t)
        j += 1
    return labels, j


__all__ = ["column_kinds", "header_block", "is_header", "is_label", "NUMBER", "TEXT", "LEAD", "RESPONSIBLE",
           "COOPERATING", "DEADLINE", "LEADER", "ROLE_OF_KIND", "UNIT_KINDS"]
