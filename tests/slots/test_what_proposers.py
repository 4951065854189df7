"""Each what proposer on its own, on made-up sentences parsed by the real pipeline: (text, figure) -> the
phrases it offers; and the what features, the rules' order and v1's answers."""
import pytest

from newsclaims.slots import what_proposers as P
from newsclaims.slots.rankers import RulesRanker
from newsclaims.slots.what_features import rules_candidates, what_candidates


HEADLINE = "Valley growers face a poor apple harvest\n\nThey picked 4,000 tons last autumn."


@pytest.mark.parametrize("proposer, text, figure, expected", [
    # the rules' own answer, whatever it is (a pronoun included: v1 keeps it)
    (P.rules_what, "Ohio lost 3,000 factory jobs last year.", "3,000", ["factory jobs"]),
    (P.rules_what, "It was 40 tons.", "40 tons", ["It"]),
    # the noun the figure counts, bare and with its clause
    (P.counted_noun, "The town built 20 new wooden bridges in 2019.", "20", ["new wooden bridges"]),
    (P.counted_noun, "Some 300 workers who left the mill found new jobs.", "300", ["workers", "workers who left"]),
    (P.counted_noun, "Output was 40 tons.", "40 tons", []),
    # the noun phrase the figure is 'of', or the noun it is an amount of
    (P.of_phrase, "About 70% of the apple harvest went abroad.", "70%", ["apple harvest"]),
    (P.of_phrase, "The council set a levy of 5% on hotel rooms.", "5%", ["levy"]),
    (P.of_phrase, "Rainfall rose 12% in May.", "12%", []),
    # the governing verb's subject and object
    (P.verb_subject, "The city's water bill was $4 million last year.", "$4 million", ["city's water bill"]),
    (P.verb_subject, "It was $4 million last year.", "$4 million", []),  # a pronoun is no what
    (P.verb_object, "The council cut the hotel levy to 5% in June.", "5%", ["hotel levy"]),
    (P.verb_object, "The council set 5% as the new levy.", "5%", []),  # the figure is the object itself
    # the measured noun with its verb: a subject's clause, an object's verb, a measure's activity
    (P.measured_with_verb, "About 9,000 farms in the valley lost phone service on Monday.", "9,000",
     ["farms in the valley lost phone service"]),
    (P.measured_with_verb, "The flood killed 12 people and injured dozens.", "12", ["killed people"]),
    (P.measured_with_verb, "Hikers walked 30 miles on Sunday.", "30 miles", ["walked miles"]),
    (P.measured_with_verb, "The bridge is 30 meters long.", "30 meters", []),
    # what money is for or in
    (P.money_for, "The county approved $5 million for new school buses.", "$5 million", ["new school buses"]),
    (P.money_for, "Lenders made $2 billion in farm loans.", "$2 billion", ["farm loans"]),
    (P.money_for, "The county approved 40 new school buses for the district.", "40", []),  # not money
    # the head of a list item or gapped clause: each figure its own thing
    (P.list_item, "Wheat exports rose 12% in May, corn 8% and barley 3%.", "8%", ["corn"]),
    (P.list_item, "Wheat exports rose 12% in May.", "12%", []),
    # the what of the figure before in the same sentence, restated
    (P.previous_figure, "Wheat exports rose 12% to 4 million tons in May.", "4 million tons", ["Wheat exports"]),
    (P.previous_figure, "Wheat exports rose 12% in May. Rainfall was 40 millimeters.", "40 millimeters", []),
    # the headline's subject phrase, never from the figure's own sentence
    (P.headline_phrase, HEADLINE, "4,000 tons", ["Valley growers"]),
    (P.headline_phrase, "Growers picked 4,000 tons last autumn.", "4,000 tons", []),
    # the counted noun or subject with all it governs
    (P.whole_phrase, "The deaths caused by the storm in the valley reached 25 this week.", "25",
     ["deaths caused by the storm in the valley"]),
    (P.whole_phrase, "Deaths reached 25 this week.", "25", ["Deaths"]),
    # the thing with the word for the figure's kind (models/lexicon/what_kinds.json)
    (P.kind_word, "About 70% of the apple harvest went abroad.", "70%", ["share of apple harvest"]),
    (P.kind_word, "Wheat exports rose 12% in May.", "12%", ["increase in Wheat exports"]),
    (P.kind_word, "Wheat exports reached 4 million tons in May.", "4 million tons", []),  # a level
    # no what at all
    (P.null_what, "Output was 40 tons.", "40 tons", [None]),
])
def test_proposer(what_frame_of, proposer, text, figure, expected):
    frame, index = what_frame_of(text)
    got = proposer(frame, index(figure))
    assert [c.value for c in got] == expected
    for c in got:
        assert c.slot == "what" and c.proposer in P.PROPOSERS
        if c.span is not None:
            assert text[c.span[0]:c.span[1]] == c.text


@pytest.mark.parametrize("text, figure", [
    ("The flood killed 12 people and injured dozens.", "12"),
    ("Wheat exports rose 12% in May, corn 8% and barley 3%.", "8%"),
    ("It was 40 tons.", "40 tons"),
])
def test_the_rules_answer_ranks_first_and_candidates_merge_by_wording(what_frame_of, text, figure):
    frame, index = what_frame_of(text)
    mi = index(figure)
    every, fast = what_candidates(frame, mi), rules_candidates(frame, mi)
    first = RulesRanker().rank(every)[0].candidate
    assert first.value == frame.rules[mi][0] == RulesRanker().rank(fast)[0].candidate.value
    wordings = [P.normalised(c.value) for c in every if not c.is_null]
    assert len(wordings) == len(set(wordings))
    assert sum(c.is_null for c in every) == 1


@pytest.mark.parametrize("text, figure, value, present, absent", [
    # the longer wording of the rules' noun, in the figure's clause, holding the counted noun
    ("The flood killed 12 people and injured dozens.", "12", "killed people",
     {"proposer_with_verb", "joined", "rules_extends", "holds_counted_noun", "length_le_2"}, {"has_entity"}),
    # a subject that names an entity, before the figure
    ("Ohio's water bill was $4 million last year.", "$4 million", "Ohio's water bill",
     {"by_subject", "has_entity", "before", "sentences_0", "same_clause"}, {"joined"}),
])
def test_features(what_frame_of, text, figure, value, present, absent):
    frame, index = what_frame_of(text)
    found = {c.value: c for c in what_candidates(frame, index(figure))}
    assert value in found, list(found)
    features = set(found[value].features)
    assert present <= features, present - features
    assert not absent & features
