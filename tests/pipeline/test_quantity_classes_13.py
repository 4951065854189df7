"""Issue 12, units (round 7): fluid ounces and US gallons are volumes, with or without the 'US' before them; through
the real pipeline, made-up sentences."""
import pytest
from quantity_helpers import check


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The tank holds 40 US gallons of fuel.", "40 US gallons", 40, "gallon"),
    ("Stir in 8 fluid ounces of milk.", "8 fluid ounces", 8, "fluid_ounce"),
    ("The bottle holds 12 fl oz.", "12 fl oz", 12, "fluid_ounce"),
])
def test_fluid_ounces_and_us_gallons_are_units(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)
