"""Raw queries are read-only by allow-list on every backend: hostile queries refused, reads still answered.

The hostile lists (``hostile_cypher_neo4j.txt``, ``hostile_cypher_ladybug.txt``,
``hostile_sparql.txt``) hold the issue's payloads and more; each query must be refused
with one clear line, and nothing may be read (no request reaches the loopback servers,
no canary leaks), written (no file appears) or changed (the store's counts stay). The
benign lists, and the catalogue's queries, must still be answered. Real servers
throughout: Neo4j, ``oxigraph serve``, and HTTP servers that record their requests.
"""

from __future__ import annotations

import re
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from dutygraph.errors import QueryError
from dutygraph.queries import raw
from dutygraph.queries.catalogue import QUESTIONS
from tests.graph.oxigraph_server import running_oxigraph
from tests.queries.recording_server import CANARY, queries, recording_server

HOSTILE_NEO4J = queries("hostile_cypher_neo4j.txt")
HOSTILE_LADYBUG = queries("hostile_cypher_ladybug.txt")
HOSTILE_SPARQL = queries("hostile_sparql.txt")
PAYLOAD = 'SELECT ?o WHERE { BIND(1<"a>" AS ?z) SERVICE <{SERVICE}> { ?s ?p ?o } BIND("" AS ?w) }'


def test_each_list_holds_the_issue_payloads_and_at_least_40_queries():
    for hostile in (HOSTILE_NEO4J, HOSTILE_LADYBUG, HOSTILE_SPARQL):
        assert len(hostile) >= 40 and len(set(hostile)) == len(hostile)
    assert PAYLOAD in HOSTILE_SPARQL
    assert "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r" in HOSTILE_NEO4J
    assert {"SHOW TRANSACTIONS", "SHOW SETTINGS"} <= set(HOSTILE_NEO4J)
    assert any("TERMINATE TRANSACTIONS" in q for q in HOSTILE_NEO4J)
    assert any(";" in q for q in HOSTILE_NEO4J) and any(";" in q for q in HOSTILE_LADYBUG)


def _one_line(error: QueryError) -> str:
    message = str(error)
    assert message and "\n" not in message and "Traceback" not in message, message
    assert CANARY not in message
    return message


def _params_for(text: str, defaults: dict) -> dict:
    """The catalogue question's defaults, and a stand-in for each parameter the caller would add."""
    names = set(re.findall(r"\$([A-Za-z_]+)", text))
    return {n: defaults.get(n, [] if n.endswith("s") else "x") for n in names}


@pytest.fixture()
def places(tmp_path):
    """{FILE}: a CSV file holding the canary; {OUT}: a path that must stay absent; {OTHER}: another database."""
    canary = tmp_path / "canary.csv"
    canary.write_text(f"name,value\n{CANARY},1\n", encoding="utf-8")
    return {"{FILE}": str(canary), "{OUT}": str(tmp_path / "out.csv"), "{OTHER}": str(tmp_path / "other.lbug")}


def _fill(query: str, values: dict) -> str:
    for key, value in values.items():
        query = query.replace(key, value)
    return query


# -- embedded Cypher (ladybug) -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def embedded(tmp_path_factory, seed_doc):
    from dutygraph.graph.embedded import EmbeddedStore

    path = tmp_path_factory.mktemp("raw") / "store"
    with EmbeddedStore(path) as store:
        store.load([seed_doc])
    return path


def _embedded_counts(path):
    from dutygraph.graph.embedded import EmbeddedStore

    with EmbeddedStore(path) as store:
        return store.counts("cypher"), store.counts("sparql")


@pytest.mark.parametrize("query", HOSTILE_LADYBUG)
def test_a_hostile_cypher_query_is_refused_on_the_embedded_store(embedded, places, query):
    before = _embedded_counts(embedded)
    with recording_server() as server:
        text = _fill(query, {**places, "{URL}": server.url})
        with pytest.raises(QueryError) as info:
            raw.cypher(text, backend="embedded", store=embedded)
        assert server.requests == []
    _one_line(info.value)
    assert not Path(places["{OUT}"]).exists() and not Path(places["{OTHER}"]).exists()
    assert _embedded_counts(embedded) == before


