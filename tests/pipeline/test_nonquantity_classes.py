"""Issue 12, not quantities (round 7): list markers that open a sentence, bare hours,
numbers inside capitalised names and race distances count nothing; the figures beside them stay. Through the real
pipeline, made-up sentences."""
import pytest
from quantity_helpers import check, figures


def _absent(nlp, text, surface):
    found = figures(nlp, text)
    assert surface not in found, f"{surface!r} is a claim in {list(found)}"


@pytest.mark.parametrize("text, surface", [
    ("1. Rents are rising. 2. Wages are flat.", "2"),
    ("Three things matter. 1. Costs are up. 2. Demand is down. 3. Stocks are high.", "3"),
    ("The memo lists two points. 1) Sales slowed. 2) Margins fell.", "2"),
])
def test_list_marker_opening_a_sentence(nlp, text, surface):
    _absent(nlp, text, surface)


@pytest.mark.parametrize("text, surface", [
    ("The hearing begins at 9:30 and ends at 11 on Friday.", "11"),
    ("Doors open at 7 and the concert starts at 8.", "7"),
    ("Doors open at 7 and the concert starts at 8.", "8"),
    ("Polling stations close at 10 tonight.", "10"),
    ("The ferry leaves at 6 and arrives at 9 in the morning.", "9"),
    ("Talks ran from 8 a.m. until 4 on Sunday.", "4"),
])
def test_bare_hour_of_day(nlp, text, surface):
    _absent(nlp, text, surface)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Shares opened at $8 and closed at $9.50.", "$8", 8, "USD"),
    ("The index closed at 4,512 points.", "4,512 points", 4512, "point"),
    ("The bus leaves at 7:15 and carries 40 passengers.", "40", 40, None),
    ("Doors open at 7, and 2,000 tickets have been sold.", "2,000", 2000, None),
])
def test_figures_beside_a_time_stay(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


@pytest.mark.parametrize("text, surface", [
    ("The Big Ten conference signed a new television deal.", "Ten"),
    ("The Fab Four played their last concert on a rooftop.", "Four"),
    ("Fans still talk about the Kick Six play at Auburn.", "Six"),
    ("She flew on Air Force One to the summit.", "One"),
])
def test_number_word_inside_a_capitalised_name(nlp, text, surface):
    _absent(nlp, text, surface)


@pytest.mark.parametrize("text, surface, value", [
    ("Police Arrest Three Men After Raid", "Three", 3),
    ("Two Norwegian climbers reached the summit.", "Two", 2),
    ("The relay team of four won gold.", "four", 4),
])
def test_capitalised_counts_stay(nlp, text, surface, value):
    check(nlp, text, surface, value, None)


@pytest.mark.parametrize("text, surface", [
    ("She won gold in the 100-metre final in Rome.", "100-metre"),
    ("He holds the record in the 400m hurdles.", "400m"),
    ("The 5,000 metres final was won by a Kenyan runner.", "5,000 metres"),
    ("Her time in the 200m freestyle was a national best.", "200m"),
])
def test_distance_naming_a_race(nlp, text, surface):
    _absent(nlp, text, surface)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("He ran the 100 metres in 9.58 seconds.", "9.58 seconds", 9.58, "second"),
    ("The marathon route is 42 km long.", "42 km", 42, "km"),
])
def test_race_times_and_lengths_stay(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


@pytest.mark.parametrize("text, surface", [
    ("Step 3: stir in the sugar.", "3"),
    ("The train to Leeds leaves from platform 9.", "9"),
    ("Passengers for the flight should go to terminal 2.", "2"),
])
def test_step_platform_terminal_labels(nlp, text, surface):
    _absent(nlp, text, surface)


@pytest.mark.parametrize("text, surface, value", [
    ("Two Norwegian climbers reached the summit.", "Two", 2),
    ("Three Republican senators voted against the bill.", "Three", 3),
    ("Intro line.\nFive Chinese firms were fined on Monday.", "Five", 5),
])
def test_spelled_count_opening_a_line_before_a_name_stays(nlp, text, surface, value):
    check(nlp, text, surface, value, None)


@pytest.mark.parametrize("text, surface", [
    ("Workers put more into their 401(k) plans this year.", "401"),
    ("The charity is a 501(c)(3) group.", "501"),
    ("The charity is a 501(c)(3) group.", "3"),
    ("The tablet runs iOS 18 out of the box.", "18"),
    ("Older handsets still run Android 12.", "12"),
    ("She was the No 2 seed at the Open.", "2"),
])
def test_codes_versions_and_seeds(nlp, text, surface):
    _absent(nlp, text, surface)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Only 3 (2%) of the firms replied.", "2%", 2, "%"),
    ("No 10 said 3 ministers would resign.", "3", 3, None),
    ("Android phones make up 70% of sales.", "70%", 70, "%"),
])
def test_figures_beside_codes_stay(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


def test_day_before_a_month_is_a_date_though_a_sibling_lends_it_a_unit(nlp):
    found = figures(nlp, "Interest is charged at 4 per cent a year from 1 March.")
    assert "1" not in found and "4 per cent a year" in found, list(found)
