"""The who and date rules (pipeline/slots/subject.py, when.py) read the claims component's lexicons, not module-level
copies of the packaged ones: a word added through ``initialize(lexicons=...)`` or in an assembled pipeline folder's
lexicon/ changes the claims of a sentence the packaged words decide otherwise."""
import json

import pytest
import spacy

import newsclaims
from newsclaims.components.claims import packaged_lexicons


def added(name: str, key: str, word: str) -> dict:
    """The packaged lexicon ``name`` with ``word`` added to its list ``key``."""
    data = packaged_lexicons()[name]
    return {name: {**data, key: [*data[key], word]}}


def claim_of(nlp, text: str, figure: str) -> dict:
    found = [c for c in nlp(text)._.claims if c["text"] == figure]
    assert found, f"no figure {figure!r}"
    return found[0]


@pytest.fixture(scope="module")
def fresh():
    return newsclaims.load()


# (lexicon, list, word added, text, figure, slot, with the packaged words, with the word added)
CASES = [
    # who.json reporter_verbs: the subject of a reporter verb states the figure, it does not own it
    ("who", "reporter_verbs", "record", "Acme Corp. recorded 4,000 complaints last year.", "4,000", "who",
     "Acme Corp.", None),
    # subjects.json pronouns: a pronoun subject continues the paragraph's remembered subject
    ("subjects", "pronouns", "others", "Acme Corp. sold 4,000 cars in May. Others sold 2,000 trucks in June.", "2,000",
     "who", "Others", "Acme Corp."),
    # who.json part_of_pronouns: 'N of them' is a part of the group the subject before it names
    ("who", "part_of_pronouns", "group", "The Kurds make up the largest group in the region. Two million of the group "
     "live abroad.", "Two million", "who", None, "Kurds"),
    # dates.json fiscal_frame_words: a text that speaks of budget years dates its plain years as fiscal years
    ("dates", "fiscal_frame_words", "appropriation", "The council's appropriation was $5 million in 2023.",
     "$5 million", "date", "2023", "2022-10/2023-09"),
]


@pytest.mark.parametrize("name, key, word, text, figure, slot, packaged, edited", CASES)
def test_a_word_given_to_initialize_changes_the_rules_claims(fresh, name, key, word, text, figure, slot, packaged,
                                                              edited):
    builder = fresh.get_pipe("newsclaims_claims")
    assert claim_of(fresh, text, figure)[slot] == packaged
    builder.initialize(lexicons=added(name, key, word))
    try:
        assert claim_of(fresh, text, figure)[slot] == edited
    finally:
        builder.initialize()
    assert claim_of(fresh, text, figure)[slot] == packaged  # initialize() alone restores the packaged words


def test_an_assembled_folders_subjects_decide_its_pronouns(fresh, tmp_path):
    _, key, word, text, figure, slot, packaged, edited = CASES[1]
    fresh.to_disk(tmp_path / "assembled")
    path = tmp_path / "assembled" / "newsclaims_claims" / "lexicon" / "subjects.json"
    path.write_text(json.dumps(added("subjects", key, word)["subjects"]), encoding="utf-8")
    assert claim_of(spacy.load(tmp_path / "assembled"), text, figure)[slot] == edited
    assert claim_of(fresh, text, figure)[slot] == packaged


# The who and what proposers read the pronouns and reporter verbs of the frame the component builds, not packaged
# copies: a word given to initialize() changes which candidates they propose.
PROPOSER_CASES = [
    # subjects.json pronouns: a pronoun subject is proposed neither as the thing measured nor as its owner
    ("subjects", "pronouns", "widgets", "Widgets rose 5% in May.", "5%", "what", "increase in Widgets"),
    ("subjects", "pronouns", "tanners", "Tanners sold 4,000 hides in May.", "4,000", "what", "Tanners"),
    ("subjects", "pronouns", "widgets", "Widgets rose 5% in May.", "5%", "who", "Widgets"),
]


def candidates_of(nlp, text: str, figure: str, slot: str) -> list[str]:
    builder = nlp.get_pipe("newsclaims_claims")
    doc = nlp(text)
    ranked = [r for claim, r in builder.build_ranked(doc) if claim.text == figure]
    assert ranked, f"no figure {figure!r}"
    return [s.candidate.value for s in ranked[0][slot]]


@pytest.mark.parametrize("name, key, word, text, figure, slot, candidate", PROPOSER_CASES)
def test_a_pronoun_given_to_initialize_reaches_the_proposers(fresh, name, key, word, text, figure, slot, candidate):
    builder = fresh.get_pipe("newsclaims_claims")
    assert candidate in candidates_of(fresh, text, figure, slot)
    builder.initialize(lexicons=added(name, key, word))
    try:
        assert builder.who_frame(fresh(text)).words is builder.subject_words
        assert candidate not in candidates_of(fresh, text, figure, slot)
    finally:
        builder.initialize()
    assert candidate in candidates_of(fresh, text, figure, slot)
