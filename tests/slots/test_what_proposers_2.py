"""The what proposers that read what a figure's clause goes on to say, and the whats the guidelines word from a
kind of figure (models/lexicon/what_kinds.json), on made-up sentences parsed by the real pipeline: (proposer,
text, figure) -> the phrases it offers. Each row looks the proposer up in PROPOSERS and finds its ``by_`` flag
among the figure's merged candidates, so it fails when the proposer is not run."""
import pytest

from newsclaims.slots import what_proposers as P
from newsclaims.slots.what_features import what_candidates


@pytest.mark.parametrize("name, text, figure, expected", [
    # the measured thing with the rest of its clause
    ("tail", "The agency launched 12 flights to carry food to the island.", "12",
     ["flights to carry food to the island"]),
    ("tail", "The agency launched 12 flights.", "12", []),
    # ... which ends at a comparison whose baseline is another figure, but not at one with none
    ("tail", "The shop sold 9 bikes to students compared with 14 last spring.", "9", ["bikes to students"]),
    ("tail", "The shop sold 9 bikes to students compared with its rivals.", "9",
     ["bikes to students compared with its rivals"]),
    # a figure that counts no noun: its verb and the clause after it; a length's word ('distance')
    ("verb_tail", "The truck rolled 40 meters down the steep hill.", "40 meters",
     ["rolled down the steep hill", "distance rolled down the steep hill", "distance down the steep hill"]),
    ("verb_tail", "The fair brought $2 million into the county because demand rose.", "$2 million",
     ["brought into the county"]),  # 'because' opens another clause
    ("verb_tail", "The truck rolled 40 empty crates down the hill.", "40", []),  # the figure counts a noun
    # the measured noun with its verb, noun first; a gapped count takes the noun its neighbour counted
    ("noun_verb", "The bank issued $3 billion in farm loans.", "$3 billion", ["farm loans issued"]),
    ("noun_verb", "The storm destroyed 40 homes and damaged 200.", "200", ["homes damaged"]),
    ("noun_verb", "The bank said 40 farmers were waiting.", "40", []),  # a subject, and a reporting verb
    # a noun joined to the verb through 'with' or 'from' is not what the verb did
    ("noun_verb", "The storm struck on Monday with 70 tornadoes.", "70", []),
    ("noun_verb", "The index is taken from data from 900 firms.", "900", []),
    ("noun_verb", "The court sentenced him to a 90-day ban.", "90-day", ["ban sentenced"]),
    # a share that is its clause's subject
    ("share_who", "About 35% of the farmers had planted soybeans on their land.", "35%",
     ["share who had planted soybeans on their land"]),
    ("share_who", "Rainfall rose 35% in May.", "35%", []),
    # the measure an adjective states
    ("adjective", "The new bridge is 300 meters long.", "300 meters", ["length", "length of new bridge"]),
    ("adjective", "The old oak is 200 years old.", "200 years", ["age", "age of old oak"]),
    ("adjective", "The new bridge cost 300 dollars.", "300 dollars", []),
    # the thing with the baseline it is compared with
    ("compared", "Ticket sales were $4 million lower than in 2019.", "$4 million",
     ["Ticket sales than in 2019", "decrease in Ticket sales than in 2019", "Ticket sales than in 2019"]),
    ("compared", "Ticket sales were $4 million in 2019.", "$4 million", []),
    # 'over' with a period sums the figure over it: no baseline; 'over last spring' is one
    ("compared", "The fair brought $2 million into the county over the past decade.", "$2 million", []),
    ("compared", "The club paid $3 million over 5 years.", "$3 million", []),
    ("compared", "Ticket sales rose 4 percent over last spring.", "4 percent",
     ["Ticket sales over last spring", "increase in Ticket sales over last spring", "Ticket sales over last spring"]),
    # a comparison's baseline measures what the figure it is compared with measures
    ("baseline", "Factory orders rose 3.2 percent in June, compared with an increase of 0.9 percent in May.",
     "0.9 percent", ["increase in Factory orders", "Factory orders"]),
    ("baseline", "The club won 9 games this year, compared with season totals of 14 in 2019.", "14",
     ["season totals of games", "games"]),
    ("baseline", "The club won 9 games this year, more than the 6 it won in 2019.", "6", ["games"]),
    ("baseline", "Factory orders rose 3.2 percent in June after an increase of 0.9 percent in May.", "0.9 percent", []),
    ("baseline", "Factory orders rose 3.2 percent in June.", "3.2 percent", []),
    # the what with the place the figure is for
    ("region", "In Kansas, the Farmers Party won 9 seats.", "9",
     ["seats in Kansas", "seats in Kansas", "won seats in Kansas", "seats won in Kansas"]),
    ("region", "The Farmers Party won 9 seats.", "9", []),
    # the noun phrase a level participle sums up
    ("participle", "The city signed contracts valued at $8 million.", "$8 million", ["contracts"]),
    ("participle", "The state awarded grants totaling $30 million.", "$30 million", ["grants"]),
    ("participle", "The city paid $8 million.", "$8 million", []),
    # the noun phrase before a level verb parsed as a plural noun ('totals' with the figure its apposition)
    ("level_noun", "The road repair budget for 2031 totals more than $40 million.", "$40 million",
     ["road repair budget"]),
    ("level_noun", "The budget reached $40 million.", "$40 million", []),
    ("level_noun", "He counted 12 totals and 40 sums.", "40", []),
    # the noun the counted things are 'of'
    ("owner_of", "The clinic received reports of 40 infections.", "40", ["reports of infections"]),
    ("owner_of", "The clinic treated 40 infections.", "40", []),
    # the figure before's what with this figure's own words
    ("previous_tail", "Farm debt was $20,000 in 2020, up from $12,000 in 2019.", "$12,000",
     ["Farm debt in 2019"]),
    ("previous_tail", "Farm debt was $20,000 in 2020.", "$20,000", []),
    # the noun of the verb whose object the figure is
    ("verb_noun", "The drought has cost $90 million.", "$90 million", ["cost", "cost of drought"]),
    ("verb_noun", "The school will spend $4 million to build a gym.", "$4 million",
     ["spending", "spending to build a gym", "spending of school"]),
    ("verb_noun", "The town has $4 million.", "$4 million", []),
])
def test_proposer(what_frame_of, name, text, figure, expected):
    frame, index = what_frame_of(text)
    mi = index(figure)
    got = P.PROPOSERS[name](frame, mi)
    assert [c.value for c in got] == expected
    for c in got:
        assert c.slot == "what" and c.proposer == name
        if c.span is not None:
            assert text[c.span[0]:c.span[1]] == c.text
    assert {c.value for c in what_candidates(frame, mi) if f"by_{name}" in c.features} == set(expected)
