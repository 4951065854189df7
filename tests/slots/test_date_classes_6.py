"""Issue 11's date classes, sixth round: fiscal years written 'F.Y. 2016', datelines, the day of a release or
statement. Each class is a table of made-up texts run through the real pipeline (the figure's date, or None, by
the figure's text)."""
from __future__ import annotations

import pytest
from date_checks import check

from newsclaims.normalize.dates import resolve_date


@pytest.mark.parametrize("text, published, expected", [
    # 'F.Y.' with periods is a fiscal year code like 'FY'
    ("The bill is $12 billion above F.Y. 2013 enacted caps.", "2013-02-02", {"$12 billion": "2012-10/2013-09"}),
    ("The ministry's F.Y. 2019 request was $3 billion.", None, {"$3 billion": "2018-10/2019-09"}),
    ("The agency spent $40 million in FY 2012, up from $30 million in FY2011.", "2013-02-02",
     {"$40 million": "2011-10/2012-09", "$30 million": "2010-10/2011-09"}),
    # a plain year stays a calendar year
    ("Output rose to 40 tons in 2012.", "2013-02-02", {"40 tons": "2012"}),
])
def test_fiscal_year_codes_with_periods(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, expected", [
    ("F.Y. 2016", "2015-10/2016-09"),
    ("f.y. 2016", "2015-10/2016-09"),
    ("FY 2016", "2015-10/2016-09"),
])
def test_fiscal_code_resolves(text, expected):
    assert resolve_date(text)[0] == expected


