"""Files to the embedded store, to Neo4j (neo4j-admin import) and to Parquet tables: time and memory by size.

Generates corpora (benchmarks/generate_corpus.py, seed 0; 1000, 3000 and 10000 plans
by default), then runs each case in a fresh child process, one process per case,
so that its peak memory is its own:

- ``load``: files streamed into a new embedded store (ladybug + pyoxigraph), what
  ``dutygraph load DIR --store S`` does: read, resolve and build each document in
  worker processes (one per core) into staged Parquet shards and N-Triples parts,
  then ladybug ``COPY FROM`` the shards and pyoxigraph ``bulk_load`` the N-Triples (into its default graph),
  into a generation built aside and committed;
- ``neo4j-import``: ``dutygraph load DIR --neo4j-import`` into a new Neo4j home: files
  read, resolved and built in worker processes that write CSV straight away (a few files
  per label and type), then ``neo4j-admin database import full``, then the swap; its
  steps (wall and CPU, the JVM's included), neo4j-admin's own steps read from its output
  (JVM start, sampling the files, its four phases) and its own rate (relationships over
  its four phases: the limit) beside the whole load's; needs ``$NEO4J_ADMIN`` or the
  test server's jars (tools/neo4j-test-server/up.sh fetches them; then ``-Xmx2g``);
- ``neo4j-live`` (not run by default): ``dutygraph load DIR --neo4j``, the batched loader
  into a running server (NEO4J_URI, else the test server on $NEO4J_BOLT_PORT; ITS
  DATABASE IS EMPTIED before and after): read (worker processes), build the graph,
  ``Neo4jStore.load``; the server's CPU is printed apart (not in the case's CPU);
- ``limits``: the stores' own bulk rates on the same staged files, measured in the
  same run: the corpus is staged once (kept), then ladybug copies every shard into an
  empty database (``COPY FROM``, nothing else) and pyoxigraph bulk-loads the N-Triples
  into an empty store; the ratio of each load step to these is printed;
- ``append``: a store of all plans but the last 300 is loaded (measured too: ``append-base``), then
  the last 300 are added, against the same 300 into an empty store; with ``--keep-store DIR`` the
  store of all the plans is kept in ``DIR/store-SIZE`` (to time queries on it:
  ``query_latency.py --loaded-store``), else it is deleted;
- ``quads`` (not run by default): the staged triples of the documents of the first
  ``QUADS_PLANS`` plans (in worker processes; the embedded store's default graph), counted by predicate: quads per plan,
  the share of each predicate, and bytes per plan (what pyoxigraph's bulk load takes);
- ``build``, ``parquet``, ``extract-parquet`` (not run by default): read and build the
  whole graph in memory (``dutygraph build``), and write its Parquet tables
  (``export --format parquet``), or the extracted tables (``extract --format parquet``).

Wall and CPU time (user + system, workers included) come from ``os.wait4`` of the
case's process; peak RSS is that process's (``ru_maxrss``), and the largest worker's
beside it (the workers run at once: their sum bounds the whole load). Each step's
time comes from the load's phases (``EmbeddedStore(on_phase=…)``): ``stage`` (read,
resolve, build, write the staging folder), ``ladybug``, ``oxigraph``, ``commit``
(sync, commit record, clean-up). Relationships/s is relationships over the case's wall.
The machine is shared: the load average before and after each case is printed with it.

    python benchmarks/corpus_load.py [--sizes 1000,3000,10000] [--cases load,neo4j-import,limits,append]
                                     [--work DIR] [--json FILE] [--keep-store DIR]
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
CASES = ("load", "neo4j-import", "limits", "append", "neo4j-live", "quads", "build", "parquet", "extract-parquet")
APPENDED = 300
QUADS_PLANS = 200


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _own_cpu() -> float:
    t = os.times()
    return t.user + t.system


def _thread_cpu() -> dict[str, float]:
    """CPU s of this process's live threads by name (``/proc/self/task/*/stat``: RocksDB's background threads are
    ``rocksdb:low`` and ``rocksdb:high``, Python's and ladybug's ``python``); {} where there is no /proc."""
    out: dict[str, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            with open(f"/proc/self/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    return out


def _phases(steps: dict, cpu: dict, own: dict | None = None, rss: dict | None = None,
            threads: dict | None = None):
    """An on_phase hook timing each phase into ``steps`` (wall) and ``cpu`` (this process and its reaped
    workers), ``own`` (this process alone: its threads, pyoxigraph's and ladybug's included, not the
    workers) and ``rss`` (this process's peak RSS in MB at the end of the phase): stage, ladybug,
    oxigraph, commit (sync, commit record, clean-up), open (the rest). During ``stage`` this process
    runs pyoxigraph's bulk load of the parts already staged (the workers read and build). ``threads``: each
    step's CPU s by thread name (of the threads alive at both its ends), which tells RocksDB's compactions
    (``rocksdb:low``), running on in the background after pyoxigraph's bulk loads, from ladybug's step beside
    them (README, "The append, round eleven")."""
    last = {"name": None, "t": time.perf_counter(), "cpu": _cpu(), "own": _own_cpu(), "threads": _thread_cpu()}
    threads = {} if threads is None else threads
    names = {"stage": "stage", "ladybug": "ladybug", "oxigraph": "oxigraph"}
    own = {} if own is None else own
    rss = {} if rss is None else rss

    def on_phase(phase: str) -> None:
        now, used, mine, now_threads = time.perf_counter(), _cpu(), _own_cpu(), _thread_cpu()
        if last["name"] is not None:
            key = names.get(last["name"], "commit" if last["name"] in ("sync", "commit", "committed", "collect")
                            else "open")
            steps[key] = steps.get(key, 0.0) + now - last["t"]
            cpu[key] = cpu.get(key, 0.0) + used - last["cpu"]
            own[key] = own.get(key, 0.0) + mine - last["own"]
            rss[key] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            by_name = threads.setdefault(key, {})
            for name, seconds in now_threads.items():
                spent = seconds - last["threads"].get(name, 0.0)
                if spent > 0:
                    by_name[name] = round(by_name.get(name, 0.0) + spent, 2)
        last.update(name=phase, t=now, cpu=used, own=mine, threads=now_threads)

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
    threads: dict = {}
    with EmbeddedStore(store, on_phase=_phases(steps, cpu, own, rss, threads)) as s:
        counts, staged = s.load_files(files)
        bulk = s.last_bulk_load
    return {**_counts(counts), "documents": len(staged.documents), "failures": len(staged.failures), "steps": steps,
            "step_cpu": cpu, "step_own_cpu": own, "step_peak_rss_mb": rss, "step_thread_cpu": threads,
            "quads": staged.quads,
            "oxigraph_document_load": bulk}


ADMIN_PHASES = ("Node import", "Relationship import", "Relationship linking", "Post processing")


def _admin_steps(lines: list[tuple[float, str]], started: float) -> dict:
    """neo4j-admin's own steps from its output (each line with the time it was read): ``JVM start`` (to its
    first line), ``sample`` (reading the files' heads to estimate, to "Import starting"), then its four
    phases as it times them, and the counts it imported."""
    import re

    out: dict = {}
    first = next((t for t, _ in lines), None)
    starting = next((t for t, line in lines if line.startswith("Import starting")), None)
    if first is not None:
        out["JVM start"] = first - started
        if starting is not None:
            out["sample"] = starting - first
    for _, line in lines:
        m = re.match(r"(.+) COMPLETED in (?:(\d+)m )?(?:(\d+)s )?(\d+)ms", line)
        if m and m.group(1) in ADMIN_PHASES:
            out[m.group(1)] = int(m.group(2) or 0) * 60 + int(m.group(3) or 0) + int(m.group(4)) / 1000
    imported = {}
    for _, line in lines:
        m = re.match(r"\s+(\d+) (nodes|relationships|properties)$", line)
        if m:
            imported[m.group(2)] = int(m.group(1))
    return {"admin": out, "imported": imported}


def run_neo4j_import(files: list[Path], work: Path) -> dict:
    """``dutygraph load DIR --neo4j-import``: files to CSV in worker processes, neo4j-admin, swap."""
    from dutygraph.graph.neo4j_import import import_files

    home = work / "neo4j-home"
    home.mkdir()
    steps: dict = {}
    cpu: dict = {}
    lines: list[tuple[float, str]] = []
    started: dict = {}
    names = {"stage": "read, build, CSV", "import": "neo4j-admin", "swap": "swap"}
    last = {"name": None, "t": 0.0, "cpu": 0.0}

    def on_phase(phase: str) -> None:  # wall and CPU (workers and the JVM once reaped) of each phase
        now, used = time.perf_counter(), _cpu()
        started.setdefault(phase, now)
        if last["name"] is not None:
            steps[names[last["name"]]] = now - last["t"]
            cpu[names[last["name"]]] = used - last["cpu"]
        last.update(name=phase if phase in names else None, t=now, cpu=used)

    def on_output(line: str) -> None:
        lines.append((time.perf_counter(), line))

    counts, staged = import_files(files, home=home, on_phase=on_phase, on_output=on_output)
    return {**_counts(counts), "documents": len(staged.documents), "failures": len(staged.failures), "steps": steps,
            "step_cpu": cpu, **_admin_steps(lines, started.get("import", 0.0))}


def server_cpu() -> float | None:
    """CPU seconds used so far by the local test server (tools/neo4j-test-server), if it runs here (Linux)."""
    try:
        pid = int((ROOT / "tools" / "neo4j-test-server" / "run" / "neo4j.pid").read_text())
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def run_neo4j_live(files: list[Path], work: Path) -> dict:
    """``dutygraph load DIR --neo4j``: read (worker processes), build the graph, the batched loader into the
    live server (NEO4J_URI or the test server on $NEO4J_BOLT_PORT), emptied first (ITS DATABASE IS EMPTIED)."""
    from dutygraph.graph.build import build
    from dutygraph.graph.neo4j import Neo4jStore
    from dutygraph.loaders.corpus import extract_corpus
    from tests.neo4j_fixtures import clear, exclusive, neo4j_uri

    steps, cpu = {}, {}
    uri = neo4j_uri()
    with Neo4jStore(uri=uri, database=os.environ.get("NEO4J_DATABASE") or "neo4j") as store, exclusive(uri):
        t = time.perf_counter()
        clear(store)
        cleared = time.perf_counter() - t
        t, c = time.perf_counter(), _cpu()
        result = extract_corpus(files)
        steps["read"], cpu["read"] = time.perf_counter() - t, _cpu() - c
        t, c = time.perf_counter(), _cpu()
        graph = build(result.documents)
        steps["build"], cpu["build"] = time.perf_counter() - t, _cpu() - c
        del result
        t, c, s = time.perf_counter(), _cpu(), server_cpu()
        report = store.load(graph)
        steps["load"], cpu["load"] = time.perf_counter() - t, _cpu() - c
        if s is not None:
            cpu["server (not in CPU s)"] = server_cpu() - s
        counts = store.counts()
        t = time.perf_counter()
        clear(store)
        steps["empty the database (before, after; not the load)"] = cleared + time.perf_counter() - t
    return {"tasks": counts["nodes"].get("Task", 0), "nodes": sum(counts["nodes"].values()),
            "relationships": sum(counts["edges"].values()), "documents": len(report.documents), "failures": 0,
            "steps": steps, "step_cpu": cpu}


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
    store.bulk_load(stage.nquads_stream(), ox.RdfFormat.N_TRIPLES, lenient=True)
    store.flush()
    steps["oxigraph bulk_load"] = time.perf_counter() - t
    cpu["oxigraph bulk_load"] = _cpu() - c
    quads = len(store)
    nodes = sum(len(v) for v in staged.index.nodes.values())
    return {"documents": len(staged.documents), "failures": len(staged.failures), "tasks": staged.tasks,
            "relationships": staged.total_relationships, "quads": quads, "shared nodes": nodes, "steps": steps,
            "step_cpu": cpu}


def run_quads(files: list[Path], work: Path) -> dict:
    """Stage the first QUADS_PLANS plans and count the triples of their documents by predicate."""
    from collections import Counter

    from dutygraph.graph.staging import Stage
    from dutygraph.graph.stream import stage_files

    stage = Stage(work / "stage")
    t, c = time.perf_counter(), _cpu()
    staged = stage_files(files[:QUADS_PLANS], stage)
    steps, cpu = {"stage": time.perf_counter() - t}, {"stage": _cpu() - c}
    by: Counter = Counter()
    size = 0
    stream = stage.nquads_stream()
    for line in io_lines(stream):
        size += len(line)
        by[line.split(b" ", 2)[1].decode()] += 1
    plans = len(staged.documents)
    return {"documents": plans, "failures": len(staged.failures), "tasks": staged.tasks,
            "relationships": staged.total_relationships, "quads": sum(by.values()), "steps": steps, "step_cpu": cpu,
            "quads_per_plan": sum(by.values()) / plans, "bytes_per_plan": size / plans,
            "by_predicate": {p: n / plans for p, n in by.most_common()}}


def io_lines(stream):
    """The lines of a binary stream (with their end of line)."""
    import io

    yield from io.BufferedReader(stream, 1 << 20)


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
        out = run_load(files, Path(extra) if extra else work / "store")
    elif case == "quads":
        out = run_quads(files, work)
    elif case == "neo4j-import":
        out = run_neo4j_import(files, work)
    elif case == "neo4j-live":
        out = run_neo4j_live(files, work)
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
               load_average=load_average, load_average_end=os.getloadavg()[0])
    print(f"{out['plans']} plans, {case}: {wall:.1f}s wall, {out['cpu']:.1f}s CPU, "
          f"{out['peak_rss_mb']:.0f} MB (+{out['worker_rss_mb']:.0f} MB per worker), wall {out['steps']}, "
          f"CPU {out.get('step_cpu')}, this process's CPU {out.get('step_own_cpu')}, peak RSS by step "
          f"{out.get('step_peak_rss_mb')}, by thread {out.get('step_thread_cpu')}, pyoxigraph's document graphs "
          f"{out.get('oxigraph_document_load')}",
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
                      f"{r.get('relationships', 0) / r['wall']:,.0f}", steps,
                      f"{r['load_average']:.1f}–{r.get('load_average_end', r['load_average']):.1f}"))
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    text = ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths)) + " |" for line in lines]
    text.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(text)


def neo4j_lines(rows: list[dict]) -> list[str]:
    """Files to Neo4j: each step's share of the wall, neo4j-admin's own steps, and its own rate (relationships
    over its four phases: the limit) beside the whole load's."""
    out = []
    for r in (r for r in rows if r["case"] in ("neo4j-import", "neo4j-live")):
        rel, wall = r.get("relationships", 0), r["wall"]
        shares = ", ".join(f"{k} {v / wall:.0%} ({v:.1f}s wall, {r['step_cpu'].get(k, 0):.1f}s CPU)"
                           for k, v in r["steps"].items())
        out.append(f"{r['plans']} plans, {r['case']}: {rel / wall:,.0f} relationships/s over {wall:.1f}s wall; "
                   f"steps: {shares}")
        loading = sum(v for k, v in r["steps"].items() if not k.startswith("empty"))
        if loading < wall * 0.95:
            out.append(f"  without emptying the database: {rel / loading:,.0f} relationships/s over {loading:.1f}s")
        extra = {k: v for k, v in r["step_cpu"].items() if k not in r["steps"]}
        if extra:
            out.append("  " + ", ".join(f"{k} {v:.1f}s" for k, v in extra.items()))
        admin = r.get("admin")
        if admin:
            own = sum(admin.get(k, 0) for k in ADMIN_PHASES)
            imported = r.get("imported", {}).get("relationships", rel)
            out.append("  neo4j-admin: " + ", ".join(f"{k} {v:.1f}s" for k, v in admin.items()))
            if own:
                out.append(f"  limit: neo4j-admin's own phases {own:.1f}s = {imported / own:,.0f} relationships/s; "
                           f"the whole load reaches {rel / wall / (imported / own):.2f} of it "
                           f"({wall / own:.1f} x its time)")
    return out


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


def quads_lines(rows: list[dict]) -> list[str]:
    """Quads (triples) per plan of the documents, by predicate (the ``quads`` case)."""
    out = []
    for r in (r for r in rows if r["case"] == "quads"):
        out.append(f"{r['plans']} plans (the first {r['documents']} staged): {r['quads_per_plan']:,.0f} quads and "
                   f"{r['bytes_per_plan'] / 1024:,.0f} KiB of N-Triples per plan in the documents' triples")
        for p, n in r["by_predicate"].items():
            out.append(f"  {n:8.1f} {n / r['quads_per_plan']:6.1%}  {p}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,3000,10000", help="plans per corpus, comma-separated")
    parser.add_argument("--cases", default=",".join(CASES[:4]), help=f"comma-separated, of {', '.join(CASES)}")
    parser.add_argument("--work", default=None, help="where to keep the generated corpora (default: a temp dir)")
    parser.add_argument("--json", default=None, help="also write the results as JSON here")
    parser.add_argument("--keep-store", default=None,
                        help="append: keep the store of all the plans in this folder (store-SIZE), not in a temp dir; "
                             "load: keep its store there (load-SIZE)")
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
            if case == "load" and args.keep_store:  # kept (to time queries on it: query_latency.py --loaded-store)
                store = Path(args.keep_store) / f"load-{size}"
                if store.exists():
                    parser.error(f"{store} exists: remove it or name another --keep-store")
                rows.append(measure(case, corpus, str(store)))
                continue
            if case != "append":
                rows.append(measure(case, corpus))
                continue
            if args.keep_store:  # the appended store is kept (to time queries on it: query_latency.py --loaded-store)
                store = Path(args.keep_store) / f"store-{size}"
                if store.exists():
                    parser.error(f"{store} exists: remove it or name another --keep-store")
                rows.append(measure("append-base", corpus, str(store)))
                rows.append(measure("append-to-store", corpus, str(store)))
            else:
                with tempfile.TemporaryDirectory(prefix="append-", dir=os.environ.get("TMPDIR")) as base:
                    store = Path(base) / "store"
                    rows.append(measure("append-base", corpus, str(store)))
                    rows.append(measure("append-to-store", corpus, str(store)))
            rows.append(measure("append-to-empty", corpus))
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=1))
    print(table(rows))
    for line in ratios(rows) + neo4j_lines(rows) + quads_lines(rows):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
