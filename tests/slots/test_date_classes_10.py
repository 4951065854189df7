"""Issue 11's date classes, tenth round: a multiple's comparison with no direct marker ('twice as many as in
2015', 'three times as much as in 2010', 'double the level of 2012') makes its date the other side, which the
figure does not take; 'year to date', 'year-to-date' and 'YTD' run from the publication year's first day to the
publication date, as 'so far this year' does. Each class is a table of made-up texts run through the real
pipeline (the figure's date, or None, by the figure's text)."""
from __future__ import annotations

import pytest
from date_checks import check


@pytest.mark.parametrize("text, published, expected", [
    # plain present with the baseline's year only: the figure is not dated by the baseline
    ("The ferry line carries 9 million passengers a year, twice as many as in 2016.", "2023-04-12", {"9 million": None}),
    ("The mill now employs 640 workers, three times as many as in 2009.", "2023-04-12", {"640": "2023-04-12"}),
    ("Farm exports reach $31 billion, three times as much as in 2011.", "2023-04-12", {"$31 billion": None}),
    ("The county spends $7 million on libraries, double the level of 2014.", "2023-04-12", {"$7 million": None}),
    ("Rents average $1,900 a month, twice the level of 2017.", "2023-04-12", {"$1,900 a month": None}),
    # a date the figure owns stays its own
    ("The port handled 4 million containers in 2022, twice as many as in 2012.", "2023-04-12",
     {"4 million": "2022"}),
    # the markers that were already there still work
    ("The clinic treats 800 patients a week, more than in 2019.", "2023-04-12", {"800": None}),
])
def test_multiple_comparison_baseline(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    ("Hotel bookings are up 6% year to date.", "2023-04-12", {"6%": "2023-01-01/2023-04-12"}),
    ("The pension fund has returned 9% year-to-date.", "2023-04-12", {"9%": "2023-01-01/2023-04-12"}),
    ("The copper price has climbed 14% YTD.", "2023-04-12", {"14%": "2023-01-01/2023-04-12"}),
    ("Year-to-date sales of electric cars reached 52,000.", "2023-04-12", {"52,000": "2023-01-01/2023-04-12"}),
    ("The airline's YTD traffic grew 11%.", "2023-04-12", {"11%": "2023-01-01/2023-04-12"}),
    ("Imports fell 3% in the year to date.", "2023-04-12", {"3%": "2023-01-01/2023-04-12"}),
    # as 'so far this year' reads
    ("Imports fell 3% so far this year.", "2023-04-12", {"3%": "2023-01-01/2023-04-12"}),
    # with no publication date, no date
    ("Hotel bookings are up 6% year to date.", None, {"6%": None}),
])
def test_year_to_date(nlp, text, published, expected):
    check(nlp, text, published, expected)
