"""Hostile files: each refused or bounded (under 500 MB and 10 s), with one clear line, and the rest of its folder read.

Every hostile file is written here, in the test's temporary folder (no binary is committed):
ZIP bombs in DOCX and XLSX (honest and lying sizes), a sheet with a merged range or a cell spanning a
billion cells, a PDF with a stream inflating to 1 GiB,
a PDF of 200,000 pages and one whose page tree lies about its count, a FIFO and a device named
``plan.txt``, a CSV cell of 1 MB, and a task holding 10,000 digits. Each runs through
``dutygraph extract`` on a folder with the seed plan, in a child process whose peak memory
(``ru_maxrss``) and time are measured.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from dutygraph.loaders.limits import MAX_PDF_PAGES, MAX_PDF_STREAM_BYTES
from tests.conftest import SEED

MB = 2**20
RSS_LIMIT_MB = 500
SECONDS_LIMIT = 10.0


# -- writers ---------------------------------------------------------------------------------------
def _deflated_zeros(mb: int) -> tuple[bytes, int, int]:
    """Raw deflate data inflating to ``mb`` MB of zero bytes, made without deflating them all: after a
    full flush the compressor starts afresh, so every further megabyte is the same block of output.
    Also the CRC-32 and Adler-32 of the zeros."""
    block = bytes(MB)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    crc, adler = 0, 1
    for _ in range(mb):
        crc, adler = zlib.crc32(block, crc), zlib.adler32(block, adler)
    return first + again * (mb - 1) + c.flush(zlib.Z_FINISH), crc, adler


def _zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> Path:
    """A ZIP file of (name, deflated data, declared inflated size, CRC-32) members."""
    out, central = bytearray(), bytearray()
    for name, data, size, crc in members:
        head = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(name.encode()), 0)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                               len(name.encode()), 0, 0, 0, 0, 0, len(out)) + name.encode()
        out += head + name.encode() + data
    offset = len(out)
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), offset, 0)
    path.write_bytes(bytes(out))
    return path


def _small(name: str, text: bytes) -> tuple[str, bytes, int, int]:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name, c.compress(text) + c.flush(), len(text), zlib.crc32(text)


def zip_bomb(path: Path, member: str, mb: int, *, declared: int | None = None) -> Path:
    """A DOCX/XLSX-looking ZIP whose ``member`` inflates to ``mb`` MB; ``declared`` lies about its size."""
    data, crc, _ = _deflated_zeros(mb)
    return _zip(path, [_small("[Content_Types].xml", b'<?xml version="1.0"?><Types/>'),
                       (member, data, mb * MB if declared is None else declared, crc)])


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF whose object ``k + 1`` is ``objects[k]`` (object 1 the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_stream_bomb(path: Path, mb: int) -> Path:
    """A one-page PDF whose content stream inflates to ``mb`` MB."""
    raw, _, adler = _deflated_zeros(mb)
    stream = b"\x78\xda" + raw + adler.to_bytes(4, "big")
    content = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"
    path.write_bytes(_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                           b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>", content]))
    return path


def pdf_pages(path: Path, pages: int, count: int | None = None) -> Path:
    """A PDF of ``pages`` empty pages whose page tree says ``count`` (default: the truth)."""
    kids = b" ".join(b"%d 0 R" % (k + 3) for k in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages if count is None else count)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * pages
    path.write_bytes(_pdf(objects))
    return path


def xlsx_sheet(path: Path, extra: bytes, *, in_data: bool = False) -> Path:
    """A one-table workbook whose sheet XML gets ``extra`` (after its rows, or as its last row)."""
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["序号", "重点任务", "牵头单位"])
    book.active.append([1, "建设绿道。", "市住建局"])
    buf = io.BytesIO()
    book.save(buf)
    members = []
    with zipfile.ZipFile(buf) as z:
        for info in z.infolist():
            part = z.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                part = part.replace(b"</sheetData>", extra + b"</sheetData>" if in_data else b"</sheetData>" + extra)
            members.append(_small(info.filename, part))
    return _zip(path, members)


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def device(path: Path) -> Path:
    path.symlink_to("/dev/zero")
    return path


def csv_cell(path: Path) -> Path:
    path.write_text("序号,重点任务,牵头单位\n1,建设绿道。,市住建局\n2," + "治" * MB + ",市水利局\n", "utf-8")
    return path


def digits(path: Path) -> Path:
    path.write_text("关于印发《X市2020年工作要点》的通知\n一、重点任务\n1.建设" + "9" * 10_000
                    + "绿道。(市住建局牵头,市财政局配合)\n", "utf-8")
    return path


# name -> (file name, writer, what stderr says about it; None: it is read)
HOSTILE = {
    "docx-bomb": ("bomb.docx", lambda p: zip_bomb(p, "word/document.xml", 2048),
                  "the DOCX member word/document.xml declares 2048.0 MB inflated, over the 32 MB limit"),
    "docx-bomb-lying": ("lying.docx", lambda p: zip_bomb(p, "word/document.xml", 2048, declared=1024),
                        "not a readable DOCX file (ZIP member word/document.xml: Bad CRC-32"),
    "xlsx-bomb": ("bomb.xlsx", lambda p: zip_bomb(p, "xl/worksheets/sheet1.xml", 2048),
                  "the XLSX member xl/worksheets/sheet1.xml declares 2048.0 MB inflated, over the 32 MB limit"),
    "xlsx-merged": ("merged.xlsx", lambda p: xlsx_sheet(
        p, b'<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>'),
        "a merged range of 17179836416 cells (A3:XFD1048576), over the limit of 5000000"),
    "xlsx-far-cell": ("far.xlsx", lambda p: xlsx_sheet(
        p, b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>', in_data=True),
        "the sheet Sheet spans 1048576 rows × 16384 columns, over the limit of 5000000 cells"),
    "pdf-stream": ("stream.pdf", lambda p: pdf_stream_bomb(p, 1024),
                   f"a PDF stream inflates to {MAX_PDF_STREAM_BYTES // MB}.0 MB or more"),
    "pdf-pages": ("pages.pdf", lambda p: pdf_pages(p, 200_000),
                  f"the PDF has 200000 pages, over the limit of {MAX_PDF_PAGES}"),
    "pdf-pages-lying": ("lying.pdf", lambda p: pdf_pages(p, MAX_PDF_PAGES + 5, count=1),
                        f"the PDF has {MAX_PDF_PAGES + 5} pages, over the limit of {MAX_PDF_PAGES}"),
    "fifo": ("plan.txt", fifo, "is a FIFO (named pipe), not a regular file: refused without opening it"),
    "device": ("zero.txt", device, "is a device, not a regular file: refused without opening it"),
    "csv-cell": ("cell.csv", csv_cell, "3: a cell longer than 128 kB"),
    "digits": ("digits.txt", digits, None),
}


def _folder(tmp_path: Path, names) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    for name in names:
        file_name, write, _ = HOSTILE[name]
        write(folder / file_name)
    return folder


_MEASURE = """import json, resource, subprocess, sys, time
start = time.perf_counter()
with open(sys.argv[1], "w") as out, open(sys.argv[2], "w") as err:
    code = subprocess.run([sys.executable, "-m", "dutygraph.cli", *sys.argv[3:]], stdout=out, stderr=err).returncode
