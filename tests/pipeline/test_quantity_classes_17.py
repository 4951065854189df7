"""Issue 12, round 17: the NewsQuant classes of this round, through the real pipeline, made-up sentences.

Scores: a dash score is two plain counts for us (corpus/GUIDELINES.md, Sports: each side's score is its own claim,
never a range or a subtraction); the NewsQuant bench writes the pair as the one 'a-b' figure that benchmark uses,
a change of form only (docs/EVALUATION.md, score_pair_as_range)."""
import pytest
from quantity_helpers import PUB, check

import newsclaims
from newsclaims.evaluation.benchmarks import newsquant as nq


def claims_of(nlp, text):
    return [c.to_dict() for c in newsclaims.extract(text, published=PUB, nlp=nlp)]


@pytest.mark.parametrize("text, first, second", [
    ("Leeds won 3-1 at Elland Road on Saturday.", 3, 1),
    ("The Rams held on for a 24-17 win over Denver.", 24, 17),
    ("Norway beat Iceland 2\u20130 in the qualifier.", 2, 0),
    ("The visitors took a 6-2 lead into the final quarter.", 6, 2),
])
def test_a_dash_score_is_two_counts(nlp, text, first, second):
    claims = claims_of(nlp, text)
    counts = [(c["value"], c["unit"], c["low"]) for c in claims]
    assert counts == [(first, None, None), (second, None, None)], counts


@pytest.mark.parametrize("text, written", [
    ("Leeds won 3-1 at Elland Road on Saturday.", "3.0-1.0"),
    ("The Rams held on for a 24-17 win over Denver.", "24.0-17.0"),
    ("Norway beat Iceland 2\u20130 in the qualifier.", "2.0-0.0"),
])
def test_newsquant_writes_a_score_pair_as_one_figure(nlp, text, written):
    rows = nq._adapt_claims([claims_of(nlp, text)], nq.load_unit_map(), nq.FORM_MAPPINGS)[0]
    assert [r["value"] for r in rows] == [written]


@pytest.mark.parametrize("text, values", [
    ("Prices rose 3%, and then 1% more in May.", ["3.0", "1.0"]),  # two figures, no dash between them
    ("Between 300-400 jobs will go.", ["300.0-400.0"]),  # a range of ours is one claim already
    ("Exports rose 4%-5 points above the target.", None),  # a unit on one side: no score pair (not checked)
])
def test_other_neighbouring_figures_are_left_alone(nlp, text, values):
    if values is None:
        return
    rows = nq._adapt_claims([claims_of(nlp, text)], nq.load_unit_map(), nq.FORM_MAPPINGS)[0]
    assert sorted(r["value"] for r in rows) == sorted(values)


@pytest.mark.parametrize("text, first, second", [
    ("The Bulls held on for a 27-20 win at home.", 27, 20),  # the tagger calls '27-20' a date
    ("Hartlepool beat Morecambe 3-2 on Tuesday night.", 3, 2),  # and 'Morecambe 3-2' a name
    ("Oldham came back to beat Crewe 2-1 thanks to a late penalty.", 2, 1),  # 'thanks' counts nothing
    ("Wigan lost 14-30 to Leeds.", 14, 30),  # the smaller side first: still a score, no range, no fall
])
def test_a_score_the_tagger_misreads_is_still_two_counts(nlp, text, first, second):
    claims = claims_of(nlp, text)
    counts = [(c["value"], c["unit"], c["low"], c["change"]) for c in claims]
    assert counts == [(first, None, None, None), (second, None, None, None)], counts
    assert all(c["unit_text"] != "thanks" for c in claims)


@pytest.mark.parametrize("text, surface, value", [
    ("Officials expect to win 3-5 seats in the vote.", "3-5", (3, 5)),  # a counted noun: a range of counts
    ("The court ruled 5-4 in favour of the state.", None, None),  # a vote is no game score (not checked here)
])
def test_a_dash_pair_that_is_no_score_keeps_its_reading(nlp, text, surface, value):
    if surface is None:
        return
    claim = next(c for c in claims_of(nlp, text) if c["text"] == surface)
    assert (claim["low"], claim["high"]) == value


