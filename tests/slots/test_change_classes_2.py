"""The change slot's error classes of issues 11 and 12 (second round), one table per class, on made-up sentences
run through the real pipeline. Each row names the figure and the change record the guidelines give it."""
import pytest
from change_checks import DOWN_DELTA, UP_DELTA, change_of

from newsclaims.evaluation.benchmarks import newsquant as nq


@pytest.mark.parametrize("text, surface, change", [
    ("The factory added 3,500 workers in March.", "3,500", UP_DELTA),
    ("Acme rose 12 sen to RM4.10.", "12", UP_DELTA),
])
def test_a_counted_noun_is_the_object_of_the_change(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("These three firms make up 60 percent of the market.", "60 percent", None),
    ("The grant breaks down to $4.2 million for schools.", "$4.2 million", None),
    ("Prices went up 4% in May.", "4%", UP_DELTA),
])
def test_particle_verbs_without_direction(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("The agency will draw down and sell 2 million barrels of fuel.", "2 million barrels", DOWN_DELTA),
    ("The estimate was revised upward by $25 million.", "$25 million", UP_DELTA),
    ("Inflation was down two-tenths of a point, to 3.1 percent.", "3.1 percent", {"direction": "down", "role": "new"}),
    ("Stock prices went up, and the firm sold 5 million shares.", "5 million", None),
])
def test_direction_particles_on_the_figures_verb(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("The city signed a $2.3 million contract with the builder.", "$2.3 million", None),
    ("The economy contracted 1.5% in the quarter.", "1.5%", DOWN_DELTA),
])
def test_change_words_that_are_changes_only_as_verbs(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("The bank reported a loss of $52 million for the quarter.", "$52 million", None),
    ("The startup raised $6 million from investors.", "$6 million", None),
    ("The bank raised its fee by $3.", "$3", UP_DELTA),
])
def test_money_named_by_a_change_word_is_a_level(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("Gusts hit 60mph, 15mph less than the record.", "15mph", None),
    ("Rainfall was 3 inches above the average.", "3 inches", None),
    ("There were 212 more storms than normal.", "212", None),
    ("Output was 7% higher than in 2019.", "7%", UP_DELTA),
    ("Officials said 40,000 more jobs were added in May than first reported.", "40,000", UP_DELTA),
    ("Exports were 2 points lower.", "2 points", DOWN_DELTA),
])
def test_comparisons_are_changes_only_across_time(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("The index lost 85 points, or 1.3%, on Friday.", "1.3%", DOWN_DELTA),
    ("Spending was $90 billion (or 4 percent) higher than in 2022.", "$90 billion", UP_DELTA),
    ("Spending was $90 billion (or 4 percent) higher than in 2022.", "4 percent", UP_DELTA),
    ("Hiring grew by 48,000 positions or 1.6 per cent.", "1.6 per cent", UP_DELTA),
])
def test_alternative_forms_of_one_change(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("Exports rose 3.1 percent, 2.4 percent and 5.0 percent in the three months.", "2.4 percent", UP_DELTA),
    ("Exports rose 3.1 percent, 2.4 percent and 5.0 percent in the three months.", "5.0 percent", UP_DELTA),
    ("Shares of Alpha were down 1.8%, Beta by 2.2% and Gamma was down 0.7%.", "2.2%", DOWN_DELTA),
])
def test_lists_of_deltas_under_one_verb(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("Sales were $4.2 billion, down from $4.6 billion a year earlier.", "$4.2 billion", {"direction": "down", "role": "new"}),
    ("The shortfall was $820 billion, $35 billion more than in 2022.", "$820 billion", {"direction": "up", "role": "new"}),
    ("Output was 2.1 million tons, a 6 percent increase over last year.", "2.1 million tons", {"direction": "up", "role": "new"}),
    ("The index closed at 4210.5 up 22.4 points.", "4210.5", {"direction": "up", "role": "new"}),
    ("The plant employs 800 people, and its output rose 5%.", "800", None),
])
def test_a_level_set_off_before_its_change_is_the_new_level(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("Markets at noon: Dow +0.5% Nasdaq +1.1%.", "1.1%", UP_DELTA),
    ("In Europe: FTSE -0.4% DAX -0.9%.", "-0.9%", DOWN_DELTA),
    ("Growth was -0.3% in the quarter.", "-0.3%", None),
])
def test_signed_figures(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("The agency will ship grain from four ports in Texas.", "four", None),
    ("Imports fell from 5,000 tons to 4,200 tons.", "5,000 tons", {"direction": "down", "role": "old"}),
    ("Storage doubles to 512GB instead of the 256GB in older models.", "256GB", {"direction": "up", "role": "old"}),
])
def test_from_and_instead_of_before_an_earlier_level(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("The data ended a nine-month decline in orders.", "nine-month", None),
    ("The increase in costs would be about $45 million.", "$45 million", UP_DELTA),
])
def test_a_change_nouns_period_and_its_size(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


def claim(text, value, unit, role):
    return {"text": text, "value": value, "low": None, "high": None, "unit": unit, "unit_text": "$",
            "change": {"direction": "up", "role": role}}


@pytest.mark.parametrize("pair, joined", [
    ([claim("$300", 300.0, "USD", "old"), claim("$320", 320.0, "USD", "new")], True),   # "rose from $300 to $320"
    ([claim("$320", 320.0, "USD", "new"), claim("$300", 300.0, "USD", "old")], False),  # "rose to $320 from $300"
])
def test_from_to_pairs_written_old_first_are_newsquants_ranges(pair, joined):
    assert (len(nq.change_pairs_as_ranges(pair)) == 1) is joined
