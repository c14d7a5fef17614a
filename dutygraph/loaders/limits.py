"""Bounded work per document: what a reader may inflate, parse and spend before it gives up.

A plan is a few hundred kB of text in at most a few hundred pages; a file that asks for far
more (a ZIP member declaring gigabytes, a PDF stream inflating to a gigabyte, a hundred
thousand pages) is refused before it is parsed, with a message naming the file and the limit.
Checks, in the order a file meets them:

* :func:`check_regular` (called by :func:`~dutygraph.loaders.check_size`): a FIFO, device or
  socket is refused before it is opened (opening a FIFO waits for a writer for ever).
* :func:`check_zip` (DOCX, XLSX): at most :data:`MAX_ZIP_MEMBERS` members, each declaring and
  actually inflating to at most :data:`MAX_ZIP_PART_BYTES`, all of them together to at most
  :data:`MAX_ZIP_TOTAL_BYTES` (inflated in chunks and thrown away: a bomb costs time, not memory).
* :func:`check_sheet_cells` (XLSX): no merged range and no sheet spans more than
  :data:`MAX_SHEET_CELLS` cells (a range of a billion cells is read cell by cell).
* :func:`check_pdf` (PDF): at most :data:`MAX_PDF_PAGES` page objects in the file (the reader
  stops there too, whatever the page tree says), every Flate stream but images inflating to at
  most :data:`MAX_PDF_STREAM_BYTES`, all of them to at most :data:`MAX_PDF_TOTAL_BYTES`.
* :func:`budget` (every document, around its reader): reading one document takes at most
  :data:`DOCUMENT_SECONDS` of CPU (``DUTYGRAPH_DOC_SECONDS``; the reading thread's, so a machine busy
  with other work does not fail a document, and at most :data:`WALL_FACTOR` times as long on the
  clock) and grows the process by at most :data:`DOCUMENT_MB` of resident memory
  (``DUTYGRAPH_DOC_MB``); 0 turns either off. The timer is a signal, so it is armed only in a
  process's main thread (the command line, and each worker of a corpus).

>>> import io, zipfile
>>> buf = io.BytesIO()
>>> with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
...     z.writestr("word/document.xml", b"0" * (MAX_ZIP_PART_BYTES + 1))
>>> check_zip(buf.getvalue(), "bomb.docx", "DOCX")
Traceback (most recent call last):
...
dutygraph.errors.InputError: bomb.docx: the DOCX member word/document.xml declares 32.0 MB inflated, over the 32 MB limit for one part (a ZIP bomb?)
"""

from __future__ import annotations

import io
import os
import re
import signal
import stat
import threading
import time
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import InputError

MB = 2**20
MAX_ZIP_MEMBERS = 10_000
MAX_ZIP_PART_BYTES = 32 * MB
MAX_ZIP_TOTAL_BYTES = 128 * MB
MAX_SHEET_CELLS = 5_000_000  # rows × columns of one sheet, or of one merged range in it
MAX_PDF_PAGES = 1_000
MAX_PDF_STREAM_BYTES = 32 * MB
MAX_PDF_TOTAL_BYTES = 256 * MB
DOCUMENT_SECONDS = float(os.environ.get("DUTYGRAPH_DOC_SECONDS", "8"))
DOCUMENT_MB = float(os.environ.get("DUTYGRAPH_DOC_MB", "400"))
# The clock's bound, in multiples of DOCUMENT_SECONDS: a reader waiting without computing (a slow disk) stops there.
# The budget itself is CPU: a plan read in 0.1 s of CPU (a process's first, its lexicons loaded) took 4-9 s on the
# clock on 2 cores at a load average of 17-23 (40 times as long), and one plan of 10,000 generated ones failed
# the 8 s budget when it was the clock's.
WALL_FACTOR = 100
_TICK = 0.1
_CHUNK = MB


def check_regular(path: Path, mode: int) -> None:
    """Refuse what is not a regular file (``mode`` from ``os.stat``): a FIFO, a device, a socket."""
    if stat.S_ISREG(mode):
        return
    what = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    raise InputError(f"is {what}, not a regular file: refused without opening it", path=str(path))


