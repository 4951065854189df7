"""What classes of issue 11, fourth round: one table per class of what error, on made-up pages. Each row says
what the rules' answer of a figure the page sets out by its layout must be, or that there is none."""
import pytest

import newsclaims
from newsclaims.slots.what_layout import gapped_answer, layout_answer

BLOCK = ("The county has counted 412 river floods since 1950.\n\n"
         "1950-2019\nDeaths\n1,204\n56 per year\nCost\n$3.2B\n\n"
         "2000s (2000-2009)\nDeaths\n310\n")
SECTION = "Harbor statistics\n\nCargo ships\nArrivals\n1,310\n3.6 per day\nDepartures\n1,295\n"
LABELLED = "Ticket sales by gate\nNorth: 4,200 tickets sold on Friday\nSouth ..... 3,900\nWest / 2,100\n"
LEAD_IN = ("Market notes\n\nSpot price: The spot price of corn fell 12 cents to $4.10 a bushel. "
           "Futures rose 3 cents.\n")


def _answer(what_frame_of, text, figure):
    frame, index = what_frame_of(text)
    found = layout_answer(frame, index(figure))
    return found[0] if found else None


# A figure alone on its line under a label: the label with the figure's rate, of the section's heading, else of
# the page's topic (what its first figure counts); a period heading ('1950-2019') is no topic.
@pytest.mark.parametrize("text, figure, expected", [
    (BLOCK, "1,204", "Deaths of river floods"),
    (BLOCK, "56 per year", "Deaths per year of river floods"),
    (BLOCK, "$3.2B", "Cost of river floods"),
    (BLOCK, "310", "Deaths of river floods"),
    (SECTION, "1,310", "Arrivals of Cargo ships"),
    (SECTION, "3.6 per day", "Arrivals per day of Cargo ships"),
    (SECTION, "1,295", "Departures of Cargo ships"),
])
def test_stat_block_figures_take_their_label_and_topic(what_frame_of, text, figure, expected):
    assert _answer(what_frame_of, text, figure) == expected


# A line that opens with a label before its figure ('North: ...', 'South ..... 3,900', 'West / 2,100'): the label
# with the noun the figure counts, else with the topic of the lines.
@pytest.mark.parametrize("text, figure, expected", [
    (LABELLED, "4,200", "North tickets"),
    (LABELLED, "3,900", "South of Ticket sales by gate"),
    (LABELLED, "2,100", "West of Ticket sales by gate"),
])
def test_labelled_lines_take_their_label(what_frame_of, text, figure, expected):
    assert _answer(what_frame_of, text, figure) == expected


# A paragraph led in by a label states the figures of its first sentence of the label, not those of the next.
@pytest.mark.parametrize("text, figure, expected", [
    (LEAD_IN, "12 cents", "Spot price"),
    (LEAD_IN, "$4.10 a bushel", "Spot price"),
    (LEAD_IN, "3 cents", None),
])
def test_a_lead_in_label_covers_its_first_sentence(what_frame_of, text, figure, expected):
    assert _answer(what_frame_of, text, figure) == expected


# Prose, a speaker's name before a colon, a clause before a colon, a figure under a line of prose: no layout.
@pytest.mark.parametrize("text, figure", [
    ("The mill hired 300 workers last spring.", "300"),
    ("MARY LEE: About 40 percent of the farms are idle.", "40 percent"),
    ("The plant is growing fast: 30 percent more output.", "30 percent"),
    ("The mill said on Monday that it would hire more people soon\n300\n", "300"),
    ("In the south: the mill hired 300 workers last spring.", "300"),
    ("OSLO: The mill hired 300 workers last spring.", "300"),
    ("Best hitters: Jones (31 homers, 90 runs), Smith (28 homers).", "31"),
])
def test_prose_has_no_layout_what(what_frame_of, text, figure):
    assert _answer(what_frame_of, text, figure) is None


# The layout's what is the rules' answer, so the shipped pipeline's claims carry it (the trained ranker too).
@pytest.mark.parametrize("text, figure, expected", [
    (BLOCK, "1,204", "Deaths of river floods"),
    (LABELLED, "4,200", "North tickets"),
])
def test_claims_carry_the_layout_what(nlp, text, figure, expected):
    doc = nlp(newsclaims.make_doc(nlp, text, doc_id="t", published="2021-03-01"))
    assert {c["text"]: c["what"] for c in doc._.claims}[figure] == expected


# A count in a gapped clause counts what the clause before it counted, with that clause's verb, or with what its
# own words add ('27 undecided'); the name before it is its who. An amount of another noun ('a crew of 6'), a
# change ('down by eight'), a bracket's aside and a figure with a unit are no gapped counts.
@pytest.mark.parametrize("text, figure, expected", [
    ("Officially, the Greens have won 71 seats, the Reds 50 with 27 undecided.", "50", "seats won"),
    ("Officially, the Greens have won 71 seats, the Reds 50 with 27 undecided.", "27", "seats undecided"),
    ("The storm caused twelve deaths in Ohio, four in Iowa and one in Maine.", "four", "deaths caused"),
    ("The storm caused twelve deaths in Ohio, four in Iowa and one in Maine.", "one", "deaths caused"),
    ("The plane carried 96 passengers and a crew of 6.", "6", None),
    ("The vote gave the party 13 seats, down by eight from the last vote.", "eight", None),
    ("Exports rose 12%, imports 8%.", "8%", None),
])
def test_gapped_counts_take_the_earlier_count(what_frame_of, text, figure, expected):
    frame, index = what_frame_of(text)
    found = gapped_answer(frame, index(figure))
    assert (found[0] if found else None) == expected