def test_the_embedded_payloads_read_files_when_not_refused(tmp_path, seed_doc, places):
    """The control: a ladybug database written to without the guard (write=True on a store of its own: the
    embedded store refuses --write) returns the canary for LOAD FROM, and COPY TO writes a file."""
    from dutygraph.graph.build import build
    from dutygraph.graph.ladybug_store import LadybugStore

    with LadybugStore(tmp_path / "control.lbug") as store:
        store.load(build([seed_doc]))
        rows = store.cypher(_fill("LOAD FROM '{FILE}' (file_format='csv', header=true) RETURN *", places), write=True)
        assert rows == [{"name": CANARY, "value": 1}]
        store.cypher(_fill("COPY (MATCH (u:Unit) RETURN u.name) TO '{OUT}'", places), write=True)
    assert (tmp_path / "out.csv").exists()


def test_write_is_refused_on_the_embedded_store(embedded, places):
    with pytest.raises(QueryError, match="--write does not work on the embedded store") as info:
        raw.cypher(_fill("COPY (MATCH (u:Unit) RETURN u.name) TO '{OUT}'", places), backend="embedded",
                   store=embedded, write=True)
    _one_line(info.value)


@pytest.mark.parametrize("query", queries("benign_cypher.txt", "ladybug"))
def test_a_read_is_answered_on_the_embedded_store(embedded, query):
    rows = raw.cypher(query, {"prefix": "株洲", "ids": ["unit/x"]}, backend="embedded", store=embedded)
    assert isinstance(rows, list)


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_each_catalogue_cypher_query_passes_the_embedded_guard(embedded, name):
    question = QUESTIONS[name]
    text = question.cypher_text()
    assert isinstance(raw.cypher(text, _params_for(text, question.params()), backend="embedded", store=embedded),
                      list)


def test_two_statements_are_one_clear_line_with_or_without_write(embedded, tmp_path):
    with pytest.raises(QueryError, match="one statement per query") as info:
        raw.cypher("MATCH (n:Unit) RETURN count(n); MATCH (m:Task) RETURN count(m)", backend="embedded",
                   store=embedded)
    _one_line(info.value)
    from dutygraph.graph.ladybug_store import LadybugStore

    with LadybugStore(tmp_path / "w.lbug") as store, pytest.raises(QueryError, match="one statement") as info:
        store.cypher("RETURN 1; RETURN 2", write=True)
    _one_line(info.value)


def test_a_ladybug_syntax_error_gives_the_users_own_position(embedded):
    with pytest.raises(QueryError) as info:
        raw.cypher("MATCH (n) RETRN n", backend="embedded", store=embedded)
    assert _one_line(info.value).startswith("cypher: syntax error at line 1, column 11:")


# -- Neo4j -------------------------------------------------------------------------------------------------------
def _neo4j_state(store):
    rows = store.run_read
    return (store.counts(), rows("CALL db.labels() YIELD label RETURN collect(label) AS l"),
            rows("SHOW INDEXES YIELD name RETURN collect(name) AS n"),
            rows("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS n"))


def test_every_hostile_cypher_query_is_refused_on_neo4j(neo4j, seed_doc, places):
    neo4j.load([seed_doc])
    before = _neo4j_state(neo4j)
    accepted = []
    with recording_server() as server:
        for query in HOSTILE_NEO4J:
            text = _fill(query, {**places, "{URL}": server.url})
            try:
                raw.neo4j_cypher(neo4j, text, {"url": server.url + "/param.csv"})
            except QueryError as exc:
                _one_line(exc)
            else:
                accepted.append(query)
        assert server.requests == []
    assert accepted == []
    assert _neo4j_state(neo4j) == before


def test_the_neo4j_payloads_reach_the_server_when_not_refused(neo4j):
    """The control: with --write (no guard) LOAD CSV fetches the URL, so the refusals above are real."""
    with recording_server() as server:
        rows = raw.neo4j_cypher(neo4j, f"LOAD CSV FROM '{server.url}/control.csv' AS r RETURN r[0] AS v", write=True)
        assert [r["v"] for r in rows] == ["name", CANARY] and server.requests == [("GET", "/control.csv")]


KILL_PROBE = ("SHOW TRANSACTIONS YIELD transactionId AS t, metaData WHERE metaData.probe = true "
              "TERMINATE TRANSACTIONS t YIELD message RETURN message")


def _probe_survives(neo4j, write: bool) -> bool:
    """Whether another client's open transaction can still commit after KILL_PROBE ran (refused or not)."""
    import neo4j.exceptions as ne

    with neo4j.driver.session(database=neo4j.settings.database) as session:
        tx = session.begin_transaction(metadata={"probe": True})
        tx.run("CREATE (:Probe {at: 1})").consume()
        try:
            raw.neo4j_cypher(neo4j, KILL_PROBE, write=write)
        except QueryError as exc:
            assert not write and "refused" in _one_line(exc)
        try:
            tx.commit()
        except ne.Neo4jError:
            return False
        finally:
            tx.close()
    return neo4j.run_read("MATCH (p:Probe) RETURN count(p) AS n") == [{"n": 1}]


