"""Store faults for real: a full disk, a read-only file system, a store path that is a file, a damaged store,
a store another process is loading into. Each leaves the store as it was and gives one line and exit status 3.

The disk is a real tmpfs mounted by the test (root only: CI runs as root; not being
able to mount fails the test, it is never skipped). The CLI runs as a real process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dutygraph.errors import StoreError
from dutygraph.graph.embedded import EmbeddedStore
from dutygraph.loaders import load

from ..conftest import ROOT, SEED
from .test_embedded import SECOND, SEED_ID, snapshot

DUTYGRAPH = Path(sys.executable).parent / "dutygraph"


def cli(*args: str) -> subprocess.CompletedProcess:
    command = [str(DUTYGRAPH)] if DUTYGRAPH.exists() else [sys.executable, "-m", "dutygraph.cli"]
    return subprocess.run(command + list(args), cwd=ROOT, capture_output=True, text=True, timeout=300)


def one_line(result: subprocess.CompletedProcess, status: int, words: str) -> None:
    """The command failed with ``status`` and exactly one error line on stderr holding ``words`` (beside the
    coverage line a load prints for each plan it read)."""
    assert result.returncode == status, (result.returncode, result.stderr)
    lines = [ln for ln in result.stderr.strip().splitlines() if not ln.startswith("coverage: ")]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("dutygraph: error: ") and words in lines[0], lines[0]


def mount(*args: str) -> None:
    result = subprocess.run(["mount", *args], capture_output=True, text=True)
    assert result.returncode == 0, (f"this test mounts a real tmpfs and must run as root (CI does): "
                                    f"mount {' '.join(args)}: {result.stderr.strip()}")


@pytest.fixture()
def disk(tmp_path):
    """A real 64 MB file system (tmpfs), unmounted afterwards."""
    where = tmp_path / "disk"
    where.mkdir()
    mount("-t", "tmpfs", "-o", "size=64m", "tmpfs", str(where))
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], capture_output=True)
        if os.path.ismount(where):
            subprocess.run(["umount", "-l", str(where)], capture_output=True)


@pytest.fixture(scope="module")
def seed_and_second():
    return load(SEED), load(SECOND)


def fill(disk: Path, leave_kb: int) -> Path:
    """A file taking all of ``disk``'s free space but ``leave_kb``."""
    filler = disk / "filler"
    filler.unlink(missing_ok=True)
    free = shutil.disk_usage(disk).free // 1024
    with open(filler, "wb") as f:
        f.truncate(0)
        block = b"\0" * 1024 * 64
        todo = max(0, free - leave_kb) * 1024
        while todo > 0:
            todo -= f.write(block[:min(len(block), todo)])
    return filler


def listing(path: Path) -> list[str]:
    return sorted(p.name for p in path.iterdir())


