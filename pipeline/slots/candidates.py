"""Slot candidates and the rankers that choose among them.

Every slot (date now; who and what next) is filled the same way: small proposers each offer candidates for a
figure, every candidate carries features of the (figure, candidate) pair, and a ranker scores them. The null
candidate is always among them, so "no value" competes like any other answer. Everything here is plain data,
so candidates can be printed (``newsclaims explain``), written out and trained on.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Protocol, Sequence

NULL = "null"  # the proposer name of the null candidate


# --------------------------------------------------------------------------- feature helpers every slot shares

def bucket(name: str, value: int, limits: Sequence[int]) -> str:
    """The bucket feature of a count: ``name_le_L`` for the first limit L it does not pass, else ``name_gt_<last>``."""
    for limit in limits:
        if value <= limit:
            return f"{name}_le_{limit}"
    return f"{name}_gt_{limits[-1]}"


def sentences_bucket(back: int) -> str:
    """How many sentences before (positive) or after (negative) the figure's the candidate stands."""
    if back == 0:
        return "sentences_0"
    if back < 0:
        return "sentences_after"
    return "sentences_back_1" if back == 1 else "sentences_back_2_3" if back <= 3 else "sentences_back_4_more"


def any_between(sorted_starts: Sequence[int], lo: int, hi: int) -> bool:
    """Whether any of the sorted offsets lies in [lo, hi)."""
    return hi > lo and bisect.bisect_left(sorted_starts, lo) < bisect.bisect_left(sorted_starts, hi)


def rank_features(rank: int) -> dict[str, float]:
    """The rules' position as features: every candidate's inverse rank, and a flag on the rules' own choice."""
    features = {"rule_rank_inverse": round(1.0 / (1 + rank), 4)}
    if rank == 0:
        features["rule_first"] = 1.0
    return features


def merged(raw: Sequence["Candidate"], key: Callable[[Optional[str]], str]) -> list["Candidate"]:
    """One candidate per ``key`` of its value (the null candidate's key is its own): the first proposer's, with every
    offering proposer's features and a ``by_PROPOSER`` flag for each. Candidates whose key is empty are dropped."""
    kept: dict[str, Candidate] = {}
    for cand in raw:
        k = NULL if cand.is_null else key(cand.value)
        if not k:
            continue
        by = {f"by_{cand.proposer}": 1.0, **cand.features}
        first = kept.get(k)
        kept[k] = first.with_features({**by, **first.features}) if first else cand.with_features(by)
    return list(kept.values())


@dataclass(frozen=True)
class Candidate:
    """One possible value of one slot for one figure.

    ``value`` is the slot's normalised value (the ISO date or interval for dates), ``text``/``span`` where the
    text says it (None for the null candidate), ``resolution`` how the value was read where the slot has
    such a notion (dates: explicit, relative or publication). ``features`` are of the (figure, candidate)
    pair, by name; ``rule_rank`` among them is the position the rules alone would give it (0 = their choice).
    """

    slot: str
    proposer: str
    value: Optional[str] = None
    text: Optional[str] = None
    span: Optional[tuple[int, int]] = None
    resolution: Optional[str] = None
    features: dict[str, float] = field(default_factory=dict, compare=False, hash=False)

    @property
    def is_null(self) -> bool:
        return self.proposer == NULL

    def with_features(self, features: dict[str, float]) -> "Candidate":
        """The same candidate with other features: ``dataclasses.replace`` without its per-call field walk, which
        the thousands of candidates of a document pay for."""
        return Candidate(self.slot, self.proposer, self.value, self.text, self.span, self.resolution, features)

    def to_dict(self) -> dict[str, Any]:
        return {"slot": self.slot, "proposer": self.proposer, "value": self.value, "text": self.text,
                "span": list(self.span) if self.span is not None else None, "resolution": self.resolution,
                "features": dict(self.features)}


@dataclass(frozen=True)
class Scored:
    """A candidate with the score a ranker gave it: a probability in 0..1, or None where the ranker has none."""

    candidate: Candidate
    score: Optional[float]

    def to_dict(self) -> dict[str, Any]:
        return {**self.candidate.to_dict(), "score": self.score}


class SlotRanker(Protocol):
    """Orders one figure's candidates for one slot (the null candidate always among them), best first."""

    name: str

    def rank(self, candidates: Sequence[Candidate]) -> list[Scored]:
        ...


class SlotFiller(Protocol):
    """Proposes one slot's candidates for one figure (``mi``) from its document's frame, in the rules' order. With
    ``every`` False it may give only the rules' own candidates: all that a rules-only ranker reads."""

    slot: str

    def candidates(self, frame: Any, mi: int, *, every: bool = True) -> list[Candidate]:
        ...


@dataclass(frozen=True)
class ProposerFiller:
    """A :class:`SlotFiller` from a slot's candidate functions: every proposer's candidates, and (where the slot has a
    cheaper list for the rules alone) the rules' own."""

    slot: str
    every_candidate: Callable[[Any, int], list[Candidate]]
    rules_only: Optional[Callable[[Any, int], list[Candidate]]] = None

    def candidates(self, frame: Any, mi: int, *, every: bool = True) -> list[Candidate]:
        if every or self.rules_only is None:
            return self.every_candidate(frame, mi)
        return self.rules_only(frame, mi)
