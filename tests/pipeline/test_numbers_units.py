"""Table-driven tests of the number and unit normalisers."""
import math

import pytest

from newsclaims.normalize.numbers import parse_fraction, parse_multiple, parse_number
from newsclaims.normalize.units import canonical_unit, dimension_of, to_base


@pytest.mark.parametrize("text, expected", [
    ("45,000", 45000), ("1,234,567.5", 1234567.5), ("12.8", 12.8), ("-3", -3), ("\u22123.5", -3.5),
    ("1.5bn", 1.5e9), ("3.2m", 3.2e6), ("17.8 trillion", 1.78e13), ("2.5 million", 2.5e6), ("5 billion", 5e9),
    ("seven", 7), ("Seventeen", 17), ("twenty-five", 25), ("three hundred", 300), ("a dozen", 12),
    ("one and a half", 1.5), ("four thousand million", 4e9), ("one hundred fifty thousand", 150000),
    ("words", None), ("", None), ("1e309", None), ("NaN", None),
])
def test_parse_number(text, expected):
    got = parse_number(text)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("half", 50), ("a third", 100 / 3), ("two-thirds", 200 / 3), ("three quarters", 75), ("3 in 10", 30),
    ("one out of five", 20), ("tenth", 10), ("nothing", None),
])
def test_parse_fraction(text, expected):
    got = parse_fraction(text)
    assert (got is None) if expected is None else got == pytest.approx(expected)


@pytest.mark.parametrize("word, expected", [("tripled", 3), ("doubled", 2), ("halved", 0.5), ("twice", 2), ("walked", None)])
def test_parse_multiple(word, expected):
    assert parse_multiple(word) == expected


@pytest.mark.parametrize("surface, unit", [
    ("tons", "t"), ("metric tons", "t"), ("tonnes", "t"), ("short tons", "short_ton"), ("percent", "%"), ("per cent", "%"),
    ("percentage points", "pp"), ("gigawatts", "GW"), ("GW", "GW"), ("barrels a day", "barrel/day"), ("mph", "mile/hour"),
    ("dollars", "USD"), ("euros", "EUR"), ("yuan", "CNY"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("times", "x"),
    ("degrees Fahrenheit", "degF"), ("acres", "acre"), ("years", "year"), ("widgets", None),
])
def test_canonical_unit(surface, unit):
    assert canonical_unit(surface) == unit


@pytest.mark.parametrize("value, unit, base, base_unit", [
    (45000, "t", 4.5e7, "kg"), (3.2, "GW", 3.2e9, "W"), (1, "km", 1000, "m"), (2, "kWh", 7.2e6, "J"),
    (100, "mile/hour", 44.704, "m/s"), (10, "%", None, None), (5e9, "USD", None, None), (20, None, None, None),
])
def test_to_base(value, unit, base, base_unit):
    got, got_unit = to_base(value, unit)
    assert got_unit == base_unit
    assert (got is None) if base is None else math.isclose(got, base, rel_tol=1e-9)


@pytest.mark.parametrize("unit, dimension", [
    ("USD", "currency"), ("%", "percentage"), ("pp", "percentage_points"), ("x", "ratio"), ("t", "mass"),
    ("GW", "power"), ("year", "duration"), (None, "count"), ("USD/barrel", "currency_rate"),
])
def test_dimension_of(unit, dimension):
    assert dimension_of(unit) == dimension
