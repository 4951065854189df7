"""What classes of issue 11, sixth round: the duration class after the ranker learned every right wording. Made-up
sentences; each row says which candidate a proposer offers for the figure, or must not offer."""
import pytest

from newsclaims.slots.what_features import what_candidates


def _values(what_frame_of, text, figure):
    frame, index = what_frame_of(text)
    return [c.value for c in what_candidates(frame, index(figure))]


# The object of a level verb measures the verb's subject, so the verb with the figure's unit is no what of it:
# 'the hearing lasted 6 hours' is the hearing's length, not 'lasted hours'.
@pytest.mark.parametrize("text, figure, unwanted", [
    ("The hearing lasted 6 hours.", "6 hours", "lasted hours"),
    ("The strike lasted 12 days.", "12 days", "lasted days"),
])
def test_a_level_verb_with_the_unit_is_no_what(what_frame_of, text, figure, unwanted):
    assert unwanted not in _values(what_frame_of, text, figure)


# ... while an activity verb with the unit still is: 'rowers paddled 800 kilometers' -> 'paddled kilometers'.
@pytest.mark.parametrize("text, figure, wanted", [
    ("The rowers paddled 800 kilometers in the race.", "800 kilometers", "paddled kilometers"),
    ("Volunteer nurses worked 3,000 hours in the clinic.", "3,000 hours", "worked hours"),
])
def test_an_activity_verb_with_the_unit_is_a_what(what_frame_of, text, figure, wanted):
    assert wanted in _values(what_frame_of, text, figure)


# A verb whose clause goes on only to say when ('last month', 'on Friday', 'in 2020') is not stitched to that date:
# the date is the date slot's. A period the figure runs over ('since 2019') is kept, as the guidelines do.
@pytest.mark.parametrize("text, figure, unwanted", [
    ("Volunteers drove 9,000 miles last month.", "9,000 miles", "drove last month"),
    ("Volunteers drove 9,000 miles last month.", "9,000 miles", "distance drove last month"),
    ("The crews worked 400 hours on Friday.", "400 hours", "time worked on Friday"),
])
def test_a_verb_tail_that_only_dates_the_figure_is_not_offered(what_frame_of, text, figure, unwanted):
    assert unwanted not in _values(what_frame_of, text, figure)


def test_a_verb_tail_over_a_period_is_kept(what_frame_of):
    values = _values(what_frame_of, "The club's volunteers have logged 5,000 hours since 2019.", "5,000 hours")
    assert any("since 2019" in (v or "") for v in values), values


# A figure hyphened to a measure adjective ('a 52-year-old farmer') is an adjective of its noun: what the noun's clause
# goes on to say is no what of the figure, and the adjective names the measure (the guidelines' 'age').
@pytest.mark.parametrize("text, figure", [
    ("A 52-year-old farmer was arrested on Monday.", "52-year"),
    ("Police questioned a 17-year-old cyclist after the crash.", "17-year"),
])
def test_a_hyphened_age_has_no_clause_tail(what_frame_of, text, figure):
    frame, index = what_frame_of(text)
    candidates = what_candidates(frame, index(figure))
    assert not any(c.proposer in ("tail", "verb_tail") for c in candidates), [(c.proposer, c.value) for c in candidates]
    assert any(c.value and c.value.startswith("age") for c in candidates)
