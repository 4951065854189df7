"""Who classes of issue 11, sixth round, on made-up sentences parsed by the real pipeline (rules, v1).

Each row: (text, figure, expected who). ``None`` means the claim must have no who; a name matches as the
evaluator matches it (case, periods and a leading 'the' aside, or one name containing the other as whole words).
"""
import pytest

from who_checks import check, who_of


# A gapped clause ('A rose 12%, B 8%'): each figure after a comma or 'and' is the noun phrase's before it; the first
# figure stays its verb's subject's.
@pytest.mark.parametrize("text, figure, expected", [
    ("Ford sold 12,000 cars in May, Toyota 9,000 and Honda 7,500.", "12,000", "Ford"),
    ("Ford sold 12,000 cars in May, Toyota 9,000 and Honda 7,500.", "9,000", "Toyota"),
    ("Ford sold 12,000 cars in May, Toyota 9,000 and Honda 7,500.", "7,500", "Honda"),
    ("Germany grew 2.1%, France 1.4% and Italy 0.8%.", "1.4%", "France"),
    ("Germany grew 2.1%, France 1.4% and Italy 0.8%.", "0.8%", "Italy"),
    ("Officially, the Greens have won 71 seats, the coalition 50.", "50", "the coalition"),
    ("Acme Corp earned $3 million, Beta Inc $2 million.", "$2 million", "Beta Inc"),
])
def test_gapped_conjunct(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A measure noun in the gap ('imports $3 billion') is what was measured: the figure stays the first clause's owner's.
@pytest.mark.parametrize("text, figure, wrong", [
    ("Ohio exports were $5 billion, imports $3 billion.", "$3 billion", "imports"),
])
def test_gapped_measure_is_not_the_who(nlp, text, figure, wrong):
    assert who_of(nlp, text, figure) != wrong


# A ranking's 'NAME with FIGURE': the figure is that name's; a name that is the verb's object or destination is not.
@pytest.mark.parametrize("text, figure, expected", [
    ("Canada hosts the most visitors with 668,000, followed by Mexico with 589,000, Peru with 220,000 and Chile "
     "with 136,000.", "589,000", "Mexico"),
    ("Canada hosts the most visitors with 668,000, followed by Mexico with 589,000, Peru with 220,000 and Chile "
     "with 136,000.", "136,000", "Chile"),
    ("Canada hosts the most visitors with 668,000, followed by Mexico with 589,000, Peru with 220,000 and Chile "
     "with 136,000.", "668,000", "Canada"),
    ("Smith won Ohio with 52%.", "52%", "Smith"),
    ("Peru sent the most students to Canada with 9,000.", "9,000", "Peru"),
])
def test_name_with_figure(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A subject whose head is itself a name takes that name, not a name that modifies it ('the U.S. ministry's X').
@pytest.mark.parametrize("text, figure, expected", [
    ("The European Union's Joint Research Centre employs 3,000 scientists.", "3,000", "Joint Research Centre"),
    ("The U.S. Commerce Department's National Oceanic and Atmospheric Administration counted 28 disasters in 2023.",
     "28", "National Oceanic and Atmospheric Administration"),
    ("Germany's Federal Statistical Office counted 84 million residents.", "84 million", "Federal Statistical Office"),
])
def test_subject_head_name(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A common-noun subject renamed by an apposition takes the name ('the new coach, Maria Lopez, signed ...').
@pytest.mark.parametrize("text, figure, expected", [
    ("The retired general, Omar Haddad of Jordan, was given three weeks to respond.", "three weeks", "Omar Haddad"),
    ("The new coach, Maria Lopez, signed a four-year contract.", "four-year", "Maria Lopez"),
    ("Its biggest rival, Acme Corp, sold 3 million phones last year.", "3 million", "Acme Corp"),
])
def test_subject_renamed_by_apposition(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A figure stated 'among' a population is that population's, as a surveyed share is (subjects.json populations);
# 'among' a group that is no population ('among the banks') leaves the other rules to decide.
@pytest.mark.parametrize("text, figure, expected", [
    ("The study found declines in 11 of the 19 most common cancers among men.", "11", "men"),
    ("Unemployment among young adults rose to 12% in May.", "12%", "young adults"),
    ("About 40% of deaths among children were caused by malaria.", "40%", "children"),
    ("Smoking among teenagers fell 5% last year.", "5%", "teenagers"),
])
def test_figure_among_a_population(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


@pytest.mark.parametrize("text, figure, wrong", [
    ("Ohio is large. Lending among the banks fell 5% last year.", "5%", "the banks"),
])
def test_among_a_group_that_is_no_population(nlp, text, figure, wrong):
    assert who_of(nlp, text, figure) != wrong
