"""The slot rankers: v1 keeps the rules' order, v2 scores with weights from a JSON file; both reach the component
through config.cfg and travel with an assembled pipeline."""
import json

import jsonschema
import pytest
from spacy.util import registry

import newsclaims
from newsclaims.schema import CLAIM_JSON_SCHEMA
from newsclaims.slots.candidates import Candidate
from newsclaims.slots.rankers import MODELS_DIR, RULE_CONFIDENCE, LinearRanker, RulesRanker, ranker_from_data

NULL = Candidate("date", "null", features={"proposer_null": 1.0, "rule_rank_inverse": 0.5})
OWNED = Candidate("date", "owned", "2020", "2020", (20, 24), "explicit",
                  {"proposer_owned": 1.0, "owned_gap": 1.0, "rule_rank_inverse": 1.0, "rule_first": 1.0})
CARRY = Candidate("date", "carry", "2019", "2019", (3, 7), "explicit", {"proposer_carry": 1.0, "rule_rank_inverse": 0.3333})


def model(**weights):
    return {"slot": "date", "kind": "logistic", "bias": 0.0, "weights": weights, "features": sorted(weights)}


def test_rules_ranker_keeps_the_rules_order_and_scores_its_choice():
    ranked = RulesRanker().rank([CARRY, NULL, OWNED])
    assert [s.candidate for s in ranked] == [OWNED, NULL, CARRY]
    assert ranked[0].score == RULE_CONFIDENCE["owned"] and ranked[1].score is None


def test_linear_ranker_scores_by_its_weights():
    ranked = LinearRanker({"date": model(proposer_null=3.0, owned_gap=-1.0)}).rank([OWNED, CARRY, NULL])
    assert [s.candidate.proposer for s in ranked] == ["null", "carry", "owned"]
    assert ranked[0].score == pytest.approx(0.9526, abs=1e-4)  # sigmoid(3)
    assert all(0 <= s.score <= 1 for s in ranked)


def test_linear_ranker_breaks_ties_by_the_rules_and_falls_back_to_them_without_a_model():
    assert LinearRanker({"date": model()}).rank([CARRY, NULL, OWNED])[0].candidate == OWNED
    assert LinearRanker({}).rank([CARRY, NULL, OWNED])[0].candidate == OWNED


def test_a_model_file_must_be_logistic():
    with pytest.raises(ValueError):
        LinearRanker({"date": {"slot": "date", "kind": "trees"}})


def test_the_packaged_date_model_loads_and_is_small():
    path = MODELS_DIR / "date.json"
    assert path.stat().st_size < 1_000_000
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["slot"] == "date" and set(data["weights"]) == set(data["features"])
    assert "date" in LinearRanker.from_path().models


def test_rankers_are_registered_under_versioned_names():
    assert isinstance(registry.misc.get("newsclaims.slot_ranker.v1")(), RulesRanker)
    assert isinstance(registry.misc.get("newsclaims.slot_ranker.v2")(weights=None), LinearRanker)
    with pytest.raises(ValueError):
        ranker_from_data("newsclaims.slot_ranker.v9", {})


def test_the_trained_ranker_travels_with_the_pipeline(nlp_v2, tmp_path):
    builder = nlp_v2.get_pipe("newsclaims_claims")
    assert builder.ranker.name == "newsclaims.slot_ranker.v2"
    builder.to_disk(tmp_path / "claims")
    saved = json.loads((tmp_path / "claims" / "ranker.json").read_text(encoding="utf-8"))
    assert saved["data"]["models"]["date"]["weights"] == builder.ranker.models["date"]["weights"]
    restored = newsclaims.load().get_pipe("newsclaims_claims")
    restored.ranker = RulesRanker()
    restored.from_disk(tmp_path / "claims")
    assert isinstance(restored.ranker, LinearRanker) and restored.ranker.models == builder.ranker.models
    restored.ranker = RulesRanker()
    restored.from_bytes(builder.to_bytes())
    assert restored.ranker.models == builder.ranker.models


def test_claims_carry_a_date_confidence(nlp):
    claims = newsclaims.extract("Output was 45,000 tons in 2019. Imports were 3,000 tons.", published="2021-03-01", nlp=nlp)
    assert claims and all(0 <= c.date_confidence <= 1 for c in claims)
    for c in claims:
        jsonschema.validate(c.to_dict(), CLAIM_JSON_SCHEMA)
