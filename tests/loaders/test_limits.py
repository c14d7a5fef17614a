"""The per-document budget of :mod:`dutygraph.loaders.limits`: CPU of the reading thread, the clock as a backstop.

On 2 cores at a load average of 17-23, a generated plan that takes 0.1 s of CPU to read (a process's
first: its lexicons are loaded then) took 4-9 s on the clock, and one plan of 10,000 failed the 8-second
budget when the budget was measured on the clock. A document is now refused for the work it makes the reader
do, not for the other work on the machine.
"""

from __future__ import annotations

import time

import pytest

from dutygraph.errors import InputError
from dutygraph.loaders import limits


def _spin(seconds: float) -> None:
    """Compute (this thread's CPU) for ``seconds``."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_waiting_longer_than_the_budget_without_computing_is_not_over_it():
    with limits.budget("plan.txt", seconds=0.2, megabytes=0):
        time.sleep(0.5)  # what a busy machine does to a reader: time passes, little of it on the CPU


def test_computing_longer_than_the_budget_is_one_clear_error_naming_the_file(monkeypatch):
    monkeypatch.setattr(limits, "WALL_FACTOR", 10_000)  # the CPU, however busy the machine running the test
    with pytest.raises(InputError, match=r"^plan\.txt: reading it took over 0\.2 s of CPU, the limit for one document"):
        with limits.budget("plan.txt", seconds=0.2, megabytes=0):
            _spin(2)


def test_the_clock_still_stops_a_reader_waiting_past_the_backstop(monkeypatch):
    monkeypatch.setattr(limits, "WALL_FACTOR", 10)
    with pytest.raises(InputError, match=r"reading it waited over 0\.2 s \(10 times the limit of 0\.02 s of CPU"):
        with limits.budget("plan.txt", seconds=0.02, megabytes=0):
            time.sleep(1.2)
