"""The graph as Parquet tables with stable ids, for pandas, polars, DuckDB and Spark.

One table per node label (``documents``, ``keyworks``, ``programs``, ``tasks``,
``targets``, ``units``, ``places``, ``projects``, ``change_events``) with a
typed column per schema property (:mod:`dutygraph.graph.schema`), and three
relationship tables: ``assignments`` (LEADS, RESPONSIBLE_FOR, COOPERATES_ON:
task, unit, role, inferred, basis, lines), ``dependencies`` (DEPENDS_ON: task,
program, basis) and ``relationships`` (every other type: source, target and
their labels). The ``id`` of a node row is its node id in the graph (and in
every store); that of a relationship row is ``{source} -[{key}]-> {target}``,
with the relationship's key in the graph (its type): one relationship of a type
joins two nodes.
Every table is written, empty ones too, so shards always have the same files.

Ids are stable, so tables of shards extracted anywhere can be put together:
rows of a document's own nodes and relationships are disjoint across shards;
rows of shared nodes (units, places, …) and of shared relationships (no
``document``, a ``documents`` list instead) are merged as every store merges
them (:func:`~dutygraph.graph.schema.preferred`, ``documents`` and ``aliases``
united): :func:`union_tables` does so, and gives the tables of all the
documents read together.

A folder is written aside and renamed into place (:func:`write_tables`), so a
failed export leaves no half-written folder.

>>> import tempfile, networkx as nx, pyarrow.parquet as pq
>>> g = nx.MultiDiGraph()
>>> g.add_node("unit/a", label="Unit", id="unit/a", name="A", documents=["doc/x"])
>>> g.add_node("doc/x/task/A1-1", label="Task", id="doc/x/task/A1-1", name="T", document="doc/x")
>>> _ = g.add_edge("unit/a", "doc/x/task/A1-1", key="LEADS", type="LEADS", document="doc/x", role="lead")
>>> out = Path(tempfile.mkdtemp()) / "tables"
>>> counts = export_tables(g, out)
>>> counts["units"], counts["tasks"], counts["assignments"]
(1, 1, 1)
>>> pq.read_table(out / "assignments.parquet").to_pylist()[0]["unit"]
'unit/a'
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..errors import InputError
from .schema import EDGE_PROPERTIES, NODE_LABELS, NODE_PROPERTIES, UNION_PROPERTIES, preferred

NODE_TABLES = {"Document": "documents", "KeyWork": "keyworks", "Program": "programs", "Task": "tasks",
               "Target": "targets", "Unit": "units", "Place": "places", "Project": "projects",
               "ChangeEvent": "change_events"}
ASSIGNMENT_TYPES = ("LEADS", "RESPONSIBLE_FOR", "COOPERATES_ON")
_ROLE_OF = {"LEADS": "lead", "RESPONSIBLE_FOR": "responsible", "COOPERATES_ON": "cooperating"}
EDGE_TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "assignments": {"id": "STRING", "task": "STRING", "unit": "STRING", "role": "STRING", "inferred": "BOOL",
                    "basis": "STRING", "printed": "STRING", "document": "STRING", "line_first": "INT",
                    "line_last": "INT"},
    "dependencies": {"id": "STRING", "task": "STRING", "program": "STRING", "basis": "STRING", "inferred": "BOOL",
                     "printed": "STRING", "document": "STRING", "line_first": "INT", "line_last": "INT"},
    "relationships": {"id": "STRING", "type": "STRING", "source": "STRING", "target": "STRING",
                      "source_label": "STRING", "target_label": "STRING",
                      **{p: k for p, k in EDGE_PROPERTIES.items() if p != "role"}},
}
TABLE_COLUMNS: dict[str, dict[str, str]] = {
    **{NODE_TABLES[label]: NODE_PROPERTIES[label] for label in NODE_LABELS}, **EDGE_TABLE_COLUMNS}
TABLES = tuple(TABLE_COLUMNS)
SUFFIX = ".parquet"


def arrow_schema(columns: dict[str, str]):
    """The Arrow schema of a table whose columns have schema types (STRING, INT, …, STRING[])."""
    import pyarrow as pa

    types = {"STRING": pa.string(), "INT": pa.int64(), "FLOAT": pa.float64(), "BOOL": pa.bool_(),
             "STRING[]": pa.list_(pa.string()), "INT[]": pa.list_(pa.int64())}
    return pa.schema([(name, types[kind]) for name, kind in columns.items()])


def relationship_id(source: str, key: str, target: str) -> str:
    """The stable id of a relationship row: its ends and its key in the graph.

    >>> relationship_id("unit/a", "LEADS", "doc/x/task/A1-1")
    'unit/a -[LEADS]-> doc/x/task/A1-1'
    """
    return f"{source} -[{key}]-> {target}"


def graph_rows(graph) -> dict[str, list[dict]]:
    """Table name -> rows (dicts of its columns, None where absent), for every table of :data:`TABLES`."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    labels = {}
    for n, data in graph.nodes(data=True):
        label = labels[n] = data["label"]
        rows[NODE_TABLES[label]].append({p: data.get(p) for p in NODE_PROPERTIES[label]})
    for u, v, key, data in graph.edges(keys=True, data=True):
        type_ = data["type"]
        span = {p: data.get(p) for p in ("printed", "document", "line_first", "line_last")}
        rid = relationship_id(u, key, v)
        if type_ in ASSIGNMENT_TYPES:
            rows["assignments"].append({"id": rid, "task": v, "unit": u, "role": data.get("role") or _ROLE_OF[type_],
                                        "inferred": data.get("inferred"), "basis": data.get("basis"), **span})
        elif type_ == "DEPENDS_ON":
            rows["dependencies"].append({"id": rid, "task": u, "program": v, "basis": data.get("basis"),
                                         "inferred": data.get("inferred"), **span})
        else:
            row = {"id": rid, "type": type_, "source": u, "target": v, "source_label": labels[u],
                   "target_label": labels[v]}
            row.update({p: data.get(p) for p in EDGE_TABLE_COLUMNS["relationships"] if p not in row})
            rows["relationships"].append(row)
    for table in rows.values():
        table.sort(key=lambda r: r["id"])
    return rows


