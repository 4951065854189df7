"""Label Studio and Prodigy imports and the Label Studio pre-annotation export, on hand-made and real data.

The fixtures are written here in the tools' own shapes (Label Studio JSON export with annotations, relations and
per-region results; Prodigy ``db-out`` records with tokens, spans and relations), so a change of shape shows up
as a failing test rather than as silently empty gold.
"""
from __future__ import annotations

import argparse
import copy
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from newsclaims.evaluation.annotation_formats import (
    BOUNDS, CHOICE_FIELDS, DIRECTIONS, GOLD_SLOTS, LABEL_CONFIG_PATH, LABELS, ROLES, TEXTAREA_FIELDS,
    AnnotationFormatError, claims_to_label_studio, convert_main, label_studio_to_gold, locate_slot_spans,
    number_text, parse_number, prodigy_to_gold)
from newsclaims.evaluation.gold import validate_gold_document

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "corpus" / "gold" / "dev.jsonl"
TEXT = "Peru shipped 70% of Dutch imports in 2024, the board said. Output fell from 20% to 10% last year."
META = {"published": "2025-11-04", "source": "Example Wire", "url": None, "license": "CC-BY-4.0"}


def at(mention: str, occurrence: int = 0) -> tuple[int, int]:
    """[start, end) of the n-th occurrence of ``mention`` in TEXT."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(mention, start + 1)
    return start, start + len(mention)


def slots(claim: dict) -> dict:
    return {k: claim[k] for k in GOLD_SLOTS}


# ------------------------------------------------------------------------------------ Label Studio fixtures

def region(rid: str, mention: str, label: str, occurrence: int = 0, **extra: Any) -> dict:
    start, end = at(mention, occurrence)
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
            "value": {"start": start, "end": end, "text": TEXT[start:end], "labels": [label], **extra}}


def field(rid: str, mention: str, name: str, value: str, occurrence: int = 0) -> dict:
    start, end = at(mention, occurrence)
    kind, key = ("choices", "choices") if name in CHOICE_FIELDS else ("textarea", "text")
    return {"id": rid, "from_name": name, "to_name": "text", "type": kind, "origin": "manual",
            "value": {"start": start, "end": end, key: [value]}}


def relation(from_id: str, to_id: str, direction: str = "right") -> dict:
    return {"from_id": from_id, "to_id": to_id, "type": "relation", "direction": direction, "labels": []}


GOOD_RESULT = [
    region("q1", "70%", "QUANTITY"), region("w1", "Peru", "WHO"), region("s1", "the board", "SOURCE"),
    region("d1", "2024", "DATE"), region("t1", "Dutch imports", "WHAT"),
    relation("q1", "w1"), relation("s1", "q1", "left"), relation("q1", "d1"), relation("q1", "t1"),
    field("q1", "70%", "value", "70"), field("q1", "70%", "unit", "%"), field("q1", "70%", "date", "2024"),
    field("q1", "70%", "bound", "="),
    region("q2", "20%", "QUANTITY"), region("q3", "10%", "QUANTITY"), region("d2", "last year", "DATE"),
    relation("q2", "d2"), relation("q3", "d2"),
    field("q2", "20%", "value", "20"), field("q2", "20%", "unit", "%"), field("q2", "20%", "date", "2024"),
    field("q2", "20%", "what", "output share"),
    field("q2", "20%", "change_direction", "down"), field("q2", "20%", "change_role", "old"),
    field("q3", "10%", "value", "10"), field("q3", "10%", "unit", "%"), field("q3", "10%", "date", "2024"),
    field("q3", "10%", "bound", "~"), field("q3", "10%", "change_direction", "down"),
    field("q3", "10%", "change_role", "new"),
]

EXPECTED_CLAIMS = [
    {"span": list(at("70%")), "text": "70%", "value": 70, "low": None, "high": None, "bound": "=", "unit": "%",
     "who": "Peru", "what": "Dutch imports", "date": "2024", "change": None, "source": "the board"},
    {"span": list(at("20%")), "text": "20%", "value": 20, "low": None, "high": None, "bound": "=", "unit": "%",
     "who": None, "what": "output share", "date": "2024", "change": {"direction": "down", "role": "old"},
     "source": None},
    {"span": list(at("10%")), "text": "10%", "value": 10, "low": None, "high": None, "bound": "~", "unit": "%",
     "who": None, "what": None, "date": "2024", "change": {"direction": "down", "role": "new"}, "source": None},
]


def ls_task(task_id: int, doc_id: str, result: list, **annotation: Any) -> dict:
    """A task as Label Studio's JSON export writes it."""
    return {"id": task_id, "data": {"id": doc_id, "text": TEXT, **META},
            "annotations": [{"id": 100 + task_id, "completed_by": 1, "result": result, "was_cancelled": False,
                             "ground_truth": False, "lead_time": 12.5, **annotation}],
            "predictions": [], "meta": {}, "created_at": "2025-11-05T10:00:00Z", "project": 3}


