"""Parquet tables: they read back with pyarrow, pandas and DuckDB, hold what the graph holds under stable
ids, shards' tables put together equal the tables of all the documents read together, and a failed
write leaves nothing half-written."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from dutygraph.errors import InputError
from dutygraph.extract import EXTRACT_TABLE_COLUMNS, export_extract_tables
from dutygraph.graph.build import build
from dutygraph.graph.tables import (NODE_TABLES, TABLE_COLUMNS, TABLES, export_tables, read_tables, union_rows,
                                    union_tables, write_tables)
from dutygraph.loaders import load

from ..conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"


def sql(query: str):
    """A DuckDB query's result (a fresh in-memory database)."""
    return duckdb.connect().execute(query)

# Two shards whose plans name some of the same units (株洲市 and its counties) and places.
SHARD_A = [ROOT / "examples" / "zhuzhou-2018-liangxing-plan.txt", FIXTURES / "identity" / "youxian-2019-gongzuo-plan.txt",
           FIXTURES / "identity" / "chaling-2019-gongzuo-plan.txt"]
SHARD_B = [FIXTURES / "identity" / "zhuzhou-2018-huanbao-plan.txt", FIXTURES / "identity" / "zhuzhou-2020-shengtai-plan.txt",
           FIXTURES / "zhuzhou-2019-second-plan.txt", FIXTURES / "identity" / "wuhu-2019-zhongdian-table.txt"]


@pytest.fixture(scope="module")
def docs():
    return {p: load(p) for p in SHARD_A + SHARD_B}


@pytest.fixture(scope="module")
def graph(docs):
    return build([docs[p] for p in SHARD_A + SHARD_B])


