"""Shared fixtures for the evaluation tests: real alias file, real spaCy lemmatizer, small claim builder."""
from __future__ import annotations

from typing import Any, Callable

import pytest

from newsclaims.evaluation.compare import load_aliases, load_lemmatizer
from newsclaims.evaluation.scoring import Comparators


@pytest.fixture(scope="session")
def comparators() -> Comparators:
    return Comparators(aliases=load_aliases(), lemmatize=load_lemmatizer())


def _claim(text: str, mention: str, occurrence: int = 0, **slots: Any) -> dict:
    """A claim whose span is the n-th occurrence of ``mention`` in ``text``; slots default to the guidelines'."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    base = {"span": [start, start + len(mention)], "text": mention, "value": None, "low": None, "high": None,
            "bound": "=", "unit": None, "who": None, "what": None, "date": None, "change": None, "source": None}
    base.update(slots)
    return base


@pytest.fixture(scope="session")
def make_claim() -> Callable[..., dict]:
    return _claim
