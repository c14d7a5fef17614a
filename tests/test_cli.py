"""The command line: extract (files, folders), build, export, viz, evaluate, and a fast --help."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from dutygraph.cli import app

runner = CliRunner()


def test_extract_json_shape(seed_path):
    result = runner.invoke(app, ["extract", str(seed_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    doc = data["documents"][0]
    for key, kind in [("source", str), ("title", str), ("plan_title", str), ("issuers", list), ("issued", str),
                      ("published", str), ("key_works", list), ("targets", list), ("tasks", list)]:
        assert isinstance(doc[key], kind), key
    task = doc["tasks"][0]
    assert set(task) >= {"id", "annex", "row", "sub", "title", "text", "zone", "lead", "responsible",
                         "cooperating", "deadline", "amounts", "lines"}
    assert task["lines"] == [56, 56]
    assert task["lead"] == ["市环保局"]
    assert len(doc["tasks"]) == 81
    assert doc["key_works"][0] == {"ref": "二(一)", "title": "全面深化两型改革"}
    assert doc["targets"][0]["text"] == "全市万元GDP能耗下降3.5%以上"


def test_extract_table_shows_tasks_and_units(seed_path):
    # drawn for a pipe (200 columns): COLUMNS unset, whatever the environment running the tests holds (a pytest-xdist
    # worker's holds COLUMNS=80)
    result = runner.invoke(app, ["extract", str(seed_path), "--format", "table"], env={"COLUMNS": None})
    assert result.exit_code == 0
    assert "A2-5-2" in result.stdout and "市国投集团" in result.stdout


def test_extract_csv_has_one_line_per_task(seed_path):
    result = runner.invoke(app, ["extract", str(seed_path), "--format", "csv"])
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == 1 + 81


def test_build_writes_node_link_json_and_prints_counts(seed_path, tmp_path):
    out = tmp_path / "graph.json"
    result = runner.invoke(app, ["build", str(seed_path), "--out", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {(r["kind"], r["name"]): r["count"] for r in json.loads(result.stdout)}
    data = json.loads(out.read_text("utf-8"))
    assert rows[("node", "Task")] == sum(1 for n in data["nodes"] if n["label"] == "Task") == 108
    assert rows[("edge", "LEADS")] == sum(1 for e in data["edges"] if e["type"] == "LEADS") == 74


def test_extract_parquet_writes_tables_that_match_the_csv(seed_path, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "tables"
    result = runner.invoke(app, ["extract", str(seed_path), "--format", "parquet", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["extract", str(seed_path), "--format", "csv"]).stdout)))
    tasks = pq.read_table(out / "tasks.parquet").to_pylist()
    assert [t["task_id"] for t in tasks] == [r["id"] for r in rows]
    assert {t["id"] for t in tasks} == {f"doc/zhuzhou-2018-liangxing-plan/task/{r['id']}" for r in rows}
    leads = [a for a in pq.read_table(out / "assignments.parquet").to_pylist() if a["role"] == "lead"]
    doc = json.loads(runner.invoke(app, ["extract", str(seed_path)]).stdout)["documents"][0]
    assert [(a["task"].rsplit("/", 1)[1], a["unit"]) for a in leads] == [(t["id"], u) for t in doc["tasks"]
                                                                         for u in t["lead"]]
    missing = runner.invoke(app, ["extract", str(seed_path), "--format", "parquet"])
    assert missing.exit_code == 2 and "--out" in missing.stderr


def test_export_parquet_from_files_and_from_the_store_gives_the_graph_counts(seed_path, tmp_path):
    import pyarrow.parquet as pq

    built = {(r["kind"], r["name"]): r["count"]
             for r in json.loads(runner.invoke(app, ["build", str(seed_path), "--format", "json"]).stdout)}
    store = tmp_path / "store"
    assert runner.invoke(app, ["load", str(seed_path), "--store", str(store)]).exit_code == 0
    for args, out in (([str(seed_path)], tmp_path / "files"), (["--store", str(store)], tmp_path / "stored")):
        result = runner.invoke(app, ["export", *args, "--format", "parquet", "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert pq.read_table(out / "tasks.parquet").num_rows == built[("node", "Task")]
        assert pq.read_table(out / "units.parquet").num_rows == built[("node", "Unit")]
        roles = pq.read_table(out / "assignments.parquet").column("role").to_pylist()
        assert roles.count("lead") == built[("edge", "LEADS")]
    assert pq.read_table(tmp_path / "files" / "units.parquet") == pq.read_table(tmp_path / "stored" / "units.parquet")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep")
    result = runner.invoke(app, ["export", str(seed_path), "--format", "parquet", "--out", str(tmp_path / "mine")])
    assert result.exit_code == 2 and "notes.txt" in result.stderr and len(result.stderr.strip().splitlines()) <= 2


def test_help_starts_without_heavy_libraries():
    code = ("import sys; from dutygraph.cli import app\n"
            "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('networkx', 'neo4j', 'rdflib', 'pyoxigraph', 'ladybug', 'pyarrow', 'pyvis', 'bs4',"
            " 'docx', 'pdfplumber', 'openpyxl', 'opencc', 'dutygraph.loaders.plain_text') if m in sys.modules]\n"
            "print(heavy, file=sys.stderr)")
    err = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stderr
    assert err.strip().splitlines()[-1] == "[]"


FIXTURES = Path(__file__).parent / "fixtures"


def test_extract_a_folder_in_two_processes_reports_the_unreadable_file(tmp_path):
    dev = FIXTURES / "dev"
    plans = sorted(p for p in dev.glob("*.txt"))
    result = runner.invoke(app, ["extract", str(dev), "--jobs", "2", "--format", "csv"])
    assert result.exit_code == 2  # one plan of the folder cannot be read
    errors = "\n".join(ln for ln in result.stderr.splitlines() if ln.startswith("dutygraph: error:"))
    failed = [p for p in plans if p.name in errors]
    assert len(failed) == 1 and ":" in errors.split(failed[0].name, 1)[1][:8]  # file:line
    assert sum(ln.startswith("coverage: ") for ln in result.stderr.splitlines()) == len(plans) - 1
    lines = list(csv.DictReader(io.StringIO(result.stdout)))
    one_by_one = sum(len(json.loads(runner.invoke(app, ["extract", str(p)]).stdout)["documents"][0]["tasks"])
                     for p in plans if p != failed[0])
    assert len(lines) == one_by_one and {Path(r["source"]).name for r in lines} == {p.name for p in plans} - {failed[0].name}


def test_export_graphml_reads_back_with_the_graph_counts(seed_path, tmp_path):
    import networkx as nx

    out = tmp_path / "seed.graphml"
    result = runner.invoke(app, ["export", str(seed_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    built = json.loads(runner.invoke(app, ["build", str(seed_path), "--format", "json"]).stdout)
    back = nx.read_graphml(out)
    assert back.number_of_nodes() == sum(r["count"] for r in built if r["kind"] == "node")
    assert back.number_of_edges() == sum(r["count"] for r in built if r["kind"] == "edge")


def test_export_from_the_store_and_refuse_an_unknown_format(seed_path, tmp_path):
    store = tmp_path / "store"
    assert runner.invoke(app, ["load", str(seed_path), "--store", str(store)]).exit_code == 0
    out = tmp_path / "seed.ttl"
    assert runner.invoke(app, ["export", "--store", str(store), "--out", str(out)]).exit_code == 0
    import rdflib

    from dutygraph.graph import vocab

    built = json.loads(runner.invoke(app, ["build", str(seed_path), "--format", "json"]).stdout)
    tasks = next(r["count"] for r in built if r["kind"] == "node" and r["name"] == "Task")
    exported = rdflib.Graph().parse(out, format="turtle")
    assert len(set(exported.subjects(rdflib.RDF.type, rdflib.URIRef(vocab.CLASSES["Task"])))) == tasks
    result = runner.invoke(app, ["export", "--store", str(store), "--out", str(tmp_path / "seed.xyz")])
    assert result.exit_code == 2 and "--format" in result.stderr


def test_viz_writes_an_offline_page_from_files_and_from_the_store(seed_path, tmp_path):
    page = tmp_path / "impact.html"
    result = runner.invoke(app, ["viz", str(seed_path), "--depends", "清水塘", "--out", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text("utf-8")
    assert "清水塘" in html and "http://" not in html.split("</head>")[0].replace("http://www.w3.org", "")
    store = tmp_path / "store"
    assert runner.invoke(app, ["load", str(seed_path), "--store", str(store)]).exit_code == 0
    result = runner.invoke(app, ["viz", "--partners", "--store", str(store), "--out", str(tmp_path / "p.html")])
    assert result.exit_code == 0 and "partners view written" in result.stderr
    result = runner.invoke(app, ["viz", "--unit", "环保局", "--partners", "--store", str(store), "--out", str(page)])
    assert result.exit_code == 4 and "choose one view" in result.stderr


def test_evaluate_scores_the_dev_fixtures():
    result = runner.invoke(app, ["evaluate", str(FIXTURES / "dev"), str(FIXTURES / "dev"), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    seed = next(d for d in report["documents"] if d["document"].startswith("zhuzhou-2018"))
    assert seed["tasks"]["gold"] == seed["tasks"]["predicted"] == 81
    assert 0 < report["total"]["units"]["f1"] <= 1


def test_export_neo4j_csv_writes_the_files_and_prints_the_import_command(seed_path, tmp_path):
    out = tmp_path / "csv"
    result = runner.invoke(app, ["export", str(seed_path), "--format", "neo4j-csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("neo4j-admin database import full")
    files = sorted(p.name for p in out.iterdir())
    assert "nodes_Unit.csv" in files and any(f.startswith("relationships_LEADS_") for f in files)
    assert all(f"{out / f}" in result.stdout for f in files)
    assert not (out / "nodes_Unit.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 without BOM


def test_extract_json_of_several_files_is_the_documents_dump(seed_path):
    from dutygraph.loaders import load
    from dutygraph.output import write_json

    second = FIXTURES / "zhuzhou-2019-second-plan.txt"
    expected = io.StringIO()
    write_json({"documents": [load(seed_path).to_dict(), load(second).to_dict()]}, expected)
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["extract", str(seed_path), str(second), "--jobs", jobs])
        assert result.exit_code == 0 and result.stdout == expected.getvalue()


def test_load_a_folder_streams_it_and_reports_the_unreadable_file(seed_path, tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a.txt").write_bytes(seed_path.read_bytes())
    (folder / "b.txt").write_bytes(b"")
    result = runner.invoke(app, ["load", str(folder), "--store", str(tmp_path / "store"), "--format", "json"])
    assert result.exit_code == 2, result.output  # one file failed; the other is loaded
    assert "b.txt: the file is empty" in result.stderr
    assert "read 1 of 2 files (1 failed): 81 tasks" in result.stderr
    counts = {r["name"]: r["count"] for r in json.loads(result.stdout)}
    assert counts["Document"] == 1 and counts["Task"] == 108


def test_load_neo4j_import_failures_are_one_line_and_change_nothing(seed_path, tmp_path, monkeypatch):
    result = runner.invoke(app, ["load", str(seed_path), "--neo4j-import"], env={"NEO4J_HOME": ""})
    assert result.exit_code == 3 and "--neo4j-import needs the Neo4j home" in result.stderr
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("NEO4J_ADMIN", "false")  # an import tool that fails
    result = runner.invoke(app, ["load", str(seed_path), "--neo4j-import", "--neo4j-home", str(home)])
    assert result.exit_code == 3
    lines = [line for line in result.stderr.splitlines() if not line.startswith("coverage:")]
    assert lines == ["dutygraph: error: neo4j-admin import failed (status 1), nothing changed: no message"]
    assert list(home.iterdir()) == []
