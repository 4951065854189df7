"""Issue 12's ninth pass: real misses of the quantity grammar left after the NewsQuant change audit, by class; one
table per class, with the cases that must stay beside the new ones; through the real pipeline, made-up sentences."""
import pytest
from quantity_helpers import bound_of, check, figures


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
    ("The index gained 98 points, compared with the rival index's 87.", "87", 87, "point"),
    ("Revenue rose to 5.2 million tons, up from 4.8 million.", "4.8 million", 4.8e6, "t"),  # as before
    ("Members received 30 votes from the party's 120 delegates.", "120", 120, None),  # a count of its own noun
])
def test_a_baseline_named_by_its_owner_takes_the_level_s_unit(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The engine makes 182 PS.", "182 PS", 182, "metric_horsepower"),
    ("The car has a 1.5 liter engine rated at 130 PS and 200 Nm.", "130 PS", 130, "metric_horsepower"),
    ("The unit draws 300PS at full load.", "300PS", 300, "metric_horsepower"),
    ("The museum has 12 ps on show.", "12", 12, None),  # lower case: no unit
])
def test_ps_is_metric_horsepower_in_its_own_case(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)


@pytest.mark.parametrize("text, surface, bound", [
    ("The engine produces just under 180 hp (134 kW / 182 PS) of power.", "182 PS", "<"),
    ("The engine produces just under 180 hp (134 kW / 182 PS) of power.", "134 kW", "<"),
    ("The engine makes more than 150 hp (152 PS).", "152 PS", ">"),
    ("The engine makes 150 hp (152 PS).", "152 PS", "="),
])
def test_a_conversion_into_metric_horsepower_takes_the_figure_s_bound(nlp, text, surface, bound):
    assert bound_of(nlp, text, surface) == bound


def _unit_text(nlp, text, surface):
    found = figures(nlp, text)
    assert surface in found, f"{surface!r} not in {list(found)}"
    return found[surface].unit_text


@pytest.mark.parametrize("text, surface, counted", [
    ("There are 5200 people who have lived here for a year and 3100 who have lived here longer.", "3100", "people"),
    ("Some 400 nurses who work nights and 300 who work days signed the letter.", "300", "nurses"),
    ("Now 68,000 people have waited one to two years and 95,000 who have waited over two years.", "95,000", None),
])
def test_a_bare_count_before_who_counts_what_its_sibling_written_the_same_way_counts(nlp, text, surface, counted):
    assert _unit_text(nlp, text, surface) == counted