def test_terminate_without_write_leaves_another_clients_transaction_alone(neo4j):
    assert _probe_survives(neo4j, write=False)


def test_terminate_with_write_kills_it(neo4j):
    """The control: unguarded, the same command kills the transaction (the issue's load killed at 14 of 60)."""
    assert not _probe_survives(neo4j, write=True)


def test_a_read_is_answered_on_neo4j(neo4j, seed_doc):
    neo4j.load([seed_doc])
    for query in queries("benign_cypher.txt", "neo4j"):
        assert isinstance(raw.neo4j_cypher(neo4j, query, {"prefix": "株洲", "ids": ["unit/x"]}), list), query
    for name, question in sorted(QUESTIONS.items()):
        text = question.cypher_text()
        assert isinstance(raw.neo4j_cypher(neo4j, text, _params_for(text, question.params())), list), name


def test_neo4j_errors_are_one_line_at_the_users_own_position(neo4j):
    with pytest.raises(QueryError) as info:
        raw.neo4j_cypher(neo4j, "MATCH (n) RETRN n")
    assert _one_line(info.value).startswith("cypher: syntax error at line 1, column 11: Invalid input 'RETRN'")
    with pytest.raises(QueryError) as info:
        raw.neo4j_cypher(neo4j, "MATCH (n)\nRETRN n")
    assert _one_line(info.value).startswith("cypher: syntax error at line 2, column 1:")
    with pytest.raises(QueryError, match="one statement per query") as info:
        raw.neo4j_cypher(neo4j, "MATCH (n) RETURN n; MATCH (m) RETURN m")
    _one_line(info.value)
    with pytest.raises(QueryError) as info:
        raw.neo4j_cypher(neo4j, "CREATE (n:Note {at: 1) RETURN n", write=True)
    assert _one_line(info.value).startswith("cypher: syntax error at line 1, column")


# -- SPARQL: pyoxigraph, a remote endpoint, rdflib -----------------------------------------------------------------
@pytest.fixture(scope="module")
def sparql_servers(tmp_path_factory, seed_doc):
    """A real Oxigraph server holding the seed plan and a canary triple, reached through two recording proxies:
    ``endpoint`` (the store dutygraph queries) and ``service`` (where a SERVICE clause would go)."""
    from dutygraph.graph.build import build
    from dutygraph.graph.sparql_remote import RemoteSparqlStore

    with running_oxigraph(tmp_path_factory.mktemp("oxigraph")) as url:
        store = RemoteSparqlStore(url)
        store.load(build([seed_doc]))
        store.update(f'INSERT DATA {{ <http://example.org/canary> <http://example.org/says> "{CANARY}" }}')
        with recording_server(url) as endpoint, recording_server(url) as service:
            yield endpoint, service


def _sparql_places(service) -> dict:
    return {"{SERVICE}": service.url + "/query", "{URL}": service.url}


def test_the_service_payload_reaches_the_server_when_not_refused(sparql_servers):
    """The control: pyoxigraph itself, unguarded, sends the issue's payload to the loopback server."""
    import pyoxigraph

    _, service = sparql_servers
    seen = len(service.requests)
    rows = list(pyoxigraph.Store().query(_fill(PAYLOAD, _sparql_places(service))))
    assert CANARY in {row["o"].value for row in rows}
    assert len(service.requests) > seen


@pytest.mark.parametrize("query", HOSTILE_SPARQL)
def test_a_hostile_sparql_query_is_refused_on_the_embedded_store(embedded, sparql_servers, query):
    _, service = sparql_servers
    before, seen = _embedded_counts(embedded), len(service.requests)
    with pytest.raises(QueryError) as info:
        raw.sparql(_fill(query, _sparql_places(service)), backend="embedded", store=embedded)
    _one_line(info.value)
    assert len(service.requests) == seen
    assert _embedded_counts(embedded) == before


@pytest.mark.parametrize("query", HOSTILE_SPARQL)
def test_a_hostile_sparql_query_is_refused_before_the_remote_endpoint(sparql_servers, query):
    from dutygraph.graph.sparql_remote import RemoteSparqlStore

    endpoint, service = sparql_servers
    seen = (len(endpoint.requests), len(service.requests))
    with pytest.raises(QueryError) as info:
        raw.sparql(_fill(query, _sparql_places(service)), backend="sparql", endpoint=endpoint.url)
    _one_line(info.value)
    assert (len(endpoint.requests), len(service.requests)) == seen
    with pytest.raises(QueryError):  # bound values too: what is sent is checked
        RemoteSparqlStore(endpoint.url).sparql(_fill(query, _sparql_places(service)), {"x": "1"})


