"""The rules of ``fill_subject`` one at a time, on sentences parsed by the real pipeline: (text, figure) -> what the
rule gives, or None where it leaves the figure to the rules after it."""
import pytest

import newsclaims
from newsclaims.slots import subject as S


@pytest.fixture(scope="module")
def figure_of(nlp):
    """``figure_of(text, figure)`` -> what the rules read about that figure of the parsed text."""
    builder = nlp.get_pipe("newsclaims_claims")

    def make(text, figure):
        with nlp.select_pipes(disable=[builder.name]):
            doc = nlp(newsclaims.make_doc(nlp, text, doc_id="t", published="2021-03-01"))
        found = [m for m in doc._.quantities if m["text"] == figure]
        assert found, f"no figure {figure!r} in {[m['text'] for m in doc._.quantities]}"
        ents = S.who_entities(doc, builder.subject_words)
        return S._figure(doc, found[0], None, ents, builder.what_words, builder.subject_words)

    return make


@pytest.mark.parametrize("text, figure, expected", [
    ("The airline carried 4.3% more passengers in May.", "4.3%", "passengers"),  # past 'more' to what it counts
    ("Acme opened 20 domestic projects.", "20", "projects"),
    ("A dozen people were hurt.", "A dozen", "people"),  # a bare count: the noun inside the figure
    ("The road is 40 km long.", "40 km", None),
])
def test_counted_noun(figure_of, text, figure, expected):
    noun = figure_of(text, figure).noun
    assert (noun.text if noun is not None else None) == expected


@pytest.mark.parametrize("rule, text, figure, expected", [
    (S._what_of_phrase, "About 64% of Dutch imports came from Asia.", "64%", "Dutch imports"),
    (S._what_of_phrase, "Imports rose 64% last year.", "64%", None),
    (S._what_counted_noun, "About 300,000 homes lost tap water.", "300,000", "homes lost tap water"),
    (S._what_counted_noun, "Acme opened 20 domestic projects.", "20", "domestic projects"),
    (S._what_counted_noun, "The road is 40 km long.", "40 km", None),
    (S._what_restated, "The town is eating less rice -- 40 million tonnes a year.", "40 million tonnes a year",
     "less rice"),
    (S._what_money_is_for, "Congress approved $145 billion for operations in Iraq.", "$145 billion", "operations in Iraq"),
    (S._what_money_is_for, "Congress approved $145 billion on Tuesday.", "$145 billion", None),
    (S._what_activity_unit, "Pilots flew 4,000 hours last year.", "4,000 hours", "flew hours"),
    (S._what_activity_unit, "The flight was 4,000 hours long.", "4,000 hours", None),
    (S._what_amount_of, "They set a tariff of 20% on steel.", "20%", "tariff"),
    (S._what_changed_object, "The city cut the fare from $3 to $2.", "$2", "fare"),
    (S._what_changed_object, "The fare was $2 in May.", "$2", None),
])
def test_what_rule(figure_of, rule, text, figure, expected):
    what = rule(figure_of(text, figure))
    assert (what[0] if what is not None else None) == expected


@pytest.mark.parametrize("rule, text, figure, expected", [
    (S._who_possessor, "Germany's 45,000 workers went on strike.", "45,000", "Germany"),
    (S._who_possessor, "The union's 45,000 workers went on strike.", "45,000", "union"),  # as written: no name says whose
    (S._who_possessor, "About 45,000 workers went on strike.", "45,000", None),
    (S._who_place_given, "The fire caused nine injuries in Peru.", "nine", "Peru"),
    (S._who_place_given, "The fire caused nine injuries on Monday.", "nine", None),
    (S._who_entity_subject, "Ohio lost 3,000 factory jobs last year.", "3,000", "Ohio"),
    (S._who_entity_subject, "Ohio projects 3,000 new jobs next year.", "3,000", None),  # a reporter verb: the source
    (S._who_entity_subject, "About 3,000 jobs were lost last year.", "3,000", None),
    (S._who_activity_actor, "Cotton farmers planted 12 million acres.", "12 million acres", "Cotton farmers"),
    (S._who_activity_actor, "Researchers mapped 40 km of new cracks.", "40 km", None),  # reporters map, not own
    (S._who_activity_actor, "The acreage was 12 million acres.", "12 million acres", None),  # a level, no activity
    (S._who_pointer_subject, "Acme Corp. opened a plant.\n\nThe company sold 4,000 cars last year.", "4,000", "Acme Corp."),
    (S._who_described, "The glass frog was 3 cm long.", "3 cm", "The glass frog"),
    (S._who_described, "Exports were 10 tons in May.", "10 tons", None),  # a measure noun is the what
])
def test_who_rule(figure_of, rule, text, figure, expected):
    who = rule(figure_of(text, figure), None)
    assert (who[0] if who is not None else None) == expected


@pytest.mark.parametrize("text, figure, what, expected", [
    ("Sales of Acme Corp. rose 5% in May.", "5%", "Sales of Acme Corp.", "Acme Corp."),
    ("Sales of Acme Corp. rose 5% in May.", "5%", "Sales", None),
])
def test_who_entity_in_what(figure_of, text, figure, what, expected):
    start = text.index(what)
    who = S._who_entity_in_what(figure_of(text, figure), (what, [start, start + len(what)]))
    assert (who[0] if who is not None else None) == expected


@pytest.mark.parametrize("text, figure, expected", [
    ("Ohio lost 3,000 factory jobs last year.", "3,000", ("Ohio", True)),  # the subject acts in the figure's clause
    ("The fire caused nine injuries in Peru.", "nine", ("Peru", False)),  # the figure's own place comes first
    ("Germany's 45,000 workers went on strike.", "45,000", ("Germany", False)),
    ("About 3,000 jobs were lost last year.", "3,000", (None, False)),
])
def test_the_first_who_rule_decides(figure_of, text, figure, expected):
    who, acts = S._rules_who(figure_of(text, figure), None)
    assert ((who[0] if who is not None else None), acts) == expected
