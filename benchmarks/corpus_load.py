"""Files to the embedded store, to Neo4j (neo4j-admin import) and to Parquet tables: time and memory by size.

Generates corpora (benchmarks/generate_corpus.py, seed 0; 1000, 3000 and 10000 plans
by default), then runs each case in a fresh child process, one process per case,
so that its peak memory is its own:

- ``load``: files streamed into a new embedded store (ladybug + pyoxigraph), what
  ``dutygraph load DIR --store S`` does: read, resolve and build each document in
  worker processes (one per core) into staged Parquet shards and N-Quads parts,
  then ladybug ``COPY FROM`` the shards and pyoxigraph ``bulk_load`` the N-Quads,
  into a generation built aside and committed;
- ``neo4j-import``: files streamed into the staging folder, CSV parts, then
  ``neo4j-admin database import full`` into a new Neo4j home (``dutygraph load DIR
  --neo4j-import``); needs ``$NEO4J_ADMIN`` or the test server's jars
  (tools/neo4j-test-server/up.sh fetches them);
- ``limits``: the stores' own bulk rates on the same staged files, measured in the
  same run: the corpus is staged once (kept), then ladybug copies every shard into an
  empty database (``COPY FROM``, nothing else) and pyoxigraph bulk-loads the N-Quads
  into an empty store; the ratio of each load step to these is printed;
- ``append``: a store of all plans but the last 300 is loaded (not timed), then the
  last 300 are added (timed), against the same 300 into an empty store (timed);
- ``build``, ``parquet``, ``extract-parquet`` (not run by default): read and build the
  whole graph in memory (``dutygraph build``), and write its Parquet tables
  (``export --format parquet``), or the extracted tables (``extract --format parquet``).

Wall and CPU time (user + system, workers included) come from ``os.wait4`` of the
case's process; peak RSS is that process's (``ru_maxrss``), and the largest worker's
beside it (the workers run at once: their sum bounds the whole load). Each step's
time comes from the load's phases (``EmbeddedStore(on_phase=…)``): ``stage`` (read,
resolve, build, write the staging folder), ``ladybug``, ``oxigraph``, ``commit``
(sync, commit record, clean-up). Relationships/s is relationships over the case's wall.
The machine is shared: the load average before each case is printed with it.

    python benchmarks/corpus_load.py [--sizes 1000,3000,10000] [--cases load,neo4j-import,limits,append]
                                     [--work DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CASES = ("load", "neo4j-import", "limits", "append", "build", "parquet", "extract-parquet")
APPENDED = 300


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _own_cpu() -> float:
    t = os.times()
    return t.user + t.system


def _phases(steps: dict, cpu: dict, own: dict | None = None, rss: dict | None = None):
    """An on_phase hook timing each phase into ``steps`` (wall) and ``cpu`` (this process and its reaped
    workers), ``own`` (this process alone: its threads, pyoxigraph's and ladybug's included, not the
    workers) and ``rss`` (this process's peak RSS in MB at the end of the phase): stage, ladybug,
    oxigraph, commit (sync, commit record, clean-up), open (the rest). During ``stage`` this process
    runs pyoxigraph's bulk load of the parts already staged (the workers read and build)."""
    last = {"name": None, "t": time.perf_counter(), "cpu": _cpu(), "own": _own_cpu()}
    names = {"stage": "stage", "ladybug": "ladybug", "oxigraph": "oxigraph"}
    own = {} if own is None else own
    rss = {} if rss is None else rss

    def on_phase(phase: str) -> None:
        now, used, mine = time.perf_counter(), _cpu(), _own_cpu()
        if last["name"] is not None:
            key = names.get(last["name"], "commit" if last["name"] in ("sync", "commit", "committed", "collect")
                            else "open")
            steps[key] = steps.get(key, 0.0) + now - last["t"]
            cpu[key] = cpu.get(key, 0.0) + used - last["cpu"]
            own[key] = own.get(key, 0.0) + mine - last["own"]
            rss[key] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        last.update(name=phase, t=now, cpu=used, own=mine)

    return on_phase


def _rss() -> dict:
    return {"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def _counts(counts: dict) -> dict:
    return {"tasks": counts["nodes"].get("Task", 0), "nodes": sum(counts["nodes"].values()),
            "relationships": sum(counts["edges"].values())}


def run_load(files: list[Path], store: Path) -> dict:
    from dutygraph.graph.embedded import EmbeddedStore

    steps: dict = {}
    cpu: dict = {}
    own: dict = {}
    rss: dict = {}
    with EmbeddedStore(store, on_phase=_phases(steps, cpu, own, rss)) as s:
        counts, staged = s.load_files(files)
        bulk = s.last_bulk_load
    return {**_counts(counts), "documents": len(staged.documents), "failures": len(staged.failures), "steps": steps,
            "step_cpu": cpu, "step_own_cpu": own, "step_peak_rss_mb": rss, "quads": staged.quads,
            "oxigraph_document_load": bulk}


def run_neo4j_import(files: list[Path], work: Path) -> dict:
    from dutygraph.graph.neo4j_import import import_stage
    from dutygraph.graph.staging import Stage
    from dutygraph.graph.stream import stage_files

    home = work / "neo4j-home"
    home.mkdir()
    t = time.perf_counter()
    stage = Stage(work / "stage")
    staged = stage_files(files, stage)
    steps = {"stage": time.perf_counter() - t}
    t = time.perf_counter()
    counts = import_stage(stage, home, work=work)
    steps["neo4j-admin"] = time.perf_counter() - t
    return {**_counts(counts), "documents": len(staged.documents), "failures": len(staged.failures), "steps": steps}


def run_limits(files: list[Path], work: Path) -> dict:
    """Stage once, then each store's bulk load of the staged files alone, into empty stores."""
    import ladybug
    import pyoxigraph as ox

    from dutygraph.graph.ladybug_store import _file_list, schema_ddl
    from dutygraph.graph.schema import EDGE_ENDPOINTS, NODE_LABELS
    from dutygraph.graph.staging import Stage
    from dutygraph.graph.stream import stage_files

    stage = Stage(work / "stage")
    t, c = time.perf_counter(), _cpu()
    staged = stage_files(files, stage)
    steps = {"stage": time.perf_counter() - t}
    cpu = {"stage": _cpu() - c}
    db = ladybug.Database(str(work / "limit.lbug"))
    conn = ladybug.Connection(db)
    for ddl in schema_ddl():
        conn.execute(ddl)
    t, c = time.perf_counter(), _cpu()
    conn.execute("BEGIN TRANSACTION")
    for label in NODE_LABELS:
        if stage.node_files(label):
            conn.execute(f"COPY {label} FROM {_file_list(stage.node_files(label))}")
    for key in stage.keys():
        type_, a, b = key
        options = f" (from='{a}', to='{b}')" if len(EDGE_ENDPOINTS[type_]) > 1 else ""
        conn.execute(f"COPY {type_} FROM {_file_list(stage.edge_files(key))}{options}")
    conn.execute("COMMIT")
    conn.close()
    db.close()
    steps["ladybug COPY"] = time.perf_counter() - t
    cpu["ladybug COPY"] = _cpu() - c
    store = ox.Store(str(work / "limit-oxigraph"))
    t, c = time.perf_counter(), _cpu()
    store.bulk_load(stage.nquads_stream(), ox.RdfFormat.N_QUADS, lenient=True)
    store.flush()
    steps["oxigraph bulk_load"] = time.perf_counter() - t
    cpu["oxigraph bulk_load"] = _cpu() - c
    quads = len(store)
    nodes = sum(len(v) for v in staged.index.nodes.values())
    return {"documents": len(staged.documents), "failures": len(staged.failures), "tasks": staged.tasks,
            "relationships": staged.total_relationships, "quads": quads, "shared nodes": nodes, "steps": steps,
            "step_cpu": cpu}


def run_in_memory(case: str, files: list[Path], work: Path) -> dict:
    """build, parquet, extract-parquet: the whole graph (or the documents) in memory, read in this process."""
    from dutygraph.loaders.corpus import extract_corpus

    steps = {}
    t = time.perf_counter()
    result = extract_corpus(files, processes=1, keep="dicts" if case == "extract-parquet" else "documents")
    steps["read"] = time.perf_counter() - t
    out = {"documents": len(result.documents), "failures": len(result.failures)}
    if case == "extract-parquet":
        from dutygraph.extract import export_extract_tables

        t = time.perf_counter()
        counts = export_extract_tables(result.documents, work / "extract-tables")
        steps["write"] = time.perf_counter() - t
        return {**out, "tasks": counts["tasks"], "relationships": counts["assignments"], "steps": steps}
    from dutygraph.graph.build import build

    t = time.perf_counter()
    graph = build(result.documents)
    steps["build"] = time.perf_counter() - t
    out.update(tasks=sum(1 for _, d in graph.nodes(data=True) if d["label"] == "Task"),
               nodes=graph.number_of_nodes(), relationships=graph.number_of_edges())
    if case == "parquet":
        from dutygraph.graph.tables import export_tables

        t = time.perf_counter()
        export_tables(graph, work / "tables")
        steps["write"] = time.perf_counter() - t
    return {**out, "steps": steps}


def run_case(case: str, corpus: str, work: str, extra: str = "") -> dict:
    """One case, in this process."""
    sys.path.insert(0, str(ROOT))
    from dutygraph.loaders.corpus import find_files

    files = find_files([Path(corpus)])
    work = Path(work)
    if case == "load":
        out = run_load(files, work / "store")
    elif case == "neo4j-import":
        out = run_neo4j_import(files, work)
    elif case == "limits":
        out = run_limits(files, work)
    elif case == "append-base":
        out = run_load(files[:-APPENDED], Path(extra))
    elif case == "append-to-store":
        out = run_load(files[-APPENDED:], Path(extra))
    elif case == "append-to-empty":
        out = run_load(files[-APPENDED:], work / "store")
    elif case in ("build", "parquet", "extract-parquet"):
        out = run_in_memory(case, files, work)
    else:
        raise SystemExit(f"unknown case {case}")
    return {**out, **_rss()}


def measure(case: str, corpus: Path, extra: str = "") -> dict:
    """Run one case in a child process; its result with wall, CPU time (workers included), load average."""
    with tempfile.TemporaryDirectory(prefix="corpus-load-", dir=os.environ.get("TMPDIR")) as work:
        result_file = Path(work) / "result.json"
        load_average = os.getloadavg()[0]
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, __file__, "--child", case, str(corpus), work, str(result_file),
                                 extra])
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"case {case} on {corpus} failed with status {os.waitstatus_to_exitcode(status)}")
        out = json.loads(result_file.read_text())
    out.update(case=case, plans=len(list(corpus.glob("*.txt"))), wall=wall, cpu=usage.ru_utime + usage.ru_stime,
               load_average=load_average)
    print(f"{out['plans']} plans, {case}: {wall:.1f}s wall, {out['cpu']:.1f}s CPU, "
          f"{out['peak_rss_mb']:.0f} MB (+{out['worker_rss_mb']:.0f} MB per worker), wall {out['steps']}, "
          f"CPU {out.get('step_cpu')}, this process's CPU {out.get('step_own_cpu')}, peak RSS by step "
          f"{out.get('step_peak_rss_mb')}, pyoxigraph's document graphs {out.get('oxigraph_document_load')}",
          file=sys.stderr, flush=True)
    return out


