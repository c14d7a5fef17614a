"""Shared fixtures: the seed plan shipped in examples/ (the tests never need ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.neo4j_fixtures import neo4j, neo4j_server  # noqa: F401  (fixtures: a real Neo4j)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "zhuzhou-2018-liangxing-plan.txt"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In strict mode (``make test``, CI) a skipped test is a failed test."""
    outcome = yield
    report = outcome.get_result()
    from tests.strict import strict

    if report.skipped and not hasattr(report, "wasxfail") and strict():
        report.outcome = "failed"
        report.longrepr = f"skipped in strict mode (DUTYGRAPH_STRICT=1 or CI=true): {report.longrepr}"


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    """In strict mode a module skipped whole (``pytest.skip(..., allow_module_level=True)``) fails its collection."""
    outcome = yield
    report = outcome.get_result()
    from tests.strict import strict

    if report.skipped and strict():
        report.outcome = "failed"
        report.longrepr = f"skipped in strict mode (DUTYGRAPH_STRICT=1 or CI=true): {report.longrepr}"


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
