"""kill -9 of a real load process at chosen points: the embedded store shows all of a load or none of it.

Each load runs in its own Python process that sends itself SIGKILL when the load
reaches the chosen phase (``EmbeddedStore(on_phase=…)``): between the two halves'
loads, while syncing, just before and just after the commit, and while the next
load removes what a killed one left (recovery). After each kill both halves must
hold the same documents, all of before or all of after, and the next load must
give the store a fresh load gives. tools/kill_loads.py does the same 100 times at
random moments on a generated corpus.
"""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from dutygraph.errors import StoreError
from dutygraph.graph.embedded import EmbeddedStore
from dutygraph.loaders import load

from ..conftest import ROOT, SEED
from .test_embedded import SECOND, SECOND_ID, SEED_ID, snapshot

CHILD = """
import os, signal, sys
from dutygraph.errors import StoreError
from dutygraph.graph.embedded import EmbeddedStore
from dutygraph.loaders import load

store, files, point, nth = sys.argv[1], sys.argv[2].split(","), sys.argv[3], int(sys.argv[4])
seen = []

def on_phase(phase):
    seen.append(phase)
    if phase == point and seen.count(phase) == nth:
        os.kill(os.getpid(), signal.SIGKILL)

EmbeddedStore(store, on_phase=on_phase).load([load(f) for f in files])
"""


def load_killed_at(store, files, point: str, nth: int = 1) -> int:
    """Run a load in a new process that kills itself at the ``nth`` time it reaches ``point``; its exit status."""
    proc = subprocess.run([sys.executable, "-c", CHILD, str(store), ",".join(map(str, files)), point, str(nth)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    return proc.returncode


def documents_of_both_halves(path) -> tuple[list[str], list[str]]:
    with EmbeddedStore(path) as s:  # opening checks the halves against the commit record
        ladybug, oxigraph = s._stores()
        return [d["id"] for d in ladybug.documents()], sorted(oxigraph.document_hashes())


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """A store loaded with the seed, then the second plan, nothing killed."""
    path = tmp_path_factory.mktemp("reference") / "store"
    with EmbeddedStore(path) as s:
        s.load([read(SEED)])
        s.load([read(SECOND)])
        return snapshot(s)


def read(path):
    return load(path)


@pytest.mark.parametrize("point, visible", [
    ("oxigraph", "before"),   # ladybug's half loaded and committed, pyoxigraph's not yet
    ("sync", "before"),       # both halves loaded, not yet on disk
    ("commit", "before"),     # the generation complete, store.json not yet replaced
    ("committed", "after"),   # store.json replaced, the old generation not yet removed
])
def test_a_load_killed_at_a_phase_shows_all_or_nothing(tmp_path, reference, point, visible):
    path = tmp_path / "store"
    EmbeddedStore(path).load([read(SEED)])
    assert load_killed_at(path, [SECOND], point) == -signal.SIGKILL
    expected = [SEED_ID] if visible == "before" else [SEED_ID, SECOND_ID]
    assert documents_of_both_halves(path) == (expected, expected)
    with EmbeddedStore(path) as s:
        s.load([read(SECOND)])
        assert snapshot(s) == reference
    names = sorted(p.name for p in path.iterdir())  # one generation left, nothing else
    assert len(names) == 3 and names[0].startswith("g0") and names[1:] == ["store.json", "write.lock"]


def test_a_load_killed_while_removing_what_a_killed_load_left(tmp_path, reference):
    path = tmp_path / "store"
    EmbeddedStore(path).load([read(SEED)])
    assert load_killed_at(path, [SECOND], "sync") == -signal.SIGKILL
    assert (path / "g000002" / "graph.lbug").exists()  # the unfinished generation is left
    assert load_killed_at(path, [SECOND], "collect") == -signal.SIGKILL  # the recovery of the next load
    assert (path / "g000002").is_dir() and not (path / "g000002" / "reader.lock").exists()  # half removed
    assert documents_of_both_halves(path) == ([SEED_ID], [SEED_ID])
    with EmbeddedStore(path) as s:
        s.load([read(SECOND)])
        assert snapshot(s) == reference


def test_a_first_load_killed_between_the_halves_leaves_no_store(tmp_path):
    path = tmp_path / "store"
    assert load_killed_at(path, [SEED], "oxigraph") == -signal.SIGKILL
    with EmbeddedStore(path) as s, pytest.raises(StoreError, match="no dutygraph store here"):
        s.documents()  # not a store Cypher reads as empty and SPARQL refuses: no store at all
    EmbeddedStore(path).load([read(SEED)])
    assert documents_of_both_halves(path) == ([SEED_ID], [SEED_ID])
    assert sorted(p.name for p in path.iterdir()) == ["g000001", "store.json", "write.lock"]
