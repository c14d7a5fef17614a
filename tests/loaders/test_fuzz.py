"""A bounded, seeded mutation fuzzer over the text, HTML, CSV and DOCX readers and the graph build.

Thousands of mutants of the real plans (benchmarks/fuzz_readers.py: long runs of one
character, duplicated spans, markers, brackets, broken encodings and XML …), each read with
``dutygraph.loaders.load`` and built into a graph: every case ends in a document or an
InputError (one clear line), never another exception, and none takes 5 s of CPU time (a wall-clock
alarm at 30 s catches a hang; CPU time, because the machine running the tests may be busy). The
same seed gives the same cases; a longer run is ``python benchmarks/fuzz_readers.py --seconds 300``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_readers.py"
sys.path.insert(0, str(SCRIPT.parent))

import fuzz_readers  # noqa: E402

CASES = 3000
CASE_SECONDS = 5.0   # CPU seconds
HANG_SECONDS = 30.0  # wall-clock seconds


def test_mutants_of_the_real_plans_read_or_refused_in_one_line_and_under_5_s(tmp_path):
    report = fuzz_readers.fuzz(seed=16, cases=CASES, case_seconds=HANG_SECONDS, keep=tmp_path / "kept")
    assert len(report.outcomes) == CASES
    kinds = Counter(o.kind for o in report.outcomes)
    assert set(kinds) == set(fuzz_readers.KINDS) and min(kinds.values()) > CASES // 10, kinds
    results = Counter(o.result for o in report.outcomes)
    assert results["read"] > CASES // 4 and results["refused"] > 0, results  # the mutants reach the readers
    assert report.failures == [], [(o.kind, o.result, o.detail) for o in report.failures[:10]]
    assert max(o.seconds for o in report.outcomes) < CASE_SECONDS


def test_the_same_seed_makes_the_same_cases():
    import random

    for kind in fuzz_readers.KINDS:
        cases = [[fuzz_readers.make_case(rng, kind) for _ in range(20)] for rng in (random.Random(7), random.Random(7))]
        assert cases[0] == cases[1]
        assert len({data for _, data in cases[0]}) > 15  # and different cases one after the other
