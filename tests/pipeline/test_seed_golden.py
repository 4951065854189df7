"""Golden test over the seed article: the claims issue 2 lists, and no year or date as a quantity."""
import json
from pathlib import Path

import jsonschema
import pytest

import newsclaims
from newsclaims.schema import CLAIM_JSON_SCHEMA

SEED = Path(__file__).resolve().parents[2] / "corpus" / "seed" / "seed-rare-earths-solar.json"


@pytest.fixture(scope="module")
def seed_claims(nlp):
    doc = json.loads(SEED.read_text(encoding="utf-8"))
    return newsclaims.extract(doc["text"], published=doc["published"], doc_id=doc["id"], nlp=nlp)


def find(claims, surface):
    hits = [c for c in claims if c.text == surface]
    assert hits, f"{surface!r} not among {[c.text for c in claims]}"
    return hits[0]


@pytest.mark.parametrize("surface, value, unit, bound, date", [
    ("45,000 tons", 45000, "t", "=", "2024"),
    ("39,000 tons", 39000, "t", "=", "2020"),
    ("70%", 70, "%", "=", "2020/2023"),
    ("20%", 20, "%", "=", None),
    ("10%", 10, "%", "=", None),
    ("15%", 15, "%", "=", None),
    ("1 GW", 1, "GW", "=", None),
    ("3.2 GW", 3.2, "GW", "=", None),
    ("tripled", 3, "x", ">", None),
    ("1,800", 1800, None, "~", None),
    ("$600 billion", 6e11, "USD", "~", None),
    ("six times", 6, "x", "<=", None),
    ("20", 20, None, "=", None),
    ("$5 billion", 5e9, "USD", ">", None),
    ("200,000", 200000, None, ">", None),
    ("$17.8 trillion", 1.78e13, "USD", "=", None),
])
def test_seed_values_units_bounds_dates(seed_claims, surface, value, unit, bound, date):
    c = find(seed_claims, surface)
    assert c.value == pytest.approx(value) and c.unit == unit and c.bound == bound
    if date is not None:
        assert c.date == date


def test_seed_slots(seed_claims):
    ore = find(seed_claims, "45,000 tons")
    assert ore.who == "U.S." and "rare earth ores" in ore.what and ore.value_base == pytest.approx(4.5e7)
    assert ore.base_unit == "kg" and ore.change == {"direction": "up", "role": "new"}
    assert find(seed_claims, "39,000 tons").change == {"direction": "up", "role": "old"}
    share = find(seed_claims, "70%")
    assert share.source == "USGS" and "imports" in share.what
    assert find(seed_claims, "20%").change == {"direction": "down", "role": "old"}
    assert find(seed_claims, "10%").change == {"direction": "down", "role": "new"}
    stake = find(seed_claims, "15%")
    assert "MP Materials" in stake.what and "Defense" in stake.who
    assert find(seed_claims, "1 GW").change["role"] == "old" and find(seed_claims, "3.2 GW").change["role"] == "new"


def test_seed_has_no_year_or_date_as_quantity(seed_claims):
    for c in seed_claims:
        assert not (c.unit is None and c.value is not None and 1900 <= c.value <= 2100 and float(c.value).is_integer()), c
        assert "November" not in c.text


def test_seed_offsets_and_schema(seed_claims):
    text = json.loads(SEED.read_text(encoding="utf-8"))["text"]
    for c in seed_claims:
        record = c.to_dict()
        jsonschema.validate(record, CLAIM_JSON_SCHEMA)
        assert text[c.span[0]:c.span[1]] == c.text
        for key in ("who", "what", "date_text", "source"):
            span = record[f"{key}_span"] if key != "date_text" else record["date_span"]
            if span is not None:
                assert text[span[0]:span[1]] == record[key]
