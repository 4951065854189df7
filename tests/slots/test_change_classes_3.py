"""The change slot's error classes of issue 12 (third round, from the NewsQuant change audit), one table per class,
on made-up sentences run through the real pipeline. Each row names the figure and the change record the guidelines
give it."""
import pytest
from change_checks import DOWN_DELTA, UP_DELTA, change_of


@pytest.mark.parametrize("text, surface, change", [
    ("The center averaged 11.2 rebounds over the season.", "11.2", None),
    ("The central bank has made three increases since January.", "three", None),
    ("The carmaker announced 4,000 job cuts in Ohio.", "4,000", DOWN_DELTA),
    ("The club added 2,000 members last year.", "2,000", UP_DELTA),
])
def test_a_count_of_change_events_is_not_the_size_of_a_change(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("Last week the river was 3 feet higher than the average March level of the past century.", "3 feet", None),
    ("The harvest came in 8% below the 2015 average.", "8%", None),
    ("Rainfall was 2 inches above normal for April.", "2 inches", None),
    ("Fares were 6% above last year's average.", "6%", UP_DELTA),
    ("Sales were 9% higher than in March.", "9%", UP_DELTA),
])
def test_a_comparison_with_an_average_is_not_a_change_whatever_period_it_names(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("Water use was 1,280 gallons per day, compared to 1,340 gallons per day in 1990.", "1,280 gallons per day",
     {"direction": "down", "role": "new"}),
    ("Water use was 1,280 gallons per day, compared to 1,340 gallons per day in 1990.", "1,340 gallons per day",
     {"direction": "down", "role": "old"}),
    ("The fleet had 64 ferries, compared with 52 ferries a decade earlier.", "64", {"direction": "up", "role": "new"}),
    ("Among girls, 6.8% smoke, compared with 9% of boys.", "6.8%", None),
])
def test_a_level_compared_with_an_earlier_one_is_the_new_level(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("Only 14 ships were built this year, compared with yearly totals of 30 in 2001 and 41 in 2002.", "30", {"direction": "down", "role": "old"}),
    ("Only 14 ships were built this year, compared with yearly totals of 30 in 2001 and 41 in 2002.", "41", {"direction": "down", "role": "old"}),
    ("Only 14 ships were built this year, compared with yearly totals of 30 in 2001 and 41 in 2002.", "14", {"direction": "down", "role": "new"}),
])
def test_earlier_totals_listed_with_their_years_are_old_levels(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("The rider lost the lead 12km to the finish.", "12km", None),
    ("The champion lost his grip with three laps to go in the race.", "three", None),
    ("The firm cut 300 jobs to go lean.", "300", DOWN_DELTA),
    ("Sales rose 5% to the end of June.", "5%", UP_DELTA),
])
def test_what_is_left_of_a_distance_or_a_time_is_not_a_change(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change