def corpus_of(size: int, work: Path) -> Path:
    """The generated corpus of ``size`` plans (seed 0), written once into ``work``."""
    sys.path.insert(0, str(HERE))
    from generate_corpus import write_corpus

    folder = work / f"corpus-{size}"
    done = folder / ".complete"
    if not done.exists():
        write_corpus(folder, size, seed=0)
        for gold in folder.glob("*.gold.json"):  # only the plans are read
            gold.unlink()
        done.write_text("")
    return folder


def table(rows: list[dict]) -> str:
    head = ("plans", "case", "tasks", "relationships", "wall s", "CPU s", "peak RSS MB", "worker RSS MB", "rel/s",
            "steps s", "load avg")
    lines = [head]
    for r in rows:
        steps = ", ".join(f"{k} {v:.1f}" for k, v in r["steps"].items())
        lines.append((str(r.get("documents", r["plans"])), r["case"], f"{r.get('tasks', 0):,}",
                      f"{r.get('relationships', 0):,}", f"{r['wall']:.1f}", f"{r['cpu']:.1f}",
                      f"{r['peak_rss_mb']:.0f}", f"{r['worker_rss_mb']:.0f}",
                      f"{r.get('relationships', 0) / r['wall']:,.0f}", steps, f"{r['load_average']:.1f}"))
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    text = ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths)) + " |" for line in lines]
    text.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(text)


