"""Properties of extract() for any text (hypothesis): it never raises, every span lies inside the text and
slices to the recorded surface, numbers are finite, low <= high, records validate, output is deterministic."""
import json
import math

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclaims
from newsclaims.schema import CLAIM_JSON_SCHEMA

NEWSY = st.sampled_from([
    "rose", "fell", "from", "to", "about", "more than", "up to", "$", "€", "%", "percent", "million", "billion",
    "tons", "GW", "in", "2024", "last year", "Thursday", "according to", "the USGS", "said", "U.S.", "&", "-", "\u2013",
    "between", "and", "six times", "tripled", "half", "a dozen", ",", ".", "\n\n", "1e309", "NaN", "inf", "0.5", "12,000",
    "seven", "twenty-five", "per cent", "points", "barrels a day", "(", ")", "\u00d710\u221230", "FY2020", "Q2",
])
TEXTS = st.one_of(
    st.lists(st.one_of(NEWSY, st.integers(-10**6, 10**12).map(str), st.floats(allow_nan=True).map(str)), max_size=25)
      .map(" ".join),
    st.text(max_size=200),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=TEXTS)
def test_extract_keeps_its_promises_for_any_text(nlp, text):
    claims = [c.to_dict() for c in newsclaims.extract(text, published="2025-11-04", nlp=nlp)]
    for c in claims:
        jsonschema.validate(c, CLAIM_JSON_SCHEMA)
        assert 0 <= c["span"][0] < c["span"][1] <= len(text)
        assert text[c["span"][0]:c["span"][1]] == c["text"]
        for slot, key in (("who", "who_span"), ("what", "what_span"), ("source", "source_span"), ("date_text", "date_span")):
            if c[key] is not None:
                assert 0 <= c[key][0] <= c[key][1] <= len(text) and text[c[key][0]:c[key][1]] == c[slot]
        for number in (c["value"], c["low"], c["high"], c["value_base"]):
            assert number is None or math.isfinite(number)
        if c["low"] is not None and c["high"] is not None:
            assert c["low"] <= c["high"]
    again = [c.to_dict() for c in newsclaims.extract(text, published="2025-11-04", nlp=nlp)]
    assert json.dumps(claims, sort_keys=True) == json.dumps(again, sort_keys=True)
