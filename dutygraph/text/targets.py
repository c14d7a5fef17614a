"""Indicators of a 主要目标 paragraph: indicator, relation and value.

>>> t = parse_targets("全市万元GDP能耗下降3.5%以上,城市空气质量优良率达到75%以上,"
...                   "湘江株洲段水质保持在III类标准以上,森林覆盖率稳定在61.95%以上。")
>>> [(x.indicator, x.relation, x.value) for x in t]  # doctest: +NORMALIZE_WHITESPACE
[('全市万元GDP能耗', '下降', '3.5%以上'), ('城市空气质量优良率', '达到', '75%以上'),
 ('湘江株洲段水质', '保持在', 'III类标准以上'), ('森林覆盖率', '稳定在', '61.95%以上')]
"""

from __future__ import annotations

import re

from ..model import Provenance, Target

_RELATIONS = (
    "提高到|提高至|提升到|提升至|降低到|降低至|下降到|下降至|增长到|增加到|减少到|控制在|保持在|稳定在|"
    "维持在|达到|超过|突破|不低于|不高于|不超过|低于|高于|下降|降低|减少|增长|增加|提高|提升|达"
)
_TARGET = re.compile(r"^(?P<indicator>.+?)(?P<relation>" + _RELATIONS + r")(?P<value>.+)$")
_CLAUSE_SPLIT = re.compile(r"[，,；;。]")


def parse_targets(text: str, provenance: Provenance | None = None) -> list[Target]:
    """One :class:`Target` per clause of ``text`` that states a relation to a value."""
    targets = []
    for clause in _CLAUSE_SPLIT.split(text):
        clause = clause.strip()
        m = _TARGET.match(clause)
        if not m or not re.search(r"[\dⅠ-ⅫIVX%]", m.group("value")):
            continue
        targets.append(Target(clause, m.group("indicator"), m.group("relation"), m.group("value"), provenance))
    return targets
