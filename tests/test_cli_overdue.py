"""`dutygraph overdue --as-of` and checked dates, through the real CLI on the shipped plan and the series."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.series import DOC_2021, DOC_2022, load_series, rows, run


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return load_series(tmp_path_factory.mktemp("overdue"))


def test_overdue_lists_the_tasks_whose_deadline_passed(store):
    found = rows("overdue", "--as-of", "2022-07-01", "--store", store)
    keys = {(r["document"], r["task"]) for r in found}
    # 2022 A1-1-3 is due 6月底前 (2022-06-30), 2021 A1-1-1 年底前 (2021-12-31); 2022 A1-2-2 is due 9月底前
    assert (DOC_2022, "A1-1-3") in keys and (DOC_2021, "A1-1-1") in keys
    assert (DOC_2022, "A1-2-2") not in keys and (DOC_2022, "A1-1-1") not in keys
    row = next(r for r in found if (r["document"], r["task"]) == (DOC_2022, "A1-1-3"))
    assert (row["deadline"], row["deadline_date"], row["days_over"]) == ("6月底前", "2022-06-30", 1)
    # exactly the tasks due on or before the day before
    assert [(r["document"], r["task"]) for r in found] == \
        [(r["document"], r["task"]) for r in rows("due", "2022-06-30", "--store", store)]
    assert all(r["deadline_date"] < "2022-07-01" for r in found)


def test_a_task_due_on_the_day_is_not_yet_overdue(store):
    keys = {(r["document"], r["task"]) for r in rows("overdue", "--as-of", "2022-06-30", "--store", store)}
    assert (DOC_2022, "A1-1-3") not in keys


def test_overdue_judges_on_today_by_default(store):
    assert rows("overdue", "--store", store) == rows("overdue", "--as-of", dt.date.today().isoformat(),
                                                     "--store", store)


@pytest.mark.parametrize("args", [("due", "2024-13-01"), ("due", "2024-02-30"), ("due", "2024-1-5"),
                                  ("due", "2024-12-31", "--after", "2023-02-29"), ("overdue", "--as-of", "2024-02-30"),
                                  ("overdue", "--as-of", "tomorrow")])
def test_a_date_that_is_not_a_calendar_day_is_a_clear_error(store, args):
    result = run(*args, "--store", store)
    assert result.exit_code == 4 and result.stdout == ""
    assert "not a date" in result.stderr and "YYYY-MM-DD" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_leap_day_is_a_date(store):
    assert run("due", "2024-02-29", "--store", store).exit_code == 0
