"""The what ranker: chosen in config.cfg apart from the date's and the who's; v1 gives the whats the rules gave
before there were what candidates; the score is carried on each claim as what_confidence, the candidates are shown
by `newsclaims explain`, and the ranker travels with an assembled pipeline."""
import json

import jsonschema
import pytest

import newsclaims
from newsclaims.explain import explain, render_explanation
from newsclaims.schema import CLAIM_JSON_SCHEMA
from newsclaims.slots.rankers import WHAT_RULE_CONFIDENCE, LinearRanker, RulesRanker

PUB = "2021-03-01"

# (text, [(figure, the what the rules gave before the what slot had candidates)])
BEFORE = [
    ("Ohio lost 3,000 factory jobs last year.", [("3,000", "factory jobs")]),
    ("Wheat exports rose 12% in May, corn 8% and barley 3%.", [("12%", "Wheat exports"), ("8%", "corn"), ("3%", "barley")]),
    ("The county approved $5 million for new school buses.", [("$5 million", "new school buses")]),
    ("About 70% of the apple harvest went abroad.", [("70%", "apple harvest")]),
    ("It was 40 tons.", [("40 tons", "It")]),
    ("Sales rose to $4 billion, an increase of 5%.", [("$4 billion", "Sales"), ("5%", "Sales increase")]),
]


@pytest.fixture
def builder_with(nlp):
    """``builder_with(ranker)``: the claims component with that what ranker, restored afterwards."""
    builder = nlp.get_pipe("newsclaims_claims")
    configured = builder.what_ranker

    def use(ranker):
        builder.what_ranker = ranker
        return builder

    yield use
    builder.what_ranker = configured


def _doc(nlp, text):
    builder = nlp.get_pipe("newsclaims_claims")
    with nlp.select_pipes(disable=[builder.name]):
        return nlp(newsclaims.make_doc(nlp, text, doc_id="t", published=PUB))


@pytest.mark.parametrize("text, expected", BEFORE)
def test_v1_gives_the_rules_what_with_or_without_every_candidate(nlp, builder_with, text, expected):
    builder = builder_with(RulesRanker())
    doc = _doc(nlp, text)
    fast = builder.build(doc)
    full = [c for c, _ in builder.build_ranked(doc)]
    assert [(c.text, c.what) for c in fast] == expected
    assert [c.to_dict() for c in full] == [c.to_dict() for c in fast]
    assert all(c.what_confidence == WHAT_RULE_CONFIDENCE["rules"] for c in fast)


def test_claims_carry_a_what_confidence_that_validates(nlp):
    claims = newsclaims.extract("Output was 40 tons and rose 3%. It fell.", published=PUB, nlp=nlp)
    assert claims and all(c.what_confidence is not None and 0 <= c.what_confidence <= 1 for c in claims)
    for c in claims:
        jsonschema.validate(c.to_dict(), CLAIM_JSON_SCHEMA)


def test_explain_shows_the_what_candidates_with_the_chosen_one_first(nlp):
    text = BEFORE[1][0]
    figures = explain(nlp, text, published=PUB)
    claims = newsclaims.extract(text, published=PUB, nlp=nlp)
    assert [f["slots"]["what"][0]["value"] for f in figures] == [c.what for c in claims]
    assert all(any(c["proposer"] == "null" for c in f["slots"]["what"]) for f in figures)
    assert "  what " in render_explanation(figures)


def test_the_what_ranker_travels_with_the_pipeline(nlp, builder_with, tmp_path):
    model = {"slot": "what", "kind": "logistic", "bias": 0.0, "weights": {"proposer_with_verb": 2.0}}
    builder = builder_with(LinearRanker({"what": model}))
    builder.to_disk(tmp_path / "claims")
    saved = json.loads((tmp_path / "claims" / "what_ranker.json").read_text(encoding="utf-8"))
    assert saved["name"] == builder.what_ranker.name and saved["data"]["models"]["what"]["weights"] == model["weights"]
    restored = newsclaims.load().get_pipe("newsclaims_claims")
    restored.what_ranker = RulesRanker()
    restored.from_disk(tmp_path / "claims")
    assert restored.what_ranker.models == builder.what_ranker.models
    restored.what_ranker = RulesRanker()
    restored.from_bytes(builder.to_bytes())
    assert restored.what_ranker.models == builder.what_ranker.models
    # the model decides: 'killed people' (the with_verb proposer) over the rules' 'people'
    claim = restored.build(_doc(nlp, "The flood killed 12 people on Monday."))[0]
    assert claim.what == "killed people" and claim.what_span is None and claim.what_confidence > 0.5
