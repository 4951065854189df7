"""Who classes of issue 11, fourth round, on made-up sentences parsed by the real pipeline (rules, v1).

Each row: (text, figure, expected who). ``None`` means the claim must have no who; a name matches as the
evaluator matches it (case, periods and a leading 'the' aside, or one name containing the other as whole words).
"""
import pytest

from who_checks import check


# A subject that names a measure or a thing is stated for the entity of its own 'of'/'at'/'in' phrase, not for the
# first entity the sentence names ('In the Midwest, prices at X fell' -> X).
@pytest.mark.parametrize("text, figure, expected", [
    ("In the Midwest, prices at the Chicago Mercantile Exchange fell 14 cents on Tuesday.", "14 cents",
     "Chicago Mercantile Exchange"),
    ("In Europe, sales at the Zara chain in Madrid fell 3%.", "3%", "Zara"),
    ("Despite the storm in Florida, the cost of the Artemis mission at NASA rose to $4 billion.", "$4 billion",
     "NASA"),
])
def test_entity_of_the_subjects_own_phrase(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# With no who in the figure's clause, the sentence's entity the parse ties closest to the figure is its who, not
# the first one the sentence names.
@pytest.mark.parametrize("text, figure, expected", [
    ("Overall, spot prices ranged from a drop of $1.10 at the Kendall Terminal to a gain of $0.20 at the Orford Hub.",
     "$0.20", "Orford Hub"),
    ("The report came out in Oslo on Monday, and a rise of 4% was seen at Nordvik Energy.", "4%", "Nordvik Energy"),
])
def test_sentence_entity_nearest_in_the_parse(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A share in brackets right after a population is that group's; a bare adjective stands for the group noun it
# shares ('urban (55%) and suburban (48%) voters' -> 'urban voters').
@pytest.mark.parametrize("text, figure, expected", [
    ("Compared with rural voters (41%), urban (55%) and suburban (48%) voters backed the plan.", "41%", "rural voters"),
    ("Compared with rural voters (41%), urban (55%) and suburban (48%) voters backed the plan.", "55%", "urban voters"),
    ("Support for the strike was highest among farmers (62%) in the poll.", "62%", "farmers"),
])
def test_bracketed_share_of_a_group(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A thing before the bracket is what was measured, not a group: its share has no who from the bracket.
@pytest.mark.parametrize("text, figure, wrong", [
    ("Most commuters in the survey took buses (40%) or trains (30%) to work.", "40%", "buses"),
])
def test_bracketed_share_of_a_thing(nlp, text, figure, wrong):
    from who_checks import who_of
    assert who_of(nlp, text, figure) != wrong


# A part 'of them' is the group's that the subject just before names; a group the text never names stays out.
@pytest.mark.parametrize("text, figure, expected", [
    ("The agency says Kurds make up the largest group of migrants in Europe; 2 million of them live in Germany.",
     "2 million", "Kurds"),
    ("Officials say 40 million people fell ill last year. Ten million of them were children.", "Ten million", None),
])
def test_part_of_them(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A storm's own measures take the storm by the name it was given before ('Hurricane X', 'Super Typhoon X').
@pytest.mark.parametrize("text, figure, expected", [
    ("Hurricane Delia struck Cuba on Monday.\n\nThe storm killed more than 300 people.", "300", "Hurricane Delia"),
    ("Super Typhoon Rusa hit Taiwan. Later the storm dumped as much as two metres of rain.", "two metres",
     "Super Typhoon Rusa"),
    ("Cyclone Tamsin hit Madagascar this week. Hurricane Omar in May was a bad storm. It killed more than 200 people. "
     "Officials estimate that it caused $9 billion in damage.", "$9 billion", "Hurricane Omar"),
])
def test_storm_takes_its_name(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# 'It' takes a storm only when a storm's name heads the subject before it.
@pytest.mark.parametrize("text, figure, expected", [
    ("Damage from Hurricane Omar was heavy in Cuba. It sent 3,000 soldiers to help.", "3,000", "Cuba"),
    ("Acme Corp. makes cars in Ohio. It sold 300 cars in May.", "300", "Acme Corp."),
])
def test_it_is_a_storm_only_after_one(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A possessive pronoun on the counted noun stands for the body or place named before, as a pronoun subject does.
@pytest.mark.parametrize("text, figure, expected", [
    ("Zentrix Holdings collapsed in May.\n\nIts three former directors, Ann Boyle and Tim Reed, face trial in Denver.",
     "three", "Zentrix Holdings"),
])
def test_possessive_pronoun_on_the_counted_noun(nlp, text, figure, expected):
    check(nlp, text, figure, expected)
