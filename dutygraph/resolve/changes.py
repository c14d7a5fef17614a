"""Changes of units as dated events (W3C ORG ``org:ChangeEvent``): renamed, merged, split, 县 → 区.

Events are data: national patterns of the 2018-2019 institutional reform in
``data/change_events.csv`` (环境保护局 → 生态环境局 in every local government),
the division changes of the national table (株洲县 → 渌口区 on 2018-06-19: every
unit of 株洲县 became the same body of 渌口区), and files a user adds (folders
in ``DUTYGRAPH_CHANGE_EVENTS``). Nothing is ever renamed: an event links the unit
as printed before with the unit as printed after, and queries follow it only when asked.

>>> from dutygraph.resolve.divisions import divisions
>>> zz = divisions().get("430200")
>>> [(e.kind, e.original, e.resulting) for e in events_for("株洲市环境保护局", zz)]
[('renamed', ('株洲市环境保护局',), ('株洲市生态环境局',))]
>>> [(e.kind, e.date, e.resulting) for e in events_for("株洲县人民政府", divisions().named("株洲县")[0])]
[('county_to_district', '2018-06-19', ('株洲市渌口区人民政府',))]
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import InputError
from .divisions import PROVINCE_LEVELS, Division, divisions


@dataclass(frozen=True)
class ChangeEvent:
    kind: str
    date: str
    original: tuple[str, ...]
    resulting: tuple[str, ...]
    source: str
    jurisdiction: str | None   # display name of the government

    @property
    def id(self) -> str:
        return f"change/{self.date}/{'+'.join(self.original)}/{'+'.join(self.resulting)}"

    @property
    def name(self) -> str:
        return f"{'、'.join(self.original)} → {'、'.join(self.resulting)}"


@dataclass(frozen=True)
class _Row:
    kind: str
    date: str
    jurisdiction: str
    original: tuple[str, ...]
    resulting: tuple[str, ...]
    source: str


def _read(text: str, path: str) -> list[_Row]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    rows = []
    for n, r in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), start=2):
        try:
            rows.append(_Row(r["kind"].strip(), r["date"].strip(), (r.get("jurisdiction") or "").strip(),
                             tuple(x.strip() for x in r["original"].split("|") if x.strip()),
                             tuple(x.strip() for x in r["resulting"].split("|") if x.strip()),
                             (r.get("source") or "").strip()))
        except (KeyError, AttributeError):
            raise InputError("a change event needs kind, date, original and resulting", path=path) from None
    return rows


@lru_cache(maxsize=1)
def _rows() -> tuple[_Row, ...]:
    rows = _read(resources.files("dutygraph.data").joinpath("change_events.csv").read_text("utf-8"),
                 "dutygraph/data/change_events.csv")
    for folder in filter(None, os.environ.get("DUTYGRAPH_CHANGE_EVENTS", "").split(os.pathsep)):
        folder_path = Path(folder)
        files = [folder_path] if folder_path.is_file() else sorted(folder_path.glob("*.csv"))
        for f in files:
            rows += _read(f.read_text("utf-8"), str(f))
    return tuple(rows)


def events_for(name: str, owner: Division | None) -> list[ChangeEvent]:
    """The events a unit named ``name`` of the government ``owner`` takes part in (before or after)."""
    if owner is None:
        return []
    t = divisions()
    prefix = t.display(owner)
    if not name.startswith(prefix):
        return []
    body = name[len(prefix):]
    out = []
    for r in _rows():
        if r.jurisdiction:
            if r.jurisdiction not in (owner.name, prefix):
                continue
            full = lambda n: n if n.startswith(prefix) else prefix + n  # noqa: E731
        elif owner.level in PROVINCE_LEVELS or owner.level == "national":
            continue
        else:
            full = lambda n: prefix + n  # noqa: E731
        original, resulting = tuple(map(full, r.original)), tuple(map(full, r.resulting))
        if name in original or name in resulting:
            out.append(ChangeEvent(r.kind, r.date, original, resulting, r.source, prefix))
    if owner.successor and owner.until:  # a former division: each of its units became its successor's
        successor = t.get(owner.successor)
        kind = "county_to_district" if owner.name.endswith("县") and successor.name.endswith("区") else "division_renamed"
        out.append(ChangeEvent(kind, owner.until, (name,), (t.display(successor) + body,),
                               "administrative division change (national table)", prefix))
    for former in t.formers(owner.key):  # a successor division: its units came from the former's
        out.append(ChangeEvent("county_to_district" if former.name.endswith("县") and owner.name.endswith("区")
                               else "division_renamed", former.until, (t.display(former) + body,), (name,),
                               "administrative division change (national table)", t.display(former)))
    return out
