"""The three notebooks run from top to bottom (nbclient, the venv's ipykernel) and are saved without outputs."""

from __future__ import annotations

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
