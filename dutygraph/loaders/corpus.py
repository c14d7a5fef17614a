"""Whole corpora: folders read recursively, files in parallel processes, failures collected.

:func:`extract_corpus` reads every file (each in a worker process when
``processes`` > 1, in chunks), and returns the documents in input order with a
summary: files, documents, tasks, assignments and failures. A file that cannot be
read (binary, empty, over the size limit, a PDF without a text layer, no task in
it) is a :class:`Failure` with the file and the reason; it never stops the others,
and neither does an unexpected error inside a loader (reported as such).

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("一、任务\\n1.建设绿道。(市住建局牵头)\\n", "utf-8")
>>> _ = (d / "b.txt").write_bytes(b"")
>>> r = extract_corpus([d], processes=1)
>>> r.summary.documents, r.summary.tasks, [(pathlib.Path(f.file).name, f.reason) for f in r.failures]
(1, 1, [('b.txt', 'the file is empty')])

For a terminal, :func:`progress_bar` gives a rich progress bar to pass as ``progress``::

    files = find_files(paths)
    with progress_bar(len(files)) as advance:
        result = extract_corpus(files, processes=4, progress=advance)
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Document
from . import LOADERS, load

GOLD_SUFFIX = ".gold.json"


@dataclass(frozen=True)
class Failure:
    """A file that gave no document, and why."""

    file: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class DocumentCoverage:
    """One document's coverage, as the corpus summary prints it (see :class:`~dutygraph.model.Coverage`)."""

    source: str
    cues: int
    attached: int
    ratio: float
    unrecognised: tuple[str, ...] = ()
    skipped: int = 0
    first_missed: int | None = None

    @classmethod
    def of(cls, item) -> "DocumentCoverage":
        """From a Document, its dict, or what a worker brought back of it."""
        if isinstance(item, Document):
            source, cov = item.source, item.coverage.to_dict() if item.coverage else None
        elif isinstance(item, dict):
            source, cov = item["source"], item.get("coverage")
        else:
            source, cov = item.source, item.coverage
        cov = cov or {"cues": 0, "attached": 0, "ratio": 1.0, "unrecognised": [], "skipped": []}
        missed = [s["lines"][0] for s in cov["skipped"]]
        return cls(source, cov["cues"], cov["attached"], cov["ratio"],
                   tuple(u["unit"] for u in cov["unrecognised"]), len(cov["skipped"]), min(missed, default=None))

    def text(self) -> str:
        """One line: cues attached, unrecognised names, parts skipped.

        >>> DocumentCoverage("a.txt", 4, 3, 0.75, ("城东管理区",), 1, 12).text()
        '3 of 4 role cues attached (75%), 1 unrecognised name (城东管理区), 1 part skipped (first at line 12)'
        """
        out = f"{self.attached} of {self.cues} role cues attached ({self.ratio:.0%})"
        if self.unrecognised:
            names = "、".join(self.unrecognised[:3]) + (" …" if len(self.unrecognised) > 3 else "")
            out += f", {len(self.unrecognised)} unrecognised name{'s' * (len(self.unrecognised) > 1)} ({names})"
        if self.skipped:
            out += f", {self.skipped} part{'s' * (self.skipped > 1)} skipped (first at line {self.first_missed})"
        return out


@dataclass
class CorpusSummary:
    files: int = 0
    documents: int = 0
    tasks: int = 0
    assignments: int = 0
    failures: int = 0
    processes: int = 1
    seconds: float = 0.0
    coverage: list[DocumentCoverage] = field(default_factory=list)

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def rows(self) -> list[dict]:
        """The summary as rows (name, value) for a table."""
        return [{"name": k, "value": v} for k, v in (
            ("files", self.files), ("documents", self.documents), ("tasks", self.tasks),
            ("assignments", self.assignments), ("failures", self.failures), ("processes", self.processes),
            ("seconds", round(self.seconds, 2)), ("documents/s", round(self.documents_per_second, 1)))]


@dataclass
class CorpusResult:
    summary: CorpusSummary
    documents: list = field(default_factory=list)  # Documents, or dicts with keep="dicts"
    failures: list[Failure] = field(default_factory=list)


def find_files(paths: Iterable[str | Path], suffixes: Iterable[str] | None = None) -> list[Path]:
    """Files to read: files named as they are; folders recursively, files with a known suffix
    (``LOADERS``), hidden files and gold annotations (``*.gold.json``) left out; sorted per folder."""
    wanted = {s.lower() for s in (suffixes if suffixes is not None else LOADERS)}
    out: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        p = Path(path)
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.startswith(".") or name.endswith(GOLD_SUFFIX):
                        continue
                    if Path(name).suffix.lower() in wanted:
                        found.append(Path(root) / name)
            candidates = sorted(found)
        else:
            candidates = [p]
        for c in candidates:
            if c not in seen:
                seen.add(c)
                out.append(c)
    return out


