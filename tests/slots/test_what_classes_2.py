"""What classes of issue 11, second round: one table per class of what error, on made-up sentences. Each row
says what the proposer or feature of the class must give."""
from types import SimpleNamespace

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsclaims.slots import what_features as F
from newsclaims.slots import what_proposers as P


def _parsed(words: list[str], heads: list[int]) -> Doc:
    """A hand-parsed doc (heads by index; the root heads itself), so the arcs counted do not hang on the parser."""
    deps = ["ROOT" if h == i else "dep" for i, h in enumerate(heads)]
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


# "Mayor said fares rose 5 %": said <- Mayor, said <- rose, rose <- fares, rose <- %, % <- 5
_SAID = (["Mayor", "said", "fares", "rose", "5", "%"], [1, 1, 3, 1, 5, 3])


# The path between a candidate and the figure counts the real arcs, through the sentence's root too (it once
# counted a root ancestor as 40 arcs, so a candidate beside the root looked as far as one in another clause).
@pytest.mark.parametrize("candidate, figure, arcs", [
    (0, 1, 1),  # the root's own child
    (0, 3, 2),  # two children of the root: through the root
    (0, 4, 4),  # Mayor -> said -> rose -> % -> 5
    (2, 5, 2),  # siblings below the root
    (1, 5, 2),  # the root itself, two arcs above the figure
    (4, 4, 0),  # a token to itself
])
def test_what_path_counts_real_arcs_through_the_root(candidate, figure, arcs):
    doc = _parsed(*_SAID)
    frame = SimpleNamespace(memo={})
    assert F._path_to(frame, doc[candidate], doc[figure]) == arcs
    assert F._path_to(SimpleNamespace(memo={}), doc[figure], doc[candidate]) == arcs


def _candidates(what_frame_of, text, figure):
    frame, index = what_frame_of(text)
    return {c.value: c for c in F.what_candidates(frame, index(figure))}


# A figure read on a named scale measures the scale's what when the text speaks of what the scale measures; a
# count that a scale's threshold delimits, and a scale word in a text about something else, do not.
@pytest.mark.parametrize("text, figure, expected", [
    ("The agency measured the quake at 6.1 magnitude on Sunday.", "6.1", True),
    ("A 5.8-magnitude tremor shook the valley before dawn.", "5.8", True),
    ("The earthquake had a magnitude 6.4 reading, officials said.", "6.4", True),
    ("The agency put the quake at 6.1 magnitude while the institute said it was a 6.3.", "6.3", True),
    ("Experts expect 40 magnitude 3 aftershocks after the earthquake.", "40", False),
    ("The star's brightness is 4.2 magnitude, the observatory said.", "4.2", False),
])
def test_scale_figures_take_the_scale_what(what_frame_of, text, figure, expected):
    frame, index = what_frame_of(text)
    offered = [c.value for c in P.scale_what(frame, index(figure))]
    assert ("earthquake magnitude" in offered) is expected


# A list item's figure takes the list's heading, with the word for its dimension: the heading says what every
# item measures.
_RESULTS = "Race report.\n\nFinal standings:\n\n1. Ann Lee in 3 hours\n2. Bo Kim at 12 secs\n- Cy Ho at 20 secs\n\n" \
           "She won the race by 12 minutes."


@pytest.mark.parametrize("figure, expected", [
    ("3 hours", "Final standings"),
    ("12 secs", "Final standings"),
    ("20 secs", "Final standings"),
    ("12 minutes", None),  # a sentence after the list, not an item
])
def test_list_heading_of_an_item(figure, expected):
    found = P._list_heading(_RESULTS, _RESULTS.index(figure))
    assert (_RESULTS[found[0]:found[1]] if found else None) == expected


def test_list_heading_needs_a_colon_heading():
    text = "Results\n\n1. Ann Lee in 3 hours\n2. Bo Kim at 12 secs"
    assert P._list_heading(text, text.index("12 secs")) is None


def test_list_heading_offers_the_dimension_word(what_frame_of):
    frame, index = what_frame_of(_RESULTS)
    offered = [c.value for c in P.list_heading(frame, index("12 secs"))]
    assert offered == ["Final standings", "time in Final standings"]


# Features of the classes the ranker weighs: the unit with its verb names no noun ('drove meters'); a candidate
# of names only, or with a name at its head, is a who more often than what is measured.
@pytest.mark.parametrize("text, figure, value, feature, expected", [
    ("The rover drove 5 meters from the station toward the crater.", "5 meters", "drove meters", "no_noun", True),
    ("The rover drove 5 meters from the station toward the crater.", "5 meters",
     "distance drove from the station toward the crater", "no_noun", False),
    ("Acme Industries sold 40 trucks to farmers in Ohio last year.", "40", "Acme Industries", "only_names", True),
    ("Acme Industries sold 40 trucks to farmers in Ohio last year.", "40", "trucks", "only_names", False),
])
def test_what_class_features(what_frame_of, text, figure, value, feature, expected):
    candidates = _candidates(what_frame_of, text, figure)
    assert value in candidates, list(candidates)
    assert (candidates[value].features.get(feature) == 1.0) is expected


# Candidates that run over another figure or a comma: past them the sentence says something of its own.
@pytest.mark.parametrize("text, figure, feature", [
    ("The town built 30 schools and 12 clinics near the river.", "30", "holds_figure"),
    ("The council approved 40 new buses, which will replace the old fleet.", "40", "holds_comma"),
])
def test_candidates_that_run_past_a_break(what_frame_of, text, figure, feature):
    candidates = _candidates(what_frame_of, text, figure)
    flagged = [v for v, c in candidates.items() if c.features.get(feature)]
    plain = [v for v, c in candidates.items() if c.value and not c.features.get(feature)]
    assert flagged and plain, list(candidates)
    assert all(("12" in v or "," in v) for v in flagged)
