"""End-to-end scoring on hand-made documents, with the expected counts and rates worked out by hand."""
from __future__ import annotations

import copy
import json

import numpy as np
import pytest

from newsclaims.evaluation.scoring import (
    METRICS, SLOTS, Counts, bootstrap_weights, evaluate, evaluate_system, sentence_around,
)

TEXT = ("MP Materials mined 45,000 tons of rare earth ore in 2024, the USGS said. "
        "Capacity will be between 5 and 7 GW by 2030. The company employs 800 people.")


@pytest.fixture()
def gold(make_claim):
    """Three gold claims: a physical amount, a range and a count."""
    return [
        make_claim(TEXT, "45,000 tons", value=45000, unit="t", who="MP Materials",
                   what="rare earth ore production", date="2024", source="USGS"),
        make_claim(TEXT, "between 5 and 7 GW", low=5, high=7, unit="GW", who="MP Materials",
                   what="capacity", date="2030"),
        make_claim(TEXT, "800 people", value=800, who="MP Materials", what="employees"),
    ]


def doc(claims, doc_id="d1", text=TEXT):
    return {"id": doc_id, "text": text, "meta": {"published": "2025-01-15"}, "claims": claims}


def run(gold_claims, pred_claims, comparators, resamples=0):
    return evaluate([doc(gold_claims)], {"d1": pred_claims}, comparators=comparators, resamples=resamples)


def counts(report, metric):
    s = report.metrics[metric]
    return s.tp, s.fp, s.fn, s.precision, s.recall


def test_exact_match_scores_one_everywhere(gold, comparators):
    report = run(gold, copy.deepcopy(gold), comparators)
    for metric in METRICS:
        assert counts(report, metric) == (3, 0, 0, 1.0, 1.0), metric
    assert report.what_f1["mean"] == 1.0 and report.errors == []
    assert (report.n_docs, report.n_gold, report.n_pred) == (1, 3, 3)


@pytest.mark.parametrize("unit", ["tonne", "tonnes", "metric_ton", "metric tons"])
def test_unit_by_another_name(gold, comparators, unit):
    pred = copy.deepcopy(gold[:1])
    pred[0]["unit"] = unit
    report = run(gold[:1], pred, comparators)
    for metric in ("unit", "quantity", "strict", "relaxed"):
        assert counts(report, metric) == (1, 0, 0, 1.0, 1.0), metric


def test_range_matched_by_both_ends(gold, comparators):
    pred = copy.deepcopy(gold[1:2])
    pred[0]["unit"] = "gigawatts"
    report = run(gold[1:2], pred, comparators)
    for metric in ("value", "unit", "quantity", "strict"):
        assert counts(report, metric) == (1, 0, 0, 1.0, 1.0), metric
    assert report.by_kind["range"]["quantity"].f1 == 1.0


def test_averaged_range_is_a_wrong_value(gold, comparators):
    pred = copy.deepcopy(gold[1:2])
    pred[0].update(value=6, low=None, high=None)
    report = run(gold[1:2], pred, comparators)
    assert counts(report, "mention") == (1, 0, 0, 1.0, 1.0)
    assert counts(report, "unit") == (1, 0, 0, 1.0, 1.0)
    assert counts(report, "value") == (0, 1, 1, 0.0, 0.0)
    assert counts(report, "quantity") == (0, 1, 1, 0.0, 0.0)


def test_missed_claim(gold, comparators):
    report = run(gold, copy.deepcopy(gold[:2]), comparators)
    for metric in METRICS:
        assert counts(report, metric) == (2, 0, 1, 1.0, pytest.approx(2 / 3)), metric
    assert report.by_kind["count"]["mention"].fn == 1
    assert report.what_f1["mean"] == pytest.approx(2 / 3) and report.what_f1["mean_anchored"] == 1.0
    [error] = report.errors
    assert (error.error, error.mention, error.got) == ("missed", "800 people", "—")


def test_spurious_claim(gold, comparators, make_claim):
    pred = copy.deepcopy(gold[:1]) + [make_claim(TEXT, "2024", value=2024)]
    report = run(gold[:1], pred, comparators)
    for metric in METRICS:
        assert counts(report, metric) == (1, 1, 0, 0.5, 1.0), metric
    [error] = report.errors
    assert (error.error, error.mention, error.expected) == ("spurious", "2024", "—")
    assert error.sentence.startswith("MP Materials mined") and error.sentence.endswith("the USGS said.")


