"""Real documents whose tables the table readers of round four learnt to read, each kept above a floor.

Each floor sits a little under the pair F1 (``dutygraph evaluate``'s unit F1) the document reached when its
reader was written, so that a regression in one table layout fails here by name:

* G06 (blind3): a table printed sideways, one cell per line, with merged unit cells (0 before, 0.875);
* C08 (dev): a project table one cell per line whose group rows carry merged number and lead cells (0.467, 1.0);
* C16 (dev): a row table whose 备注 column lists more units (0.545, 1.0);
* C17 (dev): a pipe table the document stops inside, in a row under merged cells (0.889, 1.0);
* D14 (dev), B28 (real): flattened tables with unit cells broken over lines (0.966 and 0.970, both now 1.0 / 0.996).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dutygraph.evaluate import evaluate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FLOORS = {
    "collected/blind3/G06-meishan-2021-minshi-fengongbiao-vertical-cells-merged": 0.85,
    "collected/dev/C08-xinjian-2024-minshi-piaojue-lead-groups": 0.95,
    "collected/dev/C16-weinan-jiaoyuju-2020-guowei-space-rows-spam": 0.95,
    "collected/dev/C17-keqiao-2023-sheng-minshi-pipe-quarter": 0.95,
    "collected/dev/D14-xuhui-nd-shiyiwu-fenjie-flat-table-header-repeat": 0.98,
    "real/B28-baoshan-2019-laji-fenlei-table": 0.99,
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_table_document_keeps_its_pair_f1(tmp_path, name):
    path = FIXTURES / name
    for suffix in (".txt", ".gold.json"):
        shutil.copy(path.with_name(path.name + suffix), tmp_path)
    report = evaluate(tmp_path, tmp_path)
    assert report["total"]["units"]["f1"] >= FLOORS[name], report["documents"]
