"""A bounded, seeded mutation fuzzer over the text, HTML, CSV and DOCX readers and the graph build.

Thousands of mutants of the real plans (benchmarks/fuzz_readers.py: long runs of one
character, duplicated spans, markers, brackets, broken encodings and XML …), each read with
``dutygraph.loaders.load`` and built into a graph: every case ends in a document or an
InputError (one clear line), never another exception, and none costs more than a bounded multiple
of what reading the shipped plan costs at its size. The cost is CPU time measured against that
baseline in the same process (a ratio, not a timed assertion: a slow or busy machine slows both);
a wall-clock alarm at 30 s per case catches a hang. The same seed gives the same cases, read in
four parts that can run side by side; a longer run is ``python benchmarks/fuzz_readers.py --seconds 300``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_readers.py"
sys.path.insert(0, str(SCRIPT.parent))

import fuzz_readers  # noqa: E402

CASES = 3000
PARTS = 4            # the cases of one run, read in four tests (every fourth case each) that can run side by side
HANG_SECONDS = 30.0  # wall-clock seconds
# A case may cost this many times what the shipped plan costs per byte (at least the plan's whole cost).
# Cases of malformed HTML cost up to ~30x before html_file read a cell in one walk; the quadratic row grouping
# fixed in merged_lines (an open row's cells re-examined at every line) cost ~110x.
MAX_COST_RATIO = 60.0


@pytest.mark.parametrize("part", range(PARTS), ids=lambda k: f"part {k + 1} of {PARTS}")
def test_mutants_of_the_real_plans_read_or_refused_in_one_line_at_bounded_cost(tmp_path, part):
    baseline = fuzz_readers.baseline_seconds()
    baseline_bytes = fuzz_readers.SEED_PLAN.stat().st_size
    report = fuzz_readers.fuzz(seed=16, cases=CASES, case_seconds=HANG_SECONDS, keep=tmp_path / "kept",
                               part=(part, PARTS))
    share = CASES // PARTS
    assert len(report.outcomes) == share
    kinds = Counter(o.kind for o in report.outcomes)
    assert set(kinds) == set(fuzz_readers.KINDS) and min(kinds.values()) > share // 10, kinds
    results = Counter(o.result for o in report.outcomes)
    assert results["read"] > share // 4 and results["refused"] > 0, results  # the mutants reach the readers
    assert report.failures == [], [(o.kind, o.result, o.detail) for o in report.failures[:10]]
    worst = max(report.outcomes, key=lambda o: fuzz_readers.cost_ratio(o, baseline, baseline_bytes))
    ratio = fuzz_readers.cost_ratio(worst, baseline, baseline_bytes)
    assert ratio < MAX_COST_RATIO, (f"a {worst.kind} case of {worst.size} bytes took {worst.seconds:.2f} s of CPU: "
                                    f"{ratio:.0f}x the shipped plan's {baseline * 1000:.0f} ms at its size")


def test_the_cost_ratio_counts_a_case_by_its_size():
    small = fuzz_readers.Outcome("txt", "read", seconds=0.5, size=1_000)
    large = fuzz_readers.Outcome("txt", "read", seconds=0.5, size=100_000)
    assert fuzz_readers.cost_ratio(small, 0.01, 25_000) == 50.0  # smaller than the plan: the plan's whole cost
    assert fuzz_readers.cost_ratio(large, 0.01, 25_000) == 12.5  # four times the plan: four times its cost


def test_the_same_seed_makes_the_same_cases():
    import random

    for kind in fuzz_readers.KINDS:
        cases = [[fuzz_readers.make_case(rng, kind) for _ in range(20)] for rng in (random.Random(7), random.Random(7))]
        assert cases[0] == cases[1]
        assert len({data for _, data in cases[0]}) > 15  # and different cases one after the other


def test_the_parts_together_are_the_cases_of_one_run():
    whole = fuzz_readers.fuzz(seed=3, cases=12)
    parts = [fuzz_readers.fuzz(seed=3, cases=12, part=(k, 3)) for k in range(3)]
    assert [len(p.outcomes) for p in parts] == [4, 4, 4]
    # case k (from 1) is read in part k % 3, as its ((k - 1) // 3)-th
    joined = [parts[k % 3].outcomes[(k - 1) // 3] for k in range(1, 13)]
    assert [(o.kind, o.result, o.detail) for o in joined] == [(o.kind, o.result, o.detail) for o in whole.outcomes]
