"""Anchoring predicted claims to gold claims, one document at a time.

Slots can only be compared once we know which predicted claim is meant to be which gold
claim. Like MeasEval, we anchor on the quantity span alone: a predicted claim and a gold
claim are the same mention when their quantity spans overlap. Each claim is anchored at
most once (one-to-one), greedily by largest character overlap; ties go to the pair whose
starts are nearest, then to text order, so the result never depends on input order quirks.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional, Sequence

Claim = Mapping[str, Any]


@dataclass(frozen=True)
class Alignment:
    """Result of anchoring one document: index pairs (gold, pred) and the indices left over."""

    pairs: tuple[tuple[int, int], ...]
    missed: tuple[int, ...]  # gold indices with no predicted claim
    spurious: tuple[int, ...]  # predicted indices with no gold claim


def span_of(claim: Claim) -> Optional[tuple[int, int]]:
    """The claim's [start, end) as ints, or None when absent or malformed (such a claim cannot anchor)."""
    span = claim.get("span")
    if not isinstance(span, (list, tuple)) or len(span) != 2:
        return None
    try:
        start, end = int(span[0]), int(span[1])
    except (TypeError, ValueError):
        return None
    return (start, end) if start < end else None


def overlap(a: Optional[tuple[int, int]], b: Optional[tuple[int, int]]) -> int:
    """Number of characters two [start, end) spans share (0 if either is missing)."""
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def candidate_pairs(gold: Sequence[Claim], pred: Sequence[Claim]) -> list[tuple[int, int, int, int]]:
    """Every overlapping (gold, pred) pair as a sort key: (-overlap, start distance, gold index, pred index)."""
    gold_spans = [span_of(c) for c in gold]
    pred_spans = [span_of(c) for c in pred]
    out = []
    for gi, gs in enumerate(gold_spans):
        for pi, ps in enumerate(pred_spans):
            shared = overlap(gs, ps)
            if shared > 0:
                out.append((-shared, abs(gs[0] - ps[0]), gi, pi))  # type: ignore[index]
    return sorted(out)


def align(gold: Sequence[Claim], pred: Sequence[Claim]) -> Alignment:
    """Greedy one-to-one anchoring of predicted claims to gold claims by overlapping quantity span."""
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidate_pairs(gold, pred):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return Alignment(
        pairs=tuple(sorted(pairs)),
        missed=tuple(i for i in range(len(gold)) if i not in used_gold),
        spurious=tuple(i for i in range(len(pred)) if i not in used_pred),
    )
