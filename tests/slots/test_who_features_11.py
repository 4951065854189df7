"""The who features of issue 11's eleventh round: each proposer's own weight for the figure's verb class, and, in the
figure's sentence, how the candidate's clause stands to the figure's and whether it is the sentence's subject."""
import pytest

from who_checks import candidates_of


@pytest.mark.parametrize("text, figure, name, present, absent", [
    # the figure's own clause's subject, the sentence's subject too
    ("Peru mined 400 tons of silver in 2020.", "400 tons", "Peru",
     {"clause_same", "sentence_subject", "verb_activity"}, {"clause_above", "clause_below"}),
    # a name in the speaker's clause, which governs the figure's
    ("At a briefing in Geneva, the envoy said that 300 families had fled.", "300", "Geneva",
     {"clause_above"}, {"clause_same", "sentence_subject"}),
    # a name in a clause the figure's clause governs
    ("Farmers harvested 900 tons, which were shipped to Japan.", "900 tons", "Japan",
     {"clause_below"}, {"clause_same", "clause_above"}),
])
def test_clause_relation_and_sentence_subject(nlp, text, figure, name, present, absent):
    cand = candidates_of(nlp, text, figure).get(name)
    assert cand is not None, f"no candidate {name!r}"
    names = set(cand.features)
    for feature in present:
        assert feature in names or any(k.endswith(f"*{feature}") for k in names), f"{feature} missing: {sorted(names)}"
    for feature in absent:
        assert feature not in names, f"{feature} present"
    assert any(k.endswith("*clause_" + r) for k in names for r in ("same", "above", "below", "apart"))  # per proposer
