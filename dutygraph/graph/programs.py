"""Programs: a key work together with the annexes that detail it.

An annex is matched to the key work whose title (and, more weakly, text) holds
most of the bigrams of the annex's core title (its title without the year and
"重点任务表"). A key work may take several annexes; an annex that matches none
forms a program of its own.

>>> core_of_annex("2018年清水塘老工业区搬迁改造重点任务表")
'清水塘老工业区搬迁改造'
>>> core_of_key_work("全力推进清水塘老工业区搬迁改造")
'清水塘老工业区搬迁改造'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Annex, Document, KeyWork

_ANNEX_NOISE = re.compile(r"^(?:\d{4}\s*年?度?)|(?:重点任务|主要任务|任务)?(?:分工|分解|责任)?(?:表|清单|一览表)$")
_LEADING_VERBS = re.compile(
    r"^(?:全力|全面|加快|大力|积极|主动|深入|持续|切实|进一步|严格|着力|扎实|稳步|强化|加强|推进|推动|深化|提升|"
    r"实施|开展|抓好|做好|打好|落实|完善|建设|放大)+")
MIN_SCORE = 0.25


def core_of_annex(title: str) -> str:
    core = title
    for _ in range(3):
        core = _ANNEX_NOISE.sub("", core).strip()
    return core or title


def core_of_key_work(title: str) -> str:
    core = _LEADING_VERBS.sub("", title)
    return core if len(core) >= 2 else title


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _containment(part: str, whole: str) -> float:
    grams = _bigrams(part)
    return sum(g in whole for g in grams) / len(grams) if grams else 0.0


@dataclass
class Program:
    """A key work and its annexes (either may be missing)."""

    key: str                       # "二(二)" or "annex-8"
    title: str
    core: str
    key_work: KeyWork | None = None
    annexes: list[Annex] = field(default_factory=list)


def match_programs(doc: Document) -> list[Program]:
    """The programs of a document, key works first (in printed order), then unmatched annexes."""
    programs = {kw.ref: Program(kw.ref, kw.title, core_of_key_work(kw.title), kw) for kw in doc.key_works}
    orphans = []
    for annex in doc.annexes:
        core = core_of_annex(annex.title)
        best, best_score = None, 0.0
        for kw in doc.key_works:
            score = 0.6 * _containment(core, kw.title) + 0.4 * _containment(core, kw.text)
            if score > best_score:
                best, best_score = kw, score
        if best is not None and best_score >= MIN_SCORE:
            programs[best.ref].annexes.append(annex)
        else:
            orphans.append(Program(f"annex-{annex.number}", annex.title, core, None, [annex]))
    return list(programs.values()) + orphans
