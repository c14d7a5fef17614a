"""The role vocabulary as data: ``data/role_cues.txt`` plus the files named by ``DUTYGRAPH_ROLE_CUES``.

Role cues decide where units stand (a 牵头单位 column, a 责任单位: label, 市发改委牵头); the
lexicon of organisation endings only scores the names found there. Users extend the cues with a
file of the same format, without touching code (see the comments at the top of the data file).

>>> "牵头" in words("word.lead")
True
>>> import re
>>> bool(re.fullmatch(alternation("label.lead"), "牵头责任单位"))
True
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import InputError

ENV = "DUTYGRAPH_ROLE_CUES"


def _parse(text: str, origin: str, into: dict[str, list[str]]) -> None:
    section = None
    for no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            into.setdefault(section, [])
            continue
        if section is None:
            raise InputError("a role cue before any [section] heading", path=origin, line=no)
        if line not in into[section]:
            into[section].append(line)


@lru_cache(maxsize=1)
def _sections() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    _parse(resources.files("dutygraph.data").joinpath("role_cues.txt").read_text("utf-8"), "role_cues.txt", found)
    for name in filter(None, os.environ.get(ENV, "").split(os.pathsep)):
        try:
            text = Path(name).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the role cues named by {ENV}: {exc}", path=name) from None
        _parse(text, name, found)
    return {k: tuple(v) for k, v in found.items()}


def words(section: str) -> tuple[str, ...]:
    """The entries of one section, in file order (shipped first, then the user's)."""
    return _sections().get(section, ())


def alternation(section: str) -> str:
    """The section as one regular-expression alternation (no group around it)."""
    return "|".join(words(section)) or "(?!)"


def _first_chars(items: list, at: int = 0) -> tuple[set[str], bool] | None:
    """The characters a match of parsed pattern ``items[at:]`` may open with, and whether it may be empty; None
    where that is not plain (a class of every character, a back reference …)."""
    from re import _constants as c

    out: set[str] = set()
    for op, av in items[at:]:
        if op is c.LITERAL:
            out.add(chr(av))
            return out, False
        if op is c.IN:
            for kind, arg in av:
                if kind is c.LITERAL:
                    out.add(chr(arg))
                elif kind is c.RANGE and arg[1] - arg[0] <= 200:
                    out.update(chr(x) for x in range(arg[0], arg[1] + 1))
                else:
                    return None
            return out, False
        if op is c.BRANCH or op is c.SUBPATTERN or op in (c.MAX_REPEAT, c.MIN_REPEAT):
            bodies = av[1] if op is c.BRANCH else [av[3]] if op is c.SUBPATTERN else [av[2]]
            empty = op is not c.BRANCH and op is not c.SUBPATTERN and av[0] == 0
            for body in bodies:
                got = _first_chars(list(body))
                if got is None:
                    return None
                out |= got[0]
                empty = empty or got[1]
            if not empty:
                return out, False
        elif op not in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return None
    return out, True


def prefiltered(pattern: str) -> re.Pattern:
    """``pattern`` compiled with a look-ahead for the characters a match may open with, when they are few: a
    search then skips every other position at once instead of trying each alternative there (the role labels
    are some sixty alternatives; a line of text holds a label at one position in hundreds).

    >>> prefiltered("(?:牵头|配合)单位[:：]").pattern
    '(?=[牵配])(?:牵头|配合)单位[:：]'
    """
    try:
        from re import _parser

        got = _first_chars(list(_parser.parse(pattern)))
    except Exception:  # noqa: BLE001 - a private module of the standard library: without it, no look-ahead
        got = None
    if got is None or got[1] or not got[0] or len(got[0]) > 200:
        return re.compile(pattern)
    return re.compile("(?=[" + re.escape("".join(sorted(got[0]))) + "])" + pattern)


# The sections naming each role by one word (牵头, 配合, 责任): every slot of a role (a label, a column header, a
# note, a collective such as 各牵头单位) reads the same words, so a plan printing 主办/协办/承办 where another
# prints 牵头/配合/责任 is read alike in every one of them.
ROLE_WORD_SECTIONS = {"lead": "word.lead", "cooperating": "word.cooperating", "responsible": "role.responsible"}


def role_words(role: str) -> tuple[str, ...]:
    """The words naming ``role`` ("lead", "cooperating", "responsible") in a unit label or a collective.

    >>> "主办" in role_words("lead") and "协办" in role_words("cooperating") and "承办" in role_words("responsible")
    True
    """
    return words(ROLE_WORD_SECTIONS[role])


@lru_cache(maxsize=1)
def any_role_word() -> str:
    """Every role's words as one alternation (no group), longer first (协同 before 同 …).

    >>> import re
    >>> [bool(re.fullmatch("(?:" + any_role_word() + ")单位", w)) for w in ("主责单位", "协管单位", "落实单位", "名称单位")]
    [True, True, True, False]
    """
    found = {w for section in ROLE_WORD_SECTIONS.values() for w in words(section)}
    return "|".join(sorted(found, key=lambda w: (-len(w), w)))
