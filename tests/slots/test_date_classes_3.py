"""Issue 11's date classes, third round: a document's reference period and fiscal years. Each class is a table of
made-up texts run through the real pipeline (the figure's date, or None, by the figure's text), or of expressions
through resolve_date."""
from __future__ import annotations

import pytest

import newsclaims
from newsclaims.adapters.dateparse import DateParserAdapter
from newsclaims.normalize.dates import resolve_date


def dates_of(nlp, text: str, published) -> dict:
    return {c.text: c.date for c in newsclaims.extract(text, published=published, nlp=nlp)}


def check(nlp, text: str, published, expected: dict) -> None:
    """Each figure's date; a count's mention may or may not run on to its noun ('9,000' or '9,000 people')."""
    got = dates_of(nlp, text, published)
    for figure, date in expected.items():
        found = [k for k in got if k == figure or figure.startswith(k + " ")]
        assert found, (figure, got)
        assert got[found[0]] == date, (figure, got)


@pytest.mark.parametrize("text, published, expected", [
    # a fiscal year's quarters and halves count from its October
    ("the first half of fiscal year 2022", "2024-04-08", ("2021-10/2022-03", "explicit")),
    ("the second half of FY 2023", "2024-04-08", ("2023-04/2023-09", "explicit")),
    ("the fourth quarter of fiscal 2024", "2024-11-08", ("2024-07/2024-09", "explicit")),
    ("Q1 FY2025", "2024-11-08", ("2024-10/2024-12", "explicit")),
    ("FY2025 Q2", "2024-11-08", ("2025-01/2025-03", "explicit")),
    # fiscal years relative to publication: the fiscal year begins in October
    ("this fiscal year", "2024-11-08", ("2024-10/2025-09", "relative")),
    ("the current fiscal year", "2024-05-08", ("2023-10/2024-09", "relative")),
    ("last fiscal year", "2024-11-08", ("2023-10/2024-09", "relative")),
    ("next fiscal year", "2024-05-08", ("2024-10/2025-09", "relative")),
    # a fiscal year that ends at a month is its twelve months; 'ends' looks ahead
    ("the fiscal year that ends in September", "2025-05-08", ("2024-10/2025-09", "relative")),
    ("the fiscal year ending September 30, 2025", "2025-05-08", ("2024-10/2025-09", "explicit")),
    ("the fiscal year ended in June", "2025-08-08", ("2024-07/2025-06", "relative")),
    # a month 'of' a year; the NER's conjunction left on the first of two years
    ("December of two thousand three", None, ("2003-12", "explicit")),
    ("the years 2018 and", None, ("2018", "explicit")),
])
def test_fiscal_and_period_forms(text, published, expected):
    assert resolve_date(text, published, parser=DateParserAdapter()) == expected


