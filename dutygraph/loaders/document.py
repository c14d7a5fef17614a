"""One document from its lines (and tables): every layout found, each where it stands.

The layout is detected per part of the document, not set by the user:

1. tables flattened one cell per line (序号 / 重点任务 / 牵头单位 … then rows): :mod:`.flat_table`;
2. tables flattened one row per line, cells separated by | or spaces: :mod:`.row_table`;
3. tables whose cells were glued together (a DOCX copy): :mod:`.glued`;
4. tables given as cells by the file format (HTML, DOCX, PDF, CSV/XLSX): :mod:`.grid`;
5. everything else, read as numbered prose with clauses, label lines and unit lines: :mod:`.prose`.

A table copied from a PDF with its columns interleaved word by word
(:func:`interleaved_lines`) is not read: its cells cannot be told apart, and
nothing is invented; a document holding only such a table is refused with a
message saying so.

Traditional script is read folded to Simplified and printed as it was (:mod:`.script`).

>>> doc = parse_text("关于印发《X市2020年工作要点》的通知\\n一、重点任务\\n1.建设绿道。(市住建局牵头)", "p.txt")
>>> [(t.id, t.units(Role.LEAD)) for t in doc.tasks]
[('S1-1', ['市住建局'])]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import InputError
from ..model import Annex, Document, Provenance, Role, Task
from ..text.units import DITTO, is_unit_name
from .clauses import apply_item_partners
from .columns import is_label
from .bar_cells import find_bar_cell_tables
from .box_table import find_box_tables
from .cell_groups import find_cell_group_tables
from .cell_lines import cell_line_grid, text_after_cells
from .ditto import apply_ditto
from .conventions import (apply_default_units, apply_first_listed, apply_group_label, apply_note_tasks,
                          apply_scoped_labels)
from .coverage import cue_lines, measure, rescue_tasks
from .flat_table import ANNEX_HEADING, FlatTableReader
from .glued import find_glued_tables
from .glued_cells import find_glued_cell_tables
from .glued_rows import recut_tables
from .grid import Grid, grid_tasks
from .header import read_header
from .lines import Line, strip_cell_bars, to_lines
from .obligations import NOTICE_CUES, is_notice, obligation_tasks, reads_as_notice
from .outline import read_outline
from .plain_text import _annex_of, _emit_row, _find_tables, _year_of, plan_year
from .prose import read_prose
from .row_table import find_row_tables
from .scored_rows import find_scored_tables
from .script import fold, restore_document
from .sideways import find_sideways_tables
from .uneven_rows import find_uneven_tables
from .unglue import MIN_GLUED, unglue
from .unwrap import joined_ends, renumbered, stretch_spans, unwrap_text

__all__ = ["parse_text", "parse_lines", "interleaved_lines", "Role"]

_LONE_PUNCT = re.compile(r"^[、,，。;；:：()（）]$")


def interleaved_lines(lines: list[Line]) -> list[int]:
    """Indices of lines holding a table copied from a PDF with its columns interleaved.

    Such a line carries several column labels among words and stray punctuation
    standing alone: "序号 重点任务 工作措施 牵头部门 … 市交通委 , 在完成 … ( ) 、".
    """
    found = []
    # 20 tokens need 19 white space characters or more: what raw has and text (raw without them) has not
    for k in [k for k, ln in enumerate(lines) if len(ln.text) >= 80 and len(ln.raw) - len(ln.text) >= 19]:
        line = lines[k]
        tokens = line.raw.split()
        if len(tokens) < 20:
            continue
        labels = sum(1 for t in tokens if is_label(t) and re.search(r"牵头|责任|主责|配合|协办|时限|序号", t))
        lone = sum(1 for t in tokens if _LONE_PUNCT.match(t))
        if labels >= 3 and lone >= 5:
            found.append(k)
    return found


def _uncovered(n: int, covered: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = []
    at = 0
    for start, end in sorted(covered):
        if start > at:
            spans.append((at, start))
        at = max(at, end)
    if at < n:
        spans.append((at, n))
    return spans


def parse_lines(lines: list[Line], source: str, sha256: str | None = None, grids: Iterable[Grid] = (),
                covered: Iterable[tuple[int, int]] = ()) -> Document:
    """Read a document from its (Simplified) lines and the tables its format gave as cells.

    ``covered`` holds line-index spans that are not text to read (the rendering of ``grids``).
    Raises :class:`InputError` when no task is found.
    """
    header = read_header(lines)
    doc = Document(source=source, title=header.title, plan_title=header.plan_title, issuers=header.issuers,
                   issued=header.issued, published=header.published, number=header.number, sha256=sha256)
    polish_header(doc, lines)
    doc.year = plan_year(doc.plan_title, doc.title) or _year_of(doc.issued) or _year_of(doc.published)
    covered = list(covered)

    # 1. flattened one cell per line (the seed's layout)
    tables = _find_tables(lines)
    body_end = tables[0][0] if tables else len(lines)
    annex_start = next((k for k, ln in enumerate(lines) if ln.text[:1] == "附" and ANNEX_HEADING.match(ln.text)),
                       body_end)
    outline = read_outline(lines, header.body_start, min(body_end, annex_start), source)
    doc.sections, doc.key_works, doc.targets = outline.sections, outline.key_works, outline.targets
    read_until = 0
    early_grids: list[Grid] = []
    for start, columns, body_start in tables:
        if start < read_until:
            continue  # a header repeated inside a table already read (a page break): read once
        annex_no, annex_title = _annex_of(lines, start, outline.annex_titles)
        if text_after_cells(columns) and (got := cell_line_grid(lines, columns, body_start)):
            grid, read_until = got  # one line per cell, the text after the cells: a grid reads it
            grid.annex, grid.title = annex_no, annex_title
            early_grids.append(grid)
            covered.append((start, read_until))
            continue
        reader = FlatTableReader(lines, columns)
        end = reader.read(body_start)
        if not reader.rows:
            continue  # a header the flattened-table rules cannot follow: the other readers try its lines
        read_until = max(end, body_start)
        covered.append((start, read_until))
        if annex_no is not None:
            doc.annexes.append(Annex(annex_no, annex_title or outline.annex_titles.get(annex_no, ""), columns,
                                     Provenance(source, lines[start].no, lines[body_start].no - 1)))
        prefix = f"A{annex_no}" if annex_no is not None else f"T{len(doc.annexes) + 1}"
        for row in reader.rows:
            _emit_row(doc, reader, row, annex_no, prefix, source)
    flat_count = len(doc.tasks)

    # 2-4. tables as rows of cells: from the text (box-drawn, rows per line, glued cells) and from the format
    found_grids: list[tuple[Grid, int]] = []
    for find in _TABLE_FINDERS:  # each reads only what the ones before it left
        for start, end in _uncovered(len(lines), covered):
            for grid, i, j in find(lines, start, end):
                found_grids.append((grid, i))
                covered.append((i, j))
    skipped = interleaved_lines(lines)
    covered.extend((k, k + 1) for k in skipped)
    grid_list = sorted([g for g, _ in found_grids] + early_grids, key=lambda g: g.first_line) + list(grids)
    table_no = len(doc.annexes)
    for grid in grid_list:
        table_no += 1
        if grid.annex is not None:
            doc.annexes.append(Annex(grid.annex, grid.title or "", list(grid.columns),
                                     Provenance(source, grid.first_line, grid.first_line)))
        prefix = f"A{grid.annex}" if grid.annex is not None else f"T{table_no}"
        tasks, rows = grid_tasks(grid, source, doc.year, prefix)
        doc.tasks.extend(tasks)
        doc.rows.extend(rows)

    # 5. prose outside every table
    prose = read_prose(lines, source, _uncovered(len(lines), covered), doc.year)
    doc.tasks.extend(prose)
    sources = sum(1 for n in (flat_count, len(doc.tasks) - flat_count - len(prose), len(prose)) if n)
    if sources > 1:  # tasks of several layouts: in document order (stable: a table's order is kept)
        doc.tasks.sort(key=lambda t: t.provenance.first_line)
    _unique_ids(doc.tasks)
    _add_missing_parents(doc)
    _drop_cut_name(doc, lines)
    apply_scoped_labels(lines, doc.tasks, source)
    apply_first_listed(lines, doc.tasks)
    apply_group_label(lines, doc.tasks)
    apply_ditto(doc.tasks)
    apply_default_units(lines, doc.tasks)
    apply_item_partners(doc.tasks)
    doc.tasks = apply_note_tasks(doc.tasks)

    # Role cues no reader placed still give tasks (never all or nothing); then the coverage.
    cues = cue_lines(lines)
    held = [(lines[a].no, lines[b - 1].no) for a, b in covered if b > a]  # tables and skipped lines
    rescued = rescue_tasks(lines, doc.tasks, cues, source, held)
    if rescued:
        doc.tasks.extend(rescued)
        doc.tasks.sort(key=lambda t: t.provenance.first_line)
        # a rescued label line cut by the excerpt's end ((责任单位:市公): its fragment is no unit, and a rescued task
        # left with no unit is gone (it was a task only for its cue's units)
        placed_before = {id(t) for t in rescued if t.assignments}
        _drop_cut_name(doc, lines)
        gone = {id(t) for t in rescued if id(t) in placed_before and not t.assignments}
        if gone:
            doc.tasks = [t for t in doc.tasks if id(t) not in gone]
        _unique_ids(doc.tasks)
    placed = sum(1 for t in doc.tasks if t.assignments)
    if not skipped and (not placed or not flat_count and not grid_list and (placed <= NOTICE_CUES or is_notice(lines))):
        _read_obligations(doc, lines, source)  # a notice, reply or report: its sentences tell units what to do
    doc.coverage = measure(doc, cues, [{"lines": [lines[k].no, lines[k].no], "reason": "a table copied from a PDF "
                                        "with its columns interleaved word by word"} for k in skipped])

    if not doc.tasks:
        if skipped:
            raise InputError("no recognisable task: the table here was copied from a PDF with its columns "
                             "interleaved word by word, so its cells cannot be told apart; read the PDF itself",
                             path=source, line=lines[skipped[0]].no)
        if cues:
            no = min(cues)
            raise InputError(f"no recognisable task: the role cues found ({len(cues)}, the first a {cues[no]}) "
                             "name no unit that could be placed", path=source, line=no)
        raise InputError("no recognisable task: found no task table, no responsibility clause and no unit label",
                         path=source)
    return doc


# The readers of tables printed as text, in the order they are tried: box-drawn, bar cells, groups of cells,
# rows per line, cells glued with nothing between them, glued DOCX columns, tables printed sideways, cells per
# line under merged group cells, cells per line in rows opening with a name and a number (a score).
_TABLE_FINDERS = (find_box_tables, find_bar_cell_tables, find_cell_group_tables, find_row_tables,
                  find_glued_cell_tables, find_glued_tables, find_sideways_tables, find_uneven_tables,
                  find_scored_tables)


def _read_obligations(doc: Document, lines: list[Line], source: str) -> None:
    """The tasks of a document whose readers placed no unit, or only a few from role words inside a notice's
    own sentences (:func:`.obligations.reads_as_notice`): its obligation sentences (县发改委要会同…), in place of
    the items that hold them (1.明确任务。各牵头单位要…: the item gives way to its sentences)."""
    found = obligation_tasks(lines, source)
    if not found or not reads_as_notice(doc.tasks, found, lines):
        return
    held = {t.provenance.first_line for t in found}
    doc.tasks[:] = [t for t in doc.tasks if not held.intersection(range(t.provenance.first_line,
                                                                       t.provenance.last_line + 1))]
    doc.tasks.extend(found)
    doc.tasks.sort(key=lambda t: t.provenance.first_line)
    _unique_ids(doc.tasks)


def _drop_cut_name(doc: Document, lines: list[Line]) -> None:
    """A document cut inside its last unit name (…市财政局、市住): the fragment is no unit."""
    last_line = next((ln for ln in reversed(lines) if ln.text), None)
    last = last_line.no if last_line is not None else None
    if last is None or not doc.tasks:
        return
    task, top = doc.tasks[0], 0  # the last task with the last line of any assignment (a glued page: one line)
    for t in doc.tasks:
        for a in t.assignments:
            if a.provenance is not None and a.provenance.last_line >= top:
                task, top = t, a.provenance.last_line
    names = None  # every unit printed, made only when a name on the last line is looked at (rarely)
    while task.assignments:
        a = task.assignments[-1]
        if a.provenance is None or a.inferred or a.provenance.last_line != last or \
                not last_line.text.endswith(a.unit):  # the text ends in the fragment (a glued page: one line no)
            break
        if names is None:
            names = {a.unit for t in doc.tasks for a in t.assignments}
        # the start of a name the document prints whole elsewhere (市科 / 市科技局) is cut too, whatever it ends with
        cut = a.unit not in DITTO and (not is_unit_name(a.unit) and not a.unit.startswith("各")  # 各村: whole
                                       or any(n != a.unit and n.startswith(a.unit) for n in names))
        if not cut:
            break
        task.assignments.pop()
        for t in doc.tasks:  # the fragment spread from there (以上工作由X牵头,会同Y、公安: every item's copy) goes too
            if t is not task and any(b.inferred and b.unit == a.unit for b in t.assignments):
                t.assignments = [b for b in t.assignments if not (b.inferred and b.unit == a.unit and b.provenance
                                                                  == a.provenance)]


def _add_missing_parents(doc: Document) -> None:
    """A row for every parent id that names no task or row (the sentences of a prose item with several
    clauses are ``S1-2-1``, ``S1-2-2`` … of the item ``S1-2``): every PART_OF has a task to point at."""
    known = {t.id for t in doc.tasks} | {r.id for r in doc.rows}
    children: dict[str, list[Task]] = {}
    for task in doc.tasks:
        if task.parent and task.parent not in known:
            children.setdefault(task.parent, []).append(task)
    for parent, kids in children.items():
        first = kids[0]
        doc.rows.append(Task(id=parent, text=first.title or "", row=first.row, title=first.title, annex=first.annex,
                             provenance=Provenance(first.provenance.file, min(k.provenance.first_line for k in kids),
                                                   max(k.provenance.last_line for k in kids))))


def _unique_ids(tasks: list[Task]) -> None:
    """Ids made unique in order: a repeated id gets .2, .3 … (one counter per id: linear in the tasks)."""
    seen: set[str] = set()
    last: dict[str, int] = {}
    for task in tasks:
        base = task.id
        if base in seen:
            n = last.get(base, 1)
            while f"{base}.{n}" in seen or n == 1:
                n += 1
            last[base] = n
            task.id = f"{base}.{n}"
        seen.add(task.id)


_HEADED_LIST = re.compile(r"[:：][(（]1[)）].{0,200}?[(（]2[)）].{0,200}?[(（]3[)）]")  # items glued after a heading
_LONG_LINE = re.compile(r"[^\n]{%d}" % MIN_GLUED)  # a line a glued page could be (searched once, in C)
_CORPUS_NOTE = re.compile(r"^#\s*(?:source|kind)\s*[:：]")


def drop_corpus_notes(lines: list[Line]) -> list[Line]:
    """Blank the ``# source: URL`` / ``# kind: …`` lines a corpus puts above a document's text."""
    out = list(lines)
    for k, line in enumerate(out[:3]):
        if _CORPUS_NOTE.match(line.raw.strip()):
            out[k] = Line(line.no, line.raw, "", False)
    return out


