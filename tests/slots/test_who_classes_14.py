"""Who classes of issue 11, fourteenth round: names the small NER model leaves untagged, and subjects named by a
nationality, on made-up sentences parsed by the real pipeline.

Each row: (text, figure, expected who); a name matches as the evaluator matches it.
"""
import pytest

from who_checks import check


# A proper-noun subject renamed by a description ('X, the largest U.S. retailer,') owns the figure even when the NER
# tags no entity on it: the place inside the description only describes it.
@pytest.mark.parametrize("text, figure, expected", [
    ("Kroger, the biggest U.S. grocer, employs 400,000 people.", "400,000", "Kroger"),
    ("Danone, the French dairy group, sold 3 million tonnes of yogurt.", "3 million tonnes", "Danone"),
    ("Halliburton, the Houston-based oilfield firm, cut 2,500 jobs.", "2,500", "Halliburton"),
])
def test_an_untagged_name_renamed_by_a_description_owns_the_figure(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A nationality adjective of the subject: the name the subject is renamed by wins ('the Dutch brewer Heineken'); a
# population keeps the group as written (the guidelines' 'Palestinian refugees').
@pytest.mark.parametrize("text, figure, expected", [
    ("The Dutch brewer Heineken sold 24 million bottles of beer.", "24 million", "Heineken"),
    ("The German automaker Volkswagen delivered 9 million cars.", "9 million", "Volkswagen"),
    ("American shoppers spent $12 billion online on Cyber Monday.", "$12 billion", "American shoppers"),
    ("Italian voters backed the reform by a margin of 300,000 votes.", "300,000", "Italian voters"),
])
def test_a_nationality_subject(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# What stays: a tagged subject keeps its entity, and a description naming no place changes nothing.
@pytest.mark.parametrize("text, figure, expected", [
    ("Microsoft, the software maker, hired 5,000 engineers.", "5,000", "Microsoft"),
    ("Ohio lost 3,000 factory jobs in May.", "3,000", "Ohio"),
])
def test_what_stays(nlp, text, figure, expected):
    check(nlp, text, figure, expected)
