"""What classes of issue 11, third round: one table per class of what error, on made-up sentences. Each row
says what the proposer of the class must offer, or must not."""
import pytest

from newsclaims.slots import what_proposers as P


def _offered(what_frame_of, proposer, text, figure):
    frame, index = what_frame_of(text)
    return [c.value for c in proposer(frame, index(figure))]


# A duration the clause runs for, or a time ago, measures the time its event took or lies back: 'time' with the
# clause's subject, verb and object (and without the subject); a duration that is an object or counts a noun has
# no such what here.
@pytest.mark.parametrize("text, figure, expected", [
    ("For twelve years, the club has hosted a winter market.", "twelve years", "time club hosted winter market"),
    ("For twelve years, the club has hosted a winter market.", "twelve years", "time hosted winter market"),
    ("The first reefs formed 300 million years ago.", "300 million years", "time since first reefs formed"),
    ("The council wants to rebuild the pier within 3 years.", "3 years", "time council wants rebuild pier"),
    ("The council wants to rebuild the pier within 3 years.", "3 years", "time rebuild pier"),
])
def test_durations_take_the_time_of_their_clause(what_frame_of, text, figure, expected):
    assert expected in _offered(what_frame_of, P.duration_clause, text, figure)


@pytest.mark.parametrize("text, figure", [
    ("The club signed a 5-year lease on the hall.", "5-year"),
    ("The town grew by 300 people last year.", "300"),
    ("The judge gave him 4 years in prison.", "4 years"),
])
def test_figures_that_are_no_clause_duration_get_no_time_of_clause(what_frame_of, text, figure):
    assert _offered(what_frame_of, P.duration_clause, text, figure) == []


# A measure adjective names the measure and the noun it is said of ('height of the wall'); its measure, not
# 'time' or 'distance', leads the what, and a price 'as high as' some money has no height.
@pytest.mark.parametrize("text, figure, expected", [
    ("The new fence is 3 meters high.", "3 meters", "height of new fence"),
    ("Forecasters expect swells as high as 5 meters near the bay.", "5 meters", "height of swells"),
    ("The tunnel will be 12 kilometers long.", "12 kilometers", "length of tunnel"),
])
def test_measure_adjectives_say_what_they_measure(what_frame_of, text, figure, expected):
    assert expected in _offered(what_frame_of, P.measure_adjective, text, figure)


@pytest.mark.parametrize("text, figure", [
    ("Ticket prices were as high as 90 dollars.", "90 dollars"),
])
def test_money_as_high_as_has_no_height(what_frame_of, text, figure):
    assert _offered(what_frame_of, P.measure_adjective, text, figure) == []


@pytest.mark.parametrize("text, figure", [
    ("The farmer retired when he was 81 years old.", "81 years"),
    ("The dog was barely 2 years old.", "2 years"),
])
def test_an_age_is_not_a_time(what_frame_of, text, figure):
    offered = _offered(what_frame_of, P.verb_tail, text, figure)
    assert not any(v.startswith("time") for v in offered)
    assert "age" in _offered(what_frame_of, P.measure_adjective, text, figure)


# The counted things with what was done to them and by what, noun first: an active clause's subject (through a
# relative pronoun to its noun) or a passive's 'by' phrase; no such what for a level verb, a pronoun doer or an
# intransitive clause.
@pytest.mark.parametrize("text, figure, expected", [
    ("The hailstorm destroyed 40 older barns in the county.", "40", ["older barns destroyed by hailstorm"]),
    ("Strong winds, which toppled 300 trees overnight, eased by noon.", "300", ["trees toppled by Strong winds"]),
    ("About 70 cars were damaged by falling ice.", "70", ["cars damaged by falling ice"]),
    ("The museum had 90 paintings.", "90", []),
    ("It destroyed 40 barns.", "40 barns", []),
    ("Some 25 workers left the plant.", "25", []),
])
def test_counted_things_take_the_doer(what_frame_of, text, figure, expected):
    assert _offered(what_frame_of, P.by_agent, text, figure) == expected


# A figure said of a pronoun, of 'that number' or 'of them' measures what an earlier figure measured: that figure's
# what (with the change word for a delta); a figure of a named thing, or after figures that name nothing, has none.
@pytest.mark.parametrize("text, figure, expected", [
    ("Sales of bicycles reached 40,000 in 2022. It rose 9 percent last year.", "9 percent",
     {"Sales of bicycles", "increase in Sales of bicycles"}),
    ("The shelter took in 800 stray dogs in 2021. A year later, that number was 950.", "950", {"stray dogs"}),
    ("The valley has 6,000 farms; 2,000 of them grow only rice.", "2,000", {"farms"}),
])
def test_pronoun_figures_take_the_earlier_what(what_frame_of, text, figure, expected):
    assert expected <= set(_offered(what_frame_of, P.antecedent_what, text, figure))


@pytest.mark.parametrize("text, figure", [
    ("Sales of bicycles reached 40,000 in 2022. Sales of scooters rose 9 percent.", "9 percent"),
    ("It rose 9 percent last year.", "9 percent"),
])
def test_figures_of_named_things_point_back_to_nothing(what_frame_of, text, figure):
    assert _offered(what_frame_of, P.antecedent_what, text, figure) == []
