"""Strict mode: where a missing server or browser fails a test instead of skipping it.

``make test`` starts every server the tests need and sets ``DUTYGRAPH_STRICT=1``;
CI sets ``CI=true``. In either case a skip would hide a test that never ran, so
the root ``conftest.py`` turns every skip into a failure and the fixtures that
look for servers call :func:`unavailable`, which fails with the reason.
"""

from __future__ import annotations

import os

import pytest


def strict() -> bool:
    """True when tests must run rather than skip (``DUTYGRAPH_STRICT=1`` or ``CI=true``)."""
    return os.environ.get("DUTYGRAPH_STRICT") == "1" or os.environ.get("CI") == "true"


def unavailable(reason: str):
    """Skip for ``reason`` on a developer's machine; fail in strict mode."""
    if strict():
        pytest.fail(f"{reason} (strict mode: this test must run, not skip)", pytrace=False)
    pytest.skip(reason)
