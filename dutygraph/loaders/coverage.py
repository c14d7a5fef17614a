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

from ..model import Assignment, Coverage, Document, Provenance, Task
from ..text.units import is_unit_name
from .clauses import _HINT, Clause, colon_duties, find_clauses, leading_clauses, parse_clause
from .columns import MAX_LABEL, column_kinds, is_label
from .labels import COOPERATING, DIVISION, LABEL_ANYWHERE, LEAD, LEADER, RESPONSIBLE, iter_labels, match_label
from .lines import Line
from .obligations import BASIS, HANDED, told_name
from .prose import _SPACED_LABEL, _heading_clause, _marker, _spaced_label, _unit_line
from .glued_cells import glued_header as header_inside
from .glued_cells import line_header as glued_header
from .unglue import MIN_GLUED
from .row_table import header_of as row_header

CLAUSE, LABEL, UNIT_LINE, HEADER = "clause", "label", "unit line", "header"
_TOLD = frozenset((BASIS, HANDED))  # the bases of the units a notice's own sentences tell what to do
_ROLE_LABELS = frozenset((LEAD, RESPONSIBLE, COOPERATING, DIVISION))
_UNIT_COLUMNS = frozenset((LEAD, RESPONSIBLE, COOPERATING))


@lru_cache(maxsize=65536)  # a corpus repeats its cells (市发改委牵头) from plan to plan
def _read_cue(text: str) -> tuple[str, Clause | None, str] | None:
    """The cue a line holds: its kind, the clause it prints (None for a header cell) and the line's
    text without the clause (empty when the line is nothing but the cue)."""
    if not _HINT.search(text):
        return None
    if len(text) <= MAX_LABEL and is_label(text):  # a column header cell on its own line: 牵头单位
        return (HEADER, None, "") if column_kinds([text])[0] in _UNIT_COLUMNS else None
    for m in iter_labels(text):
        label = match_label(text[m.start():])
        if label is not None and label.kind in _ROLE_LABELS and label.content:
            clause = parse_clause(text[m.start():])
            return LABEL, clause, text[:m.start()].strip("。；;,， ")
    found = find_clauses(text)
    if found:
        f = found[-1]
        return CLAUSE, f.clause, (text[:f.start] + text[f.end:]).strip("。；;,， ")
    found = colon_duties(text) or leading_clauses(text)
    if found:  # 市工商局负责,市农业局配合,严格实施…: the whole sentence is the task's text
        # (r-notices7) 由甲坊牵头,乙舍配合。: nothing but the clause, the task is the line above it
        return CLAUSE, found[0].clause, text if text[found[0].end:].strip("。；;,， ") else ""
    marker = _marker(text)
    clause = _heading_clause(marker[3] if marker else text)
    if clause is not None:  # 一、县示范区管委会牵头工作(8项)
        return CLAUSE, clause, ""
    clause = _unit_line(text, None, False)
    if clause is not None:
        return UNIT_LINE, clause, ""
    return None


def _spaced_role_label(raw: str) -> bool:
    m = _SPACED_LABEL.match(raw)
    label = _spaced_label(m.group(1), m.group(2)) if m else None
    if label is None or not label.content:
        return False  # a leader's line is a cue only when units' labels follow the leader (责任领导 李四 牵头单位 X)
    return label.kind in _ROLE_LABELS or label.kind == LEADER and LABEL_ANYWHERE.search(label.content) is not None


def cue_lines(lines: list[Line]) -> dict[int, str]:
    """Line number -> kind of cue, for every line holding a role cue."""
    found: dict[int, str] = {}
    # one pass of the hint words over the whole text (in C), then the grammar on the lines they hit
    joined = "\n".join([line.text for line in lines])
    hit: list[int] = []
    k = at = 0
    while (m := _HINT.search(joined, at)) is not None:  # the first hit of a line, then on from the next line
        k += joined.count("\n", at, m.start())  # the line breaks since the last line looked at give the line
        hit.append(k)
        at = joined.find("\n", m.end()) + 1
        if at == 0:
            break  # the last line
        k += 1
    for k in hit:
        line = lines[k]
        cue = _read_cue(line.text)
        if cue is not None:
            found.setdefault(line.no, cue[0])
        elif line.raw != line.text and _spaced_role_label(line.raw):  # 牵头单位 市发改委: a space for the colon
            found.setdefault(line.no, LABEL)
        elif line.raw != line.text and row_header(line) is not None:  # 序号 | 工作任务 | 责任单位
            found.setdefault(line.no, HEADER)
        elif line.raw == line.text and glued_header(line.text) is not None:  # 类别序号重点任务牵头单位完成情况
            found.setdefault(line.no, HEADER)
        elif len(line.text) >= MIN_GLUED and "序号" in line.text and header_inside(line.text) is not None:
            found.setdefault(line.no, HEADER)  # …方案序号主要任务第一责任单位主要责任单位1…: a header glued in a page
    return found


