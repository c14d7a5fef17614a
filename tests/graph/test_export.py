"""Exports read back: GraphML and GEXF with networkx, node-link JSON, RDF with pyoxigraph."""

from __future__ import annotations

import io
import json
from collections import Counter

import networkx as nx
import pytest

from dutygraph.graph.build import build
from dutygraph.graph.export import FORMATS, export, format_of
from dutygraph.graph.node_link import counts, read_node_link


@pytest.fixture(scope="module")
def graph(seed_doc):
    return build([seed_doc])


def test_graphml_read_back_has_the_graph_counts(graph, tmp_path):
    path = tmp_path / "seed.graphml"
    export(graph, "graphml", path)
    back = nx.read_graphml(path)
    assert {"nodes": dict(sorted(Counter(d["label"] for _, d in back.nodes(data=True)).items())),
            "edges": dict(sorted(Counter(d["type"] for _, _, d in back.edges(data=True)).items()))} == counts(graph)
    unit = back.nodes["unit/株洲市清水塘投资集团"]
    assert set(unit["aliases"].split(";")) == {"清水塘投资集团", "市清水塘投资集团"}


def test_gexf_read_back_has_the_graph_counts(graph, tmp_path):
    path = tmp_path / "seed.gexf"
    export(graph, "gexf", path)
    back = nx.read_gexf(path)
    assert Counter(d["node_label"] for _, d in back.nodes(data=True)) == Counter(counts(graph)["nodes"])
    assert Counter(d["rel_type"] for _, _, d in back.edges(data=True)) == Counter(counts(graph)["edges"])
    assert back.nodes["unit/株洲市发展和改革委员会"]["label"] == "株洲市发展和改革委员会"  # what Gephi shows


def test_node_link_json_round_trip(graph):
    buf = io.BytesIO()
    export(graph, "json", buf)
    back = read_node_link(io.StringIO(buf.getvalue().decode("utf-8")))
    assert counts(back) == counts(graph)
    assert json.loads(buf.getvalue())["nodes"][0]["id"]


@pytest.mark.parametrize("fmt", ["turtle", "trig", "jsonld", "nt", "nquads", "rdfxml"])
def test_rdf_exports_are_written(graph, tmp_path, fmt):
    import pyoxigraph as ox

    path = tmp_path / f"seed{'.' + fmt}"
    export(graph, fmt, path)
    assert list(ox.parse(path=str(path), format=ox.RdfFormat.from_extension(
        {"turtle": "ttl", "jsonld": "jsonld", "nquads": "nq", "rdfxml": "rdf"}.get(fmt, fmt))))


def test_formats_by_suffix():
    assert format_of("a.ttl") == "turtle" and format_of("b.graphml") == "graphml" and format_of("c.x") is None
    assert set(FORMATS) >= {"graphml", "gexf", "json", "turtle", "nt", "trig", "jsonld"}