def _mb(n: int) -> str:
    return f"{n / MB:.1f} MB"


def check_zip(data: bytes, source: str, what: str) -> None:
    """Refuse a ZIP container (DOCX, XLSX) whose members declare or inflate to more than the limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise InputError(f"not a readable {what} file (a broken ZIP container: {exc})", path=source) from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise InputError(f"the {what} file holds {len(members)} ZIP members, over the limit of {MAX_ZIP_MEMBERS}",
                         path=source)
    declared = 0
    for m in members:
        declared += m.file_size
        if m.file_size > MAX_ZIP_PART_BYTES:
            raise InputError(f"the {what} member {m.filename} declares {_mb(m.file_size)} inflated, over the "
                             f"{MAX_ZIP_PART_BYTES // MB} MB limit for one part (a ZIP bomb?)", path=source)
    if declared > MAX_ZIP_TOTAL_BYTES:
        raise InputError(f"the {what} file declares {_mb(declared)} inflated, over the {MAX_ZIP_TOTAL_BYTES // MB} MB "
                         "limit for one document (a ZIP bomb?)", path=source)
    total = 0
    for m in members:  # the sizes actually inflated, whatever the directory declares
        size = 0
        try:
            with archive.open(m) as part:
                while chunk := part.read(_CHUNK):
                    size += len(chunk)
                    total += len(chunk)
                    if size > MAX_ZIP_PART_BYTES:
                        raise InputError(f"the {what} member {m.filename} inflates to {_mb(MAX_ZIP_PART_BYTES)} or "
                                         f"more, over the {MAX_ZIP_PART_BYTES // MB} MB limit for one part "
                                         "(a ZIP bomb?)", path=source)
                    if total > MAX_ZIP_TOTAL_BYTES:
                        raise InputError(f"the {what} file inflates to more than {MAX_ZIP_TOTAL_BYTES // MB} MB, "
                                         "the limit for one document (a ZIP bomb?)", path=source)
        except InputError:
            raise
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, ValueError, OSError, EOFError,
                RuntimeError) as exc:  # a bad CRC, an unknown compression, an encrypted member
            raise InputError(f"not a readable {what} file (ZIP member {m.filename}: {exc})", path=source) from None


_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=[\"']([A-Za-z]{1,3})(\d{1,7}):([A-Za-z]{1,3})(\d{1,7})")


def _column(letters: bytes) -> int:
    n = 0
    for c in letters.upper():
        n = n * 26 + c - 64
    return n


def check_sheet_cells(data: bytes, source: str) -> None:
    """Refuse a workbook (already through :func:`check_zip`) with a merged range of more than MAX_SHEET_CELLS cells."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    for m in archive.infolist():
        if not m.filename.startswith("xl/worksheets/"):
            continue
        for r in _MERGE.finditer(archive.read(m)):
            rows = abs(int(r.group(4)) - int(r.group(2))) + 1
            columns = abs(_column(r.group(3)) - _column(r.group(1))) + 1
            if rows * columns > MAX_SHEET_CELLS:
                raise InputError(f"a merged range of {rows * columns} cells ({r.group(1).decode()}{r.group(2).decode()}:"
                                 f"{r.group(3).decode()}{r.group(4).decode()}), over the limit of {MAX_SHEET_CELLS}",
                                 path=source)


_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_IMAGE = re.compile(rb"/Subtype\s*/Image")
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z0-9_])")


