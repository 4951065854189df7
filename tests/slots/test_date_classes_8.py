"""Issue 11's date classes, eighth round: a change's size beside the new level that owns the date, 'more than a
year earlier' as the NER writes it, hyphenated quarters ('third-quarter revenue'), the weeks around publication,
and a yearless month in an expectation ('expects the bank to cut rates in May'). Each class is a table of made-up
texts run through the real pipeline (the figure's date, or None, by the figure's text)."""
from __future__ import annotations

import pytest
from date_checks import check


@pytest.mark.parametrize("text, published, expected", [
    # a change's size takes the period of the new level it stands beside, as 'rose 2.6 percent in June' is June
    ("Tolvik Dairy said its turnover rose 9% to $1.3 billion in 2021.", "2022-03-01",
     {"9%": "2021", "$1.3 billion": "2021"}),
    ("Operating profit at Brenmoor Bank jumped 20% to $400 million last year.", "2022-03-01",
     {"20%": "2021", "$400 million": "2021"}),
    # a change with a baseline of its own still spans both periods
    ("Exports rose 9% to $1.3 billion in 2021 from $1.2 billion in 2020.", "2022-03-01", {"9%": "2020/2021"}),
    # the size alone keeps its own period
    ("Shoplifting in the district dropped 7% last year, the council said.", "2022-03-01", {"7%": "2021"}),
])
def test_change_beside_new_level(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # 'more than a year earlier' (the NER runs 'more than' into the date) counts back from the sentence's month
    ("The harbour moved 2.1 million crates in August, 9% more than a year earlier.", "2021-09-15",
     {"2.1 million": "2021-08", "9%": "2020-08/2021-08"}),
    ("Grain shipments reached 40,000 tonnes in May, 6% fewer than a year earlier.", "2021-09-15",
     {"6%": "2020-05/2021-05"}),
])
def test_comparative_year_back(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # 'second-quarter sales' names the quarter, as 'the second quarter' does; 'year over year' spans a year back
    ("Pellion Corp reported second-quarter sales of $52 million, up 11% year over year.", "2021-08-04",
     {"$52 million": "2021-04/2021-06", "11%": "2020-04/2021-06"}),
    ("The brewer booked first-half profit of $9 million.", "2021-08-04", {"$9 million": "2021-01/2021-06"}),
])
def test_hyphenated_quarters(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # weeks run Monday to Sunday: 'next week' after publication's week, 'this week' the week itself
    ("Forecasters expect 15 cm of snow in the hills next week.", "2021-09-15", {"15 cm": "2021-09-20/2021-09-26"}),
    ("Floods killed 40 people in the province this week, officials said.", "2021-09-15",
     {"40": "2021-09-13/2021-09-19"}),
    ("About 300 homes lost power last week.", "2021-09-15", {"300": "2021-09-06/2021-09-12"}),
])
def test_weeks_around_publication(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a yearless month on the infinitive of an expectation verb is the next such month ...
    ("Analysts expect the central bank to raise rates by 0.5 percentage points in November.", "2021-09-15",
     {"0.5 percentage points": "2021-11"}),
    ("The utility plans to shut 3 plants in October.", "2021-09-15", {"3 plants": "2021-10"}),
    # ... in the past it stays the latest such month
    ("The utility shut 3 plants in October.", "2021-09-15", {"3 plants": "2020-10"}),
])
def test_month_in_an_expectation(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # the first N months of a fiscal year count from its October, as its quarters and halves do
    ("The Treasury ran a deficit of $900 billion in the first eight months of the fiscal year, the CBO said.",
     "2021-06-10", {"$900 billion": "2020-10/2021-05"}),
    ("Customs receipts were $70 billion in the first four months of fiscal 2023.", "2023-03-01",
     {"$70 billion": "2022-10/2023-01"}),
    # the first N months of a plain year stay calendar months
    ("Customs receipts were $70 billion in the first four months of the year.", "2023-06-01",
     {"$70 billion": "2023-01/2023-04"}),
])
def test_first_months_of_a_fiscal_year(nlp, text, published, expected):
    check(nlp, text, published, expected)
