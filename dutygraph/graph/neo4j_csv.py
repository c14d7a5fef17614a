"""The graph as CSV files for ``neo4j-admin database import``: the bulk path for very large corpora.

One node file per label (``nodes_Unit.csv``: ``id:ID(Unit)``, ``:LABEL`` and a
typed column per schema property) and one relationship file per (type, source
label, target label) (``relationships_LEADS_Unit_Task.csv``: ``:START_ID(Unit)``,
``:END_ID(Task)``, ``:TYPE`` and the relationship properties). Each label is
its own id space. Columns are typed from :mod:`dutygraph.graph.schema`
(``line_first:int``, ``amount_total:double``, ``inferred:boolean``,
``aliases:string[]``); list items are joined with ``;`` (another delimiter is
chosen, and named in the command, if an item holds a ``;``); an absent
property is an empty cell. Files are UTF-8 without BOM.

The import writes a new, offline database (Community: stop the server first,
and add ``--overwrite-destination`` to replace one); the uniqueness constraints
are created by :class:`~dutygraph.graph.neo4j.Neo4jStore` on first use.

>>> import tempfile, networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("unit/a", label="Unit", id="unit/a", name="A", aliases=["a1", "a2"], documents=["doc/x"])
>>> out = Path(tempfile.mkdtemp()).resolve()
>>> print(export_neo4j_csv(g, out).replace(str(out), "OUT"))
neo4j-admin database import full --nodes=OUT/nodes_Unit.csv --id-type=string '--array-delimiter=;' --multiline-fields=true neo4j
>>> print((out / "nodes_Unit.csv").read_text(encoding="utf-8"), end="")
id:ID(Unit),:LABEL,name:string,short_name:string,aliases:string[],kind:string,city:string,place:string,jurisdiction:string,adcode:string,documents:string[]
unit/a,Unit,A,,a1;a2,,,,,,doc/x
"""

from __future__ import annotations

import csv
import shlex
from pathlib import Path

from .rows import edge_rows, node_rows
from .schema import EDGE_PROPERTIES, EDGE_TYPES, NODE_LABELS, NODE_PROPERTIES

CSV_TYPES = {"STRING": "string", "INT": "int", "FLOAT": "double", "BOOL": "boolean", "STRING[]": "string[]",
             "INT[]": "int[]"}
ARRAY_DELIMITERS = (";", "|", "¦", "¬")


def _array_delimiter(rows_by_file: dict, props_of) -> str:
    """The first delimiter that no list item holds."""
    items = set()
    for key, rows in rows_by_file.items():
        for p, kind in props_of(key).items():
            if kind.endswith("[]"):
                items.update(str(x) for r in rows for x in (r.get(p) or ()))
    for d in ARRAY_DELIMITERS:
        if not any(d in item for item in items):
            return d
    raise ValueError(f"every array delimiter ({' '.join(ARRAY_DELIMITERS)}) occurs in some list item")


def _cell(value, kind: str, delimiter: str) -> str:
    if value is None or value == []:
        return ""
    if kind.endswith("[]"):
        return delimiter.join(str(x) for x in value)
    if kind == "BOOL":
        return "true" if value else "false"
    if kind == "FLOAT":
        return repr(float(value))
    return str(value)


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:  # "utf-8": no BOM
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def export_neo4j_csv(graph, out_dir: str | Path, database: str = "neo4j") -> str:
    """Write the CSV files of ``graph`` into ``out_dir``; return the ``neo4j-admin`` command that imports them."""
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    nodes, edges = node_rows(graph), edge_rows(graph)
    delimiter = _array_delimiter({**nodes, **edges},
                                 lambda key: EDGE_PROPERTIES if isinstance(key, tuple) else NODE_PROPERTIES[key])
    args = ["neo4j-admin", "database", "import", "full"]
    for label in NODE_LABELS:
        if not nodes.get(label):
            continue
        props = {p: k for p, k in NODE_PROPERTIES[label].items() if p != "id"}
        header = [f"id:ID({label})", ":LABEL"] + [f"{p}:{CSV_TYPES[k]}" for p, k in props.items()]
        path = out / f"nodes_{label}.csv"
        _write(path, header, [[r["id"], label] + [_cell(r.get(p), k, delimiter) for p, k in props.items()]
                              for r in nodes[label]])
        args.append(f"--nodes={path}")
    for key in sorted(edges, key=lambda k: (EDGE_TYPES.index(k[0]), k[1], k[2])):
        type_, a, b = key
        if type_ not in EDGE_TYPES or a not in NODE_LABELS or b not in NODE_LABELS:
            raise ValueError(f"{key} is not in the schema")
        header = [f":START_ID({a})", f":END_ID({b})", ":TYPE"] + [f"{p}:{CSV_TYPES[k]}"
                                                                  for p, k in EDGE_PROPERTIES.items()]
        path = out / f"relationships_{type_}_{a}_{b}.csv"
        _write(path, header, [[r["source"], r["target"], type_]
                              + [_cell(r.get(p), k, delimiter) for p, k in EDGE_PROPERTIES.items()]
                              for r in edges[key]])
        args.append(f"--relationships={path}")
    # (the file options take several values: the database name must not follow one of them)
    args += ["--id-type=string", f"--array-delimiter={delimiter}", "--multiline-fields=true", database]
    return shlex.join(args)
