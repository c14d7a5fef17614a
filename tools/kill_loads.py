#!/usr/bin/env python3
"""kill -9 during loads into a non-empty embedded store: never two halves apart, never half a load.

    python tools/kill_loads.py [--base 100] [--more 10] [--kills 100] [--seed 0] [--work DIR]

1. Generates ``base + more`` plans (benchmarks/generate_corpus.py) and loads the
   ``base`` ones into a store (the store every round starts from).
2. The reference: a fresh store loaded with ``base`` and then ``more``, uninterrupted
   (the time of that second load, T, bounds the kill moments).
3. Each round restores the base store, starts ``dutygraph load MORE`` and kills it
   with SIGKILL at a moment drawn uniformly from [0, T]; with probability 3/4 the
   next load (which first removes what the killed one left: the recovery) is killed
   again, and so on. After
   every kill the store is opened and checked: both halves (ladybug for Cypher,
   pyoxigraph for SPARQL) hold the same documents with the same content hashes, and
   they are all the documents of before the load or all of after it. Then the load
   is run to the end and the store must equal the reference: documents and hashes,
   counts by Cypher and by SPARQL, every node and relationship with its properties
   (Cypher half) and every quad (SPARQL half).

The phase each kill landed in is read from the load's trace ($DUTYGRAPH_STORE_TRACE):
``reading`` (before the store is touched: reading the plans, building the graph), then
the phases of :class:`dutygraph.graph.embedded.EmbeddedStore.load`. Prints one line per
kill and a summary; the exit status is 1 if any check failed.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

DUTYGRAPH = [sys.executable, "-m", "dutygraph.cli"]


def dutygraph_command() -> list[str]:
    exe = Path(sys.executable).parent / "dutygraph"
    return [str(exe)] if exe.exists() else DUTYGRAPH


def run_load(folder: Path, store: Path, trace: Path | None = None) -> subprocess.Popen:
    env = dict(os.environ)
    if trace is not None:
        env["DUTYGRAPH_STORE_TRACE"] = str(trace)
    return subprocess.Popen(dutygraph_command() + ["load", str(folder), "--store", str(store), "--format", "csv"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def load_to_end(folder: Path, store: Path) -> float:
    start = time.perf_counter()
    proc = run_load(folder, store)
    _, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"load of {folder} into {store} failed ({proc.returncode}): {err.decode()[-500:]}")
    return time.perf_counter() - start


def halves(store: Path) -> tuple[dict, dict]:
    """Documents and hashes of each half of the committed generation, read directly (no check on open)."""
    from dutygraph.graph import generations as gen
    from dutygraph.graph.ladybug_store import LadybugStore
    from dutygraph.graph.oxigraph_store import OxigraphStore

    meta = json.loads((store / "store.json").read_text())
    where = store / gen.name(meta["generation"])
    with LadybugStore(where / "graph.lbug", read_only=True) as lb:
        cypher = {d["id"]: d["sha256"] for d in lb.documents()}
    ox = OxigraphStore(where / "oxigraph", read_only=True)
    sparql = ox.document_hashes()
    ox.close()
    return cypher, sparql


def full_state(store: Path) -> dict:
    """Everything the store answers, hashed: documents, counts of both halves, every node and relationship
    with its properties (Cypher), every quad (SPARQL half, as sorted N-Quads)."""
    import io

    import pyoxigraph as ox

    from dutygraph.graph.embedded import EmbeddedStore
    from dutygraph.graph.schema import EDGE_TYPES, NODE_LABELS

    with EmbeddedStore(store) as s:  # opening checks the halves against each other and the commit record
        ladybug, oxigraph = s._stores()
        graph = hashlib.sha256()
        for label in NODE_LABELS:
            graph.update("\n".join(sorted(repr(r) for r in ladybug._run(f"MATCH (n:{label}) RETURN n.*"))).encode())
        for type_ in EDGE_TYPES:
            rows = ladybug._run(f"MATCH (a)-[r:{type_}]->(b) RETURN a.id, b.id, r.*")
            graph.update("\n".join(sorted(repr(r) for r in rows)).encode())
        dump = io.BytesIO()
        oxigraph.store.dump(dump, ox.RdfFormat.N_QUADS)
        quads = hashlib.sha256(b"\n".join(sorted(dump.getvalue().split(b"\n")))).hexdigest()
        return {"documents": {d["id"]: d["sha256"] for d in s.documents()}, "cypher": s.counts("cypher"),
                "sparql": s.counts("sparql"), "graph": graph.hexdigest(), "quads": quads}


def last_phase(trace: Path) -> str:
    try:
        lines = trace.read_text().split()
    except FileNotFoundError:
        return "reading"
    return lines[-1] if lines else "reading"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", type=int, default=100, help="plans in the store before each load (default 100)")
    ap.add_argument("--more", type=int, default=10, help="plans each killed load adds (default 10)")
    ap.add_argument("--kills", type=int, default=100, help="number of SIGKILLs (default 100)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one, removed)")
    args = ap.parse_args(argv)
    from generate_corpus import write_corpus

    rng = random.Random(args.seed)
    work = args.work or Path(tempfile.mkdtemp(prefix="kill-loads-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        corpus, base, more = work / "corpus", work / "base", work / "more"
        for d in (corpus, base, more):
            shutil.rmtree(d, ignore_errors=True)
        write_corpus(str(corpus), args.base + args.more, seed=args.seed)
        base.mkdir(), more.mkdir()
        for i, f in enumerate(sorted(corpus.glob("plan-*.txt"))):
            f.rename((base if i < args.base else more) / f.name)
        base_store, reference = work / "base-store", work / "reference"
        for d in (base_store, reference):
            shutil.rmtree(d, ignore_errors=True)
        seconds = load_to_end(base, base_store)
        print(f"base store: {args.base} plans loaded in {seconds:.1f}s", flush=True)
        before = full_state(base_store)
        shutil.copytree(base_store, reference)
        period = load_to_end(more, reference)
        after = full_state(reference)
        print(f"reference: {args.more} more plans loaded in {period:.1f}s (kills drawn from [0, {period:.1f}s]); "
              f"documents before {len(before['documents'])}, after {len(after['documents'])}", flush=True)
        assert before["documents"] != after["documents"]
        fresh = work / "fresh"  # all the plans in one load into a new store: the same documents and counts
        shutil.rmtree(fresh, ignore_errors=True)
        proc = subprocess.run(dutygraph_command() + ["load", str(base), str(more), "--store", str(fresh),
                                                     "--format", "csv"], capture_output=True)
        one_load = full_state(fresh)
        same = {k: one_load[k] == after[k] for k in ("documents", "cypher", "sparql")}
        print(f"a fresh store loaded with all {args.base + args.more} plans at once: documents, Cypher counts, "
              f"SPARQL counts equal to the reference: {same}", flush=True)
        if proc.returncode != 0 or not all(same.values()):
            raise SystemExit("the reference differs from a fresh load of the same files")

        phases: collections.Counter = collections.Counter()
        outcomes: collections.Counter = collections.Counter()
        failures: list[str] = []
        store, trace = work / "store", work / "trace.txt"
        kills = rounds = finished = 0
        started = time.perf_counter()
        while kills < args.kills:
            rounds += 1
            shutil.rmtree(store, ignore_errors=True)
            shutil.copytree(base_store, store)
            again = True
            while again and kills < args.kills:
                trace.unlink(missing_ok=True)
                proc = run_load(more, store, trace)
                delay = rng.uniform(0, period)
                try:
                    proc.wait(timeout=delay)
                    phase = "finished"  # not a kill: the load ended first (not counted as one)
                    finished += 1
                except subprocess.TimeoutExpired:
                    proc.send_signal(signal.SIGKILL)
                    proc.wait()
                    phase = last_phase(trace)
                    kills += 1
                    phases[phase] += 1
                cypher, sparql = halves(store)
                state = ("before" if cypher == before["documents"] else
                         "after" if cypher == after["documents"] else "MIXED")
                ok = cypher == sparql and state != "MIXED"
                if phase != "finished":
                    outcomes[state] += 1
                    line = f"kill {kills:3d} (round {rounds}) at {delay:5.2f}s in {phase:10s}: "
                else:
                    ok = ok and state == "after"
                    line = f"no kill  (round {rounds}) at {delay:5.2f}s: the load had ended: "
                line += f"cypher {len(cypher)} documents, sparql {len(sparql)}, {state}"
                if not ok:
                    failures.append(line)
                    line += "  <-- MISMATCH"
                print(line, flush=True)
                again = rng.random() < 3 / 4 and phase != "finished"
            load_to_end(more, store)
            if full_state(store) != after:
                failures.append(f"round {rounds}: the next load is not exact")
                print(f"round {rounds}: the next load is NOT exact", flush=True)
        minutes = (time.perf_counter() - started) / 60
        print(f"\n{kills} kills in {rounds} rounds ({minutes:.1f} min; {finished} loads ended before their "
              f"kill moment, not counted): phases "
              + ", ".join(f"{p} {n}" for p, n in phases.most_common()))
        print(f"after each kill: {outcomes['before']} all before, {outcomes['after']} all after, "
              f"{outcomes['MIXED']} mixed; halves apart: "
              f"{sum('MISMATCH' in f for f in failures)}; next load exact in {rounds - sum('exact' in f for f in failures)}"
              f" of {rounds} rounds")
        return 1 if failures else 0
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
