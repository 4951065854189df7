"""Issue 12's error classes of the figure itself, one table per class, through the real pipeline."""
import pytest
from quantity_helpers import check, figures


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The fair drew a quarter of a million visitors.", "a quarter of a million", 2.5e5, None),
    ("They spent half a billion dollars on roads.", "half a billion dollars", 5e8, "USD"),
    ("A half billion dollars went missing.", "A half billion dollars", 5e8, "USD"),
    ("Prices rose two-tenths of a percent in May.", "two-tenths of a percent", 0.2, "%"),
    ("The rate rose a tenth of a percentage point.", "a tenth of a percentage point", 0.1, "pp"),
    ("Rates rose three-quarters of a percentage point.", "three-quarters of a percentage point", 0.75, "pp"),
    ("Two-thirds of the budget is debt.", "Two-thirds", 200 / 3, "%"),
])
def test_scale_fractions_and_fractional_scale_words(nlp, text, surface, value, unit):
    found = check(nlp, text, surface, value, unit)
    assert len(found) == 1  # the scale word is not a second figure


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The car has 420bhp.", "420bhp", 420, "hp"),
    ("It has a 150-hp engine.", "150-hp", 150, "hp"),
    ("Take 30mL twice.", "30mL", 30, "milliliter"),
    ("The bag holds 8kg.", "8kg", 8, "kg"),
    ("It makes 300 lb-ft of torque.", "300 lb-ft", 300, "foot*force_pound"),
    ("Winds reached 40 kn offshore.", "40 kn", 40, "knot"),
])
def test_glued_and_hyphenated_units(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


@pytest.mark.parametrize("text, surface, low, high, unit", [
    ("Gas sold between $3 and $4 a gallon.", "$3 and $4 a gallon", 3, 4, "USD/gallon"),
    ("Shares traded between $40 and $45.", "$40 and $45", 40, 45, "USD"),
    ("Adults need 1,500 - 1,800 calories.", "1,500 - 1,800 calories", 1500, 1800, "calorie"),
])
def test_ranges_split_in_two_are_one_range(nlp, text, surface, low, high, unit):
    check(nlp, text, surface, low=low, high=high, unit=unit)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The flat cost HK$5 million.", "HK$5 million", 5e6, "HKD"),
    ("The deal was worth C$3 billion.", "C$3 billion", 3e9, "CAD"),
    ("Tickets cost 1,200€ each.", "1,200€", 1200, "EUR"),
    ("A coffee costs 110 JPY there.", "110 JPY", 110, "JPY"),
    ("It was fined 5 million Danish crowns.", "5 million Danish crowns", 5e6, "DKK"),
    ("Bread rose to 45 pence.", "45 pence", 0.45, "GBP"),
    ("Farmers earn 40 rupees a day.", "40 rupees a day", 40, "INR/day"),
    ("It sold for 50 yuan.", "50 yuan", 50, "CNY"),
])
def test_currencies_to_iso_codes(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


@pytest.mark.parametrize("text", [
    "Call (202) 555-0100 for details.",
    "Call 202-555-0199 or +1 202.555.0100 today.",
    "A third-party vendor sold it.",
    "Results for this half were weak.",
    "It happened on 3/4 at noon.",
    "After 9/11 security changed; the desk is open 24/7.",
    "The Galaxy S24 and the A320neo sold well.",
])
def test_not_quantities(nlp, text):
    assert figures(nlp, text) == {}


@pytest.mark.parametrize("text, surface, value", [
    ("3 out of every 4 voters agreed.", "3 out of every 4", 75),
    ("There were 65 for every 100 reports.", "65 for every 100", 65),
    ("One in six adults smoke.", "One in six", 100 / 6),
    ("3/4 of voters agreed.", "3/4", 75),
    ("Half the staff left.", "Half", 50),
])
def test_shares(nlp, text, surface, value):
    check(nlp, text, surface, value, "%")


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Mix 3/4 cup of flour.", "3/4 cup", 0.75, "cup"),
    ("Walk 1/2 mile to school.", "1/2 mile", 0.5, "mi"),
])
def test_written_fractions_of_a_unit(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


@pytest.mark.parametrize("text, surface, unit", [
    ("It was 18 C in London on Sunday.", "18 C", "degC"),
    ("It was 64 F in Miami.", "64 F", "degF"),
])
def test_units_pint_knows_but_news_means_otherwise(nlp, text, surface, unit):
    check(nlp, text, surface, None, unit)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Sales were $5 billion, up from $4.1 billion a year earlier.", "$4.1 billion", 4.1e9, "USD"),
    ("Oil hit $80 a barrel.", "$80 a barrel", 80, "USD/barrel"),
    ("Workers earn $15 an hour.", "$15 an hour", 15, "USD/hour"),
    ("It pumps 3 million barrels a day.", "3 million barrels a day", 3e6, "barrel/day"),
])
def test_rates_keep_their_denominator_but_a_year_earlier_is_a_date(nlp, text, surface, value, unit):
    found = check(nlp, text, surface, value, unit)
    assert found[surface].value == value  # exactly as written: no 4099999999.9999995


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Output climbed to 5.2 million tons, up from 4.8 million.", "4.8 million", 4.8e6, "t"),
    ("Sales hit $5 billion, compared with 4.1 billion.", "4.1 billion", 4.1e9, "USD"),
    ("Rates were 5 and 7 percent.", "5", 5, "%"),
])
def test_units_carried_from_a_sibling(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


@pytest.mark.parametrize("text, surface", [
    ("Prices rose 1.2%, with a margin of error of ±0.3%.", "0.3%"),
    ("The poll has a margin of plus or minus 2 percent.", "2 percent"),
])
def test_margins_of_error_are_percentage_points(nlp, text, surface):
    check(nlp, text, surface, None, "pp")
