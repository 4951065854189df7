"""`newsclaims train-slots` fits the what ranker too: the same gold gives the same what.json bytes, the file loads
into the v2 ranker, and the ranker it makes chooses a wording the gold scores right on a clear case."""
import json

import pytest

pytest.importorskip("sklearn")

import newsclaims  # noqa: E402
from newsclaims.slots.rankers import LinearRanker  # noqa: E402
from newsclaims.training.slots import train_slots, what_f1  # noqa: E402
from slot_gold import PUB, write_gold  # noqa: E402

# (text, [(figure, gold what)]): a count's what says what happened to the counted things ('people killed'),
# which the rules' bare noun ('people') misses
STORIES = [
    ("The flood killed 12 people on Monday. Output was 40 tons.", [("12", "people killed"), ("40 tons", "output")]),
    ("The storm injured 30 workers in May. Sales were $3 million.", [("30", "workers injured"), ("$3 million", "sales")]),
    ("The fire destroyed 50 homes last week. Rainfall was 9 millimetres.",
     [("50", "homes destroyed"), ("9 millimetres", "rainfall")]),
    ("The quake damaged 70 bridges in June. Revenue was $8 million.", [("70", "bridges damaged"), ("$8 million", "revenue")]),
    ("The drought killed 400 cattle in July. Demand was 6 tons.", [("400", "cattle killed"), ("6 tons", "demand")]),
    ("The strike closed 25 schools on Friday. Exports were $2 million.",
     [("25", "schools closed"), ("$2 million", "exports")]),
]


def test_what_training_is_reproducible_and_prefers_the_counted_noun_with_its_verb(nlp, tmp_path):
    gold = write_gold(tmp_path / "gold.jsonl", STORIES, "what", "t")
    lines = []
    train_slots(gold, tmp_path / "a", nlp=nlp, folds=2, log=lines.append)
    train_slots(gold, tmp_path / "b", nlp=nlp, folds=2, log=lambda _: None)
    first, second = (tmp_path / "a" / "what.json").read_bytes(), (tmp_path / "b" / "what.json").read_bytes()
    assert first == second
    model = json.loads(first)
    assert model["slot"] == "what" and model["training"]["documents"] == len(STORIES)
    assert {"rules_accuracy", "cv_accuracy", "cv_what_f1"} <= set(model["training"])
    assert any(line.startswith("what ranker:") and "2-fold CV" in line for line in lines)

    ranker = LinearRanker.from_path(tmp_path / "a" / "what.json")
    builder = nlp.get_pipe("newsclaims_claims")
    with nlp.select_pipes(disable=[builder.name]):
        doc = nlp(newsclaims.make_doc(nlp, "The blizzard stranded 90 trucks on Sunday.", doc_id="x", published=PUB))
    _, ranked = builder.build_ranked(doc)[0]
    best = ranker.rank([s.candidate for s in ranked["what"]])[0]
    # every wording the evaluator scores right is a positive ('trucks', 'trucks stranded'), so the choice is one of
    # them, not the doer or the day
    assert what_f1("trucks stranded", best.candidate.value) >= 0.5 and best.score > 0.5