def test_label_studio_export_converts_relations_and_per_region_fields():
    [doc] = label_studio_to_gold([ls_task(1, "doc-a", GOOD_RESULT)])
    assert doc["id"] == "doc-a" and doc["text"] == TEXT and doc["meta"] == META
    assert doc["claims"] == EXPECTED_CLAIMS
    assert validate_gold_document(doc)[1] == []


def test_label_studio_export_with_a_broken_task_reports_every_problem_with_its_task():
    broken = copy.deepcopy(GOOD_RESULT)
    broken[0]["value"]["text"] = "71%"                       # span text is not the text slice
    broken.append(relation("q2", "gone"))                    # relation to a missing region
    broken.append(region("w9", "Output", "WHO"))             # slot region related to nothing
    broken.append(field("q3", "10%", "high", "ten"))         # not a number
    export = [ls_task(1, "doc-a", GOOD_RESULT), ls_task(2, "doc-b", broken)]
    with pytest.raises(AnnotationFormatError) as err:
        label_studio_to_gold(export)
    problems = err.value.problems
    assert all(p.startswith("task doc-b: ") for p in problems), problems
    joined = "\n".join(problems)
    for expected in ("region 'q1': text '71%' is not the text at", "names a missing region 'gone'",
                     "WHO region 'w9' 'Output' is not related to any QUANTITY", "high: 'ten' is not a number"):
        assert expected in joined
    assert len(problems) == 4
    # the good task alone is fine
    assert label_studio_to_gold(export[:1])[0]["claims"] == EXPECTED_CLAIMS


def _with(result: list, *items: dict) -> list:
    return [*copy.deepcopy(result), *items]


def _without(result: list, rid: str, name: str) -> list:
    return [r for r in copy.deepcopy(result) if not (r.get("id") == rid and r.get("from_name") == name)]


@pytest.mark.parametrize("result, message", [
    (_with(GOOD_RESULT, field("q1", "70%", "who", "Lima")),
     "who is 'Peru' by its WHO span but 'Lima' in the who field"),
    (_with(GOOD_RESULT, region("w2", "Dutch", "WHO"), relation("q1", "w2")), "who has 2 different WHO spans"),
    (_without(GOOD_RESULT, "q2", "change_role"), "change direction 'down' without a change role"),
    (_with(_without(GOOD_RESULT, "q1", "bound"), field("q1", "70%", "bound", "=>")), "bound '=>' is not one of"),
    (_with(_without(GOOD_RESULT, "q1", "date"), field("q1", "70%", "date", "last year")),
     "date 'last year' is not ISO"),
    (_without(GOOD_RESULT, "q1", "date"), "DATE span '2024' but no ISO value in the date field"),
    (_without(GOOD_RESULT, "q1", "value"), "no value, low or high"),
    (_with(GOOD_RESULT, relation("q1", "q2")), "joins QUANTITY and QUANTITY"),
    (_with(GOOD_RESULT, field("w1", "Peru", "unit", "%")), "are on a WHO region 'w1'"),
    (_with(GOOD_RESULT, field("zz", "Peru", "unit", "%")), "belong to region 'zz', which is not in the result"),
    (_with(GOOD_RESULT, field("q1", "70%", "colour", "red")), "unknown textarea 'colour'"),
    (_with(GOOD_RESULT, region("x1", "Output", "PERSON")), "labels ['PERSON']: expected one of"),
    (_with(GOOD_RESULT, {**region("x2", "Output", "WHO"), "value": {"start": 5, "end": 500, "labels": ["WHO"]}}),
     "is outside the text"),
    (_with(GOOD_RESULT, {"id": "q1", "from_name": "value", "to_name": "text", "type": "textarea",
                         "value": {"start": 15, "end": 18, "text": ["70", "71"]}}), "value has 2 values"),
])
def test_label_studio_problems(result, message):
    with pytest.raises(AnnotationFormatError) as err:
        label_studio_to_gold([ls_task(7, "doc-z", result)])
    assert any(p.startswith("task doc-z: ") and message in p for p in err.value.problems), err.value.problems


