"""The who ranker: chosen in config.cfg apart from the date's, scored per slot, carried on each claim as
who_confidence, shown by `newsclaims explain`, and travelling with an assembled pipeline."""
import json

import jsonschema
import pytest

import newsclaims
from newsclaims.explain import explain, render_explanation
from newsclaims.schema import CLAIM_JSON_SCHEMA
from newsclaims.slots.candidates import Candidate
from newsclaims.slots.rankers import RULE_CONFIDENCE, WHO_RULE_CONFIDENCE, LinearRanker, RulesRanker

TEXT = "Ohio lost 3,000 factory jobs last year, the Labor Department said. Output was 40 tons."
RULES = Candidate("who", "rules", "Ohio", "Ohio", (0, 4), None, {"proposer_rules": 1.0, "rule_rank_inverse": 1.0})
NULL = Candidate("who", "null", features={"proposer_null": 1.0, "rule_rank_inverse": 0.5})
ENTITY = Candidate("who", "entity", "Texas", "Texas", (9, 14), None, {"proposer_entity": 1.0, "rule_rank_inverse": 0.3333})


def test_rules_ranker_scores_a_who_with_the_who_slots_confidence():
    ranked = RulesRanker().rank([ENTITY, NULL, RULES])
    assert [s.candidate for s in ranked] == [RULES, NULL, ENTITY]
    assert ranked[0].score == WHO_RULE_CONFIDENCE["rules"]
    assert RulesRanker().rank([ENTITY, NULL])[0].score == WHO_RULE_CONFIDENCE["null"]


def test_linear_ranker_ranks_the_who_with_the_who_model_only():
    ranker = LinearRanker({"who": {"slot": "who", "kind": "logistic", "bias": 0.0, "weights": {"proposer_entity": 2.0}}})
    assert ranker.rank([RULES, NULL, ENTITY])[0].candidate == ENTITY
    date = Candidate("date", "owned", "2020", features={"proposer_entity": 1.0, "rule_rank_inverse": 0.5})
    assert ranker.rank([date])[0].score == RULE_CONFIDENCE["owned"]  # no date model: the rules' order and confidence


@pytest.mark.parametrize("text", [TEXT, "No entity here: output was 40 tons and rose 3%."])
def test_claims_carry_a_who_confidence_that_validates(nlp, text):
    claims = newsclaims.extract(text, published="2021-03-01", nlp=nlp)
    assert claims and all(c.who_confidence is not None and 0 <= c.who_confidence <= 1 for c in claims)
    for c in claims:
        jsonschema.validate(c.to_dict(), CLAIM_JSON_SCHEMA)


def test_explain_shows_the_who_candidates_with_the_chosen_one_first(nlp):
    figures = explain(nlp, TEXT, published="2021-03-01")
    claims = newsclaims.extract(TEXT, published="2021-03-01", nlp=nlp)
    assert [f["slots"]["who"][0]["value"] for f in figures] == [c.who for c in claims]
    assert all(any(c["proposer"] == "null" for c in f["slots"]["who"]) for f in figures)
    assert "  who " in render_explanation(figures)


def test_the_who_ranker_travels_with_the_pipeline(nlp, tmp_path):
    builder = nlp.get_pipe("newsclaims_claims")
    builder.to_disk(tmp_path / "claims")
    saved = json.loads((tmp_path / "claims" / "who_ranker.json").read_text(encoding="utf-8"))
    assert saved["name"] == builder.who_ranker.name
    assert json.loads((tmp_path / "claims" / "lexicon" / "who.json").read_text(encoding="utf-8")) == builder.who_words
    other = RulesRanker() if isinstance(builder.who_ranker, LinearRanker) else LinearRanker({})
    restored = newsclaims.load().get_pipe("newsclaims_claims")
    restored.who_ranker = other
    restored.from_disk(tmp_path / "claims")
    assert restored.who_ranker.name == builder.who_ranker.name
    assert getattr(restored.who_ranker, "models", None) == getattr(builder.who_ranker, "models", None)
    restored.who_ranker = other
    restored.from_bytes(builder.to_bytes())
    assert restored.who_ranker.name == builder.who_ranker.name


@pytest.mark.parametrize("ranker", [RulesRanker(), LinearRanker.from_path()])
def test_claims_are_the_same_whether_or_not_every_candidate_is_proposed(nlp, ranker):
    builder = nlp.get_pipe("newsclaims_claims")
    text = "Acme Corp. opened a plant in Texas.\n\nThe company sold 4,000 cars, the union said. It employs 300 people."
    with nlp.select_pipes(disable=[builder.name]):
        doc = nlp(newsclaims.make_doc(nlp, text, doc_id="t", published="2021-03-01"))
    configured, builder.who_ranker = builder.who_ranker, ranker
    try:
        full = [c.to_dict() for c, _ in builder.build_ranked(doc)]
        fast = [c.to_dict() for c in builder.build(doc)]
    finally:
        builder.who_ranker = configured
    assert full == fast and len(full) == 2
