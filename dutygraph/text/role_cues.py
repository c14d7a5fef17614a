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
