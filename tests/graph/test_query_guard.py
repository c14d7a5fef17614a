"""The SPARQL guard: a real parser decides, so words inside literals, IRIs and comments are data."""

from __future__ import annotations

import time

import pytest

from dutygraph.errors import QueryError
from dutygraph.graph.query_guard import MAX_QUERY_CHARS, check_sparql, oxigraph_error


@pytest.mark.parametrize("query", [
    'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:1/> { }" }',
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:1/> DROP ALL",
    "SELECT * WHERE { ?s ?p 'FROM <x> ; INSERT DATA { }' }",
    "SELECT ?x WHERE { BIND(1<2 AS ?x) }",
])
def test_words_in_literals_iris_and_comments_are_data(query):
    assert check_sparql(query) == "SELECT"


def test_each_read_form_is_named():
    assert [check_sparql(q) for q in ("SELECT * WHERE { ?s ?p ?o }", "ASK { ?s ?p ?o }",
                                      "CONSTRUCT WHERE { ?s ?p ?o }", "DESCRIBE <http://x/a>")] == \
        ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]


@pytest.mark.parametrize("query, named", [("LOAD <http://x/>", "LOAD"), ("CLEAR ALL", "CLEAR"),
                                          ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
                                          ("INSERT DATA { <http://x/a> <http://x/b> 1 }", "INSERT DATA")])
def test_an_update_is_refused_by_name(query, named):
    with pytest.raises(QueryError, match=f"refused: {named} is a SPARQL update"):
        check_sparql(query)


def test_an_escaped_service_keyword_is_still_service():
    with pytest.raises(QueryError, match="SERVICE"):
        check_sparql(r"SELECT * WHERE { \u0053ERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }")


def test_a_long_query_passes_and_an_oversized_one_is_refused_quickly():
    assert check_sparql("SELECT * WHERE { " + "?s ?p ?o . " * 500 + "}") == "SELECT"
    start = time.monotonic()
    with pytest.raises(QueryError, match="characters long"):
        check_sparql("SELECT * WHERE { ?s ?p ?o } #" + "x" * MAX_QUERY_CHARS)
    with pytest.raises(QueryError, match="nested too deeply"):
        check_sparql("SELECT * WHERE { FILTER(" + "(" * 20000 + "1" + ")" * 20000 + ") }")
    assert time.monotonic() - start < 5


def test_pyoxigraphs_syntax_error_is_one_short_line():
    import pyoxigraph

    with pytest.raises(SyntaxError) as info:
        pyoxigraph.Store().query("SELECT * WHERE {\n ?s ?p ?o .\n FILTER(?o = ) }")
    message = oxigraph_error(str(info.value))
    assert message.startswith("sparql: syntax error at line 3, column ") and "\n" not in message
    assert len(message) < 200 and message.count(",") <= 7
