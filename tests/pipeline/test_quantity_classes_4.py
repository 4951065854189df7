"""Issue 12's error classes fixed in the fourth pass (ranges split, units carried from a sibling, glued units,
rates, shares), one table per class, through the real pipeline; made-up sentences."""
import pytest
from quantity_helpers import check, figures


@pytest.mark.parametrize("text, surface, low, high", [
    ("The bakery hired 300 to 400 workers last year.", "300 to 400", 300, 400),
    ("Some 20 to 30 new volunteers joined the club.", "20 to 30", 20, 30),
    ("The hall seats four thousand to five thousand people on a busy night.", "four thousand to five thousand", 4000, 5000),
    ("Officials expect 2,000 to 2,500 visitors on Sunday.", "2,000 to 2,500", 2000, 2500),
])
def test_ranges_split_bare_counts_joined_by_to(nlp, text, surface, low, high):
    check(nlp, text, surface, low=low, high=high)


@pytest.mark.parametrize("text, surfaces", [
    ("The council voted 6 to 3 in favour of the plan.", ("6", "3")),
    ("The visitors won 3 to 1 at home.", ("3", "1")),
])
def test_ranges_split_tallies_and_scores_stay_two_figures(nlp, text, surfaces):
    found = figures(nlp, text)
    assert all(s in found for s in surfaces), list(found)


@pytest.mark.parametrize("text, surface, value", [
    ("The firm is going from 1000 to 2000 hires this year.", "2000", 2000),
    ("The shop went from 500 to 1800 customers a week.", "1800", 1800),
])
def test_found_too_rarely_upper_end_of_a_count_pair_is_not_a_year(nlp, text, surface, value):
    assert surface in figures(nlp, text)


@pytest.mark.parametrize("text, surface, unit", [
    ("The tablet comes with a 7- or 8-inch screen.", "7", "inch"),
    ("Buyers choose four-, five- and six-litre engines.", "four", "liter"),
    ("Buyers choose four-, five- and six-litre engines.", "five", "liter"),
    # round 17: a suspended hyphen before 'to' makes one range, which carries the unit to both ends
    ("The 10- to 12-mile walk is hard.", "10- to 12-mile", "mi"),
])
def test_units_carried_from_a_sibling_suspended_hyphen(nlp, text, surface, unit):
    check(nlp, text, surface, unit=unit)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The studio's floor area is 42m2.", "42m2", 42, "m**2"),
    ("The park covers 4km\u00b2 in all.", "4km\u00b2", 4, "km**2"),
    ("The tank holds 30m3 of water.", "30m3", 30, "m**3"),
    ("The 2150sq m villa was sold.", "2150sq m", 2150, "m**2"),
    ("The 900sq ft flat was sold.", "900sq ft", 900, "ft**2"),
    ("The 52m (171ft) mast was raised.", "52m", 52, "m"),
])
def test_glued_units_area_volume_and_metres_beside_a_conversion(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The club earned \u00a35m (about $6m) last year.", "\u00a35m", 5e6, "GBP"),
    ("The fund has 45m savers.", "45m", 45e6, None),
])
def test_glued_units_m_without_a_length_conversion_stays_million(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


@pytest.mark.parametrize("text, surface, unit", [
    ("The port handles a 30,000 barrel-a-day pipeline.", "30,000 barrel-a-day", "barrel/day"),
    ("Farmers paid $300 (\u20ac270) an acre.", "$300", "USD/acre"),
    ("Farmers paid $300 (\u20ac270) an acre.", "\u20ac270", "EUR/acre"),
    ("The board offered C$6 (US$4.40) per share.", "C$6", "CAD/share"),
    ("It is a 9 billion shekels ($2.4 billion) a year trade.", "9 billion shekels", "ILS/year"),
])
def test_rates_denominator_hyphened_or_after_a_bracketed_conversion(nlp, text, surface, unit):
    check(nlp, text, surface, unit=unit)


@pytest.mark.parametrize("text, surface, unit", [
    ("Revenue was $5 billion (up 3%) a year earlier.", "$5 billion", "USD"),
    ("The founder (then 30) a year later sold the firm.", "30", None),
])
def test_rates_bracket_then_a_date_is_no_rate(nlp, text, surface, unit):
    found = figures(nlp, text)
    if surface in found:
        assert found[surface].unit == unit, found[surface].unit


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Add 1\u20442 cup of milk.", "1\u20442 cup", 0.5, "cup"),
    ("A teaspoon is 1\u204448 of a cup.", "1\u204448 of a cup", 1 / 48, "cup"),  # a fraction of a unit: that much of it
])
def test_shares_fraction_slash_is_a_fraction(nlp, text, surface, value, unit):
    found = check(nlp, text, surface, value, unit)
    assert "48" not in found and "2" not in found


