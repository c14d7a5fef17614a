"""Fixtures of the picture tests: a corpus of ten generated plans (benchmarks/generate_corpus.py) and a headless
Chromium to open the pages in."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from ..conftest import ROOT


@pytest.fixture(scope="session")
def ten_plans(tmp_path_factory):
    """A folder of ten generated plans of six cities (seed 0), as `generate_corpus.py OUT --docs 10` writes it."""
    spec = importlib.util.spec_from_file_location("generate_corpus", ROOT / "benchmarks" / "generate_corpus.py")
    module = sys.modules.get("generate_corpus") or importlib.util.module_from_spec(spec)
    if "generate_corpus" not in sys.modules:
        sys.modules["generate_corpus"] = module   # its dataclasses look their module up
        spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("ten-plans")
    module.write_corpus(out, 10, seed=0)
    return out


@pytest.fixture(scope="session")
def ten_plans_graph(ten_plans):
    from dutygraph.graph.build import build
    from dutygraph.loaders import load

    return build([load(p) for p in sorted(ten_plans.glob("*.txt"))])


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    """Headless Chromium (dutygraph.viz.browser), one per test module; missing, the test is unavailable."""
    from dutygraph.viz import browser
    from tests.strict import unavailable

    missing = browser.available()
    if missing:
        unavailable(f"headless Chromium not available ({missing}): run tools/install-browser.sh")
    with browser.chromium(tmp_path_factory.mktemp("chromium-profile")) as d:
        yield d
