"""Shared fixtures: the seed plan shipped in examples/ (the tests never need ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "zhuzhou-2018-liangxing-plan.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_doc():
    from dutygraph.loaders import load

    return load(SEED)


@pytest.fixture(scope="session")
def seed_tasks(seed_doc):
    return {t.id: t for t in seed_doc.tasks}
