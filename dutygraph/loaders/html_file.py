"""HTML pages: text blocks and real table cells (rowspan / colspan).

A table whose header row names a unit column (牵头单位, 责任单位 …) is read as a
:class:`~.grid.Grid`: a cell spanning rows is read once and holds for every row
it spans, a cell spanning columns once for the first of them. Other tables
(layout) are read as text, one cell per line, like the rest of the page. The
``lines`` of a task are the page's source lines (the ``<tr>`` or block the text
came from).

>>> html = '''<html><body><p>关于印发《X市2020年工作要点》的通知</p>
... <table><tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>
... <tr><td rowspan="2">1</td><td>建设绿道。</td><td rowspan="2">市住建局</td><td>市财政局</td></tr>
... <tr><td>治理水系。</td><td>各区政府</td></tr></table></body></html>'''
>>> doc = parse_html(html, "p.html")
>>> [(t.id, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks]
[('T1-1-1', ['市住建局'], ['市财政局']), ('T1-1-2', ['市住建局'], ['各区政府'])]
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..errors import InputError
from ..model import Document, Role
from .blocks import build_document
from .columns import is_header, is_label
from .sniff import read_text
from .grid import Grid, GridRow

__all__ = ["load_html", "parse_html", "table_matrix", "tables_as_tabs", "Role"]

_SKIP = {"script", "style", "noscript", "head", "title", "meta", "link", "iframe", "svg", "button", "select",
         "option", "nav", "footer"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "td", "th", "table", "section",
          "article", "br", "dt", "dd", "dl", "pre", "blockquote", "center", "hr", "tbody", "thead", "caption", "form",
          "header", "main", "aside", "figure", "figcaption"}


_CELL_BREAK = {"br", "p", "div", "li"}


def _cell_text(cell) -> str:
    """A cell's text without white space, but a line break (``<br>``, a paragraph) between its lines: names
    printed one a line in a unit cell are apart (the grid reads them as a list, as from a text copy). One walk
    over the cell's descendants (unclosed cells nest: each walk covers all the cells after it)."""
    strings: list = []  # the cell's strings, a break as None
    broken = False
    for node in cell.descendants:
        name = getattr(node, "name", None)
        if name is None:
            strings.append(node)
        elif name in _CELL_BREAK:
            strings.append(None)
            broken = True
    if not broken:  # the text as ``get_text`` reads it
        types = cell.interesting_string_types or cell.MAIN_CONTENT_STRING_TYPES
        types = {types} if isinstance(types, type) else set(types)
        return "".join("".join([s for s in strings if type(s) in types]).split())
    lines: list[str] = []
    current: list[str] = []
    for node in strings:
        if node is None:
            lines.append("".join("".join(current).split()))
            current = []
        elif type(node).__name__ == "NavigableString":
            current.append(node)
    lines.append("".join("".join(current).split()))
    return "\n".join(x for x in lines if x)


def _own_text(cell) -> str:
    """The text of a cell whose unclosed tags took in the rows after it (``<td>…</tdr><tr>…``): its strings but
    those of the rows in it, which are read as rows of their own (with them, every row repeated all the rest)."""
    types = cell.interesting_string_types or cell.MAIN_CONTENT_STRING_TYPES
    types = {types} if isinstance(types, type) else set(types)
    out = []
    stack = [(child, False) for child in reversed(list(cell.children))]
    while stack:
        node, in_table = stack.pop()
        name = getattr(node, "name", None)
        if name is None:
            if type(node) in types:
                out.append(str(node))
            continue
        if name == "tr" and not in_table:
            continue
        in_table = in_table or name == "table"
        stack.extend((child, in_table) for child in reversed(list(node.children)))
    return "".join("".join(out).split())


def _rows(table) -> tuple[list[tuple[object, list]], set[int]]:
    """The table's own rows (not those of tables nested in it), each with its own cells (those whose
    nearest ``tr`` it is), in document order; and the ids of the cells that hold rows of the table. One walk
    down the table: unclosed ``tr`` and ``td`` tags nest rows in cells in rows, and asking each row for its
    cells and each cell for its row was cubic in that depth."""
    rows: list[tuple[object, list]] = []
    cells_of: dict[int, list] = {}
    holding: set[int] = set()
    stack = [(child, table, None, None) for child in reversed(list(table.children))]
    while stack:
        node, near_table, near_tr, near_cell = stack.pop()
        name = getattr(node, "name", None)
        if name is None:
            continue
        if name == "table":
            near_table = node
        elif name == "tr":
            if near_table is table:
                rows.append((node, []))
                cells_of[id(node)] = rows[-1][1]
                if near_cell is not None:
                    holding.add(id(near_cell))
            near_tr = node
        elif name in ("td", "th") and near_tr is not None and id(near_tr) in cells_of:
            cells_of[id(near_tr)].append(node)
            near_cell = node
        stack.extend((child, near_table, near_tr, near_cell) for child in reversed(list(node.children)))
    return rows, holding


