"""How a view looks: colour and shape per node label and unit kind, line style per edge type and role.

Everything here is fixed by the schema (labels, unit kinds, relationship types),
never taken from document text. Each style has a legend entry with a Chinese and
an English caption.

>>> node_style("Unit", "collective")["shape"], node_style("Task")["shape"]
('hexagon', 'square')
>>> edge_style("LEADS")["dashes"], edge_style("RESPONSIBLE_FOR")["dashes"], edge_style("COOPERATES_ON")["dashes"]
(False, [8, 6], [2, 4])
>>> unit_size(0) < unit_size(1) < unit_size(50) <= 60
True
"""

from __future__ import annotations

import math

# Unit kinds (docs/schema.md): each its own colour; shape only where the kind is a
# different sort of thing (a collective, a place's government, a company).
UNIT_KINDS: dict[str, dict] = {
    "party_office": {"color": "#b71c1c", "shape": "star", "caption": "党委机关 party office"},
    "government_office": {"color": "#e53935", "shape": "dot", "caption": "政府办公室 government office"},
    "department": {"color": "#1e88e5", "shape": "dot", "caption": "职能部门 department"},
    "district_government": {"color": "#43a047", "shape": "diamond", "caption": "县市区政府 district government"},
    "management_committee": {"color": "#7cb342", "shape": "triangle", "caption": "管委会 management committee"},
    "court_procuratorate": {"color": "#6d4c41", "shape": "dot", "caption": "法院检察院 court, procuratorate"},
    "vertical_agency": {"color": "#00897b", "shape": "dot", "caption": "垂直管理机构 vertical agency"},
    "state_owned_group": {"color": "#fb8c00", "shape": "square", "caption": "国有集团 state-owned group"},
    "enterprise": {"color": "#f4511e", "shape": "triangleDown", "caption": "企业 enterprise"},
    "collective": {"color": "#8e24aa", "shape": "hexagon", "caption": "集合单位 collective"},
    "other": {"color": "#757575", "shape": "dot", "caption": "其他 other"},
}

LABELS: dict[str, dict] = {
    "Task": {"color": "#90a4ae", "shape": "square", "caption": "任务 task"},
    "Program": {"color": "#fdd835", "shape": "diamond", "caption": "工作板块 program"},
    "Place": {"color": "#26c6da", "shape": "triangle", "caption": "地点 place"},
    "Project": {"color": "#ab47bc", "shape": "star", "caption": "项目 project"},
    "KeyWork": {"color": "#ffb300", "shape": "triangleDown", "caption": "重点工作 key work"},
    "Document": {"color": "#37474f", "shape": "hexagon", "caption": "文件 document"},
    "Target": {"color": "#c0ca33", "shape": "dot", "caption": "目标 target"},
    "Question": {"color": "#d81b60", "shape": "star", "caption": "查询对象 asked about"},
    "ChangeEvent": {"color": "#a1887f", "shape": "hexagon", "caption": "机构变更 change event"},
}

