"""Who classes of issue 11, seventh round, on made-up sentences parsed by the real pipeline (rules, v1).

Each row: (text, figure, expected who). ``None`` means the claim must have no who; a name matches as the
evaluator matches it (case, periods and a leading 'the' aside, or one name containing the other as whole words).
"""
import pytest

from who_checks import check, who_of


# A distance the clause moves its object over is the object's, the thing that travels it, not the mover's.
@pytest.mark.parametrize("text, figure, expected", [
    ("Technicians moved the satellite 12 meters across the hangar.", "12 meters", "the satellite"),
    ("Crews towed the ship 40 kilometers to port.", "40 kilometers", "the ship"),
    ("Volunteers pushed the stalled bus 200 meters to the depot.", "200 meters", "the stalled bus"),
])
def test_moved_object_owns_the_distance(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# Only verbs that move their object: a distance beside another verb's object stays off that object.
@pytest.mark.parametrize("text, figure, wrong", [
    ("The photo covers an area 19 by 26 miles.", "26 miles", "an area"),
    ("The rider lost the lead 30 km from the finish.", "30 km", "the lead"),
])
def test_distance_beside_an_object_that_does_not_travel(nlp, text, figure, wrong):
    assert who_of(nlp, text, figure) != wrong


# How long a common-noun subject has done something is the subject's, a population's too.
@pytest.mark.parametrize("text, figure, expected", [
    ("Workers who join the union have paid dues for ten years.", "ten years", "Workers"),
    ("Local farmers have grown rice here for 40 years.", "40 years", "Local farmers"),
    ("Residents have waited for a new bridge for six years.", "six years", "Residents"),
])
def test_duration_of_the_subjects_activity(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A pointer noun after 'that' stands for the name it points back at, as after 'the' or 'this'; 'the continent' too.
@pytest.mark.parametrize("text, figure, expected", [
    ("Acme Corp opened a plant in May. That company now employs 4,000 people.", "4,000", "Acme Corp"),
    ("The Harbor Authority runs the port. That agency collected $3 million in fees last year.", "$3 million",
     "The Harbor Authority"),
    ("Drought has hit Africa hard this year. The continent has 54 countries.", "54", "Africa"),
])
def test_pointer_noun_after_that(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A company that says it did something, or that its own measure moved, owns the figure: the speaker stays the who.
@pytest.mark.parametrize("text, figure, expected", [
    ("Brightwell Foods said on Tuesday that its revenue rose 8% in 2023.", "8%", "Brightwell Foods"),
    ("Greystone Motors said it would cut 2,500 jobs by the end of next year.", "2,500", "Greystone Motors"),
    ("Orbis Telecom announced it had added 310,000 subscribers in the fourth quarter.", "310,000", "Orbis Telecom"),
    ("Police said 12 people were arrested.", "12", None),
])
def test_speaker_owns_its_own_figure(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A speaker's own count of others ('its own tally') is not the speaker's figure.
@pytest.mark.parametrize("text, figure, wrong", [
    ("The monitoring group said its own tally now exceeds 4,000 dead.", "4,000", "The monitoring group"),
])
def test_speakers_tally_of_others(nlp, text, figure, wrong):
    assert who_of(nlp, text, figure) != wrong