# A page's number on a line of its own, as PDF and Word copies print it between two pages' text ("- 2 -", "— 12 —",
# "第3页", "第 3 页 共 10 页"): no part of the text, and a label run or an item goes on across it.
_PAGE_MARK = re.compile(r"^(?:[-—–─－~]+\s*\d{1,4}\s*[-—–─－~]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)$")


_PAGE_MARK_LINE = re.compile(r"\n[ \t\u3000]*(?:[-—–─－~]+[ \t\u3000]*\d{1,4}[ \t\u3000]*[-—–─－~]|第[ \t\u3000]*\d{1,4}[ \t\u3000]*页)")


def drop_page_marks(lines: list[Line]) -> list[Line]:
    r"""Blank the lines that hold nothing but a page's number (``- 2 -``, ``第3页``).

    >>> [line.text for line in drop_page_marks(to_lines("牵头部门:市教委\n - 2 - \n责任单位:团市委"))]
    ['牵头部门:市教委', '', '责任单位:团市委']
    """
    out = lines
    for k, line in enumerate(lines):
        text = line.text
        if text and len(text) <= 20 and (text[0] in "-—–─－~" or text[0] == "第") and _PAGE_MARK.match(text.strip()):
            if out is lines:
                out = list(lines)
            out[k] = Line(line.no, line.raw, "", False)
    return out


