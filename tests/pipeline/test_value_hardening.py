"""Values that used to come out silently wrong (issue 14, "Values"), each class a table, through the real pipeline."""
import math

import pytest

import newsclaims

PUB = "2025-11-04"


def found(nlp, text):
    return [(c.text, c.value, c.unit) for c in newsclaims.extract(text, published=PUB, nlp=nlp)]


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Prices rose to $10 in 2024.", "$10", 10, "USD"),
    ("Sales were $380 in 2018 and fell after.", "$380", 380, "USD"),
    ("The firm hired 40 in 2019.", "40", 40, None),
])
def test_a_year_is_never_the_denominator_of_a_share(nlp, text, surface, value, unit):
    assert (surface, value, unit) in found(nlp, text)
    assert all(u != "%" for _, _, u in found(nlp, text))


@pytest.mark.parametrize("text, surface, value", [
    ("One in 5 adults smoke.", "One in 5", 20),
    ("3 out of 4 voters agreed.", "3 out of 4", 75),
])
def test_real_n_in_m_shares_still_read(nlp, text, surface, value):
    assert (surface, value, "%") in found(nlp, text)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("It was minus 12 degrees Celsius at dawn.", "minus 12 degrees Celsius", -12, "degC"),
    ("The peak reached minus-60 degrees.", "minus-60 degrees", -60, "degree"),
    ("Inflation was negative 0.4% in May.", "negative 0.4%", -0.4, "%"),
    ("Net migration was minus 8,000 last year.", "minus 8,000", -8000, None),
    ("Output fell -3.5% in May.", "-3.5%", -3.5, "%"),
    ("The margin of error is plus or minus 3%.", "3%", 3, "pp"),  # a margin stays positive, in points
])
def test_signs_written_as_words_are_kept(nlp, text, surface, value, unit):
    assert (surface, value, unit) in found(nlp, text)


@pytest.mark.parametrize("text", [
    "It was minus 500 kelvin.",
    "The lab reached minus 300 degrees Celsius.",
    "He owed 10^400 dollars.",
    "The debt was 10**400 dollars.",
])
def test_impossible_or_unreadable_values_are_dropped_not_written_wrong(nlp, text):
    assert found(nlp, text) == []


@pytest.mark.parametrize("text, surface, value", [
    ("It cost 5 million billion dollars.", "5 million billion dollars", 5e15),
    ("It cost 4 hundred million dollars.", "4 hundred million dollars", 4e8),
    ("Reserves are 2 thousand billion dollars.", "2 thousand billion dollars", 2e12),
])
def test_a_stack_of_scale_words_multiplies_out(nlp, text, surface, value):
    (got,) = [v for s, v, _ in found(nlp, text) if s == surface]
    assert math.isclose(got, value)


def test_negative_zero_is_written_as_zero(nlp):
    (claim,) = newsclaims.extract("Temperatures fell to -0.0 degrees.", published=PUB, nlp=nlp)
    assert claim.value == 0 and math.copysign(1, claim.value) == 1 and "-0" not in str(claim.to_dict()["value"])
