"""The dev documents (tests/fixtures/dev, copied with their source lines) against the facts annotated for them.

Each ``NAME.gold.json`` was typed by reading ``NAME.txt`` (docs/evaluation.md); every
annotated task must be found, with exactly its units per role, its leaders and its
inferred units. 09 is a PDF table copied with its columns interleaved: its gold
holds the facts a reader sees in it, and the loader refuses it instead of guessing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dutygraph.errors import InputError
from dutygraph.evaluate import match_tasks
from dutygraph.loaders import load

DEV = Path(__file__).resolve().parent.parent / "fixtures" / "dev"
GOLD = sorted(DEV.glob("*.gold.json"))
UNREADABLE = {"09-beijing-2021-air-pdf-table": "interleaved"}


def gold_of(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))["documents"][0]


def stem(path: Path) -> str:
    return path.name[: -len(".gold.json")]


def test_every_dev_document_is_annotated():
    assert sorted(p.stem for p in DEV.glob("*.txt")) == [stem(g) for g in GOLD]
    for p in DEV.glob("[0-9]*.txt"):  # the excerpts; the seed plan is whole, as in examples/
        first = p.read_text("utf-8").splitlines()[0]
        assert first.startswith("# source: http"), p.name


@pytest.mark.parametrize("gold_path", GOLD, ids=stem)
def test_annotated_tasks_and_units(gold_path):
    gold = gold_of(gold_path)
    path = DEV / gold["source"]
    if stem(gold_path) in UNREADABLE:
        with pytest.raises(InputError, match=UNREADABLE[stem(gold_path)]):
            load(path)
        return
    got = load(path).to_dict()["tasks"]
    pairs = match_tasks(gold["tasks"], got)
    missing = [t["id"] for i, t in enumerate(gold["tasks"]) if i not in pairs]
    assert not missing, f"annotated tasks not found: {missing}"
    assert len(got) == len(gold["tasks"]), "no task beyond the annotated ones"
    for i, j in pairs.items():
        want, have = gold["tasks"][i], got[j]
        for key in ("lead", "responsible", "cooperating", "leaders"):
            assert have[key] == want[key], (want["id"], key)
        assert {(x["unit"], x["role"]) for x in have["inferred"]} == {(x["unit"], x["role"]) for x in want["inferred"]}
        if want.get("deadline"):
            assert have["deadline"] == want["deadline"], want["id"]


@pytest.mark.parametrize("gold_path", [g for g in GOLD if stem(g) not in UNREADABLE], ids=stem)
def test_annotated_document_facts(gold_path):
    gold = gold_of(gold_path)
    doc = load(DEV / gold["source"]).to_dict()
    for key in ("title", "plan_title", "issuers", "issued", "number", "published"):
        if key in gold:
            assert doc[key] == gold[key], key


def test_traditional_dev_document_keeps_its_script():
    doc = load(DEV / "22-xianyang-2022-fangguanfu-trad.txt")
    assert doc.tasks[0].text.startswith("全面實施行政許可事項清單管理。")
    assert doc.tasks[0].assignments[0].unit == "市政府辦公室"


def test_inferred_basis_names_the_note_line():
    doc = load(DEV / "13-sichuan-2022-liutong-brackets.txt")
    assert {a.basis for t in doc.tasks for a in t.assignments if a.inferred} == {"下同 note at line 11"}
