"""Staged rows written straight as CSV for ``neo4j-admin database import``: a sink of the row stream.

:class:`CsvParts` is a sink for :func:`~dutygraph.graph.stream.stage_files` in
place of the Parquet :class:`~dutygraph.graph.staging.Stage`: each worker process
appends the rows of its parts to CSV files of its own, one per label and per
(type, source label, target label) (``nodes_Task.w1234.csv``,
``relationships_LEADS_Unit_Task.w1234.csv``); the shared rows, merged in the main
process, go to ``….shared.csv``. So the import reads a few large files per label
and type (the import tool samples each file before it starts, a tenth of a
second a file on a busy machine: a file per part of 32 documents cost a minute
at 1,000 plans), and no RDF is rendered (``nquads = False``).

Layout of a file: the typed columns of :mod:`dutygraph.graph.schema` without a
header (one header file per label and key is written at the end, see
:meth:`CsvParts.options`), no ``:LABEL`` nor ``:TYPE`` column (the options name
them: ``--nodes=Task=…``), lists joined with the array delimiter given. A row
holding a line break goes to a file of its own kind, ``….multiline.csv``: only
those files are named in ``--multiline-fields`` (format v2); parsing every file
as multiline halves the import tool's speed.

The array delimiter must be chosen before any row is written: each part records
which of :data:`DELIMITERS` occur in its list items (``meta/PART.*.json``, with its
row counts); :meth:`CsvParts.conflict` tells whether the delimiter used occurs,
and the caller writes again with :meth:`CsvParts.safe_delimiter`.

>>> import tempfile
>>> parts = CsvParts(tempfile.mkdtemp())
>>> parts.write_part("p0", {"Unit": [{"id": "unit/a", "name": "A", "aliases": ["a;1", "a2"]}]}, {})
>>> parts.counts()["nodes"], parts.conflict(), parts.safe_delimiter() == DELIMITERS[0]
({'Unit': 1}, False, True)
>>> print(open(parts.files("nodes_Unit")[0], encoding="utf-8").read().replace(DELIMITERS[0], "<D>"), end="")
unit/a,A,,a;1<D>a2,,,,,,
"""

from __future__ import annotations

import csv
import io
import json
import os
import uuid
from pathlib import Path

from ..errors import StoreError
from .neo4j_csv import CSV_TYPES
from .schema import EDGE_PROPERTIES, NODE_LABELS, NODE_PROPERTIES
from .staging import SHARED, edge_keys

# U+001F (the ASCII unit separator) first: plan text does not hold it; the printable ones after it
DELIMITERS = ("\x1f", ";", "|", "¦", "¬")
MULTILINE = ".multiline.csv"


def _option_char(c: str) -> str:
    """A delimiter as the import tool's option takes it (``U+001F`` for a control character)."""
    return c if c.isprintable() else f"U+{ord(c):04X}"


def _join(items, delimiter: str, found: set[str]) -> str | None:
    """A list as one cell (None if empty), the delimiters its items hold added to ``found``."""
    if not items:
        return None
    items = list(map(str, items))
    text = "".join(items)
    for c in DELIMITERS:
        if c in text:
            found.add(c)
    return delimiter.join(items)


def node_file(label: str) -> str:
    return f"nodes_{label}"


def edge_file(key) -> str:
    type_, a, b = key
    return f"relationships_{type_}_{a}_{b}"


