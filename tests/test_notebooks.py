"""The three notebooks run from top to bottom (nbclient, the venv's ipykernel), say which plans they load, and
are saved without outputs; `make notebooks` opens them in JupyterLab."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_three_notebooks_are_there():
    assert [p.name for p in NOTEBOOKS] == ["01-quick-start.ipynb", "02-accountability-analysis.ipynb",
                                           "03-cypher-and-sparql.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_saved_without_outputs(path: Path):
    import nbformat

    book = nbformat.read(path, as_version=4)
    nbformat.validate(book)
    for cell in book.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: saved with outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path: Path, tmp_path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("DUTYGRAPH_NOTEBOOK_OUT", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    book = nbformat.read(path, as_version=4)
    NotebookClient(book, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()  # raises on a failing cell
    text = []
    for cell in book.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                text.append(out["text"])
            elif out.get("output_type") in ("execute_result", "display_data"):
                text.append(out["data"].get("text/plain", ""))
    joined = "\n".join(text)
    assert "missing from font" not in joined and "Glyph" not in joined, "a chart lost its Chinese labels"
    assert "no CJK font" not in joined
    if path.stem.startswith("02"):
        images = [o for c in book.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
        assert len(images) == 4, "four charts"
    pages = list(tmp_path.glob("*.html"))
    assert pages, "each notebook writes at least one page"

    # it says which plans it loads, and loads those: the plans table lists the files its text names
    said = set()
    for cell in book.cells:
        if cell.cell_type == "markdown" and "Plans loaded" in cell.source:
            said |= set(re.findall(r"`([\w./-]+\.(?:txt|docx|pdf|xlsx|html))`", cell.source.split("Plans loaded")[1]))
    assert said, f"{path.name} does not say which plans it loads"
    shown = next((t for t in text if "plan | file | tasks" in t), None)
    assert shown is not None, f"{path.name} does not show the plans it loaded"
    rows = shown.split("plan | file | tasks", 1)[1].strip().splitlines()
    loaded = {line.split(" | ")[1] for line in rows if line.count(" | ") == 2}
    assert loaded == said
    if path.stem.startswith("02"):
        # the README's figures are for the seed alone: the brokers table is the CLI's on the seed
        from dutygraph.graph.build import build
        from dutygraph.loaders import load
        from dutygraph.viz import analysis
        from dutygraph.viz.notebook import SEED, Table

        expected = repr(Table(analysis.brokers(build([load(SEED)]), limit=10)))
        assert expected in text


def test_make_notebooks_installs_jupyterlab_apart_and_opens_the_folder():
    """`make notebooks` installs the notebooks extra (JupyterLab) into .venv and launches it on notebooks/."""
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(r.startswith("jupyterlab") for r in extras["notebooks"])
    assert not any(r.startswith("jupyterlab") for r in extras["test"]), "make test stays fast"
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}  # under make test
    plan = subprocess.run(["make", "--no-print-directory", "-n", "-W", "pyproject.toml", "notebooks"], cwd=ROOT,
                          capture_output=True, text=True, check=True, env=env).stdout
    assert ".[test,notebooks]" in plan and re.search(r"jupyter lab .*notebooks/$", plan.strip().splitlines()[-1])