def test_a_hostile_sparql_query_is_refused_by_the_rdflib_runner(sparql_servers):
    from rdflib import Dataset

    from dutygraph.queries.connect import rdflib_runner

    _, service = sparql_servers
    run, seen = rdflib_runner(Dataset()), len(service.requests)
    for query in HOSTILE_SPARQL:
        with pytest.raises(QueryError):
            run(_fill(query, _sparql_places(service)))
    assert len(service.requests) == seen


def _sparql_reads():
    reads = queries("benign_sparql.txt")
    return reads + [QUESTIONS[n].sparql_text() for n in sorted(QUESTIONS) if QUESTIONS[n].has_sparql]


@pytest.mark.parametrize("query", _sparql_reads())
def test_a_sparql_read_is_answered_embedded_and_remote(embedded, sparql_servers, query):
    endpoint, _ = sparql_servers
    seen = len(endpoint.requests)
    for result in (raw.sparql(query, backend="embedded", store=embedded),
                   raw.sparql(query, backend="sparql", endpoint=endpoint.url)):
        assert isinstance(result, (list, bool))
    assert len(endpoint.requests) == seen + 1


def test_sparql_syntax_errors_are_one_line_with_line_and_column(embedded):
    with pytest.raises(QueryError) as info:
        raw.sparql("SELECT ?s\nWHERE { ?s ?p }", backend="embedded", store=embedded)
    assert re.fullmatch(r"sparql: syntax error at line 2, column \d+, near .*", _one_line(info.value))
    with pytest.raises(QueryError) as info:
        raw.sparql("SELECT * WHERE { ?s ?p ?o } LIMIT", backend="embedded", store=embedded)
    assert "line 1, column" in _one_line(info.value) and "\\u" not in str(info.value)


def test_the_remote_query_url_is_what_the_proxy_forwards(sparql_servers):
    """The proxies are real: a query through the endpoint proxy answers with the canary the server holds."""
    endpoint, _ = sparql_servers
    body = urllib.parse.urlencode({"query": "SELECT ?o WHERE { <http://example.org/canary> ?p ?o }"}).encode()
    request = urllib.request.Request(endpoint.url + "/query", data=body,
                                     headers={"Content-Type": "application/x-www-form-urlencoded",
                                              "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert CANARY in response.read().decode()


# -- what README.md promises ---------------------------------------------------------------------------------------
def test_the_readme_security_model_names_exactly_what_is_allowed():
    from dutygraph.graph import ladybug_guard, neo4j_guard, query_guard
    from tests.readme_answers import README

    section = " ".join(README.read_text("utf-8").split("## Security model", 1)[1].split("\n## ", 1)[0].split())

    def names(after: str, until: str, nth: int = 1) -> list[str]:
        return re.findall(r"`([^`]+)`", section.split(after)[nth].split(until, 1)[0])

    assert names("`CALL` may name only", ";", 1) == list(neo4j_guard.READ_PROCEDURES)
    assert names("`CALL` may name only", ";", 2) == list(ladybug_guard.READ_TABLE_FUNCTIONS)
    openings = [w.replace("OPTIONAL", "OPTIONAL MATCH") for w in ladybug_guard.FIRST_WORDS]
    assert names("one statement, opening with", ", without") == openings
    assert names("grammar; only", " pass,") == list(query_guard.READ_FORMS.values())
    updates = {w for v in query_guard._UPDATES.values() for w in re.split(r"[ /]", v) if w not in ("DATA", "WHERE")}
    assert set(names("every update (", ")")) == updates


def test_pyoxigraph_results_are_freed_in_their_own_thread(embedded):
    """No stray "unsendable" line: results made in the time-limit thread are not left for another to free."""
    import subprocess
    import sys

    code = ("import gc, sys; from dutygraph.queries import raw\n"
            "for q in ('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', 'ASK { ?s ?p ?o }', "
            "'CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2', 'SELECT * WHERE { ?s ?p }'):\n"
            "    try:\n        raw.sparql(q, store=sys.argv[1])\n    except Exception as exc:\n        print(exc)\n"
            "gc.collect()\n")
    result = subprocess.run([sys.executable, "-c", code, str(embedded)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert result.stdout.startswith("sparql: syntax error at line 1")