def test_wrong_date(gold, comparators):
    pred = copy.deepcopy(gold[:1])
    pred[0]["date"] = "2023"
    report = run(gold[:1], pred, comparators)
    assert counts(report, "date") == (0, 1, 1, 0.0, 0.0)
    assert counts(report, "strict") == (0, 1, 1, 0.0, 0.0)
    assert counts(report, "relaxed") == (1, 0, 0, 1.0, 1.0)
    for metric in ("mention", "quantity", "value", "unit", "bound", "change", "who", "what", "source"):
        assert counts(report, metric) == (1, 0, 0, 1.0, 1.0), metric
    [error] = report.errors
    assert (error.error, error.slot, error.expected, error.got) == ("wrong_slot", "date", "2024", "2023")


def test_fraction_written_as_ratio_is_the_same_claim(comparators, make_claim):
    text = "Half of the ore went to China."
    gold_claim = make_claim(text, "Half", value=50, unit="%", bound="=", who="China", what="share of the ore")
    pred = dict(gold_claim, value=0.5, unit="x")
    report = evaluate([doc([gold_claim], text=text)], {"d1": [pred]}, comparators=comparators, resamples=0)
    assert counts(report, "quantity") == (1, 0, 0, 1.0, 1.0)


def test_counts_sum_over_documents(gold, comparators):
    gold_docs = [doc(gold, "a"), doc(gold, "b")]
    report = evaluate(gold_docs, {"a": copy.deepcopy(gold)}, comparators=comparators, resamples=0)
    assert counts(report, "mention") == (3, 0, 3, 1.0, 0.5)
    assert report.by_doc["a"]["mention"].f1 == 1.0 and report.by_doc["b"]["mention"].recall == 0.0
    assert report.by_doc["b"]["mention"].precision is None   # no predictions: undefined, not 0


def test_predictions_for_unknown_documents_are_listed_not_scored(gold, comparators):
    report = evaluate([doc(gold)], {"d1": copy.deepcopy(gold), "zzz": [{"span": [0, 2]}]},
                      comparators=comparators, resamples=0)
    assert report.unscored_doc_ids == ["zzz"] and report.n_pred == 3


def test_errors_most_harmful_first(gold, comparators, make_claim):
    pred = copy.deepcopy(gold[:2]) + [make_claim(TEXT, "2030", value=2030)]
    pred[0]["who"] = "Lynas"            # another slot: least harmful
    pred[1].update(low=5, high=8)        # wrong value
    report = run(gold, pred, comparators)
    labels = [(e.error, e.slot) for e in report.errors]
    # missed and spurious claims first (in text order: "2030" comes before "800 people"), then value, then who
    assert labels == [("spurious", None), ("missed", None), ("wrong_slot", "value"), ("wrong_slot", "who")]


def test_slots_follow_the_documented_definition(gold, comparators):
    """P = right / predicted claims and R = right / gold claims, for every slot."""
    pred = copy.deepcopy(gold[:2])
    pred[1]["what"] = "something unrelated"
    report = run(gold, pred, comparators)
    for slot in SLOTS:
        s = report.metrics[slot]
        assert s.tp + s.fp == report.n_pred and s.tp + s.fn == report.n_gold
    assert counts(report, "what") == (1, 1, 2, 0.5, pytest.approx(1 / 3))
    assert "P = right / predicted claims" in report.definitions["slots"]


def test_counts_rates():
    assert (Counts(3, 1, 2).precision, Counts(3, 1, 2).recall, Counts(3, 1, 2).f1) == (0.75, 0.6, pytest.approx(2 / 3))
    assert Counts(0, 0, 0).f1 is None and Counts(0, 2, 0).recall is None and Counts(0, 2, 0).f1 == 0.0


