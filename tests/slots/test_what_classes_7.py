"""What classes of issue 11, seventh round. Made-up sentences; each row says which candidate a proposer offers for
the figure, or must not offer."""
import pytest

import newsclaims

from newsclaims.slots.what_features import what_candidates


def _values(what_frame_of, text, figure):
    frame, index = what_frame_of(text)
    return [c.value for c in what_candidates(frame, index(figure))]


# The measured thing's clause that goes on only to say when ('in the first quarter of 2022', 'last week', 'on Monday')
# is not stitched to the thing: the point in time is the date slot's, and the bare thing is what was measured.
@pytest.mark.parametrize("text, figure, unwanted, wanted", [
    ("Portugal's tourism revenue fell 4% in the first quarter of 2022.", "4%",
     "Portugal's tourism revenue in the first quarter of 2022", "Portugal's tourism revenue"),
    ("Ferry crossings on the lake rose 15% last week.", "15%", "Ferry crossings on the lake last week",
     "Ferry crossings on the lake"),
    ("The orchard's apple harvest reached 900 tonnes on Monday.", "900 tonnes",
     "orchard's apple harvest on Monday", "orchard's apple harvest"),
])
def test_a_clause_tail_that_only_dates_the_figure_is_cut(what_frame_of, text, figure, unwanted, wanted):
    values = _values(what_frame_of, text, figure)
    assert unwanted not in values and wanted in values, values


# A period the figure runs over stays in the what, as the guidelines keep it: 'since March', 'so far this year' (which
# runs to now), and 'between June 2020 and June 2021' as one period, not cut after its first date.
@pytest.mark.parametrize("text, figure, kept", [
    ("Admissions at the clinic have risen 20% since March.", "20%", "since March"),
    ("Arrests in the county are down 9% so far this year.", "9%", "so far this year"),
    ("Ticket sales at the museum rose 8% between June 2020 and June 2021.", "8%", "between June 2020 and June 2021"),
])
def test_a_period_the_figure_runs_over_is_kept(what_frame_of, text, figure, kept):
    values = [v or "" for v in _values(what_frame_of, text, figure)]
    assert any(v.endswith(kept) for v in values), values
    assert not any(v.endswith(kept.rsplit(" and ", 1)[0]) for v in values if " and " in kept), values


# A figure the page sets out by its layout keeps the layout's what even where its line's parse offers a fuller
# phrase; a stock ticker's bracket ('Acme Corp. (NYSE: ACM) reported ...') is no lead-in label.
@pytest.mark.parametrize("text, figure, expected", [
    ("Bus riders by depot\nEast: 7,300 riders counted on Monday\nWest ..... 5,100\n", "7,300", "East riders"),
    ("Halvor Foods Inc. (NYSE: HLV) today reported quarterly sales of $42 million.", "$42 million", "quarterly sales"),
])
def test_the_layout_what_wins_and_a_ticker_is_no_label(nlp, text, figure, expected):
    doc = nlp(newsclaims.make_doc(nlp, text, doc_id="t", published="2021-03-01"))
    assert {c["text"]: c["what"] for c in doc._.claims}[figure] == expected


# A score written as two figures: each side's figure measures the goals scored against the other side, the first
# figure being the subject's.
@pytest.mark.parametrize("text, figure, wanted", [
    ("Rovers defeated Celtic 3-1 in the cup.", "3", "goals scored against Celtic"),
    ("Rovers defeated Celtic 3-1 in the cup.", "1", "goals scored against Rovers"),
])
def test_a_score_is_scored_against_the_other_side(what_frame_of, text, figure, wanted):
    assert wanted in _values(what_frame_of, text, figure)


# A reading on a scale counts nothing a verb acted on: no 'magnitude killed'.
def test_a_scale_reading_is_no_noun_with_verb(what_frame_of):
    frame, index = what_frame_of("Dozens of people were killed in a 6.8 magnitude earthquake near the coast.")
    assert not any(c.proposer == "noun_verb" for c in what_candidates(frame, index("6.8")))
