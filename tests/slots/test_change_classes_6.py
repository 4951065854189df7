"""The change slot's and the bounds' error classes of issue 12, sixth round, from made-up probes written before
reading the code: a change measured against the same period a year (month, week) before, where the parser hangs
the figure off the first period noun ('rose 4.5% year on year'); 'off' as the state of a price ('shares were
off 2%'), a fall, but not as a particle or a place ('kicked off 3 days', '20 miles off the coast'); 'soften' as a
verb of decrease; a cap ('capped at $50') as a maximum. One table per class, with the rows that must stay beside
it; through the real pipeline."""
import pytest
from change_checks import DOWN_DELTA, DOWN_NEW, UP_DELTA, bound_of, change_of


@pytest.mark.parametrize("text, surface, change", [
    ("Car exports gained 4.5% year on year in March.", "4.5%", UP_DELTA),
    ("Rents rose 3% year on year.", "3%", UP_DELTA),
    ("Factory output fell 0.4% month over month.", "0.4%", DOWN_DELTA),
    ("The chain added 5,000 jobs year on year.", "5,000", UP_DELTA),
    ("Imports climbed 2% year-on-year.", "2%", UP_DELTA),
    ("Exports grew 2.1% quarter on quarter.", "2.1%", UP_DELTA),
    # a period with no change verb stays a level
    ("Inflation was 3% year on year.", "3%", None),
])
def test_year_on_year_keeps_the_change_verb(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("Shares of the lender were off 2% in early trade.", "2%", DOWN_DELTA),
    ("Bonds weakened, with the main index off 1.3%.", "1.3%", DOWN_DELTA),
    ("The board kicked off 3 days of talks.", "3 days", None),
    ("The lender paid off $5 million of debt.", "$5 million", None),
    ("The island lies 20 miles off the coast.", "20 miles", None),
])
def test_off_as_a_state_is_a_fall(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("Demand for steel softened 2% in the quarter.", "2%", DOWN_DELTA),
    ("Pump prices softened to $3.10 a gallon.", "$3.10 a gallon", DOWN_NEW),
])
def test_soften_is_a_decrease(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, bound", [
    ("The late fee is capped at $50.", "$50", "<="),
    ("Rent rises were capped at 3% this year.", "3%", "<="),
    ("The scheme has a cap of $2,000 per family.", "$2,000", "<="),
    ("The late fee is capped at $50 per month.", "$50 per month", "<="),
])
def test_caps_bound_the_figure(nlp, text, surface, bound):
    assert bound_of(nlp, text, surface) == bound