@pytest.mark.parametrize("annotations, outcome", [
    ([], "skipped"),
    ([{"result": GOOD_RESULT, "was_cancelled": True}], "skipped"),
    ([{"result": [], "was_cancelled": True}, {"result": GOOD_RESULT}], "converted"),
    ([{"result": []}, {"result": GOOD_RESULT, "ground_truth": True}], "converted"),
    ([{"result": []}, {"result": GOOD_RESULT}], "mark exactly one as ground truth"),
])
def test_label_studio_picks_one_annotation_per_task(annotations, outcome):
    task = {"id": 5, "data": {"id": "doc-a", "text": TEXT, **META}, "annotations": annotations}
    if outcome == "skipped":
        assert label_studio_to_gold([task]) == []
    elif outcome == "converted":
        assert label_studio_to_gold([task])[0]["claims"] == EXPECTED_CLAIMS
    else:
        with pytest.raises(AnnotationFormatError, match=outcome):
            label_studio_to_gold([task])


def test_label_studio_task_id_is_used_when_data_has_none():
    task = ls_task(42, "x", GOOD_RESULT)
    del task["data"]["id"]
    assert label_studio_to_gold([task])[0]["id"] == "42"


# ------------------------------------------------------------------------------------------ Prodigy fixtures

def tokens_of(text: str) -> list[dict]:
    """Whitespace/punctuation tokens in Prodigy's shape (id, start, end, text, ws)."""
    import re

    out = []
    for i, m in enumerate(re.finditer(r"\w+(?:[.%]\w*)*|[^\w\s]", text)):
        out.append({"text": m.group(), "start": m.start(), "end": m.end(), "id": i,
                    "ws": m.end() < len(text) and text[m.end()] == " ", "disabled": False})
    return out


def p_span(mention: str, label: str, occurrence: int = 0, **extra: Any) -> dict:
    start, end = at(mention, occurrence)
    toks = [t for t in tokens_of(TEXT) if t["start"] >= start and t["end"] <= end]
    return {"text": TEXT[start:end], "start": start, "end": end, "token_start": toks[0]["id"],
            "token_end": toks[-1]["id"], "type": "span", "label": label, **extra}


def p_rel(head: dict, child: dict, label: str = "SLOT", with_spans: bool = True) -> dict:
    rel = {"head": head["token_end"], "child": child["token_end"], "label": label, "color": "#ffd882"}
    if with_spans:
        keys = ("start", "end", "token_start", "token_end", "label")
        rel.update(head_span={k: head[k] for k in keys}, child_span={k: child[k] for k in keys})
    return rel


def prodigy_record(doc_id: str, answer: str = "accept") -> dict:
    q70 = p_span("70%", "QUANTITY", value=70, unit="%", date="2024", bound="=")
    q20 = p_span("20%", "QUANTITY")   # attributes from meta.claims
    q10 = p_span("10%", "QUANTITY", value="10", unit="%", date="2024", bound="~",
                 change={"direction": "down", "role": "new"})
    who, src, what = p_span("Peru", "WHO"), p_span("the board", "SOURCE"), p_span("Dutch imports", "WHAT")
    d2024, dlast = p_span("2024", "DATE"), p_span("last year", "DATE")
    return {
        "text": TEXT, "tokens": tokens_of(TEXT),
        "meta": {"id": doc_id, **META, "claims": [
            {"span": list(at("20%")), "value": 20, "unit": "%", "date": "2024", "what": "output share",
             "change_direction": "down", "change_role": "old"}]},
        "_input_hash": 1234, "_task_hash": -5678,
        "spans": [who, q70, what, d2024, src, q20, q10, dlast],
        "relations": [p_rel(q70, who, "WHO"), p_rel(src, q70), p_rel(q70, d2024, with_spans=False),
                      p_rel(q70, what), p_rel(q20, dlast), p_rel(dlast, q10, with_spans=False)],
        "answer": answer, "_view_id": "relations", "_session_id": None,
    }


