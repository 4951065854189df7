"""Who classes of issue 11, second round: classes seen in three or more dev documents, one table per class, on
made-up sentences parsed by the real pipeline (rules, v1).

Each row: (text, figure, expected who). ``None`` means the claim must have no who; a name matches as the
evaluator matches it (case, periods and a leading 'the' aside, or one name containing the other as whole words).
"""
import pytest

from who_checks import check


# A common-noun subject the figure's clause describes is the who, not the country the document names
# ('the beetle was 4 centimeters long', 'the drone has eight rotors', 'the buoy is deployed for a nine-week drift').
@pytest.mark.parametrize("text, figure, expected", [
    ("Farmers in Brazil found a new beetle.\n\nThe beetle was 4 centimeters wide and showed 12 spots on its wings.",
     "4 centimeters", "The beetle"),
    ("Farmers in Brazil found a new beetle.\n\nThe beetle was 4 centimeters wide and showed 12 spots on its wings.",
     "12", "The beetle"),
    ("Engineers in Norway built the drone.\n\nThe drone carries eight rotors and two cameras.", "eight", "The drone"),
    ("Chile plans an ocean survey.\n\nThe buoy will be deployed for a nine-week drift off the coast.", "nine-week", "The buoy"),
])
def test_described_subject_is_the_who(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# What the class leaves alone: shares and money (a share's subject is its what, money has an owner), a subject
# that is itself counted or is a measure, and a clause that states a place for its facts.
@pytest.mark.parametrize("text, figure, expected", [
    ("Chile counts its birds.\n\nThe condor was the most common bird (44%) in the survey.", "44%", "Chile"),
    ("Peru held a vote.\n\nUnemployment was 7 percent in May.", "7 percent", "Peru"),
    ("Storms hit Chile in May.\n\nThe worst storm struck on May 3 in Valparaiso, with 40 deaths.", "40", "Valparaiso"),
    ("Storms hit Chile in May.\n\nAt least 30 storms were counted, with 9 deaths.", "9", "Chile"),
    ("Storms hit Chile in May.\n\nThirty were seen on a single day, 12 of them near the coast.", "12", "Chile"),
])
def test_described_subject_leaves_others(nlp, text, figure, expected):
    check(nlp, text, figure, expected)