# Relationship types; the three roles as the issue asks: lead solid, responsible dashed, cooperating dotted.
EDGES: dict[str, dict] = {
    "LEADS": {"color": "#c62828", "dashes": False, "width": 2.5, "arrows": "to", "caption": "牵头 lead"},
    "RESPONSIBLE_FOR": {"color": "#ef6c00", "dashes": [8, 6], "width": 1.5, "arrows": "to",
                        "caption": "责任 responsible"},
    "COOPERATES_ON": {"color": "#6d4c41", "dashes": [2, 4], "width": 1.5, "arrows": "to",
                      "caption": "配合 cooperating"},
    "PART_OF": {"color": "#b0bec5", "dashes": False, "width": 1, "arrows": "to", "caption": "属于 part of"},
    "DEPENDS_ON": {"color": "#5e35b1", "dashes": False, "width": 1, "arrows": "to", "caption": "依赖 depends on"},
    "LOCATED_IN": {"color": "#00acc1", "dashes": False, "width": 1, "arrows": "to", "caption": "位于 located in"},
    "CONCERNS": {"color": "#ab47bc", "dashes": False, "width": 1, "arrows": "to", "caption": "涉及 concerns"},
    "MEMBER_OF": {"color": "#8e24aa", "dashes": [4, 4], "width": 1, "arrows": "to", "caption": "成员 member of"},
    "GOVERNS": {"color": "#43a047", "dashes": [4, 4], "width": 1, "arrows": "to", "caption": "管辖 governs"},
    "IN_DOCUMENT": {"color": "#e0e0e0", "dashes": False, "width": 0.5, "arrows": "", "caption": "所属文件 in document"},
    "HAS_TARGET": {"color": "#c0ca33", "dashes": False, "width": 0.5, "arrows": "to", "caption": "目标 has target"},
    "SHARES_TASKS": {"color": "#546e7a", "dashes": False, "width": 1, "arrows": "",
                     "caption": "共同承担任务 shares tasks (width = tasks)"},
    "ABOUT": {"color": "#d81b60", "dashes": [6, 4], "width": 1, "arrows": "", "caption": "属于查询对象 about what was asked"},
    "ORIGINAL_ORGANIZATION": {"color": "#8d6e63", "dashes": [3, 3], "width": 1, "arrows": "to",
                              "caption": "变更前 unit before the change"},
    "RESULTING_ORGANIZATION": {"color": "#8d6e63", "dashes": False, "width": 1, "arrows": "to",
                               "caption": "变更后 unit after the change"},
}

ROLE_EDGE = {"lead": "LEADS", "responsible": "RESPONSIBLE_FOR", "cooperating": "COOPERATES_ON"}
ROLE_CAPTION = {"lead": "牵头", "responsible": "责任", "cooperating": "配合"}


def node_style(label: str, kind: str | None = None) -> dict:
    """Colour, shape and legend key of a node of ``label`` (and unit ``kind``)."""
    if label == "Unit":
        key = kind if kind in UNIT_KINDS else "other"
        return {**UNIT_KINDS[key], "group": f"Unit:{key}"}
    return {**LABELS.get(label, LABELS["Target"]), "group": label}


def edge_style(type_: str) -> dict:
    return {**EDGES.get(type_, EDGES["PART_OF"]), "group": type_}


def unit_size(tasks: int) -> float:
    """Node size of a unit holding ``tasks`` tasks: grows with the square root, capped."""
    return round(min(60.0, 10.0 + 4.0 * math.sqrt(max(tasks, 0))), 1)


def legend(node_groups, edge_groups) -> list[dict]:
    """Legend entries for the node groups (``Unit:kind`` or a label) and edge types used, in a fixed order."""
    entries = []
    order = [f"Unit:{k}" for k in UNIT_KINDS] + list(LABELS)
    for group in sorted(set(node_groups), key=lambda g: order.index(g) if g in order else len(order)):
        label, _, kind = group.partition(":")
        s = node_style(label, kind or None)
        entries.append({"type": "node", "group": group, "caption": s["caption"], "color": s["color"],
                        "shape": s["shape"]})
    types = list(EDGES)
    for group in sorted(set(edge_groups), key=lambda t: types.index(t) if t in types else len(types)):
        s = edge_style(group)
        entries.append({"type": "edge", "group": group, "caption": s["caption"], "color": s["color"],
                        "dashes": s["dashes"], "width": s["width"]})
    return entries


def lines_text(document: str | None, first: int | None, last: int | None) -> str:
    """Where a fact was read: ``doc/x, line 12`` or ``lines 12–14``.

    >>> lines_text("doc/a", 12, 14), lines_text("doc/a", 3, 3), lines_text(None, None, None)
    ('doc/a, lines 12–14', 'doc/a, line 3', '')
    """
    if first is None:
        return document or ""
    span = f"line {first}" if last in (None, first) else f"lines {first}–{last}"
    return f"{document}, {span}" if document else span
