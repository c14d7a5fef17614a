"""PDF files: the text layer and its ruled tables, read with pdfplumber.

Tables found by their ruling lines become grids (a cell pdfplumber reports as
``None`` is merged with the one above: read once); a table going on over a page
break without its header joins the table before it. The rest of each page is read
as text lines, in reading order with the tables. A PDF without a text layer (scanned
pages) is refused with a message saying so: it needs OCR first. The ``lines`` of a
task count the text lines and table rows of the document in order. A PDF whose streams
inflate past the limits, or with more than :data:`~.limits.MAX_PDF_PAGES` pages, is
refused (:mod:`.limits`).
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .blocks import build_document
from .grid import Grid, GridRow
from .html_file import table_grid
from .limits import MAX_PDF_PAGES, check_pdf

__all__ = ["load_pdf", "parse_pdf"]


def _clean_row(row: list) -> list[str | None]:
    """A table row's cells without white space but the line breaks inside a cell: a unit cell's names printed one
    a line stay apart, a name or a sentence the cell's width wraps joins again (:mod:`.grid` tells them apart)."""
    return [None if c is None else "\n".join(t for p in str(c).split("\n") if (t := "".join(p.split())))
            for c in row]


def parse_pdf(data: bytes, source: str, sha256: str | None = None) -> Document:
    """Read PDF bytes into a Document."""
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - a dependency of the project
        raise InputError("reading PDF needs pdfplumber (pip install pdfplumber)", path=source) from None
    check_pdf(data, source)
    texts: list[tuple[int, str]] = []
    grids: list[Grid] = []
    line = 0
    chars = 0
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds for a broken file
        raise InputError(f"not a readable PDF file ({exc.__class__.__name__})", path=source) from None
    with pdf:
        try:
            for page in _pages(pdf, source):
                chars += len(page.chars)
                tables = page.find_tables()
                boxes = [t.bbox for t in tables]

                def outside(obj, boxes=boxes) -> bool:
                    return not any(x0 <= obj.get("x0", 0) and obj.get("x1", 0) <= x1 and top <= obj.get("top", 0)
                                   and obj.get("bottom", 0) <= bottom for x0, top, x1, bottom in boxes)

                items: list[tuple[float, object]] = []
                for text_line in page.filter(outside).extract_text_lines():
                    items.append((text_line["top"], text_line["text"]))
                for table in tables:
                    items.append((table.bbox[1], [_clean_row(r) for r in table.extract()]))
                for _, item in sorted(items, key=lambda x: x[0]):
                    if isinstance(item, str):
                        line += 1
                        texts.append((line, item))
                        continue
                    matrix = [(line + k + 1, row) for k, row in enumerate(item)]
                    line += len(matrix)
                    grid = table_grid(matrix)
                    if grid is not None:
                        grids.append(grid)
                    elif grids and matrix and len(matrix[0][1]) == len(grids[-1].columns):
                        grids[-1].rows.extend(GridRow(r, ln, ln) for ln, r in matrix)  # over a page break
                    else:
                        texts.extend((no, "".join(c.split())) for no, row in matrix for c in row if c)
                page.close()  # its cached objects: a long PDF is read in the memory of one page
        except InputError:
            raise
        except Exception as exc:
            raise InputError(f"the PDF could not be read ({exc.__class__.__name__}: {exc})", path=source) from None
    if chars == 0:
        raise InputError("the PDF has no text layer (scanned pages?): run OCR on it first", path=source)
    return build_document(source, sha256, texts, grids)


def _pages(pdf, source: str):
    """The pages of ``pdf`` one by one (not all made first, as ``pdf.pages`` does), at most MAX_PDF_PAGES."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1
    from pdfplumber.page import Page

    try:
        count = resolve1(resolve1(pdf.doc.catalog.get("Pages")).get("Count"))
    except Exception:  # no page tree, or a broken one: the pages below say so
        count = None
    if isinstance(count, int) and count > MAX_PDF_PAGES:
        raise InputError(f"the PDF has {count} pages, over the limit of {MAX_PDF_PAGES} for one document", path=source)
    doctop = 0.0
    for k, page in enumerate(PDFPage.create_pages(pdf.doc), start=1):
        if k > MAX_PDF_PAGES:
            raise InputError(f"the PDF has more than {MAX_PDF_PAGES} pages, the limit for one document", path=source)
        p = Page(pdf, page, page_number=k, initial_doctop=doctop)
        doctop += p.height
        yield p


def load_pdf(path: str | Path) -> Document:
    """Read one PDF file."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", path=str(path)) from None
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError("not a PDF file (no %PDF signature)", path=str(path))
    return parse_pdf(data, str(path), hashlib.sha256(data).hexdigest())
