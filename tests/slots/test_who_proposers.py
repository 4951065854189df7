"""Each who proposer on its own, on sentences parsed by the real pipeline: (text, figure) -> the names it offers."""
import pytest

import newsclaims
from newsclaims.slots import who_proposers as P
from newsclaims.slots.who_proposers import name_key

PUB = "2021-03-01"


@pytest.fixture(scope="module")
def who_frame_of(nlp):
    """``who_frame_of(text)`` -> (the text's WhoFrame, figure index by the figure's text)."""
    builder = nlp.get_pipe("newsclaims_claims")

    def make(text):
        with nlp.select_pipes(disable=[builder.name]):
            doc = nlp(newsclaims.make_doc(nlp, text, doc_id="t", published=PUB))
        frame = builder.who_frame(doc)

        def figure(mention):
            found = [i for i, m in enumerate(frame.mentions) if m["text"] == mention]
            assert found, f"no figure {mention!r} in {[m['text'] for m in frame.mentions]}"
            return found[0]

        return frame, figure

    return make


COMPANY = "Acme Corp. opened a plant in Texas.\n\nThe company sold 4,000 cars last year."
STATE = "Ohio passed a budget in May. The state lost 3,000 factory jobs in June."


@pytest.mark.parametrize("proposer, text, figure, expected", [
    # the subject of the figure's verb: an entity in it, else the subject noun with its names
    (P.clause_subject, "Ohio lost 3,000 factory jobs last year.", "3,000", ["Ohio"]),
    (P.clause_subject, "Cotton farmers planted 12 million acres.", "12 million acres", ["Cotton farmers"]),
    (P.clause_subject, "It lost 3,000 factory jobs last year.", "3,000", []),  # a pronoun: the antecedent's job
    (P.clause_subject, "About 3,000 jobs were lost last year.", "3,000", []),
    (P.clause_subject, "Scientists mapped 40 km of new cracks.", "40 km", []),  # a reporter of the figure, not its owner
    # the possessor of the figure's noun
    (P.possessor, "Germany's 45,000 tons of exports went to Asia.", "45,000 tons", ["Germany"]),
    (P.possessor, "The exports of 45,000 tons went to Asia.", "45,000 tons", []),
    # the place or organisation the figure is stated for
    (P.stated_for, "Officials counted nine injuries in Peru on Monday.", "nine", ["Peru"]),
    (P.stated_for, "Sales at Walmart rose 3% last quarter.", "3%", ["Walmart"]),
    (P.stated_for, "Officials counted nine injuries on Monday.", "nine", []),
    # every entity of the sentence, whatever its role
    (P.sentence_entities, "Exports from Chile to Japan rose 12% in 2020.", "12%", ["Chile", "Japan"]),
    (P.sentence_entities, "Exports rose 12% in 2020.", "12%", []),
    # 'the company', 'the state', 'it': the most recent earlier entity of a matching kind
    (P.antecedents, COMPANY, "4,000", ["Acme Corp."]),
    (P.antecedents, STATE, "3,000", ["Ohio"]),
    (P.antecedents, "Acme Corp. opened a plant in Texas. It sold 4,000 cars.", "4,000", ["Texas"]),  # most recent ORG/GPE
    (P.antecedents, "Acme Corp. opened a plant. Dealers sold 4,000 cars.", "4,000", []),
    # the subject of the headline and of the first sentence
    (P.headline_subject, "Acme Corp. expands its plant in Texas\n\nDealers sold 4,000 cars last year.", "4,000", ["Acme Corp."]),
    (P.headline_subject, "Acme Corp. sold 4,000 cars last year.", "4,000", []),  # the figure's own sentence
    # the document's main entity: its most mentioned name, named twice or more
    (P.main_entity, "Chile mines copper. Chile exports it to Japan. Output was 5 million tons.", "5 million tons", ["Chile"]),
    (P.main_entity, "Chile mines copper. Peru exports it. Output was 5 million tons.", "5 million tons", []),
    # no who at all
    (P.null_who, "Output was 5 million tons.", "5 million tons", [None]),
])
def test_proposer(who_frame_of, proposer, text, figure, expected):
    frame, index = who_frame_of(text)
    got = proposer(frame, index(figure))
    assert [c.value for c in got] == expected
    for c in got:
        assert c.slot == "who" and c.proposer in P.PROPOSERS
        if c.span is not None:
            assert text[c.span[0]:c.span[1]] == c.text


@pytest.mark.parametrize("answer, expected", [
    (("Ohio", [0, 4]), [("Ohio", (0, 4))]),
    (("drivers", None), [("drivers", None)]),
    ((None, None), []),
])
def test_rules_proposer_offers_the_cascades_answer(who_frame_of, answer, expected):
    frame, index = who_frame_of("Ohio lost 3,000 factory jobs last year.")
    frame.rules[index("3,000")] = answer
    assert [(c.value, c.span) for c in P.rules_who(frame, index("3,000"))] == expected


@pytest.mark.parametrize("a, b", [("the U.S.", "US"), ("Ohio's", "ohio"), ("The Company", "company")])
def test_names_compare_loosely(a, b):
    assert name_key(a) == name_key(b)
