"""China's administrative divisions: provinces down to townships, with adcodes, levels and dated changes.

The table is ``data/divisions.tsv.gz`` and the changes ``data/division_changes.tsv``, both
derived from the jionlp package (Apache-2.0) by ``tools/divisions/derive.py`` (see
docs/gazetteers.md). A division's ``key`` is its adcode; a township (which has none in
the source) or a former division is keyed by its parent's key and its name.

>>> t = divisions()
>>> d = t.get("430223")
>>> d.name, d.level, t.display(d), t.qualified(d)
('攸县', 'county', '攸县', '湖南省株洲市攸县')
>>> t.display(t.get("430211")), t.display(t.get("430000"))
('株洲市天元区', '湖南省')
>>> former = t.named("株洲县")[0]
>>> former.key, former.until, t.get(former.successor).name
('430200/株洲县', '2018-06-19', '渌口区')
>>> [t.display(x) for x in t.named("宝山区")]
['双鸭山市宝山区', '上海市宝山区']
>>> t.province_of(d).name, t.city_of(d).name
('湖南省', '株洲市')
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PROVINCE_LEVELS = ("province", "municipality")
NATIONAL = "national"
CITY_LEVELS = ("city", "prefecture")
COUNTY_LEVELS = ("county", "county_city", "district", "zone")
TOWNSHIP_LEVELS = ("township", "subdistrict", "township_zone")


@dataclass(frozen=True)
class Division:
    key: str
    code: str | None
    name: str
    short: str
    level: str
    parent: str | None
    abbreviation: str = ""
    since: str | None = None       # set where a dated change created the name
    until: str | None = None       # set on a former division
    successor: str | None = None   # the key of the division it became

    def valid_on(self, date: str | None) -> bool:
        """Whether the division bore this name on ``date`` (ISO; None: today)."""
        if date is None:
            return self.until is None
        return (self.until is None or date < self.until) and (self.since is None or self.since <= date)


class DivisionTable:
    """Lookups over every division: by key, by name, children, ancestors."""

    def __init__(self, rows: list[Division]):
        self.by_key = {d.key: d for d in rows}
        self._by_name: dict[str, list[Division]] = {}
        self._children: dict[str, list[Division]] = {}
        self._formers: dict[str, list[Division]] = {}
        for d in rows:
            self._by_name.setdefault(d.name, []).append(d)
            if d.parent:
                self._children.setdefault(d.parent, []).append(d)
            if d.successor:
                self._formers.setdefault(d.successor, []).append(d)

    def get(self, key: str | None) -> Division | None:
        return self.by_key.get(key) if key else None

    def named(self, name: str) -> list[Division]:
        """Every division with this full name (current ones first)."""
        return sorted(self._by_name.get(name, ()), key=lambda d: (d.until is not None, d.key))

    def names(self, levels: tuple[str, ...]) -> list[str]:
        return [n for n, ds in self._by_name.items() if any(d.level in levels for d in ds)]

    def children(self, key: str) -> list[Division]:
        return list(self._children.get(key, ()))

    def formers(self, key: str) -> list[Division]:
        """The former divisions that became division ``key`` (株洲县 for 渌口区)."""
        return list(self._formers.get(key, ()))

    def ancestors(self, d: Division) -> list[Division]:
        """The division and its ancestors, nearest first."""
        out = [d]
        seen = {d.key}
        while out[-1].parent and out[-1].parent in self.by_key and out[-1].parent not in seen:
            seen.add(out[-1].parent)  # the table's parent links form no cycle, but never trust data to
            out.append(self.by_key[out[-1].parent])
        return out

    def within(self, d: Division, other: Division) -> bool:
        """``d`` is ``other`` or lies inside it."""
        return any(a.key == other.key for a in self.ancestors(d))

    def province_of(self, d: Division) -> Division | None:
        return next((a for a in self.ancestors(d) if a.level in PROVINCE_LEVELS), None)

    def city_of(self, d: Division) -> Division | None:
        """The prefecture-level city (or the municipality) a division lies in."""
        return next((a for a in self.ancestors(d) if a.level in CITY_LEVELS or a.level == "municipality"), None)

    def county_of(self, d: Division) -> Division | None:
        return next((a for a in self.ancestors(d) if a.level in COUNTY_LEVELS), None)

    def display(self, d: Division) -> str:
        """The name printed before a unit's name: a district is qualified by its city (株洲市天元区), a
        county or county-level city is not (攸县, 醴陵市), a township by its county (攸县网岭镇)."""
        if d.level in ("district", "zone"):
            city = self.city_of(d)
            return (city.name if city else "") + d.name  # 岳阳市岳阳楼区, as its government is named
        if d.level == NATIONAL:
            return ""  # national bodies are printed without a place (教育部, 国家发展改革委)
        if d.level in TOWNSHIP_LEVELS:
            county = self.county_of(d)
            if county is None or d.name.startswith((county.name, county.short)):
                return d.name  # 攸县工业园
            return self.display(county) + d.name
        return d.name

    def qualified(self, d: Division) -> str:
        """The full path of names, province first (湖南省株洲市攸县)."""
        return "".join(a.name for a in reversed(self.ancestors(d)))


# The central government's jurisdiction (国务院, 国办发): units printed bare in its plans (教育部) are national.
NATION = Division("100000", "100000", "中华人民共和国", "中国", NATIONAL, None)


def _read_rows(text: str) -> list[Division]:
    rows = []
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    for ln in lines[1:]:
        code, parent, level, name, short, abbreviation = (ln.split("\t") + [""] * 6)[:6]
        if code and code == parent:
            continue  # 市直辖行政区划: the city's own code again, a placeholder level (东莞市's townships hang on the city)
        key = code or f"{parent}/{name}"
        rows.append(Division(key, code or None, name, short or name, level, parent or None, abbreviation))
    return rows


def _apply_changes(rows: list[Division], text: str) -> list[Division]:
    """Former divisions (株洲县 until 2018-06-19, became 渌口区) from the dated changes."""
    table = DivisionTable(rows)
    extra: dict[str, Division] = {}
    since: dict[str, str] = {}
    for ln in text.splitlines():
        if not ln or ln.startswith("#") or ln.startswith("date\t"):
            continue
        date, _approval, original, resulting = ln.split("\t")
        before, after = original.split("/"), resulting.split("/")
        target = _find_path(table, after)
        if target is None or before[-1] == after[-1] and len(before) == len(after):
            continue
        if table.named(before[-1]) and any(_path_names(table, d)[-len(before):] == before
                                           for d in table.named(before[-1])):
            continue  # the old name still exists at that place (a division moved, not renamed)
        parent = table.get(target.parent)
        key = f"{parent.key if parent else ''}/{before[-1]}"
        level = target.level if len(before) == len(after) else "county"
        if before[-1].endswith("县"):
            level = "county"
        elif before[-1].endswith("市") and level in COUNTY_LEVELS:
            level = "county_city"
        extra[key] = Division(key, None, before[-1], before[-1].rstrip("县市区"), level,
                              parent.key if parent else None, until=date, successor=target.key)
        since[target.key] = min(date, since.get(target.key, date))
    out = [Division(**{**d.__dict__, "since": since[d.key]}) if d.key in since else d for d in rows]
    return out + sorted(extra.values(), key=lambda d: d.key)


def _path_names(table: DivisionTable, d: Division) -> list[str]:
    return [a.name for a in reversed(table.ancestors(d))]


def _find_path(table: DivisionTable, names: list[str]) -> Division | None:
    for d in table.named(names[-1]):
        if _path_names(table, d)[-len(names):] == names:
            return d
    return None


@lru_cache(maxsize=1)
def divisions() -> DivisionTable:
    """The national table (read once)."""
    data = resources.files("dutygraph.data")
    with gzip.open(io.BytesIO(data.joinpath("divisions.tsv.gz").read_bytes()), "rt", encoding="utf-8") as f:
        rows = _read_rows(f.read())
    rows.append(NATION)
    return DivisionTable(_apply_changes(rows, data.joinpath("division_changes.tsv").read_text("utf-8")))