def _spans(tasks: list[Task], with_units: bool) -> list[tuple[int, int]]:
    """The line spans of the tasks and of their assignments, each once (the units of one cell share theirs)."""
    spans: set[tuple[int, int]] = set()
    for task in tasks:
        if with_units and not task.assignments:
            continue
        spans.add((task.provenance.first_line, task.provenance.last_line))
        last = None
        for a in task.assignments:
            if a.provenance is not None and a.provenance is not last:  # a cell's units share one provenance
                last = a.provenance
                spans.add((last.first_line, last.last_line))
    return sorted(spans)


def _inside(no: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= no <= b for a, b in spans)


def _covered(spans: list[tuple[int, int]], numbers) -> set[int]:
    """Those of ``numbers`` that lie in a span: the spans merged into disjoint runs, each number looked up.

    >>> sorted(_covered([(5, 7), (1, 2), (3, 3), (9, 8)], [0, 2, 3, 4, 6, 8, 9]))
    [2, 3, 6]
    """
    numbers = list(numbers)
    if not numbers or not spans:
        return set()
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if b < a:
            continue  # an empty span covers nothing
        if ends and a <= ends[-1] + 1:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return {no for no in numbers if no >= 0 and (k := bisect_right(starts, no) - 1) >= 0 and no <= ends[k]}


def rescue_tasks(lines: list[Line], tasks: list[Task], cues: dict[int, str], source: str,
                 held: list[tuple[int, int]] = ()) -> list[Task]:
    """Tasks for the cue lines no reader placed: each such clause, label or unit line gives one.

    ``held`` are line spans read as tables (or skipped on purpose): no task is made there.
    """
    to_place = [no for no, kind in cues.items() if kind != HEADER]  # a column header gives no task of its own
    if not to_place:
        return []  # a document whose cues are all column headers (the tables were read)
    spans = _spans(tasks, with_units=False) + list(held)
    placed = _covered(spans, to_place)
    if all(no in placed for no in to_place):
        return []  # the usual case: every cue stands in what the readers read
    by_no = {}
    for k, line in enumerate(lines):
        by_no.setdefault(line.no, k)
    out: list[Task] = []
    for no, kind in sorted(cues.items()):
        if kind == HEADER or _inside(no, spans):
            continue
        k = by_no[no]
        cue = _read_cue(lines[k].text)
        if cue is None or cue[1] is None or not cue[1].assignments:
            continue
        _, clause, body = cue
        first = no
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
    """The document's coverage: cues seen and attached, unrecognised names, skipped parts (every cue not attached,
    a column header with no unit placed after it included: each one counted short of the cues is reported).

    >>> from .document import parse_text
    >>> cov = parse_text("1.建设绿道。(市住建局负责)\\n任务 | 牵头单位\\n修缮古桥 |", "p.txt").coverage
    >>> cov.cues - cov.attached == len(cov.skipped), [s["lines"] for s in cov.skipped]
    (True, [[2, 2]])
    """
    spans = _spans(doc.tasks, with_units=True)
    covered = _covered(spans, [no for no, kind in cues.items() if kind != HEADER])  # a header counts by last_unit_line
    last_unit_line = max((b for _, b in spans), default=0)
    attached = 0
    for no, kind in cues.items():
        attached += (no <= last_unit_line) if kind == HEADER else (no in covered)
    unrecognised = []
    seen = set()  # every name looked at once (a plan repeats its units from task to task)
    for task in doc.tasks:
        for a in task.assignments:
            if a.unit in seen or a.inferred and not (a.basis in _TOLD and not told_name(a.unit)):
                continue  # (an inferred unit is reported where it is printed; a notice's subject where it is told,
            seen.add(a.unit)  # when read from its slot alone: 翠湖片区舍要…)
            if is_unit_name(a.unit):
                continue
            unrecognised.append({"unit": a.unit, "role": a.role.value,
                                 "line": a.provenance.first_line if a.provenance else task.provenance.first_line})
    # a cue no task took its units from, a column header too (a table whose rows gave no unit after it)
    missed = sorted(no for no, kind in cues.items() if (no > last_unit_line if kind == HEADER else no not in covered))
    skipped = list(skipped or []) + [{"lines": [no, no], "reason": f"role cue ({cues[no]}) not attached to a task"}
                                     for no in missed]
    return Coverage(cues=len(cues), attached=attached, unrecognised=unrecognised, skipped=skipped)
