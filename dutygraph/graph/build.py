"""Documents in, one canonical responsibility graph out (a networkx MultiDiGraph).

Every node carries ``label`` (one of :data:`~dutygraph.graph.schema.NODE_LABELS`)
and an ``id`` derived from content and position, so the same documents always
give the same graph. Edges are keyed by their type (``DEPENDS_ON`` by type and
basis) and carry their provenance: document, lines and the text as printed.
Units, places and projects are shared: the same unit in two plans is one node,
and what it says of it never depends on the order the documents come in
(:func:`~dutygraph.graph.schema.preferred`).

>>> from dutygraph.model import Document, Task, Provenance, Assignment, Role
>>> p = Provenance("a.txt", 5, 5)
>>> d = Document("a.txt", "湘潭市某计划", issuers=["湘潭市人民政府"],
...              tasks=[Task("A1-1", "做事。", p, annex=1, row=1, assignments=[Assignment("市财政局", Role.LEAD, p)])])
>>> g = build([d])
>>> sorted(n for n in g if g.nodes[n]["label"] == "Unit")
['unit/湘潭市财政局']
>>> g.edges["unit/湘潭市财政局", "doc/a/task/A1-1", "LEADS"]["line_first"]
5
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path, PurePath
from typing import Iterable, Sequence

from ..errors import InputError
from ..model import Document, Provenance, Task
from ..resolve.changes import events_for
from ..resolve.gazetteer import Gazetteer, city_of, gazetteer_for
from ..resolve.jurisdiction import Jurisdiction, read_jurisdiction
from ..resolve.places import PlaceFinder, division_place, places_for
from ..resolve.units import Unit, UnitResolver
from .dependencies import add_dependencies
from .programs import Program, match_programs
from .schema import ROLE_EDGES, SHARED_LABELS, UNION_PROPERTIES, preferred

_HAN = "[\u4e00-\u9fff]"
# A prefecture-level government or party committee, as an issuer prints it: 中共 or 中国共产党 and a
# province (省, 自治区) may come first, a district (区, 县, 旗) may come between; the city is a 市, a
# 盟, a 地区 or an 自治州.
_CITY = re.compile(
    "(?:中国共产党|中共)?"
    f"(?:{_HAN}{{2,3}}省|{_HAN}{{2,6}}?自治区)?"
    f"(?P<city>{_HAN}{{2,4}}?(?:市|盟|地区)|{_HAN}{{2,10}}?自治州)"
    f"(?:{_HAN}{{1,6}}?[区县旗])?"
    "(?:人民政府|政府|委|行政公署|行署)")
_UNSAFE = re.compile(r"[\s/\\#?%\"'<>{}|^`]+")


def city_in(text: str | None) -> str | None:
    """The city whose government or party committee ``text`` (an issuer, a title) names, by rule.

    Used where no gazetteer knows the city. Party and province prefixes are not
    part of it; a 盟, 地区 or 自治州 stands for a city; a province alone is none.

    >>> city_in("中共岳阳市委办公室"), city_in("中国共产党岳阳市委员会"), city_in("岳阳市人民政府办公室")
    ('岳阳市', '岳阳市', '岳阳市')
    >>> city_in("湖南省岳阳市人民政府"), city_in("中共湖南省岳阳市委"), city_in("岳阳市岳阳楼区人民政府")
    ('岳阳市', '岳阳市', '岳阳市')
    >>> city_in("广西壮族自治区南宁市人民政府"), city_in("北京市人民政府")
    ('南宁市', '北京市')
    >>> city_in("湘西土家族苗族自治州人民政府"), city_in("内蒙古自治区锡林郭勒盟行政公署")
    ('湘西土家族苗族自治州', '锡林郭勒盟')
    >>> city_in("阿克苏地区行政公署")
    '阿克苏地区'
    >>> [city_in(t) for t in ("湖南省人民政府办公厅", "中共湖南省委", "新疆维吾尔自治区人民政府", "市人民政府", None)]
    [None, None, None, None, None]
    """
    m = _CITY.search(text or "")
    return m.group("city") if m else None


def _safe(text: str) -> str:
    return _UNSAFE.sub("-", text).strip("-")


def document_key(source: str) -> str:
    """A stable key for a document: its file name without suffix, made safe for ids.

    >>> document_key("examples/zhuzhou-2018-liangxing-plan.txt")
    'zhuzhou-2018-liangxing-plan'
    """
    return _safe(Path(source).stem) or "document"


def _file(doc: Document) -> str:
    """The file a document was read from, as an absolute, normalised path (no symlinks resolved)."""
    return os.path.normpath(os.path.abspath(doc.source))


def _same_document(a: Document, b: Document) -> bool:
    """Read from the same file with the same content (the same document given twice)."""
    if a is b:
        return True
    if _file(a) != _file(b):
        return False
    if a.sha256 and b.sha256:
        return a.sha256 == b.sha256
    return {**a.to_dict(), "source": None} == {**b.to_dict(), "source": None}  # built in memory: no hash


def _namesake_keys(stem: str, files: list[str]) -> dict[str, str]:
    """Keys for different files whose names give the same key ``stem``: the nearest folders appended, as
    few as tell them apart (2018/plan.txt, 2019/plan.txt: plan-2018, plan-2019), and the suffix as well
    where two share a folder (plan.txt, plan.docx: plan-2018-txt, plan-2018-docx)."""
    folders = {f: tuple(p for p in PurePath(f).parent.parts if p != PurePath(f).anchor) for f in files}
    distinct = len(set(folders.values()))
    depth = 1
    while len({folders[f][-depth:] for f in files}) < distinct:
        depth += 1
    in_folder = Counter(folders.values())
    keys = {}
    for f in files:
        parts = [stem, *folders[f][-depth:]]
        if in_folder[folders[f]] > 1 and PurePath(f).suffix:
            parts.append(PurePath(f).suffix[1:])
        keys[f] = _safe("-".join(parts)) or stem
    return keys


def document_keys(documents: Sequence[Document]) -> list[str]:
    """The key of each document of one build, whatever their order (docs/schema.md, Ids).

    A document's key is :func:`document_key` (its file name without suffix) when no
    other file of the build gives the same; files that do (namesakes) get their
    nearest folders appended, as few as tell them apart (see :func:`_namesake_keys`).
    The same file given twice with the same content is the same document, and gets
    the same key. Raises :class:`~dutygraph.errors.InputError`, naming both files,
    when two documents still cannot be told apart.

    >>> from dutygraph.model import Document
    >>> document_keys([Document("2019/plan.txt", "t"), Document("2018/plan.txt", "t"), Document("a.txt", "t")])
    ['plan-2019', 'plan-2018', 'a']
    >>> document_keys([Document("2018/plan.txt", "t"), Document("2019/plan.txt", "t"), Document("plan-2018.txt", "t")])
    Traceback (most recent call last):
    ...
    dutygraph.errors.InputError: 2018/plan.txt and plan-2018.txt would both be doc/plan-2018: rename one of them
    """
    files = [_file(doc) for doc in documents]
    first: dict[str, Document] = {}
    for doc, f in zip(documents, files):
        other = first.setdefault(f, doc)
        if not _same_document(other, doc):
            raise InputError(f"{other.source} and {doc.source} are the same file with different contents: "
                             "give each version a file of its own")
    stems: dict[str, list[str]] = {}
    for f, doc in first.items():
        stems.setdefault(document_key(doc.source), []).append(f)
    key_of: dict[str, str] = {}
    for stem, group in stems.items():
        key_of.update({group[0]: stem} if len(group) == 1 else _namesake_keys(stem, sorted(group)))
    owner: dict[str, str] = {}
    for f in sorted(key_of):
        other = owner.setdefault(key_of[f], f)
        if other != f:
            raise InputError(f"{first[other].source} and {first[f].source} would both be doc/{key_of[f]}: "
                             "rename one of them")
    return [key_of[f] for f in files]


def _props(values: dict) -> dict:
    """Attributes without None values nor empty lists (a missing property, as in Neo4j)."""
    return {k: v for k, v in values.items() if v is not None and (v.__class__ is not list or v)}


def _span(prov: Provenance | None, doc_id: str) -> dict:
    if prov is None:
        return {"document": doc_id}
    return {"document": doc_id, "line_first": prov.first_line, "line_last": prov.last_line}


class GraphBuilder:
    """Adds documents one by one to a MultiDiGraph; shared nodes are merged.

    Give each document the key :func:`document_keys` gives it among all the
    documents (as :func:`build` does); without one, its :func:`document_key` is used.
    """

    def __init__(self):
        import networkx as nx

        self.graph = nx.MultiDiGraph()
        self._keys: dict[str, Document] = {}  # key -> the document it was given to
        self._doc_units: set[str] = set()   # units and places named by the document being added
        self._doc_places: set[str] = set()
        self._doc_unit_calls: dict = {}  # (id of a Unit, printed) -> that Unit, merged for the document being added
        self._doc_id = ""
        self._governed: dict = {}     # unit id -> the resolved Unit (its division, for GOVERNS)
        self._places = None

    # -- nodes and edges -----------------------------------------------------------------
    def node(self, node_id: str, label: str, **props) -> str:
        """Add a node, or merge into it: list properties (aliases, documents) are united and sorted; of
        two values of another property of a shared node, the :func:`~.schema.preferred` one is kept."""
        g = self.graph
        props = _props(props)
        if label in SHARED_LABELS:
            props["documents"] = [self._doc_id]
        for k in UNION_PROPERTIES:
            if k in props:
                props[k] = sorted(set(props[k]))
        if node_id in g:
            _merge(g.nodes[node_id], props, label in SHARED_LABELS)
        else:
            g.add_node(node_id, label=label, id=node_id, **props)
        return node_id

    def edge(self, source: str, target: str, type_: str, key: str | None = None, **props) -> None:
        """Add an edge once per (source, target, key); shared facts (no ``document``) collect the documents
        that imply them, and keep the :func:`~.schema.preferred` of two values of another property."""
        key = key or type_
        g = self.graph
        props = _props(props)
        shared = "document" not in props  # a fact not read from one document's lines: reference-counted
        if shared:
            props["documents"] = [self._doc_id]
        if not g.has_edge(source, target, key):
            g.add_edge(source, target, key=key, type=type_, **props)
        elif shared:  # a document's own edge is added once: the first one stays
            _merge(g.edges[source, target, key], props, shared)

    # -- documents -----------------------------------------------------------------------
    def add(self, doc: Document, key: str | None = None) -> None:
        """Add one document as ``doc/{key}``; InputError if another document was given that key."""
        key = key or document_key(doc.source)
        other = self._keys.setdefault(key, doc)
        if not _same_document(other, doc):
            raise InputError(f"{other.source} and {doc.source} would both be doc/{key}: give them the keys "
                             "document_keys() gives")
        doc_id = f"doc/{key}"
        self._doc_units, self._doc_places = set(), set()
        self._doc_unit_calls = {}
        self._doc_id = doc_id
        on = doc.issued or doc.published
        reading = read_jurisdiction(doc)
        jurisdiction = reading.jurisdiction
        gazetteer, city = _city_and_gazetteer(doc, jurisdiction)
        resolver = UnitResolver(gazetteer, city, jurisdiction=jurisdiction, on=on, scope=key)
        places = PlaceFinder(gazetteer, places_for(jurisdiction.division, gazetteer, on)) if jurisdiction \
            else PlaceFinder(gazetteer)
        self._places = places
        # an ambiguous name (宝山区) is left at the level every candidate shares, its units read as the document's own
        known = jurisdiction or (Jurisdiction(reading.proven, "ambiguous") if reading.proven else None)
        province = resolver.table.province_of(known.division) if known else None
        self.node(doc_id, "Document", name=doc.plan_title or doc.title, title=doc.title, plan_title=doc.plan_title,
                  issuers=list(doc.issuers), issued=doc.issued, published=doc.published, number=doc.number,
                  source=doc.source, sha256=doc.sha256, year=doc.year, city=city,
                  jurisdiction=known.display if known else None,
                  jurisdiction_level=known.level if known else None,
                  adcode=known.key if known else None,
                  jurisdiction_basis="ambiguous" if reading.ambiguous else known.basis if known else None,
                  jurisdiction_candidates=list(reading.candidate_names) or None,
                  province=province.name if province else None)
        for k, target in enumerate(doc.targets, start=1):
            tid = self.node(f"{doc_id}/target/{k}", "Target", name=target.indicator or target.text, text=target.text,
                            indicator=target.indicator, relation=target.relation, value=target.value,
                            **_span(target.provenance, doc_id))
            self.edge(doc_id, tid, "HAS_TARGET", **_span(target.provenance, doc_id), printed=target.text)
            self.edge(tid, doc_id, "IN_DOCUMENT", document=doc_id)
        programs = match_programs(doc)
        program_of_annex = self._add_programs(doc_id, programs)
        for row in doc.rows:
            self._add_task(doc_id, row, "row", program_of_annex, places)
        for task in doc.tasks:
            self._add_task(doc_id, task, "item", program_of_annex, places)
            self._add_assignments(doc_id, task, resolver)
        self._add_collectives_and_places(doc, resolver, gazetteer)
        self._add_change_events(resolver)
        add_dependencies(self, doc_id, doc, programs, program_of_annex, gazetteer, places)

    def _add_programs(self, doc_id: str, programs: list[Program]) -> dict[int, str]:
        program_of_annex: dict[int, str] = {}
        for program in programs:
            pid = self.node(f"{doc_id}/program/{program.key}", "Program", name=program.title, title=program.title,
                            key_work=program.key_work.ref if program.key_work else None,
                            annexes=[a.number for a in program.annexes],
                            annex_titles=[a.title for a in program.annexes], document=doc_id)
            self.edge(pid, doc_id, "IN_DOCUMENT", document=doc_id)
            if program.key_work:
                kw = program.key_work
                kid = self.node(f"{doc_id}/keywork/{kw.ref}", "KeyWork", name=kw.title, ref=kw.ref, title=kw.title,
                                text=kw.text, **_span(kw.provenance, doc_id))
                self.edge(kid, pid, "PART_OF", **_span(kw.provenance, doc_id), printed=kw.title)
                self.edge(kid, doc_id, "IN_DOCUMENT", document=doc_id)
            for annex in program.annexes:
                program_of_annex[annex.number] = pid
        return program_of_annex

    def task_id(self, doc_id: str, task_id: str) -> str:
        return f"{doc_id}/task/{task_id}"

    def _add_task(self, doc_id: str, task: Task, kind: str, program_of_annex: dict[int, str],
                  places: PlaceFinder) -> None:
        nid = self.task_id(doc_id, task.id)
        deadline = task.deadline
        amounts = [a for a in task.amounts if a.value is not None and a.unit == "元"]
        program = program_of_annex.get(task.annex) if task.annex is not None else None
        self.node(nid, "Task", name=task.title if kind == "row" else _short(task.text), task_id=task.id, kind=kind,
                  annex=task.annex, row=task.row, sub=task.sub, title=task.title, text=task.text, zone=task.zone,
                  deadline=deadline.printed if deadline else None, deadline_date=deadline.date if deadline else None,
                  amounts=[a.printed for a in task.amounts],
                  amount_total=sum(a.value for a in amounts) if amounts else None,
                  leaders=list(task.leaders), **_span(task.provenance, doc_id),
                  program=self.graph.nodes[program].get("title") if program else None)
        self.edge(nid, doc_id, "IN_DOCUMENT", document=doc_id)
        span = _span(task.provenance, doc_id)
        if task.parent:
            self.edge(nid, self.task_id(doc_id, task.parent), "PART_OF", **span, basis="row")
        if program:
            self.edge(nid, program, "PART_OF", **span, basis="annex")
        if kind == "item":
            self._locate(nid, task, places, span)

    def _locate(self, nid: str, task: Task, places: PlaceFinder, span: dict) -> None:
        seen = set()
        if task.zone:
            for m in places.find(task.zone):
                pid = self.place_node(m.place)
                seen.add(pid)
                self.edge(nid, pid, "LOCATED_IN", **span, printed=task.zone, basis="zone")
        for m in places.find(task.text):
            pid = self.place_node(m.place)
            if pid not in seen:
                seen.add(pid)
                self.edge(nid, pid, "LOCATED_IN", **span, printed=m.printed, basis="names_place")

    def place_node(self, place) -> str:
        pid = f"place/{place.qualified}"
        self._doc_places.add(pid)
        self.node(pid, "Place", name=place.name, kind=place.kind, city=place.city, qualified=place.qualified,
                  aliases=list(place.aliases), adcode=place.code)
        return pid

    def _unit(self, unit: Unit, printed: str | None = None) -> str:
        key = (id(unit), printed)  # the unit object is kept in the dict: its id is not reused meanwhile
        if key in self._doc_unit_calls:  # the same unit printed the same way again: merging it changes nothing
            self._governed[unit.id] = unit
            return unit.id
        self._doc_unit_calls[key] = unit
        self.node(unit.id, "Unit", name=unit.name, short_name=printed, kind=unit.kind, city=unit.city,
                  place=unit.place, aliases=sorted(unit.aliases | ({printed} if printed else set())),
                  jurisdiction=unit.jurisdiction, adcode=unit.adcode)
        self._governed[unit.id] = unit
        self._doc_units.add(unit.id)
        return unit.id

    def _add_change_events(self, resolver: UnitResolver) -> None:
        _event_edges(self, resolver)

    def _add_assignments(self, doc_id: str, task: Task, resolver: UnitResolver) -> None:
        nid = self.task_id(doc_id, task.id)
        for a in task.assignments:
            unit = resolver.resolve(a.unit)
            uid = self._unit(unit, a.unit)
            self.edge(uid, nid, ROLE_EDGES[a.role.value], **_span(a.provenance or task.provenance, doc_id),
                      printed=a.unit, inferred=a.inferred, basis=a.basis or "printed", role=a.role.value)

    def _add_collectives_and_places(self, doc: Document, resolver: UnitResolver,
                                    gazetteer: Gazetteer | None) -> None:
        """Gazetteer knowledge, marked inferred: members of collectives, governments, places within places."""
        g = self.graph
        for uid in sorted(self._doc_units):
            unit = self._governed.get(uid)
            if unit is not None and unit.division is not None:
                self.edge(uid, self.place_node(division_place(unit.division)), "GOVERNS", inferred=True,
                          basis="divisions")
        for nid in sorted(self._doc_places):
            place = self._places.place(g.nodes[nid]["name"])
            if place is not None and place.within and place.code and "/" in place.code:  # a township
                county = resolver.table.get(place.code.rsplit("/", 1)[0])
                if county is not None:
                    self.edge(nid, self.place_node(division_place(county)), "LOCATED_IN", inferred=True,
                              basis="divisions")
        if gazetteer is None:
            return
        on = doc.issued or doc.published
        for uid in sorted(self._doc_units):
            data = g.nodes[uid]
            if data.get("kind") != "collective":
                continue
            name = data["name"].removeprefix(resolver.city or "")
            for place in gazetteer.members(name, on=on):
                mid = self._unit(resolver.resolve(place.government))
                self.edge(mid, uid, "MEMBER_OF", inferred=True, basis="gazetteer",
                          printed=f"{place.government} ∈ {name}")
        for uid in sorted(self._doc_units):  # members included
            unit = self._governed.get(uid)
            if unit is not None and unit.division is not None:
                self.edge(uid, self.place_node(division_place(unit.division)), "GOVERNS", inferred=True,
                          basis="divisions")
                continue
            place = gazetteer.place(g.nodes[uid].get("place") or "")
            if place is not None:
                self.edge(uid, self.place_node(place), "GOVERNS", inferred=True, basis="gazetteer")
        for nid in sorted(self._doc_places):
            place = gazetteer.place(g.nodes[nid]["name"])
            if place and place.within and gazetteer.place(place.within):
                self.edge(nid, self.place_node(gazetteer.place(place.within)), "LOCATED_IN", inferred=True,
                          basis="gazetteer")


def _event_edges(builder: "GraphBuilder", resolver: UnitResolver) -> None:
    """Each change event a unit of the document takes part in, with the relationship of that unit only
    (the unit on the other side joins the event when a document names it)."""
    g = builder.graph
    for uid in sorted(builder._doc_units):
        unit = builder._governed.get(uid)
        if unit is None or not unit.adcode:
            continue
        for event in _events_for(unit.name, resolver.table.get(unit.adcode)):
            eid = builder.node(event.id, "ChangeEvent", name=event.name, kind=event.kind, date=event.date,
                               cited=event.source, jurisdiction=event.jurisdiction)
            if unit.name in event.original:
                builder.edge(eid, uid, "ORIGINAL_ORGANIZATION", inferred=True, basis="change_events")
            if unit.name in event.resulting:
                builder.edge(eid, uid, "RESULTING_ORGANIZATION", inferred=True, basis="change_events")
    del g


_EVENTS: dict = {}  # (name, division) -> events_for(name, division), for the tables in _EVENTS_OF
_EVENTS_OF: list = [None, None]  # the change-event rows and division table the answers were read from


def _events_for(name: str, owner) -> tuple:
    """:func:`~dutygraph.resolve.changes.events_for`, remembered: a unit is named by many documents (asked
    again when the change-event rows or the division table were read anew)."""
    from ..resolve.changes import _rows
    from ..resolve.divisions import divisions

    tables = [_rows(), divisions()]
    if tables[0] is not _EVENTS_OF[0] or tables[1] is not _EVENTS_OF[1]:
        _EVENTS.clear()
        _EVENTS_OF[:] = tables
    key = (name, owner)
    found = _EVENTS.get(key)
    if found is None:
        if len(_EVENTS) > 1 << 16:
            _EVENTS.clear()
        found = _EVENTS[key] = tuple(events_for(name, owner))
    return found


def _city_and_gazetteer(doc: Document, jurisdiction: Jurisdiction | None) -> tuple[Gazetteer | None, str | None]:
    """The document's city (the prefecture its jurisdiction lies in) and that city's gazetteer, if any."""
    if jurisdiction is not None:
        from ..resolve.divisions import divisions

        city = divisions().city_of(jurisdiction.division)
        if city is None:
            return None, None
        return gazetteer_for(city.name), city.name
    gazetteer = city_of([*doc.issuers, doc.title, doc.plan_title or ""])
    return gazetteer, gazetteer.city if gazetteer else _city_by_rule(doc)


def _city_by_rule(doc: Document) -> str | None:
    """The first city :func:`city_in` finds in the issuers, then the title."""
    return next((city for city in map(city_in, [*doc.issuers, doc.title]) if city), None)


def _merge(data: dict, props: dict, shared: bool) -> None:
    """Merge ``props`` into the attributes of a node or edge met again: lists of UNION_PROPERTIES are
    united; other properties are set where missing and, on shared ones, the preferred value is kept."""
    for k, v in props.items():
        if k in UNION_PROPERTIES:
            data[k] = sorted(set(data.get(k, ())) | set(v))
        elif k not in data:
            data[k] = v
        elif shared:
            data[k] = preferred(data[k], v)


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build(documents: Iterable[Document]):
    """The responsibility graph of ``documents`` as a ``networkx.MultiDiGraph``.

    The graph does not depend on the order of ``documents``: ids come from
    :func:`document_keys`, shared nodes are merged by :func:`~.schema.preferred`.
    """
    documents = list(documents)
    builder = GraphBuilder()
    for doc, key in zip(documents, document_keys(documents)):
        builder.add(doc, key)
    return builder.graph
