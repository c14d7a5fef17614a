"""City gazetteers: districts, counties and zones, and the members of collectives.

One YAML file per city in ``dutygraph/data/gazetteers/`` (format in
``docs/gazetteers.md``); more folders can be added with the environment
variable ``DUTYGRAPH_GAZETTEERS`` (paths separated by ``os.pathsep``).

>>> g = gazetteer_for("株洲市")
>>> g.place("荷塘").name, g.place("株洲县").name, g.place("渌口区").formerly
('荷塘区', '株洲县', '株洲县')
>>> [p.name for p in g.members("各区人民政府", on="2018-03-31")]
['荷塘区', '芦淞区', '石峰区', '天元区']
>>> len(g.members("各县市区人民政府", on="2018-03-31"))
9
>>> city_of(["中共株洲市委办公室"]).city
'株洲市'
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from ..errors import InputError


@dataclass(frozen=True)
class Place:
    name: str
    kind: str                      # district | county | county_city | zone | ...
    city: str
    aliases: tuple[str, ...] = ()
    qualified: str = ""            # the name that is unique nationally (株洲市荷塘区)
    within: str | None = None      # a larger place of the same city
    since: str | None = None
    formerly: str | None = None
    governed_by: str | None = None  # the unit that governs it, where not "<name>人民政府"
    until: str | None = None
    code: str | None = None          # the division's key (adcode) where it is one

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def government(self) -> str:
        """The governing unit's name as printed in plans (天元区人民政府, 云龙示范区管委会)."""
        return self.governed_by or f"{self.name}人民政府"


@dataclass(frozen=True)
class Member:
    place: str
    since: str | None = None
    until: str | None = None

    def holds_on(self, date: str | None) -> bool:
        if date is None:
            return self.until is None
        return (self.since is None or self.since <= date) and (self.until is None or date < self.until)


@dataclass(frozen=True)
class CollectiveEntry:
    name: str
    aliases: tuple[str, ...] = ()
    members: tuple[Member, ...] = ()


@dataclass
class Gazetteer:
    city: str
    short: str
    province: str | None = None
    places: list[Place] = field(default_factory=list)
    collectives: list[CollectiveEntry] = field(default_factory=list)
    source: str = ""

    def __post_init__(self) -> None:
        self._by_name = {}
        for place in self.places:
            for n in place.names:
                self._by_name.setdefault(n, place)
        self._collectives = {n: c for c in self.collectives for n in (c.name, *c.aliases)}

    def place(self, name: str) -> Place | None:
        """The place named ``name`` (its name or an alias), if known."""
        return self._by_name.get(name)

    def place_names(self) -> list[tuple[str, Place]]:
        """Every (name or alias, place), longest first, for matching inside text."""
        return sorted(self._by_name.items(), key=lambda item: -len(item[0]))

    def collective(self, name: str) -> CollectiveEntry | None:
        return self._collectives.get(name)

    def members(self, collective: str, on: str | None = None) -> list[Place]:
        """The member places of a collective on a date (ISO; None: today's composition)."""
        entry = self.collective(collective)
        if entry is None:
            return []
        return [self._by_name[m.place] for m in entry.members if m.holds_on(on) and m.place in self._by_name]


def _parse_member(item) -> Member:
    if isinstance(item, str):
        return Member(item)
    return Member(item["place"], _iso(item.get("since")), _iso(item.get("until")))


def _iso(value) -> str | None:
    return None if value is None else str(value)


def parse_gazetteer(data: dict, source: str) -> Gazetteer:
    """Build a :class:`Gazetteer` from the parsed YAML mapping ``data``."""
    try:
        city = data["city"]
        short = data.get("short") or city.rstrip("市")
        places = [
            Place(name=p["name"], kind=p.get("kind", "place"), city=city, aliases=tuple(p.get("aliases", ())),
                  qualified=p.get("qualified") or (p["name"] if p["name"].startswith(short) else city + p["name"]),
                  within=p.get("within"), since=_iso(p.get("since")), formerly=p.get("formerly"),
                  governed_by=p.get("governed_by"), until=_iso(p.get("until")))
            for p in data.get("places", [])
        ]
        collectives = [
            CollectiveEntry(c["name"], tuple(c.get("aliases", ())),
                            tuple(_parse_member(m) for m in c.get("members", ())))
            for c in data.get("collectives", [])
        ]
    except (KeyError, TypeError) as exc:
        raise InputError(f"not a valid gazetteer ({exc!r} missing or malformed)", path=source) from None
    return Gazetteer(city, short, data.get("province"), places, collectives, source)


def _gazetteer_files() -> list[tuple[str, str]]:
    files = []
    folder = resources.files("dutygraph.data").joinpath("gazetteers")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            files.append((f"dutygraph/data/gazetteers/{entry.name}", entry.read_text("utf-8")))
    for extra in filter(None, os.environ.get("DUTYGRAPH_GAZETTEERS", "").split(os.pathsep)):
        for path in sorted(Path(extra).glob("*.y*ml")):
            files.append((str(path), path.read_text("utf-8")))
    return files


@lru_cache(maxsize=1)
def all_gazetteers() -> dict[str, Gazetteer]:
    """Every known gazetteer by city name (later files override earlier ones for a city)."""
    import yaml

    out = {}
    for source, text in _gazetteer_files():
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            line = getattr(getattr(exc, "problem_mark", None), "line", None)
            raise InputError(f"not valid YAML: {exc}", path=source, line=None if line is None else line + 1) from None
        g = parse_gazetteer(data, source)
        out[g.city] = g
    return out


def gazetteer_for(city: str | None) -> Gazetteer | None:
    """The gazetteer of ``city`` (株洲市 or 株洲), if one is known."""
    if not city:
        return None
    known = all_gazetteers()
    return known.get(city) or next((g for g in known.values() if city in (g.short, g.city)), None)


def city_of(texts: Iterable[str]) -> Gazetteer | None:
    """The known city named first in ``texts`` (issuers first, then titles)."""
    known = list(all_gazetteers().values())
    for text in texts:
        if not text:
            continue
        for g in known:
            if g.short in text:
                return g
    return None
