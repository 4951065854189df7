"""Who classes of issue 11, thirteenth round (the rules), on made-up sentences parsed by the real pipeline.

Each row: (text, figure, expected who). ``None`` means the claim must have no who; a name matches as the
evaluator matches it (case, periods and a leading 'the' aside, or one name containing the other as whole words).
"""
import pytest

from who_checks import check


# 'it' or 'they' as the subject of a clause a reporting verb reports stands for the speaker, who reports its own
# figure: a name or a plain noun ('the company', 'farmers'); a pointer takes the name it points at.
@pytest.mark.parametrize("text, figure, expected", [
    ("Halvorsen said it sold 3 million phones last year.", "3 million", "Halvorsen"),
    ("The company said it shipped 2 million units in the quarter.", "2 million", "The company"),
    ("The dockworkers' unions said they had signed up 40,000 new members.", "40,000", "dockworkers' unions"),
    ("Growers say they lost 30% of their crop to the frost.", "30%", "Growers"),
    ("The ministry said it had spent $3 billion on the programme.", "$3 billion", "The ministry"),
    ("Nordvik Shipping opened a new terminal in May. The company said it handled 40,000 containers in June.",
     "40,000", "Nordvik Shipping"),
])
def test_a_pronoun_under_a_reporting_verb_is_the_speaker(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# The speaker stays out when it cannot be the pronoun: a report, a person for 'it', reporters who speak for others.
@pytest.mark.parametrize("text, figure, expected", [
    ("The minister said she had approved 12 new schools.", "12", None),
    ("Analysts said they expect the index to rise 4%.", "4%", None),
    ("The relief group said that it had reports of forty deaths.", "forty", None),
])
def test_a_speaker_that_cannot_be_the_pronoun_stays_out(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# An organisation that forecasts an economy's measure as the figure itself is the source, not the who: the who is
# the owner the measure is named with, else null; a company's own sales and an owner's own plans stay its own.
@pytest.mark.parametrize("text, figure, expected", [
    ("The IMF forecast inflation of 8% next year.", "8%", None),
    ("The World Bank projects growth of 2.9% this year.", "2.9%", None),
    ("The World Bank projects Chile's growth at 2.9% this year.", "2.9%", "Chile"),
    ("The IMF forecasts unemployment in Portugal of 12% next year.", "12%", "Portugal"),
    ("Nissan expects to sell 1.2 million cars in China this year.", "1.2 million", "Nissan"),
])
def test_a_forecaster_of_an_economy_is_not_its_who(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A pointer ('the agency') stands for an organisation, never for a program or plan the tagger labels ORG: the
# program's named owner is the organisation it points at.
@pytest.mark.parametrize("text, figure, expected", [
    ("Under NOAA's Coastal Resilience program, the agency expects to award 35 grants to fishing towns.", "35", "NOAA"),
])
def test_a_pointer_is_the_programs_owner_not_the_program(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


_STORY = ("A former Energy Department official was sentenced Tuesday to five months in prison for wire fraud.\n\n"
          "Tariq Mahmood, who from 2016 to 2019 served as budget director for the agency, pleaded guilty in May.\n\n"
          "Under federal guidelines, Mahmood faced 8 to 14 months in prison.\n\n"
          "Mahmood repaid the money in July. Judge Carla Reyes said the sentence had to deter others.\n\n"
          "Mahmood will begin his term in March. The term will be followed by a two-year supervised release.")


# A story about one person (a sentencing) gives that person the figures nobody else owns, though the tagger labels
# only some mentions of the name, or none PERSON ('Haroon Ullah, who served as ...'): every use of the surname
# counts, and a relative 'who' or a title shows a person. A person who speaks is no such subject.
@pytest.mark.parametrize("text, figure, expected", [
    (_STORY, "two-year", "Mahmood"),
    (_STORY.replace("Mahmood will begin", "Mahmood said he will begin"), "two-year", None),
])
def test_a_story_about_one_person_gives_that_person_the_unowned_figures(nlp, text, figure, expected):
    check(nlp, text, figure, expected)