def old_office_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files in the folders of ``paths`` (recursively, hidden ones left out) whose format is an older office
    one that is not read (``.doc``, ``.wps``, ``.et``, ``.xls``): :func:`find_files` passes them over."""
    from . import OLD_OFFICE

    return [p for p in find_files([p for p in paths if Path(p).is_dir()], suffixes=OLD_OFFICE)]


@dataclass(frozen=True)
class Counted:
    """What ``keep="none"`` brings back of a document: its source and counts."""

    source: str
    tasks: int
    assignments: int
    coverage: dict | None = None


@dataclass(frozen=True)
class Serialized:
    """What ``keep="json"`` brings back of a document: its JSON text (as ``dutygraph extract`` prints it,
    indented by two inside the documents list) and its counts. One string crosses from a worker process
    far faster than the many objects of a Document or its dict."""

    source: str
    json: str
    tasks: int
    assignments: int
    coverage: dict | None = None


KEEP = ("documents", "dicts", "json", "none")


def _load_one(path: Path, keep: str = "documents"):
    try:
        doc = load(path)
        if keep == "dicts":
            return doc.to_dict()
        if keep == "json":
            import json

            data = doc.to_dict()
            text = json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n    ")
            return Serialized(doc.source, "    " + text, len(doc.tasks), sum(len(t.assignments) for t in doc.tasks),
                              data["coverage"])
        if keep == "none":
            return Counted(doc.source, len(doc.tasks), sum(len(t.assignments) for t in doc.tasks),
                           doc.coverage.to_dict() if doc.coverage else None)
        return doc
    except InputError as exc:
        return Failure(str(path), exc.message, exc.line)
    except MemoryError:
        return Failure(str(path), "out of memory while reading the file")
    except RecursionError:
        return Failure(str(path), "too deeply nested to read")
    except Exception as exc:  # a bug in a loader must not stop the corpus
        return Failure(str(path), f"internal error while reading: {exc.__class__.__name__}: {exc}")


def _load_chunk(paths: list[Path], keep: str = "documents") -> list:
    return [_load_one(p, keep) for p in paths]


def _chunks(items: list[Path], size: int) -> list[list[Path]]:
    return [items[k:k + size] for k in range(0, len(items), size)]


def extract_corpus(paths: Iterable[str | Path], processes: int | None = None, *, chunksize: int | None = None,
                   progress: Callable[[int], None] | None = None, keep: str = "documents",
                   min_coverage: float | None = None) -> CorpusResult:
    """Read every file under ``paths`` (files and folders) with ``processes`` worker processes.

    ``processes=None`` uses every core; 1 reads in this process. ``progress(n)`` is
    called as each chunk of ``n`` files is done. Documents come in input order, as
    :class:`~dutygraph.model.Document` objects (``keep="documents"``, for building a
    graph), as the dicts ``dutygraph extract`` prints (``keep="dicts"``: much cheaper to
    bring back from worker processes), as their JSON text (``keep="json"``, :class:`Serialized`: cheapest
    of all to bring back) or not at all (``keep="none"``: the summary only).

    Every document's coverage is in ``summary.coverage``; with ``min_coverage`` a document whose share of
    role cues attached to a task is lower becomes a :class:`Failure` (for scripted use).
    """
    if keep not in KEEP:
        raise ValueError(f"keep must be one of {', '.join(KEEP)}")
    files = find_files(paths)
    processes = max(1, processes if processes is not None else (os.cpu_count() or 1))
    processes = min(processes, max(1, len(files)))
    start = time.perf_counter()
    results: list[Document | Failure] = []
    # Documents are many small objects that live to the end: without freezing them, the cyclic
    # garbage collector scans all of them again and again as they pile up (slower with every file).
    gc.freeze()
    try:
        if processes == 1:
            _run_here(files, progress, results, keep)
        else:
            _run_pool(files, processes, chunksize, progress, results, keep)
    finally:
        gc.unfreeze()
    result = CorpusResult(CorpusSummary(files=len(files), processes=processes))
    for item in results:
        if isinstance(item, Failure):
            result.failures.append(item)
            continue
        covered = DocumentCoverage.of(item)
        result.summary.coverage.append(covered)
        if min_coverage is not None and covered.ratio < min_coverage:
            result.failures.append(Failure(covered.source, f"coverage {covered.ratio:.2f} is under --min-coverage "
                                           f"{min_coverage:g}: {covered.text()}", covered.first_missed))
        else:
            result.documents.append(item)
    s = result.summary
    s.documents = len(result.documents)
    for d in result.documents:
        if isinstance(d, Document):
            s.tasks += len(d.tasks)
            s.assignments += sum(len(t.assignments) for t in d.tasks)
        elif isinstance(d, (Counted, Serialized)):
            s.tasks += d.tasks
            s.assignments += d.assignments
        else:
            s.tasks += len(d["tasks"])
            s.assignments += sum(len(t["lead"]) + len(t["responsible"]) + len(t["cooperating"]) for t in d["tasks"])
    if keep == "none":
        result.documents = []
    s.failures = len(result.failures)
    s.seconds = time.perf_counter() - start
    return result


def _run_here(files: list[Path], progress, results: list, keep: str) -> None:
    for k, f in enumerate(files, start=1):
        results.append(_load_one(f, keep))
        if progress:
            progress(1)
        if k % 32 == 0:
            gc.freeze()


def _run_pool(files: list[Path], processes: int, chunksize: int | None, progress, results: list, keep: str) -> None:
    size = chunksize or max(1, min(32, len(files) // (processes * 8) or 1))
    chunks = _chunks(files, size)
    done: dict[int, list[Document | Failure]] = {}
    with ProcessPoolExecutor(max_workers=processes) as pool:
        futures = {pool.submit(_load_chunk, chunk, keep): k for k, chunk in enumerate(chunks)}
        for future in as_completed(futures):
            k = futures[future]
            try:
                done[k] = future.result()
            except BrokenProcessPool:
                done[k] = [Failure(str(p), "the worker process reading it died (out of memory?)") for p in chunks[k]]
            except Exception as exc:  # pickling a result, and the like
                done[k] = [Failure(str(p), f"internal error: {exc.__class__.__name__}: {exc}") for p in chunks[k]]
            gc.freeze()
            if progress:
                progress(len(chunks[k]))
    for k in range(len(chunks)):
        results.extend(done[k])


@contextmanager
def progress_bar(total: int, *, enabled: bool | None = None, description: str = "reading") -> Iterator[Callable[[int], None]]:
    """A rich progress bar on stderr (only on a terminal unless ``enabled``); yields ``advance(n)``."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n: bar.advance(task, n)
