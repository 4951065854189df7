"""Table-driven tests of the text grammar (no model needed): what counts as one mention and its value."""
import pytest

from newsclaims.normalize.mentions import MentionGrammar, find_mentions
from newsclaims.normalize.units import default_lexicon


@pytest.fixture(scope="module")
def grammar():
    return MentionGrammar.build(default_lexicon())


@pytest.mark.parametrize("text, expected", [
    ("won in 4 hours 47 minutes and 51 seconds.", [("4 hours 47 minutes and 51 seconds", 17271, "second")]),
    ("the 29th consecutive month", [("29th consecutive month", 29, "month")]),
    ("a fourth straight year", [("fourth straight year", 4, "year")]),
    ("profit of nine-thousand-million dollars", [("nine-thousand-million dollars", 9e9, "USD")]),
    ("unemployment was five point four percent", [("five point four percent", 5.4, "%")]),
    ("one-and-one-half million barrels a day", [("one-and-one-half million barrels a day", 1.5e6, "barrel/day")]),
    ("one hundred and five people", [("one hundred and five", 105, None)]),
    ("the twenty-first storm", []),
    ("between twenty-two and twenty-eight dollars a barrel", [("twenty-two and twenty-eight dollars a barrel", None, "USD/barrel")]),
    ("5G networks and Form 10-K filings", []),
    ("the \u03b11 and \u03bc3 receptors", []),
    ("1,340 gal/d in 1990", [("1,340 gal/d", 1340, "gallon/day"), ("1990", 1990, None)]),
    ("twenty million bales", [("twenty million", 2e7, None)]),  # bales are counted, unit null (corpus guidelines)
])
def test_find_mentions(grammar, text, expected):
    got = [(m["text"], m["value"], m["unit"]) for m in find_mentions(text, grammar)]
    assert [(t, pytest.approx(v) if v is not None else None, u) for t, v, u in expected] == got
