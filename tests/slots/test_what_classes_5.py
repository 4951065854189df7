"""What classes of issue 11, fifth round: ranking features that read the figure's clause rather than one wording, and
training that learns every right wording. Made-up sentences; each row says which feature a candidate carries."""
import pytest

from newsclaims.slots.candidates import Candidate
from newsclaims.slots.what_features import what_candidates
from newsclaims.training.slots import Figure


def _features(what_frame_of, text, figure, value):
    frame, index = what_frame_of(text)
    found = [c for c in what_candidates(frame, index(figure)) if c.value == value]
    assert found, f"no candidate {value!r} among {[c.value for c in what_candidates(frame, index(figure))]}"
    return found[0].features


# The part in the figure's clause of the noun a candidate leads with: the subject of an activity verb is the doer,
# the noun the figure counts is the thing, a level verb's subject is what the level is of.
@pytest.mark.parametrize("text, figure, value, feature", [
    ("The county awarded $4 million in grants to farmers.", "$4 million", "county", "lead_subject*verb_activity"),
    ("The shortfall was $3 billion last year.", "$3 billion", "shortfall", "lead_subject*verb_level"),
    ("The storm destroyed 40 barns in the valley.", "40", "barns", "lead_noun*verb_activity"),
])
def test_candidates_carry_the_part_of_their_lead_noun(what_frame_of, text, figure, value, feature):
    assert _features(what_frame_of, text, figure, value).get(feature) == 1.0


# A candidate that ends on a verb carries the verb's tag: a participle after the noun names the things
# ('barns destroyed'), a finite verb tells an event.
@pytest.mark.parametrize("text, figure, value, feature", [
    ("The storm destroyed 40 barns in the valley.", "40", "barns destroyed", "ends_verb_VBD"),
    ("Some 300 barns destroyed by the storm were rebuilt.", "300", "barns destroyed", "ends_verb_VBN"),
])
def test_candidates_ending_on_a_verb_carry_its_tag(what_frame_of, text, figure, value, feature):
    assert _features(what_frame_of, text, figure, value).get(feature) == 1.0


def test_a_candidate_without_a_verb_at_its_end_has_no_verb_tag(what_frame_of):
    features = _features(what_frame_of, "The storm destroyed 40 barns in the valley.", "40", "barns")
    assert not any(name.startswith("ends_verb_") for name in features)


# Every wording the evaluator scores right is a positive to learn, not only the closest to the gold: a right
# wording taught as wrong pushes the ranker away from it on the next story.
@pytest.mark.parametrize("gold, values, labels", [
    ("wheat exports", ["wheat exports", "wheat exports to Asia", "Asia"], [1, 1, 0]),
    ("barns destroyed", ["barns", "barns destroyed", "storm"], [1, 1, 0]),
    ("tariff on steel", ["Washington", "talks"], [0, 0]),
])
def test_every_right_what_wording_is_a_positive(gold, values, labels):
    candidates = [Candidate("what", "rules", v, v) for v in values]
    figure = Figure("t", {}, {"what": candidates}, True, {"what": gold})
    assert figure.labels("what") == labels
