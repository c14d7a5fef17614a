"""The typed model every part of dutygraph shares: plain dataclasses, no I/O.

A loader turns one file into a :class:`Document`; the graph, the stores and the
queries read nothing else. Every fact keeps its :class:`Provenance` (file and
1-based line span) so that an answer can always point back at the page.

>>> p = Provenance("plan.txt", 12, 13)
>>> t = Task(id="A1-2-1", text="开展确权登记。", provenance=p, annex=1, row=2, sub=1,
...          assignments=[Assignment("市国土资源局", Role.LEAD, p)])
>>> t.units(Role.LEAD)
['市国土资源局']
>>> t.to_dict()["lines"]
[12, 13]
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum


class Role(str, Enum):
    """The part a unit plays on a task.

    ``lead``: marked 牵头, the 牵头单位 column, or a list followed by 负责 when nothing
    is marked 牵头. ``responsible``: the 责任单位 column or label. ``cooperating``:
    配合 / 协助 / 参与 / 协办.
    """

    LEAD = "lead"
    RESPONSIBLE = "responsible"
    COOPERATING = "cooperating"

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value


@dataclass(frozen=True, slots=True, init=False)
class Provenance:
    """Where a fact was read: file and first/last line (1-based, inclusive).

    Frozen (hashable, never changed); made hundreds of times per document, so its ``__init__`` sets the slots
    through their descriptors instead of the generated frozen ``object.__setattr__`` calls (a third faster).

    >>> p = Provenance("plan.txt", first_line=3, last_line=4)
    >>> p, p == Provenance("plan.txt", 3, 4), hash(p) == hash(Provenance("plan.txt", 3, 4))
    (Provenance(file='plan.txt', first_line=3, last_line=4), True, True)
    >>> p.first_line = 5
    Traceback (most recent call last):
    ...
    dataclasses.FrozenInstanceError: cannot assign to field 'first_line'
    """

    file: str
    first_line: int
    last_line: int

    def __init__(self, file: str, first_line: int, last_line: int) -> None:
        _SET_FILE(self, file)
        _SET_FIRST(self, first_line)
        _SET_LAST(self, last_line)

    @property
    def lines(self) -> list[int]:
        return [self.first_line, self.last_line]


_SET_FILE, _SET_FIRST, _SET_LAST = (Provenance.file.__set__, Provenance.first_line.__set__,  # type: ignore[attr-defined]
                                    Provenance.last_line.__set__)  # type: ignore[attr-defined]


@dataclass(slots=True)
class Assignment:
    """One unit named on a task, as printed, in one role.

    ``inferred`` marks an assignment not printed on the item itself (for example
    spread over later items by a "下同" note); ``basis`` says why.
    """

    unit: str
    role: Role
    provenance: Provenance | None = None
    inferred: bool = False
    basis: str | None = None


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline as printed, and the ISO date it means where the year is known."""

    printed: str
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum of money as printed, its value in yuan and the unit it was printed in."""

    printed: str
    value: float | None = None
    unit: str | None = None


@dataclass(slots=True)
class Section:
    """A top-level section such as 二、重点工作."""

    ref: str
    title: str
    provenance: Provenance | None = None


@dataclass(slots=True)
class KeyWork:
    """A key work (重点工作) such as 二(二) 全力推进清水塘老工业区搬迁改造."""

    ref: str
    title: str
    text: str = ""
    provenance: Provenance | None = None


@dataclass(slots=True)
class Target:
    """One indicator of the 主要目标: 森林覆盖率 稳定在 61.95%以上."""

    text: str
    indicator: str | None = None
    relation: str | None = None
    value: str | None = None
    provenance: Provenance | None = None


@dataclass(slots=True)
class Annex:
    """An annex table: its number, title and column headers as printed."""

    number: int
    title: str
    columns: list[str] = field(default_factory=list)
    provenance: Provenance | None = None


@dataclass(slots=True)
class Task:
    """One task. Leaf tasks are what the plan asks someone to do.

    ``id`` is stable and derived from position: ``A2-4-1`` is annex 2, row 4,
    sub-item 1; ``A2-4`` is the row itself (the ``parent`` of its sub-items).
    ``title`` is the row title, ``text`` the item's own text without its number
    marker. ``leaders`` keeps people named in leader columns; they are not units.
    """

    id: str
    text: str
    provenance: Provenance
    annex: int | None = None
    row: int | None = None
    sub: int | None = None
    title: str | None = None
    parent: str | None = None
    zone: str | None = None
    assignments: list[Assignment] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)

    @property
    def deadline(self) -> Deadline | None:
        """The first deadline printed for the task, if any."""
        return self.deadlines[0] if self.deadlines else None

    def units(self, role: Role) -> list[str]:
        """Unit names in ``role``, as printed and in printed order."""
        return [a.unit for a in self.assignments if a.role == role]

    def to_dict(self) -> dict:
        """The task in the shape ``dutygraph extract`` prints."""
        deadline = self.deadline
        return {
            "id": self.id,
            "annex": self.annex,
            "row": self.row,
            "sub": self.sub,
            "title": self.title,
            "text": self.text,
            "zone": self.zone,
            "lead": self.units(Role.LEAD),
            "responsible": self.units(Role.RESPONSIBLE),
            "cooperating": self.units(Role.COOPERATING),
            "deadline": deadline.printed if deadline else None,
            "deadline_date": deadline.date if deadline else None,
            "amounts": [a.printed for a in self.amounts],
            "lines": self.provenance.lines,
            "parent": self.parent,
            "leaders": list(self.leaders),
            "inferred": [
                {"unit": a.unit, "role": a.role.value, "basis": a.basis}
                for a in self.assignments
                if a.inferred
            ],
        }


@dataclass(slots=True)
class Coverage:
    """How much of a document's role cues the reader turned into tasks.

    ``cues``: lines that say where units stand (a 牵头单位: label, "X牵头", a unit column's
    header); ``attached``: those that gave a task its units. ``unrecognised``: names kept for
    their slot that pass no suffix check (``{"unit", "role", "line"}``); ``skipped``: parts not
    read, with the reason (``{"lines": [first, last], "reason"}``).

    >>> Coverage(cues=4, attached=3).ratio
    0.75
    """

    cues: int = 0
    attached: int = 0
    unrecognised: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        """Attached cues over cues seen (1.0 for a document without any)."""
        return round(self.attached / self.cues, 4) if self.cues else 1.0

    def to_dict(self) -> dict:
        return {"cues": self.cues, "attached": self.attached, "ratio": self.ratio,
                "unrecognised": list(self.unrecognised), "skipped": list(self.skipped)}


@dataclass(slots=True)
class Document:
    """One plan as read from one file."""

    source: str
    title: str
    plan_title: str | None = None
    issuers: list[str] = field(default_factory=list)
    issued: str | None = None
    published: str | None = None
    number: str | None = None
    sha256: str | None = None
    year: int | None = None
    sections: list[Section] = field(default_factory=list)
    key_works: list[KeyWork] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    rows: list[Task] = field(default_factory=list)
    coverage: Coverage | None = None

    def to_dict(self) -> dict:
        """The document in the shape ``dutygraph extract`` prints."""
        return {
            "source": self.source,
            "title": self.title,
            "plan_title": self.plan_title,
            "issuers": list(self.issuers),
            "issued": self.issued,
            "published": self.published,
            "number": self.number,
            "sha256": self.sha256,
            "key_works": [{"ref": k.ref, "title": k.title} for k in self.key_works],
            "targets": [
                {"text": t.text, "indicator": t.indicator, "relation": t.relation, "value": t.value}
                for t in self.targets
            ],
            "annexes": [{"number": a.number, "title": a.title, "columns": a.columns} for a in self.annexes],
            "tasks": [t.to_dict() for t in self.tasks],
            "coverage": self.coverage.to_dict() if self.coverage is not None else None,
        }


def asdict_full(obj) -> dict:
    """Every field of a model object, recursively (enums as their values)."""

    def fix(value):
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, dict):
            return {k: fix(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v) for v in value]
        return value

    return fix(asdict(obj))
