"""Task tables as a grid of cells, whatever they were read from (HTML, DOCX, PDF, CSV/XLSX, text rows).

A :class:`Grid` is a header (column labels) and rows of cells; ``None`` is a cell
merged with the one above it (a rowspan, a DOCX vertical merge): it is read once
and holds for every row it spans. :func:`grid_tasks` turns a grid into tasks:

* the text column with the longest cells is the task's text; the text column just
  before it is the title, earlier ones are categories;
* unit columns (牵头/责任/配合 …) give assignments in their role, unless the cell
  says otherwise ("市发改委牵头落实", "X牵头,Y配合");
* a leader column (牵头领导, 责任人) holds people: ``Task.leaders``, never units;
* a deadline column gives the task's deadline;
* rows sharing one number (a merged 序号 cell) are sub-items: ``T1-3-1``, ``T1-3-2``;
* a row holding one cell only (一、空气质量目标) is a category for the rows below it.

>>> g = Grid(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"], [
...     GridRow(["1", "建设绿道。", "市住建局", "市财政局、各区政府", "2020年6月底前"], 3, 3),
...     GridRow([None, "治理水系。", "市水利局牵头落实", None, None], 4, 4)])
>>> [(t.id, t.units(Role.LEAD), t.units(Role.COOPERATING), t.deadline.date) for t in grid_tasks(g, "p.txt")[0]]
[('T1-1-1', ['市住建局'], ['市财政局', '各区政府'], '2020-06-30'), ('T1-1-2', ['市水利局'], ['市财政局', '各区政府'], '2020-06-30')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import Assignment, Deadline, Provenance, Role, Task
from ..text.amounts import find_amounts
from ..text.dates import find_deadlines, parse_date
from ..text.normalize import bracket_depth_split
from ..text.units import LIST_SEPARATORS, is_unit_name, looks_like_unit_list, reads_as_name, split_units
from ..text.role_cues import alternation
from .clauses import parse_clause
from .columns import DEADLINE, LEADER, NUMBER, RESPONSIBLE, ROLE_OF_KIND, TEXT, column_kinds
from .flat_table import BASIS_LABEL, UNIT_AND_PERSON
from .outline import split_title
from ..text.markers import match_section, match_subsection

# A unit column that says no role (涉及部门, data/role_cues.txt column.neutral), and what makes its units lead: the
# row's duty opening with 负责 or a lead word (市教育局 | 负责…), as a unit heading's duties would.
_NEUTRAL_COLUMN = re.compile(alternation("column.neutral"))
_LEAD_OPENING = re.compile(r"负总?责|" + alternation("word.lead"))
_NAME_LABEL = re.compile(r"名称$")  # 项目名称, 工程名称: the title column names the task
_ROW_NUMBER = re.compile(r"^\s*[(（]?\s*(\d{1,3})\s*[)）.、．]?\s*$")


@dataclass
class GridRow:
    """One row of cells (``None``: merged with the cell above) and the lines it was read from."""

    cells: list[str | None]
    first_line: int
    last_line: int
    truncated: bool = False        # the document stops inside this row
    inherit_basis: str | None = None  # merged cells guessed by a layout reader: mark them inferred


@dataclass
class Grid:
    """A task table: column labels, rows, and where it stands in the document."""

    columns: list[str]
    rows: list[GridRow] = field(default_factory=list)
    title: str | None = None
    annex: int | None = None
    first_line: int = 0
    last_line: int = 0
    kinds: list[str] | None = None  # what each column holds; by default read from the labels


def _clean(cell: str | None) -> str | None:
    return None if cell is None else "".join(cell.split())


MAX_SPACED_NAMES = 4
_LEVEL_ONLY = re.compile(r"^[省市县区镇乡][\u4e00-\u9fff]{1,3}$")  # 县交通 / 运输局: the first half of a name
_OWN_START = re.compile(r"^(?:[省市县区镇乡]|各|相关|有关|中共|中国|国家)")  # a name that opens so stands alone


def _clean_units(cell: str | None) -> str | None:
    """A unit cell without white space; names that stand apart with spaces only are a list (县教体局 各相关乡镇政府).

    Lines of a cell (a grid table's row over lines, a DOCX cell's paragraphs) that break names where the cell is
    narrow are joined up to each whole name, where the lines make whole names so:

    >>> _clean_units("县教体局 各相关乡镇政府"), _clean_units("市 公安局"), _clean_units("区消防救援\\n大队\\n各街道办")
    ('县教体局、各相关乡镇政府', '市公安局', '区消防救援大队、各街道办')
    >>> _clean_units("农业办 建设办 村(社区)")
    '农业办、建设办、村(社区)'

    Names the lexicon does not know stand apart so too where each opens with its level or place, unless two
    together make one name it knows (县交通 运输局):

    >>> _clean_units("县青禾坊 各相关乡镇政府"), _clean_units("区甲坊 区乙苑"), _clean_units("县交通 运输局")
    ('县青禾坊、各相关乡镇政府', '区甲坊、区乙苑', '县交通运输局')
    """
    if cell is None:
        return None
    parts = cell.split()
    if len(parts) > 1 and all(is_unit_name(p.strip("、，,")) for p in parts):
        return "、".join(p.strip("、，,") for p in parts)
    if len(parts) > 2 and all(is_unit_name(n := p.strip("、，,")) or _closes_bracket(n) and len(n) <= 8 for p in parts) \
            and sum(1 for p in parts if is_unit_name(p.strip("、，,"))) >= 2:
        return "、".join(p.strip("、，,") for p in parts)  # a collective with its bracket among them (村(社区))
    if len(parts) > 1 and all(len(n := p.strip("、，,")) >= 3 and reads_as_name(n) for p in parts) and \
            not any(is_unit_name(a.strip("、，,") + b) and not _OWN_START.match(b) for a, b in zip(parts, parts[1:])):
        return "、".join(p.strip("、，,") for p in parts)  # names opening with their level (县甲坊 各乡镇政府)
    if 1 < len(parts) <= MAX_SPACED_NAMES and all(len(p) >= 3 and _NAME_CHARS.fullmatch(p) for p in parts) and \
            not any(is_unit_name(a + b) or _LEVEL_ONLY.match(a) for a, b in zip(parts, parts[1:])) and \
            not is_unit_name("".join(parts)):
        return "、".join(parts)  # names the lexicon does not know apart with spaces (甲坊 乙苑): each whole
    if len(parts) > 2 and "\n" in cell:
        names: list[str] = []
        current = ""
        for part in parts:
            current += part.strip("、，,")
            if is_unit_name(current):
                names.append(current)
                current = ""
        if not current and len(names) > 1:
            return "、".join(names)
    return "".join(parts)


def _clean_people(cell: str | None) -> str | None:
    """A leader cell without white space; people printed one a line in it (a DOCX cell's paragraphs, an XLSX
    cell's lines) are a list, as a text copy prints them with 、 between.

    >>> _clean_people("张某某\\n李 某"), _clean_people("王某某副\\n市长 "), _clean_people("王某某\\n局长")
    ('张某某、李某', '王某某副市长', '王某某局长')
    """
    if cell is None or "\n" not in cell:
        return _clean(cell)
    parts: list[str] = []
    for line in cell.split("\n"):
        part = "".join(line.split())
        if parts and part and (len(part) < 2 or parts[-1].endswith("副") or _POST.fullmatch(part)):
            parts[-1] += part  # a name or its post broken over two lines
        elif part:
            parts.append(part)
    return "、".join(parts)


_POST = re.compile(r"副?(?:书记|市长|县长|区长|省长|镇长|乡长|主任|部长|局长|主席|秘书长|同志)")


# Columns that report on a task rather than state it: progress, remarks, results; and those that state its
# grounds or consequences (设定依据, 追责情形: role cues column.basis).
# (指标: the standard or figure a task answers, 工作指标 / 指标要求 beside a 任务 column: not the task itself)
# (分解情况, 目标分解情况: the target's parts, what the row states; no report)
REPORT_LABEL = re.compile(r"(?<!分解)情况|进展|说明|备注|成效|是否|评价|存在问题|截至|截止|指标|" + BASIS_LABEL.pattern)


def _content_column(kinds: list[str], rows: list[GridRow], labels: list[str] | None = None) -> int | None:
    texts = [k for k, kind in enumerate(kinds) if kind == TEXT]
    if labels is not None:  # a progress column (进展情况) is long, but the task is the column it reports on
        stated = [k for k in texts if k < len(labels) and not REPORT_LABEL.search(labels[k])]
        texts = stated or texts
    if not texts:
        return None
    def mean_length(k: int) -> float:  # a row the document stops inside is cut short: it does not count
        values = [len(_clean(r.cells[k]) or "") for r in rows if k < len(r.cells) and r.cells[k] and not r.truncated]
        return sum(values) / len(values) if values else 0.0
    best = max(texts, key=lambda k: (mean_length(k), k))
    if labels is not None and best < len(labels) and _MEASURE_LABEL.search(labels[best]):
        # the measures of a task (工作举措 after 重点工作): the task is the column naming it, where every row
        # prints its own (a task cell merged over several measures leaves the measures the tasks)
        filled = [r for r in rows if best < len(r.cells) and r.cells[best]]
        return next((k for k in texts if k < best and k < len(labels) and _TASK_COLUMN.search(labels[k])
                     and not _MEASURE_LABEL.search(labels[k]) and len(filled) >= 2
                     and all(r.cells[k] for r in filled)
                     and len({r.cells[k] for r in filled}) == len(filled)), best)
    return best


# Labels of a column holding a task's measures, and of one naming the task (role cues column.measure, column.task)
_MEASURE_LABEL = re.compile(alternation("column.measure"))
_TASK_COLUMN = re.compile(alternation("column.task"))


def _closes_bracket(name: str) -> bool:
    """Whether ``name`` ends with the closing bracket of one it opened (镇(街道)): a whole name, not one cut.

    >>> _closes_bracket("镇(街道)"), _closes_bracket("区政府(管委"), _closes_bracket("市财政局")
    (True, False, False)
    """
    return name[-1:] in ")）" and ("(" in name or "（" in name) and len(name) >= 4


_AND = re.compile(r"[和及与]")
MAX_AND_NAMES = 60


_PLACE_ENDS = tuple("区县市镇乡州旗村园")
MAX_LIST_NAMES = 200


def _list_split(name: str) -> list[str]:
    """An item of a unit cell that the lexicon left whole though 、 parts it: names it does not know (甲坊、乙苑、
    妇联) stand apart; a list sharing its last name's ending (长沙、株洲、湘潭市政府; 示范区、高新区党工委) stays one.

    >>> _list_split("青禾坊、云岫阁、妇联"), _list_split("长沙、株洲、湘潭市政府"), _list_split("示范区、高新区管委会")
    (['青禾坊', '云岫阁', '妇联'], ['长沙、株洲、湘潭市政府'], ['示范区、高新区管委会'])
    """
    if "、" not in name or len(name) > MAX_LIST_NAMES:
        return [name]
    parts = name.split("、")
    if all(len(p) >= 3 and _NAME_CHARS.fullmatch(p) and not p.endswith(_PLACE_ENDS) for p in parts[:-1]) and \
            len(parts[-1]) >= 2 and _NAME_CHARS.fullmatch(parts[-1]):
        return parts
    return [name]


def _and_split(name: str) -> list[str]:
    """A unit cell's item joining two names with 和 / 及 / 与 that the lexicon did not split: apart where the
    second opens with its level or is a collective (甲坊和市乙舍, 甲坊和市直各单位), whatever they end with; one
    name where it is one (市人力资源和社会保障局, 区发展和改革局).

    >>> _and_split("青禾坊和市云岫阁"), _and_split("市人力资源和社会保障局"), _and_split("白鹭苑、青禾坊和市直各单位")
    (['青禾坊', '市云岫阁'], ['市人力资源和社会保障局'], ['白鹭苑', '青禾坊', '市直各单位'])
    """
    if not 7 <= len(name) <= MAX_AND_NAMES or not _AND.search(name) or is_unit_name(name) and not _AND.search(name[:-3]):
        return [name]  # (a longer item is no few names: and each cut tried looks at the rest of it)
    for m in _AND.finditer(name):
        left, right = name[:m.start()], name[m.end():]
        pieces = left.split("、")
        if len(pieces[-1]) >= 3 and len(right) >= 3 and _OWN_START.match(right) and reads_as_name(right) and \
                all(len(p) >= 2 and _NAME_CHARS.fullmatch(p) for p in pieces):
            return pieces + _and_split(right)
    return [name]


_NAME_CHARS = re.compile(r"[\u4e00-\u9fff()（）]+")


_SHARE_CLOSER: re.Pattern | None = None


def _shares_closer() -> re.Pattern:
    """A unit list closed by a qualified duty word (X、Y等按职责分工落实, 分别负责): each does its own share."""
    global _SHARE_CLOSER
    if _SHARE_CLOSER is None:
        _SHARE_CLOSER = re.compile(r"(?:%s)+(?:%s)[。;；,，]?$" % (alternation("word.before"), alternation("word.duty")))
    return _SHARE_CLOSER


def _keeps_column_role(cell: str, role: Role, found: list[tuple[str, Role]]) -> bool:
    """Whether a cell of a non-lead unit column read as all lead only because a qualified duty word closes its
    list (责任处室 column, cell 甲科、乙科等按职责分工落实): the qualifier says each does its share, no unit leads,
    so the column's role stands. A lead word in the cell (甲科牵头,乙科按职责分工负责) keeps the cell's roles.

    >>> _keeps_column_role("甲科、乙科等按职责分工落实", Role.RESPONSIBLE, [("甲科", Role.LEAD), ("乙科", Role.LEAD)])
    True
    >>> _keeps_column_role("甲科负责", Role.RESPONSIBLE, [("甲科", Role.LEAD)])
    False
    >>> _keeps_column_role("甲科牵头,乙科按职责分工负责", Role.RESPONSIBLE, [("甲科", Role.LEAD), ("乙科", Role.LEAD)])
    False
    """
    return role is not Role.LEAD and all(r is Role.LEAD for _, r in found) and \
        ("职责" in cell or "分" in cell or "各自" in cell) and not re.search(alternation("word.lead"), cell) and \
        _shares_closer().search(cell) is not None  # (按职责, 分工, 分别, 分头, 各自: the share qualifiers)


# 会 short for 会同 between two office names in a unit cell (甲科会乙室): the first leads, the second cooperates;
# not a word 会 opens (会议, 会商, 会签 …) nor a name ending in 会 (委员会, 居委会: 委 is no ending here)
_SHORT_WITH = re.compile(r"(?<=[处局科室厅股])会(?![同议商签审展员计谈诊])")


def _short_with(cell: str) -> str:
    """``cell`` with a 会 short for 会同 between two office names written out, else as it is.

    >>> _short_with("甲科会乙室"), _short_with("甲科会乙室、丙股"), _short_with("甲科会议室"), _short_with("甲科")
    ('甲科会同乙室', '甲科会同乙室、丙股', '甲科会议室', '甲科')
    """
    m = _SHORT_WITH.search(cell)
    if m is None or "会同" in cell:
        return cell
    first, rest = cell[:m.start()], cell[m.end():]
    partner = re.split(r"[、，,]", rest, maxsplit=1)[0]
    if len(first) >= 2 and len(partner) >= 2 and is_unit_name(first) and is_unit_name(partner):
        return first + "会同" + rest
    return cell


def _units(cell: str, role: Role, truncated: bool) -> list[tuple[str, Role]]:
    if "会" in cell:
        cell = _short_with(cell)
    clause = parse_clause(cell, role)
    if clause is not None and clause.assignments:
        if _keeps_column_role(cell, role, clause.assignments):
            return [(part, role) for name, _ in clause.assignments for piece in _list_split(name)
                    for part in _and_split(piece)]
        return [(part, r) for name, r in clause.assignments for piece in _list_split(name) for part in _and_split(piece)]
    names = [part for name in split_units(cell) for piece in _list_split(name) for part in _and_split(piece)]
    # the document stops inside the last name, unless a bracket it opened closes it (镇(街道)); the names before
    # it that the lexicon does not know go with it (a list sharing its lost suffix: 示范区、高…), but not from a
    # name that opens as a name standing alone does (区甲坊、区乙苑、区: whole, whatever they end with)
    cut = truncated
    while cut and names and not is_unit_name(last := names[-1].rsplit("、", 1)[-1]) and not _closes_bracket(last):
        names.pop()
        cut = not names or not _OWN_START.match(names[-1].rsplit("、", 1)[-1])
    return [(n, role) for n in names if len(n) >= 2]


def _is_header_row(cells: list[str | None], columns: list[str]) -> bool:
    values = [_clean(c) for c in cells]
    return values[: len(columns)] == [_clean(c) for c in columns]


# A remarks column (备注): it may name more units that carry the task, with no role word.
_REMARKS_LABEL = re.compile(r"^(?:备注|備註|说明)$")
MIN_REMARK_UNITS = 2


_COUNT = re.compile(r"\d+\s*[处个座条项家所座台套件次]")  # 建设塘、堰、坝5处: a count, no office (处)


def _remark_unit_columns(kinds: list[str], labels: list[str], rows: list[GridRow]) -> list[str]:
    """``kinds`` with every remarks column whose cells all list units (at least two of them, no other text)
    read as a responsible unit column, beside a unit column: such a cell names more units that carry the task.

    >>> rows = [GridRow(["做好创建。", "基教科", "各区教育局、 市局直属单位"], 1, 1),
    ...         GridRow(["开展培训。", "人秘科", "各区教育局"], 2, 2), GridRow(["完成目标。", "各科室", ""], 3, 3)]
    >>> _remark_unit_columns(["text", "responsible", "text"], ["工作任务", "责任部门", "备注"], rows)
    ['text', 'responsible', 'responsible']
    >>> rows[1].cells[2] = "市民生实事"
    >>> _remark_unit_columns(["text", "responsible", "text"], ["工作任务", "责任部门", "备注"], rows)
    ['text', 'responsible', 'text']
    """
    if not any(k in ROLE_OF_KIND for k in kinds):
        return kinds
    out = list(kinds)
    for k, label in enumerate(labels):
        if kinds[k] != TEXT or not _REMARKS_LABEL.match(label):
            continue
        cells = [c for r in rows if k < len(r.cells) and (c := _clean_units(r.cells[k]))]
        if len(cells) >= MIN_REMARK_UNITS and all(looks_like_unit_list(c) and not _COUNT.search(c) for c in cells):
            out[k] = RESPONSIBLE
    return out


def grid_tasks(grid: Grid, source: str, year: int | None = None, prefix: str = "T1") -> tuple[list[Task], list[Task]]:
    """The leaf tasks of ``grid`` and its rows that hold sub-items (the tasks' parents)."""
    kinds = grid.kinds or column_kinds([_clean(c) or "" for c in grid.columns])
    width = len(kinds)
    rows = [r for r in grid.rows if any(_clean(c) for c in r.cells) and not _is_header_row(r.cells, grid.columns)]
    kinds = _remark_unit_columns(kinds, [_clean(c) or "" for c in grid.columns], rows)
    content = _content_column(kinds, rows, [_clean(c) or "" for c in grid.columns])
    texts = [k for k, kind in enumerate(kinds) if kind == TEXT and k != content]
    before = [k for k in texts if content is None or k < content]
    labels = [_clean(c) or "" for c in grid.columns]
    # the title: a column naming the task (项目名称) before the text, else the text column just before it
    title_col = next((k for k in before if k < len(labels) and _NAME_LABEL.search(labels[k])), None)
    if title_col is None:
        title_col = max(before, default=None)
    number_col = next((k for k, kind in enumerate(kinds) if kind == NUMBER), None)
    with_people = {k for k, kind in enumerate(kinds) if kind in ROLE_OF_KIND and k < len(labels)
                   and UNIT_AND_PERSON.search(labels[k])}
    neutral = {k for k, kind in enumerate(kinds) if kind == RESPONSIBLE and k < len(labels)
               and _NEUTRAL_COLUMN.search(labels[k])}

    carry: list[str | None] = [None] * width
    numbered: list[tuple[int, GridRow, list[str | None], list[bool]]] = []
    counter = 0
    group_unit: tuple[str, int] | None = None  # the unit a group row names, over the rows under it
    group_of: dict[int, tuple[str, int] | None] = {}
    for row in rows:
        cells = [((_clean_units(row.cells[k]) if kinds[k] in ROLE_OF_KIND else
                   _clean_people(row.cells[k]) if kinds[k] == LEADER else _clean(row.cells[k]))
                  if k < len(row.cells) else "") for k in range(width)]
        filled = [c for c in cells if c]
        if (len(filled) == 1 and all(c is not None for c in cells) and not _ROW_NUMBER.match(filled[0])
                and not any(p in filled[0] for p in "。；;")):
            carry = [None] * width  # a section row spanning the table (一、空气质量目标)
            group_unit = (name, row.first_line) if (name := _group_unit(filled[0])) else None
            continue
        group_of[id(row)] = group_unit
        merged = [c is None for c in cells]
        for k in range(width):
            if cells[k] is None:
                cells[k] = carry[k]
            else:
                carry[k] = cells[k]
        number = None
        if number_col is not None and cells[number_col]:
            m = _ROW_NUMBER.match(cells[number_col])
            number = int(m.group(1)) if m else None
        if number is None:
            if number_col is not None and merged[number_col] and numbered:
                number = numbered[-1][0]
            else:
                counter += 1
                number = counter if not numbered else max(numbered[-1][0] + 1, counter)
        counter = max(counter, number)
        numbered.append((number, row, cells, merged))

    tasks: list[Task] = []
    parents: list[Task] = []
    by_number: dict[int, list[int]] = {}
    place: list[int] = []  # the place of each row in its group (group.index(i), in one pass)
    for i, (number, _, _, _) in enumerate(numbered):
        place.append(len(by_number.setdefault(number, [])))
        by_number[number].append(i)
    seen_groups: set[int] = set()
    for i, (number, row, cells, merged) in enumerate(numbered):
        group = by_number[number]
        single = len(group) == 1
        sub = None if single else place[i] + 1
        row_id = f"{prefix}-{number}"
        title = cells[title_col] if title_col is not None else None
        text = cells[content] if content is not None else None
        if not text:
            text = title or ""
        if not text:
            continue
        if title and title == text:
            title = split_title(title)[0] if len(title) > 30 else title

        if not single and number not in seen_groups:
            seen_groups.add(number)
            parents.append(Task(id=row_id, text=title or "", provenance=Provenance(source, row.first_line,
                                numbered[group[-1]][1].last_line), row=number, title=title, annex=grid.annex))
        prov = Provenance(source, row.first_line, row.last_line)
        task = Task(id=row_id if single else f"{row_id}-{sub}", text=text, provenance=prov, annex=grid.annex,
                    row=number, sub=sub, title=title, parent=None if single else row_id)
        continued = content is not None and merged[content] and tasks and tasks[-1].text == text
        if continued:  # the text cell spans this row too: its own cells add to the same task
            task = tasks[-1]
        truncated = row.truncated
        for k, kind in enumerate(kinds):
            cell = cells[k]
            if not cell or continued and merged[k]:
                continue
            if kind in ROLE_OF_KIND:
                inferred = merged[k] and row.inherit_basis is not None
                if k in with_people:  # 责任单位及责任人: each unit with its person (县教育局王某某)
                    cell, people = _peel_people(row.cells[k] if not merged[k] else cell)
                    task.leaders.extend(p for p in people if p not in task.leaders)
                column_role = ROLE_OF_KIND[kind]
                if k in neutral and _LEAD_OPENING.match(text):
                    column_role = Role.LEAD  # 市教育局 | 负责…: the unit the row's duty opens with 负责 leads it
                for unit, role in _units(cell, column_role, truncated and k == _last_filled(row, width)):
                    task.assignments.append(Assignment(unit, role, prov, inferred=inferred,
                                                       basis=row.inherit_basis if inferred else None))
            elif kind == LEADER:
                task.leaders.extend(p for p in bracket_depth_split(cell, LIST_SEPARATORS) if p)
            elif kind == DEADLINE:
                found = find_deadlines(cell, year)
                task.deadlines.append(Deadline(cell, found[0].date if found else parse_date(cell)))
        heading = group_of.get(id(row))
        if heading is not None and not task.assignments:  # a group row naming one unit over its rows: theirs
            task.assignments.append(Assignment(heading[0], Role.RESPONSIBLE, prov, inferred=True,
                                               basis=f"unit heading row at line {heading[1]}"))
        if not continued:
            task.deadlines.extend(find_deadlines(text, year))
            task.amounts = find_amounts(text)
            items = cell_items(text) if text is not title and (";" in text or "；" in text) else None
            if items:  # a task cell holding numbered items (1.…; 2.…;): one task each, the row's cells theirs
                tasks += [replace(task, id=f"{task.id}-{k}", text=item, assignments=list(task.assignments),
                                  deadlines=list(task.deadlines), leaders=list(task.leaders))
                          for k, item in enumerate(items, 1)]
            else:
                tasks.append(task)
    _split_glued_names(tasks)
    return tasks, parents


_CELL_ITEM = re.compile(r"(?:^|(?<=[;；]))\s*(\d{1,2})[.．、](?!\d)")


def cell_items(text: str) -> list[str] | None:
    """The numbered items of one task cell (``1.落实…; 2.明确…;``): each opening the cell or right after a
    semicolon, numbered 1, 2, 3 … in order; None unless two or more.

    >>> cell_items("1.落实岗位责任制; 2.明确职责分工;")
    ['1.落实岗位责任制;', '2.明确职责分工;']
    >>> cell_items("1.落实岗位责任制,完成2.5万亩; 3.明确分工"), cell_items("建成公园;完成绿化")
    (None, None)
    """
    found = list(_CELL_ITEM.finditer(text))
    if len(found) < 2 or found[0].start() != 0 or [int(m.group(1)) for m in found] != list(range(1, len(found) + 1)):
        return None
    bounds = [m.start() for m in found] + [len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]


MIN_GLUED_NAMES = 4  # a name of fewer characters holds no two
MAX_GLUED_NAMES = 40  # a longer one is no few names glued (and the cuts tried grow with the square of its length)


def _split_glued_names(tasks: list[Task]) -> None:
    """A unit cell printing names the table prints apart elsewhere glued together (文化宣传股文化馆, where other
    rows print 文化宣传股 / 文化馆): the names, as the table itself shows them (a line break lost in the copy)."""
    known = {a.unit for t in tasks for a in t.assignments}
    names = sorted(known)  # a glued name starts with another name: in order, right after it (once per table)
    if not any(b.startswith(a) for a, b in zip(names, names[1:])):
        return
    for task in tasks:
        if not any(MIN_GLUED_NAMES <= len(a.unit) <= MAX_GLUED_NAMES and _glued_parts(a.unit, known)
                   for a in task.assignments):
            continue
        out: list[Assignment] = []
        for a in task.assignments:
            parts = _glued_parts(a.unit, known) if MIN_GLUED_NAMES <= len(a.unit) <= MAX_GLUED_NAMES else None
            out.extend([replace(a, unit=p) for p in parts] if parts else [a])
        task.assignments[:] = out


def _glued_parts(name: str, known: set[str]) -> list[str] | None:
    """``name`` as two or more names of ``known`` glued together (the cut with the shortest first names), or None.

    >>> _glued_parts("文化宣传股文化馆", {"文化宣传股", "文化馆", "文化宣传股文化馆"})
    ['文化宣传股', '文化馆']
    >>> _glued_parts("县委县政府督查室", {"县委", "县委县政府督查室"}) is None
    True
    """
    n = len(name)
    start: dict[int, int] = {0: 0}  # the end of each reading of a head of the name: where its last name starts
    for b in range(n):
        if b in start:
            for e in range(b + 2, n + 1):
                if e not in start and (b or e < n) and name[b:e] in known:
                    start[e] = b
    if n not in start:
        return None
    parts, e = [], n
    while e:
        parts.append(name[start[e]:e])
        e = start[e]
    return parts[::-1]


_PERSON_IN_BRACKETS = re.compile(r"^(.+?)[(（]([\u4e00-\u9fff]{2,3})[)）]$")


def _peel_people(cell: str | None) -> tuple[str, list[str]]:
    """A cell of a 责任单位及责任人 column as its units and the people printed after them (县教育局 王某某,
    县卫健局(李某), 县财政局/张某, 县水利局王某): a name of two or three characters after a whole unit name, itself
    no unit, is a person.

    >>> _peel_people("县教育局 王某某、县卫健局(李某)、县水利局王某、县住房和城乡建设局")
    ('县教育局、县卫健局、县水利局、县住房和城乡建设局', ['王某某', '李某', '王某'])
    """
    units, people = [], []
    for part in re.split(r"[、，,；;\n]", cell or ""):
        part = part.strip()
        found = None
        m = _PERSON_IN_BRACKETS.match(part)
        cuts = [(m.group(1), m.group(2))] if m else [(part[:-n], part[-n:]) for n in (3, 2) if len(part) > n + 2]
        for head, tail in cuts:
            head = head.strip(" \u3000/／(（")
            if re.fullmatch(r"[\u4e00-\u9fff]+", tail) and is_unit_name(head) and not is_unit_name(tail):
                found = head, tail
                break
        if found:
            units.append(found[0])
            people.append(found[1])
        elif part:
            units.append(part)
    return "、".join(units), people


def _group_unit(cell: str) -> str | None:
    """The unit a group row of a table names alone, maybe after its number ((十一)省轻纺集团总公司, 一、市教育局):
    the projects or tasks under it are that unit's (as items under a unit heading). None for any other heading.

    >>> _group_unit("(十一)省轻纺集团总公司"), _group_unit("市教育局"), _group_unit("一、经济发展")
    ('省轻纺集团总公司', '市教育局', None)
    """
    found = match_subsection(cell) or match_section(cell)
    name = found[1] if found else cell
    if not name or len(name) > MAX_GROUP_UNIT or any(p in name for p in "，,、：:"):
        return None
    return name if is_unit_name(name) else None


MAX_GROUP_UNIT = 24


def _last_filled(row: GridRow, width: int) -> int:
    return max((k for k in range(min(width, len(row.cells))) if _clean(row.cells[k])), default=-1)
