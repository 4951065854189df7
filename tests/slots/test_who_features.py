"""The who candidates' features and the rules' order, on sentences parsed by the real pipeline."""
import pytest

import newsclaims
from newsclaims.slots.rankers import RulesRanker

PUB = "2021-03-01"


@pytest.fixture(scope="module")
def who_candidates_of(nlp):
    """``who_candidates_of(text, figure)`` -> the figure's who candidates, in the rules' order, by name."""
    builder = nlp.get_pipe("newsclaims_claims")

    def make(text, figure):
        with nlp.select_pipes(disable=[builder.name]):
            doc = nlp(newsclaims.make_doc(nlp, text, doc_id="t", published=PUB))
        for claim, ranked in builder.build_ranked(doc):
            if claim.text == figure:
                ordered = sorted((s.candidate for s in ranked["who"]), key=lambda c: -c.features["rule_rank_inverse"])
                return {c.value: c for c in ordered}, claim
        raise AssertionError(f"no figure {figure!r}")

    return make


SPEAKER = "Ohio lost 3,000 factory jobs last year, the Labor Department said."
BASELINE = "Sales in Ohio reached $4 billion, up from $3 billion in Texas."
REPEATED = "Chile mines copper. Chile exports it to Japan. Chile produced 5 million tons in 2020."


@pytest.mark.parametrize("text, figure, name, present, absent", [
    # the subject of the figure's own verb, in its clause, right before it
    (SPEAKER, "3,000", "Ohio", {"governing_subject", "same_clause", "before", "sentences_0", "ent_GPE", "path_le_3"},
     {"is_source", "reporting_subject"}),
    # the speaker: the sentence's source and a reporting verb's subject, in another clause, after the figure
    (SPEAKER, "3,000", "the Labor Department", {"is_source", "reporting_subject", "after", "ent_ORG"},
     {"governing_subject", "same_clause"}),
    # a comparison marker stands between the figure and the other side's place
    (BASELINE, "$4 billion", "Texas", {"marker_between", "after"}, {"governing_subject"}),
    (BASELINE, "$4 billion", "Ohio", {"before", "by_stated_for"}, {"marker_between"}),
    # mentions so far, and a name several proposers offer keeps a feature for each
    (REPEATED, "5 million tons", "Chile", {"mentioned_2_3", "by_subject", "by_entity", "by_main", "proposers_3"},
     {"mentioned_0"}),
    # the null candidate reads what the figure's clause says, crossed with its proposer
    (SPEAKER, "3,000", None, {"proposer_null", "null*subject_entity", "null*verb_activity", "null*has_source"},
     {"same_clause"}),
])
def test_pair_features(who_candidates_of, text, figure, name, present, absent):
    candidates, _ = who_candidates_of(text, figure)
    features = candidates[name].features
    assert present <= set(features), sorted(features)
    assert not absent & set(features), sorted(features)


@pytest.mark.parametrize("text, figure, first", [
    (SPEAKER, "3,000", "Ohio"),  # the cascade's answer first
    ("Output was 5 million tons.", "5 million tons", None),  # the cascade found none: the null candidate first
])
def test_the_rules_order_puts_the_cascades_answer_first(who_candidates_of, text, figure, first):
    candidates, claim = who_candidates_of(text, figure)
    best = next(iter(candidates.values()))
    assert best.value == first and best.features["rule_first"] == 1.0
    assert RulesRanker().rank(list(candidates.values()))[0].candidate == best
    assert claim.who == first  # v1 (config.cfg) keeps the cascade's claims


def test_token_distance_and_direction_are_measured_in_tokens(who_candidates_of):
    candidates, _ = who_candidates_of("Exports from Chile to the large and distant market of Japan rose 12% in 2020.", "12%")
    near, far = candidates["Japan"].features, candidates["Chile"].features
    assert near["log_token_distance"] < far["log_token_distance"]
    assert near["before"] == far["before"] == 1.0


def _parsed(words: list[str], heads: list[int]):
    """A hand-parsed doc (heads by index; the root heads itself), so the arcs counted do not hang on the parser."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    deps = ["ROOT" if h == i else "dep" for i, h in enumerate(heads)]
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


# "Acme said sales rose 5 %": said <- Acme, said <- rose, rose <- sales, rose <- %, % <- 5
_SAID = (["Acme", "said", "sales", "rose", "5", "%"], [1, 1, 3, 1, 5, 3])


@pytest.mark.parametrize("a, b, arcs", [
    (0, 1, 1),  # the root's own child
    (0, 3, 2),  # two children of the root: through the root, not 40 arcs
    (0, 4, 4),  # root -> rose -> % -> 5
    (2, 5, 2),  # siblings below the root
    (4, 4, 0),  # a token to itself
    (1, 1, 0),  # the root to itself
])
def test_path_length_counts_real_arcs_through_the_root(a, b, arcs):
    from newsclaims.slots.who_features import _path_length

    doc = _parsed(*_SAID)
    assert _path_length(doc[a], doc[b]) == arcs
    assert _path_length(doc[b], doc[a]) == arcs


def test_path_length_is_none_across_sentences():
    from newsclaims.slots.who_features import _path_length

    doc = _parsed(["Acme", "grew", ".", "Sales", "rose"], [1, 1, 1, 4, 4])
    assert _path_length(doc[0], doc[3]) is None
