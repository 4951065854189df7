"""The change slot's error classes of issue 12, fifth round: what a second, independent writer's made-up probes
still failed. A new level after 'to a record' with no level noun ('to a record $5.6 billion'); verbs of direction
the lexicon lacked ('recovered to', 'cooled to'); a creeping verb's particle before 'to' ('edged up to $27.10',
'ticked up to 4.2%'), which is the change's direction and not the bound 'up to'; particle verbs that take a share
of something ('eat up two-thirds', 'snapped up 40%'), which state no direction. One table per class, with the
rows that must stay beside it; through the real pipeline."""
import pytest
from change_checks import DOWN_DELTA, DOWN_NEW, UP_DELTA, change_of

import newsclaims

UP_NEW = {"direction": "up", "role": "new"}


@pytest.mark.parametrize("text, surface, change", [
    ("Exports surged 14% to a record $5.6 billion.", "$5.6 billion", UP_NEW),
    ("Imports fell 9% to a fresh 1.2 million tonnes.", "1.2 million tonnes", DOWN_NEW),
    ("Sales climbed to an all-time 48,000 units.", "48,000", UP_NEW),
    ("Exports surged 14% to a record $5.6 billion.", "14%", UP_DELTA),
    ("Profit rose to a record high of $2 billion.", "$2 billion", UP_NEW),
])
def test_to_a_record_level_is_the_new_level(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("Output recovered to 9.1 million barrels a day.", "9.1 million barrels a day", UP_NEW),
    ("Shares recovered 4% on Friday.", "4%", UP_DELTA),
    ("Inflation cooled to 2.6% in October.", "2.6%", DOWN_NEW),
    ("Core prices cooled 0.3% last month.", "0.3%", DOWN_DELTA),
    # money taken back is a level, and 'cool' as an adjective states nothing
    ("Regulators recovered $12 million from the fund.", "$12 million", None),
    ("She made a cool $3 million on the deal.", "$3 million", None),
])
def test_recover_and_cool_state_a_direction(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, change", [
    ("Silver edged up to $27.10 an ounce.", "$27.10 an ounce", UP_NEW),
    ("The jobless rate ticked up to 4.2% in May.", "4.2%", UP_NEW),
    ("Mortgage rates crept up to 7.1% this week.", "7.1%", UP_NEW),
    ("The index inched up to 5,210 on Friday.", "5,210", UP_NEW),
])
def test_a_creeping_verb_up_to_is_the_new_level(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change


@pytest.mark.parametrize("text, surface, bound", [
    ("Silver edged up to $27.10 an ounce.", "$27.10 an ounce", "="),
    ("The jobless rate ticked up to 4.2% in May.", "4.2%", "="),
    # 'up to' after other words is still the bound 'at most'
    ("The fund may lend up to $5 billion.", "$5 billion", "<="),
    ("Fares could rise by up to 10%.", "10%", "<="),
    ("The plant will employ up to 300 people.", "300", "<="),
])
def test_up_to_after_a_creeping_verb_is_no_bound(nlp, text, surface, bound):
    found = {c.text: c for c in newsclaims.extract(text, published="2024-05-02", nlp=nlp)}
    assert surface in found, list(found)
    assert found[surface].bound == bound


@pytest.mark.parametrize("text, surface, change", [
    ("Rents eat up two-thirds of their income.", "two-thirds", None),
    ("Investors snapped up 40% of the shares.", "40%", None),
    ("Fees soak up 12% of returns.", "12%", None),
    ("The deal frees up $2 billion for buybacks.", "$2 billion", None),
    # 'up' as the direction itself still states the change
    ("Sales were up 4% in May.", "4%", UP_DELTA),
    ("The index moved up 2% on Friday.", "2%", UP_DELTA),
])
def test_a_particle_verb_that_takes_a_share_states_no_direction(nlp, text, surface, change):
    assert change_of(nlp, text, surface) == change