def table_matrix(table) -> list[tuple[int, list[str | None]]]:
    """(source line, cells) per row, spans expanded: ``None`` below a rowspan, ``""`` right of a colspan."""
    out: list[tuple[int, list[str | None]]] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan above
    rows, holding = _rows(table)
    for tr, cells in rows:
        row: list[str | None] = []
        col = 0
        for cell in cells:
            while pending.get(col, 0) > 0:
                row.append(None)
                pending[col] -= 1
                col += 1
            try:
                rowspan = max(1, int(cell.get("rowspan", 1) or 1))
                colspan = max(1, int(cell.get("colspan", 1) or 1))
            except ValueError:
                rowspan = colspan = 1
            row.append(_own_text(cell) if id(cell) in holding else _cell_text(cell))
            row.extend([""] * (colspan - 1))
            for k in range(col, col + colspan):
                if rowspan > 1:
                    pending[k] = rowspan - 1
            col += colspan
        while pending.get(col, 0) > 0:
            row.append(None)
            pending[col] -= 1
            col += 1
        out.append((tr.sourceline or 0, row))
    return out


def table_grid(matrix: list[tuple[int, list[str | None]]]) -> Grid | None:
    """A task grid from a table's rows: the first header row (a unit column among labels) starts it."""
    for k, (line, cells) in enumerate(matrix[:6]):
        labels = ["".join(c.split()) for c in cells if c]  # a label broken over two lines in its cell is one
        if not is_header(labels):
            continue
        columns = ["".join((c or "").split()) for c in cells]
        start = k + 1
        if start < len(matrix):  # a second header row (责任单位 over 牵头单位 / 配合单位)
            sub = [c if c is None else "".join(c.split()) for c in matrix[start][1]]
            if sub and all(c is None or c == "" or is_label(c) for c in sub) and any(c for c in sub):
                columns = [s if s else c for c, s in zip(columns, sub + [None] * (len(columns) - len(sub)))]
                start += 1
        title = next(("".join(c.split()) for _, r in matrix[:k] for c in r if c), None)
        rows = [GridRow(r, ln, ln) for ln, r in matrix[start:]]
        return Grid(columns, rows, title=title, first_line=line, last_line=matrix[-1][0])
    return None


def key_value_lines(matrix: list[tuple[int, list[str | None]]]) -> list[tuple[int, str]] | None:
    """A table of key-value rows (工作任务 | 建成…; 牵头单位 | 市住建局; 完成时限 | …): a field name and its value
    in each row, a unit field among them. Its rows as labelled lines (``牵头单位：市住建局``), which the text
    reader reads as an item's labels; None for any other table.

    >>> key_value_lines([(1, ["工作任务", "建设绿道。"]), (2, ["牵头单位", "市住建局"]), (3, ["完成时限", "6月底"])])
    [(1, '工作任务：建设绿道。'), (2, '牵头单位：市住建局'), (3, '完成时限：6月底')]
    >>> key_value_lines([(1, ["主办单位", "某市人民政府办公室"]), (2, ["承办单位", "某市大数据局"])]) is None  # a footer
    True
    """
    from .columns import TEXT, UNIT_KINDS, column_kind

    out: list[tuple[int, str]] = []
    unit = task = False
    pairs = 0
    for line, cells in matrix:
        filled = ["".join(c.split()) for c in cells if c]
        if len(filled) == 1 and not out:
            out.append((line, filled[0]))  # a title row over the fields
            continue
        if not filled:
            continue
        if len(filled) != 2 or len(filled[0]) > 10 or not is_label(filled[0]):
            return None
        kind = column_kind(filled[0])
        unit = unit or kind in UNIT_KINDS
        task = task or kind == TEXT and _TASK_KEY.search(filled[0]) is not None
        out.append((line, f"{filled[0]}：{filled[1]}"))
        pairs += 1
    # a task field among them: a site's footer (主办单位 | 某市政府办公室; 联系电话 | …) is no plan
    return out if unit and task and pairs >= 2 else None


