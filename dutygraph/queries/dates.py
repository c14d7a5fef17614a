"""Dates typed by users, checked: a calendar date as YYYY-MM-DD, or a clear error.

>>> checked_date("2024-02-29")
'2024-02-29'
>>> checked_date("2024-02-30")
Traceback (most recent call last):
...
dutygraph.errors.QueryError: not a date: '2024-02-30' (day is out of range for month; use YYYY-MM-DD)
>>> checked_date("2024-13-01", "--as-of")
Traceback (most recent call last):
...
dutygraph.errors.QueryError: --as-of: not a date: '2024-13-01' (month must be in 1..12; use YYYY-MM-DD)
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import QueryError

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def checked_date(text: str, what: str = "") -> str:
    """``text`` as an ISO date if it is a real calendar date written YYYY-MM-DD; QueryError otherwise."""
    prefix = f"{what}: " if what else ""
    value = (text or "").strip()
    if not _ISO.fullmatch(value):
        raise QueryError(f"{prefix}not a date: {text!r} (use YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise QueryError(f"{prefix}not a date: {text!r} ({exc}; use YYYY-MM-DD)") from None


def day_before(iso: str) -> str:
    """The ISO date of the day before ``iso``.

    >>> day_before("2024-03-01")
    '2024-02-29'
    """
    return (dt.date.fromisoformat(iso) - dt.timedelta(days=1)).isoformat()


def today() -> str:
    return dt.date.today().isoformat()
