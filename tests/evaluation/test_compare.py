"""Table tests of each slot comparison."""
from __future__ import annotations

import pytest

from newsclaims.evaluation import compare as C
from newsclaims.evaluation.scoring import claim_kind


def q(value=None, unit=None, low=None, high=None, **extra):
    return {"value": value, "unit": unit, "low": low, "high": high, **extra}


@pytest.mark.parametrize("gold, pred, expected", [
    (q(45000, "t"), q(45000, "t"), True),
    (q(45000, "t"), q(45000.00001, "t"), True),          # within relative 1e-6
    (q(45000, "t"), q(45001, "t"), False),
    (q(5e9, "USD"), q("5000000000", "USD"), True),        # numeric strings are numbers
    (q(50, "%"), q(0.5, "x"), True),                      # fraction rule
    (q(0.5, "x"), q(50, "%"), True),                      # ... and the other way round
    (q(100 / 3, "%"), q(1 / 3, "x"), True),
    (q(50, "%"), q(0.5, None), False),                    # only % <-> x
    (q(50, "%"), q(0.5, "%"), False),
    (q(None, "GW", 5, 7), q(None, "GW", 5, 7), True),     # range by both ends
    (q(None, "GW", 5, 7), q(None, "GW", 5, 8), False),
    (q(None, "GW", 5, 7), q(6, "GW"), False),             # an averaged range is another number
    (q(6, "GW"), q(None, "GW", 5, 7), False),
    (q(None, "%", 5, 7), q(None, "x", 0.05, 0.07), True),
    (q(7), q(None), False),                               # no predicted value
    (q(0), q(0), True),
])
def test_value_match(gold, pred, expected):
    assert C.value_match(gold, pred) is expected


@pytest.mark.parametrize("a, b, expected", [
    ("t", "tonne", True), ("t", "metric_ton", True), ("t", "metric ton", True), ("tons", "t", True),
    ("GW", "gigawatt", True), ("MW", "megawatts", True), ("barrel/day", "bbl/d", True),
    ("barrel/day", "barrels per day", True), ("USD", "$", True), ("USD", "dollar", True), ("US$", "USD", True),
    ("EUR", "€", True), ("%", "percent", True), ("%", "pct", True), ("pp", "percentage point", True),
    ("x", "times", True), (None, None, True), (None, "dimensionless", True), ("USD/barrel", "$/bbl", True),
    ("USD/MMBtu", "$/MMBtu", True), ("USD/bale", "$/bale", True), ("1/day", "1 / day", True),
    ("km", "kilometre", True), ("degF", "degree_Fahrenheit", True),
    # different meanings
    ("%", "pp", False), ("%", "x", False), ("t", "short_ton", False), ("MW", "mW", False),
    ("USD", "EUR", False), ("degF", "delta_degF", False), ("kg", "t", False), (None, "%", False),
    ("year", "month", False), ("USD/barrel", "USD", False), ("bp", "pp", False), ("bale", "bushel", False),
])
def test_units_equal(a, b, expected):
    assert C.units_equal(a, b) is expected
    assert C.units_equal(b, a) is expected


@pytest.mark.parametrize("gold, pred, expected", [
    (q(50, "%"), q(0.5, "x"), True),     # the fraction rule makes x the same unit here
    (q(3, "x"), q(3, "%"), False),       # ...but not when the numbers disagree
    (q(45000, "t"), q(1, "tonnes"), True),
    (q(20), q(20, None), True),          # a plain count: null = null
])
def test_unit_match(gold, pred, expected):
    assert C.unit_match(gold, pred) is expected


@pytest.mark.parametrize("g, p, expected", [("=", "=", True), ("~", "~", True), ("~", "=", False),
                                             (">", ">=", False), ("=", None, False)])
def test_bound_match(g, p, expected):
    assert C.bound_match({"bound": g}, {"bound": p}) is expected


UP_NEW = {"direction": "up", "role": "new"}


