"""Task tables as spreadsheets: CSV (any delimiter, UTF-8/UTF-16/GB18030) and XLSX (openpyxl).

The header is the first row (of the first ten) whose cells are column labels with a
unit column among them; rows above it are the document's title lines. What each
column holds is read from its label (:func:`~.columns.column_kinds`: 序号 → number,
牵头单位 → lead, 责任单位 → responsible, 配合单位 → cooperating, 责任领导 → leader,
完成时限 → deadline, the longest text column → the task); ``columns`` maps labels
to kinds where the defaults are wrong, e.g. ``{"负责处室": "lead"}``.

In XLSX, a merged cell is read once and holds for every row it spans. A CSV has
no merges; an empty 序号 or title cell is read as merged with the one above (the
way a spreadsheet with merged cells is exported), empty unit cells stay empty.
``lines`` are row numbers: of the file for CSV, of the workbook for XLSX, counted
sheet after sheet (a second sheet's row 1 follows the first sheet's last row).

>>> csv_text = "序号,重点任务,牵头单位,配合单位\\n1,建设绿道。,市住建局,市财政局\\n,治理水系。,市水利局,\\n"
>>> doc = parse_csv(csv_text, "p.csv")
>>> [(t.id, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks]
[('T1-1-1', ['市住建局'], ['市财政局']), ('T1-1-2', ['市水利局'], [])]
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
from pathlib import Path

from ..errors import InputError
from ..model import Document, Role
from .limits import MAX_SHEET_CELLS, check_sheet_cells, check_zip
from .blocks import build_document
from .columns import DEADLINE, LEAD, LEADER, NUMBER, TEXT, UNIT_KINDS, column_kinds, is_header, is_label
from .sniff import decode_text
from .grid import Grid, GridRow

__all__ = ["load_csv", "load_xlsx", "parse_csv", "parse_rows", "Role", "KINDS"]

KINDS = (NUMBER, TEXT, LEAD, "responsible", "cooperating", DEADLINE, LEADER)
HEADER_SEARCH = 10


def _value(v) -> str | None:
    if v is None:
        return ""
    if isinstance(v, _dt.datetime):
        return v.date().isoformat() if v.time() == _dt.time() else v.isoformat(sep=" ")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _kinds(labels: list[str], columns: dict[str, str] | None, printed: list[str] | None = None) -> list[str]:
    """The kind of each column from its label; ``columns`` (keyed by the label compacted or as printed) wins."""
    kinds = column_kinds(labels)
    for k, label in enumerate(labels):
        if columns and (label in columns or printed is not None and printed[k] in columns):
            kind = columns[label] if label in columns else columns[printed[k]]
            if kind not in KINDS:
                raise ValueError(f"unknown column kind {kind!r}; choose one of {', '.join(KINDS)}")
            kinds[k] = kind
    return kinds


def parse_rows(rows: list[tuple[int, list[str | None]]], source: str, sha256: str | None = None, *,
               columns: dict[str, str] | None = None, merged_blanks: bool = False) -> Document:
    """A document from numbered rows of cells (one sheet or several, one after the other)."""
    texts: list[tuple[int, str]] = []
    grids: list[Grid] = []
    grid: Grid | None = None
    for k, (line, cells) in enumerate(rows):
        labels = [c for c in cells if c]
        # a label spaced out or broken in its cell (主 办 单 位, 牵头\n单位) is the label
        compact = ["".join(c.split()) for c in labels]
        if labels and (is_header(compact) or columns and any(c in columns for c in labels)) and (
                grid is None or ["".join((c or "").split()) for c in cells] != grid.columns):
            header = ["".join((c or "").split()) for c in cells]
            kinds = _kinds(header, columns, [c or "" for c in cells])
            if any(x in UNIT_KINDS for x in kinds):
                grid = Grid(header, title=texts[-1][1] if texts else None, first_line=line, kinds=kinds)
                grids.append(grid)
                sub_read = False
                continue
        if grid is None:
            if labels:
                texts.append((line, " ".join(labels)))
            continue
        if not grid.rows and not sub_read and compact and all(is_label(c) for c in compact):
            # a second header row under cells merged over both (责任单位 over 主办单位 / 协办单位): its labels
            # name the columns under them
            sub = ["".join((c or "").split()) for c in cells]
            header = [s or c for c, s in zip(grid.columns, sub + [""] * (len(grid.columns) - len(sub)))]
            header += sub[len(header):]
            kinds = _kinds(header, columns, header)
            if any(x in UNIT_KINDS for x in kinds):
                grid.columns, grid.kinds, sub_read = header, kinds, True
                continue
        if merged_blanks:
            cells = [None if (c == "" and j < len(grid.kinds) and grid.kinds[j] in (NUMBER, TEXT)) else c
                     for j, c in enumerate(cells)]  # a row may be wider than its header
        grid.rows.append(GridRow(list(cells), line, line))
        grid.last_line = line
    if not grids:
        from .html_file import key_value_lines

        if (pairs := key_value_lines(rows)) is not None:  # a sheet of key-value rows (工作事项 | …; 牵头单位 | …)
            return build_document(source, sha256, pairs, [])
        raise InputError("no task table: no row names a unit column (牵头单位, 责任单位 …)", path=source)
    return build_document(source, sha256, texts, grids)


def parse_csv(text: str, source: str, sha256: str | None = None, *, columns: dict[str, str] | None = None) -> Document:
    """Read CSV text (the delimiter is sniffed among , ; tab and |)."""
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|，")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)  # a lone \r ends a row, as the csv module wants
    try:
        rows = [(k, [c.strip() for c in row]) for k, row in enumerate(reader, start=1)]
    except csv.Error as exc:  # a cell over the csv module's limit (128 kB), a NUL byte …
        limit = csv.field_size_limit()
        reason = (f"a cell longer than {limit // 1024} kB (a plan's cell is a sentence or a few names)"
                  if "field larger" in str(exc) else f"not readable as CSV ({exc})")
        raise InputError(reason, path=source, line=reader.line_num) from None
    return parse_rows(rows, source, sha256, columns=columns, merged_blanks=True)


def load_csv(path: str | Path, columns: dict[str, str] | None = None) -> Document:
    """Read one CSV file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", path=str(path)) from None
    text, _ = decode_text(data, str(path))
    return parse_csv(text, str(path), hashlib.sha256(data).hexdigest(), columns=columns)


