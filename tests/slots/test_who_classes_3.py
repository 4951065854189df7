"""Who classes of issue 11, third round, on made-up sentences parsed by the real pipeline (rules, v1).

Each row: (text, figure, expected who). ``None`` means the claim must have no who; a name matches as the
evaluator matches it (case, periods and a leading 'the' aside, or one name containing the other as whole words).
"""
import pytest

from who_checks import check


# A two- or three-letter acronym the story repeats is a name (the NER's junk of a dateline stands once); one the
# text uses as a common noun ('an ATM', 'miles traveled (VMT)') stays out.
@pytest.mark.parametrize("text, figure, expected", [
    ("The Federal Aviation Office (FAO) opened a review.\n\nFAO awarded $4 million in grants to airports.",
     "$4 million", "FAO"),
    ("The Marine Fisheries Board (MFB) met in Lisbon. MFB plans to spend $9 million on new boats.",
     "$9 million", "MFB"),
])
def test_repeated_acronym_is_a_name(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A definite noun that takes up a noun an owner was named with takes that owner: 'the plan' after 'Acme's plan'.
@pytest.mark.parametrize("text, figure, expected", [
    ("Ministers discussed Governor Maria Lopez's new spending plan for 2027 on Monday.\n\n"
     "The plan includes $4.5 billion for roads and bridges.", "$4.5 billion", "Maria Lopez"),
    ("Reporters asked about Mayor John Fields's proposed budget request.\n\n"
     "The budget sets aside $12 million for parks.", "$12 million", "John Fields"),
])
def test_definite_noun_takes_the_earlier_owner(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A possessor that a place narrows: the inner place ('Peru's Cusco region') owns the figure.
@pytest.mark.parametrize("text, figure, expected", [
    ("Heavy rain fell for a week.\n\nPeru's Cusco region has been hit hard, with over 2,000 people displaced.",
     "2,000", "Cusco"),
])
def test_inner_place_of_a_possessor(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A described group of places with no name is who as written; a bare count of places is not.
@pytest.mark.parametrize("text, figure, expected", [
    ("Doctors met in Geneva.\n\nAbout 40 million workers in poor countries are unbanked.", "40 million", "poor countries"),
    ("Doctors met in Geneva.\n\nIn rich countries, it may climb by seven points.", "seven points", "rich countries"),
])
def test_described_group_of_places(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


@pytest.mark.parametrize("text, figure, expected", [
    ("Acme Corp. grew fast.\n\nAcme Corp. sold 3 million phones in 29 states.", "3 million", "Acme Corp."),
])
def test_described_group_leaves_others(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A pronoun subject takes the matching entity that was the subject of the sentence before, not a place named
# after it ('Peru sent ships to Chile. It sent ...' -> Peru).
@pytest.mark.parametrize("text, figure, expected", [
    ("Exports grew in 2020.\n\nPeru sent more ships to Chile than ever. It sent the largest fleet to Chile with 412.",
     "412", "Peru"),
])
def test_pronoun_takes_the_prior_subject(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A place that only says where something is based is not its owner ('the Ohio-based firm Acme').
@pytest.mark.parametrize("text, figure, expected", [
    ("The Florida-based company Orbitex is set to launch 9 missions to the station.", "9", "Orbitex"),
    ("The Texas-based firm Acme Corp. shipped 4,000 robots in May.", "4,000", "Acme Corp."),
])
def test_base_place_is_not_the_owner(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A singular organisation pointer acting on the figure is resolved, not kept as written; 'the nation' stays.
@pytest.mark.parametrize("text, figure, expected", [
    ("Shares of Acme Corp. rose on Monday.\n\nThe company made almost $900 million in profit in 2019.", "$900 million", "Acme Corp."),
])
def test_organisation_pointer_actor_is_resolved(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A world total inside a prepositional phrase has no owner even when the clause has a subject: the subject owns
# the share, not the total; a world scope on the verb leaves the subject's figure alone.
@pytest.mark.parametrize("text, figure, expected", [
    ("Doctors met in Oslo.\n\nTogether, these four diseases make up thirty percent of the nine million deaths "
     "worldwide each year.", "nine million", None),
    ("Doctors met in Oslo.\n\nSmoking accounts for a fifth of the 7 million deaths in the world each year.",
     "7 million", None),
])
def test_world_total_in_a_phrase_has_no_owner(nlp, text, figure, expected):
    check(nlp, text, figure, expected)
