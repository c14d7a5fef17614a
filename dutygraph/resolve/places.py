"""Places named inside task text: the divisions of the document's jurisdiction and its gazetteer's zones.

Any jurisdiction gets its places from the national division table (a county's own
name and its townships; a city's counties and districts; a province's cities), as
they were named on the document's date (株洲县 before 2018-06-19, 渌口区 after);
a city's gazetteer adds its zones (清水塘片区, 云龙示范区).

>>> from dutygraph.resolve.divisions import divisions
>>> from dutygraph.resolve.gazetteer import gazetteer_for
>>> zz, g = divisions().get("430200"), gazetteer_for("株洲市")
>>> finder = PlaceFinder(g, places_for(zz, g, on="2018-03-31"))
>>> [(m.place.name, m.printed) for m in finder.find("完善醴陵市、株洲县污水处理厂,建设清水塘大桥")]
[('醴陵市', '醴陵市'), ('株洲县', '株洲县'), ('清水塘片区', '清水塘')]
>>> [m.place.name for m in PlaceFinder(g, places_for(zz, g, on="2020-03-18")).find("渌口区、株洲县")]
['渌口区']
>>> county = PlaceFinder(None, places_for(divisions().get("430223"), None))
>>> [(m.place.qualified, m.place.kind) for m in county.find("推进攸县工业园和网岭镇集镇建设")]
[('攸县工业园', 'township_zone'), ('攸县网岭镇', 'township')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import Gazetteer, Place


@dataclass(frozen=True)
class PlaceMention:
    place: Place
    printed: str
    start: int


def division_place(d) -> Place:
    """The :class:`Place` of a division (its qualified name is the one printed before unit names)."""
    from .divisions import COUNTY_LEVELS, TOWNSHIP_LEVELS, divisions

    t = divisions()
    city = t.city_of(d)
    parent = t.get(d.parent)
    short = d.short if d.level in COUNTY_LEVELS and len(d.short) >= 2 and d.short != d.name else None
    return Place(name=d.name, kind=d.level, city=city.name if city else "", aliases=(short,) if short else (),
                 qualified=t.display(d), within=t.display(parent) if d.level in TOWNSHIP_LEVELS and parent
                 else None, code=d.key)


def places_for(division, gazetteer: Gazetteer | None, on: str | None = None) -> list[Place]:
    """The places a document of ``division`` may name, as of ``on``: see the module's docstring."""
    from .divisions import CITY_LEVELS, COUNTY_LEVELS, TOWNSHIP_LEVELS, divisions

    out: list[Place] = []
    if division is not None:
        t = divisions()
        chosen = []
        if division.level in COUNTY_LEVELS:
            chosen = [division] + t.children(division.key)
        elif division.level in TOWNSHIP_LEVELS:
            chosen = [division]
        elif division.level in CITY_LEVELS or division.level == "municipality":
            chosen = [d for d in t.children(division.key) if d.level in COUNTY_LEVELS]
        elif division.level == "province":
            chosen = [d for d in t.children(division.key)]
        out = [division_place(d) for d in chosen if d.valid_on(on)]
    if gazetteer is not None:
        known = {n for p in out for n in p.names}
        out += [p for p in gazetteer.places if p.kind == "zone" and p.name not in known]
    return out


@lru_cache(maxsize=256)
def _pattern(names: tuple[str, ...]) -> re.Pattern:
    """One alternation of ``names`` (longest first), compiled once per set of names."""
    return re.compile("|".join(re.escape(n) for n in names))


class PlaceFinder:
    """Finds places in text, longest name first, never inside a longer match.

    Give it a gazetteer (its places), or a list of places (:func:`places_for`).
    """

    def __init__(self, gazetteer: Gazetteer | None, places: list[Place] | None = None):
        self.gazetteer = gazetteer
        pool = places if places is not None else (gazetteer.places if gazetteer else [])
        self._by_name: dict[str, Place] = {}
        for place in pool:
            for n in place.names:
                self._by_name.setdefault(n, place)
        names = tuple(sorted((n for n in self._by_name if len(n) >= 2), key=lambda n: (-len(n), n)))
        self._pattern = _pattern(names) if names else None

    def place(self, name: str) -> Place | None:
        return self._by_name.get(name)

    def find(self, text: str) -> list[PlaceMention]:
        if self._pattern is None or not text:
            return []
        return [PlaceMention(self._by_name[m.group(0)], m.group(0), m.start())
                for m in self._pattern.finditer(text)]

    def names(self) -> list[str]:
        """Every name and alias, for other rules that must not read a place as part of a name."""
        return sorted(self._by_name, key=len, reverse=True)
