"""Canonical units: one name, id and kind for every way a plan prints a unit.

A unit is who it was, where it was: names are resolved within the document's
jurisdiction (:mod:`.jurisdiction`) as printed on the document's date. In a Zhuzhou
plan 市发改委, 株洲市发改委 and 发改委 are all 株洲市发展和改革委员会; in 攸县's plan
县发改局 is 攸县发展和改革局 and 市环保局 is 株洲市环境保护局 (the city above it);
省发展改革委 in a city plan is its province's. A government is named after its
division (攸县人民政府, 株洲市天元区人民政府); a name printed for a former division
stays (株洲县人民政府 in a plan of early 2018). Aliases and short forms come from
``data/unit_aliases.csv``; divisions from the national table (:mod:`.divisions`),
zones and collectives from a city's gazetteer. Traditional script is folded to
Simplified for matching only.

>>> from dutygraph.resolve.gazetteer import gazetteer_for
>>> r = UnitResolver(gazetteer_for("株洲市"))
>>> u = r.resolve("市发改委")
>>> u.id, u.name, u.kind
('unit/株洲市发展和改革委员会', '株洲市发展和改革委员会', 'department')
>>> r.resolve("清水塘投资集团").id == r.resolve("市清水塘投资集团").id
True
>>> r = UnitResolver(gazetteer_for("株洲市"), on="2018-03-31")
>>> r.resolve("株洲县人民政府").name, r.resolve("株洲县人民政府").place
('株洲县人民政府', '株洲县')
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
from .divisions import TOWNSHIP_LEVELS
from .gazetteer import Gazetteer

KINDS = (
    "party_office", "government_office", "department", "district_government", "township_government",
    "management_committee",
    "court_procuratorate", "vertical_agency", "state_owned_group", "enterprise", "collective", "other",
)

_COLLECTIVE = re.compile(r"^(各|相关|有关|其他|其它|全市|所在)|所在地|等单位$|等部门$")
_KIND_RULES = [
    ("court_procuratorate", re.compile(r"(法院|检察院)$")),
    ("vertical_agency", re.compile(r"人民银行|银监|证监|保监|银保监|海关|税务|气象|邮政管理|调查队|烟草|海事|出入境|边检|供电")),
    ("party_office", re.compile(r"^中共|党委|党工委|工委|机关工作委员会|纪委|市委|区委|县委|组织部|宣传部|统战部|政法委|编办")),
    ("management_committee", re.compile(r"管委会$|(开发区|示范区|园区|新区|高新区|经开区|景区|新城|片区)管理委员会$")),
    ("township_government", re.compile(r"[镇乡]人民政府$|[镇乡]政府$|街道办事处$")),
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
    jurisdiction: str | None = None   # the government whose unit it is (攸县, 株洲市天元区, 湖南省)
    adcode: str | None = None         # that division's key (its adcode; county adcode/name for a township)
    division: object = None           # the division a government governs (a Division)
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


# a leading 市 / 县 … before a name, or before a quoted one (市“五水共治”办)
_RELATIVE = re.compile(r"^(省|市(?!场)|州|盟|县(?!城)|区(?!域)|旗|镇|乡)(?=[\u4e00-\u9fff“「])")


class UnitResolver:
    """Resolves printed unit names within one jurisdiction, as of one date.

    ``jurisdiction`` (a :class:`~.jurisdiction.Jurisdiction`) is the document's
    government; without one, a ``gazetteer``'s or ``city``'s division stands for
    it; without any, names stay as printed, and a relative name (县发改局) or a collective of a
    document (``scope``, its key) is that document's own unit, never another plan's.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, city: str | None = None, jurisdiction=None,
                 on: str | None = None, scope: str | None = None):
        from .divisions import divisions

        self.table = divisions()
        self.gazetteer = gazetteer
        self.on = on
        if jurisdiction is None and (gazetteer or city):
            name = gazetteer.city if gazetteer else city
            found = [d for d in self.table.named(name) if d.level in ("city", "prefecture", "municipality")]
            if found:
                from .jurisdiction import Jurisdiction

                jurisdiction = Jurisdiction(found[0], "city")
        self.jurisdiction = jurisdiction
        self.division = jurisdiction.division if jurisdiction else None
        city_division = self.table.city_of(self.division) if self.division else None
        self.city = (gazetteer.city if gazetteer else None) or (city_division.name if city_division else city)
        self.short = gazetteer.short if gazetteer else (self.city[:-1] if self.city and self.city.endswith("市")
                                                        else self.city)
        self.aliases = {a: c for a, c, scope in _alias_rows() if not scope or scope == self.city}
        self._cache: dict[str, Unit] = {}
        self._names_cache: dict[str, object] = {}
        self.scope = scope  # the document's key: where no government is known, relative names stay its own

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
        canonical, place, members, owner, governed = self._canonical(name)
        kind = "collective" if members is not None else unit_kind(canonical)
        if governed is not None and kind in ("district_government", "other"):
            kind = "township_government" if governed.level in TOWNSHIP_LEVELS else "district_government"
        if place and kind not in ("district_government", "township_government", "management_committee"):
            place, governed = None, None
        uid = f"unit/{canonical}"
        if self.scope and self.division is None and not self.city and (kind == "collective" or _RELATIVE.match(name)):
            uid = f"unit/{canonical}@{self.scope}"  # 县发改局 of an unplaced plan: not any other plan's 县发改局
        unit = Unit(id=uid, name=canonical, kind=kind, city=self.city, place=place,
                    aliases={printed.strip()} | ({extra_alias} if extra_alias else set()), members=members or [],
                    jurisdiction=(self.table.display(owner) or owner.name) if owner else None,
                    adcode=owner.key if owner else None,
                    division=governed)
        return unit

    def _alias(self, name: str) -> str:
        return self.aliases.get(name, name)

    def _relative_alias(self, rest: str) -> str:
        """A body's name without its government, its aliases applied (发改委: 发展和改革委员会)."""
        return self._alias("市" + rest)[1:] if self._alias("市" + rest) != "市" + rest else self._alias(rest)

    # -- divisions -----------------------------------------------------------------------
    def _relative_target(self, word: str):
        """The division a leading 市 / 县 / 区 / 省 … means in this document."""
        t, j = self.table, self.division
        if j is None:
            return None
        county = t.county_of(j)
        if word == "省":
            return t.province_of(j) if j.level != "municipality" else None
        if word in "市州盟":
            if j.level in ("city", "prefecture", "municipality", "county_city"):
                return j
            if county is not None and county.level == "county_city":
                return county
            return t.city_of(j) if j.level not in ("province",) else None
        if word in "县区旗":
            if county is not None:
                return county
            return None
        if word in "镇乡":
            return j if j.level in TOWNSHIP_LEVELS else None
        return None

    def _division_named(self, text: str):
        """The division named by ``text`` (full or short name) as of the document's date, nearest the
        document's own jurisdiction; None when none or several equally near."""
        if text in self._names_cache:
            return self._names_cache[text]
        t = self.table
        options = [d for d in t.named(text)]
        if len(text) >= 2:
            options += [d for suffix in ("县", "区", "市") for d in t.named(text + suffix)
                        if d.short == text and d not in options]
        valid = [d for d in options if d.valid_on(self.on)] or options
        found = None
        if valid and self.division is not None:
            for scope in t.ancestors(self.division):
                near = [d for d in valid if t.within(d, scope)]
                if near:
                    found = near[0] if len(near) == 1 else None
                    break
            else:
                found = None
            if found is None and len(valid) == 1 and valid[0].level not in TOWNSHIP_LEVELS:
                found = valid[0]
        elif len(valid) == 1 and valid[0].level not in TOWNSHIP_LEVELS:
            found = valid[0]
        self._names_cache[text] = found
        return found

    def _leading_division(self, name: str):
        """(division, rest) for a name that begins with a division's full name (株洲市环保局, 攸县发改局,
        五星街道); a short name (台州 in 台州湾产业集聚区) is not read as one."""
        for length in range(min(len(name), 12), 1, -1):
            head = name[:length]
            if head[-1] not in "省市州盟县区旗镇乡道" and not head.endswith("地区"):
                continue
            d = self._division_named(head)
            if d is not None and d.name == head:
                return d, name[length:]
        return None, name

    def _government(self, d, suffix: str = "人民政府") -> tuple:
        display = self.table.display(d)
        return display + suffix, d.name, None, d, d

    # -- resolution ----------------------------------------------------------------------
    def _canonical(self, name: str) -> tuple:
        """(canonical name, governed place, members of a collective or None, owning division, governed division)."""
        g, j = self.gazetteer, self.division
        own = self.table.display(j) if j else (self.city or "")
        name = self._alias(name)
        if g is not None:
            entry = g.collective(name)
            if entry is not None:
                return self.city + entry.name, None, [], j and self.table.city_of(j), None
        if _COLLECTIVE.search(name):
            return own + name, None, [], j, None
        gov = _GOVERNMENT.match(name)
        if gov:
            head = gov.group(1)
            target = self._relative_target(head) if head in "省市州盟县区旗镇乡" and len(head) == 1 else None
            if target is None and len(head) >= 2:
                target = self._division_named(head)
            if target is not None:
                return self._government(target)
        if g is not None:
            zone = g.place(gov.group(1)) if gov else None
            if zone is not None and zone.kind == "zone":
                return zone.qualified + "人民政府", zone.name, None, j, None
            for place in g.places:
                if place.governed_by and name in (place.governed_by, self.short + place.governed_by,
                                                  self.city + place.governed_by):
                    return self.city + place.governed_by, place.name, None, j and self.table.city_of(j), None
        if j is None:
            return self._canonical_by_city(name)
        rel = _RELATIVE.match(name)
        if rel:
            target = self._relative_target(rel.group(1))
            if target is not None:
                return self.table.display(target) + self._relative_alias(name[1:]), None, None, target, None
            return name, None, None, None, None
        if name.startswith("中共"):
            d, _rest = self._leading_division(name[2:])
            return name, None, None, d, None
        if _ABSOLUTE_PREFIX.match(name):
            return name, None, None, None, None
        d, rest = self._leading_division(name)
        if d is not None:
            if not rest:  # a division printed as a unit: its government (攸县, 网岭镇), or its office (五星街道)
                if d.level in ("subdistrict", "township_zone", "zone"):
                    return self.table.display(d), d.name, None, d, d
                return self._government(d)
            return self.table.display(d) + self._relative_alias(rest), None, None, d, None
        if self.short and name.startswith(self.short) and self.city:  # 株洲银监分局: the city's, as printed
            return name, None, None, j and self.table.city_of(j), None
        if any(n and n in name for n in (j.name, j.short if len(j.short) >= 2 else "")):
            return name, None, None, j, None  # 人民银行潍坊市中心支行: it names its place itself
        return own + self._relative_alias(name), None, None, j, None  # the document's government's own body

    def _canonical_by_city(self, name: str) -> tuple:
        """Without a jurisdiction: within the city named by rule, if any (the former behaviour)."""
        if not self.city:
            return name, None, None, None, None
        if name.startswith(self.city):
            relative = "市" + name[len(self.city):]
        elif name.startswith("市"):
            relative = name
        elif _ABSOLUTE_PREFIX.match(name) or (self.short and name.startswith(self.short)):
            return self._alias(name), None, None, None, None
        else:
            relative = "市" + name
        relative = self._alias(relative)
        return self.city + relative[1:], None, None, None, None
