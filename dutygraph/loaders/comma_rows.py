r"""A task table pasted as comma-separated text (a CSV copy inside a plain-text plan): its rows are read as the
tab-separated rows they stand for, line for line, so every other reader and every line number stays as it was.
The plain-text loader asks for it only when the text as printed gives no unit (it costs a scan of the text).

>>> commas_as_tabs('序号,重点任务,牵头单位,配合单位\n1,推进改造,市住建局,"市财政局、各区政府"\n说明,见附件').split("\n")
['序号\t重点任务\t牵头单位\t配合单位', '1\t推进改造\t市住建局\t市财政局、各区政府', '说明,见附件']
>>> commas_as_tabs("推进改造,加快建设,完善机制,强化保障。")  # prose with commas: no header, left as it is
'推进改造,加快建设,完善机制,强化保障。'
"""

from __future__ import annotations

import csv
import re

from .columns import is_header

MIN_COLUMNS = 3
# A role column's label as a field of a comma-separated line (,牵头单位, / ,"责任单位"\n): what every such table's
# header holds (columns.is_header asks for a unit column).
# A line of at least three short fields (a column label each, quotes and spaces included) and no sentence.
_HEADER_LINE = re.compile(r"^[^\n,。]{1,24}(?:,[^\n,。]{1,24}){2,}\r?$", re.M)


def commas_as_tabs(text: str) -> str:
    """``text`` with every comma-separated table (a header of column labels, then rows of as many fields) as
    tab-separated rows; anything else untouched."""
    if text.count(",") < 2 * (MIN_COLUMNS - 1):
        return text
    lines: list[str] | None = None
    end = 0  # the line the last table ended at
    for m in _HEADER_LINE.finditer(text):  # only lines of short fields can be a header: one scan of the text
        header = _fields(m.group())
        if not header or len(header) < MIN_COLUMNS or not is_header(header):
            continue
        if lines is None:
            lines = text.split("\n")
        i = text.count("\n", 0, m.start())
        if i < end:
            continue
        j = i + 1
        while j < len(lines) and len(_fields(lines[j]) or ()) == len(header):
            j += 1
        if j - i >= 2:  # a header and at least one row
            for k in range(i, j):
                lines[k] = "\t".join(_fields(lines[k]))
            end = j
    return text if lines is None else "\n".join(lines)


def _fields(line: str) -> list[str] | None:
    """The fields of one comma-separated line (quotes honoured), stripped; None when it is not one row."""
    if "," not in line:
        return None
    try:
        rows = list(csv.reader([line]))
    except csv.Error:
        return None
    return [f.strip() for f in rows[0]] if len(rows) == 1 else None
