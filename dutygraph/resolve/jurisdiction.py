"""The jurisdiction of a document: the government whose plan it is (province, city, county, district, township).

Read from the issuers first, then the titles (the deepest division named, each
name read inside the one before it: 湖南省岳阳市岳阳楼区 is 岳阳楼区); a name that
several divisions bear (宝山区: 双鸭山's and Shanghai's) is told apart only by
evidence: the document number's abbreviation (株政办发: 株洲, 粤府办: 广东), the
townships and counties the tasks name, or the places the units' names carry (上海市
绿化市容局). Without it no division is picked: the reading is ambiguous, lists the
candidates and keeps the level they share (a province), if any. A document naming no
government is placed by those townships alone (苍南县's 灵溪镇, 桥墩镇 …), at the level
its units are printed at (县住建局: the county).

>>> from dutygraph.model import Document
>>> j = jurisdiction_of(Document("a.txt", "关于印发工作要点的通知", issuers=["攸县人民政府办公室"]))
>>> j.name, j.level, j.code, j.basis
('攸县', 'county', '430223', 'issuer')
>>> jurisdiction_of(Document("b.txt", "通知", number="粤府办〔2023〕5号")).name
'广东省'
>>> from dutygraph.model import Task, Provenance
>>> tasks = [Task("1", "罗店镇、月浦镇完成分类示范。", Provenance("c.txt", 9, 9))]
>>> jurisdiction_of(Document("c.txt", "2019年宝山区生活垃圾分类工作任务清单", tasks=tasks)).display
'上海市宝山区'
>>> r = read_jurisdiction(Document("d.txt", "2019年宝山区生活垃圾分类工作任务清单"))
>>> r.jurisdiction is None, r.candidate_names, r.proven
(True, ('双鸭山市宝山区', '上海市宝山区'), None)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..model import Document
from .divisions import (CITY_LEVELS, COUNTY_LEVELS, NATION, PROVINCE_LEVELS, TOWNSHIP_LEVELS, Division,
                        DivisionTable, divisions)

_NUMBER = re.compile(r"^([\u4e00-\u9fff]{1,6}?)(?:政办发|政办函|政发|政函|政办|府办发|府办函|府办|府发|府函|府|委办发|"
                     r"委发|办发|办函|发|函)?[〔\[（(【]")
_TOWNSHIP_END = re.compile(r"镇|乡|街道")
_CENTRAL = re.compile(r"^(国家|国务院|中央|全国|最高人民)|(部|总局|总署)$")
_GENERIC = frozenset({"城区", "郊区", "矿区", "新区", "市区", "县区"})
_QUOTED = re.compile(r"《[^》]*》|“[^”]*”")


@dataclass(frozen=True)
class Jurisdiction:
    """A document's government: its division, and how it was read (issuer, title, number, places)."""

    division: Division
    basis: str

    @property
    def name(self) -> str:
        return self.division.name

    @property
    def level(self) -> str:
        return self.division.level

    @property
    def code(self) -> str | None:
        return self.division.code

    @property
    def key(self) -> str:
        return self.division.key

    @property
    def display(self) -> str:
        """The name printed before its units' names (株洲市天元区); the nation's own name (中华人民共和国)."""
        return divisions().display(self.division) or self.division.name


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern:
    t = divisions()
    names = [n for n in t.names(PROVINCE_LEVELS + CITY_LEVELS + COUNTY_LEVELS) if len(n) >= 2]
    names.sort(key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


@lru_cache(maxsize=1)
def _township_names() -> frozenset[str]:
    return frozenset(d.name for d in divisions().by_key.values() if d.level in TOWNSHIP_LEVELS)


def mentions(text: str, on: str | None = None, table: DivisionTable | None = None) -> list[list[Division]]:
    """The divisions ``text`` names, in order, each read inside the one before it (candidates per name).

    >>> [[d.name for d in ds] for ds in mentions("湖南省岳阳市岳阳楼区人民政府")]
    [['湖南省'], ['岳阳市'], ['岳阳楼区']]
    """
    from .units import simplified

    t = table or divisions()
    text = _QUOTED.sub("", simplified(text or ""))
    out: list[list[Division]] = []
    for m in _name_pattern().finditer(text):
        name = m.group(0)
        if len(name) == 2 and not re.match(r"(人民政府|政府|党委|县委|区委|市委|委员会)", text[m.end():]) and not (
                name not in _GENERIC and (m.start() == 0 or re.match(r"\d", text[m.end():]))):
            continue  # a two-character name (城区, 和县) only where it names a government, opens a title or a year
        options = t.named(name)
        valid = [d for d in options if d.valid_on(on)] or options
        if out:
            inside = [d for d in valid if any(t.within(d, p) for p in out[-1])]
            if inside:
                out.append(inside)
                continue
        out.append(valid)
    return out


def _deepest(found: list[list[Division]]) -> list[Division]:
    return found[-1] if found else []


def _number_abbreviation(number: str | None) -> str:
    m = _NUMBER.match((number or "").strip())
    return m.group(1) if m else ""


def _by_abbreviation(abbr: str, options: list[Division], table: DivisionTable) -> list[Division]:
    if not abbr:
        return options
    first = abbr[0]
    return [d for d in options if any(a.short.startswith(first) or a.abbreviation == first
                                      for a in table.ancestors(d))]


def _from_number(abbr: str, on: str | None, table: DivisionTable) -> list[Division]:
    """Divisions a number's abbreviation stands for: a province's one character (粤), or the first
    characters of a city's or county's short name (株, 攸) where only one bears them."""
    if not abbr:
        return []
    by_abbreviation, by_first = _abbreviations(id(table), table)
    provinces = by_abbreviation.get(abbr[0], [])
    if provinces and len(abbr) == 1:
        return provinces
    found = [d for d in by_first.get(abbr[0], ()) if d.short.startswith(abbr) and d.valid_on(on)]
    return found if len(found) == 1 else []


@lru_cache(maxsize=4)
def _abbreviations(_key: int, table: DivisionTable) -> tuple[dict, dict]:
    """Provinces by their one-character abbreviation; cities and counties by the first character of their short name."""
    by_abbreviation: dict[str, list[Division]] = {}
    by_first: dict[str, list[Division]] = {}
    for d in table.by_key.values():
        if d.level in PROVINCE_LEVELS and d.abbreviation:
            by_abbreviation.setdefault(d.abbreviation, []).append(d)
        if d.level in CITY_LEVELS + COUNTY_LEVELS + PROVINCE_LEVELS and d.short:
            by_first.setdefault(d.short[0], []).append(d)
    return by_abbreviation, by_first


def _place_votes(doc: Document, table: DivisionTable) -> Counter:
    """County-level divisions voted for by the townships (and counties) the tasks and units name."""
    names = _township_names()
    votes: dict[str, set[str]] = {}
    texts = [t.text for t in doc.tasks] + [t.zone or "" for t in doc.tasks]
    texts += [a.unit for t in doc.tasks for a in t.assignments]
    for text in texts:
        for m in _TOWNSHIP_END.finditer(text):
            for length in range(6, 0, -1):
                start = m.start() - length
                if start < 0:
                    continue
                name = text[start:m.end()]
                if name in names:
                    for d in table.named(name):
                        county = table.county_of(d)
                        if county:
                            votes.setdefault(county.key, set()).add(name)
                    break
    return Counter({k: len(v) for k, v in votes.items()})


def _printed_level(doc: Document) -> str:
    """The level most units are printed at: 县 / 区 / 市 / 省 (their first character), or ''."""
    first = Counter(a.unit[0] for t in doc.tasks for a in t.assignments
                    if re.match(r"(省|市(?!场)|县(?!城)|区(?!域))[\u4e00-\u9fff]", a.unit or ""))
    return first.most_common(1)[0][0] if first else ""


@dataclass(frozen=True)
class Reading:
    """What a document's text proves of its government.

    ``jurisdiction`` where one division is named or placed; else, where the name the
    text gives is borne by several divisions and nothing tells them apart,
    ``candidates`` (every division it may mean) and ``proven`` (the deepest division
    they all lie in, a province say, or None)."""

    jurisdiction: Jurisdiction | None
    candidates: tuple[Division, ...] = ()
    proven: Division | None = None

    @property
    def ambiguous(self) -> bool:
        return self.jurisdiction is None and len(self.candidates) > 1

    @property
    def candidate_names(self) -> tuple[str, ...]:
        """The candidates as their governments' names are printed (双鸭山市宝山区, 上海市宝山区)."""
        return tuple(divisions().display(d) or d.name for d in self.candidates)


def jurisdiction_of(doc: Document, table: DivisionTable | None = None) -> Jurisdiction | None:
    """The jurisdiction of ``doc``, or None where nothing names or places it or the name is ambiguous."""
    return read_jurisdiction(doc, table).jurisdiction


def read_jurisdiction(doc: Document, table: DivisionTable | None = None) -> Reading:
    """The jurisdiction of ``doc``, or the candidates of an ambiguous name (see :class:`Reading`)."""
    t = table or divisions()
    on = doc.issued or doc.published
    abbr = _number_abbreviation(doc.number or (doc.title if _NUMBER.match(doc.title or "") else None))
    options, basis = [], ""
    for issuer in doc.issuers:
        options = _deepest(mentions(issuer, on, t))
        if options:
            basis = "issuer"
            break
    if not options:
        # the plan a notice issues (印发《…》), or the plan's own title; not a law the title quotes
        issued_plan = re.search(r"印发《([^》]+)》", doc.title or "")
        published = (doc.plan_title or issued_plan.group(1)) if issued_plan else (
            doc.plan_title if doc.plan_title and f"《{doc.plan_title}》" not in (doc.title or "") else None)
        for text in (doc.title, published):
            options = _deepest(mentions(text or "", on, t))
            if options:
                basis = "title"
                break
    if len(options) > 1:
        options = _by_abbreviation(abbr, options, t) or options
    votes = None
    if len(options) > 1:
        votes = _place_votes(doc, t)
        options = _best(options, lambda d: sum(n for k, n in votes.items()
                                               if t.within(t.get(k), d) or t.within(d, t.get(k))))
    if len(options) > 1:
        options = _best(options, _unit_evidence(doc, options, t))
    if len({d.key for d in options}) > 1:
        return Reading(None, tuple(options), _shared(options, t))
    if not options and (abbr == "国" or any(i.startswith(("国务院", "中共中央", "中华人民共和国")) for i in doc.issuers)):
        options, basis = [t.get(NATION.key)], "number" if abbr == "国" else "issuer"
    if not options:
        options = _from_number(abbr, on, t)
        basis = "number" if options else ""
    if not options:
        votes = _place_votes(doc, t) if votes is None else votes
        ranked = votes.most_common(2)
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            county = t.get(ranked[0][0])
            level = _printed_level(doc)
            if level == "市" and county.level != "county_city":
                county = t.city_of(county) or county
            options, basis = [county], "places"
    if not options:
        options = _by_units(doc, t)
        basis = "units" if options else ""
    return Reading(Jurisdiction(options[0], basis) if options else None)


def _best(options: list[Division], score) -> list[Division]:
    """The options with the highest score, where it is above zero; all of them otherwise."""
    scores = [score(d) for d in options]
    top = max(scores)
    return [d for d, s in zip(options, scores) if s == top] if top > 0 else options


def _unit_evidence(doc: Document, options: list[Division], table: DivisionTable):
    """A score per option: how many units name a place (上海市绿化市容局, 双鸭山市财政局) that lies in or
    around the option and not around every other one."""
    on = doc.issued or doc.published
    named: list[list[Division]] = []
    for unit in {a.unit for task in doc.tasks for a in task.assignments}:
        found = [d for ds in mentions(unit, on, table) for d in ds]
        if found:
            named.append(found)

    def related(d: Division, found: list[Division]) -> bool:
        return any(table.within(d, f) or table.within(f, d) for f in found)

    def score(d: Division) -> int:
        return sum(1 for found in named if related(d, found) and not all(related(o, found) for o in options))
    return score


def _shared(options: list[Division], table: DivisionTable) -> Division | None:
    """The deepest division every option lies in (their province, say), or None."""
    common = [a for a in table.ancestors(options[0]) if all(table.within(o, a) for o in options[1:])]
    return common[0] if common else None


def _by_units(doc: Document, table: DivisionTable) -> list[Division]:
    """The division the units' names place the document in: those that name a division (人民银行广东省分行,
    杭州市政府) vote for the province, city or county at the level most units are printed at (省X厅: a
    province); one clear winner or none."""
    level = _printed_level(doc)
    units = {a.unit for task in doc.tasks for a in task.assignments}
    central = [u for u in units if _CENTRAL.search(u)]
    if not level and len(central) >= 3 and len(central) * 2 > len(units):
        return [table.get(NATION.key)]  # 教育部, 财政部, 国家发展改革委 …: the central government's plan
    if not level:
        return []
    pick = {"省": table.province_of, "市": table.city_of, "县": table.county_of, "区": table.county_of}[level]
    votes: Counter = Counter()
    for unit in units:
        found = _deepest(mentions(unit, doc.issued or doc.published, table))
        chosen = {pick(d) for d in found} - {None}
        if len(chosen) == 1:
            votes[chosen.pop().key] += 1
    ranked = votes.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return [table.get(ranked[0][0])]
    return []
