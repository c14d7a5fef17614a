"""Plans into a new Neo4j database by ``neo4j-admin database import full``, built aside and swapped in.

The bulk path for an empty (or replaced) Neo4j: files are read, resolved and
built in worker processes (:func:`~dutygraph.graph.stream.stage_files`), which
append their rows straight to CSV files of their own
(:class:`~dutygraph.graph.neo4j_csv_parts.CsvParts`: a few large files per label
and relationship type, no Parquet, no RDF); ``neo4j-admin database import full``
reads them (``--threads`` one per core) and writes the database into a Neo4j
home of its own beside ``home``. Rows already staged as Parquet
(:class:`~dutygraph.graph.staging.Stage`) are imported the same way
(:func:`import_stage`). Only when the import has succeeded are
its folders (``data/databases/DB`` and ``data/transactions/DB``) swapped for the
database's in ``home``, by renames; the old ones are then removed. A failed
import leaves ``home`` as it was.

Neo4j Community cannot import into a database a running server holds: the
server must be stopped (a lock held on ``data/databases/store_lock`` is
refused with one line). The import tool is ``$NEO4J_ADMIN`` (a command line,
e.g. ``java -cp 'tools/neo4j-test-server/lib/*' org.neo4j.cli.AdminTool`` for
the test server's jars), else ``HOME/bin/neo4j-admin``, else ``neo4j-admin`` on
the PATH. Uniqueness constraints are created by
:class:`~dutygraph.graph.neo4j.Neo4jStore` on first use, as after any import.
"""

from __future__ import annotations

import fcntl
import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Callable

from ..errors import StoreError
from .neo4j_csv_parts import DELIMITERS, CsvParts
from .staging import Stage

ADMIN_ENV = "NEO4J_ADMIN"


def admin_command(home: Path) -> list[str]:
    """The neo4j-admin command line: ``$NEO4J_ADMIN``, ``HOME/bin/neo4j-admin`` or ``neo4j-admin``."""
    if os.environ.get(ADMIN_ENV):
        return shlex.split(os.environ[ADMIN_ENV])
    local = home / "bin" / "neo4j-admin"
    if local.is_file():
        return [str(local)]
    found = shutil.which("neo4j-admin")
    if found is None:
        raise StoreError(f"neo4j-admin not found (not in {home / 'bin'} nor on the PATH): set ${ADMIN_ENV} to its "
                         "command line")
    return [found]


def stage_to_csv(stage: Stage, parts: CsvParts) -> None:
    """Write the Parquet shards of ``stage`` into ``parts``, shard by shard."""
    import pyarrow.parquet as pq

    for label in stage.labels():
        for f in stage.node_files(label):
            parts.write_part(f.stem, {label: pq.read_table(f).to_pylist()}, {})
    for key in stage.keys():
        for f in stage.edge_files(key):
            rows = pq.read_table(f).to_pylist()
            for r in rows:
                r["source"], r["target"] = r.pop("from"), r.pop("to")
            parts.write_part(f.stem, {}, {key: rows})


def write_parts(folder: Path, write: Callable[[CsvParts], object]):
    """``write(parts)`` into a new :class:`CsvParts` under ``folder``, again with another array delimiter if
    a list item holds the first one (rare: the first is a control character); the parts and what ``write``
    returned."""
    delimiter = DELIMITERS[0]
    while True:
        shutil.rmtree(folder, ignore_errors=True)
        parts = CsvParts(folder, delimiter)
        done = write(parts)
        if not parts.conflict():
            return parts, done
        delimiter = parts.safe_delimiter()


def check_stopped(home: Path) -> None:
    """Refuse a Neo4j home whose server is running (it holds ``data/databases/store_lock``)."""
    lock = home / "data" / "databases" / "store_lock"
    if not lock.exists():
        return
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.lockf(fd, fcntl.LOCK_UN)
    except OSError:
        raise StoreError(f"{home}: a Neo4j server is running on this home; stop it first (neo4j-admin import "
                         "writes a database no server holds; Community edition has no other way)") from None
    finally:
        os.close(fd)


