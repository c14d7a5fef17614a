"""``dutygraph optimize`` on a real embedded store: pyoxigraph's half compacted in a new generation, every
catalogue question answering the same rows after it, the store as it was when it fails, is killed, or cannot
be written, and one clear line where there is no store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from dutygraph.errors import StoreError
from dutygraph.graph.embedded import EmbeddedStore
from dutygraph.graph.optimize import optimize
from dutygraph.loaders import load
from dutygraph.queries.backends import embedded_backend
from dutygraph.queries.catalogue import QUESTIONS
from dutygraph.queries.connect import embedded_sparql
from tests.queries.test_backends_agree import CASES

from ..conftest import ROOT, SEED
from .test_embedded import SECOND, snapshot
from .test_store_faults import cli, disk, fill, listing, mount, one_line  # noqa: F401  (disk: a real tmpfs)

IDENTITY = ROOT / "tests" / "fixtures" / "identity"
PLANS = [SEED, IDENTITY / "zhuzhou-2018-huanbao-plan.txt", IDENTITY / "zhuzhou-2020-shengtai-plan.txt"]


def appended(path):
    """A store of the three plans of the catalogue's cases, loaded one at a time (three generations of
    bulk-loaded files in its SPARQL half, as appends leave them)."""
    for plan in PLANS:
        EmbeddedStore(path).load([load(plan)])
    return path


def answers(path) -> dict:
    """Every catalogue case asked of both halves, as the command line asks them."""
    with EmbeddedStore(path) as store:
        out = {}
        for name, backend in (("ladybug", embedded_backend(store)), ("pyoxigraph", embedded_sparql(store))):
            for i, (question, params) in enumerate(CASES):
                out[name, i] = backend.ask(question, **params)
        return out


def generations(path) -> list[str]:
    return sorted(p.name for p in path.iterdir() if p.name.startswith("g"))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return appended(tmp_path_factory.mktemp("optimize") / "store")


def test_every_catalogue_question_answers_the_same_after_optimize(store):
    assert {name for name, _ in CASES} == set(QUESTIONS)
    before, everything = answers(store), None
    with EmbeddedStore(store) as s:
        everything = snapshot(s)
    assert generations(store) == ["g000003"]
    done = optimize(store)
    assert done["generation"] == 4 and generations(store) == ["g000004"]  # committed, the old one removed
    assert done["sst_files_after"] < done["sst_files_before"], done  # compacted: fewer files to read
    assert answers(store) == before
    with EmbeddedStore(store) as s:
        assert snapshot(s) == everything  # every node, relationship, quad and token as before


def test_a_store_optimized_takes_more_plans_as_before(tmp_path):
    path = appended(tmp_path / "store")
    optimize(path)
    EmbeddedStore(path).load([load(SECOND)])
    reference = tmp_path / "reference"
    for plan in PLANS + [SECOND]:
        EmbeddedStore(reference).load([load(plan)])
    with EmbeddedStore(path) as s, EmbeddedStore(reference) as r:
        assert snapshot(s) == snapshot(r)


def test_a_reader_keeps_answering_from_the_generation_it_opened(tmp_path):
    path = appended(tmp_path / "store")
    with EmbeddedStore(path) as reader:
        before = reader.counts("sparql")
        optimize(path)
        assert generations(path) == ["g000003", "g000004"]  # the reader's generation is kept while it reads
        assert reader.counts("sparql") == before
    optimize(path)  # the next run removes it
    assert generations(path) == ["g000005"]


def test_a_missing_store_is_one_clear_line_and_no_folder_is_made(tmp_path):
    with pytest.raises(StoreError, match="no dutygraph store here"):
        optimize(tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()
    one_line(cli("optimize", "--store", str(tmp_path / "nowhere")), 3, "no dutygraph store here")
    assert not (tmp_path / "nowhere").exists()


def test_a_read_only_file_system_is_refused_and_the_store_still_reads(disk):  # noqa: F811
    path = appended(disk / "store")
    with EmbeddedStore(path) as s:
        before = snapshot(s)
    mount("-o", "remount,ro", str(disk))
    try:
        one_line(cli("optimize", "--store", str(path)), 3, "read-only file system")
        with pytest.raises(StoreError, match="read-only file system"):
            optimize(path)
        with EmbeddedStore(path) as s:
            assert snapshot(s) == before
    finally:
        mount("-o", "remount,rw", str(disk))


def test_a_full_disk_leaves_the_store_as_it_was(disk):  # noqa: F811
    path = appended(disk / "store")
    with EmbeddedStore(path) as s:
        before = snapshot(s)
    files = listing(path)
    filler = fill(disk, 16)  # the compaction writes new files: no room for them
    with pytest.raises(StoreError, match="no space left on device"):
        optimize(path)
    assert listing(path) == files  # the unfinished generation is removed
    with EmbeddedStore(path) as s:
        assert snapshot(s) == before
    filler.unlink()
    optimize(path)
    with EmbeddedStore(path) as s:
        assert snapshot(s) == before


CHILD = """
import os, signal, sys
from dutygraph.graph.optimize import optimize

def on_phase(phase):
    if phase == sys.argv[2]:
        os.kill(os.getpid(), signal.SIGKILL)

optimize(sys.argv[1], on_phase=on_phase)
"""


@pytest.mark.parametrize("point, generation", [
    ("optimize", "g000003"),   # the copy made, the compaction not started
    ("sync", "g000003"),       # compacted and checked, not yet on disk
    ("commit", "g000003"),     # synced, store.json not yet replaced
    ("committed", "g000004"),  # store.json replaced, the old generation not yet removed
])
def test_an_optimize_killed_at_a_phase_leaves_the_store_before_or_after(tmp_path, point, generation):
    path = appended(tmp_path / "store")
    with EmbeddedStore(path) as s:
        before = snapshot(s)
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path), point], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert f'"generation": {int(generation[1:])}' in (path / "store.json").read_text()
    with EmbeddedStore(path) as s:  # opening checks both halves against the commit record
        assert snapshot(s) == before
    optimize(path)  # the next run cleans up what the killed one left
    assert len(generations(path)) == 1
    with EmbeddedStore(path) as s:
        assert snapshot(s) == before
