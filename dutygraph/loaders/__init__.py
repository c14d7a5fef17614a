"""Loaders: one file in, one :class:`~dutygraph.model.Document` out.

The loader is chosen by the file's suffix; each is imported on first use. Within
a file the layout (flattened tables, rows per line, glued cells, inline clauses,
label lines) is detected, not chosen by the user. A file over
:data:`MAX_FILE_BYTES` (50 MB; ``DUTYGRAPH_MAX_FILE_MB`` changes it) is refused
before it is read: a plan is a few hundred kB, a file that size is not one. So is
anything that is not a regular file (a FIFO, a device), and the reading of one
document is bounded in time and in what it may inflate (:mod:`.limits`).

>>> sorted(LOADERS)
['.csv', '.docx', '.htm', '.html', '.pdf', '.text', '.tsv', '.txt', '.xhtml', '.xlsm', '.xlsx']
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from ..errors import InputError
from ..model import Document

# suffix -> "module:function"; plugins named by module path, imported when first needed.
LOADERS: dict[str, str] = {
    ".txt": "dutygraph.loaders.plain_text:load_plain_text",
    ".text": "dutygraph.loaders.plain_text:load_plain_text",
    ".html": "dutygraph.loaders.html_file:load_html",
    ".htm": "dutygraph.loaders.html_file:load_html",
    ".xhtml": "dutygraph.loaders.html_file:load_html",
    ".docx": "dutygraph.loaders.docx_file:load_docx",
    ".pdf": "dutygraph.loaders.pdf_file:load_pdf",
    ".csv": "dutygraph.loaders.sheet_file:load_csv",
    ".tsv": "dutygraph.loaders.sheet_file:load_csv",
    ".xlsx": "dutygraph.loaders.sheet_file:load_xlsx",
    ".xlsm": "dutygraph.loaders.sheet_file:load_xlsx",
}
DEFAULT_LOADER = LOADERS[".txt"]
# Older binary office formats (Word 97, WPS, Excel 97, WPS spreadsheets): not read; the suffix they convert to.
OLD_OFFICE: dict[str, str] = {".doc": "docx", ".wps": "docx", ".et": "xlsx", ".xls": "xlsx"}


def old_office_hint(paths) -> str:
    """How to make files of :data:`OLD_OFFICE` formats readable (LibreOffice headless converts them).

    >>> old_office_hint([Path("a.doc"), Path("b.et")])
    'convert with LibreOffice: soffice --headless --convert-to docx a.doc; soffice --headless --convert-to xlsx b.et'
    """
    by_target: dict[str, list[str]] = {}
    for p in paths:
        by_target.setdefault(OLD_OFFICE[Path(p).suffix.lower()], []).append(str(p))
    return "convert with LibreOffice: " + "; ".join(
        f"soffice --headless --convert-to {target} {' '.join(files)}" for target, files in by_target.items())
MAX_FILE_BYTES = int(float(os.environ.get("DUTYGRAPH_MAX_FILE_MB", "50")) * 2**20)


def _loader_for(path: Path):
    module, _, func = LOADERS.get(path.suffix.lower(), DEFAULT_LOADER).partition(":")
    return getattr(import_module(module), func)


def check_size(path: Path, limit: int | None = None) -> None:
    """Refuse a file over the size limit, or a path that is no regular file, with a clear message (before opening it)."""
    import stat

    from .limits import check_regular

    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}", path=str(path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a directory, not a file", path=str(path))
    check_regular(path, info.st_mode)
    size = info.st_size
    if size > limit:
        raise InputError(f"the file is {size / 2**20:.1f} MB, over the {limit / 2**20:.0f} MB limit for one document "
                         "(a plan is well under 1 MB; set DUTYGRAPH_MAX_FILE_MB to change the limit)", path=str(path))


def load(path: str | Path) -> Document:
    """Read one document; raise :class:`~dutygraph.errors.InputError` when it cannot be used."""
    from .limits import budget

    p = Path(path)
    if p.suffix.lower() in OLD_OFFICE:
        raise InputError(f"a {p.suffix.lower()} file (an older office format) is not read; {old_office_hint([p])}",
                         path=str(p))
    check_size(p)
    reader = _loader_for(p)
    try:
        with budget(str(p)):
            return reader(p)
    except RecursionError:  # markup nested deeper than the parsers recurse
        raise InputError("too deeply nested to read", path=str(p)) from None
    except MemoryError:
        raise InputError("out of memory while reading the file", path=str(p)) from None


@dataclass
class ExtractResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def load_many(paths: list[str | Path]) -> ExtractResult:
    """Load every path; a file that fails is reported in ``errors`` and the rest go on."""
    result = ExtractResult()
    for path in paths:
        try:
            result.documents.append(load(path))
        except InputError as exc:
            result.errors.append(exc)
    return result
