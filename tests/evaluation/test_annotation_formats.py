"""Label Studio and Prodigy imports, and the Label Studio pre-annotation export, on hand-made and real data."""
import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.evaluation.annotation_formats import (AnnotationFormatError, claims_to_label_studio,
                                                    label_studio_to_gold, prodigy_to_gold)

ROOT = Path(__file__).resolve().parents[2]
TEXT = "China supplied 70% of U.S. imports, the USGS said."
SLOTS = ("span", "value", "low", "high", "bound", "unit", "who", "what", "date", "change", "source")


def ls_task(result, tid="t1"):
    return {"data": {"id": tid, "text": TEXT, "published": "2025-11-04"}, "annotations": [{"result": result}]}


def test_label_studio_task_with_relations_and_fields():
    result = [
        {"id": "q", "type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": 15, "end": 18, "text": "70%", "labels": ["QUANTITY"]}},
        {"id": "w", "type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": 0, "end": 5, "text": "China", "labels": ["WHO"]}},
        {"id": "s", "type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": 36, "end": 44, "text": "the USGS", "labels": ["SOURCE"]}},
        {"type": "relation", "from_id": "q", "to_id": "w"},
        {"type": "relation", "from_id": "q", "to_id": "s"},
        {"id": "q", "type": "textarea", "from_name": "value", "value": {"start": 15, "end": 18, "text": ["70"]}},
        {"id": "q", "type": "textarea", "from_name": "unit", "value": {"start": 15, "end": 18, "text": ["%"]}},
        {"id": "q", "type": "textarea", "from_name": "what", "value": {"start": 15, "end": 18, "text": ["share of U.S. imports"]}},
        {"id": "q", "type": "choices", "from_name": "bound", "value": {"start": 15, "end": 18, "choices": ["="]}},
    ]
    [doc] = label_studio_to_gold([ls_task(result)])
    assert doc["id"] == "t1" and doc["meta"] == {"published": "2025-11-04"}
    assert doc["claims"] == [{"span": [15, 18], "text": "70%", "value": 70.0, "low": None, "high": None, "bound": "=",
                              "unit": "%", "who": "China", "what": "share of U.S. imports", "date": None,
                              "change": None, "source": "the USGS"}]


def test_label_studio_problems_name_the_task_and_are_all_reported():
    bad = [{"id": "q", "type": "labels", "value": {"start": 15, "end": 18, "text": "71%", "labels": ["QUANTITY"]}},
           {"type": "relation", "from_id": "q", "to_id": "missing"}]
    with pytest.raises(AnnotationFormatError) as err:
        label_studio_to_gold([ls_task(bad, "t9"), {"data": {"id": "t10"}}])
    text = str(err.value)
    assert "task t9: region q text '71%'" in text and "missing region" in text and "task t10: no text" in text


def test_prodigy_records_accepted_only():
    records = [
        {"text": TEXT, "meta": {"id": "p1"}, "answer": "accept",
         "spans": [{"start": 15, "end": 18, "label": "QUANTITY", "value": 70, "unit": "%"}],
         "relations": [{"label": "WHO", "head_span": {"start": 15, "end": 18}, "child_span": {"start": 0, "end": 5}}]},
        {"text": TEXT, "meta": {"id": "p2"}, "answer": "reject", "spans": []},
    ]
    [doc] = prodigy_to_gold(records)
    assert doc["id"] == "p1" and doc["claims"][0]["who"] == "China" and doc["claims"][0]["value"] == 70


def test_gold_round_trips_through_label_studio_pre_annotations():
    gold = [json.loads(line) for line in (ROOT / "corpus" / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    claims = {d["id"]: d["claims"] for d in gold}
    tasks = claims_to_label_studio(gold, claims)
    back = label_studio_to_gold(tasks, use_predictions=True)
    for before, after in zip(gold, back):
        assert after["id"] == before["id"] and after["text"] == before["text"]
        assert [{k: c[k] for k in SLOTS} for c in after["claims"]] == [{k: c[k] for k in SLOTS} for c in before["claims"]]


def test_cli_export_then_convert(tmp_path, nlp):
    import pipeline

    docs = [{"id": "a", "text": TEXT, "published": "2025-11-04"}]
    (tmp_path / "docs.jsonl").write_text(json.dumps(docs[0]) + "\n", encoding="utf-8")
    claims = [c.to_dict() for c in pipeline.extract(TEXT, published="2025-11-04", doc_id="a", nlp=nlp)]
    (tmp_path / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims), encoding="utf-8")
    assert main(["export-label-studio", str(tmp_path / "docs.jsonl"), "--pred", str(tmp_path / "claims.jsonl"),
                 "-o", str(tmp_path / "tasks.json")]) == 0
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    for task in tasks:  # an annotator accepts the pre-annotations as they are
        task["annotations"] = task["predictions"]
    (tmp_path / "export.json").write_text(json.dumps(tasks), encoding="utf-8")
    assert main(["convert", str(tmp_path / "export.json"), "--from", "label-studio", "-o", str(tmp_path / "gold.jsonl")]) == 0
    [doc] = [json.loads(line) for line in (tmp_path / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(c["text"], c["value"], c["unit"], c["who"], c["source"]) for c in doc["claims"]] == \
           [(c["text"], c["value"], c["unit"], c["who"], c["source"]) for c in claims]
