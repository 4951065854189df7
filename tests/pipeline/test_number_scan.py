"""The number scan of find_mentions tries number_re only where a number can start: it must find exactly what a
search over every character finds, context before each start included (lookbehinds, word boundaries)."""
import pytest

from newsclaims.normalize.mentions import MentionGrammar, _numbers
from newsclaims.normalize.units import default_lexicon


@pytest.fixture(scope="module")
def number_re():
    return MentionGrammar.build(default_lexicon()).number_re


@pytest.mark.parametrize("text", [
    "the fund grew 4.5% to $1,200 million in two-thirds of the towns",
    "temperatures of minus-12 and \u22123.5 degrees, a sub-5 time, .75 of a mile",
    "nearly double the 1-in-every-5 rate; twice as many; this half; a half-point cut",
    "Model A320 and the 10-K; 3x10^4 cells; one hundred and five cars; forty-two",
    "ten out of every eleven voters; one in 1999 households; a dozen eggs; the 1990s",
    "\u017feven oddly cased words: \u212aelvin TWENTY-ONE Three Million",
])
def test_scan_finds_what_the_search_finds(number_re, text):
    scanned = [(m.span(), m.lastgroup) for m in _numbers(text, number_re)]
    searched = [(m.span(), m.lastgroup) for m in number_re.finditer(text)]
    assert scanned == searched
    assert searched  # every row holds a number, so an empty scan cannot pass
