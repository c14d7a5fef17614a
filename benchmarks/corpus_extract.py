"""Corpus extraction speed: documents/s with 1 and 2 worker processes on generated plans.

Writes the corpus once (benchmarks/generate_corpus.py write_corpus; reused when the
folder already holds it), then reads it with dutygraph.loaders.corpus.extract_corpus
for each process count, and prints a table. Wall-clock rates: the machine's other
load counts.

    python benchmarks/corpus_extract.py [--docs 10000] [--dir /tmp/dutygraph-corpus] [--processes 1 2]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate_corpus  # noqa: E402

from dutygraph.loaders.corpus import extract_corpus, find_files  # noqa: E402


def ensure_corpus(folder: Path, docs: int, seed: int) -> float:
    """Write the corpus unless it is there; return the seconds spent writing it."""
    if len(find_files([folder])) == docs:
        return 0.0
    start = time.perf_counter()
    generate_corpus.write_corpus(folder, docs, seed)
    return time.perf_counter() - start


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/dutygraph-corpus"))
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", nargs="+", default=["documents", "dicts"], choices=["documents", "dicts", "json", "none"],
                        help="what comes back from the workers (default: documents, then dicts)")
    args = parser.parse_args(argv)
    folder = args.dir / f"docs{args.docs}-seed{args.seed}"
    wrote = ensure_corpus(folder, args.docs, args.seed)
    files = find_files([folder])
    size = sum(f.stat().st_size for f in files)
    print(f"corpus: {len(files)} generated plans, {size / 1e6:.1f} MB in {folder}"
          + (f" (written in {wrote:.1f}s)" if wrote else ""))
    print("wall: elapsed time (other load on the machine slows it); cpu: CPU seconds of this process and its workers")
    print(f"{'keep':>9} {'processes':>9} {'documents':>10} {'tasks':>9} {'assignments':>12} {'failures':>9}"
          f" {'wall s':>7} {'docs/s':>7} {'cpu s':>7} {'docs/cpu-s':>10}")
    for keep in args.keep:
        for n in args.processes:
            cpu0 = _cpu()
            result = extract_corpus(files, processes=n, keep=keep)
            cpu = _cpu() - cpu0
            s = result.summary
            print(f"{keep:>9} {n:>9} {s.documents:>10} {s.tasks:>9} {s.assignments:>12} {s.failures:>9}"
                  f" {s.seconds:>7.1f} {s.documents_per_second:>7.1f} {cpu:>7.1f} {s.documents / cpu:>10.1f}")
            del result
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
