"""Issue 12, classes found by made-up news probes: rates whose per-time phrase follows the stuff measured, vote splits
in percent, a change's size before the level it reaches, hectolitres; one table per class, with what must stay."""
import pytest

from quantity_helpers import check, figures


# 'N <unit> of <stuff> a day': the per-time phrase after the stuff makes a rate, as when it touches the unit
# (guidelines, Rates: the denominator is kept when the text gives it in the mention's clause).
@pytest.mark.parametrize("text, surface, value, unit", [
    ("The field produces 450,000 barrels of crude a day.", "450,000 barrels", 450000, "barrel/day"),
    ("The mill burns 3 million tonnes of coal a year.", "3 million tonnes", 3e6, "t/year"),
    ("The spillway passes 800 cubic meters of water per second.", "800 cubic meters", 800, "m**3/second"),
    ("The line moves 2 billion cubic feet of natural gas per day.", "2 billion cubic feet", 2e9, "ft**3/day"),
    ("The field produces 450,000 barrels a day.", "450,000 barrels a day", 450000, "barrel/day"),  # as before
    ("The tank holds 500 liters of fuel.", "500 liters", 500, "liter"),  # no per-time phrase
    ("Each student ate 2 kilograms of rice per teacher.", "2 kilograms", 2, "kg"),  # per an amount, not a time
    ("The company spent $3 billion of its cash a year earlier.", "$3 billion", 3e9, "USD"),  # a date, not a rate
])
def test_an_amount_of_stuff_per_time_is_a_rate(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


# Two shares that make up the whole ('won 55% to 45%') are a split, each in percent; a change in percent before the
# level it reaches stays percentage points.
@pytest.mark.parametrize("text, surface, unit", [
    ("The mayor won re-election 61% to 39%.", "61%", "%"),
    ("Members backed the deal by 52% to 48%.", "52%", "%"),
    ("The rate fell 0.2% to 4.1%.", "0.2%", "pp"),  # as before
])
def test_a_split_of_the_whole_is_percent(nlp, text, surface, unit):
    check(nlp, text, surface, unit=unit)


# 'rose $12 to $2,010': the figure between the change verb and the new level is the change's size.
@pytest.mark.parametrize("text, surface, direction", [
    ("Silver rose $1 to $31 an ounce.", "$1", "up"),
    ("Copper fell $150 to $9,200 a tonne.", "$150", "down"),
    ("Shares climbed $4 to $87.", "$4", "up"),
])
def test_a_change_before_its_new_level_is_the_delta(nlp, text, surface, direction):
    claim = figures(nlp, text)[surface]
    assert claim.change == {"direction": direction, "role": "delta"}, claim.change


def test_a_range_stays_a_range(nlp):
    found = figures(nlp, "Tickets cost from $12 to $20.")
    assert "$12 to $20" in found and found["$12 to $20"].change is None


@pytest.mark.parametrize("text, surface, value", [
    ("The brewery sold 3 million hectoliters of beer.", "3 million hectoliters", 3e6),
    ("The estate made 900 hectolitres of wine.", "900 hectolitres", 900),
])
def test_hectolitres_are_a_volume(nlp, text, surface, value):
    check(nlp, text, surface, value, "hectoliter")
