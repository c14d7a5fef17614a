"""docs/schema.md documents every label, relationship type and property the code defines."""

from __future__ import annotations

import re

from dutygraph.graph.schema import DEPENDENCY_BASES, EDGE_ENDPOINTS, EDGE_PROPERTIES, NODE_PROPERTIES

from ..conftest import ROOT

DOC = (ROOT / "docs" / "schema.md").read_text("utf-8")


def _table_row(first_cell: str) -> str:
    rows = re.findall(rf"^\| {re.escape(first_cell)} \|(.*)$", DOC, re.M)
    assert rows, f"docs/schema.md has no table row for {first_cell}"
    return " ".join(rows)


def test_every_label_and_property_is_documented():
    for label, props in NODE_PROPERTIES.items():
        row = _table_row(label)
        for prop in props:
            assert re.search(rf"\b{prop}\b", row), f"{label}.{prop} is not in docs/schema.md"


def test_every_relationship_type_and_endpoint_is_documented():
    for type_, pairs in EDGE_ENDPOINTS.items():
        row = _table_row(type_)
        for source, target in pairs:
            assert source in row and target in row, f"{type_}: {source} -> {target} not documented"


def test_edge_properties_and_bases_are_documented():
    for prop in EDGE_PROPERTIES:
        assert f"`{prop}`" in DOC, prop
    for basis in DEPENDENCY_BASES:
        assert f"`{basis}`" in DOC, basis