@pytest.mark.parametrize("text, published, expected", [
    # a dateline's date is a publication line: it dates no figure of the release
    ("PARIS, March 3, 2015 - The institute released a study showing 40 million tons of grain are stored in 12 "
     "countries.", "2015-03-03", {"40 million tons": None}),
    ("Grain report\n\nSAN JOSE, Calif., June 4, 2019 -- Sales fell 4% in May, the firm said.", "2019-06-04",
     {"4%": "2019-05"}),
    # a date after a place that is no dateline (no dash after it) still dates the figure
    ("In Paris, on March 3, 2015, the fair drew 40,000 visitors.", "2015-03-05", {"40,000": "2015-03-03"}),
])
def test_datelines(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # 'today' on a release verb dates the release, not what it reveals
    ("The agency released a report today showing 13 million tons of ore lie in known deposits.", "2010-11-17",
     {"13 million tons": None}),
    ("The ministry today announced grants of $68 million for 29 towns.", "2021-08-19", {"$68 million": None}),
    # 'today' on the figure's own verb dates it
    ("Today, 13 million people live in the region.", "2010-11-17", {"13 million": "2010-11-17"}),
    ("Twelve people died today in the floods, officials said.", "2010-11-17", {"Twelve": "2010-11-17"}),
    # a day written out dates what was announced on it
    ("The grants are part of $90 million in funding announced on Aug. 19, 2021.", "2021-09-01",
     {"$90 million": "2021-08-19"}),
])
def test_release_day(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a change between two levels that own their dates runs from the old level's date to the new one's
    ("Propane fell 9 cents from $2.10 per million British thermal units (MMBtu) last Friday to $2.01/MMBtu "
     "yesterday.", "2025-06-26", {"9 cents": "2025-06-20/2025-06-25", "$2.10 per million British thermal units": "2025-06-20"}),
    # ... whatever other date the sentence names (a contract's month)
    ("The price of the July 2025 contract decreased 58 cents, from $3.99 last Wednesday to $3.41 yesterday.",
     "2025-06-26", {"58 cents": "2025-06-18/2025-06-25", "$3.41": "2025-06-25"}),
    ("Output rose 9% from 2.1 million barrels per day (bpd) in 2019 to 2.3 million bpd in 2021.", "2022-01-05",
     {"9%": "2019/2021", "2.1 million barrels per day": "2019", "2.3 million bpd": "2021"}),
    # a gloss with a number in it is no gloss: the date is not the figure's own
    ("Output was 2.1 million barrels (up 4 percent) in 2019.", "2022-01-05", {"4 percent": "2019"}),
])
def test_change_between_owned_dates(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a fiscal year right before a budget noun is the story's budget year: its money figures point back at it
    ("Officials presented the president's FY 2016 Defense budget to reporters. The base budget is for $534 billion.",
     None, {"$534 billion": "2015-10/2016-09"}),
    ("The minister sent the fiscal 2019 Highways budget to parliament. It includes $2 billion for new bridges.", "2018-02-01",
     {"$2 billion": "2018-10/2019-09"}),
    # a story whose lead speaks of a budget: its fiscal reference period is the budget year (Australia July-June)
    ("The Australian treasurer handed down his budget today. The deficit for 2013/14 is to be A$18 billion. "
     "Spending includes A$2 billion for rural roads.", "2013-05-14", {"A$2 billion": "2013-07/2014-06"}),
    # no budget in the lead and none after the fiscal year: a present-tense money figure stays undated
    ("The firm reported results for fiscal 2015 on Monday. Its cash holdings are $2 billion.", "2015-11-02",
     {"$2 billion": None}),
])
def test_budget_year_named_before_a_budget_noun(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # 'so far in' a year the document reports part of: that part; a 'same period' baseline copies it
    ("The deficit totaled $1 trillion in the first half of fiscal year 2024. The deficit so far in fiscal year 2024 "
     "would have been $900 billion, $40 billion more than the shortfall for the same period in fiscal year 2023.",
     "2024-04-08", {"$900 billion": "2023-10/2024-03", "$40 billion": "2022-10/2024-03"}),
    # 'this year' with a present or past verb in a story on the year's first months
    ("The 500 floods during the first seven months of 2000 were a record. The number of deaths is lower this year, "
     "with only 25 deaths.", "2000-08-21", {"25": "2000-01/2000-07"}),
    # a modal keeps the whole year; with no part of the year reported, 'this year' is the year
    ("The 500 floods during the first seven months of 2000 were a record. Sales could reach $2 billion this year.",
     "2000-08-21", {"$2 billion": "2000"}),
    ("Sales rose 5% this year.", "2000-08-21", {"5%": "2000"}),
])
def test_year_to_date(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # with no publication date, a total 'since' a date runs to the end of the period the document reports on
    ("The bureau today announced its enforcement data for Fiscal Year 2007. Since FY 2000, the bureau has recovered "
     "more than $1 billion for 900,000 workers.", None, {"$1 billion": "1999-10/2007-09", "900,000": "1999-10/2007-09"}),
    # ... and to nothing when the document reports on no period
    ("Since FY 2000, the bureau has recovered more than $1 billion.", None, {"$1 billion": None}),
    # with one, to the publication date as before
    ("Seas have risen 3 inches since 1992.", "2015-05-01", {"3 inches": "1992/2015-05-01"}),
])
def test_since_without_publication_date(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a date on the figure's own verb beats a nearer date of another clause
    ("Last year, 216 storms were reported in January and 325 storms touched down in May.", "2000-08-21",
     {"325": "1999-05"}),
    ("Exports rose 5% in 2019 and imports fell 3% in 2020.", "2021-08-21", {"5%": "2019", "3%": "2020"}),
    # with no date on its verb, the nearest date of the sentence as before
    ("In 2019 the plant made 400 tons, the firm said.", "2021-08-21", {"400 tons": "2019"}),
])
def test_date_on_the_figures_own_verb(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a date on a clause describing another noun dates that noun's event, not the figure
    ("The alliance, founded by three mayors in May 2019, is a network of more than 40 cities.", "2021-08-21",
     {"40": None, "three": "2019-05"}),
    ("The firm, which was sold in 2010, employs 300 people.", "2021-08-21", {"300": None}),
    # a clause describing the figure's own thing still dates it
    ("The firm sold 300 cars that were made in 2010.", "2021-08-21", {"300": "2010"}),
    ("The grants are part of $90 million in funding announced on Aug. 19, 2021.", "2021-09-01",
     {"$90 million": "2021-08-19"}),
])
def test_date_of_a_modifier_clause(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a year before a survey's or report's title in the lead is the edition the document presents
    ("Shoppers lost money to scams, according to the bureau's 2016 Consumer Fraud Data Book.\n\nComplaints fell from 3 "
     "million in 2014 to 2.7 million in 2015.\n\nVictims lost $300 million to fake stores.", None,
     {"$300 million": "2016", "2.7 million": "2015"}),
    ("Few adults own no phone. The 2018 national HPUS provides data on phone use. Calls rose 4% in 2015.\n\nOnly 12% "
     "of adults had no phone.", "2019-05-02", {"12%": "2018", "4%": "2015"}),
    # a year before another title is no edition ('the 2013 Federal election')
    ("The minister spoke before the 2013 Federal election.\n\nOfficials counted 300 complaints.", None,
     {"300 complaints": None}),
])
def test_edition_year_of_a_report(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a time word describing the counted group is not the figure's time
    ("The 2019 national HPUS provides data on phones. Overall, 54% of currently enrolled students had used a phone.",
     "2020-08-21", {"54%": "2019"}),
    # on the figure's clause it still gives the publication date
    ("Currently, 54% of students own a phone.", "2020-08-21", {"54%": "2020-08-21"}),
    ("There are now 300 people in the town.", "2020-08-21", {"300": "2020-08-21"}),
])
def test_time_word_inside_the_figures_phrase(nlp, text, published, expected):
    check(nlp, text, published, expected)