# Shirt numbers and flight codes are labels (corpus/GUIDELINES.md: identifiers are not claims): the number in brackets
# after a player's name in a photo caption, 'flight MH17', 'the No. 10 shirt'.
@pytest.mark.parametrize("text", [
    "Chiefs quarterback Joe Carter (15) throws a pass in the first half.",
    "Arsenal striker Mia Lund (9) heads the ball past the keeper.",
    "Yankees pitcher Sam Ortiz (45) delivers in the third inning.",
    "Relatives of those on flight MH17 gathered at the airport.",
    "Flight 370 disappeared over the Indian Ocean.",
    "He wore the No. 10 shirt at the World Cup.",
    "She was handed the number 23 jersey last season.",
])
def test_shirt_numbers_and_flight_codes_are_no_claims(nlp, text):
    assert claims_of(nlp, text) == []


@pytest.mark.parametrize("text, value", [
    ("Jane Moss (45) was charged with theft.", 45),  # no position before the name: an age, a claim
    ("The quarterback threw for 300 yards (4 touchdowns).", 4),  # not right after a name
])
def test_bracketed_numbers_without_a_player_stay_claims(nlp, text, value):
    assert value in [c["value"] for c in claims_of(nlp, text)]


# A range inside a compound adjective keeps its hyphens around 'to': "a 10- to 15-minute walk" (the suspended hyphen)
# and the looser "a 10 to-15-minute walk" are one range, like "a 10-to-15-minute walk".
@pytest.mark.parametrize("text, surface, low, high, unit", [
    ("It is a 20- to 30-minute drive from the port.", "20- to 30-minute", 20, 30, "minute"),
    ("It is a 20 to-30-minute drive from the port.", "20 to-30-minute", 20, 30, "minute"),
    ("Divers found a 3,000- to 4,000-year-old canoe.", "3,000- to 4,000-year", 3000, 4000, "year"),
    ("Divers found a 3,000 to-4,000 year-old canoe.", "3,000 to-4,000 year", 3000, 4000, "year"),
])
def test_hyphenated_compound_ranges_are_one_range(nlp, text, surface, low, high, unit):
    check(nlp, text, surface, low=low, high=high, unit=unit)


@pytest.mark.parametrize("text, surfaces", [
    ("The COVID-19 ward reopened.", []),  # a name's number after a hyphen stays out
    ("Prices rose from 5 to 7 dollars.", ["5", "7 dollars"]),  # a from-to change keeps its two levels
])
def test_hyphens_elsewhere_keep_their_reading(nlp, text, surfaces):
    assert [c["text"] for c in claims_of(nlp, text)] == surfaces


# Gold, silver and the other precious metals are weighed and priced in troy ounces (models/lexicon/units.json
# precious_metals); any other ounce is the avoirdupois one. NewsQuant names both 'ounce' (the bench's unit table).
@pytest.mark.parametrize("text, surface, unit", [
    ("Gold climbed to $2,050 an ounce on Monday.", "$2,050 an ounce", "USD/troy_ounce"),
    ("Silver traded at $24.10 per ounce.", "$24.10 per ounce", "USD/troy_ounce"),
    ("The mint struck 500 ounces of platinum.", "500 ounces", "troy_ounce"),
    ("Add 6 ounces of grated cheese.", "6 ounces", "oz"),
    ("Saffron sells for $300 an ounce.", "$300 an ounce", "USD/oz"),
])
def test_precious_metals_are_priced_in_troy_ounces(nlp, text, surface, unit):
    check(nlp, text, surface, unit=unit)


def test_newsquant_names_a_troy_ounce_an_ounce():
    assert nq.newsquant_unit("USD/troy_ounce", "$ an ounce") == "dollar per ounce"
