"""Table tests of `period_bounds`: an ISO date or interval at its precision -> its first and last day."""
import datetime as dt

import pytest
from hypothesis import given, strategies as st

from newsclaims.normalize.periods import period_bounds


@pytest.mark.parametrize("value, expected", [
    ("2024", ("2024-01-01", "2024-12-31")),
    ("1987", ("1987-01-01", "1987-12-31")),
], ids=["year", "year-last-century"])
def test_a_year_covers_january_to_december(value, expected):
    assert period_bounds(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("2024-10", ("2024-10-01", "2024-10-31")),
    ("2023-02", ("2023-02-01", "2023-02-28")),
    ("2024-02", ("2024-02-01", "2024-02-29")),  # a leap year
    ("1900-02", ("1900-02-01", "1900-02-28")),  # divisible by 100: no leap day
    ("2025-04", ("2025-04-01", "2025-04-30")),
])
def test_a_month_covers_its_first_to_its_last_day(value, expected):
    assert period_bounds(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("2024-10-03", ("2024-10-03", "2024-10-03")),
    ("2024-02-29", ("2024-02-29", "2024-02-29")),
    ("2024-10-03T14:30:00", ("2024-10-03", "2024-10-03")),  # a time of day lies inside its day
    ("2024-10-03T14:30:00+02:00", ("2024-10-03", "2024-10-03")),
])
def test_a_day_is_that_day(value, expected):
    assert period_bounds(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("2020/2023", ("2020-01-01", "2023-12-31")),
    ("2007-10/2008-09", ("2007-10-01", "2008-09-30")),  # a US fiscal year
    ("2010-04/2010-06", ("2010-04-01", "2010-06-30")),  # a quarter, as the pipeline writes it
    ("2024-10-28/2024-11-03", ("2024-10-28", "2024-11-03")),  # "last week"
    ("2019/2020-03-15", ("2019-01-01", "2020-03-15")),  # ends of different precision
    ("2010-12/2011-02", ("2010-12-01", "2011-02-28")),  # winter, across the year end
    ("2024/2024", ("2024-01-01", "2024-12-31")),
])
def test_an_interval_runs_from_the_start_of_its_start_to_the_end_of_its_end(value, expected):
    assert period_bounds(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("2024-Q3", ("2024-07-01", "2024-09-30")),
    ("2024-Q1", ("2024-01-01", "2024-03-31")),
    ("2024-H2", ("2024-07-01", "2024-12-31")),
    ("2025-W01", ("2024-12-30", "2025-01-05")),  # ISO week 1 of 2025 starts in 2024
    ("2023-Q4/2024-Q1", ("2023-10-01", "2024-03-31")),
])
def test_quarter_half_and_week_forms(value, expected):
    assert period_bounds(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("2020/..", ("2020-01-01", None)),
    ("../2020-06", (None, "2020-06-30")),
    ("2020/", ("2020-01-01", None)),
])
def test_an_open_end_is_null_on_that_side(value, expected):
    assert period_bounds(value) == expected


@pytest.mark.parametrize("value", [
    None, "", "  ", "..", "../..", "/",
    "2023-02-30", "2024-13", "2024-00", "0000", "2024-Q5", "2024-W54", "2023-W53",  # no such day, month or week
    "2023/2020", "2024-06/2024-05",  # ends before it starts
    "2020/2021/2022", "24", "2024-1", "20240103", "last year", "Q3 2024", "2010s",
])
def test_what_is_no_iso_period_gives_no_bounds(value):
    assert period_bounds(value) == (None, None)


def test_surrounding_whitespace_is_ignored():
    assert period_bounds(" 2024 ") == ("2024-01-01", "2024-12-31")


DAYS = st.dates(min_value=dt.date(1600, 1, 1), max_value=dt.date(2099, 12, 31))


def _at(day: dt.date, precision: str) -> str:
    return {"year": f"{day:%Y}", "month": f"{day:%Y-%m}", "day": day.isoformat()}[precision]


@given(DAYS, DAYS, st.sampled_from(["year", "month", "day"]), st.sampled_from(["year", "month", "day"]))
def test_a_period_holds_both_its_ends_and_nothing_before_or_after(a, b, first_precision, last_precision):
    first, last = min(a, b), max(a, b)
    start, end = period_bounds(f"{_at(first, first_precision)}/{_at(last, last_precision)}")
    assert start <= first.isoformat() <= last.isoformat() <= end
    assert start == _at(first, first_precision) + {"year": "-01-01", "month": "-01", "day": ""}[first_precision]
    assert (dt.date.fromisoformat(end) + dt.timedelta(days=1)).isoformat()[:len(_at(last, last_precision))] \
        != _at(last, last_precision)  # the day after the end lies outside the last end
