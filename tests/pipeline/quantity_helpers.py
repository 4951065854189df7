"""What the quantity-class tables share: the claims of a text by surface, and one figure checked against a row."""
import math

import pytest

import newsclaims

PUB = "2025-11-04"


def figures(nlp, text):
    return {c.text: c for c in newsclaims.extract(text, published=PUB, nlp=nlp)}


def check(nlp, text, surface, value=None, unit=None, low=None, high=None):
    found = figures(nlp, text)
    assert surface in found, f"{surface!r} not in {list(found)}"
    claim = found[surface]
    if value is not None:
        assert math.isclose(claim.value, value, rel_tol=1e-9), claim.value
    if low is not None:
        assert (claim.low, claim.high) == (pytest.approx(low), pytest.approx(high))
    assert claim.unit == unit, claim.unit
    return found


def bound_of(nlp, text, surface):
    found = figures(nlp, text)
    assert surface in found, f"{surface!r} not in {list(found)}"
    return found[surface].bound
