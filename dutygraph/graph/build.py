"""Documents in, one canonical responsibility graph out (a networkx MultiDiGraph).

Every node carries ``label`` (one of :data:`~dutygraph.graph.schema.NODE_LABELS`)
and an ``id`` derived from content and position, so the same documents always
give the same graph. Edges are keyed by their type (``DEPENDS_ON`` by type and
basis) and carry their provenance: document, lines and the text as printed.
Units, places and projects are shared: the same unit in two plans is one node.

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

import re
from pathlib import Path
from typing import Iterable

from ..model import Document, Provenance, Role, Task
from ..resolve.gazetteer import Gazetteer, city_of
from ..resolve.places import PlaceFinder
from ..resolve.units import Unit, UnitResolver
from .dependencies import add_dependencies
from .programs import Program, match_programs
from .schema import ROLE_EDGES, SHARED_LABELS, UNION_PROPERTIES

_CITY = re.compile(r"([\u4e00-\u9fff]{2,4}?市)(?:人民政府|委|政府)")


def document_key(source: str) -> str:
    """A stable key for a document: its file name without suffix, made safe for ids.

    >>> document_key("examples/zhuzhou-2018-liangxing-plan.txt")
    'zhuzhou-2018-liangxing-plan'
    """
    stem = Path(source).stem
    return re.sub(r"[\s/\\#?%\"'<>{}|^`]+", "-", stem).strip("-") or "document"


def _props(**values) -> dict:
    """Attributes without None values (a missing property, as in Neo4j)."""
    return {k: v for k, v in values.items() if v is not None and v != []}


def _span(prov: Provenance | None, doc_id: str) -> dict:
    if prov is None:
        return {"document": doc_id}
    return {"document": doc_id, "line_first": prov.first_line, "line_last": prov.last_line}


class GraphBuilder:
    """Adds documents one by one to a MultiDiGraph; shared nodes are merged."""

    def __init__(self):
        import networkx as nx

        self.graph = nx.MultiDiGraph()
        self._keys: dict[str, str] = {}
        self._doc_units: set[str] = set()   # units and places named by the document being added
        self._doc_places: set[str] = set()
        self._doc_id = ""

    # -- nodes and edges -----------------------------------------------------------------
    def node(self, node_id: str, label: str, **props) -> str:
        """Add a node, or merge into it: list properties (aliases, documents) are united."""
        g = self.graph
        props = _props(**props)
        if label in SHARED_LABELS:
            props["documents"] = [self._doc_id]
        if node_id in g:
            data = g.nodes[node_id]
            for k, v in props.items():
                if k in UNION_PROPERTIES:
                    data[k] = sorted(set(data.get(k, [])) | set(v))
                else:
                    data.setdefault(k, v)
        else:
            g.add_node(node_id, label=label, id=node_id, **props)
        return node_id

    def edge(self, source: str, target: str, type_: str, key: str | None = None, **props) -> None:
        """Add an edge once per (source, target, key); shared facts collect the documents that imply them."""
        key = key or type_
        g = self.graph
        if not g.has_edge(source, target, key):
            g.add_edge(source, target, key=key, type=type_, **_props(**props))
        if props.get("document") is None:  # a fact not read from one document's lines: reference-counted
            data = g.edges[source, target, key]
            data["documents"] = sorted(set(data.get("documents", [])) | {self._doc_id})

    # -- documents -----------------------------------------------------------------------
    def add(self, doc: Document) -> None:
        key = self._unique_key(doc)
        doc_id = f"doc/{key}"
        self._doc_units, self._doc_places = set(), set()
        self._doc_id = doc_id
        gazetteer = city_of([*doc.issuers, doc.title, doc.plan_title or ""])
        city = gazetteer.city if gazetteer else _city_by_rule(doc)
        resolver = UnitResolver(gazetteer, city)
        places = PlaceFinder(gazetteer)
        self.node(doc_id, "Document", name=doc.plan_title or doc.title, title=doc.title, plan_title=doc.plan_title,
                  issuers=list(doc.issuers), issued=doc.issued, published=doc.published, number=doc.number,
                  source=doc.source, sha256=doc.sha256, year=doc.year, city=city)
        for k, target in enumerate(doc.targets, start=1):
            tid = self.node(f"{doc_id}/target/{k}", "Target", name=target.indicator or target.text, text=target.text,
                            indicator=target.indicator, relation=target.relation, value=target.value,
                            **_span(target.provenance, doc_id))
            self.edge(doc_id, tid, "HAS_TARGET", **_span(target.provenance, doc_id), printed=target.text)
            self.edge(tid, doc_id, "IN_DOCUMENT")
        programs = match_programs(doc)
        program_of_annex = self._add_programs(doc_id, programs)
        for row in doc.rows:
            self._add_task(doc_id, row, "row", program_of_annex, places)
        for task in doc.tasks:
            self._add_task(doc_id, task, "item", program_of_annex, places)
            self._add_assignments(doc_id, task, resolver)
        self._add_collectives_and_places(doc, resolver, gazetteer)
        add_dependencies(self, doc_id, doc, programs, program_of_annex, gazetteer, places)

    def _unique_key(self, doc: Document) -> str:
        key = document_key(doc.source)
        if key in self._keys and self._keys[key] != doc.source:
            import hashlib

            key = f"{key}-{hashlib.sha256(doc.source.encode()).hexdigest()[:8]}"
        self._keys[key] = doc.source
        return key

    def _add_programs(self, doc_id: str, programs: list[Program]) -> dict[int, str]:
        program_of_annex: dict[int, str] = {}
        for program in programs:
            pid = self.node(f"{doc_id}/program/{program.key}", "Program", name=program.title, title=program.title,
                            key_work=program.key_work.ref if program.key_work else None,
                            annexes=[a.number for a in program.annexes],
                            annex_titles=[a.title for a in program.annexes], document=doc_id)
            self.edge(pid, doc_id, "IN_DOCUMENT")
            if program.key_work:
                kw = program.key_work
                kid = self.node(f"{doc_id}/keywork/{kw.ref}", "KeyWork", name=kw.title, ref=kw.ref, title=kw.title,
                                text=kw.text, **_span(kw.provenance, doc_id))
                self.edge(kid, pid, "PART_OF", **_span(kw.provenance, doc_id), printed=kw.title)
                self.edge(kid, doc_id, "IN_DOCUMENT")
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
        self.node(nid, "Task", name=task.title if kind == "row" else _short(task.text), task_id=task.id, kind=kind,
                  annex=task.annex, row=task.row, sub=task.sub, title=task.title, text=task.text, zone=task.zone,
                  deadline=deadline.printed if deadline else None, deadline_date=deadline.date if deadline else None,
                  amounts=[a.printed for a in task.amounts],
                  amount_total=sum(a.value for a in amounts) if amounts else None,
                  leaders=list(task.leaders), **_span(task.provenance, doc_id))
        self.edge(nid, doc_id, "IN_DOCUMENT")
        span = _span(task.provenance, doc_id)
        if task.parent:
            self.edge(nid, self.task_id(doc_id, task.parent), "PART_OF", **span, basis="row")
        if task.annex is not None and task.annex in program_of_annex:
            self.edge(nid, program_of_annex[task.annex], "PART_OF", **span, basis="annex")
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
                  aliases=list(place.aliases))
        return pid

    def _unit(self, unit: Unit, printed: str | None = None) -> str:
        self.node(unit.id, "Unit", name=unit.name, short_name=printed, kind=unit.kind, city=unit.city,
                  place=unit.place, aliases=sorted(unit.aliases | ({printed} if printed else set())))
        self._doc_units.add(unit.id)
        return unit.id

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
            place = gazetteer.place(g.nodes[uid].get("place") or "")
            if place is not None:
                self.edge(uid, self.place_node(place), "GOVERNS", inferred=True, basis="gazetteer")
        for nid in sorted(self._doc_places):
            place = gazetteer.place(g.nodes[nid]["name"])
            if place and place.within and gazetteer.place(place.within):
                self.edge(nid, self.place_node(gazetteer.place(place.within)), "LOCATED_IN", inferred=True,
                          basis="gazetteer")


def _city_by_rule(doc: Document) -> str | None:
    for text in [*doc.issuers, doc.title]:
        m = _CITY.search(text or "")
        if m:
            return m.group(1)
    return None


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build(documents: Iterable[Document]):
    """The responsibility graph of ``documents`` as a ``networkx.MultiDiGraph``."""
    builder = GraphBuilder()
    for doc in documents:
        builder.add(doc)
    return builder.graph
