"""The source slot's classes, sixth round (issue 11, probes on main, then dev's source errors):
- a data set with a verb of showing, closing or opening the sentence, is the source, or its issuer when the text
  names one ('..., police data show.' -> 'police data'; 'Figures from the ministry show ...' -> 'ministry'; 'data
  released Monday by the bureau show'; 'according to figures from the ministry'), also when the parser reads 'show'
  as a noun;
- a bare body noun as the subject of a reporting verb with a clause of its own ('The company said it hired 300
  people', 'Earlier this week, the agency said ...') is the organisation the text named before, else the noun as
  written, as for 'said the company' after the figure, a relative clause on the noun aside ('The operator, which is
  based in Bergen, said'); 'The company reported a loss of $5 million' (the figure as the
  verb's object) keeps no source;
- a pointer ('the report shows') names the body as the text first writes it, parent and bracketed gloss included
  ('the Harbor City Housing Board (HCHB) works with ...' before 'The Housing Board released the study');
- 'outline' with a subject and an object presents that subject's figures, and a collective subject ('A panel made
  up of senior officials') names its members; 'a report outlining ...' presents nothing;
- 'find' with a thing as its object and no clause is an act of discovery, not a report ('Scientists found the
  bones of a bird at two sites');
- a target set through 'for' names its advocate ('Doctor X called for cutting ... by 20 percent');
- a sentence continues the attribution of the one before when it refers back after a fronted phrase or in an opening
  clause ('In small towns, it ...', 'If this were done, ...'), counts without a noun of its own ('At least 12 are
  still missing.'), or opens with a connective or 'they' ('For example, ...', 'However, ...', 'They ...').
Each row is a text, a figure in it and the source (None: none)."""
from __future__ import annotations

import pytest
from source_checks import claim_of

