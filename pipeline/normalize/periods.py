"""A claim's ISO 8601 date or interval -> the first and last day it covers, as typed-date columns need.

``date`` keeps the text's precision (``2024``, ``2024-10``, ``2024-10-03``, ``2020/2023``,
``2007-10/2008-09``), which is right for the record but cannot be compared as a date: ``'2024' >= '2024-01-01'``
is false as text. ``date_start``/``date_end`` spell the same period as two ``YYYY-MM-DD`` days, so
``WHERE date_start >= '2024-01-01'`` selects by period in any SQL engine. A year covers 1 January to 31 December,
a month its first to its last day, an interval from the first day of its start to the last day of its end.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import Optional

Bounds = tuple[Optional[str], Optional[str]]
NO_PERIOD: Bounds = (None, None)

_YEAR = r"(?P<year>\d{4})"
# One end of a period, at any precision the pipeline (or a hand-made record) may write.
_POINT_FORMS = (
    ("day", re.compile(rf"{_YEAR}-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?:T[\d:.]+(?:Z|[+-]\d{{2}}:?\d{{2}})?)?")),
    ("month", re.compile(rf"{_YEAR}-(?P<month>\d{{2}})")),
    ("quarter", re.compile(rf"{_YEAR}-Q(?P<n>[1-4])")),
    ("half", re.compile(rf"{_YEAR}-H(?P<n>[12])")),
    ("week", re.compile(rf"{_YEAR}-W(?P<n>\d{{2}})")),
    ("year", re.compile(_YEAR)),
)
_OPEN_END = ("", "..")  # ISO 8601-2: '2020/..' is open-ended


@functools.lru_cache(maxsize=4096)
def period_bounds(value: Optional[str]) -> Bounds:
    """(first day, last day) of an ISO date or ``start/end`` interval, as ``YYYY-MM-DD``; (None, None) when
    ``value`` is null, not a date in these forms, not a real day (2023-02-30) or an interval that ends before it
    starts. An open end (``2020/..``) is null on that side."""
    if not value:
        return NO_PERIOD
    parts = value.strip().split("/")
    if len(parts) == 1:
        span = _point(parts[0])
        return _iso(span) if span else NO_PERIOD
    if len(parts) != 2 or all(p in _OPEN_END for p in parts):
        return NO_PERIOD
    first, last = (None if p in _OPEN_END else _point(p) for p in parts)
    if (first is None and parts[0] not in _OPEN_END) or (last is None and parts[1] not in _OPEN_END):
        return NO_PERIOD
    start, end = first[0] if first else None, last[1] if last else None
    if start and end and end < start:
        return NO_PERIOD
    return _iso((start, end))


def _point(text: str) -> Optional[tuple[dt.date, dt.date]]:
    """The first and last day of one ISO date at its precision, or None."""
    for form, pattern in _POINT_FORMS:
        m = pattern.fullmatch(text.strip())
        if m:
            try:
                return _SPANS[form](m)
            except ValueError:  # month 13, 30 February, week 60
                return None
    return None


def _year(m: re.Match) -> tuple[dt.date, dt.date]:
    year = int(m.group("year"))
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def _day(m: re.Match) -> tuple[dt.date, dt.date]:
    day = dt.date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    return day, day


def _week(m: re.Match) -> tuple[dt.date, dt.date]:
    monday = dt.date.fromisocalendar(int(m.group("year")), int(m.group("n")), 1)
    return monday, monday + dt.timedelta(days=6)


_SPANS = {
    "year": _year,
    "month": lambda m: _months(int(m.group("year")), int(m.group("month")), int(m.group("month"))),
    "day": _day,
    "quarter": lambda m: _months(int(m.group("year")), 3 * int(m.group("n")) - 2, 3 * int(m.group("n"))),
    "half": lambda m: _months(int(m.group("year")), 6 * int(m.group("n")) - 5, 6 * int(m.group("n"))),
    "week": _week,
}


def _iso(span: tuple[Optional[dt.date], Optional[dt.date]]) -> Bounds:
    return tuple(d.isoformat() if d else None for d in span)  # type: ignore[return-value]
