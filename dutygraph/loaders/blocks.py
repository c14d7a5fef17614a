"""Documents whose format gives text blocks and tables as cells (HTML, DOCX, PDF, CSV/XLSX).

A format loader reads its file into text lines (each with the position it was
read from: a source line, a paragraph, a sheet row) and :class:`~.grid.Grid`
tables; :func:`build_document` reads them with every text layout and the grids,
in Simplified script, and gives strings back as printed.

>>> from .grid import Grid, GridRow
>>> g = Grid(["序号", "重点任务", "牽頭單位"], [GridRow(["1", "建設綠道。", "市住建局"], 3, 3)], first_line=2)
>>> doc = build_document("p.html", None, [(1, "關於印發《X市2020年工作要點》的通知")], [g])
>>> doc.title, doc.tasks[0].text, doc.tasks[0].units(Role.LEAD)
('關於印發《X市2020年工作要點》的通知', '建設綠道。', ['市住建局'])
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Document, Role
from ..resolve.units import simplified
from .document import parse_lines
from .grid import Grid
from .lines import Line
from .script import Printer, restore_document

__all__ = ["build_document", "Role"]


def _fold_cell(cell: str | None) -> str | None:
    return simplified(cell) if cell else cell


def build_document(source: str, sha256: str | None, texts: list[tuple[int, str]], grids: list[Grid]) -> Document:
    """A document from numbered text lines and tables; raises InputError when it holds no task."""
    original = "\n".join([t for _, t in texts] + [c or "" for g in grids for r in g.rows for c in r.cells]
                         + [c for g in grids for c in g.columns])
    lines = []
    for no, raw in texts:
        folded = simplified(raw) if raw else raw
        text = "".join(folded.split())
        lines.append(Line(no, folded, text, not text and raw != ""))
    folded_grids = []
    for g in grids:
        rows = [replace(r, cells=[_fold_cell(c) for c in r.cells]) for r in g.rows]
        folded_grids.append(replace(g, columns=[_fold_cell(c) or "" for c in g.columns], rows=rows,
                                    title=_fold_cell(g.title)))
    doc = parse_lines(lines, source, sha256, grids=folded_grids)
    folded_text = simplified(original)
    if folded_text != original:
        restore_document(doc, Printer(original, folded_text))
    return doc
