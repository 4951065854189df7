"""Issue 12's error classes fixed in the sixth pass (scale fractions of a unit, shares in fourths, glued units,
units missing from the lexicon or written after a modifier, units carried from a sibling clause, rates carried
in a pair, currencies that are also units), one table per class, through the real pipeline; made-up sentences."""
import pytest
from quantity_helpers import check, figures


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The trail is half a mile long.", "half a mile", 0.5, "mi"),
    ("The ferry crossing takes a quarter of an hour.", "a quarter of an hour", 0.25, "hour"),
    ("She jogged a quarter mile before breakfast.", "a quarter mile", 0.25, "mi"),
    ("The recipe calls for 1/8 of a pint of cream.", "1/8 of a pint", 0.125, "pint"),
    ("A gill is 1/2 of a US cup.", "1/2 of a US cup", 0.5, "cup"),
])
def test_scale_fractions_fraction_of_a_unit(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


@pytest.mark.parametrize("text, surface, value", [
    ("Half of the budget went to roads.", "Half", 50.0),
    ("Some 3/4 of members voted yes.", "3/4", 75.0),
    ("A third of the miles were on gravel.", "A third", 100 / 3),
])
def test_scale_fractions_a_share_of_a_whole_stays_a_share(nlp, text, surface, value):
    check(nlp, text, surface, value, "%")


@pytest.mark.parametrize("text, surface, value", [
    ("One fourth of the staff work from home.", "One fourth", 25.0),
    ("Three fourths of the town voted.", "Three fourths", 75.0),
])
def test_shares_written_in_fourths(nlp, text, surface, value):
    check(nlp, text, surface, value, "%")


def test_shares_an_ordinal_fourth_is_no_share(nlp):
    check(nlp, "Sales fell for a fourth straight year.", "fourth straight year", 4, "year")


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The lake was 3.1degF (1.7deg C) warmer than usual.", "1.7deg C", 1.7, "degC"),
    ("It was 4.5deg F above the norm.", "4.5deg F", 4.5, "degF"),
    ("She brought her now-14 month-old son.", "14 month", 14, "month"),
])
def test_glued_units_degree_letter_and_hyphened_prefix(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


def test_glued_units_hyphened_to_range(nlp):
    check(nlp, "The van needs 9 seconds for the 0-to-50-mph sprint.", "0-to-50-mph", low=0, high=50, unit="mile/hour")


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The ice sheet lost about 90 gigatonnes of ice.", "90 gigatonnes", 90, "Gt"),
    ("The steel is rated at 50 ksi.", "50 ksi", 50, "ksi"),
    ("They drank 3 pints each.", "3 pints", 3, "pint"),
    ("The jug holds 2 quarts.", "2 quarts", 2, "quart"),
    ("The hybrid gets 48 mpg on the highway.", "48 mpg", 48, "mile/gallon"),
    ("The ceiling is 9\u2032 high.", "9\u2032", 9, "ft"),
])
def test_units_missing_from_the_lexicon(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


@pytest.mark.parametrize("text, surface, unit", [
    ("The back gained 212 receiving yards in the game.", "212 receiving yards", "yard"),
    ("The archive covers the 40 previous years of papers.", "40 previous years", "year"),
    ("The crew stayed three more days.", "three more days", "day"),
])
def test_units_written_after_a_modifier(nlp, text, surface, unit):
    check(nlp, text, surface, unit=unit)


@pytest.mark.parametrize("text, surface, unit", [
    ("Guards held 4 men weeks ago.", "4", None),  # the men are counted; "weeks ago" dates the arrest
    ("The crew called three more times.", "three", None),  # a count of times, not a multiple
])
def test_units_written_after_a_modifier_only_measures(nlp, text, surface, unit):
    check(nlp, text, surface, unit=unit)


def test_units_written_after_a_modifier_never_join_a_compound_duration(nlp):
    found = figures(nlp, "The crew stayed two more days and 30 extra hours.")
    assert {"two more days", "30 extra hours"} <= set(found), list(found)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The top estimate is 62.5 cents, while the bottom one is 58.25.", "58.25", 0.5825, "USD"),
    ("The Alpha index ended at 2,210.4 points, while the Beta rose 0.4% to 2,005.6, on light trade.", "2,005.6", 2005.6, "point"),
    ("Exports rose by 3 percent but imports fell by 2.", "2", 2, "%"),
    ("The driver was jailed for 12 years, while his partner was jailed for 9.", "9", 9, "year"),
])
def test_units_carried_from_a_sibling_parallel_clause(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


@pytest.mark.parametrize("text, surface", [
    ("Shares rose to $5, while the index fell to 1,200.", "1,200"),  # not one order of magnitude
    ("The fee is 40 cents, while the queue is 30 people long.", "30"),  # a noun of its own
])
def test_units_carried_from_a_sibling_parallel_clause_needs_a_bare_figure_of_one_magnitude(nlp, text, surface):
    found = figures(nlp, text)
    assert surface in found and found[surface].unit is None, (surface, found.get(surface) and found[surface].unit)


def test_units_carried_from_a_sibling_parallel_conversion(nlp):
    text = "It sells for 3,100,000 YEN ($21,000) with a manual and 3,050,000 ($20,600) with the automatic."
    check(nlp, text, "3,050,000", 3050000, "JPY")


@pytest.mark.parametrize("text, surface, unit", [
    ("Economy improved from about 20-22 mpg to 31 for vans.", "31", "mile/gallon"),
    ("Output rose from 5 tons to 7 on Monday.", "7", "t"),
])
def test_units_carried_from_a_sibling_from_to(nlp, text, surface, unit):
    check(nlp, text, surface, unit=unit)


def test_units_carried_from_a_sibling_not_into_a_name_or_a_list_of_another_magnitude(nlp):
    found = figures(nlp, "She shot 51% from the field and 38% from three-point range.")
    assert "three" not in found or found["three"].unit != "%"
    found = figures(nlp, "The index will end the year at 12,480, 14 per cent above its level.")
    assert found["12,480"].unit is None


@pytest.mark.parametrize("text, surface, unit", [
    ("Crude slid from $82 U.S. per barrel to $61 in March.", "$61", "USD/barrel"),
    ("Gas went from $3 a gallon to $4 in a year.", "$3 a gallon", "USD/gallon"),
    ("Gas went from $3 a gallon to $4 in a year.", "$4", "USD/gallon"),
])
def test_rates_denominator_carried_to_the_other_end_of_a_pair(nlp, text, surface, unit):
    check(nlp, text, surface, unit=unit)


def test_rates_denominator_not_carried_to_another_magnitude(nlp):
    check(nlp, "Oil was $70 a barrel and $5 billion in sales.", "$5 billion", 5e9, "USD")


@pytest.mark.parametrize("text, surface, unit", [
    ("The taxi fare cost 90 kn from the airport.", "90 kn", "HRK"),
    ("Winds of 35 kn hit the coast.", "35 kn", "knot"),
])
def test_currencies_a_currency_that_is_also_a_unit(nlp, text, surface, unit):
    check(nlp, text, surface, unit=unit)