def test_disk_full_in_each_phase_leaves_the_store_readable_as_it_was(disk, seed_and_second):
    seed, second = seed_and_second
    store_path = disk / "store"
    with EmbeddedStore(store_path) as s:
        s.load([seed])
        before = snapshot(s)
    files = listing(store_path)
    # how much room a successful load of the second plan takes at its peak, measured on a copy
    shutil.copytree(store_path, disk / "trial")
    used = [shutil.disk_usage(disk).used // 1024]
    EmbeddedStore(disk / "trial", on_phase=lambda _: used.append(shutil.disk_usage(disk).used // 1024)).load([second])
    needed = max(used) - used[0]
    shutil.rmtree(disk / "trial")
    failed_in = set()
    # (the bulk load needs less room than the phases' peak measured above: from about 85% of it, it goes through)
    for fraction in (0.02, 0.3, 0.6, 0.75, 0.8):
        phases = []
        filler = fill(disk, int(needed * fraction))
        with pytest.raises(StoreError, match="load failed, nothing changed: no space left on device"):
            EmbeddedStore(store_path, on_phase=phases.append).load([second])
        failed_in.add(phases[-1])
        assert listing(store_path) == files  # the unfinished generation is removed
        with EmbeddedStore(store_path) as s:  # readable as it was, with the disk still full
            assert snapshot(s) == before
        filler.unlink()
    assert {"copy", "ladybug"} <= failed_in, failed_in
    filler = fill(disk, int(needed * 0.5))
    one_line(cli("load", str(SECOND), "--store", str(store_path)), 3, "no space left on device")
    read = cli("cypher", "MATCH (d:Document) RETURN d.id AS id", "--store", str(store_path), "--format", "json")
    assert read.returncode == 0 and json.loads(read.stdout) == [{"id": SEED_ID}]
    filler.unlink()
    EmbeddedStore(store_path).load([second])  # with room again, the load goes through
    assert len([n for n in listing(store_path) if n.startswith("g")]) == 1


def test_read_only_file_system(disk, seed_and_second):
    seed, _ = seed_and_second
    store_path = disk / "store"
    EmbeddedStore(store_path).load([seed])
    mount("-o", "remount,ro", str(disk))
    try:
        one_line(cli("load", str(SECOND), "--store", str(store_path)), 3, "read-only file system")
        one_line(cli("load", str(SECOND), "--store", str(disk / "new")), 3, "read-only file system")
        read = cli("cypher", "MATCH (d:Document) RETURN d.id AS id", "--store", str(store_path), "--format", "json")
        assert read.returncode == 0 and json.loads(read.stdout) == [{"id": SEED_ID}], read.stderr
        sparql = cli("sparql", "SELECT ?id WHERE { ?d a dg:Document ; dcterms:identifier ?id }",
                     "--store", str(store_path), "--format", "json")
        assert sparql.returncode == 0 and json.loads(sparql.stdout) == [{"id": SEED_ID}], sparql.stderr
    finally:
        mount("-o", "remount,rw", str(disk))


def test_a_store_path_that_is_a_file(tmp_path):
    afile = tmp_path / "notes.txt"
    afile.write_text("x")
    one_line(cli("load", str(SECOND), "--store", str(afile)), 3, f"{afile}: not a folder")
    one_line(cli("load", str(SECOND), "--store", str(afile / "sub")), 3, f"{afile} is a file")
    one_line(cli("units", "--store", str(afile)), 3, "not a folder")
    one_line(cli("cypher", "RETURN 1", "--store", str(afile / "sub")), 3, "is a file")
    assert afile.read_text() == "x"


def test_a_damaged_store_is_refused_with_how_to_repair(tmp_path, seed_and_second):
    seed, _ = seed_and_second
    good = tmp_path / "good"
    EmbeddedStore(good).load([seed])
    cases = {}
    for case in ("record", "generation", "half"):
        cases[case] = tmp_path / case
        shutil.copytree(good, cases[case])
    (cases["record"] / "store.json").write_text('{"format": 3, "gener')  # half written
    shutil.rmtree(cases["generation"] / "g000001")
    shutil.rmtree(cases["half"] / "g000001" / "oxigraph")
    for case, path in cases.items():
        for args in (["units"], ["load", str(SECOND)]):
            one_line(cli(*args, "--store", str(path)), 3, f"remove {path} and load the documents again")
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "mine.txt").write_text("keep")
    one_line(cli("load", str(SECOND), "--store", str(junk)), 3, "not a dutygraph store and not empty")
    assert listing(junk) == ["mine.txt"]


HOLD = """
import sys, time
from pathlib import Path
from dutygraph.graph.embedded import EmbeddedStore
from dutygraph.loaders import load

go = Path(sys.argv[2])
def on_phase(phase):
    if phase == "oxigraph":
        print("loading", flush=True)
        while not go.exists():
            time.sleep(0.05)

EmbeddedStore(sys.argv[1], on_phase=on_phase).load([load(sys.argv[3])])
"""


def test_a_store_another_process_is_loading_into(tmp_path, seed_and_second):
    seed, _ = seed_and_second
    store_path, go = tmp_path / "store", tmp_path / "go"
    EmbeddedStore(store_path).load([seed])
    writer = subprocess.Popen([sys.executable, "-c", HOLD, str(store_path), str(go), str(SECOND)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "loading"  # half-way through its load, holding the lock
        one_line(cli("load", str(SECOND), "--store", str(store_path)), 3, "another process is loading")
        read = cli("units", "--store", str(store_path), "--format", "json")  # readers see the last commit
        assert read.returncode == 0 and json.loads(read.stdout), read.stderr
    finally:
        go.touch()
        assert writer.wait(timeout=300) == 0
    with EmbeddedStore(store_path) as s:
        assert len(s.documents()) == 2


def test_raw_write_on_the_embedded_store_is_refused_with_a_pointer_to_load(tmp_path, seed_and_second):
    seed, _ = seed_and_second
    store_path = tmp_path / "store"
    EmbeddedStore(store_path).load([seed])
    one_line(cli("cypher", "MATCH (u:Unit) SET u.name = 'x'", "--write", "--store", str(store_path)), 4,
             "halves change together only through `dutygraph load`")
    read = cli("cypher", "MATCH (u:Unit {name: 'x'}) RETURN count(u) AS n", "--store", str(store_path),
               "--format", "json")
    assert read.returncode == 0 and json.loads(read.stdout) == [{"n": 0}], read.stderr
