"""Each date proposer on its own, on sentences parsed by the real pipeline: (text, figure) -> what it offers."""
import pytest

from newsclaims.slots import date_proposers as P

PUB = "2021-03-01"

TWO_LEVELS = "Chile's output rose to 45,000 tons in 2024 from 38,000 tons in 2020."
BASELINE = "Sales reached $4 billion in 2020, $1 billion more than in 2019."


@pytest.mark.parametrize("proposer, text, figure, expected", [
    # the date right after a figure is its own
    (P.owned_date, TWO_LEVELS, "45,000 tons", [("2024", "2024")]),
    (P.owned_date, TWO_LEVELS, "38,000 tons", [("2020", "2020")]),
    (P.owned_date, "In 2024, output was 45,000 tons.", "45,000 tons", []),
    # the other dates of the sentence, whoever owns them
    (P.sentence_dates, "In 2024, output was 45,000 tons.", "45,000 tons", [("2024", "2024")]),
    (P.sentence_dates, TWO_LEVELS, "45,000 tons", [("2020", "2020")]),
    (P.sentence_dates, "Imports were 45,000 tons.", "45,000 tons", []),
    # a change's size spans from its baseline to its new level
    (P.baseline_period, BASELINE, "$1 billion", [("2019/2020", "2020, $1 billion more than in 2019")]),
    (P.baseline_period, BASELINE, "$4 billion", []),  # a level, not a change
    (P.baseline_period, "Revenues were $140 billion higher in 2024 than in 2023.", "$140 billion",
     [("2023/2024", "2024 than in 2023")]),
    # periods between two dates of a comparing sentence, for any figure in it
    (P.sentence_periods, BASELINE, "$4 billion", [("2019/2020", "2020, $1 billion more than in 2019")]),
    (P.sentence_periods, "In 2024, output was 45,000 tons.", "45,000 tons", []),
    # 'now' words and the present tense give the publication date
    (P.now_word, "The city now counts 80 shelters.", "80", [(PUB, "now")]),
    (P.now_word, "The city counts 80 shelters.", "80", []),
    (P.present_tense, "The city counts 80 shelters.", "80", [(PUB, "counts")]),
    (P.present_tense, "Prices have risen 30 percent.", "30 percent", [(PUB, "risen")]),
    (P.present_tense, "The shelters are still full with 80 families.", "80", [(PUB, "still")]),
    (P.present_tense, "The city counted 80 shelters.", "80", []),
    # 'since' a date runs to the publication date
    (P.since_period, "Prices have risen 30 percent since 1980.", "30 percent", [("1980/2021-03-01", "1980")]),
    (P.since_period, "Prices rose 30 percent in 1980.", "30 percent", []),
    # the last date before the figure, within its paragraph
    (P.carried_date, "Exports fell sharply in 2019. Imports were 45,000 tons.", "45,000 tons", [("2019", "2019")]),
    (P.carried_date, "Exports fell sharply in 2019.\n\nImports were 45,000 tons.", "45,000 tons", []),
    (P.carried_date, "Imports were 45,000 tons. Exports fell in 2019.", "45,000 tons", []),
    # the next sentence of the paragraph
    (P.next_sentence_dates, "Imports were 45,000 tons. Exports fell in 2019.", "45,000 tons", [("2019", "2019")]),
    (P.next_sentence_dates, "Imports were 45,000 tons.\n\nExports fell in 2019.", "45,000 tons", []),
    # the headline's and the first sentence's dates
    (P.headline_dates, "Output Hits Record in 2024\n\nThe mine produced 45,000 tons.", "45,000 tons", [("2024", "2024")]),
    (P.headline_dates, "Output Hits Record\n\nThe mine produced 45,000 tons in 2024.", "45,000 tons", []),
    # the bare publication date and no date at all
    (P.publication_date, "Imports were 45,000 tons.", "45,000 tons", [(PUB, None)]),
    (P.null_date, "Imports were 45,000 tons in 2019.", "45,000 tons", [(None, None)]),
])
def test_proposer(frame_of, proposer, text, figure, expected):
    frame, index = frame_of(text, PUB)
    got = proposer(frame, index(figure))
    assert [(c.value, c.text) for c in got] == expected
    for c in got:
        assert c.slot == "date" and c.proposer in P.PROPOSERS
        if c.span is not None:
            assert text[c.span[0]:c.span[1]] == c.text


@pytest.mark.parametrize("proposer", [P.present_tense, P.since_period, P.publication_date])
def test_publication_proposers_need_a_publication_date(frame_of, proposer):
    frame, index = frame_of("The city now counts 80 shelters, still more than since 2015.", None)
    assert proposer(frame, index("80")) == []


def test_now_word_without_a_publication_date_offers_no_date(frame_of):
    frame, index = frame_of("The city now counts 80 shelters.", None)
    assert [(c.value, c.text) for c in P.now_word(frame, index("80"))] == [(None, "now")]


def test_a_list_sentence_offers_only_the_nearest_dates(frame_of):
    years = ", ".join(f"{n} tons in {y}" for n, y in zip(range(10, 30), range(1990, 2010)))
    frame, index = frame_of(f"Output was {years}.", PUB)
    assert len(P.sentence_dates(frame, index("10 tons"))) <= 2 * P.NEAREST
