"""The fixture series (tests/fixtures/series/: three yearly plans of one city, written for the tests) for CLI tests."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dutygraph.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "zhuzhou-2018-liangxing-plan.txt"
SERIES = ROOT / "tests" / "fixtures" / "series"
DOC_2021, DOC_2022, DOC_2023 = (f"doc/zhuzhou-{y}-minsheng" for y in (2021, 2022, 2023))
SEED_DOC = "doc/zhuzhou-2018-liangxing-plan"

runner = CliRunner()


def run(*args, env: dict | None = None):
    """The real CLI, in process; a table is drawn at 200 columns unless ``env`` says otherwise."""
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200", **(env or {})})


def rows(*args) -> list[dict]:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def load_series(folder: Path) -> Path:
    """An embedded store in ``folder`` holding the shipped plan and the series."""
    store = folder / "store"
    result = run("load", SEED, SERIES, "--store", store)
    assert result.exit_code == 0, result.output
    return store
