"""Word documents (DOCX): paragraphs and tables, read with python-docx.

A vertically merged cell is read once, in its first row, and holds for every row
it spans (``None`` below it in the grid); a horizontally merged cell is read once
for its first column. Tables without a unit column are read as text, one cell per
line. The ``lines`` of a task count the document's blocks in order: each
paragraph is one, each table row one.

>>> import io, docx
>>> d = docx.Document()
>>> _ = d.add_paragraph("关于印发《X市2020年工作要点》的通知")
>>> t = d.add_table(rows=3, cols=3)
>>> for r, row in enumerate([["序号", "重点任务", "牵头单位"], ["1", "建设绿道。", "市住建局"], ["2", "治理水系。", ""]]):
...     for c, value in enumerate(row):
...         t.cell(r, c).text = value
>>> _ = t.cell(1, 2).merge(t.cell(2, 2))
>>> buf = io.BytesIO(); d.save(buf)
>>> doc = parse_docx(buf.getvalue(), "p.docx")
>>> [(x.id, x.units(Role.LEAD)) for x in doc.tasks]
[('T1-1', ['市住建局']), ('T1-2', ['市住建局'])]
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from ..errors import InputError
from ..model import Document, Role
from .limits import check_zip
from .blocks import build_document
from .grid import Grid
from .html_file import key_value_lines, table_grid

__all__ = ["load_docx", "parse_docx", "Role"]


def _table_matrix(table, first_line: int) -> list[tuple[int, list[str | None]]]:
    out: list[tuple[int, list[str | None]]] = []
    above: list = []
    for k, row in enumerate(table.rows):
        cells = row.cells
        values: list[str | None] = []
        for c, cell in enumerate(cells):
            if c > 0 and cell._tc is cells[c - 1]._tc:
                values.append("")  # the same cell spanning columns
            elif c < len(above) and cell._tc is above[c]._tc:
                values.append(None)  # the same cell spanning rows: read once, above
            else:
                # its paragraphs one a line (names printed one a line in a unit cell are apart)
                values.append("\n".join(t for p in cell.text.split("\n") if (t := "".join(p.split()))))
        above = list(cells)
        out.append((first_line + k, values))
    return out


def parse_docx(data: bytes, source: str, sha256: str | None = None) -> Document:
    """Read DOCX bytes into a Document."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - a dependency of the project
        raise InputError("reading DOCX needs python-docx (pip install python-docx)", path=source) from None
    check_zip(data, source, "DOCX")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise InputError(f"not a readable DOCX file ({exc.__class__.__name__})", path=source) from None
    body = getattr(document.element, "body", None)
    if body is None:  # word/document.xml whose root is not a w:document
        raise InputError("not a readable DOCX file (its main part holds no document body)", path=source)
    texts: list[tuple[int, str]] = []
    grids: list[Grid] = []
    line = 0
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            line += 1
            text = Paragraph(child, document).text
            if text.strip():
                texts.append((line, text))
        elif tag == "tbl":
            matrix = _table_matrix(Table(child, document), line + 1)
            line += len(matrix)
            grid = table_grid(matrix)
            if grid is not None:
                grids.append(grid)
            elif (pairs := key_value_lines(matrix)) is not None:
                texts.extend(pairs)  # a table of key-value rows: labelled lines
            else:  # a layout table: its cells as lines of text
                texts.extend((no, "".join(c.split())) for no, row in matrix for c in row if c)
    if not texts and not grids:
        raise InputError("the DOCX file holds no text", path=source)
    return build_document(source, sha256, texts, grids)


def load_docx(path: str | Path) -> Document:
    """Read one DOCX file."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", path=str(path)) from None
    if not data.startswith(b"PK"):
        raise InputError("not a DOCX file (no ZIP signature)", path=str(path))
    return parse_docx(data, str(path), hashlib.sha256(data).hexdigest())
