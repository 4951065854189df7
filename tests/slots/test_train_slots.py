"""`newsclaims train-slots` on a small fixture: the same gold gives the same bytes, and the model it writes ranks
a clear case right."""
import json

import pytest

pytest.importorskip("sklearn")

from newsclaims.slots.date_features import date_candidates  # noqa: E402
from newsclaims.slots.rankers import LinearRanker  # noqa: E402
from newsclaims.training.slots import train_slots  # noqa: E402
from slot_gold import PUB, write_gold  # noqa: E402

# (text, [(figure, gold date)]): owned dates, undated figures, a date carried from the sentence before
STORIES = [
    ("Output was 45,000 tons in 2019. Imports were 3,000 tons.", [("45,000 tons", "2019"), ("3,000 tons", None)]),
    ("The mine produced 500 tons in 2017, up from 400 tons in 2016.", [("500 tons", "2017"), ("400 tons", "2016")]),
    ("Exports reached 12,000 tons in 2018. The port employs 300 people.", [("12,000 tons", "2018"), ("300", None)]),
    ("Sales were $3 billion in 2015. Costs were $2 billion in 2014.", [("$3 billion", "2015"), ("$2 billion", "2014")]),
    ("The farm has 40 cows. It sold 900 litres of milk in 2020.", [("40", None), ("900 litres", "2020")]),
    ("Rainfall was 30 millimetres in 2012. The town has 5,000 residents.", [("30 millimetres", "2012"), ("5,000", None)]),
]


def gold_file(path):
    return write_gold(path, STORIES, "date", "d")


def test_training_is_reproducible_byte_for_byte_and_ranks_a_clear_case(nlp, tmp_path, frame_of):
    gold = gold_file(tmp_path / "gold.jsonl")
    lines = []
    train_slots(gold, tmp_path / "a", nlp=nlp, folds=2, log=lines.append)
    train_slots(gold, tmp_path / "b", nlp=nlp, folds=2, log=lambda _: None)
    first, second = (tmp_path / "a" / "date.json").read_bytes(), (tmp_path / "b" / "date.json").read_bytes()
    assert first == second
    model = json.loads(first)
    assert model["training"]["documents"] == len(STORIES) and model["training"]["folds"] == 2
    assert "cv_accuracy" in model["training"] and "2-fold CV" in lines[0]

    ranker = LinearRanker.from_path(tmp_path / "a")
    frame, index = frame_of("Output was 7,000 tons in 2011. The plant has 90 workers.", PUB)
    best = ranker.rank(date_candidates(frame, index("7,000 tons")))[0]
    assert (best.candidate.proposer, best.candidate.value) == ("owned", "2011") and best.score > 0.5
    assert ranker.rank(date_candidates(frame, index("90")))[0].candidate.value is None
