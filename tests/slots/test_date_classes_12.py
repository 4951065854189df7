"""Issue 11's date classes, twelfth round: quarter and half codes the NER calls a product, a number or nothing ('the
Q3 results', 'H1 sales', "the bank's 1Q25 profit", 'Q3 2024 revenue'), and a point at a month's or quarter's edge
('by the end of June', 'as of end-June', 'at end-2024', 'by the end of the quarter'). Each class is a table of
made-up texts run through the real pipeline (the figure's date, or None, by the figure's text), or of expressions
through resolve_date."""
from __future__ import annotations

import pytest
from date_checks import check

from newsclaims.adapters.dateparse import DateParserAdapter
from newsclaims.normalize.dates import resolve_date

PUB = "2026-03-15"


@pytest.mark.parametrize("text, expected", [
    # a code modifying a period noun, or after an opener, is the latest such quarter or half begun by publication
    ("The Q3 results showed a profit of $40 million.", {"$40 million": "2025-07/2025-09"}),
    ("The retailer's Q4 earnings came to $1.2 billion.", {"$1.2 billion": "2025-10/2025-12"}),
    ("H2 sales at the brewer rose to $700 million.", {"$700 million": "2025-07/2025-12"}),
    ("Its Q2 figures showed a loss of $15 million.", {"$15 million": "2025-04/2025-06"}),
    ("The chain sold 4,000 bikes in H2.", {"4,000": "2025-07/2025-12"}),
    # a code with a year is that year's period, and replaces the bare year the NER found inside it
    ("The lender's 1Q25 profit was $90 million.", {"$90 million": "2025-01/2025-03"}),
    ("Q3 2024 revenue at the miner was $6 billion.", {"$6 billion": "2024-07/2024-09"}),
    ("Deliveries reached 9,000 in Q4 2023, up from 7,000 in Q4 2022.", {"9,000": "2023-10/2023-12", "7,000": "2022-10/2022-12"}),
    # a code with no opener, no year and no period noun is a name, not a date
    ("The Audi Q3 now costs $41,000.", {"$41,000": "2026-03-15"}),
])
def test_quarter_and_half_codes(nlp, text, expected):
    check(nlp, text, PUB, expected)


@pytest.mark.parametrize("text, expected", [
    # the end of a month without a year is the latest such month that is over by publication
    ("By the end of June, the trust had lost $3 billion.", {"$3 billion": "2025-06"}),
    ("At the end of March, the fund held $8 billion.", {"$8 billion": "2025-03"}),
    ("As of end-June, the insurer held $5 billion in bonds.", {"$5 billion": "2025-06"}),
    ("As of the end of February, 14 branches were open.", {"14": "2026-02"}),
    # with a year, that month; a year's edge is its December, 'mid-' the year
    ("The fund held $2 billion at end-2024.", {"$2 billion": "2024-12"}),
    ("By mid-2025, the firm employed 2,400 people.", {"2,400": "2025"}),
    # in a statement about the future, the next such month
    ("By the end of June, the city will have spent $90 million.", {"$90 million": "2026-06"}),
    # the end of the quarter is the quarter, as the end of the year is the year
    ("By the end of the quarter, the lender had cut 250 jobs.", {"250": "2026-01/2026-03"}),
])
def test_the_edge_of_a_month_or_quarter(nlp, text, expected):
    check(nlp, text, PUB, expected)


@pytest.mark.parametrize("text, expected", [
    ("H1", ("2026-01/2026-06", "relative")),
    ("2H'24", ("2024-07/2024-12", "explicit")),
    ("4Q23", ("2023-10/2023-12", "explicit")),
    ("H1 of 2025", ("2025-01/2025-06", "explicit")),
    ("H3", (None, None)),
    ("Q3 FY25", ("2025-04/2025-06", "explicit")),  # a fiscal part stays one
    ("the end of June", ("2025-06", "relative")),
    ("end-March", ("2025-03", "relative")),
    ("mid-March", ("2026-03", "relative")),
    ("early May 2024", ("2024-05", "explicit")),
    ("end-2024", ("2024-12", "explicit")),
    ("the end of last quarter", ("2025-10/2025-12", "relative")),
])
def test_period_expressions(text, expected):
    assert resolve_date(text, PUB, parser=DateParserAdapter(timeout=5)) == expected


@pytest.mark.parametrize("text, expected", [
    # a total since a date runs to the day a statement in its sentence or the one before reports it
    ("The agency said at the end of January that it had counted 40 outbreaks. These were among 310 cases since "
     "May 2023.", {"310": "2023-05/2026-01"}),
    ("The ministry reported in February that 1,200 homes had been rebuilt since 2024.", {"1,200": "2024/2026-02"}),
    # with no reporting date, to the publication date
    ("Since 2020, the charity has raised $4 million.", {"$4 million": "2020/2026-03-15"}),
])
def test_a_total_since_runs_to_its_reporting_date(nlp, text, expected):
    check(nlp, text, PUB, expected)


@pytest.mark.parametrize("text, expected", [
    # a quarter or half with its year apart, a fiscal year beside a quarter code, a quarter named by its last month
    ("Fourth-quarter 2024 revenue at the miner was $7 billion.", {"$7 billion": "2024-10/2024-12"}),
    ("The insurer's FY2025 Q3 revenue was $2 billion.", {"$2 billion": "2025-04/2025-06"}),
    ("Its Q3 FY25 sales were $900 million.", {"$900 million": "2025-04/2025-06"}),
    ("Revenue in the June quarter was $3 billion.", {"$3 billion": "2025-04/2025-06"}),
    ("In the December quarter of 2024, sales were $3 billion.", {"$3 billion": "2024-10/2024-12"}),
    # an ordinal half or quarter the NER leaves out, before a period noun
    ("The first-half results showed a profit of $2 billion.", {"$2 billion": "2026-01/2026-06"}),
    ("Second-half deliveries rose to 9,000.", {"9,000": "2025-07/2025-12"}),
    ("The second-half comeback earned the club 3 points.", {"3 points": None}),
    # the end of last month is that month
    ("By the end of last month, the trust had lost $2 billion.", {"$2 billion": "2026-02"}),
])
def test_quarters_apart_from_their_year_and_named_quarters(nlp, text, expected):
    check(nlp, text, PUB, expected)