@pytest.mark.parametrize("g, p, expected", [
    (None, None, True), (UP_NEW, dict(UP_NEW), True), (UP_NEW, {"direction": "up", "role": "delta"}, False),
    (UP_NEW, {"direction": "down", "role": "new"}, False), (None, UP_NEW, False), (UP_NEW, None, False),
    ({"direction": None, "role": "delta"}, {"direction": None, "role": "delta"}, True),
])
def test_change_match(g, p, expected):
    assert C.change_match({"change": g}, {"change": p}) is expected


@pytest.mark.parametrize("g, p, expected", [
    ("2024", "2024", True), ("2024-10", "2024-10-01/2024-10-31", True), ("2024", "2024-01/2024-12", True),
    ("2024-1", "2024-01", True), ("2024-04/2024-06", "2024-Q2", True), ("2025-10-30", "2025-10-30T00:00:00", True),
    ("2020/2023", "2020/2023", True), (None, None, True), ("FY2008", "fy2008", True),
    ("2024", "2023", False), ("2020/2023", "2020", False), (None, "2024", False), ("2024", None, False),
    ("2024-10", "2024-10-01", False), ("2007-10/2008-09", "2008", False),
])
def test_date_match(g, p, expected):
    assert C.date_match({"date": g}, {"date": p}) is expected


@pytest.mark.parametrize("g, p, expected", [
    ("U.S.", "US", True), ("U.S.", "United States", True), ("U.S.", "the United States", True),
    ("US", "America", True), ("U.S.", "U.S. mines", True), ("U.S. mines", "US mines", True),
    ("the Pentagon", "Pentagon", True), ("Pentagon", "Department of Defense", True),
    ("MP Materials", "mp materials", True), ("China's", "China", True), ("USGS", "U.S. Geological Survey", True),
    (None, None, True), ("", None, True),
    ("China", "U.S.", False), ("US", "business", False), (None, "China", False), ("China", None, False),
    ("MP Materials", "Lynas", False),
])
def test_name_match(g, p, expected):
    assert C.name_match(g, p) is expected
    assert C.who_match({"who": g}, {"who": p}) is expected
    assert C.source_match({"source": g}, {"source": p}) is expected


@pytest.mark.parametrize("g, p, expected", [
    (["rare", "earth", "ore"], ["rare", "earth", "ore"], 1.0),
    (["a", "b", "c", "d"], ["a", "b"], 2 * 1.0 * 0.5 / 1.5),
    (["a", "a", "b"], ["a", "b", "b"], 2 / 3),   # multisets, not sets
    (["a"], ["b"], 0.0),
])
def test_token_f1(g, p, expected):
    assert C.token_f1(g, p) == pytest.approx(expected)


@pytest.mark.parametrize("g, p, at_least, below", [
    ("copper ore production", "production of copper ores", 1.0, None),   # lemmas, any order
    ("share of Dutch copper imports", "copper imports", 0.5, 1.0),
    ("tariff on Chinese imports", "solar cell production capacity", None, 0.5),
    (None, None, 1.0, None),
    ("tariff", None, None, 0.5),
])
def test_what_f1_with_spacy_lemmas(comparators, g, p, at_least, below):
    f1 = C.what_f1(g, p, comparators.lemmatize)
    if at_least is not None:
        assert f1 >= at_least
    if below is not None:
        assert f1 < below


def test_lemmatizer_is_loaded_once():
    assert C.load_lemmatizer() is C.load_lemmatizer()
    assert C.load_aliases() is C.load_aliases()


@pytest.mark.parametrize("claim, kind", [
    (q(20), "count"), (q(5e9, "USD"), "money"), (q(3.2, "USD/barrel"), "money"), (q(15, "%"), "percentage"),
    (q(2, "pp"), "percentage"), (q(6, "x"), "ratio"), (q(10, "year"), "duration"), (q(45000, "t"), "physical"),
    (q(3, "barrel/day"), "physical"), (q(None, "GW", 5, 7), "range"),
    (q(6, "%", change={"direction": "up", "role": "delta"}), "change"),
    (q(55431, "t", change={"direction": "up", "role": "new"}), "physical"),   # the new level of a change
])
def test_claim_kind(claim, kind):
    assert claim_kind(claim) == kind