def test_prodigy_accepted_records_only():
    records = [prodigy_record("doc-a"), prodigy_record("doc-b", "reject"), prodigy_record("doc-c", "ignore")]
    [doc] = prodigy_to_gold(records)
    assert doc["id"] == "doc-a" and doc["meta"] == META
    assert doc["claims"] == EXPECTED_CLAIMS
    assert validate_gold_document(doc)[1] == []


def _prodigy_mutated(change) -> dict:
    record = prodigy_record("doc-p")
    change(record)
    return record


@pytest.mark.parametrize("record, message", [
    (_prodigy_mutated(lambda r: r["meta"]["claims"][0].update(span=[0, 5])), "matches no QUANTITY span"),
    (_prodigy_mutated(lambda r: r["spans"][1].update(unit="USD")), None),  # conflict needs meta: see next
    (_prodigy_mutated(lambda r: r["meta"]["claims"].append({"span": list(at("70%")), "unit": "USD"})),
     "unit is '%' on the span but 'USD' in meta.claims"),
    (_prodigy_mutated(lambda r: r["relations"].append({"head": 999, "child": 0, "label": "WHO"})),
     "does not end on a span of the record"),
    (_prodigy_mutated(lambda r: r["spans"].append(p_span("Output", "WHO"))),
     "WHO span 'Output' [59, 65) is not related to any QUANTITY"),
    (_prodigy_mutated(lambda r: r["spans"][0].update(text="Chine")), "text 'Chine' is not the text at"),
    (_prodigy_mutated(lambda r: r["spans"][0].update(label="PERSON")), "label 'PERSON': expected one of"),
    (_prodigy_mutated(lambda r: r["spans"][1].update(value="70 percent")), "value: '70 percent' is not a number"),
])
def test_prodigy_problems(record, message):
    if message is None:  # a span attribute alone is just the value
        assert prodigy_to_gold([record])[0]["claims"][0]["unit"] == "USD"
        return
    with pytest.raises(AnnotationFormatError) as err:
        prodigy_to_gold([record])
    assert any(p.startswith("record 1 (doc-p): ") and message in p for p in err.value.problems), err.value.problems


def test_prodigy_broken_span_is_reported_once():
    record = _prodigy_mutated(lambda r: r["spans"][0].update(text="Chine"))
    with pytest.raises(AnnotationFormatError) as err:
        prodigy_to_gold([record])
    assert len(err.value.problems) == 1, err.value.problems


def test_prodigy_one_record_per_document():
    with pytest.raises(AnnotationFormatError, match="already accepted in record 1"):
        prodigy_to_gold([prodigy_record("doc-a"), prodigy_record("doc-a")])


# -------------------------------------------------------------------------------------------- small pieces

@pytest.mark.parametrize("raw, expected", [
    ("70", 70), ("45,000", 45000), ("86300000000", 86300000000), ("3.2", 3.2), ("-1.5e3", -1500.0),
    ("\u22125", -5), (" 12 ", 12), (7, 7), (0.5, 0.5), ("", None), (None, None),
])
def test_parse_number(raw, expected):
    value, problem = parse_number(raw)
    assert problem is None and value == expected and type(value) is type(expected)


@pytest.mark.parametrize("raw", ["1,5", "five", "15%", "$5", True, "1.2.3"])
def test_parse_number_refuses(raw):
    value, problem = parse_number(raw)
    assert value is None and problem


@pytest.mark.parametrize("value", [86300000000.0, 33.333333333333336, 45000, 0.1, 1e22, -2.5])
def test_number_text_round_trips(value):
    assert parse_number(number_text(value))[0] == value


