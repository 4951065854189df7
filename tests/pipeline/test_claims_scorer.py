"""The claims component's registered scorer: `nlp.evaluate` reports mention, quantity, slot and whole-claim P/R/F1
of the claims against gold claims set on the reference docs, scored by the same code as `newsclaims evaluate`."""
import spacy
from spacy.training import Example

from newsclaims.components.claims import score_claims

TEXT = "Acme's sales rose 5% to $3 billion in 2024, the company said."
GOLD_FIELDS = ("text", "span", "value", "low", "high", "bound", "unit", "who", "what", "date", "change", "source")


def example(nlp, gold_claims):
    reference = nlp.make_doc(TEXT)
    reference._.claims = gold_claims
    return Example(nlp(TEXT), reference)


def as_gold(claims):
    return [{k: c[k] for k in GOLD_FIELDS} for c in claims]


def test_the_scorer_is_registered_and_configured(nlp):
    assert spacy.registry.scorers.get("newsclaims.claims_scorer.v1")() is score_claims
    assert nlp.get_pipe_config("newsclaims_claims")["scorer"] == {"@scorers": "newsclaims.claims_scorer.v1"}


def test_nlp_evaluate_scores_claims_against_the_gold(nlp):
    predicted = nlp(TEXT)._.claims
    assert len(predicted) == 2
    perfect = nlp.evaluate([example(nlp, as_gold(predicted))])
    assert perfect["claims_mention_f"] == perfect["claims_quantity_f"] == perfect["claims_strict_f"] == 1.0
    wrong = as_gold(predicted)
    wrong[0] = {**wrong[0], "value": wrong[0]["value"] * 10}
    scores = nlp.evaluate([example(nlp, wrong[:1])])  # one gold figure, found with the wrong value; one spurious
    assert scores["claims_mention_f"] == 2 * 1 / (2 * 1 + 1 + 0)
    assert scores["claims_quantity_f"] == 0.0
