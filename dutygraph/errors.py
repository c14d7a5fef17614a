"""The exception hierarchy: one root, specific subclasses.

Every error dutygraph raises on purpose is a :class:`DutygraphError`; the CLI maps
each subclass to a clear one-line message and an exit status.

>>> err = InputError("not a text file", path="a.bin", line=3)
>>> str(err)
'a.bin:3: not a text file'
>>> isinstance(err, DutygraphError)
True
"""

from __future__ import annotations


class DutygraphError(Exception):
    """Root of every error dutygraph raises on purpose."""

    exit_code = 1


class InputError(DutygraphError):
    """A document cannot be read or holds nothing dutygraph recognises.

    ``path`` and ``line`` (1-based) say where; both are optional.
    """

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {self.message}" if where else self.message


class StoreError(DutygraphError):
    """A graph store cannot be reached, read or written."""

    exit_code = 3


class QueryError(DutygraphError):
    """A query is unknown, malformed, refused or failed."""

    exit_code = 4


class AmbiguousNameError(QueryError):
    """A name matches several units (or other nodes): the candidates are the answer.

    ``candidates`` holds one dict per match (name, kind, jurisdiction, documents);
    narrow the question with ``--in`` (a jurisdiction or a document).
    """

    exit_code = 5

    def __init__(self, message: str, candidates: list[dict] | None = None):
        self.candidates = list(candidates or [])
        super().__init__(message)