class CsvParts:
    """A folder of CSV files for the import tool, appended to part by part (see the module's docstring)."""

    nquads = False  # no RDF is rendered for this sink

    def __init__(self, root: str | Path, delimiter: str = DELIMITERS[0]):
        self.root = Path(root)
        self.delimiter = delimiter

    # -- writing (in the worker processes, and in the main one for the shared part) ------------
    def write_part(self, part: str, nodes: dict[str, list[dict]], edges: dict, nquads=b"") -> None:
        """Append one part's rows (as :meth:`~dutygraph.graph.staging.Stage.write_part` takes them)."""
        self.root.mkdir(parents=True, exist_ok=True)
        suffix = "shared" if part == SHARED else f"w{os.getpid()}"
        rows_of: dict[str, int] = {}
        found: set[str] = set()
        for label, rows in nodes.items():
            if rows:
                columns = ["id", *(p for p in NODE_PROPERTIES[label] if p != "id")]
                kinds = {"id": "STRING", **NODE_PROPERTIES[label]}
                self._append(node_file(label), suffix, rows, columns, kinds, found)
                rows_of[node_file(label)] = len(rows)
        for key, rows in edges.items():
            if rows:
                columns = ["source", "target", *EDGE_PROPERTIES]
                kinds = {"source": "STRING", "target": "STRING", **EDGE_PROPERTIES}
                self._append(edge_file(key), suffix, rows, columns, kinds, found)
                rows_of[edge_file(key)] = len(rows)
        meta = self.root / "meta"
        meta.mkdir(exist_ok=True)
        (meta / f"{part}.{uuid.uuid4().hex}.json").write_text(json.dumps({"rows": rows_of, "found": sorted(found)}),
                                                              encoding="utf-8")

    def _append(self, name: str, suffix: str, rows: list[dict], columns: list[str], kinds: dict[str, str],
                found: set[str]) -> None:
        """Append ``rows`` to this process's file ``name``; a row holding a line break to its multiline file."""
        d = self.delimiter
        special = []  # (position, conversion) of the columns the CSV writer would not write as the tool reads them
        for i, p in enumerate(columns):
            kind = kinds[p]
            if kind.endswith("[]"):
                special.append((i, lambda v: _join(v, d, found)))
            elif kind == "BOOL":
                special.append((i, lambda v: None if v is None else ("true" if v else "false")))
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        table = []
        for r in rows:
            row = [r.get(p) for p in columns]
            for i, convert in special:
                row[i] = convert(row[i])
            table.append(row)
        writer.writerows(table)
        text = out.getvalue()
        if text.count("\n") != len(table) or "\r" in text:  # some value holds a line break: split the rows
            plain, multiline = io.StringIO(), io.StringIO()
            writers = csv.writer(plain, lineterminator="\n"), csv.writer(multiline, lineterminator="\n")
            for row in table:
                broken = any(isinstance(c, str) and ("\n" in c or "\r" in c) for c in row)
                writers[broken].writerow(row)
            self._write(self.root / f"{name}.{suffix}{MULTILINE}", multiline.getvalue())
            text = plain.getvalue()
        self._write(self.root / f"{name}.{suffix}.csv", text)

    @staticmethod
    def _write(path: Path, text: str) -> None:
        if text:
            with open(path, "a", encoding="utf-8", newline="") as f:  # "utf-8": no BOM
                f.write(text)

    # -- reading (in the main process, once every part is written) ----------------------------
    def _metas(self):
        folder = self.root / "meta"
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
            yield json.loads(path.read_text(encoding="utf-8"))

    def found(self) -> set[str]:
        """The delimiters some list item holds."""
        return {c for meta in self._metas() for c in meta["found"]}

    def conflict(self) -> bool:
        """Whether some list item holds the delimiter these files were written with."""
        return self.delimiter in self.found()

    def safe_delimiter(self) -> str:
        """The first of :data:`DELIMITERS` that no list item holds."""
        found = self.found()
        for c in DELIMITERS:
            if c not in found:
                return c
        raise StoreError(f"every array delimiter ({' '.join(map(_option_char, DELIMITERS))}) occurs in some list "
                         "item")

    def counts(self) -> dict[str, dict[str, int]]:
        """Rows written per label and per relationship type."""
        rows: dict[str, int] = {}
        for meta in self._metas():
            for name, n in meta["rows"].items():
                rows[name] = rows.get(name, 0) + n
        nodes = {label: rows[node_file(label)] for label in NODE_LABELS if node_file(label) in rows}
        edges: dict[str, int] = {}
        for key in edge_keys():
            if edge_file(key) in rows:
                edges[key[0]] = edges.get(key[0], 0) + rows[edge_file(key)]
        return {"nodes": dict(sorted(nodes.items())), "edges": dict(sorted(edges.items()))}

    def files(self, name: str) -> list[Path]:
        return sorted(p for p in self.root.glob(f"{name}.*.csv") if not p.name.endswith(".header.csv"))

    def options(self) -> list[str]:
        """The import tool's options naming these files (a header file is written per label and key)."""
        options, multiline = [], []
        for label in NODE_LABELS:
            files = self.files(node_file(label))
            if files:
                header = [f"id:ID({label})"] + [f"{p}:{CSV_TYPES[k]}" for p, k in NODE_PROPERTIES[label].items()
                                                if p != "id"]
                options.append(f"--nodes={label}=" + ",".join(map(str, [self._header(node_file(label), header),
                                                                         *files])))
                multiline += [f for f in files if f.name.endswith(MULTILINE)]
        for key in edge_keys():
            files = self.files(edge_file(key))
            if files:
                type_, a, b = key
                header = [f":START_ID({a})", f":END_ID({b})"] + [f"{p}:{CSV_TYPES[k]}"
                                                                  for p, k in EDGE_PROPERTIES.items()]
                options.append(f"--relationships={type_}=" + ",".join(map(str, [self._header(edge_file(key), header),
                                                                                *files])))
                multiline += [f for f in files if f.name.endswith(MULTILINE)]
        options.append(f"--array-delimiter={_option_char(self.delimiter)}")
        if multiline:
            options += ["--multiline-fields-format=v2", "--multiline-fields=" + ",".join(map(str, multiline))]
        return options

    def _header(self, name: str, header: list[str]) -> Path:
        path = self.root / f"{name}.header.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerow(header)
        return path
