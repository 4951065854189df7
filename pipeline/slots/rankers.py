"""The slot rankers, registered under versioned names and chosen in config.cfg.

- ``newsclaims.slot_ranker.v1``: rules only. Candidates in the rules' order (their ``rule_rank``), which gives
  the claims the cascade of first-hit rules gave before there were candidates. The claims component has one
  ranker per ranked slot (``ranker`` for the date, ``who_ranker`` for the who, in config.cfg).
- ``newsclaims.slot_ranker.v2``: a linear model per slot, score = sigmoid(w . x + b), read from a JSON file
  that ``newsclaims train-slots`` writes (``models/slots/<slot>.json``). A slot without a model file is
  ranked by the rules. No scikit-learn and no pickle at run time.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence, Union

from spacy.util import registry

from newsclaims.slots.candidates import Candidate, Scored
from newsclaims.resources import model_path

MODELS_DIR = model_path("slots")
V1, V2 = "newsclaims.slot_ranker.v1", "newsclaims.slot_ranker.v2"

# The confidence v1 gives its choice, by proposer: the share of v1's choices by that proposer that were right on
# the dev split of gold v1, rounded to 0.05 (owned 14/17, null 125/167, carry 30/53, sentence 38/71; baseline and
# now_word won once each, so 0.5 says "unknown"). `newsclaims train-slots` prints the current shares. A fixed
# value per proposer, not a calibrated probability.
RULE_CONFIDENCE: Mapping[str, float] = {"owned": 0.8, "null": 0.75, "carry": 0.55, "sentence": 0.55, "baseline": 0.5,
                                        "now_word": 0.5}
# The same for the who slot, whose rules give one answer ('rules') or none ('null'): on the dev split of gold v2,
# rules 231/284 and null 31/36 of v1's choices were right (train-slots prints these counts; (right + 1) / (chosen + 2)).
WHO_RULE_CONFIDENCE: Mapping[str, float] = {"rules": 0.81, "null": 0.84}
# And for the what slot (right: content-lemma F1 >= 0.5 against the gold what): on the dev split of the gold the
# issue 11 work measured, rules 155/286 and null 0/24 of v1's choices were right.
WHAT_RULE_CONFIDENCE: Mapping[str, float] = {"rules": 0.55, "null": 0.0}
_RULE_CONFIDENCE_BY_SLOT: Mapping[str, Mapping[str, float]] = {"date": RULE_CONFIDENCE, "who": WHO_RULE_CONFIDENCE,
                                                              "what": WHAT_RULE_CONFIDENCE}


def _rule_position(c: Candidate) -> float:
    return -c.features.get("rule_rank_inverse", 0.0)  # rank 0 has the largest inverse


class RulesRanker:
    """v1: the rules' order, scored with the fixed confidence of the proposer that won."""

    name = V1

    def rank(self, candidates: Sequence[Candidate]) -> list[Scored]:
        ordered = sorted(candidates, key=_rule_position)
        confidence = _RULE_CONFIDENCE_BY_SLOT.get(ordered[0].slot, {}) if ordered else {}
        return [Scored(c, confidence.get(c.proposer) if i == 0 else None) for i, c in enumerate(ordered)]

    def to_data(self) -> dict[str, Any]:
        return {}


class LinearRanker:
    """v2: logistic scores from per-slot weights; ties, and slots without a model, fall back to the rules."""

    name = V2

    def __init__(self, models: Mapping[str, dict]) -> None:
        self.models = {slot: _checked(slot, model) for slot, model in models.items()}

    def rank(self, candidates: Sequence[Candidate]) -> list[Scored]:
        if not candidates:
            return []
        model = self.models.get(candidates[0].slot)
        if model is None:
            return RulesRanker().rank(candidates)
        weights, bias = model["weights"], model["bias"]
        scored = [Scored(c, round(_sigmoid(bias + sum(weights.get(k, 0.0) * v for k, v in c.features.items())), 4))
                  for c in candidates]
        return sorted(scored, key=lambda s: (-s.score, _rule_position(s.candidate)))

    def to_data(self) -> dict[str, Any]:
        return {"models": self.models}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> "LinearRanker":
        return cls(data.get("models", {}))

    @classmethod
    def from_path(cls, path: Union[str, Path, None] = None) -> "LinearRanker":
        """Models from a folder of ``<slot>.json`` files (default: the packaged ``models/slots/``) or one file."""
        path = Path(path) if path is not None else MODELS_DIR
        files = sorted(path.glob("*.json")) if path.is_dir() else [path]
        if not files:
            raise FileNotFoundError(f"no slot model (*.json) in {path}")
        models = {}
        for file in files:
            model = json.loads(file.read_text(encoding="utf-8"))
            models[model["slot"]] = model
        return cls(models)


def _checked(slot: str, model: Mapping[str, Any]) -> dict:
    if model.get("kind") != "logistic" or not isinstance(model.get("weights"), dict) or "bias" not in model:
        raise ValueError(f"the {slot} slot model is not a logistic model with weights and a bias")
    return dict(model)


def _sigmoid(x: float) -> float:
    if x < -60:  # math.exp overflows past ~709; the score is 0 to four places long before
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


@registry.misc(V1)
def rules_ranker() -> RulesRanker:
    return RulesRanker()


@registry.misc(V2)
def linear_ranker(weights: Optional[str] = None) -> LinearRanker:
    """``weights``: a folder of slot model files or one file; null means the packaged ``models/slots/``."""
    return LinearRanker.from_path(weights)


def checked_ranker(setting: str, ranker: Any) -> Any:
    """``ranker`` if it is a slot ranker; else the config error that names the setting, raised when the pipeline
    loads rather than on every document (spaCy cannot validate a Protocol, so the factory types it Any)."""
    if callable(getattr(ranker, "rank", None)) and isinstance(getattr(ranker, "name", None), str):
        return ranker
    raise ValueError(f"newsclaims_claims: {setting} must be a slot ranker, written "
                     f"{{\"@misc\":\"{V1}\"}} or {{\"@misc\":\"{V2}\",\"weights\":null}}, not {ranker!r}")


def ranker_from_data(name: str, data: Mapping[str, Any]):
    """A ranker rebuilt from what :meth:`to_data` wrote (the component's ``to_disk``)."""
    if name == V1:
        return RulesRanker()
    if name == V2:
        return LinearRanker.from_data(data)
    raise ValueError(f"unknown slot ranker {name!r}")
