"""Issue 12's ninth pass: real misses of the quantity grammar left after the NewsQuant change audit, by class; one
table per class, with the cases that must stay beside the new ones; through the real pipeline, made-up sentences."""
import pytest
from quantity_helpers import bound_of, check


@pytest.mark.parametrize("text, surface, bound", [
    ("The fund holds over than 40% of the shares.", "40%", ">"),
    ("The club has more than 900 members, including over than 60% of the town's doctors.", "60%", ">"),
    ("The fund holds over 40% of the shares.", "40%", ">"),
    ("The fund holds 40% of the shares, more than last year.", "40%", "="),
])
def test_over_than_is_more_than(nlp, text, surface, bound):
    assert bound_of(nlp, text, surface) == bound


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Revenue rose to 5.2 million tons, up from last year's 4.8 million.", "4.8 million", 4.8e6, "t"),
    ("Output is 204 hp, down from the previous model's 212.", "212", 212, "hp"),
    ("The plant made 300 tonnes, a rise from the old plant's 250.", "250", 250, "t"),
    ("The team scored 98 points, compared with the rival's 87.", "87", 87, "point"),
    ("Revenue rose to 5.2 million tons, up from 4.8 million.", "4.8 million", 4.8e6, "t"),  # as before
    ("Members received 30 votes from the party's 120 delegates.", "120", 120, None),  # a count of its own noun
])
def test_a_baseline_named_by_its_owner_takes_the_level_s_unit(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)
