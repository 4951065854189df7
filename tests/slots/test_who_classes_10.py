"""Who classes of issue 11, tenth round (ranking and fallbacks), on made-up sentences parsed by the real pipeline.

Each row: (text, figure, expected who). ``None`` means the claim must have no who; a name matches as the
evaluator matches it (case, periods and a leading 'the' aside, or one name containing the other as whole words).
"""
import pytest

from who_checks import check, who_of
from newsclaims.slots.fallbacks import document_person

# A story about one person (an obituary, a sentencing): a figure with no owner of its own is that person's, not the
# place the story is datelined in, even when the tagger labels the bare surname an organisation.
OBITUARY = ("LISBON, Portugal. The novelist Maria Okonkwo-Bell has died in Lisbon. Okonkwo-Bell was 88. "
            "Okonkwo-Bell wrote novels all her life, her publisher said. Okonkwo-Bell left a large library.\n\n"
            "Famous for writing more than 40 novels, including two prize winners.")


@pytest.mark.parametrize("text, figure, expected", [
    (OBITUARY, "40", "Maria Okonkwo-Bell"),
])
def test_a_story_about_one_person_gives_its_ownerless_figures_to_that_person(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# The person is only the story's subject when never its speaker: a story that quotes one official ('Smith said') is
# about what she says, and her figures are not hers.
@pytest.mark.parametrize("text, person", [
    ("PARIS. Health chief Ana Delacroix said on Monday that hospitals are full. Delacroix said the wards need staff. "
     "Delacroix warned of a long winter. Delacroix said 300 beds were added.", "Delacroix"),
])
def test_a_quoted_speaker_is_not_the_story_person(nlp, text, person):
    doc = nlp(text)
    builder = nlp.get_pipe("newsclaims_claims")
    from newsclaims.slots.subject import document_subject, who_entities
    ents = who_entities(doc, builder.subject_words)
    found = document_person(ents, document_subject(ents), builder.subject_words)
    assert found is None or person not in found.text


@pytest.mark.parametrize("text, figure, expected", [
    ("ROME. The sculptor Luca Benvenisti-Orr died in Rome on Sunday. Benvenisti-Orr's agent said he died at home. "
     "Benvenisti-Orr was known for bronze work. Benvenisti-Orr lived in Rome.\n\nKnown for more than 300 statues in bronze.",
     "300", "Luca Benvenisti-Orr"),
])
def test_a_possessive_speaker_does_not_disqualify_the_person(nlp, text, figure, expected):
    check(nlp, text, figure, expected)  # 'his agent said': the agent speaks, not he


# A proper-name subject the tagger leaves untagged still owns the figure its verb governs; a reporting subject and
# the sentence's source do not.
@pytest.mark.parametrize("text, figure, expected", [
    ("Nigeria produced 1.5 million barrels of oil per day in May, the upstream regulator said.", "1.5 million barrels", "Nigeria"),
    ("Angola produced 1.1 million barrels of oil per day in April, the oil regulator said.", "1.1 million barrels", "Angola"),
    ("Benin exported 300,000 tonnes of cotton last season, the trade office said.", "300,000 tonnes", "Benin"),
])
def test_an_untagged_proper_name_subject_owns_the_figure(nlp, text, figure, expected):
    check(nlp, text, figure, expected)