def write_tables(rows: dict[str, list[dict]], columns: dict[str, dict[str, str]], out_dir: str | Path) -> dict:
    """Write each table of ``rows`` as ``{name}.parquet`` into ``out_dir``, atomically; return the row counts.

    The files are written into a new folder beside ``out_dir``, which is then renamed
    into place: a failure leaves ``out_dir`` as it was. An existing ``out_dir`` is
    replaced only if it holds nothing but Parquet tables (an earlier export);
    otherwise :class:`~dutygraph.errors.InputError`.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(out_dir)
    if out.exists():
        if not out.is_dir():
            raise InputError(f"{out} exists and is not a folder", path=str(out))
        others = sorted(p.name for p in out.iterdir() if not (p.is_file() and p.suffix == SUFFIX))
        if others:
            raise InputError(f"{out} holds other files than Parquet tables ({', '.join(others[:3])}): "
                             "give an empty or new folder", path=str(out))
    parent = out.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent))
    old = None
    try:
        counts = {}
        for name, table_rows in rows.items():
            schema = arrow_schema(columns[name])
            table = pa.Table.from_pylist(table_rows, schema=schema)
            pq.write_table(table, tmp / f"{name}{SUFFIX}")
            counts[name] = table.num_rows
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=parent))
            os.rename(out, old / "tables")
        os.rename(tmp, out)
    except BaseException:
        if old is not None and not out.exists():
            os.rename(old / "tables", out)
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return counts


def export_tables(graph, out_dir: str | Path) -> dict[str, int]:
    """Write the tables of ``graph`` (:data:`TABLES`) into ``out_dir``; return the row count of each."""
    return write_tables(graph_rows(graph), TABLE_COLUMNS, out_dir)


def read_tables(folder: str | Path) -> dict[str, list[dict]]:
    """The rows of each table of :data:`TABLES` in ``folder`` (written by :func:`export_tables`)."""
    import pyarrow.parquet as pq

    folder = Path(folder)
    missing = [name for name in TABLES if not (folder / f"{name}{SUFFIX}").is_file()]
    if missing:
        raise InputError(f"{folder} is not a folder of dutygraph tables (no {missing[0]}{SUFFIX})", path=str(folder))
    return {name: pq.read_table(folder / f"{name}{SUFFIX}").to_pylist() for name in TABLES}


def _merge(old: dict, new: dict) -> None:
    for k, value in new.items():
        if k in UNION_PROPERTIES:
            if old.get(k) is not None or value is not None:
                old[k] = sorted(set(old.get(k) or ()) | set(value or ()))
        else:
            old[k] = preferred(old.get(k), value)


def union_rows(*shards: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The tables of several shards put together (see the module's docstring).

    A row whose id occurs in several shards is merged if it is shared (it has a
    ``documents`` list) and otherwise kept once (the same document in two shards).
    """
    out: dict[str, list[dict]] = {}
    for name in TABLES:
        by_id: dict[str, dict] = {}
        for shard in shards:
            for row in shard.get(name, ()):
                have = by_id.get(row["id"])
                if have is None:
                    by_id[row["id"]] = dict(row)
                elif row.get("documents") is not None:
                    _merge(have, row)
        out[name] = [by_id[i] for i in sorted(by_id)]
    return out


def union_tables(folders, out_dir: str | Path) -> dict[str, int]:
    """Put the tables of several folders (shards) together into ``out_dir``; return the row counts."""
    return write_tables(union_rows(*(read_tables(f) for f in folders)), TABLE_COLUMNS, out_dir)
