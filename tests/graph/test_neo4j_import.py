"""neo4j-admin import of staged rows into a Neo4j home, built aside and swapped in; the real import tool.

Like tests/graph/test_neo4j_csv.py, it runs ``neo4j-admin database import full``
from the jars of tools/neo4j-test-server/lib and starts a second server (the test
server's launcher) on the home it imported into, on a free port.
"""

from __future__ import annotations

import os

import pytest

from dutygraph.errors import StoreError
from dutygraph.graph.build import build
from dutygraph.graph.neo4j_import import ADMIN_ENV, import_stage
from dutygraph.graph.staging import Stage
from dutygraph.graph.stream import stage_graph

from .test_neo4j import assert_store_equals
from .test_neo4j_csv import SERVER, _need_java_and_jars, assert_database_holds, start_server, stop_server
from .test_neo4j_csv import graph as graph  # noqa: F401 (the fixture: hard CSV cases, a hostile document)


@pytest.fixture()
def admin(monkeypatch):
    java = _need_java_and_jars()
    monkeypatch.setenv(ADMIN_ENV, f"{java} -Xmx1g -cp '{SERVER / 'lib' / '*'}' org.neo4j.cli.AdminTool")
    return java


def test_staged_rows_imported_and_swapped_in_are_the_graph_and_a_running_server_is_refused(tmp_path, graph, admin,
                                                                                           seed_doc):
    from dutygraph.graph.neo4j import Neo4jStore

    home = tmp_path / "home"
    home.mkdir()
    stage = Stage(tmp_path / "stage")
    stage_graph(graph, stage)
    counts = import_stage(stage, home)
    assert sum(counts["edges"].values()) == graph.number_of_edges()
    assert sorted(p.name for p in home.iterdir()) == ["data"]  # nothing left beside the database
    server, port, log = start_server(admin, home, tmp_path / "server.out")
    try:
        with Neo4jStore(uri=f"bolt://127.0.0.1:{port}", database="neo4j") as store:
            assert_store_equals(store, graph)
        with pytest.raises(StoreError, match="a Neo4j server is running on this home; stop it first"):
            import_stage(stage, home)
    finally:
        stop_server(server, log)
    # stopped: a new import replaces the database
    before = os.stat(home / "data" / "databases" / "neo4j").st_ino
    small = Stage(tmp_path / "small")
    stage_graph(build([seed_doc]), small)
    counts = import_stage(small, home)
    assert counts["nodes"]["Document"] == 1
    assert os.stat(home / "data" / "databases" / "neo4j").st_ino != before
    assert not [p.name for p in home.iterdir() if p.name.startswith(".dutygraph")]  # nothing left aside


def test_a_failed_import_leaves_the_home_as_it_was(tmp_path, graph, monkeypatch):
    home = tmp_path / "home"
    (home / "data" / "databases" / "neo4j").mkdir(parents=True)
    (home / "data" / "databases" / "neo4j" / "marker").write_text("old")
    stage = Stage(tmp_path / "stage")
    stage_graph(graph, stage)
    monkeypatch.setenv(ADMIN_ENV, "false")  # an import tool that fails
    with pytest.raises(StoreError, match=r"neo4j-admin import failed \(status 1\), nothing changed"):
        import_stage(stage, home)
    assert (home / "data" / "databases" / "neo4j" / "marker").read_text() == "old"
    assert sorted(p.name for p in home.iterdir()) == ["data"]


def test_files_streamed_by_worker_processes_into_csv_import_as_build_gives_them(tmp_path, admin, seed_path):
    from dutygraph.graph.neo4j_import import import_files
    from dutygraph.loaders import load

    from ..conftest import ROOT

    files = [seed_path, ROOT / "tests" / "fixtures" / "zhuzhou-2019-second-plan.txt"]
    home = tmp_path / "home"
    home.mkdir()
    phases, lines = [], []
    counts, staged = import_files(files, home=home, processes=2, on_phase=phases.append, on_output=lines.append)
    graph = build([load(f) for f in files])
    assert phases == ["stage", "import", "swap", "done"]
    assert len(staged.documents) == 2 and sum(counts["edges"].values()) == graph.number_of_edges()
    assert any(line.startswith("IMPORT DONE") for line in lines)
    assert sorted(p.name for p in home.iterdir()) == ["data"]
    assert_database_holds(admin, home, tmp_path / "server.out", graph)
