"""Files to graph, to the embedded store and to Parquet tables: time and memory by corpus size.

Generates corpora of 100, 300 and 1000 plans (benchmarks/generate_corpus.py,
seed 0; sizes by option), then runs each case in a fresh child process, one
process per case, so that its peak memory is its own:

- ``build``: read the files and build the graph (what ``dutygraph build`` does);
- ``load``: read, build and load into a new embedded store (ladybug + pyoxigraph,
  what ``dutygraph load DIR --store S`` does);
- ``parquet``: read, build and write the graph's Parquet tables
  (``dutygraph export DIR --format parquet``);
- ``extract-parquet``: read and write the extracted tables, no graph
  (``dutygraph extract DIR --format parquet``).

Files are read in the child itself (one process, as ``dutygraph build`` and
``load`` do), so wall and CPU time are those of one core. Wall and CPU time
(user + system) and peak RSS come from ``os.wait4`` (``getrusage`` of that
child); each step's time (read, build, write) from the child's own clock.
Relationships/s is the graph's relationships over the case's wall time.

    python benchmarks/corpus_load.py [--sizes 100,300,1000] [--cases build,load,parquet,extract-parquet]
                                     [--work DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = ("build", "load", "parquet", "extract-parquet")


def run_case(case: str, corpus: str, work: str) -> dict:
    """One case, in this process: the time of each step and the sizes."""
    sys.path.insert(0, str(HERE.parent))
    from dutygraph.loaders.corpus import extract_corpus, find_files

    steps = {}
    t = time.perf_counter()
    files = find_files([Path(corpus)])
    result = extract_corpus(files, processes=1, keep="dicts" if case == "extract-parquet" else "documents")
    steps["read"] = time.perf_counter() - t
    out = {"documents": len(result.documents), "failures": len(result.failures)}
    if case == "extract-parquet":
        from dutygraph.extract import export_extract_tables

        t = time.perf_counter()
        counts = export_extract_tables(result.documents, Path(work) / "extract-tables")
        steps["write"] = time.perf_counter() - t
        out.update(tasks=counts["tasks"], relationships=counts["assignments"], steps=steps)
        return out
    from dutygraph.graph.build import build

    t = time.perf_counter()
    graph = build(result.documents)
    steps["build"] = time.perf_counter() - t
    out.update(tasks=sum(1 for _, d in graph.nodes(data=True) if d["label"] == "Task"),
               nodes=graph.number_of_nodes(), relationships=graph.number_of_edges())
    t = time.perf_counter()
    if case == "load":
        from dutygraph.graph.embedded import EmbeddedStore

        with EmbeddedStore(Path(work) / "store") as store:
            store.load(graph)
    elif case == "parquet":
        from dutygraph.graph.tables import export_tables

        export_tables(graph, Path(work) / "tables")
    if case != "build":
        steps["write"] = time.perf_counter() - t
    out["steps"] = steps
    return out


def measure(case: str, corpus: Path) -> dict:
    """Run one case in a child process; its result with wall, CPU time and peak RSS."""
    with tempfile.TemporaryDirectory(prefix="corpus-load-") as work:
        result_file = Path(work) / "result.json"
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, __file__, "--child", case, str(corpus), work, str(result_file)])
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"case {case} on {corpus} failed with status {proc.returncode}")
        out = json.loads(result_file.read_text())
        sizes = {p.name: sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
                 for p in Path(work).iterdir() if p.is_dir()}
    out.update(case=case, wall=wall, cpu=usage.ru_utime + usage.ru_stime, peak_rss_mb=usage.ru_maxrss / 1024,
               written_mb=sum(sizes.values()) / 1e6)
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
    head = ("plans", "case", "tasks", "relationships", "wall s", "CPU s", "peak RSS MB", "rel/s", "read s",
            "build s", "write s", "written MB")
    lines = [head]
    for r in rows:
        s = r["steps"]
        lines.append((str(r["documents"]), r["case"], str(r["tasks"]), str(r["relationships"]), f"{r['wall']:.1f}",
                      f"{r['cpu']:.1f}", f"{r['peak_rss_mb']:.0f}", f"{r['relationships'] / r['wall']:,.0f}",
                      f"{s['read']:.1f}", f"{s['build']:.1f}" if "build" in s else "-",
                      f"{s['write']:.1f}" if "write" in s else "-",
                      f"{r['written_mb']:.1f}" if r["written_mb"] else "-"))
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    text = ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths)) + " |" for line in lines]
    text.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300,1000", help="plans per corpus, comma-separated")
    parser.add_argument("--cases", default=",".join(CASES), help=f"comma-separated, of {', '.join(CASES)}")
    parser.add_argument("--work", default=None, help="where to keep the generated corpora (default: a temp dir)")
    parser.add_argument("--json", default=None, help="also write the results as JSON here")
    parser.add_argument("--child", nargs=4, metavar=("CASE", "CORPUS", "WORK", "RESULT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        case, corpus, work, result_file = args.child
        Path(result_file).write_text(json.dumps(run_case(case, corpus, work)))
        return 0
    cases = [c for c in args.cases.split(",") if c]
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        parser.error(f"unknown case {unknown[0]}; one of {', '.join(CASES)}")
    work = Path(args.work or tempfile.mkdtemp(prefix="corpus-load-"))
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        corpus = corpus_of(size, work)
        for case in cases:
            rows.append(measure(case, corpus))
            print(f"{size} plans, {case}: {rows[-1]['wall']:.1f}s", file=sys.stderr, flush=True)
    print(table(rows))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
