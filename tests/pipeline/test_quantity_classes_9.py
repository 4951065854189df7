"""Issue 12's ninth pass: real misses of the quantity grammar left after the NewsQuant change audit, by class; one
table per class, with the cases that must stay beside the new ones; through the real pipeline, made-up sentences."""
import pytest
from quantity_helpers import bound_of


@pytest.mark.parametrize("text, surface, bound", [
    ("The fund holds over than 40% of the shares.", "40%", ">"),
    ("The club has more than 900 members, including over than 60% of the town's doctors.", "60%", ">"),
    ("The fund holds over 40% of the shares.", "40%", ">"),
    ("The fund holds 40% of the shares, more than last year.", "40%", "="),
])
def test_over_than_is_more_than(nlp, text, surface, bound):
    assert bound_of(nlp, text, surface) == bound