ROWS = [
    # a data set closing the sentence, with or without its issuer
    ("Burglaries in the town dropped 11% in 2023, police data show.", "11%", "police data"),
    ("Car sales climbed 7% in April, customs data showed.", "7%", "customs data"),
    ("Rents rose 6% in 2022, figures from the ministry show.", "6%", "ministry"),
    ("Farm output grew 4% in 2021, figures from the Statistics Office showed.", "4%", "Statistics Office"),
    ("Retail sales rose 2% in June, data released by the bureau on Tuesday show.", "2%", "bureau"),
    ("Hotel stays fell 9% in 2020, FBI statistics indicate.", "9%", "FBI statistics"),
    # a data set opening the sentence, which the parser often breaks ('show' read as a noun)
    ("Police data show thefts fell 5% in 2022.", "5%", "Police data"),
    ("Figures from the ministry show imports rose 8% in March.", "8%", "ministry"),
    ("Figures from the Revenue Office show tax receipts rose 3% in 2023.", "3%", "Revenue Office"),
    ("Data released Thursday by the bureau show orders rose 4% in May.", "4%", "bureau"),
    # 'according to' a data set from a body the text names by a common noun
    ("Thefts rose 14% in 2021, according to data released by the police on Monday.", "14%", "police"),
    ("Halden Bank opened in 1990. Loans rose 6% in May, according to figures from the bank.", "6%", "Halden Bank"),
    ("Imports rose 2% in May, according to figures from the ministry.", "2%", "ministry"),
    # a verb of showing the parser glued into the issuer's phrase ends it
    ("Figures published by the Labour Office show wages rose 3% in 2023.", "3%", "Labour Office"),
    ("The figures released on Monday by Halden Bank show loans rose 4%.", "4%", "Halden Bank"),
    # a time after 'from' is not an issuer
    ("Rents rose 6% in 2022, figures from 2021 show.", "6%", "figures"),
    # a bare body noun reporting a clause: the body named before, else as written
    ("Marlow Foods opened a plant in Leeds. The company said it hired 250 workers.", "250", "Marlow Foods"),
    ("The company said it hired 120 engineers.", "120", "company"),
    ("Brenna Rail runs 90 trains. The operator, which is based in Bergen, said it would hire 60 drivers.", "60",
     "Brenna Rail"),
    ("The Coastal Transit Authority met on Friday. Earlier this week, the agency said 1,500 trains were late.",
     "1,500", "Coastal Transit Authority"),
    ("Earlier this week, the agency said 900 flights were canceled.", "900", "agency"),
    # a target set through 'for' names its advocate; the sentences that continue it share the source, also when the
    # pointer back comes after a fronted phrase or in an opening clause, or the count's noun is the sentence before's
    ("Doctor Anna Vey called for cutting smoking by 20 percent by 2030.", "20 percent", "Doctor Anna Vey"),
    ("Doctor Anna Vey called for cutting smoking by 20 percent. If this were done, 4,000 lives would be saved.",
     "4,000", "Doctor Anna Vey"),
    ("Doctor Anna Vey called for cutting smoking by 20 percent. In small towns, it would save 300 lives.",
     "300", "Doctor Anna Vey"),
    ("Storms killed 40 people in the south, according to local officials. At least 12 are still missing.",
     "12", "local officials"),
    ("The plan calls for 400 new homes.", "400", None),
    # a connective or a 'they' opening a sentence continues the one before it
    ("Doctor Anna Vey says the gaps are wide. For example, about 80 million children go hungry.", "80 million",
     "Doctor Anna Vey"),
    ("Analysts at Brenwick say the market is weak. In addition, 40 stores will close.", "40", "Analysts at Brenwick"),
    ("Doctor Anna Vey says the gaps are wide. They do not eat enough. However, 900 million adults eat too much.",
     "900 million", "Doctor Anna Vey"),
    # 'find' with a thing as its object discovers; with a figure or a clause it reports
    ("Scientists found the bones of a bird at two sites in Chile.", "two", None),
    ("Researchers found a rise of 5% in cases in 2023.", "5%", "Researchers"),
    ("Researchers found that 30% of adults sleep too little.", "30%", "Researchers"),
    # a pointer ('the report shows') names the body as the text first writes it, gloss included
    ("More farmers sell online, a new report says. The report shows that 40% of farmers sell online. Each year the "
     "Dutch Ministry of Agriculture and the Institute of Rural Studies (or IRS) work together on a report. The "
     "Ministry of Agriculture and IRS released the report last week.", "40%",
     "Dutch Ministry of Agriculture and the Institute of Rural Studies (or IRS)"),
    ("A new study says rents are rising. The study shows that rents rose 9% in 2023. Every spring the Harbor City "
     "Housing Board (HCHB) works with tenants. The Housing Board released the study on Monday.", "9%",
     "Harbor City Housing Board (HCHB)"),
    # 'outline' presents a body's figures; a collective subject names its members
    ("A panel made up of senior Treasury officials outlined a $40 billion spending plan at a briefing today.",
     "$40 billion", "senior Treasury officials"),
    ("A team composed of Norwegian and Danish engineers outlined a plan to build 12 bridges by 2030.", "12",
     "Norwegian and Danish engineers"),
    ("A report outlining the city's $2 billion debt was published.", "$2 billion", None),
    # the body as the actor of a figure it reports as an object: no source of its own
    ("The firm Monday reported a loss of $7 million.", "$7 million", None),
]


@pytest.mark.parametrize("text, figure, source", ROWS)
def test_source_classes(nlp, text, figure, source):
    assert claim_of(nlp, text, figure, published="2024-02-14").source == source


@pytest.mark.parametrize("text, figure, who", [
    ("The company said it hired 120 engineers.", "120", "The company"),
    ("Burglaries in the town dropped 11% in 2023, police data show.", "11%", "the town"),
])
def test_the_who_stays(nlp, text, figure, who):
    assert claim_of(nlp, text, figure, published="2024-02-14").who == who
