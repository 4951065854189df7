"""Issue 11's known date classes, end to end through the real pipeline (each row its own made-up sentence):
the figure's date, or None, by the figure's text."""
from __future__ import annotations

import pytest

import newsclaims


def dates_of(nlp, text: str, published: str) -> dict:
    return {c.text: c.date for c in newsclaims.extract(text, published=published, nlp=nlp)}


@pytest.mark.parametrize("text, published, expected", [
    # a comparison's other side is not the level's date: only a figure that owns it, or a change's period, takes it
    ("Exports climbed to $7 billion, $2 billion higher than in 2018.", "2021-03-01", {"$7 billion": None}),
    ("The fleet now numbers 40 ships, compared with 2016.", "2021-03-01", {"40": "2021-03-01"}),
    ("The district now runs 60 clinics, up from 35 in 2012.", "2021-03-01", {"60": "2021-03-01", "35": "2012"}),
    # 'a year earlier' and its kin count back from the sentence's own date, at its precision
    ("In April, imports were $3 billion, down from $3.4 billion a year earlier.", "2021-06-10",
     {"$3 billion": "2021-04", "$3.4 billion": "2020-04"}),
    ("Profit in the second quarter of 2020 was $80 million, against $95 million in the same quarter last year.",
     "2020-09-01", {"$80 million": "2020-04/2020-06", "$95 million": "2019-04/2019-06"}),
    ("The index stood at 104 in March 2021 and at 101 the previous month.", "2021-05-01",
     {"104": "2021-03", "101": "2021-02"}),
    # with no date in its sentence, 'a year earlier' counts back from publication
    ("The co-op had 310 members a year earlier.", "2021-06-10", {"310": "2020"}),
    ("The mill shipped 900 tons the previous month.", "2021-06-10", {"900 tons": "2021-05"}),
    # 'last quarter' is the quarter before publication's; a period that ends at a month is dated as one
    ("Revenue slipped 2% last quarter.", "2021-08-15", {"2%": "2021-04/2021-06"}),
    ("Rents rose 6% in the 12 months through May.", "2021-07-01", {"6%": "2020-05/2021-05"}),
])
def test_date_classes(nlp, text, published, expected):
    got = dates_of(nlp, text, published)
    for figure, date in expected.items():
        assert figure in got, (figure, got)
        assert got[figure] == date, (figure, got)


@pytest.mark.parametrize("text", [
    "Rents rose 6% in the 12 months through May.",
    "Sales fell 3% in the three months ended June 30.",
    "Wages grew 4% in the six months to December.",
])
def test_a_period_ending_at_a_date_is_no_figure(nlp, text):
    assert [c.text for c in newsclaims.extract(text, published="2021-07-01", nlp=nlp)] == [text.split()[2]]


def test_counting_back_without_a_publication_date_gives_no_date(nlp):
    claims = newsclaims.extract("The mill shipped 900 tons the previous month.", published=None, nlp=nlp)
    assert [(c.text, c.date) for c in claims] == [("900 tons", None)]