@pytest.fixture(scope="module")
def tables(graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("tables") / "all"
    export_tables(graph, out)
    return out


def test_every_table_reads_back_with_pyarrow_pandas_and_duckdb(tables):
    for name in TABLES:
        path = tables / f"{name}.parquet"
        arrow = pq.read_table(path)
        assert arrow.column_names == list(TABLE_COLUMNS[name])
        frame = pd.read_parquet(path)
        assert list(frame.columns) == list(TABLE_COLUMNS[name]) and len(frame) == arrow.num_rows
        rows, = sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()
        assert rows == arrow.num_rows


def test_counts_equal_the_graphs_and_ids_are_unique(graph, tables):
    by_label = Counter(d["label"] for _, d in graph.nodes(data=True))
    by_type = Counter(d["type"] for _, _, d in graph.edges(data=True))
    for label, name in NODE_TABLES.items():
        assert pq.read_table(tables / f"{name}.parquet").num_rows == by_label.get(label, 0), label
    assert by_label["Task"] and by_label["Unit"] and by_label["Place"] and by_type["DEPENDS_ON"]
    assignments = pd.read_parquet(tables / "assignments.parquet")
    assert len(assignments) == by_type["LEADS"] + by_type["RESPONSIBLE_FOR"] + by_type["COOPERATES_ON"]
    assert Counter(assignments["role"]) == +Counter({"lead": by_type["LEADS"], "responsible": by_type["RESPONSIBLE_FOR"],
                                                     "cooperating": by_type["COOPERATES_ON"]})
    assert len(pd.read_parquet(tables / "dependencies.parquet")) == by_type["DEPENDS_ON"]
    others = pd.read_parquet(tables / "relationships.parquet")
    assert dict(Counter(others["type"])) == {t: n for t, n in by_type.items()
                                             if t not in ("LEADS", "RESPONSIBLE_FOR", "COOPERATES_ON", "DEPENDS_ON")}
    for name in TABLES:
        distinct, rows = sql(f"SELECT count(DISTINCT id), count(*) FROM read_parquet('{tables / name}.parquet')"
                                    ).fetchone()
        assert distinct == rows, name
    node_ids = set(graph.nodes)
    for name in NODE_TABLES.values():
        assert set(pd.read_parquet(tables / f"{name}.parquet")["id"]) <= node_ids


def test_relationship_rows_point_at_node_rows_and_keep_provenance(graph, tables):
    tasks = set(pd.read_parquet(tables / "tasks.parquet")["id"])
    units = set(pd.read_parquet(tables / "units.parquet")["id"])
    a = pd.read_parquet(tables / "assignments.parquet")
    assert set(a["task"]) <= tasks and set(a["unit"]) <= units
    row = a.iloc[0]
    edge = graph.edges[row["unit"], row["task"], {"lead": "LEADS", "responsible": "RESPONSIBLE_FOR",
                                                  "cooperating": "COOPERATES_ON"}[row["role"]]]
    assert (row["document"], row["line_first"], row["line_last"]) == (edge["document"], edge["line_first"],
                                                                      edge["line_last"])
    d = pd.read_parquet(tables / "dependencies.parquet")
    assert set(d["task"]) <= tasks and set(d["program"]) <= set(pd.read_parquet(tables / "programs.parquet")["id"])
    units_table = pq.read_table(tables / "units.parquet").to_pylist()
    some = next(r for r in units_table if len(r["documents"]) > 1)
    assert some["documents"] == graph.nodes[some["id"]]["documents"]


def test_union_of_two_shards_equals_the_tables_of_both_read_together(docs, tables, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    export_tables(build([docs[p] for p in SHARD_A]), a)
    export_tables(build([docs[p] for p in SHARD_B]), b)
    shard_a, shard_b, together = read_tables(a), read_tables(b), read_tables(tables)
    shared = {r["id"] for r in shard_a["units"]} & {r["id"] for r in shard_b["units"]}
    assert shared, "the shards must share units for this test to mean anything"
    union = union_rows(shard_a, shard_b)
    for name in TABLES:
        assert union[name] == sorted(together[name], key=lambda r: r["id"]), name
    assert union_rows(shard_b, shard_a) == union  # the order of the shards changes nothing
    union_tables([a, b], tmp_path / "union")
    assert read_tables(tmp_path / "union") == {n: sorted(together[n], key=lambda r: r["id"]) for n in TABLES}
    # a document's own rows need no merge: DuckDB unions them as they are
    for name in ("documents", "tasks", "assignments", "dependencies"):
        q = f"SELECT * FROM read_parquet(['{a}/{name}.parquet', '{b}/{name}.parquet']) ORDER BY id"
        assert sql(q).df().equals(sql(f"SELECT * FROM read_parquet('{tables}/{name}.parquet') "
                                                    "ORDER BY id").df()), name
    # shared nodes: the distinct ids of the shards are the ids of the whole
    ids = sql(f"SELECT DISTINCT id FROM read_parquet(['{a}/units.parquet', '{b}/units.parquet'])").fetchall()
    assert {i for i, in ids} == {r["id"] for r in together["units"]}


def test_extract_tables_hold_the_printed_assignments_under_the_graphs_ids(docs, graph, tmp_path):
    dicts = [docs[p].to_dict() for p in SHARD_A + SHARD_B]
    counts = export_extract_tables(dicts, tmp_path / "x")
    tasks = pd.read_parquet(tmp_path / "x" / "tasks.parquet")
    assignments = pd.read_parquet(tmp_path / "x" / "assignments.parquet")
    assert counts["documents"] == len(dicts) and counts["tasks"] == sum(len(d["tasks"]) for d in dicts) == len(tasks)
    assert len(assignments) == sum(len(t[r]) for d in dicts for t in d["tasks"]
                                   for r in ("lead", "responsible", "cooperating"))
    assert set(tasks["id"]) <= set(graph.nodes) and set(assignments["task"]) <= set(tasks["id"])
    for name in EXTRACT_TABLE_COLUMNS:
        table = pq.read_table(tmp_path / "x" / f"{name}.parquet")
        assert table.column_names == list(EXTRACT_TABLE_COLUMNS[name])
        assert len(set(table.column("id").to_pylist())) == table.num_rows


def test_a_failed_write_leaves_the_folder_as_it_was(tables, tmp_path):
    out = tmp_path / "t"
    rows = {"documents": [{"id": "doc/a", "year": 2020}]}
    write_tables(rows, TABLE_COLUMNS, out)
    bad = {"documents": [{"id": "doc/b", "year": 2021}], "tasks": [{"id": "doc/b/task/A1-1", "row": "not a number"}]}
    with pytest.raises(Exception):
        write_tables(bad, TABLE_COLUMNS, out)
    assert sorted(p.name for p in out.iterdir()) == ["documents.parquet"]
    assert pq.read_table(out / "documents.parquet").to_pylist()[0]["id"] == "doc/a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t"]  # no temporary folder left beside it
    with pytest.raises(Exception):
        write_tables(bad, TABLE_COLUMNS, tmp_path / "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t"]


def test_a_folder_holding_other_files_is_not_replaced(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(InputError, match="notes.txt"):
        write_tables({"documents": []}, TABLE_COLUMNS, out)
    assert (out / "notes.txt").read_text() == "keep me"
    with pytest.raises(InputError, match="not a folder of dutygraph tables"):
        read_tables(out)


def test_an_earlier_export_is_replaced_whole(graph, tmp_path):
    out = tmp_path / "t"
    write_tables({"documents": [{"id": "doc/old"}], "stale": []}, {**TABLE_COLUMNS, "stale": {"id": "STRING"}}, out)
    export_tables(graph, out)
    assert sorted(p.stem for p in out.iterdir()) == sorted(TABLES)
    assert "doc/old" not in set(pd.read_parquet(out / "documents.parquet")["id"])
    assert Path(out).is_dir()
