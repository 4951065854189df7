"""Issue 12's seventh pass: bounds (a conversion bounded as its figure, 'just under', 'an average of', deadlines,
bounds written after the figure), figures the guidelines count (running counts and streaks of ordinals, ages
beyond calendar dates, 'only one of', decimal commas) and classes they do not (class thresholds, coordinates,
speaker labels, bare enumerators, rank moves, the set an ordinal picks from, paired 'ago' offsets, a unit
definition's base, capitalised labels, ages reached, 'over N years' frames, figures after 'these'/'those'),
one table per class, each with the cases that must stay beside it; through the real pipeline, made-up sentences."""
import pytest
from quantity_helpers import bound_of, check, figures


@pytest.mark.parametrize("text, surface, bound", [
    ("The birds can fly more than 200 kilometers (124 miles) a day.", "124 miles", ">"),
    ("The motor gives just under 150 hp (112 kW) at full load.", "112 kW", "<"),
    ("The lake lies about 40 km (25 mi) east of the capital.", "25 mi", "~"),
    ("The fund holds more than 9 million Swiss francs (US $10 million) in cash.", "US $10 million", ">"),
    ("The beams failed at less than 50 ksi (345 MPa).", "345 MPa", "<"),
])
def test_a_bracketed_conversion_takes_its_figures_bound(nlp, text, surface, bound):
    assert bound_of(nlp, text, surface) == bound


@pytest.mark.parametrize("text, surface, bound", [
    ("Roughly one-third (31.5%) of the voters stayed home.", "31.5%", "="),  # the exact share, not a conversion
    ("The plot measures about 2 hectares (4.9 acres, as surveyed at 5.1 acres).", "4.9 acres", "~"),
    ("It is nearly 12 km (about 7 miles) long.", "7 miles", "~"),
    ("Exports rose by about 4 percent (7 billion dollars).", "7 billion dollars", "="),  # another measure, not a conversion
])
def test_a_conversion_keeps_its_own_bound_and_a_share_is_no_conversion(nlp, text, surface, bound):
    assert bound_of(nlp, text, surface) == bound


@pytest.mark.parametrize("text, surface, bound", [
    ("Card payments made up just under 30 percent of spending.", "30 percent", "<"),
    ("The vote drew just over 60 percent of those eligible.", "60 percent", ">"),
    ("Fares will rise by an average of 40 cents.", "40 cents", "="),  # an average is as exact as any figure
    ("Houses sold in an average of 35 days.", "35 days", "="),
    ("The quake killed 10 or more people.", "10", ">="),  # a bound written after the figure
    ("The town has 500 or so homes.", "500", "~"),
])
def test_bound_words(nlp, text, surface, bound):
    assert bound_of(nlp, text, surface) == bound


@pytest.mark.parametrize("text, surface, bound", [
    ("The city hopes to match that within 15 years.", "15 years", "<="),
    ("The ministry has been given three weeks to reply.", "three weeks", "<="),
    ("Tenants have 30 days in which to appeal.", "30 days", "<="),
    ("She worked there for five years.", "five years", "="),
])
def test_a_deadline_that_is_the_fact_is_an_upper_bound(nlp, text, surface, bound):
    assert bound_of(nlp, text, surface) == bound


@pytest.mark.parametrize("text, surface, value, unit", [
    ("For the second time in three weeks, the river flooded the valley.", "second time", 2, None),
    ("The probe will land on the moon for the third time ever.", "third time", 3, None),
    ("For the fourth year, the guide names the inn the best in the county.", "fourth year", 4, "year"),
    ("It was the second year that schools had to report the data.", "second year", 2, "year"),
    ("Prices fell for the fifth day as buyers stayed away.", "fifth day", 5, "day"),
])
def test_ordinals_that_count_repeated_occurrences_are_claims(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


@pytest.mark.parametrize("text", [
    "Snow fell in the city for the first time in years.",  # novelty, not a quantity
    "In the second year of the plan, the county paved the roads.",  # a position
    "Profits grew in the third quarter.",
])
def test_ordinals_that_name_a_position_stay_out(nlp, text):
    assert not any("first" in s or "second" in s or "third" in s for s in figures(nlp, text))


@pytest.mark.parametrize("text, surface, value", [
    ("The fossil shows it lived 300 million years ago.", "300 million years", 3e8),
    ("The crater formed about 2 billion years ago.", "2 billion years", 2e9),
])
def test_ages_beyond_calendar_dates_are_claims(nlp, text, surface, value):
    check(nlp, text, surface, value, "year")


@pytest.mark.parametrize("text", ["The mill closed 15 years ago.", "Few would say they used less than 10 or 20 years ago."])
def test_dating_offsets_stay_out_also_in_pairs(nlp, text):
    assert not figures(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("Only one of the bridges this year needed repairs.", "one"),
    ("The blast hit the market, killing one and injuring four.", "one"),
])
def test_one_as_a_count_without_a_noun(nlp, text, surface):
    check(nlp, text, surface, 1, None)


