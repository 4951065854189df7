"""Issue 11's date classes, ninth round: a rate compared with a year-on-year rate ('rose 4% from a year earlier in
May, faster than the 3% gain in April'), two changes each running over its own 'from X to Y', and fiscal years
of governments whose fiscal year starts in April or July. Each class is a table of made-up texts run through the
real pipeline (the figure's date, or None, by the figure's text)."""
from __future__ import annotations

import pytest
from date_checks import check


@pytest.mark.parametrize("text, published, expected", [
    # 'a year earlier in May' counts back from May: the change runs from the May before to May ...
    ("Car sales climbed 7% from a year earlier in March.", "2022-05-10", {"7%": "2021-03/2022-03"}),
    # ... and a rate compared with it is the same kind of change over its own month
    ("Car sales climbed 7% from a year earlier in March, faster than the 5% gain in February.", "2022-05-10",
     {"7%": "2021-03/2022-03", "5%": "2021-02/2022-02"}),
    ("Steel output fell 2.4% in March from a year earlier, slower than the 3.9% drop in February.", "2022-05-10",
     {"2.4%": "2021-03/2022-03", "3.9%": "2021-02/2022-02"}),
    ("Home prices rose 6.2% in March from a year earlier, compared with 5.8% in February.", "2022-05-10",
     {"6.2%": "2021-03/2022-03", "5.8%": "2021-02/2022-02"}),
    ("Rents rose 4.1% year on year in March, following a 3.6% increase in February.", "2022-05-10",
     {"3.6%": "2021-02/2022-02"}),
    # a rate compared with a rate of its own period only keeps its own period
    ("Home prices rose 0.6% in March, compared with 0.4% in February.", "2022-05-10",
     {"0.6%": "2022-03", "0.4%": "2022-02"}),
])
def test_rate_compared_with_a_year_on_year_rate(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # each change runs over the 'from X to Y' right after it, not from the sentence's first date to its last
    ("The 4.2% rise from May 2019 to May 2020 was smaller than the 7.5% rise from August 2020 to August 2021.",
     "2022-05-10", {"4.2%": "2019-05/2020-05", "7.5%": "2020-08/2021-08"}),
    ("Fares climbed 3% from January 2021 to January 2022.", "2022-05-10", {"3%": "2021-01/2022-01"}),
])
def test_changes_over_their_own_from_to(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a US state's or city's fiscal year runs July to June, named by the year it ends in
    ("Governor Alvarez signed a $48 billion state budget for fiscal 2026, the Oregon Legislature said.",
     "2025-06-20", {"$48 billion": "2025-07/2026-06"}),
    ("The city council passed a $2.7 billion budget for FY2026, Mayor Okafor said.", "2025-06-20",
     {"$2.7 billion": "2025-07/2026-06"}),
    # the states that start it in another month keep their own
    ("Gov. Marsh said the Texas state budget sets aside $30 billion for roads in fiscal 2026.", "2025-06-20",
     {"$30 billion": "2025-09/2026-08"}),
    # April to March elsewhere; Japan names its fiscal year by the year it starts in
    ("India's fiscal deficit was 9 trillion rupees in the first half of fiscal 2026.", "2025-11-20",
     {"9 trillion rupees": "2025-04/2025-09"}),
    ("Japan's cabinet approved a 115 trillion yen budget for fiscal 2026.", "2025-12-20",
     {"115 trillion yen": "2026-04/2027-03"}),
    # a year pair in a text about budgets or fiscal years is the owner's fiscal year starting in its first year
    ("Britain's borrowing reached 130 billion pounds in the 2024-25 financial year.", "2025-06-20",
     {"130 billion pounds": "2024-04/2025-03"}),
    ("Tanzania's parliament passed a 49 trillion shilling budget for the 2025/26 fiscal year.", "2025-06-20",
     {"49 trillion shilling": "2025-07/2026-06"}),
    # with no other government named, fiscal years stay the US federal one
    ("Congress approved $850 billion for defense in fiscal 2026.", "2025-06-20", {"$850 billion": "2025-10/2026-09"}),
    ("The agency will spend $4 billion in fiscal 2026.", "2025-06-20", {"$4 billion": "2025-10/2026-09"}),
])
def test_fiscal_years_by_government(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # an old value with no date of its own held before the date its new level owns: no date
    ("The number of missing climbers rose to 14 on Sunday, up from 9, the park service said.", "2023-10-04",
     {"14": "2023-10-01", "9": None}),
    ("Reservoir levels fell to 38% on Monday, down from 45%.", "2023-10-04", {"38%": "2023-10-02", "45%": None}),
    # an old value that names its own date keeps it; a time word of the whole sentence dates both
    ("Wheat stocks fell to 2 million tonnes in 2022 from 2.5 million tonnes in 2021.", "2023-10-04",
     {"2 million tonnes": "2022", "2.5 million tonnes": "2021"}),
    ("Last week the council raised the parking fee from $3 to $4.", "2023-10-04",
     {"$3": "2023-09-25/2023-10-01", "$4": "2023-09-25/2023-10-01"}),
])
def test_old_value_beside_a_dated_new_level(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a bare weekday in a statement about the future is the next such day (published Thursday 2024-05-16) ...
    ("Residents will choose 5 new trustees on Saturday.", "2024-05-16", {"5": "2024-05-18"}),
    ("The board is expected to approve a $12 million contract on Monday.", "2024-05-16", {"$12 million": "2024-05-20"}),
    # ... and in the past the latest one
    ("Residents chose 5 new trustees on Saturday.", "2024-05-16", {"5": "2024-05-11"}),
    ("A landslide on Monday buried 6 houses.", "2024-05-16", {"6": "2024-05-13"}),
])
def test_weekday_in_a_statement_about_the_future(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a list of changes, each against its own baseline, runs from that baseline to the new level's period
    ("The port handled 3.1 million crates in 2022. That is 8 percent more than in 2019 and about 15 percent more "
     "than in 2016.", "2023-03-01", {"8 percent": "2019/2022", "15 percent": "2016/2022"}),
    ("The port handled 3.1 million crates in 2022, 8 percent more than in 2019 and about 15 percent more than in "
     "2016.", "2023-03-01", {"3.1 million": "2022", "8 percent": "2019/2022", "15 percent": "2016/2022"}),
    # one baseline still spans to the new level's period
    ("The port handled 3.1 million crates in 2022, 8 percent more than in 2019.", "2023-03-01",
     {"8 percent": "2019/2022"}),
])
def test_changes_against_their_own_baselines(nlp, text, published, expected):
    check(nlp, text, published, expected)
