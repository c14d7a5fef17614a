"""The ``neo4j`` fixture: a :class:`~dutygraph.graph.neo4j.Neo4jStore` on a real, emptied Neo4j server (import it into a conftest).

The server is NEO4J_URI if set (credentials from NEO4J_USERNAME / NEO4J_PASSWORD,
database NEO4J_DATABASE), else bolt://127.0.0.1:$NEO4J_BOLT_PORT (default 7687)
with no auth: start it with ``bash tools/neo4j-test-server/up.sh``. Every test
using the fixture starts from an EMPTY database (constraints and indexes stay),
so never point NEO4J_URI / NEO4J_DATABASE at data you want to keep.

Test runs sharing a server (several checkouts, several engineers) take turns,
one test at a time, through a lock file (see :func:`exclusive`).

When no server answers, the tests are skipped, except in strict mode (``make test``,
``CI=true``; see tests/strict.py), where they fail: CI must show that they ran.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest


from tests.strict import unavailable as _unavailable


def neo4j_uri() -> str:
    return os.environ.get("NEO4J_URI") or f"bolt://127.0.0.1:{os.environ.get('NEO4J_BOLT_PORT') or '7687'}"


@pytest.fixture(scope="session")
def neo4j_server():
    """One store (one driver) for the session; skipped (failed in CI) when no server answers."""
    try:
        import neo4j  # noqa: F401
    except ImportError:
        _unavailable("the neo4j driver is not installed (pip install neo4j neo4j-rust-ext)")
    from dutygraph.graph.neo4j import Neo4jStore

    uri = neo4j_uri()
    store = Neo4jStore(uri=uri, database=os.environ.get("NEO4J_DATABASE") or "neo4j", connection_timeout=5.0)
    try:
        store.driver.verify_connectivity()
    except Exception as exc:  # noqa: BLE001 - any failure means: no usable server
        store.close()
        _unavailable(f"no Neo4j answers at {uri} ({type(exc).__name__}: {exc}); "
                     "start one with `bash tools/neo4j-test-server/up.sh` or set NEO4J_URI")
    yield store
    store.close()


def clear(store) -> None:
    """Delete every node and relationship, 10,000 per transaction (large databases too)."""
    with store.driver.session(database=store.settings.database) as session:
        # relationships first: a node with many (a Document, a busy Unit) would make a batch too big
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@contextmanager
def exclusive(uri: str):
    """Hold a lock file named after ``uri`` (in the temp dir): test runs sharing one server take turns."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock
        yield
        return
    name = "dutygraph-neo4j-" + "".join(c if c.isalnum() else "-" for c in uri) + ".lock"
    with open(Path(tempfile.gettempdir()) / name, "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


@pytest.fixture
def neo4j(neo4j_server):
    """The session's store on an empty database, which no other test run (same server) uses meanwhile."""
    with exclusive(neo4j_server.settings.uri):
        clear(neo4j_server)
        yield neo4j_server
