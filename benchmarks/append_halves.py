#!/usr/bin/env python3
"""What each half of the embedded store costs to add plans to a store, against the same plans into an empty one.

The plans ``1 … BASE`` of a generated corpus (benchmarks/corpus_load.py's, seed 0) and the
``ADDED`` after them are staged once (``stage_files``, as ``dutygraph load`` stages them);
the staged rows of the first are loaded into a ladybug database and a pyoxigraph store
(the base); then, each in a fresh child process so that its CPU time and peak RSS are its own:

- ``ladybug``: ``LadybugStore.load_staged`` of the added plans into a copy of the base
  database, and into an empty one (as the load calls it: its buffer pool, its commits);
  CPU s, of it the COMMITs, peak RSS;
- ``pyoxigraph``: the added plans' N-Triples into a copy of the base store (made as a load
  copies a generation: SST files hard-linked, the rest copied), and into an empty one:
  ``part`` one ``Store.bulk_load`` per staged part (what ``PartLoader`` does by default),
  ``one`` all in one bulk load, ``txn`` ``Store.load`` (one transaction) per part, and
  ``fresh`` (into the store only) the parts bulk-loaded into a new, separate store beside
  the base (a store kept in segments); CPU s until the store is closed (RocksDB's
  compactions done), peak RSS, megabytes of SST files written; with ``--queries`` the
  CPU ms of a count of documents, of tasks and of the busiest unit's assignments with
  their tasks and documents (``unit``'s core) on the result (``fresh``: both segments
  asked, the counts added).

``--trace`` records ladybug's statements (CPU s, RSS before and after); the environment
sets the load's buffer pool and commits (``$DUTYGRAPH_LADYBUG_*``), ``$APPEND_STAGE``
(``stage-base``: ladybug's step of the base's own load instead of the added plans),
``$APPEND_BASE`` (another ladybug database of ``--work`` to add to) and
``$APPEND_CHECKPOINT_THRESHOLD``.

Runs alternate ``--repeat`` times; ``--tree`` (a checkout of dutygraph, default this one) is
what the children import, to compare two trees in one sitting (their bases are built apart).
The machine's load average is printed with each run: on a shared machine CPU seconds are the
guide, and identical runs still vary by about 10 %.

    python benchmarks/append_halves.py [--base 1700] [--added 300] [--work DIR] [--tree DIR] [--repeat 2]
        [--cases ladybug:store:,pyoxigraph:store:txn,…] [--queries] [--trace]
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


def _rss_gb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e9


class _Traced:
    """A ladybug connection whose statements are recorded: CPU s, RSS before and after, peak RSS after."""

    def __init__(self, conn, log: list):
        self._conn, self._log = conn, log

    def execute(self, query, params=None):
        before, start = _rss_gb(), _cpu()
        try:
            return self._conn.execute(query, params or {})
        finally:
            self._log.append({"q": " ".join(query.split())[:70], "cpu": round(_cpu() - start, 2),
                              "rss": [round(before, 3), round(_rss_gb(), 3)], "peak": _peak_gb()})

    def __getattr__(self, name):
        return getattr(self._conn, name)


def run_ladybug(work: Path, tag: str, into: str, trace: bool = False) -> dict:
    """Environment: ``$DUTYGRAPH_LADYBUG_BUFFER_POOL_MB``, ``…_ROWS_PER_COMMIT``, ``…_PARTS_PER_COMMIT`` as a load
    reads them; ``$APPEND_CHECKPOINT_THRESHOLD`` (bytes) sets ladybug's ``checkpoint_threshold`` first."""
    from dutygraph.graph.ladybug_store import (LadybugStore, load_buffer_pool, load_parts_per_commit,
                                               load_rows_per_commit)
    from dutygraph.graph.staging import Stage

    db = work / f"run-{tag}.lbug"
    for f in work.glob(f"run-{tag}.lbug*"):
        f.unlink()
    if into == "store":
        shutil.copyfile(work / os.environ.get("APPEND_BASE", f"base-{tag}.lbug"), db)  # another base database
    commits = []
    log: list = []
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
    opened = {}
    with LadybugStore(db, buffer_pool=load_buffer_pool()) as store:
        opened = {"cpu": round(_cpu() - start, 2), "rss_gb": round(_rss_gb(), 3)}
        if os.environ.get("APPEND_CHECKPOINT_THRESHOLD"):
            store._run(f"CALL checkpoint_threshold={int(os.environ['APPEND_CHECKPOINT_THRESHOLD'])}")
        if trace:
            store._conn = _Traced(store._conn, log)
        staged = Stage(work / os.environ.get("APPEND_STAGE", "stage-added"))  # stage-base: the base's own load
        store.load_staged(staged, [], load_parts_per_commit(), load_rows_per_commit())
        before_close = _rss_gb()
    out = {"cpu": round(_cpu() - start, 2), "commit": round(sum(commits), 2), "peak_gb": _peak_gb(),
           "file_mb": round(db.stat().st_size / 1e6), "opened": opened, "rss_before_close": round(before_close, 3),
           "settings": {k: os.environ[k] for k in os.environ if k.startswith(("DUTYGRAPH_LADYBUG", "APPEND_"))}}
    if trace:
        keep = 0.0 if os.environ.get("APPEND_TRACE_ALL") else 0.02
        out["trace"] = [e for e in log if e["cpu"] >= 0.05 or e["rss"][1] - e["rss"][0] >= keep]
    for f in work.glob(f"run-{tag}.lbug*"):
        f.unlink()
    return out


