"""Who classes of issue 11, fifteenth round: fines and prison sentences, and a verb whose doer is another verb's
object, on made-up sentences parsed by the real pipeline.

Each row: (text, figure, expected who); a name matches as the evaluator matches it.
"""
import pytest

from who_checks import check


# Guidelines (fines, penalties, sentences): the party fined owns the money, not the regulator or court imposing it,
# whether the fine is active ('X fined Y') or passive ('Y was fined by X').
@pytest.mark.parametrize("text, figure, expected", [
    ("Regulators fined Brightwater Ltd $7 million.", "$7 million", "Brightwater Ltd"),
    ("The watchdog fined Halcyon Bank a record $900 million.", "$900 million", "Halcyon Bank"),
    ("The utility was fined $3 million by state regulators.", "$3 million", "The utility"),
    ("Norwell Corp. was fined $4.5 million by the FTC for deceptive ads.", "$4.5 million", "Norwell Corp."),
])
def test_the_party_fined_owns_the_fine(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A prison sentence is the sentenced person's: the passive subject as written, or what an object pronoun or a
# definite 'the official' points back to when the story named the person before.
@pytest.mark.parametrize("text, figure, expected", [
    ("A former county treasurer was sentenced to four years in prison.", "four years", "former county treasurer"),
    ("Marcus Hale admitted the fraud. A judge sentenced him to 9 years in prison.", "9 years", "Marcus Hale"),
    ("Linda Ortiz, a former city official, pleaded guilty in May. The former official was sentenced to 30 months.",
     "30 months", "Linda Ortiz"),
    ("A judge sentenced Tomas Riedel to six years.", "six years", "Tomas Riedel"),
    ("A former county clerk was sentenced Monday to 18 months in prison. Dana Whitlock, who ran the county's records"
     " office, admitted the theft. Whitlock repaid the money. Prosecutors said Whitlock forged invoices.",
     "18 months", "Dana Whitlock"),
])
def test_the_person_sentenced_owns_the_sentence(nlp, text, figure, expected):
    check(nlp, text, figure, expected)



# A fine or a sentence imposed on or handed to someone is theirs, not the imposer's; one the subject pays stays its own.
@pytest.mark.parametrize("text, figure, expected", [
    ("Regulators imposed a $8 million fine on Corvane Energy.", "$8 million", "Corvane Energy"),
    ("The commission slapped a $2 billion penalty on Meridian Telecom.", "$2 billion", "Meridian Telecom"),
    ("The judge gave the former treasurer a six-year prison sentence.", "six-year", "former treasurer"),
    ("Corvane Energy paid a $8 million fine.", "$8 million", "Corvane Energy"),
])
def test_a_penalty_imposed_on_someone_is_theirs(nlp, text, figure, expected):
    check(nlp, text, figure, expected)

# A verb with no subject of its own is done by another verb's object: the one ordered to pay pays, the one awarded
# a contract to build builds.
@pytest.mark.parametrize("text, figure, expected", [
    ("A jury ordered Pinecrest Foods to pay $12 million in damages.", "$12 million", "Pinecrest Foods"),
    ("The hospital was ordered to pay $2 million to the family.", "$2 million", "The hospital"),
    ("The Navy awarded Vantor Marine a contract to build 14 patrol boats.", "14", "Vantor Marine"),
])
def test_the_object_of_an_order_or_award_does_the_task(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# What stays: the payer who agrees to pay, a regulator's total over many cases, a company's own spending.
@pytest.mark.parametrize("text, figure, expected", [
    ("Acme agreed to pay a $3 million penalty.", "$3 million", "Acme"),
    ("The SEC fined Goldman Sachs $2 million.", "$2 million", "Goldman Sachs"),
    ("The Labor Department recovered $240 million in back wages last year.", "$240 million", "The Labor Department"),
    ("Boeing decided to spend $4 billion on a new plant.", "$4 billion", "Boeing"),
])
def test_what_stays(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# Guidelines (Sports): each side's score is that side's own, the first the subject's, the second the other side's,
# the verb's object or the name that renames it ('one of the league's best teams, Ravenna').
@pytest.mark.parametrize("text, figure, expected", [
    ("The Tigers edged the Wolves 5-3 in overtime.", "3", "Wolves"),
    ("The Tigers edged the Wolves 5-3 in overtime.", "5", "Tigers"),
    ("The Falcons stunned one of the league's best teams, Ravenna, four-to-two.", "two", "Ravenna"),
    ("The Falcons stunned one of the league's best teams, Ravenna, four-to-two.", "four", "Falcons"),
])
def test_each_side_owns_its_score(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# The agent of a passive participle that describes the subject ('launched by Vice President X') describes it and
# owns none of the subject's figures; a wire story's dateline the parser made a second subject is no subject.
@pytest.mark.parametrize("text, name, describes", [
    ("The Harbor Fund, launched by Governor Ann Reyes in 2019, has 40 members.", "Ann Reyes", True),
    ("The probe, built by Lockheed Martin, weighs 900 kg.", "Lockheed Martin", True),
    ("Governor Ann Reyes launched the Harbor Fund with 40 members.", "Ann Reyes", False),
])
def test_the_agent_describing_a_subject(nlp, text, name, describes):
    from newsclaims.slots.subject import describes_a_subject
    doc = nlp(text)
    ent = next(e for e in doc.ents if e.text == name)
    assert describes_a_subject(ent) is describes


@pytest.mark.parametrize("text, verb, expected", [
    ("WASHINGTON – The coalition is a group of 40 towns.", "is", "coalition"),
    ("The coalition is a group of 40 towns.", "is", "coalition"),
])
def test_a_dateline_is_no_subject(nlp, text, verb, expected):
    from newsclaims.slots.subject import _clause_subject
    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    subject = _clause_subject(tok, {"token_start": len(doc), "token_end": len(doc)})
    assert subject is not None and subject.text == expected


@pytest.mark.parametrize("text, word, expected", [
    ("WASHINGTON – The coalition is a group of 40 towns.", "WASHINGTON", True),
    ("NASA – the agency – has 18,000 staff.", "NASA", False),
    ("The coalition is a group of 40 towns.", "The", False),
])
def test_a_dateline_is_a_capitalised_place_before_a_dash(nlp, text, word, expected):
    from newsclaims.slots.subject import _dateline
    doc = nlp(text)
    assert _dateline(next(t for t in doc if t.text == word)) is expected
