"""README.md shows what the tool prints: every answer block is the output of its command today."""

from __future__ import annotations

import pytest

from tests.readme_answers import README, blocks, loaded_store, plans_of, run

BLOCKS = blocks(README.read_text("utf-8"))
PLANS = plans_of(README.read_text("utf-8"))


def test_the_readme_has_an_answer_for_every_question():
    commands = {command.split()[1] for command, _ in BLOCKS}
    assert {"units", "unit", "task", "depends", "partners", "places", "due", "gaps", "brokers", "cypher",
            "sparql", "documents", "tasks", "compare", "overdue", "recurring"} <= commands


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """plans -> a store holding the shipped example and those plans (made on first use)."""
    made = {}

    def get(plans: tuple[str, ...]):
        if plans not in made:
            made[plans] = loaded_store(tmp_path_factory.mktemp("readme"), plans)
        return made[plans]

    return get


@pytest.mark.parametrize("command, shown", BLOCKS, ids=[c for c, _ in BLOCKS])
def test_the_readme_answer_is_what_the_tool_prints(stores, command, shown):
    store = stores(PLANS.get(command, ()))
    assert run(command, store) == shown, "README.md is out of date: python -m tests.readme_answers --update"