def test_locate_slot_spans_takes_the_occurrence_nearest_the_quantity():
    text = "China said X. Later, China made 5 t."
    claim = {"span": [32, 35], "who": "China", "what": "nothing here", "source": None}
    located = locate_slot_spans(text, claim)
    assert located["who_span"] == [21, 26] and "what_span" not in located and "source_span" not in located


def test_labeling_config_declares_exactly_what_the_code_reads():
    root = ET.parse(LABEL_CONFIG_PATH).getroot()
    labels = [el.get("value") for el in root.iter("Label")]
    textareas = [el for el in root.iter("TextArea")]
    choices = {el.get("name"): [c.get("value") for c in el.iter("Choice")] for el in root.iter("Choices")}
    assert labels == list(LABELS)
    assert [el.get("name") for el in textareas] == list(TEXTAREA_FIELDS)
    assert choices == {"bound": list(BOUNDS), "change_direction": list(DIRECTIONS),
                       "change_role": ["old", "new", "delta"]}
    assert set(ROLES) == set(choices["change_role"])
    controls = [*textareas, *root.iter("Choices")]
    assert all(el.get("perRegion") == "true" and el.get("toName") == "text" for el in controls)
    assert [el.get("name") for el in root.iter("Labels")] == ["label"]
    assert [el.get("name") for el in root.iter("Text")] == ["text"]


# ------------------------------------------------------------------------------------------------ exporter

def test_exporter_output_is_label_studio_predictions():
    claim = {**EXPECTED_CLAIMS[0], "who_span": list(at("Peru")), "source_span": list(at("the board")),
             "what_span": None, "date_span": list(at("2024"))}
    [task] = claims_to_label_studio([{"id": "doc-a", "text": TEXT, "meta": META}], {"doc-a": [claim]},
                                    model_version="newsclaims-test")
    assert task["data"] == {"id": "doc-a", "text": TEXT, **META}
    [prediction] = task["predictions"]
    assert prediction["model_version"] == "newsclaims-test"
    by_type: dict[str, list] = {}
    for item in prediction["result"]:
        by_type.setdefault(item["type"], []).append(item)
    assert [r["value"]["labels"][0] for r in by_type["labels"]] == ["QUANTITY", "WHO", "DATE", "SOURCE"]
    assert all(r["from_id"] == "q0" for r in by_type["relation"]) and len(by_type["relation"]) == 3
    assert {r["from_name"]: r["value"]["text"] for r in by_type["textarea"]} == \
           {"value": ["70"], "unit": ["%"], "date": ["2024"], "what": ["Dutch imports"]}
    assert [(r["from_name"], r["value"]["choices"]) for r in by_type["choices"]] == [("bound", ["="])]
    per_region = by_type["textarea"] + by_type["choices"]
    assert all(r["id"] == "q0" and r["value"]["start"] == at("70%")[0] for r in per_region)


def test_exporter_shares_one_slot_region_among_quantities():
    claims = [{**c, "date_span": list(at("last year"))} for c in EXPECTED_CLAIMS[1:]]
    [task] = claims_to_label_studio([{"id": "d", "text": TEXT}], {"d": claims})
    result = task["predictions"][0]["result"]
    assert sum(1 for r in result if r["type"] == "labels" and r["value"]["labels"] == ["DATE"]) == 1
    assert sum(1 for r in result if r["type"] == "relation") == 2


@pytest.mark.parametrize("claims, message", [
    ({"d": [{**EXPECTED_CLAIMS[0], "span": [5, 500]}]}, "outside the text"),
    ({"d": [{**EXPECTED_CLAIMS[0], "text": "80%"}]}, "text '80%' is not the text at"),
    ({"d": [{**EXPECTED_CLAIMS[0], "value": "lots"}]}, "value: 'lots' is not a number"),
    ({"d": [], "other": [EXPECTED_CLAIMS[0]]}, "document other: 1 claims but no such document"),
])
def test_exporter_refuses_claims_that_do_not_fit(claims, message):
    with pytest.raises(AnnotationFormatError) as err:
        claims_to_label_studio([{"id": "d", "text": TEXT}], claims)
    assert any(message in p for p in err.value.problems), err.value.problems


