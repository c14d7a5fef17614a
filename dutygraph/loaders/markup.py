"""Markdown markup around a plan's text: headings, bullets and bold labels, as a Markdown copy prints them.

A plan kept as Markdown (a repository's index of documents, a note app's export, a web page's Markdown dump)
prints its items and labels with markup: ``## 1. 建成示范片区`` (a heading), ``- 牵头单位：县农业农村局``
(a bullet), ``**牵头单位**：县农业农村局`` (a bold label). The reader reads the text under it: the heading's
and the bullet's marks and the bold marks are dropped from each line's cleaned text (its raw form is kept, so
that tables between bars read their cells as printed). A heading mark is dropped only before Chinese text, a
number or a bracket (a ``# source:`` comment line stays as it is); a bullet only before text that is no number
(``- 1 -`` is a page number); bold marks only in pairs around text (``张**、李**`` masks names).

>>> raw = ["## 1. 建成示范片区", "- **牵头单位**：县农业农村局", "- 1 -", "# source: x", "**配合单位**:县财政局", "张**、李**"]
>>> texts = ["".join(r.split()) for r in raw]
>>> plain_markdown(raw, texts)
>>> texts
['1.建成示范片区', '牵头单位：县农业农村局', '-1-', '#source:x', '配合单位:县财政局', '张**、李**']
"""

from __future__ import annotations

import re

__all__ = ["has_markdown", "plain_markdown"]

# a heading (## ) before Chinese text, a number or a bracket; a bullet (- * +) before text that is no number
_LEAD = re.compile(r"[ \t]*(?:#{1,6}[ \t]+(?=[\u4e00-\u9fff\d(（〔【第])|[-*+][ \t]+(?=[^\d\s\-*+]|\*\*[^\s*]))")
_LEAD_STARTS = frozenset("#-*+ \t")
# bold text between pairs of ** (not the stars that mask a name: 张**、李**)
_BOLD = re.compile(r"\*\*(?=[^\s*、，,;；。])(.+?)(?<=[^\s*])\*\*")


def has_markdown(text: str) -> bool:
    """Whether ``text`` may hold Markdown markup (cheap substring tests: most plans hold none; a search for one
    character is several times faster than one for two)."""
    return "*" in text or "#" in text or "- " in text


def plain_markdown(raw_lines: list[str], texts: list[str]) -> None:
    """Drop the markup of each line from its cleaned text (``texts``, in place)."""
    for k, raw in enumerate(raw_lines):
        if not raw:
            continue
        lead = _LEAD.match(raw) if raw[0] in _LEAD_STARTS else None
        if lead is not None:
            marks = "".join(lead.group().split())
            if texts[k].startswith(marks):
                texts[k] = texts[k][len(marks):]
        if "**" in texts[k]:
            texts[k] = _BOLD.sub(r"\1", texts[k])
