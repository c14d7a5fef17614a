"""CSV export for neo4j-admin: the files parse back to the graph, and the real import tool loads them.

The import test runs ``neo4j-admin database import full`` from the jars of
tools/neo4j-test-server/lib (``org.neo4j.cli.AdminTool``) into a temporary
Neo4j home, starts a second server on that home (the test server's launcher, on
a free port) and compares what it holds with ``build()``. It needs Java and the
jars that ``tools/neo4j-test-server/up.sh`` fetches; without them it is skipped
(failed in CI).
"""

from __future__ import annotations

import csv
import os
import shlex
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.strict import unavailable

from dutygraph.graph.build import build
from dutygraph.graph.neo4j_csv import export_neo4j_csv

from ..conftest import ROOT
from .test_neo4j import SECOND_ID, assert_store_equals, graph_dump, hostile_document

SERVER = ROOT / "tools" / "neo4j-test-server"
JVM_OPTS = ["-Xms256m", "-Xmx1g", "-Dio.netty.tryReflectionSetAccessible=true"] + [
    f"--add-opens=java.base/{p}=ALL-UNNAMED"
    for p in ("java.nio", "sun.nio.ch", "java.io", "java.lang", "java.util", "java.util.concurrent")]


@pytest.fixture(scope="module")
def graph(seed_doc):
    from dutygraph.loaders import load

    g = build([seed_doc, load(ROOT / "tests" / "fixtures" / "zhuzhou-2019-second-plan.txt"), hostile_document()])
    task = next(n for n, d in g.nodes(data=True) if d["label"] == "Task" and d["document"] == SECOND_ID)
    g.nodes[task]["text"] = '逗号,引号"和\n换行; 分号'  # CSV's hard cases in one cell
    return g


def files_of(command: str) -> tuple[list[Path], list[Path], str]:
    args = shlex.split(command)
    delimiter = next(a.split("=", 1)[1] for a in args if a.startswith("--array-delimiter="))
    nodes = [Path(a.split("=", 1)[1]) for a in args if a.startswith("--nodes=")]
    rels = [Path(a.split("=", 1)[1]) for a in args if a.startswith("--relationships=")]
    return nodes, rels, delimiter


def parse(value: str, kind: str, delimiter: str):
    if value == "":
        return None
    if kind.endswith("[]"):
        return [parse(x, kind[:-2], delimiter) for x in value.split(delimiter)]
    return {"int": int, "double": float, "boolean": lambda v: v == "true"}.get(kind, str)(value)


def read_back(command: str):
    """The nodes and relationships the CSV files describe, as graph_dump gives them."""
    import networkx as nx

    g = nx.MultiDiGraph()
    node_files, rel_files, delimiter = files_of(command)
    for path in node_files + rel_files:
        assert path.read_bytes()[:3] != b"\xef\xbb\xbf", f"{path} starts with a BOM"
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        header = [h.rsplit(":", 1) if ":" in h else [h, "string"] for h in rows[0]]  # ":LABEL" -> ("", "LABEL")
        for row in rows[1:]:
            assert len(row) == len(header)
            props = {name: parse(v, kind, delimiter) for (name, kind), v in zip(header, row) if name}
            props = {k: v for k, v in props.items() if v is not None}
            if path in node_files:
                label = row[1]
                assert rows[0][0] == f"id:ID({label})" and rows[0][1] == ":LABEL"
                g.add_node(row[0], label=label, **props)
            else:
                g.add_edge(row[0], row[1], type=row[2], **props)
    return g


def test_the_csv_files_parse_back_to_the_graph(tmp_path, graph):
    command = export_neo4j_csv(graph, tmp_path)
    assert command.startswith("neo4j-admin database import full --nodes=")
    assert command.endswith(" --id-type=string '--array-delimiter=;' --multiline-fields=true neo4j")
    assert graph_dump(read_back(command)) == graph_dump(graph)
    header = (tmp_path / "relationships_LEADS_Unit_Task.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == (":START_ID(Unit),:END_ID(Task),:TYPE,document:string,line_first:int,line_last:int,"
                      "printed:string,inferred:boolean,basis:string,role:string,documents:string[]")
    task_header = (tmp_path / "nodes_Task.csv").read_text(encoding="utf-8").splitlines()[0]
    assert task_header.startswith("id:ID(Task),:LABEL,name:string,task_id:string,kind:string,annex:int,")
    assert "amount_total:double" in task_header and "amounts:string[]" in task_header


def test_a_list_item_holding_the_delimiter_gets_another(tmp_path, graph):
    g = graph.copy()
    unit = next(n for n, d in g.nodes(data=True) if d["label"] == "Unit")
    g.nodes[unit]["aliases"] = sorted(g.nodes[unit]["aliases"] + ["甲;乙"])
    command = export_neo4j_csv(g, tmp_path)
    assert "'--array-delimiter=|'" in command
    assert graph_dump(read_back(command)) == graph_dump(g)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _need_java_and_jars() -> str:
    java = shutil.which("java", path=os.path.join(os.environ["JAVA_HOME"], "bin") if os.environ.get("JAVA_HOME")
                        else None)
    missing = [what for what, ok in (("java", java), ("the Neo4j jars (run tools/neo4j-test-server/up.sh)",
                                                     (SERVER / "lib" / ".complete").exists()),
                                     ("the compiled launcher (run tools/neo4j-test-server/up.sh)",
                                      (SERVER / "classes" / "Launcher.class").exists())) if not ok]
    if missing:
        reason = "neo4j-admin import test needs " + " and ".join(missing)
        unavailable(reason)
    return java


def test_neo4j_admin_import_loads_the_same_graph(tmp_path, graph):
    java = _need_java_and_jars()
    command = export_neo4j_csv(graph, tmp_path / "csv")
    home = tmp_path / "home"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("")
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    imported = subprocess.run([java, "-Xmx1g", "-cp", str(SERVER / "lib" / "*"), "org.neo4j.cli.AdminTool",
                               *shlex.split(command)[1:]], env=env, capture_output=True, text=True, timeout=300,
                              cwd=tmp_path)  # (it writes import.report into the working directory)
    assert imported.returncode == 0, imported.stdout[-3000:] + imported.stderr[-3000:]
    assert f"{graph.number_of_edges()} relationships" in imported.stdout

    assert_database_holds(java, home, tmp_path / "server.out", graph)


def assert_database_holds(java: str, home, out, graph) -> None:
    """Start a server on the database in ``home``, assert it holds ``graph``, stop it."""
    from dutygraph.graph.neo4j import Neo4jStore

    server, port, log = start_server(java, home, out)
    try:
        with Neo4jStore(uri=f"bolt://127.0.0.1:{port}", database="neo4j") as store:
            assert_store_equals(store, graph)
    finally:
        stop_server(server, log)


def start_server(java: str, home, out):
    """A Neo4j server (the test server's launcher) on ``home`` and a free port; waits until it is ready."""
    port = _free_port()
    log = open(out, "w")
    server = subprocess.Popen([java, *JVM_OPTS, "-cp", f"{SERVER / 'classes'}:{SERVER / 'lib' / '*'}", "Launcher",
                               str(home)], env={**os.environ, "NEO4J_BOLT_PORT": str(port)}, stdout=log,
                              stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 120
    while "NEO4J READY" not in out.read_text(errors="replace"):
        assert server.poll() is None, out.read_text(errors="replace")[-3000:]
        assert time.monotonic() < deadline, "the imported database did not start in 120 s"
        time.sleep(0.3)
    return server, port, log


def stop_server(server, log) -> None:
    """Stop a server :func:`start_server` started."""
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    log.close()
