"""Issue 11, dates (round 11), the quantity side: a bare count the NER runs into the relative date after it ('up from
9 two years ago', '24 a year earlier') is still a figure, dated by that phrase; a day or a year stays no figure.
Through the real pipeline, made-up sentences."""
import pytest

import newsclaims

PUB = "2026-03-15"


def _claims(nlp, text):
    return {c.text: c for c in newsclaims.extract(text, published=PUB, nlp=nlp)}


@pytest.mark.parametrize("text, figure, date", [
    ("The reserve counted 14 wolves last year, up from 9 two years ago.", "9", "2024"),
    ("The orchestra had 30 players in 2025, compared with 24 a decade ago.", "24", "2016"),
    ("The orchestra had 30 players in 2025, compared with 24 a year earlier.", "24", "2024"),
    ("The ward had 18 beds in May, down from 21 a year earlier.", "21", "2024-05"),
])
def test_a_small_count_before_a_relative_date_is_a_figure(nlp, text, figure, date):
    found = _claims(nlp, text)
    assert figure in found, list(found)
    assert found[figure].date == date


@pytest.mark.parametrize("text, not_figures", [
    ("Flooding closed the road on March 12.", {"12"}),
    ("The museum reopened on 12 March 2025.", {"12"}),
])
def test_a_day_stays_no_figure(nlp, text, not_figures):
    assert not not_figures & set(_claims(nlp, text)), list(_claims(nlp, text))


@pytest.mark.parametrize("text, figures, dates", [
    # 'a quarter earlier' counts back a quarter: no share 'a quarter', and the old value takes the quarter before
    ("The plant employed 900 people in the second quarter, up from 850 a quarter earlier.", {"900", "850"},
     {"850": "2025-01/2025-03"}),
    ("Margins widened to 12% in the third quarter from 10% a quarter earlier.", {"12%", "10%"},
     {"10%": "2025-04/2025-06"}),
    # a quarter as a share stays one
    ("A quarter of the staff left in 2025.", {"A quarter"}, {}),
    ("Prices fell by a quarter in 2025.", {"a quarter"}, {"a quarter": "2025"}),
])
def test_a_quarter_earlier_is_a_time(nlp, text, figures, dates):
    found = _claims(nlp, text)
    assert set(found) == figures, list(found)
    assert {f: found[f].date for f in dates} == dates