def ratios(rows: list[dict]) -> list[str]:
    """Each load's store steps against the stores' own bulk rates on the same staged files."""
    out = []
    for limit in (r for r in rows if r["case"] == "limits"):
        s = limit["steps"]
        rel, quads = limit["relationships"], limit["quads"]
        out.append(f"{limit['plans']} plans, limits: ladybug COPY FROM {s['ladybug COPY']:.1f}s "
                   f"({rel / s['ladybug COPY']:,.0f} relationships/s), pyoxigraph bulk_load "
                   f"{s['oxigraph bulk_load']:.1f}s ({quads / s['oxigraph bulk_load']:,.0f} quads/s, {quads:,} quads)")
        c = limit.get("step_cpu") or {}
        if c:
            out.append(f"  (CPU: stage {c['stage']:.1f}s, ladybug COPY {c['ladybug COPY']:.1f}s, pyoxigraph bulk_load "
                       f"{c['oxigraph bulk_load']:.1f}s)")
        for load in (r for r in rows if r["case"] == "load" and r["plans"] == limit["plans"]):
            lc = load.get("step_cpu") or {}
            if c and lc:
                out.append(f"  load CPU: stage {lc.get('stage', 0):.1f}s, ladybug {lc.get('ladybug', 0):.1f}s = "
                           f"{lc.get('ladybug', 0) / max(c['ladybug COPY'], 1e-9):.2f} x the COPY's, pyoxigraph "
                           f"{lc.get('oxigraph', 0):.1f}s = {lc.get('oxigraph', 0) / max(c['oxigraph bulk_load'], 1e-9):.2f}"
                           " x the bulk_load's")
            ls = load["steps"]
            out.append(f"  load: ladybug step {ls.get('ladybug', 0):.1f}s = {ls.get('ladybug', 0) / s['ladybug COPY']:.2f}"
                       f" x the limit; pyoxigraph step {ls.get('oxigraph', 0):.1f}s = "
                       f"{ls.get('oxigraph', 0) / s['oxigraph bulk_load']:.2f} x the limit; whole load "
                       f"{rel / load['wall']:,.0f} relationships/s = {load['wall'] / (s['ladybug COPY'] + s['oxigraph bulk_load']):.2f}"
                       " x both bulk loads' time")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,3000,10000", help="plans per corpus, comma-separated")
    parser.add_argument("--cases", default=",".join(CASES[:4]), help=f"comma-separated, of {', '.join(CASES)}")
    parser.add_argument("--work", default=None, help="where to keep the generated corpora (default: a temp dir)")
    parser.add_argument("--json", default=None, help="also write the results as JSON here")
    parser.add_argument("--child", nargs=5, metavar=("CASE", "CORPUS", "WORK", "RESULT", "EXTRA"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        case, corpus, work, result_file, extra = args.child
        Path(result_file).write_text(json.dumps(run_case(case, corpus, work, extra)))
        return 0
    cases = [c for c in args.cases.split(",") if c]
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        parser.error(f"unknown case {unknown[0]}; one of {', '.join(CASES)}")
    if "neo4j-import" in cases and not os.environ.get("NEO4J_ADMIN"):
        lib = ROOT / "tools" / "neo4j-test-server" / "lib"
        if not (lib / ".complete").exists():
            parser.error("neo4j-import needs $NEO4J_ADMIN or the test server's jars (tools/neo4j-test-server/up.sh)")
        os.environ["NEO4J_ADMIN"] = f"java -Xmx2g -cp '{lib / '*'}' org.neo4j.cli.AdminTool"
    work = Path(args.work or tempfile.mkdtemp(prefix="corpus-load-"))
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        corpus = corpus_of(size, work)
        for case in cases:
            if case != "append":
                rows.append(measure(case, corpus))
                continue
            with tempfile.TemporaryDirectory(prefix="append-", dir=os.environ.get("TMPDIR")) as base:
                store = Path(base) / "store"
                rows.append(measure("append-base", corpus, str(store)))
                rows.append(measure("append-to-store", corpus, str(store)))
            rows.append(measure("append-to-empty", corpus))
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=1))
    print(table(rows))
    for line in ratios(rows):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
