"""Change classes, round 7: an amount a storm drops ('dropped 10 inches of rain') is a level, no decrease, while a
figure that a down verb governs otherwise stays a decrease; 'from X to Y' under a verb of movement is old and new.
Through the real pipeline, made-up sentences."""
import pytest
from change_checks import DOWN_DELTA, change_of


@pytest.mark.parametrize("text, surface", [
    ("The storm dropped 10 inches of rain on the valley.", "10 inches"),
    ("The typhoon could drop up to 8 inches of rain in places.", "8 inches"),
    ("The blizzard dumped 2 feet of snow overnight.", "2 feet"),
    ("The front dropped 30 millimetres of rainfall on the hills.", "30 millimetres"),
])
def test_amount_a_storm_drops_is_no_decrease(nlp, text, surface):
    assert change_of(nlp, text, surface) is None


@pytest.mark.parametrize("text, surface", [
    ("Temperatures dropped 10 degrees overnight.", "10 degrees"),
    ("The reservoir level dropped 3 feet in a month.", "3 feet"),
])
def test_other_drops_stay_decreases(nlp, text, surface):
    assert change_of(nlp, text, surface) == DOWN_DELTA


@pytest.mark.parametrize("text, surface, change", [
    ("The price of a stamp went from 60 cents to 73 cents.", "73 cents", {"direction": "up", "role": "new"}),
    ("The club's debt went from $90 million to $70 million.", "$90 million", {"direction": "down", "role": "old"}),
])
def test_from_to_under_a_verb_of_movement(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change