@pytest.mark.parametrize("text", ["The mayor is one of the richest people in town.", "It is just one of those things.",
                                  "There is only one way out."])
def test_one_as_a_pronoun_or_article_stays_out(nlp, text):
    assert "one" not in figures(nlp, text)


@pytest.mark.parametrize("text, surface, value", [
    ("The Greens won 12 seats with 18,4% of the votes.", "18,4%", 18.4),
    ("The party took 31,25 percent in the south.", "31,25 percent", 31.25),
])
def test_a_decimal_comma_is_the_decimal_point(nlp, text, surface, value):
    check(nlp, text, surface, value, "%")


def test_a_thousands_comma_stays_a_thousands_comma(nlp):
    check(nlp, "The firm hired 1,250 workers.", "1,250", 1250, None)


@pytest.mark.parametrize("text, surface", [
    ("The agency counted 812 magnitude 4 or higher aftershocks.", "4"),
    ("There is a 10% chance of two or more aftershocks larger than magnitude 6 this year.", "6"),
    ("Solar farms (5 megawatts or greater capacity) doubled in number.", "5 megawatts"),
    ("The state had 40 storms where losses reached or exceeded $5 million.", "$5 million"),
])
def test_class_thresholds_are_not_claims(nlp, text, surface):
    found = figures(nlp, text)
    assert surface not in found, list(found)
    assert found, "the figure the threshold delimits stays"


@pytest.mark.parametrize("text, surface", [
    ("The fire killed 12 or more people.", "12"),
    ("The quake measured magnitude 5.8 near the coast.", "5.8"),
])
def test_bounded_counts_and_magnitudes_stay(nlp, text, surface):
    assert surface in figures(nlp, text)


@pytest.mark.parametrize("text, surfaces", [
    ("The photo shows a spot at 41.2 degrees north, 73.5 degrees west.", ("41.2 degrees", "73.5 degrees")),
    ("VOICE ONE:\nWelcome to the program.", ("ONE",)),
    ("There are two risks: 1) costs rise; and 2) demand falls.", ("1", "2")),
    ("The city is up three places from last year.", ("three",)),
    ("It was the first of two probes to reach the planet.", ("two",)),
    ("One pallet weighs about 25 kilograms.", ("One pallet", "One")),
    ("One study followed the patients for a year.", ("One",)),
    ("The rule follows FERC Order 912 on storage.", ("912",)),
    ("Teens who swim are less likely to drink until they reach the age of eighteen.", ("eighteen",)),
    ("During those 14 months, prices doubled.", ("14 months",)),
    ("The carrier flies its 747-400 jets to Asia.", ("747-400",)),
])
def test_figures_the_guidelines_do_not_count(nlp, text, surfaces):
    found = figures(nlp, text)
    assert not set(surfaces) & set(found), list(found)


