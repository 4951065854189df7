"""External benchmarks: score newsclaims (and a quantulum3 baseline) on public data sets.

Each benchmark module loads the data set from wherever it lives (it is never copied into the
repository), maps our claims into the benchmark's own vocabulary and scores them with a
re-implementation of the benchmark's official scorer, so our numbers sit next to the published ones.

- :mod:`.newsquant` -- NewsQuant (CQE, EACL 2024), news sentences: value / unit / change / concept.
- :mod:`.measeval` -- MeasEval (SemEval-2021 Task 8), science paragraphs: quantity spans and units.
"""
from __future__ import annotations

from .measeval import load_measeval, run_measeval, run_measeval_quantulum3, score_measeval, to_measeval
from .newsquant import (
    load_newsquant,
    run_newsquant,
    run_newsquant_quantulum3,
    score_newsquant,
    to_newsquant,
)

__all__ = [
    "load_measeval",
    "load_newsquant",
    "run_measeval",
    "run_measeval_quantulum3",
    "run_newsquant",
    "run_newsquant_quantulum3",
    "score_measeval",
    "score_newsquant",
    "to_measeval",
    "to_newsquant",
]
