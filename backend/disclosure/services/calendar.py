"""Working days: the calendar of statutory deadlines.

A working day is a weekday that is not in DISCLOSURE_HOLIDAYS (Korean public
holidays, substitute holidays included, as ISO dates). Counting starts the day
after the event, as the Official Information Disclosure Act counts its periods:
a request received on a Friday has its first working day on Monday.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _parse(days: tuple[str, ...]) -> frozenset[dt.date]:
    return frozenset(dt.date.fromisoformat(day) for day in days)


def holidays() -> frozenset[dt.date]:
    return _parse(tuple(settings.DISCLOSURE_HOLIDAYS))


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in holidays()


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The ``count``-th working day after ``start`` (``start`` itself never counts)."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    remaining = count
    while remaining:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days follow ``start`` up to and including ``end`` (0 if none)."""
    days = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            days += 1
    return days