@pytest.mark.parametrize("text, surface", [
    ("The pallet weighs about 25 kilograms.", "25 kilograms"),  # the definition's measure stays
    ("The group has its two plants in Ohio.", "two"),  # a possessive, not a pointer back
    ("It was the first of a dozen flights to the station.", "a dozen"),  # 'a dozen' introduces the set
    ("Airlines order 30 jets in May.", "30"),  # 'order' as a verb is no label
    ("Hiring grew by 42,300 positions in June.", "42,300"),  # jobs, not a move in a ranking
    ("The ramp angle is 28.5 degrees, while the slope is 12 degrees.", "28.5 degrees"),  # no coordinate
    ("Half of those tested were at 30 or above on the scale.", "30"),  # its own bound, no class noun after it
    ("The plan falls short in just one area.", "one"),  # 'one' mid-sentence counts
    ("The airline will buy 100-150 jets.", "100-150"),  # a count range has round ends, no model variant
])
def test_neighbours_of_those_classes_stay(nlp, text, surface):
    assert surface in figures(nlp, text), list(figures(nlp, text))


@pytest.mark.parametrize("text, surface", [
    ("The bank will take a $7 billion charge over three years.", "three years"),
])
def test_over_n_years_frames_an_earlier_figure(nlp, text, surface):
    found = figures(nlp, text)
    assert surface not in found and found, list(found)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Traffic in the west reached 42 billion VMT in May.", "42 billion VMT", 4.2e10, "mi"),
    ("The plant cut emissions by 20 million lbs. per year.", "20 million lbs. per year", 2e7, "lb/year"),
])
def test_units_vehicle_miles_and_an_abbreviation_before_per(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


@pytest.mark.parametrize("text, surface", [
    ("The decade had four years with 12 or more named storms.", "12"),
    ("The league had 6 years in which 20 or more teams entered.", "20"),
    ("The trial enrolled 50 adults who walked at least 5 kilometers a day.", "5 kilometers a day"),
])
def test_thresholds_of_a_class_in_a_clause_are_not_claims(nlp, text, surface):
    found = figures(nlp, text)
    assert surface not in found and found, list(found)


def test_a_bound_in_a_clause_about_one_named_person_stays(nlp):
    assert figures(nlp, "Jones, who earned more than $3 million, retired.")["$3 million"].bound == ">"


@pytest.mark.parametrize("text, value, bound", [
    ("For every 50 loans, at least 4 go unpaid.", 8.0, ">="),
    ("Out of every 20 seeds, 15 sprout.", 75.0, "="),
])
def test_a_share_written_base_first_is_one_percent_claim(nlp, text, value, bound):
    claims = list(figures(nlp, text).values())
    assert len(claims) == 1 and claims[0].unit == "%" and claims[0].bound == bound
    assert claims[0].value == pytest.approx(value)


@pytest.mark.parametrize("text, surface, value, bound", [
    ("The mill could more than double its output with new looms.", "double", 2, ">"),
    ("Fares nearly triple at holiday time.", "triple", 3, "~"),
])
def test_double_and_triple_after_a_bound_word_are_multiples(nlp, text, surface, value, bound):
    claim = check(nlp, text, surface, value, "x")[surface]
    assert claim.bound == bound


def test_double_as_an_adjective_stays_out(nlp):
    assert not figures(nlp, "The inn has a double room free.")


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Spot gas sold for $2.91 per million British thermal units.", "$2.91 per million British thermal units", 2.91, "USD/MMBtu"),
    ("The region logged 512 heating degree days in March.", "512 heating degree days", 512, "degF*day"),
    ("Growers shipped nine million bales of cotton.", "nine million", 9e6, None),  # bales are counted, unit null
    ("Large eggs were $2.45 per dozen.", "$2.45 per dozen", 2.45, "USD/dozen"),
    ("Farm stands sold eggs at $4 a dozen.", "$4 a dozen", 4, "USD/dozen"),
])
def test_units_the_corpus_guidelines_name(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


def test_a_rate_denominator_is_no_figure_of_its_own(nlp):
    assert list(figures(nlp, "Farm stands sold eggs at $4 a dozen.")) == ["$4 a dozen"]


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Gasoline rose 5 cents to $2.90 a gallon.", "5 cents", 0.05, "USD/gallon"),
    ("Spot gas fell 12 cents to $2.40 per MMBtu.", "12 cents", 0.12, "USD/MMBtu"),
])
def test_a_price_change_takes_the_price_unit(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


def test_a_change_larger_than_the_level_is_no_price_change(nlp):
    check(nlp, "Sales rose $5 million to $3 a share.", "$5 million", 5e6, "USD")