def _accept_predictions(tasks: list[dict]) -> list[dict]:
    """What Label Studio exports after an annotator submits the pre-annotations unchanged (via a JSON file)."""
    tasks = json.loads(json.dumps(tasks))
    for n, task in enumerate(tasks):
        task["id"] = n + 1
        task["annotations"] = [{"id": n + 1, "result": task.pop("predictions")[0]["result"], "was_cancelled": False,
                                "ground_truth": False}]
    return tasks


def test_gold_dev_round_trips_through_label_studio_pre_annotations():
    gold = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    claims = {d["id"]: [locate_slot_spans(d["text"], c) for c in d["claims"]] for d in gold}
    tasks = claims_to_label_studio(gold, claims, model_version="gold")
    relations = sum(1 for t in tasks for r in t["predictions"][0]["result"] if r["type"] == "relation")
    assert relations > 100  # the slots really travel as related spans, not only as typed fields
    back = label_studio_to_gold(_accept_predictions(tasks))
    assert [(d["id"], d["text"], d["meta"]) for d in back] == [(d["id"], d["text"], d["meta"]) for d in gold]
    for before, after in zip(gold, back):
        assert [slots(c) for c in after["claims"]] == [slots(c) for c in before["claims"]], before["id"]
        assert validate_gold_document(after)[1] == []


def test_pipeline_output_round_trips_through_label_studio(nlp):
    import newsclaims

    gold = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()[:4]]
    docs = [{"id": d["id"], "text": d["text"], "published": d["meta"]["published"]} for d in gold]
    claims = {d["id"]: [c.to_dict() for c in
                        newsclaims.extract(d["text"], published=d["published"], doc_id=d["id"], nlp=nlp)]
              for d in docs}
    assert sum(map(len, claims.values())) > 5
    back = label_studio_to_gold(_accept_predictions(claims_to_label_studio(docs, claims)))
    for doc in back:
        expected = sorted((slots(c) for c in claims[doc["id"]]), key=lambda c: c["span"])
        assert [slots(c) for c in doc["claims"]] == expected


def test_predictions_validate_with_the_label_studio_sdk():
    """The Label Studio SDK's own validator accepts our predictions against our config (skipped without the SDK)."""
    sdk = pytest.importorskip("label_studio_sdk.label_interface")
    interface = sdk.LabelInterface(LABEL_CONFIG_PATH.read_text(encoding="utf-8"))
    gold = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    claims = {d["id"]: [locate_slot_spans(d["text"], c) for c in d["claims"]] for d in gold}
    tasks = claims_to_label_studio(gold, claims)
    assert [interface.validate_prediction(t["predictions"][0], return_errors=True) for t in tasks] == [[]] * len(tasks)


# ------------------------------------------------------------------------------------------------- CLI glue

