"""The who classes of issue 11, one table per class, on made-up sentences parsed by the real pipeline (rules, v1).

Each row: (text, figure, expected who). ``None`` means the claim must have no who; a name matches as the
evaluator matches it (case, periods and a leading 'the' aside, or one name containing the other as whole words).
"""
import pytest

from who_checks import check


# The subject of a verb that states, estimates or puts a figure is its source, not its who.
@pytest.mark.parametrize("text, figure, expected", [
    ("Floods struck Peru on Monday. The Red Cross puts the death toll at 40.", "40", "Peru"),
    ("Storms hit Chile in May. Officials at the Red Cross estimate that 3,000 homes were lost.", "3,000", "Chile"),
    ("Acme Corp. reported sales of $5 billion last year.", "$5 billion", "Acme Corp."),  # an owner's verb
])
def test_reporter_is_not_the_who(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A quake's magnitude and a world total have no who, whatever entity stands near.
@pytest.mark.parametrize("text, figure, expected", [
    ("Seismologists in Peru recorded a magnitude 6.1 quake on Monday.", "6.1", None),
    ("Worldwide, it runs more than 300 clinics, Acme Corp. said.", "300", None),
    ("Acme Corp. sells 2 million cars worldwide.", "2 million", "Acme Corp."),  # a named subject owns it
])
def test_ownerless_figures(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# 'the company', 'the department', 'his': the name they point back at.
@pytest.mark.parametrize("text, figure, expected", [
    ("Acme Corp. opened a plant in Texas.\n\nThe company booked orders of $5 billion last year.", "$5 billion", "Acme Corp."),
    ("The Ohio Department of Health issued its annual report on Monday. Officials praised it.\n\n"
     "The department awarded $3 million in Healthy Futures Grants to clinics.", "$3 million", "Ohio Department of Health"),
    ("Governor Maria Lopez spoke on Monday.\n\nHer budget proposes $2 billion in new spending.", "$2 billion", "Maria Lopez"),
])
def test_pointer_takes_its_antecedent(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# The source is also the who when it acts in the figure's own clause (an agency announcing its own award).
@pytest.mark.parametrize("text, figure, expected", [
    ("Acme Corp. today announced the award of $40 million in research grants to universities.", "$40 million",
     "Acme Corp."),
])
def test_acting_source_is_the_who(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# The subject of an activity whose object is the counted noun owns the count, unless it names a measure.
@pytest.mark.parametrize("text, figure, expected", [
    ("Bakers added 12,000 jobs in June.", "12,000", "Bakers"),
    ("The robot managed to collect two rock samples.", "two", "The robot"),
    ("Farm exports required 50,000 jobs.", "50,000", None),
])
def test_actor_of_the_counted_noun(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A figure with no who of its own takes the document's place: one named twice, in the lead, or the only one.
@pytest.mark.parametrize("text, figure, expected", [
    ("Retail prices rose 2.1 percent in May.\n\nClothing prices fell 0.4 percent.\n\n"
     "These data come from the Canada Retail Price Survey.", "0.4 percent", "Canada"),
    ("Floods in Kenya have displaced many people this spring.\n\nAbout 4,000 homes were lost. Aid reached "
     "Mombasa and Nairobi later.", "4,000", "Kenya"),
    ("About 4,000 homes were lost. Rain fell for days. Roads closed.\n\nAid later reached Kenya and Uganda.", "4,000",
     None),  # two places, neither in the lead nor named twice
])
def test_document_place(nlp, text, figure, expected):
    check(nlp, text, figure, expected)


# A survey's share takes the surveyed population as the sentence writes it.
@pytest.mark.parametrize("text, figure, expected", [
    ("Overall, 41% of high school students had worn a bicycle helmet.", "41%", "high school students"),
    ("Approximately one-third (33.1%) of rural adults reported no dental visit.", "33.1%", "rural adults"),
])
def test_surveyed_population(nlp, text, figure, expected):
    check(nlp, text, figure, expected)
