#!/usr/bin/env python3
"""How large a graph each view still renders smoothly, in a real headless Chromium.

Generates one corpus (benchmarks/generate_corpus.py), builds graphs of its first
k documents for growing k, writes the four views of each, opens every page in
Debian's Chromium (offline, as the tests do) and prints one table:

- nodes, edges: what the view draws;
- iterations, settle s: the page's own layout (iterations run, seconds from
  creating the network until it is still): 0 iterations and the first drawing
  when the page draws the positions computed in Python (dutygraph.viz.layout,
  physics off: the default); the Python layout's time is not in these columns;
- load s: from navigation until the drawing is still (parsing the page included);
- frame ms: one full redraw of the canvas after layout, zoomed to fit (software
  rendering: --disable-gpu);
- MB: the HTML file;
- smooth: settles within --max-settle seconds and redraws within --max-frame ms.

    python benchmarks/viz_scale.py [--nodes 500 2000 5000] [--views all unit depends partners] [--seed 0]

Needs chromium, chromium-driver (tools/install-browser.sh) and selenium.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def graphs_by_size(sizes: list[int], seed: int, folder: Path):
    """(target, graph): the graph of the fewest first documents of one corpus with at least ``target`` nodes."""
    from generate_corpus import write_corpus

    from dutygraph.graph.build import build
    from dutygraph.loaders import load_many

    docs: list = []
    n_written = 0
    for target in sorted(sizes):
        while True:
            graph = build(docs) if docs else None
            if graph is not None and graph.number_of_nodes() >= target:
                break
            batch = folder / f"batch-{n_written}"
            step = max(1, (target - (graph.number_of_nodes() if graph else 0)) // 250)
            write_corpus(batch, step, seed=seed * 1000 + n_written)
            n_written += 1
            docs.extend(load_many(sorted(batch.glob("plan-*.txt"))).documents)
        yield target, len(docs), graph


def views_of(graph, views: list[str]):
    """(name, view) for each asked view; the unit, place and program are the busiest ones."""
    from collections import Counter

    from dutygraph import viz
    from dutygraph.queries import ask
    from dutygraph.queries.backends import NetworkxBackend
    from dutygraph.queries.networkx_backend import unit_tasks

    backend = NetworkxBackend(graph)
    for name in views:
        if name == "all":
            yield "all", viz.all_view(graph, full=True)
        elif name == "unit":
            counts = unit_tasks(graph)
            top = max(counts, key=lambda u: (len(counts[u]), u))
            yield "unit depth 1", viz.unit_view(graph, top, 1)
        elif name == "depends":
            located = Counter(v for u, v, d in graph.edges(data=True) if d["type"] == "LOCATED_IN"
                              and graph.nodes[u]["label"] == "Task")
            place = max(located, key=lambda p: (located[p], p))
            yield "depends (busiest place)", viz.depends_view(graph, ask.depends(backend, graph.nodes[place]["name"]),
                                                              question=graph.nodes[place]["name"])
        elif name == "partners":
            yield "partners", viz.partners_view(ask.partners(backend), units=graph)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[500, 1000, 2000, 3000, 5000],
                        help="whole-graph sizes to generate (nodes of the all view)")
    parser.add_argument("--views", nargs="+", default=["all", "unit", "depends", "partners"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-settle", type=float, default=5.0, help="seconds (default 5)")
    parser.add_argument("--max-frame", type=float, default=50.0, help="ms per redraw (default 50: 20 fps)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the pages and screenshots here")
    args = parser.parse_args(argv)

    from dutygraph import viz
    from dutygraph.viz import browser

    missing = browser.available()
    if missing:
        print(f"viz_scale: missing {missing} (run tools/install-browser.sh)", file=sys.stderr)
        return 2
    header = ("graph", "docs", "view", "nodes", "edges", "iterations", "settle s", "load s", "frame ms", "MB",
              "smooth")
    rows = []
    with tempfile.TemporaryDirectory() as tmp, browser.chromium(Path(tmp) / "profile") as driver:
        tmp = Path(tmp)
        out = args.keep or tmp / "pages"
        out.mkdir(parents=True, exist_ok=True)
        for target, n_docs, graph in graphs_by_size(args.nodes, args.seed, tmp / "corpus"):
            for name, view in views_of(graph, args.views):
                page = viz.write_html(view, out / f"{target}-{name.split()[0]}.html")
                state = browser.open_view(driver, page, timeout=600)
                frame = browser.frame_ms(driver)
                errors = browser.console_errors(driver)
                if args.keep:
                    driver.save_screenshot(str(out / f"{target}-{name.split()[0]}.png"))
                st = state["stabilized"]
                settle = st["ms"] / 1000
                ok = (state["drawnNodes"] == view.node_count and not errors and settle <= args.max_settle
                      and frame <= args.max_frame)
                rows.append((f"~{target}", n_docs, name, view.node_count, view.edge_count, st["iterations"],
                             f"{settle:.2f}", f"{state['wall_s']:.2f}", f"{frame:.1f}",
                             f"{page.stat().st_size / 1e6:.1f}", "yes" if ok else "no" + (" (errors)" if errors else "")))
                print("  ".join(str(c) for c in rows[-1]), file=sys.stderr, flush=True)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, ["-" * w for w in widths], *rows]:
        print(" | ".join(str(c).ljust(w) for c, w in zip(r, widths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
