"""Reading a file as text: binary detection, BOMs, UTF-8, UTF-16 and GB18030.

>>> decode_bytes("株洲".encode("gb18030"), "a.txt")[1]
'gb18030'
>>> decode_bytes(b"\\xff\\xfe" + "株洲".encode("utf-16-le"), "a.txt")
('株洲', 'utf-16')
>>> decode_bytes(b"", "empty.txt")
Traceback (most recent call last):
...
dutygraph.errors.InputError: empty.txt: the file is empty
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import InputError

_SIGNATURES = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP container (DOCX/XLSX?)",
    b"\xd0\xcf\x11\xe0": "an OLE document (DOC/XLS?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
}


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL, as in ASCII-heavy UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode ``data`` read from ``path``; return the text and the encoding used.

    Order: BOM (UTF-8, UTF-16), UTF-16 without BOM, UTF-8, then GB18030.
    Raises :class:`InputError` for empty, binary or undecodable input.
    """
    if not data or data.isspace():  # as "not data.strip()", without copying the file to find out
        raise InputError("the file is empty", path=path)
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {encoding} despite its byte-order mark", path=path,
                                 line=_line_of(data, exc.start)) from None
    for signature, what in _SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"not a text file: it is {what}", path=path)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputError("not a text file: it holds NUL bytes", path=path, line=_line_of(data, data.index(b"\x00")))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise InputError("cannot be decoded as UTF-8 or GB18030", path=path,
                             line=_line_of(data, utf8_error.start)) from None


def read_text(path: str | Path) -> tuple[str, bytes, str]:
    """The decoded text of ``path``, its raw bytes and the encoding used."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=str(path)) from None
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}", path=str(path)) from None
    text, encoding = decode_bytes(data, str(path))
    return text, data, encoding
