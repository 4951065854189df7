"""The NewsQuant error classifier, table-driven on made-up error records (no benchmark sentence)."""
import json

import pytest

from newsclaims.evaluation.benchmarks import newsquant_classes as nqc
from newsclaims.evaluation.benchmarks.newsquant_classes import NewsQuantError


def gold(value, unit, normalized, change="="):
    return {"value": value, "unit": unit, "normalized_unit": normalized, "change": change, "referred_concepts": "-"}


def row(value, normalized, change="=", surface="", role=None):
    return {"value": value, "normalized_unit": normalized, "change": change, "referred_concepts": ["-"],
            "surface": surface, "role": role}


@pytest.mark.parametrize("error, expected", [
    # signs: a minus written at the figure, or a negative value
    (NewsQuantError("change wrong", "The index slid -2.4% by noon.", gold("-2.4", "%", "percentage", "down"),
                    (row("-2.4", "percentage", "=", "-2.4%"),)), "signs"),
    # conventions: the implicit one, a multiplier we count, a counted noun's span, a level's direction label
    (NewsQuantError("missed", "It is one of the finest bridges.", gold("1", "finest bridges", "fine bridge")), "conventions"),
    (NewsQuantError("extra", "Sales tripled last year.", None, (row("3.0", "count", "up", "tripled"),)), "conventions"),
    (NewsQuantError("unit wrong", "They built 40 wooden huts.", gold("40", "huts", "hut"),
                    (row("40.0", "wooden hut", "=", "40"),)), "conventions"),
    (NewsQuantError("change wrong", "Output rose 4% in May.", gold("4", "%", "percentage", "="),
                    (row("4.0", "percentage", "up", "4%", "delta"),)), "conventions"),
    (NewsQuantError("change wrong", "Output rose 4% to 30 tonnes.", gold("30", "tonnes", "tonne", "up"),
                    (row("30.0", "tonne", "=", "30 tonnes", "new"),)), "conventions"),
    # gold value not in the text
    (NewsQuantError("missed", "The club paid $7 for it.", gold("70", "$", "dollar"), (row("7.0", "dollar"),)),
     "gold value not in the text"),
    # scale fractions
    (NewsQuantError("missed", "The tour drew a quarter of a million fans.", gold("250000", "fans", "fan"), ()),
     "scale fractions"),
    # ranges split: a gold range we give as its ends
    (NewsQuantError("missed", "Tickets cost $30 to $45.", gold("30-45", "$", "dollar"),
                    (row("30.0", "dollar", "=", "$30"), row("45.0", "dollar", "=", "$45"))), "ranges split"),
    (NewsQuantError("extra", "Tickets cost $30 to $45.", None, (row("45.0", "dollar", "=", "$45"),),
                    (gold("30-45", "$", "dollar"),)), "ranges split"),
    # glued units
    (NewsQuantError("missed", "The coupe makes 510bhp.", gold("510", "bhp", "brake horsepower"), ()), "glued units"),
    # a unit carried from a sibling
    (NewsQuantError("unit wrong", "The crop grew to 9.1 million tonnes from 8.4 million.",
                    gold("8400000", "tonnes", "metric ton"), (row("8400000.0", "-", "=", "8.4 million"),)),
     "units carried from a sibling"),
    # rates
    (NewsQuantError("unit wrong", "Plumbers charge $90 an hour.", gold("90", "$ an hour", "dollar per hour"),
                    (row("90.0", "dollar", "=", "$90"),)), "rates"),
    # shares
    (NewsQuantError("unit wrong", "Two out of five drivers agreed.", gold("0.4", "% drivers", "% driver"),
                    (row("0.4", "percentage", "=", "Two out of five"),)), "shares"),
    # currencies
    (NewsQuantError("unit wrong", "The shares closed at 212 pence.", gold("212", "pence", "point"),
                    (row("212.0", "pence", "=", "212"),)), "currencies"),
    # units a unit library knows but news means otherwise
    (NewsQuantError("unit wrong", "The yacht sails at 12 kn.", gold("12", "kn", "knot"),
                    (row("12.0", "kilonewton", "=", "12 kn"),)), "units pint knows but news means otherwise"),
    # not quantities: an extra no other class explains
    (NewsQuantError("extra", "She drove a Model T7 home.", None, (row("7.0", "-", "=", "T7"),), ()), "not quantities"),
    # found too rarely: a missed figure, an age without its unit
    (NewsQuantError("missed", "Forty-two lanterns were lit.", gold("42", "lanterns", "lantern"), ()), "found too rarely"),
    (NewsQuantError("unit wrong", "Ms Okafor, 58, retired.", gold("58", "-", "year of age"),
                    (row("58.0", "-", "=", "58"),)), "found too rarely"),
    (NewsQuantError("change wrong", "It fell roughly 3%.", gold("3", "%", "percentage", "down"),
                    (row("3.0", "percentage", "~", "3%", "delta"),)), "conventions"),
    # other
    (NewsQuantError("change wrong", "The hotel has 8 more rooms now.", gold("8", "rooms", "room", ">"),
                    (row("8.0", "room", "=", "8"),)), "other"),
])
def test_each_error_gets_its_class(error, expected):
    assert nqc.classify(error) == expected


def test_error_records_find_the_four_kinds():
    sentences = [{"text": "A rose 5% to $12 and B held 7 seats.", "quantities": [
        gold("5", "%", "percentage", "up"), gold("12", "$", "dollar"), gold("7", "seats", "seat")]}]
    preds = [[row("5", "percentage", "="), row("12", "euro"), row("3", "-")]]
    kinds = sorted(e.kind for e in nqc.error_records(sentences, preds))
    assert kinds == ["change wrong", "extra", "missed", "unit wrong"]


def test_saved_predictions_round_trip(tmp_path):
    path = tmp_path / "run.jsonl"
    claims = [[{"text": "5%", "value": 5.0, "unit": "%"}], []]
    nqc.write_predictions(path, ["s one", "s two"], claims)
    assert nqc.read_predictions(path) == claims
    assert [json.loads(line)["text"] for line in path.read_text().splitlines()] == ["s one", "s two"]


def test_the_table_has_a_row_per_class_and_a_total():
    counts = nqc.class_counts([NewsQuantError("missed", "Forty-two lanterns.", gold("42", "lanterns", "lantern"))])
    text = nqc.format_by_class({"run": counts})
    lines = text.splitlines()
    assert len(lines) == 2 + len(nqc.CLASSES) + 1
    assert lines[-1].split()[-1] == "1" and "found too rarely" in text


@pytest.mark.parametrize("text, parts", [
    ("3 years, 2 months and 5 days", [(3.0, "year"), (2.0, "month"), (5.0, "day")]),
    ("1 hour 20 minutes", [(1.0, "hour"), (20.0, "minute")]),
])
def test_compound_duration_mapped_to_its_parts(text, parts):
    from newsclaims.evaluation.benchmarks import newsquant as nq

    claim = {"text": text, "value": 999.0, "unit": "day", "unit_text": "days", "kind": "duration"}
    assert [(p["value"], p["unit"]) for p in nq.compound_duration_parts(claim)] == parts


def test_a_single_duration_is_not_split():
    from newsclaims.evaluation.benchmarks import newsquant as nq

    claim = {"text": "12 months", "value": 12.0, "unit": "month", "kind": "duration"}
    assert nq.compound_duration_parts(claim) == [claim]
