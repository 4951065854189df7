"""Who classes of issue 11, fifth round, on made-up sentences parsed by the real pipeline (rules, v1).

Each row: (text, figure, expected who). ``None`` means the claim must have no who; a name matches as the
evaluator matches it (case, periods and a leading 'the' aside, or one name containing the other as whole words).
"""
import pytest

from who_checks import check, who_of


# A subject that is a part or a measure of something unnamed is stated for its possessor as written.
@pytest.mark.parametrize("text, figure, expected", [
    ("The new lunar probe's antenna will be four metres wide.", "four metres", "the new lunar probe"),
    ("The old bridge's main span is 400 metres long.", "400 metres", "the old bridge"),
])
def test_possessor_of_the_subject(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A possessive pointer noun still stands for the name it points at, and a named possessor stays the name.
@pytest.mark.parametrize("text, figure, expected", [
    ("Velora Foods Inc. opened a plant in Leeds. The company's revenue rose 6% last year.", "6%", "Velora Foods"),
    ("Norway's oil output fell 3% in May.", "3%", "Norway"),
])
def test_possessor_of_the_subject_named(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# 'it' or 'they' after a noun subject of an earlier clause of the same sentence stands for that noun.
@pytest.mark.parametrize("text, figure, expected", [
    ("Ohio is large. The seed industry is growing fast: it has increased 20 percent in each of the last three years.", "20 percent",
     "seed industry"),
    ("Ohio is large. Local beekeepers had a good season, and they sold 300 tonnes of honey in May.", "300 tonnes",
     "local beekeepers"),
])
def test_pronoun_after_an_earlier_subject(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A reporter does not own the figure its pronoun points to, and a single clause keeps its own subject.
@pytest.mark.parametrize("text, figure, wrong", [
    ("Ohio is large. Analysts say it will cost $5 billion to rebuild the port.", "$5 billion", "Analysts"),
])
def test_pronoun_after_a_reporter(nlp, text, figure, wrong):
    assert who_of(nlp, text, figure) != wrong


# A subject that names a measure, a burden or a penalty ('the average temperature', 'the prison term', 'the
# settlement') is what was measured or imposed, never the thing the level describes (subjects.json measures).
@pytest.mark.parametrize("text, figure, wrong", [
    ("Ohio is large. The average temperature was 71°F on Monday.", "71°F", "The average temperature"),
    ("Ohio is large. The prison term will be followed by 30 days of community service.", "30 days", "The prison term"),
    ("Ohio is large. The settlement cuts emissions by 20,000 tons per year.", "20,000 tons per year", "The settlement"),
])
def test_measure_subject_is_not_described(nlp, text, figure, wrong):
    assert who_of(nlp, text, figure) != wrong


# 'we' or 'our' in a quote stands for the organisation the speaker is named with; a speaker named only by a pronoun
# or with no organisation gives no such who.
@pytest.mark.parametrize("text, figure, expected", [
    ('Demand is strong, says Ann Lee, the president of Brightwater Turbines Inc. "We could sell 30 percent more '
     'turbines next year."', "30 percent", "Brightwater Turbines"),
    ('Ann Lee, the head of Norvale Mining Corp., told reporters about the mine. "Our output rose 12 percent in May."',
     "12 percent", "Norvale Mining"),
])
def test_we_is_the_speakers_organisation(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


@pytest.mark.parametrize("text, figure, wrong", [
    ('"Ann Lee of Brightwater Turbines Inc. says prices will rise," he said. "We could sell 30 percent more turbines."',
     "30 percent", "Brightwater Turbines"),
])
def test_we_without_a_named_speaker(nlp, text, figure, wrong):
    assert who_of(nlp, text, figure) != wrong


# A share of a population that its clause places is the place's; one a named subject holds is the subject's; a
# plain share of a population stays the population's.
@pytest.mark.parametrize("text, figure, expected", [
    ("About 30 percent of the region's nurses now work in Portugal.", "30 percent", "Portugal"),
    ("Norway hosts about a quarter of all the students in the program.", "a quarter", "Norway"),
    ("Overall, 38% of retired nurses had moved to a smaller home.", "38%", "retired nurses"),
])
def test_share_of_a_population_placed_or_held(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# The proposers of this round offer, for the trained ranker, candidates no other proposer has: the owner of a measure
# subject, a place named by a common noun, the noun subject a pronoun subject takes up.
from newsclaims.slots import who_proposers as P  # noqa: E402
from test_who_proposers import who_frame_of  # noqa: E402,F401  (the fixture)


@pytest.mark.parametrize("proposer, text, figure, expected", [
    (P.measure_owner, "The income of farm families fell 3% in May.", "3%", ["farm families"]),
    (P.measure_owner, "The old mill's output rose 4% last year.", "4%", ["The old mill"]),
    (P.measure_owner, "Output rose 4% last year.", "4%", []),
    (P.place_phrase, "There are about 9,000 clinics in the country.", "9,000", ["the country"]),
    (P.place_phrase, "There are about 9,000 clinics in the morning.", "9,000", []),
    (P.pronoun_subject, "The seed trade is growing: it has risen 20 percent a year.", "20 percent a year", ["The seed trade"]),
    (P.pronoun_subject, "Ohio farms rose 20 percent a year.", "20 percent a year", []),
])
def test_round_five_proposers(who_frame_of, proposer, text, figure, expected):
    frame, index = who_frame_of(text)
    got = proposer(frame, index(figure))
    assert [c.value for c in got] == expected
    assert all(c.slot == "who" and c.proposer in P.PROPOSERS for c in got)
