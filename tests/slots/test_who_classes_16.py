"""Who classes of issue 11, sixteenth round: a possessive pronoun under a reporting verb, and names inside a
description of the subject, on made-up sentences parsed by the real pipeline."""
import pytest

from who_checks import check


# 'X said its profit rose': the possessive stands for the speaker, as 'X said it sold' does; not when what the
# speaker owns only counts others ('its own count').
@pytest.mark.parametrize("text, figure, expected", [
    ("The railway said its revenue climbed 9% last year.", "9%", "The railway"),
    ("Dairy farmers say their costs rose 15%.", "15%", "Dairy farmers"),
    ("The museum said its budget was $40 million.", "$40 million", "The museum"),
])
def test_a_possessive_under_a_reporting_verb_is_the_speaker(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A name inside a clause set off to describe the subject ('The fund, managed by X,') is not the figure's who.
@pytest.mark.parametrize("text, figure, expected", [
    ("The insurer, headquartered in Zurich, employs 55,000 people.", "55,000", "The insurer"),
    ("The bank, which is owned by HSBC, lent 3 billion pounds.", "3 billion pounds", "The bank"),
])
def test_a_description_of_the_subject_does_not_own_the_figure(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


def test_a_name_the_parser_hangs_off_a_noun_without_a_comma_stays(nlp):
    check(nlp, "A five-story office building along the river in Hualien has collapsed.", "five", "Hualien")
