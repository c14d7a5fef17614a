"""Conventions a plan states once for all its lists: notes that make the first-listed unit the lead.

A plan may print its lists without role words and say, once, "列第一位者为牵头单位" (the unit listed first
leads, 下同: here and below). From the note on, a task whose units name no lead gets its first-listed
unit as lead, marked inferred with the note's line as basis. The note itself, printed in brackets after
the last name of its list, is no part of that name. The note's wording is data
(``note.first-listed-lead`` in ``data/role_cues.txt``).

>>> from ..model import Assignment, Provenance, Role, Task
>>> from .lines import to_lines
>>> p = Provenance("p.txt", 3, 3)
>>> t = Task("S1", "建设绿道。", p, assignments=[Assignment("市住建局", Role.RESPONSIBLE, p),
...     Assignment("市财政局(列第一位者为牵头单位,下同)", Role.RESPONSIBLE, p)])
>>> apply_first_listed(to_lines("一、任务\\n1.建设绿道。\\n责任单位:市住建局、市财政局(列第一位者为牵头单位,下同)"), [t])
>>> [(a.unit, a.role.value, a.inferred) for a in t.assignments]
[('市住建局', 'lead', True), ('市财政局', 'responsible', False)]
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Role, Task
from ..text.role_cues import alternation
from .lines import Line


@lru_cache(maxsize=1)
def first_listed_note() -> re.Pattern:
    """The first-listed note's wording (列第一位的为牵头单位), as data (``note.first-listed-lead``)."""
    return re.compile(alternation("note.first-listed-lead"))


@lru_cache(maxsize=1)
def first_listed_bracket() -> re.Pattern:
    """A bracketed first-listed note, as printed after the last name of a list (an unclosed one runs to the end)."""
    return re.compile(r"[(（][^()（）]*(?:" + alternation("note.first-listed-lead") + r")[^()（）]*(?:[)）]|$)")


def apply_first_listed(lines: list[Line], tasks: list[Task]) -> None:
    """Make the first-listed unit lead on every task from a first-listed note on (in place)."""
    note = first_listed_note()
    # every such note names the lead (牵头): the patterns run only on the few lines holding it, never on the whole
    # text (a pattern opening with an alternation is tried at every character of a search)
    for line in lines:  # a loop, not next() over a generator: this looks at every line of every document
        if "牵头" in line.text and note.search(line.text):
            at = line.no
            break
    else:
        return
    cut = first_listed_bracket()
    for task in tasks:
        for a in task.assignments:
            if "(" in a.unit or "（" in a.unit:
                a.unit = cut.sub("", a.unit) or a.unit
        printed = [a for a in task.assignments if not a.inferred]
        if not printed or any(a.role is Role.LEAD for a in task.assignments) or len(printed) < 2:
            continue
        first = printed[0]
        if first.provenance is not None and first.provenance.last_line < at:
            continue
        first.role = Role.LEAD
        first.inferred = True
        first.basis = f"first-listed note at line {at}"
