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
