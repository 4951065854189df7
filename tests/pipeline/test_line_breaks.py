"""Line breaks that end sentences: headlines, datelines and list items, but not hard-wrapped prose."""
import pytest

import newsclaims
from newsclaims.components.line_breaks import _ends_sentence


@pytest.mark.parametrize("previous_line, next_line, ends", [
    ("FHWA 30-14 Friday, August 29, 2014", "Nearly Three Trillion Miles Traveled", True),  # dateline
    ("Stage 4 results:", "1. Lance Armstrong in 4 hours", True),
    ("2. Andreas Kloden at 13 secs", "3. David Millar at 21 secs", True),  # list items
    ("Total: 67.6 million passengers in February 2020, up 6.7% from February 2019 (63.3M)", "Domestic: 59.6 million", True),
    ("The company said sales rose 5% to $3 billion in the", "third quarter, up from a year earlier.", False),
    ("The company said sales rose 5% to $3 billion, an increase of about", "Thirty percent on the year.", False),
    ("Officials from the ministry of finance and the central bank met on Tuesday to discuss", "Greece's debt.", False),
    ("", "Anything", False),
])
def test_which_line_breaks_end_a_sentence(previous_line, next_line, ends):
    assert _ends_sentence(previous_line, next_line) is ends


def test_each_list_item_takes_its_own_subject(nlp):
    text = ("Stage 4 results:\n1. Lance Armstrong in 4 hours 47 minutes and 51 seconds\n2. Andreas Kloden at 13 secs\n"
            "3. David Millar at 21 secs\n4. George Hincapie at 23 secs")
    who = {c.text: c.who for c in newsclaims.extract(text, published="2004-07-08", nlp=nlp)}
    assert who == {"4 hours 47 minutes and 51 seconds": "Lance Armstrong", "13 secs": "Andreas Kloden",
                   "21 secs": "David Millar", "23 secs": "George Hincapie"}


def test_wrapped_prose_stays_one_sentence(nlp):
    text = "The company said its sales reached $3 billion in the\nthird quarter of 2024, its best result so far."
    [claim] = newsclaims.extract(text, published="2025-01-08", nlp=nlp)
    assert claim.date == "2024-07/2024-09" and claim.sentence_span == [0, len(text)]
