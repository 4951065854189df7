"""Issue 11's date classes, fifth round: 'respectively' lists (each figure its own date), windows counted back from
an anchor ('in the prior three months', 'over the past year'). Each class is a table of made-up texts run through
the real pipeline (the figure's date, or None, by the figure's text), or of expressions through the window reader."""
from __future__ import annotations

import pytest
from date_checks import check

from newsclaims.slots.when import packaged_date_lexicon, window


@pytest.mark.parametrize("text, published, expected", [
    # a list of dates pairs with the list of figures in order, after or before it
    ("Exports to Peru and Chile rose 4% and 6% in 2017 and 2018, respectively.", "2021-03-01",
     {"4%": "2017", "6%": "2018"}),
    ("Exports to Peru and Chile rose 4% and 6%, respectively, in 2017 and 2018.", "2021-03-01",
     {"4%": "2017", "6%": "2018"}),
    ("In 2016 and 2015 the two mills made 400 and 500 tons respectively.", "2021-03-01",
     {"400": "2016", "500 tons": "2015"}),
    # the years of 'the same periods in' take the period they copy, each its own
    ("The 530 floods in the first five months of 2012 were half of those for the same periods in 2011 and 2010, "
     "1,060 and 990 floods respectively.", "2012-07-02",
     {"1,060": "2011-01/2011-05", "990 floods": "2010-01/2010-05"}),
    # a window right after the word: the figures take its units, newest first
    ("Fuel costs climbed 5.2 percent in April after rising 3.1 percent, 2.4 percent, and 6.8 percent "
     "respectively, in the prior three months.", "2016-05-12",
     {"5.2 percent": "2016-04", "3.1 percent": "2016-03", "2.4 percent": "2016-02", "6.8 percent": "2016-01"}),
    # no 'respectively': two dates joined by 'and' stay one period
    ("Exports to Peru rose 4% in 2017 and 2018.", "2021-03-01", {"4%": "2017/2018"}),
])
def test_respectively_lists(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # 'the prior N months' are the N months before the sentence's month, else before publication's month
    ("Orders rose 2 percent in September after falling 1 percent in the previous two months.", "2015-10-20",
     {"2 percent": "2015-09", "1 percent": "2015-07/2015-08"}),
    ("Orders fell 3% in the previous three months.", "2021-03-01", {"3%": "2020-12/2021-02"}),
    ("Orders fell 3% in the preceding two years.", "2021-03-01", {"3%": "2019/2020"}),
    # 'the past year' runs to the latest month the paragraph named before it
    ("Rents rose 0.4 percent in March 2011, after 0.2 percent in February. Rents advanced 3 percent over the past "
     "year.", "2011-04-14", {"3 percent": "2010-03/2011-03"}),
    # with no month to run to, it gives no date (the publication month is no reference period)
    ("Rents advanced 3 percent over the past year.", "2011-04-14", {"3 percent": None}),
])
def test_windows(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, expected", [
    ("the prior three months", {"n": 3, "unit": "months", "to": False}),
    ("in the previous 2 quarters", {"n": 2, "unit": "quarters", "to": False}),
    ("the preceding four years", {"n": 4, "unit": "years", "to": False}),
    ("the past year", {"n": 12, "unit": "months", "to": True}),
    ("over the last 12 months", {"n": 12, "unit": "months", "to": True}),
    ("the last two years", None),  # a period of its own, read by resolve_date
    ("the prior month", None),  # 'a month earlier' and its kin count back one month
    ("the prior 300 months", None),
])
def test_window_reader(text, expected):
    assert window(text, packaged_date_lexicon()) == expected


@pytest.mark.parametrize("text, published, expected", [
    # a monthly release's month, stated below header lines (address, release number, headline), dates the
    # past-tense figures of later paragraphs; the figure's own noun may hold a verb ('vehicle-miles traveled')
    ("Office of Public Affairs, 12 River Road\n\nContact: Jane Roe\n\nRelease 41-09 Monday, May 4, 2009\n\n"
     "Riders Up Again\n\nWASHINGTON - Figures released today show more riders.\n\n\"We are glad,\" said Roe.\n\nRiders in March 2009 took 812 million trips "
     "recorded, the most since 2001.\n\nRidership in the South rose to 95 million trips.", "2009-05-04",
     {"95 million trips": "2009-03"}),
    # 'the previous June' is the June before the month the text reports on; the change runs from it to that month
    ("Drivers in June 2014 logged 261 billion miles.\n\nTraffic in the West rose to nearly 30 billion miles, a gain "
     "of 0.5 percent over the previous June.", "2014-08-29",
     {"30 billion miles": "2014-06", "0.5 percent": "2013-06/2014-06"}),
    ("Sales in March rose 5 percent from the previous April.", "2014-08-29", {"5 percent": "2013-04/2014-03"}),
])
def test_reference_month(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # an ordinal whose period noun the sentence gave before it: the same year when earlier, else the year before
    ("The wage index rose 0.8 percent in the third quarter, compared with a rise of 0.5 percent in the second.",
     "2016-10-28", {"0.8 percent": "2016-07/2016-09", "0.5 percent": "2016-04/2016-06"}),
    ("Output grew 1 percent in the first quarter of 2013, after a fall of 2 percent in the fourth.", "2013-04-30",
     {"1 percent": "2013-01/2013-03", "2 percent": "2012-10/2012-12"}),
    ("Output grew 1 percent in the first half, after a fall of 2 percent in the second.", "2013-08-30",
     {"2 percent": "2012-07/2012-12"}),
    # the other side of the comparison: carried to no later figure
    ("Costs rose 0.6 percent in the third quarter, compared with 0.4 percent in the second. Excluding fuel, costs "
     "rose 0.3 percent, compared with 0.2 percent.", "2016-10-28", {"0.3 percent": "2016-07/2016-09"}),
    # not an ordinal of the period: 'ranked the second'
    ("Exports rose 2 percent in the third quarter and the port ranked the second.", "2016-10-28",
     {"2 percent": "2016-07/2016-09"}),
    # 'between December and April' with no year: the latest such span before publication
    ("Prices rose at a yearly rate of 3.1 percent between December and April.", "2009-05-20",
     {"3.1 percent": "2008-12/2009-04"}),
])
def test_elided_periods(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a yearless month in a statement about the future is the next such month
    ("Duties of $3 billion could begin in December if the tariffs stay.", "2011-11-10", {"$3 billion": "2011-12"}),
    ("Fares will rise 3 percent in October, the board said.", "2011-11-10", {"3 percent": "2012-10"}),
    # a need 'through' a month in the present runs from publication's month to it
    ("Officials say the relief fund needs about $40 million through April.", "2011-02-10",
     {"$40 million": "2011-02/2011-04"}),
    # in the past it stays the latest such month before publication
    ("The relief fund needed about $40 million through April.", "2011-02-10", {"$40 million": "2010-04"}),
    ("Fares rose 3 percent in October.", "2011-02-10", {"3 percent": "2010-10"}),
])
def test_months_ahead(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a change's new value is not dated by the date its old value owns; 'more than doubled' compares with no date
    ("Wind turbine output more than doubled this year, from 2 GW at the end of 2022 to 4.5 GW.", "2023-11-04",
     {"2 GW": "2022-12", "4.5 GW": "2023"}),
    ("Output rose from 2 GW in 2021 to 3 GW.", "2023-11-04", {"2 GW": "2021", "3 GW": None}),
    # a comparison's other side stays one
    ("Sales were 20% higher than in 2021.", "2023-11-04", {"20%": None}),
])
def test_old_value_dates(nlp, text, published, expected):
    check(nlp, text, published, expected)
