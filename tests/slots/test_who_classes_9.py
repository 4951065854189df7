"""Who classes of issue 11, ninth round: candidates that were missing, on made-up sentences parsed by the real
pipeline. Each row: (text, figure, expected who) -- the proposer must offer a candidate that the evaluator would
score right (case, periods and a leading 'the' aside, or one name containing the other as whole words)."""
import pytest

import newsclaims
from newsclaims.evaluation.compare import who_match
from newsclaims.slots import who_proposers as P

PUB = "2021-03-01"


@pytest.fixture(scope="module")
def offered(nlp):
    """``offered(proposer, text, figure)`` -> the names the proposer offers for the figure."""
    builder = nlp.get_pipe("newsclaims_claims")

    def run(proposer, text, figure):
        with nlp.select_pipes(disable=[builder.name]):
            doc = nlp(newsclaims.make_doc(nlp, text, doc_id="t", published=PUB))
        frame = builder.who_frame(doc)
        found = [i for i, m in enumerate(frame.mentions) if m["text"].startswith(figure)]
        assert found, f"no figure {figure!r} in {[m['text'] for m in frame.mentions]}"
        return [c.text for c in proposer(frame, found[0])]

    return run


def _offers(names, expected):
    return any(who_match({"who": expected}, {"who": n}) for n in names)


# A survey's own size and coverage are the survey's (guidelines: "household survey", "One study"): the survey its
# phrase hangs on, or the subject of a verb that does not report.
@pytest.mark.parametrize("text, figure, expected", [
    ("The study of 4,100 pensioners ran for two years.", "4,100", "The study"),
    ("The poll has a margin of error of 2 percentage points.", "2 percentage points", "The poll"),
    ("One trial enrolled 640 patients in Chile.", "640", "trial"),
])
def test_survey_owns_its_size(offered, text, figure, expected):
    assert _offers(offered(P.survey_itself, text, figure), expected)


# A survey that reports a figure about others does not own it.
@pytest.mark.parametrize("text, figure", [
    ("The survey found that 31% of drivers speed.", "31%"),
])
def test_reporting_survey_is_no_owner(offered, text, figure):
    assert offered(P.survey_itself, text, figure) == []


# An 'N in M' share's counted noun is the surveyed population.
@pytest.mark.parametrize("text, figure, expected", [
    ("Three in five teachers work unpaid overtime, the union said.", "Three in five", "teachers"),
    ("One out of four tenants is behind on rent.", "One out of four", "tenants"),
])
def test_ratio_share_takes_its_population(offered, text, figure, expected):
    assert _offers(offered(P.ratio_population, text, figure), expected)


# An 'N-year-old' age is the person's it describes, or the noun that person stands in apposition to.
@pytest.mark.parametrize("text, figure, expected", [
    ("A 47-year-old cyclist was injured on Monday.", "47", "cyclist"),
    ("The driver, a 58-year-old man from Leeds, was unhurt.", "58", "The driver"),
])
def test_age_takes_the_person(offered, text, figure, expected):
    names = offered(P.aged_person, text, figure)
    assert _offers(names, expected) and "Leeds" not in names


# A casualty measure with no place takes the event its phrase names.
@pytest.mark.parametrize("text, figure, expected", [
    ("The number of deaths from the earthquake reached 85 on Sunday.", "85", "the earthquake"),
    ("The toll from the wildfire rose to 12, officials said.", "12", "the wildfire"),
])
def test_casualty_measure_takes_the_event(offered, text, figure, expected):
    assert _offers(offered(P.named_event, text, figure), expected)