QUERIES = {  # what the SPARQL half answers from the documents' own triples (no shared description needed)
    "documents": "SELECT (COUNT(?d) AS ?n) WHERE { ?d a dg:Document }",
    "tasks": "SELECT (COUNT(?t) AS ?n) WHERE { ?t a dg:Task }",
    # `unit`'s core: the busiest unit's assignments, their tasks' texts and documents (the unit by its IRI)
    "unit": "SELECT (COUNT(*) AS ?n) WHERE { ?a prov:agent <UNIT> ; prov:hadRole ?r . ?t prov:qualifiedAssociation ?a ; "
            "dcterms:description ?text ; prov:wasDerivedFrom ?d . ?d dcterms:identifier ?doc }",
}


def busiest_unit(folder: Path) -> str:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(folder))
    row = next(iter(store.query("SELECT ?u (COUNT(?a) AS ?n) WHERE { ?a <http://www.w3.org/ns/prov#agent> ?u } "
                                "GROUP BY ?u ORDER BY DESC(?n) LIMIT 1")))
    return row["u"].value


def time_queries(folders: list[Path], unit: str, repeat: int = 3) -> dict:
    """CPU ms (this thread: RocksDB's background compactions are not counted) of each query, median of
    ``repeat``, on the stores ``folders`` (several: each asked and the counts added, as a store kept in
    segments would have to), and the counts."""
    import pyoxigraph as ox

    from dutygraph.graph import vocab as v

    stores = [ox.Store.read_only(str(f)) for f in folders]
    out = {}
    for name, query in QUERIES.items():
        query = query.replace("<UNIT>", f"<{ox.NamedNode(unit).value}>")
        times, count = [], 0
        for _ in range(repeat):
            start, count = time.thread_time(), 0
            for store in stores:
                for row in store.query(query, prefixes=v.PREFIXES, use_default_graph_as_union=True):
                    count += int(row["n"].value)
            times.append((time.thread_time() - start) * 1000)
        out[name] = {"cpu_ms": round(sorted(times)[len(times) // 2], 1), "count": count}
    del stores
    return out


def run_pyoxigraph(work: Path, into: str, how: str, queries: bool = False) -> dict:
    """``how``: ``part`` one bulk load per staged part (what PartLoader does), ``one`` all parts in one bulk load,
    ``txn`` ``Store.load`` (a transaction) per part, ``fresh`` the parts bulk-loaded into a new, separate store
    (the store added to left as it is: a store kept in segments)."""
    import gc

    import pyoxigraph as ox

    from dutygraph.graph.staging import Stage

    folder = work / "oxigraph-run"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    if into == "store" and how != "fresh":  # as generations.copy_generation: SST files hard-linked, the rest copied
        for f in (work / "oxigraph-base").iterdir():
            if f.name in ("LOCK", ".complete") or f.name.startswith("LOG"):
                continue
            (os.link if f.suffix == ".sst" else shutil.copyfile)(f, folder / f.name)
    stage = Stage(work / "stage-added")
    start = _cpu()
    store = ox.Store(str(folder))
    parts = stage.nquads_parts()
    for group in ([parts] if how == "one" else [[p] for p in parts]):
        if how == "txn":
            store.load(stage.nquads_stream(group).read(), ox.RdfFormat.N_TRIPLES, lenient=True)
        else:
            store.bulk_load(stage.nquads_stream(group), ox.RdfFormat.N_TRIPLES, lenient=True)
    store.flush()
    del store
    gc.collect()
    cpu = _cpu() - start
    written = sum(f.stat().st_size for f in folder.glob("*.sst") if f.stat().st_nlink == 1)
    out = {"cpu": round(cpu, 2), "peak_gb": _peak_gb(), "sst_written_mb": round(written / 1e6),
           "sst_files": len(list(folder.glob("*.sst")))}
    if queries:
        unit = (work / "unit.txt").read_text().strip()
        segments = [work / "oxigraph-base", folder] if (into == "store" and how == "fresh") else [folder]
        out["queries"] = time_queries(segments, unit)
    shutil.rmtree(folder, ignore_errors=True)
    return out


def child(args) -> int:
    sys.path.insert(0, str(args.tree))
    tag = os.environ.get("APPEND_TAG", args.tree.name)  # names the run database (and the base) of a child
    if args.child == "prepare":
        stage(args.corpus, args.base, args.added, args.work)
        build_base(args.work, tag)
        if not (args.work / "unit.txt").exists():
            (args.work / "unit.txt").write_text(busiest_unit(args.work / "oxigraph-base"))
        return 0
    if args.child == "base-queries":
        unit = (args.work / "unit.txt").read_text().strip()
        print(json.dumps({"half": "pyoxigraph", "into": "base alone", "queries": time_queries(
            [args.work / "oxigraph-base"], unit)}), flush=True)
        return 0
    kind, into, how = args.child.split(":")
    load = os.getloadavg()[0]
    out = (run_ladybug(args.work, tag, into, args.trace) if kind == "ladybug"
           else run_pyoxigraph(args.work, into, how, args.queries))
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
    parser.add_argument("--cases", default=None,
                        help="comma-separated cases (default every one), e.g. pyoxigraph:store:txn,pyoxigraph:store:fresh")
    parser.add_argument("--queries", action="store_true",
                        help="time SPARQL counts and `unit`'s core on each pyoxigraph store after the load")
    parser.add_argument("--trace", action="store_true",
                        help="ladybug: each statement's CPU s and RSS before / after (those costing 0.05 s or 20 MB)")
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
                        "--tree", str(args.tree), "--base", str(args.base), "--added", str(args.added),
                        *(["--queries"] if args.queries else []), *(["--trace"] if args.trace else [])], check=True)

    spawn("prepare")
    cases = (args.cases.split(",") if args.cases else
             ["ladybug:store:", "ladybug:empty:", "pyoxigraph:store:part", "pyoxigraph:empty:part",
              "pyoxigraph:store:one", "pyoxigraph:empty:one", "pyoxigraph:store:txn", "pyoxigraph:empty:txn",
              "pyoxigraph:store:fresh"])
    if args.queries:
        spawn("base-queries")
    for _ in range(args.repeat):
        for case in cases:
            spawn(case)
    return 0


if __name__ == "__main__":
    sys.exit(main())
