"""Issue 11's date classes, fourth round: the issue's known classes checked once more, election results, documents
with no publication date. Each class is a table of made-up texts run through the real pipeline (the figure's
date, or None, by the figure's text), or of expressions through resolve_date."""
from __future__ import annotations

import pytest
from date_checks import check

from newsclaims.adapters.dateparse import DateParserAdapter
from newsclaims.normalize.dates import resolve_date


@pytest.mark.parametrize("text, published, expected", [
    # a comparison's baseline date belongs to the baseline figure only
    ("Sales reached $4 billion, $1 billion more than in 2019.", "2021-03-01", {"$4 billion": None}),
    ("The city now counts 80 shelters, up from 25 in 2015.", "2021-03-01", {"80": "2021-03-01", "25": "2015"}),
    ("Revenue reached $4 billion in 2020, $1 billion more than in 2019.", "2021-03-01",
     {"$4 billion": "2020", "$1 billion": "2019/2020"}),
    # 'last quarter' across a year's turn; a bare month is the latest such month before publication
    ("Profit rose to $9 million last quarter.", "2021-01-15", {"$9 million": "2020-10/2020-12"}),
    ("Shipments fell 3% in October.", "2021-02-01", {"3%": "2020-10"}),
    ("Shipments fell 3% in October.", "2021-11-20", {"3%": "2021-10"}),
    ("Prices rose 4% in the 12 months to April.", "2021-02-01", {"4%": "2019-04/2020-04"}),
    # 'now' gives the publication date; plain present and present perfect give none
    ("The shelter currently houses 120 families.", "2021-02-01", {"120 families": "2021-02-01"}),
    ("The program has funded 300 projects.", "2021-02-01", {"300 projects": None}),
    ("The county has 12 hospitals.", "2021-02-01", {"12 hospitals": None}),
    # a release's reference period, stated once at the top, dates its past-tense figures
    ("The state statistics office released its figures for June.\n\nFactory output fell 2 percent. Exports rose "
     "5 percent.", "2021-07-20", {"2 percent": "2021-06", "5 percent": "2021-06"}),
])
def test_known_classes(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # results given as current or partial take the publication date
    ("The Greens have won a majority in the state with most polls reporting at this time.\n\nIn the north, the "
     "Greens won 30 seats with 41% of the votes, while the Liberals got 12 seats.", "2019-05-12",
     {"30 seats": "2019-05-12", "41%": "2019-05-12", "12 seats": "2019-05-12"}),
    # results take the election's day when the text gives it
    ("Voters went to the polls in Sunday's election.\n\nThe Farmers Party took 22 seats and 31% of the vote, ahead "
     "of the Reds with 18 seats.", "2019-05-14", {"22 seats": "2019-05-12", "31%": "2019-05-12", "18 seats": "2019-05-12"}),
    # else no date; and a story with a vote or two is no election story
    ("The Farmers Party took 22 seats and 31% of the vote in the election, ahead of the Reds with 18 seats.",
     "2019-05-14", {"22 seats": None, "31%": None}),
    ("The board has 12 seats. Shareholders approved the plan so far with 80% of votes.", "2019-05-14",
     {"12 seats": None}),
])
def test_election_results(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, expected", [
    # with no publication date, a day or month without a year is no date: the machine's clock is no anchor
    ("June 20", (None, None)),
    ("the 2nd of January", (None, None)),
    ("Jan. 15", (None, None)),
    ("Friday, July 22, 2005", ("2005-07-22", "explicit")),
    ("7/22/2005", ("2005-07-22", "explicit")),
])
def test_no_publication_date_no_clock(text, expected):
    assert resolve_date(text, None, parser=DateParserAdapter()) == expected


@pytest.mark.parametrize("text, published, expected", [
    # a time frame ahead dates the figure of its own statement: a target takes the target period
    ("The plan aims to cut road deaths by 30 percent over the next ten years.", "2012-05-01", {"30 percent": "2012/2022"}),
    ("The mayor promised to plant 5,000 trees within four years.", "2012-05-01", {"5,000 trees": "2012/2016"}),
    # 'in each of the last N years' is the complete years before publication's
    ("Ridership has grown 4 to 6 percent in each of the last three years.", "2012-05-01", {"4 to 6 percent": "2009/2011"}),
    # a deadline that is the only quantity of its statement stays a claim, undated; the frame is not carried
    ("The board hopes to reach that goal within 20 years.", "2012-05-01", {"20 years": None}),
    ("The city will cut waste by half within five years. Recycling could rise by 12 percent.", "2012-05-01",
     {"12 percent": None}),
])
def test_time_frames(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    ("the next 20 years", "2006-04-25", ("2006/2026", "relative")),
    ("within the next 18 months", "2006-04-25", ("2006-04/2007-10", "relative")),
    ("in each of the last five years", "2006-04-25", ("2001/2005", "relative")),
    ("the next 20 years", None, (None, None)),
])
def test_time_frame_forms(text, published, expected):
    assert resolve_date(text, published, parser=DateParserAdapter()) == expected


