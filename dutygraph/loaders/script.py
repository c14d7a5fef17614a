"""Traditional script: read in Simplified, print as the document printed it.

The rules (unit suffixes, role words, labels) are written in Simplified script. A
document in Traditional script is folded to Simplified with OpenCC
(:func:`dutygraph.resolve.units.simplified`) before it is read, and every string
of the result (titles, texts, unit names, leaders) is then given back in the
document's own script: OpenCC's t2s keeps the length of the text, so a string
found at some place of the folded text is printed at the same place of the
original.

>>> folded, printer = fold("(市政府辦公室牽頭,各縣市區政府負責)")
>>> folded
'(市政府办公室牵头,各县市区政府负责)'
>>> printer("市政府办公室"), printer("各县市区政府")
('市政府辦公室', '各縣市區政府')
>>> fold("市发改委牵头")[1]("市发改委")  # Simplified already: nothing to give back
'市发改委'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..resolve.units import simplified


def _identity(text: str) -> str:
    return text


# A pinyin gloss after a character, as pages converted to Traditional script print them: 發(fā)展, 經(jīng)濟.
_GLOSS_BODY = r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7}[)）]"
_GLOSS = re.compile(r"[(（]" + _GLOSS_BODY)
# The same, one pattern per opening bracket: re finds a pattern opening with one character far faster than one
# opening with a class, and the glosses are counted over the whole text (two counts add up: no match holds a bracket
# opening another).
_GLOSS_AFTER = tuple(re.compile(re.escape(bracket) + _GLOSS_BODY) for bracket in "(（")
MIN_GLOSSES = 5


def strip_glosses(text: str) -> tuple[str, list[int] | None]:
    """``text`` without pinyin glosses, and for each character kept its index in ``text`` (None: none found).

    >>> strip_glosses("發(fā)展改革委、財(cái)政部、國(guó)資委負(fù)責(zé)推動(dòng)")[0]
    '發展改革委、財政部、國資委負責推動'
    """
    if sum(len(pattern.findall(text, 0, 20000)) for pattern in _GLOSS_AFTER) < MIN_GLOSSES:
        return text, None
    kept: list[int] = []
    out: list[str] = []
    at = 0
    for m in _GLOSS.finditer(text):
        out.append(text[at:m.start()])
        kept.extend(range(at, m.start()))
        at = m.end()
    out.append(text[at:])
    kept.extend(range(at, len(text)))
    return "".join(out), kept


class Printer:
    """Maps strings of the folded text back to the original script (glosses and all)."""

    def __init__(self, original: str, folded: str, kept: list[int] | None = None):
        if kept is not None:  # glosses were cut: the folded text aligns with the kept characters
            spaces = [k for k, ch in enumerate(original) if not ch.isspace()]
            position = {k: n for n, k in enumerate(spaces)}
            self.kept = [position[k] for k in kept if k in position]
        else:
            self.kept = None
        self.original = "".join(original.split())
        self.folded = "".join(folded.split())
        self.aligned = len(self.original) == len(self.folded) or (
            self.kept is not None and len(self.kept) == len(self.folded))
        self.chars: dict[str, str] = {}
        ambiguous: set[str] = set()
        if self.aligned:
            printed = self.original if self.kept is None else "".join(self.original[k] for k in self.kept)
            for o, f in zip(printed, self.folded):
                if o != f:
                    if self.chars.setdefault(f, o) != o:
                        ambiguous.add(f)
        for f in ambiguous:  # one Simplified character for two Traditional ones: leave it folded
            self.chars.pop(f, None)
        self._cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        if not text or text.isascii():
            return text
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        result = None
        if self.aligned:
            at = self.folded.find("".join(text.split()))
            if at >= 0 and "".join(text.split()) == text:
                if self.kept is None:
                    result = self.original[at:at + len(text)]
                else:  # from its first character to its last, the glosses between them included
                    last = self.kept[at + len(text) - 1]
                    tail = _GLOSS.match(self.original, last + 1)
                    result = self.original[self.kept[at]:tail.end() if tail else last + 1]
        if result is None and self.aligned and len(parts := _JOINTS.split(text)) > 1:
            # a text a reader joined from pieces (a heading, 。, its paragraph): each piece as printed
            result = "".join(self(part) if k % 2 == 0 else part for k, part in enumerate(parts))
        if result is None:
            result = "".join(self.chars.get(ch, ch) for ch in text)
        self._cache[text] = result
        return result


_JOINTS = re.compile(r"([。；;])")  # where readers join pieces of a text (a heading and its paragraph: X。Y)


# Letter-spaced lines, as text copied out of some PDFs prints them (市 发 改 委 牵 头): a character standing alone
# between spaces, twice running, is the cheap sign (one scan for a pattern opening with a space); a line is
# letter-spaced when some pair of CJK characters stands a single space apart and (nearly) none touch, in a text
# where a line has at least three such pairs.
# (The patterns over CJK ranges are compiled only for a text the hint lets through: compiling a class of a wide range
# costs more than reading a plan; the hint's class, any non-ASCII character, is cheap to compile.)
_SPACED_HINT = re.compile(r" [^\x00-\x7f] [^\x00-\x7f] ")
_CJK = r"\u4e00-\u9fff\u3400-\u4dbf"
MIN_SPACED_PAIRS = 3
TOUCHING_SHARE = 4  # a letter-spaced line may hold a few touching pairs (a gloss cut out between them): 1 in 4


@lru_cache(maxsize=1)
def _spacing_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Two CJK characters touching; a single space between two; a single space between two CJK characters or
    full-width marks."""
    marks = _CJK + "\u3001-\u303f\uff01-\uff5e"
    return (re.compile(f"[{_CJK}]{{2}}"), re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])"),
            re.compile(f"(?<=[{marks}]) (?=[{marks}])"))


