"""The identity tests' backends: each module's ``graph`` fixture, in memory and in an embedded store."""

import pytest

from dutygraph.queries.backends import NetworkxBackend, embedded_backend
from dutygraph.queries.connect import embedded_sparql


@pytest.fixture(scope="module")
def backends(graph, tmp_path_factory):
    """networkx, ladybug and pyoxigraph answering over the module's ``graph``."""
    from dutygraph.graph.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path_factory.mktemp("store"))
    store.load(graph)
    yield {"networkx": NetworkxBackend(graph),
           "ladybug": embedded_backend(store),
           "pyoxigraph": embedded_sparql(store)}
    store.close()
