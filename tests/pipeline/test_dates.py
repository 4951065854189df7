"""Table-driven tests of date resolution: rules first, dateparser (time-limited) for the rest."""
import pytest

from newsclaims.adapters.dateparse import DateParserAdapter
from newsclaims.normalize.dates import resolve_date

PUB = "2025-11-04"


@pytest.mark.parametrize("text, published, expected", [
    ("2024", PUB, ("2024", "explicit")),
    ("in 2020", PUB, ("2020", "explicit")),
    ("2020-23", PUB, ("2020/2023", "explicit")),
    ("2020\u20132023", PUB, ("2020/2023", "explicit")),
    ("between 2015 and 2020", PUB, ("2015/2020", "explicit")),
    ("fiscal year 2008", PUB, ("2007-10/2008-09", "explicit")),
    ("FY2024", PUB, ("2023-10/2024-09", "explicit")),
    ("the second quarter of 2010", PUB, ("2010-04/2010-06", "explicit")),
    ("Q2 2010", PUB, ("2010-04/2010-06", "explicit")),
    ("the first 11 months of 2024", PUB, ("2024-01/2024-11", "explicit")),
    ("the first half of 2024", PUB, ("2024-01/2024-06", "explicit")),
    ("the 1990s", PUB, ("1990/1999", "explicit")),
    ("October 2024", PUB, ("2024-10", "explicit")),
    ("the end of 2024", PUB, ("2024-12", "explicit")),
    ("the beginning of 2020", PUB, ("2020-01", "explicit")),
    ("late 2019", PUB, ("2019", "explicit")),
    ("last year", PUB, ("2024", "relative")),
    ("this year", PUB, ("2025", "relative")),
    ("last month", PUB, ("2025-10", "relative")),
    ("last month", "2025-01-15", ("2024-12", "relative")),
    ("today", PUB, ("2025-11-04", "relative")),
    ("last year", None, (None, None)),
    ("the past five years", PUB, ("2020/2025", "relative")),
    ("two thousand four", None, ("2004", "explicit")),
    ("nineteen ninety-eight", None, ("1998", "explicit")),
    ("between July 2013 and June 2014", PUB, ("2013-07/2014-06", "explicit")),
    ("Last summer", "2004-09-10", ("2003-06/2003-08", "relative")),
    ("winter 2010", PUB, ("2010-12/2011-02", "explicit")),
    ("fifty years", PUB, (None, None)),
    ("last 3000 years", PUB, (None, None)),  # found by fuzzing: was '-975/2025'
    ("last 20 years", PUB, ("2005/2025", "relative")),
    ("last Wednesday", "2025-06-26", ("2025-06-18", "relative")),  # a Thursday story: the week before
    ("last Wednesday", "2025-06-23", ("2025-06-18", "relative")),  # a Monday story: five days back
    ("last Friday", "2025-06-26", ("2025-06-20", "relative")),
    ("last week", PUB, ("2025-10-27/2025-11-02", "relative")),  # a Tuesday story: the Monday-Sunday week before
    ("last week", "2025-11-02", ("2025-10-20/2025-10-26", "relative")),  # a Sunday story is still in its own week
    ("last Friday", "2025-06", (None, None)),  # no day of publication, no weekday
    ("four-year", PUB, (None, None)),
])
def test_resolve_date_rules(text, published, expected):
    assert resolve_date(text, published) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("October 30, 2025", PUB, ("2025-10-30", "explicit")),
    ("Thursday", PUB, ("2025-10-30", "relative")),
    ("July", PUB, ("2025-07", "relative")),
    ("Nov. 17, 2010", PUB, ("2010-11-17", "explicit")),
    ("6005", PUB, (None, None)),  # dateparser #582: bare numbers are not dates
    ("73 20", PUB, (None, None)),
    ("100M", PUB, (None, None)),
    ("20/05/20", PUB, ("2020-05-20", "explicit")),
])
def test_resolve_date_with_dateparser(text, published, expected):
    assert resolve_date(text, published, parser=DateParserAdapter(timeout=5)) == expected


def test_relative_dates_never_use_the_clock():
    # the same text resolves against whatever publication date it is given
    assert resolve_date("last year", "2004-05-21")[0] == "2003"
    assert resolve_date("Thursday", "2004-05-21", parser=DateParserAdapter())[0] == "2004-05-20"


def test_dateparser_adapter_refuses_long_strings():
    assert DateParserAdapter().parse("x" * 500, PUB) is None


# Issue 11's date classes: relative quarters, a bare quarter or half is the latest one begun by publication, a
# period that ends at a date ("the 12 months to September"), dated as the guidelines date a change over it.
@pytest.mark.parametrize("text, published, expected", [
    ("last quarter", "2025-05-10", ("2025-01/2025-03", "relative")),
    ("last quarter", "2025-02-10", ("2024-10/2024-12", "relative")),
    ("the previous quarter", "2025-08-01", ("2025-04/2025-06", "relative")),
    ("this quarter", "2025-05-10", ("2025-04/2025-06", "relative")),
    ("next quarter", "2025-11-04", ("2026-01/2026-03", "relative")),
    ("the last quarter of 2024", "2025-05-10", ("2024-10/2024-12", "explicit")),
    ("the third quarter", "2025-05-10", ("2024-07/2024-09", "relative")),
    ("the third quarter", "2025-10-20", ("2025-07/2025-09", "relative")),
    ("the second half", "2025-05-10", ("2024-07/2024-12", "relative")),
    ("the first half", "2025-05-10", ("2025-01/2025-06", "relative")),
    ("the 12 months to January 2011", None, ("2010-01/2011-01", "explicit")),
    ("the 12 months through June", "2025-10-20", ("2024-06/2025-06", "relative")),
    ("the year to March", "2025-10-20", ("2024-03/2025-03", "relative")),
    ("the twelve months ending in May 2024", PUB, ("2023-05/2024-05", "explicit")),
    ("the six months ended June 30, 2025", PUB, ("2024-12/2025-06", "explicit")),
    ("the 12 months to the end", PUB, (None, None)),
])
def test_relative_and_ending_periods(text, published, expected):
    assert resolve_date(text, published, parser=DateParserAdapter(timeout=5)) == expected


@pytest.mark.parametrize("iso, shift, expected", [
    ("2025-03", {"years": -1}, "2024-03"),
    ("2025", {"years": -1}, "2024"),
    ("2025-01/2025-03", {"years": -1}, "2024-01/2024-03"),
    ("2024-02-29", {"years": -1}, "2023-02-28"),
    ("2025-01", {"months": -1}, "2024-12"),
    ("2025-03-31", {"months": -1}, "2025-02-28"),
])
def test_shift_iso_keeps_the_precision(iso, shift, expected):
    from newsclaims.normalize.dates import shift_iso

    assert shift_iso(iso, **shift) == expected