@pytest.mark.parametrize("text, surface, unit", [
    ("The clinic sees 40 patients a day.", "40", "1/day"),
    ("Health officials logged eight thousand cases per week in May.", "eight thousand", "1/week"),
    ("There are 12 million births worldwide each year.", "12 million", "1/year"),
    ("The ward reported 300 to 350 admissions per month.", "300 to 350", "1/month"),
])
def test_rates_count_per_time_after_its_noun(nlp, text, surface, unit):
    check(nlp, text, surface, unit=unit)


@pytest.mark.parametrize("text, surface", [
    ("The maker sold 3,000 cars per dealer.", "3,000"),
    ("He hired 300 people a year after the merger.", "300"),
])
def test_rates_count_per_amount_or_a_dated_year_is_no_count_per_time(nlp, text, surface):
    check(nlp, text, surface, unit=None)


@pytest.mark.parametrize("text, surface, counted", [
    ("Buyers choose four-, five- and six-cylinder engine options.", "four", "cylinder"),
    ("Buyers choose four-, five- and six-cylinder engine options.", "five", "cylinder"),
    ("The town has two- and three-bedroom homes.", "two", "bedroom"),
])
def test_units_carried_from_a_sibling_suspended_hyphen_counted_noun(nlp, text, surface, counted):
    counted_by_text = {q["text"]: q.get("counted") for q in nlp(text)._.quantities}
    assert counted_by_text.get(surface) == counted, counted_by_text


@pytest.mark.parametrize("text, surface, unit", [
    ("The cell ran at 0.8 A/cm2 for an hour.", "0.8 A/cm2", "A/cm**2"),
    ("Sunlight delivered 340 W/m2 at noon.", "340 W/m2", "W/m**2"),
    ("The alloy weighs 2.7 g/cm3.", "2.7 g/cm3", "g/cm**3"),
    ("Soot reached 35 \u00b5g/m3 in May.", "35 \u00b5g/m3", "ug/m**3"),
])
def test_units_pint_knows_but_news_means_otherwise_short_symbol_before_a_slash(nlp, text, surface, unit):
    check(nlp, text, surface, unit=unit)


@pytest.mark.parametrize("text, surface", [
    ("The team ran 3 A/B tests this week.", "3"),
    ("Flat 4A was empty.", None),
])
def test_units_pint_knows_but_news_means_otherwise_letters_without_a_unit_slash(nlp, text, surface):
    found = figures(nlp, text)
    assert all(c.unit is None for c in found.values()), {k: c.unit for k, c in found.items()}


@pytest.mark.parametrize("text, surface", [
    ("The index lost 62.31 points, or 1.4%, to fall to 4,425.81.", "4,425.81"),
    ("The Dow rose 120 points, or 0.4%, to 33,100.", "33,100"),
    ("The benchmark shed 15 points, or 0.5%, to close at 2,950.", "2,950"),
])
def test_units_carried_from_a_sibling_index_level_after_points_and_percent(nlp, text, surface):
    check(nlp, text, surface, unit="point")


@pytest.mark.parametrize("text, surface", [
    ("Sales rose 5 points, or 2%, to 2019 levels.", "5 points"),
])
def test_units_carried_from_a_sibling_no_level_when_a_year_follows(nlp, text, surface):
    assert "2019" not in figures(nlp, text) or figures(nlp, text)["2019"].unit is None
