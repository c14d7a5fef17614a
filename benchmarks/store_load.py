"""Store load speed and memory: ladybug, pyoxigraph and rdflib on one generated corpus.

Generates a corpus (benchmarks/generate_corpus.py), builds its graph once, then
loads that graph into each store in a fresh subprocess, so each process's
memory is its own. Prints one table: relationships (and triples) per second,
and memory: the peak resident size the load added (RSS, native libraries
included) and the peak of Python's own allocations (tracemalloc).

    python benchmarks/store_load.py [--docs 140] [--scale 3] [--seed 0] [--min-relationships 200000]

Cases: ``ladybug`` (COPY into empty tables, one transaction), ``pyoxigraph``
(bulk load into an empty store: named graphs and merged default graph),
``rdflib`` (an in-memory Dataset), ``embedded`` (both, as ``dutygraph load``
does), and ``… reload 1 doc``: replacing one document in the loaded store (the
transactional path every later load takes).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = ("ladybug", "ladybug reload 1 doc", "pyoxigraph", "pyoxigraph reload 1 doc", "rdflib", "embedded")


def rss_kb(field: str = "VmRSS") -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def reset_peak() -> None:
    """Reset VmHWM (peak RSS) to the current RSS (Linux >= 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def run_case(case: str, graph_file: str, work: str) -> dict:
    """Load the pickled graph into one store; time and memory of the load alone."""
    sys.path.insert(0, str(HERE.parent))
    from dutygraph.graph.embedded import EmbeddedStore
    from dutygraph.graph.ladybug_store import LadybugStore
    from dutygraph.graph.oxigraph_store import OxigraphStore
    from dutygraph.graph.rdf import graph_ntriples, to_rdflib

    with open(graph_file, "rb") as f:
        graph, single = pickle.load(f)
    edges = graph.number_of_edges()
    base = Path(work)
    triples = None
    if case.endswith("reload 1 doc"):  # load everything first, then measure replacing one document
        store = LadybugStore(base / "g.lbug").open() if case.startswith("ladybug") else OxigraphStore(base / "ox")
        store.load(graph)
        graph = single
        edges = graph.number_of_edges()
    if not case.startswith("ladybug"):
        triples = sum(body.count(b"\n") for body in graph_ntriples(graph).values())
    import gc

    gc.collect()
    before = rss_kb()
    reset_peak()
    tracemalloc.start()
    start = time.perf_counter()
    if case.startswith("ladybug"):
        if not case.endswith("reload 1 doc"):
            store = LadybugStore(base / "g.lbug").open()
        store.load(graph)
    elif case.startswith("pyoxigraph"):
        if not case.endswith("reload 1 doc"):
            store = OxigraphStore(base / "ox")
        store.load(graph)
    elif case == "rdflib":
        dataset = to_rdflib(graph)  # kept alive: its memory is measured
    else:
        EmbeddedStore(base / "embedded").load(graph)
    seconds = time.perf_counter() - start
    _, py_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak = rss_kb("VmHWM")
    return {"case": case, "relationships": edges, "triples": triples, "seconds": seconds,
            "rels_per_s": edges / seconds, "triples_per_s": triples / seconds if triples else None,
            "rss_mb": max(0, peak - before) / 1024, "python_peak_mb": py_peak / 2**20}


def build_corpus(docs: int, scale: int, seed: int, out: Path):
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parent))
    from generate_corpus import write_corpus

    from dutygraph.graph.build import build
    from dutygraph.loaders import load

    write_corpus(out, docs, seed, scale=scale)
    start = time.perf_counter()
    documents = [load(p) for p in sorted(out.glob("*.txt"))]
    parsed = time.perf_counter()
    graph = build(documents)
    built = time.perf_counter() - parsed
    return graph, build([documents[len(documents) // 2]]), parsed - start, built


def table(rows: list[dict]) -> str:
    head = ("case", "relationships", "triples", "seconds", "rels/s", "triples/s", "RSS +MB", "Python peak MB")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = (r["case"], f"{r['relationships']:,}", f"{r['triples']:,}" if r["triples"] else "",
                 f"{r['seconds']:.2f}", f"{r['rels_per_s']:,.0f}",
                 f"{r['triples_per_s']:,.0f}" if r["triples_per_s"] else "", f"{r['rss_mb']:.0f}",
                 f"{r['python_peak_mb']:.0f}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=140)
    parser.add_argument("--scale", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--min-relationships", type=int, default=200_000)
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated subset of: " + ", ".join(CASES))
    parser.add_argument("--worker", nargs=3, metavar=("CASE", "GRAPH", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(run_case(*args.worker)))
        return 0
    with tempfile.TemporaryDirectory(prefix="dutygraph-bench-") as tmp:
        tmp_path = Path(tmp)
        graph, single, parse_s, build_s = build_corpus(args.docs, args.scale, args.seed, tmp_path / "corpus")
        n_edges = graph.number_of_edges()
        print(f"corpus: {args.docs} documents (scale {args.scale}, seed {args.seed}): parsed in {parse_s:.1f}s, "
              f"graph built in {build_s:.1f}s: {graph.number_of_nodes():,} nodes, {n_edges:,} relationships",
              file=sys.stderr)
        if n_edges < args.min_relationships:
            print(f"warning: fewer than {args.min_relationships:,} relationships; raise --docs or --scale",
                  file=sys.stderr)
        graph_file = tmp_path / "graph.pickle"
        with open(graph_file, "wb") as f:
            pickle.dump((graph, single), f, protocol=pickle.HIGHEST_PROTOCOL)
        rows = []
        for case in args.cases.split(","):
            work = tmp_path / case.replace(" ", "-")
            work.mkdir()
            env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
            done = subprocess.run([sys.executable, __file__, "--worker", case, str(graph_file), str(work)],
                                  capture_output=True, text=True, env=env)
            if done.returncode:
                print(f"{case}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
                continue
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"{case}: {rows[-1]['seconds']:.2f}s", file=sys.stderr)
        print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