@pytest.mark.parametrize("text, published, expected", [
    # fiscal-year codes the NER leaves unlabelled date their figures
    ("The agency spent $4 million in FY2024 and $3 million in FY 2023.", "2024-11-08",
     {"$4 million": "2023-10/2024-09", "$3 million": "2022-10/2023-09"}),
    ("The shipyard earned $90 million in fiscal 2025.", "2025-11-08", {"$90 million": "2024-10/2025-09"}),
    ("The port spent $7 million in the fiscal year that ends in September.", "2025-05-08",
     {"$7 million": "2024-10/2025-09"}),
    # a budget story's plain years and 'this year' are fiscal years; a total since a year stays a calendar span
    ("The governor sent lawmakers a spending plan for 2019 worth $40 billion. It sets aside $2 billion for this "
     "year. The new budget year starts October first.", "2018-02-10",
     {"$40 billion": "2018-10/2019-09", "$2 billion": "2017-10/2018-09"}),
    ("The budget year starts in October. Since the merger in 2012, the agency has spent $9 billion.", "2018-02-10",
     {"$9 billion": "2012/2018-02-10"}),
])
def test_fiscal_years(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # 'the same period in fiscal 2023' copies the finer period before it into that year; a change's size runs
    # from the copy to the period it copies
    ("Tax receipts were $50 billion from October through March, $6 billion more than during the same period in "
     "fiscal year 2023.", "2024-04-10", {"$50 billion": "2023-10/2024-03", "$6 billion": "2022-10/2024-03"}),
    ("The shortfall reached $20 billion in the first half of fiscal year 2024, $3 billion less than in the same "
     "period last fiscal year.", "2024-04-10", {"$20 billion": "2023-10/2024-03", "$3 billion": "2022-10/2024-03"}),
])
def test_same_period_of_another_year(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # the lead's 'numbers for August' dates the release's past-tense figures in later paragraphs
    ("This is the evening business report.\n\nOn Tuesday, the state labor office released its jobless figures for "
     "August.\n\nThe jobless rate fell to 4.1 percent. About 9,000 people found work.\n\nThe office surveys 3,000 "
     "firms every month.", "2022-09-15",
     {"4.1 percent": "2022-08", "9,000 people": "2022-08", "3,000 firms": None}),
    # else a lead figure's own period; not a date of another clause ('founded in 2011, is a network of 40 banks')
    ("A new survey says twelve million tourists visited the islands in 2017.\n\nAbout a third of them came by "
     "ferry. The islands have 300 hotels.", None,
     {"a third": "2017", "300 hotels": None}),
    ("The Lending Alliance, founded by the governor in March 2011, is a network of 40 banks.\n\nMembers made "
     "$3 billion in loans to farmers.", None, {"$3 billion": None}),
    # a quote takes no carried date
    ("Factories shipped 800 trucks in 2019. \"We could sell 900 trucks,\" the manager said.", "2020-01-10",
     {"900 trucks": None}),
])
def test_reference_period_of_a_release(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a story about one budget: its money figures point back at the budget's fiscal year whatever their tense;
    # the size of a change from a named year runs to that fiscal year (a mayor's: the city's, July to June)
    ("The mayor outlined a $4.2 billion budget request for fiscal year 2027 on Monday.\n\nThe request, an 8% "
     "increase from fiscal year 2026, includes $900 million for schools.\n\nIt splits into $1.1 billion for "
     "roads and $600 million for parks.", "2026-03-02",
     {"$4.2 billion": "2026-07/2027-06", "8%": "2025-07/2027-06", "$900 million": "2026-07/2027-06",
      "$1.1 billion": "2026-07/2027-06", "$600 million": "2026-07/2027-06"}),
])
def test_budget_reference(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a change noun before 'from'/'over' makes the date the other side: the level does not take it
    ("The plan, a 6% increase over 2020, sets aside $300 million for ports.", "2021-06-01",
     {"$300 million": None}),
    # the size of a change whose sentence names only its baseline runs to the date carried from before
    ("Officials sent the 2022 plan to the council. It proposes a five percent increase over 2021.", "2021-06-01",
     {"five percent": "2021/2022"}),
])
def test_change_from_a_named_year(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # two adjacent months or years joined by 'and' are one period
    ("The plant hired 2,000 more workers in May and June than planned.", "2021-09-01", {"2,000": "2021-05/2021-06"}),
    ("The law orders the sale of 8 million barrels in the years 2022 and 2023.", "2021-09-01",
     {"8 million barrels": "2022/2023"}),
    # a month named without a year takes the year its sentence named before it
    ("The worst flood of 2015 came on June 4, with 30 homes lost.", "2021-09-01", {"30 homes": "2015-06-04"}),
    ("Last year the region logged 70 storms in April.", "2021-09-01", {"70 storms": "2020-04"}),
    ("In March 2019 the mill shipped 900 tons; it shipped 800 tons in May.", "2021-09-01", {"800 tons": "2019-05"}),
])
def test_periods_joined_and_years_shared(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # a record's horizon is not the figure's date
    ("In the first quarter of 2021, the port handled 4.2 million containers, the most since 2007.", "2021-05-01",
     {"4.2 million containers": "2021-01/2021-03"}),
    ("Only 310 fires were reported this season, the lowest total since 1996.", "2021-09-01", {"310 fires": None}),
    # a total since an event in a year runs from that year to publication
    ("Since the flood in 2012, the county has spent $80 million on levees.", "2021-09-01",
     {"$80 million": "2012/2021-09-01"}),
])
def test_since_a_date(nlp, text, published, expected):
    check(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # plain present and present perfect take no date carried from before
    ("Exports fell in 2019. The firm employs 400 people.", "2021-09-01", {"400 people": None}),
    ("The fund opened on April 3, 2020. It has provided 9,000 loans.", "2021-09-01", {"9,000 loans": None}),
    # the NER ran a name into the date: the rest of it still dates the figure
    ("The probe landed on Mars Sunday, Jan. 11, 2004. Engineers moved it 4 meters.", "2004-01-20",
     {"4 meters": "2004-01-11"}),
])
def test_carried_dates(nlp, text, published, expected):
    check(nlp, text, published, expected)
