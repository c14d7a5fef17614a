"""Projects named in tasks, and what depends on each program, with the reason why.

A task DEPENDS_ON a program with one basis, the strongest that holds:

``part_of``            the task is in one of the program's annexes;
``explicit_reference`` its text cites one of those annexes (见附件2);
``names_program``      its text or zone names the program's subject: a place the
                       program is about (清水塘), outside any project name, or the
                       program's core title (碧水蓝天行动);
``names_project``      its text names a project whose name carries that subject
                       (清水塘大桥);
``shares_project``     it concerns a project that a task of the program concerns.

Each edge keeps the task's lines and, in ``printed``, the words that show it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Document, Task
from ..resolve.gazetteer import Gazetteer
from ..resolve.places import PlaceFinder
from ..text.projects import find_projects
from .programs import Program

if TYPE_CHECKING:  # pragma: no cover
    from .build import GraphBuilder

_ANNEX_REFERENCE = re.compile(r"附件\s*(\d{1,2})")
MIN_CORE_LENGTH = 4


def _subject_places(program: Program, places: PlaceFinder) -> list:
    """The places a program is about: those its core title or key work title names."""
    found = []
    for text in [program.core] + ([program.key_work.title] if program.key_work else []):
        for mention in places.find(text):
            if mention.place not in found:
                found.append(mention.place)
    return found


def _subject_terms(program: Program, places: PlaceFinder) -> list[str]:
    """Words that name the program: its places (every alias) and its core title."""
    terms: list[str] = []
    for place in _subject_places(program, places):
        for name in place.names:
            if len(name) >= 2 and name not in terms:
                terms.append(name)
    if len(program.core) >= MIN_CORE_LENGTH and program.core not in terms:
        terms.append(program.core)
    return sorted(terms, key=len, reverse=True)


def add_dependencies(builder: "GraphBuilder", doc_id: str, doc: Document, programs: list[Program],
                     program_of_annex: dict[int, str], gazetteer: Gazetteer | None, places: PlaceFinder) -> None:
    """Add Project nodes, CONCERNS edges and DEPENDS_ON edges for one document."""
    city = gazetteer.city if gazetteer else None
    place_names = places.names()
    mentions_of: dict[str, list] = {}
    projects_of: dict[str, set[str]] = {}
    for task in doc.tasks:
        tid = builder.task_id(doc_id, task.id)
        mentions = find_projects(task.text, place_names)
        mentions_of[task.id] = mentions
        projects_of[task.id] = set()
        for m in mentions:
            pid = f"project/{city or '-'}/{m.full}"
            builder.node(pid, "Project", name=m.full, base_name=m.name, type=m.type, phase=m.phase, city=city)
            builder.edge(tid, pid, "CONCERNS", document=doc_id, line_first=task.provenance.first_line,
                         line_last=task.provenance.last_line, printed=task.text[m.start:m.end], basis="names_project")
            projects_of[task.id].add(pid)

    for program in programs:
        if not program.annexes:
            continue
        pid = f"{doc_id}/program/{program.key}"
        annexes = {a.number for a in program.annexes}
        members = [t for t in doc.tasks if t.annex in annexes]
        program_projects = set().union(*(projects_of[t.id] for t in members)) if members else set()
        terms = _subject_terms(program, places)
        for place in _subject_places(program, places):
            builder.edge(pid, builder.place_node(place), "LOCATED_IN", document=doc_id, basis="names_program",
                         printed=program.core, inferred=True)
        for task in doc.tasks:
            if task.annex in annexes:
                basis, printed = "part_of", program.annexes[0].title if len(annexes) == 1 else program.title
            else:
                found = _basis(task, annexes, terms, mentions_of[task.id], projects_of[task.id], program_projects)
                if found is None:
                    continue
                basis, printed = found
            builder.edge(builder.task_id(doc_id, task.id), pid, "DEPENDS_ON", document=doc_id,
                         line_first=task.provenance.first_line, line_last=task.provenance.last_line,
                         printed=printed, basis=basis, inferred=basis != "part_of")


def _basis(task: Task, annexes: set[int], terms: list[str], mentions, task_projects: set[str],
           program_projects: set[str]) -> tuple[str, str] | None:
    for m in _ANNEX_REFERENCE.finditer(task.text):
        if int(m.group(1)) in annexes:
            return "explicit_reference", m.group(0)
    inside_projects = [(m.start, m.end) for m in mentions]
    for term in terms:
        if term in task.text:  # most terms are not: no pattern is looked up for them
            for hit in re.finditer(re.escape(term), task.text):
                if not any(s <= hit.start() < e for s, e in inside_projects):
                    return "names_program", term
        if task.zone and term in task.zone:
            return "names_program", task.zone
    for m in mentions:
        if any(term in m.full for term in terms):
            return "names_project", m.full
    shared = sorted(task_projects & program_projects)
    if shared:
        return "shares_project", shared[0].rsplit("/", 1)[-1]
    return None
