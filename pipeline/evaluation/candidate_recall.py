"""``newsclaims candidates``: how often the ranked slots (who, what, date) could be right at all.

A ranker only chooses among its proposers' candidates, so a slot can be right only when a right candidate is
among them. Over the gold claims the pipeline anchors, this counts per slot the figures with a right candidate
(candidate recall: the best accuracy any ranker could reach with these proposers) and the figures whose shipped
choice is right (the evaluator's slot accuracy over anchored pairs), and credits a proposer each time it alone
offers the right candidates: what would be lost without it. "Right" is the evaluator's own test
(:func:`newsclaims.evaluation.scoring.slot_right`); the figures and their candidates are the ones ``train-slots``
learns from (:func:`newsclaims.training.slots.collect`: the real pipeline over the gold texts as they are).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from spacy.language import Language

from newsclaims.evaluation.scoring import Comparators, default_comparators, slot_right
from newsclaims.slots.candidates import Candidate
from newsclaims.training.slots import Figure, collect

SLOTS = ("who", "what", "date")


@dataclass
class SlotRecall:
    """One slot's counts over one gold file's anchored figures, and the figures no candidate gets right."""

    slot: str
    anchored: int = 0
    reachable: int = 0  # figures with a right candidate
    chosen_right: int = 0  # figures whose shipped choice is right
    sole: Counter = field(default_factory=Counter)  # proposer -> figures whose right candidates only it offers
    misses: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"slot": self.slot, "anchored": self.anchored, "reachable": self.reachable,
                "chosen_right": self.chosen_right, "candidate_recall": _share(self.reachable, self.anchored),
                "accuracy": _share(self.chosen_right, self.anchored), "sole_supplier": dict(self.sole.most_common()),
                "no_right_candidate": self.misses}


def _share(part: int, whole: int) -> Optional[float]:
    return round(part / whole, 4) if whole else None


def proposers_of(candidate: Candidate) -> set[str]:
    """Every proposer that offered a candidate: a merged candidate keeps a ``by_PROPOSER`` flag for each."""
    flagged = {name[len("by_"):] for name in candidate.features if name.startswith("by_")}
    return flagged | {candidate.proposer}


def candidate_recall(nlp: Language, gold_docs: Sequence[dict],
                     cmp: Optional[Comparators] = None) -> dict[str, SlotRecall]:
    """Per slot, the counts over the gold documents' anchored figures (see the module docstring)."""
    cmp = cmp or default_comparators()
    report = {slot: SlotRecall(slot) for slot in SLOTS}
    for figure in collect(nlp, gold_docs):
        if figure.anchored:
            for slot in SLOTS:
                _count(report[slot], figure, cmp)
    return report


def _count(counts: SlotRecall, figure: Figure, cmp: Comparators) -> None:
    """Add one anchored figure to its slot's counts."""
    slot, gold = counts.slot, {counts.slot: figure.gold.get(counts.slot)}
    candidates = figure.candidates[slot]
    right = [c for c in candidates if slot_right(slot, gold, {slot: c.value}, cmp)]
    chosen_right = slot_right(slot, gold, figure.claim, cmp)
    counts.anchored += 1
    counts.chosen_right += chosen_right
    if not right and not chosen_right:  # the choice is a candidate, its value read from the unmasked text
        counts.misses.append(_miss(figure, slot, candidates))
        return
    counts.reachable += 1
    suppliers = set().union(*(proposers_of(c) for c in right))
    if len(suppliers) == 1:
        counts.sole[suppliers.pop()] += 1


def _miss(figure: Figure, slot: str, candidates: Sequence[Candidate]) -> dict[str, Any]:
    """A figure without a right candidate; its candidates in the rules' order, the shipped choice marked."""
    chosen = figure.claim.get(slot)
    return {"doc_id": figure.doc_id, "figure": figure.claim.get("text"), "span": figure.claim.get("span"),
            "gold": figure.gold.get(slot), "chosen": chosen,
            "candidates": [{"value": c.value, "proposer": c.proposer, "chosen": c.value == chosen} for c in candidates]}


def render_recall(name: str, documents: int, report: dict[str, SlotRecall], *, top: int = 5,
                  misses: Sequence[str] = ()) -> str:
    """One gold file's table, each slot's leading sole suppliers, and the figures without a right candidate of
    the slots in ``misses``."""
    lines = [f"{name}: {documents} documents; figures anchored to a gold claim, per slot:",
             f"{'slot':6}{'anchored':>10}{'a right candidate':>20}{'ranker right':>16}{'ranker wrong':>14}",
             f"{'':16}{'(candidate recall)':>20}{'(accuracy)':>16}{'(reachable)':>14}"]
    for slot, r in report.items():
        lines.append(f"{slot:6}{r.anchored:>10}{_count_and_share(r.reachable, r.anchored):>20}"
                     f"{_count_and_share(r.chosen_right, r.anchored):>16}{r.reachable - r.chosen_right:>14}")
    lines.append(f"figures whose right candidates only one proposer offers, top {top} proposers:")
    for slot, r in report.items():
        leaders = ", ".join(f"{p} {n}" for p, n in r.sole.most_common(top)) or "-"
        lines.append(f"  {slot:6}{leaders}")
    for slot in misses:
        lines.extend(_miss_lines(report[slot]))
    return "\n".join(lines) + "\n"


def _count_and_share(part: int, whole: int) -> str:
    share = _share(part, whole)
    return f"{part} ({share:.3f})" if share is not None else f"{part} (-)"


def _miss_lines(r: SlotRecall) -> list[str]:
    lines = [f"{r.slot}: figures without a right candidate: {len(r.misses)} (doc id, figure, gold value; then every "
             "candidate with its proposer, the shipped choice marked *)"]
    for m in r.misses:
        shown = " | ".join(f"{'*' if c['chosen'] else ''}{c['value']!r} ({c['proposer']})" for c in m["candidates"])
        lines.append(f"  {m['doc_id']}  {m['figure']!r}  gold {m['gold']!r}")
        lines.append(f"      {shown}")
    return lines
