"""What classes of issue 11, one table per class: the proposer that offers the class's what, on made-up
sentences parsed by the real pipeline. Each row: (text, figure, phrases the proposer must offer)."""
import pytest

from newsclaims.slots import what_proposers as P


def offered(what_frame_of, text, figure):
    frame, index = what_frame_of(text)
    return [c.value for c in P.modified_noun(frame, index(figure))]


# The measured noun with the words after it that say which things were counted or what money went to: the
# counted noun, the noun money is 'in' or 'for', the noun a figure is 'of'.
@pytest.mark.parametrize("text, figure, expected", [
    ("The storm caused $3 million in damage to roads and bridges.", "$3 million", "damage to roads and bridges"),
    ("The program provided $2 billion in grants to rural schools.", "$2 billion", "grants to rural schools"),
    ("Officials counted 40 villages hit by the flood.", "40", "villages hit by the flood"),
    ("The fund paid $5 million for repairs to the old harbour wall.", "$5 million", "repairs to the old harbour wall"),
])
def test_noun_with_its_modifiers(what_frame_of, text, figure, expected):
    assert expected in offered(what_frame_of, text, figure)


# Where the modifiers end: a comma or another figure starts something else, and a bare noun is left to the
# counted-noun proposer.
@pytest.mark.parametrize("text, figure, unwanted", [
    ("The city built 12 schools, most of them in the north.", "12", "schools, most of them"),
    ("Some 57 projects worth $38 billion were approved.", "57", "projects worth"),
    ("The town has 20 bridges.", "20", "bridges"),
])
def test_modifiers_stop(what_frame_of, text, figure, unwanted):
    assert not any(v.startswith(unwanted) for v in offered(what_frame_of, text, figure))