def unspaced(text: str) -> str:
    """``text`` with the single spaces of its letter-spaced lines taken out (between two CJK characters or
    full-width marks); lines whose characters touch keep every space (a table's cells, a name and its role).

    >>> unspaced("牵 头 单 位 ： 市 发 改 委 、 市 财 政 局\\n市财政局 配合")
    '牵头单位：市发改委、市财政局\\n市财政局 配合'
    >>> unspaced("牵 头 单 位 ： 市 发 改 委\\n财 政 局\\n市 局")
    '牵头单位：市发改委\\n财政局\\n市局'
    >>> unspaced("1 市 财政局 完成")
    '1 市 财政局 完成'
    """
    if _SPACED_HINT.search(text) is None:
        return text
    _TOUCHING, _SPACED_PAIR, _SPACE_IN_WORDS = _spacing_patterns()
    lines = text.split("\n")
    pairs = {k: len(_SPACED_PAIR.findall(line)) for k, line in enumerate(lines) if " " in line}
    spaced = [k for k, n in pairs.items() if n and len(_TOUCHING.findall(lines[k])) * TOUCHING_SHARE <= n]
    if not any(pairs[k] >= MIN_SPACED_PAIRS for k in spaced):
        return text
    for k in spaced:  # in a letter-spaced copy, the short lines (a cell: 财 政 局) are letter-spaced too
        lines[k] = _SPACE_IN_WORDS.sub("", lines[k])
    return "\n".join(lines)


# A role label inside a clause whose colon is a space (…。(牵头领导 张三,责任单位 区卫生健康局)): the label's noun, then
# white space, then a name; the label itself must stand right after a bracket or a clause's punctuation (at a line's
# start the prose reader takes 牵头单位 市发改委 itself, and a table header prints its column names so).
_NOUN_THEN_SPACE = r"(?:单位|部门|处室|科室|股室|机构|领导|负责人|责任人)[ \t\u3000]+(?=[\u4e00-\u9fff])"
_NOUN_SPACE_GATES = tuple(re.compile(re.escape(space) + f"(?<=[位门室构导人]{re.escape(space)})") for space in " \u3000")
# What fold looks for before either: a space after a label's noun or before a letter-spaced run, or an ideographic
# space after a label's noun (two scans for patterns opening with one character, where four would be run).
_FOLD_HINTS = (re.compile(r" (?:(?<=[位门室构导人] )|(?=[^\x00-\x7f] [^\x00-\x7f] ))"), _NOUN_SPACE_GATES[1])
_CLAUSE_START = "(（【[，,；;。"
MAX_LABEL_BACK = 14


