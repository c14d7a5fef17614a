#!/usr/bin/env python3
"""What ladybug's token index of topic search costs a load: staging and ladybug's bulk load with and without it.

N generated seed-size plans (as benchmarks/query_latency.py makes them) are built once; then,
for each variant, staged (``stage_graph``: the embedded store's bulk path) and bulk-loaded into a
new ladybug database (``LadybugStore.load_staged``). "without" turns the index's three steps
into no-ops (``Stage._write_tokens``, ``LadybugStore._copy_staged_tokens``,
``LadybugStore._write_tokens``); "with" times them. Prints CPU and wall seconds of each phase,
the size of ``graph.lbug`` and of the staging folder, and the index's size (Token nodes,
HAS_TOKEN relationships). pyoxigraph is left out: its token triples are not new.

    python benchmarks/token_index_cost.py [--plans 1000] [--dir /tmp/token-cost]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from query_latency import make_documents  # noqa: E402

STEPS = (("Stage", "_write_tokens"), ("LadybugStore", "_copy_staged_tokens"), ("LadybugStore", "_write_tokens"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000, help="generated plans (default 1000)")
    parser.add_argument("--dir", type=Path, default=None, help="work folder (default: a temporary one, removed)")
    args = parser.parse_args(argv)

    from dutygraph.graph.build import build
    from dutygraph.graph.ladybug_store import LadybugStore
    from dutygraph.graph.staging import Stage
    from dutygraph.graph.stream import stage_graph

    classes = {"Stage": Stage, "LadybugStore": LadybugStore}
    originals = {(c, n): getattr(classes[c], n) for c, n in STEPS}
    spent: dict[str, list[float]] = {}

    def timed(cls: str, name: str):
        original = originals[(cls, name)]

        def wrapper(self, *a, **k):
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                return original(self, *a, **k)
            finally:
                s = spent.setdefault(f"{cls}.{name}", [0.0, 0.0])
                s[0] += time.process_time() - cpu
                s[1] += time.perf_counter() - wall
        return wrapper

    work = Path(args.dir or tempfile.mkdtemp(prefix="dutygraph-token-cost-"))
    work.mkdir(parents=True, exist_ok=True)
    graph = build(make_documents(args.plans, 0))
    try:
        for variant in ("without", "with"):
            for (cls, name) in originals:
                setattr(classes[cls], name, timed(cls, name) if variant == "with" else (lambda self, *a, **k: None))
            spent.clear()
            folder = work / variant
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            cpu0, wall0 = time.process_time(), time.perf_counter()
            stage = Stage(folder / "stage")
            stage_graph(graph, stage)
            cpu1, wall1 = time.process_time(), time.perf_counter()
            with LadybugStore(folder / "graph.lbug") as store:
                store.load_staged(stage, [])
                tokens = store.cypher("MATCH (k:Token) RETURN count(k) AS n")[0]["n"]
                pairs = store.cypher("MATCH ()-[r:HAS_TOKEN]->() RETURN count(r) AS n")[0]["n"]
            cpu2, wall2 = time.process_time(), time.perf_counter()
            size = sum(f.stat().st_size for f in folder.glob("graph.lbug*"))
            staged = sum(f.stat().st_size for f in (folder / "stage").rglob("*") if f.is_file())
            print(f"{args.plans} plans, {variant} the index: stage {cpu1 - cpu0:.1f} CPU s ({wall1 - wall0:.1f} wall), "
                  f"ladybug {cpu2 - cpu1:.1f} CPU s ({wall2 - wall1:.1f} wall), graph.lbug {size / 1e6:.1f} MB, "
                  f"staging folder {staged / 1e6:.1f} MB, {tokens:,} Token nodes, {pairs:,} HAS_TOKEN; "
                  f"load average {os.getloadavg()[0]:.1f}", flush=True)
            for step, (cpu, wall) in spent.items():
                print(f"    {step}: {cpu:.1f} CPU s ({wall:.1f} wall)", flush=True)
            shutil.rmtree(folder)
    finally:
        for (cls, name), original in originals.items():
            setattr(classes[cls], name, original)
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