print(json.dumps({"code": code, "seconds": time.perf_counter() - start,
                  "mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def measured(tmp_path: Path, *args: str) -> tuple[int, str, str, float, float]:
    """Run ``dutygraph ARGS`` as the only child of a fresh process: exit status, stdout, stderr,
    peak resident memory of that child (MB) and its seconds."""
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    proc = subprocess.run([sys.executable, "-c", _MEASURE, str(out), str(err), *args], capture_output=True, text=True,
                          timeout=300, check=True)
    m = json.loads(proc.stdout)
    return m["code"], out.read_text("utf-8"), err.read_text("utf-8"), m["mb"], m["seconds"]


# -- the tests -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_file_is_bounded_and_the_rest_of_its_folder_is_read(tmp_path, name):
    folder = _folder(tmp_path, [name])
    file_name, _, message = HOSTILE[name]
    code, out, err, mb, seconds = measured(tmp_path, "extract", str(folder))
    assert mb < RSS_LIMIT_MB and seconds < SECONDS_LIMIT, (mb, seconds)
    assert "Traceback" not in err
    sources = [d["source"] for d in json.loads(out)["documents"]]
    assert str(folder / "seed.txt") in sources
    lines = [ln for ln in err.strip().splitlines() if not ln.startswith("coverage: ")]
    if message is None:
        assert code == 0 and str(folder / file_name) in sources
        assert lines[-1].startswith("read 2 of 2 files (0 failed)")
    else:
        assert code == 2 and sources == [str(folder / "seed.txt")]
        assert len(lines) == 2 and lines[0].startswith(f"dutygraph: error: {folder / file_name}:")
        assert message in lines[0]
        assert lines[1].startswith("read 1 of 2 files (1 failed): 81 tasks")


def test_a_folder_of_every_hostile_file_is_read_by_extract_and_build(tmp_path):
    folder = _folder(tmp_path, HOSTILE)
    refused = {str(folder / f) for f, _, message in HOSTILE.values() if message}
    code, out, err, mb, seconds = measured(tmp_path, "extract", str(folder))
    assert code == 2 and mb < RSS_LIMIT_MB and "Traceback" not in err
    assert {d["source"] for d in json.loads(out)["documents"]} == {str(folder / "seed.txt"), str(folder / "digits.txt")}
    lines = [ln for ln in err.strip().splitlines() if not ln.startswith("coverage: ")]
    assert {line.removeprefix("dutygraph: error: ").split(": ")[0].rsplit(":", 1)[0] for line in lines[:-1]} == refused
    assert lines[-1].startswith(f"read 2 of {len(HOSTILE) + 1} files ({len(refused)} failed)")
    code, out, err, mb, seconds = measured(tmp_path, "extract", str(folder), "--jobs", "2")  # in worker processes
    assert code == 2 and mb < RSS_LIMIT_MB and "Traceback" not in err
    assert {d["source"] for d in json.loads(out)["documents"]} == {str(folder / "seed.txt"), str(folder / "digits.txt")}
    assert err.strip().splitlines()[-1].startswith(f"read 2 of {len(HOSTILE) + 1} files ({len(refused)} failed)")
    for command in (["build"], ["load", "--store", str(tmp_path / "store")]):
        code, out, err, mb, seconds = measured(tmp_path, *command, str(folder), "--format", "json")
        assert code == 2 and "Traceback" not in err, err
        assert err.strip().splitlines()[-1].startswith(f"read 2 of {len(HOSTILE) + 1} files")
        counts = json.loads(out)
        assert any(r.get("name") == "Document" and r.get("count") == 2 for r in counts), counts


@pytest.mark.parametrize("variable, value, message", [
    ("DUTYGRAPH_DOC_SECONDS", "2", "reading it took over 2 s of CPU, the limit for one document "
                                     "(set DUTYGRAPH_DOC_SECONDS to change it)"),
    ("DUTYGRAPH_DOC_MB", "20", "reading it took over 20 MB of memory, the limit for one document "
                               "(set DUTYGRAPH_DOC_MB to change it)"),
])
def test_a_document_over_its_budget_is_one_clear_line_and_the_others_are_read(tmp_path, variable, value, message):
    """A budget of time or memory bounds one document (here a table of 150,000 rows: 4 s of CPU); the others
    are still read."""
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    rows = "".join(f"{k},完成第{k}项任务。,市住建局\n" for k in range(1, 150_001))
    (folder / "long.csv").write_text("序号,重点任务,牵头单位\n" + rows, "utf-8")
    env = {**os.environ, variable: value}
    proc = subprocess.run([sys.executable, "-m", "dutygraph.cli", "extract", str(folder)], capture_output=True,
                          text=True, env=env, timeout=120)
    assert proc.returncode == 2
    assert [d["source"] for d in json.loads(proc.stdout)["documents"]] == [str(folder / "seed.txt")]
    errors = [ln for ln in proc.stderr.splitlines() if not ln.startswith("coverage: ")]
    assert errors[0] == f"dutygraph: error: {folder / 'long.csv'}: {message}"


def test_the_pdf_reader_stops_at_its_page_limit_whatever_the_page_tree_says(tmp_path, monkeypatch):
    """Page objects the byte scan cannot see (packed in object streams) still stop at the reader's limit."""
    from dutygraph.errors import InputError
    from dutygraph.loaders import load, pdf_file

    path = pdf_pages(tmp_path / "five.pdf", 5, count=1)
    monkeypatch.setattr(pdf_file, "MAX_PDF_PAGES", 3)
    with pytest.raises(InputError, match="the PDF has more than 3 pages, the limit for one document"):
        load(path)
