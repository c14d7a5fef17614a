"""The text loader against plans it has never seen: generated ones, with their gold.

benchmarks/generate_corpus.py writes plans in the seed's grammar from other
cities and other names, with every quirk (split cells and titles, bare markers,
NBSP blanks, page-break rows, zone tables) at realistic rates, and the facts
they hold. Extraction must reproduce every one of them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import generate_corpus  # noqa: E402

from dutygraph.loaders.plain_text import parse_plain_text  # noqa: E402

TASK_KEYS = ["id", "annex", "row", "sub", "title", "text", "zone", "lead", "responsible", "cooperating",
             "deadline", "amounts", "lines"]
DOC_KEYS = ["title", "plan_title", "issuers", "issued", "published", "key_works"]


@pytest.mark.parametrize("seed", range(40))
def test_generated_plan_is_read_exactly(seed):
    text, gold = generate_corpus.generate_plan(seed, annexes=None)
    expected = gold["documents"][0]
    got = parse_plain_text(text, expected["source"]).to_dict()
    for key in DOC_KEYS:
        assert got[key] == expected[key], key
    assert [t["text"] for t in got["targets"]] == [t["text"] for t in expected["targets"]]
    assert [t["id"] for t in got["tasks"]] == [t["id"] for t in expected["tasks"]]
    for mine, theirs in zip(got["tasks"], expected["tasks"]):
        assert {k: mine[k] for k in TASK_KEYS} == {k: theirs[k] for k in TASK_KEYS}
