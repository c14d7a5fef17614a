"""Forgiving name lookup: aliases, short names, Traditional script, a missing 市 prefix.

A store gives the candidates (id, label, name, aliases); matching happens here,
in Python, the same way for every backend. User text never reaches a query
text: it only selects among ids the store returned.

>>> cands = [Candidate("unit/株洲市环境保护局", "Unit", "株洲市环境保护局", ("市环保局",)),
...          Candidate("unit/株洲市林业局", "Unit", "株洲市林业局", ("市林业局",))]
>>> [c.id for c in match_names("环保局", cands)]
['unit/株洲市环境保护局']
>>> [c.id for c in match_names("株洲市環境保護局", cands)]
['unit/株洲市环境保护局']
>>> closest_names("林业厅", cands)
['株洲市林业局']
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..resolve.units import simplified
from ..text.normalize import clean

_CITY_PREFIX = re.compile(r"^[\u4e00-\u9fff]{2,3}市(?=[\u4e00-\u9fff]{2})")


@dataclass(frozen=True)
class Candidate:
    id: str
    label: str
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def core(name: str) -> str:
    """A name without white space, in Simplified script, without its government: the names of divisions
    it starts with (株洲市, 攸县, 湖南省株洲市天元区) or a relative 市 / 县 / 区 / 省 prefix.

    >>> core("株洲市 發展和改革委員會"), core("市发改委"), core("发改委"), core("县住建局"), core("攸县住房和城乡建设局")
    ('发展和改革委员会', '发改委', '发改委', '住建局', '住房和城乡建设局')
    """
    from ..resolve.jurisdiction import _name_pattern

    text = simplified(clean(name))
    stripped = False
    while True:
        m = _name_pattern().match(text)
        if m is None or len(text) - m.end() < 2:
            break
        text, stripped = text[m.end():], True
    if not stripped:
        text = _CITY_PREFIX.sub("", text, count=1)
    return text[1:] if text[:1] in ("市", "县", "区", "省") and len(text) > 2 else text


def match_names(query: str, candidates: list[Candidate], labels: tuple[str, ...] | None = None,
                substring: bool = False) -> list[Candidate]:
    """Candidates whose name or an alias matches ``query``: exactly, then by core, then (if asked) as a part."""
    pool = [c for c in candidates if labels is None or c.label in labels]
    q = simplified(clean(query))
    exact = [c for c in pool if q in (simplified(n) for n in c.names)]
    if exact:
        return exact
    q_core = core(query)
    by_core = [c for c in pool if q_core in {core(n) for n in c.names}]
    if by_core or not substring:
        return by_core
    return [c for c in pool if any(q in simplified(n) for n in c.names)]


def closest_names(query: str, candidates: list[Candidate], n: int = 5) -> list[str]:
    """The known names closest to ``query``, for a helpful "no such unit" message."""
    names = sorted({c.name for c in candidates})
    q_core = core(query)
    by_core = {core(name): name for name in names}
    close = difflib.get_close_matches(q_core, list(by_core), n=n, cutoff=0.4)
    return [by_core[c] for c in close]
