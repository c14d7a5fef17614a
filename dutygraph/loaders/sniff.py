"""Text encodings :mod:`.decode` leaves out: UTF-16 without a byte-order mark, mixed encodings.

:func:`~.decode.decode_bytes` finds UTF-16 without BOM only in ASCII-heavy text (every
other byte NUL). Chinese text in UTF-16 has NUL bytes only around its ASCII
characters; it is taken for UTF-16 when one byte order decodes to text that is
almost all CJK, ASCII and common punctuation. A file that is neither UTF-8 nor
GB18030 as a whole (pages of both pasted together) is decoded line by line, each
line in the first of the two that reads it.

>>> decode_text("一、任务\\n".encode() + "二、保障\\n".encode("gb18030"), "a.txt")
('一、任务\\n二、保障\\n', 'utf-8+gb18030')

>>> decode_text("一、重点任务 1.建设绿道".encode("utf-16-le"), "a.txt")
('一、重点任务 1.建设绿道', 'utf-16-le')
>>> decode_text("株洲".encode("gb18030"), "a.txt")[1]
'gb18030'
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from .decode import decode_bytes

_READABLE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\x20-\x7e\s“”‘’—…·]")


def _readable_share(text: str) -> float:
    return len(_READABLE.findall(text)) / len(text) if text else 0.0


def utf16_guess(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes read as text in one of them, else None."""
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    best, share = None, 0.0
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data[:8192].decode(encoding)
        except UnicodeDecodeError:
            continue
        s = _readable_share(text)
        if s > share:
            best, share = encoding, s
    return best if share >= 0.9 else None


def _by_line(data: bytes) -> str | None:
    out = []
    for raw in data.split(b"\n"):
        for encoding in ("utf-8", "gb18030"):
            try:
                out.append(raw.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
        else:
            return None
    return "\n".join(out)


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """:func:`~.decode.decode_bytes`, and UTF-16 without BOM where it gave up on NUL bytes."""
    try:
        return decode_bytes(data, path)
    except InputError as exc:
        if exc.message.startswith("cannot be decoded"):
            mixed = _by_line(data)
            if mixed is None:
                raise
            return mixed, "utf-8+gb18030"
        if "NUL" not in exc.message:
            raise
        encoding = utf16_guess(data)
        if encoding is None:
            raise
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            raise exc from None


def read_text(path: str | Path) -> tuple[str, bytes, str]:
    """The decoded text of ``path``, its bytes and the encoding used (see :func:`decode_text`)."""
    from .decode import read_text as read_plain

    try:
        return read_plain(path)
    except InputError as exc:
        if "NUL" not in exc.message and not exc.message.startswith("cannot be decoded"):
            raise
        data = Path(path).read_bytes()
        text, encoding = decode_text(data, str(path))
        return text, data, encoding
