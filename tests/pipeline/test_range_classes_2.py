"""Issue 12, ranges (round 7): 'from X to Y' under a verb of movement is a change, two figures whose values give the
direction, while 'ranged/varied from', a present-tense span and the other range forms stay one range. Through the
real pipeline, made-up sentences."""
import pytest
from quantity_helpers import check, figures

UP_OLD, UP_NEW = {"direction": "up", "role": "old"}, {"direction": "up", "role": "new"}
DOWN_OLD, DOWN_NEW = {"direction": "down", "role": "old"}, {"direction": "down", "role": "new"}


@pytest.mark.parametrize("text, old, new, unit, change_old, change_new", [
    ("The price of a loaf went from $1 to $1.40 over the decade.", "$1", "$1.40", "USD", UP_OLD, UP_NEW),
    ("Bus fares have gone from £5 to £8 since the strike.", "£5", "£8", "GBP", UP_OLD, UP_NEW),
    ("The annual fee went up from $20 to $25.", "$20", "$25", "USD", UP_OLD, UP_NEW),
    ("Public debt moved from 40% to 60% of output.", "40%", "60%", "%", UP_OLD, UP_NEW),
    ("The top tax rate changed from 45% to 40% in April.", "45%", "40%", "%", DOWN_OLD, DOWN_NEW),
    ("The club's wage bill went from €90 million to €70 million.", "€90 million", "€70 million", "EUR", DOWN_OLD, DOWN_NEW),
])
def test_from_to_under_a_verb_of_movement_is_a_change(nlp, text, old, new, unit, change_old, change_new):
    found = figures(nlp, text)
    assert old in found and new in found, list(found)
    assert (found[old].unit, found[new].unit) == (unit, unit)
    assert (found[old].change, found[new].change) == (change_old, change_new)


@pytest.mark.parametrize("text, surface, low, high, unit", [
    ("Prices varied from $2 to $3 across the region.", "$2 to $3", 2, 3, "USD"),
    ("Fees range from $5 to $10 a month.", "$5 to $10 a month", 5, 10, "USD/month"),
    ("Salaries go from $40,000 to $90,000 depending on experience.", "$40,000 to $90,000", 40000, 90000, "USD"),
    ("Shares in the firm changed hands at $12 to $14.", "$12 to $14", 12, 14, "USD"),
    ("Tickets will cost between $25 and $40 each.", "$25 and $40", 25, 40, "USD"),
    ("The repairs will cost $3 million to $5 million.", "$3 million to $5 million", 3e6, 5e6, "USD"),
    ("The deal is worth $1.2bn-$1.5bn, bankers said.", "$1.2bn-$1.5bn", 1.2e9, 1.5e9, "USD"),
    ("The tower will be 300-350 metres tall.", "300-350 metres", 300, 350, "m"),
])
def test_ranges_stay_one_figure(nlp, text, surface, low, high, unit):
    check(nlp, text, surface, None, unit, low=low, high=high)


@pytest.mark.parametrize("text, surface, low, high", [
    ("Between 1m and 2m people could be affected.", "1m and 2m", 1e6, 2e6),
    ("Between 3bn and 4bn passengers fly each year.", "3bn and 4bn", 3e9, 4e9),
])
def test_abbreviated_scale_range_is_no_date(nlp, text, surface, low, high):
    check(nlp, text, surface, None, None, low=low, high=high)


@pytest.mark.parametrize("text, surface, value", [
    ("The wall is 3m high.", "3m", 3),
    ("A 4m-long python was found in the garden.", "4m", 4),
    ("Waves 6m tall hit the harbour.", "6m", 6),
    ("The crater is 30m across.", "30m", 30),
])
def test_glued_m_before_a_dimension_is_metres(nlp, text, surface, value):
    check(nlp, text, surface, value, "m")


@pytest.mark.parametrize("text, surface, value", [
    ("About 2m people live in the city.", "2m", 2e6),
    ("The club paid £45m for the striker.", "£45m", 45e6),
])
def test_glued_m_elsewhere_stays_million(nlp, text, surface, value):
    found = figures(nlp, text)
    assert surface in found, list(found)
    assert found[surface].value == pytest.approx(value)


@pytest.mark.parametrize("text, surface, change", [
    ("Parking fines rose to between $100 and $200.", "$100 and $200", UP_NEW),
    ("The base rate was cut to between 4% and 4.25%.", "4% and 4.25%", DOWN_NEW),
    ("Profits fell from between $2m and $3m to nothing.", "$2m and $3m", DOWN_OLD),
    ("The storm left between 200 and 300 homes without power.", "200 and 300", None),
])
def test_range_after_to_between_is_the_new_level(nlp, text, surface, change):
    found = figures(nlp, text)
    assert surface in found, list(found)
    assert found[surface].change == change

