"""Who classes of issue 11, eighth round, on made-up sentences parsed by the real pipeline (rules, v1).

Each row: (text, figure, expected who). ``None`` means the claim must have no who; a name matches as the
evaluator matches it (case, periods and a leading 'the' aside, or one name containing the other as whole words).
"""
import pytest

from who_checks import check


# A measure-noun subject stated for a place named by a common noun with its article ('in the county') takes that
# place: the name it points back at when the text has named one, else the place as written.
@pytest.mark.parametrize("text, figure, expected", [
    ("Burglaries in the county climbed 9% last year.", "9%", "the county"),
    ('"Joblessness in this town is 17%," a shop owner said.', "17%", "this town"),
    ("Poverty in the region stands at 22%.", "22%", "the region"),
    ("Rents in the area jumped 6% this spring.", "6%", "the area"),
    ("Floods hit Ohio in May. Unemployment in the state rose to 5% in June.", "5%", "Ohio"),
])
def test_place_noun_in_a_measure_subject(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A world scope in the subject is no place: the figure keeps no who from it.
@pytest.mark.parametrize("text, figure, wrong", [
    ("Hunger in the world rose 3% last year.", "3%", "the world"),
])
def test_world_scope_in_a_subject_is_no_place(nlp, text, figure, wrong):
    from who_checks import who_of
    assert who_of(nlp, text, figure) != wrong


# A sentence's capitalised first word that the tagger reads as a common noun is no name, even when the NER tags
# it: the place its phrase names is the who ('Snowfall in Quebec', 'Condo prices in Paris').
@pytest.mark.parametrize("text, figure, expected", [
    ("Rainfall in Odisha was 25% below normal in June, the weather office said.", "25%", "Odisha"),
    ("House prices in Dublin fell 4% in May, the lender said.", "4%", "Dublin"),
])
def test_capitalised_common_noun_is_no_name(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A disaster named by a common noun as the subject does not own the figure: the place of its verb's phrase does.
@pytest.mark.parametrize("text, figure, expected", [
    ("Bushfires have scorched 80,000 hectares in Victoria since December.", "80,000 hectares", "Victoria"),
    ("Flooding has washed away 1,500 houses in Bihar this week.", "1,500", "Bihar"),
    ("Landslides have buried 60 homes in Nepal since Monday.", "60", "Nepal"),
])
def test_disaster_subject_leaves_the_figure_to_its_place(nlp, text, figure, expected):
    check(nlp, text, figure, expected)
