"""`newsclaims train-slots` fits the who ranker too: the same gold gives the same who.json bytes, the file loads
into the v2 ranker, and the ranker it makes prefers the right candidate on a clear case."""
import json

import pytest

pytest.importorskip("sklearn")

import newsclaims  # noqa: E402
from newsclaims.slots.rankers import LinearRanker  # noqa: E402
from newsclaims.training.slots import train_slots  # noqa: E402
from slot_gold import PUB, write_gold  # noqa: E402

# (text, [(figure, gold who)]): the clause's subject owns its figure, the speaker does not, a bare figure has none
STORIES = [
    ("Ohio lost 3,000 jobs in 2020, the Labor Department said. Output was 40 tons.", [("3,000", "Ohio"), ("40 tons", None)]),
    ("Texas added 5,000 jobs, officials at the Treasury said. Rainfall was 30 millimetres.",
     [("5,000", "Texas"), ("30 millimetres", None)]),
    ("Chile exported 900 tons of copper, the ministry said. Prices were $3 a pound.", [("900 tons", "Chile"), ("$3", None)]),
    ("Peru mined 400 tons of silver, Reuters reported. The rate was 5%.", [("400 tons", "Peru"), ("5%", None)]),
    ("Acme Corp. sold 7,000 cars, the Commerce Department said. Demand rose 2%.", [("7,000", "Acme Corp."), ("2%", None)]),
    ("Kenya planted 200 acres of tea, the World Bank said. Yields were 8 tons.", [("200 acres", "Kenya"), ("8 tons", None)]),
]


def gold_file(path):
    return write_gold(path, STORIES, "who", "w")


def test_who_training_is_reproducible_and_ranks_the_clauses_subject_over_the_speaker(nlp, tmp_path):
    gold = gold_file(tmp_path / "gold.jsonl")
    lines = []
    train_slots(gold, tmp_path / "a", nlp=nlp, folds=2, log=lines.append)
    train_slots(gold, tmp_path / "b", nlp=nlp, folds=2, log=lambda _: None)
    first, second = (tmp_path / "a" / "who.json").read_bytes(), (tmp_path / "b" / "who.json").read_bytes()
    assert first == second
    model = json.loads(first)
    assert model["slot"] == "who" and model["training"]["documents"] == len(STORIES)
    assert {"rules_accuracy", "cv_accuracy", "cv_who_f1"} <= set(model["training"])
    assert any(line.startswith("who ranker:") and "2-fold CV" in line for line in lines)

    ranker = LinearRanker.from_path(tmp_path / "a")
    builder = nlp.get_pipe("newsclaims_claims")
    text = "Norway caught 600 tons of cod, the Fisheries Directorate said."
    with nlp.select_pipes(disable=[builder.name]):
        doc = nlp(newsclaims.make_doc(nlp, text, doc_id="x", published=PUB))
    _, ranked = builder.build_ranked(doc)[0]
    best = ranker.rank([s.candidate for s in ranked["who"]])[0]
    assert best.candidate.value == "Norway" and best.score > 0.5