def check_pdf(data: bytes, source: str) -> None:
    """Refuse a PDF with too many page objects, or whose Flate streams (images aside: they are not
    read) inflate past the limits, before the PDF parser reads its page tree.

    Page objects and streams are found by their keywords in the bytes (objects packed in compressed
    object streams are not seen: the reader's own page limit holds for them). Streams are inflated in
    chunks that are thrown away; a stream that is not zlib data (another filter, encrypted) is left to the reader.
    """
    pages = sum(1 for _ in _PAGE.finditer(data))
    if pages > MAX_PDF_PAGES:
        raise InputError(f"the PDF has {pages} pages, over the limit of {MAX_PDF_PAGES} for one document", path=source)
    total = 0
    for m in _STREAM.finditer(data):
        head = data[max(0, m.start() - 4096):m.start()]
        head = head[head.rfind(b"obj") + 1:]
        if _IMAGE.search(head):
            continue
        inflater = zlib.decompressobj()
        size, pos = 0, m.end()
        try:
            while not inflater.eof and pos < len(data):
                out = inflater.decompress(data[pos:pos + _CHUNK], _CHUNK)
                while True:
                    size += len(out)
                    total += len(out)
                    if size > MAX_PDF_STREAM_BYTES:
                        raise InputError(f"a PDF stream inflates to {_mb(MAX_PDF_STREAM_BYTES)} or more, over the "
                                         f"{MAX_PDF_STREAM_BYTES // MB} MB limit for one stream", path=source)
                    if total > MAX_PDF_TOTAL_BYTES:
                        raise InputError(f"the PDF's streams inflate to more than {MAX_PDF_TOTAL_BYTES // MB} MB, "
                                         "the limit for one document", path=source)
                    if not inflater.unconsumed_tail:
                        break
                    out = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
                pos += _CHUNK
        except zlib.error:
            continue


class _Over(BaseException):
    """Raised by the alarm: a BaseException, so that no reader's ``except Exception`` turns it into another error."""


def _rss() -> int | None:
    """This process's resident memory in bytes (Linux), or None where it cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE_BYTES
    except (OSError, ValueError, IndexError):
        return None


_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@contextmanager
def budget(source: str, seconds: float | None = None, megabytes: float | None = None) -> Iterator[None]:
    """Raise :class:`InputError` when the body takes more than ``seconds`` of CPU in this thread (default
    :data:`DOCUMENT_SECONDS`) or :data:`WALL_FACTOR` times as long on the clock, or grows this process by
    more than ``megabytes`` of resident memory (default :data:`DOCUMENT_MB`).

    A signal timer looks ten times a second; it is armed only in the main thread and when no other
    timer is, elsewhere the body runs unbounded. Memory a C library takes within one call (a parser)
    shows when the call returns: the size limits above keep such calls small.
    """
    seconds = DOCUMENT_SECONDS if seconds is None else seconds
    megabytes = DOCUMENT_MB if megabytes is None else megabytes
    if ((seconds <= 0 and megabytes <= 0) or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0):
        yield
        return
    start = _rss()
    ceiling = start + int(megabytes * MB) if start is not None and megabytes > 0 else None
    cpu_deadline = time.thread_time() + seconds if seconds > 0 else None
    deadline = time.monotonic() + seconds * WALL_FACTOR if seconds > 0 else None

    def look(signum, frame):
        if cpu_deadline is not None and time.thread_time() >= cpu_deadline:
            over = f"reading it took over {seconds:g} s of CPU, the limit for one document (set " \
                   "DUTYGRAPH_DOC_SECONDS to change it)"
        elif deadline is not None and time.monotonic() >= deadline:
            over = f"reading it waited over {seconds * WALL_FACTOR:g} s ({WALL_FACTOR} times the limit of " \
                   f"{seconds:g} s of CPU for one document; set DUTYGRAPH_DOC_SECONDS to change it)"
        elif ceiling is not None and (_rss() or 0) > ceiling:
            over = f"reading it took over {megabytes:g} MB of memory, the limit for one document (set " \
                   "DUTYGRAPH_DOC_MB to change it)"
        else:
            return
        # Stop the timer before raising: on a loaded machine the next tick could ring inside the clean-up below
        # (before it stops the timer) and leave the timer armed, to ring again after this document.
        signal.setitimer(signal.ITIMER_REAL, 0)
        raise _Over(over)

    tick = min(_TICK, seconds) if seconds > 0 else _TICK
    previous = signal.signal(signal.SIGALRM, look)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, tick, tick)
            yield
        finally:  # the timer may still ring in here: the outer handler catches it
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    except _Over as over:
        raise InputError(str(over), path=source) from None