@lru_cache(maxsize=1)
def _role_label() -> re.Pattern:
    from ..text.role_cues import alternation

    kinds = ("label.lead", "label.cooperating", "label.responsible", "label.primary", "label.leader")
    return re.compile(r"(?:[省市县区州盟旗镇乡]级?)?(?:" + "|".join(alternation(k) for k in kinds) + ")")


@lru_cache(maxsize=1)
def _noun_then_space() -> re.Pattern:
    return re.compile(_NOUN_THEN_SPACE)


def spaced_colons(text: str) -> str:
    """``text`` with a colon for the space after a role label inside a clause (the colon dropped in the copy).

    >>> spaced_colons("建设食堂。(牵头领导 张三,责任单位 区卫生健康局)")
    '建设食堂。(牵头领导：张三,责任单位：区卫生健康局)'
    >>> spaced_colons("序号 重点任务 牵头单位 责任单位")  # a header's column names: no clause
    '序号 重点任务 牵头单位 责任单位'
    >>> spaced_colons("(牵头单位 配合单位)")  # two labels: a header, no name after the first
    '(牵头单位 配合单位)'
    """
    if not any(gate.search(text) for gate in _NOUN_SPACE_GATES):
        return text  # (scans for patterns opening with one character: cheap, where a class would not be)
    found = None
    for m in _noun_then_space().finditer(text):
        end = m.start() + len(m.group().rstrip())
        start = max(text.rfind(c, max(0, end - MAX_LABEL_BACK), end) for c in _CLAUSE_START)
        if start < 0 or not _role_label().fullmatch(text, start + 1, end):
            continue
        after = m.end()
        word = text[after:after + MAX_LABEL_BACK].split(None, 1)[0] if after < len(text) else ""
        if _role_label().match(word):
            continue  # another label's name: the words of a header
        found = found or []
        found.append((end, m.end()))
    if not found:
        return text
    out, at = [], 0
    for end, stop in found:
        out.append(text[at:end])
        out.append("：")
        at = stop
    out.append(text[at:])
    return "".join(out)


def fold(text: str) -> tuple[str, Callable[[str], str]]:
    """``text`` in Simplified script, letter-spaced lines closed up (:func:`unspaced`), and a function giving
    folded strings back as printed (spaces play no part in that: the printer aligns the text without them)."""
    spaced = any(hint.search(text) for hint in _FOLD_HINTS)
    if spaced:
        text = spaced_colons(text)  # the printer gives names back from the text so read (the colons touch no name)
    stripped, kept = strip_glosses(text) if text else (text, None)
    folded = simplified(unspaced(stripped) if spaced else stripped) if stripped else stripped
    if folded == text:
        return text, _identity
    return folded, Printer(text, folded, kept if kept is not None else None)


def restore_document(doc, printer: Callable[[str], str]) -> None:
    """Give every string of ``doc`` back in the script it was printed in (in place)."""
    if printer is _identity:
        return
    p = printer
    doc.title = p(doc.title)
    doc.plan_title = p(doc.plan_title) if doc.plan_title else doc.plan_title
    doc.issuers = [p(i) for i in doc.issuers]
    doc.number = p(doc.number) if doc.number else doc.number
    for s in doc.sections:
        s.title = p(s.title)
    for k in doc.key_works:
        k.title, k.text = p(k.title), p(k.text)
    for t in doc.targets:
        t.text = p(t.text)
        t.indicator = p(t.indicator) if t.indicator else t.indicator
        t.value = p(t.value) if t.value else t.value
        t.relation = p(t.relation) if t.relation else t.relation
    for a in doc.annexes:
        a.title = p(a.title)
        a.columns = [p(c) for c in a.columns]
    from dataclasses import replace

    for task in [*doc.tasks, *doc.rows]:
        task.text = p(task.text)
        task.title = p(task.title) if task.title else task.title
        task.zone = p(task.zone) if task.zone else task.zone
        task.leaders = [p(x) for x in task.leaders]
        for a in task.assignments:
            a.unit = p(a.unit)
        task.deadlines = [replace(d, printed=p(d.printed)) for d in task.deadlines]
        task.amounts = [replace(m, printed=p(m.printed)) for m in task.amounts]
