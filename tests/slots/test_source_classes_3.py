"""The source slot's classes, third round (issue 11), on made-up texts: 'he said' and 'she said' name the person
last named as a subject in the sentences before, which a common-noun source in between does not hide; a speaker
who speaks of himself stays the who; a quotation opening right after a sentence that names its source is that
source's. Each row is a text, a figure in it and the source (and who) the text gives it."""
from __future__ import annotations

import pytest
from source_checks import claim_of

REFUGEES = ("Jane Doe is the agency's refugee chief. Doe says 40 percent of refugees are in Asia, but the official "
            "says she sees progress.\n\n\"Still, Asia hosts about a third of all refugees,\" she said.")
FARMER = ("Farmer Tomas Reyes lost his barn in the storm. He says he harvested four tons of corn before it hit.")

WIND = ('Wind power is cheap.\n\nAnd there are too few power cables to carry the energy onto the network, says Jane '
        'Doe, the chief of Delta Wind. "If we had the cables we could make 20 percent more power. On our land we could '
        'more than double our output."')

ROWS = [
    # a quotation opening right after a sentence that names its source in the same paragraph is that source's
    (WIND, "20 percent", "Jane Doe"),
    (WIND, "double", "Jane Doe"),
    # not across a paragraph break
    ('The line was built by Jane Doe, the chief of Delta Wind, said the mayor.\n\n"We could make 20 percent more '
     'power."', "20 percent", None),
    (REFUGEES, "40 percent", "Doe"),
    # 'she said' names the person, not 'the official' between
    (REFUGEES, "a third", "Jane Doe"),
    (FARMER, "four tons", "Farmer Tomas Reyes"),
    # 'they said' keeps naming the source of the sentence before
    ("Local officials said the river rose two meters on Monday. They said 300 homes were flooded.", "300 homes",
     "Local officials"),
]


PUB = "2021-05-05"


@pytest.mark.parametrize("text, figure, source", ROWS)
def test_source_of_figure(nlp, text, figure, source):
    assert claim_of(nlp, text, figure, PUB).source == source


def test_speaker_of_himself_stays_the_who(nlp):
    claim = claim_of(nlp, FARMER, "four tons", PUB)
    assert claim.source == claim.who == "Farmer Tomas Reyes"
