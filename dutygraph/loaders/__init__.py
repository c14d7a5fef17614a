"""Loaders: one file in, one :class:`~dutygraph.model.Document` out.

The loader is chosen by the file's suffix; each is imported on first use.

>>> sorted(LOADERS)
['.text', '.txt']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from ..errors import InputError
from ..model import Document

# suffix -> "module:function"; plugins named by module path, imported when first needed.
LOADERS: dict[str, str] = {
    ".txt": "dutygraph.loaders.plain_text:load_plain_text",
    ".text": "dutygraph.loaders.plain_text:load_plain_text",
}
DEFAULT_LOADER = LOADERS[".txt"]


def _loader_for(path: Path):
    module, _, func = LOADERS.get(path.suffix.lower(), DEFAULT_LOADER).partition(":")
    return getattr(import_module(module), func)


def load(path: str | Path) -> Document:
    """Read one document; raise :class:`~dutygraph.errors.InputError` when it cannot be used."""
    p = Path(path)
    return _loader_for(p)(p)


@dataclass
class ExtractResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def load_many(paths: list[str | Path]) -> ExtractResult:
    """Load every path; a file that fails is reported in ``errors`` and the rest go on."""
    result = ExtractResult()
    for path in paths:
        try:
            result.documents.append(load(path))
        except InputError as exc:
            result.errors.append(exc)
    return result