def parse_text(text: str, source: str, sha256: str | None = None) -> Document:
    """Read decoded ``text`` in any text layout; strings come back in the document's own script."""
    folded, printer = fold(text)
    lines = drop_corpus_notes(to_lines(folded))
    if _PAGE_MARK_LINE.search(folded):  # a literal line break opens the pattern: a fast scan of the text
        lines = drop_page_marks(lines)
    unwrapped = unwrap_text(lines, text if folded is not text else None)  # a hard-wrapped copy: joined as printed
    ends = None
    if unwrapped is not None:
        ends = joined_ends(unwrapped[1], len(lines))
        text, numbers = unwrapped
        folded, printer = fold(text)
        lines = renumbered(drop_corpus_notes(to_lines(folded)), numbers)
        if _PAGE_MARK_LINE.search(folded):
            lines = drop_page_marks(lines)
    if "|" in folded:
        lines = strip_cell_bars(lines)
    if _LONG_LINE.search(folded) or _HEADED_LIST.search(folded):
        lines = unglue(recut_tables(lines))
    doc = parse_lines(lines, source, sha256)
    if ends:
        stretch_spans([*doc.tasks, *doc.rows, *doc.key_works, *doc.targets, *doc.sections, *doc.annexes], ends)
    restore_document(doc, printer)
    return doc