def import_stage(stage: Stage, home: Path, database: str = "neo4j", work: Path | None = None) -> dict:
    """Import the rows staged as Parquet into a new database ``database`` of the Neo4j ``home`` (stopped),
    replacing it. The import runs in a Neo4j home of its own under ``work`` (inside ``home`` by default);
    its database folders are then renamed into ``home``. Returns the counts."""
    home = Path(home).resolve()
    check_stopped(home)
    admin_command(home)
    work = Path(tempfile.mkdtemp(prefix=".dutygraph-import-", dir=work or home))
    try:
        parts, _ = write_parts(work / "csv", lambda p: stage_to_csv(stage, p))
        return import_parts(parts, home, database, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def import_parts(parts: CsvParts, home: Path, database: str, work: Path,
                 on_output: Callable[[str], None] | None = None, on_phase: Callable[[str], None] | None = None) -> dict:
    """Run the import tool on ``parts`` into a Neo4j home under ``work``, then swap its database into
    ``home`` (which must be stopped). ``on_output(line)`` sees each line the tool prints; ``on_phase("swap")``
    is called before the swap."""
    home = Path(home).resolve()
    command = admin_command(home)
    aside = Path(tempfile.mkdtemp(prefix="home-", dir=work))
    (aside / "conf").mkdir(parents=True)
    (aside / "conf" / "neo4j.conf").write_text("", encoding="utf-8")
    env = {**os.environ, "NEO4J_HOME": str(aside), "NEO4J_CONF": str(aside / "conf")}
    args = [*command, "database", "import", "full", *parts.options(), "--id-type=string",
            f"--threads={os.cpu_count() or 1}", f"--report-file={aside / 'import.report'}", database]
    said: list[str] = []
    try:
        with subprocess.Popen(args, env=env, cwd=aside, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, errors="replace") as proc:
            for line in proc.stdout:
                if line.strip():
                    said.append(line.rstrip())
                    del said[:-50]
                    if on_output:
                        on_output(line.rstrip("\n"))
    except OSError as exc:
        raise StoreError(f"cannot run {command[0]}: {exc.strerror or exc}") from exc
    if proc.returncode != 0:
        errors = [line for line in said if "rror" in line or "xception" in line]
        raise StoreError(f"neo4j-admin import failed (status {proc.returncode}), nothing changed: "
                         f"{(errors or said)[-1] if said else 'no message'}")
    if on_phase:
        on_phase("swap")
    _swap(aside / "data", home / "data", database)
    return parts.counts()


def _swap(new: Path, data: Path, database: str) -> None:
    """Rename the imported database's folders into ``data``, the old ones aside first, then remove those."""
    check_stopped(data.parent)
    old = Path(tempfile.mkdtemp(prefix=".dutygraph-old-", dir=data.parent))
    moved = []
    try:
        for kind in ("databases", "transactions"):
            target = data / kind / database
            if target.exists():
                (old / kind).mkdir()
                os.rename(target, old / kind / database)
                moved.append(kind)
        for kind in ("databases", "transactions"):
            (data / kind).mkdir(parents=True, exist_ok=True)
            os.rename(new / kind / database, data / kind / database)
    except BaseException:
        for kind in moved:  # put the old database back
            target = data / kind / database
            if target.exists():
                shutil.rmtree(target)
            os.rename(old / kind / database, target)
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


def import_files(files, home: str | Path | None = None, database: str | None = None, processes: int | None = None,
                 progress: Callable[[int], None] | None = None, min_coverage: float | None = None,
                 on_phase: Callable[[str], None] | None = None, on_output: Callable[[str], None] | None = None):
    """Read ``files`` in worker processes writing CSV straight away, and import them into ``home`` (default
    ``$NEO4J_HOME``): the counts (None if no file gave a document) and the
    :class:`~dutygraph.graph.stream.StageResult`. ``on_phase`` is called with "stage", "import", "swap"
    as each begins and "done" at the end; ``on_output`` with each line the import tool prints."""
    from .stream import stage_files

    home = home or os.environ.get("NEO4J_HOME")
    if not home:
        raise StoreError("--neo4j-import needs the Neo4j home: --neo4j-home or $NEO4J_HOME")
    home = Path(home)
    if not (home / "data").is_dir() and not home.is_dir():
        raise StoreError(f"{home}: no Neo4j home here")
    home = home.resolve()
    check_stopped(home)
    admin_command(home)
    phase = on_phase or (lambda name: None)
    work = Path(tempfile.mkdtemp(prefix=".dutygraph-import-", dir=home))
    try:
        phase("stage")
        calls = iter([progress])  # a second pass (another array delimiter) reports no progress

        def write(parts: CsvParts):
            return stage_files(files, parts, processes, progress=next(calls, None), min_coverage=min_coverage)

        parts, staged = write_parts(work / "csv", write)
        if not staged.documents:
            return None, staged
        phase("import")
        counts = import_parts(parts, home, database or "neo4j", work, on_output, phase)
        return counts, staged
    finally:
        phase("done")
        shutil.rmtree(work, ignore_errors=True)