@pytest.mark.parametrize("text, published, expected", [
    # a duration running up to a time the text gives: from that end minus N to the end, at the duration's precision
    ("The vote ends 9 years of rule by the farmers' party.", "2010-06-02", {"9 years": "2001/2010"}),
    ("A defeat would end 14 years of coalition government.", "2010-06-02", {"14 years": "1996/2010"}),
    ("The reporter has already spent 3 years in custody.", "2010-06-02", {"3 years": "2007/2010"}),
    ("After a long 20 year career at the mill, the foreman retired on May 4, 2009.", "2010-06-02",
     {"20 year": "1989/2009"}),
    ("The club ended 7 months of losses in March 2010.", "2010-06-02", {"7 months": "2009-08/2010-03"}),
    # no end in the text, or a duration running forward: no such period
    ("For forty years, the paper has printed a crossword.", "2010-06-02", {"forty years": None}),
    ("The notes mature after 6 years.", "2010-06-02", {"6 years": None}),
])
def test_durations_running_up_to_a_time(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a total since a date runs to publication; with no publication date it has no end, so no date
    ("Lake levels have fallen 4 feet since 1998.", "2010-06-02", {"4 feet": "1998/2010-06-02"}),
    ("Lake levels have fallen 4 feet since 1998.", None, {"4 feet": None}),
])
def test_since_without_publication(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # the size of a change from a dated old value to a dated new one spans both dates
    ("The pump price fell 14 cents from $4.17 last Wednesday to $4.03 yesterday.", "2025-06-26",
     {"14 cents": "2025-06-18/2025-06-25", "$4.17": "2025-06-18", "$4.03": "2025-06-25"}),
    ("Sales rose 5% from $10 million in 2019 to $10.5 million in 2020.", "2021-01-01",
     {"5%": "2019/2020", "$10 million": "2019", "$10.5 million": "2020"}),
    # a change that owns its own date keeps it
    ("Output doubled this year, from 2 GW at the end of 2020 to 4 GW.", "2021-11-01", {"doubled": "2021"}),
])
def test_change_between_dated_values(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # 'still' and 'already' give the publication date to a figure in the present or with a modal
    ("At least 14 hikers still remain missing.", "2019-07-15", {"14 hikers": "2019-07-15"}),
    ("The members already pump 2 million barrels a day above the cap.", "2019-07-15", {"2 million barrels a day": "2019-07-15"}),
    ("As many as 300 homes still cannot be reached.", "2019-07-15", {"300 homes": "2019-07-15"}),
    # not to a past-tense figure whose clause 'still' does not date
    ("Although 12 agencies reported losses of $3 billion, some offices still had not audited their books.",
     "2019-07-15", {"12 agencies": None}),
])
def test_still_and_already(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a 'from X to Y' period the NER gives as one entity ('March 2017 to March 2018') dates the change over it
    ("Fares rose 4.1% from March 2017 to March 2018.", "2020-04-01", {"4.1%": "2017-03/2018-03"}),
    ("Fares posted a 4.1% increase from March 2017 to March 2018.", "2020-04-01", {"4.1%": "2017-03/2018-03"}),
    ("Output rose 3% from 2015 to 2020.", "2021-04-01", {"3%": "2015/2020"}),
])
def test_from_to_period(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, expected", [
    ("March 2017 to March 2018", ("2017-03/2018-03", "explicit")),
    ("July 2025 through June 2026", ("2025-07/2026-06", "explicit")),
])
def test_from_to_forms(text, expected):
    assert resolve_date(text, "2020-04-01", parser=DateParserAdapter()) == expected


@pytest.mark.parametrize("text, published, expected", [
    # a year pair '2013/14' is the fiscal year of the country the text names, else the calendar years as written
    ("The Australian treasurer said the deficit for 2015/16 is to be A$9 billion.", "2015-05-14",
     {"A$9 billion": "2015-07/2016-06"}),
    ("The British deficit for 2015/16 will be 70 billion pounds.", "2015-05-14", {"70 billion pounds": "2015-04/2016-03"}),
    ("The deficit for 2015/16 is to be $9 billion.", "2015-05-14", {"$9 billion": "2015/2016"}),
])
def test_national_fiscal_years(nlp, text, published, expected):
    check(nlp, text, published, expected)
