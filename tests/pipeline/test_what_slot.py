"""The what slot, one class of sentence per row, through the real pipeline: the words the figure's what must hold."""
import pytest

import newsclaims

PUB = "2025-11-04"


def what_of(nlp, text, surface):
    found = [c for c in newsclaims.extract(text, published=PUB, nlp=nlp) if c.text == surface]
    assert found, f"no claim {surface!r} in {text!r}"
    return found[0].what or ""


@pytest.mark.parametrize("text, surface, words", [
    # a count that is a verb's subject keeps the verb: which things were counted
    ("About 3,000 workers lost their jobs after the plant closed.", "3,000", ["workers", "lost", "jobs"]),
    ("Some 40,000 homes were damaged by the floods.", "40,000", ["homes", "damaged"]),
    # money for something
    ("The city council approved $12 million for new bus lanes.", "$12 million", ["bus lanes"]),
    # a measure that is the object of an activity verb
    ("Commercial pilots flew 4,000 hours last year.", "4,000 hours", ["flew", "hours"]),
    ("Hikers walked 3,000 kilometers last year.", "3,000 kilometers", ["walked", "kilometers"]),
    ("The talks lasted 10 hours.", "10 hours", ["talks"]),
    # ... but the object of a level verb measures the subject
    ("Rice output is expected to reach 9 million tonnes.", "9 million tonnes", ["Rice output"]),
    # a relative pronoun stands for its noun
    ("Fines that could total $2 billion may be imposed next year.", "$2 billion", ["Fines"]),
    # 'N% more X' counts the X
    ("Airlines carried 5% more passengers in March than a year earlier.", "5%", ["passengers"]),
    # a figure that restates a noun
    ("The state is burning less coal -- 12 million tons a year.", "12 million tons a year", ["coal"]),
    # a generic what ('an increase') takes the thing from the figure before it in the sentence; a comparison's
    # baseline measures that thing, not what its own words go on to say ('increase in May')
    ("Factory orders rose 3.2 percent in June, compared with an increase of 0.9 percent in May.", "0.9 percent",
     ["orders", "increase"]),
])
def test_what_names_the_measured_thing(nlp, text, surface, words):
    what = what_of(nlp, text, surface)
    for word in words:
        assert word in what, f"{word!r} not in what {what!r} of {surface!r}"


@pytest.mark.parametrize("text, surface", [
    ("The epicentre was 4 km from the town.", "4 km"),
    ("Gas sold at $3.41/MMBtu on Friday.", "$3.41/MMBtu"),
])
def test_the_unit_is_never_the_what(nlp, text, surface):
    assert what_of(nlp, text, surface).lower() not in ("km", "mmbtu")


def who_of(nlp, text, surface):
    found = [c for c in newsclaims.extract(text, published=PUB, nlp=nlp) if c.text == surface]
    assert found, f"no claim {surface!r} in {text!r}"
    return found[0].who


@pytest.mark.parametrize("text, surface, who", [
    # a place given for the figure itself beats the clause's subject
    ("Officials say the flood caused at least nine deaths in Peru and three in Chile.", "nine", "Peru"),
    # the actor of an activity is its who, even when it names no entity ...
    ("Hikers walked 3,000 kilometers last year.", "3,000 kilometers", "Hikers"),
    ("The region is using less diesel -- 40,000 barrels a day.", "40,000 barrels a day", "The region"),
    # ... but not a reporter of the figure
    ("Researchers mapped 40 km of new cracks in the ice shelf.", "40 km", None),
])
def test_who_names_what_the_figure_is_about(nlp, text, surface, who):
    assert who_of(nlp, text, surface) == who
