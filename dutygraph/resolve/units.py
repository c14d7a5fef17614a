"""Canonical units: one name, id and kind for every way a plan prints a unit.

Names are resolved within the document's city: in a Zhuzhou plan 市发改委,
株洲市发改委 and 发改委 are all 株洲市发展和改革委员会. Aliases and short forms come
from ``data/unit_aliases.csv``; districts, zones and collectives from the city's
gazetteer. Traditional script is folded to Simplified for matching only.

>>> from dutygraph.resolve.gazetteer import gazetteer_for
>>> r = UnitResolver(gazetteer_for("株洲市"))
>>> u = r.resolve("市发改委")
>>> u.id, u.name, u.kind
('unit/株洲市发展和改革委员会', '株洲市发展和改革委员会', 'department')
>>> r.resolve("清水塘投资集团").id == r.resolve("市清水塘投资集团").id
True
>>> r.resolve("株洲县人民政府").name, r.resolve("株洲县人民政府").place
('株洲市渌口区人民政府', '渌口区')
>>> r.resolve("市發展和改革委員會").name
'株洲市发展和改革委员会'
>>> [r.resolve(n).kind for n in ["株洲银监分局", "中级人民法院", "各县市区人民政府", "市直机关工委"]]
['vertical_agency', 'court_procuratorate', 'collective', 'party_office']
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..text.normalize import clean
from .gazetteer import Gazetteer

KINDS = (
    "party_office", "government_office", "department", "district_government", "management_committee",
    "court_procuratorate", "vertical_agency", "state_owned_group", "enterprise", "collective", "other",
)

_COLLECTIVE = re.compile(r"^(各|相关|有关|其他|其它|全市|所在)|所在地|等单位$|等部门$")
_KIND_RULES = [
    ("court_procuratorate", re.compile(r"(法院|检察院)$")),
    ("vertical_agency", re.compile(r"人民银行|银监|证监|保监|银保监|海关|税务|气象|邮政管理|调查队|烟草|海事|出入境|边检|供电")),
    ("party_office", re.compile(r"^中共|党委|党工委|工委|机关工作委员会|纪委|市委|区委|县委|组织部|宣传部|统战部|政法委|编办")),
    ("management_committee", re.compile(r"管委会$|(开发区|示范区|园区|新区|高新区|经开区|景区|新城|片区)管理委员会$")),
    ("district_government", re.compile(r"[区县市旗]人民政府$|[区县市旗]政府$")),
    ("government_office", re.compile(r"政府.*(办|办公室)$")),
    ("state_owned_group", re.compile(r"(集团|集团有限公司|投资公司|城投|国投)$")),
    ("enterprise", re.compile(r"(公司|企业|厂|银行|合作社)$")),
    ("department", re.compile(r"(局|委|委员会|办|办公室|中心|支队|大队|总队|指挥部|站|所|院|馆|厅|处|部|署|会|社|联)$")),
]
_ABSOLUTE_PREFIX = re.compile(r"^(中共|中国|国家|全国|省|自治区)")
_TRAILING_ALIAS = re.compile(r"^(.+?)[(（]([^()（）]+)[)）]$")
_GOVERNMENT = re.compile(r"^(.+?)(人民政府|政府)$")


@lru_cache(maxsize=65536)
def simplified(text: str) -> str:
    """``text`` in Simplified script (OpenCC t2s); unchanged when already simplified."""
    if text.isascii():
        return text
    return _converter().convert(text)


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def unit_kind(name: str) -> str:
    """The kind of a unit, by rule on its canonical name.

    >>> unit_kind("株洲市人民政府办公室"), unit_kind("株洲市城发集团"), unit_kind("株洲市公交公司")
    ('government_office', 'state_owned_group', 'enterprise')
    """
    if _COLLECTIVE.search(name):
        return "collective"
    for kind, pattern in _KIND_RULES:
        if pattern.search(name):
            return kind
    return "other"


@dataclass
class Unit:
    """A canonical unit. ``aliases`` collects every printed form seen."""

    id: str
    name: str
    kind: str
    city: str | None = None
    place: str | None = None          # the place a government or committee governs
    aliases: set[str] = field(default_factory=set)
    members: list[str] = field(default_factory=list)  # member unit names of a collective (gazetteer)

    @property
    def collective(self) -> bool:
        return self.kind == "collective"


@lru_cache(maxsize=1)
def _alias_rows() -> tuple[tuple[str, str, str], ...]:
    text = resources.files("dutygraph.data").joinpath("unit_aliases.csv").read_text("utf-8")
    rows = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(rows)))
    return tuple((simplified(clean(r["alias"])), simplified(clean(r["canonical"])), (r.get("city") or "").strip())
                 for r in reader)


class UnitResolver:
    """Resolves printed unit names within one city (known from a gazetteer, or by name only)."""

    def __init__(self, gazetteer: Gazetteer | None = None, city: str | None = None):
        self.gazetteer = gazetteer
        self.city = gazetteer.city if gazetteer else city
        self.short = gazetteer.short if gazetteer else (city[:-1] if city and city.endswith("市") else city)
        self.aliases = {a: c for a, c, scope in _alias_rows() if not scope or scope == self.city}
        self._cache: dict[str, Unit] = {}

    def resolve(self, printed: str) -> Unit:
        """The canonical unit of a name as printed."""
        unit = self._cache.get(printed)
        if unit is None:
            unit = self._resolve(printed)
            self._cache[printed] = unit
        return unit

    def _resolve(self, printed: str) -> Unit:
        name = simplified(clean(printed))
        extra_alias = None
        m = _TRAILING_ALIAS.match(name)
        if m and not name.startswith(("各", "相关")):
            name, extra_alias = m.group(1), m.group(2)
        canonical, place, members = self._canonical(name)
        kind = "collective" if members is not None else unit_kind(canonical)
        if place and kind not in ("district_government", "management_committee"):
            place = None
        unit = Unit(id=f"unit/{canonical}", name=canonical, kind=kind, city=self.city, place=place,
                    aliases={printed.strip()} | ({extra_alias} if extra_alias else set()), members=members or [])
        return unit

    def _alias(self, name: str) -> str:
        return self.aliases.get(name, name)

    def _canonical(self, name: str) -> tuple[str, str | None, list[str] | None]:
        """(canonical name, governed place, members of a collective or None)."""
        g = self.gazetteer
        name = self._alias(name)
        if g is not None:
            entry = g.collective(name)
            if entry is not None:
                return self.city + entry.name, None, []
            gov = _GOVERNMENT.match(name)
            if gov and g.place(gov.group(1)):
                place = g.place(gov.group(1))
                return place.qualified + "人民政府", place.name, None
            for place in g.places:
                if place.governed_by and name in (place.governed_by, self.short + place.governed_by,
                                                  self.city + place.governed_by):
                    return self.city + place.governed_by, place.name, None
        if _COLLECTIVE.search(name):
            return (self.city or "") + name, None, []
        if not self.city:
            return name, None, None
        if name.startswith(self.city):
            relative = "市" + name[len(self.city):]
        elif name.startswith("市"):
            relative = name
        elif _ABSOLUTE_PREFIX.match(name) or (self.short and name.startswith(self.short)):
            return self._alias(name), None, None
        elif g is not None and (place := self._leading_place(name)) is not None:
            # a body of a district or zone: qualified like the place (株洲市天元区…, but 醴陵市… as is)
            return place.qualified[: len(place.qualified) - len(place.name)] + name, None, None
        else:
            relative = "市" + name  # a municipal body printed without its city prefix
        relative = self._alias(relative)
        return self.city + relative[1:], None, None

    def _leading_place_name(self, name: str) -> str:
        for alias, _place in self.gazetteer.place_names():
            if name.startswith(alias) and len(alias) >= 2:
                return alias
        return ""

    def _leading_place(self, name: str):
        prefix = self._leading_place_name(name)
        return self.gazetteer.place(prefix) if prefix else None
