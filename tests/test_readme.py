"""README.md shows what the tool prints: every answer block is the output of its command today."""

from __future__ import annotations

import pytest

from tests.readme_answers import README, Stores, answer, blocks_with_options

BLOCKS = blocks_with_options(README.read_text("utf-8"))


def test_the_readme_has_an_answer_for_every_question():
    commands = {command.split()[1] for command, _, _ in BLOCKS}
    assert {"units", "unit", "task", "depends", "partners", "places", "due", "gaps", "brokers", "cypher",
            "sparql", "documents", "tasks", "compare", "overdue", "recurring"} <= commands


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    return Stores(tmp_path_factory.mktemp("readme"))


@pytest.mark.parametrize("command, shown, opts", BLOCKS, ids=[c for c, _, _ in BLOCKS])
def test_the_readme_answer_is_what_the_tool_prints(stores, command, shown, opts):
    assert answer(command, opts, stores) == shown, "README.md is out of date: python -m tests.readme_answers --update"
