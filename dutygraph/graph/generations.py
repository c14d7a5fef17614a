"""The files of the embedded store's generations: locks, copies, syncs, atomic replacement, clean-up.

The file-system half of :mod:`dutygraph.graph.embedded` (see docs/store.md):
a store folder holds numbered generations (``g000001`` …), the commit record
``store.json`` naming the current one, and ``write.lock``. Every failure here is a
:class:`~dutygraph.errors.StoreError` of one line.

>>> name(7)
'g000007'
>>> number("g000007"), number("g7"), number("graph.lbug")
(7, None, None)
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from ..errors import StoreError

_GENERATION = re.compile(r"g(\d{6})")
READER_LOCK = "reader.lock"
WRITE_LOCK = "write.lock"
META = "store.json"


def name(generation: int) -> str:
    """The folder name of a generation."""
    return f"g{generation:06d}"


def number(folder: str) -> int | None:
    """The generation a folder name stands for, or None."""
    m = _GENERATION.fullmatch(folder)
    return int(m.group(1)) if m else None


_OS_FAULTS = ("No space left on device", "Read-only file system", "Disk quota exceeded", "Permission denied",
              "Input/output error", "Too many open files")


def reason(exc: BaseException) -> str:
    """An exception as one short line: the OS's words for a file-system fault (also when a database library
    wrapped them in its own message), else the first line of the message.

    >>> reason(OSError(28, "No space left on device"))
    'no space left on device'
    >>> reason(RuntimeError("Transaction committed, but the checkpoint failed: IO exception: Error: No space left on device"))
    'no space left on device'
    >>> reason(StoreError("g1/graph.lbug: load failed, nothing changed: bad row\\nmore"))
    'bad row'
    """
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    else:
        text = str(exc)
    for fault in _OS_FAULTS:
        if fault in text:
            return fault.lower()
    text = text.rpartition("nothing changed: ")[2]
    lines = text.strip().splitlines()
    return (lines[0] if lines else type(exc).__name__)[:300]


def check_folder(path: Path) -> None:
    """Refuse a store path that is not a folder (a file, or a path through a file)."""
    try:
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path}: not a folder (--store names the store's folder)")
    except OSError as exc:  # e.g. a path through a file: NotADirectoryError
        raise StoreError(f"{path}: cannot be a store folder: {reason(exc)}") from exc
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise StoreError(f"{path}: cannot be a store folder: {parent} is a file")
            break


def check_new(path: Path) -> None:
    """A folder without a commit record may become a store if it holds nothing but a store's leftovers."""
    try:
        names = [p.name for p in path.iterdir()]
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {reason(exc)}") from exc
    others = [n for n in names if number(n) is None and n not in (WRITE_LOCK, META + ".tmp")]
    if others:
        raise StoreError(f"{path}: not a dutygraph store and not empty (holds {sorted(others)[0]}); "
                         "name another folder with --store")


# -- locks ---------------------------------------------------------------------------------

@contextmanager
def writer_lock(path: Path) -> Iterator[None]:
    """Hold the store's write lock; another process loading into the store is refused, not waited for."""
    check_folder(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd = os.open(path / WRITE_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write the store: {reason(exc)}") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"{path}: another process is loading into this store; wait until it has finished "
                             "(one writer at a time)") from None
        yield
    finally:
        os.close(fd)  # releases the lock


def create_reader_lock(generation: Path) -> None:
    (generation / READER_LOCK).touch()


def lock_reader(generation: Path) -> int | None:
    """A shared lock on a committed generation (a load removes no generation a reader holds), or None if
    the generation is gone (removed by a load since the commit record was read: read it again)."""
    path = generation / READER_LOCK
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"{generation}: cannot open: {reason(exc)}") from exc
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)  # waits only while a load removes this generation
        if os.fstat(fd).st_ino != os.stat(path).st_ino:
            raise FileNotFoundError(path)
    except FileNotFoundError:
        os.close(fd)
        return None
    except OSError as exc:
        os.close(fd)
        raise StoreError(f"{generation}: cannot lock: {reason(exc)}") from exc
    return fd


def unlock(fd: int | None) -> None:
    if fd is not None:
        os.close(fd)


# -- copies and clean-up -----------------------------------------------------------------------

def remove(folder: Path) -> None:
    """Remove a folder and everything in it (nothing if it is not there); errors are ignored."""
    shutil.rmtree(folder, ignore_errors=True)


def collect(path: Path, keep: int | None, phase: Callable[[str], None] | None = None) -> None:
    """Remove every generation but ``keep`` that no reader holds (old ones, unfinished ones), and a stray
    temporary commit record. Holding the write lock."""
    try:
        entries = list(path.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name == META + ".tmp":
            entry.unlink(missing_ok=True)
        n = number(entry.name)
        if n is None or n == keep or not entry.is_dir():
            continue
        try:
            fd = os.open(entry / READER_LOCK, os.O_RDONLY)
        except OSError:  # half removed: no reader can hold it
            remove(entry)
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # a reader still uses it: the next load removes it
            os.close(fd)
            continue
        try:
            (entry / READER_LOCK).unlink(missing_ok=True)  # a reader arriving now finds it gone
            if phase is not None:
                phase("collect")
            remove(entry)
        finally:
            os.close(fd)


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link, or a copy where the file system has none (another device, no links allowed)."""
    try:
        os.link(source, target)
        return
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
    shutil.copyfile(source, target)


def copy_generation(old: Path, new: Path, link_ladybug: bool = False) -> None:
    """Copy a committed generation into ``new``: ladybug's file(s) copied, pyoxigraph's SST files
    (RocksDB never changes one once written) hard-linked, its other files copied; locks and logs left out.

    ``link_ladybug``: ladybug's file(s) hard-linked too, for a generation that never opens them for writing
    (``optimize`` rewrites only pyoxigraph's half): no generation ever writes a committed file, and a later
    load copies them, so the two names can share one file."""
    for f in old.iterdir():
        if f.name.startswith("graph.lbug"):
            if link_ladybug:
                _link_or_copy(f, new / f.name)
            else:
                shutil.copyfile(f, new / f.name)
    target = new / "oxigraph"
    target.mkdir()
    for f in (old / "oxigraph").iterdir():
        if f.name == "LOCK" or f.name.startswith("LOG"):
            continue
        if f.suffix == ".sst":
            _link_or_copy(f, target / f.name)
        else:
            shutil.copyfile(f, target / f.name)


def _fsync(path: Path, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_tree(folder: Path) -> None:
    """fsync every file and folder under ``folder`` (and the folder holding it)."""
    for root, dirs, files in os.walk(folder):
        for f in files:
            _fsync(Path(root) / f)
        _fsync(Path(root), directory=True)
    _fsync(folder.parent, directory=True)


def write_json(path: Path, value: dict) -> None:
    """Replace ``path`` by ``value`` atomically: a synced temporary file renamed over it, then the folder synced."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(json.dumps(value, sort_keys=True) + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync(path.parent, directory=True)
