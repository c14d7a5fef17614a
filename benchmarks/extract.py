"""Extraction speed: parse the seed plan N times in one process.

Prints documents/s and MB/s for the whole loader (decode + parse) and for the
parser alone on already-decoded text, so the two can be compared in one run.

    python benchmarks/extract.py [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from dutygraph.loaders import columns, coverage, flat_table
from dutygraph.loaders.decode import decode_bytes
from dutygraph.loaders.plain_text import parse_plain_text
from dutygraph.text import units

def clear_caches() -> None:
    """Forget the caches of unit names and column labels, as for a document whose units were never seen before."""
    for fn in (units.is_unit_name, units.looks_like_unit_list, units._split_units, units.strip_noise,
               flat_table.column_kind, columns.is_label, coverage._read_cue):
        fn.cache_clear()


SEED = Path(__file__).resolve().parent.parent / "examples" / "zhuzhou-2018-liangxing-plan.txt"


def measure(label: str, fn, repeat: int, size: int) -> dict:
    fn()  # warm-up: imports, regex compilation, caches
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        fn()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return {"case": label, "documents": repeat, "wall_s": wall, "cpu_s": cpu,
            "docs_per_s": repeat / cpu, "mb_per_s": repeat * size / cpu / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1000)
    args = parser.parse_args()
    data = SEED.read_bytes()
    text, _ = decode_bytes(data, str(SEED))
    rows = [
        measure("decode + parse", lambda: parse_plain_text(decode_bytes(data, str(SEED))[0], str(SEED)),
                args.repeat, len(data)),
        measure("parse only", lambda: parse_plain_text(text, str(SEED)), args.repeat, len(data)),
        measure("parse, no caches", lambda: (clear_caches(), parse_plain_text(text, str(SEED))), args.repeat,
                len(data)),
    ]
    print(f"seed: {SEED.name}, {len(data):,} bytes, {len(text.splitlines())} lines; one process, one core")
    print("rates are per CPU-second of this process (other load on the machine does not count)")
    print(f"{'case':<16}{'documents':>10}{'wall s':>8}{'cpu s':>8}{'docs/s':>9}{'MB/s':>7}")
    for r in rows:
        print(f"{r['case']:<16}{r['documents']:>10}{r['wall_s']:>8.2f}{r['cpu_s']:>8.2f}"
              f"{r['docs_per_s']:>9.0f}{r['mb_per_s']:>7.2f}")


if __name__ == "__main__":
    main()
