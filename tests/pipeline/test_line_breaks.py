"""Line breaks that end sentences: headlines, datelines and list items, but not hard-wrapped prose."""
import pytest

import newsclaims
from newsclaims.components.line_breaks import _ends_sentence


@pytest.mark.parametrize("previous_line, next_line, ends", [
    ("DOT 12-07 Tuesday, March 4, 2014", "Nearly Two Million Bridges Inspected", True),  # dateline
    ("Stage 9 results:", "1. Peter Larsen in 3 hours", True),
    ("2. Marco Rossi at 9 secs", "3. David Keller at 17 secs", True),  # list items
    ("Total: 48.2 million passengers in March 2021, up 4.1% from March 2020 (46.3M)", "Domestic: 41.5 million", True),
    ("The company said sales rose 5% to $3 billion in the", "third quarter, up from a year earlier.", False),
    ("The company said sales rose 5% to $3 billion, an increase of about", "Thirty percent on the year.", False),
    ("Officials from the ministry of finance and the central bank met on Tuesday to discuss", "Greece's debt.", False),
    ("", "Anything", False),
])
def test_which_line_breaks_end_a_sentence(previous_line, next_line, ends):
    assert _ends_sentence(previous_line, next_line) is ends


def test_each_list_item_takes_its_own_subject(nlp):
    text = ("Stage 9 results:\n1. Peter Larsen in 3 hours 12 minutes and 8 seconds\n2. Marco Rossi at 9 secs\n"
            "3. David Keller at 17 secs\n4. Jonas Weber at 26 secs")
    who = {c.text: c.who for c in newsclaims.extract(text, published="2004-07-08", nlp=nlp)}
    assert who == {"3 hours 12 minutes and 8 seconds": "Peter Larsen", "9 secs": "Marco Rossi",
                   "17 secs": "David Keller", "26 secs": "Jonas Weber"}


def test_wrapped_prose_stays_one_sentence(nlp):
    text = "The company said its sales reached $3 billion in the\nthird quarter of 2024, its best result so far."
    [claim] = newsclaims.extract(text, published="2025-01-08", nlp=nlp)
    assert claim.date == "2024-07/2024-09" and claim.sentence_span == [0, len(text)]
