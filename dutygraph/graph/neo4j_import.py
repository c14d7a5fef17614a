"""Plans into a new Neo4j database by ``neo4j-admin database import full``, built aside and swapped in.

The bulk path for an empty (or replaced) Neo4j: files are streamed into a
staging folder (:mod:`dutygraph.graph.stream`), its Parquet shards become CSV
parts for the import tool (one header file per label and relationship, then
the parts, written by Arrow's CSV writer; lists joined with a delimiter no item
holds), and ``neo4j-admin database import full`` writes the database into a
Neo4j home of its own beside ``home``. Only when the import has succeeded are
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
from .neo4j_csv import ARRAY_DELIMITERS, CSV_TYPES
from .schema import EDGE_PROPERTIES, NODE_PROPERTIES
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


def _list_columns(stage: Stage):
    for label in stage.labels():
        yield stage.node_files(label), [p for p, k in NODE_PROPERTIES[label].items() if k.endswith("[]")]
    for key in stage.keys():
        yield stage.edge_files(key), [p for p, k in EDGE_PROPERTIES.items() if k.endswith("[]")]


def array_delimiter(stage: Stage) -> str:
    """The first of :data:`~dutygraph.graph.neo4j_csv.ARRAY_DELIMITERS` that no staged list item holds."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    left = list(ARRAY_DELIMITERS)
    for files, columns in _list_columns(stage):
        if not columns:
            continue
        for f in files:
            table = pq.read_table(f, columns=columns)
            for name in columns:
                items = pc.list_flatten(table[name]).cast("string")
                left = [d for d in left if not pc.any(pc.match_substring(items, d)).as_py()]
    if not left:
        raise StoreError(f"every array delimiter ({' '.join(ARRAY_DELIMITERS)}) occurs in some list item")
    return left[0]


def _csv_table(table, kinds: dict[str, str], delimiter: str, first: dict[str, object]):
    """An Arrow table ready for the CSV writer: lists joined with ``delimiter``, ``first`` columns in front."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns, names = [], []
    for name, value in first.items():
        columns.append(value if isinstance(value, (pa.Array, pa.ChunkedArray)) else pa.array([value] * len(table),
                                                                                               pa.string()))
        names.append(name)
    for p, kind in kinds.items():
        col = table[p]
        if kind.endswith("[]"):
            col = pc.binary_join(col.cast(pa.list_(pa.string())), delimiter)
        columns.append(col)
        names.append(f"{p}:{CSV_TYPES[kind]}")
    return pa.table(columns, names=names)


def write_csv(stage: Stage, out: Path, delimiter: str) -> tuple[list[str], dict[str, dict[str, int]]]:
    """The CSV parts of every staged shard (a header file, then the parts, per label and relationship key),
    the ``--nodes``/``--relationships`` options naming them, and the counts per label and type."""
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    options, nodes, edges = [], {}, {}
    no_header = pcsv.WriteOptions(include_header=False)

    def write(name: str, files, convert) -> tuple[list[Path], int]:
        parts, rows = [], 0
        for k, f in enumerate(files):
            table = convert(pq.read_table(f))
            if k == 0:
                header = out / f"{name}.header.csv"
                pcsv.write_csv(table.slice(0, 0), header)
                parts.append(header)
            part = out / f"{name}.{k:06d}.csv"
            pcsv.write_csv(table, part, no_header)
            parts.append(part)
            rows += table.num_rows
        return parts, rows

    for label in stage.labels():
        props = {p: k for p, k in NODE_PROPERTIES[label].items() if p != "id"}
        parts, n = write(f"nodes_{label}", stage.node_files(label),
                         lambda t: _csv_table(t, props, delimiter, {f"id:ID({label})": t["id"], ":LABEL": label}))
        options.append("--nodes=" + ",".join(map(str, parts)))
        nodes[label] = n
    for type_, a, b in stage.keys():
        parts, n = write(f"relationships_{type_}_{a}_{b}", stage.edge_files((type_, a, b)),
                         lambda t: _csv_table(t, EDGE_PROPERTIES, delimiter,
                                              {f":START_ID({a})": t["from"], f":END_ID({b})": t["to"], ":TYPE": type_}))
        options.append("--relationships=" + ",".join(map(str, parts)))
        edges[type_] = edges.get(type_, 0) + n
    return options, {"nodes": dict(sorted(nodes.items())), "edges": dict(sorted(edges.items()))}


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
    """Import the staged rows into a new database ``database`` of the Neo4j ``home`` (stopped), replacing it.

    The import runs in a Neo4j home of its own under ``work`` (inside ``home`` by default);
    its database folders are then renamed into ``home``. Returns the counts.
    """
    home = Path(home).resolve()
    check_stopped(home)
    command = admin_command(home)
    work = Path(tempfile.mkdtemp(prefix=".dutygraph-import-", dir=work or home))
    try:
        delimiter = array_delimiter(stage)
        options, counts = write_csv(stage, work / "csv", delimiter)
        aside = work / "home"
        (aside / "conf").mkdir(parents=True)
        (aside / "conf" / "neo4j.conf").write_text("", encoding="utf-8")
        env = {**os.environ, "NEO4J_HOME": str(aside), "NEO4J_CONF": str(aside / "conf")}
        args = [*command, "database", "import", "full", *options, "--id-type=string",
                f"--array-delimiter={delimiter}", "--multiline-fields=true", database]
        try:
            done = subprocess.run(args, env=env, cwd=work, capture_output=True, text=True)
        except OSError as exc:
            raise StoreError(f"cannot run {command[0]}: {exc.strerror or exc}") from exc
        if done.returncode != 0:
            said = [line for line in (done.stderr + done.stdout).splitlines() if line.strip()]
            raise StoreError(f"neo4j-admin import failed (status {done.returncode}), nothing changed: "
                             f"{said[-1] if said else 'no message'}")
        _swap(aside / "data", home / "data", database)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return counts


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
                 progress: Callable[[int], None] | None = None, min_coverage: float | None = None):
    """Stream ``files`` into a staging folder and import it into ``home`` (default ``$NEO4J_HOME``):
    the counts (None if no file gave a document) and the :class:`~dutygraph.graph.stream.StageResult`."""
    from .stream import stage_files

    home = home or os.environ.get("NEO4J_HOME")
    if not home:
        raise StoreError("--neo4j-import needs the Neo4j home: --neo4j-home or $NEO4J_HOME")
    home = Path(home)
    if not (home / "data").is_dir() and not home.is_dir():
        raise StoreError(f"{home}: no Neo4j home here")
    check_stopped(home.resolve())
    work = Path(tempfile.mkdtemp(prefix=".dutygraph-stage-", dir=home))
    try:
        staged = stage_files(files, Stage(work), processes, progress=progress, min_coverage=min_coverage)
        if not staged.documents:
            return None, staged
        return import_stage(Stage(work), home, database or "neo4j"), staged
    finally:
        shutil.rmtree(work, ignore_errors=True)
