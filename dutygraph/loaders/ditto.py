"""Ditto marks: a unit cell or a clause printing 同上 ("as above") names the units of the task before it.

A table's unit cell 同上 takes the units the task above holds in the same role; an item closed by (同上) takes all
of them. Both are marked ``inferred`` with their basis; a ditto with nothing above it is dropped.

>>> from dutygraph.model import Assignment, Provenance, Role, Task
>>> at = Provenance("plan.txt", 1, 1)
>>> above = Task("1", "推进改造", at, assignments=[Assignment("市住建局", Role.LEAD), Assignment("市财政局", Role.COOPERATING)])
>>> row = Task("2", "新建公园", at, assignments=[Assignment("同上", Role.LEAD)])
>>> item = Task("3", "建设绿道。（同上）", at)
>>> apply_ditto([above, row, item])
>>> [(a.unit, a.role.value, a.inferred) for a in row.assignments]
[('市住建局', 'lead', True)]
>>> item.text, [(a.unit, a.role.value) for a in item.assignments]  # the row above it now holds only the lead
('建设绿道。', [('市住建局', 'lead')])
"""

from __future__ import annotations

import re

from ..model import Assignment, Task
from ..text.units import DITTO

_DITTO_CLAUSE = re.compile(r"[(（〔【\[](?:同上|同前)[)）〕】\]][。；;]?$")
BASIS = "同上: the units of the task above"


def apply_ditto(tasks: list[Task]) -> None:
    """Replace ditto marks in ``tasks`` (in document order) by the units of the task before each."""
    above: Task | None = None
    for task in tasks:
        if task.assignments and not _has_ditto(task.assignments):
            above = task  # the usual case: a task with units and no ditto mark (tested without making a list)
            continue
        marks = [a for a in task.assignments if a.unit in DITTO]
        if marks and above is not None:
            kept = [a for a in task.assignments if a.unit not in DITTO]
            for mark in marks:
                kept.extend(_copy(b, mark.provenance) for b in above.assignments if b.role is mark.role)
            task.assignments = kept
        elif marks:
            task.assignments = [a for a in task.assignments if a.unit not in DITTO]
        elif not task.assignments and above is not None and _DITTO_CLAUSE.search(task.text):
            task.text = _DITTO_CLAUSE.sub("", task.text)
            task.assignments = [_copy(b, task.provenance) for b in above.assignments]
        if task.assignments:
            above = task


def _has_ditto(assignments: list[Assignment]) -> bool:
    for a in assignments:
        if a.unit in DITTO:
            return True
    return False


def _copy(assignment: Assignment, provenance) -> Assignment:
    return Assignment(assignment.unit, assignment.role, provenance or assignment.provenance, True, BASIS)
