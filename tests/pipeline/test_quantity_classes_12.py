"""Issue 12, points: a sports score or a standings total is a plain count (unit null, guidelines' Sports), while an
index's points stay 'point' and percentage points stay 'pp'; through the real pipeline, made-up sentences."""
import pytest
from quantity_helpers import check


@pytest.mark.parametrize("text, surface, value", [
    ("Garcia scored 41 points against Denver on Sunday.", "41 points", 41),
    ("Ortiz scored a career-high 33 points in the win.", "33 points", 33),
    ("The guard tallied 22 points and nine assists.", "22 points", 22),
    ("Mbeki netted 17 points off the bench.", "17 points", 17),
    ("The Suns won 111-104, with Price adding 29 points.", "29 points", 29),
    ("The Bulls beat the Heat by 14 points.", "14 points", 14),
    ("Leeds won by 76 points to 70.", "76 points", 76),
    ("Hartford top the table with 52 points after 20 games.", "52 points", 52),
    ("The Eagles are fourth in the standings with 36 points.", "36 points", 36),
    ("United lead the division on 48 points.", "48 points", 48),
    ("Rangers lead on 55 points, a point ahead of Celtic.", "55 points", 55),
    ("Rovers are 10 points clear at the top.", "10 points", 10),
])
def test_sports_points_are_a_plain_count(nlp, text, surface, value):
    check(nlp, text, surface, value, None)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The Nikkei fell 410 points on Tuesday.", "410 points", 410, "point"),
    ("The Nasdaq rose 95 points to 14,210.", "95 points", 95, "point"),
    ("The index slid 120 points to 3,400 after a 6-3 court ruling.", "120 points", 120, "point"),
    ("The index dropped 80 points after a 5-4 vote.", "80 points", 80, "point"),
    ("The index sits on 7,400 points after the rally.", "7,400 points", 7400, "point"),
    ("Tech stocks led the market as the Nasdaq gained 150 points.", "150 points", 150, "point"),
    ("Inflation rose 2 points to 6% in March.", "2 points", 2, "pp"),
    ("The jobless rate fell 1.5 percentage points to 4%.", "1.5 percentage points", 1.5, "pp"),
])
def test_index_points_and_percentage_points_stay(nlp, text, surface, value, unit):
    check(nlp, text, surface, value, unit)
