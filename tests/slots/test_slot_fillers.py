"""Each slot is one SlotFiller (its proposers) and one ranker; the claims component decides every slot the same way."""
import pytest

from newsclaims.slots.candidates import Candidate, ProposerFiller
from newsclaims.slots.date_features import DATE_FILLER, date_candidates
from newsclaims.slots.date_features import rules_candidates as date_rules
from newsclaims.slots.what_features import WHAT_FILLER
from newsclaims.slots.what_features import rules_candidates as what_rules
from newsclaims.slots.what_features import what_candidates
from newsclaims.slots.who_features import WHO_FILLER, who_candidates
from newsclaims.slots.who_features import rules_candidates as who_rules

EVERY = [Candidate("who", "rules", "Ohio"), Candidate("who", "entity", "Texas"), Candidate("who", "null")]
RULES = [EVERY[0], EVERY[2]]


@pytest.mark.parametrize("rules_only, every, expected", [
    (lambda f, mi: RULES, True, EVERY),
    (lambda f, mi: RULES, False, RULES),
    (None, False, EVERY),  # a slot without a cheaper rules-only list always proposes everything
    (None, True, EVERY),
])
def test_a_filler_gives_the_rules_own_candidates_only_when_asked(rules_only, every, expected):
    filler = ProposerFiller("who", lambda f, mi: EVERY, rules_only)
    assert filler.candidates(None, 0, every=every) == expected


@pytest.mark.parametrize("filler, slot, every_candidate, rules_only", [
    (DATE_FILLER, "date", date_candidates, date_rules),
    (WHO_FILLER, "who", who_candidates, who_rules),
    (WHAT_FILLER, "what", what_candidates, what_rules),
])
def test_each_slot_has_its_filler(filler, slot, every_candidate, rules_only):
    assert (filler.slot, filler.every_candidate, filler.rules_only) == (slot, every_candidate, rules_only)