_TASK_KEY = re.compile(r"任务|事项|内容|措施|项目|工作")  # not 名称 alone: 网站名称 of a footer


_TABLE_SPAN = re.compile(r"<table\b.*?</table\s*>", re.I | re.S)


def tables_as_tabs(text: str) -> str:
    """``text`` (a plain-text or Markdown copy) with every HTML table in it as rows of cells apart with tabs, the
    way a Markdown converter keeps a table with merged cells: a cell spanning rows is printed in each row it spans
    (its units hold for each), a cell's lines apart with a space. Each row stands on the line of its ``<tr>``
    (the lines after the table keep their numbers) unless rows share a line.

    >>> t = tables_as_tabs('计划\\n<table><tr><td>序号</td><td>任务</td><td>牵头单位</td></tr>\\n'
    ...                    '<tr><td>1</td><td>建设。</td><td rowspan="2">市住建局</td></tr>\\n'
    ...                    '<tr><td>2</td><td>治理。</td></tr>\\n</table>\\n完')
    >>> t.split("\\n")
    ['计划', '序号\\t任务\\t牵头单位', '1\\t建设。\\t市住建局', '2\\t治理。\\t市住建局', '', '完']
    """
    if "<td" not in text and "<TD" not in text:
        return text
    from bs4 import BeautifulSoup

    def rows_of(m: re.Match) -> str:
        table = BeautifulSoup(m.group(), "html.parser").find("table")
        if table is None:
            return m.group()
        rows: list[list[str]] = []
        at: list[str] = [""] * (m.group().count("\n") + 1)  # each row on the line of its <tr> where it can
        k = -1
        for line, cells in table_matrix(table):
            above = rows[-1] if rows else []
            rows.append([(above[c] if c < len(above) else "") if v is None else " ".join(v.split())
                         for c, v in enumerate(cells)])
            if any(rows[-1]):
                k = max(k + 1, line - 1)
                at.extend([""] * (k + 1 - len(at)))
                at[k] = "\t".join(rows[-1])
        out = "\n".join(at)
        if m.start() and text[m.start() - 1] != "\n":
            out = "\n" + out  # text before the table on its line stays on a line of its own
        if m.end() < len(text) and text[m.end()] != "\n":
            out += "\n"
        return out

    return _TABLE_SPAN.sub(rows_of, text)


def _walk(node, out: list, current: list) -> None:
    """Text runs and grids of ``node`` in document order; a block starts a new line."""
    name = getattr(node, "name", None)
    if name is None:  # a string
        text = str(node)
        if text.strip():
            line = node.parent.sourceline if node.parent is not None and node.parent.sourceline else 0
            current.append((line, text))
        return
    if name in _SKIP or node.__class__.__name__ in ("Comment", "Doctype"):
        return
    if name == "table":
        matrix = table_matrix(node)
        grid = table_grid(matrix)
        if grid is not None:
            _flush(out, current)
            out.append(grid)
            return
        if (pairs := key_value_lines(matrix)) is not None:
            _flush(out, current)
            out.extend(pairs)
            return
    block = name in _BLOCK
    if block:
        _flush(out, current)
    for child in node.children:
        if child.__class__.__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction"):
            continue
        _walk(child, out, current)
    if block:
        _flush(out, current)


def _flush(out: list, current: list) -> None:
    if current:
        line = current[0][0]
        out.append((line, "".join(t for _, t in current).strip()))
        current.clear()


def parse_html(html: str, source: str, sha256: str | None = None) -> Document:
    """Read an HTML page's text and tables into a Document."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    root = soup.body or soup
    out: list = []
    current: list = []
    _walk(root, out, current)
    _flush(out, current)
    texts = [(line, text) for item in out if isinstance(item, tuple) for line, text in [item] if text]
    grids = [item for item in out if isinstance(item, Grid)]
    if not texts and not grids:
        raise InputError("no text in this HTML page", path=source)
    return build_document(source, sha256, texts, grids)


def load_html(path: str | Path) -> Document:
    """Read one HTML file (encoding detected like text: UTF-8, UTF-16 or GB18030)."""
    text, data, _ = read_text(path)
    return parse_html(text, str(path), hashlib.sha256(data).hexdigest())
