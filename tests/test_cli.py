"""The command line: the JSON shape of `extract`, the table, and a fast --help."""

from __future__ import annotations

import json
import subprocess
import sys

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
    result = runner.invoke(app, ["extract", str(seed_path), "--format", "table"])
    assert result.exit_code == 0
    assert "A2-5-2" in result.stdout and "市国投集团" in result.stdout


def test_extract_csv_has_one_line_per_task(seed_path):
    result = runner.invoke(app, ["extract", str(seed_path), "--format", "csv"])
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == 1 + 81


def test_help_does_not_import_heavy_libraries():
    code = ("import sys; from dutygraph.cli import app; "
            "heavy = [m for m in ('networkx', 'neo4j', 'rdflib', 'pyoxigraph', 'real_ladybug', 'pyvis', "
            "'dutygraph.loaders.plain_text') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_build_writes_node_link_json_and_prints_counts(seed_path, tmp_path):
    out = tmp_path / "graph.json"
    result = runner.invoke(app, ["build", str(seed_path), "--out", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {(r["kind"], r["name"]): r["count"] for r in json.loads(result.stdout)}
    data = json.loads(out.read_text("utf-8"))
    assert rows[("node", "Task")] == sum(1 for n in data["nodes"] if n["label"] == "Task") == 108
    assert rows[("edge", "LEADS")] == sum(1 for e in data["edges"] if e["type"] == "LEADS") == 74
