"""The outline of a plan's body: sections, key works, targets and the annex list.

>>> from .lines import to_lines
>>> ls = to_lines("一、总体思路和主要目标\\n(一)总体思路:坚持改革。\\n(二)主要目标:森林覆盖率稳定在61%以上。\\n"
...               "二、重点工作\\n(一)全面深化改革。全面落实。\\n附件:1.2018年改革任务表\\n2.2018年搬迁任务表")
>>> o = read_outline(ls, 0, len(ls), "p.txt")
>>> [(k.ref, k.title) for k in o.key_works], [t.indicator for t in o.targets]
([('二(一)', '全面深化改革')], ['森林覆盖率'])
>>> o.annex_titles
{1: '2018年改革任务表', 2: '2018年搬迁任务表'}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import KeyWork, Provenance, Section, Target
from ..text.markers import match_section, match_subsection
from ..text.targets import parse_targets
from .lines import Line

# Sections that frame the work rather than list it (思路, 目标, 保障措施 …).
_FRAMING = re.compile(r"思路|目标|原则|意义|保障|措施|要求|组织|领导|步骤|安排|背景|依据")
_TARGET_TITLE = re.compile(r"目标")
_ANNEX_LIST_FIRST = re.compile(r"^附件[:：]\s*(\d{1,2})\s*[.．、]\s*(.+)$")
_ANNEX_LIST_NEXT = re.compile(r"^(\d{1,2})\s*[.．、]\s*(.+)$")
_TITLE_END = re.compile(r"[。:：;；!！?？]")


@dataclass
class Outline:
    sections: list[Section] = field(default_factory=list)
    key_works: list[KeyWork] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    annex_titles: dict[int, str] = field(default_factory=dict)


def annex_list_end(lines: list[Line], k: int, end: int) -> int | None:
    """The index after the annex list opening at ``lines[k]`` (附件:1.申请表 / 2.流程图, numbered in turn, titles
    with no sentence in them), or None when no annex list opens there.

    >>> from .lines import to_lines
    >>> ls = to_lines("附件:1.材料清单\\n\\n2.申请表\\n3.推进县域改革。\\n")
    >>> annex_list_end(ls, 0, len(ls)), annex_list_end(ls, 2, len(ls))
    (3, None)
    """
    m = _ANNEX_LIST_FIRST.match(lines[k].text)
    if m is None or _SENTENCE_IN.search(m.group(2)):
        return None
    expect = int(m.group(1)) + 1
    k += 1
    after = k
    while k < end:
        t = lines[k].text
        if t:
            nm = _ANNEX_LIST_NEXT.match(t)
            if nm is None or int(nm.group(1)) != expect or _SENTENCE_IN.search(nm.group(2)):
                break
            expect += 1
            after = k + 1
        k += 1
    return after


_SENTENCE_IN = re.compile(r"[。；;，,]")


def split_title(text: str) -> tuple[str, str]:
    """The heading of a paragraph (up to its first 。 or :) and the rest.

    >>> split_title("全力推进清水塘老工业区搬迁改造。坚持挂图作战")
    ('全力推进清水塘老工业区搬迁改造', '坚持挂图作战')
    """
    m = _TITLE_END.search(text)
    if not m or m.start() > 60:
        return text, ""
    return text[: m.start()], text[m.end():]


def read_outline(lines: list[Line], start: int, end: int, source: str) -> Outline:
    """Sections, key works, targets and the annex list found in ``lines[start:end]``."""
    out = Outline()
    section: Section | None = None
    i = start
    while i < end:
        ln = lines[i]
        t = ln.text
        m = _ANNEX_LIST_FIRST.match(t)
        if m:
            out.annex_titles[int(m.group(1))] = m.group(2)
            i += 1
            while i < end and (nm := _ANNEX_LIST_NEXT.match(lines[i].text)):
                out.annex_titles[int(nm.group(1))] = nm.group(2)
                i += 1
            continue
        sec = match_section(t)
        if sec:
            section = Section(sec[0], sec[1], Provenance(source, ln.no, ln.no))
            out.sections.append(section)
            i += 1
            continue
        sub = match_subsection(t)
        if sub and section is not None:
            prov = Provenance(source, ln.no, ln.no)
            title, rest = split_title(sub[1])
            if _TARGET_TITLE.search(title):
                out.targets.extend(parse_targets(rest or sub[1], prov))
            elif not _FRAMING.search(section.title):
                out.key_works.append(KeyWork(f"{section.ref}({sub[0]})", title, sub[1], prov))
        elif section is not None and _TARGET_TITLE.search(section.title) and t:
            out.targets.extend(parse_targets(t, Provenance(source, ln.no, ln.no)))  # straight under a 目标 section
        i += 1
    return out
