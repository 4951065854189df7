"""The two baselines produce claim dicts the scorer reads, with the normalisation the spec asks for."""
from __future__ import annotations

import pytest

from newsclaims.evaluation.baselines import (
    baseline_systems, ner_baseline, quantulum_baseline, quantulum_unit,
)
from newsclaims.evaluation.scoring import evaluate_systems

TEXT = "Acme sold 5 million barrels for $300 million last year, a 12% rise. Capacity is between 5 and 7 GW."


@pytest.mark.parametrize("name, expected", [("percentage", "%"), ("dollar", "USD"), ("dimensionless", None),
                                            ("gigawatt", "gigawatt"), ("barrel per day", "barrel per day"),
                                            (None, None)])
def test_quantulum_unit_names(name, expected):
    assert quantulum_unit(name) == expected


def test_ner_baseline_gives_bare_mentions():
    claims = ner_baseline()({"id": "d", "text": TEXT, "meta": {}})
    texts = [c["text"] for c in claims]
    assert "$300 million" in texts and "12%" in texts
    for c in claims:
        assert TEXT[c["span"][0]:c["span"][1]] == c["text"] and c["doc_id"] == "d"
        assert all(c[k] is None for k in ("value", "unit", "bound", "who", "what", "date", "change", "source"))


def test_quantulum_baseline_values_and_units():
    claims = quantulum_baseline()({"id": "d", "text": TEXT, "meta": {}})
    by_text = {c["text"]: c for c in claims}
    assert by_text["$300 million"]["value"] == 300_000_000 and by_text["$300 million"]["unit"] == "USD"
    assert by_text["12%"]["value"] == 12 and by_text["12%"]["unit"] == "%"
    rng = next(c for c in claims if c["text"].startswith("between 5 and 7"))
    assert rng["value"] == 6 and rng["low"] is None and rng["unit"] == "gigawatt"   # averaged, as quantulum3 does


def test_baselines_are_scored_by_the_same_matcher(comparators, make_claim):
    gold = [make_claim(TEXT, "$300 million", value=3e8, unit="USD", who="Acme", what="sales"),
            make_claim(TEXT, "12%", value=12, unit="%", what="sales",
                       change={"direction": "up", "role": "delta"})]
    docs = [{"id": "d", "text": TEXT, "meta": {}, "claims": gold}]
    reports = evaluate_systems(docs, baseline_systems(), comparators=comparators, resamples=0)
    assert set(reports) == {"spacy-ner", "quantulum3"}
    assert reports["spacy-ner"].metrics["mention"].tp == 2 and reports["spacy-ner"].metrics["quantity"].tp == 0
    assert reports["quantulum3"].metrics["quantity"].tp == 2
