"""The source slot's classes, fifth round (issue 11, probes on main): a reporting verb whose object is the figure
itself names its subject as the source, also when the parser reads the verb as a compound of the object ('The
World Bank projects growth of 2.9%', 'The IMF forecast inflation of 8%'); a closing reporting verb after the
figure's clause names the source ('..., the mayor's office estimates.', '..., the ministry said.', 'said the
company'), a bare body noun there being the organisation the text named before, else the noun phrase as written.
'The company Tuesday reported a loss' keeps the company as who. Each row is a text, a figure in it and the
source (None: none)."""
from __future__ import annotations

import pytest
from source_checks import claim_of

ROWS = [
    # a reporting verb whose object is the figure
    ("The World Bank projects growth of 3.1% this year.", "3.1%", "World Bank"),
    ("The IMF forecast inflation of 6% for 2024.", "6%", "IMF"),
    ("The IMF forecasts unemployment of 7% in 2024.", "7%", "IMF"),
    ("Fitch estimates the damage at $2 billion.", "$2 billion", "Fitch"),
    ("The Congressional Budget Office estimates the cost of the plan at $60 billion.", "$60 billion",
     "Congressional Budget Office"),
    # a closing reporting verb with a common-noun body
    ("The town will need 1,200 new homes by 2030, the mayor's office estimates.", "1,200", "mayor's office"),
    ("The storm flooded 300 homes, the county fire department said.", "300", "county fire department"),
    # a bare body noun closing the sentence: the organisation named before, else as written
    ("Norvik Steel opened a mill in Ghent in 2019. The mill employs 450 people, said the company.", "450",
     "Norvik Steel"),
    ("Helmstad Bank cut 200 jobs last year. Profit rose 12% in 2023, the bank said.", "12%", "Helmstad Bank"),
    ("Exports fell 4% in March, the ministry said.", "4%", "ministry"),
    # a company's kind of body, and a name the tagger left untyped as the subject before
    ("Kestrel Air flies to 35 cities. It flew 6 million passengers in 2023, the airline said.", "6 million",
     "Kestrel Air"),
    ("The trust's shares are down 9% this year, the fund said.", "9%", "fund"),
    ("The mill employs 450 people, said the company.", "450", "company"),
    # a bare body noun opening the sentence still points back (the who's), no source of its own
    ("The company Tuesday reported a loss of $5 million.", "$5 million", None),
]


@pytest.mark.parametrize("text, figure, source", ROWS)
def test_source_classes(nlp, text, figure, source):
    assert claim_of(nlp, text, figure, published="2024-02-14").source == source


@pytest.mark.parametrize("text, figure, who", [
    ("The company Tuesday reported a loss of $5 million.", "$5 million", "The company"),
    ("The firm on Monday reported revenue of $40 million.", "$40 million", "The firm"),
])
def test_opening_body_stays_the_who(nlp, text, figure, who):
    assert claim_of(nlp, text, figure, published="2024-02-14").who == who
