"""The source slot's classes, second round (issue 11), on made-up texts: a programme's opening line is not the lead
whose attribution covers the release; the release's attribution does not cover standing facts stated in the plain
present with no date. Each row is a text, a figure in it and the source the text gives it (None: none)."""
from __future__ import annotations

import pytest
from source_checks import claim_of

WEEKLY = ("This is the Weekly Science Report.\n\nA new study from the Lakeland Health Institute says nine million "
          "people caught the flu in 2019. Two million of them were children.\n\nThe study found that the north had "
          "40 percent of the cases in 2019. The north has about 12 percent of the country's people.")
RELEASE = ("The Harbor Statistics Bureau reported today that exports rose 4 percent in May.\n\nImports fell 2 percent "
           "in May.\n\nThe port employs 300 dockers.")

ROWS = [
    # an opening 'This is ...' line attributes nothing: the next sentence is the lead
    (WEEKLY, "Two million", "Lakeland Health Institute"),
    (WEEKLY, "40 percent", "Lakeland Health Institute"),
    # a standing fact in the plain present, undated, is not the release's figure
    (WEEKLY, "12 percent", None),
    (RELEASE, "2 percent", "Harbor Statistics Bureau"),
    (RELEASE, "300 dockers", None),
    # a dated figure in the present is the release's statistic
    ("The Harbor Statistics Bureau reported today that exports rose 4 percent in May.\n\nThe total for May is "
     "300 ships.", "300 ships", "Harbor Statistics Bureau"),
    # an opening line that attributes is the lead
    ("This is what the Harbor Statistics Bureau reported today: exports rose 4 percent in May.\n\nImports fell 2 "
     "percent in May.", "2 percent", "Harbor Statistics Bureau"),
]


@pytest.mark.parametrize("text, figure, source", ROWS)
def test_source_of_figure(nlp, text, figure, source):
    assert claim_of(nlp, text, figure).source == source