def test_bootstrap_weights_are_deterministic():
    w = bootstrap_weights(5, 1000, 0)
    assert w.shape == (1000, 5) and (w.sum(axis=1) == 5).all()
    assert np.array_equal(w, bootstrap_weights(5, 1000, 0))
    assert not np.array_equal(w, bootstrap_weights(5, 1000, 1))
    idx = np.random.default_rng(0).integers(0, 5, size=(1000, 5))
    assert np.array_equal(w[0], np.bincount(idx[0], minlength=5))


def test_bootstrap_intervals_are_reproducible(gold, comparators):
    gold_docs = [doc(gold, f"d{i}") for i in range(5)]
    preds = {f"d{i}": copy.deepcopy(gold[: i % 4]) for i in range(5)}
    first = evaluate(gold_docs, preds, comparators=comparators)
    second = evaluate(gold_docs, preds, comparators=comparators)
    explicit = evaluate(gold_docs, preds, comparators=comparators, seed=0, resamples=1000)
    assert first.settings["seed"] == 0 and first.settings["resamples"] == 1000
    assert first.metrics["mention"].ci == second.metrics["mention"].ci == explicit.metrics["mention"].ci
    assert first.what_f1["ci"] == second.what_f1["ci"]
    assert first.to_dict() == second.to_dict()
    lo, hi = first.metrics["mention"].ci["recall"]
    assert lo <= first.metrics["mention"].recall <= hi and 0.0 <= lo < hi <= 1.0
    assert first.by_kind["count"]["mention"].ci is not None


def test_evaluate_system_runs_the_extractor_blind(gold, comparators):
    seen = []

    def extractor(document):
        seen.append(document)
        return copy.deepcopy(gold)

    report = evaluate_system([doc(gold)], extractor, comparators=comparators, resamples=0)
    assert "claims" not in seen[0] and seen[0]["meta"]["published"] == "2025-01-15"
    assert report.metrics["strict"].f1 == 1.0


def test_report_is_plain_json(gold, comparators):
    report = run(gold, copy.deepcopy(gold[:1]), comparators, resamples=50)
    json.dumps(report.to_dict(), allow_nan=False)


@pytest.mark.parametrize("span, sentence", [
    ((19, 30), "MP Materials mined 45,000 tons of rare earth ore in 2024, the USGS said."),
    ((TEXT.index("800"), TEXT.index("800") + 3), "The company employs 800 people."),
])
def test_sentence_around(span, sentence):
    assert sentence_around(TEXT, span) == sentence


def test_sentence_around_keeps_abbreviations():
    text = "Imports fell. The U.S. imported 5 tons from Acme Inc. in May. Prices rose."
    at = text.index("5 tons")
    assert sentence_around(text, (at, at + 6)) == "The U.S. imported 5 tons from Acme Inc. in May."


def test_by_domain_sums_the_documents_of_each_domain(gold, comparators):
    from newsclaims.evaluation.report import render_markdown, render_text
    from newsclaims.evaluation.scoring import Report

    docs = [doc(gold, "a"), doc(gold[:1], "b"), doc(gold, "c")]
    for d, group in zip(docs, ("health", "sports", "health")):
        d["meta"]["domain_group"] = group
    wrong_who = [dict(c, who="China") for c in gold]
    report = evaluate(docs, {"a": copy.deepcopy(gold), "b": [], "c": wrong_who}, comparators=comparators,
                      resamples=0)
    health, sports = report.by_domain["health"], report.by_domain["sports"]
    assert (health["mention"].tp, health["who"].tp, health["who"].fn) == (6, 3, 3)
    assert (sports["mention"].tp, sports["mention"].fn) == (0, 1)
    assert report.domain_of == {"a": "health", "b": "sports", "c": "health"}
    text, markdown = render_text({"newsclaims": report}), render_markdown({"newsclaims": report})
    assert "by domain" in text and "### By domain" in markdown
    health_row = next(line for line in text.splitlines() if line.startswith("health"))
    assert health_row.split()[1:4] == ["2", "6", "6"]
    assert Report.from_dict(json.loads(json.dumps(report.to_dict()))).by_domain.keys() == report.by_domain.keys()


def test_no_domain_table_for_a_single_domain(gold, comparators):
    from newsclaims.evaluation.report import render_text

    report = evaluate([doc(gold)], {"d1": gold}, comparators=comparators, resamples=0)
    assert "by domain" not in render_text({"newsclaims": report})
