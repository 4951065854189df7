"""The source slot by class of attribution (issue 11), on made-up sentences: each row is a text, a figure in it
and the source the text gives that figure (None: the text does not attribute it)."""
from __future__ import annotations

import pytest

import newsclaims

ROWS = [
    # the reporting verb that governs the figure, when a sentence has two
    ("The Fire Service puts the toll at ten, while the Red Cross says at least 40 people died.", "ten", "Fire Service"),
    ("The Fire Service puts the toll at ten, while the Red Cross says at least 40 people died.", "40", "Red Cross"),
    # a trailing 'X estimates' glued to the next word by a dash
    ("Revenue totaled $3.2 billion in the first quarter, the Harbor Budget Office estimates—$12 million more than a "
     "year earlier.", "$3.2 billion", "Harbor Budget Office"),
    # a closing 'these data are from X' covers the release
    ("Exports rose 4.1 percent in May.\n\nImports fell 2.2 percent.\n\nThese data are from the Northland Trade "
     "Statistics program.", "2.2 percent", "Northland Trade Statistics program"),
    # an opening attribution covers the release's later paragraphs
    ("The Mid-Valley Water Board announced today that reservoirs held 812 million gallons in June.\n\nUsage fell "
     "3 percent from a year earlier.", "3 percent", "Mid-Valley Water Board"),
    # a header line before the lead does not hide it
    ("Lakeland Transit Office\n\nRidership Up Again\n\nNew figures released today by the Lakeland Transit Office "
     "show that riders took 42 million trips in May.\n\nBus trips rose 6 percent.", "6 percent",
     "Lakeland Transit Office"),
    # every sentence of a quotation takes its speaker
    ('"We expect to hire 40 people this year," said Maria Olsen, the plant manager. "By 2030 we could employ 300."',
     "300", "Maria Olsen"),
    ('JANE DOE: "Half of the wells are dry. Only 20 are working."', "20", "JANE DOE"),
    # a common noun that names a source; its clause is not part of it
    ("Officials say at least 12 people died in the flood.", "12", "Officials"),
    ("Floods swept the valley, with officials saying at least 9 people have died.", "9", "officials"),
    # a document names its issuer; a sentence that refers back shares the attribution
    ("According to a report released by the Coastal Research Institute, sea levels rose 3 millimeters last year.",
     "3 millimeters", "Coastal Research Institute"),
    ("The town held its spring fair.\n\nSea levels rose 3 millimeters last year, the Coastal Research Institute said. "
     "That is up from 2 millimeters a year earlier.\n\nThe fair drew 400 visitors.", "2 millimeters",
     "Coastal Research Institute"),
    ("The town held its spring fair.\n\nSea levels rose 3 millimeters last year, the Coastal Research Institute said. "
     "That is up from 2 millimeters a year earlier.\n\nThe fair drew 400 visitors.", "400", None),
    ("Preliminary data filed with the Harbor Statistics Bureau show that 12 ships docked in May.", "12",
     "Harbor Statistics Bureau"),
    # a data set named near the top is the source of the figures after it, not of the lead before it
    ("Only 12% of the surveyed riders used the new lane. The finding calls for better signs. The 2022 Harbor Rider "
     "Survey provides information on lane use among adult riders. About 31% of riders used the old lane.", "31%",
     "2022 Harbor Rider Survey"),
    ("Only 12% of the surveyed riders used the new lane. The finding calls for better signs. The 2022 Harbor Rider "
     "Survey provides information on lane use among adult riders. About 31% of riders used the old lane.", "12%", None),
    # an attribution that opens a list covers the rest of its paragraph
    ("The town held its spring fair.\n\nThe Harbor Audit Office found two problems: (1) Late filings. Although 14 "
     "offices filed on time, others did not. Further, 6 offices kept no records.\n\nThe fair drew 400 visitors.",
     "6", "Harbor Audit Office"),
    # 'the report says' in a later sentence points back at the body named first; a pronoun at the last source
    ("A new study from the Lakeland Health Institute says 4,000 people fell ill in 2021.\n\nThe town built a new "
     "clinic.\n\nThe report says 30 percent of them were children.", "30 percent", "Lakeland Health Institute"),
    ("The city was quiet on Sunday.\n\nDoctors at the Lakeland Clinic said the ward was full. They say 15 patients "
     "were treated.", "15", "Doctors at the Lakeland Clinic"),
    # a passive subject is what is reported; a passive agent holding a figure is no source
    ("The quake was measured at magnitude 5.9 by the Ridge Seismic Center.", "5.9", "Ridge Seismic Center"),
    ("Sales of the cars were reported by 40% of dealers.", "40%", None),
    # releasing money is an act, not an attribution
    ("The Lakeside Agency has released $2 million in flood aid to 14 towns.", "$2 million", None),
    # a story's later 'X said' and a nationality's officials cover their own sentence only
    ("The city was quiet on Sunday.\n\nA Harbor Police statement said the blast occurred near the port.\n\nTwo "
     "ships were damaged.", "Two", None),
    ("Senior Canadian officials reported the crash of a plane.\n\nThe plane was carrying 80 passengers.", "80", None),
]


@pytest.mark.parametrize("text, figure, source", ROWS)
def test_source_of_figure(nlp, text, figure, source):
    claims = {c.text: c for c in newsclaims.extract(text, nlp=nlp)}
    assert figure in claims, f"no figure {figure!r} in {list(claims)}"
    assert claims[figure].source == source
