"""Table-driven tests of the text grammar (no model needed): what counts as one mention and its value."""
import pytest

from newsclaims.normalize.mentions import MentionGrammar, find_mentions
from newsclaims.normalize.units import default_lexicon
from newsclaims.resources import read_lexicon


@pytest.fixture(scope="module")
def grammar():
    return MentionGrammar.build(default_lexicon())


@pytest.mark.parametrize("text, expected", [
    ("won in 3 hours 12 minutes and 8 seconds.", [("3 hours 12 minutes and 8 seconds", 11528, "second")]),
    ("the 29th consecutive month", [("29th consecutive month", 29, "month")]),
    ("a fourth straight year", [("fourth straight year", 4, "year")]),
    ("revenue of six-thousand-million dollars", [("six-thousand-million dollars", 6e9, "USD")]),
    ("unemployment was five point four percent", [("five point four percent", 5.4, "%")]),
    ("two-and-one-half million barrels a week", [("two-and-one-half million barrels a week", 2.5e6, "barrel/week")]),
    ("one hundred and five people", [("one hundred and five", 105, None)]),
    ("the twenty-first storm", []),
    ("between thirty-one and thirty-six dollars a barrel", [("thirty-one and thirty-six dollars a barrel", None, "USD/barrel")]),
    ("5G networks and Form 10-K filings", []),
    ("the \u03b11 and \u03bc3 receptors", []),
    ("1,725 gal/d in 1987", [("1,725 gal/d", 1725, "gallon/day"), ("1987", 1987, None)]),
    ("twenty million bales", [("twenty million", 2e7, None)]),  # bales are counted, unit null (corpus guidelines)
])
def test_find_mentions(grammar, text, expected):
    got = [(m["text"], m["value"], m["unit"]) for m in find_mentions(text, grammar)]
    assert [(t, pytest.approx(v) if v is not None else None, u) for t, v, u in expected] == got


@pytest.mark.parametrize("word, number", sorted(read_lexicon("ordinals")["words"].items()))
def test_every_ordinal_of_the_lexicon_counts_a_streak(grammar, word, number):
    got = [(m["text"], m["value"], m["unit"]) for m in find_mentions(f"Exports fell for the {word} straight month.", grammar)]
    assert got == [(f"{word} straight month", number, "month")]
