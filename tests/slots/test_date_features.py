"""Features of (figure, date candidate) pairs and the rules' order, on parsed sentences."""
import pytest

from newsclaims.slots.date_features import date_candidates, precision, rules_candidates

PUB = "2021-03-01"
TWO_LEVELS = "Chile's output rose to 45,000 tons in 2024 from 38,000 tons in 2020."
BASELINE = "Sales reached $4 billion in 2020, $1 billion more than in 2019."


def candidate(cands, proposer, value):
    found = [c for c in cands if c.proposer == proposer and c.value == value]
    assert found, [(c.proposer, c.value) for c in cands]
    return found[0]


@pytest.mark.parametrize("text, figure, proposer, value, present, absent", [
    (BASELINE, "$4 billion", "owned", "2020", {"owned_gap", "after", "same_sentence", "distance_le_15",
                                                "resolution_explicit", "precision_year", "proposer_owned"},
     {"marker_between", "figure_between", "owned_by_other"}),
    (BASELINE, "$4 billion", "sentence", "2019", {"marker_between", "figure_between", "marker_before", "after"},
     {"owned_gap"}),
    (TWO_LEVELS, "45,000 tons", "sentence", "2020", {"owned_by_other", "figure_between", "marker_between"}, {"owned_gap"}),
    (TWO_LEVELS, "38,000 tons", "carry", "2024", {"before", "same_sentence", "sentences_0"}, {"after"}),
    ("Exports fell in 2019. Imports were 45,000 tons.", "45,000 tons", "carry", "2019",
     {"before", "sentences_back_1", "same_paragraph", "carry*precision_year", "carry*dated_before"},
     {"same_sentence", "carry*sentence_dated"}),
    ("Imports were 45,000 tons last month.", "45,000 tons", "owned", "2021-02", {"resolution_relative", "precision_month"},
     set()),
    ("Imports were 45,000 tons.", "45,000 tons", "null", None, {"proposer_null", "null*tense_past"},
     {"null*sentence_dated", "after", "before"}),
    ("Imports were 45,000 tons in 2019.", "45,000 tons", "null", None, {"null*sentence_dated"}, set()),
    ("\u201cWe make 45,000 tons,\u201d he said.", "45,000 tons", "null", None, {"null*in_quote"}, set()),
])
def test_pair_features(frame_of, text, figure, proposer, value, present, absent):
    frame, index = frame_of(text, PUB)
    features = candidate(date_candidates(frame, index(figure)), proposer, value).features
    assert present <= set(features), sorted(features)
    assert not absent & set(features), sorted(features)
    assert all(isinstance(v, float) and 0 < v <= 1.5 for v in features.values())


@pytest.mark.parametrize("text, figure, first", [
    (BASELINE, "$1 billion", ("baseline", "2019/2020")),  # a change's size: the baseline period
    (BASELINE, "$4 billion", ("owned", "2020")),  # the date right after the figure
    (TWO_LEVELS, "38,000 tons", ("owned", "2020")),
    ("In 2024, output was 45,000 tons.", "45,000 tons", ("sentence", "2024")),
    ("The city now counts 80 shelters.", "80", ("now_word", PUB)),
    ("Exports fell in 2019. Imports were 45,000 tons.", "45,000 tons", ("carry", "2019")),
    ("Imports were 45,000 tons.", "45,000 tons", ("null", None)),  # the publication date alone is never the rules'
])
def test_rules_order(frame_of, text, figure, first):
    frame, index = frame_of(text, PUB)
    cands = date_candidates(frame, index(figure))
    assert (cands[0].proposer, cands[0].value) == first
    assert cands[0].features["rule_first"] == 1.0
    assert [c.features["rule_rank_inverse"] for c in cands] == sorted((c.features["rule_rank_inverse"] for c in cands),
                                                                      reverse=True)
    assert sum(c.is_null for c in cands) == 1  # the null candidate is always there, once


@pytest.mark.parametrize("text, figure", [
    (BASELINE, "$1 billion"), (TWO_LEVELS, "38,000 tons"), ("The city now counts 80 shelters.", "80"),
    ("Exports fell in 2019. Imports were 45,000 tons.", "45,000 tons"), ("Imports were 45,000 tons.", "45,000 tons"),
])
def test_rules_only_list_keeps_every_candidate_in_the_rules_order(frame_of, text, figure):
    frame, index = frame_of(text, PUB)
    every, rules = date_candidates(frame, index(figure)), rules_candidates(frame, index(figure))
    rank = ("rule_rank_inverse", "rule_first")
    assert [(c.proposer, c.value, c.span, {k: c.features.get(k) for k in rank}) for c in every] == \
        [(c.proposer, c.value, c.span, {k: c.features.get(k) for k in rank}) for c in rules]
    assert all(set(c.features) <= set(rank) for c in rules)


def test_the_date_another_figure_owns_ranks_after_null(frame_of):
    frame, index = frame_of("Exports were 3,000 tons in 2019 and imports 45,000 tons.", PUB)
    order = [(c.proposer, c.value) for c in date_candidates(frame, index("45,000 tons"))]
    assert order.index(("sentence", "2019")) > order.index(("null", None))


@pytest.mark.parametrize("value, expected", [("2024", "year"), ("2024-10", "month"), ("2024-10-30", "day"),
                                             ("2023-10/2024-09", "interval"), (None, "none")])
def test_precision(value, expected):
    assert precision(value) == expected
