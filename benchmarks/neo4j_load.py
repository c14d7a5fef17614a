"""Neo4j load speed: the batched loader against a naive one-MERGE-per-row loader, in one run.

Generates a corpus (benchmarks/generate_corpus.py) of at least 200,000
relationships, builds its graph once, then loads it into an emptied Neo4j with
``Neo4jStore.load`` for each batch size, one document at a time and then
``--workers`` documents at a time, and with ``Neo4jStore.load_naive``
(one auto-commit MERGE query per node and per relationship). The naive loader
runs on the first documents only (``--naive-relationships``, with their nodes)
and its rate is extrapolated per relationship to the whole corpus (at several
hundred rows per second the whole corpus would take ten minutes or more).
Rates are relationships per second of wall time, nodes included in the time.
``--admin-import`` adds the offline bulk path for comparison: the CSV export
and ``neo4j-admin database import`` (Java and the test server's jars needed).
Before anything is timed the whole corpus is loaded once and removed (the
server plans its statements and its JIT compiles the write path; a fresh JVM
runs its first load at half speed or less). Every batched load is checked: the
counts per label and type must equal the graph's. Prints one markdown table; where the server is the local test server
(tools/neo4j-test-server), also the CPU seconds it spent on each load, which a
busy machine distorts less than wall time.

    NEO4J_HEAP=4g NEO4J_PAGECACHE=1g bash tools/neo4j-test-server/up.sh
    python benchmarks/neo4j_load.py [--docs 250] [--scale 3] [--batch-sizes 1000,10000,50000] [--workers 3]

The test server's defaults (1 GB of heap, 256 MB of page cache) are sized for
the tests; with them the server spent about a tenth more CPU here, collecting
garbage while several transactions are open. Stop a running test
server first (down.sh): up.sh keeps one that runs, whatever its sizes. The
sizes of the local test server are printed with the results.

The server is NEO4J_URI (credentials from NEO4J_USERNAME / NEO4J_PASSWORD) or
bolt://127.0.0.1:$NEO4J_BOLT_PORT. ITS DATABASE IS EMPTIED. While it runs it
holds the lock file the tests take (tests/neo4j_fixtures.py), so a test run on
the same server waits rather than fails.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from tests.neo4j_fixtures import clear, exclusive  # noqa: E402  (the tests' lock: tests and benchmark take turns)


def build_corpus(docs: int, scale: int, seed: int, out: Path):
    from generate_corpus import write_corpus

    from dutygraph.graph.build import build
    from dutygraph.loaders import load

    write_corpus(out, docs, seed, scale=scale)
    start = time.perf_counter()
    documents = [load(p) for p in sorted(out.glob("*.txt"))]
    graph = build(documents)
    return graph, time.perf_counter() - start


def server_cpu() -> float | None:
    """CPU seconds used so far by the local test server (tools/neo4j-test-server), if it runs here (Linux)."""
    try:
        pid = int((HERE.parent / "tools" / "neo4j-test-server" / "run" / "neo4j.pid").read_text())
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def server_memory() -> str | None:
    """The heap and page cache of the local test server (tools/neo4j-test-server), if it runs here (Linux)."""
    try:
        pid = int((HERE.parent / "tools" / "neo4j-test-server" / "run" / "neo4j.pid").read_text())
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        env = dict(e.split(b"=", 1) for e in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0") if b"=" in e)
    except (OSError, ValueError):
        return None
    heap = next((a[4:].decode() for a in args if a.startswith(b"-Xmx")), "?")
    return f"heap {heap}, page cache {(env.get(b'NEO4J_PAGECACHE') or b'256m').decode()}"


def admin_import(graph, work: Path) -> tuple[float, float]:
    """Seconds to write the CSV files and to run ``neo4j-admin database import full`` on them."""
    import shlex
    import shutil
    import subprocess

    from dutygraph.graph.neo4j_csv import export_neo4j_csv

    lib = HERE.parent / "tools" / "neo4j-test-server" / "lib"
    java = shutil.which("java")
    if not java or not (lib / ".complete").exists():
        raise SystemExit("--admin-import needs java and tools/neo4j-test-server/lib (run up.sh once)")
    start = time.perf_counter()
    command = export_neo4j_csv(graph, work / "csv")
    exported = time.perf_counter() - start
    home = work / "home"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("")
    start = time.perf_counter()
    done = subprocess.run([java, "-cp", str(lib / "*"), "org.neo4j.cli.AdminTool", *shlex.split(command)[1:]],
                          env={**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")},
                          capture_output=True, text=True, cwd=work)  # (import.report goes there)
    if done.returncode:
        raise SystemExit(f"neo4j-admin import failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return exported, time.perf_counter() - start


def first_documents(graph, relationships: int):
    """The subgraph of the first documents (in id order) holding at least ``relationships`` relationships."""
    from dutygraph.graph.rows import document_ids

    keep, total = set(), 0
    per_doc: dict[str, int] = {}
    for _, _, d in graph.edges(data=True):
        doc = d.get("document") or (d.get("documents") or [None])[0]
        per_doc[doc] = per_doc.get(doc, 0) + 1
    for doc in document_ids(graph):
        keep.add(doc)
        total += per_doc.get(doc, 0)
        if total >= relationships:
            break
    nodes = [n for n, d in graph.nodes(data=True)
             if (d.get("document") or n) in keep or set(d.get("documents", ())) & keep]
    sub = graph.subgraph(nodes).copy()
    for _, _, d in sub.edges(data=True):  # shared facts of documents left out
        if "documents" in d:
            d["documents"] = [x for x in d["documents"] if x in keep]
    for n, d in sub.nodes(data=True):
        if "documents" in d:
            d["documents"] = [x for x in d["documents"] if x in keep]
    sub.remove_edges_from([(u, v, k) for u, v, k, d in sub.edges(keys=True, data=True)
                           if "documents" in d and not d["documents"]])
    return sub


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=250)
    parser.add_argument("--scale", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--min-relationships", type=int, default=200_000)
    parser.add_argument("--batch-sizes", default="1000,10000,50000")
    parser.add_argument("--workers", default="3",
                        help="parallel documents (comma-separated counts), each at every batch size (1: none)")
    parser.add_argument("--naive-relationships", type=int, default=5_000,
                        help="relationships the naive loader writes (first documents; default 5000)")
    parser.add_argument("--admin-import", action="store_true",
                        help="also time export_neo4j_csv + neo4j-admin database import (offline, into a temporary "
                             "home; needs Java and the jars of tools/neo4j-test-server)")
    parser.add_argument("--uri", default=None, help="default: $NEO4J_URI or bolt://127.0.0.1:$NEO4J_BOLT_PORT")
    parser.add_argument("--database", default=None)
    args = parser.parse_args()
    from dutygraph.graph.neo4j import Neo4jStore
    from dutygraph.graph.node_link import counts

    uri = args.uri or os.environ.get("NEO4J_URI") or f"bolt://127.0.0.1:{os.environ.get('NEO4J_BOLT_PORT') or 7687}"
    with tempfile.TemporaryDirectory(prefix="dutygraph-neo4j-bench-") as tmp:
        graph, build_s = build_corpus(args.docs, args.scale, args.seed, Path(tmp) / "corpus")
    n_edges, n_nodes = graph.number_of_edges(), graph.number_of_nodes()
    print(f"corpus: {args.docs} documents (scale {args.scale}, seed {args.seed}), parsed and built in {build_s:.1f}s: "
          f"{n_nodes:,} nodes, {n_edges:,} relationships", file=sys.stderr)
    if n_edges < args.min_relationships:
        parser.error(f"only {n_edges:,} relationships (< {args.min_relationships:,}): raise --docs or --scale")
    want = counts(graph)
    rows = []
    sizes = [int(b) for b in args.batch_sizes.split(",")]
    cases = [(b, 1) for b in sizes] + [(b, w) for w in (int(w) for w in args.workers.split(",")) if w > 1
                                       for b in sizes]
    with Neo4jStore(uri=uri, database=args.database) as store, exclusive(uri):
        print(f"server: {uri}, database {store.settings.database!r}; {os.cpu_count()} cores, load average "
              f"{os.getloadavg()[0]:.1f} at start", file=sys.stderr)
        clear(store)
        # Warm-up, not timed: the server plans the write statements and its JIT compiles the write path (a
        # fresh JVM runs the first load at half speed or less); a long-running server is warm.
        store.load(graph, workers=max(w for _, w in cases))
        subset = first_documents(graph, args.naive_relationships)
        clear(store)
        naive = store.load_naive(subset)
        naive_rate = naive.relationships / naive.seconds
        print(f"naive: {naive.relationships:,} relationships and {naive.nodes:,} nodes of the first "
              f"{len(naive.documents)} documents in {naive.seconds:.1f}s, {naive.transactions:,} queries; "
              f"extrapolated to the corpus: {n_edges / naive_rate / 60:.0f} min", file=sys.stderr)
        for batch, workers in cases:
            clear(store)
            cpu0 = server_cpu()
            report = store.load(graph, batch_size=batch, workers=workers)
            cpu = server_cpu() - cpu0 if cpu0 is not None else None
            got = store.counts()
            if got != want:
                raise SystemExit(f"batch {batch}: counts differ from the graph's: {got} != {want}")
            rows.append((batch, workers, report, cpu))
            print(f"batch {batch:,}, {workers} worker(s): {report.seconds:.1f}s, {report.transactions} transactions",
                  file=sys.stderr)
        clear(store)
        load_after = os.getloadavg()[0]
    if args.admin_import:
        with tempfile.TemporaryDirectory(prefix="dutygraph-neo4j-import-") as tmp:
            exported, imported = admin_import(graph, Path(tmp))
        print(f"neo4j-admin bulk path (offline, empty database): CSV export {exported:.1f}s + import {imported:.1f}s "
              f"= {n_edges / (exported + imported):,.0f} relationships/s", file=sys.stderr)
    memory = server_memory()
    where = f"; local test server: {memory}" if memory else ""
    print(f"{n_edges:,} relationships, {n_nodes:,} nodes{where}; naive measured on {naive.relationships:,} "
          f"relationships (first {len(naive.documents)} documents) and extrapolated per relationship; "
          f"load average {load_after:.1f} at the end")
    print("| batch size | workers | transactions | batched s | batched rel/s | naive rel/s | batched / naive "
          "| server CPU s | rel per server CPU s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for batch, workers, report, cpu in rows:
        rate = report.relationships / report.seconds
        cpu_cells = f"{cpu:.1f} | {report.relationships / cpu:,.0f}" if cpu else "n/a | n/a"
        print(f"| {batch:,} | {workers} | {report.transactions} | {report.seconds:.1f} | {rate:,.0f} | {naive_rate:,.0f} "
              f"| {rate / naive_rate:.0f}x | {cpu_cells} |")
    if args.admin_import:
        total = exported + imported
        print(f"| neo4j-admin import (offline, CSV export {exported:.1f}s + import {imported:.1f}s) | | | {total:.1f} "
              f"| {n_edges / total:,.0f} | | | | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
