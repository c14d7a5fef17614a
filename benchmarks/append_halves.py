#!/usr/bin/env python3
"""What each half of the embedded store costs to add plans to a store, against the same plans into an empty one.

The plans ``1 … BASE`` of a generated corpus (benchmarks/corpus_load.py's, seed 0) and the
``ADDED`` after them are staged once (``stage_files``, as ``dutygraph load`` stages them);
the staged rows of the first are loaded into a ladybug database and a pyoxigraph store
(the base); then, each in a fresh child process so that its CPU time and peak RSS are its own:

- ``ladybug``: ``LadybugStore.load_staged`` of the added plans into a copy of the base
  database, and into an empty one (as the load calls it: its buffer pool, its commits);
  CPU s, of it the COMMITs, peak RSS;
- ``pyoxigraph``: ``Store.bulk_load`` of the added plans' N-Triples into a copy of the base
  store (made as a load copies a generation: SST files hard-linked, the rest copied), and
  into an empty one, one staged part per bulk load (what ``PartLoader`` does by default)
  and all in one load; CPU s until the store is closed (RocksDB's compactions done), peak
  RSS, megabytes of SST files written.

Runs alternate ``--repeat`` times; ``--tree`` (a checkout of dutygraph, default this one) is
what the children import, to compare two trees in one sitting (their bases are built apart).
The machine's load average is printed with each run: on a shared machine CPU seconds are the
guide, and identical runs still vary by about 10 %.

    python benchmarks/append_halves.py [--base 1700] [--added 300] [--work DIR] [--tree DIR] [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _peak_gb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6, 3)


def stage(corpus: Path, base: int, added: int, work: Path) -> None:
    from dutygraph.graph.staging import Stage
    from dutygraph.graph.stream import stage_files
    from dutygraph.loaders.corpus import find_files

    files = find_files([corpus])
    if len(files) < base + added:
        raise SystemExit(f"{corpus} holds {len(files)} plans, fewer than {base} + {added}")
    for name, chosen in (("stage-base", files[:base]), ("stage-added", files[base:base + added])):
        if not (work / name / ".complete").exists():
            shutil.rmtree(work / name, ignore_errors=True)
            stage_files(chosen, Stage(work / name))
            (work / name / ".complete").write_text("")


def build_base(work: Path, tag: str) -> None:
    import pyoxigraph as ox

    from dutygraph.graph.ladybug_store import (LadybugStore, load_buffer_pool, load_parts_per_commit,
                                               load_rows_per_commit)
    from dutygraph.graph.staging import Stage

    db = work / f"base-{tag}.lbug"
    if not db.exists():
        with LadybugStore(db, buffer_pool=load_buffer_pool()) as store:
            store.load_staged(Stage(work / "stage-base"), [], load_parts_per_commit(), load_rows_per_commit())
    folder = work / "oxigraph-base"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        store = ox.Store(str(folder))
        store.bulk_load(Stage(work / "stage-base").nquads_stream(), ox.RdfFormat.N_TRIPLES, lenient=True)
        store.flush()
        del store
        (folder / ".complete").write_text("")


def run_ladybug(work: Path, tag: str, into: str) -> dict:
    from dutygraph.graph.ladybug_store import (LadybugStore, load_buffer_pool, load_parts_per_commit,
                                               load_rows_per_commit)
    from dutygraph.graph.staging import Stage

    db = work / f"run-{tag}.lbug"
    for f in work.glob(f"run-{tag}.lbug*"):
        f.unlink()
    if into == "store":
        shutil.copyfile(work / f"base-{tag}.lbug", db)
    commits = []
    run = LadybugStore._run

    def timed(self, query, params=None):
        start = _cpu()
        try:
            return run(self, query, params)
        finally:
            if query == "COMMIT":
                commits.append(_cpu() - start)

    LadybugStore._run = timed
    start = _cpu()
    with LadybugStore(db, buffer_pool=load_buffer_pool()) as store:
        store.load_staged(Stage(work / "stage-added"), [], load_parts_per_commit(), load_rows_per_commit())
    out = {"cpu": round(_cpu() - start, 2), "commit": round(sum(commits), 2), "peak_gb": _peak_gb(),
           "file_mb": round(db.stat().st_size / 1e6)}
    for f in work.glob(f"run-{tag}.lbug*"):
        f.unlink()
    return out


def run_pyoxigraph(work: Path, into: str, how: str) -> dict:
    import gc

    import pyoxigraph as ox

    from dutygraph.graph.staging import Stage

    folder = work / "oxigraph-run"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    if into == "store":  # as generations.copy_generation: SST files hard-linked, the other files copied
        for f in (work / "oxigraph-base").iterdir():
            if f.name in ("LOCK", ".complete") or f.name.startswith("LOG"):
                continue
            (os.link if f.suffix == ".sst" else shutil.copyfile)(f, folder / f.name)
    stage = Stage(work / "stage-added")
    start = _cpu()
    store = ox.Store(str(folder))
    parts = stage.nquads_parts()
    for group in ([[p] for p in parts] if how == "part" else [parts]):
        store.bulk_load(stage.nquads_stream(group), ox.RdfFormat.N_TRIPLES, lenient=True)
    store.flush()
    del store
    gc.collect()
    cpu = _cpu() - start
    written = sum(f.stat().st_size for f in folder.glob("*.sst") if f.stat().st_nlink == 1)
    shutil.rmtree(folder, ignore_errors=True)
    return {"cpu": round(cpu, 2), "peak_gb": _peak_gb(), "sst_written_mb": round(written / 1e6)}


def child(args) -> int:
    sys.path.insert(0, str(args.tree))
    tag = args.tree.name
    if args.child == "prepare":
        stage(args.corpus, args.base, args.added, args.work)
        build_base(args.work, tag)
        return 0
    kind, into, how = args.child.split(":")
    load = os.getloadavg()[0]
    out = run_ladybug(args.work, tag, into) if kind == "ladybug" else run_pyoxigraph(args.work, into, how)
    print(json.dumps({"tree": tag, "half": kind, "into": into, "how": how or None, **out,
                      "load_average": [round(load, 1), round(os.getloadavg()[0], 1)]}), flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=1700, help="plans in the store added to (default 1700)")
    parser.add_argument("--added", type=int, default=300, help="plans added (default 300)")
    parser.add_argument("--work", type=Path, default=None, help="corpus, staged rows and bases (default: a temp dir)")
    parser.add_argument("--tree", type=Path, default=HERE.parent, help="the dutygraph checkout measured")
    parser.add_argument("--repeat", type=int, default=2, help="rounds of every case (default 2)")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.work is None:
        import tempfile

        args.work = Path(tempfile.mkdtemp(prefix="append-halves-"))
    args.tree = args.tree.resolve()
    if args.child:
        return child(args)
    sys.path.insert(0, str(HERE))
    from corpus_load import corpus_of

    corpus = corpus_of(args.base + args.added, args.work)

    def spawn(case: str) -> None:
        subprocess.run([sys.executable, __file__, "--child", case, "--corpus", str(corpus), "--work", str(args.work),
                        "--tree", str(args.tree), "--base", str(args.base), "--added", str(args.added)], check=True)

    spawn("prepare")
    for _ in range(args.repeat):
        for case in ("ladybug:store:", "ladybug:empty:", "pyoxigraph:store:part", "pyoxigraph:empty:part",
                     "pyoxigraph:store:one", "pyoxigraph:empty:one"):
            spawn(case)
    return 0


if __name__ == "__main__":
    sys.exit(main())