_NOTICE = re.compile(r"关于.+的(?:通知|意见|决定|函|批复|报告|通报)$")
_FILE_SUFFIX = re.compile(r"\.(?:docx?|pdf|xlsx?|wps|txt|html?)$", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d{2}年")
_ISSUED_PLAN = re.compile(r"印发(.+?)的(?:通知|意见|决定)")


def polish_header(doc: Document, lines: list[Line]) -> None:
    """Header facts the line-by-line header reader misses: a notice title split over lines,
    a plan title with a quotation inside it, a file name as title, column labels as issuers."""
    title_line = next((k for k, ln in enumerate(lines[:240]) if ln.text and doc.title.startswith(ln.text[:12])),
                      None)
    for k, ln in enumerate(lines[:60]):
        if title_line is not None and k >= title_line:
            break
        t = ln.text
        if "关于" not in t or _NOTICE.search(t):
            continue
        joined = t
        for nxt in [x.text for x in lines[k + 1:k + 8] if x.text][:3]:
            joined += nxt
            if _NOTICE.search(joined):
                doc.title = joined
                break
        if doc.title == joined:
            break
    doc.title = _FILE_SUFFIX.sub("", doc.title)
    if doc.plan_title and not _YEAR.search(doc.plan_title):  # 潍坊…实施方案, then 潍坊市2017年…实施方案
        at = next((k for k, ln in enumerate(lines[:120]) if ln.text == doc.plan_title), None)
        if at is not None:
            for ln in [x for x in lines[at + 1:at + 6] if x.text][:3]:
                if _YEAR.search(ln.text) and ln.text.endswith(doc.plan_title[-4:]) and len(ln.text) <= 60:
                    doc.plan_title = ln.text
                    break
    m = _ISSUED_PLAN.search(doc.title)
    if m:
        seg = m.group(1)
        if "《" in seg and not seg.startswith("《"):
            doc.plan_title = seg
        elif doc.plan_title is None:
            doc.plan_title = seg.strip("《》")
    doc.issuers = [i for i in doc.issuers if not is_label(i)]
