"""External benchmark scorers: hand-made cases with known counts, the unit table, and the real loaders
when the benchmark data is present next to the repository (../shared); no network."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsclaims.evaluation.benchmarks import measeval as me
from newsclaims.evaluation.benchmarks import newsquant as nq

SHARED = Path(__file__).resolve().parents[3] / "shared" / "benchmarks"
NEWSQUANT = SHARED / "newsquant" / "formatted_test_set" / "NewsQuant.json"
MEASEVAL = SHARED / "measeval"
needs_newsquant = pytest.mark.skipif(not NEWSQUANT.is_file(), reason="NewsQuant data not present")
needs_measeval = pytest.mark.skipif(not (MEASEVAL / "data" / "eval").is_dir(), reason="MeasEval data not present")


def gq(value, unit, change="=", concepts="-"):
    """A gold NewsQuant quantity."""
    return {"value": value, "unit": unit, "normalized_unit": unit, "change": change, "referred_concepts": concepts}


def pq(value, unit, change="=", concepts=("-",)):
    """A predicted NewsQuant quantity."""
    return {"value": value, "normalized_unit": unit, "change": change, "referred_concepts": list(concepts)}


def correct(gold_quantities, preds, **kw):
    counts = nq.count_newsquant([{"text": "s", "quantities": gold_quantities}], [preds], **kw)
    return dict(counts.correct), counts.n_gold, counts.n_pred


# ----------------------------------------------------------------------------- NewsQuant scorer


def test_value_and_unit_match_gives_full_marks():
    c, n_gold, n_pred = correct([gq("5.0", "percentage")], [pq("5", "Percentage")])
    assert (c["value"], c["value+unit"], n_gold, n_pred) == (1, 1, 1, 1)
    scores = nq.score_newsquant([{"text": "s", "quantities": [gq("5.0", "percentage")]}], [[pq("5", "percentage")]])
    assert scores["scores"]["value+unit"] == {"P": 100.0, "R": 100.0, "F1": 100.0, "correct": 1}


def test_isclose_tolerance_is_relative_1e5():
    assert correct([gq("1000000.0", "dollar")], [pq("1000009.0", "dollar")])[0]["value"] == 1
    assert correct([gq("1000000.0", "dollar")], [pq("1000011.0", "dollar")])[0]["value"] == 0


def test_value_without_unit_counts_value_only_and_halves_precision():
    gold = [{"text": "s", "quantities": [gq("5.0", "percentage")]}]
    result = nq.score_newsquant(gold, [[pq("5.0", "dollar"), pq("9.0", "dollar")]])["scores"]
    assert result["value"] == {"P": 50.0, "R": 100.0, "F1": 66.7, "correct": 1}
    assert result["value+unit"]["correct"] == 0 and result["value+unit"]["F1"] == 0.0


def test_ranges_match_only_ranges_both_ends():
    assert correct([gq("3.0 - 4.0", "year")], [pq("3.0-4.0", "year")])[0]["value+unit"] == 1
    assert correct([gq("3.0-4.0", "year")], [pq(("3", "4"), "year")])[0]["value+unit"] == 1
    assert correct([gq("3.0-4.0", "year")], [pq("3.5", "year")])[0]["value"] == 0
    assert correct([gq("3.0-4.0", "year")], [pq("3.0-5.0", "year")])[0]["value"] == 0
    # the quantulum3 baseline is compared with range midpoints
    assert correct([gq("3.0-4.0", "year")], [pq(3.5, "year")], average_ranges=True)[0]["value+unit"] == 1


def test_change_and_concept_count_every_value_match_until_the_unit_match():
    gold = [gq("5.0", "percentage", "up", "revenue, Apple")]
    preds = [pq("5.0", "dollar", "up", ["revenue"]), pq("5.0", "percentage", "up", ["revenue", "apple"])]
    c, _, _ = correct(gold, preds)
    # sorted by unit: 'dollar' is scanned first (value, change, partial concept), then 'percentage'
    assert c == {"value": 1, "value+unit": 1, "value+change": 2,
                 "value+concept_partial": 2, "value+concept_compelete": 1}


def test_value_credit_budget_is_per_sentence_not_per_gold():
    c, _, _ = correct([gq("5.0", "percentage"), gq("7.0", "percentage")], [pq("5.0", "dollar"), pq("5.0", "euro")])
    assert (c["value"], c["value+unit"]) == (2, 0)


def test_unit_match_consumes_the_prediction():
    c, n_gold, n_pred = correct([gq("5.0", "percentage"), gq("5.0", "percentage")], [pq("5.0", "percentage")])
    assert (c["value"], c["value+unit"], n_gold, n_pred) == (1, 1, 2, 1)


def test_gold_is_scanned_in_normalized_unit_order():
    # gold 'a' is processed before 'b' and consumes the only prediction: one value credit, not two
    c, _, _ = correct([gq("5.0", "b"), gq("5.0", "a")], [pq("5.0", "a")])
    assert (c["value"], c["value+unit"]) == (1, 1)


def test_concept_partial_versus_complete():
    gold = [gq("60.0", "percentage", ">", "revenue, Chinese e-commerce giant")]
    partial, _, _ = correct(gold, [pq("60.0", "percentage", ">", ["revenue", "ads"])])
    assert (partial["value+concept_partial"], partial["value+concept_compelete"]) == (1, 0)
    complete, _, _ = correct(gold, [pq("60.0", "percentage", ">", ["giant", "e-commerce", "chinese", "Revenue"])])
    assert (complete["value+concept_partial"], complete["value+concept_compelete"]) == (1, 1)
    none, _, _ = correct([gq("1.0", "-", "=", "-")], [pq("1.0", "-", "=", ["-"])])
    assert none["value+concept_compelete"] == 1


def test_fscores_round_like_the_published_table_and_survive_no_predictions():
    assert nq.fscores(753, 904, 1158) == (65.0, 83.3, 73.0)  # quantulum3's published row
    assert nq.fscores(0, 904, 0) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize("raw, average, expected", [
    ("6.0", False, 6.0),
    ("-1.4", False, -1.4),
    ("2.998E-08", False, 2.998e-08),
    ("252.0-287.0", False, (252.0, 287.0)),
    ("3.0 - 4.0", True, 3.5),
    ("-5.0-3.0", False, (-5.0, 3.0)),  # the original would crash; read as a range
    ((1, 2), False, (1.0, 2.0)),
])
def test_decode_value(raw, average, expected):
    assert nq.decode_value(raw, average) == expected


# ----------------------------------------------------------------------------- claim -> NewsQuant


@pytest.mark.parametrize("unit, unit_text, expected", [
    ("USD", "$", "dollar"),
    ("EUR", "euros", "euro"),
    ("JPY", "yen", "japanese yen"),
    ("GBP", "£", "pound sterling"),
    ("CNY", "yuan", "chinese yuan"),
    ("ILS", "shekels", "shekel"),
    ("%", "percent", "percentage"),
    ("bp", "basis points", "basis point"),
    ("pp", "points", "point"),  # CQE has no percentage point; NewsQuant writes points as 'point'
    ("t", "tons", "ton"),
    ("x", "times", "count"),
    ("t", "tonnes", "metric ton"),
    ("short_ton", "tons", "ton"),
    ("kg", "kg", "kilogram"),
    ("lb", "pounds", "pound-mass"),
    ("GW", "gigawatts", "gigawatt"),
    ("kWh", "kWh", "kilowatt hour"),
    ("km", "km", "kilometre"),
    ("m**2", "sq m", "square metre"),
    ("mile/hour", "mph", "mile per hour"),
    ("barrel/day", "barrels a day", "barrel per day"),
    ("degF", "degrees Fahrenheit", "fahrenheit"),
    ("degC", "C", "celsius"),
    ("GB", "GB", "gigabyte"),
    ("Mbit/s", "Mbps", "megabit per second"),
    ("year", "years", "year"),
    ("year", "year-old", "year of age"),
    ("month", "months old", "month of age"),
    ("USD/barrel", "$ a barrel", "dollar per barrel"),
    ("USD/MMBtu", "US$ per mmBTU", "dollar per mega british thermal unit"),
    ("USD_cent/share", "cents per share", "cent per share"),
    ("CAD/share", "C$ per share", "canadian dollar per share"),
    ("USD_cent", "cents", "cent"),
    ("kg/m**3", "kg/m3", "kilogram per cubic metre"),  # not in the table: pint's long name, CQE spelling
    (None, "projects", "project"),
    (None, "people", "people"),
    (None, "companies", "company"),
    (None, "commercial fishermen", "commercial fisherman"),
    (None, "snaps of man coverage", "snap man coverage"),
    (None, None, "-"),
    (None, "ppg", "point per game"),  # an abbreviation left as the counted noun
    (None, "WAR", "win above replacement"),
])
def test_unit_mapping(unit, unit_text, expected):
    assert nq.newsquant_unit(unit, unit_text) == expected


@pytest.mark.parametrize("bound, change, expected", [
    ("=", None, "="),
    ("~", {"direction": "up", "role": "delta"}, "~"),
    (">", None, ">"),
    (">=", None, ">"),
    ("<=", {"direction": "up", "role": "delta"}, "<"),
    ("<", None, "<"),
    ("=", {"direction": "up", "role": "delta"}, "up"),
    ("=", {"direction": "down", "role": "new"}, "="),
    ("=", {"direction": "down", "role": "old"}, "="),
    ("=", {"direction": None, "role": "delta"}, "="),
])
def test_change_mapping(bound, change, expected):
    assert nq.newsquant_change(bound, change) == expected


def test_to_newsquant_single_value_and_concepts():
    claim = {"value": 19.0, "low": None, "high": None, "bound": "~", "unit": "%", "unit_text": "per cent",
             "who": "Apple", "what": "the revenue of Apple's services", "change": {"direction": "up", "role": "delta"}}
    assert nq.to_newsquant(claim) == {"value": "19.0", "normalized_unit": "percentage", "change": "~",
                                      "referred_concepts": ["revenue", "Apple", "services"]}


def test_concepts_leave_out_the_counted_noun():
    claim = {"value": 10.0, "unit": None, "unit_text": "users", "who": None, "what": "users in Asia"}
    assert nq.to_newsquant(claim)["referred_concepts"] == ["Asia"]
    assert nq.to_newsquant({**claim, "what": "users"})["referred_concepts"] == ["-"]


def test_to_newsquant_range_and_missing_number():
    rng = {"value": 20.5, "low": 15.0, "high": 26.0, "bound": "=", "unit": "mile/hour", "unit_text": "mph",
           "who": None, "what": None, "change": None}
    out = nq.to_newsquant(rng)
    assert out["value"] == "15.0-26.0" and out["referred_concepts"] == ["-"]
    assert nq.decode_value(out["value"]) == (15.0, 26.0)
    assert nq.to_newsquant({"value": None, "low": None, "high": None, "unit": None}) is None
    assert nq.decode_value(nq.to_newsquant({"value": 1e-5, "unit": None})["value"]) == 1e-5


@pytest.mark.parametrize("after, expected", [("-old worries", "year of age"), (" old by the end", "year of age"),
                                             (" of age", "year of age"), (" in prison", "year")])
def test_age_is_read_from_the_words_after_the_mention(after, expected):
    assert nq.newsquant_unit("year", "year", after=after) == expected
    sentence = "The 65-year" + after
    claim = {"value": 65.0, "unit": "year", "unit_text": "year", "span": [104, 111],
             "sentence": sentence, "sentence_span": [100, 100 + len(sentence)]}
    assert nq.to_newsquant(claim)["normalized_unit"] == expected


def test_unit_table_is_read_only():
    umap = nq.load_unit_map()
    with pytest.raises(TypeError):
        umap.units["%"] = "percent"  # type: ignore[index]


# ----------------------------------------------------------------------------- MeasEval scorer


def para(doc_id, text, quantities):
    """A paragraph with gold Quantities given as (start, end, unit)."""
    rows = tuple(me.Annotation(i + 1, "Quantity", s, e, f"T{i + 1}", text[s:e], {"unit": u} if u else {})
                 for i, (s, e, u) in enumerate(quantities))
    return me.Paragraph(doc_id, text, rows, has_tsv=bool(rows))


def test_overlap_f1_is_the_scorers_token_overlap():
    assert me.overlap_f1("13", 10, 12, "13 kg", 10, 15) == pytest.approx(2 / 3)
    assert me.overlap_f1("13 kg", 10, 15, "13 kg", 10, 15) == 1.0


def test_measeval_exact_partial_false_positive_and_missed():
    text = "Sample A: 13 kg of rock at 5 m depth, 7 of them wet."
    gold = [para("d1", text, [(10, 15, "kg"), (27, 30, "m")]),
            para("d2", "no quantities here 42", [])]
    subs = {"d1": [{"start": 10, "end": 15, "unit": "kg"},      # exact, right unit
                   {"start": 27, "end": 28, "unit": None},      # '5' only: overlap match, no unit
                   {"start": 38, "end": 39, "unit": None}],     # '7': false positive
            "d2": [{"start": 19, "end": 21, "unit": "m"}]}      # unannotated paragraph: all penalty
    out = me.score_measeval(gold, subs)
    q = out["Quantity"]
    assert (q["tp"], q["fp"], q["fn"]) == (2, 2, 0)
    assert q["strict"] == pytest.approx(100 * 1 / 4)
    # rows: exact (F1 1), '5' vs '5 m' (F1 2/3), two penalties
    assert q["soft"] == pytest.approx(100 * (1 + 2 / 3) / 4)
    u = out["Unit"]
    assert (u["tp"], u["fp"], u["fn"]) == (1, 1, 1)  # kg matched; 'm' submitted in d2; gold 'm' missed
    assert u["strict"] == u["soft"] == pytest.approx(100 / 3)


def test_measeval_touching_spans_align_and_units_follow_the_alignment():
    text = "between 10 and 20 m"
    gold = [para("d", text, [(8, 19, "m")])]
    touching = me.score_measeval(gold, {"d": [{"start": 0, "end": 8, "unit": "m"}]})
    assert touching["Quantity"]["tp"] == 1 and touching["Quantity"]["strict"] == 0.0
    assert touching["Unit"]["tp"] == 1
    wrong_unit = me.score_measeval(gold, {"d": [{"start": 8, "end": 19, "unit": "cm"}]})
    assert wrong_unit["Quantity"]["strict"] == 100.0
    assert (wrong_unit["Unit"]["tp"], wrong_unit["Unit"]["fp"], wrong_unit["Unit"]["fn"]) == (0, 1, 1)


def test_to_measeval_drops_counted_nouns_as_units():
    text = "Five samples weighed 13 kg."
    count = {"span": [0, 4], "text": "Five", "unit": None, "unit_text": "samples"}
    mass = {"span": [21, 26], "text": "13 kg", "unit": "kg", "unit_text": "kg"}
    assert me.to_measeval(count, text) == {"start": 0, "end": 4, "text": "Five", "unit": None}
    assert me.to_measeval(mass, text)["unit"] == "kg"


def test_grobid_text_matching_strict_and_soft():
    assert me.greedy_text_matches(["13 kg", "5 m"], ["13 KG", "5 m depth"], "strict") == (1, 1, 1)
    assert me.greedy_text_matches(["13 kg", "5 m"], ["13 KG", "5 m."], "soft") == (2, 0, 0)


# ----------------------------------------------------------------------------- real data (when present)


@needs_newsquant
def test_newsquant_loader_reads_590_sentences_904_quantities():
    gold = nq.load_newsquant(NEWSQUANT)
    assert len(gold) == 590
    assert sum(len(s["quantities"]) for s in gold) == 904
    assert len(nq.load_newsquant(NEWSQUANT.parent.parent)) == 590  # the benchmark root works too


@needs_newsquant
def test_newsquant_published_table_is_read_at_run_time():
    published = nq.published_newsquant(NEWSQUANT)
    assert published["CQE-Numparser"]["value"]["F1"] == 92.0
    assert published["quantulum3"]["value+unit"]["F1"] == 47.2
    assert published["GPT3"]["value+concept_compelete"]["F1"] == 25.7


@needs_newsquant
def test_gold_scores_itself_perfectly_through_the_scorer():
    gold = nq.load_newsquant(NEWSQUANT)
    preds = [[{**q, "referred_concepts": nq.split_gold_concepts(q["referred_concepts"])} for q in s["quantities"]]
             for s in gold]
    scores = nq.score_newsquant(gold, preds)["scores"]
    assert all(scores[t]["F1"] == 100.0 for t in nq.TYPES[:4])
    # 8 gold concepts repeat a token ('Financial ... Financial'); the scorer's complete match compares the
    # de-duplicated intersection with the raw list length, so even the gold itself misses those
    assert scores["value+concept_compelete"]["correct"] == 904 - 8


@needs_measeval
def test_measeval_loader_reads_the_eval_split():
    paragraphs = me.load_measeval(MEASEVAL, "eval")
    assert len(paragraphs) == 135
    assert sum(len(p.quantities) for p in paragraphs) == 499
    assert sum(1 for p in paragraphs if not p.has_tsv) == 5
    assert all(p.text[a.start:a.end] == a.text for p in paragraphs for a in p.annotations)


@needs_measeval
def test_measeval_gold_submission_is_perfect():
    paragraphs = me.load_measeval(MEASEVAL, "eval")
    subs = {p.doc_id: [{"start": q.start, "end": q.end, "unit": q.unit} for q in p.quantities] for p in paragraphs}
    out = me.score_measeval(paragraphs, subs)
    assert out["Quantity"]["strict"] == out["Unit"]["strict"] == 100.0


@pytest.mark.slow
@needs_newsquant
def test_quantulum3_baseline_lands_near_its_published_numbers():
    result = nq.run_newsquant_quantulum3(NEWSQUANT)
    assert abs(result["scores"]["value"]["F1"] - 73.0) <= 1.5
    assert abs(result["scores"]["value+unit"]["F1"] - 47.2) <= 1.5
    assert "quantulum3" in result["text"]
