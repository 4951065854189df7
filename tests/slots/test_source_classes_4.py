"""The source slot's classes, fourth round (issue 11, probes written as a new user would), on made-up texts:
a body or a role named by a common noun with a modifier (not a quantifier: 'many firms') ('the state weather agency', 'the regional water board') or
a role noun ('prosecutors', 'the judge') reports as written; 'added 40 jobs' is an act, not a reporting 'added'; a
share of respondents ('62% of voters say') is the figure, never its source; a reporting verb the tagger read as a
noun ('The Treasury projects that ...') still attributes; a transcript's speaker label ('MAYOR LEE: We ...') names
the speaker of what follows it in the paragraph; ', per a court filing' attributes; a pointer with no body named
before it ('the poll found') names itself. Each row is a text, a figure in it and the source (None: none)."""
from __future__ import annotations

import pytest
from source_checks import claim_of

TRANSCRIPT = ("HOST: What did the plant cost? DIRECTOR KANE: We spent about $40 million on it. That is twice the "
              "first estimate.\n\nHOST: Thank you.")

ROWS = [
    # a body or a role named by a modified common noun, closing the sentence
    ("Rice exports from Laos fell 7% last year, the state trade agency said.", "7%", "state trade agency"),
    ("Water use in the valley rose 12% in July, the regional water board reported.", "12%",
     "regional water board"),
    ("The scheme cheated pensioners out of $3 million, prosecutors said.", "$3 million", "prosecutors"),
    ("The vessel carried 19 tonnes of fuel, the port's harbour office said.", "19 tonnes", "port's harbour office"),
    ("The fine could reach $80,000, the judge said on Monday.", "$80,000", "judge"),
    ("Asked about costs, the mayor said the bridge will cost $90 million.", "$90 million", "mayor"),
    ("Investigators believe the ring moved 4 tonnes of copper.", "4 tonnes", "Investigators"),
    ("The rebels control 30% of the province, while the government puts the toll at 45.", "45", "government"),
    # a common noun with a name in apposition: the name
    ("The brewer, Halden Ales, reported profit of $12 million for 2023.", "$12 million", "Halden Ales"),
    # 'added N jobs' is the economy's act; the closing verb names the source
    ("The province added 40,000 jobs in March, the statistics office reported.", "40,000 jobs", "statistics office"),
    ("Factories added 1,200 workers last month, the Harbor Labor Bureau said.", "1,200 workers",
     "Harbor Labor Bureau"),
    # respondents who say something are what the share counts, not who reports it
    ("According to a Lakeview Institute poll, 62% of Americans say taxes are too high.", "62%",
     "Lakeview Institute poll"),
    ("In the Harbor Daily survey, 41% of parents say schools are improving.", "41%", None),
    # a reporting verb tagged as a noun still attributes ('projects', 'forecast', 'shows')
    ("The Treasury projects that debt will reach 91% of output in 2030.", "91%", "Treasury"),
    ("Port authority data shows that cargo volumes fell 5% in May.", "5%", "Port authority data"),
    # a transcript's speaker label names the speaker of the paragraph's figures
    (TRANSCRIPT, "$40 million", "DIRECTOR KANE"),
    (TRANSCRIPT, "twice", "DIRECTOR KANE"),
    # ', per X' at the end of a sentence attributes; 'per day' does not
    ("Sales at Brindle Mills rose 9% to $2 billion last year, per a court filing.", "9%", "court filing"),
    ("The mill makes 300 tons per day.", "300 tons per day", None),
    # a pronoun subject names the source before it in its own sentence before one of an earlier sentence
    ("Local officials said the port was busy. The Harbor Freight Council says it expects exports to fall 8% this "
     "year.", "8%", "Harbor Freight Council"),
    # a quantifier leaves the body unnamed: no source of its own
    ("Many shipping firms are finding it hard to grow. Exports fell 8% in May.", "8%", None),
    # a pointer with no body named before it is the source as written
    ("Just 22% of renters think prices will fall, the poll found.", "22%", "poll"),
]

PUB = "2024-05-08"


@pytest.mark.parametrize("text, figure, source", ROWS)
def test_source_of_figure(nlp, text, figure, source):
    assert claim_of(nlp, text, figure, PUB).source == source


def test_pointer_still_names_the_body_named_first(nlp):
    text = ("The Lakeview Institute said rents rose 4% in 2023. The report found that 30% of renters moved "
            "last year.")
    assert claim_of(nlp, text, "30%", PUB).source == "Lakeview Institute"


def test_bare_plural_documents_point_at_no_body(nlp):
    text = "The Lakeview Institute said rents rose 4% in 2023. Reports say that 30% of renters moved last year."
    assert claim_of(nlp, text, "30%", PUB).source == "Reports"
