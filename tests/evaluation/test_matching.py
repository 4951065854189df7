"""Anchoring predicted claims to gold claims by overlapping quantity span."""
from __future__ import annotations

import pytest

from newsclaims.evaluation.matching import align, overlap, span_of


def c(start, end):
    return {"span": [start, end]}


@pytest.mark.parametrize("a, b, expected", [((0, 5), (3, 8), 2), ((0, 5), (5, 8), 0), ((2, 4), (0, 10), 2),
                                            (None, (0, 1), 0)])
def test_overlap(a, b, expected):
    assert overlap(a, b) == expected


@pytest.mark.parametrize("claim, expected", [(c(3, 8), (3, 8)), ({"span": None}, None), ({}, None),
                                             ({"span": [5, 5]}, None), ({"span": ["x", 2]}, None)])
def test_span_of(claim, expected):
    assert span_of(claim) == expected


def test_exact_spans_pair_up():
    a = align([c(0, 5), c(10, 15)], [c(10, 15), c(0, 5)])
    assert a.pairs == ((0, 1), (1, 0)) and a.missed == () and a.spurious == ()


def test_one_to_one_largest_overlap_first():
    # both predictions overlap gold 0; the one sharing more characters wins, the other is spurious
    a = align([c(10, 20)], [c(8, 12), c(11, 20)])
    assert a.pairs == ((0, 1),) and a.spurious == (0,)


def test_tie_goes_to_nearest_start():
    # prediction [10, 14) shares 2 characters with each gold claim; gold starting at 9 is nearer than 12
    a = align([c(9, 12), c(12, 20)], [c(10, 14)])
    assert a.pairs == ((0, 0),) and a.missed == (1,)


def test_a_wide_prediction_anchors_only_once():
    # "20% to 10%" predicted as one mention: it anchors one gold claim, the other is missed
    a = align([c(0, 3), c(7, 10)], [c(0, 10)])
    assert a.pairs == ((0, 0),) and a.missed == (1,) and a.spurious == ()


def test_claims_without_span_never_anchor():
    a = align([c(0, 5)], [{"span": None}, {"value": 3}])
    assert a.pairs == () and a.missed == (0,) and a.spurious == (0, 1)
