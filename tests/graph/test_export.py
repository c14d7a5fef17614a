"""Exports read back where users open them: GraphML with networkx and igraph, GEXF, node-link JSON, RDF with
pyoxigraph, JSON-LD with rdflib."""

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
    assert {"nodes": dict(sorted(Counter(d["type"] for _, d in back.nodes(data=True)).items())),
            "edges": dict(sorted(Counter(d["type"] for _, _, d in back.edges(data=True)).items()))} == counts(graph)
    unit = back.nodes["unit/株洲市清水塘投资集团"]
    assert set(unit["aliases"].split(";")) == {"清水塘投资集团", "市清水塘投资集团"}


def test_graphml_label_is_the_name_and_type_its_own_attribute(graph, tmp_path):
    """What Gephi shows as a node's label is its name, never its schema label (every node "Unit")."""
    path = tmp_path / "seed.graphml"
    export(graph, "graphml", path)
    back = nx.read_graphml(path)
    for node, data in graph.nodes(data=True):
        assert back.nodes[node]["label"] == (data.get("name") or node)
        assert back.nodes[node]["type"] == data["label"]
    assert back.nodes["unit/株洲市清水塘投资集团"]["label"] == "株洲市清水塘投资集团"
    assert len({d["label"] for _, d in back.nodes(data=True)}) > len(counts(graph)["nodes"])


def test_graphml_reads_in_igraph(graph, tmp_path):
    import igraph

    path = tmp_path / "seed.graphml"
    export(graph, "graphml", path)
    back = igraph.Graph.Read_GraphML(str(path))
    assert back.vcount() == graph.number_of_nodes() and back.ecount() == graph.number_of_edges()
    assert back.is_directed()
    by_id = {v["id"]: v for v in back.vs}
    unit = by_id["unit/株洲市发展和改革委员会"]
    assert unit["label"] == "株洲市发展和改革委员会" and unit["type"] == "Unit"
    assert Counter(back.vs["type"]) == Counter(counts(graph)["nodes"])
    assert Counter(back.es["type"]) == Counter(counts(graph)["edges"])


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # inside rdflib
def test_jsonld_default_graph_holds_the_data(graph, tmp_path):
    """rdflib's plain Graph reads the default graph only: it must hold every triple of the merged graph."""
    import rdflib

    from dutygraph.graph.rdf import triples

    path = tmp_path / "seed.jsonld"
    export(graph, "jsonld", path)
    back = rdflib.Graph().parse(str(path), format="json-ld")
    assert len(back) == len(triples(graph)) > 1000
    label = rdflib.URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    assert rdflib.Literal("株洲市清水塘投资集团") in set(back.objects(None, label))


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


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # inside rdflib
def test_cli_exports_open_in_igraph_and_rdflib(seed_path, tmp_path):
    """`dutygraph export` on the real CLI: GraphML names its nodes for Gephi and igraph, JSON-LD reads in rdflib."""
    import igraph
    import rdflib
    from typer.testing import CliRunner

    from dutygraph.cli import app

    runner = CliRunner()
    graphml, jsonld = tmp_path / "seed.graphml", tmp_path / "seed.jsonld"
    for out in (graphml, jsonld):
        result = runner.invoke(app, ["export", str(seed_path), "--out", str(out)])
        assert result.exit_code == 0, result.output
    g = igraph.Graph.Read_GraphML(str(graphml))
    names = set(g.vs["label"])
    assert "株洲市清水塘投资集团" in names and "Unit" not in names
    assert set(g.vs["type"]) >= {"Unit", "Task", "Document"}
    assert len(rdflib.Graph().parse(str(jsonld), format="json-ld")) > 1000
