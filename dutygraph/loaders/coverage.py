"""Role cues found in a document, and how many of them gave a task its units.

A *role cue* is a line that says where units stand, whatever the layout: a role label with
content (``牵头单位:市发改委``), a clause (``(市发改委牵头,市财政局配合)``), a unit line
(``市工信局牵头,市财政局配合``), or a column header naming a unit column. The readers place
units; this module checks them against what the text promises:

* :func:`cue_lines` finds every cue line, independently of the readers;
* :func:`rescue_tasks` turns a cue line no reader placed into a task of its own (the line's own
  text, or the line above it when the cue stands alone), so that a part of a document the
  readers do not understand still gives its tasks (never all or nothing);
* :func:`measure` gives the document's :class:`~dutygraph.model.Coverage`.

>>> from .lines import to_lines
>>> ls = to_lines("一、任务\\n1.建设绿道。\\n牵头单位:市住建局\\n请各单位抓好落实。")
>>> sorted(cue_lines(ls))
[3]
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from ..model import Assignment, Coverage, Document, Provenance, Task
from ..text.units import is_unit_name
from .clauses import _HINT, find_clauses
from .columns import MAX_LABEL, column_kinds, is_label
from .labels import COOPERATING, DIVISION, LABEL_ANYWHERE, LEAD, RESPONSIBLE, match_label
from .lines import Line
from .prose import _heading_clause, _marker, _unit_line

CLAUSE, LABEL, UNIT_LINE, HEADER = "clause", "label", "unit line", "header"
_ROLE_LABELS = frozenset((LEAD, RESPONSIBLE, COOPERATING, DIVISION))
_UNIT_COLUMNS = frozenset((LEAD, RESPONSIBLE, COOPERATING))


@lru_cache(maxsize=65536)  # a corpus repeats its cells (市发改委牵头) from plan to plan
def _cue_of(text: str) -> str | None:
    if not _HINT.search(text):
        return None
    if len(text) <= MAX_LABEL and is_label(text):  # a column header cell on its own line: 牵头单位
        return HEADER if column_kinds([text])[0] in _UNIT_COLUMNS else None
    for m in LABEL_ANYWHERE.finditer(text):
        label = match_label(text[m.start():])
        if label is not None and label.kind in _ROLE_LABELS and label.content:
            return LABEL
    if find_clauses(text):
        return CLAUSE
    marker = _marker(text)
    if _heading_clause(marker[3] if marker else text) is not None:  # 一、县示范区管委会牵头工作(8项)
        return CLAUSE
    if _unit_line(text, None, False) is not None:
        return UNIT_LINE
    return None


def cue_lines(lines: list[Line]) -> dict[int, str]:
    """Line number -> kind of cue, for every line holding a role cue."""
    found: dict[int, str] = {}
    # one pass of the hint words over the whole text (in C), then the grammar on the lines they hit
    joined = "\n".join(line.text for line in lines)
    starts = list(accumulate((len(line.text) + 1 for line in lines), initial=0))
    hit: set[int] = set()
    for m in _HINT.finditer(joined):
        hit.add(bisect_right(starts, m.start()) - 1)
    for k in sorted(hit):
        line = lines[k]
        kind = _cue_of(line.text)
        if kind is not None:
            found.setdefault(line.no, kind)
    return found


def _spans(tasks: list[Task], with_units: bool) -> list[tuple[int, int]]:
    spans = []
    for task in tasks:
        if with_units and not task.assignments:
            continue
        spans.append((task.provenance.first_line, task.provenance.last_line))
        spans.extend((a.provenance.first_line, a.provenance.last_line) for a in task.assignments
                     if a.provenance is not None)
    return spans


def _inside(no: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= no <= b for a, b in spans)


def _covered(spans: list[tuple[int, int]], numbers) -> set[int]:
    """Those of ``numbers`` that lie in a span."""
    spans = sorted(spans)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))
    out = set()
    for no in numbers:
        k = bisect_right(starts, no) - 1
        if k >= 0 and reach[k] >= no:
            out.add(no)
    return out


def rescue_tasks(lines: list[Line], tasks: list[Task], cues: dict[int, str], source: str,
                 held: list[tuple[int, int]] = ()) -> list[Task]:
    """Tasks for the cue lines no reader placed: each such clause, label or unit line gives one.

    ``held`` are line spans read as tables (or skipped on purpose): no task is made there.
    """
    spans = _spans(tasks, with_units=False) + list(held)
    by_no = {}
    for k, line in enumerate(lines):
        by_no.setdefault(line.no, k)
    out: list[Task] = []
    for no, kind in sorted(cues.items()):
        if kind == HEADER or _inside(no, spans):
            continue
        k = by_no[no]
        text = lines[k].text
        found = find_clauses(text)
        clause = None
        first = no
        if found:
            clause = found[-1].clause
            body = (text[:found[-1].start] + text[found[-1].end:]).strip("。；;,， ")
        else:
            clause = _unit_line(text, None, False)
            body = ""
            label = match_label(text)
            if clause is None and label is not None:
                from .clauses import parse_clause

                clause = parse_clause(text)
        if clause is None or not clause.assignments:
            continue
        if not body:  # the cue stands alone: the task is the line above it
            j = k - 1
            while j >= 0 and (not lines[j].text or lines[j].no in cues):
                j -= 1
            if j < 0:
                continue
            body, first = lines[j].text, lines[j].no
            if _inside(first, spans):
                continue
        prov = Provenance(source, no, no)
        task = Task(id=f"L{no}", text=body, provenance=Provenance(source, first, no),
                    assignments=[Assignment(u, r, prov) for u, r in clause.assignments],
                    leaders=list(clause.leaders))
        out.append(task)
        spans.append((first, no))
    return out


def measure(doc: Document, cues: dict[int, str], skipped: list[dict] | None = None) -> Coverage:
    """The document's coverage: cues seen and attached, unrecognised names, skipped parts."""
    spans = _spans(doc.tasks, with_units=True)
    covered = _covered(spans, cues)
    last_unit_line = max((b for _, b in spans), default=0)
    attached = 0
    for no, kind in cues.items():
        attached += (no <= last_unit_line) if kind == HEADER else (no in covered)
    unrecognised = []
    seen = set()
    for task in doc.tasks:
        for a in task.assignments:
            if a.inferred or is_unit_name(a.unit) or a.unit in seen:
                continue
            seen.add(a.unit)
            unrecognised.append({"unit": a.unit, "role": a.role.value,
                                 "line": a.provenance.first_line if a.provenance else task.provenance.first_line})
    missed = sorted(no for no, kind in cues.items() if kind != HEADER and no not in covered)
    skipped = list(skipped or []) + [{"lines": [no, no], "reason": f"role cue ({cues[no]}) not attached to a task"}
                                     for no in missed]
    return Coverage(cues=len(cues), attached=attached, unrecognised=unrecognised, skipped=skipped)
