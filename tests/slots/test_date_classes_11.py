"""Issue 11's date classes, eleventh round: a bare old count the NER runs into 'a year earlier' ('down from 44 a year
earlier'), a week, month or quarter that ends at a date ('the week ended Jan. 10'), the past decade or decades,
and 'earlier this week / month / year'. Each class is a table of made-up texts run through the real pipeline (the
figure's date, or None, by the figure's text), or of expressions through resolve_date."""
from __future__ import annotations

import pytest
from date_checks import check

import newsclaims
from newsclaims.adapters.dateparse import DateParserAdapter
from newsclaims.normalize.dates import resolve_date
from newsclaims.slots.what_features import what_candidates

PUB = "2026-03-15"  # a Sunday


@pytest.mark.parametrize("text, expected", [
    # a bare count before 'a year earlier' counts back from the new value's date, at its precision
    ("The airline flew 38 routes in May, down from 44 a year earlier.", {"38": "2025-05", "44": "2024-05"}),
    ("The shipyard launched 12 hulls in April, up from 9 a year earlier.", {"12": "2025-04", "9": "2024-04"}),
    ("The clinic hired 120 nurses in 2024, down from 150 the year before.", {"120": "2024", "150": "2023"}),
    ("The county issued 410 permits in January, compared with 380 the previous month.",
     {"410": "2026-01", "380": "2025-12"}),
    # 'a year ago' after a dated new value counts back from it too
    ("The jobless rate stood at 4.1% in February, against 3.9% a year ago.", {"4.1%": "2026-02", "3.9%": "2025-02"}),
    ("The jobless rate stood at 3.9% a year ago.", {"3.9%": "2025"}),
    # a baseline with a unit was already read so
    ("Imports fell to $80 billion in March from $95 billion a year earlier.",
     {"$80 billion": "2026-03", "$95 billion": "2025-03"}),
])
def test_a_bare_count_before_a_year_earlier(nlp, text, expected):
    check(nlp, text, PUB, expected)


@pytest.mark.parametrize("text, expected", [
    # N units before the date the phrase is relative to, at that date's precision
    ("The mill employed 900 people in June, up from 850 three months earlier.", {"900": "2025-06", "850": "2025-03"}),
    ("Ridership hit 4.2 million in 2025, up from 3.8 million two years earlier.",
     {"4.2 million": "2025", "3.8 million": "2023"}),
    ("The fund held $6 billion in 2024, against $4 billion a decade earlier.", {"$6 billion": "2024", "$4 billion": "2014"}),
    ("The county issued 75 permits last week, down from 90 the week before.",
     {"75": "2026-03-02/2026-03-08", "90": "2026-02-23/2026-03-01"}),
    ("Sales were 1,200 units in the week ended March 6, up from 1,100 the week before.",
     {"1,200": "2026-02-28/2026-03-06", "1,100": "2026-02-21/2026-02-27"}),
    # 'the previous week' is the seven days before the week or day it is relative to
    ("Jobless claims fell to 210,000 last week from 225,000 the previous week.",
     {"210,000": "2026-03-02/2026-03-08", "225,000": "2026-02-23/2026-03-01"}),
    ("Claims fell to 210,000 in the week ended March 7 from 225,000 in the prior week.",
     {"210,000": "2026-03-01/2026-03-07", "225,000": "2026-02-22/2026-02-28"}),
])
def test_n_units_earlier(nlp, text, expected):
    check(nlp, text, PUB, expected)


@pytest.mark.parametrize("text, figure", [
    ("The airline flew 38 routes in May, down from 44 a year earlier.", "44"),
    ("The clinic hired 120 nurses in 2024, down from 150 the year before.", "150"),
    ("Imports fell to $80 billion in March from $95 billion a year earlier.", "$95 billion"),
    ("Police made 30 arrests in June, compared with 21 the previous month.", "21"),
    ("The mill employed 900 people in June, up from 850 three months earlier.", "850"),
    ("The county issued 75 permits last week, down from 90 the week before.", "90"),
    ("Jobless claims fell to 210,000 last week from 225,000 the previous week.", "225,000"),
])
def test_the_counted_back_phrase_stays_out_of_the_what(nlp, what_frame_of, text, figure):
    frame, index = what_frame_of(text)
    values = [c.value or "" for c in what_candidates(frame, index(figure))]
    assert not any(w in v for v in values for w in (" year", " month", " week")), values
    claims = {c.text: c.what for c in newsclaims.extract(text, published=PUB, nlp=nlp)}
    assert not any(w in (claims[figure] or "") for w in (" year", " month", " week")), claims


@pytest.mark.parametrize("text, expected", [
    # a week that ends at a day is its seven days; a month or a quarter its calendar months
    ("the week ended Jan. 10", ("2026-01-04/2026-01-10", "relative")),
    ("the week ending March 7", ("2026-03-01/2026-03-07", "relative")),
    ("the week ended Sept. 5, 2025", ("2025-08-30/2025-09-05", "explicit")),
    ("the month ended Feb. 28", ("2026-02", "relative")),
    ("the quarter ended June 30", ("2025-04/2025-06", "relative")),
    ("the quarter ended in September", ("2025-07/2025-09", "relative")),
    # a period of N months to a date keeps the change's reading (baseline month to end month)
    ("the three months ended June 30", ("2025-03/2025-06", "relative")),
    # the past decade(s) run up to publication, in whole years, as 'the past five years' does
    ("the past decade", ("2016/2026", "relative")),
    ("the last decade", ("2016/2026", "relative")),
    ("over the past two decades", ("2006/2026", "relative")),
    ("the past three decades", ("1996/2026", "relative")),
    # 'earlier this week / month / year' is a part of it, dated by it
    ("Earlier this week", ("2026-03-09/2026-03-15", "relative")),
    ("earlier this month", ("2026-03", "relative")),
    ("Earlier this year", ("2026", "relative")),
    ("later this year", ("2026", "relative")),
    ("a decade", (None, None)),
])
def test_period_expressions(text, expected):
    assert resolve_date(text, PUB, parser=DateParserAdapter(timeout=5)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mortgage applications dropped 3% in the week ended Jan. 10.", {"3%": "2026-01-04/2026-01-10"}),
    ("Jobless claims rose to 230,000 in the week ending March 7.", {"230,000": "2026-03-01/2026-03-07"}),
    ("Revenue rose 8% in the quarter ended June 30.", {"8%": "2025-04/2025-06"}),
    ("Over the past decade, the town lost 5,000 residents.", {"5,000": "2016/2026"}),
    ("The town has lost 5,000 residents in the last decade.", {"5,000": "2016/2026"}),
    ("Earlier this month, the railway cut 300 jobs.", {"300": "2026-03"}),
    ("Earlier this year, the railway cut 300 jobs.", {"300": "2026"}),
    ("Earlier this week, 1,500 trains were canceled.", {"1,500": "2026-03-09/2026-03-15"}),
    ("The ferry line canceled 1,500 trips this week.", {"1,500": "2026-03-09/2026-03-15"}),
    # a statement's week dates the statement, not what it reveals (corpus/GUIDELINES.md: a release date does not
    # date what the release reveals), as 'said on Monday' does
    ("Earlier this week, the agency said 1,500 trips were canceled.", {"1,500": None}),
    ("The agency said on Tuesday that 1,500 trips were canceled.", {"1,500": None}),
    # an earlier week is no statement's time: it dates what was done in it
    ("The county issued 75 permits last week.", {"75": "2026-03-02/2026-03-08"}),
])
def test_periods_date_their_figures(nlp, text, expected):
    check(nlp, text, PUB, expected)