def _sheet_rows(sheet, offset: int = 0) -> list[tuple[int, list[str | None]]]:
    below: set[tuple[int, int]] = set()   # cells under the first row of a merged range: read once, above
    right: set[tuple[int, int]] = set()   # cells right of the first column on the first row of the range
    for rng in sheet.merged_cells.ranges:
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if r > rng.min_row:
                    below.add((r, c))
                elif c > rng.min_col:
                    right.add((r, c))
    out = []
    for r, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells: list[str | None] = []
        for c, v in enumerate(row, start=1):
            cells.append(None if (r, c) in below else "" if (r, c) in right else _value(v))
        while cells and cells[-1] == "":
            cells.pop()
        out.append((offset + r, cells))
    return out


def load_xlsx(path: str | Path, columns: dict[str, str] | None = None) -> Document:
    """Read one XLSX workbook: every sheet, in order."""
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a dependency of the project
        raise InputError("reading XLSX needs openpyxl (pip install openpyxl)", path=str(path)) from None
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", path=str(path)) from None
    check_zip(data, str(path), "XLSX")
    check_sheet_cells(data, str(path))
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", path=str(path)) from None
    except Exception as exc:  # a broken or foreign package
        raise InputError(f"not a readable XLSX file ({exc.__class__.__name__})", path=str(path)) from None
    rows: list[tuple[int, list[str | None]]] = []
    for sheet in book.worksheets:
        if sheet.max_row * sheet.max_column > MAX_SHEET_CELLS:
            raise InputError(f"the sheet {sheet.title} spans {sheet.max_row} rows × {sheet.max_column} columns, over "
                             f"the limit of {MAX_SHEET_CELLS} cells", path=str(path))
        rows.extend(_sheet_rows(sheet, rows[-1][0] if rows else 0))
    return parse_rows(rows, str(path), hashlib.sha256(data).hexdigest(), columns=columns)
