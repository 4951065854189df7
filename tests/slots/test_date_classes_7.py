"""Issue 11's date classes, seventh round: ordinal streaks, 'so far this year' and 'by this time last year',
and time words in a document with no publication date. Each class is a table of made-up texts run through the
real pipeline (the figure's date, or None, by the figure's text)."""
from __future__ import annotations

import pytest
from date_checks import check


@pytest.mark.parametrize("text, published, expected", [
    # an ordinal streak runs over its N units up to its end, both counted: the end is the sentence's date ...
    ("March 2021 was the 14th straight month of job growth in the state.", "2021-04-02",
     {"14th straight month": "2020-02/2021-03"}),
    ("Fiscal year 2012 marked the third year that the agencies filed the reports.", None,
     {"third year": "2009-10/2012-09"}),
    # ... else the latest date of the paragraph before it at the unit's precision ('this year' is no month) ...
    ("Retail sales rose 2% in May 2019, the best gain this year. It was the fifth consecutive month of gains.",
     "2019-06-10", {"fifth consecutive month": "2019-01/2019-05"}),
    # ... else the publication date, unless the verb is past or modal
    ("For the fourth year, the guide ranks Lisbon the best city for cyclists.", "2018-05-01",
     {"fourth year": "2015/2018"}),
    ("It was the fourth straight year of losses for the club.", "2018-05-01", {"fourth straight year": None}),
])
def test_ordinal_streaks(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # 'so far this year' in a story that reports no part of the year: the year's start to the publication date
    ("The mission has been attacked often, with 14 people killed so far this year.", "2016-05-20",
     {"14": "2016-01-01/2016-05-20"}),
    ("To date this year, the port has handled 3 million containers.", "2016-05-20",
     {"3 million": "2016-01-01/2016-05-20"}),
    # plain 'this year' stays the year
    ("The port expects to handle 3 million containers this year.", "2016-05-20", {"3 million": "2016"}),
    # 'by this time last year' runs from the start of last year to the same day of it
    ("By this time last year, 40 storms had formed in the basin.", "2016-05-20", {"40": "2015-01-01/2015-05-20"}),
    ("Sales were $3 million last year.", "2016-05-20", {"$3 million": "2015"}),
])
def test_year_to_day(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # 'now', 'so far' with no publication date give no date, not the one carried from the sentence before
    ("The mission opened in July 2013. It has lost 28 soldiers so far.", None, {"28": None}),
    ("The clinic opened in March 2009. It now treats 400 patients a week.", None, {"400": None}),
    ("The clinic opened in March 2009. It now treats 400 patients a week.", "2012-02-01", {"400": "2012-02-01"}),
    # without a time word the carried date still dates the figure
    ("The clinic opened in March 2009. It treated 400 patients in its first week.", None, {"400": "2009-03"}),
])
def test_now_without_publication_date(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # 'the previous quarter' is the quarter before its sentence's quarter ...
    ("In the third quarter, output grew 1.2%, compared with 0.8% in the previous quarter.", "2018-11-20",
     {"1.2%": "2018-07/2018-09", "0.8%": "2018-04/2018-06"}),
    ("Output grew 3.4% in the first quarter of 2017, after 2.9% in the prior quarter.", "2017-05-02",
     {"3.4%": "2017-01/2017-03", "2.9%": "2016-10/2016-12"}),
    # ... and with no quarter in the sentence, the quarter before the publication's
    ("Output grew 0.8% in the previous quarter.", "2018-11-20", {"0.8%": "2018-07/2018-09"}),
    # a change over a year-earlier baseline still spans both periods
    ("Exports rose 5% to $4 billion in March from $3.8 billion a year earlier.", "2019-05-10",
     {"5%": "2018-03/2019-03", "$3.8 billion": "2018-03"}),
])
def test_rate_compared_with_rate(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # 'last <month>' is the latest such month before the publication month
    ("Sales were $3 million last October.", "2019-05-10", {"$3 million": "2018-10"}),
    ("Last March, the ferry carried 12,000 people.", "2019-05-10", {"12,000": "2019-03"}),
    ("Sales were $3 million last May.", "2019-05-10", {"$3 million": "2018-05"}),
    # with no publication date it gives no date
    ("Sales were $3 million last October.", None, {"$3 million": None}),
])
def test_last_named_month(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # 'over the weekend' is the Saturday and Sunday before the publication day
    ("About 300 trees fell in the park over the weekend.", "2022-06-15", {"300": "2022-06-11/2022-06-12"}),
    ("Last weekend, 40 cm of snow fell on the pass.", "2022-01-10", {"40 cm": "2022-01-08/2022-01-09"}),
    ("About 300 trees fell in the park over the weekend.", None, {"300": None}),
    # a year-end deadline is the year it is set for, and dates its own verb's figure only
    ("The carmaker will cut 1,200 jobs by the end of next year.", "2021-09-01", {"1,200": "2022"}),
    ("The fund has paid 900 grants and will give out $2 million more by the end of the year.", "2021-09-01",
     {"900": None, "$2 million": "2021"}),
    # 'the end of last year' is its December, as 'the end of 2020' is
    ("The club had 3,100 members at the end of last year.", "2021-09-01", {"3,100": "2020-12"}),
])
def test_weekend_and_year_end(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a weekday inside a time of day ('on Monday night') dates the figure as the weekday would
    ("Two people were hurt in a fire in Leeds on Monday night, firefighters said.", "2023-11-08",
     {"Two": "2023-11-06"}),
    # a change year on year runs from its period a year before to its period
    ("Rents in the city rose 6.4% year on year in August, the agency said.", "2023-10-02",
     {"6.4%": "2022-08/2023-08"}),
    ("In the second quarter, exports rose 3% year-over-year to $5 billion.", "2023-10-02",
     {"3%": "2022-04/2023-06", "$5 billion": "2023-04/2023-06"}),
    # without the words, the change keeps its period
    ("Rents in the city rose 6.4% in August, the agency said.", "2023-10-02", {"6.4%": "2023-08"}),
])
def test_weekday_times_and_year_on_year(nlp, text, published, expected):
    check(nlp, text, published, expected)
