"""CSV parts for neo4j-admin written part by part: they parse back to the graph; the delimiter and line breaks."""

from __future__ import annotations

import csv

from dutygraph.graph.neo4j_csv_parts import DELIMITERS, MULTILINE, CsvParts
from dutygraph.graph.neo4j_import import stage_to_csv, write_parts
from dutygraph.graph.staging import Stage
from dutygraph.graph.stream import stage_graph

from .test_neo4j import graph_dump
from .test_neo4j_csv import graph as graph  # noqa: F401 (the fixture: hard CSV cases, a hostile document)
from .test_neo4j_csv import parse


def read_back(parts: CsvParts):
    """The nodes and relationships the parts' options name, as graph_dump gives them."""
    import networkx as nx

    g = nx.MultiDiGraph()
    delimiter = parts.delimiter
    for option in parts.options():
        if not option.startswith(("--nodes=", "--relationships=")):
            continue
        kind, _, rest = option.partition("=")
        name, _, files = rest.partition("=")
        header, *files = files.split(",")
        with open(header, encoding="utf-8", newline="") as f:
            (columns,) = list(csv.reader(f))
        columns = [c.rsplit(":", 1) for c in columns]
        for path in files:
            with open(path, encoding="utf-8", newline="") as f:
                for row in csv.reader(f):
                    assert len(row) == len(columns)
                    props = {n: parse(v, k, delimiter) for (n, k), v in zip(columns, row)}
                    props = {k: v for k, v in props.items() if v is not None and k}
                    if kind == "--nodes":
                        g.add_node(row[0], label=name, id=row[0], **{k: v for k, v in props.items() if k != "id"})
                    else:
                        g.add_edge(row[0], row[1], type=name, **props)
    return g


def test_staged_rows_as_csv_parts_parse_back_to_the_graph_and_only_broken_lines_are_multiline(tmp_path, graph):
    stage = Stage(tmp_path / "stage")
    stage_graph(graph, stage)
    parts, _ = write_parts(tmp_path / "csv", lambda p: stage_to_csv(stage, p))
    assert parts.delimiter == DELIMITERS[0]
    assert graph_dump(read_back(parts)) == graph_dump(graph)
    options = parts.options()
    multiline = [o for o in options if o.startswith("--multiline-fields=")]
    assert "--multiline-fields-format=v2" in options and len(multiline) == 1
    (files,) = [o.split("=", 1)[1].split(",") for o in multiline]
    assert [f.rsplit("/", 1)[1].split(".")[0] for f in files] == ["nodes_Task"] and files[0].endswith(MULTILINE)
    assert sum(len(open(f, encoding="utf-8").read().splitlines()) for f in files) == 2  # the one broken row
    assert parts.counts()["nodes"]["Task"] == sum(1 for _, d in graph.nodes(data=True) if d["label"] == "Task")


def test_a_list_item_holding_the_delimiter_gets_another(tmp_path, graph):
    g = graph.copy()
    unit = next(n for n, d in g.nodes(data=True) if d["label"] == "Unit")
    g.nodes[unit]["aliases"] = sorted(g.nodes[unit]["aliases"] + [f"甲{DELIMITERS[0]}乙", "丙;丁"])
    stage = Stage(tmp_path / "stage")
    stage_graph(g, stage)
    passes = []
    parts, _ = write_parts(tmp_path / "csv", lambda p: (passes.append(p.delimiter), stage_to_csv(stage, p)))
    assert passes == [DELIMITERS[0], "|"] and parts.delimiter == "|"
    assert "--array-delimiter=|" in parts.options()
    assert graph_dump(read_back(parts)) == graph_dump(g)
    assert "--array-delimiter=U+001F" in CsvParts(tmp_path / "other").options()
