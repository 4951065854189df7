"""Reading gold documents and predictions, and failing with the file and line of bad input."""
from __future__ import annotations

import json

import pytest

from newsclaims.evaluation.gold import GoldFormatError, read_gold, read_predictions, write_predictions

TEXT = "Output rose 6% to 55,431 tons in 2024."


def gold_doc(doc_id="d1", **claim_overrides):
    claim = {"span": [12, 14], "value": 6, "low": None, "high": None, "bound": "=", "unit": "%", "who": None,
             "what": "output", "date": "2024", "change": {"direction": "up", "role": "delta"}, "source": None}
    claim.update(claim_overrides)
    return {"id": doc_id, "text": TEXT, "meta": {"published": "2025-01-01"}, "claims": [claim]}


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_read_gold_jsonl(tmp_path):
    path = tmp_path / "gold.jsonl"
    write_jsonl(path, [gold_doc("d1"), gold_doc("d2")])
    docs = read_gold(path)
    assert [d["id"] for d in docs] == ["d1", "d2"]
    assert docs[0]["claims"][0]["text"] == "6%" and docs[0]["meta"]["published"] == "2025-01-01"


def test_read_gold_directory_of_pretty_json(tmp_path):
    (tmp_path / "002.json").write_text(json.dumps(gold_doc("b"), indent=2), encoding="utf-8")
    (tmp_path / "001.json").write_text(json.dumps(gold_doc("a"), indent=2), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a document", encoding="utf-8")
    assert [d["id"] for d in read_gold(tmp_path)] == ["a", "b"]


def test_missing_slots_get_guideline_defaults(tmp_path):
    path = tmp_path / "gold.jsonl"
    write_jsonl(path, [{"id": "d", "text": TEXT, "claims": [{"span": [12, 14], "value": 6, "unit": "%"}]}])
    claim = read_gold(path)[0]["claims"][0]
    assert claim["bound"] == "=" and claim["who"] is None and claim["change"] is None


def test_bad_json_names_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold_doc()) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl:3: invalid JSON"):
        read_gold(path)


@pytest.mark.parametrize("overrides, message", [
    ({"span": [12, 99]}, "outside the text"),
    ({"span": "12-14"}, "span must be"),
    ({"text": "7%"}, "!= text"),
    ({"value": "six"}, "value must be a number"),
])
def test_bad_claims_name_file_and_line(tmp_path, overrides, message):
    path = tmp_path / "gold.jsonl"
    write_jsonl(path, [gold_doc("ok"), gold_doc("bad", **overrides)])
    with pytest.raises(GoldFormatError, match=rf"gold\.jsonl:2: .*{message}"):
        read_gold(path)


def test_duplicate_ids_are_an_error(tmp_path):
    path = tmp_path / "gold.jsonl"
    write_jsonl(path, [gold_doc("d"), gold_doc("d")])
    with pytest.raises(GoldFormatError, match="duplicate document id"):
        read_gold(path)


def test_read_predictions_from_claims_jsonl(tmp_path):
    path = tmp_path / "claims.jsonl"
    write_jsonl(path, [{"doc_id": "d1", "span": [12, 14]}, {"doc_id": "d2", "span": [0, 6]},
                       {"doc_id": "d1", "span": [18, 29]}])
    preds = read_predictions(path)
    assert sorted(preds) == ["d1", "d2"] and [c["span"] for c in preds["d1"]] == [[12, 14], [18, 29]]


def test_read_predictions_from_documents_jsonl(tmp_path):
    path = tmp_path / "docs.jsonl"
    write_jsonl(path, [gold_doc("d1"), {"id": "d2", "text": TEXT, "claims": []}])
    preds = read_predictions(path)
    assert preds["d2"] == [] and preds["d1"][0]["doc_id"] == "d1" and preds["d1"][0]["value"] == 6


def test_prediction_without_doc_id_names_line(tmp_path):
    path = tmp_path / "claims.jsonl"
    write_jsonl(path, [{"doc_id": "d1", "span": [1, 2]}, {"span": [1, 2]}])
    with pytest.raises(GoldFormatError, match=r"claims\.jsonl:2: a claim needs 'doc_id'"):
        read_predictions(path)


def test_write_then_read_predictions(tmp_path):
    preds = {"a": [{"span": [0, 2], "value": 1}], "b": [{"span": [3, 4], "value": 2}]}
    write_predictions(preds, tmp_path / "p.jsonl")
    back = read_predictions(tmp_path / "p.jsonl")
    assert back == {k: [{**c, "doc_id": k} for c in v] for k, v in preds.items()}