def _ns(**kwargs: Any) -> argparse.Namespace:
    return argparse.Namespace(**kwargs)


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_cli_convert_label_studio_and_prodigy(tmp_path, capsys):
    (tmp_path / "ls.json").write_text(json.dumps([ls_task(1, "doc-a", GOOD_RESULT),
                                                  {"id": 2, "data": {"id": "doc-b", "text": TEXT}, "annotations": []}]))
    assert convert_main(_ns(command="convert", input=str(tmp_path / "ls.json"), source_format="label-studio",
                            output=str(tmp_path / "out" / "ls.jsonl"), use_predictions=False)) == 0
    assert [d["claims"] for d in _read_jsonl(tmp_path / "out" / "ls.jsonl")] == [EXPECTED_CLAIMS]
    assert "1 task(s) without annotations skipped" in capsys.readouterr().err

    lines = [prodigy_record("doc-a"), prodigy_record("doc-b", "reject")]
    (tmp_path / "prodigy.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines))
    assert convert_main(_ns(command="convert", input=str(tmp_path / "prodigy.jsonl"), source_format="prodigy",
                            output=str(tmp_path / "p.jsonl"))) == 0
    assert [d["id"] for d in _read_jsonl(tmp_path / "p.jsonl")] == ["doc-a"]


def test_cli_convert_reports_problems_and_writes_nothing(tmp_path, capsys):
    broken = _with(GOOD_RESULT, relation("q1", "gone"))
    (tmp_path / "ls.json").write_text(json.dumps([ls_task(1, "doc-a", broken)]))
    assert convert_main(_ns(command="convert", input=str(tmp_path / "ls.json"), source_format="label-studio",
                            output=str(tmp_path / "out.jsonl"))) == 1
    assert "task doc-a: relation 'q1' -> 'gone' names a missing region" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


def test_cli_export_from_a_gold_file_then_convert_back(tmp_path):
    out = tmp_path / "tasks.json"
    assert convert_main(_ns(command="export-label-studio", source=str(DEV), output=str(out), documents=None,
                            field=None, model_version=None)) == 0
    (tmp_path / "export.json").write_text(json.dumps(_accept_predictions(json.loads(out.read_text()))))
    assert convert_main(_ns(command="convert", input=str(tmp_path / "export.json"), source_format="label-studio",
                            output=str(tmp_path / "gold.jsonl"))) == 0
    gold, back = _read_jsonl(DEV), _read_jsonl(tmp_path / "gold.jsonl")
    assert [[slots(c) for c in d["claims"]] for d in back] == [[slots(c) for c in d["claims"]] for d in gold]


def test_cli_export_of_a_claims_file_needs_the_documents(tmp_path, capsys):
    (tmp_path / "claims.jsonl").write_text(json.dumps({**EXPECTED_CLAIMS[0], "doc_id": "doc-a"}) + "\n")
    args = _ns(command="export-label-studio", source=str(tmp_path / "claims.jsonl"), output=str(tmp_path / "t.json"),
               documents=None, field=None, model_version=None)
    assert convert_main(args) == 1 and "needs --documents" in capsys.readouterr().err
    (tmp_path / "docs.jsonl").write_text(json.dumps({"id": "doc-a", "text": TEXT}) + "\n")
    args.documents = [str(tmp_path / "docs.jsonl")]
    assert convert_main(args) == 0
    assert len(json.loads((tmp_path / "t.json").read_text())[0]["predictions"][0]["result"]) > 1


def test_cli_export_from_a_run_directory_rereads_the_inputs(tmp_path):
    from newsclaims.io.writers import flatten_claim

    inputs = tmp_path / "news.jsonl"
    inputs.write_text(json.dumps({"id": "doc-a", "text": TEXT, "published": "2025-11-04", "title": "T"}) + "\n")
    run = tmp_path / "run"
    run.mkdir()
    claim = {**EXPECTED_CLAIMS[0], "doc_id": "doc-a", "who_span": list(at("Peru")),
             "source_span": list(at("the board")), "what_span": list(at("Dutch imports")), "date_span": list(at("2024"))}
    (run / "claims.jsonl").write_text(json.dumps(flatten_claim(claim)) + "\n")
    (run / "documents.jsonl").write_text(json.dumps({"id": "doc-a", "n_chars": len(TEXT), "status": "ok",
                                                     "text": None}) + "\n")
    (run / "manifest.json").write_text(json.dumps({"config_hash": "abc", "inputs": [{"path": str(inputs)}],
                                                   "options": {"field_map": {}}}))
    out = tmp_path / "tasks.json"
    assert convert_main(_ns(command="export-label-studio", source=str(run), output=str(out), documents=None,
                            field=None, model_version=None)) == 0
    [task] = json.loads(out.read_text())
    assert task["data"]["id"] == "doc-a" and task["data"]["published"] == "2025-11-04"
    assert task["predictions"][0]["model_version"].endswith("+abc")
    [doc] = label_studio_to_gold(_accept_predictions([task]))
    assert [slots(c) for c in doc["claims"]] == [slots(EXPECTED_CLAIMS[0])]

    (run / "documents.jsonl").write_text(json.dumps({"id": "doc-a", "n_chars": 3, "status": "ok", "text": None}) + "\n")
    assert convert_main(_ns(command="export-label-studio", source=str(run), output=str(out), documents=None,
                            field=None, model_version=None)) == 1
