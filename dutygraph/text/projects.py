"""Named works (projects) printed in task text: roads, bridges, parks, plants, tunnels …

A name ends with a type word from ``data/project_suffixes.txt`` (路, 大桥, 公园,
污水处理厂, 综合管廊, 项目 …; the longest one gives the type) and starts after a
boundary: punctuation, a list separator (、 和 及 与), a verb or adverb from
``data/project_stopwords.txt`` (加快推进, 启动, 完成 …), a count (8个, 4条) or a full
place name passed in ``places`` (云龙示范区龙母河 → 龙母河). A name needs a distinctive
part: what precedes the type word may not be made only of the common words of
``data/project_generic.txt`` (污水处理厂, 重点项目, 地下综合管廊 are not names).
A phase (一期, 二期, 首期 …) printed right after the name is kept apart.

>>> [(m.name, m.type, m.phase) for m in find_projects("启动岳阳东路、巴陵大桥建设,完成南湖污水处理厂二期工程")]
[('岳阳东路', 'road', None), ('巴陵大桥', 'bridge', None), ('南湖污水处理厂', 'plant', '二期')]
>>> [m.full for m in find_projects("推进湘潭经开区九华湖公园项目", places=["湘潭经开区"])]
['九华湖公园']

Items sharing a type word printed once each get it (a list head after 等 / 等N个, or
the tail of the last item when it only repeats common words):

>>> [m.name for m in find_projects("加快建设路、韶山路等6个综合管廊建设")]
['建设路综合管廊', '韶山路综合管廊']
>>> [m.name for m in find_projects("建设雨湖、岳塘立体停车场", places=["雨湖", "岳塘"])]
['雨湖立体停车场', '岳塘立体停车场']
>>> [(m.name, m.type) for m in find_projects("抓好泰富重装、华菱钢管等项目")]
[('泰富重装', 'project'), ('华菱钢管', 'project')]

Generic phrases, classes and roles are not names:

>>> find_projects("推进污水处理厂及配套管网工程,完成3个示范工程,打造全省物流基地")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

# Types in project_suffixes.txt that are not works.
AREA, STOP, WORD = "area", "stop", "word"
_NOT_WORKS = frozenset({AREA, STOP, WORD})
# Generic heads: an item of "A、B等项目" keeps its own name and takes the head's type.
GENERIC_TYPES = frozenset({"project", "works"})


@dataclass(frozen=True)
class ProjectMention:
    """A named work as found in a text.

    ``name`` is the work's name without its phase, ``phase`` the 一期 / 二期 … printed
    after it. ``text[start:end]`` is what is printed for it; for an item of a list
    sharing its type word (西站南路、栗塘路等8个综合管廊) that is the item alone
    (西站南路) while ``name`` adds the shared part (西站南路综合管廊).
    """

    name: str
    type: str
    phase: str | None
    start: int
    end: int

    @property
    def full(self) -> str:
        """The name with its phase: 河西污水处理厂二期."""
        return self.name + (self.phase or "")


# ---------------------------------------------------------------- lexicons


def _data_lines(filename: str) -> list[str]:
    text = resources.files("dutygraph.data").joinpath(filename).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def project_suffixes() -> dict[str, str]:
    """Type word → type, from ``data/project_suffixes.txt`` (area/stop/word are not works)."""
    out: dict[str, str] = {}
    for line in _data_lines("project_suffixes.txt"):
        parts = line.split()
        out[parts[0]] = parts[1] if len(parts) > 1 else "project"
    return out


@lru_cache(maxsize=1)
def project_stopwords() -> dict[str, str]:
    """Boundary word → kind (boundary, predicate, plural), from ``data/project_stopwords.txt``."""
    out: dict[str, str] = {}
    for line in _data_lines("project_stopwords.txt"):
        parts = line.split()
        out[parts[0]] = parts[1] if len(parts) > 1 else "boundary"
    return out


def _generic_lines() -> list[tuple[bool, list[str]]]:
    out = []
    for line in _data_lines("project_generic.txt"):
        descriptor = line.startswith("descriptor:")
        out.append((descriptor, line.removeprefix("descriptor:").split()))
    return out


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """The common words of ``data/project_generic.txt``."""
    return frozenset(w for _, words in _generic_lines() for w in words)


@lru_cache(maxsize=1)
def descriptor_words() -> frozenset[str]:
    """The common words marked ``descriptor:`` (主体, 地标, 配套 …): they describe a work."""
    return frozenset(w for descriptor, words in _generic_lines() if descriptor for w in words)


@lru_cache(maxsize=4096)
def _descriptors_only(s: str) -> bool:
    """Whether ``s`` is empty or made only of descriptor words."""
    words = descriptor_words()
    reach = [True] + [False] * len(s)
    for i in range(len(s)):
        if reach[i]:
            for j in range(i + 1, min(len(s), i + 4) + 1):
                if s[i:j] in words:
                    reach[j] = True
    return reach[len(s)]


@lru_cache(maxsize=1)
def _org_suffixes() -> tuple[str, ...]:
    from .units import org_suffixes

    return org_suffixes()


# ---------------------------------------------------------------- tokens

_HARD = r"[\s。，,；;：:！!？?“”\"‘’'「」『』—…·/\\|<>《》()（）〔〕【】\[\]]+"
_TITLE = r"《[^》]*》"
_BRACKETED = r"[(（〔【\[][^()（）〔〕【】\[\]]*[)）〕】\]]"
# A number is read from the start of its run of digits or numeral characters (the lookbehinds): a run
# that makes no count or phase from its first character makes none from a later one, so the scanner
# does not read the rest of the run again at every character (10,000 digits: seconds, not minutes).
_NUMERAL = (r"(?:(?<!\d)\d+(?:\.\d+)?"
            r"|(?<![一二三四五六七八九十两几百千万多])[一二三四五六七八九十两几多][一二三四五六七八九十两几百千万多]*)")  # not 万家丽路
_PHASE = r"(?:(?<![一二三四五六七八九十])[一二三四五六七八九十]+|首|(?<!\d)\d+)期(?!间)"
_COUNT_WORD = r"(?:个|条|座|家|项|处|套|批|所|类|种|名|户|亩|公里|千米|台|辆|间|栋|只|大)"
_CONJ = ("以及", "和", "及", "与", "或", "、")
_FULL_PLACE_ENDINGS = tuple("省市县区镇乡村州旗")
# An item that takes a shared tail is a short locative (田心, 醴陵市, 轨道交通城), not a name
# of its own (窑湾历史文化街区 does not take 文化产业园).
_LOCATIVE_MAX = 6


@dataclass(unsafe_hash=True, slots=True)  # never changed; not frozen: made fast (many per text)
class _Tok:
    start: int
    end: int
    cat: str  # hard count phase conj deng boundary predicate plural type place
    word: str
    kind: str = ""  # the type of a type word


_Patterns = tuple[re.Pattern, re.Pattern, re.Pattern]
# What may end a token right before a number: after it the number's lookbehinds do not hold.
_NUMERAL_END = re.compile(r"[\d一二三四五六七八九十两几百千万多]")


@lru_cache(maxsize=16)
def _tokenizer(places: tuple[str, ...]) -> tuple[_Patterns, dict[str, tuple[str, str]]]:
    """The token patterns (with titles, without titles, without the lookbehinds) and the word table."""
    words: dict[str, tuple[str, str]] = {}
    for word, kind in project_stopwords().items():
        words[word] = (kind, "")
    for word in _CONJ:
        words[word] = ("conj", "")
    words["等"] = ("deng", "")
    for word, kind in project_suffixes().items():
        words[word] = ("type", kind)
    for place in places:
        words[place] = ("place", "")
    literal = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    def compiled(title: str, numeral: str, phase: str) -> re.Pattern:
        return re.compile(f"(?P<hard>{title}{_BRACKETED}|{_HARD})|(?P<phase>{phase})"
                          f"|(?P<count>{numeral}{_COUNT_WORD})|(?P<word>{literal})")

    def unguarded(pattern: str) -> str:  # the same without its lookbehinds
        return re.sub(r"\(\?<![^)]*\)", "", pattern)

    patterns = (compiled(_TITLE + "|", _NUMERAL, _PHASE), compiled("", _NUMERAL, _PHASE),
                compiled(_TITLE + "|", unguarded(_NUMERAL), unguarded(_PHASE)))
    return patterns, words


def _tokens(text: str, places: tuple[str, ...]) -> list[_Tok]:
    """The tokens of ``text``, as one left-to-right scan of the token pattern would find them.

    Linear in the length of the text: a number is tried from the start of its run only (a token ending
    in a numeral character is followed by a try without that rule), and after the last 》 the pattern
    leaves out 《title》, which could only fail there, reading to the end of the text at every 《.
    """
    (with_titles, without_titles, unguarded), words = _tokenizer(places)
    last_close = text.rfind("》")
    toks = []
    pos, end = 0, len(text)
    while pos < end:
        m = None
        if pos and _NUMERAL_END.match(text, pos - 1):
            m = unguarded.match(text, pos)
        if m is None:
            m = (with_titles if pos <= last_close else without_titles).search(text, pos)
            if m is None:
                break
        if m.lastgroup == "word":
            cat, kind = words[m.group()]
            toks.append(_Tok(m.start(), m.end(), cat, m.group(), kind))
        else:
            toks.append(_Tok(m.start(), m.end(), m.lastgroup, m.group()))
        pos = m.end()
    return toks


# ---------------------------------------------------------------- common words

_NUMBER_RUN = re.compile(r"[0-9０-９.%]+|[一二三四五六七八九十百千万两零〇几]+")
_DESIGNATION = re.compile(r"(?<![0-9０-９])[0-9０-９]+号")  # from the start of the run: linear
_FILLERS = frozenset("的和与及、之等或个条座家项处套批所类种名户亩台辆间栋只段")


@lru_cache(maxsize=1)
def _max_word() -> int:
    return max(len(w) for w in (*generic_words(), *project_suffixes()))


@lru_cache(maxsize=65536)
def _common(s: str, single_types: bool = True) -> bool:
    """Whether ``s`` is made only of common words, type words, numbers and fillers.

    ``single_types`` lets one-character type words (路, 湖) count as common words.
    """
    generic, types, longest = generic_words(), project_suffixes(), _max_word()
    n = len(s)
    reach = [False] * (n + 1)
    reach[0] = True
    for i in range(n):
        if not reach[i]:
            continue
        m = _NUMBER_RUN.match(s, i)
        if m:
            reach[m.end()] = True
        if s[i] in _FILLERS:
            reach[i + 1] = True
        for j in range(i + 1, min(n, i + longest) + 1):
            w = s[i:j]
            if w in generic or (w in types and (single_types or len(w) > 1)):
                reach[j] = True
    return reach[n]


def _last_before_common(text: str, ends: list[_Tok], e: int) -> _Tok | None:
    """The last of ``ends`` after which ``text`` up to ``e`` is only common words (``_common``): every
    tail is asked of one pass over the text (linear), not each of its own (quadratic in a long name)."""
    tails = _Tails(text, e, single_types=True)
    return next((t for t in reversed(ends) if t.end >= e or tails.at(t.end)), None)


def _distinctive(core: str) -> bool:
    """A proper part before the type word: not only common words (a number 1号 counts)."""
    return bool(core) and (_DESIGNATION.search(core) is not None or not _common(core))


def _ends_with_work(s: str) -> bool:
    types = project_suffixes()
    return any(s.endswith(w) and k not in _NOT_WORKS for w, k in types.items())


def _is_org(s: str) -> bool:
    return s.endswith(_org_suffixes())


def _full_place(word: str) -> bool:
    """A place printed in full (攸县, 云龙示范区): a locative that may stand before a name."""
    if word.endswith(_FULL_PLACE_ENDINGS):
        return True
    return any(word.endswith(w) for w, k in project_suffixes().items() if k == AREA)


# ---------------------------------------------------------------- reading one item


@dataclass(unsafe_hash=True, slots=True)  # never changed; not frozen: made fast (many per text)
class _Piece:
    kind: str  # chunk, or a token category
    start: int
    end: int
    word: str = ""
    toks: tuple[_Tok, ...] = ()


@dataclass(unsafe_hash=True, slots=True)  # never changed; not frozen: made fast (many per text)
class _Res:
    kind: str  # work | area | bare | none
    name: str = ""
    type: str = ""
    phase: str | None = None
    start: int = 0
    end: int = 0
    type_start: int = 0  # where the final type word starts (or the name ends, for a phase alone)
    clean: bool = True  # only common words follow the name in its chunk
    ok: bool = False  # the name has a distinctive part
    short: bool = False  # under two characters before the type word
    area_tail: str = ""  # for an area: what follows it (铜塘湾片区治理 → 治理)


def _resolve(text: str, s: int, e: int, toks: tuple[_Tok, ...], places: frozenset[str]) -> _Res:
    """The work named by the chunk ``text[s:e]``, if any."""
    toks = tuple(t for t in toks if s <= t.start and t.end <= e and t.cat in ("type", "place", "phase"))
    for t in toks:  # a relational word ends the name: 龙母河沿线 → 龙母河
        if t.cat == "type" and t.kind == STOP:
            e = t.start
            toks = tuple(x for x in toks if x.end <= e)
            break
    if e <= s:
        return _Res("none")
    works = [t for t in toks if t.cat == "type" and t.kind not in _NOT_WORKS]
    phase = next((t for t in toks if t.cat == "phase" and t.start > s), None)
    clean = True
    if phase is not None:
        name_end, end = phase.start, phase.end
        last = next((t for t in works if t.end == name_end), None)
        if last is not None:
            type_, type_start = last.kind, last.start
        else:
            after = next((t for t in works if t.start == phase.end), None)
            type_, type_start = (after.kind if after else "project"), name_end
    else:
        ends = [t for t in toks if t.cat == "place" or (t.cat == "type" and t.kind not in (STOP, WORD))]
        last = _last_before_common(text, ends, e)
        if last is None:
            clean = False
            last = works[-1] if works else None
        if last is None:
            return _Res("bare", start=s, end=e)
        if last.cat == "place" or last.kind == AREA:
            return _Res("area", start=s, end=e, area_tail=text[last.end:e])
        name_end = end = last.end
        type_, type_start = last.kind, last.start
    # 清水塘城市公园项目 → 清水塘城市公园; ART示范线项目一期 → ART示范线 + 一期;
    # 清水塘大桥主体工程 → 清水塘大桥 (主体 is a descriptor), but 攸县污水处理厂管网扩建项目 stays whole
    if type_ in GENERIC_TYPES and type_start < name_end:
        inner = next((t for t in reversed(works) if t.end <= type_start and t.start > s
                      and t.kind not in GENERIC_TYPES), None)
        if inner is not None and _descriptors_only(text[inner.end:type_start]):
            name_end, type_, type_start = inner.end, inner.kind, inner.start
            if phase is None:
                end = name_end
    start = s
    # A full place or zone name before a name of its own is a locative: 云龙示范区龙母河 → 龙母河
    for t in toks:
        if t.start >= type_start or t.end >= type_start:
            break
        locative = (t.cat == "place" and t.start == start and _full_place(t.word)) or (
            t.cat == "type" and t.kind == AREA and t.start > start and len(t.word) > 1
            and not any(w.start < t.start for w in works if w.start >= start)
        )  # (城陵矶 is no 城 + 陵矶, 岳阳县城南污水处理厂 no 县城 + 南…)
        if locative and _distinctive(text[t.end:type_start]):
            start = t.end
    name = text[start:name_end]
    core = text[start:type_start]
    if text.startswith("号", type_start):  # 7号线: the number and 号 are the name's own part
        core += "号"
    short = len(core) < 2
    ok = not short and _distinctive(core) and name not in places
    return _Res("work", name, type_, phase.word if phase else None, start, end, type_start, clean, ok, short)


# ---------------------------------------------------------------- pieces and lists


def _pieces(text: str, toks: list[_Tok]) -> list[list[_Piece]]:
    """Segments between hard boundaries, each a list of chunks and boundary pieces."""
    segments: list[list[_Piece]] = []
    current: list[_Piece] = []
    inner: list[_Tok] = []
    chunk_start: int | None = None
    pos = 0

    def close_chunk(upto: int) -> None:
        nonlocal chunk_start, inner
        if chunk_start is not None and upto > chunk_start:
            current.append(_Piece("chunk", chunk_start, upto, text[chunk_start:upto], tuple(inner)))
        chunk_start, inner = None, []

    for t in toks:
        if t.start > pos and chunk_start is None:
            chunk_start = pos
        if t.cat in ("type", "place", "phase"):
            if chunk_start is None:
                chunk_start = t.start
            inner.append(t)
        else:
            close_chunk(t.start)
            if t.cat == "hard":
                if current:
                    segments.append(current)
                current = []
            else:
                current.append(_Piece(t.cat, t.start, t.end, t.word))
        pos = t.end
    if chunk_start is None and pos < len(text):
        chunk_start = pos
    close_chunk(len(text))
    if current:
        segments.append(current)
    return segments


@dataclass(unsafe_hash=True, slots=True)  # never changed; not frozen: made fast (many per text)
class _Head:
    type: str
    text: str
    apposition: bool = False  # after a count (A、B两个X): the items are the X


class _Reader:
    def __init__(self, text: str, places: tuple[str, ...]):
        self.text = text
        self.places = frozenset(places)
        self.found: list[ProjectMention] = []

    def resolve(self, piece: _Piece) -> _Res:
        return _resolve(self.text, piece.start, piece.end, piece.toks, self.places)

    def emit(self, res: _Res, name: str | None = None, type_: str | None = None, phase: str | None = None,
             start: int | None = None, end: int | None = None) -> None:
        self.found.append(ProjectMention(name or res.name, type_ or res.type, phase if name else res.phase,
                                         res.start if start is None else start, res.end if end is None else end))

    def run(self, toks: list[_Tok]) -> list[ProjectMention]:
        for segment in _pieces(self.text, toks):
            self.segment(segment)
        seen, out = set(), []
        for m in sorted(self.found, key=lambda m: (m.start, m.end)):
            key = (m.full, m.start)
            if key not in seen:
                seen.add(key)
                out.append(m)
        return out

    def segment(self, pieces: list[_Piece]) -> None:
        i, n, skip = 0, len(pieces), False
        while i < n:
            piece = pieces[i]
            if piece.kind != "chunk":
                if piece.kind in ("predicate", "plural", "count"):
                    skip = True
                i += 1
                continue
            items, conjs, j = [piece], [], i + 1
            while j + 1 < n and pieces[j].kind == "conj" and pieces[j + 1].kind == "chunk":
                conjs.append(pieces[j])
                items.append(pieces[j + 1])
                j += 2
            head, skip_next = None, False
            if j < n and pieces[j].kind == "deng":
                head, after = self.head(pieces, j + 1)
                if head is not None:
                    j = after
                else:  # what follows 等 names a class (等龙头企业), never a work
                    j, skip_next = j + 1, True
            elif len(items) > 1 and j < n and pieces[j].kind == "count" and pieces[j].start == items[-1].end:
                # 三角坪、金鹗山两个智慧停车场: the count and its head name the items
                head, after = self.head(pieces, j, apposition=True)
                if head is not None:
                    j = after
            # 建成自动监测站3座: a name followed by a count is a class
            counted = head is None and j < n and pieces[j].kind == "count" and pieces[j].start == items[-1].end
            if not skip:
                before = pieces[i - 1] if i > 0 else None
                self.items(self.join(items, conjs), conjs, head, pieces, i, before, counted)
            skip = skip_next
            i = j

    def head(self, pieces: list[_Piece], k: int, apposition: bool = False) -> tuple[_Head | None, int]:
        """The shared head after 等 (等8个综合管廊, 等重点项目, 等项目) or a count (两个停车场)."""
        n = len(pieces)
        if k < n and pieces[k].kind == "count":
            k += 1
        while k < n and pieces[k].kind == "boundary" and pieces[k].word in generic_words():
            k += 1
        if k >= n or pieces[k].kind != "chunk":
            return None, k
        chunk = pieces[k]
        for t in chunk.toks:
            if t.cat == "type" and t.kind not in _NOT_WORKS and _common(self.text[chunk.start:t.start]):
                return _Head(t.kind, self.text[chunk.start:t.end], apposition), k + 1
            if t.cat != "type" or t.kind != WORD:
                break
        return None, k

    def join(self, items: list[_Piece], conjs: list[_Piece]) -> list[_Piece]:
        """Split on 、; split on 和/及/与 only where a side stands as a name, else read one name."""
        listed = any(c.word == "、" for c in conjs)
        out = [items[0]]
        for conj, right in zip(conjs, items[1:]):
            left = out[-1]
            split = conj.word == "、" or listed
            if not split:
                lr, rr = self.resolve(left), self.resolve(right)
                # 龙母河上游段综合治理和环境改造工程 is one name: words follow 河, and the right
                # side is no name by itself
                split = (lr.kind == "work" and lr.clean and lr.end == left.end) or (
                    lr.kind == "area" and not lr.area_tail) or (rr.kind == "work" and rr.ok)
            if split:
                out.append(right)
            else:
                out[-1] = _Piece("chunk", left.start, right.end, self.text[left.start:right.end],
                                 left.toks + right.toks)
        return out

    def extended(self, piece: _Piece, res: _Res, pieces: list[_Piece], i: int, before: _Piece | None) -> _Res:
        """启动建设路 → 建设路, 推进和平路 → 和平路: take back the word a name lost.

        Only for a one-character type word (路, 桥, 港) or a road word with a direction
        (北路, 东路): a bare one takes back up to two characters, one with a character
        before it (平路) only a one-character word (和).
        """
        if not res.short or not res.clean or before is None or before.end != piece.start:
            return res
        if before.kind not in ("boundary", "conj") or before.word == "、":
            return res
        type_word = self.text[res.type_start:res.start + len(res.name)]
        if len(type_word) != 1 and not (len(type_word) == 2 and type_word[0] in "东西南北中" and res.type == "road"):
            return res
        if res.type_start > res.start and len(before.word) > 1:
            return res
        start = max(before.start, piece.start - 2)  # 加快建设路 → 建设路
        if len(before.word) == 1 and i >= 2 and pieces[i - 2].kind == "chunk" and pieces[i - 2].end == start:
            start = pieces[i - 2].start  # 推进自由路: 由 is a boundary word
        toks = tuple(t for t in (pieces[i - 2].toks if start < before.start else ()) + piece.toks)
        longer = _resolve(self.text, start, piece.end, toks, self.places)
        if longer.kind == "work" and not longer.short and longer.name not in self.places:
            return _Res("work", longer.name, longer.type, longer.phase, longer.start, longer.end,
                        longer.type_start, longer.clean, True, False)
        return res

    def one_char(self, res: _Res) -> _Res:
        """渌江、铁河: in a list, one distinctive character before a one-character type word is a name."""
        if res.kind == "work" and res.type_start - res.start == 1 and res.end - res.type_start == 1 \
                and _distinctive(res.name[:1]) and res.name not in self.places:
            return _Res("work", res.name, res.type, res.phase, res.start, res.end, res.type_start, res.clean,
                        True, False)
        return res

    def items(self, items: list[_Piece], conjs: list[_Piece], head: _Head | None, pieces: list[_Piece],
              i: int, before: _Piece | None, counted: bool = False) -> None:
        results = []
        for k, item in enumerate(items):
            res = self.resolve(item)
            if res.short:
                prev = before if k == 0 else next((c for c in conjs if c.end == item.start), None)
                res = self.extended(item, res, pieces, i if k == 0 else -1, prev)
            if res.short and len(items) > 1:
                res = self.one_char(res)
            results.append(res)
        if counted and results[-1].kind == "work" and results[-1].end == items[-1].end:
            results[-1] = _Res("none")
        if head is not None:
            self.with_head(items, results, head)
        else:
            self.shared_tails(items, results)

    def with_head(self, items: list[_Piece], results: list[_Res], head: _Head) -> None:
        for item, res in zip(items, results):
            printed = self.text[item.start:item.end]
            if head.type in GENERIC_TYPES:
                if res.kind == "work" and res.ok:
                    self.emit(res)
                elif _bare(res) or (res.kind == "area" and res.area_tail):
                    if len(printed) >= 2 and _distinctive(printed) and printed not in self.places:
                        self.emit(res, printed, head.type, None, item.start, item.end)
            elif res.kind == "work" and res.ok:
                if res.phase is None and res.type != head.type:
                    self.emit(res, res.name + head.text, head.type, None, res.start, res.end)
                else:
                    self.emit(res)
            elif res.kind == "area" and not res.area_tail:
                if head.type != "park_zone":  # 株洲高新区、醴陵经开区两个园区: the zones are the parks
                    self.emit(res, printed + head.text, head.type, None, item.start, item.end)
            elif _bare(res) and head.apposition and 2 <= len(printed) <= _LOCATIVE_MAX \
                    and _distinctive(printed):
                if not _is_org(printed) and printed not in self.places:
                    self.emit(res, printed + head.text, head.type, None, item.start, item.end)

    def shared_tails(self, items: list[_Piece], results: list[_Res]) -> None:
        pending: list[int] = []
        for k, res in enumerate(results):
            if res.kind == "work" and res.ok:
                self.emit(res)
            cut = _tail_cut(res) if res.kind == "work" and res.ok and res.phase is None else None
            if cut is None:
                pending.append(k)
                continue
            tail, prefix = res.name[cut:], res.name[:cut]
            bare_tail = tail in project_suffixes()
            locative = _ends_with_work(prefix)
            for q in pending:
                other, printed = results[q], self.text[items[q].start:items[q].end]
                if other.kind == "work" and other.ok:
                    if other.phase is None and locative:
                        self.found.pop(self._index(other))
                        self.emit(other, other.name + tail, res.type, None, other.start, other.end)
                elif other.kind == "area" and not other.area_tail and len(printed) <= _LOCATIVE_MAX:
                    if not bare_tail:
                        self.emit(other, printed + tail, res.type, None, items[q].start, items[q].end)
                elif _bare(other) and 2 <= len(printed) <= _LOCATIVE_MAX and _distinctive(printed):
                    if not (bare_tail and _is_org(printed)) and printed not in self.places:
                        self.emit(other, printed + tail, res.type, None, items[q].start, items[q].end)
            pending = []

    def _index(self, res: _Res) -> int:
        for k in range(len(self.found) - 1, -1, -1):
            m = self.found[k]
            if m.start == res.start and m.name == res.name:
                return k
        raise LookupError(res.name)


def _bare(res: _Res) -> bool:
    """An item with no name of its own: no type word, or one that makes no name (河东)."""
    return res.kind == "bare" or (res.kind == "work" and not res.ok)


def _tail_cut(res: _Res) -> int | None:
    """Where the common tail of a name starts: 先锋路|立体停车场, 攸县|污水处理厂管网扩建项目."""
    name = res.name
    common = _Tails(name, len(name), single_types=False)
    for cut in range(1, len(name) - 1):
        # it opens with a word of two characters or more: not 攸|县污水处理厂…
        if common.at(cut) and _opens_with_word(name[cut:cut + _max_word()]) and _distinctive(name[:cut]):
            return cut
    return None


_DIGIT_RUN = frozenset("0123456789０１２３４５６７８９.%")  # the two classes of _NUMBER_RUN
_NUMERAL_RUN = frozenset("一二三四五六七八九十百千万两零〇几")


class _Tails:
    """``_common(s[i:end], single_types)`` for ``i`` going down from ``end``, each worked out once and only
    as far down as asked (linear in all, where asking each tail on its own reads it again every time)."""

    def __init__(self, s: str, end: int, single_types: bool):
        self.s, self.end, self.single = s, end, single_types
        self.good = [True]  # good[k]: the tail from end - k
        self.low = end
        self.run_class, self.run_end = 0, end  # the number run of position low

    def at(self, i: int) -> bool:
        s, good, end = self.s, self.good, self.end
        if i < self.low:
            generic, types, longest = generic_words(), project_suffixes(), _max_word()
        while self.low > i:
            k = self.low - 1
            c = s[k]
            cls = 1 if c in _DIGIT_RUN else 2 if c in _NUMERAL_RUN else 0
            run_end = (self.run_end if cls == self.run_class else k + 1) if cls else 0
            self.run_class, self.run_end = cls, run_end
            ok = bool(cls) and good[end - run_end] or (c in _FILLERS and good[end - k - 1])
            if not ok:
                for j in range(k + 2, min(end, k + longest) + 1):
                    if good[end - j] and (s[k:j] in generic or s[k:j] in types):
                        ok = True
                        break
                else:  # one-character type words count only with single_types
                    ok = good[end - k - 1] and (c in generic or (self.single and c in types))
            good.append(ok)
            self.low = k
        return good[end - i]


def _opens_with_word(s: str) -> bool:
    if _NUMBER_RUN.match(s):
        return True
    words, types = generic_words(), project_suffixes()
    return any(s[:j] in words or s[:j] in types for j in range(2, min(len(s), _max_word()) + 1))


# ---------------------------------------------------------------- entry point


def find_projects(text: str, places: Iterable[str] = ()) -> list[ProjectMention]:
    """The named works printed in ``text``, in printed order.

    ``places`` are known place names (a city's districts, zones and their aliases);
    one printed in full before a name is not part of it, and none is reported itself.
    """
    if not text or not _may_name_work(text):
        return []
    return list(_find(text, tuple(sorted({p for p in places if len(p) >= 2}))))


@lru_cache(maxsize=1)
def _work_words() -> re.Pattern:
    """Any type word of a work (not area, stop or word), or 期 (a phase makes a work without one)."""
    words = sorted((w for w, k in project_suffixes().items() if k not in _NOT_WORKS), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, [*words, "期"])))


def _may_name_work(text: str) -> bool:
    """Whether ``text`` holds a work's type word or 期: every name found ends with a type word of a work or has
    a phase (a list's shared head is one too), so a text without either names none, and is not read.

    >>> _may_name_work("加强组织领导,落实工作责任"), _may_name_work("建设岳阳东路"), _may_name_work("ART示范线一期")
    (False, True, True)
    """
    return _work_words().search(text) is not None


@lru_cache(maxsize=4096)
def _find(text: str, places: tuple[str, ...]) -> tuple[ProjectMention, ...]:
    return tuple(_Reader(text, places).run(_tokens(text, places)))
